"""A turn with link moves lists its pairs lazily, and nothing anyone chooses changes.

``legal_actions`` keeps each link move on a track as one entry of a
:class:`~tabletop.engine.listing.Listing`. Over many states of linked games
(tracks closing as they go) the listing reads exactly as the full list of
pairs (built here the old way, from ``move_options``), every index and slice
included, and the bots, handed the listing or that list with the same seeded
generator, choose the same action and leave the generator in the same state.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import replace

import pytest

from tabletop import apply, legal_actions, load_scenario, new_game
from tabletop.engine import Action, State, move_options
from tabletop.engine.legal import link_partners
from tabletop.engine.listing import Listing, Pairs
from tabletop.sim.bots import POLICIES, Bot
from tests.store.growthkit import grown_scenario


def _full_list(state: State) -> list[Action]:
    """The legal actions of a moves turn as the old engine listed them: every pair built
    (from ``move_options``, a link move's entry once for each partner it may name)."""
    assert state.turn is not None
    moves = []
    for action, problem in move_options(state, state.turn):
        if problem is not None:
            continue
        if action.link is None and state.scenario.index.moves[action.move].link:
            moves.extend(replace(action, link=other) for other in link_partners(state, action.track))
        else:
            moves.append(action)
    return [*moves, Action("pass", actor=state.turn)]


def _turns(scenario_name: str | int, seeds: range) -> Iterator[State]:
    """The moves turns of random games, some tracks settling as they go."""
    scenario = load_scenario(scenario_name) if isinstance(scenario_name, str) else grown_scenario(scenario_name, 5, 55)
    for seed in seeds:
        rng = random.Random(seed)
        state = new_game(scenario, seed=seed)
        while not state.over:
            options = legal_actions(state)
            if state.phase == "moves" and state.turn is not None and state.card is None:
                yield state
            state = apply(state, options[rng.randrange(len(options))])


@pytest.mark.parametrize(("scenario", "seeds"), [("parallel-tracks-linked", range(6)), (12, range(2))])
def test_the_listing_reads_as_the_full_list_and_the_bots_choose_the_same(scenario: str | int, seeds: range) -> None:
    lazy_turns = 0
    for state in _turns(scenario, seeds):
        listed = legal_actions(state)
        full = _full_list(state)
        assert list(listed) == full and listed == full and len(listed) == len(full)
        if not isinstance(listed, Listing):
            continue
        lazy_turns += 1
        assert [listed[i] for i in range(len(full))] == full
        assert [listed[i] for i in range(-len(full), 0)] == full
        assert listed[1::3] == full[1::3] and listed[-5:] == full[-5:]
        for policy in POLICIES:
            seed = lazy_turns * 7 + len(full)
            lazy_rng, list_rng = random.Random(seed), random.Random(seed)
            assert Bot(policy, lazy_rng).choose(state, listed) == Bot(policy, list_rng).choose(state, full)
            assert lazy_rng.getstate() == list_rng.getstate(), policy
    assert lazy_turns > 20, "the games should reach turns with link moves"


def test_an_index_out_of_range_is_refused_as_a_list_would() -> None:
    state = next(s for s in _turns(8, range(1)) if isinstance(legal_actions(s), Listing))
    listed = legal_actions(state)
    for index in (len(listed), -len(listed) - 1):
        with pytest.raises(IndexError):
            listed[index]
    assert listed != list(listed)[:-1] and listed != "not a list"


@pytest.mark.parametrize("tracks", [16, 64, 128])
def test_listing_a_linked_turn_builds_entries_per_track_not_per_pair(tracks: int) -> None:
    """The work grows with moves × tracks; the pairs it stands for grow as tracks²."""
    scenario = grown_scenario(tracks, 5, 55)
    state = new_game(scenario, 1)
    while state.turn is None:
        state = apply(state, legal_actions(state)[0])
    listed = legal_actions(state)
    assert isinstance(listed, Listing)
    moves = len(scenario.ruleset.moves)
    assert len(listed.parts) <= moves * tracks + 1
    assert len(listed) > tracks * (tracks - 1) // 2  # what it stands for: at least a pair per two tracks
    assert sum(isinstance(p, Pairs) for p in listed.parts) <= tracks


def test_a_bot_choosing_from_a_listing_reads_it_without_its_table_of_ends() -> None:
    """A game reads a Listing's first action and a bot the one it chooses: each is walked to, and
    the table of ends (a walk over every part, for many reads) is not made; later reads make it."""
    walked = 0
    for state in _turns("parallel-tracks-linked", range(3)):
        listed = legal_actions(state)
        if not isinstance(listed, Listing):
            continue
        full = list(listed)
        for policy in ("cooperative", "hardliner"):
            listed = legal_actions(state)
            assert listed[0].actor == state.turn
            chosen = Bot(policy, random.Random(len(full))).choose(state, listed)
            assert chosen == Bot(policy, random.Random(len(full))).choose(state, full)
            assert listed._ends is None
            walked += 1
        assert [listed[i] for i in range(len(full))] == full and listed._ends is not None
    assert walked > 20
