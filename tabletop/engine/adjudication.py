"""Adjudication: the tabled proposal at the head of the queue is voted on,
rolled for, ruled on by the facilitator, or enacted; or, its track closed
meanwhile, set aside by the facilitator as lapsed (``lapse``).
"""

from __future__ import annotations

from typing import Any

from ..content import MoveType
from . import rng
from .actions import Action, RuleViolation
from .codes import Code
from .legal import _expect, closed_to, lapsing
from .lookups import _, _actor_name, _move, _outcome, _track_name, _track_spec, named, pgettext, plural
from .moves import _enact_move, paying
from .records import Modifier
from .scope import ReadView
from .settle import _result
from .state import Proposal, State, evolve


#: the action that settles a proposal of each resolution
_SETTLED_BY = {"consensus": "vote", "dice": "roll", "facilitator": "rule", "auto": "enact"}


def _head(state: State, action: Action, resolution: str) -> Proposal:
    _expect(state, _SETTLED_BY[resolution], action)
    head = state.queue[0]
    if action.track != head.track:
        raise RuleViolation(Code.WRONG_TRACK, _("The proposal being adjudicated is on {track}.").format(
            track=_track_name(state, head.track) if head.track else _("no track")))
    return head


def _finish_proposal(
    state: State, head: Proposal, success: bool, working: dict[str, Any], move: MoveType | None = None, **changes: Any
) -> tuple[State, dict[str, Any]]:
    """Take the head proposal off the queue and enact it (``move``: the move as adjudicated, an argument's
    result in its effects; ``changes``: other fields of the new state, set in the same copy)."""
    move = move or _move(state, head.move)
    state = evolve(state, queue=state.queue[1:], **changes)
    if closed_to(state, head.track):
        return state, _lapsed(state, head, working)
    state, result = _enact_move(state, head.actor, move, head.track, head.link, success)
    result["ruling"] = {**working, "success": success, "proposal": head.seq, "actor": head.actor, "move": head.move}
    return state, result


def _lapsed(state: State, head: Proposal, working: dict[str, Any]) -> dict[str, Any]:
    """The result of a proposal whose track closed before it was settled: nothing changes, the ruling says it lapsed."""
    result = _result(lapsed=state.tracks[head.track or ""].status)
    result["ruling"] = {**working, "lapsed": True, "success": False, "proposal": head.seq, "actor": head.actor,
                        "move": head.move}
    return result


