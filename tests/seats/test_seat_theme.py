"""A seat's screen (a team's, the facilitator's console, the projector, a browser's) has tabletop's themes and F2.

Found from outside: the projector is the screen the room reads from 10 m, and ``tabletop join`` had no high-contrast
theme: F2 did nothing, the palette's Theme listed Textual's themes only, and F1 named no theme key."""

from __future__ import annotations

from textual.widgets import Static

from tabletop.tui.modals import HelpScreen
from tabletop.tui.seat import SeatApp, SeatScreen

from tests.tui.support import press

SIZE = (80, 24)


async def test_f2_goes_through_the_hot_seat_s_themes_and_f1_names_it() -> None:
    app = SeatApp("127.0.0.1:9", None)  # no host: the theme is the app's own
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        assert "tabletop-high-contrast" in app.available_themes  # ctrl+p -> Theme lists it
        seen = []
        for _ in range(3):
            await press(pilot, "f2")
            seen.append(app.theme)
        assert seen == ["tabletop-high-contrast", "textual-light", "textual-dark"]
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "F2" in str(app.screen.query_one("#help-text", Static).content)
