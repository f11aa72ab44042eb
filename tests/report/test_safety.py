"""Markup, escape codes and HTML in cards, names, notes and reasons come out literally and harmless.

The hostile game puts ``HOSTILE`` in every card's title, text, choices and
control note, in a track's name and ladder, an actor's name, an objective, a
meter's name, every facilitator note and reason, and every facilitator ruling.
"""

from __future__ import annotations

import json

import pytest

from tabletop.report import build_report, render

from .kit import HOSTILE, HOSTILE_SHOWN, HtmlDoc, Played, md_html, md_text, md_tokens


@pytest.fixture(scope="module")
def documents(hostile: Played) -> dict[str, str]:
    return {fmt: render([hostile.path], fmt) for fmt in ("md", "html", "json")}


def test_the_hostile_game_reaches_every_kind_of_text(hostile: Played) -> None:
    report = build_report(hostile.path)
    kinds = {e["kind"] for e in report["log"]}
    assert {"note", "override", "undo", "skip", "end", "rule", "inject"} <= kinds
    assert any(n["text"].endswith(HOSTILE) for n in report["notes"])
    assert any(c["control_note"] for r in report["timeline"] for c in r["cards"])


def test_no_raw_escape_character_reaches_a_document(documents: dict[str, str]) -> None:
    for fmt, text in documents.items():
        assert "\x1b" not in text, fmt
        assert "\x9b" not in text, fmt


def test_markdown_has_no_raw_html_and_reads_literally(documents: dict[str, str]) -> None:
    md = documents["md"]
    tokens = md_tokens(md)
    assert not [t for t in tokens if t.type in ("html_inline", "html_block")]
    assert not [t for t in tokens if t.type == "link_open"]
    rendered = md_html(md)
    assert "<script" not in rendered and "<b>" not in rendered
    text = md_text(md)
    # the note, the reason, a card, the actor: each reads exactly as written (escapes shown as symbols)
    assert f"Dice note. {HOSTILE_SHOWN}" in text
    assert f"Override. {HOSTILE_SHOWN}" in text
    assert f"facilitator's reason: {HOSTILE_SHOWN}" in text
    assert ("T " + HOSTILE_SHOWN)[:40] in text
    assert f"OB {HOSTILE_SHOWN}" in text
    assert "[bold]x[/] [/]" in text and "&amp;" in text


def _separators(line: str) -> int:
    """The unescaped pipes of a table row (a backslash escapes the next character)."""
    count, i = 0, 0
    while i < len(line):
        if line[i] == "\\":
            i += 2
            continue
        count += line[i] == "|"
        i += 1
    return count


def test_markdown_tables_are_not_broken_by_pipes(documents: dict[str, str]) -> None:
    md = documents["md"]
    assert len([t for t in md_tokens(md) if t.type == "table_open"]) >= 6
    checked = 0
    for block in md.split("\n\n"):
        lines = block.splitlines()
        if len(lines) > 2 and lines[1].startswith("|---"):
            width = _separators(lines[0])
            assert _separators(lines[1]) == width
            for line in lines[2:]:
                assert _separators(line) == width, line
                checked += 1
    assert checked > 100
    assert "\\|" in md  # the hostile pipes are there, escaped


def test_html_escapes_everything(documents: dict[str, str]) -> None:
    html = documents["html"]
    assert "<script" not in html.lower()
    assert "<b>" not in html
    doc = HtmlDoc(html)
    assert not doc.errors
    assert not doc.all("script") and not doc.all("b")
    text = doc.text
    assert f"Dice note. {HOSTILE_SHOWN}" in text
    assert f"Override. {HOSTILE_SHOWN}" in text
    assert f"facilitator's reason: {HOSTILE_SHOWN}" in text
    assert "<script>alert(1)</script>" in text  # shown to the reader, as text
    # no attribute carries outside text that could run
    for _, attrs in doc.tags:
        for name, value in attrs.items():
            assert not name.startswith("on")
            assert "javascript:" not in (value or "")


def test_json_keeps_the_exact_strings(documents: dict[str, str], hostile: Played) -> None:
    data = json.loads(documents["json"])
    notes = [n["text"] for n in data["notes"]]
    assert f"Dice note. {HOSTILE}" in notes
    override = next(e for e in data["log"] if e["kind"] == "override")
    assert override["reason"] == f"Override. {HOSTILE}"
    rule = next(e for e in data["log"] if e["kind"] == "rule")
    assert rule["ruling"]["reason"] == HOSTILE
    card = hostile.scenario.deck.cards[0]
    assert any(
        c["title"] == card.title and c["text"] == card.text for r in data["timeline"] for c in r["cards"]
    )
    assert data["scenario"]["actors"][0]["name"] == hostile.scenario.ruleset.actors[0].name
