"""The facilitator's override dialogs (tui.override): what they say while their fields are being mended, and what
their fields start with."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from tabletop.tui.app import TabletopApp
from tabletop.tui.override import TrackOverrideScreen

from .support import SIZE, press, start


def _error(app: TabletopApp) -> str:
    return str(app.screen.query_one("#override-error", Static).render())


# a letter; a number out of range; nothing typed over the fields as they were ("Nothing changes"), the reason typed
@pytest.mark.parametrize(("field", "wrong"), [("position", "x"), ("tension", "9"), ("reason", "")])
async def test_the_track_dialogs_error_goes_when_a_field_is_changed(tmp_path: Path, field: str, wrong: str) -> None:
    """Found from outside: a letter, or a number out of range, in the track's override and Enter said "type a whole
    number"; the value corrected, the words stayed until Enter was pressed again. They go as the field changes."""
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(TrackOverrideScreen(session.state, "borders"))
        await pilot.pause()
        assert isinstance(app.screen, TrackOverrideScreen)
        app.screen.query_one(f"#override-{field}", Input).focus()
        await press(pilot, "backspace", *wrong, "enter")
        assert _error(app) != ""  # said: refused, the dialog stays
        assert isinstance(app.screen, TrackOverrideScreen) and session.state.seq == 0
        await press(pilot, "backspace" if wrong else "w")
        assert _error(app) == "", _error(app)
        await press(pilot, "enter")  # what is still wrong is said again
        assert _error(app) != ""
        app.screen.query_one("#override-status", Select).value = "deferred"  # a choice made is a change too
        await pilot.pause()
        assert _error(app) == "", _error(app)

