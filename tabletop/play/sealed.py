"""Who sits at the keyboard in a sealed round, and when it changes hands.

In a sealed round each human team enters all its moves in one sitting (the
engine keeps the turn with it until it passes or has no action left). Before
it starts, everyone else looks away (the gate); when it is done, it says so
and hands over, so the next team never comes to a screen still showing
another team's entries. The counters to a matrix argument are entered the
same way, one team at a time behind the gate, until the last one reveals
them. Plain logic, no Textual: the board asks ``step``.
"""

from __future__ import annotations

from typing import NamedTuple

from ..engine import State


class SealedStep(NamedTuple):
    """What the board must show before anything else in a sealed round."""

    kind: str  # "gate": ``team`` comes to the keyboard; "handover": ``team`` is done and hands over
    team: str
    to: str | None = None  # handover: the next team, or None for the facilitator


def _sitting(state: State) -> tuple[object, ...] | None:
    """What the teams now take turns at the keyboard for: a round's moves, or the counters to one argument."""
    if state.phase == "moves":
        return ("moves", state.round)
    head = state.queue[0] if state.phase == "adjudication" and state.queue else None
    if head is not None and head.argument is not None and head.sealed:
        return ("counters", state.round, head.seq)
    return None


def _due(state: State) -> str | None:
    """The team whose sitting is due now, if any."""
    if state.phase == "moves":
        return state.turn
    head = state.queue[0] if state.queue else None
    return head.argument.next_counterer() if head is not None and head.argument is not None else None


class SealedDesk:
    """The team at the keyboard in the current sealed moves phase, or for the current sealed counters."""

    def __init__(self) -> None:
        self._at: tuple[tuple[object, ...], str] | None = None  # (sitting, team) that passed the gate

    def _seated(self, state: State, sitting: tuple[object, ...]) -> str | None:
        if self._at is None or self._at[0] != sitting:
            return None
        return self._at[1]

    def step(self, state: State, human: bool) -> SealedStep | None:
        """The gate or hand-over due now, if any (``human``: the team to act is a human team)."""
        if not state.ruleset.ruleset.sealed_moves or state.over:
            return None
        sitting = _sitting(state)
        if sitting is None:
            return None
        seated = self._seated(state, sitting)
        due = _due(state)
        if seated is not None and seated != due:
            return SealedStep("handover", seated, due)
        if seated is None and due is not None and human:
            return SealedStep("gate", due)
        return None

    def seated_now(self, state: State, handing_over: bool = False) -> str | None:
        """The team at the keyboard now in a sealed sitting, its own list on screen (past its gate), if any; with
        ``handing_over``, also a team at its hand-over (done, still at the keyboard: the facilitator may step in
        then, but not show it what it may not see)."""
        if not state.ruleset.ruleset.sealed_moves or state.over:
            return None
        sitting = _sitting(state)
        seated = None if sitting is None else self._seated(state, sitting)
        return seated if seated is not None and (handing_over or seated == _due(state)) else None

    def keeps_from_the_room(self, state: State, team: str | None) -> bool:
        """Whether what ``team`` holds is kept off the shared screen now: a sealed sitting (a round's moves, an
        argument's counters) where ``team`` is not the team at the keyboard. Its resources fall by what each sealed
        move costs, which tells the room what kind of move it was before the reveal (found from outside)."""
        if team is None or not state.ruleset.ruleset.sealed_moves or state.over:
            return False
        sitting = _sitting(state)
        return sitting is not None and self._seated(state, sitting) != team

    def ready(self, state: State, team: str) -> None:
        """``team`` is at the keyboard; the others look away."""
        sitting = _sitting(state)
        self._at = None if sitting is None else (sitting, team)

    def handed_over(self) -> None:
        """The team at the keyboard is done and has handed over."""
        self._at = None


__all__ = ["SealedDesk", "SealedStep"]
