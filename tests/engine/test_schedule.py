"""A master events list: a deck schedules a card for a round, or for the first round a condition holds.

The games here play the catalogue scenario (``scenarios/catalogue.toml``:
three rounds; alpha, beta, gamma at position 2 with tension 1, breakdown
at 3; trust 4) with scheduled cards added to its deck. Draws are left to
the engine (no forced outcome) unless a test says otherwise: what is under
test is what the draw takes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from tabletop import Action, ContentError, RuleViolation, apply, legal_actions, new_game
from tabletop.content import Scenario
from tabletop.engine import State
from tabletop.engine.cards import due_card, on_schedule
from tabletop.engine.wording import schedule_words
from tabletop.engine.telling import tell

from .support import catalogue_scenario, draw, move, random_game

DRAW = Action("draw")


def scheduled(card_id: str, schedule: Mapping[str, Any], **more: Any) -> dict[str, Any]:
    """A card on the master events list (a track card on alpha unless ``track`` says otherwise)."""
    data: dict[str, Any] = {"id": card_id, "title": card_id.replace("-", " ").title(), "track": "alpha",
                            "effects": [{"log": f"{card_id} happens"}], "schedule": dict(schedule)}
    data.update(more)
    return {k: v for k, v in data.items() if v is not None}


def scenario(*cards: Mapping[str, Any], mode: str = "strict") -> Scenario:
    return catalogue_scenario(mode, extra_cards=cards)


def drawn(state: State) -> dict[str, Any]:
    assert state.last is not None and state.last.action.kind in ("draw", "redraw")
    return dict(state.last.result["outcome"])


def to_next_round(state: State) -> State:
    """Resolve the card on the table, everyone passes, and advance to the next round's event phase."""
    start = state.round
    while state.round == start and not state.over:
        options = legal_actions(state)
        pick = next((a for a in options if a.kind in ("apply_card", "advance", "pass")), None)
        state = apply(state, pick if pick is not None else options[0])
    return state


def first_draws(sc: Scenario, seed: int = 1, rounds: int = 3) -> list[tuple[str | None, bool]]:
    """Each round's drawn card and whether it came on the schedule, everyone passing."""
    state = new_game(sc, seed=seed)
    out = []
    for _ in range(rounds):
        state = apply(state, DRAW)
        outcome = drawn(state)
        out.append((outcome["card"], bool(outcome.get("scheduled"))))
        state = to_next_round(state)
        if state.over:
            break
    return out


def test_a_scheduled_card_is_kept_out_of_the_shuffled_pile() -> None:
    sc = scenario(scheduled("summit", {"round": 2}, copies=2))
    state = new_game(sc, seed=1)
    assert "summit" not in state.pile
    assert sorted(state.pile) == ["incident", "late", "offer", "quiet", "thaw"]


def test_a_card_scheduled_for_round_2_comes_up_in_round_2_and_only_then() -> None:
    for seed in range(1, 6):
        draws = first_draws(scenario(scheduled("summit", {"round": 2})), seed=seed)
        assert draws[1] == ("summit", True), seed
        assert all(card != "summit" and not on_schedule for card, on_schedule in (draws[0], draws[2])), seed


def test_a_scheduled_draw_is_recorded_and_says_so_in_words() -> None:
    state = to_next_round(apply(new_game(scenario(scheduled("summit", {"round": 2})), seed=1), DRAW))
    state = apply(state, DRAW)
    assert drawn(state) == {"card": "summit", "set_aside": [], "reshuffled": 0, "scheduled": True}
    assert tell(state.last, state.scenario) == "Card drawn: Summit \u2014 scheduled for round 2"
    assert state.card == "summit"


def test_an_unscheduled_draw_is_recorded_as_it_always_was() -> None:
    state = apply(new_game(scenario(scheduled("summit", {"round": 2})), seed=1), DRAW)
    assert set(drawn(state)) == {"card", "set_aside", "reshuffled"}


def test_a_when_schedule_waits_for_the_first_round_its_conditions_hold() -> None:
    sc = scenario(scheduled("thaw-summit", {"when": [{"meter": "trust", "at_least": 5}]}, track=None))
    state = apply(new_game(sc, seed=1), draw("quiet"))  # trust stays 4: not due in round 1
    assert due_card(state) is None
    state = to_next_round(state)
    state = apply(state, draw("quiet"))
    state = apply(state, Action("apply_card"))
    state = apply(state, Action("advance"))
    state = apply(state, move("a", "signal"))  # trust 4 -> 5 during round 2
    state = to_next_round(state)
    state = apply(state, DRAW)
    assert drawn(state)["card"] == "thaw-summit" and drawn(state)["scheduled"] is True
    assert state.round == 3
    assert "scheduled for the first round when Trust \u2265 5" in tell(state.last, state.scenario)


