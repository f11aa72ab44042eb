"""The decision list's headless words say what the TUI's words say, on every bundled scenario."""

from __future__ import annotations

import pytest

from tabletop import load_scenario, new_game
from tabletop.play import words
from tabletop.tui import text


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked", "river-basin"])
def test_names_and_move_words_match_the_tuis(name: str) -> None:
    state = new_game(load_scenario(name), seed=1)
    n = words.names(state)
    assert n == text.names(state)
    for move in state.ruleset.moves:
        assert words.move_words(move, n) == text.move_words(move, n)
        assert words.move_words(move) == text.move_words(move)
        for mod in move.modifiers:
            assert words.named(mod, n) == text.named(mod, n)
    parts = [e for card in state.scenario.deck.cards for c in card.choices for e in c.effects]
    assert parts, "the decks have choice cards"
    for part in parts:
        assert words.named(part, n) == text.named(part, n)
