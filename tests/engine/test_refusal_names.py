"""A refusal names tracks, moves and actors as the room reads them in the language of the moment
(issue 19: «Трек 'Arms control' закрыт» put the English scenario's name in a Russian sentence)."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply, lang, legal_actions, new_game
from tabletop.content.finding import bundled_rulesets
from tabletop.content.overlays import translated
from tabletop.engine import State

from .support import bundled, catalogue_scenario, move, opening, run


def _refused(state: State, action: Action, code: str) -> str:
    with lang.using(code), pytest.raises(RuleViolation) as refused:
        apply(state, action)
    return refused.value.message


def _at_the_moves() -> State:
    """Parallel tracks, round 1 at its first move, with strategic stability collapsed."""
    path = next(p for p in bundled_rulesets() if p.stem == "parallel-tracks")
    state = new_game(bundled(path), seed=1)
    while state.phase != "moves" or state.card is not None:
        state = apply(state, legal_actions(state)[0])
    return apply(state, Action("override", track="strategic-stability", status="collapsed", reason="talks broke off"))


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_refusal_names_the_track_and_the_move_in_the_language(code: str) -> None:
    state = _at_the_moves()
    shown = translated(state.scenario, code).index
    on_closed = _refused(state, move(state.turn, "propose", "strategic-stability"), code)
    assert shown.tracks["strategic-stability"].name in on_closed and "Strategic stability" not in on_closed
    global_on_track = _refused(state, move(state.turn, "signal", "borders"), code)
    assert shown.moves["signal"].name in global_on_track and "Goodwill signal" not in global_on_track
    out_of_turn = _refused(state, move("ua", "signal"), code)
    assert shown.actors["ua"].name in out_of_turn and "Ukraine" not in out_of_turn


def test_english_refusals_keep_the_base_names() -> None:
    state = _at_the_moves()
    assert _refused(state, move(state.turn, "propose", "strategic-stability"), "en") == (
        "'Strategic stability' is collapsed: no more moves there.")
    assert _refused(state, move(state.turn, "signal", "borders"), "en") == (
        "'Goodwill signal' is a global move; it is not played on a track.")


def test_a_scenario_with_no_translation_names_its_own_names() -> None:
    state = run(new_game(catalogue_scenario("strict"), seed=1),
                [*opening(), Action("override", track="alpha", status="collapsed", reason="talks broke off")])
    assert "«Alpha»" in _refused(state, move("a", "stall", "alpha"), "ru")
