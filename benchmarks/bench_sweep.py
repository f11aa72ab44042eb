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

``--part floor`` (in this process, a minute): the yardstick for part 2's
absolute target. A sample of the grid's games (every point) is played as a
worker plays them, counting their actions; the minimal immutable-state fold of
``bench_fold.py`` runs interleaved with them. Printed: the games' CPU per
action as a multiple of the fold's, and the time the 24 x 2,000 games would
take on two idle cores if each action cost what the fold's does (no bots, no
rules beyond a cost check): the floor of any engine doing the work per action.
This machine's speed drifts by up to ~2.5 x from day to day (the fold ran 10.5
us an action on 2026-12-02 and 27.6 us on 2026-12-03), so the two minutes mean
a different multiple of the fold each day; the multiple is what to compare.

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
    # in an empty folder: a -c child puts its working folder first on sys.path, so run from the checkout's root it
    # imported that checkout, whatever PYTHONPATH said (found at stop 53)
    with tempfile.TemporaryDirectory() as nowhere:
        done = subprocess.run([sys.executable, "-c", DRIVER, *args], capture_output=True, text=True, check=False,
                              env=env, cwd=nowhere)
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


def floor(per_point: int, sample: int = 25) -> None:
    """The fold's floor for the 24-point sweep, and the games' cost per action as a multiple of the fold's."""
    import gc
    import random
    import statistics
    import time

    sys.path.insert(0, str(HERE))
    if TREE:  # the other checkout's tabletop, in this process (--tree was not read here before stop 53)
        sys.path.insert(0, TREE)
    from bench_fold import Fold, run_fold

    from tabletop.content.sweepfile import load_sweep
    from tabletop.sim import POLICIES
    from tabletop.sim.sweep import chunks
    from tabletop.sim.sweeprows import Chunk, play_chunk

    with tempfile.TemporaryDirectory() as tmp:
        sweep = load_sweep(spec(Path(tmp), sample, sample, grid=True), POLICIES)
    todo = chunks(sweep)
    fold, rng = Fold(), random.Random(1)
    play_chunk(sweep.scenario, todo[0])  # warm: each point's scenario is built once per worker, as there
    run_fold(fold, 20_000, rng)
    games_cpu, fold_us, actions = 0.0, [], 0
    gc.disable()  # as a worker plays a chunk (and the fold the same way)
    for chunk in todo:
        again = Chunk(chunk.point, per_point, per_point + sample, chunk.seed, chunk.settings, chunk.bots)
        started = time.process_time()
        columns = play_chunk(sweep.scenario, again)
        games_cpu += time.process_time() - started
        actions += sum(columns["actions"])
        fold_us.append(1e6 * run_fold(fold, 5_000, rng))
    gc.enable()
    games = sample * len(todo)
    per_action, fold_action = 1e6 * games_cpu / actions, statistics.median(fold_us)
    total = per_point * len(todo)
    need = 2 * 120 / (total * actions / games) * 1e6
    print(f"floor: {games} games of the grid ({sample} a point), {actions / games:.0f} actions a game, "
          f"{1000 * games_cpu / games:.2f} CPU-ms a game = {per_action:.1f} us an action; the fold "
          f"{fold_action:.1f} us an action: the games cost {per_action / fold_action:.2f} x the fold an action")
    print(f"   {total} games on two idle cores: the games ~{total * games_cpu / games / 2:.0f} s, the fold "
          f"~{total * actions / games * fold_action / 2e6:.0f} s; 120 s allows {need:.1f} us an action "
          f"= {need / fold_action:.2f} x the fold today")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=20_000)
    parser.add_argument("--points-games", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--part", choices=["1", "2", "floor", "all"], default="all",
                        help="1: only the cluster against the pool; 2: only the 24-point sweep and its report; "
                             "floor: the fold's floor for part 2 (in this process)")
    parser.add_argument("--tree", help="run the tabletop of another checkout (e.g. a worktree of main, to compare)")
    args = parser.parse_args()
    global TREE
    TREE = str(Path(args.tree).resolve()) if args.tree else None
    if TREE:
        print(f"tabletop from {TREE}")
    scale = 10 if args.quick else 1
    games, per_point = args.games // scale, args.points_games // scale
    print(f"cores: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    if args.part == "floor":
        floor(per_point)
        return
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
