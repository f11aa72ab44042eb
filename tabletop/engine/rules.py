"""The rules: ``new_game``, ``legal_actions`` and ``apply`` — a pure fold.

``apply(state, action)`` checks the action, then builds a new state. It has
no I/O, no clock and no global RNG: chance (draws, dice) comes from
:mod:`tabletop.engine.rng` keyed by the game seed, and the outcome is
written into the event so a replay can feed it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..content import Card, MoveType, Scenario
from ..content.fields import replace as replace_content
from ..content.grammar import possessive
from ..content.vocabulary import STATUSES
from . import rng
from .breakdown import breakdown_warning, collapse_verdict
from .actions import FACILITATOR_KINDS, Action, Event, IndependenceBreach, RuleViolation
from .review import last_undoable
from .scope import Bench, ReadView
from .state import Proposal, State, TrackState, _LogNode, evolve

PRINCIPLE = "Not everything must be agreed for anything to be agreed"


# --------------------------------------------------------------------------
# Lookups


def _move(state: State, move_id: str | None) -> MoveType:
    move = state.scenario.index.moves.get(move_id or "")
    if move is not None:
        return move
    raise RuleViolation("UNKNOWN_MOVE", f"There is no move called {move_id!r} in this scenario.")


def _card(state: State, card_id: str | None) -> Card:
    card = state.scenario.index.cards.get(card_id or "")
    if card is not None:
        return card
    raise RuleViolation("UNKNOWN_CARD", f"There is no card called {card_id!r} in this deck.")


def _track_spec(state: State, track_id: str):  # noqa: ANN202
    track = state.scenario.index.tracks.get(track_id or "")
    if track is not None:
        return track
    raise RuleViolation("UNKNOWN_TRACK", f"There is no track called {track_id!r}.")


def _actor_name(state: State, actor_id: str | None) -> str:
    actor = state.scenario.index.actors.get(actor_id or "")
    return actor.name if actor is not None else (actor_id or "the facilitator")


def _track_name(state: State, track_id: str | None) -> str:
    track = state.scenario.index.tracks.get(track_id or "")
    return track.name if track is not None else (track_id or "")


def _actor_ids(state: State) -> tuple[str, ...]:
    return state.scenario.index.actor_ids


# --------------------------------------------------------------------------
# A new game


def new_game(scenario: Scenario, seed: int = 0) -> State:
    """The state before the first action of round 1."""
    rs = scenario.ruleset
    pile = rng.shuffle(seed, 0, _full_deck(scenario))
    state = State(
        scenario=scenario,
        seed=int(seed),
        round=1,
        phase=rs.ruleset.phases[0],
        tracks={t.id: TrackState(t.id, t.start_position, t.start_tension) for t in rs.tracks},
        meters={m.id: m.start for m in rs.meters},
        resources={a.id: dict(a.resources) for a in rs.actors},
        pile=pile,
        chance=1,
    )
    return _enter_phase(state, state.phase)


def _full_deck(scenario: Scenario) -> list[str]:
    return [c.id for c in scenario.deck.cards for _ in range(c.copies)]


# --------------------------------------------------------------------------
# What the game waits on


def waiting_for(state: State) -> str:
    """A short word for what the game waits on now (for screens)."""
    if state.over:
        return "over"
    if state.card is not None:
        card = _card(state, state.card)
        return "choice" if card.choices else "card"
    if state.phase == "event":
        return "advance" if state.event_done else "draw"
    if state.phase == "moves":
        return "move" if state.turn else "advance"
    if state.phase == "adjudication" and state.queue:
        head = state.queue[0]
        return {"consensus": "vote", "dice": "roll", "facilitator": "rule", "auto": "enact"}[head.resolution]
    return "advance"


def legal_actions(state: State) -> list[Action]:
    """Every legal action of whoever must act now, in a stable order.

    The facilitator's powers (override, undo, note, inject, skip, redraw,
    end) are not listed: a bot choosing from this list plays a normal game.
    """
    if state.over:
        return []
    if state.card is not None:
        card = _card(state, state.card)
        if card.choices:
            return [
                Action("choose", actor=c.actor, track=card.track, card=card.id, choice=i)
                for i, c in enumerate(card.choices)
            ]
        return [Action("apply_card", track=card.track, card=card.id)]
    if state.phase == "event" and not state.event_done:
        return [Action("draw")]
    if state.phase == "moves" and state.turn is not None:
        actor = state.turn
        out = _legal_moves(state, actor)
        out.append(Action("pass", actor=actor))
        return out
    if state.phase == "adjudication" and state.queue:
        head = state.queue[0]
        if head.resolution == "consensus":
            voter = head.next_voter()
            assert voter is not None
            return [
                Action("vote", actor=voter, track=head.track, accept=True),
                Action("vote", actor=voter, track=head.track, accept=False),
            ]
        if head.resolution == "dice":
            return [Action("roll", track=head.track)]
        if head.resolution == "facilitator":
            return [
                Action("rule", track=head.track, success=True, reason=""),
                Action("rule", track=head.track, success=False, reason=""),
            ]
        return [Action("enact", track=head.track)]
    return [Action("advance")]


def _candidates(scenario: Scenario, actor: str) -> list[tuple[MoveType, str | None, Action | None]]:
    """Every (move, track) an actor could ever play, in listing order, actions built once.

    Kept on the scenario: it never changes during a game. A link move's action
    depends on which tracks are open, so it is built when listed.
    """
    cache = scenario.__dict__.setdefault("_engine_candidates", {})
    found = cache.get(actor)
    if found is None:
        found = []
        seats = scenario.index.seats[actor]
        for move in scenario.index.moves.values():
            if move.scope == "global":
                found.append((move, None, Action("move", actor=actor, move=move.id)))
                continue
            for tid in seats:
                action = None if move.link else Action("move", actor=actor, move=move.id, track=tid)
                found.append((move, tid, action))
        cache[actor] = found
    return found


def _legal_moves(state: State, actor: str) -> list[Action]:
    """The moves ``actor`` may play now: ``move_options`` without the refused ones, fast.

    Same actions in the same order; the property tests check the two agree.
    """
    if state.actions_left.get(actor, 0) <= 0 or state.over or state.card is not None:
        return []
    have = state.resources[actor]
    strict = state.independence == "strict"
    tracks = state.tracks
    used = state.used_once
    out: list[Action] = []
    skip: MoveType | None = None
    for move, tid, action in _candidates(state.scenario, actor):
        if move is skip:
            continue
        if (move.once_per_game and (actor, move.id) in used) or (move.link and strict):
            skip = move
            continue
        affordable = True
        for key, amount in move.cost.items():
            if have.get(key, 0) < amount:
                affordable = False
                break
        if not affordable:
            skip = move
            continue
        if tid is not None and tracks[tid].status != "open":
            continue
        if move.requires:
            view = ReadView(state, tid, actor)
            if not all(c.holds(view) for c in move.requires):
                continue
        if action is not None:
            out.append(action)
        else:
            out.extend(
                Action("move", actor=actor, move=move.id, track=tid, link=other)
                for other in state.scenario.index.tracks
                if other != tid and tracks[other].status == "open"
            )
    return out


def move_options(state: State, actor: str) -> list[tuple[Action, RuleViolation | None]]:
    """Every move ``actor`` could try now, each with the reason it is illegal (or None).

    Screens show the illegal ones greyed with their reason; bots take the rest.
    """
    out: list[tuple[Action, RuleViolation | None]] = []
    open_ids = [t.id for t in state.ruleset.tracks if state.tracks[t.id].is_open]
    for move in state.ruleset.moves:
        if move.scope == "global":
            action = Action("move", actor=actor, move=move.id)
            out.append((action, _move_problem(state, action)))
            continue
        for track in state.ruleset.tracks:
            if move.link:
                others = [tid for tid in open_ids if tid != track.id]
                if state.independence == "strict" or not others:
                    action = Action("move", actor=actor, move=move.id, track=track.id, link=others[0] if others else None)
                    out.append((action, _move_problem(state, action)))
                    continue
                # the link is another open track: nothing in the check depends on which, so the
                # first pair's answer (allowed, or one refusal) holds for every pair on this track
                problem = _move_problem(state, Action("move", actor=actor, move=move.id, track=track.id, link=others[0]))
                out.extend((Action("move", actor=actor, move=move.id, track=track.id, link=other), problem) for other in others)
                continue
            action = Action("move", actor=actor, move=move.id, track=track.id)
            out.append((action, _move_problem(state, action)))
    return out


# --------------------------------------------------------------------------
# Checking an action


def _expect(state: State, kind: str, action: Action) -> None:
    """Raise unless the game now waits on an action of this kind."""
    if state.over:
        raise RuleViolation("GAME_OVER", "The game is over.")
    waiting = waiting_for(state)
    wanted = {
        "draw": "draw",
        "apply_card": "card",
        "choose": "choice",
        "move": "move",
        "pass": "move",
        "vote": "vote",
        "roll": "roll",
        "rule": "rule",
        "enact": "enact",
        "advance": "advance",
    }[kind]
    if waiting == wanted:
        return
    if state.card is not None and kind not in ("apply_card", "choose"):
        raise RuleViolation("CARD_PENDING", f"First resolve the card '{_card(state, state.card).title}'.")
    if kind in ("move", "pass") and state.phase != "moves":
        raise RuleViolation("WRONG_PHASE", f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if kind in ("move", "pass") and state.turn is None:
        raise RuleViolation("WRONG_PHASE", "Every team has finished its moves this round.")
    raise RuleViolation("WRONG_PHASE", f"The game is not waiting for '{kind}' now (it waits for: {waiting}).")


def _move_problem(state: State, action: Action) -> RuleViolation | None:
    """Why this move may not be played now, or None."""
    try:
        _check_move(state, action)
    except RuleViolation as exc:
        return exc
    return None


def _check_move(state: State, action: Action) -> MoveType:
    move = _move(state, action.move)
    actor = action.actor
    if actor not in state.resources:
        raise RuleViolation("UNKNOWN_ACTOR", f"There is no actor called {actor!r}.")
    if state.over:
        raise RuleViolation("GAME_OVER", "The game is over.")
    if state.phase != "moves" or state.card is not None:
        raise RuleViolation("WRONG_PHASE", f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if state.turn != actor:
        if state.turn is None:
            raise RuleViolation("NOT_YOUR_TURN", "Nobody is to move now: the moves of this round are done.")
        raise RuleViolation("NOT_YOUR_TURN", f"It is {possessive(_actor_name(state, state.turn))} turn, "
                                             f"not {possessive(_actor_name(state, actor))}.")
    if state.actions_left.get(actor, 0) <= 0:
        raise RuleViolation("NO_ACTIONS_LEFT", f"{_actor_name(state, actor)} has no actions left this round.")
    if move.scope == "global":
        if action.track is not None:
            raise RuleViolation("GLOBAL_MOVE", f"'{move.name}' is a global move; it is not played on a track.")
    else:
        if action.track is None:
            raise RuleViolation("NEEDS_TRACK", f"'{move.name}' is played on a track: choose one.")
        spec = _track_spec(state, action.track)
        if actor not in spec.members:
            raise RuleViolation(
                "NOT_A_MEMBER",
                f"{_actor_name(state, actor)} is not at the table of '{spec.name}' "
                f"(members: {', '.join(_actor_name(state, m) for m in spec.members)}).",
            )
        track = state.tracks[action.track]
        if not track.is_open:
            raise RuleViolation("TRACK_CLOSED", f"'{spec.name}' is {track.status}: no more moves there.")
    if move.link:
        if state.independence == "strict":
            linked = (
                f"'{_track_name(state, action.track)}' may not be made conditional on '{_track_name(state, action.link)}'"
                if action.link
                else "an outcome on one track may not be made conditional on another"
            )
            raise RuleViolation(
                "LINKAGE_FORBIDDEN",
                f"Linking tracks is not allowed here (independence rule 3, strict): {linked}. \u201c{PRINCIPLE}.\u201d",
            )
        if action.link is None or action.link == action.track:
            raise RuleViolation("NEEDS_TRACK", f"'{move.name}' names a second track to link with.")
        other = _track_spec(state, action.link)
        if not state.tracks[other.id].is_open:
            raise RuleViolation("TRACK_CLOSED", f"'{other.name}' is {state.tracks[other.id].status}: it cannot be linked.")
    elif action.link is not None:
        raise RuleViolation("INVALID_ACTION", f"'{move.name}' does not link tracks.")
    if move.once_per_game and (actor, move.id) in state.used_once:
        raise RuleViolation("ALREADY_USED", f"{_actor_name(state, actor)} has already made '{move.name}' this game.")
    have = state.resources[actor]
    for key, amount in move.cost.items():
        if have.get(key, 0) < amount:
            raise RuleViolation(
                "CANNOT_AFFORD",
                f"'{move.name}' costs {amount} {key}; {_actor_name(state, actor)} has {have.get(key, 0)}.",
            )
    view = ReadView(state, action.track, actor)
    for cond in move.requires:
        if not cond.holds(view):
            raise RuleViolation("REQUIREMENT_UNMET", f"'{move.name}' needs {cond.describe()}.")
    return move


# --------------------------------------------------------------------------
# Applying


def apply(state: State, action: Action) -> State:
    """The state after ``action``. Pure: ``state`` is never changed.

    Raises RuleViolation (with a stable ``code``) for an illegal action; the
    old state is then untouched.
    """
    if not isinstance(action, Action):
        raise RuleViolation("INVALID_ACTION", "Not an action.")
    handler = _HANDLERS.get(action.kind)
    if handler is None:
        raise RuleViolation("INVALID_ACTION", f"Unknown action {action.kind!r}.")
    for text in (action.text, action.reason):
        if text is not None:
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise RuleViolation("INVALID_TEXT", "The text has characters that cannot be saved; please type it again.") from None
    if action.kind not in ("note", "undo"):
        if state.over and action.kind != "end":
            raise RuleViolation("GAME_OVER", "The game is over.")
    new, result = handler(state, action)
    event = Event(seq=state.seq + 1, round=state.round, phase=state.phase, action=action, result=result)
    length = state.history.length + 1 if state.history else 1
    history = _LogNode(event, state.history, length)
    if action.kind in ("note", "undo"):
        return evolve(new, seq=state.seq + 1, history=history)
    new = _check_end(new, result)
    if state.independence == "strict":
        _assert_independent(state, new, action)
    return evolve(new, previous=state, seq=state.seq + 1, history=history)


def _assert_independent(old: State, new: State, action: Action) -> None:
    """Independence checked again after every action (strict): raise if ever broken."""
    for tid, track in old.tracks.items():
        if tid != action.track and new.tracks[tid] is not track and action.kind != "override":
            raise IndependenceBreach(f"{action.kind} scoped to {action.track!r} changed track {tid!r}")
    if action.track is not None and new.meters is not old.meters:
        if action.kind != "override":
            raise IndependenceBreach(f"{action.kind} scoped to {action.track!r} changed a meter")


def _commit(state: State, bench: Bench, **extra: Any) -> State:
    """Write a bench's drafts back: only the tracks it holds, its meters, its actor."""
    tracks = state.tracks
    changed = {tid: d.frozen() for tid, d in bench.drafts.items()}
    changed = {tid: t for tid, t in changed.items() if t is not state.tracks[tid]}
    if changed:
        tracks = {**state.tracks, **changed}
    meters = state.meters if bench.meters is None else bench.meters
    resources = state.resources
    if bench.resources is not None and bench.actor is not None:
        resources = {**state.resources, bench.actor: bench.resources}
    return evolve(state, tracks=tracks, meters=meters, resources=resources, **extra)


