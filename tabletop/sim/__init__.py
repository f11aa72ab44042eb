"""Bots and the headless simulation runner (``tabletop simulate``)."""

from .bots import POLICIES, Bot, parse_bots
from .runner import GameResult, format_table, play_game, simulate

__all__ = ["POLICIES", "Bot", "GameResult", "format_table", "parse_bots", "play_game", "simulate"]
