"""The report as Markdown: tables instead of charts, every outside text escaped.

Scenario, card and note text is escaped so that it reads literally and can
neither open a table cell, start emphasis or a link, nor smuggle raw HTML
into the document: control characters are shown as symbols (``␛``), line
breaks are folded, and Markdown's punctuation gets a backslash. Content text
is never put in a code span (escapes do not work there).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..engine.wording import UNDONE, met_word, moved, status_word
from .words import (
    PLAYERS_UNRECORDED,
    STATUSES,
    agreements_per_game,
    answer_words,
    audience_words,
    lost_agreement,
    move_detail,
    one_line,
    players_unrecorded,
    secrets_left_out,
    set_aside_text,
    share_rows,
    tabled_earlier,
    working_parts,
)

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start emphasis, code, links, HTML, tables, strike-through, entities or math.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&$#!])")


def esc(value: Any) -> str:
    """Outside text for a Markdown line or table cell: literal, one line, escaped."""
    return _SPECIAL.sub(r"\\\1", one_line(value))


def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] | None = None
) -> list[str]:
    """A pipe table; cells must already be escaped."""
    align = align or ["---"] * len(head)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    for row in rows:
        out.append("| " + " | ".join(c if c else "\u2013" for c in row) + " |")
    return out


def _time(iso: Any) -> str:
    """``13:35:10`` from an ISO time (UTC, as saves write it)."""
    match = re.search(r"T(\d\d:\d\d:\d\d)", str(iso or ""))
    return match.group(1) if match else ""


class _Doc:
    def __init__(self, level: int = 1):
        self.lines: list[str] = []
        self.level = level

    def h(self, depth: int, text: str) -> None:
        self.blank()
        self.lines.append("#" * min(6, self.level + depth - 1) + " " + text)
        self.lines.append("")

    def p(self, text: str) -> None:
        self.blank()
        self.lines.append(text)
        self.lines.append("")

    def add(self, lines: Iterable[str]) -> None:
        self.lines.extend(lines)

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


# --------------------------------------------------------------------------
# One save


def _names(report: dict[str, Any]) -> dict[str, str]:
    sc = report["scenario"]
    return {
        **{m["id"]: m["name"] for m in sc["meters"]},
        **{t["id"]: t["name"] for t in sc["tracks"]},
        **{a["id"]: a["name"] for a in sc["actors"]},
    }


def _who(entry: dict[str, Any]) -> str:
    kind = entry["kind"]
    if entry.get("facilitator") or kind == "rule":
        return "facilitator"
    if entry.get("actor_name"):
        return esc(entry["actor_name"])
    if kind == "roll":
        return "dice"
    return "game"


def _track_cell(outcome_track: dict[str, Any]) -> str:
    t = outcome_track
    return status_word(t["status"], t["provisional"]) + lost_agreement(t)


def _warnings(doc: _Doc, report: dict[str, Any]) -> None:
    if report["damage"] is not None:
        d = report["damage"]
        doc.p(
            f"> **\u26a0 Warning: damaged save.** {esc(d['kind'])} at event {d['seq']} (line {d['line']}): "
            f"{esc(d['detail'])}. This report covers only the {d['intact_events']} intact events before it."
        )
    for w in report["warnings"][1 if report["damage"] else 0 :]:
        doc.p(f"> **Note:** {esc(w)}")


def report_lines(report: dict[str, Any], level: int = 1, title: str | None = None) -> str:
    """One save's report as Markdown; ``level`` is the depth of its top heading."""
    doc = _Doc(level)
    sc, out = report["scenario"], report["outcome"]
    names = _names(report)
    doc.h(1, title or f"Debrief: {esc(sc['ruleset_name'])}")
    _warnings(doc, report)
    ended = (
        esc(out["end_reason"]) if out["over"] else f"not ended (round {out['round']}, {out['phase']} phase)"
    )
    doc.add(
        _table(
            ["", ""],
            [
                ["Save", esc(sc["file"])],
                ["Ruleset", f"{esc(sc['ruleset_name'])} ({esc(sc['ruleset_id'])})"],
                ["Deck", f"{esc(sc['deck_name'])} ({esc(sc['deck_id'])})"],
                ["Independence", _independence(sc["independence"])],
                ["Seed", str(sc["seed"])],
                ["Created", esc(sc["created"])],
                ["App version", esc(sc["app_version"])],
                ["Rounds played", f"{out['round']} of {sc['turns']}"],
                ["Ended", ended],
                ["Events", str(sc["events"]) + (" (simulated game)" if sc["simulated"] else "")],
                ["For", audience_words(report)],
            ],
        )
    )

    doc.h(2, "Who played")
    if players_unrecorded(report["players"]):
        doc.p(PLAYERS_UNRECORDED)
    else:
        doc.add(f"- {esc(p['name'])} \u2014 {esc(p['text'])}" for p in report["players"])

    doc.h(2, "Outcome per track")
    rows = []
    for t in out["tracks"]:
        rows.append(
            [
                esc(t["name"]),
                _track_cell(t),
                str(t["since"]) if t["since"] is not None else "",
                f"{t['position']}/{t['top']} \u201c{esc(t['rung'])}\u201d (agreement at {t['agreement_at']})",
                f"{t['tension']}/{t['breakdown_at']}",
            ]
        )
    doc.add(_table(["Track", "Status", "Round reached", "Position", "Tension"], rows))
    doc.p(
        f"Agreements: {out['agreements']} of {len(out['tracks'])} tracks. Meters: "
        + ", ".join(
            f"{esc(m['name'])} {m['value']} (range {m['min']}\u2013{m['max']}, start {m['start']})"
            for m in out["meters"]
        )
        + "."
        if out["meters"]
        else f"Agreements: {out['agreements']} of {len(out['tracks'])} tracks."
    )

    doc.h(2, "Objectives")
    rows = []
    for actor in report["objectives"]:
        for o in actor["objectives"]:
            rows.append(
                [
                    f"{esc(actor['name'])} ({actor['met']} of {actor['total']} met)",
                    esc(o["text"]) + (" *(secret)*" if o["secret"] else ""),
                    esc(o["track_name"]),
                    esc(o["wants"]),
                    met_word(o["met"]),
                ]
            )
    if rows:
        doc.add(_table(["Actor", "Objective", "Track", "Needs", "Met"], rows))
    else:
        doc.p("No actor has objectives in this scenario.")
    if secrets_left_out(report):
        doc.p(f"*{esc(secrets_left_out(report))}*")

    _series(doc, report, names)
    _timeline(doc, report)
    _log(doc, report)
    _notes(doc, report)
    doc.p(f"*Generated by {esc(report['generated_by'])} from {esc(sc['file'])}.*")
    head = report["chain_head"]
    doc.p(f"*{esc(head['text'])} (full: `{esc(head['hash'])}`; check it with `tabletop verify SAVE --head`).*")
    return doc.text()


