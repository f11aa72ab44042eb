"""The phase column of the rulings and the timeline (``  177 R8 review Round 8 ...``): a word a room can read."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.content.models import PHASES
from tabletop.tui.text import PHASE_WIDTH, phase_short


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_phase_fits_the_column(code: str) -> None:
    with lang.using(code):
        shown = [phase_short(p) for p in PHASES]
    assert all(0 < len(word) <= PHASE_WIDTH for word in shown), shown
    assert len(set(shown)) == len(shown), shown  # four phases, four marks


def test_english_marks_are_words_or_marked_abbreviations() -> None:
    """The review phase read "revie" in every English log line: neither the word nor an abbreviation."""
    with lang.using("en"):
        assert [phase_short(p) for p in PHASES] == ["event", "moves", "adjud.", "review"]
