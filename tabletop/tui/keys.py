"""Which facilitator keys the board offers now (the footer shows only these).

Textual's ``check_action`` answers True (shown), None (shown greyed) or False
(hidden); the board hides what cannot be done now, so the footer lists only
keys that do something: no skip or redraw without a card on the table, no
inject, override or end once the game is over, Pause or Resume as it is.
"""

from __future__ import annotations

from ..engine import State

#: board actions that are hidden once the game is over
_PLAYING_ONLY = frozenset({"pause", "resume", "extend", "inject", "override", "end_game", "skip", "redraw"})


def key_available(action: str, state: State, paused: bool) -> bool:
    """Whether the board's action ``action`` can be used now."""
    if state.over and action in _PLAYING_ONLY:
        return False
    if action == "pause":
        return not paused
    if action == "resume":
        return paused
    if action in ("skip", "redraw"):
        return state.card is not None
    if action == "undo":
        return state.previous is not None
    return True


__all__ = ["key_available"]
