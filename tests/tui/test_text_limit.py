"""The facilitator's free-text dialogs at the engine's text limit (:data:`~tabletop.engine.actions.TEXT_LIMIT`): a
paste longer than the room left is taken as far as it fits, keys past it are not, and the field says how many
characters fit, as the start screen's team name does. Found from outside: the note, the ruling's reason, the undo's
and the overrides' reasons stopped taking text at the limit without a word, and a longer paste was refused whole."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from tabletop.engine.actions import TEXT_LIMIT
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import NoteScreen, UndoScreen, ruling_reason
from tabletop.tui.override import MeterOverrideScreen, TrackOverrideScreen

from .support import SIZE, on_screen, press, settled, start, type_text

FITS = f"at most {TEXT_LIMIT} characters"


async def test_each_free_text_dialog_takes_what_fits_and_says_the_limit(tmp_path: Path) -> None:
    session = start(tmp_path)
    state = session.state
    meter = state.ruleset.meters[0].id
    dialogs = [
        (ruling_reason(True), "#ask-input"),
        (NoteScreen([0], lambda seq: f"Event {seq}", lambda seq: None), "#ask-input"),
        (UndoScreen("Undo?"), "#ask-input"),
        (TrackOverrideScreen(state, state.ruleset.tracks[0].id), "#override-reason"),
        (MeterOverrideScreen(state, meter), "#override-reason"),
    ]
    app = TabletopApp(session)
    answered: list[object] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for dialog, selector in dialogs:
            app.push_screen(dialog, answered.append)
            await pilot.pause()
            field = dialog.query_one(selector, Input)
            field.focus()
            await pilot.pause()
            app.post_message(events.Paste("x" * (TEXT_LIMIT - 2)))
            await settled(pilot)
            assert FITS not in on_screen(field)  # room left: nothing said
            app.post_message(events.Paste("abcdef"))  # longer than the room left: taken as far as it fits
            await type_text(pilot, "yz")  # then typed past the limit: not taken
            assert field.value == "x" * (TEXT_LIMIT - 2) + "ab", (type(dialog).__name__, field.value[-8:])
            assert FITS in on_screen(field), (type(dialog).__name__, on_screen(field))
            await press(pilot, "backspace")
            assert FITS not in on_screen(field), type(dialog).__name__  # room again: nothing to say
            dialog.dismiss(None)
            await pilot.pause()
