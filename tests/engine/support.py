"""Helpers shared by the engine tests: the catalogue scenario, action builders, random games."""

from __future__ import annotations

import copy
import random
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tabletop import Action, RuleViolation, apply, legal_actions, load_scenario, new_game
from tabletop.content import Scenario, scenario_from_data
from tabletop.content.finding import bundled_rulesets
from tabletop.engine import State

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BUNDLED_RULESETS = bundled_rulesets()
MODES = ("strict", "linked")


# --------------------------------------------------------------------------
# Scenarios


@cache
def _catalogue_data() -> dict[str, Any]:
    return {
        "ruleset": tomllib.loads((HERE / "scenarios" / "catalogue.toml").read_text(encoding="utf-8")),
        "deck": tomllib.loads((HERE / "scenarios" / "catalogue-deck.toml").read_text(encoding="utf-8")),
    }


def catalogue_scenario(
    independence: str = "strict",
    tweak: Mapping[str, Any] | None = None,
    extra_moves: Sequence[Mapping[str, Any]] = (),
    extra_cards: Sequence[Mapping[str, Any]] = (),
) -> Scenario:
    """The catalogue scenario, under ``independence``, with a few values changed.

    ``tweak`` maps a dotted path to a value; a list of tables is addressed
    by id: ``{"meters.trust.start": 5, "actors.c.resources": {"capital": 1}}``.
    """
    data = copy.deepcopy(_catalogue_data())
    data["ruleset"]["ruleset"]["independence"] = independence
    for path, value in (tweak or {}).items():
        _set(data["ruleset"], path.split("."), value)
    data["ruleset"]["moves"].extend(copy.deepcopy(list(extra_moves)))
    data["deck"]["cards"].extend(copy.deepcopy(list(extra_cards)))
    return scenario_from_data(data, name="catalogue")


def _set(node: Any, keys: list[str], value: Any) -> None:
    *head, last = keys
    for key in head:
        node = next(item for item in node if item["id"] == key) if isinstance(node, list) else node[key]
    node[last] = value


@cache
def bundled(path: Path) -> Scenario:
    return load_scenario(path)


@cache
def bundled_as(path: Path, independence: str) -> Scenario:
    """A bundled scenario played under the other independence mode (same content)."""
    scenario = bundled(path)
    if scenario.ruleset.ruleset.independence == independence:
        return scenario
    data = copy.deepcopy(scenario.embedded())
    data["ruleset"]["ruleset"]["independence"] = independence
    return scenario_from_data(data, name=f"{path.stem} as {independence}")


# --------------------------------------------------------------------------
# Building actions (short, so a catalogue row reads like a game record)


def draw(card: str, set_aside: Sequence[str] = ()) -> Action:
    """A draw forced to ``card`` (a recorded outcome)."""
    return Action("draw", outcome={"card": card, "set_aside": list(set_aside), "reshuffled": 0})


def card(track: str | None = None) -> Action:
    return Action("apply_card", track=track)


def choose(actor: str, track: str | None, card_id: str, choice: int) -> Action:
    return Action("choose", actor=actor, track=track, card=card_id, choice=choice)


ADVANCE = Action("advance")


def move(actor: str, move_id: str, track: str | None = None, link: str | None = None) -> Action:
    return Action("move", actor=actor, move=move_id, track=track, link=link)


def pass_(actor: str) -> Action:
    return Action("pass", actor=actor)


def vote(actor: str, track: str, accept: bool) -> Action:
    return Action("vote", actor=actor, track=track, accept=accept)


def roll(track: str, a: int, b: int) -> Action:
    return Action("roll", track=track, outcome={"dice": [a, b]})


def opening(card_id: str = "quiet", track: str | None = None) -> tuple[Action, ...]:
    """Round 1 up to the first move: draw ``card_id``, apply it, advance to the moves phase."""
    return (draw(card_id), card(track), ADVANCE)


def run(state: State, actions: Sequence[Action]) -> State:
    for action in actions:
        state = apply(state, action)
    return state


# --------------------------------------------------------------------------
# Random games


@dataclass(frozen=True)
class Step:
    before: State
    before_hash: str  # taken before ``apply`` ran, to catch a mutated old state
    action: Action
    after: State


#: Facilitator powers a random game may use now and then (never ``end``).
FACILITATOR_RATE = 0.04


def random_facilitator_action(state: State, rng: random.Random) -> Action | None:
    """A facilitator power that is legal now, picked at random (or None)."""
    rs = state.ruleset
    options: list[Action] = []
    track = rng.choice(rs.tracks)
    options.append(
        Action(
            "override",
            track=track.id,
            tension=rng.randrange(0, track.breakdown_at),
            reason="random ruling",
        )
    )
    if rs.meters:
        meter = rng.choice(rs.meters)
        options.append(Action("override", meter=meter.id, value=rng.randint(meter.min, meter.max), reason="random"))
    options.append(Action("note", text="a note for the debrief"))
    if state.card is None:
        options.append(Action("inject", card=rng.choice(state.scenario.deck.cards).id))
    else:
        options.append(Action("skip", reason="not now"))
        options.append(Action("redraw"))
    if state.previous is not None:
        options.append(Action("undo"))
    return rng.choice(options)


def random_game(
    scenario: Scenario,
    seed: int,
    choices: int,
    facilitator: bool = False,
    max_actions: int = 5000,
) -> Iterator[Step]:
    """Play a whole game choosing uniformly from ``legal_actions`` (seeded by ``choices``).

    With ``facilitator``, facilitator powers are mixed in now and then.
    Stops after ``max_actions`` (callers assert the game ended before).
    """
    rng = random.Random(f"choices/{choices}")
    state = new_game(scenario, seed=seed)
    for _ in range(max_actions):
        if state.over:
            return
        action: Action | None = None
        if facilitator and rng.random() < FACILITATOR_RATE:
            action = random_facilitator_action(state, rng)
        before_hash = state.hash
        if action is not None:
            try:
                after = apply(state, action)
            except RuleViolation:
                # e.g. a redraw from an empty pile, or an undo back past the start
                continue
        else:
            options = legal_actions(state)
            assert options, f"dead end: nothing is legal in round {state.round}, {state.phase} phase"
            action = options[rng.randrange(len(options))]
            after = apply(state, action)
        yield Step(state, before_hash, action, after)
        state = after


def action_bound(scenario: Scenario) -> int:
    """A generous upper bound on the actions of a game without facilitator powers."""
    rs = scenario.ruleset
    actors = len(rs.actors)
    per_round_moves = actors * rs.ruleset.actions_per_round
    biggest_table = max(len(t.members) for t in rs.tracks)
    per_round = (
        len(rs.ruleset.phases)  # advances
        + 2  # draw, apply or choose
        + per_round_moves  # moves
        + actors  # passes
        + per_round_moves * max(1, biggest_table - 1)  # votes (or one roll / ruling / enact)
    )
    return rs.ruleset.turns * per_round


def at_the_moves() -> State:
    """A game of the default scenario (seed 1) at its first moves phase, the card answered."""
    from tabletop.content.finding import bundled_rulesets

    path = next(p for p in bundled_rulesets() if p.stem == "parallel-tracks")
    state = new_game(bundled(path), seed=1)
    while state.phase != "moves" or state.card is not None:
        state = apply(state, legal_actions(state)[0])
    return state
