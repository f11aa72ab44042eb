"""Scenario texts in other languages: overlay files ``NAME.LANG.toml`` beside a ruleset or deck.

An overlay gives each entity's texts (names, descriptions, ladder labels,
card texts …) in one language, keyed by the base file's ids. The engine
always plays the base scenario; a display layer shows names from
:func:`translated`, which has the same ids, numbers and order.

Where the translations come from: a scenario loaded from files finds its
overlays beside its ruleset and deck (read only when a language other than
English is asked for); a scenario read from a save carries the translations
its header embeds (:func:`attach`), and never looks at files, which may have
changed since the game was played.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..lang import SOURCE, Domain
from .errors import ContentError, Problem, wrong_kind
from .fields import replace
from .models import Actor, Card, Deck, Prompt, ResourceInfo, Ruleset, Track, default_resource_name, resource_infos
from .arguments import StockArgument
from .overlaytexts import SECTIONS, card_logs, entries_of, move_logs
from .scenario import Scenario

_, ngettext, N_ = Domain("content").words()

#: translations as data: section -> id -> field -> text or list (``[ruleset]``/``[deck]``: field -> text)
Tables = dict[str, Any]


def translated(scenario: Scenario, lang: str) -> Scenario:
    """``scenario`` with its texts in ``lang`` from its overlay files, base text where one is missing.

    Same ids, numbers and order as ``scenario``; ``lang == "en"`` or no
    overlay returns ``scenario`` itself (the base one, given a translation). Cached per (scenario, lang).
    Raises :class:`ContentError` (every problem, ``file:line: key: message``)
    when an overlay of ``lang`` is broken: that language cannot be shown,
    English and the other languages still can.
    """
    base = scenario.translated_from or scenario  # a translation translated again starts from its base
    if lang == SOURCE:
        return base
    made: dict[str, Scenario | tuple[Problem, ...]] = base.__dict__.setdefault("_languages", {})  # once per language
    known = made.get(lang)
    if isinstance(known, tuple):  # a broken overlay is not read and checked again at every screen drawn
        # its problems, raised in an error of its own each time (found by a review: the one error raised again at
        # every word drawn grew its traceback, and the frames it held, by two frames a raise)
        raise ContentError(list(known))
    if known is not None:
        return known
    try:
        tables = tables_for(base, lang)
    except ContentError as exc:
        made[lang] = tuple(exc.problems)
        raise
    result = apply(base, tables) if tables else base
    made[lang] = result
    return result


def untranslated(scenario: Scenario, lang: str) -> str | None:
    """Why ``scenario``'s texts are not shown in ``lang``: its translation is broken, or it has none; None if shown.

    Said to the room when a game, a replay or a report is in ``lang`` (the language chosen at start, or F4):
    a workshop in Ukrainian must not find out from the cards that they are in English.
    """
    if lang == SOURCE:
        return None
    try:
        shown = translated(scenario, lang)
    except ContentError as exc:
        return _broken(exc, from_files=(scenario.translated_from or scenario).translations is None)
    if shown.translated_from is not None:
        return None
    if (scenario.translated_from or scenario).translations is not None:
        # a save's scenario, written without this language (a simulated game's): its files may well have it
        return _("This save holds no translation of its scenario into this language: its texts stay as written.")
    return _("The scenario has no translation into this language: its texts stay as written.")


def _broken(exc: ContentError, from_files: bool) -> str:
    """What a broken translation is told on a screen or in a report: why, then its first problem, then where the
    rest are read. Found from outside (helper-225): every problem in one notice made it taller than an 80x24 screen,
    whose notices grow upwards, and its first sentence was above the top row."""
    first, more = exc.problems[0], len(exc.problems) - 1
    said = _("The scenario's translation into this language has errors, so none of it is shown: its texts stay as "
             "written. The first error:\n{problem}").format(problem=first)
    if not more:
        return said
    if from_files:
        files = " ".join(dict.fromkeys(p.file for p in exc.problems))
        return said + "\n" + ngettext("{n} more: tabletop validate {files} lists every error.",
                                      "{n} more: tabletop validate {files} lists every error.", more).format(
            n=more, files=files)
    return said + "\n" + ngettext("{n} more error.", "{n} more errors.", more).format(n=more)


def tables_for(scenario: Scenario, lang: str) -> Tables:
    """The checked translation tables of one language (ruleset's and deck's together); ``{}`` for none."""
    if scenario.translations is not None:
        return _embedded(scenario, lang, scenario.translations.get(lang))
    from .overlayfiles import check_file, overlays_beside

    tables: Tables = {}
    problems: list[Problem] = []
    for base_file, model in ((scenario.ruleset_source, scenario.ruleset), (scenario.deck_source, scenario.deck)):
        path = overlays_beside(base_file).get(lang) if base_file else None
        if path is None:
            continue
        read = _read(path, Path(base_file))
        cached = _cached(*read) if read is not None else None
        if cached is not None:
            tables.update(cached)
            continue
        try:
            checked = check_file(path, model, Path(base_file).name)
        except ContentError as exc:
            problems += exc.problems
            continue
        problems += checked.problems
        tables.update(checked.tables)
        if read is not None and not checked.problems and _read(path, Path(base_file)) == read:
            from . import overlaycache, usercache  # the same bytes are not checked again (a custom scenario's next game)

            usercache.remember_overlay(*read, *overlaycache.tables_line(checked.tables))
    if problems:
        raise ContentError(problems)
    return tables


def _read(overlay: Path, base: Path) -> tuple[bytes, bytes] | None:
    """The bytes of an overlay and of its base (None: not both regular files: checking says why)."""
    from .files import MAX_CONTENT_BYTES, FileRefused, read_regular

    try:
        return read_regular(overlay, MAX_CONTENT_BYTES), read_regular(base, MAX_CONTENT_BYTES)
    except FileRefused:
        return None


def _cached(overlay: bytes, base: bytes) -> Tables | None:
    """An overlay's tables checked ahead of time (bundled) or before (the user's cache), for exactly these bytes."""
    from . import overlaycache, usercache

    found = overlaycache.lookup(overlay, base)
    return found if found is not None else usercache.overlay_tables(overlay, base)


def _embedded(scenario: Scenario, lang: str, data: Any) -> Tables:
    """A save's embedded translation, checked against the save's own scenario (a save is a file from anywhere)."""
    if data is None:
        return {}
    from .overlaycheck import check_tables
    from .source import SourceFile

    name = f"<embedded {lang} translation>"  # untranslated: names the part of a save, like a file name
    if not isinstance(data, dict):
        raise ContentError([Problem(name, None, f"translations.{lang}", wrong_kind(_("a table"), data))])
    tables: Tables = {}
    problems: list[Problem] = []
    for kind, model in (("ruleset", scenario.ruleset), ("deck", scenario.deck)):
        part = {k: v for k, v in data.items() if k in SECTIONS[kind]}
        checked = check_tables(SourceFile(name, part), kind, entries_of(model), name)
        problems += checked.problems
        tables.update(checked.tables)
    unknown = [k for k in data if k not in SECTIONS["ruleset"] and k not in SECTIONS["deck"]]
    problems += [Problem(name, None, f"translations.{lang}.{k}", _("unknown key '{key}'{hint}").format(key=k, hint=""))
                 for k in unknown]
    if problems:
        raise ContentError(problems)
    return tables


def header_translations(scenario: Scenario) -> dict[str, Tables]:
    """Every language's translation of ``scenario`` as data, for a save's header (only what is translated).

    A language whose overlay is broken is left out: a game in it cannot start,
    and one in English or another language loses nothing.
    """
    known = scenario.__dict__.get("_header_translations")
    if known is not None:  # many games of one scenario (a simulation): read and checked once
        return known
    from .overlayfiles import TRANSLATED

    out: dict[str, Tables] = {}
    for lang in TRANSLATED:
        try:
            tables = tables_for(scenario, lang)
        except ContentError:
            continue
        if tables:
            out[lang] = tables
    scenario.__dict__["_header_translations"] = out
    return out


def attach(scenario: Scenario, translations: Any) -> Scenario:
    """Make ``scenario`` (read from a save) translate from ``translations`` (the header's), never from files."""
    scenario.translations = dict(translations) if isinstance(translations, dict) else {}
    scenario.__dict__.pop("_languages", None)
    return scenario


# --------------------------------------------------------------------------
# Putting the texts in


def apply(scenario: Scenario, tables: Tables) -> Scenario:
    """``scenario`` with the texts of ``tables`` in place of its own (checked tables: same ids, same lengths)."""
    out = Scenario(_ruleset(scenario.ruleset, tables), _deck(scenario.deck, tables),
                   scenario.ruleset_source, scenario.deck_source)
    if scenario.translations is not None:
        out.translations = scenario.translations
    out.translated_from = scenario
    out.log_words = _log_words(scenario, tables)
    out.stock_words = _stock_words(scenario.deck, out.deck)
    out.plural_actors = frozenset(k for k, e in tables.get("actors", {}).items() if e.get("number") == "plural")
    return out


def _log_words(scenario: Scenario, tables: Tables) -> dict[str, str]:
    """English log line -> its translation, from the base's ``log`` effects and the ``logs`` lists of ``tables``."""
    pairs: list[tuple[tuple[str, ...], Any]] = []
    moves, cards = tables.get("moves", {}), tables.get("cards", {})
    pairs += [(move_logs(m), moves[m.id].get("logs")) for m in scenario.ruleset.moves if m.id in moves]
    pairs += [(card_logs(c), cards[c.id].get("logs")) for c in scenario.deck.cards if c.id in cards]
    out: dict[str, str] = {}
    for base, given in pairs:
        if given and len(given) == len(base):
            for english, words in zip(base, given):
                out.setdefault(english, words)
    return out


def _stock_words(base: Deck, shown: Deck) -> dict[str, str]:
    """Each stock argument text of the base deck -> its words in the translation, place by place.

    A bot argues and counters with the base deck's texts, and the save records them as chosen; a room
    reading another language reads the same stock text in its own words (``engine.partwords.STOCK``)."""
    out: dict[str, str] = {}
    for mine, theirs in zip(base.arguments, shown.arguments):
        for key in ("actions", "reasons", "counters"):
            for text, words in zip(getattr(mine, key), getattr(theirs, key)):
                if words != text:
                    out.setdefault(text, words)
    return out


def _texts(entry: dict[str, Any] | None, *fields: str) -> dict[str, Any]:
    return {f: entry[f] for f in fields if f in entry} if entry else {}


def _ruleset(rs: Ruleset, tables: Tables) -> Ruleset:
    def actor(a: Actor, entry: dict[str, Any] | None) -> Actor:
        if not entry:
            return a
        changes = _texts(entry, "name", "short", "description")
        if "objectives" in entry:
            changes["objectives"] = tuple(replace(o, text=t) for o, t in zip(a.objectives, entry["objectives"], strict=True))
        return replace(a, **changes)

    def track(t: Track, entry: dict[str, Any] | None) -> Track:
        if not entry:
            return t
        changes = _texts(entry, "name", "description")
        if "ladder" in entry:
            changes["ladder"] = tuple(entry["ladder"])
        return replace(t, **changes)

    def named(items: tuple[Any, ...], section: str) -> tuple[Any, ...]:
        given = tables.get(section, {})
        return tuple(replace(x, **_texts(given[x.id], "name", "description")) if x.id in given else x for x in items)

    options = tables.get("ruleset")
    return replace(
        rs,
        ruleset=replace(rs.ruleset, **_texts(options, "name", "description")) if options else rs.ruleset,
        actors=tuple(actor(a, tables.get("actors", {}).get(a.id)) for a in rs.actors),
        tracks=tuple(track(t, tables.get("tracks", {}).get(t.id)) for t in rs.tracks),
        meters=named(rs.meters, "meters"),
        resources=_resources(rs, named(resource_infos(rs), "resources")) if tables.get("resources") else rs.resources,
        moves=named(rs.moves, "moves"),
    )


def _resources(rs: Ruleset, shown: tuple[ResourceInfo, ...]) -> tuple[ResourceInfo, ...]:
    """The resources a translation names: those the base names, and those whose translation is not the default."""
    given = {r.id for r in rs.resources}
    return tuple(r for r in shown if r.id in given or r != ResourceInfo(id=r.id, name=default_resource_name(r.id)))


def _deck(deck: Deck, tables: Tables) -> Deck:
    def card(c: Card, entry: dict[str, Any] | None) -> Card:
        if not entry:
            return c
        changes = _texts(entry, "title", "text", "control_note")
        if "choices" in entry:
            changes["choices"] = tuple(replace(ch, label=label) for ch, label in zip(c.choices, entry["choices"], strict=True))
        return replace(c, **changes)

    options = tables.get("deck")
    return replace(
        deck,
        deck=replace(deck.deck, **_texts(options, "name", "description")) if options else deck.deck,
        cards=tuple(card(c, tables.get("cards", {}).get(c.id)) for c in deck.cards),
        prompts=tuple(_prompts(deck.prompts, tables.get("prompts", {}))),
        arguments=tuple(_arguments(deck.arguments, tables.get("arguments", {}))),
    )


def _prompts(prompts: tuple[Prompt, ...], given: dict[str, list[str]]) -> Iterator[Prompt]:
    seen: dict[str, int] = {}
    for p in prompts:
        n = seen[p.track] = seen.get(p.track, -1) + 1
        yield replace(p, text=given[p.track][n]) if p.track in given else p


def _arguments(stock: tuple[StockArgument, ...], given: dict[str, dict[str, list[str]]]) -> Iterator[StockArgument]:
    """Each track's lists run on across its ``[[arguments]]`` tables, in order."""
    used: dict[tuple[str, str], int] = {}
    for a in stock:
        entry = given.get(a.track)
        if not entry:
            yield a
            continue
        changes = {}
        for key in ("actions", "reasons", "counters"):
            start = used.get((a.track, key), 0)
            mine: tuple[str, ...] = getattr(a, key)
            used[(a.track, key)] = start + len(mine)
            if key in entry:
                changes[key] = tuple(entry[key][start:start + len(mine)])
        yield replace(a, **changes)
