"""Reading a save back: its events, the first damage, and the game at any event.

Writing (:mod:`.savefile`) needs none of this, so a new game does not import it.
"""

from __future__ import annotations

import json
import operator
import os
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from .._collector import collector_paused
from ..content import ContentError, Scenario
from ..content.overlays import translated
from ..content.files import FileRefused, missing, open_regular, read_json, save_header_like
from ..engine import Action, RuleViolation, State, apply, new_game
from ..engine.actions import IndependenceBreach
from ..lang import Domain
from .checking import difference, recorded_difference
from .embedded import Recent, embedded_scenario
from .errors import SaveError, damage_words, maybe_newer
from .files import numbered
from .lines import FORMAT, MAX_LINE, READABLE, VERSION, canonical, chain_hash, split_chain
from .sealing import SealBook
from .shapes import ShapeError, echoed, shapes

_, ngettext, N_ = Domain("store").words()

MAX_HEADER = 16 * 1024 * 1024
#: keep a replayed state every this many events, so a seek replays little
SNAPSHOT_EVERY = 32


@dataclass(frozen=True)
class Damage:
    """The first thing wrong in a save: where, and what kind of damage."""

    seq: int  # the event number (1-based; 0 is the header)
    line: int  # the line number in the file
    kind: str  # torn tail, changed line, missing events, reordered events, duplicated event, ...
    detail: str

    def kind_words(self) -> str:
        """The kind of damage in the language of the moment (``kind`` is the English id)."""
        return damage_words(self.kind)

    def __str__(self) -> str:
        # quoted inside a sentence that ends with its own full stop: a detail's own (an engine's refusal) is dropped
        detail = self.detail[:-1] if self.detail.endswith(".") and not self.detail.endswith("..") else self.detail
        if self.seq == 0:
            return _("header (line {line}): {kind}: {detail}").format(line=self.line, kind=self.kind_words(),
                                                                       detail=detail)
        return _("event {seq} (line {line}): {kind}: {detail}").format(
            seq=self.seq, line=self.line, kind=self.kind_words(), detail=detail)


@dataclass(frozen=True)
class SavedEvent:
    """One event line as read back."""

    seq: int
    time: str
    round: int
    phase: str
    actor: str | None
    track: str | None
    action: Action
    result: dict[str, Any]
    state: str
    chain: str
    #: the line's canonical JSON without its chain, as read (what the replay is held against)
    body: bytes = field(default=b"", repr=False, compare=False)
    #: the room's clock after the event, when a play screen recorded it (see store.schema)
    clock: dict[str, Any] | None = None
    #: a sealed move's commitment and nonce, and the entries a reveal opens (see store.sealing)
    seal: dict[str, Any] | None = None
    reveal: list[Any] | None = None


# --------------------------------------------------------------------------
# Reading