def _settle(bench: Bench, explicit: frozenset[str] = frozenset()) -> list[str]:
    """Statuses that follow from positions and tension; linked-mode consequences.

    ``explicit``: tracks whose status the facilitator has just set by hand —
    it is not re-derived, but its consequences under linked still follow.
    """
    notes: list[str] = []
    state = bench.state
    newly_collapsed = [c["track"] for c in bench.changes if c.get("what") == "status" and c.get("to") == "collapsed"]
    newly_agreed = []
    for d in list(bench.drafts.values()):
        if d.status != "open" or d.id in explicit:
            continue
        if d.tension >= d.spec.breakdown_at:
            bench.changes.append({"track": d.id, "what": "status", "from": "open", "to": "collapsed"})
            d.status, d.since = "collapsed", state.round
            newly_collapsed.append(d.id)
            notes.append(f"{d.spec.name} collapsed (tension reached {d.spec.breakdown_at})")
        elif d.position >= d.spec.agreement_at:
            bench.changes.append({"track": d.id, "what": "status", "from": "open", "to": "agreed"})
            d.status, d.since = "agreed", state.round
            d.provisional = state.independence == "linked"
            newly_agreed.append(d.id)
            notes.append(f"{d.spec.name} agreed" + (" (provisionally: the package is not complete)" if d.provisional else ""))
    if state.independence != "linked" or bench.own is None:
        return notes
    if newly_collapsed:
        # the package deal: a collapse anywhere collapses every other track
        for tid, track in state.tracks.items():
            d = bench.drafts.get(tid)
            status = d.status if d else track.status
            if status == "open" or (status == "agreed" and (d.provisional if d else track.provisional)):
                draft = bench.draft(tid)
                bench.changes.append({"track": tid, "what": "status", "from": draft.status, "to": "collapsed"})
                draft.status, draft.provisional, draft.since = "collapsed", False, state.round
        notes.append("linked: the collapse brings down every other track, provisional agreements included")
    elif newly_agreed or any(c.get("to") == "deferred" for c in bench.changes):
        # deferring the last open track completes the package as much as an agreement does
        statuses = {tid: (bench.drafts[tid].status if tid in bench.drafts else t.status) for tid, t in state.tracks.items()}
        if all(s in ("agreed", "deferred") for s in statuses.values()):
            for tid, status in statuses.items():
                if status == "agreed":
                    bench.draft(tid).provisional = False
            notes.append("linked: every track is agreed — the package holds")
    return notes


