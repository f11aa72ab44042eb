"""Rulesets and decks checked together: which deck goes with which ruleset (``tabletop validate``).

A ruleset names its deck by id. When files are validated, each ruleset is
checked with that deck: the one given alongside it, or else the one found by
id beside the ruleset, in a ``decks/`` folder beside it or in a sibling ``decks/`` folder (as :func:`resolve`
finds it); without one it is checked alone, and its summary says so.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import ContentError, Problem, did_you_mean
from .files import missing, real_path
from .oswords import system_words
from .grammar import independence_word
from .overlaycheck import Checked as OverlayChecked
from .overlayfiles import BaseUnread, base_path, check_overlay_file, describe_overlay, overlays_beside
from .finding import (BUNDLED, AmbiguousId, bundled_decks, bundled_rulesets, ids_near, is_overlay_name, names_a_path,
                      resolve)
from .parsing import check_alone, combine, combine_found, parse_deck, parse_ruleset
from .source import EMPTY_SWEEP, SourceFile, is_overlay, kind_of, read_toml
from ..lang import Domain
from .models import Deck, Ruleset

_, ngettext, N_ = Domain("content").words()

if TYPE_CHECKING:  # a sweep file's loader is imported when one is validated
    from .sweepfile import Sweep


class Checked(NamedTuple):
    """What validating some files found: every file, a summary of each that reads, every problem."""

    files: list[Path]  # in the order given, a directory's files sorted
    summaries: dict[Path, str]  # what a file holds, and which deck its ruleset was checked with
    problems: list[Problem]
    #: each overlay file that reads, with what checking it found (its warnings: :func:`.overlayfiles.warnings`)
    overlays: list[tuple[Path, OverlayChecked]] = []  # noqa: RUF012 - never changed: check_files gives its own
    #: the overlays not checked because their base file, validated with them, has problems: by that base file
    unchecked: dict[str, list[str]] = {}  # noqa: RUF012 - never changed: check_files gives its own
    #: the rulesets that read but whose deck does not read or does not fit them (its problems are the deck's): the
    #: file passes, the scenario does not (found from outside: "ok" said of such a ruleset, then its deck's problems)
    deck_failed: frozenset[Path] = frozenset()
    #: the decks that read but were checked alone because a ruleset given with them does not read: the file passes,
    #: the scenario does not, and the ruleset's problems come first (found from outside: "ok  DECK: … checked alone",
    #: then the ruleset's syntax error)
    ruleset_failed: frozenset[Path] = frozenset()
    #: what a sweep file that reads plays but its designer should know (:attr:`.sweepfile.Sweep.warnings`): the file
    #: passes, and ``validate`` says each as ``tabletop sweep`` does (found from outside: only the sweep said them)
    warnings: tuple[Problem, ...] = ()

    def unchecked_lines(self) -> list[str]:
        """One line per base file with problems, on the overlays beside it that could not be checked."""
        return [ngettext("{overlays}: translation not checked: its base file {base} has problems (above)",
                         "{overlays}: translations not checked: their base file {base} has problems (above)",
                         len(overlays)).format(overlays=", ".join(overlays), base=Path(base).name)
                for base, overlays in self.unchecked.items()]

    def bad_files(self) -> set[str]:
        """The files a problem is reported against."""
        return {p.file for p in self.problems}

    def passed(self) -> list[tuple[Path, str]]:
        """Each file that reads with no problem of its own, with its summary, in order (a ruleset whose deck does not
        read or fit is one of them, and in :attr:`deck_failed`; a deck whose ruleset does not read, in
        :attr:`ruleset_failed`: ``validate`` says ``not ok`` of both)."""
        bad = self.bad_files()
        return [(path, self.summaries[path]) for path in self.files if str(path) not in bad and path in self.summaries]


def toml_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    """The files named, a directory's ``.toml`` files (sorted, at any depth) in its place.

    A ruleset or deck named by itself (by path or bundled id) brings the translations beside it (``NAME.ru.toml``,
    ``NAME.uk.toml``), right after it: they are checked against it as a directory's would be."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, unlisted = _toml_below(p)
            for folder, exc in unlisted:
                problems.append(Problem(str(folder), None, "", _("cannot read the folder: {reason}").format(
                    reason=system_words(exc))))
            if not found and not unlisted:
                problems.append(Problem(raw, None, "", _("directory holds no .toml files")))
            files += found
        elif not p.exists() and (bundled := _bundled_id(raw)) is not None:
            files.append(bundled)  # a bundled id, as play --ruleset and --deck take one (found from outside)
            # its translations too, as by path (found from outside: ``validate parallel-tracks``, which the glossary
            # has a facilitator run before a workshop, never checked the ru and uk texts)
            files += overlays_beside(bundled).values()
        elif not p.exists() and _id_like(raw):
            problems.append(Problem(raw, None, "", _not_file_nor_id(raw)))
        elif not p.exists():
            problems.append(Problem(raw, None, "", missing(p, _("no such file or directory"))))
        else:
            files.append(p)
            if not is_overlay_name(p):
                files += overlays_beside(p).values()
    return _once(files), problems