def test_round_and_when_together_mean_from_that_round_on() -> None:
    sc = scenario(scheduled("late-thaw", {"round": 2, "when": [{"meter": "trust", "at_least": 4}]}, track=None))
    draws = first_draws(sc)
    assert draws[0][0] != "late-thaw" and draws[1] == ("late-thaw", True)


def test_a_card_that_cannot_be_played_when_due_waits_and_is_drawn_the_first_round_it_can() -> None:
    # due in round 1, but it needs alpha's tension at 2 or more: round 1 draws at random
    sc = scenario(scheduled("flare", {"round": 1}, requires=[{"tension": {"at_least": 2}}]))
    state = new_game(sc, seed=2)
    assert due_card(state) is None
    state = apply(state, DRAW)
    assert drawn(state)["card"] != "flare" and "scheduled" not in drawn(state)
    state = apply(new_game(sc, seed=2), draw("quiet"))
    state = apply(state, Action("apply_card"))
    state = apply(state, Action("advance"))
    state = apply(state, move("a", "stall", "alpha"))  # alpha's tension 1 -> 2
    state = to_next_round(state)
    state = apply(state, DRAW)
    assert drawn(state)["card"] == "flare" and drawn(state)["scheduled"] is True
    assert held_words(state).endswith("scheduled for round 1, held over to round 2: it could not be played before")
    # without the record, the words say when, not why
    assert tell(state.last, state.scenario).endswith("scheduled for round 1, held over to round 2")


def held_words(state: State) -> str:
    """The words of the last draw, read with the game's record (what every screen and report passes)."""
    assert state.last is not None
    return tell(state.last, state.scenario, state.older(state.last.seq))


def test_a_card_held_over_because_one_ahead_of_it_on_the_list_came_first_says_so() -> None:
    """Found from outside: "held over to round 6: it could not be played before" was said of a card with no
    conditions, which waited only because the scheduler takes the first waiting card in deck order."""
    sc = scenario(scheduled("summit", {"round": 2}), scheduled("talks", {"round": 2}))
    state = to_next_round(apply(new_game(sc, seed=1), DRAW))
    state = to_next_round(apply(state, DRAW))  # round 2 draws the summit: first on the list
    state = apply(state, DRAW)
    assert drawn(state)["card"] == "talks" and state.round == 3
    assert held_words(state) == ("Card drawn: Talks \u2014 scheduled for round 2, held over to round 3: "
                                 "another card came up first (Summit)")


def test_a_card_held_over_by_a_card_injected_before_the_draw_names_it_and_not_an_undone_draw() -> None:
    sc = scenario(scheduled("summit", {"round": 2}))
    state = to_next_round(apply(new_game(sc, seed=1), DRAW))
    state = apply(state, DRAW)  # the summit, taken back: the facilitator injects another card instead
    state = apply(apply(state, Action("undo")), Action("inject", card="quiet"))
    state = to_next_round(state)
    state = apply(state, DRAW)
    assert drawn(state)["card"] == "summit" and state.round == 3
    assert held_words(state).endswith("held over to round 3: another card came up first (A quiet week)")


def test_a_card_that_waited_for_its_conditions_and_for_a_card_ahead_of_it_says_both() -> None:
    sc = scenario(scheduled("summit", {"round": 2}),
                  scheduled("flare", {"round": 1}, requires=[{"tension": {"at_least": 2}}]))
    state = apply(new_game(sc, seed=2), draw("quiet"))  # round 1: the flare cannot be played (tension 1)
    state = apply(state, Action("apply_card"))
    state = apply(state, Action("advance"))
    state = apply(state, move("a", "stall", "alpha"))  # alpha's tension 1 -> 2: the flare can be played from now
    state = to_next_round(state)
    state = to_next_round(apply(state, DRAW))  # round 2: the summit, ahead of it on the list
    state = apply(state, DRAW)
    assert drawn(state)["card"] == "flare" and state.round == 3
    assert held_words(state).endswith("scheduled for round 1, held over to round 3: another card came up first "
                                      "(Summit); otherwise it could not be played")


