"""The facilitator's powers: override, undo, note, inject, skip, redraw, end.

Built and applied like any action, never listed by ``legal_actions``.
"""

from __future__ import annotations

from typing import Any

from ..content.vocabulary import STATUSES
from .actions import Action, RuleViolation
from .cards import _draw_from, parked, unmet_requires
from .codes import Code
from .flow import _finish
from .lookups import _, _card, _outcome, _track_name, _track_spec, named
from .review import last_undoable
from .scope import Bench
from .settle import _commit, _result, _settle
from .state import State, evolve


def _facilitator_s(action: Action) -> None:
    """Refuse a power that names a team: its record would say the team did it (found from outside: an override with
    ``actor="ru"`` was applied, and the save and the decision log credited Russia with it). One field read."""
    if action.actor is not None:
        raise RuleViolation(Code.INVALID_ACTION, _("The facilitator's powers name no actor (this {kind} names {actor}): "
                                                   "leave the actor out.").format(kind=action.kind, actor=action.actor))


def _override(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    reason = (action.reason or "").strip()
    if not reason:
        raise RuleViolation(Code.REASON_REQUIRED, _("An override needs a reason, for the record."))
    bench: Bench
    if action.track is not None:
        spec = _track_spec(state, action.track)
        if action.meter is not None:
            raise RuleViolation(Code.INVALID_ACTION, _("Override a track or a meter, not both at once."))
        bench = Bench(state, action.track, None)
        d = bench.draft(action.track)
        top = len(spec.ladder) - 1
        if action.position is not None:
            if not 0 <= action.position <= top:
                raise RuleViolation(Code.OUT_OF_RANGE, _("Position must be 0..{top} on '{track}'.").format(top=top, track=_track_name(state, spec.id)))
            if action.position != d.position:
                bench.changes.append({"track": d.id, "what": "position", "from": d.position, "to": action.position})
                d.position = action.position
        if action.tension is not None:
            if not 0 <= action.tension <= spec.breakdown_at:
                raise RuleViolation(Code.OUT_OF_RANGE, _("Tension must be 0..{top} on '{track}'.").format(top=spec.breakdown_at, track=_track_name(state, spec.id)))
            if action.tension != d.tension:
                bench.changes.append({"track": d.id, "what": "tension", "from": d.tension, "to": action.tension})
                d.tension = action.tension
        if action.status is not None:
            if action.status not in STATUSES:
                raise RuleViolation(Code.INVALID_ACTION, _("Status is one of {statuses}.").format(statuses=", ".join(STATUSES)))
            if action.status != d.status or d.provisional:
                bench.changes.append({"track": d.id, "what": "status", "from": d.status, "to": action.status})
                d.status, d.provisional, d.since = action.status, False, state.round
        if action.position is None and action.tension is None and action.status is None:
            raise RuleViolation(Code.INVALID_ACTION, _("Say what to override: position, tension or status."))
        notes = _settle(bench, frozenset({action.track}) if action.status is not None else frozenset())
        # left open at breakdown: the next change there collapses it, and the override's words warn so
        at_breakdown = {"track": d.id, "tension": d.tension} if d.status == "open" and d.tension >= spec.breakdown_at else None
    elif action.meter is not None:
        meter = next((m for m in state.ruleset.meters if m.id == action.meter), None)
        if meter is None:
            raise RuleViolation(Code.UNKNOWN_METER, _("There is no meter called {meter}.").format(meter=repr(action.meter)))
        if action.value is None or not meter.min <= action.value <= meter.max:
            raise RuleViolation(Code.OUT_OF_RANGE, _("{meter} must be {low}..{high}.").format(meter=named(state, "meter", meter.id), low=meter.min, high=meter.max))
        bench = Bench(state, None, None)
        bench.add_meter(meter.id, action.value - state.meters[meter.id])
        notes = []
        at_breakdown = None
    else:
        raise RuleViolation(Code.INVALID_ACTION, _("Override a track (position, tension, status) or a meter (value)."))
    state = _commit(state, bench)
    result = _result(bench, notes) | {"reason": reason}
    if at_breakdown:
        result["warning"] = at_breakdown
    return state, result


def _undo(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    if state.trail is None or state.last is None:
        raise RuleViolation(Code.NOTHING_TO_UNDO, _("There is nothing to undo."))
    last = last_undoable(state)
    if last is None:
        raise RuleViolation(Code.NOTHING_TO_UNDO, _("There is nothing to undo."))
    previous = state.previous
    assert previous is not None
    # self-contained: the undo's words name what it took back, with no need of the log
    # (a chance action's outcome is in its result: the action as chosen, the same live and replayed)
    undone = {"round": last.round, "phase": last.phase, "action": last.action.without_outcome().to_dict(),
              "result": dict(last.result)}
    result = _result(undone=undone)
    result["undoes"] = last.seq
    if action.reason:
        result["reason"] = action.reason
    return evolve(previous, history=state.history, seq=state.seq), result


def check_note_on(state: State, about: int) -> None:
    """Refuse a note on event ``about`` (0: the start of the game) if the game has had no such event: the one rule
    of what a note may be on, asked by the note's dialog as the facilitator picks an event, and by the note."""
    if not 0 <= about <= state.seq:
        raise RuleViolation(Code.UNKNOWN_EVENT, _("There is no event {about} to attach a note to.").format(about=about))


def _note(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    about = action.about if action.about is not None else state.seq
    if action.entered is not None:  # the host's record of a decision it entered for a team: words, not text
        if action.entered not in state.resources:
            raise RuleViolation(Code.UNKNOWN_ACTOR, _("There is no actor called {actor}.").format(
                actor=repr(action.entered)))
        if action.text is not None or action.lang is not None:
            raise RuleViolation(Code.INVALID_ACTION, _("A note on a decision entered for a team has no text."))
        check_note_on(state, about)
        return state, {"about": about, "entered": action.entered}
    text = (action.text or "").strip()
    if not text:
        raise RuleViolation(Code.INVALID_ACTION, _("A note needs some text."))
    check_note_on(state, about)
    # the text as typed is in the action; the result holds it too, so a line whose note was edited is named
    return state, {"about": about, "text": text}


def _inject(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    card = _card(state, action.card)
    if state.card is not None:
        raise RuleViolation(Code.CARD_PENDING, _("First resolve the card '{card}'.").format(card=named(state, "card", _card(state, state.card).id)))
    pile, discard = list(state.pile), list(state.discard)
    if card.id in pile:
        pile.remove(card.id)
    elif card.id in discard:
        discard.remove(card.id)
    round_event = state.phase == "event" and not state.event_done
    # the facilitator may play a card whose condition does not hold (a deliberate act), and the record says so;
    # the key only then, so every other inject's line keeps its bytes
    result: dict[str, Any] = {"requires_unmet": True} if unmet_requires(state, card) else {}
    state = evolve(state, pile=tuple(pile), discard=tuple(discard), card=card.id, card_round_event=round_event,
                    event_done=state.event_done or round_event)
    return state, result


def refuse_new(state: State, action: Action) -> None:
    """Raise RuleViolation for what a new action may not do although a save may have recorded it before the rule: an
    inject of a card on a deferred track (:func:`~.cards.parked`). The live session asks it before :func:`apply`;
    ``apply`` itself takes the action, so that such a save still replays, verifies and resumes (DESIGN section 6: a
    save stays replayable after the engine changes; found in review, stop 65: refused inside ``apply``, every save with
    such an inject read as damaged at it)."""
    if action.kind != "inject" or state.card is not None:
        return
    card = state.scenario.index.cards.get(action.card or "")
    track = None if card is None else parked(state, card)
    if track is not None:
        raise RuleViolation(Code.TRACK_CLOSED, _(
            "'{track}' is deferred: it is out of play until it is reopened (override its status to open), so '{card}' "
            "cannot be played on it.").format(track=_track_name(state, track), card=named(state, "card", card.id)))


def _skip(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    if state.card is None:
        raise RuleViolation(Code.NO_CARD, _("There is no card waiting to be skipped."))
    card = _card(state, state.card)
    state = evolve(state, card=None, discard=(*state.discard, card.id))
    result: dict[str, Any] = {"card": card.id}
    if action.reason:
        result["reason"] = action.reason
    return state, result


def _redraw(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    if state.card is None:
        raise RuleViolation(Code.NO_CARD, _("There is no card waiting to be redrawn."))
    old = _card(state, state.card)
    state = evolve(state, card=None, discard=(*state.discard, old.id))
    state, result = _draw_from(state, _outcome(action))
    result["replaced"] = old.id
    return state, result


def _end(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _facilitator_s(action)
    if state.over:
        raise RuleViolation(Code.GAME_OVER, _("The game is already over."))
    reason = (action.reason or "").strip() or "ended by the facilitator"  # untranslated: kept in the save; telling words it when shown
    state = _finish(state, reason)
    return state, {"reason": reason}
