"""Disks that fail on purpose: injected write and fsync errors, and a real small file system.

The injected faults hit only descriptors of the save under test (the same
file: device and inode), so everything else in the process writes as usual.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest



def enospc() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _is(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


class DiskFault:
    """Make ``os.write`` and/or ``os.fsync`` fail on one file, as a full disk would.

    ``partial``: the first failing write still writes that many bytes (a
    disk filling up mid-line), as the kernel does before it says ENOSPC.
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch, path: Path, *, write: bool = False, fsync: bool = False,
                 partial: int = 0, error: Callable[[], OSError] = enospc):
        self.path = path
        self.failed = 0
        self._partial = partial
        self._error = error
        self._on = True
        real_write, real_fsync = os.write, os.fsync

        def fake_write(fd: int, data: bytes) -> int:
            if self._on and write and _is(fd, self.path):
                if self._partial:
                    n, self._partial = real_write(fd, bytes(data[: self._partial])), 0
                    return n
                self.failed += 1
                raise self._error()
            return real_write(fd, data)

        def fake_fsync(fd: int) -> None:
            if self._on and fsync and _is(fd, self.path):
                self.failed += 1
                raise self._error()
            real_fsync(fd)

        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "fsync", fake_fsync)

    def heal(self) -> None:
        """Space was freed: writes go through again."""
        self._on = False


@contextmanager
def small_filesystem(folder: Path, size: str = "300k", options: str = "") -> Iterator[Path]:
    """A real tmpfs of ``size`` mounted on ``folder`` (needs root; skips the test where mounting is refused)."""
    folder.mkdir(parents=True, exist_ok=True)
    opts = f"size={size}" + (f",{options}" if options else "")
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(folder)], capture_output=True,
                              text=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot mount a small file system here: {exc}")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small file system here (needs root): {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False, timeout=30)


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the file system holding ``folder`` to the brim (but ``leave`` bytes): returns the filler file."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as handle:
        chunk = b"\0" * 4096
        while True:
            try:
                handle.write(chunk)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
                break
    if leave:
        size = filler.stat().st_size
        os.truncate(filler, max(0, size - leave))
    return filler
