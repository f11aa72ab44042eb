"""The end screen says why a track that stood agreed provisionally is open at the end.

Found from outside (helper-103): after a full game under the package deal the end screen read "Strategic
stability ○ OPEN, position 6/6 “Agreement”" with no reason; only the report said the provisional agreement had
lapsed because the package was not complete.
"""

from __future__ import annotations

from tabletop import Action, apply, load_scenario, new_game
from tabletop.tui.text import outcome_text


def test_a_provisional_deal_that_lapsed_at_the_end_is_said_to_have() -> None:
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    spec = sc.index.tracks["humanitarian"]
    state = apply(state, Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal"))
    assert state.tracks["humanitarian"].provisional
    state = apply(state, Action("end", reason="out of time"))
    assert state.tracks["humanitarian"].is_open
    said = outcome_text(state, show_secret=False).plain
    line = next(line for line in said.splitlines() if "Humanitarian" in line)
    assert "its provisional agreement lapsed at the end: the package was not complete" in line, said
    assert said.count("lapsed at the end") == 1
