"""A refusal is read, then out of the way: the next pick the game takes clears it from the list it covered.

Found from outside, playing a Russian hot seat at 80x24: Ukraine pressed a track it does not sit at ("Not
allowed: Ukraine is not at the table ..."), then a track it does; the notice stayed its 8 seconds over the
lower half of the moves that pick listed.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.tui.app import TabletopApp

from .support import SMALL, board, press, start, to_turn_of, toasts


async def test_a_refusal_is_cleared_by_the_next_pick_the_game_takes(tmp_path: Path) -> None:
    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        entries = board(pilot).entries
        refused = next(i for i, e in enumerate(entries) if e.problem)
        allowed = next(i for i, e in enumerate(entries) if not e.problem)
        assert refused < 9 and allowed < 9
        await press(pilot, str(refused + 1))
        assert any("Ukraine" in t for t in toasts(pilot)), toasts(pilot)
        await press(pilot, str(allowed + 1))  # a track Ukraine sits at: its moves are listed
        assert board(pilot).stage is not None
        assert toasts(pilot) == [], toasts(pilot)
        # a refused pick again says why again
        refused_move = next((i for i, e in enumerate(board(pilot).entries) if e.problem), None)
        assert refused_move is not None and refused_move < 9, [e.label.plain for e in board(pilot).entries]
        await press(pilot, str(refused_move + 1))
        assert toasts(pilot), "a refusal after the cleared one is shown"