def test_a_scheduled_card_on_a_closed_track_never_comes_up() -> None:
    sc = scenario(scheduled("summit", {"round": 2}))
    state = apply(new_game(sc, seed=1), draw("quiet"))
    state = apply(state, Action("apply_card"))
    state = apply(state, Action("advance"))
    state = apply(state, move("a", "walk_out", "alpha"))  # alpha collapses in round 1
    assert state.tracks["alpha"].status == "collapsed"
    while not state.over:
        state = apply(to_next_round(state) if state.card is not None or state.event_done else state, DRAW)
        assert drawn(state)["card"] != "summit" and "scheduled" not in drawn(state)
        state = to_next_round(state)


def test_two_cards_due_in_one_round_come_in_deck_order_one_a_round() -> None:
    sc = scenario(scheduled("first", {"round": 1}), scheduled("second", {"round": 1}))
    assert first_draws(sc)[:2] == [("first", True), ("second", True)]
    assert first_draws(sc)[2][1] is False


def test_each_copy_comes_up_once_and_no_more() -> None:
    sc = scenario(scheduled("summit", {"round": 1}, copies=2))
    draws = first_draws(sc)
    assert draws[:2] == [("summit", True), ("summit", True)]
    assert draws[2][0] != "summit"


def test_a_skipped_scheduled_card_has_come_up_and_does_not_come_back() -> None:
    sc = scenario(scheduled("summit", {"round": 1}))
    state = apply(new_game(sc, seed=1), DRAW)
    assert state.card == "summit"
    state = apply(state, Action("skip", reason="not in this room"))
    assert state.card is None and state.discard[-1] == "summit"
    state = to_next_round(state)
    state = apply(state, DRAW)
    assert drawn(state)["card"] != "summit" and "scheduled" not in drawn(state)


def test_a_redrawn_scheduled_card_is_set_aside_and_the_redraw_is_from_the_pile() -> None:
    sc = scenario(scheduled("summit", {"round": 1}))
    state = apply(new_game(sc, seed=1), DRAW)
    top = state.pile[0]
    state = apply(state, Action("redraw"))
    assert state.last.result["replaced"] == "summit"
    assert drawn(state) == {"card": top, "set_aside": [], "reshuffled": 0}
    assert "summit" in state.discard and due_card(state) is None


def test_a_redraw_takes_the_next_card_due() -> None:
    sc = scenario(scheduled("first", {"round": 1}), scheduled("second", {"round": 1}))
    state = apply(apply(new_game(sc, seed=1), DRAW), Action("redraw"))
    assert drawn(state)["card"] == "second" and drawn(state)["scheduled"] is True


def test_injecting_a_scheduled_card_early_is_its_coming_up() -> None:
    sc = scenario(scheduled("summit", {"round": 2}))
    state = apply(new_game(sc, seed=1), Action("inject", card="summit"))
    assert state.card == "summit"
    state = to_next_round(state)
    state = apply(state, DRAW)
    assert drawn(state)["card"] != "summit"


def test_a_scheduled_card_that_came_up_is_never_reshuffled_into_the_pile() -> None:
    # eight rounds from a pile of five: the discard, with the scheduled card in it, is reshuffled
    sc = catalogue_scenario("strict", tweak={"ruleset.turns": 8}, extra_cards=[scheduled("summit", {"round": 1})])
    state = new_game(sc, seed=3)
    outcomes = []
    while not state.over:
        state = apply(state, DRAW)
        outcomes.append(drawn(state))
        state = to_next_round(state)
    assert len(outcomes) == 8 and any(o["reshuffled"] for o in outcomes)
    assert [o["card"] for o in outcomes].count("summit") == 1
    assert not any("summit" in o["set_aside"] for o in outcomes)
    assert "summit" not in state.pile and state.discard.count("summit") == 1


def test_a_recorded_scheduled_draw_replays_to_the_same_state() -> None:
    sc = scenario(scheduled("summit", {"round": 2}), scheduled("late-thaw", {"when": [{"meter": "trust", "at_least": 4}]},
                                                                track=None))
    live = [s for s in random_game(sc, seed=7, choices=3, facilitator=True)]
    replayed = new_game(sc, seed=7)
    for step in live:
        action = step.action
        if action.kind in ("draw", "redraw"):
            action = Action(**{**action.to_dict(), "outcome": step.after.last.result["outcome"]})
        replayed = apply(replayed, action)
        assert replayed.hash == step.after.hash
    assert any(s.after.last.result.get("outcome", {}).get("scheduled") for s in live)


