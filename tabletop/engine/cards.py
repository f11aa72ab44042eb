"""Cards: drawing the round's card (a recorded chance outcome), applying it,
and the named actor's choice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..content import Card
from . import rng
from .actions import Action, Event, RuleViolation
from .codes import Code
from .legal import _expect
from .lookups import _, _actor_name, _card, _outcome, named, pgettext, plural
from .review import board_before, undone_seqs
from .scope import Bench, ReadView
from .settle import _commit, _result, _run_effects, _settle
from .state import State, evolve, settle_fresh
from .telling import HeldOver, held_over, set_aside_by
from .wording import scenario_names, why_aside

if TYPE_CHECKING:
    from ..content.scenario import Scenario


def _card_playable(state: State, card: Card, view: ReadView | None = None) -> bool:
    """Whether the card can be played now (``view``: what its conditions read, if made already)."""
    if view is None:
        view = ReadView(state, card.track, card.chooser())
    if _closed_track(state, card) is not None:
        return False
    return all(c.holds(view) for c in card.requires)


def _closed_track(state: State, card: Card) -> str | None:
    """The card's track if it is closed and so keeps the card out (a card that asks for a status itself reads it
    in its conditions instead), else None."""
    if card.track is not None and not any(c.key == "status" and c.other_track() in (None, card.track) for c in card.requires):
        if not state.tracks[card.track].is_open:
            return card.track
    return None


def parked(state: State, card: Card) -> str | None:
    """The card's track if it is deferred and the card is not written for a deferred track (one whose own conditions
    ask for its track's status and hold now), else None: what keeps an injected card out.

    A deferred track is parked on purpose, out of play until the facilitator reopens it: a draw sets its cards
    aside (:func:`_closed_track`), no move is made there, and an inject of its card is refused too. Found from
    outside: an injected incident pushed a deferred track's tension to its breakdown, unseen, to collapse it the
    moment it was reopened. (An agreed or collapsed track takes an injected card as before: a settled track does
    not move, or a provisional deal feels it.)"""
    if card.track is None or state.tracks[card.track].status != "deferred":
        return None
    asks = [c for c in card.requires if c.key == "status" and c.other_track() in (None, card.track)]
    if asks and all(c.holds(ReadView(state, card.track, card.chooser())) for c in asks):
        return None
    return card.track


def kept_out_by(state: State, card_id: str) -> tuple[str | None, tuple[Any, ...]]:
    """Why a draw on ``state``'s board set the card aside, for its words: the id of its track if that is closed, else
    None and the conditions it requires that do not hold (none: it is no card of the deck). Found from outside:
    "1 card set aside, not playable now: Farmers march on the capital" left the room to guess that its track was
    deferred."""
    card = state.scenario.index.cards.get(card_id)
    if card is None:
        return None, ()
    closed = _closed_track(state, card)
    if closed is not None:
        return closed, ()
    return None, unmet_requires(state, card)


def why_set_aside(state: State, card_ids: Iterable[str], scenario: Scenario,
                  called: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each card a draw on ``state``'s board set aside (``card_ids``), by id, named with why it could not be played
    there (:func:`kept_out_by`, in :func:`~.wording.why_aside`'s words): its title and the names of tracks and meters
    as ``scenario`` (the translation the reader reads) gives them, or as ``called`` does. The one wording of the
    board's line, the report's timeline and decision log and the replay's line (found from outside, helper-362: the
    last two named the card alone)."""
    names = scenario_names(scenario) if called is None else called
    out: dict[str, str] = {}
    for card_id in card_ids:
        card = scenario.index.cards.get(card_id)
        out[card_id] = why_aside(state, card.title if card is not None else card_id, *kept_out_by(state, card_id),
                                 called=names)
    return out


