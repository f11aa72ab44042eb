"""The card panel's words: a card whose choices are its whole effect does not say "Effect: no effect"."""

from __future__ import annotations

from tabletop import load_scenario, new_game
from tabletop.tui.text import card_text


def test_a_card_with_choices_and_no_effect_of_its_own_shows_only_its_choices() -> None:
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 1)
    choosing = [c for c in sc.deck.cards if c.choices and not c.effects]
    assert choosing, "the bundled deck has cards whose choices are their whole effect"
    for card in choosing:
        shown = card_text(state, card, facilitator=True).plain
        assert "Effect:" not in shown, shown
        assert "chooses:" in shown and all(choice.label in shown for choice in card.choices)


def test_a_card_with_an_effect_still_names_it() -> None:
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 1)
    plain = next(c for c in sc.deck.cards if c.effects and not c.choices)
    assert "Effect: " in card_text(state, plain, facilitator=False).plain
