"""A browser seat's ``tabletop join`` ends with the ``tabletop serve`` that started it.

textual-serve runs each browser tab's screen as a child process (through the shell, which ``serve``'s command
replaces with it: ``exec``). Ctrl+C on ``serve`` and a closed tab tell the child to quit; a ``serve`` killed
outright (``kill -9``, out of memory) tells it nothing, and the orphan stayed connected to the host: the
facilitator's console showed the team "Connected", never offering to act for it, and the orphan went on
receiving the team's private view (found from outside). ``serve`` names itself to its children
(:data:`SERVE_PID`); a child that finds the name asks the kernel for a stop signal when its parent dies
(Linux's parent-death signal) or, elsewhere, watches for its parent to change, and stops as a screen stops on
``kill``: its connection closes, and the host sees the team gone.

A browser tab's screen was in ``serve``'s terminal's process group without a keyboard there: Ctrl+C typed in that
terminal reached every screen too, and Textual's web driver ends its app on it (found from outside: every browser
team's screen ended at the Ctrl+C, whatever serve did). Ctrl+C there is ``serve``'s, which asks before it stops
serving, so each screen has a process group of its own (:func:`deaf_to_ctrl_c`).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Mapping

#: the environment variable through which ``tabletop serve`` names its process to the screens it starts
SERVE_PID = "TABLETOP_SERVE_PID"
#: Linux's prctl option that asks for a signal when the parent dies (linux/prctl.h)
PR_SET_PDEATHSIG = 1
#: how often a child without the parent-death signal looks at its parent (seconds)
WATCH_EVERY = 1.0


def served_parent(environ: Mapping[str, str] | None = None) -> int | None:
    """The process id of the ``tabletop serve`` that started this one, or None (not started by one)."""
    found = (os.environ if environ is None else environ).get(SERVE_PID, "")
    return int(found) if found.isascii() and found.isdigit() and int(found) > 1 else None


def end_with_parent(parent: int, stop: Callable[[], None] | None = None) -> None:
    """Stop this process (SIGTERM, as ``kill`` does) when ``parent`` is no longer its parent: it died.

    Checked once now as well: a parent that died before the signal was asked for is seen at once."""
    stop = stop or (lambda: os.kill(os.getpid(), signal.SIGTERM))
    if not _death_signal(signal.SIGTERM):
        _watch(parent, stop)
    if os.getppid() != parent:  # gone already (or never ours): the signal asked for above would never come
        stop()


def deaf_to_ctrl_c() -> None:
    """Take no Ctrl+C typed in ``serve``'s terminal: it is ``serve``'s to answer. This screen leaves the terminal's
    process group, which the terminal sends Ctrl+C to (ignoring SIGINT is not enough: Textual's web driver sets its
    own handler); it ends when serving stops (textual-serve closes it, :func:`end_with_parent` if ``serve`` is
    killed). Its input and output are textual-serve's pipes, never the terminal."""
    if os.name == "posix":  # (Windows has no process groups to leave: there, Ctrl+C is as it was)
        try:
            os.setpgid(0, 0)
        except OSError:  # a session leader cannot (not as serve starts it): Ctrl+C reaches it, as before
            pass


def _death_signal(signum: int) -> bool:
    """Ask Linux for ``signum`` when the parent dies; False where that cannot be asked."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int, stop: Callable[[], None]) -> None:
    """Elsewhere (macOS): a thread that looks at the parent every :data:`WATCH_EVERY` seconds. An orphan is
    adopted by another process, so its parent's id changes."""
    if os.name != "posix":
        return  # Windows keeps a dead parent's id: nothing to watch for

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(WATCH_EVERY)
        stop()

    threading.Thread(target=watch, name="tabletop-lifeline", daemon=True).start()


__all__ = ["SERVE_PID", "deaf_to_ctrl_c", "end_with_parent", "served_parent"]
