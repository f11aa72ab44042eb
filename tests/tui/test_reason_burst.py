"""A reason typed in a burst is recorded as its keys mean in order (found from outside, tmux at "Facilitator: rule on
the move": "1" twenty times, 25 Backspaces and "test ruling" sent at once, then Enter, recorded "test rulin": the
Backspaces were acted on once they had come back up to the app, after letters typed behind them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import AskScreen

from .support import SIZE, SMALL, burst, settled
from .test_typing_hold import at_a_ruling

#: twenty ones, all rubbed out and more, then the reason
KEYS = (*"1" * 20, *["backspace"] * 25, *"test", "space", *"ruling")


@pytest.mark.parametrize("size", [SMALL, SIZE])
async def test_a_burst_of_backspaces_and_letters_types_what_the_keys_mean(tmp_path: Path,
                                                                          size: tuple[int, int]) -> None:
    session = at_a_ruling(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("1")  # success, with a reason
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        burst(app, *KEYS)
        await settled(pilot)
        assert app.screen.query_one("#ask-input", Input).value == "test ruling"


async def test_enter_in_the_burst_records_every_key_typed_before_it(tmp_path: Path) -> None:
    session = at_a_ruling(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        burst(app, *KEYS, "enter")
        await settled(pilot)
    last = session.state.log[-1].action
    assert (last.kind, last.success, last.reason) == ("rule", True, "test ruling")
