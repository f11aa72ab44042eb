"""A refusal translated as a sentence names the phase and the track's status in the same language
(issue 19: "сейчас фаза event", "в состоянии «collapsed»" were English pieces in a Russian sentence)."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply, lang, new_game
from tabletop.engine.telling import phase_name
from tabletop.engine.wording import status_name

from .support import catalogue_scenario, move, opening, run


def _refused(state, action: Action, code: str) -> str:
    with lang.using(code), pytest.raises(RuleViolation) as refused:
        apply(state, action)
    return refused.value.message


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_move_before_the_draw_names_the_phase_in_the_language(code: str) -> None:
    state = new_game(catalogue_scenario("strict"), seed=1)
    said = _refused(state, move("a", "stall", "alpha"), code)
    assert "event" not in said
    with lang.using(code):
        assert phase_name("event") in said and phase_name("event") != "event"
    assert "event phase" in _refused(state, move("a", "stall", "alpha"), "en")


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_a_move_on_a_closed_track_names_the_status_in_the_language(code: str) -> None:
    state = run(new_game(catalogue_scenario("strict"), seed=1),
                [*opening(), Action("override", track="alpha", status="collapsed", reason="talks broke off")])
    said = _refused(state, move("a", "stall", "alpha"), code)
    assert "collapsed" not in said
    with lang.using(code):
        assert status_name("collapsed") in said
    assert "'Alpha' is collapsed: no more moves there." == _refused(state, move("a", "stall", "alpha"), "en")
