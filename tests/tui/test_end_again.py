"""Ending the game a second time, after its first end was undone, shows the end screen as the first end did."""

from __future__ import annotations

from pathlib import Path

from tabletop.store.verifying import verify
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.end import EndScreen

from .support import SIZE, press, start, type_text


async def test_an_end_undone_then_ended_again_opens_the_end_screen(tmp_path: Path) -> None:
    """Found from outside (uk, a full-day workshop): e Enter, a reason, Enter opened the summary; Escape, u Enter
    undid the end; e Enter, a reason, Enter again left the board up, «ГРУ ЗАВЕРШЕНО» with only «Показати
    підсумок»: the board had shown its end screen once and never again."""
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "e", "enter")
        await type_text(pilot, "time")
        await press(pilot, "enter")
        assert isinstance(app.screen, EndScreen), app.screen
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen), app.screen
        await press(pilot, "u", "enter")
        assert not session.state.over and session.state.last is not None
        assert session.state.last.action.kind == "undo"
        await press(pilot, "e", "enter")
        await type_text(pilot, "again")
        await press(pilot, "enter")
        assert session.state.over
        assert isinstance(app.screen, EndScreen), app.screen
        assert app.screen.state.seq == session.state.seq  # the game as the second end left it
    assert app._exception is None
    assert verify(session.save_path).ok