def _lapse(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    """The facilitator sets aside the head proposal, its track closed since it was tabled: it lapses as a vote, a roll
    or a ruling would have let it lapse, with none of them (found from outside: the room rolled, voted and ruled, with
    a typed reason, on a move that counted for nothing). What its team paid stays paid."""
    extra = sorted(k for k, v in action.to_dict().items() if k not in ("kind", "track", "lang") and v is not None)
    if extra:
        raise RuleViolation(Code.INVALID_ACTION, _("A lapse names the track of the proposal set aside, and nothing "
                                                   "else (not {fields}).").format(fields=", ".join(extra)))
    if state.phase != "adjudication" or not state.queue or state.card is not None:
        raise RuleViolation(Code.WRONG_PHASE, _("There is no tabled proposal to set aside now."))
    head = state.queue[0]
    if action.track != head.track:
        raise RuleViolation(Code.WRONG_TRACK, _("The proposal being adjudicated is on {track}.").format(
            track=_track_name(state, head.track) if head.track else _("no track")))
    if lapsing(state) is None:
        move = named(state, "move", head.move)
        track = state.tracks.get(head.track) if head.track else None
        said = (_("“{move}” is a global move: it is settled as usual, not set aside.") if track is None
                # (found in review: a provisional agreement was called "still open")
                else _("“{move}” is on {track}, provisionally agreed, which may still change: it is settled as usual, "
                       "not set aside.") if track.status == "agreed"
                else _("“{move}” is on {track}, which is still open: it is settled as usual, not set aside."))
        raise RuleViolation(Code.STILL_OPEN, said.format(move=move, track=_track_name(state, head.track or "")))
    working: dict[str, Any] = {"resolution": head.resolution, "set_aside": True}
    argument = head.argument
    if argument is not None:
        # an argument keeps what was typed and chosen, as a roll's ruling does: the report reads it beside the lapse
        # (found in review: the debrief showed the argument set aside with no text, no reasons and no counters)
        working.update(resolution="argue", text=argument.text, wanted=dict(argument.wanted),
                       reasons=list(argument.reasons), counters=[list(c) for c in argument.counters],
                       votes=[list(v) for v in argument.votes], odds=argument.odds, odds_by=argument.odds_by,
                       strong=list(argument.strong))
    state = evolve(state, queue=state.queue[1:])
    result = _lapsed(state, head, working)
    if argument is not None and head.sealed and argument.counters and argument.next_counterer() is not None:
        # counters behind the gate are revealed as the argument ends, as when the last one is in (found in review:
        # they stayed hidden from the other teams until some later argument's reveal)
        result["counters_revealed"] = [list(c) for c in argument.counters]
    return state, result


def _vote(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "consensus")
    voter = head.next_voter()
    if action.actor != voter:
        raise RuleViolation(Code.NOT_YOUR_TURN, (pgettext("plural subject", "{actor} vote now, not {other}.") if plural(state, voter)
                                                 else _("{actor} votes now, not {other}.")).format(
            actor=_actor_name(state, voter), other=_actor_name(state, action.actor)))
    if action.accept is None:
        raise RuleViolation(Code.INVALID_ACTION, _("A vote accepts or rejects."))
    head = head._replace(votes=(*head.votes, (voter, action.accept)))
    spec = _track_spec(state, head.track) if head.track else None
    veto = not action.accept and spec is not None and voter in spec.vetoes()
    # a veto ends the vote: nobody is asked about a proposal that is already dead
    if not veto and head.next_voter() is not None:
        state = evolve(state, queue=(head, *state.queue[1:]))
        return state, {}
    accepted = [head.actor] + [a for a, v in head.votes if v]
    rejected = [a for a, v in head.votes if not v]
    threshold = spec.threshold() if spec else 1
    vetoed = [a for a in rejected if spec and a in spec.vetoes()]
    success = len(accepted) >= threshold and not vetoed
    working = {"resolution": "consensus", "accepted": accepted, "rejected": rejected, "threshold": threshold, "vetoed_by": vetoed}
    return _finish_proposal(state, head, success, working)


def _roll(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "dice")
    move = _move(state, head.move)
    dice = rolled(state, action)
    counted = roll_modifiers(state, move, head.track, head.actor)
    modifiers = [mod._asdict() for mod in counted]  # as recorded: source, add, applies
    total = sum(dice) + sum(mod.add for mod in counted if mod.applies)
    assert move.target is not None
    success = total >= move.target
    working = {"resolution": "dice", "dice": dice, "modifiers": modifiers, "total": total, "target": move.target}
    state, result = _finish_proposal(state, head, success, working, chance=state.chance + 1)
    result["outcome"] = {"dice": dice}
    return state, result


def rolled(state: State, action: Action) -> list[int]:
    """The two dice of a roll: as recorded (a replay), or from the game's seed."""
    outcome = _outcome(action)
    if outcome is None:
        return list(rng.roll_2d6(state.seed, state.chance))
    dice = outcome.get("dice")
    # whole numbers, not True for 1 (the save's reader refuses it)
    if not (type(dice) is list and len(dice) == 2 and all(type(d) is int and 1 <= d <= 6 for d in dice)):
        raise RuleViolation(Code.INVALID_ACTION, _("A recorded roll is two dice from 1 to 6."))
    return dice


def roll_modifiers(state: State, move: MoveType, track: str | None, actor: str | None, *,
                   committing: bool = False) -> tuple[Modifier, ...]:
    """Each modifier of dice move ``move`` by ``actor`` on ``track`` as a roll on ``state``'s board counts it: its
    source as recorded, what it adds, whether its condition holds (read in the move's scope). What a roll records,
    and what the question before it marks as applying now (found from outside: the question listed every modifier
    alike, and the facilitator could not tell the room which counted).

    ``committing``: asked before the move is made, read as the roll will see the board as far as the move goes, its
    own cost paid (found from outside: with 3 capital and "+1 if capital ≥ 3", the question promised 5+, the move
    paid 1 capital, and the roll was at 6+)."""
    if committing and actor is not None and move.cost:
        state = evolve(state, resources=paying(state, actor, move))
    view = ReadView(state, track, actor)
    return tuple(Modifier(source, mod.add, mod.holds(view))  # type: ignore[attr-defined]
                 for mod, source in zip(move.modifiers, _sources(move.modifiers), strict=True))


def _sources(modifiers: tuple[Any, ...]) -> tuple[str, ...]:
    """Each modifier's words for the record (``describe``: the same words every time, content never
    changes), worded once per tuple of modifiers rather than at every roll."""
    kept = _SOURCES.get(id(modifiers))
    if kept is None or kept[0] is not modifiers:
        if len(_SOURCES) > 1024:
            _SOURCES.clear()
        kept = _SOURCES[id(modifiers)] = (modifiers, tuple(mod.describe() for mod in modifiers))
    return kept[1]


#: each move's modifiers (the tuple itself, so that its id is not reused meanwhile) and their words
_SOURCES: dict[int, tuple[tuple[Any, ...], tuple[str, ...]]] = {}


def _rule(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "facilitator")
    if action.success is None:
        raise RuleViolation(Code.INVALID_ACTION, _("A ruling says success or failure."))
    reason = (action.reason or "").strip()
    working = {"resolution": "facilitator", "reason": reason}
    return _finish_proposal(state, head, action.success, working)


def _enact(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    head = _head(state, action, "auto")
    return _finish_proposal(state, head, True, {"resolution": "auto"})
