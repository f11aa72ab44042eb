"""A card a draw set aside: the debrief viewer's event line and the report's decision-log row say why it could not be
played, as the board's line and the report's timeline do, in the reader's language (``engine.wording.why_aside``).

Found from outside (helper-362): the timeline of the report said «Incident on Alpha (статус её трека «Alpha»:
отложено)», but the replay's line and the decision log's row beside it said only "(2 set aside, not playable now:
Incident on Alpha, Hopeful signs on Beta)" and left the room to guess.

The game: the catalogue scenario, alpha deferred in round 1, round 2's draw setting aside the Incident on Alpha (its
track deferred) and Hopeful signs on Beta (a condition unmet), as ``tests/play/test_set_aside_why.py`` plays it;
then the facilitator undoes that draw and draws again. The undo's words say what it took back as the draw's do
(found from outside, helper-367: "Undo: Card drawn: … (2 set aside, not playable now: Incident on Alpha, …)").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tabletop import Action, lang
from tabletop.report import render
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayApp
from tabletop.tui.timeline import working_text
from tests.engine.support import ADVANCE, catalogue_scenario, draw, move, opening, pass_
from tests.play.test_set_aside_why import HOPEFUL
from tests.report.kit import HtmlDoc, md_text
from tests.store.savekit import record_actions

#: why each card was set aside, in each language (the board's line and the report's timeline say so already)
WHY = {
    "en": ("Incident on Alpha (its track Alpha is deferred)", "Hopeful signs on Beta (it needs Trust \u2265 9)"),
    "ru": ("Incident on Alpha (статус её трека «Alpha»: отложено)", "Hopeful signs on Beta (для неё нужно: Trust \u2265 9)"),
}


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    actions = (*opening(), move("a", "defer", "alpha"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE,
               draw("quiet", ["incident", "hopeful"]), Action("undo"), draw("quiet", ["incident", "hopeful"]))
    played = record_actions(tmp_path_factory.mktemp("aside") / "aside.jsonl",
                            catalogue_scenario("strict", extra_cards=[HOPEFUL]), 1, [lambda s, a=a: a for a in actions])
    assert played.states[-4].tracks["alpha"].status == "deferred"  # what the draw read
    return played.path


def _the_draw(log: list[dict]) -> dict:
    return next(e for e in log if e["kind"] == "draw" and e.get("set_aside"))


def _the_undo(log: list[dict]) -> dict:
    return next(e for e in log if e["kind"] == "undo")


@pytest.mark.parametrize("code", list(WHY))
def test_the_decision_log_row_says_why(path: Path, code: str) -> None:
    entry = _the_draw(json.loads(render(path, "json", lang=code))["log"])
    whys = [c["why"] for c in entry["set_aside"]]  # the timeline's words
    summary = entry["summary"]
    for why in whys:
        assert why in summary, (why, summary)
    md = md_text(render(path, "md", lang=code)).split(summary)  # the row is the summary, with the reasons
    html = HtmlDoc(render(path, "html", lang=code)).text
    assert len(md) > 1 and summary in html, summary  # (the draw undone, its undo's words, the one drawn again)
    with lang.using(code):
        assert ", ".join(WHY[code]) in summary, summary
    undo = _the_undo(json.loads(render(path, "json", lang=code))["log"])["summary"]  # what was undone
    assert ", ".join(WHY[code]) in undo, undo


async def test_the_replay_s_line_says_why(path: Path) -> None:
    save = open_save(path)
    log = json.loads(render(path, "json"))["log"]
    index, undo = _the_draw(log)["seq"], _the_undo(log)["seq"]
    english = working_text(save, index, set(), {}, {}).plain  # the working panel's head line
    undone = working_text(save, undo, set(), {}, {}).plain
    app = ReplayApp(save, lang="ru")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)
        line = str(timeline.get_option_at_index(index).prompt)
        undo_line = str(timeline.get_option_at_index(undo).prompt)
        working = working_text(save, index, set(), {}, {}).plain
    lang.set_language("en")
    assert ", ".join(WHY["ru"]) in line, line
    assert ", ".join(WHY["ru"]) in working, working
    assert ", ".join(WHY["en"]) in english, english
    assert ", ".join(WHY["ru"]) in undo_line, undo_line
    assert ", ".join(WHY["en"]) in undone, undone
