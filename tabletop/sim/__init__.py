"""Bots and headless simulation (``tabletop simulate``).

The bots are :mod:`.bots`, their judgement of moves :mod:`.judging`, and
the simulated facilitator (what it assumes) :mod:`.facilitator`. One bot
game is :mod:`.game`, one saved as it is played :mod:`.saving`, many (with
the process pool) :mod:`.runner`, and the tables a run prints :mod:`.tables`: each is imported where it is used, so a
game on screen brings the bots only.
"""

from .bots import POLICIES, Bot, parse_bots

__all__ = ["POLICIES", "Bot", "parse_bots"]
