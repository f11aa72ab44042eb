"""Sweeps (issue 20): Dask against the process pool, a 24-point sweep with its report, scaling 1 -> 2 workers.

    python benchmarks/bench_sweep.py [--games 20000] [--points-games 2000] [--quick] [--part 1|2] [--tree DIR]

Every run is a fresh ``tabletop`` process (as a designer runs it). The
machine is shared, so beside wall-clock games/s each run gives its CPU
seconds (the process and every worker it started, from ``getrusage`` of the
children once they are reaped) and the load average at its start and end:

1. ``N`` games (one point) with ``--workers 2`` and with ``--cluster local:2``;
   target: the cluster reaches >= 85 % of the pool's games/s.
2. 24 points x 2,000 games (``--workers 2``) then ``sweep report --format html``;
   target: < 2 minutes in all, the driver's peak memory < 300 MB.
3. Scaling: ``--workers 1`` against ``--workers 2`` on the same games; the
   cost the scheduler adds per task (chunks of 20 games against chunks of
   1,000) and the bytes a game's row sends back to the driver.

``--quick`` divides every count by 10 (a check that the script runs);
``--tree DIR`` runs the ``tabletop`` of another checkout (``git worktree add
/tmp/old main``), for old and new side by side in the same minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

DRIVER = """
import json, resource, sys, time
from tabletop.cli import main
started = time.perf_counter()
code = main(sys.argv[1:])
wall = time.perf_counter() - started
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "driver_cpu": me.ru_utime + me.ru_stime,
                  "workers_cpu": kids.ru_utime + kids.ru_stime, "driver_peak_mb": me.ru_maxrss / 1024}),
      file=sys.stderr)
"""


#: another checkout whose tabletop to run (``--tree``: the code before a change, side by side), or None
TREE: str | None = None


def run(args: list[str]) -> dict:
    """``tabletop ARGS`` in a fresh process: its wall time, CPU seconds and the driver's peak memory."""
    load_before = os.getloadavg()[0]
    env = dict(os.environ, PYTHONPATH=TREE) if TREE else None  # before the installed (editable) tabletop
    done = subprocess.run([sys.executable, "-c", DRIVER, *args], capture_output=True, text=True, check=False, env=env)
    figures = json.loads(done.stderr.strip().splitlines()[-1])
    if figures["code"] != 0:
        raise SystemExit(f"tabletop {' '.join(args)} failed:\n{done.stderr}")
    figures["cpu"] = figures["driver_cpu"] + figures["workers_cpu"]
    figures["load"] = (load_before, os.getloadavg()[0])
    return figures


def spec(folder: Path, games: int, chunk: int, grid: bool) -> Path:
    axes = """
[[axes]]
key = "tracks.borders.breakdown_at"
values = [4, 5, 6, 7, 8, 9]

[[axes]]
key = "ruleset.independence"
values = ["strict", "linked"]

[[axes]]
key = "bots.ru"
values = ["cooperative", "hardliner"]
""" if grid else """
[[points]]
"ruleset.independence" = "strict"
"""
    path = folder / f"bench-{games}-{chunk}-{int(grid)}.toml"
    path.write_text(f'[sweep]\nruleset = "parallel-tracks"\ngames = {games}\nseed = 1\nchunk = {chunk}\n{axes}',
                    encoding="utf-8")
    return path


def sweep(folder: Path, games: int, chunk: int, how: list[str], grid: bool = False) -> dict:
    out = folder / f"out-{len(list(folder.iterdir()))}"
    figures = run(["sweep", str(spec(folder, games, chunk, grid)), "--out", str(out), "--quiet", *how])
    total = games * (24 if grid else 1)
    figures["games"] = total
    figures["out"] = out
    return figures


