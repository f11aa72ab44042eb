"""Run ``tabletop`` in a pseudo-terminal, as a facilitator does, from a test.

``play`` and ``resume`` need a terminal; a pty gives them one. What the app
draws is read and thrown away (a thread keeps the pty drained, or the app
would block writing to it); stderr is captured on its own, for the messages,
and drained by a thread of its own as well: Textual draws the screen on
stderr, and an undrained terminal fills after a few frames, after which the app
blocks mid-frame and hears no key (a quit took 60 s, the whole `quit` budget,
until `finish` read the pipe at last).
"""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .savekit import REPO

CTRL_Q = b"\x11"


class InTerminal:
    """One ``tabletop ARGS`` process with a 120x40 pty as its terminal."""

    def __init__(self, *args: str, cwd: Path = REPO):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        # stderr is a terminal too, as a facilitator's is (a screen refuses a stderr that is not one: Textual draws
        # on it), of its own, so that what is drawn and said there is read apart from the keys' terminal, byte for
        # byte as written (no "\r\n" for "\n"), as from the pipe it was before
        self._err_master, err_slave = pty.openpty()
        fcntl.ioctl(err_slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        mode = termios.tcgetattr(err_slave)
        mode[1] &= ~termios.OPOST
        termios.tcsetattr(err_slave, termios.TCSANOW, mode)
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        self.proc = subprocess.Popen([sys.executable, "-m", "tabletop", *args], stdin=slave, stdout=slave,
                                     stderr=err_slave, cwd=cwd, env=env, start_new_session=True)
        os.close(slave)
        os.close(err_slave)
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()
        self._err: list[bytes] = []
        self._err_drain = threading.Thread(target=self._read_err, daemon=True)
        self._err_drain.start()

    def _read_err(self) -> None:
        while True:
            try:
                data = os.read(self._err_master, 65536)
            except OSError:  # EIO: the process and its children have closed the terminal
                return
            if not data:
                return
            self._err.append(data)

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return

    def press(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Wait for the process to end: its exit code and stderr."""
        try:
            self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            os.close(self.master)
            self._drain.join(10)
            self._err_drain.join(10)
            os.close(self._err_master)
        return self.proc.returncode, b"".join(self._err).decode("utf-8", "replace")

    def quit(self, tries: int = 30) -> tuple[int, str]:
        """Ctrl+Q, as the facilitator quits; again now and then until the app is ready to hear it.

        Counted in tries (each waits up to 2 s for the app to exit), not read off a clock."""
        for _ in range(tries):
            if self.proc.poll() is not None:
                break
            self.press(CTRL_Q)
            try:
                self.proc.wait(timeout=2)
            except subprocess.TimeoutExpired:
                pass
        #: the app heard ctrl+q (rather than ending when `finish` closed its terminal)
        self.quit_by_key = self.proc.poll() is not None
        return self.finish(timeout=10)


def wait_for(condition: Callable[[], bool], what: str, polls: int = 1800) -> None:
    """Poll ``condition`` until it holds, up to ``polls`` times 50 ms apart.

    A bound for a stuck test, counted in polls rather than read off the wall clock: a
    loaded machine only makes each poll later, never makes the test give up sooner."""
    for _ in range(polls):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"waited {polls} polls for {what}")

