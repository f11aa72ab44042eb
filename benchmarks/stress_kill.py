"""kill -9 a process writing a save, many times, and check that resume loses nothing reported.

    python benchmarks/stress_kill.py [N] [--seed S] [--min-delay 0.05] [--max-delay 1.0] [--dir DIR]

N trials (default 500). Each starts ``tests/store/_writer.py`` (a bot game
written with a durable SaveWriter, printing each event number once append has
returned), waits until it has written an event, sleeps a random delay, sends
SIGKILL, then resumes the save, appends one more event and verifies it. A
trial fails if an event the writer reported is missing, if more than the
action in flight is lost, or if the save does not verify. Prints a summary;
exit 1 if any trial failed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))

from savekit import kill_trial


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trials", nargs="?", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--min-delay", type=float, default=0.05)
    parser.add_argument("--max-delay", type=float, default=1.0)
    parser.add_argument("--dir", type=Path, default=None, help="keep the saves here (default: a temp dir)")
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    started = time.perf_counter()
    lost: Counter[int] = Counter()
    torn = 0
    failures: list[str] = []
    events: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.dir or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for n in range(args.trials):
            delay = rng.uniform(args.min_delay, args.max_delay)
            save = folder / f"kill-{args.seed}-{n:05d}.jsonl"
            seed = args.seed * 100_000 + n
            try:
                result = kill_trial(save, seed, delay)
            except Exception as exc:  # noqa: BLE001 - a stress run reports every way a trial fails
                failures.append(f"trial {n} (seed {seed}, delay {delay:.3f} s): {type(exc).__name__}: {exc}")
                continue
            events.append(result.recovered)
            torn += result.torn
            lost[result.recovered - result.reported] += 1
            problem = None
            if result.recovered < result.reported:
                problem = f"lost reported events: writer reported {result.reported}, save has {result.recovered}"
            elif result.recovered > result.reported + 1:
                problem = f"more than the action in flight: reported {result.reported}, save has {result.recovered}"
            elif not result.verified:
                problem = "does not verify after resume: " + " / ".join(result.verify_lines)
            if problem:
                failures.append(f"trial {n} (seed {seed}, delay {delay:.3f} s): {problem}")
            if (n + 1) % 50 == 0:
                print(f"  {n + 1}/{args.trials} trials, {len(failures)} failed", flush=True)
            if args.dir is None:
                save.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    done = len(events)
    print(f"{args.trials} kill -9 trials in {elapsed:.1f} s ({elapsed / max(1, args.trials):.2f} s each), "
          f"delays {args.min_delay}-{args.max_delay} s, seed {args.seed}")
    if events:
        print(f"events on disk at the kill: median {statistics.median(events):.0f}, min {min(events)}, max {max(events)}")
    print(f"the event in flight was already on disk in {lost[1]} of {done} trials, not yet in {lost[0]}")
    print(f"torn last lines dropped by resume: {torn}")
    print(f"failures: {len(failures)}")
    for line in failures[:20]:
        print("  " + line)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