def say(label: str, f: dict) -> None:
    print(f"{label}: {f['games']} games in {f['wall']:.1f} s = {f['games'] / f['wall']:.0f} games/s; "
          f"CPU {f['cpu']:.1f} s = {f['games'] / f['cpu']:.0f} games per CPU-second "
          f"(driver {f['driver_cpu']:.1f} s, peak {f['driver_peak_mb']:.0f} MB); "
          f"load average {f['load'][0]:.1f} -> {f['load'][1]:.1f}")


def row_bytes(games: int = 200) -> float:
    """Bytes a game's row costs on the way back to the driver (the pickled columns of a chunk, per game)."""
    from tabletop import load_scenario
    from tabletop.sim.sweeprows import Chunk, play_chunk

    columns = play_chunk(load_scenario("parallel-tracks"), Chunk(0, 0, games, 1))
    return len(pickle.dumps(columns, protocol=pickle.HIGHEST_PROTOCOL)) / games


def points(folder: Path, per_point: int) -> None:
    """Part 2: the 24-point grid with ``--workers 2``, then its HTML report."""
    grid = sweep(folder, per_point, 1000, ["--workers", "2"], grid=True)
    say("2. 24 points, --workers 2", grid)
    report = run(["sweep", "report", str(grid["out"]), "--format", "html", "-o", str(folder / "r.html")])
    print(f"   report: {report['wall']:.1f} s, peak {report['driver_peak_mb']:.0f} MB; sweep + report "
          f"{grid['wall'] + report['wall']:.1f} s (target < 120 s), driver peak "
          f"{max(grid['driver_peak_mb'], report['driver_peak_mb']):.0f} MB (target < 300 MB); "
          f"on two idle cores ~{grid['cpu'] / 2 + report['wall']:.0f} s (CPU / 2 + the report)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=20_000)
    parser.add_argument("--points-games", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--part", choices=["1", "2", "all"], default="all",
                        help="1: only the cluster against the pool; 2: only the 24-point sweep and its report")
    parser.add_argument("--tree", help="run the tabletop of another checkout (e.g. a worktree of main, to compare)")
    args = parser.parse_args()
    global TREE
    TREE = str(Path(args.tree).resolve()) if args.tree else None
    if TREE:
        print(f"tabletop from {TREE}")
    scale = 10 if args.quick else 1
    games, per_point = args.games // scale, args.points_games // scale
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.part == "2":
            points(folder, per_point)
            return
        pool = sweep(folder, games, 1000, ["--workers", "2"])
        say("1. --workers 2        ", pool)
        dask = sweep(folder, games, 1000, ["--cluster", "local:2"])
        say("1. --cluster local:2  ", dask)
        print(f"   cluster / pool: {100 * pool['wall'] / dask['wall']:.0f} % of the games/s (target >= 85 %), "
              f"{100 * pool['cpu'] / dask['cpu']:.0f} % of the games per CPU-second")
        if args.part == "1":
            return
        points(folder, per_point)
        one = sweep(folder, games // 4, 1000, ["--workers", "1"])
        say("3. --workers 1       ", one)
        two_rate, one_rate = pool["games"] / pool["wall"], one["games"] / one["wall"]
        print(f"   1 -> 2 workers: x{two_rate / one_rate:.2f} games/s; per CPU-second "
              f"{one['games'] / one['cpu']:.0f} -> {pool['games'] / pool['cpu']:.0f}")
        small = sweep(folder, games // 10, 20, ["--cluster", "local:2"])
        big = sweep(folder, games // 10, 1000, ["--cluster", "local:2"])
        say("3. chunks of 20, local:2 ", small)
        say("3. chunks of 1000, local:2", big)
        tasks = games // 10 // 20 - max(1, games // 10 // 1000)
        print(f"   scheduler cost per task: {1000 * (small['cpu'] - big['cpu']) / tasks:.1f} CPU-ms "
              f"({1000 * (small['wall'] - big['wall']) / tasks:.1f} ms wall) over {tasks} more tasks")
        print(f"   a game's row back to the driver: {row_bytes():.0f} bytes pickled")


if __name__ == "__main__":
    main()
