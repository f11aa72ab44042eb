"""The facilitator's override dialogs (tui.override): what they say while their fields are being mended, and what
their fields start with."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from tabletop.tui.app import TabletopApp
from tabletop.tui.override import MeterOverrideScreen, TrackOverrideScreen

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


async def test_the_meter_dialog_starts_with_its_value_and_its_error_goes_when_the_value_changes(
        tmp_path: Path) -> None:
    """Found from outside: the meter's override opened with its value field empty (the value now only in its
    title), where the track's opens with its fields filled. It opens filled too, selected, so typing replaces it."""
    session = start(tmp_path)
    meter = session.state.ruleset.meters[0].id
    now = session.state.meters[meter]
    app = TabletopApp(session)
    answered: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(MeterOverrideScreen(session.state, meter), answered.append)
        await pilot.pause()
        value = app.screen.query_one("#override-value", Input)
        assert (value.value, app.focused) == (str(now), value)
        await press(pilot, "x", "tab", *"why", "enter")  # typing replaces the value: "x", refused
        assert value.value == "x" and "Type a whole number" in _error(app)
        await press(pilot, "shift+tab", "5")
        assert _error(app) == "", _error(app)
        await press(pilot, "tab", "enter")
        assert not isinstance(app.screen, MeterOverrideScreen)
    (action,) = answered
    assert (action.kind, action.meter, action.value, action.reason) == ("override", meter, 5, "why")  # type: ignore[attr-defined]


async def test_the_meter_dialog_says_what_enter_does_in_each_field(tmp_path: Path) -> None:
    """Found from outside (helper-172): the meter dialog said "Enter: apply"; Enter in the value goes on to the
    reason (at once, so a burst's reason lands there), and a facilitator pressing it saw nothing happen, then
    typed the reason into the value."""
    session = start(tmp_path)
    meter = session.state.ruleset.meters[0].id
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(MeterOverrideScreen(session.state, meter))
        await pilot.pause()
        keys = str(app.screen.query_one("#override-keys", Static).render())
        assert "Enter: apply" not in keys and "Enter: on to the reason" in keys and "Enter in the reason: apply" in keys
        await press(pilot, "enter")
        assert app.focused is app.screen.query_one("#override-reason", Input)  # as it says


def _in_the_dialog(app: TabletopApp) -> str:
    """What the dialog's own lines show now (not a notice in the screen's corner)."""
    return " ".join(str(w.render()) for w in app.screen.query(Static) if w.display and w.region.area)


@pytest.mark.parametrize("which", ["track", "meter"])
async def test_escape_over_a_typed_reason_warns_first_as_the_other_dialogs(tmp_path: Path, which: str) -> None:
    """Found from outside: the override closed on the first Escape with a reason typed, where every other dialog says
    the text is not kept and takes a second Escape (the README says so). The fields it opens filled with (the
    position, the tension, the value now) are no typed text: with nothing typed one Escape closes it."""
    session = start(tmp_path)
    meter = session.state.ruleset.meters[0].id
    app = TabletopApp(session)
    answered: list[object] = []

    def dialog() -> TrackOverrideScreen | MeterOverrideScreen:
        return (TrackOverrideScreen(session.state, "borders") if which == "track"
                else MeterOverrideScreen(session.state, meter))

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(dialog(), answered.append)
        await pilot.pause()
        assert "Escape: cancel" in _in_the_dialog(app)
        await press(pilot, "escape")  # nothing typed: closed at once
        assert answered == [None]
        app.push_screen(dialog(), answered.append)
        await pilot.pause()
        app.screen.query_one("#override-reason", Input).focus()
        await press(pilot, *"calm")
        assert "Escape twice" in _in_the_dialog(app), _in_the_dialog(app)
        await press(pilot, "escape")
        assert isinstance(app.screen, (TrackOverrideScreen, MeterOverrideScreen)) and answered == [None]
        assert "press Escape or click outside it again to close it without the text" in _in_the_dialog(app), _in_the_dialog(app)
        await press(pilot, "escape")
        assert answered == [None, None] and session.state.seq == 0
