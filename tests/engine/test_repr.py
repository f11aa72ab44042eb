"""What a notebook shows for a state or a scenario: a few lines, not the whole scenario.

Found from outside (helper-221): ``repr(new_game(...))`` was 77,522 characters, the scenario's every card in it.
"""

from __future__ import annotations

from tabletop import apply, legal_actions, load_scenario, new_game


def test_a_state_s_repr_is_the_board_at_a_glance() -> None:
    scenario = load_scenario("parallel-tracks")
    state = new_game(scenario, seed=7)
    while state.turn is None:
        state = apply(state, legal_actions(state)[0])
    shown = repr(state)
    assert len(shown) < 1000, len(shown)
    assert shown.startswith("State(scenario='parallel-tracks', seed=7, seq=")
    assert f"round={state.round}, phase='moves', turn={state.turn!r}" in shown
    borders = state.tracks["borders"]
    assert f"'borders': 'open, position {borders.position}, tension {borders.tension}'" in shown
    assert f"meters={dict(state.meters)!r}" in shown
    assert "over=False" in shown and "cards" not in shown


def test_a_finished_game_s_repr_says_how_it_ended() -> None:
    state = new_game(load_scenario("river-basin"), seed=3)
    while not state.over:
        state = apply(state, legal_actions(state)[0])
    assert f"over=True, end_reason={state.end_reason!r}" in repr(state)


def test_a_scenario_s_repr_names_it_and_its_deck_by_id() -> None:
    scenario = load_scenario("parallel-tracks")
    shown = repr(scenario)
    assert shown.startswith("Scenario('parallel-tracks', deck='parallel-tracks-events', ruleset_source=")
    assert len(shown) < 400, len(shown)