def _summary(state: State, text: str, bench: Bench | None = None, notes: Iterable[str] = ()) -> dict[str, Any]:
    result: dict[str, Any] = {"summary": text}
    if bench is not None and bench.changes:
        result["changes"] = bench.changes
    if bench is not None and bench.logs:
        result["log"] = bench.logs
    notes = list(notes)
    if notes:
        result["notes"] = notes
    return result


def _run_effects(bench: Bench, effects: Iterable[Any]) -> None:
    for effect in effects:
        effect.apply(bench)


# -- phases ---------------------------------------------------------------


def _enter_phase(state: State, phase: str) -> State:
    if phase == "moves":
        actions = {a: state.ruleset.ruleset.actions_per_round for a in _actor_ids(state)}
        state = evolve(state, phase=phase, actions_left=actions, passed=frozenset(), turn=None)
        return evolve(state, turn=_next_turn(state, None))
    return evolve(state, phase=phase)


def _next_turn(state: State, after: str | None) -> str | None:
    order = _actor_ids(state)
    start = order.index(after) + 1 if after in order else 0
    for i in range(len(order)):
        actor = order[(start + i) % len(order)]
        if actor in state.passed or state.actions_left.get(actor, 0) <= 0:
            continue
        if state.resources.get(actor) is None:
            continue
        if not _can_act(state, actor):
            continue
        return actor
    return None


