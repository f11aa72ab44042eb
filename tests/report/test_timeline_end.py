"""The timeline says how a game the engine ended ended: all rounds played, or no track open, in every format.

Found in review: only the decision log said it ("Game over after round 2: all rounds played", "… — game over: no
track is open"); the timeline's last round stopped at its last move or status change, and a reader of the timeline
alone could not tell the game had ended, nor why. A facilitator's end was already there, as the facilitator's event.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tabletop.engine import Action
from tabletop.engine.telling import end_reason
from tabletop.report import render

from tests.engine.support import catalogue_scenario
from tests.store.savekit import record_actions

from .kit import TINY_GAME, HtmlDoc

OVERRIDES = [Action("override", track=t, status="agreed", reason="agreed in the room") for t in ("alpha", "beta", "gamma")]


def _timelines(path: Path) -> tuple[str, str, list[dict]]:
    """The timeline of the Markdown report, of the HTML one (its text) and of the JSON one."""
    md = render([path], "md")
    md_part = md[md.index("## Timeline"):md.index("## Decision log")]
    page = render([path], "html")
    doc = HtmlDoc(page)
    assert not doc.errors, doc.errors
    html_part = re.search(r'<section class="timeline".*?</section>', page, re.S)
    assert html_part is not None
    return md_part, re.sub(r"<[^>]+>", "", html_part.group(0)), json.loads(render([path], "json"))["timeline"]


def _end(timeline: list[dict]) -> dict:
    """The one end the timeline tells."""
    ends = [end for rnd in timeline for end in rnd.get("game_over", ())]
    assert len(ends) == 1, [sorted(rnd) for rnd in timeline]
    return ends[0]


def test_a_game_played_to_its_last_round_ends_its_timeline_so(tmp_path: Path) -> None:
    md, html, data = _timelines(TINY_GAME)
    end = _end(data)
    assert end["reason"] == "all rounds played" and data[-1]["game_over"] == [end], data[-1].get("game_over")
    said = end_reason(end["reason"])
    line = next((line for line in md.splitlines() if said in line), None)
    assert line is not None and f"#{end['seq']}" in line and "game over" in line.lower(), md[-600:]
    assert any(said in line and f"#{end['seq']}" in line and "game over" in line.lower()
               for line in html.splitlines()), html[-600:]


def test_a_game_with_no_track_open_ends_its_timeline_so_and_an_undo_strikes_it(tmp_path: Path) -> None:
    ended = tmp_path / "ended.jsonl"
    record_actions(ended, catalogue_scenario("strict"), 1, [lambda s, a=a: a for a in OVERRIDES])
    md, html, data = _timelines(ended)
    end = _end(data)
    assert (end["seq"], end["reason"], end["undone"]) == (3, "no track is open", False), end
    said = end_reason(end["reason"])
    [line] = [line for line in md.splitlines() if said in line]
    assert "#3" in line and "game over" in line.lower() and "undone" not in line, line
    assert any(said in line and "#3" in line and "game over" in line.lower() for line in html.splitlines()), html

    undone = tmp_path / "undone.jsonl"
    record_actions(undone, catalogue_scenario("strict"), 1,
                   [*(lambda s, a=a: a for a in OVERRIDES), lambda s: Action("undo")])
    md, html, data = _timelines(undone)
    end = _end(data)
    assert (end["undone"], end["undone_by"]) == (True, 4), end
    [line] = [line for line in md.splitlines() if said in line]
    assert "#4" in line and "undone" in line, line
