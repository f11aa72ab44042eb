"""Round flow: a new game, phases, whose turn it is, advancing, and the end."""

from __future__ import annotations

import operator
from typing import Any

from ..content import Scenario
from ..content.numbers import MOST_SEED
from . import rng
from .actions import Action
from .legal import _expect
from .lookups import _actor_ids
from .state import Counts, State, Tracks, TrackState, evolve, settle_fresh


def new_game(scenario: Scenario, seed: int = 0) -> State:
    """The state before the first action of round 1.

    ``seed`` is a whole number from 0 to ``MOST_SEED`` (2**63 - 1), as the command line takes: an ``int``, or an
    integer of another library (numpy's) taken through ``__index__``. Anything else raises TypeError (a bool, a
    float even if whole: the game would be played from one seed and recorded under another), a seed out of range
    ValueError; a ``scenario`` that is no Scenario (a ruleset's name, say) raises TypeError.
    """
    if not isinstance(scenario, Scenario):
        # untranslated: a developer's error (a script's call)
        raise TypeError(f"new_game takes a Scenario from load_scenario(...), got {type(scenario).__name__}")
    seed = _whole_seed(seed)
    rs = scenario.ruleset
    pile = rng.shuffle(seed, 0, scenario.index.pile)
    state = State(
        scenario=scenario,
        seed=seed,
        round=1,
        phase=rs.ruleset.phases[0],
        tracks=Tracks.first({t.id: TrackState(t.id, t.start_position, t.start_tension) for t in rs.tracks}),
        meters=Counts((m.id, m.start) for m in rs.meters),
        resources=Counts((a.id, Counts(a.resources)) for a in rs.actors),
        pile=pile,
        chance=1,
    )
    return _enter_phase(state, state.phase)


def _whole_seed(seed: object) -> int:
    """``seed`` as the one plain int every draw and roll, the hash and the save use; refused unless whole and in range."""
    if type(seed) is not int:
        if isinstance(seed, bool):
            # untranslated: a developer's error (a script's call)
            raise TypeError("a game's seed is a whole number, not True or False")
        try:
            seed = operator.index(seed)
        except TypeError:
            # untranslated: a developer's error (a script's call)
            raise TypeError(f"a game's seed is a whole number (an int), got {type(seed).__name__} {seed!r}") from None
    if not 0 <= seed <= MOST_SEED:
        # untranslated: a developer's error (a script's call)
        raise ValueError(f"a game's seed is from 0 to {MOST_SEED}, as the command line takes; got {seed}")
    return int(seed)


def _enter_phase(state: State, phase: str) -> State:
    if phase == "moves":
        actions = {a: state.ruleset.ruleset.actions_per_round for a in _actor_ids(state)}
        state = evolve(state, phase=phase, actions_left=actions, passed=frozenset(), turn=None)
        return settle_fresh(state, turn=_next_turn(state, None))
    return evolve(state, phase=phase)


def _next_turn(state: State, after: str | None) -> str | None:
    order = state.scenario.index.actor_ids  # (_actor_ids)
    count = len(order)
    start = order.index(after) + 1 if after in order else 0
    passed, left, resources = state.passed, state.actions_left, state.resources
    for i in range(count):
        actor = order[(start + i) % count]
        if actor in passed or left.get(actor, 0) <= 0:
            continue
        if resources.get(actor) is None:
            continue
        if not _can_act(state, actor):
            continue
        return actor
    return None


def _can_act(state: State, actor: str) -> bool:
    """An actor sits at no open track and has no global move: its turn is skipped."""
    global _ANY_GLOBAL
    rules = state.scenario.ruleset
    moves, answer = _ANY_GLOBAL
    if moves is not rules.moves:  # asked at every turn, and the same for the whole game
        answer = any(move.scope == "global" for move in rules.moves)
        _ANY_GLOBAL = (rules.moves, answer)
    if answer:
        return True
    return any(actor in t.members and state.tracks[t.id].is_open for t in rules.tracks)


#: the moves of the ruleset asked last, and whether one of them is global
_ANY_GLOBAL: tuple[object, bool] = (None, False)


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
        result["to"] = nxt
        return state, result
    # the end of a round
    if state.round >= state.ruleset.ruleset.turns:
        state = _finish(state, "all rounds played")  # untranslated: kept in the save
        result["to"] = "over"
        return state, result
    rs = state.ruleset
    state = evolve(
        state,
        round=state.round + 1,
        resources=Counts((a.id, Counts(a.resources)) for a in rs.actors),
        event_done=False,
        queue=(),
    )
    state = _enter_phase(state, phases[0])
    result["to"] = phases[0]
    return state, result


def _finish(state: State, reason: str) -> State:
    tracks = state.tracks
    if state.independence == "linked":
        # nothing is agreed until everything is agreed: provisional deals lapse
        lapsed = {tid: t._replace(status="open", provisional=False, since=None) for tid, t in tracks.items() if t.provisional}
        if lapsed:
            tracks = Tracks.replacing(tracks, lapsed)
    return evolve(state, over=True, end_reason=reason, tracks=tracks, turn=None, card=None)


def _check_end(state: State, result: dict[str, Any]) -> State:
    if state.over:
        return state
    for track in state.tracks.values():
        if track.status == "open":  # (``is_open``, asked of each track after every change to one)
            return state
    result["game_over"] = "no track is open"  # untranslated: a result key
    return _finish(state, "no track is open")  # untranslated: kept in the save; telling.ENDS words it
