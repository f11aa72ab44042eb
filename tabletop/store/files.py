"""Putting save files on disk whole: a hidden temp file, then a hard link into place.

A save only ever appears under its name complete (its header at least, a
simulated game's every event), and a name is taken atomically: ``link``
refuses a name that exists, so two processes choosing names in one folder at
once can never take the same one or overwrite each other.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from ..lang import Domain

_, ngettext, N_ = Domain("store").words()

#: how many ``-2``, ``-3``... names to try before giving up on a folder
_MAX_NAMES = 100_000


def temp_beside(path: Path, mode: int = 0o666) -> tuple[Path, int]:
    """A new hidden temp file in ``path``'s folder, open for appending: its path and descriptor."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    # the umask applies to the mode, as for any file the user makes
    # read and write: a save whose name lost its file is copied from its own descriptor (SaveWriter)
    fd = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_RDWR | os.O_APPEND | os.O_CLOEXEC, mode)
    return tmp, fd


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` with unbuffered writes: nothing is left in a buffer to go out later."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a regular file writes something or raises
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


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
