"""Cards: drawing the round's card (a recorded chance outcome), applying it,
and the named actor's choice.
"""

from __future__ import annotations

from typing import Any

from ..content import Card
from . import rng
from .actions import Action, RuleViolation
from .codes import Code
from .legal import _expect
from .lookups import _actor_name, _card, _outcome
from .scope import Bench, ReadView
from .settle import _commit, _run_effects, _settle, _summary
from .state import State, evolve


def _card_playable(state: State, card: Card) -> bool:
    view = ReadView(state, card.track, card.chooser())
    if card.track is not None and not any(c.key == "status" and c.other_track() in (None, card.track) for c in card.requires):
        if not state.tracks[card.track].is_open:
            return False
    return all(c.holds(view) for c in card.requires)


def _draw_from(state: State, outcome: dict[str, Any] | None) -> tuple[State, dict[str, Any]]:
    """Reveal the next playable card (recorded), setting aside the unplayable."""
    pile, discard, chance = list(state.pile), list(state.discard), state.chance
    set_aside: list[str] = []
    reshuffled = 0
    chosen: str | None = None
    if outcome is not None:
        chosen = outcome.get("card")
        set_aside = list(outcome.get("set_aside", []))
        if chosen is not None:
            _card(state, chosen)
        reshuffled = int(outcome.get("reshuffled", 0))
        # take the recorded cards as the draw below took them, reshuffling the discard
        # into an empty pile where the record says it did, so that pile and discard
        # end as they did in the game (and the state hash matches)
        reshuffles = reshuffled
        for i, cid in enumerate([*set_aside, chosen]):
            if cid is None:
                continue
            if not pile and discard and reshuffles > 0:
                pile = list(rng.shuffle(state.seed, chance, discard))
                chance += 1
                discard = []
                reshuffles -= 1
            if cid in pile:
                pile.remove(cid)
            elif cid in discard:
                discard.remove(cid)
            if i < len(set_aside):
                discard.append(cid)
        chance += 1 + reshuffles
    else:
        budget = len(pile) + len(discard)
        while budget > 0:
            if not pile:
                if not discard:
                    break
                pile = list(rng.shuffle(state.seed, chance, discard))
                chance += 1
                discard = []
                reshuffled += 1
            cid = pile.pop(0)
            budget -= 1
            if _card_playable(state, _card(state, cid)):
                chosen = cid
                break
            set_aside.append(cid)
            discard.append(cid)
        chance += 1
    out: dict[str, Any] = {"outcome": {"card": chosen, "set_aside": set_aside, "reshuffled": reshuffled}}
    state = evolve(state, pile=tuple(pile), discard=tuple(discard), card=chosen, chance=chance)
    if chosen is None:
        out.update(_summary(state, "No card can be played: the deck has nothing that fits the board"))
    else:
        card = _card(state, chosen)
        aside = f" ({len(set_aside)} set aside)" if set_aside else ""
        out.update(_summary(state, f"Card drawn: {card.title}{aside}"))
    return state, out


def _draw(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "draw", action)
    state, result = _draw_from(state, _outcome(action))
    state = evolve(state, event_done=True, card_round_event=state.card is not None)
    return state, result


def _resolve_card(state: State, card: Card, choice_index: int | None, actor: str | None) -> tuple[State, dict[str, Any]]:
    bench = Bench(state, card.track, actor)
    _run_effects(bench, card.effects)
    label = ""
    if choice_index is not None:
        choice = card.choices[choice_index]
        _run_effects(bench, choice.effects)
        label = f": {_actor_name(state, actor)} chose \u201c{choice.label}\u201d"
    notes = _settle(bench)
    state = _commit(state, bench, card=None, discard=(*state.discard, card.id))
    return state, _summary(state, f"{card.title}{label}", bench, notes)


def _apply_card(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "apply_card", action)
    card = _card(state, state.card)
    _same_card(card, action)
    if action.track != card.track:
        raise RuleViolation(Code.WRONG_TRACK, f"The card '{card.title}' is scoped to {card.track or 'no track'}.")
    return _resolve_card(state, card, None, None)


def _same_card(card: Card, action: Action) -> None:
    """An action that names a card names the revealed one (a save naming another is not what was played)."""
    if action.card is not None and action.card != card.id:
        raise RuleViolation(Code.WRONG_CARD, f"The card on the table is '{card.title}', not {action.card!r}.")


def _choose(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "choose", action)
    card = _card(state, state.card)
    _same_card(card, action)
    chooser = card.chooser()
    if action.actor != chooser:
        raise RuleViolation(Code.NOT_YOUR_TURN, f"{_actor_name(state, chooser)} answers '{card.title}', not {_actor_name(state, action.actor)}.")
    if action.track != card.track:
        raise RuleViolation(Code.WRONG_TRACK, f"The card '{card.title}' is scoped to {card.track or 'no track'}.")
    if action.choice is None or not 0 <= action.choice < len(card.choices):
        raise RuleViolation(Code.INVALID_ACTION, f"'{card.title}' has choices 0..{len(card.choices) - 1}.")
    return _resolve_card(state, card, action.choice, action.actor)
