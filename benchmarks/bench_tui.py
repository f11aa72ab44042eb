"""TUI timings: cold start to the first board, and key press to repaint.

    python benchmarks/bench_tui.py [--runs N]

Cold start: a fresh process imports tabletop, loads the default scenario,
opens the board headless and exits once the first frame is up; the same is
measured for a bare Textual app that shows one Static. Target: tabletop
<= 1.3 x the bare app, measured in the same run.

Key press to repaint: a game with 1,000 events on the board; the time from
a key press that changes the board (a decision picked with "1") until the
last frame written to the terminal for it (App._display, timed). Target:
<= 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import time
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
    def on_mount(self):
        self.call_after_refresh(self.exit)
async def main():
    async with Bare().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
import asyncio; asyncio.run(main())
"""

BOARD = """
import tempfile, os
from tabletop import load_scenario
from tabletop.session import Session
from tabletop.tui.app import TabletopApp
async def main():
    folder = tempfile.mkdtemp()
    session = Session.start(load_scenario("parallel-tracks"), 1, os.path.join(folder, "s.jsonl"))
    app = TabletopApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
import asyncio; asyncio.run(main())
"""


def cold(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


async def repaint(events: int) -> list[float]:
    from tabletop import Action, load_scenario
    from tabletop.engine import legal_actions
    from tabletop.session import Session
    from tabletop.tui.app import TabletopApp
    from tabletop.tui.board import BoardScreen

    folder = Path(tempfile.mkdtemp())
    session = Session.start(load_scenario("parallel-tracks"), 5, folder / "long.jsonl")
    # a long workshop: notes on every event make the log long without ending the game
    while session.state.seq < events - 40:
        session.apply(Action("note", text=f"note {session.state.seq}", about=session.state.seq))
    times: list[float] = []
    app = TabletopApp(session)
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
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bare = cold(BARE, args.runs)
    board = cold(BOARD, args.runs)
    print(f"cold start, bare Textual app: {bare * 1000:.0f} ms (median of {args.runs})")
    print(f"cold start, tabletop board:   {board * 1000:.0f} ms = {board / bare:.2f} x bare (target <= 1.30)")
    times = asyncio.run(repaint(1000))
    if times:
        print(f"key press to repaint, 1,000-event game: median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms over {len(times)} presses (target <= 50 ms)")


if __name__ == "__main__":
    main()
