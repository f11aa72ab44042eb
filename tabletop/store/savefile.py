"""The save log: one JSON object per line, each event fsynced as it is played.

Line 1 is the header: format and versions, the seed, and the full ruleset and
deck embedded, so a replay never depends on files that may change. Each
further line is one event: its action (with the recorded outcome of draws and
dice), its result, the state hash after it, and a ``chain`` hash linking it to
the line before. A line is written ``canonical body`` + ``"chain"`` last, so
the chain is checked over the exact bytes written.
"""

from __future__ import annotations

import datetime as _dt
import errno
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .._version import __version__
from ..content import Scenario
from ..engine import Action, State
from ..engine.actions import CHANCE_KINDS, Event
from ..lang import Domain
from . import files
from .errors import SaveError, SaveWriteError
from .lines import FORMAT, MAX_LINE, VERSION, line
from .lock import WriterLock, born_locked, open_to_write
from .sealing import SEALING, SealBook, new_nonce

_, ngettext, N_ = Domain("store").words()


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --------------------------------------------------------------------------
# Writing


def _header(scenario: Scenario, seed: int, extra: dict[str, Any] | None) -> tuple[dict[str, Any], dict[str, bytes]]:
    """The header line's data, and the values given in canonical JSON already (:func:`.lines.canonical_with`)."""
    given = _translations_json(scenario)
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "created": _now(),
        "seed": int(seed),
        "sealing": SEALING,
        "scenario": {
            "ruleset_id": scenario.ruleset.ruleset.id,
            "ruleset_name": scenario.ruleset.ruleset.name,
            "deck_id": scenario.deck.deck.id,
            "deck_name": scenario.deck.deck.name,
            "independence": scenario.ruleset.ruleset.independence,
        },
        **(extra or {}),
        **scenario.embedded(),
        **(_translations(scenario) if given is None else {}),
    }, given or {}


def _translations(scenario: Scenario) -> dict[str, Any]:
    """``{"translations": {lang: tables}}`` for a scenario with overlays, else nothing (the header as it was).

    Embedded so that a save shows its texts in another language as they were
    when it was played, whatever became of the overlay files since.
    """
    from ..content.overlays import header_translations

    found = header_translations(scenario)
    return {"translations": found} if found else {}


def _translations_json(scenario: Scenario) -> dict[str, bytes] | None:
    """The same as canonical JSON bytes, taken from the content caches as they are; None: not cached (read
    and check the overlays: :func:`_translations`)."""
    from ..content.overlaycache import header_json

    found = header_json(scenario)
    if found is None:
        return None
    return {"translations": found} if found else {}


