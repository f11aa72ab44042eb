"""The step that ends the game says, in its changes, what the end itself changed: a facilitator's end for want of
time (``Out of time``) under the package deal lets a provisional agreement lapse, and the timeline and the decision
log listed no change under it, as if the track had turned open by itself (the status list said "(#80)" and nothing
said why). Other ends (a collapse that leaves no track open) list their status changes under the event that made them.
"""

from __future__ import annotations

from tabletop.report import build_report, render

from .kit import Played


def test_the_end_for_want_of_time_lists_the_agreement_it_let_lapse(lapsed_game: Played) -> None:
    report = build_report(lapsed_game.path)
    end = next(e for e in report["log"] if e.get("game_over"))
    assert end["kind"] == "end" and end["game_over"] == "Out of time"
    lapsed = [t for t in report["outcome"]["tracks"] if t["lapsed"]]
    assert lapsed, "the fixture ends with a provisional agreement"
    said = [f"{t['name']}: status agreed \u2192 open" for t in lapsed]
    assert [c for c in end["changes_text"] if "status" in c] == said
    assert any("lapsed at the end" in n for n in end["effect_notes"])
    item = next(f for rnd in report["timeline"] for f in rnd["facilitator"] if f["seq"] == end["seq"])
    assert item["changes_text"] == end["changes_text"]
    md = render([lapsed_game.path], "md").splitlines()
    at = next(i for i, line in enumerate(md) if line.startswith(f"- **Facilitator** #{end['seq']} "))
    assert md[at + 1].startswith("  - ") and said[0] in md[at + 1], md[at: at + 2]
    html = render([lapsed_game.path], "html")
    assert f'<ul class="changes"><li>{said[0].replace(">", "&gt;")}' in html
