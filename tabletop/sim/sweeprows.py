"""One Parquet row per game of a sweep: what a chunk of games came to, column by column.

A worker plays a chunk (:class:`Chunk`: one point, a range of game
numbers) and returns plain columns (lists), small to send back; the driver
writes them (:mod:`.sweepfiles`). Game ``g`` of a point is played with seed
``derive_seed(point_seed, g)`` (the point's seed comes from the master seed
and the point, :func:`point_seed`), so a row is the same whichever process,
machine or chunk order played it. Headless: no pyarrow needed here.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..content import Scenario
from ..content.sweepspec import apply_settings, id_column, result_columns
from ..engine.rng import derive_seed
from .._collector import collector_paused
from .game import play_game


@dataclass(frozen=True)
class Chunk:
    """Games ``start`` to ``stop - 1`` of one point: the unit of work, of retry and of a Parquet file."""

    point: int
    start: int
    stop: int
    seed: int  # the point's seed
    settings: dict[str, Any] = field(default_factory=dict)  # the point's keys (ruleset and bots)
    bots: dict[str, str] = field(default_factory=dict)  # each named actor's policy at the point

    @property
    def games(self) -> int:
        return self.stop - self.start

    @property
    def name(self) -> str:
        """The chunk's file name inside its point's folder (the number of its first game)."""
        return f"games-{self.start:09d}.parquet"


def point_seed(master: int, settings: Mapping[str, Any]) -> int:
    """A point's seed, from the master seed and what the point sets (not its place in the grid)."""
    said = json.dumps(dict(settings), sort_keys=True, separators=(",", ":"))
    return random.Random(f"tabletop/sweep/{master}/{said}").getrandbits(63)


def column_types(scenario: Scenario) -> dict[str, str]:
    """The columns every row has besides the point's keys, each with its type (for the Parquet schema)."""
    return {name: kind for name, kind, _whose in result_columns(scenario.ruleset)}


#: the scenario a worker plays, per point, built once from the base it was sent
_AT_POINT: dict[tuple[int, int], Scenario] = {}


def play_chunk(base: Scenario, chunk: Chunk) -> dict[str, list[Any]]:
    """Play a chunk's games; their rows as columns (the point's keys are the driver's to add)."""
    key = (id(base), chunk.point)
    scenario = _AT_POINT.get(key)
    if scenario is None:
        if len(_AT_POINT) > 256:  # a worker serving many sweeps in turn: keep the table small
            _AT_POINT.clear()
        scenario = _AT_POINT[key] = apply_settings(base, chunk.settings)
    columns: dict[str, list[Any]] = {name: [] for name in column_types(scenario)}
    with collector_paused():  # a game makes no reference cycles: the collector's passes found nothing (~5 %)
        for game in range(chunk.start, chunk.stop):
            for name, value in game_row(scenario, chunk, game).items():
                columns[name].append(value)
    return columns


def game_row(scenario: Scenario, chunk: Chunk, game: int) -> dict[str, Any]:
    """One game played, as its row."""
    seed = derive_seed(chunk.seed, game)
    state, result = play_game(scenario, seed, chunk.bots or None, game)
    row: dict[str, Any] = {"game": game, "seed": seed}
    row.update({f"policy_{id_column(a)}": p for a, p in result.policies.items()})
    counts = dict.fromkeys(("agreed", "collapsed", "deferred"), 0)
    for tid, track in state.tracks.items():
        p = id_column(tid)
        row[f"{p}_status"] = track.status
        row[f"{p}_position"] = track.position
        row[f"{p}_tension"] = track.tension
        row[f"{p}_round"] = None if track.status == "open" else track.since
        if track.status in counts:
            counts[track.status] += 1
    row.update({"agreements": counts["agreed"], "collapses": counts["collapsed"], "deferrals": counts["deferred"],
                "rounds": result.rounds, "actions": result.actions})
    # an actor with no objectives met none and missed none: null, not false (found from outside: avg() read 0 %)
    row.update({f"objectives_{id_column(a)}": all(met) if met else None for a, met in result.objectives.items()})
    drawn = [card for card, n in result.cards.items() for _copy in range(n)]
    row.update({"cards_drawn": len(drawn), "cards": drawn})
    return row
