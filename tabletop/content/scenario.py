"""A scenario: a ruleset and the deck it is played with, and their ids indexed."""

from __future__ import annotations

from functools import cached_property
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from .fields import dump, replace
from .models import Actor, Card, Deck, Meter, MoveType, Ruleset, Track


class ScenarioIndex:
    """A scenario's ids mapped to their definitions."""

    def __init__(self, ruleset: Ruleset, deck: Deck):
        self.moves: dict[str, MoveType] = {m.id: m for m in ruleset.moves}
        self.tracks: dict[str, Track] = {t.id: t for t in ruleset.tracks}
        self.actors: dict[str, Actor] = {a.id: a for a in ruleset.actors}
        self.meters: dict[str, Meter] = {m.id: m for m in ruleset.meters}
        self.cards: dict[str, Card] = {c.id: c for c in deck.cards}
        #: the cards on the master events list (``schedule``), in deck order: kept out of the shuffled pile
        self.scheduled: tuple[Card, ...] = tuple(c for c in deck.cards if c.schedule is not None)
        self.scheduled_ids: frozenset[str] = frozenset(c.id for c in self.scheduled)
        #: the cards shuffled into a new game's pile, each copy, in deck order (a scheduled card comes up on its
        #: schedule instead): listed once, not at every game (a sweep's game spent 0.6 % of its time on it)
        self.pile: tuple[str, ...] = tuple(c.id for c in deck.cards if c.schedule is None for _ in range(c.copies))
        self.actor_ids: tuple[str, ...] = tuple(a.id for a in ruleset.actors)
        #: the tracks each actor sits at, in ruleset order
        self.seats: dict[str, tuple[str, ...]] = {
            a.id: tuple(t.id for t in ruleset.tracks if a.id in t.members) for a in ruleset.actors
        }
        #: every (move, track) each actor could ever play, in listing order (track None: a global move)
        self.plays: dict[str, tuple[tuple[MoveType, str | None], ...]] = {
            actor: tuple(
                (move, tid)
                for move in self.moves.values()
                for tid in ((None,) if move.scope == "global" else seats)
                if move.argue is None or tid is None or move.argue.offered_on(tid)
            )
            for actor, seats in self.seats.items()
        }


class Scenario:
    """A ruleset and the deck it is played with, checked together.

    A plain class, not a dataclass: a dataclass compiles its methods on every start."""

    __hash__ = None  # type: ignore[assignment] # compared by value, and not frozen

    def __init__(self, ruleset: Ruleset, deck: Deck, ruleset_source: str = "", deck_source: str = "",
                 _json: dict[str, Any] | None = None):
        self.ruleset = ruleset
        self.deck = deck
        self.ruleset_source = ruleset_source
        self.deck_source = deck_source
        self._json: dict[str, Any] = {} if _json is None else _json
        plural = frozenset(a.id for a in ruleset.actors if a.number == "plural")
        if plural:  # a translation sets its own (:func:`.overlays.apply`)
            self.plural_actors = plural

    # Set only on a scenario that is translated (:mod:`.overlays`): a game never writes into its scenario.
    #: translations a save's header embeds (:func:`.overlays.attach`); None: overlay files beside the sources
    translations: dict[str, Any] | None = None
    #: the base-language scenario this one translates, if it is a translation
    translated_from: Scenario | None = None
    #: the actors whose name takes a plural verb: the base's ``number = "plural"``, a translation's its overlay's
    plural_actors: frozenset[str] = frozenset()
    #: a translation's words for the English log lines its effects write ({ log = … }): English -> words
    log_words: Mapping[str, str] = MappingProxyType({})
    #: a translation's words for the base deck's stock argument texts (what bots argue with): base text -> words
    stock_words: Mapping[str, str] = MappingProxyType({})
    #: SHA-256 of the ruleset's and the deck's bytes this scenario was loaded from (None: not loaded from files)
    source_shas: tuple[str, str] | None = None

    def _values(self) -> tuple[Any, ...]:
        return self.ruleset, self.deck, self.ruleset_source, self.deck_source, self._json

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __repr__(self) -> str:
        # by id: the models' own reprs were every card and move (74,703 characters for the bundled scenario,
        # found from outside); ``scenario.ruleset`` and ``scenario.deck`` show them
        # untranslated: a repr for developers
        return (f"Scenario({self.id!r}, deck={self.deck.deck.id!r}, ruleset_source={self.ruleset_source!r}, "
                f"deck_source={self.deck_source!r})")

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
        changed = Scenario(ruleset, self.deck, self.ruleset_source, self.deck_source)
        if self.translations is not None:
            changed.translations = self.translations
        return changed

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


def log_line(scenario: Scenario, text: str) -> str:
    """A log line as a save stores it (the base's English) in the language ``scenario`` is shown in.

    ``scenario`` is one :func:`~tabletop.content.overlays.translated` made; a line it has no translation of (or the
    base scenario) gives ``text`` as stored. Not yet made safe: the caller shows it through the sanitiser.
    """
    return scenario.log_words.get(text, text)
