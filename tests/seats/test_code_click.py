"""A browser seat's code typed while the screen has not been told the tab has the keyboard (found from outside, in
chromium: the page's first focus came before the join screen listened, the screen thought itself in the background,
its field without the keyboard; the code typed then gave the field its first letter only, the rest refused as
"letters typed as a word"). A key typed is the window's own: Textual gives the field the keyboard back for it, and
the word guard must see it there. No host: the code is only typed, never sent."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from tabletop.tui.seat import SeatApp

from tests.tui.support import burst, settled
from .screenkit import code_asked, until
from .support import Sleeps


async def test_a_code_typed_into_a_window_in_the_background_is_all_in_the_field() -> None:
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps(), typing_gap=0.5)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: code_asked(app), "the code screen")
        field = app.screen.query_one("#code-input", Input)
        app.post_message(events.AppBlur())  # the terminal says the window is in the background
        await settled(pilot)
        assert app.focused is None
        burst(app, *"k7mq-3xrt")
        await settled(pilot)
        assert field.value == "k7mq-3xrt"
        assert app.focused is field
        assert not app._notifications  # nothing told of a word typed outside a field
