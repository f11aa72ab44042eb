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
