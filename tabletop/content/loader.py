"""Load rulesets and decks: from the validated caches, or validated, reporting every problem with its line.

Reading a file is :mod:`.source`, finding one by id :mod:`.finding`, the
scenario type :mod:`.scenario`, validating :mod:`.parsing`; the caches are
:mod:`.cache` (bundled, kept current by :mod:`.refresh`) and :mod:`.usercache`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ContentError, Problem
from .files import MAX_DEPTH, FileRefused, read_regular, too_deep
from .finding import DEFAULT_RULESET, resolve
from .models import Deck, Ruleset
from .scenario import Scenario
from ..lang import Domain
from .source import MAX_BYTES, SourceFile, kind_of, read_toml

_, ngettext, N_ = Domain("content").words()


def load_file(path: str | Path) -> Ruleset | Deck:
    """Load one ruleset or deck file on its own."""
    from .parsing import check_alone, parse_deck, parse_ruleset

    source = read_toml(path)
    if kind_of(source) == "ruleset":
        return parse_ruleset(source)
    deck = parse_deck(source)
    problems = check_alone(deck, source)
    if problems:
        raise ContentError(problems)
    return deck


def load_scenario(
    ruleset: str | Path = DEFAULT_RULESET, deck: str | Path | None = None, *, use_cache: bool = True,
    deck_option: str = "deck",
) -> Scenario:
    """Load a ruleset and its deck (default: the deck the ruleset names).

    ``ruleset`` and ``deck`` are paths or bundled ids. Raises ContentError
    carrying every problem found, each with file, line and key path. Files
    byte for byte equal to the bundled ones come from the validated cache
    (:mod:`tabletop.content.cache`) unless ``use_cache`` is false.
    ``deck_option``: what the deck was given as, named by a problem with it
    (``deck river-basin-events: …``); the command line passes ``--deck``.
    """
    rs_path = resolve(ruleset, "ruleset")
    if use_cache:
        cached = _cached_scenario(rs_path, deck)
        if cached is not None:
            return cached
    from .parsing import validate_files  # validating is imported only for a file no cache knows

    found = validate_files(rs_path, deck, deck_option)
    found.scenario.source_shas = (found.ruleset_sha, found.deck_sha)
    if use_cache:
        from . import refresh, usercache

        usercache.remember(found.scenario.embedded(), rs_path, found.ruleset_sha, found.deck_path, found.deck_sha,
                           deck, found.deck_ref)
        if deck is None:
            refresh.after_validating(rs_path)  # an edited bundled file: the bundled cache is written again
    return found.scenario


def _cached_scenario(rs_path: Path, deck: str | Path | None) -> Scenario | None:
    """The scenario from a validated cache: the bundled one, or the user's for files validated before."""
    from . import cache

    try:
        rs_bytes = read_regular(rs_path, MAX_BYTES)
        entry = cache.for_files(rs_bytes)
        if not entry:
            from . import usercache  # a file the bundled cache does not know (a bundled game needs no user cache)

            entry = usercache.for_files(rs_bytes, deck)
        if entry is None:
            return None
        deck_path = resolve(deck if deck is not None else entry["deck_ref"], "deck", near=rs_path.parent)
        if cache.file_sha(read_regular(deck_path, MAX_BYTES)) != entry["deck_sha"]:
            return None
    except (FileRefused, ContentError):
        return None  # validating says what is wrong, with the line
    contents = _contents(entry)
    if contents is None:
        return None
    scenario = Scenario(*contents, str(rs_path), str(deck_path), entry["data"])
    scenario.source_shas = (entry["ruleset_sha"], entry["deck_sha"])  # the bytes it was read from
    return scenario


def _contents(entry: dict[str, Any]) -> tuple[Ruleset, Deck] | None:
    """An entry's ruleset and deck; None for data of another shape than validating writes."""
    from . import cache

    try:
        return cache.contents(entry)
    except Exception:  # noqa: BLE001 - a damaged cache only means validating again
        return None


def scenario_from_data(data: dict[str, Any], name: str = "<embedded>") -> Scenario:
    """Rebuild a scenario from :meth:`Scenario.embedded` data (e.g. a save header)."""
    if not isinstance(data, dict) or not isinstance(data.get("ruleset"), dict) or not isinstance(data.get("deck"), dict):
        raise ContentError([Problem(name, None, "", _("no embedded ruleset and deck"))])
    if too_deep(data):
        raise ContentError([Problem(name, None, "", _("the embedded scenario is too deeply nested (more than {n} levels)")
                                    .format(n=MAX_DEPTH))])
    from . import cache, usercache

    # exactly a bundled scenario, or data validated before (a simulate worker, a save played again)
    entry = cache.for_data(data) or usercache.for_data(data)
    contents = _contents(entry) if entry is not None else None
    if entry is not None and contents is not None:
        # untranslated: the sources' names, which name a file, not a sentence
        return Scenario(*contents, f"{name} (embedded ruleset)", f"{name} (embedded deck)", entry["data"])
    from .parsing import combine, parse_deck, parse_ruleset

    rs_source = SourceFile(f"{name} (embedded ruleset)", data["ruleset"])  # untranslated: as above
    deck_source = SourceFile(f"{name} (embedded deck)", data["deck"])  # untranslated: as above
    # a save's scenario: a rule that never fires is not refused (the game was played with it; :class:`.checks.Authoring`)
    scenario = combine(parse_ruleset(rs_source, authoring=False), parse_deck(deck_source, authoring=False), rs_source,
                       deck_source, authoring=False)
    validated = scenario.embedded()
    if cache.data_sha(validated) == cache.data_sha(data):  # kept only when validating gives back the same data
        usercache.remember_data(validated)
    return scenario
