"""A facilitator's note on a draw that set a card aside (or on the undo of one) names, in the report, the event it is
about with why the card could not be played, as the decision log's row of that draw says it and as the hot seat's
note heading does (``engine.cards.why_set_aside``, read on the board the draw read), in the reader's language.

Found from outside (helper-373): the report's Notes and the note's row in the decision log said «Note on event 10:
Card drawn: A quiet week (1 set aside, not playable now: Incident on Alpha)», the draw's own row beside it said why.
The game is ``tests/replay/test_aside_why.py``'s, with a note on the draw, its undo and a note on the undo.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop import Action
from tabletop.report import render
from tests.engine.support import ADVANCE, catalogue_scenario, draw, move, opening, pass_
from tests.play.test_set_aside_why import HOPEFUL
from tests.replay.test_aside_why import WHY
from tests.report.kit import md_text
from tests.store.savekit import record_actions


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    actions = [lambda s, a=a: a for a in (*opening(), move("a", "defer", "alpha"), pass_("b"), pass_("c"), ADVANCE,
                                          ADVANCE, ADVANCE, draw("quiet", ["incident", "hopeful"]))]
    on_last = lambda s: Action("note", text="Read out why", about=s.last.seq)  # noqa: E731
    played = record_actions(tmp_path_factory.mktemp("aside") / "aside.jsonl",
                            catalogue_scenario("strict", extra_cards=[HOPEFUL]), 1,
                            [*actions, on_last, lambda s: Action("undo", reason="wrong card"), on_last])
    return played.path


@pytest.mark.parametrize("code", list(WHY))
def test_a_note_on_a_draw_or_its_undo_names_it_with_why(path: Path, code: str) -> None:
    report = json.loads(render(path, "json", lang=code))
    kinds = {e["seq"]: e["kind"] for e in report["log"]}
    notes = [e for e in report["log"] if e["kind"] == "note"]
    assert [kinds[n["about"]] for n in notes] == ["draw", "undo"]
    said = [n["about_summary"] for n in (*notes, *report["notes"])]
    assert len(said) == 4, said
    for about in said:
        assert ", ".join(WHY[code]) in about, about
    md = md_text(render(path, "md", lang=code))
    assert md.count(", ".join(WHY[code])) >= 2 + 4, md  # the draw's row, the undo's, the notes' headings
