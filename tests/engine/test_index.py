"""What never changes during a game is built once, on the scenario's index; the engine
writes nothing into the scenario and keeps nothing alive after it."""

from __future__ import annotations

import gc
import inspect
import weakref

import pytest

from tabletop.content import Scenario
from tabletop.engine import legal_actions, move_options, new_game

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


class _WatchedDeck:
    """A scenario's deck that counts how often its cards are walked."""

    def __init__(self, deck: object):
        self._deck = deck
        self.walks = 0

    def __getattr__(self, name: str) -> object:
        if name == "cards":
            self.walks += 1
        return getattr(self._deck, name)


def test_a_new_game_shuffles_the_index_s_pile_without_walking_the_deck(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pile a game starts from is listed once per scenario (issue 20: a sweep's game spent 0.6 % of its
    instructions listing it anew): each copy of every card that is not scheduled, in deck order."""
    for path in BUNDLED_RULESETS:
        scenario = bundled(path)
        cards = scenario.deck.cards
        assert scenario.index.pile == tuple(c.id for c in cards if c.schedule is None for _ in range(c.copies))
        deck = _WatchedDeck(scenario.deck)
        monkeypatch.setattr(scenario, "deck", deck)
        for seed in range(3):
            assert sorted(new_game(scenario, seed=seed).pile) == sorted(scenario.index.pile)
        assert deck.walks == 0
        monkeypatch.undo()
