"""The odds of an argument read the same on the list the facilitator picks them from and in the log and rulings."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.content.arguments import ODDS
from tabletop.engine.rulingwords import odds_label
from tabletop.play.arguing import odds_choice


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_the_odds_list_names_the_odds_as_the_log_does(code: str) -> None:
    """Found from outside: the Russian odds list said "очень вероятно: 2d6 ≥ 4" and the log and the dice line
    "весьма вероятные (4+ на двух кубиках)": two translations of one word, from two catalogues."""
    with lang.using(code):
        for label in ODDS:
            assert odds_choice(label).startswith(odds_label(label) + ":"), (label, odds_choice(label))
