"""The facilitator's powers: inject, skip, redraw, note, end, undo, override, rulings.

Played on the catalogue scenario (see test_catalogue.py): actors a, b, c;
alpha (a, b), beta (a, b, c; card "offer" answered by c), gamma (b, c);
every track at position 2, tension 1; trust 4.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tabletop import Action, RuleViolation, apply, lang, legal_actions, new_game
from tabletop.engine import State
from tabletop.engine.actions import FACILITATOR_KINDS
from tabletop.engine.telling import tell

from .support import ADVANCE, catalogue_scenario, choose, draw, move, opening, pass_, run


def _game(*actions: Action, mode: str = "strict", seed: int = 1) -> State:
    return run(new_game(catalogue_scenario(mode), seed=seed), actions)


def _board(state: State) -> dict[str, tuple[int, int, str, bool]]:
    return {tid: (t.position, t.tension, t.status, t.provisional) for tid, t in state.tracks.items()}


BASE = (2, 1, "open", False)


# -- inject -----------------------------------------------------------------


def test_inject_puts_a_named_card_in_play_now() -> None:
    state = _game(*opening())
    assert state.turn == "a"
    state = apply(state, Action("inject", card="offer"))
    assert state.card == "offer"
    assert "offer" not in state.pile
    assert state.last is not None and tell(state.last, state.scenario) == "Facilitator injects: Offer on Beta"
    # the card's chooser answers before anyone moves on
    assert legal_actions(state) == [choose("c", "beta", "offer", 0), choose("c", "beta", "offer", 1)]
    with pytest.raises(RuleViolation) as info:
        apply(state, move("a", "stall", "alpha"))
    assert info.value.code == "CARD_PENDING"

    state = apply(state, choose("c", "beta", "offer", 0))
    assert _board(state) == {"alpha": BASE, "beta": (3, 1, "agreed", False), "gamma": BASE}
    assert state.card is None
    assert state.discard[-1] == "offer"
    assert state.last is not None and tell(state.last, state.scenario) == "Offer on Beta: Corvin chose \u201cTake it\u201d"
    # the moves phase goes on where it was
    assert state.phase == "moves" and state.turn == "a"


def test_inject_before_the_draw_is_the_rounds_event() -> None:
    state = apply(_game(), Action("inject", card="thaw"))
    assert legal_actions(state) == [Action("apply_card", card="thaw")]
    state = apply(state, Action("apply_card"))
    assert state.meters["trust"] == 5
    assert legal_actions(state) == [ADVANCE]  # no second card this round


#: what the log and the report say of an inject whose card's condition did not hold, in each language
UNMET_INJECT = {
    "en": "Facilitator injects: Late breakthrough on Alpha \u2014 injected though its condition was not met",
    "ru": "Ведущий вбрасывает карточку: Late breakthrough on Alpha \u2014 вброшена, хотя её условие не выполнялось",
    "uk": "Ведучий вкидає картку: Late breakthrough on Alpha \u2014 вкинута, хоча її умова не виконувалася",
}


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_an_inject_whose_condition_does_not_hold_is_played_and_says_so(code: str) -> None:
    """Found from outside (helper-319, F3): an injected card ignored its own ``requires`` and nothing said so. The
    inject is the facilitator's deliberate act and stands; its record says the condition did not hold."""
    state = apply(_game(), Action("inject", card="late"))  # needs tension >= 2 on alpha, which is at 1
    assert state.card == "late" and state.last is not None
    assert state.last.result == {"requires_unmet": True}
    with lang.using(code):
        assert tell(state.last, state.scenario) == UNMET_INJECT[code]
    state = apply(state, Action("apply_card", track="alpha"))
    assert state.tracks["alpha"].position == 3  # played as the facilitator chose
    held = apply(_game(), Action("override", track="alpha", tension=2, reason="r"))
    held = apply(held, Action("inject", card="late"))
    assert held.last is not None and held.last.result == {}  # a condition that holds: the record as before
    assert tell(held.last, held.scenario) == "Facilitator injects: Late breakthrough on Alpha"


