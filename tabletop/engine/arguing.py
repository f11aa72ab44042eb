"""A tabled argument's steps in adjudication: the counters, the odds, and the roll that decides it.

The shapes of these actions, and what ``legal_actions`` lists at each step,
are written down in :mod:`tabletop.engine.arguments`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..content import MoveType
from ..content.fields import replace as replace_content
from ..content.vocabulary import Effect, ProgressEffect, StatusEffect, TensionEffect
from .actions import Action, RuleViolation
from .adjudication import _finish_proposal, _roll, rolled
from .arguments import ODDS, Argument, check_text, check_wanted, countered, matrix_odds, median_odds
from .codes import Code
from .legal import _expect
from .lookups import _, _actor_name, _track_name, pgettext, plural, _move
from .settle import _result
from .state import Proposal, State, evolve


def _head(state: State, action: Action, kind: str) -> tuple[Proposal, Argument]:
    _expect(state, kind, action)
    head = state.queue[0]
    assert head.argument is not None  # waiting_for says counter or odds only for an argument
    if action.track != head.track:
        raise RuleViolation(Code.WRONG_TRACK, _("The argument being weighed is on {track}.").format(
            track=_track_name(state, head.track)))
    return head, head.argument


def _no_argument_fields(action: Action, *allowed: str) -> None:
    for name in ("wanted", "reasons", "odds", "strong"):
        if name not in allowed and getattr(action, name) is not None:
            raise RuleViolation(Code.INVALID_ACTION, _("A {kind} action takes no {field}.").format(kind=action.kind, field=name))


def _put(state: State, head: Proposal, argument: Argument) -> State:
    return evolve(state, queue=(head._replace(argument=argument), *state.queue[1:]))


def _counter(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    """A team counters the argument (``text``), or passes (no text); sealed: held until the last one."""
    head, argument = _head(state, action, "counter")
    who = argument.next_counterer()
    if action.actor != who:
        raise RuleViolation(Code.NOT_YOUR_TURN, (pgettext("plural subject", "{actor} counter now, not {other}.") if plural(state, who)
                                                 else _("{actor} counters now, not {other}.")).format(
            actor=_actor_name(state, who), other=_actor_name(state, action.actor)))
    _no_argument_fields(action)
    options = _move(state, head.move).argue
    assert options is not None
    text = check_text(action.text, options.reason_length, _("a counter"), required=False)
    argument = argument._replace(counters=(*argument.counters, (who, text)))
    state = _put(state, head, argument)
    if head.sealed:
        # behind the gate, a pass looks like a counter: the room learns nothing until the reveal
        result = _result(sealed=True)
        if argument.next_counterer() is None:
            result["counters_revealed"] = [list(c) for c in argument.counters]
        return state, result
    return state, {}


def _odds(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    """A team's vote on the odds, or the facilitator setting them (by the move's method)."""
    head, argument = _head(state, action, "odds")
    voter = argument.next_voter()
    if voter is not None:
        if action.actor != voter:
            raise RuleViolation(Code.NOT_YOUR_TURN, (
                pgettext("plural subject", "{actor} vote on the odds now.") if plural(state, voter)
                else _("{actor} votes on the odds now.")).format(actor=_actor_name(state, voter)))
        _no_argument_fields(action, "odds")
        label = _label(action.odds)
        state = _put(state, head, argument._replace(votes=(*argument.votes, (voter, label))))
        return state, {}
    if action.actor is not None:
        raise RuleViolation(Code.NOT_YOUR_TURN, _("The facilitator sets the odds, not a team."))
    strong: tuple[int, ...] = ()
    if argument.method == "matrix":
        _no_argument_fields(action, "strong", "wanted")
        strong = _strong(argument, action.strong)
        reasons = sum(1 for i in strong if i < len(argument.reasons))
        label, by = matrix_odds(reasons, len(strong) - reasons), "matrix"
    else:
        _no_argument_fields(action, "odds", "wanted")
        label = _label(action.odds)
        by = "vote" if argument.method == "vote" and label == median_odds(argument.votes) else "facilitator"
    wanted = argument.wanted
    options = _move(state, head.move).argue
    assert options is not None and head.track is not None
    if action.wanted is not None:
        wanted = check_wanted(state, options, head.track, action.wanted)
    state = _put(state, head, argument._replace(odds=label, odds_by=by, strong=strong, wanted=wanted))
    told: dict[str, Any] = {"odds": label, "by": by}
    if by == "matrix":
        told["strong"], told["items"] = len(strong), len(argument.reasons) + len(countered(argument))
    if wanted != argument.wanted:
        told["wanted"] = dict(wanted)
    return state, _result(**told)


def _label(odds: str | None) -> str:
    if odds not in ODDS:
        raise RuleViolation(Code.UNKNOWN_ODDS, _("The odds are one of: {odds}.").format(odds=", ".join(ODDS)))
    return odds


def _strong(argument: Argument, strong: tuple[int, ...] | None) -> tuple[int, ...]:
    items = len(argument.reasons) + len(countered(argument))
    if strong is None or len(set(strong)) != len(strong) or any(not 0 <= i < items for i in strong):
        raise RuleViolation(
            Code.UNKNOWN_ODDS,
            _("Mark the strong items by number, once each: 0..{last} (the reasons, then the counters).").format(last=items - 1),
        )
    return tuple(sorted(strong))


def effect_of(wanted: Mapping[str, Any]) -> Effect:
    """The track's own effect an argument asked for."""
    if "progress" in wanted:
        return ProgressEffect(progress=wanted["progress"])
    if "tension" in wanted:
        return TensionEffect(tension=wanted["tension"])
    return StatusEffect(status=wanted["status"])


def _argued(move: MoveType, wanted: tuple[tuple[str, Any], ...]) -> MoveType:
    """The move as adjudicated: its effects the one result argued for (made once per move and result:
    content is never changed, and a copy of a move is dear)."""
    key = (id(move), wanted)
    found = _ARGUED.get(key)
    if found is None or found[0] is not move:
        if len(_ARGUED) > 1024:
            _ARGUED.clear()
        found = _ARGUED[key] = (move, replace_content(move, effects=(effect_of(dict(wanted)),)))
    return found[1]


#: each (move, wanted result) adjudicated, by the move's id (content is compared by value, not hashed)
_ARGUED: dict[tuple[int, tuple[tuple[str, Any], ...]], tuple[MoveType, MoveType]] = {}


def _roll_argument(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    """2d6 against the odds' target; the wanted result on success, the move's fail_effects otherwise."""
    head, argument = _head(state, action, "roll")
    _no_argument_fields(action)
    dice = rolled(state, action)
    assert argument.odds is not None
    target = ODDS[argument.odds]
    total = sum(dice)
    wanted = dict(argument.wanted)
    working = {
        "resolution": "argue",
        "text": argument.text,
        "wanted": wanted,
        "reasons": list(argument.reasons),
        "counters": [list(c) for c in argument.counters],
        "votes": [list(v) for v in argument.votes],
        "odds": argument.odds,
        "odds_by": argument.odds_by,
        "strong": list(argument.strong),
        "dice": dice,
        "total": total,
        "target": target,
    }
    move = _argued(_move(state, head.move), argument.wanted)
    state, result = _finish_proposal(state, head, total >= target, working, move=move, chance=state.chance + 1)
    result["outcome"] = {"dice": dice}
    return state, result


def _roll_any(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    """The ``roll`` kind: for an argument at the head of the queue, or a dice move."""
    if state.phase == "adjudication" and state.queue and state.queue[0].argument is not None and state.card is None:
        return _roll_argument(state, action)
    return _roll(state, action)
