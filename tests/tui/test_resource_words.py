"""A team's purse on the board reads in the seat's language: "має: 3 капітал", not "3 capital"."""

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
    assert said == f"3 {word}"
