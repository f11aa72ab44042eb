"""The facilitator's ``lapse``: a tabled move whose track closed before it was settled is set aside, with no roll,
vote or ruling.

Found from outside (Ukrainian hot seat, seed 11): the EU's press on Borders failed, tension reached breakdown and
Borders collapsed; the game then asked the facilitator to rule, with a typed reason, on Russia's "Ask for mediation"
on Borders, and the record said afterwards that it lapsed whatever was ruled.
"""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply, legal_actions, new_game
from tabletop.content import load_scenario
from tabletop.engine import State
from tabletop.engine.legal import lapsing
from tabletop.engine.records import Ruling
from tabletop.engine.telling import tell

from .lapse_kit import argument_actions, collapse_actions, start


def _mv(actor: str, move: str, track: str = "borders") -> Action:
    return Action("move", actor=actor, move=move, track=track)


def tabled(*, mediate: str = "mediate") -> State:
    """Seed 11 to the adjudication phase: the EU's press on Borders (dice), then Russia's ``mediate`` there."""
    state = start()
    for action in collapse_actions(mediate)[:-1]:  # (all but the EU's roll)
        state = apply(state, action)
    return state


def collapsed(*, mediate: str = "mediate") -> State:
    """:func:`tabled`, the EU's roll failed: Borders collapsed, Russia's move still at the head of the queue."""
    state = apply(tabled(mediate=mediate), Action("roll", track="borders"))
    assert state.tracks["borders"].status == "collapsed"
    return state


def test_a_move_on_a_collapsed_track_is_set_aside_with_no_ruling() -> None:
    state = collapsed()
    head = state.queue[0]
    assert lapsing(state) == head and (head.actor, head.move) == ("ru", "mediate")
    after = apply(state, Action("lapse", track="borders"))
    assert after.queue == state.queue[1:] and after.tracks == state.tracks and after.meters == state.meters
    assert after.resources == state.resources  # what Russia paid stays paid
    assert after.chance == state.chance  # no dice
    assert after.last is not None
    assert dict(after.last.result) == {
        "told": {"lapsed": "collapsed"},
        "ruling": {"resolution": "facilitator", "set_aside": True, "lapsed": True, "success": False,
                   "proposal": head.seq, "actor": "ru", "move": "mediate"},
    }
    ruling = Ruling.from_result(after.last.result)
    assert ruling is not None and ruling.outcome == "lapsed" and ruling.set_aside
    # the move it sets aside by its number: two lapses of one team's same move on one track read apart (found from
    # outside, helper-270: two decision-log rows read the same)
    assert tell(after.last, after.scenario) == (
        f"Facilitator sets aside: Russia: Ask for mediation lapses \u2014 Borders is collapsed (move #{head.seq})")


def test_the_lapse_records_what_the_ruling_would_have_let_lapse() -> None:
    """The same result as a ruling that came too late, less the reason and the verdict nobody gave."""
    state = collapsed()
    ruled = apply(state, Action("rule", track="borders", success=True, reason="x")).last
    lapsed = apply(state, Action("lapse", track="borders")).last
    assert ruled is not None and lapsed is not None
    assert {k: v for k, v in ruled.result.items() if k != "ruling"} == {
        k: v for k, v in lapsed.result.items() if k != "ruling"}
    assert {k: v for k, v in ruled.result["ruling"].items() if k != "reason"} == {
        k: v for k, v in lapsed.result["ruling"].items() if k != "set_aside"}


def test_an_argument_in_progress_on_a_collapsed_track_is_set_aside() -> None:
    """Ukraine argues on Humanitarian; the facilitator's override collapses it before anyone counters."""
    actions, _argued = argument_actions()
    state = start()
    for action in actions:
        state = apply(state, action)
    assert state.queue[0].argument is not None and lapsing(state) is None
    state = apply(state, Action("override", track="humanitarian", status="collapsed", reason="walk-out"))
    assert lapsing(state) == state.queue[0]
    after = apply(state, Action("lapse", track="humanitarian"))
    assert after.queue == state.queue[1:]
    assert after.last is not None and after.last.result["ruling"]["resolution"] == "argue"
    assert Ruling.from_result(after.last.result).outcome == "lapsed"  # type: ignore[union-attr]


@pytest.mark.parametrize("action, code", [
    (Action("lapse", track="humanitarian"), "WRONG_TRACK"),
    (Action("lapse", track="borders", reason="collapsed"), "INVALID_ACTION"),
    (Action("lapse", track="borders", success=False), "INVALID_ACTION"),
])
def test_a_lapse_names_the_head_proposal_and_nothing_else(action: Action, code: str) -> None:
    with pytest.raises(RuleViolation) as info:
        apply(collapsed(), action)
    assert info.value.code == code


def test_a_lapse_is_refused_while_the_track_is_open() -> None:
    state = tabled()
    assert state.tracks["borders"].status == "open" and lapsing(state) is None
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("lapse", track="borders"))
    assert info.value.code == "STILL_OPEN"
    assert info.value.message == "\u201cPress hard\u201d is on Borders, which is still open: it is settled as usual, not set aside."


def test_a_lapse_is_refused_outside_the_adjudication_phase() -> None:
    state = new_game(load_scenario("parallel-tracks"), 11)
    for at in (state, apply(state, Action("draw"))):
        with pytest.raises(RuleViolation) as info:
            apply(at, Action("lapse", track="borders"))
        assert info.value.code == "WRONG_PHASE"
        assert lapsing(at) is None


def test_legal_actions_do_not_list_the_lapse() -> None:
    """Like the facilitator's other powers: bots choosing from the list play exactly as before."""
    state = collapsed()
    assert [a.kind for a in legal_actions(state)] == ["rule", "rule"]


def test_a_lapse_is_undone_like_any_event() -> None:
    state = collapsed()
    after = apply(apply(state, Action("lapse", track="borders")), Action("undo"))
    assert after.queue == state.queue and lapsing(after) == state.queue[0]
    assert after.last is not None and after.last.result["undoes"] == state.seq + 1
    assert "lapses" in tell(after.last, after.scenario)


def test_a_lapse_of_a_move_on_a_provisional_agreement_is_refused_in_words_that_say_so() -> None:
    """Found in review: under the package deal a track agreed provisionally may still change, so its tabled moves are
    settled as usual; the refusal called the track "still open"."""
    from tabletop.engine.state import Tracks, evolve

    state = new_game(load_scenario("parallel-tracks-linked"), 11)
    state = apply(state, Action("draw"))
    state = apply(state, legal_actions(state)[0])
    state = apply(state, Action("advance"))
    state = apply(state, _mv("ru", "propose"))
    while state.turn is not None:
        state = apply(state, Action("pass", actor=state.turn))
    state = apply(state, Action("advance"))
    agreed = state.tracks["borders"]._replace(status="agreed", provisional=True)
    state = evolve(state, tracks=Tracks.replacing(state.tracks, {"borders": agreed}))
    assert lapsing(state) is None
    with pytest.raises(RuleViolation) as info:
        apply(state, Action("lapse", track="borders"))
    assert info.value.code == "STILL_OPEN"
    assert info.value.message == ("\u201cTable a proposal\u201d is on Borders, provisionally agreed, which may still "
                                  "change: it is settled as usual, not set aside.")