def _can_act(state: State, actor: str) -> bool:
    """An actor sits at no open track and has no global move: its turn is skipped."""
    for move in state.ruleset.moves:
        if move.scope == "global":
            return True
    return any(actor in t.members and state.tracks[t.id].is_open for t in state.ruleset.tracks)


def _advance(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "advance", action)
    phases = state.ruleset.ruleset.phases
    index = phases.index(state.phase)
    result: dict[str, Any] = {}
    if state.phase == "moves" and state.ruleset.ruleset.sealed_moves and state.queue:
        revealed = tuple(p._replace(revealed=True) for p in state.queue)
        state = evolve(state, queue=revealed)
        result["revealed"] = [p.seq for p in revealed]
    if index + 1 < len(phases):
        nxt = phases[index + 1]
        state = _enter_phase(state, nxt)
        result.update(_summary(state, f"Round {state.round}: {nxt} phase"), **{"to": nxt})
        return state, result
    # the end of a round
    if state.round >= state.ruleset.ruleset.turns:
        state = _finish(state, "all rounds played")
        result.update(_summary(state, f"Game over after round {state.round}: all rounds played"), to="over")
        return state, result
    rs = state.ruleset
    state = replace(
        state,
        round=state.round + 1,
        resources={a.id: dict(a.resources) for a in rs.actors},
        event_done=False,
        queue=(),
    )
    state = _enter_phase(state, phases[0])
    result.update(_summary(state, f"Round {state.round} begins: {phases[0]} phase"), to=phases[0])
    return state, result


