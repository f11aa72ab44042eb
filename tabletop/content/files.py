"""Opening a file for reading only when it is a plain file of a sane size.

A FIFO, ``/dev/zero``, a socket or a directory given where a scenario or a
save belongs must be refused before anything is read: a FIFO blocks the
reader forever, ``/dev/zero`` never ends. Every reader of TOML and of saves
opens its file here. Nested data is bounded too: tomllib, the line finder and
the validator all recurse, once per level.
"""

from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path
from ..lang import Domain, decimal
from typing import IO, Any

_, ngettext, N_ = Domain("content").words()

#: content files (a ruleset, a deck) are at most this large
MAX_CONTENT_BYTES = 5 * 1024 * 1024
#: tables and arrays inside each other; real content uses six at most
MAX_DEPTH = 32


class FileRefused(Exception):
    """A path that is not a readable regular file of a sane size; ``message`` says why, in plain words."""

    def __init__(self, path: str | Path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")  # untranslated: the message is translated; this joins it to the path


def _megabytes(n: int) -> str:
    mb = round(n / 1024 / 1024, 1)
    return _("{n} MB").format(n=decimal(mb, 0 if mb.is_integer() else 1))


def _sizes(size: int, limit: int) -> dict[str, str]:
    """A size and its limit in MB, or in bytes where MB would read the same ("5 MB; at most 5 MB")."""
    if _megabytes(size) != _megabytes(limit):
        return {"size": _megabytes(size), "limit": _megabytes(limit)}
    return {"size": ngettext("{n} byte", "{n} bytes", size).format(n=size),
            "limit": ngettext("{n} byte", "{n} bytes", limit).format(n=limit)}


def open_regular(path: str | Path, limit: int | None = None) -> IO[bytes]:
    """``path`` opened for reading in binary, if it is a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO would wait for a writer) and
    checked on the open descriptor, so nothing can swap it in between.
    Raises :class:`FileRefused` with a message for a person otherwise.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileRefused(path, missing(path, _("no such file"))) from None
    except IsADirectoryError:
        raise FileRefused(path, _("is a directory, not a file")) from None
    except OSError as exc:
        from .oswords import system_words  # an error path: not on the start path
        raise FileRefused(path, _("cannot read: {reason}").format(reason=system_words(exc))) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FileRefused(path, _("is a directory, not a file"))
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(path, not_regular(info.st_mode))
        if limit is not None and info.st_size > limit:
            raise FileRefused(path, _("file is too large ({size}; at most {limit})").format(
                **_sizes(info.st_size, limit)))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str | Path, limit: int) -> bytes:
    """The whole of a regular file of at most ``limit`` bytes (see :func:`open_regular`)."""
    with open_regular(path, limit) as handle:
        try:
            # ask for what the file holds, not the limit: a read of n bytes sets aside n bytes first
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(min(size, limit) + 1)
            if len(raw) > size:  # it grew after the stat: read on, up to the limit
                raw += handle.read(limit + 1 - len(raw))
        except OSError as exc:
            from .oswords import system_words  # an error path: not on the start path
            raise FileRefused(path, _("cannot read: {reason}").format(reason=system_words(exc))) from None
    if len(raw) > limit:  # it grew after the check
        raise FileRefused(path, _("file is too large (more than {limit})").format(limit=_megabytes(limit)))
    return raw


#: how a save's header line begins: its keys are sorted, and the version of tabletop that wrote it comes first
HEADER_START = b'{"app_version":"'


def save_header_like(first: bytes) -> bool:
    """Whether ``first`` (a file's first line) reads as a save's header does: a JSON object with a format and a
    chain, or one that begins as tabletop writes a header (a header cut off as the game was created has no chain).
    A quick look, for saying what a file is; reading a save checks its header whole."""
    first = first.lstrip()
    return first.startswith(HEADER_START) or (first.startswith(b"{") and b'"format"' in first and b'"chain"' in first)


def real_path(path: str | Path) -> Path:
    """``path`` with its links followed; a link that goes round in a loop as it is written (reading it says so:
    found from outside, ``validate`` of a folder holding one was a traceback, "RuntimeError: Symlink loop")."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):
        return Path(path).absolute()


def missing(path: str | Path, words: str) -> str:
    """Why ``path`` is not there: ``words`` ("no such file"), or, for a symbolic link, that it leads to no file.

    Found from outside: a link that names itself, or names a file gone, was "no such file": the file is right there
    in a listing."""
    if Path(path).is_symlink():
        return _("a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)")
    return words


def not_regular(mode: int) -> str:
    """Why a FIFO, a device or a socket is refused where a file is wanted, in a user's words."""
    return _("is not a regular file ({kind}); give a file").format(kind=_kind(mode))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return _("not a plain file")


def too_deep(data: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether tables and arrays in ``data`` nest more than ``limit`` deep (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, (list, tuple)):
            children = node
        else:
            continue
        if depth >= limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


#: the most digits Python reads as a whole number (``sys.get_int_max_str_digits``: 4,300 unless changed); a longer
#: number in a file raised a ValueError from deep in the JSON or TOML parser, a traceback in front of the user
DIGIT_LIMIT = sys.get_int_max_str_digits() or 4300
_LONG_NUMBER = re.compile(r"[0-9](?:_?[0-9]){%d,}" % DIGIT_LIMIT)


def read_json(text: str | bytes) -> Any:
    """``json.loads``, with a number past the digit limit a :class:`json.JSONDecodeError`, as any line that is not
    JSON (found from outside: a save line whose seq had 5,001 digits was a traceback in verify, report, resume and
    replay; it is a damaged line)."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError:  # int(): "Exceeds the limit (4300 digits) for integer string conversion"
        doc = text if isinstance(text, str) else text.decode("utf-8", "replace")
        found = _LONG_NUMBER.search(doc)
        at = found.start() if found else 0
        # untranslated: the parser's kind of message, as json gives its own
        raise json.JSONDecodeError(f"a number of more than {DIGIT_LIMIT} digits", doc, at) from None


_TABLE = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def long_number(text: str) -> tuple[int, str, int] | None:
    """The first whole number of a TOML ``text`` past the digit limit: its line, the key it is given to
    (``ruleset.turns``, ``tracks[2].start_tension``: the table it is in, and the words before ``=`` on its line),
    and its digits; None if there is none."""
    found = _LONG_NUMBER.search(text)
    if found is None:
        return None
    start = text.rfind("\n", 0, found.start()) + 1
    line = text[start:found.start()]
    key = line.split("=", 1)[0].strip() if "=" in line else ""
    table = ""
    above = text[:start].splitlines()
    for i in range(len(above) - 1, -1, -1):
        header = _TABLE.match(above[i])
        if header is not None:
            table = header.group(2)
            if header.group(1) == "[[":  # an array of tables: which one, counted from the top
                same = [a for a in above[:i + 1] if (h := _TABLE.match(a)) and h.groups() == ("[[", table)]
                table += f"[{len(same) - 1}]"
            break
    path = ".".join(p for p in (table, key) if p)
    return text.count("\n", 0, found.start()) + 1, path, sum(c.isdigit() for c in found.group())


__all__ = ["DIGIT_LIMIT", "MAX_CONTENT_BYTES", "MAX_DEPTH", "FileRefused", "long_number", "not_regular",
           "open_regular", "read_json", "read_regular", "too_deep"]
