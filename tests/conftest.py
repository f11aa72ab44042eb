"""Shared test settings.

Under CI (``CI`` set in the environment) hypothesis runs derandomized: the
same examples every run, so a red CI always means a change, never luck.
Run locally, it explores new examples each time.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# Bytecode is cached for the test run, whatever the machine says (PYTHONDONTWRITEBYTECODE=1 on ours):
# hundreds of tests start tabletop in a child process (a writer killed mid-line, a hosted game's seats,
# hostile command lines, sweep workers), and each child compiled the whole package from source again
# (0.35 s of CPU each, not 0.15). Set here, before the xdist workers start, so they and every child
# they spawn inherit it; the caches go to __pycache__ folders, which git ignores.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def _user_cache_out_of_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test writes to the real user cache: validated scenarios go to a folder of the test run.

    Session-wide (hypothesis refuses function-scoped fixtures); a test that
    needs an empty cache of its own sets ``XDG_CACHE_HOME`` itself.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        # English unless a test says otherwise, whatever the machine's locale (a test
        # that sets LANG must not lose to an LC_ALL or a TABLETOP_LANG of the machine)
        for name in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES"):
            patch.delenv(name, raising=False)
        patch.setenv("LANG", "C.UTF-8")
        # the screens as a truecolor terminal gets them, whatever TERM says (a bare TERM=xterm is 16 colours to
        # Rich, which the themes answer with other colours): a test of 16 colours says so
        patch.setenv("COLORTERM", "truecolor")
        yield


@pytest.fixture(autouse=True)
def _english_after() -> Iterator[None]:
    """The process's language (a command's --lang, a screen's F4) never leaks from one test into the next."""
    from tabletop import lang

    lang.set_language("en")
    yield
    lang.set_language("en")


def pytest_configure(config: pytest.Config) -> None:
    """The collector's young generations collected ~70 times less often in a test worker.

    A screen test makes tens of thousands of objects a keypress (Textual's strips and segments), nearly all
    freed by reference counting; Python's default threshold (700) ran a young collection every few hundred
    of them: in tests/tui/test_play.py and test_argument_play.py, 12,340 young and 1,100 middle passes, 8.4 s of
    their 41 s of CPU. At 50,000 they were 166 and 10, 2.2 s (the whole CPU 28 s; 2026-12-07, back to back), and
    the whole suite (``-n auto``, this 2-core machine idle) went from 307.0 s to 291.8 s. Each test still ends
    with a full pass (below), so what a test leaves behind is found as before."""
    gc.set_threshold(50_000, 50, 50)


@pytest.fixture(autouse=True)
def _collector_walks_only_what_is_new() -> Iterator[None]:
    """After each test, its garbage collected and what lives on frozen out of the collector's walks.

    A worker keeps what every test it ran left alive (imported modules, Textual's render caches, the
    scenarios read), and dead apps' cycles until a full pass finds them: 400,000 to 500,000 objects
    by the end. Each full pass walked them all, about a third of a second each, and the passes were a
    fifth of the suite's CPU time (tests/tui: 40 s of 180). A full pass here finds this test's garbage
    among the objects made since the last freeze; the suite's CPU went from 677 s to 551 s, its time
    from 366 s to 304 s (2026-12-04, 2 cores, back to back). Frozen objects are still freed when nothing
    refers to them; only a cycle among them that dies later is kept (a few hundred MB a worker at most)."""
    yield
    gc.collect()
    gc.freeze()


