"""TUI timings: cold start to the first board, and key press to repaint.

    python benchmarks/bench_tui.py [--runs N] [--ruleset PATH]

Cold start: a fresh process imports tabletop, loads the default scenario,
starts a game (its save file included) and opens the board headless through
``tabletop.cli.screens.play_app``, the function ``tabletop play`` runs; the time is
taken from just before the process is spawned until the first frame is
written to the terminal (App._display, hooked once the program has imported
Textual: ``play_app`` imports it, as ``tabletop play`` does, so the child's
imports come in the real order; until 2026-12-03 the children imported
Textual first to hook it). The same is measured for a bare Textual app
showing one Static, runs interleaved. Target: tabletop <= 1.3 x
the bare app. The same again with a custom scenario already seen (validated
by an earlier start and read from the user's cache; by default a copy of the
default scenario with a comment added, or ``--ruleset PATH``), target <= 1.35 x
the bare app; the cache is a temporary folder (``XDG_CACHE_HOME``), filled by
the warm-up start. Also printed: ``tabletop play`` as the command line starts it
(``tabletop.cli.main``, its argument parser included) on the same headless
driver; when each app has settled (Pilot idle: no layout or repaint pending)
and when the process has exited; none of them is part of a target.

Both apps are measured as installed: pip compiles an installed package's
bytecode, so the script compiles tabletop's first (an editable checkout run
with PYTHONDONTWRITEBYTECODE=1, as on the build machine, would otherwise
compile every tabletop module on every start, about 30 ms).

Key press to repaint: a game with 1,000 events on the board; the time from
a key press that changes the board (a decision picked with its number)
until the frame written to the terminal (App._display, timed) from which
the screen shows the whole result: each frame's content (text and style of
every cell) is fingerprinted, and the time is that of the first frame equal
to the screen once everything has settled; Textual may follow it with
frames that change nothing. Also printed: the last frame written for the
press, and the process's CPU time from the press to that frame (the work of
the press, whatever else the machine runs). The board's one-second phase
clock is stopped so that its own repaints do not count. Target: <= 50 ms.
The same on a board of 256 tracks (``--tracks``; the linked default scenario
grown by ``tests/store/growthkit.py``), a team's turn measured too (its first
track's moves listed, and back): 90th percentile <= 100 ms.

    python benchmarks/bench_tui.py --cold-only --runs 9 --against /tmp/old   # side by side with older code
    python benchmarks/bench_tui.py --keys-only --tracks 256
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

# Both children time two moments: the first frame written to the terminal (App._display, the
# moment the room sees the board) and the moment the app has settled (Pilot idle: no layout or
# repaint pending). Both start from the spawn of the process.
FIRST_FRAME = """
import os, time
_first = []
_STOP = os.environ.get("BENCH_STOP_AT_FIRST_FRAME")  # --instructions: the count ends at the first frame
def _hook():
    # called where the program has imported Textual itself: ``tabletop play`` imports it inside
    # play_app, with the collector paused; importing it first only to hook the frame timed another start
    from textual.app import App
    _display = App._display
    def _timed_display(self, screen, renderable):
        _display(self, screen, renderable)
        if renderable is not None and not _first:
            _first.append((time.time(), time.process_time()))
            if _STOP:
                os._exit(0)
    App._display = _timed_display
def _report():
    print(*_first[0], time.time(), time.process_time(), flush=True)
