"""``tabletop host`` in a terminal opens the facilitator's console there; closing it leaves the game running.

Run as a facilitator runs it, in a pseudo-terminal (``tests/store/ptykit.py``),
with what it draws kept to be read. Waits are counted polls, not the clock.
"""

from __future__ import annotations

import os
import re
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.store.ptykit import CTRL_Q, InTerminal, Tape, in_a_pty, wait_for
from tests.store.savekit import REPO

_ESCAPE = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07]*\x07")


class Drawn(InTerminal):
    """``tabletop ARGS`` with a pty for all three streams, as in a terminal, keeping what it draws."""

    def __init__(self, *args: str, run: Sequence[str] = ("-m", "tabletop")):  # the pty for stderr too: Textual draws
        self.proc, self.master = in_a_pty([sys.executable, *run, *args], cwd=REPO)
        self.drawn = Tape(self.master)

    @property
    def seen(self) -> bytes:
        return bytes(self.drawn.data)

    def finish(self, timeout: float = 60) -> tuple[int, str]:
        """Wait for the process to end: its exit code and what it drew."""
        try:
            self.proc.wait(timeout=timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            self.drawn.close()
        return self.proc.returncode, _ESCAPE.sub(b"", self.seen).decode("utf-8", "replace")

    def shows(self, words: str) -> bool:
        """The words were drawn (escape sequences between the characters taken out)."""
        return words.encode() in _ESCAPE.sub(b"", self.seen)


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


#: ``tabletop ARGS`` whose terminal takes no more writes once a screen is told to exit: Textual's shutdown blocks in
#: its writer's queue, as found under a closed terminal (gdb: ``_shutdown`` → ``disable_input`` → ``queue.put``). A
#: screen's own grace is short here, the mount's long: the stop is seen ending the program through the former.
DEAD_TERMINAL = """
import sys, threading
from textual.app import App
from textual.drivers import _writer_thread
from tabletop.cli import main, screens

screens.SHUT_GRACE, screens.MOUNT_GRACE, screens.EXIT_GRACE = 0.5, 600.0, 600.0
gone = threading.Event()
write, leave = _writer_thread.WriterThread.write, App.exit

def blocked(self, text):
    if gone.is_set():
        threading.Event().wait()  # the terminal takes nothing more, for ever
    write(self, text)

def exit(self, *args, **kwargs):
    gone.set()
    return leave(self, *args, **kwargs)

_writer_thread.WriterThread.write, App.exit = blocked, exit
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_closes_the_save_and_ends_the_host_though_the_console_cannot_close(tmp_path: Path, signum: int) -> None:
    """Found from outside (helper-283): the host's terminal closed under its console; the console's shutdown blocked
    writing to it, and the host kept its port and the save's lock, deaf to TERM, until kill -9. The save is closed
    first now, then the host ends with the signal's status, whatever the console's shutdown is stuck in."""
    from tabletop.store.lock import info_path
    from tabletop.store.verifying import verify

    save = tmp_path / "hosted.jsonl"
    term = Drawn("host", "--save", str(save), "--seed", "4", "--listen", "127.0.0.1:0", "--observers", "0",
                 run=("-c", DEAD_TERMINAL))
    try:
        wait_for(lambda: term.shows("as Facilitator") or term.proc.poll() is not None, "the console to join")
        assert info_path(save).exists()  # the save's lock note, while the host serves
        term.proc.send_signal(signum)
        code, _ = term.finish(timeout=120)
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
            term.finish()
    assert code == 128 + signum
    assert not info_path(save).exists()  # free for host --resume
    assert verify(save).ok


def test_a_stop_ends_a_seat_s_screen_that_cannot_close_within_its_short_grace() -> None:
    """The same for ``tabletop join`` (helper-283: the projector's outlived its closed terminal by more than 10 s):
    it holds no save, so once told to exit it ends within its short grace, not the mount's."""
    term = Drawn("join", "127.0.0.1:9", "k7mq-3xrt-9pwa-c4hd-e5fz", run=("-c", DEAD_TERMINAL))
    try:
        wait_for(lambda: term.shows("127.0.0.1:9") or term.proc.poll() is not None, "the screen")
        term.proc.send_signal(signal.SIGTERM)
        code, _ = term.finish(timeout=120)
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
            term.finish()
    assert code == 128 + signal.SIGTERM
