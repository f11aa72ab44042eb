"""Matrix arguments in the engine: each step, sealed counters, the three ways of weighing, limits, undo."""

from __future__ import annotations

import json

import pytest

from tabletop import Action, RuleViolation, apply, legal_actions, new_game
from tabletop.engine.legal import move_options, waiting_for
from tabletop.engine.records import Ruling
from tabletop.engine.rulingwords import ruling_text
from tabletop.engine.wording import names
from tabletop.engine.telling import tell

from .argue_kit import argue_scenario, argument, counter, odds, to_counters
from .support import move, opening, roll, run


def _refused(state, action: Action, code: str) -> RuleViolation:  # noqa: ANN001
    with pytest.raises(RuleViolation) as info:
        apply(state, action)
    assert info.value.code == code, info.value.message
    return info.value


def test_legal_actions_list_each_step_and_who_acts() -> None:
    state = run(new_game(argue_scenario(), seed=1), opening())
    offered = [a for a in legal_actions(state) if a.move == "argue"]
    # one ready argument per result, on each track a sits at where it is offered (alpha, beta)
    assert [(a.track, dict(a.wanted)) for a in offered] == [
        ("alpha", {"progress": 1}), ("alpha", {"tension": -1}), ("alpha", {"status": "deferred"}),
        ("beta", {"progress": 1}), ("beta", {"tension": -1}), ("beta", {"status": "deferred"}),
    ]
    assert all(a.text == "Argue" and a.reasons == () for a in offered)  # no stock: the move's name
    # move_options agrees with legal_actions on what is allowed
    assert [a for a, p in move_options(state, "a") if p is None and a.move == "argue"] == offered
    state = run(state, to_counters()[3:])
    assert waiting_for(state) == "counter"
    assert legal_actions(state) == [counter("b")]  # members only: b; no stock counter, so a pass
    state = apply(state, counter("b", "Words are cheap"))
    assert waiting_for(state) == "odds"
    assert [a.odds for a in legal_actions(state)] == ["very-likely", "likely", "even", "unlikely", "very-unlikely"]
    state = apply(state, odds("unlikely"))
    assert waiting_for(state) == "roll" and legal_actions(state) == [Action("roll", track="alpha")]
    state = apply(state, roll("alpha", 6, 2))
    ruling = Ruling.from_result(state.last.result)
    assert ruling is not None and ruling.success is False and ruling.target == 9
    text = ruling_text(ruling, names(state))
    assert text == ("action: \u201cOpen a hotline\u201d; wants: progress +1; reason 1: \u201cIt costs nothing\u201d; "
                    "counter by Brask: \u201cWords are cheap\u201d; odds: unlikely (9+ on two dice), set by the "
                    "facilitator; rolled 6 + 2 = 8 vs target 9 \u2192 fails")
    assert state.tracks["alpha"].tension == 2  # fail_effects, on Alpha


def test_stock_texts_fill_the_listed_argument_and_counter() -> None:
    data_scenario = argue_scenario(counters="all")
    from tabletop.content import scenario_from_data

    data = json.loads(json.dumps(data_scenario.embedded()))
    data["deck"]["arguments"] = [{"track": "alpha", "actions": ["Open a hotline"], "reasons": ["r1", "r2", "r3", "r4"],
                                  "counters": ["c1", "c2"]}]
    scenario = scenario_from_data(data, name="stock")
    state = run(new_game(scenario, seed=1), opening())
    listed = next(a for a in legal_actions(state) if a.move == "argue")
    assert (listed.text, listed.reasons) == ("Open a hotline", ("r1", "r2", "r3"))  # at most 3 reasons
    state = run(state, [listed, move("b", "stall", "gamma"), move("c", "stall", "gamma"), Action("advance")])
    # every other team counters in turn order, each offered the next stock counter
    assert legal_actions(state)[0] == counter("b", "c1")
    state = apply(state, counter("b", "c1"))
    assert legal_actions(state)[0] == counter("c", "c2")


def test_sealed_counters_are_held_until_the_last() -> None:
    state = run(new_game(argue_scenario(sealed=True, counters="all"), seed=1), to_counters())
    assert state.queue[0].sealed
    state = apply(state, counter("b", "A secret objection"))
    assert "A secret objection" not in tell(state.last, state.scenario) and "sealed" in tell(state.last, state.scenario)
    assert "counters_revealed" not in state.last.result
    state = apply(state, counter("c"))  # a pass looks the same behind the gate
    assert tell(state.last, state.scenario).startswith("Corvin: a counter or a pass entered (sealed)")
    assert state.last.result["counters_revealed"] == [["b", "A secret objection"], ["c", None]]


