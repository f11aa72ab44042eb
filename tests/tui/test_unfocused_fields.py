"""A text field the focus has left shows the beginning of what was typed in it, not its end.

Found from outside (120x40, ru): the team names «Команда Вашингтона», «Команда Брюсселя, ЕС» and «Посредники «Астана»»
typed on the start screen read «манда Вашингтона», «нда Брюсселя, ЕС», «редники «Астана»» once Tab had moved on: the
facilitator could not check them at a glance before F5. Textual's field keeps the view where its cursor last was.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from tabletop import lang
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import NoteScreen
from tabletop.tui.override import TrackOverrideScreen
from tabletop.tui.start import StartScreen

from .support import SIZE, SMALL, burst, on_screen, press, settled, start

#: what the start screen's fields are given, by the field's id: each longer than its field at 80x24 and 120x40
START_TYPED = {
    "seed": "1234567890" * 7,
    "save-name": "Воркшоп по европейской безопасности, Вена, второй день, утренняя сессия",
    "timers": "moves=7m, event=2m, adjudication=4m, review=2m, moves=6m, event=3m",
    "team-us": "Команда Вашингтона: Госдепартамент, Пентагон и Совет национальной безопасности",
    "team-eu": "Команда Брюсселя, ЕС: Еврокомиссия, Европарламент и страны-члены",
    "team-bridge": "Посредники «Астана»: Казахстан, Турция, Ватикан, Швейцария",
}


def _beginning(field: Input) -> str:
    """As much of the field's text as its width shows, from its first character."""
    return field.value[: field.content_size.width]


def _cursor_in_sight(field: Input) -> bool:
    # (Textual draws a cursor after the text one cell past the field's content, in its padding)
    return field.content_region.x <= field.cursor_screen_offset.x <= field.content_region.right


async def _typed_in(pilot: Pilot, field: Input, text: str) -> None:
    field.focus()
    await pilot.pause()
    burst(pilot.app, *text)
    await settled(pilot)
    assert field.value == text[: field.max_length or len(text)]
    assert len(field.value) > field.content_size.width, "the test needs a text longer than its field"


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
async def test_the_start_screens_fields_show_the_beginning_of_their_text_once_left(
        tmp_path: Path, size: tuple[int, int]) -> None:
    lang.set_language("ru")
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        for field_id, text in START_TYPED.items():
            field = screen.query_one(f"#{field_id}", Input)
            await _typed_in(pilot, field, text)
            await press(pilot, "tab")
            assert not field.has_focus
        for field_id in START_TYPED:
            field = screen.query_one(f"#{field_id}", Input)
            assert _beginning(field) in on_screen(field), (field_id, on_screen(field))
        # back in a field, its cursor is in sight (Textual selects the text, the cursor at its end): typing goes on
        field = screen.query_one("#team-us", Input)
        field.focus()
        await settled(pilot)
        assert _cursor_in_sight(field), (field.cursor_position, field.cursor_screen_offset, field.content_region)


async def test_a_field_left_with_its_cursor_inside_its_text_gets_it_back_there(tmp_path: Path) -> None:
    """A field that keeps its cursor on focus (no selection): the cursor where the facilitator left it, in sight."""
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#team-us", Input)
        await _typed_in(pilot, field, START_TYPED["team-us"])
        field.select_on_focus = False
        await press(pilot, *["left"] * 5)
        where = field.cursor_position
        await press(pilot, "tab")
        assert _beginning(field) in on_screen(field)
        await press(pilot, "shift+tab")
        assert field.has_focus and field.cursor_position == where
        assert _cursor_in_sight(field), (field.cursor_screen_offset, field.content_region)


async def _dialog(pilot: Pilot, app: App[object], typed: dict[str, str]) -> None:
    """Each field of the dialog on screen given its text, then the focus on the next field."""
    for field_id, text in typed.items():
        field = app.screen.query_one(f"#{field_id}", Input)
        await _typed_in(pilot, field, text)
        await press(pilot, "tab")
    for field_id in typed:
        field = app.screen.query_one(f"#{field_id}", Input)
        assert not field.has_focus
        assert _beginning(field) in on_screen(field), (field_id, on_screen(field))


#: a dialog's text field in the language of a room: the language, the dialog on a session, its field, a text
DIALOGS = {
    "override-reason": ("ru", lambda session: TrackOverrideScreen(session.state, "borders"), "override-reason",
                        "Ведущий решил: обе стороны согласились на отвод войск от линии соприкосновения на пятнадцать "
                        "километров, с наблюдателями ОБСЕ"),
    # (the note's event field is never wider than its number)
    "note": ("uk", lambda session: NoteScreen([0], lambda seq: f"#{seq}", lambda seq: None), "ask-input",
             "Команда України попросила перерву на консультації зі столицею; повернулися за двадцять хвилин "
             "з новою позицією щодо гарантій"),
}


@pytest.mark.parametrize("dialog", list(DIALOGS))
@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
async def test_a_dialog_s_text_shows_its_beginning_once_left(tmp_path: Path, size: tuple[int, int], dialog: str) -> None:
    code, made, field_id, text = DIALOGS[dialog]
    lang.set_language(code)
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(made(session))
        await pilot.pause()
        await _dialog(pilot, app, {field_id: text})


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
async def test_an_argument_taller_than_its_field_shows_its_first_lines_once_left(size: tuple[int, int]) -> None:
    """An argument's text wraps in a field of at most six lines: 500 characters (a scenario's longest) overflow it."""
    from tabletop.tui.argument import LineField

    from .test_argument_entry import Host, argument

    action = " ".join(["Обе стороны отводят тяжёлые вооружения на пятнадцать километров от линии"] * 7)[:500]
    app = Host(argument(action_limit=500, reason_limit=500))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#argue-action", LineField)
        await press(pilot, *action[:3])
        field.insert(action[3:])  # the rest as a paste (500 key presses are slow)
        await settled(pilot)
        assert field.value == action and field.virtual_size.height > field.size.height  # it overflows its field
        await press(pilot, "enter")  # on to the results
        assert not field.has_focus
        first = " ".join(on_screen(field).split()[:6])
        assert action.startswith(first), on_screen(field)
        await press(pilot, "shift+tab")  # back: the cursor, at the end of the text, in sight
        await settled(pilot)
        assert field.has_focus and field.cursor_location == field.document.end
        assert field.region.y <= field.cursor_screen_offset.y < field.region.bottom, (field.cursor_screen_offset,
                                                                                      field.region)
