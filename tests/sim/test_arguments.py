"""Bots argue with the deck's stock texts, counter what would cost them, and the simulated facilitator
sets the odds by the classic matrix rule (issue 17)."""

from __future__ import annotations

import json
import random

from tabletop.content import Scenario, scenario_from_data
from tabletop.engine import Action, apply, legal_actions
from tabletop.sim.arguments import facilitator_odds, fill_argument, rule_odds
from tabletop.sim.bots import Bot
from tabletop.sim.game import play_game
from tests.engine.argue_kit import argue_scenario, argument, counter, to_counters
from tests.engine.support import new_game, opening, run

STOCK = {"track": "alpha", "actions": ["Open a hotline", "Swap observers"], "reasons": ["r1", "r2", "r3", "r4"],
         "counters": ["c1", "c2"]}


def _with_stock(**options: object) -> Scenario:
    data = json.loads(json.dumps(argue_scenario(**options).embedded()))
    data["deck"]["arguments"] = [STOCK]
    return scenario_from_data(data, name="stock")


def test_a_bot_fills_its_argument_from_the_stock() -> None:
    scenario = _with_stock(reasons=2)
    state = run(new_game(scenario, seed=1), opening())
    listed = next(a for a in legal_actions(state) if a.move == "argue")
    filled = [fill_argument(state, listed, random.Random(i)) for i in range(20)]
    assert {a.text for a in filled} == set(STOCK["actions"])
    assert all(len(a.reasons) == 2 and set(a.reasons) <= set(STOCK["reasons"]) for a in filled)
    assert all(a.wanted == listed.wanted for a in filled)
    for a in filled:
        apply(state, a)  # every filled argument is legal


def test_the_simulated_facilitator_counts_reasons_and_counters() -> None:
    state = run(new_game(argue_scenario(counters="all"), seed=1), to_counters(reasons=("r1", "r2")))
    state = run(state, [counter("b", "no"), counter("c")])
    assert rule_odds(state) == "likely"  # even, two steps likelier for two reasons, one back for one counter
    assert facilitator_odds(state, legal_actions(state)).odds == "likely"


def test_a_hardliner_counters_progress_it_does_not_want() -> None:
    scenario = _with_stock(counters="all")
    state = run(new_game(scenario, seed=1), opening())
    state = run(state, [argument(), Action("pass", actor="b"), Action("pass", actor="c"), Action("advance")])
    # b, a hardliner, counters what the argued result would cost it (each bot with its own chances)
    choices = [Bot("hardliner", random.Random(i)).choose(state, legal_actions(state)) for i in range(20)]
    assert all(a.kind == "counter" and a.actor == "b" for a in choices)
    assert any(a.text in STOCK["counters"] for a in choices)


def test_bot_games_with_arguments_end_and_repeat_by_seed() -> None:
    for options in ({}, {"odds": "matrix"}, {"odds": "vote", "counters": "all"}):
        scenario = _with_stock(**options)
        argued = 0
        for seed in range(12):
            state, result = play_game(scenario, seed)
            again, _ = play_game(scenario, seed)
            assert state.over and again.hash == state.hash and len(again.log) == len(state.log)
            argued += sum(1 for e in state.log if e.action.wanted is not None)
            texts = {e.action.text for e in state.log if e.action.wanted is not None and e.action.track == "alpha"}
            assert texts <= set(STOCK["actions"])  # beta has no stock: an argument there is the move's name
        assert argued > 0, options
