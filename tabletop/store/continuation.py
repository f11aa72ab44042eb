"""Where a damaged save's game went on, and which damaged save a recovered copy goes on from.

``tabletop resume`` leaves a damaged save as it is and plays on in a copy
beside it, ``NAME-recovered.jsonl`` (``-recovered-2``, ``-3``... when taken),
that starts with the damaged save's intact lines, byte for byte (in the
current format: a save of an older format, damaged or not, goes on in such a
copy too, its chain recomputed from a header that says so). Found from
outside: ``verify`` and the report of the damaged save did not name the copy
where the game went on, and the copy's report did not say it was one; a
debrief read either as the whole game. Both are found here by their bytes,
never by their names alone. Read only: nothing is locked or written.

A live game's writer whose save was written over (an older copy put back by a
sync client or a backup) or moved during play writes the whole game again at
the first free ``NAME-2.jsonl`` (``-3``...) beside it and goes on there
(:meth:`.savefile.SaveWriter._write_again`); the file left at the name is an
intact, shorter game. :func:`written_again_in` finds where it went on.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import BinaryIO

from . import files
from .lines import in_current_format

#: the most copies of one save looked for (as ``resume`` makes them)
_MAX_COPIES = 99
_COPY_NAME = re.compile(r"^(?P<stem>.+)-recovered(?:-(?P<n>[0-9]+))?\.jsonl$")


def copy_name(real: Path, n: int) -> Path:
    """The ``n``-th name of a recovered copy of the save ``real`` (1: ``NAME-recovered.jsonl``)."""
    return files.numbered(real.with_name(real.name.removesuffix(".jsonl") + "-recovered.jsonl"), n)


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` open for reading if it is a regular file (a FIFO is refused unopened, never waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return os.fdopen(fd, "rb")


def _head(path: Path, lines: int) -> bytes | None:
    """The first ``lines`` lines of a regular file, each with its newline (None: not there, or fewer)."""
    handle = _open_regular(path)
    if handle is None:
        return None
    with handle:
        out = [handle.readline() for _ in range(lines)]
    return b"".join(out) if all(line.endswith(b"\n") for line in out) else None


def copy_holding(real: Path, prefix: bytes) -> Path | None:
    """The recovered copy beside the save ``real`` that starts with ``prefix`` (its intact lines): where ``resume``
    went on with its game (None: none). One name gone (a copy moved away) does not end the search: found from
    outside, a stranger moved away from ``-recovered`` had left ``-recovered-2`` unfound, and the game forked."""
    for n in range(1, _MAX_COPIES + 1):
        handle = _open_regular(copy_name(real, n))
        if handle is None:
            continue
        with handle:
            if handle.read(len(prefix)) == prefix:
                return copy_name(real, n)
    return None


def written_again_in(path: str | Path, events: int) -> Path | None:
    """The ``NAME-2.jsonl`` (``-3``...) beside the save ``path`` that starts with its header and first ``events``
    events, byte for byte, and holds more: where a live game's writer went on when the file at its name was written
    over (None: none). Named as the writer names it (:func:`.files.numbered`, as :func:`.files.link_new` takes the
    first free name); found from outside: ``verify`` of the older copy said "intact" and no more, and a debrief
    team that knew only the first name took a short game for the whole."""
    real = _real(path)
    kept = _head(real, events + 1)
    if kept is None:
        return None
    for n in range(2, _MAX_COPIES + 1):  # a name gone or taken by another file does not end the search
        handle = _open_regular(files.numbered(real, n))
        if handle is None:
            continue
        with handle:
            start = handle.read(len(kept) + 1)
        if len(start) > len(kept) and start.startswith(kept):
            return files.numbered(real, n)
    return None


def _real(path: str | Path) -> Path:
    """``path`` with its links followed; links that go round in a loop are kept as named, and opening them finds
    nothing (Path.resolve raises RuntimeError on a loop: found from outside, a traceback in place of a report)."""
    return Path(os.path.realpath(path))


def continued_in(path: str | Path, events: int) -> Path | None:
    """The recovered copy beside the save ``path`` that holds its header and first ``events`` events, byte for
    byte or in the current format (None: none)."""
    real = _real(path)
    kept = _head(real, events + 1)
    if kept is None:
        return None
    # byte for byte, or in the current format, as resume now copies a save of an older format (and a damaged one)
    return copy_holding(real, kept) or copy_holding(real, in_current_format(kept))


def continues(path: str | Path) -> tuple[Path, int] | None:
    """For a recovered copy: the damaged save it goes on from, and how many of that save's events it starts
    with (None: the file is not named as a copy, or no save beside it starts as it does)."""
    real = _real(path)
    named = _COPY_NAME.match(real.name)
    if named is None:
        return None
    original = real.with_name(named["stem"] + ".jsonl")
    copy, before = _open_regular(real), _open_regular(original)
    if copy is None or before is None:
        for handle in (copy, before):
            if handle is not None:
                handle.close()
        return None
    with copy, before:
        lines = 0
        while True:
            mine, theirs = copy.readline(), before.readline()
            if not mine.endswith(b"\n") or mine != theirs:
                break
            lines += 1
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


def lines_left_out(path: str | Path, kept: int) -> int:
    """How many lines of a damaged save are not in what its first ``kept`` (intact) events give: the damaged line
    and every line after it (0 if the file cannot be read).

    The one count of them: resume's note in a recovered copy and the report's warning both say it (found from
    outside: the report counted the lines after the damaged one, resume those from it on, one more)."""
    return lines_after(path, kept + 1)  # the header and the events kept: the first kept + 1 lines


__all__ = ["continued_in", "continues", "copy_holding", "copy_name", "lines_after", "lines_left_out", "written_again_in"]
