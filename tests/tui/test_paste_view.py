"""A dialog's one-line field shows its cursor, where the next character goes, after a long paste and after End.

Found from outside (tmux, a reason pasted into a dialog): the field showed the start of the text and End did not move
it. Textual's Input does not scroll to its cursor at the first change of its value (a paste into an empty field), and
End with the cursor already at the end moves nothing, so scrolls nothing; tabletop's fields (:class:`TextField`) bring
the cursor into sight on both.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input

from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import NoteScreen
from tabletop.tui.override import TrackOverrideScreen

from .support import SMALL, on_screen, press, settled, start

PASTE = "Ceasefire lines are for the mediators to draw, not for this room " * 4 + "LAST"


def _view(field: Input) -> tuple[int, int, bool]:
    """The field's scroll, the most it scrolls (the cell after the text, where the cursor is drawn, at its right edge)
    and whether it shows the paste's last word."""
    return field.scroll_offset.x, field.max_scroll_x, "LAST" in on_screen(field)


async def test_a_long_paste_and_end_show_the_cursor(tmp_path: Path) -> None:
    session = start(tmp_path)
    state = session.state
    dialogs = [(NoteScreen([0], lambda seq: f"Event {seq}", lambda seq: None), "#ask-input"),
               (TrackOverrideScreen(state, state.ruleset.tracks[0].id), "#override-reason")]
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for dialog, selector in dialogs:
            app.push_screen(dialog)
            await pilot.pause()
            field = dialog.query_one(selector, Input)
            field.focus()
            await pilot.pause()
            app.post_message(events.Paste(PASTE))
            await settled(pilot)
            assert field.value == PASTE and field.cursor_position == len(PASTE)
            pasted = _view(field)
            field.scroll_to(0, animate=False, immediate=True)  # as the mouse wheel leaves it: the cursor out of view
            await settled(pilot)
            assert _view(field)[0] == 0
            await press(pilot, "end")
            ended = _view(field)
            name = type(dialog).__name__
            assert pasted[0] == pasted[1] > 0 and pasted[2], (name, "after the paste", pasted)
            assert ended[0] == ended[1] > 0 and ended[2], (name, "after End", ended)
            dialog.dismiss(None)
            await pilot.pause()