def _finish(state: State, reason: str) -> State:
    tracks = state.tracks
    if state.independence == "linked":
        # nothing is agreed until everything is agreed: provisional deals lapse
        lapsed = {tid: t._replace(status="open", provisional=False, since=None) for tid, t in tracks.items() if t.provisional}
        if lapsed:
            tracks = {**tracks, **lapsed}
    return evolve(state, over=True, end_reason=reason, tracks=tracks, turn=None, card=None)


def _check_end(state: State, result: dict[str, Any]) -> State:
    if state.over:
        return state
    if not any(t.is_open for t in state.tracks.values()):
        state = _finish(state, "no track is open")
        result["game_over"] = "no track is open"
    return state


# -- cards ----------------------------------------------------------------


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


def _outcome(action: Action) -> dict[str, Any] | None:
    return dict(action.outcome) if action.outcome is not None else None


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
        raise RuleViolation("WRONG_TRACK", f"The card '{card.title}' is scoped to {card.track or 'no track'}.")
    return _resolve_card(state, card, None, None)


def _same_card(card: Card, action: Action) -> None:
    """An action that names a card names the revealed one (a save naming another is not what was played)."""
    if action.card is not None and action.card != card.id:
        raise RuleViolation("WRONG_CARD", f"The card on the table is '{card.title}', not {action.card!r}.")


def _choose(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "choose", action)
    card = _card(state, state.card)
    _same_card(card, action)
    chooser = card.chooser()
    if action.actor != chooser:
        raise RuleViolation("NOT_YOUR_TURN", f"{_actor_name(state, chooser)} answers '{card.title}', not {_actor_name(state, action.actor)}.")
    if action.track != card.track:
        raise RuleViolation("WRONG_TRACK", f"The card '{card.title}' is scoped to {card.track or 'no track'}.")
    if action.choice is None or not 0 <= action.choice < len(card.choices):
        raise RuleViolation("INVALID_ACTION", f"'{card.title}' has choices 0..{len(card.choices) - 1}.")
    return _resolve_card(state, card, action.choice, action.actor)


# -- moves ----------------------------------------------------------------


