"""Load rulesets and decks from TOML, reporting every problem with its line."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import ContentError, KeyPath, Problem, dedupe, did_you_mean, format_path
from .fields import dump, replace
from .files import MAX_CONTENT_BYTES, MAX_DEPTH, FileRefused, read_regular, too_deep
from .models import Actor, Card, Deck, Meter, MoveType, Ruleset, Track

if TYPE_CHECKING:  # the checks and the line finder are imported when a file is validated
    from .checks import Found
    from .locate import Locator

MAX_BYTES = MAX_CONTENT_BYTES
BUNDLED = Path(__file__).resolve().parent.parent / "scenarios"


class SourceFile(NamedTuple):
    """A content file read from disk (or embedded data with no file)."""

    name: str
    data: dict[str, Any]
    locator: Locator | None = None
    sha: str = ""  # SHA-256 of the file's bytes, as read (what a validated scenario is cached under)

    def problem(self, path: KeyPath, message: str) -> Problem:
        line = self.locator.line(path) if self.locator else None
        return Problem(self.name, line, format_path(path), message)


class ScenarioIndex:
    """A scenario's ids mapped to their definitions."""

    def __init__(self, ruleset: Ruleset, deck: Deck):
        self.moves: dict[str, MoveType] = {m.id: m for m in ruleset.moves}
        self.tracks: dict[str, Track] = {t.id: t for t in ruleset.tracks}
        self.actors: dict[str, Actor] = {a.id: a for a in ruleset.actors}
        self.meters: dict[str, Meter] = {m.id: m for m in ruleset.meters}
        self.cards: dict[str, Card] = {c.id: c for c in deck.cards}
        self.actor_ids: tuple[str, ...] = tuple(a.id for a in ruleset.actors)
        #: the tracks each actor sits at, in ruleset order
        self.seats: dict[str, tuple[str, ...]] = {
            a.id: tuple(t.id for t in ruleset.tracks if a.id in t.members) for a in ruleset.actors
        }
        self.has_global_moves = any(m.scope == "global" for m in ruleset.moves)
        #: every (move, track) each actor could ever play, in listing order (track None: a global move)
        self.plays: dict[str, tuple[tuple[MoveType, str | None], ...]] = {
            actor: tuple(
                (move, tid)
                for move in self.moves.values()
                for tid in ((None,) if move.scope == "global" else seats)
            )
            for actor, seats in self.seats.items()
        }


@dataclass
class Scenario:
    """A ruleset and the deck it is played with, checked together."""

    ruleset: Ruleset
    deck: Deck
    ruleset_source: str = ""
    deck_source: str = ""
    _json: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def index(self) -> ScenarioIndex:
        """Lookups by id, built once: the engine asks them on every action."""
        return ScenarioIndex(self.ruleset, self.deck)

    @property
    def id(self) -> str:
        return self.ruleset.ruleset.id

    def with_options(self, **changes: Any) -> Scenario:
        """The same scenario with some ``[ruleset]`` options changed (sealed moves, independence)."""
        options = self.ruleset.ruleset
        if all(getattr(options, key) == value for key, value in changes.items()):
            return self
        ruleset = replace(self.ruleset, ruleset=replace(options, **changes))
        return Scenario(ruleset, self.deck, self.ruleset_source, self.deck_source)

    @property
    def name(self) -> str:
        return self.ruleset.ruleset.name

    def embedded(self) -> dict[str, Any]:
        """The full ruleset and deck as plain JSON data, for saves."""
        if not self._json:
            self._json = {
                "ruleset": dump(self.ruleset),
                "deck": dump(self.deck),
            }
        return self._json


# --------------------------------------------------------------------------
# Reading files


