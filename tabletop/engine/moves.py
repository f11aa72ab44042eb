"""Playing a move (enacted at once, or tabled for adjudication), passing,
and enacting a move's effects.
"""

from __future__ import annotations

from typing import Any

from ..content import MoveType
from ..content.fields import replace as replace_content
from .actions import Action, RuleViolation
from .arguments import new_argument
from .codes import Code
from .flow import _can_act, _next_turn
from .legal import _check_move, _expect
from .plays import was_listed
from .lookups import _, _actor_name, _track_spec, whose
from .scope import Bench
from .settle import _commit_fresh, _result, _run_effects, _settle
from .state import Counts, Proposal, State, evolve, put, settle_fresh


def _play(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    scenario = state.scenario
    if was_listed(state, action):  # the listing checked it: the same checks again would find the same
        move = scenario.index.moves[action.move]
    else:
        _expect(state, "move", action)
        move = _check_move(state, action)
    actor = action.actor
    assert actor is not None
    left = state.actions_left
    used = state.used_once | {(actor, move.id)} if move.once_per_game else state.used_once
    state = evolve(state, resources=paying(state, actor, move), actions_left={**left, actor: left[actor] - 1}, used_once=used)
    sealed = scenario.ruleset.ruleset.sealed_moves
    result: dict[str, Any]
    if move.resolution == "auto" and not sealed:
        state, result = _enact_move(state, actor, move, action.track, action.link, success=True)
    else:
        spec = _track_spec(state, action.track) if action.track else None
        voters = tuple(m for m in spec.members if m != actor) if spec and move.resolution == "consensus" else ()
        argument = new_argument(state, move, action) if move.argue is not None else None
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
            argument=argument,
        )
        state = settle_fresh(state, queue=(*state.queue, proposal))  # ``state`` is this action's own (above)
        result = _result(**({"wanted": dict(argument.wanted)} if argument and not sealed else {}))
        result["tabled"] = True
        if sealed:
            result["sealed"] = True
    if move.cost:
        result["paid"] = dict(move.cost)
    # ``state`` was made above (evolve, _commit): still this action's own
    return settle_fresh(state, turn=_turn_after_move(state, actor, sealed)), result


def paying(state: State, actor: str, move: MoveType) -> Counts:
    """Every actor's resources once ``actor`` has paid ``move``'s cost: what making the move pays, and what the
    question before it reads (:func:`~.adjudication.roll_modifiers`)."""
    paid = Counts(state.resources[actor])
    for key, amount in move.cost.items():
        put(paid, key, paid[key] - amount)
    return Counts.replacing(state.resources, {actor: paid})


def _turn_after_move(state: State, actor: str, sealed: bool) -> str | None:
    """Who moves next. In a sealed round a team enters all its moves in one sitting:
    it keeps the keyboard until it passes or has no action left."""
    if sealed and state.actions_left.get(actor, 0) > 0 and _can_act(state, actor):
        return actor
    return _next_turn(state, actor)


def _pass(state: State, action: Action) -> tuple[State, dict[str, Any]]:
    _expect(state, "pass", action)
    if action.actor != state.turn:
        raise RuleViolation(Code.NOT_YOUR_TURN, _("It is {actor} turn.").format(actor=whose(_actor_name(state, state.turn))))
    actor = action.actor
    assert actor is not None
    state = evolve(state, passed=state.passed | {actor})
    return settle_fresh(state, turn=_next_turn(state, actor)), {}


def _on_link(move: MoveType, effects: tuple[Any, ...], link: str, success: bool) -> list[Any]:
    """What a link move does to the track it is linked to (linked mode only).

    With ``link_effects`` the move is a trade: on success they land on the linked
    track, and a failure stays on the move's own track. Without them the move's
    own track effects (on success or failure) are mirrored onto the linked track.
    """
    if move.link_effects:
        effects = move.link_effects if success else ()
        return [replace_content(e, track=link) if e.writes_track else e for e in effects]
    mirrored = (e for e in effects if getattr(e, "track", "") is None and e.writes_track)
    return [replace_content(e, track=link) for e in mirrored]


def _enact_move(
    state: State, actor: str, move: MoveType, track: str | None, link: str | None, success: bool
) -> tuple[State, dict[str, Any]]:
    """Apply a move's effects (or fail effects) on its track, and on a linked track under linked.

    ``state`` is one this action made (``evolve``) and handed to no one yet: the drafts are written
    into it in place (``_commit_fresh``)."""
    effects = move.effects if success else move.fail_effects
    bench = Bench(state, track, actor)
    for effect in effects:  # (settle._run_effects, inline: once a move)
        effect.apply(bench)
    if link is not None and state.independence == "linked":
        _run_effects(bench, _on_link(move, effects, link, success))
    notes = _settle(bench)
    told = {}
    if success and move.resolution != "auto" and track is not None and track in bench.drafts:
        d = bench.drafts[track]
        if d.status == "collapsed" and state.tracks[track].status == "open":
            # never a bare "succeeds" that ends in collapse: its words say why (the tension it reached)
            told["collapses"] = d.tension
    return _commit_fresh(state, bench), _result(bench, notes, **told)
