"""Repair and resume saves (``verify`` has a module of its own, :mod:`.verifying`)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..engine import State
from ..lang import Domain
from . import files
from .continuation import copy_holding, copy_name, lines_left_out
from .lines import VERSION, in_current_format
from .lock import WriterLock, born_locked, open_to_write
from .reading import Save, open_save
from .errors import refused_kind
from .savefile import SaveError, SaveWriter
from .sealing import SealBook
from ..content.oswords import system_words

_, ngettext, N_ = Domain("store").words()


def _intact_prefix(save: Save, length: int | None = None) -> bytes:
    with open(save.path, "rb") as handle:
        return handle.read(save.good_bytes if length is None else length)


@dataclass
class Resumed:
    """A save ready to continue: its state, a writer, and what was done to it."""

    save: Save
    state: State
    writer: SaveWriter
    messages: list[str]
    #: the events the game went on from when this resume dropped some (a damaged save continued in a recovered
    #: copy, a torn last line cut off): a screen of the game before may have been shown more, played otherwise
    #: since. None: nothing was dropped (a save continued before in its recovered copy goes on where that one ended)
    rewound: int | None = None
    #: the lines of the damaged save after the events kept that are not in the game (its copy's first note counts
    #: them): events the screens were shown, a team's sealed move perhaps. 0 for a cut last line, never shown
    lost: int = 0
    #: the save was damaged (a torn last line cut off, or worse): what its messages say was repaired. False: it was
    #: whole, and went on as it was, or in a copy of the current format (found from outside: an intact old save's
    #: resume was titled "Save recovered")
    damaged: bool = False


class _Held:
    """A save open for writing under its lock, while resume looks it over."""

    def __init__(self, real: Path, fd: int, lock: WriterLock):
        self.real, self.fd, self.lock = real, fd, lock

    def move_to(self, real: Path, fd: int, lock: WriterLock) -> None:
        """Hold another save (a recovered copy) instead, releasing this one."""
        self.release()
        self.real, self.fd, self.lock = real, fd, lock

    def release(self) -> None:
        if self.fd >= 0:
            self.lock.release()
            os.close(self.fd)
            self.fd = -1


def resume(path: str | Path, durable: bool = True) -> Resumed:
    """Open a save to continue playing it, locked for this tabletop alone.

    The lock comes first: a save that another tabletop is writing is refused
    (:class:`~.lock.SaveBusy`) before it is read, so its last line, maybe
    being written right now, is never taken for a torn one. A symlink is
    followed: the file it names is locked, repaired and continued.

    A torn last line (a crash mid-write) is cut off in place (the same file,
    so the lock and any links stay). Other damage leaves the file untouched:
    play goes on in a new ``-recovered`` save holding the events before the
    damage. So does a save of an older format: its lines are copied in the
    current format (:func:`.lines.in_current_format`) and the game goes on
    there, the file left whole for the tabletops that read only its format.
    """
    held = _Held(*open_to_write(path))
    try:
        return _resume(held, durable)
    except BaseException:
        held.release()
        raise


def _resume(held: _Held, durable: bool) -> Resumed:
    save = open_save(held.real)
    damaged = save.damage is not None
    messages: list[str] = []
    rewound: int | None = None
    # the save a copy is made of: path, events kept, what is wrong (a number: its older format, nothing else)
    origin: tuple[Path, int, str | int] | None = None
    if save.damage is not None:
        if save.damage.kind == "torn tail":  # untranslated: a damage kind (an id)
            try:
                os.ftruncate(held.fd, save.good_bytes)
                os.fsync(held.fd)
            except OSError as exc:
                raise SaveError(held.real, _("cannot drop the incomplete last line: {error}").format(error=system_words(exc)),
                                kind=refused_kind(exc)) from None
            messages.append(
                _("The save's last line was incomplete (a crash while writing) and was dropped; "
                  "the game continues after event {n}.").format(n=len(save))
            )
            save.tail_dropped()  # the file is now what was read of it: no need to read it again
            rewound = len(save)  # a line cut off a crash never showed; one cut off a damaged disk may have
        else:
            damage, prefix = save.damage, _intact_prefix(save)
            if _continued_before(held, prefix):
                return _again(held, durable, _("The save is damaged at {damage}. It was continued before in "
                                               "{path}: the game continues there.").format(damage=damage, path=held.real),
                              damaged=True)
            origin = (held.real, len(save), str(damage))
            _recovered_copy(held, prefix)
            messages.append(
                _("The save is damaged at {damage}. It was left as it is; the game continues from "
                  "event {n} in {path}.").format(damage=damage, n=len(save), path=held.real)
            )
            rewound = len(save)
            save = open_save(held.real)
    mismatch = save.first_mismatch()
    if mismatch is not None:
        seq, why = mismatch
        damaged = True
        prefix = _intact_prefix(save, save.offsets[seq - 1])
        if _continued_before(held, prefix):
            return _again(held, durable, _("Event {seq} of the save does not replay as it was recorded ({why}). "
                                           "It was continued before in {path}: the game continues there."
                                           ).format(seq=seq, why=why, path=held.real), damaged=True)
        if origin is None:
            origin = (held.real, seq - 1, _("event {seq} does not replay as it was recorded ({why})").format(
                seq=seq, why=why))
        _recovered_copy(held, prefix)
        messages.append(
            _("Event {seq} of the save does not replay as it was recorded ({why}): the save was made by another "
              "version of tabletop, or edited. It was left as it is; the game continues from event {n} in {path}."
              ).format(seq=seq, why=why, n=seq - 1, path=held.real)
        )
        rewound = seq - 1 if rewound is None else min(rewound, seq - 1)
        save = open_save(held.real)
    if (old := save.header.get("version")) != VERSION:
        # found from outside: lines of this format appended under an older header made the tabletop that wrote it
        # call the save damaged, and its resume split the game in two (see lines.VERSION)
        prefix = _intact_prefix(save)
        if _continued_before(held, prefix):
            return _again(held, durable, _("The save is in save format {old}. It was continued before in {path}: the "
                                           "game continues there.").format(old=old, path=held.real))
        origin = (held.real, len(save), old)
        _recovered_copy(held, prefix)
        messages.append(
            _("The save is in save format {old}, which the tabletops that wrote it read; this tabletop writes format "
              "{new}. It was left as it is; the game continues from event {n} in {path}.").format(
                old=old, new=VERSION, n=len(save), path=held.real))
        save = open_save(held.real)
    held.lock.announce()
    state = save.final_state()
    seals = SealBook.of_save(save.header, save.events)  # a reveal after the resume opens the entries sealed before it
    writer = SaveWriter(held.real, held.fd, save.last_chain, len(save), durable, held.lock, seals=seals)
    lost = 0
    if origin is not None:
        try:
            state, lost = _note_origin(state, writer, save, *origin)
        except OSError as exc:
            # the copy fit, its note did not (a disk nearly full): a copy without the note would later be taken for
            # one continued before, nothing said of what it left out. It only copies the save's intact lines: it
            # goes, and the next resume makes it whole (found from outside: "cannot open SAVE", then a silent copy)
            files.discard(held.real)
            raise SaveError(origin[0], _("cannot write a recovered copy beside it: {error}").format(
                error=system_words(exc)), kind=refused_kind(exc)) from None
    return Resumed(save, state, writer, messages, rewound, lost, damaged)


def _note_origin(state: State, writer: SaveWriter, save: Save, original: Path, kept: int, wrong: str | int
                 ) -> tuple[State, int]:
    """The copy's first event of its own: a note saying which damaged save it goes on from, after which event, and
    how much of it is not in the game (found from outside: a copy renamed or moved read as the whole game, and
    nothing told the room that what it had seen played after that event was gone). A note, as the facilitator
    writes one: public, no game step, kept in the record, the replay and the report. Also the number of the
    damaged save's lines not in the game. ``wrong`` a number: the save is not damaged, only of that older format."""
    from ..engine import Action, RuleViolation, apply
    from ..lang import SOURCE, current

    lines = lines_left_out(original, kept)
    if isinstance(wrong, int):
        text = _("Continued by tabletop resume in save format {new}: the save {path} (format {old}, which the "
                 "tabletops that wrote it read) is left as it was; the game goes on here after its event {n} (chain "
                 "head {head}).").format(new=VERSION, path=original, old=wrong, n=kept,
                                         head=save.last_chain[:12])
    else:
        text = ngettext(
            "Recovered by tabletop resume: the save {path} is damaged ({wrong}); the game goes on here after its event "
            "{n} (chain head {head}). {k} more line of that save, what was played after it, is not in this game.",
            "Recovered by tabletop resume: the save {path} is damaged ({wrong}); the game goes on here after its event "
            "{n} (chain head {head}). {k} more lines of that save, what was played after it, are not in this game.",
            lines).format(path=original, wrong=wrong, n=kept, head=save.last_chain[:12], k=lines)
    try:
        noted = apply(state, Action("note", text=text, lang=None if current() == SOURCE else current()))
    except RuleViolation:  # the engine takes no note here: the copy goes on without one
        return state, lines
    writer.append(noted, save.events[-1].clock if save.events else None)
    return noted, lines



