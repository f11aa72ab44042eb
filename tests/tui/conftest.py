from __future__ import annotations

from collections.abc import Iterator

import pytest

import tabletop.tui.board as board_module
from tabletop import lang


@pytest.fixture(autouse=True)
def quick_bots(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bots move at once: the room's pause is for people, not for tests."""
    monkeypatch.setattr(board_module, "BOT_DELAY", 0.01)


@pytest.fixture(autouse=True)
def english_after() -> Iterator[None]:
    """The screen's language is the process's (F4 switches it): each test starts, and leaves, in English."""
    lang.set_language("en")
    yield
    lang.set_language("en")
