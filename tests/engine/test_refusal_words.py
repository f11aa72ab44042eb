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


def _adjudicating_beta():
    """a's proposal on Beta waits for b's vote."""
    from .support import ADVANCE, pass_

    return run(new_game(catalogue_scenario("strict"), seed=1),
               [*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE])


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_a_vote_on_another_track_names_the_proposal_s_track_not_its_id(code: str) -> None:
    """Found from outside (helper-237): the paired report read "The proposal being adjudicated is on
    strategic-stability." (ru: «…относится к: borders»): the track's id, where every other refusal names it."""
    from .support import vote

    said = _refused(_adjudicating_beta(), vote("b", "alpha", True), code)
    assert "Beta" in said and "beta" not in said, said


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_a_counter_on_another_track_names_the_argument_s_track_not_its_id(code: str) -> None:
    from .argue_kit import argue_scenario, counter, to_counters

    state = run(new_game(argue_scenario(), seed=1), to_counters())
    said = _refused(state, counter("b", "c1", track="beta"), code)
    assert "Alpha" in said and "alpha" not in said, said


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_an_action_out_of_its_step_is_worded_not_named_by_its_kind(code: str) -> None:
    """Found from outside (helper-237): "The game is not waiting for 'vote' now (it waits for: roll)." put the
    engine's action kinds into English, Russian and Ukrainian sentences alike."""
    from .support import vote

    state = run(new_game(catalogue_scenario("strict"), seed=1), opening())  # a to move
    said = _refused(state, vote("b", "alpha", True), code)
    for kind in ("'vote'", "vote)", "move)", ": move", "(it waits for"):
        assert kind not in said, said
    if code == "en":
        assert said == "The game is not waiting for a vote now; it waits for a team's move.", said
    else:
        assert not any("a" <= c <= "z" for c in said.lower()), said  # not one Latin letter in a Cyrillic sentence
