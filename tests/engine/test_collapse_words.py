"""A collapse is said where it happens, and why: the move that collapses its track, the notes, the package deal.

Played on the catalogue scenario (see test_catalogue.py): actors a, b, c; alpha (a, b), beta (a, b, c), gamma (b, c);
every track at position 2 of 0..3 (agreement at 3), tension 1 (breakdown at 3).

Found from outside (helper-270): the facilitator's override left Humanitarian open at breakdown (the board warned
that the next change there collapses it); the Mediating states then played Stall ("Free; nothing moves") there and
the track collapsed. The event's own line read only "Mediating states: Stall on Humanitarian", and its note
"Humanitarian collapsed (tension reached 7)", as if the stall had raised the tension; a reopened agreement that
collapsed on reopening was worded three ways.
"""

from __future__ import annotations

from tabletop import Action, apply, new_game
from tabletop.engine.telling import earlier_than, notes, package_said, tell

from .support import catalogue_scenario, move, opening, run

REOPEN = {"ruleset.linked_collapse": "reopen"}


def _said(state, scenario):
    event = state.last
    return tell(event, scenario, earlier_than(state.log, event.seq)), notes(event, scenario)


def test_a_move_on_a_track_left_at_breakdown_says_it_collapses_it_and_since_when() -> None:
    scenario = catalogue_scenario("strict")
    state = run(new_game(scenario, seed=1), opening())
    state = apply(state, Action("override", track="alpha", reason="Shelling in the night", tension=3, status="open"))
    override = state.last.seq
    state = apply(state, move("a", "concede", "alpha"))  # moves the position, not the tension
    assert state.tracks["alpha"].status == "collapsed"
    line, said = _said(state, scenario)
    assert line == (f"Arden: Concede on Alpha \u2014 tension at breakdown (3/3) since #{override}: this move there "
                    "collapses the track"), line
    assert said == ["Alpha collapsed (tension already at breakdown: 3)"]
    # without the events before it, the words still say the tension was there before the move
    assert tell(state.last, scenario).endswith("tension already at breakdown (3/3): this move there collapses the track")


def test_a_move_that_raises_the_tension_to_breakdown_says_so() -> None:
    scenario = catalogue_scenario("strict")
    state = run(new_game(scenario, seed=1), (*opening(), move("a", "walk_out", "alpha")))
    line, said = _said(state, scenario)
    assert line == "Arden: Walk out on Alpha \u2014 tension reaches breakdown (3/3): the track collapses", line
    assert said == ["Alpha collapsed (tension reached 3)"]


def test_a_move_that_collapses_nothing_is_told_as_before() -> None:
    scenario = catalogue_scenario("strict")
    state = run(new_game(scenario, seed=1), (*opening(), move("a", "stall", "alpha")))
    assert _said(state, scenario) == ("Arden: Stall on Alpha", [])


def test_a_deal_that_collapses_on_reopening_is_said_reopened_then_collapsed() -> None:
    scenario = catalogue_scenario("linked", REOPEN)
    state = run(new_game(scenario, seed=1), (*opening(), move("a", "concede", "alpha"), move("b", "concede", "gamma")))
    state = apply(state, Action("override", track="alpha", reason="Hardliners at home", tension=2))
    state = apply(state, move("c", "walk_out", "beta"))
    assert {t: s.status for t, s in state.tracks.items()} == {"alpha": "collapsed", "beta": "collapsed",
                                                              "gamma": "open"}
    _, said = _said(state, scenario)
    assert "Alpha reopened, then collapsed on reopening (tension reached 3)" in said, said
    package = package_said(state, state.last, scenario)
    assert package.endswith("; Alpha reopened, then collapsed on reopening (tension at breakdown)"), package
