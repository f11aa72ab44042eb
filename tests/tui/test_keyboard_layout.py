"""Letter keys typed on a Cyrillic keyboard layout reach the bindings of the Latin letter on the same key.

Found from outside: a facilitator who had just typed a note in Russian pressed «н» (the key of ``y``) at a
confirm dialog and «з» (``p``) to resume, and nothing happened, with no word why. In a text field the letters
stay as typed: a note in Ukrainian is written in Ukrainian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import AskScreen
from tabletop.tui.board import BoardScreen
from tabletop.tui.language import latin_key

from .support import SIZE, press, start


def test_both_layouts_map_to_the_keys_they_sit_on() -> None:
    assert [latin_key(c) for c in "йцукенгшщзфывапролдячсмить"] == list("qwertyuiopasdfghjklzxcvbnm")
    assert latin_key("і") == "s" and latin_key("Н") == "Y"  # Ukrainian і sits where Russian ы does
    assert latin_key("x") is None and latin_key("ж") is None and latin_key("1") is None


async def test_a_cyrillic_letter_works_as_its_key_and_a_text_field_keeps_it(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw
        await press(pilot, "т")  # the key of n: the note dialog
        assert isinstance(app.screen, AskScreen)
        await press(pilot, *"тест")
        assert app.screen.query_one(Input).value == "тест"
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen)
    assert app._exception is None
    from tabletop import open_save

    [note] = [e for e in open_save(session.save_path).events if e.action.kind == "note"]
    assert note.action.text == "тест"


@pytest.mark.parametrize("key", ["з"])
async def test_pause_by_the_key_of_p(tmp_path: Path, key: str) -> None:
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        before = screen.paused
        await press(pilot, "p")
        assert screen.paused != before  # the Latin key pauses (or does nothing the same way)
        await press(pilot, key)
        assert screen.paused == before
