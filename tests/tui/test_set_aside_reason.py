"""The board's skip (``k``) and redraw (``r``) record no reason: they ask none, so the facilitator gave none.

Found from outside (two testers, a debrief): the save recorded "skipped by the facilitator" and "redrawn by the
facilitator" as the facilitator's reason, and the report's decision log said «причина: ведущий пропустил карточку»,
the replay "reason: skipped by the facilitator", the JSON ``"reason": "skipped by the facilitator"``: no reader, nor
a script, could tell them from words a facilitator typed. As an undo with none typed (tests/tui/test_undo_reason.py).
"""

from __future__ import annotations

import json
from pathlib import Path

from tabletop.report import render
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen

from .support import SIZE, press, start


async def test_a_skip_and_a_redraw_from_the_board_record_no_reason(tmp_path: Path) -> None:
    session = start(tmp_path, seed=11)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "1")  # the draw
        await press(pilot, "r", "y")  # redrawn
        await press(pilot, "k", "y")  # and the new card skipped
        assert isinstance(app.screen, BoardScreen), app.screen
    assert app._exception is None
    session.close()
    assert verify(session.save_path).ok
    asides = [e.action for e in open_save(session.save_path).events if e.action.kind in ("skip", "redraw")]
    assert [(a.kind, a.reason) for a in asides] == [("redraw", None), ("skip", None)], asides
    log = json.loads(render(session.save_path, "json", lang="ru"))["log"]
    entries = [e for e in log if e["kind"] in ("skip", "redraw")]
    assert len(entries) == 2 and not any(e.get("reason") for e in entries), entries
