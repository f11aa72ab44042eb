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
import pty
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator

import pytest

from .test_serve_page import POLLS, _free_port

pytestmark = pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")


class Terminal:
    """``tabletop join`` to a stopped host, in a pseudo-terminal that is not its controlling terminal (no SIGHUP
    comes when it closes): what it drew, and the terminal's end to close."""

    def __init__(self) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
        self.join = subprocess.Popen([sys.executable, "-m", "tabletop", "join", f"127.0.0.1:{_free_port()}",
                                      "k7mq-3xrt-9pwa-c4hd-e5fz"], stdin=slave, stdout=slave, stderr=slave,
                                     start_new_session=True, env=env)
        os.close(slave)
        self.said: list[bytes] = []
        self.open = True
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:
                return
            if not data:
                return
            self.said.append(data)

    def output(self) -> str:
        return b"".join(self.said).decode("utf-8", "replace")

    def until(self, condition: Callable[[], bool], what: str) -> None:
        for _ in range(POLLS):
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"{what}: {self.output()[-2000:]}")

    def close(self) -> None:
        if self.open:
            self.open = False
            os.close(self.master)


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
