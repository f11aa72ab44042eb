"""Two rules the board used to work out itself: what an undo takes back, and whose move a move is."""

from __future__ import annotations

from tabletop import Action, apply, new_game
from tabletop.engine import State
from tabletop.engine.review import undo_target, undone_by, undone_seqs
from tabletop.engine.sides import is_own_move

from .support import catalogue_scenario, move, opening, run

FAVOUR = {"id": "favour", "name": "Call in a favour", "cost": {"favour": 1}, "effects": [{"progress": 1}]}


def _game(*actions: Action) -> State:
    return run(new_game(catalogue_scenario("strict"), seed=1), actions)


def test_undone_by_names_the_undo_that_took_each_event_back() -> None:
    state = _game(*opening(), move("a", "stall", "alpha"), move("b", "stall", "gamma"))
    state = apply(apply(state, Action("undo")), Action("undo"))
    assert [e.seq for e in state.log[-2:]] == [6, 7]
    assert undone_by(state.log) == {5: 6, 4: 7}
    assert undone_seqs(state.log) == {4, 5}


def test_undo_target_is_what_the_engines_undo_then_takes_back() -> None:
    state = _game(*opening(), move("a", "stall", "alpha"))
    state = apply(state, Action("note", text="a tense moment"))
    while (target := undo_target(state)) is not None:
        state = apply(state, Action("undo"))
        assert state.last is not None and state.last.result["undoes"] == target.seq
    assert state.previous is None, "nothing left to undo: back at the start"
    assert undo_target(new_game(catalogue_scenario("strict"), seed=1)) is None


def test_a_move_paid_in_a_resource_only_another_side_has_is_not_ones_own() -> None:
    scenario = catalogue_scenario("strict", tweak={"actors.c.resources": {"capital": 3, "favour": 1}},
                                  extra_moves=[FAVOUR])
    state = new_game(scenario, seed=1)
    assert is_own_move(state, "c", "favour")
    assert not is_own_move(state, "a", "favour")
    assert is_own_move(state, "a", "concede") and is_own_move(state, "a", "stall")  # capital, and free