def _play(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "move", action)
    move = _check_move(state, action)
    actor = action.actor
    assert actor is not None
    paid = dict(state.resources[actor])
    for key, amount in move.cost.items():
        paid[key] -= amount
    left = {**state.actions_left, actor: state.actions_left[actor] - 1}
    used = state.used_once | {(actor, move.id)} if move.once_per_game else state.used_once
    state = evolve(state, resources={**state.resources, actor: paid}, actions_left=left, used_once=used)
    where = f" on {_track_name(state, action.track)}" if action.track else ""
    link = f", linked to {_track_name(state, action.link)}" if action.link else ""
    sealed = state.ruleset.ruleset.sealed_moves
    text = f"{_actor_name(state, actor)}: {move.name}{where}{link}"
    result: dict[str, Any]
    if move.resolution == "auto" and not sealed:
        state, result = _enact_move(state, actor, move, action.track, action.link, success=True)
        result["summary"] = text + (f" — {result['summary']}" if result.get("summary") else "")
    else:
        spec = _track_spec(state, action.track) if action.track else None
        voters = tuple(m for m in spec.members if m != actor) if spec and move.resolution == "consensus" else ()
        proposal = Proposal(
            seq=state.seq + 1,
            actor=actor,
            move=move.id,
            track=action.track,
            link=action.link,
            resolution=move.resolution,
            voters=voters,
            sealed=sealed,
            revealed=not sealed,
        )
        state = evolve(state, queue=(*state.queue, proposal))
        result = _summary(state, text + (" (sealed: committed)" if sealed else f" — tabled for {move.resolution}"))
        result["tabled"] = True
        if sealed:
            result["sealed"] = True
    if move.cost:
        result["paid"] = dict(move.cost)
    return evolve(state, turn=_turn_after_move(state, actor)), result


def _turn_after_move(state: State, actor: str) -> str | None:
    """Who moves next. In a sealed round a team enters all its moves in one sitting:
    it keeps the keyboard until it passes or has no action left."""
    if state.ruleset.ruleset.sealed_moves and state.actions_left.get(actor, 0) > 0 and _can_act(state, actor):
        return actor
    return _next_turn(state, actor)


def _pass(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "pass", action)
    if action.actor != state.turn:
        raise RuleViolation("NOT_YOUR_TURN", f"It is {possessive(_actor_name(state, state.turn))} turn.")
    actor = action.actor
    assert actor is not None
    state = evolve(state, passed=state.passed | {actor})
    return evolve(state, turn=_next_turn(state, actor)), _summary(state, f"{_actor_name(state, actor)} passes")


def _enact_move(
    state: State, actor: str, move: MoveType, track: str | None, link: str | None, success: bool
) -> tuple[State, dict[str, Any]]:
    """Apply a move's effects (or fail effects) on its track, and on a linked track under linked."""
    effects = move.effects if success else move.fail_effects
    bench = Bench(state, track, actor)
    _run_effects(bench, effects)
    if link is not None and state.independence == "linked":
        for effect in effects:
            if getattr(effect, "track", "") is None and effect.writes_track:
                replace_content(effect, track=link).apply(bench)
    notes = _settle(bench)
    verdict = "" if move.resolution == "auto" else ("succeeds" if success else "fails")
    if success and verdict and track is not None and track in bench.drafts:
        d = bench.drafts[track]
        if d.status == "collapsed" and state.tracks[track].status == "open":
            # never a bare "succeeds" that ends in collapse: say why
            verdict += collapse_verdict(d.tension, d.spec.breakdown_at)
    return _commit(state, bench), _summary(state, verdict, bench, notes)


# -- adjudication ---------------------------------------------------------


def _head(state: State, action: Action, resolution: str) -> Proposal:
    _expect(state, {"consensus": "vote", "dice": "roll", "facilitator": "rule", "auto": "enact"}[resolution], action)
    head = state.queue[0]
    if action.track != head.track:
        raise RuleViolation("WRONG_TRACK", f"The proposal being adjudicated is on {head.track or 'no track'}.")
    return head


def _finish_proposal(state: State, head: Proposal, success: bool, working: dict[str, Any]) -> tuple[State, dict[str, Any]]:
    move = _move(state, head.move)
    state = evolve(state, queue=state.queue[1:])
    track = state.tracks.get(head.track) if head.track else None
    if track is not None and not track.is_open and not (track.status == "agreed" and track.provisional):
        result = _summary(state, f"{_actor_name(state, head.actor)}: {move.name} lapses — {_track_name(state, head.track)} is {track.status}")
        result["ruling"] = {**working, "lapsed": True, "success": False, "proposal": head.seq,
                            "actor": head.actor, "move": head.move}
        return state, result
    state, result = _enact_move(state, head.actor, move, head.track, head.link, success)
    where = f" on {_track_name(state, head.track)}" if head.track else ""
    result["summary"] = f"{_actor_name(state, head.actor)}: {move.name}{where} {result['summary']}".strip()
    result["ruling"] = {**working, "success": success, "proposal": head.seq, "actor": head.actor, "move": head.move}
    return state, result


