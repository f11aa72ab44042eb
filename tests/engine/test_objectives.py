"""Objectives that respect status: one rule judges them (engine ``objectives_met``), one wording says it.

A position objective that names no status is met only on a track that has
not collapsed; ``status`` may name one status or several ("agreed or
deferred"); a provisional agreement (linked) is not yet ``agreed``. The
numbered cases are in the catalogue (cases 35-37); these pin the pieces.
"""

from __future__ import annotations

from typing import Any

from tabletop import apply, new_game
from tabletop.content.models import Objective
from tabletop.engine import objectives_met
from tabletop.engine.objectives import objective_met
from tabletop.engine.state import TrackState
from tabletop.engine.wording import wants_text

from .support import catalogue_scenario, move, opening

LADDER = ("Irreconcilable", "Norm reaffirmed", "Line-of-contact talks", "Settlement")


def _track(position: int, status: str, provisional: bool = False) -> TrackState:
    return TrackState(id="t", position=position, tension=0, status=status, provisional=provisional)


def test_a_collapsed_track_does_not_meet_a_position_objective() -> None:
    """The bug the issue names: a position that broke down was counted as reached."""
    scenario = catalogue_scenario("strict", {"actors.a.objectives": [
        {"track": "alpha", "at_least": 2, "text": "Alpha at talks"},
        {"track": "beta", "at_least": 2, "text": "Beta at talks"},
    ]})
    state = new_game(scenario, seed=1)
    for action in (*opening(), move("a", "walk_out", "alpha")):
        state = apply(state, action)
    assert state.tracks["alpha"].status == "collapsed" and state.tracks["alpha"].position == 2
    assert [ok for _, ok in objectives_met(state)["a"]] == [False, True]


def test_the_rule_status_by_status() -> None:
    plain = Objective(track="t", at_least=1, text="x")
    standing = Objective(track="t", at_least=1, status=("agreed", "deferred"), text="x")
    parked = Objective(track="t", status="deferred", text="x")
    table: list[tuple[Any, TrackState, bool]] = [
        (plain, _track(1, "open"), True),
        (plain, _track(0, "open"), False),
        (plain, _track(3, "agreed", provisional=True), True),  # the position is reached
        (plain, _track(1, "deferred"), True),
        (plain, _track(3, "collapsed"), False),
        (standing, _track(1, "open"), False),
        (standing, _track(1, "deferred"), True),
        (standing, _track(0, "deferred"), False),
        (standing, _track(3, "agreed"), True),
        (standing, _track(3, "agreed", provisional=True), False),  # not agreed until the package holds
        (standing, _track(3, "collapsed"), False),
        (parked, _track(0, "deferred"), True),
        (parked, _track(2, "open"), False),
    ]
    for objective, track, expected in table:
        assert objective_met(objective, track) is expected, (objective, track)


def test_wants_text_says_what_the_rule_judges() -> None:
    assert wants_text(Objective(track="b", at_least=1, status=("agreed", "deferred"), text="x"), LADDER) == (
        "position \u2265 1 (Norm reaffirmed) and status agreed or deferred"
    )
    assert wants_text(Objective(track="b", at_least=2, text="x"), LADDER) == (
        "position \u2265 2 (Line-of-contact talks) and not collapsed"
    )
    assert wants_text(Objective(track="b", status="deferred", text="x"), LADDER) == "status deferred"
    assert wants_text(Objective(track="b", at_least=9, status="agreed", text="x"), LADDER) == (
        "position \u2265 9 and status agreed"
    )
