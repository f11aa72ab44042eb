"""Objectives: which of each actor's objectives the board now meets.

One rule, used by every screen, report and simulation that says "met":

- ``at_least = N``: the track's position is N or higher;
- ``status = "agreed"`` or a list (``["agreed", "deferred"]``, "agreed or
  deferred"): the track's status is one of them, where an agreement that is
  still provisional (linked independence) is not yet ``agreed``;
- a position objective that names no status is met only on a track that has
  not collapsed: a position that broke down is not a position reached. An
  objective that means to count a collapsed track says so
  (``status = ["open", "agreed", "deferred", "collapsed"]``).
"""

from __future__ import annotations

from typing import Any

from .state import State, TrackState

#: What a position objective without a status accepts: every status but collapsed.
STANDING = ("open", "agreed", "deferred")


def objective_met(objective: Any, track: TrackState) -> bool:
    """Whether ``track`` as it stands meets ``objective`` (a content Objective)."""
    if objective.at_least is not None and track.position < objective.at_least:
        return False
    named = objective.statuses()
    if not named:
        return track.status in STANDING
    if track.status == "agreed" and track.provisional:
        return False
    return track.status in named


def objectives_met(state: State) -> dict[str, list[tuple[Any, bool]]]:
    """Each actor's objectives, each with whether the board now meets it."""
    return {
        actor.id: [(obj, objective_met(obj, state.tracks[obj.track])) for obj in actor.objectives]
        for actor in state.ruleset.actors
    }
