"""What another account that can write a workshop folder leaves at a temporary name it guessed, and the check that a
writer went through none of it (found from outside: a symlink planted at a fixed draft name had another save
written over; a file planted there received every seat's join code)."""

from __future__ import annotations

from pathlib import Path

#: what the file a planted symlink names holds, before and (if nothing went through the symlink) after
ELSEWHERE = b"another save\n"


def plant(trap: Path, planted: str, elsewhere: Path) -> None:
    """At ``trap``: an empty 0666 file of the other account's (``planted`` "file"), or a symlink to ``elsewhere``,
    a file it wants written over (which is made here, holding :data:`ELSEWHERE`)."""
    elsewhere.write_bytes(ELSEWHERE)
    if planted == "file":
        trap.write_bytes(b"")
        trap.chmod(0o666)
    else:
        trap.symlink_to(elsewhere)


def untouched(trap: Path, planted: str, elsewhere: Path, written: Path) -> None:
    """Nothing went through the planted name, which is left as it was, and ``written`` is a file of the writer's
    own."""
    assert elsewhere.read_bytes() == ELSEWHERE  # nothing written through a symlink
    assert trap.is_symlink() == (planted == "symlink")  # the planted name is left as it was: not ours
    assert planted == "symlink" or trap.read_bytes() == b""
    assert not written.is_symlink() and written.stat().st_ino != trap.lstat().st_ino  # a file of our own
