"""Putting save files on disk whole: a hidden temp file, then a hard link into place.

A save only ever appears under its name complete (its header at least, a
simulated game's every event), and a name is taken atomically: ``link``
refuses a name that exists, so two processes choosing names in one folder at
once can never take the same one or overwrite each other.
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

from ..content.drafts import temp_beside, write_all
from ..lang import Domain

_, ngettext, N_ = Domain("store").words()

#: a live game's save: its owner's alone, as the join codes beside it are (``SAVE.codes``). It holds every sealed
#: move in clear from the moment it is made, long before its reveal (found from outside: saves were 0644, readable
#: by every account on the host's machine, while the codes were 0600)
SAVE_MODE = 0o600
#: how many ``-2``, ``-3``... names to try before giving up on a folder
_MAX_NAMES = 100_000


__all__ = ["SAVE_MODE", "codes_path", "discard", "fsync_dir", "link_new", "numbered", "process_alive",
           "remove_stale_temps", "temp_beside", "write_all"]  # these two live in content.drafts, below every writer of files

#: a temp file :func:`temp_beside` makes: ``.NAME.PID.HEX.tmp``
_TEMP = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$")


def codes_path(save: Path) -> Path:
    """Where a save's join codes are kept (:mod:`tabletop.seats.joincodes`): beside it, ``SAVE.codes``."""
    return save.with_name(save.name + ".codes")


def remove_stale_temps(folder: Path) -> int:
    """Remove the temp files :func:`temp_beside` left in ``folder`` by processes that are gone (killed while they
    wrote: found from outside, ``simulate --save-dir`` killed with -9 left hidden drafts no run ever removed). A
    file of a process still running is kept, as is anything else. Returns how many were removed; best effort."""
    removed = 0
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(".")]
    except OSError:
        return 0
    for name in names:
        found = _TEMP.match(name)
        if found is None or process_alive(int(found.group(1))):
            continue
        try:
            (folder / name).unlink()
            removed += 1
        except OSError:
            pass
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process of this id is there (another user's counts; an id no process can have counts too, so
    nothing is taken for a dead process's by mistake)."""
    if pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # there, but someone else's (or an id out of range: not said to be gone)
        return True
    return True


def fsync_dir(folder: Path) -> None:
    """Make a new name in ``folder`` durable (best effort: not every file system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def numbered(path: Path, n: int) -> Path:
    """``path`` itself for 1, else ``NAME-n.jsonl`` beside it."""
    if n == 1:
        return path
    stem = path.name.removesuffix(".jsonl")
    return path.with_name(f"{stem}-{n}.jsonl")


def link_new(src: Path, wanted: Path, exact: bool = False) -> Path:
    """Give the file ``src`` the name ``wanted``, or the first free ``wanted-2``, ``-3``...

    With ``exact`` only ``wanted`` itself will do (``FileExistsError`` if taken).
    """
    for n in range(1, _MAX_NAMES):
        target = numbered(wanted, n)
        try:
            os.link(src, target)
        except FileExistsError:
            if exact:
                raise FileExistsError(errno.EEXIST, _("a save is never overwritten"), str(wanted)) from None
            continue
        return target
    raise FileExistsError(errno.EEXIST, _("no free name left for the save"), str(wanted))


def discard(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
