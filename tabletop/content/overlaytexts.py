"""What a ruleset or deck says in words, entry by entry: what an overlay translates.

An overlay (:mod:`.overlays`) is keyed like these entries: a section
(``actors``, ``cards`` …), an id, then a text field. Lists (a ladder, a
card's choice labels, an actor's objective texts, a track's prompts or stock
arguments, a move's or card's ``{ log = "..." }`` lines) keep the base's order
and length. ``base_hash`` is what an overlay
records as ``base``: the texts it was translated from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from .models import Card, Deck, MoveType, Ruleset, resource_infos

#: one entry's texts, field -> a string or a tuple of strings
Texts = dict[str, Any]
#: section -> entry id ("" for the ``[ruleset]``/``[deck]`` table itself) -> texts
Entries = dict[str, dict[str, Texts]]

#: the fields each section's entries may translate, and which of them are lists
FIELDS: dict[str, tuple[str, ...]] = {
    "ruleset": ("name", "description"),
    "actors": ("name", "short", "description", "objectives"),
    "meters": ("name", "description"),
    "resources": ("name", "description"),
    "tracks": ("name", "description", "ladder"),
    "moves": ("name", "description", "logs"),
    "deck": ("name", "description"),
    "cards": ("title", "text", "control_note", "choices", "logs"),
    "prompts": ("prompts",),
    "arguments": ("actions", "reasons", "counters"),
}
#: grammar an overlay may give an entry, not a text (no ``base`` hash covers it): field -> the words it may be.
#: ``number = "plural"``: the actor's name takes a plural verb in that language (ru «Соединённые Штаты выступают»)
GRAMMAR: dict[str, dict[str, tuple[str, ...]]] = {"actors": {"number": ("singular", "plural")}}
LISTS = frozenset({"objectives", "ladder", "choices", "prompts", "actions", "reasons", "counters", "logs"})
#: the sections of each kind of file, in the order a skeleton writes them
SECTIONS: dict[str, tuple[str, ...]] = {
    "ruleset": ("ruleset", "actors", "meters", "resources", "tracks", "moves"),
    "deck": ("deck", "cards", "prompts", "arguments"),
}
#: sections that are one table, not a table per id
SINGLE = frozenset({"ruleset", "deck"})
#: ``[prompts.TRACK]`` holds ``prompts = [...]`` and its ``base`` like any entry; the older form, ``[prompts]``
#: mapping a track straight to its list (``TRACK = [...]``, which has no room for a ``base``), still reads, unstamped.
#: Either way a translation as data (a save's, the cache's) maps the track to its list.
BARE_LISTS = frozenset({"prompts"})
HASH_LENGTH = 12


def ruleset_entries(rs: Ruleset) -> Entries:
    """Every text of a ruleset, by section and id."""
    o = rs.ruleset
    return {
        "ruleset": {"": {"name": o.name, "description": o.description}},
        "actors": {a.id: {"name": a.name, "short": a.short, "description": a.description,
                          "objectives": tuple(ob.text for ob in a.objectives)} for a in rs.actors},
        "meters": {m.id: {"name": m.name, "description": m.description} for m in rs.meters},
        "resources": {r.id: {"name": r.name, "description": r.description} for r in resource_infos(rs)},
        "tracks": {t.id: {"name": t.name, "description": t.description, "ladder": tuple(t.ladder)}
                   for t in rs.tracks},
        "moves": {m.id: {"name": m.name, "description": m.description, "logs": move_logs(m)} for m in rs.moves},
    }


def _logs(effects: Iterable[Any]) -> tuple[str, ...]:
    return tuple(e.log for e in effects if e.key == "log")


def move_logs(move: MoveType) -> tuple[str, ...]:
    """A move's ``{ log = "..." }`` lines, in order: its effects, then fail_effects, then link_effects."""
    return _logs((*move.effects, *move.fail_effects, *move.link_effects))


def card_logs(card: Card) -> tuple[str, ...]:
    """A card's ``{ log = "..." }`` lines, in order: its effects, then each choice's in turn."""
    return _logs((*card.effects, *(e for ch in card.choices for e in ch.effects)))


def deck_entries(deck: Deck) -> Entries:
    """Every text of a deck, by section and id (prompts and stock arguments by track, in order)."""
    prompts: dict[str, list[str]] = {}
    for p in deck.prompts:
        prompts.setdefault(p.track, []).append(p.text)
    arguments: dict[str, dict[str, list[str]]] = {}
    for a in deck.arguments:
        lists = arguments.setdefault(a.track, {"actions": [], "reasons": [], "counters": []})
        lists["actions"] += a.actions
        lists["reasons"] += a.reasons
        lists["counters"] += a.counters
    return {
        "deck": {"": {"name": deck.deck.name, "description": deck.deck.description}},
        "cards": {c.id: {"title": c.title, "text": c.text, "control_note": c.control_note,
                         "choices": tuple(ch.label for ch in c.choices), "logs": card_logs(c)} for c in deck.cards},
        "prompts": {track: {"prompts": tuple(texts)} for track, texts in prompts.items()},
        "arguments": {track: {k: tuple(v) for k, v in lists.items()} for track, lists in arguments.items()},
    }


def entries_of(model: Ruleset | Deck) -> Entries:
    return ruleset_entries(model) if isinstance(model, Ruleset) else deck_entries(model)


def kind_of_model(model: Ruleset | Deck) -> str:
    return "ruleset" if isinstance(model, Ruleset) else "deck"


def grammar_of(model: Ruleset | Deck) -> dict[str, dict[str, dict[str, str]]]:
    """What the base says of the grammar an overlay may give (:data:`GRAMMAR`): section -> id -> field -> word."""
    if isinstance(model, Ruleset):
        return {"actors": {a.id: {"number": a.number} for a in model.actors}}
    return {}


def wanted(texts: Texts) -> list[str]:
    """The fields of a base entry that say something (an empty description needs no translation)."""
    return [k for k, v in texts.items() if v]


def base_hash(texts: Texts, keys: list[str] | tuple[str, ...]) -> str:
    """The first 12 hex digits of the SHA-256 of the base texts under ``keys``, as canonical JSON."""
    chosen = {k: list(texts[k]) if isinstance(texts[k], tuple) else texts[k] for k in keys if k in texts}
    text = json.dumps(chosen, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def entry_path(section: str, key: str, field: str | None = None) -> str:
    """``cards.plant-incident.title``: how a warning names an entry or a text."""
    parts = [section] + ([key] if key else []) + ([field] if field and section not in BARE_LISTS else [])
    return ".".join(parts)
