"""Cost of one `apply` and one `legal_actions`, and simulation throughput.

    python benchmarks/bench_engine.py [--games N]

Prints microseconds per call (median of 5 passes over states from real bot
games) and games per second with 1 and 2 workers on the default scenario.
"""

from __future__ import annotations

import argparse
import statistics
import time

from tabletop import apply, legal_actions, load_scenario
from tabletop.sim.game import play_game
from tabletop.sim.runner import simulate


def per_call(states, fn) -> float:
    passes = []
    for _ in range(5):
        t = time.perf_counter()
        for item in states:
            fn(item)
        passes.append((time.perf_counter() - t) / len(states) * 1e6)
    return statistics.median(passes)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=10_000)
    args = parser.parse_args()
    scenario = load_scenario("parallel-tracks")
    states = []
    for seed in range(40):
        play_game(scenario, seed, observe=states.append)
    pairs = [(a, b.last.action) for a, b in zip(states, states[1:]) if b.last is not None and b.seq == a.seq + 1]
    print(f"states sampled: {len(states)}")
    print(f"legal_actions: {per_call(states, legal_actions):.1f} us per call")
    print(f"apply:         {per_call(pairs, lambda p: apply(*p)):.1f} us per call")
    print(f"state hash:    {per_call(states, lambda s: s.hash):.1f} us per call")
    for workers in (1, 2):
        games = args.games if workers == 2 else max(1, args.games // 5)
        report = simulate(scenario, games, seed=1, workers=workers)
        print(f"simulate --workers {workers}: {games} games in {report['elapsed_s']:.2f} s = "
              f"{games / report['elapsed_s']:.0f} games/s")


if __name__ == "__main__":
    main()