def read_toml(path: str | Path) -> SourceFile:
    """Read and parse one TOML file, or raise ContentError saying why not."""
    import tomllib  # a bundled scenario comes from the validated cache, without parsing

    p = Path(path)
    name = str(path)

    def fail(message: str, line: int | None = None) -> ContentError:
        return ContentError([Problem(name, line, "", message)])

    if not p.exists():
        raise fail("no such file")
    if p.is_dir():
        raise fail("is a directory, not a file (give a .toml file, or use 'tabletop validate DIR')")
    try:
        raw = read_regular(p, MAX_BYTES)
    except FileRefused as exc:
        raise fail(exc.message) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail(f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); save the file as UTF-8", line) from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise fail("file is empty: expected a [ruleset] or a [deck] table", 1)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        # "at end of document": the file stops too soon, e.g. an array never closed
        line = int(m.group(1)) if m else text.rstrip().count("\n") + 1
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg).rstrip(".")
        msg = re.sub(r"\s*\(at end of document\)", " at the end of the file", msg)
        raise fail(f"TOML syntax error: {msg}", line) from None
    except RecursionError:
        raise fail(f"too deeply nested (tables and arrays more than {MAX_DEPTH} levels deep)") from None
    if too_deep(data):
        raise fail(f"too deeply nested (tables and arrays more than {MAX_DEPTH} levels deep)")
    from .locate import Locator

    return SourceFile(name, data, Locator(text), hashlib.sha256(raw).hexdigest())


def kind_of(source: SourceFile) -> str:
    """``'ruleset'`` or ``'deck'``, from the file's top table."""
    has_ruleset, has_deck = "ruleset" in source.data, "deck" in source.data
    if has_ruleset and not has_deck:
        return "ruleset"
    if has_deck and not has_ruleset:
        return "deck"
    if has_ruleset and has_deck:
        raise ContentError([source.problem((), "a file is a ruleset or a deck, not both ([ruleset] and [deck] found)")])
    keys = ", ".join(sorted(source.data)) or "nothing"
    raise ContentError(
        [source.problem((), f"not a ruleset or a deck: expected a [ruleset] or [deck] table (found {keys})")]
    )


def _raise_found(found: list[Found], sources: dict[str, SourceFile]) -> None:
    if found:
        problems = dedupe(sources[owner].problem(path, msg) for owner, path, msg in found)
        raise ContentError(sorted(problems, key=lambda p: (p.file, p.line or 0)))


def parse_ruleset(source: SourceFile) -> Ruleset:
    from .checks import check_ruleset
    from .validation import validate  # pydantic, only for a file not validated before

    rs: Ruleset = validate(source, Ruleset)
    _raise_found(check_ruleset(rs), {"ruleset": source})
    return rs


def parse_deck(source: SourceFile) -> Deck:
    from .checks import check_deck
    from .validation import validate

    deck: Deck = validate(source, Deck)
    _raise_found(check_deck(deck), {"deck": source})
    return deck


def combine(rs: Ruleset, deck: Deck, rs_source: SourceFile, deck_source: SourceFile) -> Scenario:
    """Check a deck against a ruleset and make the scenario."""
    from .checks import check_scenario

    _raise_found(check_scenario(rs, deck), {"ruleset": rs_source, "deck": deck_source})
    return Scenario(rs, deck, rs_source.name, deck_source.name)


def load_file(path: str | Path) -> Ruleset | Deck:
    """Load one ruleset or deck file on its own."""
    source = read_toml(path)
    return parse_ruleset(source) if kind_of(source) == "ruleset" else parse_deck(source)


# --------------------------------------------------------------------------
# Finding scenarios


def bundled_rulesets() -> list[Path]:
    return sorted((BUNDLED / "rulesets").glob("*.toml"))


def bundled_decks() -> list[Path]:
    return sorted((BUNDLED / "decks").glob("*.toml"))


DEFAULT_RULESET = "parallel-tracks"


def resolve(ref: str | Path, kind: str, near: Path | None = None) -> Path:
    """A path, or the id of a bundled ruleset or deck (also found beside ``near``)."""
    p = Path(ref)
    if p.suffix == ".toml" or p.exists() or "/" in str(ref):
        return p
    folder = "rulesets" if kind == "ruleset" else "decks"
    candidates: list[Path] = []
    if near is not None:
        candidates += [near / f"{ref}.toml", near.parent / folder / f"{ref}.toml"]
    candidates.append(BUNDLED / folder / f"{ref}.toml")
    for c in candidates:
        if c.is_file():
            return c
    # by id inside files whose name differs from their id
    dirs = ([near, near.parent / folder] if near is not None else []) + [BUNDLED / folder]
    for d in dirs:
        for f in sorted(d.glob("*.toml")) if d.is_dir() else []:
            if _declared_id(f, kind) == str(ref):
                return f
    known = sorted(f.stem for f in (BUNDLED / folder).glob("*.toml"))
    raise ContentError(
        [Problem(str(ref), None, "", f"no {kind} file or bundled {kind} id '{ref}'{did_you_mean(str(ref), known)} "
                 f"(bundled: {', '.join(known)})")]
    )


