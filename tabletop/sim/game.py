"""One whole game played by bots, headless: the unit a simulation counts."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from ..content import Scenario
from ..engine import State, apply, legal_actions, new_game, objectives_met
from .bots import Bot, Facilitator, policies_for_game

#: what a track can end a game as, in the order the tables show them
STATUSES = ("agreed", "collapsed", "deferred", "open")

#: Called with each applied state (for saving a game as it is played).
Observer = Callable[[State], None]


@dataclass
class GameResult:
    """What one game came to: enough to aggregate, small enough to send between processes."""

    index: int
    seed: int
    tracks: dict[str, tuple[str, int | None]]  # status, round agreed (or None)
    cards: dict[str, int]
    objectives: dict[str, list[bool]]
    actions: int
    rounds: int
    policies: dict[str, str] = field(default_factory=dict)


def play_game(
    scenario: Scenario,
    seed: int,
    bots: Mapping[str, str] | None = None,
    index: int = 0,
    observe: Observer | None = None,
    max_actions: int = 100_000,
) -> tuple[State, GameResult]:
    """Play one whole game with bot teams; returns the final state and its result."""
    actor_ids = [a.id for a in scenario.ruleset.actors]
    rng = random.Random(f"bots/{seed}")
    policies = policies_for_game(bots, actor_ids, rng)
    teams = {a: Bot(p, rng) for a, p in policies.items()}
    white_cell = Facilitator(rng)
    state = new_game(scenario, seed=seed)
    if observe is not None:
        observe(state)
    drawn: dict[str, int] = {}
    actions = 0
    while not state.over:
        options = legal_actions(state)
        actor = options[0].actor
        action = teams[actor].choose(state, options) if actor in teams else white_cell.choose(options, state)
        state = apply(state, action)
        actions += 1
        if observe is not None:
            observe(state)
        last = state.last if action.kind == "draw" else None
        if last is not None:
            card = last.result.get("outcome", {}).get("card")
            if card is not None:
                drawn[card] = drawn.get(card, 0) + 1
        if actions >= max_actions:  # pragma: no cover - every game ends; a guard, not a rule
            raise RuntimeError(f"game {index} (seed {seed}) did not end after {max_actions} actions")
    tracks = {
        tid: (t.status, t.since if t.status == "agreed" else None) for tid, t in state.tracks.items()
    }
    met = {a: [ok for _, ok in rows] for a, rows in objectives_met(state).items()}
    return state, GameResult(index, seed, tracks, drawn, met, actions, state.round, policies)