class Save:
    """A save read back: ``header``, ``events``, ``len(save)``, ``state_at(i)``.

    Reading stops at the first damage (``damage``); everything before it is
    available. ``state_at(i)`` is the state after event ``i`` (0: the start),
    replayed with the recorded draws and dice.
    """

    def __init__(self, path: Path, header: dict[str, Any], scenario: Scenario, events: list[SavedEvent],
                 damage: Damage | None, header_chain: str, good_bytes: int, torn_bytes: int):
        self.path = path
        self.header = header
        self.scenario = scenario
        self.events = events
        self.damage = damage
        self.header_chain = header_chain
        self.good_bytes = good_bytes
        self.torn_bytes = torn_bytes
        #: the state after event ``j * SNAPSHOT_EVERY``, for each ``j`` replayed so far
        self._snapshots: list[State] = []
        #: the state last asked for, with its index: walking forward replays one event a step
        self._last: tuple[int, State] | None = None
        self.offsets: list[int] = [good_bytes]
        self._difference: Damage | None = None
        self._checked = False

    def tail_dropped(self) -> None:
        """The file was cut back to its intact lines (``good_bytes``): this save is then what reading it again gives."""
        assert self.damage is not None and self.damage.kind == "torn tail"  # untranslated: a damage kind (an id)
        self.damage = None
        self.torn_bytes = 0

    def translated(self, lang: str) -> Scenario:
        """This save's scenario with its texts in ``lang``, from the translations its header embeds.

        Never from overlay files (they may have changed since the game); base
        text where the header has none, the scenario itself for English or an
        old save without translations. Raises ContentError for a damaged one.
        """
        return translated(self.scenario, lang)

    def first_mismatch(self) -> tuple[int, str] | None:
        """The first event that does not replay as it was recorded, with why; None if all do.

        A save written by another version of the engine, or edited with its
        hashes recomputed, replays differently from some event on: its state,
        or anything else the game computed (round, phase, actor, track, the
        action as applied, the whole result).
        """
        seals = SealBook.for_header(self.header)
        try:
            for i, event, state in self._replay_all():
                digest = state.hash  # worked out anew on each read: once an event
                if digest != event.state:
                    return i, _("replaying gives state {digest}, the save says {saved}").format(digest=digest, saved=event.state)
                assert state.last is not None
                found = difference(event.body, event.time, state.last, digest, event.clock, seals, event.seal)
                if found is not None:
                    return i, f"{found[0]}: {found[1]}"
        except _Unplayable as stop:
            return stop.index, stop.error.message
        return None

    def check_records(self) -> Damage | None:
        """Replay the whole save once and hold every event's record against the replay.

        For readers (report, replay): an event that does not replay, or whose
        record is not what the replay gives (its state, its result, any part:
        a save edited with its hashes recomputed, or made by another engine),
        ends the save there (``damage``, as for any other damage), where
        ``tabletop verify`` names it and ``resume`` goes on from: a reader
        never shows a forged result nor the game a forged step would lead to.
        Returns that difference (None: every record is the game's own, or the
        save ends at an event that does not replay).
        """
        if self._checked:
            return self._difference
        self._checked = True
        seals = SealBook.for_header(self.header)
        before = self.state_at(0)
        try:
            for i, event, state in self._replay_all():
                replayed = state.last
                assert replayed is not None
                found = None
                if state.hash != event.state:  # what the event records first, in words, as verify says it
                    found = recorded_difference(before, event, state, seals)
                before = state
                if found is None:
                    found = difference(event.body, event.time, replayed, state.hash, event.clock, seals, event.seal)
                if found is None:
                    if "summary" in event.result:  # an old line: its words are replaced by what tell() words
                        self.events[i - 1] = replace(event, result=json.loads(canonical(replayed.result)))
                    continue
                self._difference = Damage(event.seq, event.seq + 1, *found)
                self._end_at(i, self._difference)
                break
        except _Unplayable as stop:
            event = self.events[stop.index - 1]
            self._end_at(stop.index, Damage(event.seq, event.seq + 1, stop.error.kind, stop.error.message))
        return self._difference

    def _end_at(self, index: int, damage: Damage) -> None:
        """The intact part ends before event ``index`` (1-based), damaged there."""
        self.damage = damage
        del self.events[index - 1:]
        del self._snapshots[(index - 1) // SNAPSHOT_EVERY + 1:]
        if self._last is not None and self._last[0] >= index:
            self._last = None

    def _replay_all(self) -> Iterator[tuple[int, SavedEvent, State]]:
        """Each event with the state after it, replayed once from the start (snapshots kept as ``state_at`` keeps them).

        Raises ``_Unplayable`` at an event that does not replay.
        """
        state = self.state_at(0)
        with collector_paused():
            for i, event in enumerate(self.events, 1):
                try:
                    state = self._replay_one(state, event)
                except SaveError as exc:
                    raise _Unplayable(i, exc) from None
                self._keep(i, state)
                self._last = (i, state)
                yield i, event, state

    @property
    def seed(self) -> int:
        return int(self.header["seed"])

    @property
    def last_chain(self) -> str:
        return self.events[-1].chain if self.events else self.header_chain

    def __len__(self) -> int:
        return len(self.events)

    def __iter__(self) -> Iterator[SavedEvent]:
        return iter(self.events)

    def state_at(self, i: int) -> State:
        """The game after event ``i`` (0 = before the first action): after ``events[i - 1]``, for ``i`` in
        ``0..len(self)``. A negative ``i`` counts from the end, as a sequence's index does: ``state_at(-1)`` is
        the last state (after ``events[-1]``), ``state_at(-len(self) - 1)`` the start.

        Starts from the nearest replayed state at or before ``i`` (the last
        one asked for, or the snapshot ``i // SNAPSHOT_EVERY``), so a seek
        replays fewer than ``SNAPSHOT_EVERY`` events once the save has been
        replayed that far, and walking forward replays one event a step.
        """
        if type(i) is not int:  # a bool is an int, and state_at(True) was the game after event 1 (found from outside)
            i = _event_index(i)
        count = len(self.events)
        if i < 0:
            i += count + 1
            if i < 0:
                raise IndexError(f"event {i - count - 1} is outside -{count + 1}..{count}")  # untranslated: as below
        elif i > count:
            raise IndexError(f"event {i} is outside -{count + 1}..{count}")  # untranslated: a programming error
        if not self._snapshots:
            self._snapshots.append(new_game(self.scenario, self.seed))
        slot = min(i // SNAPSHOT_EVERY, len(self._snapshots) - 1)
        start, state = slot * SNAPSHOT_EVERY, self._snapshots[slot]
        if start == i:  # a kept snapshot (the start of the game, often): the last state asked for stays where it was
            return state
        if self._last is not None and start <= self._last[0] <= i:
            start, state = self._last
        with collector_paused():
            for k in range(start, i):
                state = self._replay_one(state, self.events[k])
                self._keep(k + 1, state)
        self._last = (i, state)
        return state

    @property
    def kept_states(self) -> int:
        """How many replayed states the save holds for seeking (one every ``SNAPSHOT_EVERY`` events, and the last)."""
        return len(self._snapshots) + (self._last is not None)

    def _keep(self, i: int, state: State) -> None:
        """Keep ``state`` (after event ``i``) if it is the next snapshot due."""
        if i == len(self._snapshots) * SNAPSHOT_EVERY:
            self._snapshots.append(state)

    def final_state(self) -> State:
        return self.state_at(len(self.events))

    def _replay_one(self, state: State, event: SavedEvent) -> State:
        try:
            return apply(state, event.action)
        except (RuleViolation, IndependenceBreach) as exc:
            raise SaveError(self.path, _("event {seq} does not replay: {error}").format(seq=event.seq, error=exc), event.seq,
                            N_("illegal event")) from None


def _event_index(i: object) -> int:
    """``i`` as an event's index: an integer (numpy's too), never a bool, a float or a string."""
    if not isinstance(i, bool):
        try:
            return operator.index(i)  # type: ignore[arg-type]
        except TypeError:
            pass
    # untranslated: a programming error
    raise TypeError(f"state_at takes an event index, an int (0..len(save), or negative from the end), not {type(i).__name__}")


class _Unplayable(Exception):
    """Event ``index`` (1-based) does not replay."""

    def __init__(self, index: int, error: SaveError):
        super().__init__(error.message)
        self.index = index
        self.error = error


def _read_line(handle: _Upto, limit: int) -> bytes:
    return handle.readline(limit + 1)


class _Upto:
    """A file read no further than ``size`` bytes, as if it ended there."""

    def __init__(self, handle: IO[bytes], size: int):
        self._handle = handle
        self._left = size

    def readline(self, limit: int) -> bytes:
        data = self._handle.readline(min(limit, self._left)) if self._left > 0 else b""
        self._left -= len(data)
        return data

    def read(self, n: int = -1) -> bytes:
        data = self._handle.read(self._left if n < 0 else min(n, self._left)) if self._left > 0 else b""
        self._left -= len(data)
        return data


def open_save(path: str | Path, strict: bool = False) -> Save:
    """Read a save. Raises SaveError if it is not a readable save at all.

    A damaged save opens with what is intact before the damage; ``damage``
    says what and where. ``strict``: raise SaveError for it instead (the
    public API's default: an analysis over a folder is not handed a game cut
    short without a word); the command line's readers show the intact part.
    """
    with SaveReader(path) as reader:
        events = list(reader.events())
    if strict and reader.damage is not None:
        damage = reader.damage
        raise SaveError(reader.path, _("damaged at {damage}; the events before it are intact: open_save(path, "
                                       "strict=False) reads them").format(damage=damage), damage.seq, damage.kind)
    save = Save(reader.path, reader.header, reader.scenario, events, reader.damage, reader.header_chain,
                reader.good, reader.size - reader.good)
    assert reader.offsets is not None
    save.offsets = reader.offsets
    return save


class SaveReader:
    """A save read one event at a time, for a reader that need not hold them all (``verify``).

    Opening reads and checks the header (raises SaveError as ``open_save``
    does); ``events()`` yields each intact event in order and stops at the
    first damage, recorded in ``damage``. Only what the file held when it was
    opened is read: a tabletop may be appending to it meanwhile, and a line
    being written is then a torn tail here, never a changed line.
    """

    def __init__(self, path: str | Path, keep_offsets: bool = True, whole_shapes: bool = True):
        """``whole_shapes=False``: check only the keys no replay recomputes (``shapes.ECHOED``) on each line;
        a reader that rebuilds every line and compares it (``verify``) checks the whole shape of a line that
        differs, with :func:`whole_shape`."""
        p = self.path = Path(path)
        if not p.exists():
            raise SaveError(p, missing(p, _("no such file")), kind=N_("missing"))
        if p.is_dir():
            raise SaveError(p, _("is a directory, not a save file"), kind=N_("not a file"))
        self._open = ExitStack()  # closed by close() / the with block
        try:
            # a FIFO or a device is refused before reading; each line read is bounded by MAX_HEADER / MAX_LINE
            file = self._open.enter_context(open_regular(p))
        except FileRefused as exc:
            raise SaveError(p, exc.message, kind=N_("unreadable")) from None
        try:
            self.size = os.fstat(file.fileno()).st_size
            self._handle = _Upto(file, self.size)
            raw = _read_line(self._handle, MAX_HEADER)
            if not raw:
                raise SaveError(p, _("the file is empty: not a save"), 0)
            self.header, self.header_chain = _parse_header(p, raw)
            try:
                self.scenario = embedded_scenario(p, self.header, self.header_chain)
            except ContentError as exc:
                said = _("the embedded scenario is not valid: {problem}").format(problem=exc.problems[0])
                raise SaveError(p, maybe_newer(said, exc.unknown_key), 0, N_("damaged header")) from None
        except BaseException:
            self._open.close()
            raise
        self.damage: Damage | None = None
        self.count = 0  # events read so far
        self.good = len(raw)  # the byte offset after the last intact line
        #: the byte offset after the header and after each event (None: not kept)
        self.offsets: list[int] | None = [self.good] if keep_offsets else None
        self._prev = self.header_chain
        self._line = 1
        self._whole = whole_shapes

    def __enter__(self) -> SaveReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._open.close()

    def events(self) -> Iterator[SavedEvent]:
        """Each intact event in order; stops at the first damage (then ``damage`` says what)."""
        line_no = self._line
        handle = self._handle
        while True:
            raw = _read_line(handle, MAX_LINE)
            if not raw:
                break
            line_no += 1
            self._line = line_no
            expected = self.count + 1
            at_end = not raw.endswith(b"\n")
            if at_end and not handle.read(1):
                self.damage = Damage(expected, line_no, N_("torn tail"), _("the last line is incomplete (a crash while writing); it is dropped"))
                break
            if not raw.strip():
                rest = handle.read()
                if not rest.strip():
                    # blank lines at the very end (an editor adds one): nothing was lost
                    self.damage = Damage(expected, line_no, N_("torn tail"), _("blank lines at the end of the file; they are dropped"))
                    break
                self.damage = Damage(expected, line_no, N_("changed line"), _("a blank line between events"))
                break
            if len(raw) > MAX_LINE:
                self.damage = Damage(expected, line_no, N_("changed line"), _("the line is far too long to be an event"))
                break
            body_chain = split_chain(raw.rstrip(b"\n"))
            try:
                record = read_json(raw)
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
                record = None
            if record is None or not isinstance(record, dict) or body_chain is None:
                self.damage = Damage(expected, line_no, N_("changed line"), _("the line is not a valid event"))
                break
            seq = record.get("seq")
            if not isinstance(seq, int) or isinstance(seq, bool):
                self.damage = Damage(expected, line_no, N_("changed line"), _("the event has no sequence number"))
                break
            if seq != expected:
                if 1 <= seq < expected:  # every event before was read in order
                    kind, detail = N_("duplicated event"), _("event {seq} appears again").format(seq=seq)
                elif seq > expected and _next_seq(handle) == expected:
                    kind, detail = N_("reordered events"), _("event {seq} comes before event {expected}").format(seq=seq, expected=expected)
                elif seq > expected:
                    kind, detail = N_("missing events"), _("expected event {expected}, found event {seq}").format(expected=expected, seq=seq)
                else:
                    kind, detail = N_("reordered events"), _("expected event {expected}, found event {seq}").format(expected=expected, seq=seq)
                self.damage = Damage(expected, line_no, kind, detail)
                break
            body, chain = body_chain
            if chain_hash(self._prev, body) != chain or record.get("chain") != chain:
                self.damage = Damage(seq, line_no, N_("changed line"), _("the line does not match its hash chain (edited or corrupted)"))
                break
            try:
                event = _event(record, body, raw, self._whole)
            except ShapeError as exc:
                self.damage = Damage(seq, line_no, N_("malformed event"), maybe_newer(str(exc), exc.unknown_key))
                break
            except (KeyError, TypeError, ValueError) as exc:
                self.damage = Damage(seq, line_no, N_("malformed event"), str(exc))
                break
            self.count += 1
            self._prev = chain
            self.good += len(raw)
            if self.offsets is not None:
                self.offsets.append(self.good)
            yield event


#: how every save's header names its format, whatever else in it is damaged
_FORMAT_KEY = b'"format":"' + FORMAT.encode("ascii") + b'"'


def _next_seq(handle: _Upto) -> int | None:
    """The sequence number on the next line, if it has one (a look ahead)."""
    raw = _read_line(handle, MAX_LINE)
    match = re.search(rb'"seq":(\d{1,18})(?!\d)', raw)  # a longer number is no seq (int() refuses 4,301 digits)
    return int(match.group(1)) if match else None


#: the headers read lately, by their bytes: a save is opened again and again (``resume`` after cutting a torn
#: tail, verify then the report, the replay's seeks, a folder of one scenario's saves), and parsing the embedded
#: scenario's JSON was most of opening a short save; the same bytes are the same header, read the same way
#: (a header over ``_HEADER_KEPT_BYTES`` is read each time: a few of them would hold hundreds of MB)
_READ_HEADERS = Recent()  # the line's bytes -> (header, chain hash)
_HEADER_KEPT_BYTES = 1024 * 1024


def _parse_header(p: Path, raw: bytes) -> tuple[dict[str, Any], str]:
    """The header of line ``raw`` and its chain hash (raises SaveError naming ``p``); each reader gets a dict
    of its own (the parts under it are shared and read only)."""
    known = _READ_HEADERS.find(raw)
    if known is None:
        known = _read_header(p, raw)
        if len(raw) > _HEADER_KEPT_BYTES:
            return known
        _READ_HEADERS.keep(raw, known)
    return dict(known[0]), known[1]


def _incomplete_header(p: Path) -> str:
    """A save cut inside its first line, and where its game went on if that is beside it: a game whose file another
    program rewrote in place goes on written again, whole, at ``NAME-2.jsonl`` (found from outside: the name the
    facilitator wrote down then said "a crash while creating the save" and pointed nowhere)."""
    said = _("the header line is incomplete (a crash while creating the save)")
    beside = []
    for n in range(2, 10):
        sibling = numbered(p, n)  # as the writer names it
        try:
            with open_regular(sibling) as handle:
                if save_header_like(handle.readline(MAX_HEADER)):
                    beside.append(sibling)
        except (OSError, FileRefused):
            break  # the first name not taken ends the run, as the writer takes the first free one
    if not beside:
        return said
    return _("{said}; if the game went on under another name, it is beside it: {names}").format(
        said=said, names=", ".join(str(b) for b in beside))


def _read_header(p: Path, raw: bytes) -> tuple[dict[str, Any], str]:
    header: Any = None
    broken: tuple[int, str] | None = None  # where the line stops being JSON (its byte), and why
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        broken = exc.start, _("a byte that is not UTF-8 text")
    else:
        try:
            header = read_json(text)
        except json.JSONDecodeError as exc:
            broken = len(text[: exc.pos].encode("utf-8")), _("the line stops being valid JSON there")
        except RecursionError:
            header = None
    if raw.startswith(b"\xef\xbb\xbf") and _FORMAT_KEY in raw:  # found from outside: "damaged at byte 0", no hint
        raise SaveError(p, _("the file starts with a byte order mark (an editor saved it as \"UTF-8 with BOM\"); save "
                             "it again as plain UTF-8, without those three bytes, and check it again"), 0,
                        N_("damaged header"))
    if broken is not None and _FORMAT_KEY in raw and raw.endswith(b"\n"):  # a whole line, not cut at MAX_HEADER
        # a save's header with a byte changed in it (found from outside: "not a tabletop save" was all it said)
        raise SaveError(p, _("the header (line 1, which holds the embedded scenario) is damaged at byte {at}: {why}; "
                             "no event can be replayed without it").format(at=broken[0], why=broken[1]), 0,
                        N_("damaged header"))
    if broken is not None and not raw.endswith(b"\n") and len(raw) <= MAX_HEADER and save_header_like(raw):
        # the file ends inside its first line, which begins as a save's header (found from outside: a program stopped
        # as the game was being created left "not a tabletop save", as if the file were something else): told as a
        # whole header line without its newline is
        raise SaveError(p, _incomplete_header(p), 0, N_("torn tail"))
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        first = raw.split(b"\n", 1)[0].strip()
        if p.suffix == ".toml" or _TOML_TABLE.fullmatch(first):
            # found from outside: a sweep file given to verify was "not a tabletop save" and no more
            raise SaveError(p, _("not a tabletop save: a TOML file (a ruleset, a deck or a sweep file); tabletop "
                                 "validate checks a ruleset or a deck, tabletop sweep runs a sweep file"), 0)
        raise SaveError(p, _("not a tabletop save (the first line is not a save header)"), 0)
    version = header.get("version")
    if type(version) is int and version > VERSION:  # not damaged: a newer tabletop wrote it, and a newer one reads it
        raise SaveError(p, _("written by a newer tabletop (save format {version}; this one reads formats {first}\u2013"
                             "{last}): install a newer tabletop to read it").format(
            version=version, first=READABLE[0], last=VERSION), 0, N_("newer format"))
    if version not in READABLE or isinstance(version, bool):
        raise SaveError(p, _("unknown save format version {version} (this tabletop reads versions {first} to {last})").format(
            version=repr(version), first=READABLE[0], last=VERSION), 0, N_("unknown version"))
    if not raw.endswith(b"\n"):
        raise SaveError(p, _incomplete_header(p), 0, N_("torn tail"))
    if raw.endswith(b"\r\n"):  # the text was converted to Windows line ends (git's autocrlf, an editor)
        raise SaveError(p, _("the lines end in CR LF, not LF: the file was converted to Windows line ends (by git's "
                             "autocrlf, an editor or a file transfer); convert it back (e.g. dos2unix {path}) and check it "
                             "again").format(path=p), 0, N_("changed line"))
    split = split_chain(raw.rstrip(b"\n"))
    if split is None or chain_hash("", split[0]) != split[1]:
        # found from outside: a byte changed in the header (three quarters of a save's bytes) and the facilitator
        # was told no more than "edited or corrupted", with no next step
        raise SaveError(p, _("the header does not match its hash (edited or corrupted); it holds the scenario and the "
                             "game's settings, and every event is chained to it, so none can be read: put back a copy "
                             "of the file from before the change (a backup; an editor that saved it may undo it)"),
                        0, N_("changed line"))
    try:
        # a seed too: what it is, not that there is none (found from outside: 1e308 was "the header has no seed")
        shapes()[0].check(header)
    except ShapeError as exc:
        raise SaveError(p, _("the header is malformed: {error}").format(error=exc), 0, N_("damaged header")) from None
    return header, split[1]


#: a TOML table's header line (``[ruleset]``, ``[[cards]]``): a file that starts so is no save, and says so
_TOML_TABLE = re.compile(rb"\[\[?[A-Za-z_][A-Za-z0-9_.-]*\]\]?")


def _event(record: dict[str, Any], body: bytes, raw: bytes, whole: bool = True) -> SavedEvent:
    """An event line read back (``raw`` parsed); raises ShapeError if it is not the shape the save schema gives
    (``whole=False``: if its echoed keys are not, or it cannot be read at all)."""
    if whole:
        shapes()[1].check_line(raw, record)
        return _saved_event(record, body)
    try:
        if echoed().passes(record):
            return _saved_event(record, body)
    except (KeyError, TypeError, ValueError):
        pass
    shapes()[1].check(record)  # the whole line's words: its first deviation, wherever it is
    return _saved_event(record, body)  # well shaped, and still not read: raises as a whole check's read does


def whole_shape(event: SavedEvent) -> ShapeError | None:
    """Where an event read with ``whole_shapes=False`` is not the shape the save schema gives (None: it is)."""
    try:
        record = read_json(event.body)  # the line as read, in its own key order, with its chain last (as written)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None  # it was read as JSON with its chain: not reached
    if isinstance(record, dict):
        record["chain"] = event.chain
    try:
        shapes()[1].check(record)
    except ShapeError as exc:
        return exc
    return None


def _saved_event(record: dict[str, Any], body: bytes) -> SavedEvent:
    """The event a line holds. Every field is given, so the instance's fields are handed over in one dict, past
    the frozen dataclass's ``__init__`` (a field set at a time: a tenth of reading a line), as the engine's
    ``evolve`` does."""
    event = _NEW(SavedEvent)
    _SET(event, "__dict__", {
        "seq": record["seq"],
        "time": record["time"],
        "round": record["round"],
        "phase": record["phase"],
        "actor": record.get("actor"),
        "track": record.get("track"),
        "action": Action.from_dict(record["action"]),
        "result": record["result"],
        "state": record["state"],
        "chain": record["chain"],
        "body": body,
        "clock": record.get("clock"),
        "seal": record.get("seal"),
        "reveal": record.get("reveal"),
    })
    return event


_NEW, _SET = object.__new__, object.__setattr__
