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
import select
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from .savekit import REPO

CTRL_Q = b"\x11"


class Tape:
    """What a process writes to a pty, kept as it comes: a thread drains the pty's master end (an undrained pty
    fills after a few frames, and the process blocks mid-write), until the process and its children have closed
    the terminal (EIO) or the master is closed here."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.data = bytearray()
        self._woken, self._wake = os.pipe()  # close() wakes the thread through this: a read blocked on the pty
        # would hold its end open (no hang-up reached the process) and keep close() waiting (10 s a test)
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while True:
            ready, _, _ = select.select([self.fd, self._woken], [], [])
            if self._woken in ready:  # closed: what the process wrote so far is kept, then the thread ends
                os.set_blocking(self.fd, False)
                while self._took():
                    pass
                return
            if not self._took():
                return

    def _took(self) -> bool:
        """One read of the pty into the tape; False at its end (EIO once the terminal is closed, or nothing more)."""
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the terminal closed by the process and its children; EAGAIN: nothing more for now
            return False
        self.data.extend(data)
        return bool(data)

    def text(self) -> str:
        return bytes(self.data).decode("utf-8", "replace")

    def drained(self, timeout: float = 10) -> None:
        """Wait until the process and its children have closed the terminal and what they wrote is all read."""
        self._thread.join(timeout)

    def close(self) -> None:
        """The terminal's window closed: the thread that read it, then its master end (once; again, nothing)."""
        if self.fd >= 0:
            os.write(self._wake, b"x")
            self._thread.join()
            for fd in (self.fd, self._woken, self._wake):
                os.close(fd)
            self.fd = -1


def in_a_pty(argv: Sequence[str], size: tuple[int, int] | None = (120, 40), cwd: Path | None = None,
             stderr: int | None = None) -> tuple[subprocess.Popen[bytes], int]:
    """``argv`` started as a terminal starts a program: a session of its own, a pty for stdin and stdout (and
    stderr, unless ``stderr`` is another file descriptor); the process and the pty's master end. ``size``:
    (columns, rows), set on the pty and in COLUMNS and LINES; None leaves both as the machine has them."""
    master, slave = pty.openpty()
    env = dict(os.environ)
    if size is not None:
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env.update({"TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)})
    proc = subprocess.Popen(list(argv), stdin=slave, stdout=slave, stderr=slave if stderr is None else stderr,
                            cwd=cwd, env=env, start_new_session=True)
    os.close(slave)
    return proc, master


class InTerminal:
    """One ``tabletop ARGS`` process with a 120x40 pty as its terminal."""

    def __init__(self, *args: str, cwd: Path = REPO):
        # stderr is a terminal too, as a facilitator's is (a screen refuses a stderr that is not one: Textual draws
        # on it), of its own, so that what is drawn and said there is read apart from the keys' terminal, byte for
        # byte as written (no "\r\n" for "\n"), as from the pipe it was before
        err_master, err_slave = pty.openpty()
        fcntl.ioctl(err_slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        mode = termios.tcgetattr(err_slave)
        mode[1] &= ~termios.OPOST
        termios.tcsetattr(err_slave, termios.TCSANOW, mode)
        self.proc, self.master = in_a_pty([sys.executable, "-m", "tabletop", *args], cwd=cwd, stderr=err_slave)
        os.close(err_slave)
        self.drawn = Tape(self.master)  # what the keys' terminal shows (read, or the app would block writing it)
        self._err = Tape(err_master)

    def said(self) -> str:
        """What the process wrote to its stderr so far (Textual draws there; the messages too)."""
        return self._err.text()

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
            self.drawn.close()
            self._err.close()
        return self.proc.returncode, self._err.text()

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


def wait_for(condition: Callable[[], bool], what: str, polls: int = 1800,
             said: Callable[[], str] | None = None) -> None:
    """Poll ``condition`` until it holds, up to ``polls`` times 50 ms apart; ``said``: what the program had
    written by then, for the failure's message.

    A bound for a stuck test, counted in polls rather than read off the wall clock: a
    loaded machine only makes each poll later, never makes the test give up sooner."""
    for _ in range(polls):
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"waited {polls} polls for {what}" + (f": {said()[-2000:]}" if said is not None else ""))

