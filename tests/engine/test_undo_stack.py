"""Undo goes back exactly as before, though a long game no longer keeps every state it went through.

A state holds the one before it; older ones are entries of the undo stack
(``State.trail``), one in ``KEEP_EVERY`` kept whole and the others replayed
from it when an undo (or the round review) asks for them.
"""

from __future__ import annotations

import gc
import random

from tabletop import Action, apply, load_scenario, new_game
from tabletop.engine import State, legal_actions
from tabletop.engine.review import round_start
from tabletop.engine.state import KEEP_EVERY


def _game(actions: int, seed: int = 3) -> list[State]:
    """A bot-free game of ``actions`` random legal actions (no facilitator), every state in order."""
    rng = random.Random(seed)
    states = [new_game(load_scenario("parallel-tracks"), seed=seed)]
    while len(states) <= actions and not states[-1].over:
        options = legal_actions(states[-1])
        states.append(apply(states[-1], options[rng.randrange(len(options))]))
    return states


def test_undoing_every_action_walks_back_through_the_same_states() -> None:
    states = _game(3 * KEEP_EVERY + 5)
    hashes = [s.hash for s in states]
    rounds = [s.round for s in states]
    state = states[-1]
    del states
    for back in range(len(hashes) - 2, -1, -1):
        state = apply(state, Action("undo"))
        assert state.hash == hashes[back], f"undo to state {back}"
        assert round_start(state).hash == hashes[rounds.index(rounds[back])]
    assert state.previous is None


def test_an_undo_then_more_play_keeps_the_stack_right() -> None:
    states = _game(2 * KEEP_EVERY + 3)
    state = apply(apply(states[-1], Action("undo")), Action("note", text="back one"))
    assert state.hash == states[-2].hash
    again = apply(state, legal_actions(state)[0])
    assert apply(again, Action("undo")).hash == states[-2].hash
    assert apply(apply(again, Action("undo")), Action("undo")).hash == states[-3].hash


def _states_alive() -> int:
    gc.collect()
    return sum(1 for obj in gc.get_objects() if type(obj) is State)


def test_a_whole_game_keeps_one_whole_state_in_keep_every() -> None:
    # counted against what the process held before: other tests in this worker may keep games in their caches
    before = _states_alive()
    states = _game(10_000)  # to its end (~150 actions)
    final = states[-1]
    played = len(states) - 1
    del states
    alive = _states_alive() - before
    assert played > 5 * KEEP_EVERY
    assert alive <= played // KEEP_EVERY + 8, f"{alive} states alive after {played} actions"
    assert final.previous is not None
