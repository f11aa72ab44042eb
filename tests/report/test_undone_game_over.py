"""An undone event that ended the game: its "game over" is undone with it (found from outside, helper-319, F13).

The decision log read ``~~**FACILITATOR** Facilitator override of …~~ (undone by #3) — game over: no track is
open``: the game's end outside the strike-through, as if it still stood. Played on the catalogue scenario
(tests/engine/support.py): overriding its three tracks to agreed ends the game, and an undo takes the last back.
"""

from __future__ import annotations

import re
from pathlib import Path

from tabletop.engine import Action
from tabletop.report import render

from tests.engine.support import catalogue_scenario
from tests.store.savekit import record_actions

from .kit import HtmlDoc

OVERRIDES = [Action("override", track=t, status="agreed", reason="agreed in the room") for t in ("alpha", "beta", "gamma")]


def _save(tmp_path: Path) -> Path:
    path = tmp_path / "undone-end.jsonl"
    played = record_actions(path, catalogue_scenario("strict"), 1,
                            [*(lambda s, a=a: a for a in OVERRIDES), lambda s: Action("undo")])
    assert played.states[-2].over and not played.states[-1].over
    return path


def test_an_undone_override_that_ended_the_game_is_struck_with_its_game_over(tmp_path: Path) -> None:
    path = _save(tmp_path)
    md = render([path], "md")
    row = next(line for line in md.splitlines() if line.startswith("| 3 |"))
    assert "game over" in row and "(undone by #4)" in row, row
    struck = re.search(r"~~(.*)~~ \(undone by #4\)", row)
    assert struck is not None and "game over: no track is open" in struck.group(1), row

    page = render([path], "html")
    doc = HtmlDoc(page)
    assert not doc.errors, doc.errors
    cell = re.search(r'<tr class="undone[^"]*">(?:(?!</tr>).)*game over(?:(?!</tr>).)*</tr>', page, re.S)
    assert cell is not None, "no undone row with the game over"
    # every word of the undone event is in the struck text (.text), the game's end too
    struck_html = "".join(re.findall(r'<span class="text">(.*?)</span>', cell.group(0), re.S))
    assert "game over: no track is open" in struck_html, cell.group(0)
