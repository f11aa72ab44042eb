"""A move marked ``once_per_game`` is once for each team (the engine counts it per actor): the help (F1) says so of
the highlighted move, on the hot seat and on a seat, so a room is not surprised when a second team makes it too."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply
from tabletop.engine.legal import _check_own
from tabletop.seats.views import game_facts
from tabletop.tui.seatwords import about_parts as seat_about_parts
from tabletop.tui.text import about_parts
from tests.engine.support import catalogue_scenario, new_game, opening, run


def test_a_once_per_game_move_is_once_for_each_team_and_the_help_says_so() -> None:
    scenario = catalogue_scenario()
    state = run(new_game(scenario, seed=1), opening())
    summit = scenario.index.moves["summit"]
    # the rule as the engine plays it: a makes the summit, then b may make it too; a may not make it again
    state = apply(state, Action("move", actor="a", move="summit"))
    state = apply(state, Action("move", actor="b", move="summit"))
    assert {("a", "summit"), ("b", "summit")} <= state.used_once
    with pytest.raises(RuleViolation) as refused:
        _check_own(state, summit, "a")
    assert refused.value.code == "ALREADY_USED"
    _check_own(state, summit, "c")  # c has not made it: still open to c
    # the hot seat's help on the highlighted move, and a seat's from its view's facts, say it the same way
    hot = about_parts(scenario, "summit", None, "a")
    view = {"game": game_facts(state), "board": {}, "role": "team", "actor": "c"}
    seat = seat_about_parts(view, {"action": {"move": "summit"}})
    for parts in (hot, seat):
        heading, *below = parts[0]
        assert "Summit" in heading and "Once per game for each team." in below, parts
    for parts in (about_parts(scenario, "signal", None, "a"), seat_about_parts(view, {"action": {"move": "signal"}})):
        assert not any("Once per game" in line for part in parts for line in part), parts