def _toml_below(top: Path) -> tuple[list[Path], list[tuple[Path, OSError]]]:
    """The ``.toml`` files in ``top`` at any depth, sorted (as ``rglob``: links to folders are not gone into), and
    each folder that could not be listed, with why.

    A FIFO or a device named like one is listed too: reading refuses it by name, never skips it unsaid. Found from
    outside: ``rglob`` passes over a folder it may not list without a word, and validate said "ok" of the rest and
    exited 0, the rulesets in it never checked (or, the folder given unreadable, that it "holds no .toml files")."""
    unlisted: list[tuple[Path, OSError]] = []
    found: list[Path] = []
    for folder, _dirs, names in os.walk(top, onerror=lambda exc: unlisted.append((Path(exc.filename), exc))):
        found += (Path(folder, name) for name in names if name.endswith(".toml"))
    return sorted(found), unlisted


def _id_like(raw: str) -> bool:
    """Whether ``raw`` could be a bundled id as play takes one: what :func:`.finding.resolve` takes for no path."""
    return not names_a_path(raw)


def _not_file_nor_id(raw: str) -> str:
    """Why a name given to validate is nothing to check, with the bundled ids it could have meant.

    Found from outside: ``tabletop validate keld-events`` said "no such file or directory", not that it was
    no bundled id either, nor which ids are."""
    rulesets = sorted(f.stem for f in bundled_rulesets())
    decks = sorted(f.stem for f in bundled_decks())
    return _("neither a file nor the id of a bundled ruleset or deck{hint} (bundled rulesets: {rulesets}; bundled "
             "decks: {decks})").format(hint=did_you_mean(raw, rulesets + decks), rulesets=", ".join(rulesets),
                                       decks=", ".join(decks))


def _bundled_id(raw: str) -> Path | None:
    """The bundled ruleset or deck ``raw`` names by its id (no folder, no suffix), or None."""
    if not _id_like(raw):
        return None
    for kind in ("deck", "ruleset"):
        try:
            found = resolve(raw, kind)
        except ContentError:
            continue
        if found.is_file() and _bundled(found):
            return found
    return None


def _bundled(path: Path) -> bool:
    """Whether ``path`` is one of tabletop's own scenario files."""
    return real_path(path).is_relative_to(BUNDLED)


def _given(raw: str) -> Path:
    """The file a name given to validate stands for: itself, or the bundled file of an id."""
    return Path(os.path.abspath(raw if Path(raw).exists() else (_bundled_id(raw) or raw)))


