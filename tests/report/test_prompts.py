"""Discussion prompts written in the deck (``[[prompts]]``), per track, in the debrief report."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tabletop.content import scenario_from_data
from tabletop.content.loader import load_scenario
from tabletop.report import build_report, render

from .kit import HOSTILE, HtmlDoc, Played, bot_save, md_text


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Played:
    data = copy.deepcopy(load_scenario("parallel-tracks").embedded())
    data["deck"]["prompts"] = [
        {"track": "humanitarian", "text": "What let this track move while others stalled?"},
        {"track": "borders", "text": "Why was the norm reaffirmed but the line left open?", "participants": True},
        {"track": "borders", "text": "Shown only if Borders collapsed", "status": "collapsed"},
        {"track": "borders", "text": "Shown only if Borders stayed open", "status": "open"},
        {"track": "ukraine-eu", "text": HOSTILE, "participants": True},
    ]
    sc = scenario_from_data(data, "parallel-tracks")
    return bot_save(tmp_path_factory.mktemp("prompts") / "game.jsonl", sc, 3)


def test_the_facilitator_sees_every_prompt_whose_status_matches(game: Played) -> None:
    report = build_report(game.path)
    borders = game.final.tracks["borders"].status
    texts = [p["text"] for p in report["prompts"]]
    assert "What let this track move while others stalled?" in texts
    assert ("Shown only if Borders collapsed" in texts) == (borders == "collapsed")
    assert ("Shown only if Borders stayed open" in texts) == (borders == "open")
    # per track, in the ruleset's order (Borders before Humanitarian), not the deck's
    assert texts.index("Why was the norm reaffirmed but the line left open?") < texts.index(
        "What let this track move while others stalled?"
    )
    assert all(p["track_status"] == game.final.tracks[p["track"]].status for p in report["prompts"])


def test_the_participants_see_only_prompts_marked_for_them(game: Played) -> None:
    report = build_report(game.path, audience="participants")
    assert {p["text"] for p in report["prompts"]} == {"Why was the norm reaffirmed but the line left open?", HOSTILE}
    assert "the facilitator's discussion prompts" in report["audience"]["left_out"]
    md = md_text(render([game.path], "md", audience="participants"))
    assert "What let this track move" not in md and "Why was the norm reaffirmed" in md


def test_prompts_in_markdown_and_html_under_their_track(game: Played) -> None:
    md = md_text(render([game.path], "md"))
    assert "Questions for the discussion" in md
    assert md.index("Humanitarian") < md.index("What let this track move")
    raw = render([game.path], "md")
    assert "\x1b" not in raw and "\u241b" in raw  # the escape shown, never sent to a terminal
    doc = HtmlDoc(render([game.path], "html"))
    assert "Questions for the discussion" in doc.text and "What let this track move" in doc.text
    assert not doc.all("script")


def test_a_deck_without_prompts_has_no_such_section(tmp_path: Path) -> None:
    from .kit import TINY_GAME

    assert build_report(TINY_GAME)["prompts"] == []
    assert "Questions for the discussion" not in render([TINY_GAME], "md")


#: a facilitator's stage directions in a debrief prompt ("Ask each team: …", "Let each team answer … before anyone
#: replies"), as each language words them
DIRECTIONS = {"en": ("Ask each team", "Let each team", "Ask the room"),
              "ru": ("Спросите", "Пусть каждая команда", "Дайте каждой команде"),
              "uk": ("Запитайте", "Нехай кожна команда", "Дайте кожній команді")}


@pytest.fixture(scope="module")
def bundled_game(tmp_path_factory: pytest.TempPathFactory) -> Played:
    sc = load_scenario("parallel-tracks")
    return bot_save(tmp_path_factory.mktemp("bundled-prompts") / "game.jsonl", sc, 2)


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_participants_copy_asks_the_room_without_the_facilitators_directions(bundled_game: Played,
                                                                                  code: str) -> None:
    """Found from outside (helper-210): `tabletop report SAVE --lang uk --audience participants` printed «Запитайте
    кожну команду: …» and "Let each team answer in one sentence before anyone replies": orders to the facilitator,
    in the copy handed to the room. The bundled deck's questions for the participants are worded to the room."""
    md = md_text(render([bundled_game.path], "md", audience="participants", lang=code))
    heading = {"en": "Questions for the discussion", "ru": "Вопросы для обсуждения", "uk": "Питання для обговорення"}
    assert md.count("?") and heading[code] in md, md[-2000:]
    questions = md[md.index(heading[code]):]
    assert not [d for d in DIRECTIONS[code] if d in questions], questions