def test_a_recorded_scheduled_draw_of_a_card_with_no_copy_waiting_is_refused() -> None:
    sc = scenario(scheduled("summit", {"round": 1}))
    state = apply(new_game(sc, seed=1), DRAW)
    state = apply(state, Action("skip"))
    forged = Action("redraw", outcome={"card": "summit", "set_aside": [], "reshuffled": 0, "scheduled": True})
    state = to_next_round(state)
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("draw", outcome=dict(forged.outcome or {})))
    assert info.value.code == "NOT_SCHEDULED"
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("draw", outcome={"card": "quiet", "set_aside": [], "reshuffled": 0, "scheduled": True}))
    assert info.value.code == "NOT_SCHEDULED"


@pytest.mark.parametrize("choices", range(12))
def test_random_games_bring_each_scheduled_copy_up_at_most_once(choices: int) -> None:
    sc = scenario(
        scheduled("summit", {"round": 2}, copies=2),
        scheduled("thaw-summit", {"when": [{"meter": "trust", "at_least": 5}]}, track=None),
        mode="strict" if choices % 2 else "linked",
    )
    counts: dict[str, int] = {}
    last: State | None = None
    for step in random_game(sc, seed=choices, choices=choices, facilitator=True):
        last = step.after
        event = step.after.last
        if event is not None and step.action.kind in ("draw", "redraw") and event.result["outcome"].get("scheduled"):
            card = event.result["outcome"]["card"]
            counts[card] = counts.get(card, 0) + 1
        # every copy is in the pile, the discard, on the table or still waiting: none made, none lost
        state = step.after
        for card in sc.deck.cards:
            held = state.pile.count(card.id) + state.discard.count(card.id) + (state.card == card.id)
            assert held <= card.copies or card.schedule is None
        assert not set(state.pile) & sc.index.scheduled_ids
    assert last is not None and last.over
    assert counts.get("summit", 0) <= 2 and counts.get("thaw-summit", 0) <= 1



def test_on_schedule_reads_the_draw_that_put_the_card_on_the_table() -> None:
    sc = scenario(scheduled("summit", {"round": 1}))
    state = apply(new_game(sc, seed=1), DRAW)
    assert on_schedule(state)
    undone = apply(state, Action("undo"))
    assert not on_schedule(undone) and undone.card is None
    injected = apply(undone, Action("inject", card="summit"))
    assert injected.card == "summit" and not on_schedule(injected)  # the facilitator put it there
    redrawn = apply(state, Action("redraw"))
    assert not on_schedule(redrawn)


def test_schedule_words() -> None:
    sc = scenario(
        scheduled("a1", {"round": 2}),
        scheduled("a2", {"when": [{"meter": "trust", "at_least": 5}]}, track=None),
        scheduled("a3", {"round": 2, "when": [{"tension": {"at_most": 1}}]}),
    )
    n = {"trust": "Mutual trust"}
    a1, a2, a3 = (sc.index.cards[c].schedule for c in ("a1", "a2", "a3"))
    assert schedule_words(a1, n) == "scheduled for round 2"
    assert schedule_words(a1, n, 2) == "scheduled for round 2"
    assert schedule_words(a1, n, 4, unplayable=True) == ("scheduled for round 2, held over to round 4: "
                                                         "it could not be played before")
    assert schedule_words(a1, n, 4, first=["B", "C"]) == ("scheduled for round 2, held over to round 4: "
                                                          "other cards came up first (B, C)")
    assert schedule_words(a1, n, 4) == "scheduled for round 2, held over to round 4"
    assert schedule_words(a2, n, 3) == "scheduled for the first round when Mutual trust \u2265 5"
    assert schedule_words(a3, n, 3) == "scheduled from round 2, the first round when tension \u2264 1"


def test_a_schedule_needs_an_event_phase_to_come_up_in() -> None:
    with pytest.raises(ContentError) as info:
        catalogue_scenario("strict", tweak={"ruleset.phases": ["moves", "adjudication", "review"]},
                           extra_cards=[scheduled("summit", {"round": 2})])
    problem = next(p for p in info.value.problems if p.path == "cards[5].schedule")
    assert "a scheduled card comes up at the round's draw, in the 'event' phase, which the phases" in problem.message
