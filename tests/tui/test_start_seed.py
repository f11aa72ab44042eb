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


PLACEHOLDER = {"en": "blank: a random seed is drawn", "ru": "пусто: случайный сид при старте",
               "uk": "пусте: випадковий сід при старті"}


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
