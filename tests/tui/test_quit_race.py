"""A timer that fires while the app is quitting neither plays nor draws.

Under load a bot's timer (or the one-second tick) can fire after ctrl+q was
pressed, while the screen's widgets are being taken down: the bot must not
make a move the room never saw, and the board must not look for panels that
are gone (that was a crash on quit, "No nodes match 'CardPanel'").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine import legal_actions
from tabletop.tui.app import TabletopApp
from tabletop.tui import board as board_module
from tabletop.tui.board import BoardScreen

from .support import press, start


async def test_a_bot_timer_firing_after_quit_makes_no_move(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_module, "BOT_DELAY", 3600)  # the bot's timer fires only when the test says
    bots = {a: "cooperative" for a in ("ru", "ua", "us", "eu", "bridge")}
    session = start(tmp_path, seats=bots)
    while session.bot_action() is None:  # the facilitator draws and applies the card: then the bots move
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        assert session.bot_action() is not None, "a bot is to act"
        seq = session.state.seq
        app.exit()  # ctrl+q: the app is on its way out
        screen._bot_step()  # the bot's timer fires before the screen is taken down
        screen._tick()
        assert session.state.seq == seq, "a bot moved after the room quit"


async def test_the_board_draws_nothing_while_its_panels_are_taken_down(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await press(pilot, "1")  # draw the card: the board is live
        for child in list(screen.query("#card")):
            await child.remove()  # as the app's shutdown does, panel by panel
        app.exit()
        screen.refresh_view()  # a redraw queued before the quit: no crash