def _vote(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "consensus")
    voter = head.next_voter()
    if action.actor != voter:
        raise RuleViolation("NOT_YOUR_TURN", f"{_actor_name(state, voter)} votes now, not {_actor_name(state, action.actor)}.")
    if action.accept is None:
        raise RuleViolation("INVALID_ACTION", "A vote accepts or rejects.")
    head = head._replace(votes=(*head.votes, (voter, action.accept)))
    word = "accepts" if action.accept else "rejects"
    spec = _track_spec(state, head.track) if head.track else None
    veto = not action.accept and spec is not None and voter in spec.vetoes()
    if veto:
        # a veto ends the vote: nobody is asked about a proposal that is already dead
        word = "rejects with a veto"
    elif head.next_voter() is not None:
        state = evolve(state, queue=(head, *state.queue[1:]))
        return state, _summary(state, f"{_actor_name(state, voter)} {word}")
    accepted = [head.actor] + [a for a, v in head.votes if v]
    rejected = [a for a, v in head.votes if not v]
    threshold = spec.threshold() if spec else 1
    vetoed = [a for a in rejected if spec and a in spec.vetoes()]
    success = len(accepted) >= threshold and not vetoed
    working = {"resolution": "consensus", "accepted": accepted, "rejected": rejected, "threshold": threshold, "vetoed_by": vetoed}
    state, result = _finish_proposal(state, head, success, working)
    result["summary"] = f"{_actor_name(state, voter)} {word}; " + result["summary"]
    return state, result


def _roll(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "dice")
    move = _move(state, head.move)
    outcome = _outcome(action)
    if outcome is not None:
        dice = outcome.get("dice")
        if not (isinstance(dice, list) and len(dice) == 2 and all(isinstance(d, int) and 1 <= d <= 6 for d in dice)):
            raise RuleViolation("INVALID_ACTION", "A recorded roll is two dice from 1 to 6.")
    else:
        dice = list(rng.roll_2d6(state.seed, state.chance))
    view = ReadView(state, head.track, head.actor)
    modifiers = []
    total = sum(dice)
    for mod in move.modifiers:
        applies = mod.holds(view)
        add = mod.add  # type: ignore[attr-defined]
        modifiers.append({"source": mod.describe(), "add": add, "applies": applies})
        if applies:
            total += add
    assert move.target is not None
    success = total >= move.target
    working = {"resolution": "dice", "dice": dice, "modifiers": modifiers, "total": total, "target": move.target}
    state = evolve(state, chance=state.chance + 1)
    state, result = _finish_proposal(state, head, success, working)
    result["outcome"] = {"dice": dice}
    mods = "".join(f" {'+' if m['add'] >= 0 else '-'} {abs(m['add'])} ({m['source']})" for m in modifiers if m["applies"])
    result["summary"] += f" — rolled {dice[0]}+{dice[1]}{mods} = {total} vs {move.target}"
    return state, result


def _rule(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "facilitator")
    if action.success is None:
        raise RuleViolation("INVALID_ACTION", "A ruling says success or failure.")
    reason = (action.reason or "").strip()
    working = {"resolution": "facilitator", "reason": reason}
    state, result = _finish_proposal(state, head, action.success, working)
    if reason:
        result["summary"] += f" — facilitator: {reason}"
    return state, result


def _enact(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "auto")
    return _finish_proposal(state, head, True, {"resolution": "auto"})


# -- facilitator powers ---------------------------------------------------


