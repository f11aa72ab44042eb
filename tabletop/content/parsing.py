"""Validating content files: a ruleset, a deck, and a scenario from both, every problem with its line.

Pydantic and the checks are imported only here, when a file is validated:
a bundled or cached scenario never needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import ContentError, Problem, dedupe
from .files import real_path
from .finding import BUNDLED, resolve
from .models import Deck, Ruleset
from .scenario import Scenario
from ..lang import Domain
from .source import SourceFile, given_for_base, kind_of, read_toml

_, ngettext, N_ = Domain("content").words()

if TYPE_CHECKING:  # the checks are imported when a file is validated
    from .checks import Found



def _raise_found(found: list[Found], sources: dict[str, SourceFile], authoring: bool = True) -> None:
    """Raise the problems found; without ``authoring`` (a scenario read back from a save), not those about a file
    being written (:class:`~tabletop.content.checks.Authoring`)."""
    if not authoring:
        from .checks import Authoring

        found = [f for f in found if not isinstance(f[2], Authoring)]
    if found:
        problems = dedupe(sources[owner].problem(path, msg) for owner, path, msg in found)
        raise ContentError(sorted(problems, key=lambda p: (p.file, p.line or 0)))


def parse_ruleset(source: SourceFile, authoring: bool = True) -> Ruleset:
    """``authoring``: False for a scenario read back from a save (what was played is not refused for a rule that
    never fires)."""
    from .checks import check_ruleset
    from .validation import validate  # pydantic, only for a file not validated before

    rs: Ruleset = validate(source, Ruleset)
    _raise_found(check_ruleset(rs), {"ruleset": source}, authoring)
    return rs


def parse_deck(source: SourceFile, authoring: bool = True) -> Deck:
    from .checks import check_deck
    from .validation import validate

    deck: Deck = validate(source, Deck)
    _raise_found(check_deck(deck), {"deck": source}, authoring)
    return deck


def check_alone(deck: Deck, deck_source: SourceFile) -> list[Problem]:
    """What :func:`combine` checks of a deck that needs no ruleset, for a deck checked with none."""
    from .checks import check_choosers

    return [deck_source.problem(path, message) for _owner, path, message in check_choosers(deck)]


def combine(rs: Ruleset, deck: Deck, rs_source: SourceFile, deck_source: SourceFile,
            authoring: bool = True) -> Scenario:
    """Check a deck against a ruleset and make the scenario."""
    from .checks import check_scenario

    _raise_found(check_scenario(rs, deck), {"ruleset": rs_source, "deck": deck_source}, authoring)
    return Scenario(rs, deck, rs_source.name, deck_source.name)


def combine_found(rs: Ruleset, deck: Deck, rs_source: SourceFile, deck_source: SourceFile,
                  given: str | None = None) -> Scenario:
    """:func:`combine` for a deck that may be one of tabletop's own (named by the ruleset's id, given with
    ``--deck``, or given to validate): when it is and does not fit the ruleset, that is said once, and not as every
    card of a file the designer cannot change.

    Found from outside: ``deck = "river-basin-events"`` in a designer's ruleset gave 62 lines in the bundled deck
    file ("unknown track 'flow-allocation'" ...) and none on the line to fix. ``given``: how the deck was given
    (``--deck ID``), which the message is about (not the ruleset's ``deck`` line: found from outside); "": given to
    validate with the ruleset, said at the ruleset's top (which then is not "ok")."""
    try:
        return combine(rs, deck, rs_source, deck_source)
    except ContentError as exc:
        if not _bundled(deck_source.name):
            raise
        in_deck = [p for p in exc.problems if p.file == deck_source.name]
        if not in_deck:
            raise
        first = in_deck[0]
        said = ngettext(
            "tabletop's deck '{id}' is not written for this ruleset: {n} problem in it ({first}); name a deck "
            "written for this ruleset",
            "tabletop's deck '{id}' is not written for this ruleset: {n} problems in it, the first: {first}; name a "
            "deck written for this ruleset", len(in_deck)).format(
                id=deck.deck.id, n=len(in_deck), first=f"{first.path}: {first.message}" if first.path else first.message)
        mine = [p for p in exc.problems if p.file != deck_source.name]
        if given == "":  # given with the ruleset to validate: said at the ruleset's top, which is not "ok" then
            raise ContentError([*mine, rs_source.problem((), said)]) from None
        if given is not None:  # the option's word, not a line of the ruleset
            raise ContentError([*mine, Problem(given, None, "", said)]) from None
        where = ("ruleset", "deck") if rs.ruleset.deck is not None else ()
        raise ContentError([*mine, rs_source.problem(where, said)]) from None


def _bundled(name: str) -> bool:
    return real_path(name).is_relative_to(BUNDLED)


def _refuse_overlay(problem: Problem | None) -> None:
    if problem is not None:
        raise ContentError([problem])


class Validated(NamedTuple):
    """A scenario validated from its files, with what the user's cache keeps it under."""

    scenario: Scenario
    ruleset_sha: str
    deck_path: Path
    deck_sha: str
    deck_ref: str


#: a ruleset without ``deck = ...`` given with no deck (a sweep file says it otherwise: :mod:`.sweepfile`)
NO_DECK = N_("the ruleset names no deck; give one with --deck")
#: a ruleset given where its deck goes: ``play --deck``, a sweep file's ``deck``, validate's file after a ruleset
NOT_A_DECK = N_("this is a ruleset; give a deck (with a [deck] table)")


def validate_files(rs_path: Path, deck: str | Path | None, deck_option: str = "deck") -> Validated:
    """Validate a ruleset file and its deck (``deck``, else the one the ruleset names), or raise ContentError.

    ``deck_option``: what ``deck`` was given as (the API's argument, ``--deck`` on the command line), the name a
    deck not written for the ruleset is said of (found from outside: a notebook was told of a ``--deck`` never typed).
    """
    rs_source = read_toml(rs_path)
    _refuse_overlay(given_for_base(rs_source, "ruleset"))
    if kind_of(rs_source) != "ruleset":
        raise ContentError([rs_source.problem((), _("this is a deck; give a ruleset (with a [ruleset] table)"))])
    problems: list[Problem] = []
    rs: Ruleset | None = None
    try:
        rs = parse_ruleset(rs_source)
    except ContentError as exc:
        problems += exc.problems
    deck_ref = deck if deck is not None else (rs.ruleset.deck if rs is not None else None)
    if rs is not None and deck_ref is None:
        problems.append(rs_source.problem(("ruleset", "deck"), _(NO_DECK)))
    deck_model: Deck | None = None
    deck_source: SourceFile | None = None
    deck_path: Path | None = None
    if deck_ref is not None:
        try:
            try:
                deck_path = resolve(deck_ref, "deck", near=rs_path.parent)
            except ContentError as exc:
                if deck is not None:
                    raise
                # the ruleset named this deck: point at the line that names it
                raise ContentError([rs_source.problem(("ruleset", "deck"), p.message) for p in exc.problems]) from None
            deck_source = read_toml(deck_path)
            _refuse_overlay(given_for_base(deck_source, "deck"))
            if kind_of(deck_source) != "deck":
                raise ContentError([deck_source.problem((), _(NOT_A_DECK))])
            deck_model = parse_deck(deck_source)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    assert rs is not None and deck_model is not None and deck_source is not None and deck_path is not None
    scenario = combine_found(rs, deck_model, rs_source, deck_source,
                             given=None if deck is None else f"{deck_option} {deck}")  # untranslated: the option
    return Validated(scenario, rs_source.sha, deck_path, deck_source.sha, str(deck_ref))