"""

BARE = FIRST_FRAME + """
from textual.app import App
_hook()
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _report()
import asyncio; asyncio.run(main())
"""

# The play screen's layout (docked bars, two columns, bordered panels, a decision list) drawn
# with plain Statics and no tabletop code: what Textual itself costs for such a screen.
LAYOUT = FIRST_FRAME + """
from textual.app import App
_hook()
from textual.containers import Vertical
from textual.widgets import OptionList, Static
TEXT = "\\n".join("tension 2/6 | position 0/5 | members US RU" for _ in range(22))
class Layout(App):
    CSS = \"""
    Screen { layout: horizontal; }
    #top, #keys { dock: top; height: 1; } #keys { dock: bottom; }
    #left { width: 1fr; } #side { width: 48; }
    #board { height: auto; border: round $primary; } #rulings { height: 1fr; border: round $primary; }
    .panel { height: auto; border: round $accent; } #decision { height: 1fr; border: round $accent; }
    \"""
    def compose(self):
        yield Static("title", id="top")
        with Vertical(id="left"):
            yield Static(TEXT, id="board")
            yield Static("Nothing has happened yet.", id="rulings")
        with Vertical(id="side"):
            yield Static("Round 1/8\\nFacilitator: draw the event card", classes="panel")
            yield Static("No card on the table.", classes="panel")
            yield Static("Event phase: draw this round's card.")
            yield OptionList("1. Draw the event card", id="decision")
        yield Static("keys", id="keys")
async def main():
    async with Layout().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _report()
import asyncio; asyncio.run(main())
"""

BOARD = FIRST_FRAME + """
import os, sys
from tabletop import load_scenario
from tabletop.cli.screens import play_app
from tabletop.play.session import Session
async def main():
    session = Session.start(load_scenario(sys.argv[2]), 1, os.path.join(sys.argv[1], "s.jsonl"))
    app = play_app(session)
    _hook()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _report()
import asyncio; asyncio.run(main())
"""

# The same start as the command line makes it: ``tabletop play`` through ``tabletop.cli.main`` (the
# parser of the command included), the terminal replaced by the same headless test driver.
COMMAND = FIRST_FRAME + """
import asyncio, contextlib, io, os, sys
_out = sys.stdout
def _headless_run(self):
    async def main():
        async with self.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            with contextlib.redirect_stdout(_out):
                _report()
    asyncio.run(main())
from tabletop.cli import main, screens
_play_app = screens.play_app
def _headless_app(session):
    app = _play_app(session)
    _hook()
    type(app).run = _headless_run
    return app
screens.play_app = _headless_app
screens._need_terminal = lambda *_a: None
with contextlib.redirect_stdout(io.StringIO()):  # the closing "Saved: ..." line
    main(["play", "--ruleset", sys.argv[2], "--seed", "1", "--save", os.path.join(sys.argv[1], "s.jsonl")])
"""

PACKAGE = Path(__file__).resolve().parents[1] / "tabletop"


