"""Whose act it is: a seat may act only for itself (the engine checks the rules after this).

The facilitator may do anything the engine allows (the control cell runs
the game, and may act for a team that lost its connection). A team acts
only as its own actor, and never with the facilitator's powers or the
steps that move the game on (draw, apply a card, roll, rule, enact,
advance): those are the facilitator's. The projector and observers watch.
"""

from __future__ import annotations

from ..engine import Action, Code, RuleViolation, State
from ..engine.actions import FACILITATOR_KINDS
from ..engine.wording import names
from .views import Seat


def check_seat(state: State, seat: Seat, action: Action) -> None:
    """Raise ``NOT_YOUR_SEAT`` unless ``seat`` may do ``action`` (whether the rules allow it is the engine's)."""
    if seat.role == "facilitator":
        return
    if seat.role != "team" or seat.actor is None:
        raise RuleViolation(Code.NOT_YOUR_SEAT, f"The {seat.role} only watches the game.")
    n = names(state)
    if action.actor is None or action.kind in FACILITATOR_KINDS:
        raise RuleViolation(Code.NOT_YOUR_SEAT, f"Only the facilitator can {_what(action.kind)}.")
    if action.actor != seat.actor:
        who = n.get(action.actor, "another team")
        raise RuleViolation(Code.NOT_YOUR_SEAT, f"{n.get(seat.actor, seat.actor)} cannot act for {who}.")


def _what(kind: str) -> str:
    return {
        "draw": "draw the event card", "apply_card": "apply the card", "roll": "roll the dice",
        "rule": "rule on a move", "enact": "enact a revealed move", "advance": "move the game on",
        "override": "override the board", "undo": "undo", "note": "add a note", "inject": "inject a card",
        "skip": "skip a card", "redraw": "redraw a card", "end": "end the game",
    }.get(kind, "do that")


__all__ = ["check_seat"]
