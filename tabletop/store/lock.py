"""One writer per save: an exclusive lock held while a SaveWriter has the save open.

The lock is ``flock`` on the save file itself, so it ends with the process
that holds it: a crash or a kill -9 leaves no stale lock behind. Who holds it
is written to a small hidden file beside the save, ``.NAME.lock`` (pid, host,
when it was opened, the command), read only to name the other tabletop when a
second one is refused. It is not written on a disk nearly full (the game's
events need the space more), and a note an earlier holder left there is then
removed. Where that file is missing or stale (a read-only folder, a full disk,
a holder killed before it could write it), Linux's /proc/locks still gives the
holder's pid.

Readers (verify, replay, report) take no lock: they read a save while it is
appended to (see :func:`.reading.open_save`).

A sweep holds its folder the same way (:func:`.sweepchunks.hold`): the lock on
the folder, the note beside its plan.
"""

from __future__ import annotations

import datetime as _dt
import errno
import fcntl
import json
import os
import re
import socket
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from ..content.files import missing, not_regular
from . import files
from ..lang import Domain
from .errors import SaveError, refused_kind

_, ngettext, N_ = Domain("store").words()

_INFO_LIMIT = 4096
#: the free space a save's folder keeps for its game before a holder's note is written there (many events' lines)
_NOTE_ROOM = 64 * 1024
_HOST = re.compile(r"[A-Za-z0-9._-]{1,253}")
_STARTED = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")  # untranslated: a pattern


class SaveBusy(SaveError):
    """The save is open in another tabletop, which alone may write it."""

    def __init__(self, path: str | Path, message: str):
        super().__init__(path, message, kind=N_("busy"))

    def __str__(self) -> str:
        return self.message


def info_path(save: Path) -> Path:
    """The hidden file beside ``save`` that names the tabletop writing it."""
    return save.with_name(f".{save.name}.lock")


class WriterLock:
    """The lock on one save, held through its open file descriptor."""

    def __init__(self, save: Path):
        self.save = save  # the real file (symlinks resolved)
        self._announced = False

    def announce(self) -> None:
        """Write who holds the lock beside the save (best effort: the flock is what counts)."""
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),  # untranslated: a machine-read time
            "command": " ".join(["tabletop", *sys.argv[1:]])[:400],
        }
        target = info_path(self.save)
        if _room_for_note(target.parent):
            tmp = None
            try:
                # a new, unguessable name made here (found from outside: a symlink planted at the old fixed name, in a
                # folder others could write, had another save written over with this note)
                tmp, fd = files.temp_beside(target)
                try:
                    files.write_all(fd, (json.dumps(info) + "\n").encode("utf-8"))
                finally:
                    os.close(fd)
                os.replace(tmp, target)  # whole or not at all: a refused tabletop may read it any time
                self._announced = True
                return
            except OSError:
                if tmp is not None:
                    try:
                        tmp.unlink()
                    except OSError:
                        pass
        # no note of ours: one at the name is an earlier holder's (killed while it played), since this tabletop holds
        # the lock now; left, it would name a tabletop gone and outlive this one's quit, which removes only a note it
        # wrote (found from outside: .bots.jsonl.lock left after ctrl+q of a game on a full tmpfs)
        try:
            target.unlink()
        except OSError:
            pass

    def release(self) -> None:
        """Remove the holder's note; the caller then closes the descriptor, which drops the flock.

        The note goes first, while the lock is still held, so it can never
        remove the note of the next tabletop to open the save.
        """
        if self._announced:
            self._announced = False
            try:
                info_path(self.save).unlink()
            except OSError:
                pass


