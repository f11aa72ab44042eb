"""A phase is named one way on every line of a screen (ru and uk grammar may change its ending, not its word)."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.lang import Domain


@pytest.mark.parametrize(("code", "word"), [("ru", "событи"), ("uk", "поді")])
def test_the_event_phase_is_named_with_one_word(code: str, word: str) -> None:
    """Found from outside: the Russian header said "фаза события" and the prompt "Фаза событий завершена." (the
    phase of one event, then of several)."""
    said = Domain("play").gettext
    with lang.using(code):
        done, draw = said("Event phase done."), said("Event phase: draw this round's card.")
    assert done.split()[1].startswith(word) and draw.split()[1].startswith(word), (done, draw)
    assert done.split()[1][:len(word) + 1] == draw.split()[1].rstrip(":")[:len(word) + 1], (done, draw)
