"""Objectives: which of each actor's objectives the board now meets."""

from __future__ import annotations

from typing import Any

from .state import State


def objectives_met(state: State) -> dict[str, list[tuple[Any, bool]]]:
    """Each actor's objectives, each with whether the board now meets it."""
    out: dict[str, list[tuple[Any, bool]]] = {}
    for actor in state.ruleset.actors:
        rows = []
        for obj in actor.objectives:
            track = state.tracks[obj.track]
            met = True
            if obj.at_least is not None and track.position < obj.at_least:
                met = False
            if obj.status is not None and (track.status != obj.status or track.provisional):
                met = False
            rows.append((obj, met))
        out[actor.id] = rows
    return out