#: a card written for a parked track: it asks for the status itself, so it is for a deferred track to play
THAW_ON_PARKED_ALPHA = {"id": "quiet-contacts", "title": "Quiet contacts on Alpha", "track": "alpha",
                        "requires": [{"status": "deferred"}], "effects": [{"tension": -1}]}


@pytest.mark.parametrize("mode", ["strict", "linked"])
def test_an_inject_on_a_deferred_track_is_refused_until_it_is_reopened(mode: str) -> None:
    """A deferred track is parked on purpose (DESIGN section 2): a draw sets its cards aside, no move is made there,
    and an injected card is refused too, saying how to bring the track back. Found from outside: an injected
    incident pushed deferred Alpha's tension to its breakdown, waiting to collapse it the moment it was reopened. The
    refusal is the live session's (``refuse_new``, asked before ``apply``): ``apply`` replays a save that recorded one
    (tests/play/test_inject_parked.py)."""
    from tabletop.engine.powers import refuse_new

    scenario = catalogue_scenario(mode, extra_cards=[THAW_ON_PARKED_ALPHA])
    parked = run(new_game(scenario, seed=1), (*opening(), move("a", "defer", "alpha")))
    assert parked.tracks["alpha"].status == "deferred"
    for card_id in ("incident", "late"):  # "late" asks for tension only: its track's status still keeps it out
        with pytest.raises(RuleViolation) as info:
            refuse_new(parked, Action("inject", card=card_id))
        assert info.value.code == "TRACK_CLOSED"
        assert "Alpha" in info.value.message and "deferred" in info.value.message and "reopen" in info.value.message
    with lang.using("ru"), pytest.raises(RuleViolation) as info:
        refuse_new(parked, Action("inject", card="incident"))
    assert "Alpha" in info.value.message and "deferred" not in info.value.message
    # a card that asks for the deferred status itself is written for a parked track: it may be injected
    refuse_new(parked, Action("inject", card="quiet-contacts"))
    quiet = run(parked, [Action("inject", card="quiet-contacts"), Action("apply_card", track="alpha")])
    assert (quiet.tracks["alpha"].tension, quiet.tracks["alpha"].status) == (0, "deferred")
    # reopened by the facilitator, the track takes the card again
    reopened = apply(parked, Action("override", track="alpha", status="open", reason="talks resume"))
    refuse_new(reopened, Action("inject", card="incident"))
    reopened = run(reopened, [Action("inject", card="incident"), Action("apply_card", track="alpha")])
    assert (reopened.tracks["alpha"].tension, reopened.tracks["alpha"].status) == (2, "open")


def test_inject_while_a_card_waits_is_refused() -> None:
    state = _game(draw("incident"))
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("inject", card="thaw"))
    assert info.value.code == "CARD_PENDING"
    assert "Incident on Alpha" in info.value.message


# -- skip and redraw ----------------------------------------------------------


def test_skip_sets_the_pending_card_aside_unplayed() -> None:
    state = apply(_game(draw("incident")), Action("skip", reason="Not relevant to this group"))
    assert state.card is None
    assert state.discard == ("incident",)
    assert _board(state) == {"alpha": BASE, "beta": BASE, "gamma": BASE}
    assert state.last is not None and state.last.result["reason"] == "Not relevant to this group"
    assert legal_actions(state) == [ADVANCE]


def test_redraw_reveals_another_card_and_records_it() -> None:
    drawn = _game(Action("draw"))
    first = drawn.card
    assert first is not None
    state = apply(drawn, Action("redraw"))
    assert state.card is not None and state.card != first
    assert first in state.discard
    assert state.last is not None
    outcome = state.last.result["outcome"]
    assert outcome["card"] == state.card
    assert tell(state.last, state.scenario).startswith("Facilitator redraws (")
    # one clause after the other, plainly joined (found from outside, helper-281: «Ведущий тянет заново (карточка «…»
    # отодвинута): Вытянута карточка: …», two colons in a row)
    for code, joined in (("en", ") \u2014 draws "), ("ru", ") \u2014 вытянута карточка «"),
                         ("uk", ") \u2014 витягнуто картку «")):
        with lang.using(code):
            said = tell(state.last, state.scenario)
        assert joined in said and ":" not in said, said
    # fed back, the recorded outcome gives the same state
    assert apply(drawn, Action("redraw", outcome=outcome)).hash == state.hash


