"""What can go wrong with a save, as exceptions whose message a facilitator can read."""

from __future__ import annotations

import errno
from pathlib import Path

from ..lang import Domain

_, ngettext, N_ = Domain("store").words()


class SaveError(Exception):
    """A file that cannot be read as a save at all (not a save, unknown version...)."""

    def __init__(self, path: str | Path, message: str, seq: int | None = None, kind: str = N_("not a save")):
        self.path = str(path)
        self.message = message
        self.seq = seq
        self.kind = kind
        super().__init__(f"{path}: {message}")


def maybe_newer(message: str, unknown_key: bool) -> str:
    """``message``, of damage whose problem is a key this tabletop does not know (``unknown_key``), with the likely
    cause: a newer tabletop wrote it (found from outside: an older tabletop called a newer save "damaged" and no more).
    It may still be damage, and is called so."""
    if not unknown_key:
        return message
    return _("{message}; it may have been written by a newer tabletop: if so, install a newer tabletop to read it").format(
        message=message)


def damage_words(kind: str) -> str:
    """A kind of damage (its English id: ``changed line``, ``torn tail``...) in the language of the moment."""
    return _(kind)


class SaveWriteError(OSError):
    """An event could not be written to the save (a full disk, a lost USB stick...).

    ``restored`` says whether the save was put back exactly as it was before
    the attempt (the usual case); ``strerror`` is the system's reason and
    ``filename`` the save.
    """

    restored: bool = True
    #: the save's name had lost its file (deleted, its folder removed) and no folder would take it again: the
    #: game so far is only in the file still open here
    gone: bool = False


def disk_advice(code: int | None, folder: Path) -> str:
    """What to do about a disk that refused a write: ``Free some space in saves``.

    A save named without a folder (``--save g.jsonl``) has the folder ``.``: the working folder is named
    instead (found from outside: "Free some space in ." told a facilitator nothing)."""
    folder = _named(folder)
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("Free some space in {folder}").format(folder=folder)
    if code == errno.EROFS:
        return _("The disk holding {folder} has become read-only: check it").format(folder=folder)
    return _("Check the disk holding {folder}").format(folder=folder)


def _named(folder: Path) -> Path:
    """``folder`` as a person can find it: ``.`` (a save named without a folder) is the working folder."""
    if folder == Path("."):
        try:
            return Path.cwd()
        except OSError:  # the working folder itself was removed: the dot is all there is to say
            pass
    return folder


def refused_kind(exc: OSError) -> str:
    """The kind of a :class:`SaveError` for a write the disk refused: ``full disk`` for want of space (a quota
    included), where freeing space is the way on; else ``unwritable``, where another folder is."""
    return N_("full disk") if exc.errno in (errno.ENOSPC, errno.EDQUOT) else N_("unwritable")


def space_advice(save: str | Path) -> str:
    """What to do when the disk holding ``save`` had no room for what a resume writes beside it (a ``full disk``
    :class:`SaveError`): resume, host --resume alike. Found from outside (helper-366): a full disk was told to copy the
    save to a folder one can write to, though the folder took writes and the disk only needed room."""
    return _("The disk has no room for it: free some space in {folder}, then resume again.").format(
        folder=_named(Path(save).parent))
