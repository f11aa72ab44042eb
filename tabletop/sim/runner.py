"""Play many whole games headless and count what happened to each track.

Game ``i`` of a run with master seed ``S`` is played with seed
``derive_seed(S, i)``, whatever the number of worker processes, so a run
gives the same numbers on one core or many.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content import Scenario, scenario_from_data
from ..engine import State, apply, legal_actions, new_game, objectives_met
from ..engine.rng import derive_seed
from .bots import Bot, Facilitator, policies_for_game

STATUSES = ("agreed", "collapsed", "deferred", "open")

#: Called with each applied state (for saving a game as it is played).
Observer = Callable[[State], None]


@dataclass
class GameResult:
    """What one game came to: enough to aggregate, small enough to send between processes."""

    index: int
    seed: int
    tracks: dict[str, tuple[str, int | None]]  # status, round agreed (or None)
    cards: dict[str, int]
    objectives: dict[str, list[bool]]
    actions: int
    rounds: int
    policies: dict[str, str] = field(default_factory=dict)


def play_game(
    scenario: Scenario,
    seed: int,
    bots: Mapping[str, str] | None = None,
    index: int = 0,
    observe: Observer | None = None,
    max_actions: int = 100_000,
) -> tuple[State, GameResult]:
    """Play one whole game with bot teams; returns the final state and its result."""
    actor_ids = [a.id for a in scenario.ruleset.actors]
    rng = random.Random(f"bots/{seed}")
    policies = policies_for_game(bots, actor_ids, rng)
    teams = {a: Bot(p, rng) for a, p in policies.items()}
    white_cell = Facilitator(rng)
    state = new_game(scenario, seed=seed)
    if observe is not None:
        observe(state)
    drawn: dict[str, int] = {}
    actions = 0
    while not state.over:
        options = legal_actions(state)
        actor = options[0].actor
        action = teams[actor].choose(state, options) if actor in teams else white_cell.choose(options)
        state = apply(state, action)
        actions += 1
        if observe is not None:
            observe(state)
        last = state.last
        if last is not None and action.kind == "draw":
            card = last.result.get("outcome", {}).get("card")
            if card is not None:
                drawn[card] = drawn.get(card, 0) + 1
        if actions >= max_actions:  # pragma: no cover - every game ends; a guard, not a rule
            raise RuntimeError(f"game {index} (seed {seed}) did not end after {max_actions} actions")
    tracks = {
        tid: (t.status, t.since if t.status == "agreed" else None) for tid, t in state.tracks.items()
    }
    met = {a: [ok for _, ok in rows] for a, rows in objectives_met(state).items()}
    return state, GameResult(index, seed, tracks, drawn, met, actions, state.round, policies)


# --------------------------------------------------------------------------
# Many games


_WORKER_SCENARIO: Scenario | None = None


def _init_worker(embedded: dict[str, Any]) -> None:
    global _WORKER_SCENARIO
    _WORKER_SCENARIO = scenario_from_data(embedded)


def _play_one(scenario: Scenario, master: int, index: int, bots: Mapping[str, str] | None,
              save_dir: Path | None) -> GameResult:
    game_seed = derive_seed(master, index)
    if save_dir is not None:
        from ..store.simsave import play_and_save

        return play_and_save(scenario, game_seed, bots, index, save_dir)
    return play_game(scenario, game_seed, bots, index)[1]


def _play_chunk(args: tuple[int, list[int], dict[str, str] | None, str | None]) -> list[GameResult]:
    master, indices, bots, save_dir = args
    assert _WORKER_SCENARIO is not None
    folder = Path(save_dir) if save_dir is not None else None
    return [_play_one(_WORKER_SCENARIO, master, i, bots, folder) for i in indices]


def run_games(
    scenario: Scenario,
    games: int,
    seed: int,
    bots: Mapping[str, str] | None = None,
    workers: int = 1,
    save_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[GameResult]:
    """Yield the result of each game, in game order."""
    if workers <= 1 or games < 8:
        for i in range(games):
            result = _play_one(scenario, seed, i, bots, save_dir)
            if progress:
                progress(1)
            yield result
        return
    chunk = max(1, min(200, games // (workers * 8) or 1))
    batches = [list(range(i, min(games, i + chunk))) for i in range(0, games, chunk)]
    with ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(scenario.embedded(),)) as pool:
        jobs = [(seed, b, dict(bots) if bots else None, str(save_dir) if save_dir else None) for b in batches]
        try:
            for results in pool.map(_play_chunk, jobs):
                if progress:
                    progress(len(results))
                yield from results
        except BaseException:
            # a game failed (a full disk under --save-dir...): the games not started yet never will
            pool.shutdown(wait=True, cancel_futures=True)
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
) -> dict[str, Any]:
    """Play ``games`` games and report per track, per card and per actor (DESIGN 6b)."""
    started = time.perf_counter()
    rs = scenario.ruleset
    tracks = {t.id: dict.fromkeys(STATUSES, 0) for t in rs.tracks}
    rounds_to_agree: dict[str, list[int]] = {t.id: [] for t in rs.tracks}
    cards: dict[str, dict[str, Any]] = {c.id: {"drawn": 0, "games": 0} for c in scenario.deck.cards}
    agreements_with: dict[str, int] = dict.fromkeys(cards, 0)
    objectives = {a.id: {"met": 0, "per_objective": [0] * len(a.objectives)} for a in rs.actors}
    agreements = 0
    for result in run_games(scenario, games, seed, bots, workers, save_dir, progress):
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
        "cards": cards,
        "objectives": objectives,
    }


def format_table(report: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    """A readable table of a :func:`simulate` report."""
    names = names or {}
    games = report["games"] or 1
    lines = [
        f"{_games(report['games'])} of {report['ruleset']} ({report['independence']}), seed {report['seed']}, "
        f"bots {report['bots'] if isinstance(report['bots'], str) else ', '.join(f'{k}={v}' for k, v in report['bots'].items())}, "
        f"{report['elapsed_s']:.2f} s",
        "",
        f"{'track':<34}{'agreed':>9}{'collapsed':>11}{'deferred':>10}{'open':>8}{'rounds to agree':>17}",
    ]
    for tid, row in report["tracks"].items():
        mean = row["mean_rounds_to_agreement"]
        lines.append(
            f"{names.get(tid, tid)[:33]:<34}"
            + "".join(f"{100 * row[s] / games:>{w}.1f}%" for s, w in zip(STATUSES, (8, 10, 9, 7), strict=True))
            + f"{'-' if mean is None else f'{mean:.1f}':>17}"
        )
    lines.append("")
    lines.append(f"agreements per game: {report['agreements_per_game']:.2f}")
    lines.append("objectives met (all of an actor's, share of games): " + ", ".join(
        f"{names.get(a, a)} {100 * row['met'] / games:.0f}%" for a, row in report["objectives"].items()
    ))
    lines.append("cards that matter most (agreements per game when drawn vs not): " + (", ".join(
        f"{names.get(cid, cid)} {row['impact']:+.2f}" for cid, row in top_cards(report, 5)
    ) or "none to tell yet (too few games)"))
    return "\n".join(lines)


def top_cards(report: Mapping[str, Any], n: int) -> list[tuple[str, Mapping[str, Any]]]:
    """The cards with the largest effect on agreements, either way."""
    rows = [(cid, row) for cid, row in report["cards"].items() if row.get("impact") is not None]
    return sorted(rows, key=lambda kv: (-abs(kv[1]["impact"]), kv[0]))[:n]


def with_independence(scenario: Scenario, mode: str) -> Scenario:
    """The same scenario played under the other independence rule (for --compare)."""
    return scenario.with_options(independence=mode)


def format_comparison(reports: Mapping[str, Mapping[str, Any]], names: Mapping[str, str] | None = None) -> str:
    """Strict and linked side by side: the workshop's main lesson, in numbers."""
    names = names or {}
    strict, linked = reports["strict"], reports["linked"]
    games = strict["games"] or 1
    head = f"{'':34}{'agreed':>17}{'collapsed':>17}{'deferred':>17}{'open':>17}"
    sub = f"{'track':<34}" + "".join(f"{'strict':>9}{'linked':>8}" for _ in range(4))
    lines = [
        f"{_games(strict['games'])} of {strict['ruleset']}, seed {strict['seed']}: the same "
        f"{'game' if strict['games'] == 1 else 'games'} under strict and linked independence",
        "",
        head,
        sub,
    ]
    for tid in strict["tracks"]:
        row = f"{names.get(tid, tid)[:33]:<34}"
        for status in STATUSES:
            a = 100 * strict["tracks"][tid][status] / games
            b = 100 * linked["tracks"][tid][status] / games
            row += f"{a:>8.1f}%{b:>7.1f}%"
        lines.append(row)
    lines.append("")
    lines.append(
        f"agreements per game: strict {strict['agreements_per_game']:.2f}, linked {linked['agreements_per_game']:.2f}"
    )
    return "\n".join(lines)


def names_of(scenario: Scenario) -> dict[str, str]:
    """Names for the tables: tracks, actors and (by their titles) cards."""
    rs = scenario.ruleset
    cards = {c.id: c.title for c in scenario.deck.cards}
    return {**cards, **{t.id: t.name for t in rs.tracks}, **{a.id: a.name for a in rs.actors}}


def _games(n: int) -> str:
    return f"{n} game" if n == 1 else f"{n} games"


__all__: Sequence[str] = ("GameResult", "play_game", "run_games", "simulate", "format_table", "default_workers")
