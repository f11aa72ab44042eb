"""Where a damaged save's game went on, and which damaged save a recovered copy goes on from.

``tabletop resume`` leaves a damaged save as it is and plays on in a copy
beside it, ``NAME-recovered.jsonl`` (``-recovered-2``, ``-3``... when taken),
that starts with the damaged save's intact lines, byte for byte. Found from
outside: ``verify`` and the report of the damaged save did not name the copy
where the game went on, and the copy's report did not say it was one; a
debrief read either as the whole game. Both are found here by their bytes,
never by their names alone. Read only: nothing is locked or written.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from . import files

#: the most copies of one save looked for (as ``resume`` makes them)
_MAX_COPIES = 99
_COPY_NAME = re.compile(r"^(?P<stem>.+)-recovered(?:-(?P<n>[0-9]+))?\.jsonl$")


def copy_name(real: Path, n: int) -> Path:
    """The ``n``-th name of a recovered copy of the save ``real`` (1: ``NAME-recovered.jsonl``)."""
    return files.numbered(real.with_name(real.name.removesuffix(".jsonl") + "-recovered.jsonl"), n)


def _head(path: Path, lines: int) -> bytes | None:
    """The first ``lines`` lines of a regular file, each with its newline (None: not there, or fewer)."""
    try:
        with open(path, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            out = []
            for _ in range(lines):
                line = handle.readline()
                if not line.endswith(b"\n"):
                    return None
                out.append(line)
    except OSError:
        return None
    return b"".join(out)


def continued_in(path: str | Path, events: int) -> Path | None:
    """The recovered copy beside the save ``path`` that holds its header and first ``events`` events, byte for
    byte: where ``resume`` went on with its game (None: none)."""
    real = Path(path).resolve()
    kept = _head(real, events + 1)
    if kept is None:
        return None
    for n in range(1, _MAX_COPIES + 1):
        candidate = copy_name(real, n)
        if not candidate.exists():  # one name gone (a copy moved away) does not end the search: found from outside
            continue
        if _head(candidate, events + 1) == kept:
            return candidate
    return None


def continues(path: str | Path) -> tuple[Path, int] | None:
    """For a recovered copy: the damaged save it goes on from, and how many of that save's events it starts
    with (None: the file is not named as a copy, or no save beside it starts as it does)."""
    real = Path(path).resolve()
    named = _COPY_NAME.match(real.name)
    if named is None:
        return None
    original = real.with_name(named["stem"] + ".jsonl")
    try:
        with open(real, "rb") as copy, open(original, "rb") as before:
            if not (stat.S_ISREG(os.fstat(copy.fileno()).st_mode) and stat.S_ISREG(os.fstat(before.fileno()).st_mode)):
                return None
            lines = 0
            while True:
                mine, theirs = copy.readline(), before.readline()
                if not mine.endswith(b"\n") or mine != theirs:
                    break
                lines += 1
    except OSError:
        return None
    if lines == 0:  # not even the header: another game
        return None
    return original, lines - 1


def lines_after(path: str | Path, line: int) -> int:
    """How many lines the file has after line ``line`` (0 if it cannot be read): what the intact part leaves out."""
    total, last = 0, b"\n"
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                total += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 0
    return max(0, total + (last != b"\n") - line)


__all__ = ["continued_in", "continues", "copy_name", "lines_after"]
