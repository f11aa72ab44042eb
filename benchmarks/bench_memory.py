"""Peak memory of a 10,000-game simulation (target: under 300 MB).

    python benchmarks/bench_memory.py [--games N] [--workers K]

Runs ``tabletop simulate`` in a child process and reports the peak resident
memory of the main process and of the largest worker (ru_maxrss).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

CODE = """
import json, resource, sys
from tabletop import load_scenario
from tabletop.sim.runner import simulate
report = simulate(load_scenario("parallel-tracks"), int(sys.argv[1]), 1, workers=int(sys.argv[2]))
print(json.dumps({
    "elapsed_s": report["elapsed_s"],
    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "largest_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    out = subprocess.run([sys.executable, "-c", CODE, str(args.games), str(args.workers)],
                         check=True, capture_output=True, text=True)
    figures = json.loads(out.stdout)
    print(f"{args.games} games, {args.workers} workers, {figures['elapsed_s']:.1f} s")
    print(f"peak memory: main process {figures['main_mb']:.0f} MB, largest worker {figures['largest_worker_mb']:.0f} MB "
          f"(target < 300 MB)")


if __name__ == "__main__":
    main()