def drawn_on(state: State, event: Event) -> State | None:
    """The board a draw or a redraw that set cards aside read (``event``, or the one the undo ``event`` took back),
    found down ``state``'s undo stack (:func:`~.review.board_before`): the board it was taken on (a draw changes no
    track, and an undo of one is taken on the board the draw left). None: it set none aside, or the board is gone."""
    if not set_aside_by(event):
        return None
    undoes = event.result.get("undoes") if event.action.kind == "undo" else event.seq
    return board_before(state, undoes) if isinstance(undoes, int) else None


def aside_words(state: State, event: Event, scenario: Scenario, before: State | None = None,
                called: Mapping[str, str] | None = None) -> dict[str, str] | None:
    """What :func:`~.telling.tell`'s ``aside`` takes for ``event`` (a draw or a redraw that set cards aside, or the undo
    of one): each card it set aside named with why (:func:`why_set_aside`), read on ``before`` (the board it was taken
    on) or else on the board found down ``state``'s undo stack (:func:`drawn_on`); None: it set none aside, or that
    board is gone (the card is named alone). The one way every log words it: the hot seat's and every hosted seat's
    (found from outside, helper-373: the team and projector seats' logs named the card alone)."""
    ids = set_aside_by(event)
    if not ids:
        return None
    board = before if before is not None else drawn_on(state, event)
    return why_set_aside(board, ids, scenario, called) if board is not None else None


def unmet_requires(state: State, card: Card) -> tuple[Any, ...]:
    """The conditions ``card`` requires that do not hold on ``state``'s board (none: it may be drawn, as far as they
    go). Found from outside: an injected card's unmet condition was said nowhere, on screen or in the record."""
    if not card.requires:
        return ()
    view = ReadView(state, card.track, card.chooser())
    return tuple(c for c in card.requires if not c.holds(view))


def _waiting(state: State, card: Card) -> int:
    """How many copies of a scheduled card have not come up yet.

    A scheduled card is kept out of the shuffled pile (:func:`.flow.new_game`);
    a copy that has come up — drawn, injected, skipped or redrawn — is in the
    discard (or on the table) from then on, so what is missing from pile,
    discard and table is still waiting.
    """
    held = state.pile.count(card.id) + state.discard.count(card.id) + (state.card == card.id)
    return max(0, card.copies - held)


def due_card(state: State) -> Card | None:
    """The scheduled card a draw now takes instead of a random one, if any.

    The first in deck order that has a copy waiting, whose round has come,
    whose ``when`` conditions hold and that can be played now. One that cannot
    be played (its track is closed, its ``requires`` fail) is not due yet: it
    waits for a later round's draw.
    """
    for card in state.scenario.index.scheduled:
        schedule = card.schedule
        assert schedule is not None
        if state.round < schedule.from_round or _waiting(state, card) == 0:
            continue
        view = ReadView(state, card.track, card.chooser())
        if all(c.holds(view) for c in schedule.when) and _card_playable(state, card, view):
            return card
    return None


def _placing(state: State) -> Event | None:
    """The round's draw, redraw or injection that put the card on the table: the newest not taken back by an undo
    (None while no card is on the table)."""
    if state.card is None:
        return None
    events = state.this_round()
    undone = undone_seqs(events)
    return next((e for e in reversed(events)
                 if e.seq not in undone and e.action.kind in ("draw", "redraw", "inject")), None)


def on_schedule(state: State) -> bool:
    """Whether the card on the table came up on the deck's schedule (not at random, not injected).

    Read from the round's draws as recorded (:func:`_placing`).
    """
    event = _placing(state)
    if event is None:
        return False
    outcome = event.result.get("outcome")
    return (event.action.kind != "inject" and isinstance(outcome, dict) and bool(outcome.get("scheduled"))
            and outcome.get("card") == state.card)


def held_over_now(state: State) -> HeldOver:
    """Why the card on the table, come up on the schedule after its round, was held over (nothing when it was not):
    read from the game's record as the log's words read it (:func:`.telling.held_over`)."""
    event = _placing(state)
    if event is None or not on_schedule(state):
        return HeldOver()
    return held_over(state.scenario, event, state.older(event.seq))


