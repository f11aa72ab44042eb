"""``review.board_before``: the board an event was applied to, found down the undo stack, is that board or nothing.

What the board's log reads why a draw set a card aside on, a draw taken back by an undo too (helper-367): a board
the stack no longer holds must be None, never another one. Random games with many undos and notes.
"""

from __future__ import annotations

import random

import pytest

from tabletop import Action, apply, legal_actions, load_scenario, new_game
from tabletop.engine import RuleViolation, State
from tabletop.engine.review import board_before


def _board(state: State) -> tuple[object, ...]:
    tracks = {k: (t.status, t.position, t.tension, t.provisional) for k, t in state.tracks.items()}
    return tracks, dict(state.meters), state.round, state.phase, state.card


@pytest.mark.parametrize("seed", [0, 5])
def test_the_board_before_an_event_is_the_one_it_was_applied_to_or_none(seed: int) -> None:
    rng = random.Random(seed)
    state = new_game(load_scenario("parallel-tracks"), seed=seed)
    truth = {0: state}  # each event's number -> the state it left (numbers are never reused, undos or not)
    found = 0
    for _ in range(120):
        r = rng.random()
        if r < 0.25 and state.previous is not None:
            action = Action("undo")
        elif r < 0.3:
            action = Action("note", text="n")
        else:
            options = legal_actions(state)
            action = options[rng.randrange(len(options))]
        try:
            state = apply(state, action)
        except RuleViolation:
            continue
        truth[state.seq] = state
        for seq in range(max(1, state.seq - 16), state.seq + 1):
            board = board_before(state, seq)
            if board is not None:
                found += 1
                assert _board(board) == _board(truth[seq - 1]), (seq, state.seq)
    assert found > 500  # most boards are found: the check is not vacuous
