"""A seat's screen (a team's, the facilitator's console, the projector, a browser's) has tabletop's themes and F2.

Found from outside: the projector is the screen the room reads from 10 m, and ``tabletop join`` had no high-contrast
theme: F2 did nothing, the palette's Theme listed Textual's themes only, and F1 named no theme key."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets import Static

from tabletop.tui.modals import HelpScreen
from tabletop.tui.seat import SeatApp, SeatScreen
from tabletop.tui.themes import contrast

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


async def test_the_projector_s_round_and_waiting_line_read_on_every_theme(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: the projector's big round digit and "Waiting for the facilitator." were drawn in the
    accent colour, 1.3:1 on the light theme."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        tracks = [{"name": "Borders", "top": 6, "position": 1, "rung": "Talks", "tension": 2, "breakdown_at": 7,
                   "status": "open"}]
        view = {"role": "projector", "game": {"seq": 3, "round": 1, "waiting": "move"},
                "board": {"tracks": tracks, "log": []}, "decision": {"prompt": "Waiting for Russia.", "entries": []}}
        app.seat_screen.show(view, {})
        await pilot.pause()
        low = {}
        for _ in range(3):
            await press(pilot, "f2")
            least = 7.0 if app.theme == "tabletop-high-contrast" else 4.5
            for name in ("#round", "#waiting"):
                widget = app.seat_screen.query_one(name)
                assert widget.display
                style = widget.rich_style
                ratio = contrast(Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor))
                if ratio < least:
                    low[f"{app.theme} {name}"] = round(ratio, 2)
        assert not low, low
