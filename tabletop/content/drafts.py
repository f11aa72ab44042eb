"""Writing a file whole through a draft beside it, under a new and unguessable name.

A file is written to a hidden draft in its own folder, then renamed over its
name: a reader sees the old file or the whole new one. The draft's name is
new, random and made here (``O_CREAT|O_EXCL|O_NOFOLLOW``) or refused, so a
file or a symlink that another account planted in a folder it can write is
never opened: a fixed name such as ``.NAME.PID.tmp`` can be guessed, and was
(found from outside: a symlink there had another save written over).

Here, below every writer of files (content's caches, the save log, a sweep's
folder, the join codes), so that all of them make their drafts one way.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def temp_beside(path: Path, mode: int = 0o666) -> tuple[Path, int]:
    """A new hidden temp file in ``path``'s folder, open for appending: its path and descriptor.

    The name is new and unguessable, and made here or refused (a name someone else planted, a file or a symlink, is
    never opened): a workshop folder may be writable by other accounts."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    # the umask applies to the mode, as for any file the user makes
    # read and write: a save whose name lost its file is copied from its own descriptor (SaveWriter)
    flags = os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_RDWR | os.O_APPEND | os.O_CLOEXEC
    fd = os.open(tmp, flags, mode)
    return tmp, fd


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` with unbuffered writes: nothing is left in a buffer to go out later."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a regular file writes something or raises
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[written:]


@contextmanager
def draft(path: Path, mode: int = 0o666, sync: bool = False) -> Iterator[BinaryIO]:
    """A new draft beside ``path`` to write into; renamed over ``path`` when the block ends, removed if it fails.

    With ``sync`` the draft is on disk before it takes the name (a file that must survive a power cut whole)."""
    tmp, fd = temp_beside(path, mode)
    try:
        with open(fd, "wb", closefd=True) as sink:
            yield sink
            sink.flush()
            if sync:
                os.fsync(sink.fileno())
        os.replace(tmp, path)
    except BaseException:
        # a full disk, a stop, a refused rename: the draft goes, and the failure goes on to the caller
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_whole(path: Path, data: bytes, mode: int = 0o666, sync: bool = False) -> None:
    """Put ``data`` at ``path`` whole or not at all, through a new draft (see :func:`draft`)."""
    with draft(path, mode, sync) as sink:
        sink.write(data)
