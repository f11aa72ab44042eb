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


def test_a_step_to_the_next_phase_is_marked_with_what_it_opens() -> None:
    """Found from outside: the replay's timeline read "122 R5 review  Round 6 begins: event phase" under a header
    saying "round 6 · event"; the step is marked with the round and phase it opens, every other event with its own."""
    from tabletop import load_scenario, new_game
    from tabletop.engine import Action, Event
    from tabletop.tui.text import event_line

    def event_mark(state, event):  # the line the board's rulings panel shows, as the timeline marks it too
        return " ".join(event_line(state, event, set()).plain.split()[:3])

    state = new_game(load_scenario("parallel-tracks"), 1)
    with lang.using("en"):
        into_round = event_mark(state, Event(122, 5, "review", Action(kind="advance"), {"to": "event"}))
        into_moves = event_mark(state, Event(125, 6, "event", Action(kind="advance"), {"to": "moves"}))
        to_the_end = event_mark(state, Event(200, 8, "review", Action(kind="advance"), {"to": "over"}))
        a_move = event_mark(state, Event(126, 6, "moves", Action(kind="pass", actor="ru"), {}))
    assert into_round.split() == ["122", "R6", "event"]
    assert into_moves.split() == ["125", "R6", "moves"]
    assert to_the_end.split() == ["200", "R8", "review"]  # the game ends in the phase it was in
    assert a_move.split() == ["126", "R6", "moves"]
