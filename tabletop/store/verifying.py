"""``tabletop verify``: replay a save and hold every line against what the game computes.

What it proves, and what it cannot, is in :class:`VerifyReport`'s docstring.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..content import Scenario
from ..lang import Domain

from ..engine import RuleViolation, State, apply, new_game
from ..engine.actions import CHANCE_KINDS, IndependenceBreach
from ..engine.review import rounds_played
from .checking import chance_difference, difference, recorded_difference
from .heads import head_line
from .lines import VERSION
from .._collector import collector_paused
from .reading import Damage, SavedEvent, SaveReader, whole_shape
from .errors import damage_words, maybe_newer
from .savefile import SaveError
from .sealing import SealBook, broken_reveal
from .shapes import show

_, ngettext, N_ = Domain("store").words()

#: the kinds of error of a path that was never read as a save (missing, a folder, a FIFO or a device, no
#: permission, not a save at all, a save of a format only a newer tabletop reads): ``verify`` says why, and does not
#: call the file damaged
_NOT_READ = ("missing", "not a file", "unreadable", "not a save", "newer format")  # untranslated: kinds (ids)

@dataclass
class VerifyReport:
    """What ``tabletop verify`` found.

    An intact save is one whose every line is the game's own: each event,
    replayed from the embedded ruleset and deck and the seed, gives the state
    hash, round, phase, actor, track, action and whole result (summary,
    working, dice, totals, changes) written in its line, and every draw and
    roll re-derived from the seed is the one recorded. What a replay cannot
    recompute — the embedded card texts and names, the times — is held only
    by the hash chain, whose head (``head``) must be checked against one
    noted elsewhere (``tabletop verify --head``).
    """

    path: str
    events: int = 0
    rounds: int = 0  #: rounds played (engine.review.rounds_played), once the replay is whole
    damage: Damage | None = None
    error: SaveError | None = None
    chance_checked: int = 0
    notes: list[str] = field(default_factory=list)
    #: the chain hash of the header (index 0) and of each event read, in order
    chains: list[str] = field(default_factory=list)
    #: a noted head to check (``--head``), and what the check found
    noted: str | None = None
    head_found: int | None = None  # the event whose chain the noted head is (0: the header)
    #: a damaged save: the recovered copy where ``resume`` went on from its intact events (see ``.continuation``)
    continued_in: Path | None = None
    #: the ``NAME-2.jsonl``... where the game's writer went on, whole, when this file was written over during play
    #: (an older copy put back): this file stops before the game did (see ``.continuation.written_again_in``)
    written_again_in: Path | None = None
    #: a recovered copy: the damaged save it goes on from, and how many of that save's events it starts with
    continues: tuple[Path, int] | None = None
    #: the save's format, when older than the one this tabletop writes (``resume`` goes on in a copy of the current
    #: format, named in ``continued_in``)
    older_format: int | None = None

    @property
    def head(self) -> str | None:
        """The chain hash of the last intact line (None: not a save at all)."""
        return self.chains[self.events] if len(self.chains) > self.events else None

    @property
    def head_matches(self) -> bool:
        return self.noted is None or (self.damage is None and self.head_found == len(self.chains) - 1)

    @property
    def ok(self) -> bool:
        return self.damage is None and self.error is None and self.head_matches

    @property
    def refusal(self) -> str | None:
        """Why the path was never read as a save (a name mistyped, a folder, a pipe, unreadable, not a save at all),
        in one record; None when a save was read, intact or damaged. A refusal of the input, not a verdict on a save:
        ``tabletop verify`` says it where every command says its refusals."""
        if self.error is None or self.error.kind not in _NOT_READ:
            return None
        return _("{path}: {message}").format(path=self.path, message=self.error.message)

    def lines(self) -> list[str]:
        if self.error is not None:
            if (refusal := self.refusal) is not None:  # no damaged save
                return [refusal]
            return [_("{path}: damaged: {kind}: {message}").format(
                path=self.path, kind=damage_words(self.error.kind), message=self.error.message)]
        out: list[str]
        if self.damage is not None:
            out = [
                _("{path}: damaged at {damage}").format(path=self.path, damage=self.damage),
                # counts stand after a colon in every language: no plural form to get wrong ("the 1 events")
                _("  events before it, all intact: {n}").format(n=self.events),
            ]
            if self.continued_in is not None:
                out.append(went_on_line(self.continued_in))
            elif self.written_again_in is not None:
                out.append(written_again_line(self.written_again_in))
            elif self.damage.kind == "torn tail":  # untranslated: a damage kind (an id)
                # found from outside: a facilitator who ran verify first was not told the game could go on
                out.append(_("  tabletop resume {path} drops what is incomplete and goes on from event {n}").format(
                    path=self.path, n=self.events))
            else:
                out.append(_("  tabletop resume {path} goes on from event {n} in a recovered copy beside it; this file "
                             "is kept as it is").format(path=self.path, n=self.events))
        else:
            out = [
                _("{path}: intact — events: {events}, rounds played: {rounds}; "
                  "every line is what the replay gives (state, round, phase, actor, track, action, result) "
                  "and the hash chain checks out; draws and rolls re-derived from the seed, all matching: {chance}"
                ).format(path=self.path, events=self.events, rounds=self.rounds, chance=self.chance_checked),
                *self.notes,
            ]
            if self.continued_in is not None:  # a save of an older format, left whole: the game went on in a copy
                out.append(_("  the game went on from these events in {path}, in save format {new} (made by tabletop "
                             "resume; this file is kept as it was, in format {old})").format(
                    path=self.continued_in, new=VERSION, old=self.older_format))
            elif self.written_again_in is not None:
                out.append(written_again_line(self.written_again_in))
        if self.continues is not None:
            original, kept = self.continues
            out.append(_("  a recovered copy: it goes on from the damaged save {path} after its event {n}").format(
                path=original, n=kept))
        head = self.head
        if head is not None and self.damage is None:
            out.append(_("{head_line} — full: {head}").format(head_line=head_line(self.events, head), head=head))
        if self.noted is not None:
            out.append(self._noted_line())
        return out

    def _noted_line(self) -> str:
        noted = self.noted
        last = len(self.chains) - 1
        if self.head_found is None:
            return _("noted chain head {noted}: does not match — it is the head of no event in this save: the save was "
                     "rewritten since the head was noted, or this is an older copy that stops before the event it was "
                     "noted at (or another save)").format(noted=noted)
        if self.damage is not None:
            if self.head_found == 0:
                return _("noted chain head {noted}: not checked — it is the head after the header, "
                         "but the save is damaged (above)").format(noted=noted)
            return _("noted chain head {noted}: not checked — it is the head after event {at}, "
                     "but the save is damaged (above)").format(noted=noted, at=self.head_found)
        if self.head_found == last:
            return _("noted chain head {noted}: matches — the save is exactly as it was when the head was noted"
                     ).format(noted=noted)
        after = last - self.head_found
        if self.head_found == 0:
            return ngettext(
                "noted chain head {noted}: found — it is the head after the header; the save goes on for {after} "
                "event after it (played or added since it was noted)",
                "noted chain head {noted}: found — it is the head after the header; the save goes on for {after} "
                "events after it (played or added since it was noted)",
                after,
            ).format(noted=noted, after=after)
        # a head noted at a round's end (the projector shows one each round) is found, not "does not match"
        return ngettext(
            "noted chain head {noted}: found — it is the head after event {at}, and the {upto} events up to it are "
            "exactly as noted; the save goes on for {after} event after it (played or added since it was noted)",
            "noted chain head {noted}: found — it is the head after event {at}, and the {upto} events up to it are "
            "exactly as noted; the save goes on for {after} events after it (played or added since it was noted)",
            after,
        ).format(noted=noted, at=self.head_found, after=after, upto=self.head_found)

    def check_head(self, noted: str) -> None:
        """Hold the save's chain against a noted head (the full hash or a prefix of 8 or more hex digits)."""
        self.noted = noted.lower()
        self.head_found = next((i for i, chain in enumerate(self.chains) if chain.startswith(self.noted)), None)