def test_matrix_odds_move_one_step_per_strong_reason_and_counter() -> None:
    base = run(new_game(argue_scenario(odds="matrix"), seed=1), to_counters(reasons=("r1", "r2")))
    base = apply(base, counter("b", "c1"))
    assert [a.strong for a in legal_actions(base)] == [(0, 1, 2), ()]
    cases = {(): "even", (0,): "likely", (0, 1): "very-likely", (2,): "unlikely", (0, 2): "even"}
    for strong, label in cases.items():
        after = apply(base, odds(strong=strong))
        assert after.queue[0].argument.odds == label, strong
        assert after.queue[0].argument.odds_by == "matrix"
    _refused(base, odds(strong=(3,)), "UNKNOWN_ODDS")
    _refused(base, odds(strong=(0, 0)), "UNKNOWN_ODDS")
    _refused(base, odds("likely", strong=(0,)), "INVALID_ACTION")
    state = run(base, [odds(strong=(0, 2)), roll("alpha", 4, 3)])
    assert "reason 1: \u201cr1\u201d (strong)" in ruling_text(Ruling.from_result(state.last.result), names(state))


def test_teams_vote_the_odds_and_the_facilitator_confirms() -> None:
    state = run(new_game(argue_scenario(odds="vote", counters="all"), seed=1), to_counters())
    state = run(state, [counter("b"), counter("c", "Too soon")])
    assert {a.actor for a in legal_actions(state)} == {"b"}
    _refused(state, odds("likely"), "NOT_YOUR_TURN")  # the facilitator waits for the votes
    state = run(state, [odds("unlikely", actor="b"), odds("likely", actor="c")])
    confirm = legal_actions(state)
    assert confirm[0] == odds("likely") and {a.actor for a in confirm} == {None}  # the likelier middle first
    _refused(state, odds("likely", actor="b"), "NOT_YOUR_TURN")
    voted = apply(state, odds("likely"))
    assert voted.queue[0].argument.odds_by == "vote"
    overruled = apply(state, odds("very-unlikely"))
    assert overruled.queue[0].argument.odds_by == "facilitator"
    state = apply(overruled, roll("alpha", 6, 6))
    text = ruling_text(Ruling.from_result(state.last.result), names(state))
    assert "set by the facilitator after the teams voted (Brask: unlikely (9+ on two dice); Corvin: likely" in text


def test_text_limits_and_shapes_are_enforced() -> None:
    state = run(new_game(argue_scenario(text_length=20, reason_length=20, reasons=2), seed=1), opening())
    _refused(state, argument(text="x" * 21), "TEXT_TOO_LONG")
    _refused(state, argument(reasons=("ok", "y" * 21)), "TEXT_TOO_LONG")
    _refused(state, argument(reasons=("a", "b", "c")), "INVALID_ACTION")
    _refused(state, argument(text="   "), "INVALID_ACTION")
    _refused(state, argument(wanted={"progress": True}), "NOT_ARGUABLE")
    _refused(state, argument(wanted={"progress": 1, "tension": -1}), "NOT_ARGUABLE")
    _refused(state, argument(wanted={}), "NOT_ARGUABLE")
    _refused(state, argument(text="bad \udc80"), "INVALID_TEXT")
    _refused(state, Action("move", actor="a", move="stall", track="alpha", reasons=("why",)), "INVALID_ACTION")
    state = run(state, [argument(text="x" * 20, reasons=(" padded ",)), Action("pass", actor="b"),
                        Action("pass", actor="c"), Action("advance")])
    assert state.queue[0].argument.reasons == ("padded",)
    _refused(state, counter("b", "z" * 21), "TEXT_TOO_LONG")
    _refused(state, counter("c", "not c's turn"), "NOT_YOUR_TURN")
    _refused(state, odds("likely"), "WRONG_PHASE")
    _refused(state, Action("roll", track="alpha"), "WRONG_PHASE")
    state = apply(state, counter("b"))
    _refused(state, odds("sure"), "UNKNOWN_ODDS")
    _refused(state, odds("likely", wanted={"progress": 2}), "NOT_ARGUABLE")
    scaled = apply(state, odds("likely", wanted={"tension": -1}))
    assert scaled.queue[0].argument.wanted == (("tension", -1),)


def test_undo_takes_back_one_step_at_a_time() -> None:
    steps = [*to_counters(), counter("b", "No"), odds("even"), roll("alpha", 5, 5)]
    state = new_game(argue_scenario(), seed=1)
    for action in steps:
        before = state.hash
        state = apply(state, action)
        assert apply(state, Action("undo")).hash == before, action.kind
    assert state.tracks["alpha"].status == "agreed"


def test_a_replay_from_the_saved_actions_gives_the_same_game() -> None:
    state = run(new_game(argue_scenario(odds="matrix"), seed=4),
                [*to_counters(), counter("b", "\u201cQuoted\u201d [bold]x[/]"), odds(strong=(0,)), Action("roll", track="alpha")])
    replayed = new_game(argue_scenario(odds="matrix"), seed=4)
    for event in state.log:
        data = json.loads(json.dumps(event.action.to_dict()))
        action = Action.from_dict(data)
        assert action == event.action.without_outcome() or action == event.action
        replayed = apply(replayed, Action.from_dict({**data, **({"outcome": event.result["outcome"]} if "outcome" in event.result else {})}))
    assert replayed.hash == state.hash and replayed.log[-1].result == state.log[-1].result


