"""What the system said when a file could not be read or written, in the language of the moment.

The system words its refusals in English ("Permission denied"); a room that
reads Russian or Ukrainian read them in English in the middle of its own
language (found from outside). The usual ones are translated here; any other
is shown as the system said it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..lang import Domain

_, ngettext, N_ = Domain("content").words()

#: the system's words (glibc's, as Python gives them in ``strerror``) that a room meets with its files
_KNOWN = frozenset({
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("Read-only file system"),
    N_("No space left on device"),
    N_("Disk quota exceeded"),
    N_("No such file or directory"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File name too long"),
    N_("Input/output error"),
    N_("File exists"),
    N_("Too many open files"),
    N_("Address already in use"),
    N_("Cannot assign requested address"),
})


def system_words(exc: OSError) -> str:
    """Why the system refused, as a screen shows it: its words translated when known, else as it said them."""
    said = exc.strerror
    if not said:
        return str(exc)
    return _(said) if said in _KNOWN else said


def in_the_way(path: Path) -> str | None:
    """What stands where a folder is wanted, in words; None: a folder, or nothing at all."""
    if path.is_symlink() and not path.is_dir():
        if path.exists():  # (found from outside: a link to /dev/zero or a FIFO was said to lead to nothing)
            return _("it is a link to something that is not a folder (a file, a pipe or a device)")
        return _("it is a link that leads to no folder (what it names is missing, or the links go round in a loop)")
    if path.exists() and not path.is_dir():
        return _("it is not a folder (a file, a pipe or a device has that name)")
    return None


def folder_words(exc: OSError) -> str:
    """:func:`system_words`, where a folder was to be made: "File exists" said what is in its way (found from
    outside: ``--save-dir`` a save, a FIFO or /dev/null, ``--out`` a loop of links, ``-o`` into a link to nothing
    were all "File exists")."""
    if isinstance(exc, FileExistsError) and exc.filename is not None:
        said = in_the_way(Path(os.fsdecode(exc.filename)))
        if said is not None:
            return said
    return system_words(exc)


__all__ = ["folder_words", "in_the_way", "system_words"]
