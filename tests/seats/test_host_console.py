"""``tabletop host`` in a terminal opens the facilitator's console there; closing it leaves the game running.

Run as a facilitator runs it, in a pseudo-terminal (``tests/store/ptykit.py``),
with what it draws kept to be read. Waits are counted polls, not the clock.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

from tests.store.ptykit import CTRL_Q, InTerminal, wait_for
from tests.store.savekit import REPO

_ESCAPE = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07]*\x07")


class Drawn(InTerminal):
    """``tabletop ARGS`` with a pty for all three streams, as in a terminal, keeping what it draws."""

    def __init__(self, *args: str):  # the pty for stderr too: Textual draws there
        self.seen = bytearray()
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"}
        self.proc = subprocess.Popen([sys.executable, "-m", "tabletop", *args], stdin=slave, stdout=slave,
                                     stderr=slave, cwd=REPO, env=env, start_new_session=True)
        os.close(slave)
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.seen.extend(data)

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Wait for the process to end: its exit code and what it drew."""
        try:
            self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            os.close(self.master)
            self._drain.join(10)
        return self.proc.returncode, _ESCAPE.sub(b"", bytes(self.seen)).decode("utf-8", "replace")

    def shows(self, words: str) -> bool:
        """The words were drawn (escape sequences between the characters taken out)."""
        return words.encode() in _ESCAPE.sub(b"", bytes(self.seen))


def test_the_console_opens_in_the_hosts_terminal_and_closing_it_leaves_the_game_running(tmp_path: Path) -> None:
    save = tmp_path / "hosted.jsonl"
    term = Drawn("host", "--save", str(save), "--seed", "4", "--listen", "127.0.0.1:0", "--observers", "0")
    try:
        wait_for(lambda: term.shows("as Facilitator") or term.proc.poll() is not None, "the console to join")
        assert term.proc.poll() is None
        assert term.shows("Draw the event card")  # the facilitator's first decision, on its console
        for _ in range(30):  # ctrl+q until the console hears it (counted tries)
            term.press(CTRL_Q)
            try:
                wait_for(lambda: term.shows("The console is closed; the game goes on"), "the console to close", 40)
                break
            except AssertionError:
                continue
        assert term.proc.poll() is None  # the host still serves the other screens
        os.killpg(term.proc.pid, signal.SIGINT)  # Ctrl-C in the host's terminal stops it
        code, _ = term.finish()
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
            term.finish()
    assert code == 0
    assert not term.shows("Traceback")
    assert term.shows("stopped; the game is in")
