"""What never changes during a game is built once, on the scenario's index; the engine
writes nothing into the scenario and keeps nothing alive after it."""

from __future__ import annotations

import gc
import inspect
import weakref

from tabletop.content import Scenario
from tabletop.engine import legal_actions, move_options

from .support import BUNDLED_RULESETS, bundled, catalogue_scenario, random_game


def _play(scenario: Scenario, seed: int) -> None:
    for _ in random_game(scenario, seed=seed, choices=seed):
        pass


def test_playing_writes_nothing_into_the_scenario() -> None:
    scenario = catalogue_scenario("linked")
    _play(scenario, 3)
    fields = set(inspect.signature(Scenario).parameters)
    assert set(vars(scenario)) <= fields | {"index"}


def test_each_actors_plays_hold_every_move_it_may_make() -> None:
    for path in BUNDLED_RULESETS:
        scenario = bundled(path)
        for step in random_game(scenario, seed=1, choices=2):
            state = step.before
            if state.phase == "moves" and state.turn is not None:
                plays = scenario.index.plays[state.turn]
                for action, refusal in move_options(state, state.turn):
                    if refusal is None:
                        assert (scenario.index.moves[action.move], action.track) in plays


def test_the_built_actions_do_not_keep_a_scenario_alive() -> None:
    scenario = catalogue_scenario("strict")
    _play(scenario, 2)
    index = weakref.ref(scenario.index)
    del scenario
    gc.collect()
    assert index() is None


def test_a_second_game_lists_the_same_actions() -> None:
    scenario = catalogue_scenario("strict")
    first = [legal_actions(s.before) for s in random_game(scenario, seed=5, choices=5)]
    again = [legal_actions(s.before) for s in random_game(scenario, seed=5, choices=5)]
    assert first == again