def _independence(mode: str) -> str:
    if mode == "strict":
        return "strict \u2014 \u201cnot everything must be agreed for anything to be agreed\u201d"
    return "linked \u2014 a package deal: \u201cnothing is agreed until everything is agreed\u201d"


def _series(doc: _Doc, report: dict[str, Any], names: dict[str, str]) -> None:
    s = report["series"]
    doc.h(2, "Charts (values at the end of each round)")
    head = ["Track", *s["labels"]]
    for what, title in (("position", "Position by round"), ("tension", "Tension by round")):
        doc.h(3, title)
        doc.add(
            _table(
                head,
                (
                    [esc(names.get(tid, tid)), *(str(v) for v in row[what])]
                    for tid, row in s["tracks"].items()
                ),
            )
        )
    if s["meters"]:
        doc.h(3, "Meters by round")
        doc.add(
            _table(
                ["Meter", *s["labels"]],
                ([esc(names.get(m, m)), *map(str, v)] for m, v in s["meters"].items()),
            )
        )


def _timeline(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, "Timeline")
    for rnd in report["timeline"]:
        doc.h(3, f"Round {rnd['round']}" + ("" if rnd["complete"] else " (incomplete)"))
        lines: list[str] = []
        for c in rnd["cards"]:
            where = esc(c["track_name"]) if c["track"] else "global"
            undone = f" **{UNDONE}**" if c["undone"] else ""
            lines.append(f"- Card #{c['seq']} ({c['how']}, {where}): **{esc(c['title'])}**{undone}")
            if c["text"]:
                lines.append(f"  - {esc(c['text'])}")
            if c["set_aside"]:
                lines.append("  - set aside (not playable): " + ", ".join(esc(t) for t in c["set_aside"]))
            if c["control_note"]:
                lines.append(f"  - control note (facilitator only): {esc(c['control_note'])}")
            a = c["answer"]
            if a is not None:
                who, effect = answer_words(a, esc)
                lines.append(f"  - #{a['seq']} {who}: {effect}" + (f" **{UNDONE}**" if a["undone"] else ""))
            if c["skipped"]:
                reason = f": {esc(c['skipped']['reason'])}" if c["skipped"]["reason"] else ""
                lines.append(f"  - {set_aside_text(c['skipped'])}{reason}")
        for m in rnd["moves"]:
            where = f" on {esc(m['track_name'])}" if m["track"] else ""
            link = f", linked to {esc(m['link_name'])}" if m["link"] else ""
            result = m["outcome"]
            if m["ruled_at"]:
                result += f" (ruling #{m['ruled_at']})"
            if m["undone"]:
                result = f"**undone** by #{m['undone_by']}"
            lines.append(
                f"- Move #{m['seq']}: {esc(m['actor_name'])} \u2014 {esc(m['move_name'])}{where}{link}{move_detail(m)}"
                f" \u2192 {result}"
            )
            if m["changes_text"]:
                lines.append("  - " + "; ".join(esc(x) for x in m["changes_text"]))
        for r in rnd["rulings"]:
            earlier = tabled_earlier(r, rnd["round"])
            undone = f" **(undone by #{r['undone_by']})**" if r["undone"] else ""
            lines.append(
                f"- Ruling #{r['seq']} on move #{r['proposal']}{earlier}: {esc(r['actor_name'])} \u2014 "
                f"{esc(r['move_name'])}: {esc(r['working'])}{undone}"
            )
            if r["changes_text"]:
                lines.append("  - " + "; ".join(esc(x) for x in r["changes_text"]))
        for f in rnd["facilitator"]:
            undone = f" **(undone by #{f['undone_by']})**" if f["undone"] else ""
            lines.append(f"- **Facilitator** #{f['seq']} ({f['kind']}): {esc(f['summary'])}{undone}")
            if f["changes_text"]:
                lines.append("  - " + "; ".join(esc(x) for x in f["changes_text"]))
        for n in rnd["notes"]:
            lines.append(
                f"- **Note** #{n['seq']} on #{n['about']} (\u201c{esc(n['about_summary'])}\u201d): {esc(n['text'])}"
            )
        for h in rnd["status_changes"]:
            lines.append(
                f"- Status: {esc(h['track_name'])} "
                f"{moved(status_word(h['from'], h['from_provisional']), status_word(h['to'], h['to_provisional']))}"
                f" (#{h['seq']})"
                + (f" **{UNDONE}**" if h["undone"] else "")
            )
        if rnd["passes"]:
            lines.append(
                "- Passed: " + ", ".join(f"{esc(p['actor_name'])} (#{p['seq']})" for p in rnd["passes"])
            )
        doc.add(lines or ["- nothing happened"])