def verify(path: str | Path, head: str | None = None) -> VerifyReport:
    """Replay a save from its header, holding every line against the replay, and the chain against ``head``."""
    with collector_paused():
        report = _verify(path)
    if report.error is None:
        from .continuation import continued_in, continues, written_again_in

        if (report.damage is not None and report.damage.seq > 0) or (report.damage is None and report.older_format):
            report.continued_in = continued_in(path, report.events)
        if report.continued_in is None and (report.damage is None or report.damage.seq > 0):
            report.written_again_in = written_again_in(path, report.events)
        report.continues = continues(path)
    if head is not None and report.error is None:
        report.check_head(head)
    return report


def _verify(path: str | Path, whole_shapes: bool = False) -> VerifyReport:
    """``whole_shapes``: check the whole shape of every line as it is read (the same report, more work; tests
    hold the two against each other)."""
    report = VerifyReport(str(path))
    try:
        reader = SaveReader(path, keep_offsets=False, whole_shapes=whole_shapes)
    except SaveError as exc:
        report.error = exc
        return report
    with reader:
        return _verify_events(report, reader)


def _verify_events(report: VerifyReport, reader: SaveReader) -> VerifyReport:
    """Replay each event as it is read: a save is never held whole, so memory stays flat however long it is.

    The reader checks only the keys of a line no replay recomputes (``shapes.ECHOED``); the replay rebuilds the
    rest, and a line that differs or does not replay has its whole shape checked, so a malformed line is named
    as a reader that checks every line whole names it (tested on every forgery of ``test_forgery``).
    """
    report.chains = [reader.header_chain]
    if reader.header["version"] != VERSION:
        report.older_format = reader.header["version"]
    events = reader.events()
    header = _header_difference(reader.header, reader.scenario)
    if header is not None:
        report.chains.extend(_well_formed_chains(events))
        report.damage = header
        return report
    state: State = new_game(reader.scenario, int(reader.header["seed"]))
    seals = SealBook.for_header(reader.header)
    committed: dict[int, str] = {}  # the commitment each sealed line records, as read
    opened: set[int] = set()  # the sealed events a reveal opened, each checked against its commitment
    for index, event in enumerate(events):
        line = index + 2
        try:
            damage, after, revealed, chanced = _replayed(state, event, line, seals, committed)
        except Exception:
            malformed = whole_shape(event)
            if malformed is None:
                raise
            damage, after, revealed, chanced = None, state, False, False
        else:
            malformed = whole_shape(event) if damage is not None else None
        if malformed is not None:  # where a reader that checks every line stops: the line is not an event
            report.damage = Damage(event.seq, line, N_("malformed event"), maybe_newer(str(malformed), malformed.unknown_key))
            return _finished(report, state, committed, opened)
        report.chains.append(event.chain)
        if revealed:  # its reveal (if any) opened commitments made earlier, each matching
            if seals.on and isinstance(event.reveal, list):  # (a reveal undone and made again opens the same ones)
                opened.update(item["seq"] for item in event.reveal if isinstance(item, dict))
            if isinstance(event.seal, dict) and isinstance(event.seal.get("commitment"), str):
                committed[event.seq] = event.seal["commitment"]
        report.chance_checked += chanced
        if damage is not None:
            report.damage = damage
            break
        state = after
        report.events += 1
        report.rounds = state.round
    # the chain of every line that reads as an event, past a replay's damage too (for ``--head``)
    report.chains.extend(_well_formed_chains(events))
    if report.damage is None and reader.damage is not None:
        report.damage = reader.damage
    return _finished(report, state, committed, opened)


