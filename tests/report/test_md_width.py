"""The Markdown report's prose fits a reader's editor and a printed page: paragraphs and list items are wrapped at
:data:`~tabletop.report.mdrounds.WRAP` cells, tables keep one line a row, and the document renders as it did
unwrapped. Found from outside: a ruling's working, a card's control note and a facilitator's note came out as
lines of 200 to 430 characters.
"""

from __future__ import annotations

import re

import pytest

import tabletop.report.mdrounds as mdrounds
from tabletop.report import render
from tabletop.report.charts import cells

from .kit import Played, Workshop, md_html, md_tokens


def _prose(md: str) -> list[str]:
    """The lines outside tables, code and headings."""
    out, fenced = [], False
    for line in md.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        elif not fenced and not line.lstrip().startswith(("|", "#")):
            out.append(line)
    return out


def _blocks(md: str) -> list[str]:
    """The kinds of the document's blocks (paragraphs, lists, items, tables...), in order: no inline ones."""
    return [t.type for t in md_tokens(md) if t.block]


@pytest.fixture(scope="module")
def played_saves(workshop: tuple[Played, Workshop], lapsed_game: Played) -> list[Played]:
    return [workshop[0], lapsed_game]


def test_prose_is_wrapped_and_renders_as_before(played_saves: list[Played], monkeypatch: pytest.MonkeyPatch) -> None:
    for played in played_saves:
        md = render([played.path], "md")
        long = [line for line in _prose(md) if cells(line) > mdrounds.WRAP
                and re.search(r"\S \S", line.lstrip(" ->*0123456789.")) is not None]  # more than one word
        assert not long, long[:3]
        rows = [line for line in md.splitlines() if line.startswith("|")]
        with monkeypatch.context() as m:
            m.setattr(mdrounds, "WRAP", 10**9)
            whole = render([played.path], "md")
        assert any(cells(line) > mdrounds.WRAP for line in _prose(whole))  # the case this is about
        assert rows == [line for line in whole.splitlines() if line.startswith("|")]  # a table's rows untouched
        assert _blocks(md) == _blocks(whole)  # the same blocks
        assert re.sub(r"\s+", " ", md_html(md)) == re.sub(r"\s+", " ", md_html(whole))  # and the same text


@pytest.mark.parametrize("line", [
    "- " + "word " * 30 + "- not a list",
    "- " + "word " * 30 + "+1 trust",
    "- " + "word " * 30 + "1. not a list",
    "- " + "word " * 30 + "# not a heading",
    "- " + "word " * 30 + "=== not a heading",
    "> " + "word " * 30 + "> quoted",
    "  - " + "word " * 24 + "**bold words** ~~struck words~~ `code words` end",
    "word " * 19 + "\\\\ " + "word " * 19,
    "word  " * 40,
])
def test_a_wrapped_line_keeps_its_meaning(line: str) -> None:
    folded = mdrounds.fold([line.rstrip()], 40)
    assert all(cells(f) <= 40 or " " not in f.strip() for f in folded) or "  " in line, folded
    assert _blocks("\n".join(folded)) == _blocks(line.rstrip())
    assert re.sub(r"\s+", " ", md_html("\n".join(folded))) == re.sub(r"\s+", " ", md_html(line.rstrip()))


def test_a_plain_line_is_folded_as_word_by_word() -> None:
    """The quick fold of plain ASCII prose (``str.rfind``) breaks every line where the word-by-word fold does:
    random lines of words a Markdown line may not start with, words wider than the line, list items and quotes."""
    import random

    from tabletop.report.mdrounds import _BREAK, _folded, _folded_plain, _plain

    rng = random.Random(5)
    words = ["a", "bb", "ccc", "-", "+1", "2.", "3)", "#x", ">q", "|t", "word", "`c`", "[l]", "=", "_u_", ":", "~",
             "x" * 30, "x" * 120]
    compared = 0
    for _ in range(5000):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        prefix = rng.choice(["", "- ", "  - ", "1. ", "> "])
        indent = "> " if prefix == "> " else " " * len(prefix)
        width = rng.choice([10, 20, 40, 100])
        assert _plain(body)
        assert _folded_plain(prefix, body, indent, width) == _folded(prefix, _BREAK.split(body), indent, width), body
        compared += 1
    assert compared == 5000
    assert not _plain("a  b") and not _plain("a\\ b") and not _plain("a\tb") and not _plain("a\u00a0b")
    assert _plain("Дом → “мир” — ≥ 2") and not _plain("漢字 b") and not _plain("e\u0301 b")


def test_every_character_the_quick_fold_takes_is_one_cell() -> None:
    """The quick fold counts a character a cell: each character its class takes is one (as the report's
    :func:`~tabletop.report.charts.cells` counts), printable, and no white space but the space."""
    from tabletop.report.charts import cells
    from tabletop.report.mdrounds import _ONE_CELL

    taken = [chr(c) for c in range(0x10000) if _ONE_CELL.fullmatch(chr(c))]
    assert len(taken) > 250
    assert [c for c in taken if cells(c) != 1 or not c.isprintable() or (c.isspace() and c != " ")] == []