def _once(files: list[Path]) -> list[Path]:
    """Each file once, where it first comes (a file named and also found in a directory, an overlay named twice)."""
    seen: set[Path] = set()
    out: list[Path] = []
    for f in files:
        key = Path(os.path.abspath(f))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def describe_ruleset(rs: Ruleset) -> str:
    """One line on what a ruleset holds."""
    o = rs.ruleset
    # each count with its noun in the number it takes (found from outside: "1 meters")
    return _("ruleset '{id}': {actors}, {tracks}, {meters}, {moves}, {rounds}, {independence}").format(
        id=o.id, actors=ngettext("{n} actor", "{n} actors", len(rs.actors)).format(n=len(rs.actors)),
        tracks=ngettext("{n} track", "{n} tracks", len(rs.tracks)).format(n=len(rs.tracks)),
        meters=ngettext("{n} meter", "{n} meters", len(rs.meters)).format(n=len(rs.meters)),
        moves=ngettext("{n} move", "{n} moves", len(rs.moves)).format(n=len(rs.moves)),
        rounds=ngettext("{n} round", "{n} rounds", o.turns).format(n=o.turns),
        independence=independence_word(o.independence))


def describe_deck(deck: Deck) -> str:
    """One line on what a deck holds."""
    total = sum(c.copies for c in deck.cards)
    scoped = sum(1 for c in deck.cards if c.track)
    return _("deck '{id}': {cards} ({total} with copies), {scoped} on a track, {global_} global").format(
        id=deck.deck.id, cards=ngettext("{n} card", "{n} cards", len(deck.cards)).format(n=len(deck.cards)),
        total=total, scoped=scoped, global_=len(deck.cards) - scoped)


_Found = tuple[Path, SourceFile, Deck]

#: how close a deck id must be to one that is there to be its typo ('lake-evnts' for 'lake-events': 0.95;
#: 'mini-events' and 'river-basin-events', two decks: 0.69)
TYPO = 0.85


def describe_sweep(sweep: Sweep) -> str:
    """One line on a sweep file checked: its scenario, its grid and the games in all, and that nothing was played.

    Found from outside: "100 points of 10000000 games" was all a billion games' sweep said before it started. No
    time: it depends on the machine (the sweep's progress bar says it once games are played)."""
    n, games = len(sweep.points), sweep.spec.sweep.games
    return _("sweep of ruleset '{ruleset}' with deck '{deck}': {points} of {games}, {total}; checked, no game "
             "played").format(
        ruleset=sweep.scenario.ruleset.id, deck=sweep.scenario.deck.id,
        points=ngettext("{n} point", "{n} points", n).format(n=n),
        games=ngettext("{n} game", "{n} games", games).format(n=games),
        total=ngettext("{n} game in all", "{n} games in all", n * games).format(n=n * games))


