"""The start screen shows no seed nobody chose: the field is left blank, the seed drawn at the start, never shown.

Found from outside: the field came prefilled with a random seed of 1..999,999, on a screen that may be on the
projector; whoever saw it (or found it again from the first dice) knew every card and die of the game to come.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from textual.widgets import Input

from tabletop.content.numbers import MOST_SEED
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.start import StartScreen

from .support import SIZE
from .test_play import press


class Highest(random.Random):
    """A random source that always gives the top of the range it is asked for."""

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:  # type: ignore[override]
        return start - 1 if stop is None else stop - 1

    def randint(self, low: int, high: int) -> int:
        return high


PLACEHOLDER = {"en": "blank: a random seed is drawn", "ru": "пусто: случайное зерно при старте",
               "uk": "пусте: випадкове зерно при старті"}


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_the_seed_field_is_blank_and_says_a_random_seed_is_drawn(tmp_path: Path, lang: str) -> None:
    app = TabletopApp(save_dir=tmp_path / "saves", lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        field = app.screen.query_one("#seed", Input)
        assert field.value == ""
        assert field.placeholder == PLACEHOLDER[lang]


async def test_a_blank_seed_is_drawn_from_the_whole_range_at_the_start(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(random, "SystemRandom", Highest)
    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        assert app.session is not None and app.session.state.seed == MOST_SEED
        app.session.close()


async def test_a_typed_seed_is_used_as_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(random, "SystemRandom", Highest)
    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter", "4", "2", "f5")  # Enter on the scenario: on to its seed
        assert isinstance(app.screen, BoardScreen)
        assert app.session is not None and app.session.state.seed == 42
        app.session.close()


def _refused(app: TabletopApp) -> str:
    """The seed's refusal line, as on screen ("" while hidden)."""
    from textual.widgets import Static

    line = app.screen.query_one("#seed-refused", Static)
    return str(line.render()) if line.display and line.region.area else ""


async def test_a_character_the_seed_does_not_take_is_refused_in_words(tmp_path: Path) -> None:
    """Found from outside (a Russian-speaking facilitator): "7.0" typed in the seed showed "70", and the game's seed
    was 70, with no word that the "." was not taken. A character that is not a digit is refused and said so under
    the field (a minus sign too: the seed is from 0); the line stays until the field is emptied."""
    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter", "7")  # Enter on the scenario: on to its seed
        assert _refused(app) == ""
        await press(pilot, "full_stop", "0")
        assert app.screen.query_one("#seed", Input).value == "70"
        said = _refused(app)
        assert "\u201c.\u201d" in said and "digits" in said, said
        await press(pilot, "backspace", "backspace", "minus")
        said = _refused(app)
        assert "\u201c-\u201d" in said, said
        await press(pilot, "4", "2")
        assert "\u201c-\u201d" in _refused(app)  # still said: the field holds what was typed round it
        await press(pilot, "backspace", "backspace")
        assert _refused(app) == ""  # emptied: nothing to say of it


async def test_a_digit_typed_on_the_scenario_s_description_says_where_the_seed_is(tmp_path: Path) -> None:
    """Found from outside: the first Tab lands on the scenario's description (it scrolls: its text is cut at 120x40 and
    at 80x24, and Tab reaches it for that), and "42" typed after it went nowhere. A digit typed there says where the
    seed is; on a screen where the description is whole, Tab goes straight to the seed."""
    from .support import toasts

    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "tab")
        assert app.focused is app.screen.query_one("#details-box")
        await press(pilot, "4")
        said = " ".join(toasts(pilot))
        assert "seed" in said.lower() and "Tab" in said, said
        assert app.screen.query_one("#seed", Input).value == ""
    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=(200, 90)) as pilot:
        await pilot.pause()
        details = app.screen.query_one("#details-box")
        assert details.max_scroll_y == 0, "the description must fit at this size"
        await press(pilot, "tab")
        assert app.focused is app.screen.query_one("#seed")