def _log(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, "Decision log")
    doc.p(
        "Every event in the save, in order. **FACILITATOR** marks the facilitator's powers; "
        "~~struck~~ events were undone (the undo is an event of its own)."
    )
    rows = []
    for e in report["log"]:
        what = esc(e["summary"])
        if e["facilitator"]:
            what = "**FACILITATOR** " + what
        if e["undone"]:
            what = f"~~{what}~~ (undone by #{e['undone_by']})"
        if e.get("game_over") and e["game_over"] not in e["summary"]:
            what += f" \u2014 game over: {esc(e['game_over'])}"
        working = working_parts(e, esc)
        if e["notes"]:
            working.append("notes: " + ", ".join(f"#{s}" for s in e["notes"]))
        rows.append(
            [
                str(e["seq"]),
                _time(e["time"]),
                str(e["round"]),
                e["phase"],
                _who(e),
                esc(e["track_name"]) if e["track_name"] else "",
                what,
                "; ".join(working),
            ]
        )
    doc.add(_table(["#", "Time (UTC)", "Round", "Phase", "Who", "Track", "What", "Working"], rows))


def _notes(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, "Facilitator notes")
    if not report["notes"]:
        doc.p("The facilitator made no notes.")
        return
    rows = []
    for n in report["notes"]:
        about = f"#{n['about']}" + (f" (round {n['about_round']})" if n["about_round"] else "")
        summary = esc(n["about_summary"])
        if n["about_undone"]:
            summary += f" {UNDONE}"
        rows.append([f"#{n['seq']}", str(n["round"]), about, summary, esc(n["text"])])
    doc.add(_table(["Note", "Round", "About event", "That event", "Note"], rows))


