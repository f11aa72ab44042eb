"""How the costs grow with the game: saves of growing length, scenarios of growing size.

    python benchmarks/bench_growth.py [--quick] [--events 1000,5000,10000,20000] [--tracks 4,16,64,256]

Saves: one long game each (the default scenario stretched, played by random
bots with a facilitator who overrides, undoes and writes notes — see
``tests/store/growthkit.py``), timed for ``verify``, ``report --format md``,
resume (``Session.resume``, no terminal), ``state_at(i)`` for every ``i`` on
a freshly opened save, and the undo search on the final state. Scenarios: the
linked default scenario with its tracks, actors and cards repeated (tracks
6→256, actors 5→64, cards 55→2,048: never fewer than the scenario's own), timed for ``move_options`` (what the play
screen lists for a team) and ``legal_actions``, and counted for ``legal_actions``:
the actions it stands for, and the entries it builds (under linked, a link
move on one track is one entry for all its pairs, built when read).

Each operation's growth exponent is fitted by least squares on log-log
(1.0: linear). Report and resume are also printed as a multiple of verify of
the same save (target ≤ 2.5×). CPU time (``time.process_time``) is used, so a
shared machine's load matters less; the load average is printed.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tabletop.engine import legal_actions, move_options, new_game  # noqa: E402
from tabletop.engine.review import last_undoable  # noqa: E402
from tabletop.report.render import render  # noqa: E402
from tabletop.play.session import Session  # noqa: E402
from tabletop.store.reading import open_save  # noqa: E402
from tabletop.store.verifying import verify
from tests.store.growthkit import build_long_save, grown_scenario  # noqa: E402


def cpu(fn: Callable[[], object], repeat: int = 1) -> float:
    """The best CPU time of ``repeat`` runs of ``fn``, in seconds."""
    best = math.inf
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def exponent(sizes: list[int], times: list[float]) -> float:
    """The slope of log(time) against log(size): the growth exponent (nan for one size: no slope to fit)."""
    if len(set(sizes)) < 2:
        return math.nan
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


# -- saves ---------------------------------------------------------------------


def _walk(path: Path) -> None:
    save = open_save(path)
    for i in range(len(save) + 1):
        save.state_at(i)


def _resume(path: Path) -> None:
    session = Session.resume(path)
    session.writer.close()


def _undo_search(path: Path) -> Callable[[], object]:
    state = open_save(path).final_state()
    return lambda: [last_undoable(state) for _ in range(1000)]


def measure_saves(sizes: list[int], tmp: Path) -> dict[str, list[float]]:
    rows: dict[str, list[float]] = {k: [] for k in ("verify", "report md", "resume", "state_at all", "undo search x1000")}
    for n in sizes:
        path = tmp / f"save-{n}.jsonl"
        build_long_save(path, n)
        rows["verify"].append(cpu(lambda: verify(path)))
        rows["report md"].append(cpu(lambda: render(path, "md")))
        copy_path = tmp / f"resume-{n}.jsonl"
        shutil.copyfile(path, copy_path)
        rows["resume"].append(cpu(lambda: _resume(copy_path)))
        rows["state_at all"].append(cpu(lambda: _walk(path)))
        rows["undo search x1000"].append(cpu(_undo_search(path), repeat=3))
        print(f"  save of {n} events: done", file=sys.stderr)
    return rows


# -- scenarios -----------------------------------------------------------------


def measure_scenarios(sizes: list[tuple[int, int, int]]) -> tuple[dict[str, list[float]], list[int], list[int]]:
    rows: dict[str, list[float]] = {"move_options (ms)": [], "legal_actions (ms)": [], "new_game (ms)": []}
    counts: list[int] = []
    entries: list[int] = []
    for tracks, actors, cards in sizes:
        scenario = grown_scenario(tracks, actors, cards)
        state = new_game(scenario, 1)
        actor = scenario.ruleset.actors[0].id
        rows["new_game (ms)"].append(cpu(lambda: new_game(scenario, 1), repeat=3) * 1000)
        # the play screen lists moves during the actors' turns: get there
        while state.turn is None and not state.over:
            state = _step(state)
        actor = state.turn or actor
        rows["move_options (ms)"].append(cpu(lambda: move_options(state, actor), repeat=3) * 1000)
        rows["legal_actions (ms)"].append(cpu(lambda: legal_actions(state), repeat=3) * 1000)
        listed = legal_actions(state)
        counts.append(len(listed))
        entries.append(len(getattr(listed, "parts", listed)))  # what is built: a link move's pairs are one entry
        print(f"  scenario of {tracks} tracks: done", file=sys.stderr)
    return rows, counts, entries


def _step(state):  # noqa: ANN001, ANN202
    from tabletop.engine import apply

    options = legal_actions(state)
    return apply(state, options[0])


def table(title: str, sizes: list[int], rows: dict[str, list[float]], unit: str) -> None:
    print(f"\n{title}")
    print(f"| what | {' | '.join(str(s) for s in sizes)} | exponent |")
    print(f"|---|{'---|' * len(sizes)}---|")
    for name, times in rows.items():
        cells = " | ".join(f"{t:.4g}" for t in times)
        print(f"| {name} ({unit}) | {cells} | {exponent(sizes, times):.2f} |" if unit == "s" else
              f"| {name} | {cells} | {exponent(sizes, times):.2f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only (about half a minute)")
    parser.add_argument("--events", default=None, help="save lengths, comma-separated")
    parser.add_argument("--tracks", default=None, help="track counts, comma-separated (actors and cards grow alongside)")
    args = parser.parse_args(argv)
    events = [int(x) for x in (args.events or ("500,1000,2000" if args.quick else "1000,5000,10000,20000")).split(",")]
    tracks = [int(x) for x in (args.tracks or ("6,16,64" if args.quick else "6,16,64,256")).split(",")]
    shapes = [(t, max(5, t // 4), max(55, t * 8)) for t in tracks]  # 64 actors, 2,048 cards at 256 tracks
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        save_rows = measure_saves(events, Path(tmp))
    table("Saves: CPU seconds by events", events, save_rows, "s")
    last = -1
    ratio = {k: save_rows[k][last] / save_rows["verify"][last] for k in ("report md", "resume")}
    print(f"\nat {events[last]} events: report = {ratio['report md']:.2f}x verify, resume = {ratio['resume']:.2f}x verify "
          f"(target <= 2.5x)")
    scen_rows, counts, entries = measure_scenarios(shapes)
    table("Scenarios: by tracks (actors, cards: " + ", ".join(f"{a}/{c}" for _, a, c in shapes) + ")",
          tracks, scen_rows, "ms")
    print(f"| legal_actions count (linked) | {' | '.join(str(c) for c in counts)} | "
          f"{exponent(tracks, [float(c) for c in counts]):.2f} |")
    print(f"| legal_actions entries built | {' | '.join(str(c) for c in entries)} | "
          f"{exponent(tracks, [float(c) for c in entries]):.2f} |")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
