"""How fast a long save is checked and browsed: verify, open, and seeks in the debrief.

    python benchmarks/bench_save.py [--events 10000] [--seeks 200] [--seed 1] [--keep PATH]

Builds one long game (a save is one game): the bundled default scenario with
its rounds and actions per round raised to the most a ruleset allows and
four times the capital, played
by random bots, with a facilitator who reopens closed tracks, calms tense
ones and writes a note now and then; the game is ended at the wanted number
of events. Then it times ``verify``, ``open_save``, the first
``state_at(len)`` (a full replay) and random ``state_at(i)`` seeks after it,
and prints them beside the targets. It never fails on a missed target: it
reports.
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tabletop.content.loader import load_scenario, scenario_from_data
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

TARGET_VERIFY_S = 0.5
TARGET_SEEK_S = 0.050


def long_scenario():
    data = copy.deepcopy(load_scenario("parallel-tracks").embedded())
    data["ruleset"]["ruleset"]["turns"] = 100
    data["ruleset"]["ruleset"]["actions_per_round"] = 10
    for actor in data["ruleset"]["actors"]:  # more capital: teams move more, fewer passes
        actor["resources"] = {k: v * 4 for k, v in actor["resources"].items()}
    return scenario_from_data(data)


def _facilitator(state: State, rng: random.Random) -> Action | None:
    closed = [tid for tid, t in state.tracks.items() if not t.is_open]
    if closed and len(closed) >= len(state.tracks) - 2:
        return Action("override", track=rng.choice(closed), status="open", position=0, tension=0,
                      reason="the facilitator reopens the talks")
    if rng.random() < 0.02:
        return Action("note", about=rng.randrange(state.seq + 1), text="a note for the debrief — «ok» ✓")
    return None


def build(path: Path, events: int, seed: int) -> dict[str, int]:
    scenario = long_scenario()
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    kinds: dict[str, int] = {}
    with SaveWriter.create(path, scenario, seed, durable=False) as writer:
        while state.seq < events:
            if state.seq == events - 1 and not state.over:
                action = Action("end", reason="the workshop ran out of time")
            elif state.over:
                action = Action("note", text=f"debrief note {state.seq + 1}")
            else:
                action = _facilitator(state, rng) or rng.choice(legal_actions(state))
            state = apply(state, action)
            writer.append(state)
            kinds[action.kind] = kinds.get(action.kind, 0) + 1
    return kinds


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _mark(value: float, target: float) -> str:
    return "ok" if value <= target else "MISSED"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--seeks", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="write the save here and keep it")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "long.jsonl"
        build_s, kinds = _timed(lambda: build(path, args.events, args.seed))
        size = os.path.getsize(path)

        verify_runs = []
        for _ in range(3):
            elapsed, report = _timed(lambda: verify(path))
            verify_runs.append(elapsed)
            if not report.ok:
                print("\n".join(report.lines()), file=sys.stderr)
                return 1
        open_s, save = _timed(lambda: open_save(path))
        first_s, final = _timed(lambda: save.state_at(len(save)))
        rng = random.Random(args.seed)
        seeks = []
        for _ in range(args.seeks):
            i = rng.randrange(len(save) + 1)
            elapsed, _state = _timed(lambda i=i: save.state_at(i))
            seeks.append(elapsed)
        fresh = open_save(path)
        cold_s, _state = _timed(lambda: fresh.state_at(len(fresh) // 2))

        rounds = final.round
        top = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(f"save: {len(save)} events, {rounds} rounds, {size / 1024 / 1024:.2f} MB "
              f"({size / max(1, len(save)):.0f} bytes/event), built in {build_s:.1f} s")
        print(f"  events by kind: {top}")
        print(f"verify:               {min(verify_runs):.3f} s best, {statistics.median(verify_runs):.3f} s median "
              f"of {len(verify_runs)}   target <= {TARGET_VERIFY_S} s: {_mark(min(verify_runs), TARGET_VERIFY_S)}")
        print(f"open_save:            {open_s * 1000:.1f} ms")
        print(f"first state_at(len):  {first_s * 1000:.1f} ms (a full replay)")
        print(f"state_at(i) seeks:    median {statistics.median(seeks) * 1000:.2f} ms, max {max(seeks) * 1000:.2f} ms "
              f"over {len(seeks)}   target <= {TARGET_SEEK_S * 1000:.0f} ms: {_mark(max(seeks), TARGET_SEEK_S)}")
        print(f"cold seek to the middle of a freshly opened save: {cold_s * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
