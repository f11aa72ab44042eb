"""The start screen's sealed-moves switch says on or off in words beside it, not by its knob's colour alone.

Found from outside (tabletop --lang ru): the row read «Закрытые ходы ▊        ▎», its state only the knob's place and
colour; on a washed-out projector the facilitator could not tell whether sealed moves were on (DESIGN.md 3a: no
meaning carried by colour alone).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Switch

from tabletop import lang
from tabletop.tui.app import TabletopApp
from tabletop.tui.start import StartScreen

from .support import SIZE, SMALL, on_screen, press

#: the switch's words, on and off, in each language
WORDS = {"en": ("on", "off"), "ru": ("вкл.", "выкл."), "uk": ("увімк.", "вимк.")}


def _said(screen: StartScreen, code: str) -> list[str]:
    """The words for on and off that the switch's row shows (as drawn, inside the set-up's frame)."""
    row = screen.query_one("#sealed", Switch).parent
    assert isinstance(row, Widget)
    room = screen.query_one("#setup").content_region
    shown = []
    for widget in row.children:
        assert widget.region.right <= room.right, (widget, widget.region, room)  # within the screen's width
        shown += on_screen(widget).split()
    return [word for word in WORDS[code] if word in shown]


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("code", list(WORDS))
async def test_the_sealed_switch_says_its_state_in_words_as_it_is_toggled(
        tmp_path: Path, code: str, size: tuple[int, int]) -> None:
    lang.set_language(code)
    on, off = WORDS[code]
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        switch = screen.query_one("#sealed", Switch)
        assert not switch.value and _said(screen, code) == [off]
        switch.focus()
        await press(pilot, "space")
        assert switch.value and _said(screen, code) == [on]
        await press(pilot, "enter")
        assert not switch.value and _said(screen, code) == [off]
        await pilot.click(switch)
        await pilot.pause()
        assert switch.value and _said(screen, code) == [on]


async def test_the_sealed_switchs_words_follow_the_language(tmp_path: Path) -> None:
    """F4 says the set-up anew: the switch's state too, in the new language, the state kept."""
    app = TabletopApp(save_dir=tmp_path, lang="en")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        screen.query_one("#sealed", Switch).focus()
        await press(pilot, "space")
        await press(pilot, "f4")
        assert lang.current() == "ru"
        assert screen.query_one("#sealed", Switch).value and _said(screen, "ru") == ["вкл."]
        await press(pilot, "space", "f4")
        assert lang.current() == "uk"
        assert _said(screen, "uk") == ["вимк."]