def _override(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    reason = (action.reason or "").strip()
    if not reason:
        raise RuleViolation("REASON_REQUIRED", "An override needs a reason, for the record.")
    bench: Bench
    if action.track is not None:
        spec = _track_spec(state, action.track)
        if action.meter is not None:
            raise RuleViolation("INVALID_ACTION", "Override a track or a meter, not both at once.")
        bench = Bench(state, action.track, None)
        d = bench.draft(action.track)
        top = len(spec.ladder) - 1
        if action.position is not None:
            if not 0 <= action.position <= top:
                raise RuleViolation("OUT_OF_RANGE", f"Position must be 0..{top} on '{spec.name}'.")
            if action.position != d.position:
                bench.changes.append({"track": d.id, "what": "position", "from": d.position, "to": action.position})
                d.position = action.position
        if action.tension is not None:
            if not 0 <= action.tension <= spec.breakdown_at:
                raise RuleViolation("OUT_OF_RANGE", f"Tension must be 0..{spec.breakdown_at} on '{spec.name}'.")
            if action.tension != d.tension:
                bench.changes.append({"track": d.id, "what": "tension", "from": d.tension, "to": action.tension})
                d.tension = action.tension
        if action.status is not None:
            if action.status not in STATUSES:
                raise RuleViolation("INVALID_ACTION", f"Status is one of {', '.join(STATUSES)}.")
            if action.status != d.status or d.provisional:
                bench.changes.append({"track": d.id, "what": "status", "from": d.status, "to": action.status})
                d.status, d.provisional, d.since = action.status, False, state.round
        if action.position is None and action.tension is None and action.status is None:
            raise RuleViolation("INVALID_ACTION", "Say what to override: position, tension or status.")
        notes = _settle(bench, frozenset({action.track}) if action.status is not None else frozenset())
        what = _track_name(state, action.track)
        warning = breakdown_warning(d.status, d.tension, spec.breakdown_at, spec.name)
    elif action.meter is not None:
        meter = next((m for m in state.ruleset.meters if m.id == action.meter), None)
        if meter is None:
            raise RuleViolation("UNKNOWN_METER", f"There is no meter called {action.meter!r}.")
        if action.value is None or not meter.min <= action.value <= meter.max:
            raise RuleViolation("OUT_OF_RANGE", f"{meter.name} must be {meter.min}..{meter.max}.")
        bench = Bench(state, None, None)
        bench.add_meter(meter.id, action.value - state.meters[meter.id])
        notes = []
        what = meter.name
        warning = None
    else:
        raise RuleViolation("INVALID_ACTION", "Override a track (position, tension, status) or a meter (value).")
    state = _commit(state, bench)
    text = f"Facilitator override of {what}: {reason}" + (f" — {warning}" if warning else "")
    result = _summary(state, text, bench, notes) | {"reason": reason}
    if warning:
        result["warning"] = warning
    return state, result


def _undo(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    target = state
    if target.previous is None or target.last is None:
        raise RuleViolation("NOTHING_TO_UNDO", "There is nothing to undo.")
    last = last_undoable(state)
    if last is None:
        raise RuleViolation("NOTHING_TO_UNDO", "There is nothing to undo.")
    previous = state.previous
    result = _summary(previous, f"Undo: {last.summary}")
    result["undoes"] = last.seq
    if action.reason:
        result["reason"] = action.reason
    return evolve(previous, history=state.history, seq=state.seq), result


def _note(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    text = (action.text or "").strip()
    if not text:
        raise RuleViolation("INVALID_ACTION", "A note needs some text.")
    about = action.about if action.about is not None else state.seq
    if not 0 <= about <= state.seq:
        raise RuleViolation("UNKNOWN_EVENT", f"There is no event {about} to attach a note to.")
    return state, {"summary": f"Note on event {about}: {text}", "about": about}


def _inject(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    card = _card(state, action.card)
    if state.card is not None:
        raise RuleViolation("CARD_PENDING", f"First resolve the card '{_card(state, state.card).title}'.")
    pile, discard = list(state.pile), list(state.discard)
    if card.id in pile:
        pile.remove(card.id)
    elif card.id in discard:
        discard.remove(card.id)
    round_event = state.phase == "event" and not state.event_done
    state = evolve(state, pile=tuple(pile), discard=tuple(discard), card=card.id, card_round_event=round_event,
                    event_done=state.event_done or round_event)
    return state, _summary(state, f"Facilitator injects: {card.title}")


def _skip(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    if state.card is None:
        raise RuleViolation("NO_CARD", "There is no card waiting to be skipped.")
    card = _card(state, state.card)
    state = evolve(state, card=None, discard=(*state.discard, card.id))
    result = _summary(state, f"Facilitator skips the card: {card.title}")
    result["card"] = card.id
    if action.reason:
        result["reason"] = action.reason
    return state, result


def _redraw(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    if state.card is None:
        raise RuleViolation("NO_CARD", "There is no card waiting to be redrawn.")
    old = _card(state, state.card)
    state = evolve(state, card=None, discard=(*state.discard, old.id))
    state, result = _draw_from(state, _outcome(action))
    result["summary"] = f"Facilitator redraws ({old.title} set aside): " + result["summary"]
    result["replaced"] = old.id
    return state, result


def _end(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    if state.over:
        raise RuleViolation("GAME_OVER", "The game is already over.")
    reason = (action.reason or "").strip() or "ended by the facilitator"
    state = _finish(state, reason)
    return state, {"summary": f"Facilitator ends the game: {reason}", "reason": reason}


_HANDLERS = {
    "draw": _draw,
    "apply_card": _apply_card,
    "choose": _choose,
    "move": _play,
    "pass": _pass,
    "vote": _vote,
    "roll": _roll,
    "rule": _rule,
    "enact": _enact,
    "advance": _advance,
    "override": _override,
    "undo": _undo,
    "note": _note,
    "inject": _inject,
    "skip": _skip,
    "redraw": _redraw,
    "end": _end,
}
assert set(_HANDLERS) >= set(FACILITATOR_KINDS)


# --------------------------------------------------------------------------
# Objectives


def objectives_met(state: State) -> dict[str, list[tuple[Any, bool]]]:
    """Each actor's objectives, each with whether the board now meets it."""
    out: dict[str, list[tuple[Any, bool]]] = {}
    for actor in state.ruleset.actors:
        rows = []
        for obj in actor.objectives:
            track = state.tracks[obj.track]
            met = True
            if obj.at_least is not None and track.position < obj.at_least:
                met = False
            if obj.status is not None and (track.status != obj.status or track.provisional):
                met = False
            rows.append((obj, met))
        out[actor.id] = rows
    return out