def _room_for_note(folder: Path) -> bool:
    """Whether the save's folder has room to spare for the note: the game's next events need the space more (found
    from outside: on a nearly full tmpfs the note took the last free page, and the next event was refused)."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return True  # not known: the note is tried, and a refusal is taken as none
    return found.f_bavail * found.f_frsize >= _NOTE_ROOM


def take(fd: int, save: Path, shown: str | Path | None = None) -> WriterLock:
    """Lock the open save ``fd`` (the file at ``save``) for writing, or raise :class:`SaveBusy`.

    ``shown`` is the path as the user gave it, for the message.
    """
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise SaveBusy(shown or save, busy_message(shown or save, save, os.fstat(fd))) from None
        from ..content.oswords import system_words  # an error path: not on the start path
        raise SaveError(shown or save, _("cannot lock the save for writing: {error}").format(error=system_words(exc)),
                        kind=refused_kind(exc)) from None
    return WriterLock(save)


def born_locked(wanted: Path, fill: Callable[[int], object], *, exact: bool = False) -> tuple[Path, int, WriterLock]:
    """A new save at ``wanted`` (or the first free ``wanted-2``... unless ``exact``), never seen unlocked nor
    half-written: a temp file beside it is locked, filled by ``fill(fd)`` and fsynced, then linked into place,
    readable by its owner only (:data:`.files.SAVE_MODE`).
    Its name, descriptor (kept open: the lock lives on it) and lock, not yet announced. Raises OSError."""
    tmp, fd = files.temp_beside(wanted, files.SAVE_MODE)
    try:
        lock = take(fd, Path(os.path.realpath(wanted)), wanted)
        fill(fd)
        os.fsync(fd)
        named = files.link_new(tmp, wanted, exact=exact)
    except BaseException:
        os.close(fd)
        raise
    finally:
        files.discard(tmp)
    files.fsync_dir(named.parent)
    lock.save = Path(os.path.realpath(named))
    return named, fd, lock


def busy_message(shown: str | Path, save: Path, st: os.stat_result) -> str:
    """``saves/x.jsonl is open in another tabletop (pid 1234, started …); close it there first``."""
    who = holder(save, st)
    if who:
        return _("{path} is open in another tabletop ({who}); close it there first").format(path=shown, who=who)
    return _("{path} is open in another tabletop; close it there first").format(path=shown)


def holder(save: Path, st: os.stat_result) -> str | None:
    """Who holds the lock taken for ``save`` on the file whose stat is ``st``: ``pid 1234, started …`` as the note
    beside ``save`` says (a note of a tabletop no longer running is none), else the pid /proc/locks gives; None where
    neither says."""
    return _from_note(save) or _from_proc_locks(st)


def held_elsewhere(fd: int) -> bool:
    """Whether another open file holds the lock on the file ``fd`` is open on, now: a reader's look (a shared lock
    tried and dropped at once, never waited for), as ``sweep report`` looks at a sweep's folder."""
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError as exc:
        return exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
    fcntl.flock(fd, fcntl.LOCK_UN)
    return False


def _from_note(save: Path) -> str | None:
    try:
        with open(info_path(save), "rb") as handle:
            info = json.loads(handle.read(_INFO_LIMIT))
    except (OSError, ValueError):
        return None
    if not isinstance(info, dict):
        return None
    pid, host, started = info.get("pid"), info.get("host"), info.get("started")
    if type(pid) is not int or pid <= 0:
        return None
    here = socket.gethostname()
    if host == here or host is None:
        if not files.process_alive(pid):
            return None  # a note left by a tabletop that was killed: not the one holding the lock
    if isinstance(host, str) and host != here and _HOST.fullmatch(host):
        words = _("pid {pid} on {host}").format(pid=pid, host=host)
    else:
        words = _("pid {pid}").format(pid=pid)
    if isinstance(started, str) and _STARTED.fullmatch(started):
        words = _("{who}, started {started}").format(who=words, started=started)
    # found from outside: two workshops on one machine, each with a saves/workshop.jsonl, told apart only by the
    # command (its --listen, its --save); a line break or a control character is shown as the terminal shows none
    command = info.get("command")
    if isinstance(command, str) and command.strip():
        words = _("{who}, running {command}").format(who=words, command=" ".join(command.split())[:400])
    return words


