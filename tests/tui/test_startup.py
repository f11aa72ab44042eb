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
    "tabletop.tui.start",
    "tabletop.tui.end",
    "tomllib",
    "secrets",
)


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
