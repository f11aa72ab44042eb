"""A provisional agreement reads as provisional wherever the board's words say agreed.

Found from outside (a Ukrainian facilitator, river basin under the package deal): the board said «УЗГОДЖЕНО
(попередньо)», while the move list on that track said «✖ статус треку: узгоджено» and the replay's track history
marked it ``4/3✔`` under the legend «✔ узгоджено», as a final agreement reads.

Played on the catalogue scenario (tests/engine/support.py): a's concession agrees beta provisionally.
"""

from __future__ import annotations

import pytest

from tabletop import lang, new_game
from tabletop.engine import State
from tabletop.play.decisions import decision
from tabletop.tui.history import lanes_text

from tests.engine.support import catalogue_scenario, move, opening, run

PROVISIONAL = {"en": "agreed (provisional)", "ru": "согласовано (предварительно)", "uk": "узгоджено (попередньо)"}


def _agreed(mode: str = "linked") -> State:
    state = run(new_game(catalogue_scenario(mode), seed=1), (*opening(), move("a", "concede", "beta")))
    assert state.tracks["beta"].status == "agreed"
    return state


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_move_list_says_the_track_is_agreed_provisionally(code: str) -> None:
    state = _agreed()
    assert state.tracks["beta"].provisional and state.turn is not None
    with lang.using(code):
        entries = decision(state, state.turn).entries
    beta = next(e for e in entries if e.label.plain.startswith("Beta"))
    assert beta.hint is not None and PROVISIONAL[code] in beta.hint, beta.hint
    assert beta.refusal is not None and PROVISIONAL[code] in beta.refusal, beta.refusal


def test_a_final_agreement_is_not_called_provisional() -> None:
    state = _agreed("strict")
    assert state.turn is not None
    entries = decision(state, state.turn).entries
    beta = next(e for e in entries if e.label.plain.startswith("Beta"))
    assert beta.hint == "the track is agreed", beta.hint


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_track_history_marks_a_provisional_agreement_apart(code: str) -> None:
    state = _agreed()
    with lang.using(code):
        text = lanes_text(lambda _i: state, 0, {1: 0}).plain
    row = next(line for line in text.splitlines() if line.startswith("Beta"))
    assert "3/1(\u2714)" in row, row
    assert PROVISIONAL[code] in text.splitlines()[-1], text
    final = lanes_text(lambda _i: _agreed("strict"), 0, {1: 0}).plain
    assert "3/1\u2714 " in next(line for line in final.splitlines() if line.startswith("Beta")) + " "
