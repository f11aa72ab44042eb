"""What the game waits on, what is legal now, and why an action is not.

``legal_actions`` lists whoever must act now; ``move_options`` lists every
move an actor could try, each with its refusal; ``_expect`` and
``_check_move`` refuse what the game does not wait on.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..content import MoveType, Scenario
from ..content.grammar import possessive
from .actions import Action, RuleViolation
from .arguments import argue_actions, argument_actions, argument_step, check_argument, not_an_argument
from .codes import Code
from .lookups import _actor_name, _card, _move, _track_name, _track_spec
from .scope import ReadView
from .state import State


PRINCIPLE = "Not everything must be agreed for anything to be agreed"


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
        if head.argument is not None:
            return argument_step(head.argument)
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
        if head.argument is not None:
            return argument_actions(state, head)
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

    The plays never change during a game: the scenario's index lists them, and
    their actions are kept here, by index. A link move's action depends on which
    tracks are open, so it is built when listed. An argument is listed once per
    result it offers, filled with the deck's stock texts (engine/arguments.py).
    """
    index = scenario.index
    built = _BUILT.get(index)
    if built is None:
        built = _BUILT[index] = {}
    found = built.get(actor)
    if found is None:
        found = built[actor] = [
            (move, tid, action)
            for move, tid in index.plays[actor]
            for action in _plays(scenario, actor, move, tid)
        ]
    return found


def _plays(scenario: Scenario, actor: str, move: MoveType, tid: str | None) -> list[Action | None]:
    if move.link and tid is not None:
        return [None]
    if move.argue is not None and tid is not None:
        return list(argue_actions(scenario, actor, move, tid))
    return [Action("move", actor=actor, move=move.id, track=tid)]


#: Each scenario index's candidate plays with their actions, per actor: kept weakly,
#: so a scenario no game uses any more takes its actions with it.
_BUILT: WeakKeyDictionary[object, dict[str, list[tuple[MoveType, str | None, Action | None]]]] = WeakKeyDictionary()


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
            if move.argue is not None:
                out.extend((a, _move_problem(state, a)) for a in argue_actions(state.scenario, actor, move, track.id))
                continue
            action = Action("move", actor=actor, move=move.id, track=track.id)
            out.append((action, _move_problem(state, action)))
    return out


def _expect(state: State, kind: str, action: Action) -> None:
    """Raise unless the game now waits on an action of this kind."""
    if state.over:
        raise RuleViolation(Code.GAME_OVER, "The game is over.")
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
        "counter": "counter",
        "odds": "odds",
        "enact": "enact",
        "advance": "advance",
    }[kind]
    if waiting == wanted:
        return
    if state.card is not None and kind not in ("apply_card", "choose"):
        raise RuleViolation(Code.CARD_PENDING, f"First resolve the card '{_card(state, state.card).title}'.")
    if kind in ("move", "pass") and state.phase != "moves":
        raise RuleViolation(Code.WRONG_PHASE, f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if kind in ("move", "pass") and state.turn is None:
        raise RuleViolation(Code.WRONG_PHASE, "Every team has finished its moves this round.")
    raise RuleViolation(Code.WRONG_PHASE, f"The game is not waiting for '{kind}' now (it waits for: {waiting}).")


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
        raise RuleViolation(Code.UNKNOWN_ACTOR, f"There is no actor called {actor!r}.")
    if state.over:
        raise RuleViolation(Code.GAME_OVER, "The game is over.")
    if state.phase != "moves" or state.card is not None:
        raise RuleViolation(Code.WRONG_PHASE, f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if state.turn != actor:
        if state.turn is None:
            raise RuleViolation(Code.NOT_YOUR_TURN, "Nobody is to move now: the moves of this round are done.")
        raise RuleViolation(Code.NOT_YOUR_TURN, f"It is {possessive(_actor_name(state, state.turn))} turn, "
                                             f"not {possessive(_actor_name(state, actor))}.")
    if state.actions_left.get(actor, 0) <= 0:
        raise RuleViolation(Code.NO_ACTIONS_LEFT, f"{_actor_name(state, actor)} has no actions left this round.")
    if move.scope == "global":
        if action.track is not None:
            raise RuleViolation(Code.GLOBAL_MOVE, f"'{move.name}' is a global move; it is not played on a track.")
    else:
        if action.track is None:
            raise RuleViolation(Code.NEEDS_TRACK, f"'{move.name}' is played on a track: choose one.")
        spec = _track_spec(state, action.track)
        if actor not in spec.members:
            raise RuleViolation(
                Code.NOT_A_MEMBER,
                f"{_actor_name(state, actor)} is not at the table of '{spec.name}' "
                f"(members: {', '.join(_actor_name(state, m) for m in spec.members)}).",
            )
        track = state.tracks[action.track]
        if not track.is_open:
            raise RuleViolation(Code.TRACK_CLOSED, f"'{spec.name}' is {track.status}: no more moves there.")
    if move.link:
        if state.independence == "strict":
            linked = (
                f"'{_track_name(state, action.track)}' may not be made conditional on '{_track_name(state, action.link)}'"
                if action.link
                else "an outcome on one track may not be made conditional on another"
            )
            raise RuleViolation(
                Code.LINKAGE_FORBIDDEN,
                f"Linking tracks is not allowed here (independence rule 3, strict): {linked}. \u201c{PRINCIPLE}.\u201d",
            )
        if action.link is None or action.link == action.track:
            raise RuleViolation(Code.NEEDS_TRACK, f"'{move.name}' names a second track to link with.")
        other = _track_spec(state, action.link)
        if not state.tracks[other.id].is_open:
            raise RuleViolation(Code.TRACK_CLOSED, f"'{other.name}' is {state.tracks[other.id].status}: it cannot be linked.")
    elif action.link is not None:
        raise RuleViolation(Code.INVALID_ACTION, f"'{move.name}' does not link tracks.")
    if move.once_per_game and (actor, move.id) in state.used_once:
        raise RuleViolation(Code.ALREADY_USED, f"{_actor_name(state, actor)} has already made '{move.name}' this game.")
    have = state.resources[actor]
    for key, amount in move.cost.items():
        if have.get(key, 0) < amount:
            raise RuleViolation(
                Code.CANNOT_AFFORD,
                f"'{move.name}' costs {amount} {key}; {_actor_name(state, actor)} has {have.get(key, 0)}.",
            )
    view = ReadView(state, action.track, actor)
    for cond in move.requires:
        if not cond.holds(view):
            raise RuleViolation(Code.REQUIREMENT_UNMET, f"'{move.name}' needs {cond.describe()}.")
    if move.argue is not None:
        check_argument(state, move, action)
    else:
        not_an_argument(move, action)
    return move