def _finished(report: VerifyReport, state: State, committed: dict[int, str], opened: set[int]) -> VerifyReport:
    if committed:
        report.notes.append(_sealed_note(len(committed), len(opened), len(committed.keys() - opened)))
    if report.damage is None:
        report.rounds = rounds_played(state)  # as the report's header counts them
    return report


def _well_formed_chains(events: Iterator[SavedEvent]) -> Iterator[str]:
    """The chain of each event read on, up to the first that is not the shape of an event (where a reader that
    checks every line whole stops)."""
    for event in events:
        if whole_shape(event) is not None:
            return
        yield event.chain


def _replayed(state: State, event: SavedEvent, line: int, seals: SealBook,
              committed: dict[int, str]) -> tuple[Damage | None, State, bool, bool]:
    """The state after ``event`` replayed on ``state``, the first way its line is not the replay's (None), whether
    its reveal (if any) was checked, and whether its draw or roll was re-derived from the seed."""
    if seals.on and event.reveal is not None:
        broken = broken_reveal(event.reveal, committed)
        if broken is not None:
            return Damage(event.seq, line, N_("reveal differs"), broken), state, False, False
    try:
        after = apply(state, event.action)
    except (RuleViolation, IndependenceBreach) as exc:
        return Damage(event.seq, line, N_("illegal event"),
                      _("does not replay: {error}").format(error=exc)), state, True, False
    digest = after.hash  # worked out anew on each read: once an event
    if digest != event.state:
        # what the event records is held against the seed and the replay first: a forged roll is said as the dice
        # that differ, where the hashes alone told a room nothing (found from outside, helper-259)
        found = recorded_difference(state, event, after, seals)
        return Damage(event.seq, line, *found) if found is not None else Damage(
            event.seq, line, N_("state differs"),
            _("replaying gives state {digest}, the save says {saved} (edited, or made by a different engine)").format(
                digest=digest, saved=event.state),
        ), state, True, False
    chanced = False
    if event.action.kind in CHANCE_KINDS and event.action.outcome is not None:
        found = chance_difference(state, event.action)
        if found is not None:
            return Damage(event.seq, line, *found), state, True, False
        chanced = True
    assert after.last is not None
    found = difference(event.body, event.time, after.last, digest, event.clock, seals, event.seal)
    if found is not None:
        return Damage(event.seq, line, *found), state, True, chanced
    return None, after, True, chanced