def set_aside(state: State) -> list[str]:
    """The cards the draw that put the card on the table set aside, unplayable then (ids, in the order drawn).

    Read as :func:`on_schedule` reads the round's draws (an injection sets none aside). None while no card is on
    the table."""
    event = _placing(state)
    if event is None:
        return []
    outcome = event.result.get("outcome")
    if event.action.kind == "inject" or not isinstance(outcome, dict) or outcome.get("card") != state.card:
        return []
    return [str(c) for c in outcome.get("set_aside") or ()]


def _reshufflable(state: State, discard: list[str]) -> bool:
    """A reshuffle has something to put in the pile (a scheduled card is never put back)."""
    kept = state.scenario.index.scheduled_ids
    return any(cid not in kept for cid in discard)


def _reshuffle(state: State, chance: int, discard: list[str]) -> tuple[list[str], list[str]]:
    """The discard shuffled into a new pile; a scheduled card that came up stays in the discard
    (it comes up on its schedule only: at most once per copy)."""
    kept = state.scenario.index.scheduled_ids
    if not kept:
        return list(rng.shuffle(state.seed, chance, discard)), []
    back = [cid for cid in discard if cid not in kept]
    return list(rng.shuffle(state.seed, chance, back)), [cid for cid in discard if cid in kept]


class _Drawn(NamedTuple):
    """What a draw leaves: the pile, the discard, the chance counter, and what it records."""

    pile: list[str]
    discard: list[str]
    chance: int
    card: str | None
    set_aside: list[str]
    reshuffled: int
    scheduled: bool = False


def _replay_draw(state: State, outcome: dict[str, Any]) -> _Drawn:
    """Take the recorded cards as the draw took them."""
    pile, discard, chance = list(state.pile), list(state.discard), state.chance
    chosen, set_aside, reshuffled = outcome.get("card", ""), outcome.get("set_aside", []), outcome.get("reshuffled", 0)
    # as the draw records it (``_draw_from``): found from outside, a forged {} was taken as a draw of no card
    if (not (chosen is None or type(chosen) is str) or "card" not in outcome or type(set_aside) not in (list, tuple)
            or not all(type(c) is str for c in set_aside) or type(reshuffled) is not int or reshuffled < 0
            or type(outcome.get("scheduled", False)) is not bool):
        raise RuleViolation(Code.INVALID_ACTION, _("A recorded draw names the card drawn (or none), the cards set "
                                                   "aside and how often the discard was reshuffled."))
    set_aside = list(set_aside)
    if chosen is not None:
        card = _card(state, chosen)
        if outcome.get("scheduled"):
            if card.schedule is None or _waiting(state, card) == 0:
                raise RuleViolation(Code.NOT_SCHEDULED,
                                    _("'{card}' has no scheduled copy waiting to come up.").format(card=named(state, "card", card.id)))
            # a scheduled copy comes from the events list, not from the pile
            return _Drawn(pile, discard, chance + 1, chosen, [], 0, scheduled=True)
    # take the recorded cards as the draw below took them, reshuffling the discard
    # into an empty pile where the record says it did, so that pile and discard
    # end as they did in the game (and the state hash matches)
    reshuffles = reshuffled
    for i, cid in enumerate([*set_aside, chosen]):
        if cid is None:
            continue
        if not pile and discard and reshuffles > 0:
            pile, discard = _reshuffle(state, chance, discard)
            chance += 1
            reshuffles -= 1
        if cid in pile:
            pile.remove(cid)
        elif cid in discard:
            discard.remove(cid)
        if i < len(set_aside):
            discard.append(cid)
    chance += 1 + reshuffles
    return _Drawn(pile, discard, chance, chosen, set_aside, reshuffled)


