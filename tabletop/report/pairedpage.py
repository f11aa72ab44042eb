"""``tabletop report --paired``: one save beside the same game replayed under the other rule.

:func:`paired_document` gives the whole document: the two games side by side
(the comparison), what the replay could not repeat and why (the engine's
refusals), the principle as each game showed it, then the save's own report.
"""

from __future__ import annotations

from typing import Any

from .audience import for_audience
from .build import assemble_report, load
from .compare import compare
from .comparepage import comparison_html
from .htmlpage import report_article
from .htmlparts import e, page, principle_section, table
from .markdown import _Doc, _table, comparison_lines, esc, report_lines
from .paired import paired_save

#: the refusals listed in full; more are counted
DIFFERED_SHOWN = 40


def paired_data(path: Any, audience: str) -> dict[str, Any]:
    """The save's report, the replayed game's (outcome only), their comparison and what differed."""
    save = load(path)
    save.check_records()  # an event that does not replay ends the save there, for both games
    original = for_audience(assemble_report(save), audience)
    other, info = paired_save(save)
    replayed = for_audience(assemble_report(other, full=False), audience)
    replayed["scenario"]["file"] = f"{original['scenario']['file']} (replayed under {info['independence']})"
    replayed["warnings"] = [w for w in replayed["warnings"] if not w.startswith("The game had not ended")]
    replayed["scenario"]["ruleset_name"] = f"{original['scenario']['ruleset_name']} (replayed under {info['independence']})"
    _as_the_room_saw_it(info["differed"], original)
    comparison = compare([original, replayed], with_reports=True)
    return {"paired": info, "comparison": comparison, "reports": [original, replayed]}


def _as_the_room_saw_it(differed: list[dict[str, Any]], original: dict[str, Any]) -> None:
    """Each refused choice worded as the report's audience may read it: a sealed move never revealed
    stays sealed in the participants' copy (its refusal would name what it was)."""
    log = {entry["seq"]: entry for entry in original.get("log", [])}
    for d in differed:
        entry = log.get(d["seq"])
        if entry is None:
            continue
        d["summary"] = entry["summary"]
        if entry.get("sealed") and not entry.get("revealed_at") and original["audience"]["for"] != "facilitator":
            d["refusal"] = "refused by the rule (a sealed move, not revealed in this save)"
            d["code"] = None


def _intro(info: dict[str, Any], original: dict[str, Any]) -> str:
    sc = original["scenario"]
    return (
        f"The same game (seed {sc['seed']}, the same cards in the same order, the same dice) replayed under "
        f"{info['independence']} independence with the teams' recorded choices: {info['replayed']} played again, "
        f"{len(info['differed'])} refused by the rule."
        + (" A team whose move was refused passed when the game waited on it." if info["differed"] else "")
        + f" Event numbers under {info['independence']} count the replayed game's own events."
    )


def paired_markdown(data: dict[str, Any]) -> str:
    info, (original, replayed) = data["paired"], data["reports"]
    parts = [comparison_lines(data["comparison"], 2)]
    doc = _Doc(1)
    doc.h(2, f"The same game under {esc(info['independence'])} independence")
    doc.p(esc(_intro(info, original)))
    if info["stopped"]:
        doc.p(esc(info["stopped"]))
    doc.h(3, "Choices that had to differ")
    if info["differed"]:
        rows = [
            [f"#{d['seq']}", str(d["round"]), esc(d["summary"]), esc(d["refusal"])]
            for d in info["differed"][:DIFFERED_SHOWN]
        ]
        doc.add(_table(["Event", "Round", "Recorded choice", "Why the rule refused it"], rows))
        if len(info["differed"]) > DIFFERED_SHOWN:
            doc.p(f"And {len(info['differed']) - DIFFERED_SHOWN} more (see the JSON report).")
    else:
        doc.p("None: every recorded choice was legal under the other rule too.")
    doc.h(3, "The principle in each game")
    for label, report in (("As played", original), (f"Under {info['independence']}", replayed)):
        p = report["principle"]
        doc.add([f"- **{esc(label)}:** {esc(p['headline'])}"])
        doc.add(f"  - {esc(row['text'])}" for row in p["stood"])
        doc.add(f"  - {esc(step['text'])}" for step in p["cascade"])
    parts.append(doc.text())
    parts.append(report_lines(original, level=2, title=f"The game as played: {esc(original['scenario']['ruleset_name'])}"))
    return "\n".join(parts)


def paired_html(data: dict[str, Any]) -> str:
    info, (original, replayed) = data["paired"], data["reports"]
    body = [comparison_html(data["comparison"], 2)]
    body.append(f'<section class="paired" id="paired"><h2>The same game under {e(info["independence"])} independence</h2>')
    body.append(f"<p>{e(_intro(info, original))}</p>")
    if info["stopped"]:
        body.append(f"<p>{e(info['stopped'])}</p>")
    body.append("<h3>Choices that had to differ</h3>")
    if info["differed"]:
        rows = [
            [f"#{d['seq']}", str(d["round"]), e(d["summary"]), e(d["refusal"])]
            for d in info["differed"][:DIFFERED_SHOWN]
        ]
        body.append(table(["Event", "Round", "Recorded choice", "Why the rule refused it"], rows))
        if len(info["differed"]) > DIFFERED_SHOWN:
            body.append(f"<p>And {len(info['differed']) - DIFFERED_SHOWN} more (see the JSON report).</p>")
    else:
        body.append("<p>None: every recorded choice was legal under the other rule too.</p>")
    body.append("</section>")
    body.append(principle_section(original["principle"], "principle-played").replace(
        "The principle in this game", "The principle as played", 1))
    body.append(principle_section(replayed["principle"], "principle-replayed").replace(
        "The principle in this game", f"The principle under {e(info['independence'])}", 1))
    body.append(report_article(original, "r1-", f"The game as played: {e(original['scenario']['ruleset_name'])}"))
    return page(f"Paired debrief: {original['scenario']['ruleset_name']}", "\n".join(body))