def _sealed_note(committed: int, opened: int, never: int) -> str:
    """The sealed moves committed, those a reveal opened, and those never revealed (found from outside: "44 sealed
    moves committed; 43 revealed entries" read as a lost move; the 44th had been undone before the reveal)."""
    moves = ngettext("  {n} sealed move committed", "  {n} sealed moves committed", committed).format(n=committed)
    entries = ngettext("{n} opened at a reveal, matching its commitment",
                       "{n} opened at a reveal, each matching its commitment", opened).format(n=opened)
    if not never:
        return _("{moves}; {entries}").format(moves=moves, entries=entries)
    unopened = ngettext("{n} never revealed (undone before its reveal, or its round not over)",
                        "{n} never revealed (undone before their reveal, or their round not over)", never).format(n=never)
    return _("{moves}; {entries}; {never}").format(moves=moves, entries=entries, never=unopened)


def _header_difference(header: dict[str, Any], scenario: Scenario) -> Damage | None:
    """The header's summary of the scenario must be the embedded scenario's own."""
    rs, deck = scenario.ruleset.ruleset, scenario.deck.deck
    expected = {
        "ruleset_id": rs.id,
        "ruleset_name": rs.name,
        "deck_id": deck.id,
        "deck_name": deck.name,
        "independence": rs.independence,
    }
    given = header.get("scenario", {})
    for key, value in expected.items():
        if key in given and given[key] != value:
            return Damage(0, 1, N_("header differs"),
                          _("scenario.{key}: the embedded scenario gives {value}, the header says {given}").format(
                              key=key, value=show(value), given=show(given[key])))
    return None


def written_again_line(path: object) -> str:
    """The line under the report of a save written over during play (verify, replay): where the game went on."""
    return _("  the game went on from these events in {path}: tabletop wrote the whole game there when this file "
             "was written over during play").format(path=path)


def went_on_line(path: object) -> str:
    """The line under a damaged save's report (verify, replay): the recovered copy the game went on in."""
    return _("  the game went on from those events in {path} (made by tabletop resume)").format(path=path)