def check_files(paths: Sequence[str], sweep_policies: Callable[[], Sequence[str]] | None = None) -> Checked:
    """Validate files and directories of them, each ruleset together with its deck.

    One ruleset and one deck given as files (not found in a folder) are checked together, as ``play --ruleset R
    --deck D`` takes them, whatever deck the ruleset names (found from outside: a ruleset naming its own deck and
    another deck given both passed, one "checked alone", and play refused the pair). A deck checked with no ruleset
    says so.

    A sweep file is checked as ``tabletop sweep`` checks it before it plays (:func:`.sweepfile.load_sweep`), and no
    game is played; ``sweep_policies`` gives the bot policies it may name (the simulator's, which this layer does
    not know), and without it a sweep file is told to go to ``tabletop sweep``.
    """
    files, problems = toml_files(paths)
    rulesets: list[tuple[Path, SourceFile, Ruleset]] = []
    decks: list[_Found] = []
    summaries: dict[Path, str] = {}
    overlays: list[tuple[Path, OverlayChecked]] = []
    unread: list[Path] = []  # rulesets given that have problems of their own: no deck is checked against them
    failed: dict[Path, str | None] = {}  # the files that do not read: what each was found to be (None: not known)
    warnings: list[Problem] = []  # a sweep file's that reads
    for path in files:
        kind: str | None = None
        try:
            source = read_toml(path, empty=_empty(path))
            # refused by kind_of: never taken for the deck given; [[axes]] or [[points]] without a [ruleset] or a
            # [deck]: a sweep file whose [sweep] is missing or mistyped (found from outside: told of [ruleset])
            kind = "sweep" if "sweep" in source.data or (
                {"axes", "points"} & source.data.keys() and not {"ruleset", "deck"} & source.data.keys()) else None
            if is_overlay(path, source):
                kind = "overlay"
                problems += _overlay(path, summaries, overlays)
            elif kind == "sweep" and sweep_policies is not None and not {"ruleset", "deck"} & source.data.keys():
                # found from outside: a sweep file kept in its scenario's folder failed validate, and no command
                # checked one without playing it
                from .sweepfile import load_sweep

                sweep = load_sweep(path, sweep_policies())
                summaries[path] = describe_sweep(sweep)
                warnings += sweep.warnings
            elif (kind := kind_of(source)) == "ruleset":
                try:
                    rs = parse_ruleset(source)
                except ContentError:
                    unread.append(path)
                    raise
                rulesets.append((path, source, rs))
                summaries[path] = describe_ruleset(rs)
            else:
                deck = parse_deck(source)
                decks.append((path, source, deck))
                summaries[path] = describe_deck(deck)
        except ContentError as exc:
            problems += exc.problems
            failed[path] = kind
    by_id: dict[str, _Found] = {}
    for found in decks:
        by_id.setdefault(found[2].deck.id, found)  # the first of a deck id given
    by_path = {real_path(found[0]): found for found in decks}
    pair, bad_deck, bad_ruleset = _given_pair(paths, rulesets, decks, failed, files)
    if bad_ruleset is not None and bad_ruleset not in unread:
        unread.append(bad_ruleset)  # the ruleset given with a deck, not known to be one: a TOML syntax error
    told = {real_path(f) for f in files}  # the files whose problems are said (a broken deck beside: once)
    checked_with: set[Path] = set()  # the decks checked against a ruleset
    deck_failed: set[Path] = set()
    ruleset_failed: set[Path] = set()
    for path, source, rs in rulesets:
        given = pair[1] if pair is not None and pair[0] == path else None
        if bad_deck is not None and bad_deck[0] == path:
            # the deck named with it does not read: not one of that id beside it instead (found from outside: the
            # ruleset "ok … checked with deck '…' (its good copy beside)", the deck named broken)
            deck_failed.add(path)
            summaries[path] += _("; the deck given with it does not read ({path}: see its problems)").format(
                path=bad_deck[1])
            continue
        found = given or _deck_of(path, source, rs, (by_id, by_path), told, summaries, problems, deck_failed)
        if found is None:
            continue
        checked_with.add(real_path(found[0]))
        try:
            if given is None and real_path(found[0]) not in told:
                combine_found(rs, found[2], source, found[1])  # a deck it names, not a file given: maybe tabletop's
            elif given is not None:  # given with it: tabletop's own deck (by id or path) said once, at the ruleset
                combine_found(rs, found[2], source, found[1], given="")
            else:
                combine(rs, found[2], source, found[1])
            named = rs.ruleset.deck
            # tabletop's own deck, found for a ruleset of the designer's: said as such (found from outside: a copy
            # of the deck edited in a folder not searched was passed over, and "checked with deck '…'" hid it)
            own = given is None and _bundled(found[0]) and not _bundled(path)
            # a deck of the designer's found by id, not among the files listed: which file, said (found from
            # outside: "checked with deck '…'" left a designer to guess which of two copies was read)
            found_file = given is None and not own and not _bundled(found[0]) and real_path(found[0]) not in told
            summaries[path] += _("; checked with tabletop's own deck '{id}' (none of that id is beside it)").format(
                id=found[2].deck.id) if own else _("; checked with deck '{id}' ({path})").format(
                id=found[2].deck.id, path=found[0]) if found_file else _("; checked with deck '{id}'").format(
                id=found[2].deck.id) if given is None or named in (None, found[2].deck.id) else \
                _("; checked with deck '{id}', given with it (the ruleset names deck '{named}')").format(
                    id=found[2].deck.id, named=named)
        except ContentError as exc:
            problems += exc.problems
            if all(p.file != str(path) for p in exc.problems):  # the deck's problems, listed under the deck
                deck_failed.add(path)
                summaries[path] += _("; its deck '{id}' does not fit it (see the deck's problems)").format(
                    id=found[2].deck.id)
    for path, source, deck in decks:
        if real_path(path) not in checked_with:
            problems += check_alone(deck, source)
            if unread:
                ruleset_failed.add(path)
            # found from outside: "not checked against a ruleset" beside a ruleset given with it, that had problems
            summaries[path] += _("; checked alone: its tracks, actors and meters were not checked against a ruleset") \
                if not unread else _("; checked alone: a ruleset given with it has problems of its own ({rulesets}), "
                                     "so its tracks, actors and meters were not checked against one").format(
                                         rulesets=", ".join(str(r) for r in unread))
    # a deck shared by two rulesets that it does not fit: its problem once (found from outside: said once per ruleset,
    # "2 problems in 1 file" for one wrong track)
    kept, unchecked = _unchecked(files, list(dict.fromkeys(problems)))
    return Checked(files, summaries, kept, overlays, unchecked, frozenset(deck_failed), frozenset(ruleset_failed),
                   tuple(warnings))


