"""Bots and the headless simulation runner (``tabletop simulate``).

The runner (and the process pool it brings) is imported on first use: a game
on screen needs the bots only.
"""

from typing import Any

from .bots import POLICIES, Bot, parse_bots

_RUNNER = ("GameResult", "format_table", "play_game", "simulate")


def __getattr__(name: str) -> Any:
    if name in _RUNNER:
        from . import runner

        return getattr(runner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["POLICIES", "Bot", "GameResult", "format_table", "parse_bots", "play_game", "simulate"]