class SaveWriter:
    """Appends events to a save. With ``durable`` each event is fsynced before append returns.

    An append is all or nothing: if the disk refuses it (full, read-only,
    gone), the file is cut back to its length before the attempt and
    :class:`SaveWriteError` is raised; the writer stays usable, so the same
    event can be appended again once the disk is fixed. Writes are unbuffered
    (``os.write`` on the descriptor), so nothing that failed lingers in a
    buffer to be written later.

    A writer of a save that people play (:meth:`create`, :func:`.recovery.resume`)
    holds its lock (:mod:`.lock`) until :meth:`close`: one writer per save.
    """

    def __init__(self, path: Path, fd: int, chain: str, seq: int, durable: bool = True,
                 lock: WriterLock | None = None, draft: Path | None = None, seals: SealBook | None = None):
        self.path = path
        #: the sealed entries so far, for the commitments and reveals (:mod:`.sealing`)
        self.seals = seals if seals is not None else SealBook(False)
        #: where each commitment's nonce comes from (tests give their own)
        self.nonce: Callable[[], str] = new_nonce
        self._fd = fd
        self._chain = chain
        self._seq = seq
        self.durable = durable
        self._lock = lock
        self._draft = draft  # the hidden temp file of a save not yet published (see draft())
        self._good = os.fstat(fd).st_size  # the length of the save as it was after the last good append
        #: a live save's bytes as written here, what :meth:`_write_again` writes: another program that rewrites
        #: the file in place (a backup put back, a sync tool) leaves the open file holding its bytes, not the game's
        #: (found from outside: the next event went after 4,408 NUL bytes, and the room's events were gone)
        self._kept: list[bytes] | None = [os.pread(fd, self._good, 0)] if lock is not None else None
        #: where the save was before its name lost the file (deleted, moved or replaced while the game ran)
        #: and the writer wrote it whole again at :attr:`path`; the screen that tells the room clears it
        self.relinked_from: Path | None = None
        #: why the save is on no disk after :meth:`close` (its name lost the file and it could be written again
        #: nowhere): the quit must say so, not "Saved"
        self.lost: OSError | None = None

    @classmethod
    def create(cls, path: str | Path, scenario: Scenario, seed: int, durable: bool = True,
               extra: dict[str, Any] | None = None, *, exact: bool = True) -> SaveWriter:
        """Start a new save at ``path``, locked for this writer (its :attr:`path` is where it went); never overwrites
        a file. ``exact``: a name the room typed, refused if taken (``FileExistsError``). Else a name tabletop chose
        (:func:`default_save_path`): taken meanwhile, it gives way to the first free ``NAME-2``, ``-3``..., each
        tried by an exclusive link, so two starts in the same second never refuse each other (found from outside:
        two start screens' F5 at once, and the second was told its writable folder "does not take the save")."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        if exact and p.exists():
            raise FileExistsError(errno.EEXIST, _("a save is never overwritten"), str(p))
        data, given = _header(scenario, seed, extra)
        raw, chain = line(data, "", given)
        # a crash never leaves an empty or half-written save, and the save is never seen unlocked
        named, fd, lock = born_locked(p, lambda fd: files.write_all(fd, raw), exact=exact)
        lock.announce()
        return cls(named, fd, chain, 0, durable, lock, seals=SealBook(True))

    @classmethod
    def draft(cls, path: str | Path, scenario: Scenario, seed: int,
              extra: dict[str, Any] | None = None) -> SaveWriter:
        """A save written out of sight (a hidden temp file beside ``path``) until :meth:`publish`.

        For saves nobody plays live (simulated games): no lock, no fsync per
        event, and a game that fails half-way leaves no file at all.
        """
        p = Path(path)
        data, given = _header(scenario, seed, extra)
        raw, chain = line(data, "", given)
        tmp, fd = files.temp_beside(p)
        try:
            files.write_all(fd, raw)
        except BaseException:
            os.close(fd)
            files.discard(tmp)
            raise
        return cls(p, fd, chain, 0, durable=False, draft=tmp, seals=SealBook(True))

    @classmethod
    def reopen(cls, path: str | Path, *, size: int, seq: int, chain: str, durable: bool = True,
               seals: SealBook | None = None) -> SaveWriter:
        """Continue appending to an intact save, locked for this writer.

        What the save was read as: ``size`` bytes, its last event ``seq`` and
        that line's ``chain`` hash (an open save's ``good_bytes``, ``len(save)``
        and ``last_chain``; a damaged save is never continued, see
        :func:`.recovery.resume`). A file that changed since is refused.
        """
        real, fd, lock = open_to_write(path)
        if os.fstat(fd).st_size != size:
            lock.release()
            os.close(fd)
            raise SaveError(path, _("the save changed since it was read; open it again"), kind=N_("changed"))
        lock.announce()
        return cls(Path(path), fd, chain, seq, durable, lock, seals=seals)

    def append(self, state: State, clock: dict[str, Any] | None = None) -> None:
        """Write the event ``state.last`` (and the hash of ``state``) to disk, or raise SaveWriteError.

        ``clock``: the room's clock after the event (see :mod:`tabletop.store.schema`),
        recorded beside the game, never in it: the engine has no clock.
        """
        event = state.last
        if event is None:
            raise ValueError("the state has no event to save")  # untranslated: a programming error
        if event.seq != self._seq + 1:
            raise ValueError(f"event {event.seq} does not follow event {self._seq} in {self.path}")  # untranslated: a programming error
        record = event_record(event, state.hash, _now(), clock)
        self.seals.stamp(record, event.result, self.nonce)
        raw, chain = line(record, self._chain)
        if len(raw) > MAX_LINE:  # the engine keeps texts far shorter: what a reader would refuse is never written
            raise SaveWriteError(errno.EFBIG, _("the event is too large for a line of the save"), str(self.path))
        self._put(raw)
        self._chain = chain
        self._seq = event.seq

    def _put(self, raw: bytes) -> None:
        if self._fd < 0:
            raise SaveWriteError(errno.EBADF, _("the save is closed"), str(self.path))
        gone = False  # the save's name lost its file, and it could be written again nowhere
        try:
            if self._kept is not None and not self._still_ours():
                self._write_again()
            self._cut_back()  # an earlier failure whose cut did not go through
            if self._lock is not None and not self._still_named():
                gone = True
                try:
                    self._write_again()
                except OSError:
                    if not self._rescue():
                        raise
                gone = False
            files.write_all(self._fd, raw)
            if self.durable:
                os.fsync(self._fd)
        except OSError as exc:
            failed = SaveWriteError(exc.errno or errno.EIO, exc.strerror or str(exc), str(self.path))
            failed.gone = gone
            try:
                self._cut_back()
            except OSError:
                failed.restored = False
            raise failed from None
        self._good += len(raw)
        if self._kept is not None:
            self._kept.append(raw)

    def _cut_back(self) -> None:
        """Cut the file back to its length after the last good append, if anything is beyond it."""
        if os.fstat(self._fd).st_size != self._good:
            os.ftruncate(self._fd, self._good)
            if self.durable:
                try:
                    os.fsync(self._fd)
                except OSError:
                    pass  # the next good append's fsync makes the cut durable with it

    def _still_ours(self) -> bool:
        """Whether the open file still holds what was written here: at least as long, ending in the last line
        written (bytes past it are an append of ours that failed half-way, which :meth:`_cut_back` cuts)."""
        assert self._kept is not None
        if os.fstat(self._fd).st_size < self._good:
            return False
        last = self._kept[-1][-4096:]
        return os.pread(self._fd, len(last), self._good - len(last)) == last

    def _still_named(self) -> bool:
        """Whether :attr:`path` still names the file written here (a cleaner, a synced folder or a person may
        delete, move or replace it while the game runs; the open file goes on taking events, unseen)."""
        try:
            named = os.stat(self.path)
        except OSError:
            return False
        mine = os.fstat(self._fd)
        return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)

    def _write_again(self, where: Path | None = None) -> None:
        """Write the game as written here (:attr:`_kept`), whole, at its name (or at ``where``), or at the first
        free ``NAME-2``... if another file took it, and go on there, locked (:attr:`relinked_from` tells the room).
        For a name that lost its file (deleted, moved, replaced) and for a file another program rewrote in place
        (left to that program). Raises OSError."""
        assert self._kept is not None  # every locked (live) writer keeps what it wrote
        kept = self._kept

        def copy(fd: int) -> None:
            for raw in kept:
                files.write_all(fd, raw)

        named, fd, lock = born_locked(where or self.path, copy)
        if self._lock is not None:
            self._lock.release()
        os.close(self._fd)
        lock.announce()
        self.relinked_from, self.path, self._fd, self._lock = self.path, named, fd, lock

    def _rescue(self) -> bool:
        """The save could not be written again at its name: write it at the same name in its folder
        made again, else in the working folder, the home folder or the temp folder; False when none would take it.

        Found from outside: the save's folder deleted while the game ran, or the file deleted on a disk it filled
        (its space held by the open file), and the quit said "Saved" of a save that was gone."""
        import tempfile

        for folder in (self.path.parent, Path.cwd(), Path.home(), Path(tempfile.gettempdir())):
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self._write_again(folder / self.path.name)
                return True
            except OSError:
                continue
        return False

    @property
    def seq(self) -> int:
        return self._seq

    @property
    def chain(self) -> str:
        """The chain hash of the last line written: the save's head, to note and check later."""
        return self._chain

    def publish(self) -> Path:
        """Give a :meth:`draft` its name: ``path``, or ``path-2``... if taken. Returns the name."""
        if self._draft is None or self._fd < 0:
            raise ValueError("only an open draft is published")  # untranslated: a programming error
        try:
            os.fsync(self._fd)
            self.path = files.link_new(self._draft, self.path)
        except OSError as exc:
            raise SaveWriteError(exc.errno or errno.EIO, exc.strerror or str(exc), str(self.path)) from None
        files.discard(self._draft)
        self._draft = None
        files.fsync_dir(self.path.parent)
        return self.path

    def close(self) -> None:
        """Close the save and let another tabletop open it. Never raises for a durable save.

        Each event of a durable save was on disk before its append returned,
        so a disk that fails at quit loses nothing: there is nothing to report.
        A draft that was never published is thrown away.
        """
        if self._fd < 0:
            return
        if self._kept is not None:
            try:  # rewritten in place by another program after the last event: the game goes beside it
                if not self._still_ours():
                    self._write_again()
            except OSError as exc:
                self.lost = exc
        if self._lock is not None and not self._still_named():
            # deleted or moved after the last event: quitting must not leave the room with no save (the open file
            # is the only copy, gone once closed)
            try:
                self._write_again()
            except OSError as exc:
                if not self._rescue():
                    self.lost = exc
        fd, self._fd = self._fd, -1
        problem: OSError | None = None
        if not self.durable and self._draft is None:
            try:
                os.fsync(fd)
            except OSError as exc:
                problem = exc
        if self._lock is not None:
            self._lock.release()  # before the descriptor (and with it the flock) goes
        try:
            os.close(fd)
        except OSError as exc:
            problem = problem or exc
        if self._draft is not None:
            files.discard(self._draft)
            self._draft = None
        if problem is not None and not self.durable:
            raise SaveWriteError(problem.errno or errno.EIO, problem.strerror or str(problem), str(self.path))

    def __enter__(self) -> SaveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def event_record(event: Event, state_hash: str, time: str, clock: dict[str, Any] | None = None) -> dict[str, Any]:
    """The line an event is saved as, without its chain.

    ``verify`` rebuilds this from the replayed event (with the recorded time
    and clock: nothing recomputes those) and holds it against the line: keep
    the two the same function.
    """
    record = {
        "seq": event.seq,
        "time": time,
        "round": event.round,
        "phase": event.phase,
        "actor": event.action.actor,
        "track": event.action.track,
        "action": _recorded_action(event.action, event.result),
        "result": event.result,
        "state": state_hash,
    }
    if clock is not None:
        record["clock"] = clock
    return record


