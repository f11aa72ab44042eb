"""Importing tabletop pauses the cycle collector while its modules are made, and always gives it back."""

from __future__ import annotations

import subprocess
import sys

#: in a fresh interpreter: whether the collector runs after the imports, and how many collections ran meanwhile
PROBE = """
import gc, sys
passes = []
gc.callbacks.append(lambda phase, info: passes.append(info["generation"]) if phase == "start" else None)
if sys.argv[1] == "off":
    gc.disable()
{imports}
print(gc.isenabled(), len(passes))
"""


def _probe(imports: str, collector: str = "on") -> tuple[bool, int]:
    code = PROBE.format(imports=imports)
    out = subprocess.run([sys.executable, "-c", code, collector], capture_output=True, text=True, check=True)
    enabled, passes = out.stdout.split()
    return enabled == "True", int(passes)


def test_the_facade_gives_the_collector_back_as_it_found_it() -> None:
    assert _probe("import tabletop", "on")[0] is True  # a library's caller keeps its collector
    assert _probe("import tabletop", "off")[0] is False  # and one who switched it off keeps it off


def test_importing_tabletop_and_its_screens_runs_almost_no_collection_pass() -> None:
    """Their modules make tens of thousands of objects that live as long as the process: passes over
    them found nothing. Before the pause, importing the package ran 17 passes, and the app with its screens
    (Textual with them) 89 in all; a few still fall due as a paused block ends."""
    assert _probe("import tabletop")[1] <= 5
    # what ``tabletop play`` does: the app (its modules imported on the way) for a process of its own
    enabled, passes = _probe("from tabletop.cli.screens import play_app\napp = play_app(None)")
    assert passes <= 10, passes  # 89 before
    assert enabled is False  # the app's own pause until its first screen is up (TabletopApp.on_ready)


def test_the_screens_modules_are_not_walked_when_the_collector_comes_back() -> None:
    """The pause deferred the passes; the first pass after it walked all the screens' modules and Textual's at
    once (~36,000 objects, 6-22 ms of the start of ``tabletop play`` by the machine's load, stop 53). They live
    as long as the process, which is the app's: frozen as the pause ends, no pass walks them. Counted, not timed:
    the largest batch of new objects a pass found waiting."""
    code = (
        "import gc\n"
        "from tabletop.cli.screens import play_app\n"
        "waiting = []\n"
        "gc.callbacks.append(lambda phase, info: waiting.append(gc.get_count()[0]) if phase == 'start' else None)\n"
        "app = play_app(None)\n"
        "print(max(waiting, default=0))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) < 5_000, out.stdout  # 36,252 before
