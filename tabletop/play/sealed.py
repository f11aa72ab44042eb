"""Who sits at the keyboard in a sealed round, and when it changes hands.

In a sealed round each human team enters all its moves in one sitting (the
engine keeps the turn with it until it passes or has no action left). Before
it starts, everyone else looks away (the gate); when it is done, it says so
and hands over, so the next team never comes to a screen still showing
another team's entries. Plain logic, no Textual: the board asks ``step``.
"""

from __future__ import annotations

from typing import NamedTuple

from ..engine import State


class SealedStep(NamedTuple):
    """What the board must show before anything else in a sealed round."""

    kind: str  # "gate": ``team`` comes to the keyboard; "handover": ``team`` is done and hands over
    team: str
    to: str | None = None  # handover: the next team, or None for the facilitator


class SealedDesk:
    """The team at the keyboard in the current sealed moves phase."""

    def __init__(self) -> None:
        self._at: tuple[int, str] | None = None  # (round, team) that passed the gate

    def _seated(self, state: State) -> str | None:
        if self._at is None or self._at[0] != state.round or state.phase != "moves" or state.over:
            return None
        return self._at[1]

    def step(self, state: State, human: bool) -> SealedStep | None:
        """The gate or hand-over due now, if any (``human``: the team to move is a human team)."""
        if not state.ruleset.ruleset.sealed_moves or state.phase != "moves" or state.over:
            return None
        seated = self._seated(state)
        if seated is not None and seated != state.turn:
            return SealedStep("handover", seated, state.turn)
        if seated is None and state.turn is not None and human:
            return SealedStep("gate", state.turn)
        return None

    def ready(self, state: State, team: str) -> None:
        """``team`` is at the keyboard; the others look away."""
        self._at = (state.round, team)

    def handed_over(self) -> None:
        """The team at the keyboard is done and has handed over."""
        self._at = None


__all__ = ["SealedDesk", "SealedStep"]
