"""A team's purse on the board reads in the seat's language: "капітал 3", not "3 capital".

Found from outside: "3 капитал" does not agree in Russian; the name comes first, as on a seat's screen."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.engine import new_game
from tabletop.tui.text import names, resources_words

from .support import scenario


@pytest.mark.parametrize(("code", "word"), [("ru", "капитал"), ("uk", "капітал"), ("en", "capital")])
def test_the_board_names_a_resource_in_the_language_spoken(code: str, word: str) -> None:
    state = new_game(scenario(), seed=1)
    with lang.using(code):
        said = resources_words({"capital": 3}, names(state))
    assert said == (f"3 {word}" if code == "en" else f"{word} 3")
