"""An argument's texts are marked with the language they were typed in while they are worded (issue 14): the
seats' words and the replay's working come from one function, :func:`tabletop.play.arguing.argument_spans`.

A seat reads plain text: a reason or a counter typed in another language is quoted and marked, in the language's
quotes as the action is (``“…” (uk)`` in English, ``«…» (uk)`` in Russian).
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
    assert lines[0].endswith(f": {_round(ACTION, lines[0])} (ru)")
    assert f"  reason 1: {_round(REASON, lines[0].replace(ACTION, REASON))} (ru)" in lines
    assert f"  counter by Brask: {_round(COUNTER, lines[0].replace(ACTION, COUNTER))} (uk)" in lines
    assert items == (f"reason: {_round(REASON, lines[0].replace(ACTION, REASON))} (ru)",
                     f"counter: {_round(COUNTER, lines[0].replace(ACTION, COUNTER))} (uk)")


def _round(text: str, line: str) -> str:
    """``text`` with the quotation marks round it in ``line``."""
    at = line.index(text)
    return line[at - 1:at + len(text) + 1]


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_action_its_reasons_and_the_ruling_view_quote_alike(countered: State, lang: str) -> None:
    """Found from outside: an English seat read "Russia argues on Humanitarian: “Обмен пленными…” (ru)" and under it
    "reason 1: «Снизить напряжённость» (ru)", where the ruling view put both in “…”. One quoting for a typed text."""
    from tabletop.engine.records import Ruling
    from tabletop.engine.rulingwords import argued_parts

    with using(lang):
        head = countered.queue[0]
        lines = _lines(argument_spans(countered, head, marked=True))
        ruled = argued_parts(Ruling(resolution="argue", text=ACTION, reasons=(REASON,)), {}, screen=True)
    # (a reason typed in the reader's language is as typed, unquoted, as before: what is quoted is quoted alike)
    marks = {(line[line.index(t) - 1], line[line.index(t) + len(t)])
             for line in (*lines, *ruled) for t in (ACTION, REASON, COUNTER) if t in line and not line.endswith(t)}
    assert len(marks) == 1, (lang, marks, lines, ruled)


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