# --------------------------------------------------------------------------
# Several saves


def _save_label(s: dict[str, Any]) -> str:
    return f"#{s['index']} {esc(s['ruleset_id'])} ({s['independence']})"


def _cell(t: dict[str, Any] | None, short: bool = False) -> str:
    if t is None:
        return "\u2013"
    word = status_word(t["status"], t["provisional"])
    if t["since"] is not None:
        word += f" R{t['since']}"
    word += lost_agreement(t, short=True)
    return word if short else f"{word}, {t['position']}/{t['top']}"


def _shares(doc: _Doc, comparison: dict[str, Any]) -> None:
    doc.h(2, "Share of games per track, by ruleset")
    doc.add(_table(["Track", "Ruleset", *STATUSES, "Mean round agreed"], share_rows(comparison, esc, STATUSES)))
    doc.p(f"Agreements per game: {agreements_per_game(comparison, esc)}. A provisional agreement counts as open.")


def _save_cells(s: dict[str, Any]) -> list[str]:
    return [
        str(s["index"]),
        esc(s["file"]) + (" **(damaged)**" if s["damaged"] else ""),
        esc(s["ruleset_name"]),
        s["independence"],
        str(s["seed"]),
        str(s["rounds"]),
        esc(s["end_reason"]) if s["over"] else "not ended",
        str(s["agreements"]),
    ]


_SAVE_HEAD = ["#", "Save", "Ruleset", "Independence", "Seed", "Rounds", "Ended", "Agreements"]


def comparison_lines(comparison: dict[str, Any], side_by_side_max: int, level: int = 1) -> str:
    """Several saves: with few, each in its own column; with many, the shares first, then one row per save."""
    doc = _Doc(level)
    saves = comparison["saves"]
    tracks = comparison["tracks"]
    doc.h(1, f"Comparison of {len(saves)} saves")
    if comparison["damaged"]:
        which = ", ".join(f"#{i}" for i in comparison["damaged"])
        doc.p(
            f"> **\u26a0 Warning:** damaged save(s) {which}: each outcome is as the intact part of its save left it."
        )
    if len(saves) <= side_by_side_max:
        doc.add(_table(_SAVE_HEAD, (_save_cells(s) for s in saves)))
        doc.h(2, "Outcome per track, side by side")
        rows = [[esc(t["name"]), *(_cell(s["tracks"].get(t["id"])) for s in saves)] for t in tracks]
        rows.append(["**Agreements**", *(f"**{s['agreements']}**" for s in saves)])
        doc.add(_table(["Track", *(_save_label(s) for s in saves)], rows))
        _shares(doc, comparison)
    else:
        _shares(doc, comparison)
        doc.h(2, "Every save, its outcome per track")
        rows = [
            [*_save_cells(s), *(_cell(s["tracks"].get(t["id"]), short=True) for t in tracks)] for s in saves
        ]
        doc.add(_table([*_SAVE_HEAD, *(esc(t["name"]) for t in tracks)], rows))
    if not comparison["reports_included"]:
        doc.p(f"{len(saves)} saves: too many to print each report here; report them one by one.")
    return doc.text()
