"""Bot teams: policies that choose from ``legal_actions``.

A bot reads only what a player sees — the board and the legal actions — and
the move and card definitions of the scenario. It judges a move by its
effects on the track (progress, tension), never by scenario-specific ids.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from ..content import MoveType
from ..engine import Action, State

POLICIES = ("random", "cooperative", "hardliner")


def _effect_totals(effects: Sequence[object]) -> tuple[int, int]:
    progress = sum(getattr(e, "progress", 0) for e in effects if getattr(e, "key", "") == "progress")
    tension = sum(getattr(e, "tension", 0) for e in effects if getattr(e, "key", "") == "tension")
    return progress, tension


class _MoveTraits:
    """What a bot needs to know of a move, worked out once."""

    __slots__ = ("progress", "tension", "fail_tension", "defers", "cost", "scope", "resolution")

    def __init__(self, move: MoveType):
        self.progress, self.tension = _effect_totals(move.effects)
        _, self.fail_tension = _effect_totals(move.fail_effects)
        self.defers = any(getattr(e, "key", "") == "status" for e in move.effects)
        self.cost = sum(move.cost.values())
        self.scope = move.scope
        self.resolution = move.resolution


_TRAITS: dict[int, dict[str, _MoveTraits]] = {}


def _traits(state: State) -> dict[str, _MoveTraits]:
    rs = state.ruleset
    traits = _TRAITS.get(id(rs))
    if traits is None:
        traits = {m.id: _MoveTraits(m) for m in rs.moves}
        _TRAITS.clear()  # one scenario at a time is the common case; keep the cache small
        _TRAITS[id(rs)] = traits
    return traits


def _move_score(t: _MoveTraits, state: State, action: Action, policy: str) -> float:
    if t.scope == "global":
        return (1.5 if policy == "cooperative" else 0.4) - 0.2 * t.cost
    danger = False
    if action.track:
        track = state.tracks[action.track]
        spec = state.scenario.index.tracks[action.track]
        danger = track.tension >= spec.breakdown_at - 2
    if policy == "cooperative":
        score = 3.0 * t.progress - 2.0 * t.tension - 0.5 * t.fail_tension - 0.3 * t.cost
        if danger and t.tension < 0:
            score += 3.0
        if t.defers:
            score = 1.0 if danger else -1.0
        return score
    # hardliner: presses for gains, happy to raise tension, rarely concedes cheaply
    score = 2.0 * t.progress + 1.0 * t.tension - 0.2 * t.cost
    if t.resolution == "dice":
        score += 1.5
    if t.resolution == "auto" and t.progress > 0:
        score -= 2.5  # a concession
    if t.defers:
        score = -1.0
    if danger and t.tension > 0:
        score -= 2.0  # even a hardliner does not want the talks to die on its move
    return score


class Bot:
    """One team's policy. ``choose`` picks one of ``options`` (all this actor's)."""

    def __init__(self, policy: str, rng: random.Random):
        if policy not in POLICIES:
            raise ValueError(f"unknown bot policy {policy!r} (expected one of {', '.join(POLICIES)})")
        self.policy = policy
        self.rng = rng

    def choose(self, state: State, options: Sequence[Action]) -> Action:
        if self.policy == "random" or len(options) == 1:
            return options[self.rng.randrange(len(options))]
        kind = options[0].kind
        if kind == "vote":
            return self._vote(state, options)
        if kind == "choose":
            return self._answer(state, options)
        return self._move(state, options)

    def _vote(self, state: State, options: Sequence[Action]) -> Action:
        head = state.queue[0]
        track = state.tracks.get(head.track) if head.track else None
        accept_p = 0.8 if self.policy == "cooperative" else 0.35
        if track is not None and track.tension >= 3:
            accept_p += 0.1 if self.policy == "cooperative" else -0.05
        accept = self.rng.random() < accept_p
        return next(a for a in options if a.accept is accept)

    def _answer(self, state: State, options: Sequence[Action]) -> Action:
        card = next(c for c in state.scenario.deck.cards if c.id == options[0].card)
        scored = []
        for action in options:
            assert action.choice is not None
            progress, tension = _effect_totals(card.choices[action.choice].effects)
            if self.policy == "cooperative":
                score = 2 * progress - 2 * tension
            else:
                score = progress + tension
            scored.append((score + self.rng.random() * 1.5, action))
        return max(scored, key=lambda s: s[0])[1]

    def _move(self, state: State, options: Sequence[Action]) -> Action:
        traits = _traits(state)
        scored = []
        for action in options:
            if action.kind == "pass":
                score = 0.2 if self.policy == "cooperative" else 0.5
            else:
                score = _move_score(traits[action.move], state, action, self.policy)  # type: ignore[index]
            scored.append((score + self.rng.random() * 2.0, action))
        return max(scored, key=lambda s: s[0])[1]


class Facilitator:
    """The sim's white cell: rules on facilitator moves by coin toss."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def choose(self, options: Sequence[Action]) -> Action:
        if options[0].kind == "rule":
            success = self.rng.random() < 0.5
            chosen = next(a for a in options if a.success is success)
            return Action("rule", track=chosen.track, success=success, reason="simulated ruling")
        return options[0]


def parse_bots(spec: str | None, actor_ids: Sequence[str]) -> dict[str, str] | None:
    """``cooperative`` (all) or ``ru=hardliner,ua=cooperative`` (per actor, rest mixed).

    Returns None for the default mix. Raises ValueError with a message a user understands.
    """
    if spec is None or spec.strip() in ("", "mixed"):
        return None
    spec = spec.strip()
    if "=" not in spec:
        if spec not in POLICIES:
            raise ValueError(f"unknown bot policy '{spec}' (expected one of {', '.join(POLICIES)}, or mixed)")
        return {a: spec for a in actor_ids}
    out: dict[str, str] = {}
    for part in spec.split(","):
        if "=" not in part:
            raise ValueError(f"'{part}': write actor=policy, e.g. {actor_ids[0]}=hardliner")
        actor, policy = (s.strip() for s in part.split("=", 1))
        if actor not in actor_ids:
            raise ValueError(f"unknown actor '{actor}' in --bots (actors: {', '.join(actor_ids)})")
        if policy not in POLICIES:
            raise ValueError(f"unknown bot policy '{policy}' for {actor} (expected one of {', '.join(POLICIES)})")
        out[actor] = policy
    return out


def policies_for_game(bots: Mapping[str, str] | None, actor_ids: Sequence[str], rng: random.Random) -> dict[str, str]:
    """Each actor's policy for one game; unnamed actors get the default mix."""
    out = {}
    for actor in actor_ids:
        if bots and actor in bots:
            out[actor] = bots[actor]
        else:
            out[actor] = rng.choices(POLICIES, weights=(0.3, 0.4, 0.3))[0]
    return out