def _recorded_action(action: Action, result: Mapping[str, Any]) -> dict[str, Any]:
    """The action as saved: a chance action carries the outcome that was resolved, no other action one."""
    data = action.to_dict()
    if action.kind not in CHANCE_KINDS:
        data.pop("outcome", None)
    elif "outcome" in result:
        data["outcome"] = result["outcome"]
    return data


# --------------------------------------------------------------------------
# Names


#: what a typed name keeps: letters and digits of any script, ``_``, ``.`` and ``-`` (found from outside: a
#: Ukrainian facilitator's «понеділок група 2» was saved as 2.jsonl, «Київ» as game.jsonl)
_UNSAFE = re.compile(r"[^\w.-]+")
#: the same in ASCII, for a system whose file names cannot hold the typed letters
_UNSAFE_ASCII = re.compile(r"[^A-Za-z0-9._-]+")


def default_save_path(save_dir: str | Path, ruleset_id: str) -> Path:
    """``<dir>/<UTC timestamp>-<ruleset id>.jsonl``, not an existing file when chosen: another start may take it
    before this one creates it, so it is created with ``SaveWriter.create(..., exact=False)``."""
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    return unique_path(Path(save_dir) / f"{stamp}-{_safe(ruleset_id)}.jsonl")


def unique_path(path: Path) -> Path:
    if not path.exists():
        return path
    stem, suffix = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.stem, ".jsonl"
    n = 2
    while (path.parent / f"{stem}-{n}{suffix}").exists():
        n += 1
    return path.parent / f"{stem}-{n}{suffix}"


def _safe(name: str) -> str:
    name = unicodedata.normalize("NFC", name)  # «й» typed as и and a combining breve is one letter
    cleaned = _UNSAFE.sub("-", name).strip(".-")
    try:
        cleaned.encode(sys.getfilesystemencoding())
    except UnicodeEncodeError:
        cleaned = _UNSAFE_ASCII.sub("-", name).strip(".-")
    return (cleaned or "game")[:80]


def typed_save_path(save_dir: str | Path, typed: str) -> Path:
    """A save name a user typed, kept inside ``save_dir`` whatever it contains."""
    # a slash is part of the name, not a folder (found from outside: "Atelier Genève 7/12" was saved as 12.jsonl)
    name = _safe(typed.strip().replace("/", "-").replace("\\", "-").removesuffix(".jsonl"))
    return unique_path(Path(save_dir) / f"{name}.jsonl")