def pytest_sessionstart(session: pytest.Session) -> None:
    """On a fresh checkout, the bytecode of the tests and of tabletop written once before the workers start.

    Each xdist worker collects every test module, and pytest rewrites a module's asserts into bytecode it caches
    in ``__pycache__``; on a clean clone (as CI runs) all the workers start at once, none finds a cache, and each
    rewrites the ~330 modules itself: 6 workers x ~4 s of CPU, 44 CPU-s of start-up against 22 with warm caches
    (2026-12-07, ``-n auto -k nothing``). Here, before xdist starts its workers (its own ``sessionstart`` runs last),
    two collect-only processes write the caches, half the folders each, so the two cores share the work once."""
    config = session.config
    if hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None):
        return  # a worker, or a run in one process: it collects once anyway
    tests = Path(__file__).resolve().parent
    modules = sum(1 for _ in tests.rglob("test_*.py"))
    cached = sum(1 for _ in tests.rglob("__pycache__/test_*.pyc"))
    if cached >= modules:
        return
    halves: list[list[str]] = [[], []]
    weights = [0, 0]
    parts = [(len(list(p.rglob("test_*.py"))), str(p)) for p in tests.iterdir() if p.is_dir() and p.name[0] not in "_."]
    for weight, part in sorted(parts, reverse=True) + [(1, str(p)) for p in sorted(tests.glob("test_*.py"))]:
        lighter = weights.index(min(weights))  # the folders dealt out by their number of modules
        halves[lighter].append(part)
        weights[lighter] += weight
    quiet = ["--collect-only", "-q", "-p", "no:xdist", "-p", "no:randomly", "-p", "no:cacheprovider"]
    children = [subprocess.Popen([sys.executable, "-m", "pytest", *quiet, *half], cwd=config.rootpath,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for half in halves if half]
    for child in children:
        child.wait()  # a failure is the workers' to report: this only fills caches


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optional: ``-p no:xdist`` runs the suite in one process
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: three workers a core (6 on 2 cores).

    A screen test spends about half its time asleep in Pilot's waits for the app to go idle, and a
    test of a save in wait for a child process; with one worker a core, those waits left a core
    idle. Full runs on 2 cores, back to back (2026-12-03): 3 workers 270.7 s and 280.2 s, 4 workers
    246.1 s and 264.6 s, the same CPU time. With more screen tests and seats' tests waiting on their
    hosts (2026-12-07, 5,081 tests, idle, back to back): 4 workers 318.3 s, 6 workers 284.0 s, CPU
    555 s and 536 s. ``PYTEST_XDIST_AUTO_NUM_WORKERS`` still decides when it is set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, 3 * cores)


#: the tests that take longest (a whole game by keys, a save cut at every byte, five screens on one game ...),
#: with the seconds each took in a full run (3 workers, 2026-12-03): handed out first, shared among the workers
#: (:func:`_shares`), so that no worker is left with them at the end while the others stand idle
LONGEST = (
    ("tests/tui/test_play.py::test_whole_game_by_keys_from_first_draw_to_end_screen", 46),
    ("tests/tui/test_argument_play.py", 37),
    ("tests/replay/test_replay.py", 32),
    ("tests/store/test_torn.py::test_torn_tail_at_every_byte", 27),
    ("tests/store/test_one_writer.py", 25),
    ("tests/seats/test_game_screens.py", 25),
    ("tests/seats/test_projector_resized.py", 24),  # (one test: a hosted round, resized; 2026-12-07)
    ("tests/seats/test_typed_arguments.py", 23),
    ("tests/store/test_growth.py", 19),
    ("tests/seats/test_leaks.py", 13),
    ("tests/sweep/test_resume.py", 11),
    ("tests/replay/test_keys.py", 10),
    ("tests/sweep/test_cluster.py", 7),
    ("tests/seats/test_browser_screens.py", 5),
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The longest tests first, shared among the workers; every other test keeps its place.

    xdist (``--dist load``) gives each worker a first share of consecutive tests, a quarter of its part
    (``LoadScheduling.schedule``), then more one by one as each runs out. With the longest tests in
    a row, the first worker got them all (282 s of 744 in one run) and ended ~50 s after the others;
    here each worker's first share opens with a third of them, a group (one file's tests share its
    fixtures) never split."""
    def rank(item: pytest.Item) -> int:
        return next((i for i, (prefix, _) in enumerate(LONGEST) if item.nodeid.startswith(prefix)), len(LONGEST))

    groups: list[list[pytest.Item]] = [[] for _ in range(len(LONGEST) + 1)]
    for item in items:
        groups[rank(item)].append(item)
    rest = groups.pop()
    workers = getattr(config, "workerinput", {}).get("workercount", 1)
    first = max(2, len(items) // workers // 4)  # the size of xdist's first share to each worker
    items[:] = _shares(groups, workers, first, rest)


def _shares(groups: list[list[pytest.Item]], workers: int, first: int, rest: list[pytest.Item]) -> list[pytest.Item]:
    """``workers`` first shares of ``first`` tests, each opening with the longest groups dealt to the share
    with the fewest seconds so far; then the rest of the tests in their order."""
    seconds = [0] * workers
    dealt: list[list[pytest.Item]] = [[] for _ in range(workers)]
    for (_, took), group in zip(LONGEST, groups, strict=True):  # LONGEST is longest first
        least = seconds.index(min(seconds))
        dealt[least] += group
        seconds[least] += took
    others = iter(rest)
    order: list[pytest.Item] = []
    for share in dealt:
        order += share
        order += [item for _, item in zip(range(first - len(share)), others)]
    return order + list(others)