def test_the_reveal_of_sealed_counters_says_each_one() -> None:
    """Found from outside: once the sealed counters were revealed, a team's screen and the projector read
    only "...; the counters are revealed": the texts were on the facilitator's console alone, and the room
    weighed an argument against counters it never saw. The reveal's line now says each counter."""
    state = run(new_game(argue_scenario(sealed=True, counters="all"), seed=1), to_counters())
    state = run(state, [counter("b", "A secret objection"), counter("c")])
    said = tell(state.last, state.scenario)
    assert said.startswith("Corvin: a counter or a pass entered (sealed); the counters are revealed: "), said
    assert "\u201cA secret objection\u201d" in said and "Corvin: no counter" in said, said


def test_a_sealed_pass_is_not_told_as_a_counter() -> None:
    """Found from outside: behind the gate a team's pass was told "United States: counter entered (sealed)", so
    the room heard the US object when it had not. A counter and a pass still look the same there, in words
    true of both."""
    state = run(new_game(argue_scenario(sealed=True, counters="all"), seed=1), to_counters())
    state = apply(state, counter("b", "A secret objection"))
    assert tell(state.last, state.scenario) == "Brask: a counter or a pass entered (sealed)"
    state = apply(state, counter("c"))  # a pass
    assert tell(state.last, state.scenario).split("; ")[0] == "Corvin: a counter or a pass entered (sealed)"


def test_an_argument_set_aside_behind_the_gate_reveals_the_counters_entered() -> None:
    """Found in review: the facilitator set aside an argument whose track had collapsed while its sealed counters were
    still coming in; the counters already entered stayed hidden from the other teams (a reveal comes with the last
    counter, which never came). The lapse reveals them as the argument ends, and keeps them in its ruling."""
    state = run(new_game(argue_scenario(sealed=True, counters="all"), seed=1), to_counters())
    state = apply(state, counter("b", "A secret objection"))
    assert "counters_revealed" not in state.last.result
    state = apply(state, Action("override", track="alpha", status="collapsed", reason="walk-out"))
    state = apply(state, Action("lapse", track="alpha"))
    assert state.last.result["counters_revealed"] == [["b", "A secret objection"]]
    assert state.last.result["ruling"]["counters"] == [["b", "A secret objection"]]


def _matrix_ruling(reasons: tuple[str, ...], strong: tuple[int, ...]) -> tuple[Ruling, dict[str, str]]:
    """A matrix argument on Alpha with ``reasons`` and one counter by Brask, weighed with ``strong`` marked, rolled."""
    state = run(new_game(argue_scenario(odds="matrix"), seed=1), to_counters(reasons=reasons))
    state = run(state, [counter("b", "c1"), odds(strong=strong), roll("alpha", 4, 3)])
    ruling = Ruling.from_result(state.last.result)
    assert ruling is not None and ruling.odds_by == "matrix"
    return ruling, names(state)


def test_a_matrix_ruling_says_how_its_odds_were_found() -> None:
    """The working says how many strong reasons and counters there were and how far they moved the odds from even
    (found from outside: "2 strong of 4" left the room to guess which were reasons and what each was worth)."""
    ruling, who = _matrix_ruling(("r1", "r2", "r3"), (0, 1, 3))  # two reasons and the counter strong
    text = ruling_text(ruling, who)
    assert ruling.odds == "likely"
    assert "odds: likely (6+ on two dice), by the matrix: from even, 2 strong reasons and 1 strong counter make " \
           "1 step likelier" in text
    ruling, who = _matrix_ruling(("r1",), (1,))  # the counter alone
    assert ruling.odds == "unlikely"
    assert "from even, no strong reason and 1 strong counter make 1 step less likely" in ruling_text(ruling, who)
    ruling, who = _matrix_ruling(("r1", "r2", "r3"), (0, 1, 2))  # three steps asked, the scale has two
    assert ruling.odds == "very-likely"
    assert ("from even, 3 strong reasons and no strong counter make 3 steps likelier; the odds go no further"
            in ruling_text(ruling, who))
    ruling, who = _matrix_ruling(("r1",), ())
    assert "odds: even (7+ on two dice), by the matrix: from even, no strong reason and no strong counter make " \
           "no step" in ruling_text(ruling, who)


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_matrix_rulings_working_is_said_in_the_rooms_language(code: str) -> None:
    from tabletop import lang

    ruling, who = _matrix_ruling(("r1", "r2", "r3"), (0, 1, 3))
    with lang.using("en"):
        english = ruling_text(ruling, who)
    with lang.using(code):
        said = ruling_text(ruling, who)
    odds_part = next(p for p in said.split("; ") if "6+" in p)
    assert "2" in odds_part and "1" in odds_part and "3" not in odds_part, odds_part  # two reasons, one counter
    assert "matrix" not in odds_part and "strong" not in odds_part and "step" not in odds_part, odds_part
    assert odds_part not in english and any("\u0400" <= ch <= "\u04ff" for ch in odds_part), odds_part
