"""The engine's cost per action against a minimal immutable-state fold in plain CPython (issue 16).

    python benchmarks/bench_fold.py [--actions N] [--runs K]

The yardstick (:class:`Fold`) plays a game of the default scenario's shape
(its tracks and their members, actors, moves with their costs and
requirement counts, rounds and actions per round) with the least machinery
that still does the engine's kind of work for each action:

- listing: every (move, track) the actor sits at, each checked for its cost
  against the actor's resources, the track's status and a requirement;
- a random choice among them (``random.Random.choice``);
- a new state: a fresh object whose changed dicts are copied (tracks, the
  actor's resources, actions left), the rest shared;
- a worded event (an f-string naming actor, move and track) on a linked log.

The engine plays random legal actions through the public API
(``legal_actions``, ``apply``, a new game when one ends). Both run
interleaved in the same process, CPU time (``time.process_time``), the
median of ``--runs`` runs each; the figure is engine / fold per action
(target <= 2.0).

``--one fold`` or ``--one engine`` warms both up, then plays that one alone for
``--actions`` actions and prints nothing: run under ``valgrind --tool=callgrind``
with ``--actions 0`` and ``--actions N``, the difference of the instruction
counts over N is its cost per action whatever the machine's load.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tabletop import apply, legal_actions, load_scenario, new_game  # noqa: E402


class Event(NamedTuple):
    seq: int
    text: str
    prev: Any


class State:
    """An immutable game state: never changed once made (each action makes a new one)."""

    __slots__ = ("round", "turn", "tracks", "resources", "left", "meters", "log", "seq")

    def __init__(self, round_: int, turn: int, tracks: dict, resources: dict, left: dict, meters: dict, log: Any, seq: int):
        self.round, self.turn, self.tracks, self.resources = round_, turn, tracks, resources
        self.left, self.meters, self.log, self.seq = left, meters, log, seq


class Fold:
    """The default scenario's shape, folded with the least machinery."""

    def __init__(self, scenario_name: str = "parallel-tracks"):
        scenario = load_scenario(scenario_name)
        rs = scenario.ruleset
        self.actors = [a.id for a in rs.actors]
        self.start = {a.id: dict(a.resources) for a in rs.actors}
        self.per_round = rs.ruleset.actions_per_round
        self.rounds = rs.ruleset.turns
        self.top = {t.id: len(t.ladder) - 1 for t in rs.tracks}
        self.seats = {a: [t.id for t in rs.tracks if a in t.members] for a in self.actors}
        # (id, global?, cost, needs a requirement)
        self.moves = [(m.id, m.scope == "global", dict(m.cost), bool(m.requires)) for m in rs.moves if not m.link]
        self.meters = {m.id: m.start for m in rs.meters}

    def new(self) -> State:
        tracks = {tid: (1, 0, "open") for tid in self.top}
        left = dict.fromkeys(self.actors, self.per_round)
        return State(1, 0, tracks, {a: dict(r) for a, r in self.start.items()}, left, dict(self.meters), None, 0)

    def options(self, s: State) -> list[tuple[str, str | None]]:
        actor = self.actors[s.turn]
        have = s.resources[actor]
        out: list[tuple[str, str | None]] = []
        for move, is_global, cost, needs in self.moves:
            if any(have.get(k, 0) < n for k, n in cost.items()):
                continue
            if needs and s.meters.get("trust", 0) < 0:
                continue
            if is_global:
                out.append((move, None))
                continue
            for tid in self.seats[actor]:
                if s.tracks[tid][2] == "open":
                    out.append((move, tid))
        out.append(("pass", None))
        return out

    def step(self, s: State, choice: tuple[str, str | None]) -> State:
        actor = self.actors[s.turn]
        move, tid = choice
        tracks, resources, meters = s.tracks, s.resources, s.meters
        left = dict(s.left)
        left[actor] = 0 if move == "pass" else left[actor] - 1
        if move != "pass":
            purse = dict(resources[actor])
            for key, n in next(c for m, _, c, _ in self.moves if m == move).items():
                purse[key] -= n
            resources = {**resources, actor: purse}
            if tid is not None:
                pos, tension, status = tracks[tid]
                pos = min(self.top[tid], pos + 1)
                status = "agreed" if pos == self.top[tid] else status
                tracks = {**tracks, tid: (pos, tension + 1, status)}
        turn, round_ = s.turn, s.round
        for i in range(1, len(self.actors) + 1):
            nxt = (turn + i) % len(self.actors)
            if left[self.actors[nxt]] > 0:
                turn = nxt
                break
        else:  # the round is over
            round_, turn = round_ + 1, 0
            left = dict.fromkeys(self.actors, self.per_round)
            resources = {a: dict(r) for a, r in self.start.items()}
        where = f" on {tid}" if tid else ""
        log = Event(s.seq + 1, f"{actor}: {move}{where}", s.log)
        return State(round_, turn, tracks, resources, left, meters, log, s.seq + 1)

    def over(self, s: State) -> bool:
        return s.round > self.rounds or all(t[2] != "open" for t in s.tracks.values())


def run_fold(fold: Fold, actions: int, rng: random.Random) -> float:
    state = fold.new()
    start = time.process_time()
    for _ in range(actions):
        if fold.over(state):
            state = fold.new()
        state = fold.step(state, rng.choice(fold.options(state)))
    return (time.process_time() - start) / actions


def run_engine(scenario: Any, actions: int, rng: random.Random) -> float:
    seed = 0
    state = new_game(scenario, seed)
    start = time.process_time()
    for _ in range(actions):
        if state.over:
            seed += 1
            state = new_game(scenario, seed)
        state = apply(state, rng.choice(legal_actions(state)))
    return (time.process_time() - start) / actions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--one", choices=("fold", "engine"), help="play this one alone, silently (for callgrind)")
    args = parser.parse_args(argv)
    fold, scenario = Fold(), load_scenario("parallel-tracks")
    run_fold(fold, 2000, random.Random(0))  # warm up both
    run_engine(scenario, 2000, random.Random(0))
    if args.one == "fold" and args.actions > 0:
        run_fold(fold, args.actions, random.Random(1))
    elif args.one == "engine" and args.actions > 0:
        run_engine(scenario, args.actions, random.Random(1))
    if args.one is not None:
        return 0
    folds, engines = [], []
    for k in range(args.runs):
        folds.append(run_fold(fold, args.actions, random.Random(k)))
        engines.append(run_engine(scenario, args.actions, random.Random(k)))
    f, e = statistics.median(folds), statistics.median(engines)
    print(f"minimal fold: {f * 1e6:.1f} us per action; engine (legal_actions + a random choice + apply): "
          f"{e * 1e6:.1f} us per action")
    print(f"engine / fold = {e / f:.2f}x (target <= 2.0x); per run: "
          + ", ".join(f"{b / a:.2f}" for a, b in zip(folds, engines)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
