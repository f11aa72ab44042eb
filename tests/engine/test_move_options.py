"""``move_options``: every entry's refusal is the engine's own check of that move (each reason is
worded once and shared; a link move under linked independence is one entry a track, standing for
each partner ``link_partners`` names). How listing grows with the tracks: tests/store/test_growth.py."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation
from tabletop.engine import State, move_options
from tabletop.engine.legal import _check_move, link_partners

from .support import BUNDLED_RULESETS, MODES, bundled_as, random_game


def _full_check(state: State, action: Action) -> tuple[str, str] | None:
    try:
        _check_move(state, action)
    except RuleViolation as exc:
        return exc.code, exc.message
    return None


def _said(problem: RuleViolation | None) -> tuple[str, str] | None:
    return None if problem is None else (problem.code, problem.message)


def _pairs(state: State, action: Action) -> list[Action]:
    """The actions an entry stands for: a linked link move's entry, one for each partner."""
    if action.link is None and state.scenario.index.moves[action.move or ""].link:
        partners = link_partners(state, action.track or "")
        if partners and state.independence != "strict":
            return [Action("move", actor=action.actor, move=action.move, track=action.track, link=p) for p in partners]
    return [action]


def check_listing(state: State, actor: str) -> None:
    for action, problem in move_options(state, actor):
        for pair in _pairs(state, action):
            assert _said(problem) == _full_check(state, pair), (pair, problem)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("path", BUNDLED_RULESETS, ids=lambda p: p.stem)
def test_each_refusal_is_the_full_check_of_its_move(path, mode: str) -> None:  # noqa: ANN001
    """Refusals worded once and shared (the turn, a track, a move's cost) say what checking each move says."""
    scenario = bundled_as(path, mode)
    for seed in range(3):
        for step in random_game(scenario, seed=seed, choices=seed + 1, facilitator=True, max_actions=400):
            state = step.before
            for actor in scenario.index.actor_ids[:3]:  # the one at turn and others (refused: not their turn)
                check_listing(state, actor)
