"""TUI timings: cold start to the first board, and key press to repaint.

    python benchmarks/bench_tui.py [--runs N]

Cold start: a fresh process imports tabletop, loads the default scenario,
starts a game (its save file included) and opens the board headless through
``tabletop.cli.play_app``, the function ``tabletop play`` runs; the time is
taken from just before the process is spawned until the first frame is
written to the terminal (App._display). The same is measured for a bare
Textual app showing one Static, runs interleaved. Target: tabletop <= 1.3 x
the bare app. Also printed: when each app has settled (Pilot idle: no
layout or repaint pending) and when the process has exited; neither is
part of the start.

Both apps are measured as installed: pip compiles an installed package's
bytecode, so the script compiles tabletop's first (an editable checkout run
with PYTHONDONTWRITEBYTECODE=1, as on the build machine, would otherwise
compile every tabletop module on every start, about 30 ms).

Key press to repaint: a game with 1,000 events on the board; the time from
a key press that changes the board (a decision picked with "1") until the
last frame written to the terminal for it (App._display, timed). Target:
<= 50 ms.
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
from pathlib import Path

# Both children time two moments: the first frame written to the terminal (App._display, the
# moment the room sees the board) and the moment the app has settled (Pilot idle: no layout or
# repaint pending). Both start from the spawn of the process.
FIRST_FRAME = """
import time
from textual.app import App
_display = App._display
_first = []
def _timed_display(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and not _first:
        _first.append(time.time())
App._display = _timed_display
"""

BARE = FIRST_FRAME + """
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(_first[0], time.time(), flush=True)
import asyncio; asyncio.run(main())
"""

BOARD = FIRST_FRAME + """
import os, sys
from tabletop import load_scenario
from tabletop.cli import play_app
from tabletop.session import Session
async def main():
    session = Session.start(load_scenario("parallel-tracks"), 1, os.path.join(sys.argv[1], "s.jsonl"))
    app = play_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(_first[0], time.time(), flush=True)
import asyncio; asyncio.run(main())
"""

PACKAGE = Path(__file__).resolve().parents[1] / "tabletop"


def installed_env() -> dict[str, str]:
    """The environment of an installed tabletop: its bytecode compiled, as pip does."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True, env=env,
                   capture_output=True)
    return env


def start_once(code: str, env: dict[str, str]) -> tuple[float, float, float]:
    """(first frame, settled, process exit) of one fresh process, in seconds from its spawn."""
    with tempfile.TemporaryDirectory() as folder:
        t = time.time()
        out = subprocess.run([sys.executable, "-c", code, folder], check=True, capture_output=True, text=True,
                             env=env)
        ended = time.time()
    first, settled = (float(x) for x in out.stdout.split()[-2:])
    return first - t, settled - t, ended - t


def cold(runs: int) -> dict[str, tuple[float, ...]]:
    env = installed_env()
    for code in (BARE, BOARD):
        start_once(code, env)  # warm the file cache
    times: dict[str, list[tuple[float, float, float]]] = {"bare": [], "board": []}
    for _ in range(runs):
        times["bare"].append(start_once(BARE, env))
        times["board"].append(start_once(BOARD, env))
    return {name: tuple(statistics.median(t[i] for t in ts) for i in range(3)) for name, ts in times.items()}


async def repaint(events: int) -> list[float]:
    from tabletop import Action, load_scenario
    from tabletop.cli import play_app
    from tabletop.engine import legal_actions
    from tabletop.session import Session
    from tabletop.tui.board import BoardScreen

    folder = Path(tempfile.mkdtemp())
    session = Session.start(load_scenario("parallel-tracks"), 5, folder / "long.jsonl")
    # a long workshop: notes on every event make the log long without ending the game
    while session.state.seq < events - 40:
        session.apply(Action("note", text=f"note {session.state.seq}", about=session.state.seq))
    times: list[float] = []
    app = play_app(session)
    painted: list[float] = []
    display = app._display

    def timed_display(screen, renderable):  # noqa: ANN001, ANN202 - Textual's own signature
        display(screen, renderable)
        painted.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for _ in range(30):
            screen = app.screen
            if not isinstance(screen, BoardScreen) or session.state.over:
                break
            options = legal_actions(session.state)
            if options[0].kind in ("move", "pass"):
                # a team's turn: pass keeps the game going without modals
                key = str(len(screen.entries)) if len(screen.entries) <= 9 else None
                if key is None:
                    session.apply(Action("pass", actor=options[0].actor))
                    screen.refresh_view()
                    continue
            else:
                key = "1"
            before = session.state.seq
            await pilot.pause(0.1)  # let any earlier repaint finish
            painted.clear()
            t = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause(0.1)
            if session.state.seq > before and painted:
                # from the key press to the last frame written for it: the repaint the room sees
                times.append(painted[-1] - t)
    print(f"  game had {session.state.seq} events")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    figures = cold(args.runs)
    (bare, bare_idle, bare_exit), (board, board_idle, board_exit) = figures["bare"], figures["board"]
    print(f"medians of {args.runs} fresh processes, from spawn:")
    print(f"  first frame on the terminal: bare Textual {bare * 1000:.0f} ms, tabletop board {board * 1000:.0f} ms "
          f"= {board / bare:.2f} x bare (target <= 1.30)")
    print(f"  settled (nothing pending):   bare Textual {bare_idle * 1000:.0f} ms, tabletop board "
          f"{board_idle * 1000:.0f} ms = {board_idle / bare_idle:.2f} x bare")
    print(f"  process exit:                bare Textual {bare_exit * 1000:.0f} ms, tabletop board "
          f"{board_exit * 1000:.0f} ms")
    times = asyncio.run(repaint(1000))
    if times:
        print(f"key press to repaint, 1,000-event game: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over {len(times)} presses (target <= 50 ms)")


if __name__ == "__main__":
    main()
