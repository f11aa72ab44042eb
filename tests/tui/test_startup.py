"""What a game's first board needs, and nothing more: the modules it must not import.

Each of these cost the room a few milliseconds before the board appeared
(benchmarks/README.md); they are imported when first used instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LATER = (
    "pydantic",  # validation: a bundled scenario comes from the validated cache
    "tabletop.content.validation",
    "tabletop.content.checks",
    "tabletop.content.locate",
    "tabletop.store.reading",  # a new game only writes its save
    "tabletop.store.recovery",
    "tabletop.sim.bots",  # no bot sits at this table
    "tabletop.sim.runner",
    "tabletop.tui.modals",  # no dialog is open
    "tabletop.tui.fields",  # nor its fields, whose Textual classes cost ~0.3 ms each to make
    "tabletop.tui.start",
    "tabletop.tui.end",
    "tomllib",
    "secrets",
    # the other commands of the command line, and what they import (tabletop play parses its own
    # arguments only): a sweep's process pool (~2.5 ms of every start), serve's shell quoting, ...
    "tabletop.cli.host",
    "tabletop.cli.join",
    "tabletop.cli.saves",
    "tabletop.cli.serve",
    "tabletop.cli.simulate",
    "tabletop.cli.sweep",
    "tabletop.cli.validate",
    "multiprocessing",
    "concurrent.futures.process",
    "shlex",
    "tabletop.sim",  # no --bots
    "tabletop.store.players",  # no --team
    "tabletop.content.usercache",  # a bundled scenario
    # a new game's header takes the bundled translations' bytes from translated.jsonl (content.overlaycache): no
    # overlay is read, checked or applied before the first board in English
    "tabletop.content.overlays",
    "tabletop.content.overlayfiles",
    "tabletop.content.overlaycheck",
)

#: tabletop's modules a start imports up to the first board (on 2026-12-02, late: 77 for the benchmark's start, 79
#: for ``tabletop play``, its parser and language choice included; 81 and 83 before the header took its
#: translations from the cache's bytes; one more since, ``engine.partwords``: a card's effects worded through the
#: catalogue; one more on 2026-12-03, ``_collector``: the collector paused while the package and the screens are
#: imported, ~7.5 ms; one more on 2026-12-07, ``tui.pasting``: the terminal's driver, chosen as the app is made, reads
#: a paste whole, escape bytes and all; and one more that day, ``tui.toosmall``: the app's guard of a window too small
#: for the screen in sight, mixed into the app's class; and one more that day, ``tui.themes``: the themes and the
#: status colours, shared by the hot seat, the replay and the seats; and one more that day, ``content.drafts``:
#: every writer's draft of a new, unguessable name, below content's caches and the save alike); each costs the room
#: ~0.1 ms to find, read and run
MOST_MODULES = 85


def test_the_first_board_imports_only_what_it_shows(tmp_path: Path) -> None:
    code = (
        "import asyncio, sys\n"
        "from tabletop import load_scenario\n"
        "from tabletop.cli.screens import play_app\n"
        "from tabletop.play.session import Session\n"
        "async def main():\n"
        f"    session = Session.start(load_scenario('parallel-tracks'), 1, {str(tmp_path / 's.jsonl')!r})\n"
        "    app = play_app(session)\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        assert type(app.screen).__name__ == 'BoardScreen'\n"
        "        print(sorted(m for m in sys.modules))\n"
        "asyncio.run(main())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    loaded = set(out.stdout.strip().strip("[]").replace("'", "").split(", "))
    assert "tabletop.tui.board" in loaded and "tabletop.store.savefile" in loaded  # the check sees the modules
    early = [name for name in LATER if any(m == name or m.startswith(name + ".") for m in loaded)]
    assert early == []
    assert len([m for m in loaded if m == "tabletop" or m.startswith("tabletop.")]) <= MOST_MODULES


def test_tabletop_play_imports_only_what_its_first_board_needs(tmp_path: Path) -> None:
    """The command line's own start, its argument parser included: the same guard."""
    code = (
        "import asyncio, sys\n"
        "from textual.app import App\n"
        "from tabletop.cli import main, screens\n"
        "def headless(self):\n"
        "    async def run():\n"
        "        async with self.run_test(size=(120, 40)) as pilot:\n"
        "            await pilot.pause()\n"
        "            assert type(self.screen).__name__ == 'BoardScreen'\n"
        "            print(sorted(m for m in sys.modules), file=sys.stderr)\n"
        "    asyncio.run(run())\n"
        "App.run = headless\n"
        "screens._need_terminal = lambda *_a: None\n"
        f"sys.exit(main(['play', '--seed', '1', '--save', {str(tmp_path / 's.jsonl')!r}]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    loaded = set(out.stderr.strip().splitlines()[-1].strip("[]").replace("'", "").split(", "))
    assert "tabletop.tui.board" in loaded and "tabletop.cli.play" in loaded  # the check sees the modules
    early = [name for name in LATER if any(m == name or m.startswith(name + ".") for m in loaded)]
    assert early == []
    ours = sorted(m for m in loaded if m == "tabletop" or m.startswith("tabletop."))
    assert len(ours) <= MOST_MODULES, ours