def _unchecked(files: list[Path], problems: list[Problem]) -> tuple[list[Problem], dict[str, list[str]]]:
    """The problems less each overlay's "not checked" whose base file is validated here and has problems; those
    overlays by their base file.

    Found from outside (helper-140): ``validate keld.toml`` with one error in it said, for each of its two
    translations, "not checked: … (tabletop validate keld.toml says why)", the command just run, and counted them:
    "3 problems in 3 files"."""
    given = {real_path(f): str(f) for f in files}
    bad = {p.file for p in problems}
    kept: list[Problem] = []
    unchecked: dict[str, list[str]] = {}
    for p in problems:
        base = given.get(real_path(base_path(Path(p.file)))) if isinstance(p, BaseUnread) else None
        if base is not None and base in bad:
            unchecked.setdefault(base, []).append(p.file)
        else:
            kept.append(p)
    return kept, unchecked


def _given_pair(paths: Sequence[str], rulesets: list[tuple[Path, SourceFile, Ruleset]], decks: list[_Found],
                failed: dict[Path, str | None], files: list[Path]) -> tuple[tuple[Path, _Found] | None,
                                                                            tuple[Path, Path] | None, Path | None]:
    """The ruleset and the deck given as files, when they are one of each; else, when one of the two does not read
    (a file not known to be either, a TOML syntax error, a folder given that holds no file to read, is the one the
    other lacks): the ruleset that reads and the deck given with it, or the ruleset given with the deck that reads.

    Found from outside (helper-360): ``validate r.toml d.toml``, d.toml a folder, said the ruleset was "checked with
    tabletop's own deck": the deck given could not be read, and no other deck was meant.

    Found from outside: with the deck given broken, the ruleset was checked with a good deck of that id beside it
    and said "ok"; with the ruleset given broken, the deck said "ok … checked alone"."""
    named = {_given(raw) for raw in paths if not Path(raw).is_dir()}

    def given(found: list[Path]) -> list[Path]:
        return [p for p in found if Path(os.path.abspath(p)) in named]

    given_rulesets = given([r[0] for r in rulesets])
    given_decks = [d for d in decks if Path(os.path.abspath(d[0])) in named]
    if len(given_rulesets) == 1 and len(given_decks) == 1:
        return (given_rulesets[0], given_decks[0]), None, None
    unknown = given([p for p, kind in failed.items() if kind is None and not is_overlay_name(p)])
    unknown += [Path(raw) for raw in paths if Path(raw).is_dir() and not any(f.is_relative_to(raw) for f in files)]
    bad_rulesets = given([p for p, kind in failed.items() if kind == "ruleset"])
    bad_decks = given([p for p, kind in failed.items() if kind == "deck"])
    if len(given_rulesets) == 1 and not given_decks and not bad_rulesets and len(bad_decks + unknown) == 1:
        return None, (given_rulesets[0], (bad_decks + unknown)[0]), None
    if len(given_decks) == 1 and not given_rulesets and not bad_decks and len(bad_rulesets + unknown) == 1:
        return None, None, (bad_rulesets + unknown)[0]
    return None, None, None


