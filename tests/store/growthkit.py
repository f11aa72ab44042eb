"""Long saves for the growth guards: a bot game stretched with facilitator overrides, undos and notes."""

from __future__ import annotations

import copy
import random
from pathlib import Path

from tabletop.content import Scenario
from tabletop.content.loader import load_scenario, scenario_from_data
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.store import SaveWriter


def long_scenario() -> Scenario:
    """The default scenario with the most rounds and actions a ruleset allows, and four times the capital."""
    data = copy.deepcopy(load_scenario("parallel-tracks").embedded())
    data["ruleset"]["ruleset"]["turns"] = 100
    data["ruleset"]["ruleset"]["actions_per_round"] = 10
    for actor in data["ruleset"]["actors"]:
        actor["resources"] = {k: v * 4 for k, v in actor["resources"].items()}
    return scenario_from_data(data)


def _next_action(state: State, rng: random.Random, tracks: list[str]) -> Action:
    if state.over:
        return Action("note", text=f"debrief note {state.seq + 1}")
    closed = [tid for tid, t in state.tracks.items() if not t.is_open]
    if closed and len(closed) >= len(tracks) - 2:
        return Action("override", track=rng.choice(closed), status="open", position=0, tension=0, reason="reopened")
    roll = rng.random()
    if roll < 0.5:
        return Action("override", track=rng.choice(tracks), tension=rng.randrange(3), reason="calmed")
    if roll < 0.58 and state.previous is not None:
        return Action("undo")
    if roll < 0.6:
        return Action("note", about=rng.randrange(state.seq + 1), text="a note")
    moves = [a for a in legal_actions(state) if a.kind != "end"]
    return rng.choice(moves or legal_actions(state))


def build_long_save(path: Path, events: int, seed: int = 1, scenario: Scenario | None = None) -> State:
    """Write a save of exactly ``events`` events at ``path``; returns the final state."""
    scenario = scenario or long_scenario()
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    tracks = list(state.tracks)
    with SaveWriter.create(path, scenario, seed, durable=False) as writer:
        while state.seq < events:
            state = apply(state, _next_action(state, rng, tracks))
            writer.append(state)
    return state


def grown_scenario(tracks: int, actors: int, cards: int) -> Scenario:
    """The linked default scenario with its tracks, actors and cards repeated to the sizes asked."""
    data = copy.deepcopy(load_scenario("parallel-tracks-linked").embedded())
    rs, deck = data["ruleset"], data["deck"]

    def grow(items: list[dict], n: int) -> list[dict]:
        out = []
        for k in range(max(n, len(items))):  # never fewer than the scenario's own: they refer to each other
            item = copy.deepcopy(items[k % len(items)])
            if k >= len(items):
                item["id"] = f"{item['id']}-{k}"
            out.append(item)
        return out

    rs["tracks"] = grow(rs["tracks"], tracks)
    rs["actors"] = grow(rs["actors"], actors)
    deck["cards"] = grow(deck["cards"], cards)
    return scenario_from_data(data)