def in_use_by(path: str | Path) -> str | None:
    """Who holds the lock on the save at ``path`` ("pid 1234, started …, running …"), seen in the kernel's table of
    locks without taking it (a lock taken to look would refuse a tabletop opening the save that moment); None when
    none is seen (a save nobody has open, or a system without that table)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if _from_proc_locks(st) is None:
        return None
    return holder(Path(os.path.realpath(path)), st)


def in_use_message(shown: str | Path, who: str) -> str:
    """A new save's name that a save in use holds: said as in use (found from outside: "use --resume", followed,
    gave "is open in another tabletop": a step for nothing)."""
    return _("{path} is in use right now by another tabletop ({who}); a save is never overwritten: give --save the "
             "name of a new file").format(path=shown, who=who)


def _from_proc_locks(st: os.stat_result) -> str | None:
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            table = handle.read(1 << 20)
    except OSError:
        return None
    device = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    for row in table.splitlines():
        # "1: FLOCK  ADVISORY  WRITE 12345 fe:00:2146465 0 EOF"; a waiter's row has "->"
        parts = row.split()
        if len(parts) >= 6 and parts[1] == "FLOCK" and parts[5] == device and parts[4].isdigit():
            return _("pid {pid}").format(pid=parts[4])
    return None


def open_to_write(path: str | Path) -> tuple[Path, int, WriterLock]:
    """Open an existing save for appending and lock it: its real path, descriptor and lock.

    A symlink is followed to the file it names, which is the file locked and
    written (the link stays a link). Raises SaveError (SaveBusy when another
    tabletop has it open) with a message for the facilitator.
    """
    real = Path(os.path.realpath(path))
    for _attempt in range(3):
        try:
            # O_NONBLOCK: a FIFO with no reader is refused at once instead of waiting forever
            fd = os.open(real, os.O_RDWR | os.O_APPEND | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            raise SaveError(path, missing(Path(path), _("no such file")), kind=N_("missing")) from None
        except IsADirectoryError:
            raise SaveError(path, _("is a directory, not a save file"), kind=N_("not a save")) from None
        except OSError as exc:
            if exc.errno == errno.ENXIO:  # a FIFO with no reader
                raise SaveError(path, _not_regular(real), kind=N_("not a save")) from None
            if exc.errno == errno.ELOOP:  # found from outside: links in a loop were told to try replay instead
                raise SaveError(path, missing(Path(path), _("no such file")), kind=N_("missing")) from None
            from ..content.oswords import system_words  # an error path: not on the start path
            raise SaveError(path, _("cannot open the save for writing: {error}").format(error=system_words(exc)),
                            kind=refused_kind(exc)) from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise SaveError(path, _not_regular(real, st.st_mode), kind=N_("not a save"))
            lock = take(fd, real, path)
            try:
                now = os.stat(real)
            except OSError:
                now = None
        except BaseException:
            os.close(fd)
            raise
        if now is not None and (now.st_dev, now.st_ino) == (st.st_dev, st.st_ino):
            return real, fd, lock
        # the name was given to another file between the open and the lock: lock that one
        os.close(fd)
    raise SaveError(path, _("the save keeps being replaced by another program"), kind=N_("busy"))


def refuse_missing(path: str | Path) -> None:
    """Raise the SaveError :func:`open_to_write` would for a missing save or a folder, opening nothing.

    For a command that first needs something else (a terminal): a save that is not there is named before it.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise SaveError(path, missing(Path(path), _("no such file")), kind=N_("missing")) from None
    except OSError:
        return  # opening it says why, in full
    if stat.S_ISDIR(mode):
        raise SaveError(path, _("is a directory, not a save file"), kind=N_("not a save"))


def _not_regular(path: Path, mode: int | None = None) -> str:
    """Why a FIFO or a device is no save, as ``verify`` says it (:func:`~tabletop.content.files.open_regular`)."""
    if mode is None:
        try:
            mode = os.stat(path).st_mode
        except OSError:
            return _("is not a regular file")
    return not_regular(mode)
