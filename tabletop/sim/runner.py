"""Play many whole games headless and count what happened to each track.

One game is :mod:`.game`, one saved :mod:`.saving`; the tables printed
from a run are :mod:`.tables`.

Game ``i`` of a run with master seed ``S`` is played with seed
``derive_seed(S, i)``, whatever the number of worker processes, so a run
gives the same numbers on one core or many.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..content import Scenario, scenario_from_data
from ..engine.rng import derive_seed
from ..store.files import remove_stale_temps
from .._collector import collector_paused
from .game import STATUSES, GameResult, play_game
from .stopping import end_workers, stop_deferred
from .workerscenario import die_with_parent

_WORKER_SCENARIO: Scenario | None = None


def _init_worker(embedded: dict[str, Any], parent: int | None = None) -> None:
    global _WORKER_SCENARIO
    if parent is not None:  # a pool's worker: a parent killed outright must not leave it playing for nobody
        die_with_parent(parent)
    _WORKER_SCENARIO = scenario_from_data(embedded)


def _play_one(scenario: Scenario, master: int, index: int, bots: Mapping[str, str] | None,
              save_dir: Path | None) -> GameResult:
    game_seed = derive_seed(master, index)
    if save_dir is not None:
        from .saving import play_and_save  # the store's writer, only for --save-dir

        return play_and_save(scenario, game_seed, bots, index, save_dir)
    return play_game(scenario, game_seed, bots, index)[1]


def _play_chunk(args: tuple[int, list[int], dict[str, str] | None, str | None]) -> list[GameResult]:
    master, indices, bots, save_dir = args
    assert _WORKER_SCENARIO is not None
    folder = Path(save_dir) if save_dir is not None else None
    with collector_paused():  # a game makes no reference cycles: the collector's passes found nothing (~5 %)
        return [_play_one(_WORKER_SCENARIO, master, i, bots, folder) for i in indices]


def run_games(
    scenario: Scenario,
    games: int,
    seed: int,
    bots: Mapping[str, str] | None = None,
    workers: int = 1,
    save_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    cluster: str | None = None,
    notice: Callable[[str], None] | None = None,
) -> Iterator[GameResult]:
    """Yield the result of each game, in game order (``cluster``: on Dask, ``local:N`` or a scheduler's address;
    ``notice``: told in words when that scheduler has no worker yet)."""
    if cluster is not None:
        from .clustergames import games_on_cluster

        yield from games_on_cluster(scenario, games, seed, bots, cluster, progress, notice)
        return
    if workers <= 1 or games < 8:
        for i in range(games):
            with collector_paused():  # one game at a time: the caller runs between games, collector on
                result = _play_one(scenario, seed, i, bots, save_dir)
            if progress:
                progress(1)
            yield result
        return
    chunk = max(1, min(200, games // (workers * 8) or 1))
    batches = [list(range(i, min(games, i + chunk))) for i in range(0, games, chunk)]
    # never more processes than chunks: each one starts, imports and holds the scenario for nothing
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)), initializer=_init_worker,
                             initargs=(scenario.embedded(), os.getpid())) as pool:
        jobs = [(seed, b, dict(bots) if bots else None, str(save_dir) if save_dir else None) for b in batches]
        try:
            with stop_deferred():  # submitting forks the workers and starts the pool's thread: not cut short
                chunks = pool.map(_play_chunk, jobs)
            for results in chunks:
                if progress:
                    progress(len(results))
                yield from results
        except BaseException as why:
            # a game failed (a full disk under --save-dir...): the games not started yet never will;
            # a stop (Ctrl-C, SIGTERM) ends the games being played too
            end_workers(pool, why)
            raise


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def simulate(
    scenario: Scenario,
    games: int,
    seed: int,
    bots: Mapping[str, str] | None = None,
    workers: int = 1,
    save_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
    cluster: str | None = None,
    notice: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Play ``games`` games and report per track, per card and per actor (DESIGN 6b); ``notice``: see run_games."""
    started = time.perf_counter()
    rs = scenario.ruleset
    tracks = {t.id: dict.fromkeys(STATUSES, 0) for t in rs.tracks}
    rounds_to_agree: dict[str, list[int]] = {t.id: [] for t in rs.tracks}
    cards: dict[str, dict[str, Any]] = {c.id: {"drawn": 0, "games": 0} for c in scenario.deck.cards}
    agreements_with: dict[str, int] = dict.fromkeys(cards, 0)
    objectives = {a.id: {"met": 0, "per_objective": [0] * len(a.objectives)} for a in rs.actors}
    agreements = 0
    ended_in_round: dict[str, int] = {}
    if save_dir is not None:  # what a run killed there left half written (a game is named only once whole)
        remove_stale_temps(save_dir)
    for result in run_games(scenario, games, seed, bots, workers, save_dir, progress, cluster, notice):
        ended_in_round[str(result.rounds)] = ended_in_round.get(str(result.rounds), 0) + 1
        agreed_here = 0
        for tid, (status, since) in result.tracks.items():
            tracks[tid][status] += 1
            if status == "agreed" and since is not None:
                rounds_to_agree[tid].append(since)
                agreed_here += 1
        agreements += agreed_here
        for cid, n in result.cards.items():
            cards[cid]["drawn"] += n
            cards[cid]["games"] += 1
            agreements_with[cid] += agreed_here
        for actor, met in result.objectives.items():
            if met and all(met):
                objectives[actor]["met"] += 1
            for i, ok in enumerate(met):
                objectives[actor]["per_objective"][i] += int(ok)
    for cid, row in cards.items():
        # which cards matter: agreements per game when the card came up, against when it did not
        seen, unseen = row["games"], games - row["games"]
        with_card = agreements_with[cid] / seen if seen else None
        without = (agreements - agreements_with[cid]) / unseen if unseen else None
        row["agreements_when_drawn"] = None if with_card is None else round(with_card, 3)
        row["agreements_when_not"] = None if without is None else round(without, 3)
        row["impact"] = None if with_card is None or without is None else round(with_card - without, 3)
    for tid, counts in tracks.items():
        rounds = rounds_to_agree[tid]
        counts["mean_rounds_to_agreement"] = round(sum(rounds) / len(rounds), 3) if rounds else None  # type: ignore[assignment]
    return {
        "games": games,
        "seed": seed,
        "ruleset": rs.ruleset.id,
        "deck": scenario.deck.deck.id,
        "independence": rs.ruleset.independence,
        "bots": dict(bots) if bots else "mixed",
        "elapsed_s": round(time.perf_counter() - started, 3),
        "tracks": tracks,
        "agreements_per_game": round(agreements / games, 3) if games else 0.0,
        # games by the round they ended in (a package deal that ends in round 1 is a straw man)
        "ended_in_round": dict(sorted(ended_in_round.items(), key=lambda kv: int(kv[0]))),
        "cards": cards,
        "objectives": objectives,
    }


def with_independence(scenario: Scenario, mode: str) -> Scenario:
    """The same scenario played under the other independence rule (for --compare)."""
    return scenario.with_options(independence=mode)


__all__: Sequence[str] = ("run_games", "simulate", "default_workers", "with_independence")
