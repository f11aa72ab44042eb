"""``tabletop simulate --cluster``: the games of a simulation played in chunks on Dask, handed back in game order.

Game ``i`` is played with seed ``derive_seed(seed, i)``, as on one core or
a process pool (:mod:`.runner`), so the report is the same wherever the
games ran.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import NamedTuple

from ..content import Scenario
from ..engine.rng import derive_seed
from .._collector import collector_paused
from .cluster import Dask
from .game import GameResult, play_game

#: games per task: enough that the scheduler's cost per task is small beside the games
MOST_PER_CHUNK = 1000
FEWEST_PER_CHUNK = 50


class Games(NamedTuple):
    """Games ``start`` to ``stop - 1`` of a simulation with master seed ``seed``."""

    seed: int
    start: int
    stop: int
    bots: dict[str, str] | None


def play_games(scenario: Scenario, task: Games) -> list[GameResult]:
    """One chunk of a simulation, played on a worker (the collector off: a game makes no cycles)."""
    with collector_paused():
        return [play_game(scenario, derive_seed(task.seed, i), task.bots, i)[1] for i in range(task.start, task.stop)]


def chunk_size(games: int) -> int:
    """Games per task: about sixteen tasks, each between 50 and 1,000 games."""
    return max(FEWEST_PER_CHUNK, min(MOST_PER_CHUNK, -(-games // 16)))


def games_on_cluster(
    scenario: Scenario,
    games: int,
    seed: int,
    bots: Mapping[str, str] | None,
    address: str,
    progress: Callable[[int], None] | None = None,
    notice: Callable[[str], None] | None = None,
) -> Iterator[GameResult]:
    """Each game's result, in game order, the games played on the Dask cluster at ``address`` (``notice``: told when
    its scheduler has no worker yet)."""
    size = chunk_size(games)
    tasks = [Games(seed, i, min(games, i + size), dict(bots) if bots else None) for i in range(0, games, size)]
    waiting: dict[int, list[GameResult]] = {}
    following = 0
    with Dask(address, notice=notice) as cluster:
        for task, results in cluster.results(scenario, play_games, tasks):
            if progress is not None:
                progress(len(results))
            waiting[task.start] = results
            while following in waiting:  # a chunk that finished early waits for those before it
                chunk = waiting.pop(following)
                following += len(chunk)
                yield from chunk