def _random_draw(state: State) -> _Drawn:
    """Turn up cards from the pile (reshuffling the discard into an empty one) until one can be played."""
    pile, discard, chance = list(state.pile), list(state.discard), state.chance
    set_aside: list[str] = []
    reshuffled = 0
    chosen: str | None = None
    budget = len(pile) + len(discard)
    while budget > 0:
        if not pile:
            if not _reshufflable(state, discard):
                break
            pile, discard = _reshuffle(state, chance, discard)
            chance += 1
            reshuffled += 1
        cid = pile.pop(0)
        budget -= 1
        if _card_playable(state, _card(state, cid)):
            chosen = cid
            break
        set_aside.append(cid)
        discard.append(cid)
    return _Drawn(pile, discard, chance + 1, chosen, set_aside, reshuffled)


def _draw_from(state: State, outcome: dict[str, Any] | None) -> tuple[State, dict[str, Any]]:
    """Reveal the card due on the schedule, or else the next playable card, setting aside the unplayable.

    What was drawn is recorded (``outcome``); a replay feeds it back in.
    """
    if outcome is not None:
        drawn = _replay_draw(state, outcome)
    elif (due := due_card(state)) is not None:
        drawn = _Drawn(list(state.pile), list(state.discard), state.chance + 1, due.id, [], 0, scheduled=True)
    else:
        drawn = _random_draw(state)
    pile, discard, chance, chosen, set_aside, reshuffled, scheduled = drawn
    recorded: dict[str, Any] = {"card": chosen, "set_aside": set_aside, "reshuffled": reshuffled}
    if scheduled:
        recorded["scheduled"] = True  # only then: an unscheduled draw is recorded as it always was
    out: dict[str, Any] = {"outcome": recorded}
    state = evolve(state, pile=tuple(pile), discard=tuple(discard), card=chosen, chance=chance)
    return state, out


def _draw(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "draw", action)
    state, result = _draw_from(state, _outcome(action))
    # (``_draw_from`` made ``state`` for this action: set in place, not copied again)
    return settle_fresh(state, event_done=True, card_round_event=state.card is not None), result


def _resolve_card(state: State, card: Card, choice_index: int | None, actor: str | None) -> tuple[State, dict[str, Any]]:
    bench = Bench(state, card.track, actor)
    _run_effects(bench, card.effects)
    if choice_index is not None:
        _run_effects(bench, card.choices[choice_index].effects)
    notes = _settle(bench)
    state = _commit(state, bench, card=None, discard=(*state.discard, card.id))
    return state, _result(bench, notes, card=card.id)


def _apply_card(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "apply_card", action)
    card = _card(state, state.card)
    _same_card(state, card, action)
    if action.track != card.track:
        raise RuleViolation(Code.WRONG_TRACK, _("The card '{card}' is scoped to {track}.").format(card=named(state, "card", card.id), track=card.track or _("no track")))
    return _resolve_card(state, card, None, None)


def _same_card(state: State, card: Card, action: Action) -> None:
    """An action that names a card names the revealed one (a save naming another is not what was played)."""
    if action.card is not None and action.card != card.id:
        raise RuleViolation(Code.WRONG_CARD, _("The card on the table is '{card}', not {other}.").format(card=named(state, "card", card.id), other=repr(action.card)))


def _choose(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "choose", action)
    card = _card(state, state.card)
    _same_card(state, card, action)
    chooser = card.chooser()
    if action.actor != chooser:
        raise RuleViolation(Code.NOT_YOUR_TURN, (pgettext("plural subject", "{actor} answer '{card}', not {other}.") if plural(state, chooser)
                                                 else _("{actor} answers '{card}', not {other}.")).format(
            actor=_actor_name(state, chooser), card=named(state, "card", card.id), other=_actor_name(state, action.actor)))
    if action.track != card.track:
        raise RuleViolation(Code.WRONG_TRACK, _("The card '{card}' is scoped to {track}.").format(card=named(state, "card", card.id), track=card.track or _("no track")))
    if action.choice is None or not 0 <= action.choice < len(card.choices):
        raise RuleViolation(Code.INVALID_ACTION, _("'{card}' has choices 0..{last}.").format(card=named(state, "card", card.id), last=len(card.choices) - 1))
    return _resolve_card(state, card, action.choice, action.actor)
