"""A dialog fits the screen whatever its heading says: the heading scrolls, the fields and their keys stay in view.

Found from outside (tmux at 80x24): a note on an event whose heading was long (a facilitator's long ruling or
override reason, which the heading quotes) put the note's field and its keys hint below the screen's foot, or
scrolled the whole screen so that the dialog's top and the heading's start were gone; the undo's question of such
an event did the same to its keys. Checked in each language (F4): the readers' line and the keys are longer in ru
and uk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input, Static

from tabletop import lang
from tabletop.engine import Action
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import NoteScreen, UndoScreen

from .support import SIZE, SMALL, press, start

#: a facilitator's reason as long as a heading gets in a workshop (two thousand characters)
REASON = " ".join(["The mediators asked for a pause so the delegations could consult their capitals."] * 25)


def _in_view(widget: Widget, dialog: Widget, screen: Region) -> None:
    """``widget`` shows whole: inside the dialog's frame, and the dialog inside the screen."""
    frame = dialog.region.shrink(dialog.styles.gutter)
    assert screen.contains_region(dialog.region), (dialog.region, screen)
    assert frame.contains_region(widget.region) and widget.region.height, (widget, widget.region, frame)


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_a_long_heading_scrolls_and_the_fields_stay_on_screen(tmp_path: Path, code: str,
                                                                      size: tuple[int, int]) -> None:
    lang.set_language(code)
    session = start(tmp_path)
    session.apply(Action("override", track=session.state.ruleset.tracks[0].id, tension=1, reason=REASON))
    app = TabletopApp(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        whole = Region(0, 0, *size)
        await press(pilot, "n")
        note = app.screen
        assert isinstance(note, NoteScreen)
        dialog = note.query_one("NoteScreen > Vertical")  # untranslated: CSS
        assert note.scroll_offset.y == 0
        hint = list(note.query(Static))[-1]
        for widget in (note.query_one("#note-event", Input), note.query_one("#ask-input", Input), hint):
            _in_view(widget, dialog, whole)
        heading = note.query_one("#note-heading")
        assert heading.region.y == dialog.region.y + 1, "the heading's start is in view"
        assert heading.allow_vertical_scroll  # it scrolls, and Tab reaches it
        await press(pilot, "tab")  # from the note: the heading
        assert app.focused is heading
        await press(pilot, "down", "down")
        assert heading.scroll_offset.y == 2
        await press(pilot, "escape")

        await press(pilot, "u")
        undo = app.screen
        assert isinstance(undo, UndoScreen)
        dialog = undo.query_one("UndoScreen > Vertical")  # untranslated: CSS
        assert undo.scroll_offset.y == 0
        for widget in (undo.query_one("#ask-input", Input), list(undo.query(Static))[-1]):  # its reason, its keys
            _in_view(widget, dialog, whole)


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_the_inject_list_fits_its_dialog_at_80x24(tmp_path: Path, code: str) -> None:
    """Found checking the other dialogs: at 80x24 the inject list (the whole deck) ran past the dialog's foot, its
    frame and last entries cut, and the card the arrows had reached went out of sight. It scrolls inside the dialog;
    at 120x40 it is as it was (20 entries)."""
    from textual.widgets import OptionList

    from tabletop.tui.modals import PickScreen
    from tabletop.tui.widgets import KeyLine

    lang.set_language(code)
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "i", *["down"] * 14)
        pick = app.screen
        assert isinstance(pick, PickScreen)
        dialog = pick.query_one("PickScreen > Vertical")  # untranslated: CSS
        listing = pick.query_one(OptionList)
        _in_view(listing, dialog, Region(0, 0, *SMALL))
        assert listing.highlighted == 14
        row = listing.region.y + listing.styles.gutter.top + 14 - int(listing.scroll_offset.y)
        assert listing.region.shrink(listing.styles.gutter).contains(listing.region.x + 2, row)
        # its keys under the list, as every other dialog says them, in the room's language, in view and on one line
        # (found from outside: the override's first dialog and the inject list said no key at all)
        keys = pick.query(KeyLine)
        assert len(keys) == 1, "the list's dialog says its keys"
        from tabletop.tui.modals import LIST_KEYS

        said = str(keys.first().render())
        assert "Enter" in said and "Escape" in said and said == lang.Domain("tui").gettext(LIST_KEYS), said
        assert (said == LIST_KEYS) == (code == "en"), "translated"
        _in_view(keys.first(), dialog, Region(0, 0, *SMALL))
        assert keys.first().region.height == 1, said
