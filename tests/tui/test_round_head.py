"""The hot seat's round review ends with the save's chain head, to note in the minutes at each round's end."""

from __future__ import annotations

from tabletop.content.loader import load_scenario
from tabletop.engine import apply, legal_actions, new_game
from tabletop.tui.review import review_text


def test_the_round_review_shows_the_chain_head_when_given() -> None:
    state = new_game(load_scenario("parallel-tracks"), 3)
    for _ in range(400):
        if state.phase == "review":
            break
        state = apply(state, legal_actions(state)[0])
    assert state.phase == "review"
    chain = "3f2a9c1e" + "0" * 24
    shown = review_text(state, (state.seq, chain)).plain
    assert shown.startswith(f"Review of round {state.round}")
    assert f"Chain head after event {state.seq}: 3f2a9c1e\u2026 \u2014 note it in the minutes" in shown
    assert "Chain head" not in review_text(state).plain
