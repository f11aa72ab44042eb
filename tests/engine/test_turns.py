"""Turn order in sealed rounds, and the round review's net change (issue 13, points 1 and 4)."""

from __future__ import annotations

from tabletop import Action, apply, new_game
from tabletop.engine.review import last_undoable, net_changes, round_start, undone_seqs, undone_this_round

from .support import ADVANCE, catalogue_scenario, move, opening, pass_, run


def _two_actions(sealed: bool):  # noqa: ANN202
    return catalogue_scenario("strict", {"ruleset.actions_per_round": 2, "ruleset.sealed_moves": sealed})


def test_sealed_round_a_team_keeps_the_keyboard_until_it_is_done() -> None:
    state = run(new_game(_two_actions(True), seed=1), opening())
    assert state.turn == "a"
    state = apply(state, move("a", "stall", "alpha"))
    assert state.turn == "a", "a sealed team enters all its moves in one sitting"
    state = apply(state, move("a", "stall", "beta"))
    assert state.turn == "b", "no action left: the keyboard goes to the next team"
    state = apply(state, move("b", "stall", "gamma"))
    assert state.turn == "b"
    state = apply(state, pass_("b"))
    assert state.turn == "c", "a pass ends the team's sitting"


def test_open_rounds_still_alternate_one_action_at_a_time() -> None:
    state = run(new_game(_two_actions(False), seed=1), opening())
    state = apply(state, move("a", "stall", "alpha"))
    assert state.turn == "b"
    state = apply(state, move("b", "stall", "gamma"))
    assert state.turn == "c"
    state = apply(state, pass_("c"))
    assert state.turn == "a"


def test_review_shows_the_net_change_and_leaves_undone_actions_out() -> None:
    # round 1: a stalls on Alpha (tension 1 -> 2), the facilitator undoes it; b stalls on Gamma twice
    state = run(new_game(_two_actions(False), seed=1), opening())
    state = apply(state, move("a", "stall", "alpha"))
    stalled = state.seq
    state = apply(state, Action("undo", reason="wrong track"))
    assert state.turn == "a"
    state = run(state, (pass_("a"), move("b", "stall", "gamma"), pass_("c"), move("b", "stall", "gamma")))
    changes = net_changes(state)
    assert changes["alpha"] == [], "the undone stall counts for nothing"
    assert [(c.what, c.before, c.after) for c in changes["gamma"]] == [
        ("tension", 1, 3), ("status", "open", "collapsed")
    ], "two stalls are one net change 1 -> 3 (which collapses Gamma)"
    assert changes["beta"] == []
    assert [e.seq for e in undone_this_round(state)] == [stalled]
    assert undone_seqs(state.log) == {stalled}
    assert round_start(state).round == 1 and round_start(state).seq == 0


def test_review_of_a_later_round_starts_from_that_round() -> None:
    state = run(new_game(_two_actions(False), seed=1), opening())
    state = run(state, (move("a", "stall", "alpha"), pass_("b"), pass_("c"), pass_("a"), ADVANCE, ADVANCE, ADVANCE))
    assert state.round == 2
    assert net_changes(state)["alpha"] == [], "round 1's stall is not round 2's change"
    assert round_start(state).tracks["alpha"].tension == 2


def test_last_undoable_skips_notes_and_what_is_already_undone() -> None:
    state = run(new_game(_two_actions(False), seed=1), opening())
    state = apply(state, move("a", "stall", "alpha"))
    stall = state.seq
    state = apply(state, move("b", "stall", "gamma"))
    state = apply(state, Action("note", text="a remark"))
    last = last_undoable(state)
    assert last is not None and last.action.kind == "move" and last.action.actor == "b"
    state = apply(state, Action("undo"))
    last = last_undoable(state)
    assert last is not None and last.seq == stall
