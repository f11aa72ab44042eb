"""A ``tabletop join`` whose terminal is gone ends, whatever its link to the host is doing.

Found from outside (helper-272): two ``tabletop join`` clients kept running after their terminal was gone, trying
again and again to reach a host that had stopped, spinning a core between them, until ``kill -9``. Textual's input
thread took the end of a closed terminal's input (a read of nothing, or EIO) for a pause and read again at once, for
ever; a terminal that was the process's controlling one sent SIGHUP as well, but one that was not (a screen started
in the background, or by a wrapper) sent nothing else. The screen now takes its input's end as a hang-up: it closes
as on SIGHUP, exit 129 (README: 128 + the signal).

A real ``join`` runs in a pseudo-terminal here; its host is an address nothing listens on (a host that has stopped:
the screen tries again, for as long as it is open). The polls bound how long a step may take; they measure nothing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator

import pytest

from tests.store.ptykit import Tape, in_a_pty, wait_for

from .test_serve_page import POLLS, _free_port

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")


class Terminal:
    """``tabletop join`` to a stopped host, in a pseudo-terminal that is not its controlling terminal (no SIGHUP
    comes when it closes): what it drew, and the terminal's end to close."""

    def __init__(self) -> None:
        self.join, master = in_a_pty([sys.executable, "-m", "tabletop", "join", f"127.0.0.1:{_free_port()}",
                                      "k7mq-3xrt-9pwa-c4hd-e5fz"], size=(100, 30))
        self.tape = Tape(master)

    def output(self) -> str:
        return self.tape.text()

    def until(self, condition: Callable[[], bool], what: str) -> None:
        wait_for(condition, what, 2 * POLLS, self.output)  # (polls of 50 ms: POLLS of 100 ms)

    def close(self) -> None:
        self.tape.close()


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    seen = Terminal()
    try:
        yield seen
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(seen.join.pid, signal.SIGKILL)
        seen.join.wait(30)
        seen.close()


def test_a_join_whose_terminal_closed_ends_as_on_a_hang_up(terminal: Terminal) -> None:
    terminal.until(lambda: "trying again" in terminal.output(), "the screen trying to reach the host")
    terminal.close()  # the terminal window closed: no SIGHUP, its input ends
    terminal.until(lambda: terminal.join.poll() is not None, "the screen ended with its terminal")
    assert terminal.join.returncode == 128 + signal.SIGHUP


def test_sigterm_while_trying_to_reach_the_host_ends_the_join_with_143(terminal: Terminal) -> None:
    terminal.until(lambda: "trying again (try 3)" in terminal.output(), "the screen trying again")
    terminal.join.send_signal(signal.SIGTERM)
    terminal.until(lambda: terminal.join.poll() is not None, "the screen ended on SIGTERM")
    assert terminal.join.returncode == 128 + signal.SIGTERM, terminal.output()[-2000:]