def installed_env(package: Path = PACKAGE) -> dict[str, str]:
    """The environment of an installed tabletop: its bytecode compiled, as pip does."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=True, env=env,
                   capture_output=True)
    return env


class Start(NamedTuple):
    """One start of a fresh process: wall seconds from its spawn, and its own CPU seconds."""

    first: float  # the first frame written to the terminal
    settled: float  # nothing pending
    exited: float
    first_cpu: float
    settled_cpu: float


def start_once(code: str, env: dict[str, str], *args: str) -> Start:
    """When one fresh process showed its first frame, settled and exited."""
    with tempfile.TemporaryDirectory() as folder:
        t = time.time()
        # in a folder of its own: a ``-c`` child puts its working folder first on sys.path, so run from the
        # checkout's root every child imported that checkout's tabletop, --against's PYTHONPATH notwithstanding
        # (found at stop 53: every "start's code" figure before it was this checkout's code again)
        out = subprocess.run([sys.executable, "-c", code, folder, *args], check=True, capture_output=True,
                             text=True, env=env, cwd=folder)
        ended = time.time()
    first, first_cpu, settled, settled_cpu = (float(x) for x in out.stdout.split()[-4:])
    return Start(first - t, settled - t, ended - t, first_cpu, settled_cpu)


def custom_copy(folder: Path) -> Path:
    """The default scenario with a comment added: the same game, bytes no bundled cache knows."""
    import shutil

    shutil.copytree(PACKAGE / "scenarios", folder / "scenarios", ignore=shutil.ignore_patterns("*.jsonl"))
    ruleset = folder / "scenarios" / "rulesets" / "parallel-tracks.toml"
    ruleset.write_bytes(ruleset.read_bytes() + b"\n# a facilitator's copy\n")
    return ruleset


Child = tuple  # (environment, code, arguments...) of one child


def cold_apps(scratch: Path, ruleset: Path | None, against: Path | None) -> dict[str, Child]:
    """Every child the cold start compares, by name; ``scratch`` holds their user caches and saves."""
    env = installed_env()
    env["XDG_CACHE_HOME"] = str(scratch / "cache")  # the user's cache, out of the home folder
    custom = str(ruleset.resolve() if ruleset is not None else custom_copy(scratch))
    # as before the user's cache: a cache folder that cannot be made, so every start validates
    (scratch / "not-a-folder").write_text("")
    uncached = {**env, "XDG_CACHE_HOME": str(scratch / "not-a-folder")}
    apps = {"bare": (env, BARE), "layout": (env, LAYOUT), "board": (env, BOARD, "parallel-tracks"),
            "custom": (env, BOARD, custom), "uncached": (uncached, BOARD, custom),
            "command": (env, COMMAND, "parallel-tracks")}
    if against is not None:  # another checkout's tabletop (the code before a change), its own user cache
        old = {**installed_env(against / "tabletop"), "PYTHONPATH": str(against),
               "XDG_CACHE_HOME": str(scratch / "old-cache")}
        apps |= {"old board": (old, BOARD, "parallel-tracks"), "old custom": (old, BOARD, custom),
                 "old command": (old, COMMAND, "parallel-tracks")}
    return apps


def instructions(runs: int, ruleset: Path | None, against: Path | None) -> dict[str, list[int]]:
    """Instructions each child runs from its start to its first frame (valgrind's callgrind, ``Ir``).

    The same count whatever else the machine runs (to ~0.2 %), where wall and CPU times on a shared
    machine are not; about 50 x slower than a start. The validated-every-start child is left out."""
    counts: dict[str, list[int]] = {}
    with tempfile.TemporaryDirectory() as scratch:
        apps = cold_apps(Path(scratch), ruleset, against)
        del apps["uncached"]
        for app_env, code, *args in apps.values():
            start_once(code, app_env, *args)  # warm: the custom scenario is validated and cached
        for _ in range(runs):
            for name, (app_env, code, *args) in apps.items():
                out = Path(scratch) / "callgrind.out"
                with tempfile.TemporaryDirectory() as folder:
                    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                                    sys.executable, "-c", code, folder, *args], check=True, capture_output=True,
                                   env={**app_env, "BENCH_STOP_AT_FIRST_FRAME": "1"}, cwd=folder)  # (start_once)
                total = next(line for line in out.read_text().splitlines() if line.startswith(("totals:", "summary:")))
                counts.setdefault(name, []).append(int(total.split()[1]))
                out.unlink()
    return counts


def print_instructions(counts: dict[str, list[int]]) -> None:
    bare = statistics.median(counts["bare"])
    print("instructions to the first frame (callgrind Ir; min-max of the runs), as a ratio of bare Textual's:")
    for name, got in counts.items():
        print(f"  {name:12} {min(got) / 1e6:8.1f}-{max(got) / 1e6:.1f} M = {statistics.median(got) / bare:.3f} x")


def cold(runs: int, ruleset: Path | None, against: Path | None) -> dict[str, Start]:
    """Median figures of each app over ``runs`` interleaved fresh processes."""
    with tempfile.TemporaryDirectory() as scratch:
        apps = cold_apps(Path(scratch), ruleset, against)
        for app_env, code, *args in apps.values():
            start_once(code, app_env, *args)  # warm the file cache; the custom scenario is validated and cached
        times: dict[str, list[Start]] = {name: [] for name in apps}
        for _ in range(runs):
            for name, (app_env, code, *args) in apps.items():
                times[name].append(start_once(code, app_env, *args))
    return {name: Start(*(statistics.median(t[i] for t in ts) for i in range(len(Start._fields))))
            for name, ts in times.items()}


def print_cold(figures: dict[str, Start], runs: int) -> None:
    """The cold-start figures, each as a ratio of bare Textual's in the same run (wall and CPU)."""
    bare = figures["bare"]

    def vs_bare(name: str, settled: bool = False) -> str:
        got = figures[name]
        wall, cpu = (got.settled, got.settled_cpu) if settled else (got.first, got.first_cpu)
        bare_wall, bare_cpu = (bare.settled, bare.settled_cpu) if settled else (bare.first, bare.first_cpu)
        return (f"{wall * 1000:.0f} ms = {wall / bare_wall:.2f} x bare wall, "
                f"CPU {cpu * 1000:.0f} ms = {cpu / bare_cpu:.2f} x")

    print(f"medians of {runs} fresh processes, from spawn (wall) and the process's own CPU time:")
    print(f"  bare Textual: first frame {bare.first * 1000:.0f} ms (CPU {bare.first_cpu * 1000:.0f} ms), "
          f"settled {bare.settled * 1000:.0f} ms, exit {bare.exited * 1000:.0f} ms")
    print(f"  tabletop board, first frame: {vs_bare('board')} (target <= 1.30)")
    print(f"  custom scenario seen before:  {vs_bare('custom')} (target <= 1.35)")
    print(f"  the same, validated at every start (no user cache): {vs_bare('uncached')}")
    print(f"  board settled (nothing pending): {vs_bare('board', settled=True)}; "
          f"exit {figures['board'].exited * 1000:.0f} ms")
    print(f"  the play screen's layout in plain Statics, no tabletop code: {vs_bare('layout')}")
    print(f"  `tabletop play` as the command line runs it (its parser included): {vs_bare('command')}")
    if "old board" in figures:
        print(f"  the other checkout's board:  {vs_bare('old board')}")
        print(f"  its custom scenario seen before: {vs_bare('old custom')}")
        print(f"  its `tabletop play`: {vs_bare('old command')}")


def fingerprint(screen: object) -> int:
    """The whole screen as it stands, every cell's text and style."""
    update = screen._compositor.render_full_update()  # type: ignore[attr-defined]
    return hash(tuple((segment.text, segment.style) for line in update.strips for strip in line for segment in strip))


async def repaint(events: int, tracks: int = 0) -> tuple[list[float], list[float], list[float]]:
    """(key press to the frame showing its whole result, key press to the last frame written, the
    process's CPU time from the press to that first frame), in seconds: on a loaded machine the CPU
    time is the work the press cost, the wall time that and the waits for a core.

    ``tracks``: a board of that many tracks (the linked default scenario grown by
    ``tests/store/growthkit.py``); a team's turn is then measured too: picking the first track
    (its moves listed, a link move once for each other open track) and going back."""
    from tabletop import Action, load_scenario
    from tabletop.cli.screens import play_app
    from tabletop.engine import legal_actions
    from tabletop.play.session import Session
    from tabletop.tui.board import BoardScreen

    folder = Path(tempfile.mkdtemp())
    if tracks:
        sys.path.insert(0, str(PACKAGE.parent))
        from tests.store.growthkit import grown_scenario

        scenario = grown_scenario(tracks, 5, 55)
    else:
        scenario = load_scenario("parallel-tracks")
    session = Session.start(scenario, 5, folder / "long.jsonl")
    # a long workshop: notes on every event make the log long without ending the game
    while session.state.seq < events - 40:
        session.apply(Action("note", text=f"note {session.state.seq}", about=session.state.seq))
    shown: list[float] = []
    settled: list[float] = []
    cpu: list[float] = []
    app = play_app(session)
    painted: list[tuple[float, float, int]] = []
    display = app._display

    def timed_display(screen, renderable):  # noqa: ANN001, ANN202 - Textual's own signature
        display(screen, renderable)
        if renderable is not None:
            # the time first: the fingerprint after it can only make later frames look later
            painted.append((time.perf_counter(), time.process_time(), fingerprint(screen)))

    async def press(key: str, counts: Callable[[], bool]) -> None:
        await pilot.pause(0.1)  # let any earlier repaint finish
        painted.clear()
        t, t_cpu = time.perf_counter(), time.process_time()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause(0.1)
        if counts() and painted:
            final = fingerprint(app.screen)
            first = next(((when, used) for when, used, look in painted if look == final), None)
            if first is not None:
                shown.append(first[0] - t)
                cpu.append(first[1] - t_cpu)
                settled.append(painted[-1][0] - t)

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        clocks = list(app.screen._timers)
        for timer in clocks:  # the phase clock repaints once a second on its own
            timer.pause()
        for _ in range(30):
            screen = app.screen
            if not isinstance(screen, BoardScreen) or session.state.over:
                break
            options = legal_actions(session.state)
            if options[0].kind in ("move", "pass"):
                if tracks:  # the first track's moves, and back: the screen changes, the game does not
                    await press("1", lambda: screen.stage is not None)
                    await press("escape", lambda: screen.stage is None)
                # a team's turn: pass keeps the game going without modals
                key = str(len(screen.entries)) if len(screen.entries) <= 9 else None
                if key is None:
                    session.apply(Action("pass", actor=options[0].actor))
                    screen.refresh_view()
                    continue
            else:
                key = "1"
            before = session.state.seq
            await press(key, lambda: session.state.seq > before)  # noqa: B023 - awaited at once
        for timer in clocks:  # a paused timer is left pending when the app closes
            timer.stop()
    print(f"  game had {session.state.seq} events")
    return shown, settled, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--ruleset", type=Path, help="the custom scenario to start (default: a copy of the default)")
    parser.add_argument("--cold-only", action="store_true", help="skip the key-press measure")
    parser.add_argument("--keys-only", action="store_true", help="skip the cold start")
    parser.add_argument("--tracks", type=int, default=256, help="key press to repaint on a board of this many "
                        "tracks too (0: not)")
    parser.add_argument("--against", type=Path, help="also start another checkout's tabletop (its root folder), "
                        "e.g. a git worktree of the code before a change, interleaved with this one")
    parser.add_argument("--instructions", action="store_true", help="count each cold start's instructions "
                        "to its first frame under valgrind (repeatable on a loaded machine), then stop")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.instructions:
        print_instructions(instructions(args.runs, args.ruleset, args.against))
        return
    if not args.keys_only:
        figures = cold(args.runs, args.ruleset, args.against)
        print_cold(figures, args.runs)
        print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.cold_only:
        return
    def spread(times: list[float]) -> str:
        ordered = sorted(times)
        p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
        return (f"median {statistics.median(ordered) * 1000:.1f} ms, 90th percentile {p90 * 1000:.1f} ms, "
                f"max {ordered[-1] * 1000:.1f} ms")

    for events, tracks, target in ((1000, 0, 50), (200, args.tracks, 100)):
        if events == 200 and not tracks:
            continue
        shown, settled, cpu = asyncio.run(repaint(events, tracks))
        if shown:
            board = f"{tracks} tracks" if tracks else f"{events:,}-event game"
            print(f"key press to repaint, {board}, over {len(shown)} presses (target <= {target} ms for the 90th "
                  f"percentile at 256 tracks, the median otherwise):" if tracks else
                  f"key press to repaint, {board}, over {len(shown)} presses (target <= {target} ms):")
            print(f"  to the frame showing the whole result: {spread(shown)}")
            print(f"  to the last frame written for it:      {spread(settled)}")
            print(f"  CPU time of the process to that frame:  {spread(cpu)}")


if __name__ == "__main__":
    main()