def test_redraw_can_be_forced_to_a_card() -> None:
    state = apply(_game(draw("incident")), Action("redraw", outcome={"card": "thaw", "set_aside": [], "reshuffled": 0}))
    assert state.card == "thaw"
    assert state.discard == ("incident",)
    state = apply(state, Action("apply_card"))
    assert state.meters["trust"] == 5
    assert _board(state) == {"alpha": BASE, "beta": BASE, "gamma": BASE}


def test_skip_and_redraw_need_a_card() -> None:
    state = _game(*opening())
    for kind in ("skip", "redraw"):
        with pytest.raises(RuleViolation) as info:
            apply(state, Action(kind))
        assert info.value.code == "NO_CARD"


# -- notes --------------------------------------------------------------------


def test_note_attaches_to_the_event_it_is_about() -> None:
    state = _game(*opening(), move("a", "stall", "alpha"), pass_("b"))
    stall_seq = state.log[-2].seq
    noted = apply(state, Action("note", text="Arden stalled to buy time for capitals", about=stall_seq))
    assert noted.last is not None
    assert noted.last.result["about"] == stall_seq
    assert tell(noted.last, noted.scenario) == f"Note on event {stall_seq}: Arden stalled to buy time for capitals"
    assert noted.hash == state.hash  # a note changes nothing in the game
    assert len(noted.log) == len(state.log) + 1
    # without ``about``, a note is about the latest event
    latest = apply(state, Action("note", text="b passed"))
    assert latest.last is not None and latest.last.result["about"] == state.seq


def test_note_needs_text() -> None:
    with pytest.raises(RuleViolation) as info:
        apply(_game(*opening()), Action("note", text="   "))
    assert info.value.code == "INVALID_ACTION"


# -- end ----------------------------------------------------------------------


def test_end_the_game_early_keeps_the_reason() -> None:
    state = apply(_game(*opening(), move("a", "stall", "alpha")), Action("end", reason="The room must leave at five"))
    assert state.over
    assert state.end_reason == "The room must leave at five"
    assert legal_actions(state) == []
    assert state.last is not None and state.last.result["reason"] == "The room must leave at five"
    assert _board(state)["alpha"] == (2, 2, "open", False)


def test_end_without_reason_says_who_ended_it() -> None:
    state = apply(_game(*opening()), Action("end"))
    assert state.over and state.end_reason == "ended by the facilitator"


def test_end_under_linked_lapses_provisional_agreements() -> None:
    state = _game(*opening(), move("a", "concede", "alpha"), mode="linked")
    assert _board(state)["alpha"] == (3, 1, "agreed", True)
    state = apply(state, Action("end", reason="time"))
    assert _board(state)["alpha"] == (3, 1, "open", False)


# -- undo ---------------------------------------------------------------------


def test_undo_twice_walks_back_two_actions() -> None:
    h0_state = _game(*opening())
    h1_state = apply(h0_state, move("a", "stall", "alpha"))
    h2_state = apply(h1_state, move("b", "stall", "gamma"))
    once = apply(h2_state, Action("undo"))
    assert once.hash == h1_state.hash
    twice = apply(once, Action("undo", reason="wrong team pressed"))
    assert twice.hash == h0_state.hash
    assert _board(twice) == {"alpha": BASE, "beta": BASE, "gamma": BASE}
    assert twice.turn == "a"
    kinds = [e.action.kind for e in twice.log]
    assert kinds[-4:] == ["move", "move", "undo", "undo"]
    assert [e.result["undoes"] for e in twice.log[-2:]] == [5, 4]
    assert twice.last is not None and twice.last.result["reason"] == "wrong team pressed"
    # the game goes on from there
    again = apply(twice, move("a", "walk_out", "alpha"))
    assert again.tracks["alpha"].status == "collapsed"


