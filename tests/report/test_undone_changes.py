"""An undone event's changes are struck with its text.

Found from outside (helper-334, printing in grey): an override the facilitator undid had its text struck in the
timeline and the decision log, while its change under it, "Alpha: position 2 → 0", stood in plain type in both; a
reader who skims sees a move to position 0 that never stood. The change is struck wherever the text is: the HTML
timeline and decision log, the Markdown decision log.
"""

from __future__ import annotations

import re
from pathlib import Path

from tabletop.engine import Action
from tabletop.report import render
from tests.engine.argue_kit import argue_scenario
from tests.store.savekit import record_actions

from .kit import HtmlDoc


def _undone_override(path: Path) -> Path:
    """The facilitator moves Alpha to position 0, then undoes it; then moves Beta to 1, which stands."""
    steps = [Action("draw"), Action("skip", reason="not today"),
             Action("override", track="alpha", position=0, reason="a slip"), Action("undo", reason="wrong track"),
             Action("override", track="beta", position=1, reason="elsewhere")]
    record_actions(path, argue_scenario(), 2, [lambda _s, a=a: a for a in steps])
    return path


def test_an_undone_override_s_change_is_struck_in_html(tmp_path: Path) -> None:
    html = render(_undone_override(tmp_path / "g.jsonl"), "html")
    assert not HtmlDoc(html).errors
    timeline = html.split('<section class="timeline"', 1)[1].split("</section>", 1)[0]
    undone, stands = (re.search(r'<li class="facilitator[^"]*">(?:(?!<li class="facilitator).)*?' + track
                                + r": position \d", timeline, flags=re.DOTALL)[0] for track in ("Alpha", "Beta"))
    assert 'class="facilitator undone"' in undone and 'class="facilitator"' in stands
    assert '<ul class="changes">' in undone and '<ul class="changes">' in stands
    css = re.sub(r"/\*.*?\*/", "", html.split("<style>", 1)[1].split("</style>", 1)[0], flags=re.DOTALL)
    assert re.search(r"li\.undone ul\.changes[^{]*\{[^}]*line-through", css), "the timeline's changes are not struck"
    log = html.split('<section class="log"', 1)[1].split("</section>", 1)[0]
    rows = {m[1]: m[0] for m in re.finditer(r'<tr class="[^"]*">.*?(Alpha|Beta): position \d.*?</tr>', log)}
    rows |= {m[1]: m[0] for m in re.finditer(r"<tr>.*?(Alpha|Beta): position \d.*?</tr>", log)}
    assert "<s>Alpha: position 2 \u2192 0" in rows["Alpha"], rows["Alpha"]
    assert "<s>" not in rows["Beta"] and "Beta: position 2 \u2192 1" in rows["Beta"], rows["Beta"]


def test_an_undone_override_s_change_is_struck_in_the_markdown_log(tmp_path: Path) -> None:
    md = render(_undone_override(tmp_path / "g.jsonl"), "md")
    [alpha] = [line for line in md.splitlines() if line.startswith("|") and "Alpha: position 2" in line]
    [beta] = [line for line in md.splitlines() if line.startswith("|") and "Beta: position 2 \u2192 1" in line]
    assert "~~Alpha: position 2 \u2192 0" in alpha, alpha
    assert "~~" not in beta, beta
