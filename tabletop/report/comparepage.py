"""The comparison of several saves as HTML: side by side for a few, a row per save for many, with the
share of games per track by ruleset; then each save's report (see :mod:`~tabletop.report.htmlpage`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .htmlpage import report_article
from .htmlparts import e, page, status_mark, table
from .words import STATUSES, agreements_per_game, lost_agreement, share_rows


def _cell(t: dict[str, Any] | None, short: bool = False) -> str:
    if t is None:
        return "\u2013"
    since = f" R{t['since']}" if t["since"] is not None else ""
    extra = since + lost_agreement(t, short=True)
    if short:
        return status_mark(t["status"], t["provisional"], extra)
    return f"{status_mark(t['status'], t['provisional'], extra)}<br>{t['position']}/{t['top']} \u201c{e(t['rung'])}\u201d"


def _shares(comparison: dict[str, Any]) -> str:
    rows = share_rows(comparison, e, STATUSES)
    return (
        "<h2>Share of games per track, by ruleset</h2>"
        + table(
            ["Track", "Ruleset", *STATUSES, "Mean round agreed"], rows, num=(2, 3, 4, 5, 6), cls="shares"
        )
        + f"<p>Agreements per game: {agreements_per_game(comparison, e)}. A provisional agreement counts as open.</p>"
    )


def _save_cells(s: dict[str, Any], linked: bool) -> list[str]:
    name = e(s["file"]) + (' <span class="tag tag-undone">DAMAGED</span>' if s["damaged"] else "")
    if linked:
        name = f'<a href="#r{s["index"]}-report">{name}</a>'  # untranslated: markup
    return [
        str(s["index"]),
        name,
        e(s["ruleset_name"]),
        e(s["independence"]),
        e(s["seed"]),
        str(s["rounds"]),
        e(s["end_reason"]) if s["over"] else "not ended",
        str(s["agreements"]),
    ]


_SAVE_HEAD = ["#", "Save", "Ruleset", "Independence", "Seed", "Rounds", "Ended", "Agreements"]


def comparison_html(comparison: dict[str, Any], side_by_side_max: int) -> str:
    """Several saves: with few, each in its own column; with many, the shares first, then one row per save."""
    saves = comparison["saves"]
    tracks = comparison["tracks"]
    linked = comparison["reports_included"]
    out = ['<article class="comparison" id="comparison">', f"<h1>Comparison of {len(saves)} saves</h1>"]  # untranslated: markup
    if comparison["damaged"]:
        which = ", ".join(f"#{i}" for i in comparison["damaged"])
        out.append(
            f'<div class="warning damage" role="note"><strong>\u26a0 Warning:</strong> damaged save(s) {which}: '
            "each outcome is as the intact part of its save left it.</div>"
        )
    if len(saves) <= side_by_side_max:
        out.append(table(_SAVE_HEAD, (_save_cells(s, linked) for s in saves), num=(0, 5, 7)))
        out.append("<h2>Outcome per track, side by side</h2>")
        head = ["Track", *(f"#{s['index']} {e(s['ruleset_id'])}<br>({e(s['independence'])})" for s in saves)]
        rows = [[e(t["name"]), *(_cell(s["tracks"].get(t["id"])) for s in saves)] for t in tracks]
        rows.append(["<strong>Agreements</strong>", *(f"<strong>{s['agreements']}</strong>" for s in saves)])
        out.append(table(head, rows, cls="side-by-side"))
        out.append(_shares(comparison))
    else:
        out.append(_shares(comparison))
        out.append("<h2>Every save, its outcome per track</h2>")
        rows = [
            [*_save_cells(s, linked), *(_cell(s["tracks"].get(t["id"]), short=True) for t in tracks)]
            for s in saves
        ]
        out.append(table([*_SAVE_HEAD, *(e(t["name"]) for t in tracks)], rows, num=(0, 5, 7), cls="saves"))
    if not linked:
        out.append(f"<p>{len(saves)} saves: too many to print each report here; report them one by one.</p>")
    out.append("</article>")
    return "\n".join(out)


def several_html(comparison: dict[str, Any], reports: Sequence[dict[str, Any]], side_by_side_max: int) -> str:
    """A whole HTML document for several saves: the comparison, then each save's report."""
    parts = [comparison_html(comparison, side_by_side_max)]
    for i, report in enumerate(reports, 1):
        heading = f"Save #{i}: {e(report['scenario']['ruleset_name'])}"
        parts.append(report_article(report, f"r{i}-", heading))
    return page(f"Comparison of {len(comparison['saves'])} saves", "\n".join(parts))