def test_undo_steps_over_a_note() -> None:
    before = _game(*opening())
    state = apply(before, move("a", "stall", "alpha"))
    state = apply(state, Action("note", text="a tense moment"))
    state = apply(state, Action("undo"))
    assert state.hash == before.hash
    assert state.last is not None and state.last.result["undoes"] == 4


def test_undo_of_the_end_resumes_the_game() -> None:
    before = _game(*opening())
    state = apply(apply(before, Action("end", reason="oops")), Action("undo"))
    assert not state.over
    assert state.hash == before.hash


def test_undo_back_to_the_start_then_nothing_to_undo() -> None:
    state = _game(Action("draw"))
    state = apply(state, Action("undo"))
    assert state.hash == new_game(catalogue_scenario("strict"), seed=1).hash
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("undo"))
    assert info.value.code == "NOTHING_TO_UNDO"


# -- override and rulings -------------------------------------------------------


def test_override_of_a_meter_changes_only_that_meter() -> None:
    before = _game(*opening())
    state = apply(before, Action("override", meter="trust", value=7, reason="Summit went well off stage"))
    assert dict(state.meters) == {"trust": 7, "escalation": 5}
    assert _board(state) == {"alpha": BASE, "beta": BASE, "gamma": BASE}
    assert state.last is not None and state.last.result["changes"] == [{"meter": "trust", "from": 4, "to": 7}]


def test_override_of_a_status_changes_only_that_track() -> None:
    state = apply(_game(*opening()), Action("override", track="beta", status="deferred", reason="Parked by the room"))
    assert _board(state) == {"alpha": BASE, "beta": (2, 1, "deferred", False), "gamma": BASE}


def test_facilitator_ruling_records_its_reason() -> None:
    state = _game(*opening(), move("a", "mediate", "alpha"), pass_("b"), pass_("c"), ADVANCE)
    assert legal_actions(state)[0].kind == "rule"
    state = apply(state, Action("rule", track="alpha", success=False, reason="No text both sides could sign"))
    assert _board(state)["alpha"] == (2, 2, "open", False)
    assert state.last is not None
    assert state.last.result["ruling"]["reason"] == "No text both sides could sign"
    assert state.last.result["ruling"]["success"] is False
    assert tell(state.last, state.scenario).endswith("facilitator: No text both sides could sign")


def test_facilitator_powers_are_never_listed() -> None:
    state = new_game(catalogue_scenario("strict"), seed=3)
    while not state.over:
        options = legal_actions(state)
        assert not {a.kind for a in options} & set(FACILITATOR_KINDS)
        state = apply(state, options[-1])


def test_recorded_outcome_is_kept_on_the_event() -> None:
    """What a save writes: the action plus its resolved outcome, enough to replay it."""
    drawn = _game(Action("draw"))
    assert drawn.last is not None
    recorded = replace(drawn.last.action, outcome=drawn.last.result["outcome"])
    assert apply(_game(), recorded).hash == drawn.hash


@pytest.mark.parametrize("power", [
    Action("override", actor="a", track="alpha", position=3, reason="r"),
    Action("override", actor="a", meter="trust", value=3, reason="r"),
    Action("note", actor="a", text="a team's note?"),
    Action("inject", actor="a", card="thaw"),
    Action("end", actor="a", reason="r"),
    Action("undo", actor="a"),
    Action("skip", actor="a"),
    Action("redraw", actor="a"),
])
def test_a_power_naming_a_team_is_refused(power: Action) -> None:
    """Found from outside (helper-221): ``Action("override", actor="ru", ...)`` was applied, and its record (the
    save's line, the decision log's ``actor``) said Russia overrode the board. A power is the facilitator's alone,
    as a lapse already said ("nothing else (not actor)")."""
    # skip and redraw have a card to act on, undo an event to take back; inject a table with no card on it
    state = _game() if power.kind == "inject" else _game(Action("draw"))
    with pytest.raises(RuleViolation) as refused:
        apply(state, power)
    assert refused.value.code == "INVALID_ACTION" and "actor" in refused.value.message
    apply(state, replace(power, actor=None))  # the same power without a team is taken
