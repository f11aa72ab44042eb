"""Looking things up in the scenario by id, and an action's recorded outcome.

An unknown id is the player's (or a save's) doing: a :class:`RuleViolation`.
"""

from __future__ import annotations

from typing import Any

from .. import lang
from ..content import Card, ContentError, MoveType, Scenario
from ..content.grammar import plural_subject, possessive
from ..content.models import resource_infos
from ..lang import Domain
from .actions import Action, RuleViolation
from .codes import Code
from .state import State, evolve
from .telling import phase_name  # the one catalogue of phase words
from .wording import provisional_words, status_name  # the one catalogue of status words

_, ngettext, N_ = Domain("engine").words()
pgettext = Domain("engine").pgettext  # ("plural subject", …): a sentence's form for an actor named in the plural


def whose(name: str) -> str:
    """``Russia's`` in English; the name as it is elsewhere (a translation words the turn around it)."""
    return possessive(name) if lang.current() == lang.SOURCE else name


def _move(state: State, move_id: str | None) -> MoveType:
    move = state.scenario.index.moves.get(move_id or "")
    if move is not None:
        return move
    raise RuleViolation(Code.UNKNOWN_MOVE, _("There is no move called {move} in this scenario.").format(move=repr(move_id)))


def _card(state: State, card_id: str | None) -> Card:
    card = state.scenario.index.cards.get(card_id or "")
    if card is not None:
        return card
    raise RuleViolation(Code.UNKNOWN_CARD, _("There is no card called {card} in this deck.").format(card=repr(card_id)))


def _track_spec(state: State, track_id: str):  # noqa: ANN202
    track = state.scenario.index.tracks.get(track_id or "")
    if track is not None:
        return track
    raise RuleViolation(Code.UNKNOWN_TRACK, _("There is no track called {track}.").format(track=repr(track_id)))


def shown(state: State, language: str | None = None) -> Scenario:
    """The game's scenario as the room reads it in ``language`` (None: the language of the moment; same ids):
    a refusal's names, and every screen's (the engine plays the base).

    The base scenario in English, with no translation, or when that language's overlay is broken (the
    language switch said why: :func:`tabletop.tui.language.speak`).
    """
    here = language or lang.current()
    if here == lang.SOURCE:  # the overlays' module is not even imported (the first board in English)
        return state.scenario.translated_from or state.scenario
    from ..content.overlays import translated  # only when a refusal is worded in another language: not at start-up

    try:
        return translated(state.scenario, here)
    except ContentError:
        return state.scenario


_SEEN: list[tuple[State, str, State]] = []  # the last few made: every seat's view of one state, each key press


def seen(state: State, language: str | None = None) -> State:
    """The same game with its texts as a room reading ``language`` (None: the language of the moment) reads
    them: for the words the play and seats layers make from a state (a decision, an argument, a seat's view),
    which name things from the state's own scenario."""
    here = language or lang.current()
    for was, was_in, out in _SEEN:
        if was is state and was_in == here:
            return out
    scenario = shown(state, here)
    out = state if scenario is state.scenario else evolve(state, scenario=scenario)
    _SEEN[:] = [*_SEEN[-len(lang.LANGUAGES):], (state, here, out)]
    return out


def named(state: State, kind: str, item_id: str | None) -> str:
    """An ``actor``, ``track``, ``move``, ``card`` or ``meter`` by id, named in the language of the moment.

    An unknown id reads as itself; no actor at all is the facilitator.
    """
    found = getattr(shown(state).index, kind + "s").get(item_id or "")
    if found is not None:
        return found.title if kind == "card" else found.name
    return item_id or (_("the facilitator") if kind == "actor" else "")


def plural(state: State, actor_id: str | None) -> bool:
    """Whether the actor's name in the language of the moment takes a plural verb (ru/uk «Соединённые Штаты»)."""
    return plural_subject(shown(state), actor_id)


def resource_word(state: State, key: str) -> str:
    """A resource id (``capital``) in a refusal: as it is in English, its translated name in another language."""
    if lang.current() == lang.SOURCE:
        return key
    # by the language, not by whether a translation was made: a seat's view words a state already translated
    return next((r.name for r in resource_infos(shown(state).ruleset) if r.id == key), key)


def _actor_name(state: State, actor_id: str | None) -> str:
    return named(state, "actor", actor_id)


def _track_name(state: State, track_id: str | None) -> str:
    return named(state, "track", track_id)


def phase_word(phase: str) -> str:
    """A phase id (``moves``) as the room reads it in the language of the moment, for a refusal's sentence."""
    return phase_name(phase)


def status_word(status: str, provisional: bool = False) -> str:
    """A track status id (``agreed``) as a word in the language of the moment, for a refusal's sentence;
    ``provisional``: a package deal's agreement not yet final, ``agreed (provisional)``, as the board says it."""
    return provisional_words(status_name(status)) if provisional else status_name(status)


def _actor_ids(state: State) -> tuple[str, ...]:
    return state.scenario.index.actor_ids


def _outcome(action: Action) -> dict[str, Any] | None:
    return dict(action.outcome) if action.outcome is not None else None