def _continued_before(held: _Held, prefix: bytes) -> bool:
    """Whether a ``NAME-recovered`` copy beside the save holds its intact ``prefix`` (an earlier resume's
    continuation of it); if so, hold that copy instead, or raise SaveBusy if it is being played now.

    One damaged save has one continuation: a second resume, at once in another terminal or the next day,
    goes on in it, and never starts a second copy that the game splits into."""
    # in the current format, as a copy is written; as it is, as a copy was written before tabletop wrote them so
    found = copy_holding(held.real, in_current_format(prefix)) or copy_holding(held.real, prefix)
    if found is None:
        return False
    held.move_to(*open_to_write(found))
    return True


def _again(held: _Held, durable: bool, said: str, damaged: bool = False) -> Resumed:
    """Resume the copy now held (its own torn tail dropped, as any save's), with ``said`` first; ``damaged``: the save
    it continues was.

    The game goes on where the copy ended, not where the damaged save was cut (found from outside: the
    screens of the game played on the copy were told everything after the first cut was gone)."""
    resumed = _resume(held, durable)
    resumed.messages.insert(0, said)
    resumed.damaged = resumed.damaged or damaged
    return resumed


def _recovered_copy(held: _Held, data: bytes) -> None:
    """Write ``data`` (a save's intact lines) to a new ``NAME-recovered.jsonl`` beside the save, in the current
    format, locked, and hold it instead."""
    def fill(fd: int) -> None:
        files.write_all(fd, in_current_format(data))  # never a line of this format under an older header

    try:  # its owner's alone, as every save is (an original an older tabletop made readable by all included)
        target, fd, lock = born_locked(copy_name(held.real, 1), fill)
    except OSError as exc:
        raise SaveError(held.real, _("cannot write a recovered copy beside it: {error}").format(
            error=system_words(exc)), kind=refused_kind(exc)) from None
    held.move_to(target, fd, lock)
