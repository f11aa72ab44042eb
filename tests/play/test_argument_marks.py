"""An argument's texts are marked with the language they were typed in while they are worded (issue 14): the
seats' words and the replay's working come from one function, :func:`tabletop.play.arguing.argument_spans`.

A seat reads plain text: a reason or a counter typed in another language is quoted and marked, ``«…» (uk)``.
The replay's working is styled: the same text bare, its mark a dim span after it (``… (uk)``), as it was
marked before, by searching the worded text afterwards. The argument's own action is quoted on both.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tabletop.engine import State, new_game
from tabletop.lang import using
from tabletop.play.arguing import argument_spans, strong_items

from tests.engine.argue_kit import argue_scenario, counter, to_counters
from tests.engine.support import run

ACTION = "Открыть горячую линию"  # typed by a Russian team
REASON = "Это ничего не стоит"
COUNTER = "Лінія нічого не змінить"  # typed by a Ukrainian team


@pytest.fixture(scope="module")
def countered() -> State:
    actions = [replace(a, text=ACTION, reasons=(REASON,), lang="ru") if a.move == "argue" else a for a in to_counters()]
    state = run(new_game(argue_scenario(odds="matrix"), seed=1), actions)
    return run(state, [replace(counter("b", COUNTER), lang="uk")])


def _lines(spans: tuple[tuple[str, str], ...]) -> list[str]:
    return "".join(text for text, _style in spans).splitlines()


def test_a_seat_quotes_and_marks_what_was_typed_in_another_language(countered: State) -> None:
    with using("en"):
        head = countered.queue[0]
        lines = _lines(argument_spans(countered, head, marked=True))
        items = strong_items(head, countered, marked=True)
    assert lines[0].endswith(f": \u201c{ACTION}\u201d (ru)")
    assert f"  reason 1: \u00ab{REASON}\u00bb (ru)" in lines
    assert f"  counter by Brask: \u00ab{COUNTER}\u00bb (uk)" in lines
    assert items == (f"reason: \u00ab{REASON}\u00bb (ru)", f"counter: \u00ab{COUNTER}\u00bb (uk)")


def test_the_replay_marks_the_same_texts_bare_with_a_dim_mark(countered: State) -> None:
    with using("uk"):  # read in Ukrainian: the Ukrainian counter is as typed, unmarked
        spans = argument_spans(countered, countered.queue[0], marked=True, bare=True)
    lines = _lines(spans)
    assert lines[0].endswith(f"\u00ab{ACTION}\u00bb (ru)")  # the language's quotes
    assert any(line.endswith(f": {REASON} (ru)") for line in lines), lines
    assert any(line.endswith(f": {COUNTER}") for line in lines), lines
    assert [text for text, style in spans if style == "dim" and text.startswith(" (")] == [" (ru)", " (ru)"]


def test_unmarked_words_are_as_before(countered: State) -> None:
    """The hot seat's board (one screen, no reader's language to mark for) words the texts as typed."""
    with using("en"):
        spans = argument_spans(countered, countered.queue[0])
    assert f"  reason 1: {REASON}\n" in [text for text, _style in spans]
    assert "(ru)" not in "".join(text for text, _style in spans)
