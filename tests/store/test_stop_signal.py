"""A stop signal (``kill``, a machine shutting down) closes a screen as its quit key does.

Found from outside: ``kill PID`` on ``tabletop play`` (or ``join``, or
``replay``) ended the process where it stood, exit -15. The terminal stayed in
the screen's alternate buffer with the mouse still reported, and the shell's
prompt came back over the board's remains; the save's note of its writer was
left behind. Now the screen closes on the loop's own turn, once the screen on
top has mounted (closed inside its first mount, a screen lost its panels
under it: "internal error (NoMatches: No nodes match '#decision')"): Textual
gives the terminal back, a game's save is closed and free, and the command
says what happened, with a killed program's status (128 + 15).
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tabletop.store.lock import info_path
from tabletop.store.verifying import verify

from .ptykit import InTerminal, wait_for
from .savekit import record_bot_game, scenario

ENTER_ALTERNATE_SCREEN = "\x1b[?1049h"  # what a screen writes first when it takes the terminal
LEAVE_ALTERNATE_SCREEN = "\x1b[?1049l"  # what a screen writes last when it gives the terminal back


def _killed_at_once(*args: str, cwd: Path, signum: int = signal.SIGTERM) -> tuple[int, str]:
    """Start ``tabletop ARGS`` in a terminal; send ``signum`` the moment its screen takes the terminal."""
    screen = InTerminal(*args, cwd=cwd)
    wait_for(lambda: ENTER_ALTERNATE_SCREEN in screen.said(), "the screen")
    screen.proc.send_signal(signum)
    code, err = screen.finish()
    assert code == 128 + signum, (code, err[-500:])
    assert "Traceback" not in err and "internal error" not in err, err[-500:]
    assert LEAVE_ALTERNATE_SCREEN in err  # the terminal given back, then the message under it, readable
    name = signal.Signals(signum).name
    assert err.rindex(LEAVE_ALTERNATE_SCREEN) < err.index(f"closed on a stop signal ({name})")
    return code, err


def test_kill_closes_the_game_screen_and_frees_the_save(tmp_path: Path) -> None:
    path = tmp_path / "room.jsonl"
    _killed_at_once("play", "--seed", "4", "--save", str(path), cwd=tmp_path)
    assert not info_path(path).exists()  # the save closed: free for `tabletop resume`
    assert verify(path).ok


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGHUP])
def test_an_interrupt_or_a_hang_up_closes_the_game_as_a_kill_does(tmp_path: Path, signum: int) -> None:
    """Found from outside (helper-115): ``kill -INT`` closed the game with "Saved: …" and exit 0, as a quit does (a
    script took it as one); ``kill -HUP`` ended it where it stood, the save's lock left behind."""
    path = tmp_path / "room.jsonl"
    _killed_at_once("play", "--seed", "4", "--save", str(path), cwd=tmp_path, signum=signum)
    assert not info_path(path).exists()
    assert verify(path).ok


def test_a_hang_up_with_the_terminal_gone_closes_the_save_and_says_so_by_its_status(tmp_path: Path) -> None:
    """Found in review (helper-118): a real hang-up takes the terminal away first; the screen's last words and
    "Saved: ..." then fail to be written. The save is closed and free all the same, and the status is 128 + 1."""
    path = tmp_path / "room.jsonl"
    screen = InTerminal("play", "--seed", "4", "--save", str(path), cwd=tmp_path)
    wait_for(lambda: ENTER_ALTERNATE_SCREEN in screen.said(), "the screen")
    screen.drawn.close()  # the terminal goes away
    screen.proc.send_signal(signal.SIGHUP)
    code, err = screen.finish()
    assert code == 128 + signal.SIGHUP, (code, err[-800:])
    assert "Traceback" not in err, err[-800:]
    assert not info_path(path).exists()
    assert verify(path).ok


@pytest.mark.parametrize("command", ["replay", "join"])
def test_kill_closes_the_replay_and_a_seat_s_screen(tmp_path: Path, command: str) -> None:
    if command == "replay":
        path = record_bot_game(tmp_path / "room.jsonl", scenario(), 3).path
        before = path.read_bytes()
        _killed_at_once("replay", str(path), cwd=tmp_path)
        assert path.read_bytes() == before
    else:  # a seat whose host is not there (yet): the screen says so and keeps trying, until the kill
        _killed_at_once("join", "127.0.0.1:9", "not-a-code-but-one", cwd=tmp_path)


NEVER_MOUNTED = """
import asyncio, os, signal, sys
from tabletop.cli import screens
screens.MOUNT_GRACE = screens.EXIT_GRACE = 0.2
if sys.argv[1] == "exits":  # the watchdog as a record: whether the screen's closing cancelled it, not a race
    class Recorded:
        def __init__(self, *args, **kwargs):
            self.daemon = False
        def start(self):
            print("started", flush=True)
        def cancel(self):
            print("cancelled", flush=True)
    screens.Timer = Recorded

class NeverMounted:
    '''A screen that never comes up: run in the background, its terminal gone.'''
    is_running, is_mounted = True, False

    def __init__(self, exits):
        self.exits, self.done = exits, None

    @property
    def screen(self):
        raise RuntimeError("no screen on the stack")

    def exit(self):
        if self.exits:
            self.done.set()

    def run(self):
        async def main():
            self.done = asyncio.Event()
            asyncio.get_running_loop().call_later(0.1, os.kill, os.getpid(), signal.SIGTERM)
            await self.done.wait()
        asyncio.run(main())

print("returned", screens.run_screen(NeverMounted(sys.argv[1] == "exits")), flush=True)
"""


@pytest.mark.parametrize("how", ["exits", "stuck"])
def test_a_stop_signal_ends_a_screen_that_never_came_up(tmp_path: Path, how: str) -> None:
    """Found from outside (helper-124): ``tabletop resume SAVE &`` whose terminal then closed never mounted its
    screen; a stop signal waited for the mount for ever (TERM and HUP "ignored"), spinning and holding the save's
    lock. After a grace the screen is told to exit all the same, and a program that still does not end ends at
    once, with the signal's status."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", NEVER_MOUNTED, how], capture_output=True, text=True, timeout=120,
                          check=False)
    if how == "exits":
        # the watchdog cancelled once the screen closed: work after it is never cut short (found in review)
        assert done.returncode == 0 and done.stdout.split() == ["started", "cancelled", "returned",
                                                                 str(int(signal.SIGTERM))], done
    else:
        assert done.returncode == 128 + signal.SIGTERM and done.stdout == "", done
