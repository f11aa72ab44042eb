from __future__ import annotations

import pytest

import tabletop.tui.board as board_module


@pytest.fixture(autouse=True)
def quick_bots(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bots move at once: the room's pause is for people, not for tests."""
    monkeypatch.setattr(board_module, "BOT_DELAY", 0.01)
