"""A notice shown over a dialog leaves the dialog's text in sight, and is seen itself.

Found from outside at 80x24: on the hot seat a refused pick's notice covered the right end of the inject list's foot
line ("... Escape: cancel") until it timed out; on a facilitator's console (a seat) "The screen that took this seat
was closed ..." was drawn over F1's help, which fills the window there, and hid its lines. The dialog gives the
notices the rows they take under it, as the board's key bar does.
"""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen

from tabletop.tui.app import TabletopApp

from .support import SMALL, press, start


def clear_of_notices(screen: Screen, box: str) -> None:
    """Every notice on ``screen`` whole on it, none over the dialog's ``box`` (its text, its line of keys)."""
    dialog = screen.query_one(box)
    shown = list(screen.query("Toast"))
    assert shown, "a notice is shown"
    for toast in shown:
        assert screen.region.contains_region(toast.region), (toast.region, screen.region)
        assert not toast.region.overlaps(dialog.region), (box, toast.region, dialog.region)
    assert screen.region.contains_region(dialog.region), (box, dialog.region)


async def test_at_80x24_a_notice_leaves_the_inject_list_and_the_help_readable(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path, seed=5))
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "i")
        assert type(app.screen).__name__ == "PickScreen"
        app.notify("Not taken: the list just changed. Look at it again, then pick.", severity="warning",
                   markup=False)
        await pilot.pause()
        await pilot.pause()
        clear_of_notices(app.screen, "PickScreen > Vertical")
        listed = app.screen.query_one("#pick-list")
        assert listed.region.height >= 3 and not listed.region.overlaps(app.screen.query_one("Toast").region)
        await press(pilot, "f1")
        assert type(app.screen).__name__ == "HelpScreen"
        app.notify("Time is up for Ukraine: its move was passed.", severity="warning", markup=False)
        await pilot.pause()
        await pilot.pause()
        clear_of_notices(app.screen, "#help")
        app.clear_notifications()
        await pilot.pause()
        await pilot.pause()
        # the notices gone, the dialog takes its rows back
        assert app.screen.query_one("#help").region.height == SMALL[1], app.screen.query_one("#help").region