def _empty(path: Path) -> str | None:
    """What an empty file given to validate is told it should hold: a sweep file's ``[sweep]`` when it is named
    like one (in a ``sweeps`` folder, or "sweep" in its name), as ``tabletop sweep`` tells it; else every kind
    validate takes (None for a translation's name: :func:`.source.read_toml` words it).

    Found from outside (helper-360): an empty sweep file was told "expected a [ruleset] or a [deck] table"."""
    if is_overlay_name(path):
        return None
    if "sweep" in path.stem.lower() or any(part.lower() in ("sweep", "sweeps") for part in path.parent.parts):
        return _(EMPTY_SWEEP)
    return _("file is empty: expected a [ruleset], a [deck] or a [sweep] table")


def _deck_of(path: Path, source: SourceFile, rs: Ruleset, decks: tuple[dict[str, _Found], dict[Path, _Found]],
             told: set[Path], summaries: dict[Path, str], problems: list[Problem],
             deck_failed: set[Path]) -> _Found | None:
    """The deck a ruleset names, as play finds it beside the ruleset (given or not); else, play finding none, a
    deck of that id given. None when there is none to check it with (its summary or a problem says why); a problem
    for a deck id mistyped or given to two files; ``path`` added to ``deck_failed`` when the deck is there but does
    not read. ``decks``: the decks given, by id (the first of each) and by path.

    Found from outside: a folder holding two drafts of one scenario checked each draft's ruleset with the first
    draft's deck, so the second draft's broken deck passed ("checked with deck 'aquifer-events'", exit 0)."""
    by_id, by_path = decks
    deck_id = rs.ruleset.deck
    if deck_id is None:
        return None
    try:
        deck_path: Path | None = resolve(deck_id, "deck", near=path.parent)  # what play takes
    except AmbiguousId as exc:  # two files declare the id: play refuses it, and so does validate
        problems.append(source.problem(("ruleset", "deck"), exc.problems[0].message))
        return None
    except ContentError:
        deck_path = None  # none beside it: the ruleset is checked alone (told below)
    found = by_path.get(real_path(deck_path)) if deck_path is not None else by_id.get(deck_id)
    if found is None:
        found, unreadable = _deck_at(deck_path)
        if unreadable is not None:
            # the deck play would take is there but broken: the ruleset cannot be played as it is
            summaries[path] += _("; its deck '{id}' does not read").format(id=deck_id)
            deck_failed.add(path)
            if real_path(unreadable[0]) not in told:  # once, and not again for a file given to validate
                told.add(real_path(unreadable[0]))
                problems += unreadable[1]
            return None
    if found is None:
        close = difflib.get_close_matches(deck_id, ids_near("deck", path.parent), n=1, cutoff=TYPO)
        hint = did_you_mean(deck_id, close)
        if hint:  # a typo of a deck that is there: the ruleset cannot be played as it is
            problems.append(source.problem(("ruleset", "deck"), _(
                "no deck '{id}' beside the ruleset or bundled{hint}").format(id=deck_id, hint=hint)))
            return None
        # found from outside: "checked alone" and exit 0 read as a scenario ready to play
        summaries[path] += _("; deck '{id}' not found beside it: the ruleset is checked alone, and cannot be played "
                             "until that deck is written").format(id=deck_id)
    return found


def _overlay(path: Path, summaries: dict[Path, str], overlays: list[tuple[Path, OverlayChecked]]) -> list[Problem]:
    checked, problems = check_overlay_file(path)
    if checked is not None:
        overlays.append((path, checked))
        summaries[path] = describe_overlay(path, checked)
        problems += checked.problems
    return problems


def _deck_at(deck_path: Path | None) -> tuple[_Found | None, tuple[Path, list[Problem]] | None]:
    """The deck a ruleset's id resolved to (beside it, in a ``decks/`` folder beside it or a sibling one, bundled), if any; and if
    it is there but does not read (a TOML syntax error, a broken deck), its path and problems instead."""
    if deck_path is None:
        return None, None
    try:
        deck_source = read_toml(deck_path)
        if kind_of(deck_source) != "deck":
            return None, None
        return (deck_path, deck_source, parse_deck(deck_source)), None
    except ContentError as exc:
        return None, (deck_path, exc.problems)