def _declared_id(path: Path, kind: str) -> str | None:
    import tomllib

    try:
        data = tomllib.loads(read_regular(path, MAX_BYTES).decode("utf-8"))
    except (FileRefused, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None  # not this one; validating that file says what is wrong with it
    table = data.get(kind)
    return table.get("id") if isinstance(table, dict) else None


def load_scenario(
    ruleset: str | Path = DEFAULT_RULESET, deck: str | Path | None = None, *, use_cache: bool = True
) -> Scenario:
    """Load a ruleset and its deck (default: the deck the ruleset names).

    ``ruleset`` and ``deck`` are paths or bundled ids. Raises ContentError
    carrying every problem found, each with file, line and key path. Files
    byte for byte equal to the bundled ones come from the validated cache
    (:mod:`tabletop.content.cache`) unless ``use_cache`` is false.
    """
    rs_path = resolve(ruleset, "ruleset")
    if use_cache:
        cached = _cached_scenario(rs_path, deck)
        if cached is not None:
            return cached
    rs_source = read_toml(rs_path)
    if kind_of(rs_source) != "ruleset":
        raise ContentError([rs_source.problem((), "this is a deck; give a ruleset (with a [ruleset] table)")])
    problems: list[Problem] = []
    rs: Ruleset | None = None
    try:
        rs = parse_ruleset(rs_source)
    except ContentError as exc:
        problems += exc.problems
    deck_ref = deck if deck is not None else (rs.ruleset.deck if rs is not None else None)
    if rs is not None and deck_ref is None:
        problems.append(rs_source.problem(("ruleset", "deck"), "the ruleset names no deck; give one with --deck"))
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
            if kind_of(deck_source) != "deck":
                raise ContentError([deck_source.problem((), "this is a ruleset; give a deck (with a [deck] table)")])
            deck_model = parse_deck(deck_source)
        except ContentError as exc:
            problems += exc.problems
    if problems:
        raise ContentError(problems)
    assert rs is not None and deck_model is not None and deck_source is not None and deck_path is not None
    scenario = combine(rs, deck_model, rs_source, deck_source)
    if use_cache:
        from . import usercache

        usercache.remember(scenario.embedded(), rs_path, rs_source.sha, deck_path, deck_source.sha, deck, str(deck_ref))
    return scenario


def _cached_scenario(rs_path: Path, deck: str | Path | None) -> Scenario | None:
    """The scenario from a validated cache: the bundled one, or the user's for files validated before."""
    from . import cache, usercache

    try:
        rs_bytes = read_regular(rs_path, MAX_BYTES)
        entry = cache.for_files(rs_bytes) or usercache.for_files(rs_bytes, deck)
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
    return Scenario(*contents, str(rs_path), str(deck_path), entry["data"])


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
        raise ContentError([Problem(name, None, "", "no embedded ruleset and deck")])
    if too_deep(data):
        raise ContentError([Problem(name, None, "", f"the embedded scenario is too deeply nested (more than {MAX_DEPTH} levels)")])
    from . import cache, usercache

    # exactly a bundled scenario, or data validated before (a simulate worker, a save played again)
    entry = cache.for_data(data) or usercache.for_data(data)
    contents = _contents(entry) if entry is not None else None
    if entry is not None and contents is not None:
        return Scenario(*contents, f"{name} (embedded ruleset)", f"{name} (embedded deck)", entry["data"])
    rs_source = SourceFile(f"{name} (embedded ruleset)", data["ruleset"])
    deck_source = SourceFile(f"{name} (embedded deck)", data["deck"])
    scenario = combine(parse_ruleset(rs_source), parse_deck(deck_source), rs_source, deck_source)
    validated = scenario.embedded()
    if cache.data_sha(validated) == cache.data_sha(data):  # kept only when validating gives back the same data
        usercache.remember_data(validated)
    return scenario
