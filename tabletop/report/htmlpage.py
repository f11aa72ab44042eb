"""The report as one self-contained, printable HTML file.

Inline CSS (with ``@media print``), charts as inline SVG from
:mod:`tabletop.report.charts`, no JavaScript, no external URL of any kind.
All outside text goes through :func:`e` (``html.escape`` after control
characters are made visible). Status is always a symbol and a word; colour
only repeats it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..engine.wording import met_word, moved, status_word
from .charts import Series, line_chart
from .words import (
    PLAYERS_UNRECORDED,
    STATUSES,
    agreements_per_game,
    answer_words,
    audience_words,
    literal,
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

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #b9b9b9; --head: #eeeeee; }
* { box-sizing: border-box; }
@page { margin: 14mm 12mm; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); background: #fff; max-width: 1120px; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: .15rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
article + article { border-top: 4px double var(--ink); margin-top: 3rem; padding-top: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .22rem .45rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts { width: auto; }
table.facts th { font-weight: 600; }
.meta, .small { color: var(--muted); font-size: .88rem; }
.status { font-weight: 700; white-space: nowrap; }
.status-agreed { color: #1a6b21; }
.status-collapsed { color: #a01515; }
.status-deferred { color: #7a5800; }
.status-open { color: #333; }
.tag { display: inline-block; font-size: .72rem; font-weight: 700; letter-spacing: .04em; padding: 0 .3rem;
       border: 1px solid currentColor; border-radius: 3px; margin-right: .3rem; text-decoration: none; }
.tag-facilitator { color: #4b2a8a; }
.tag-undone { color: #8a2a2a; }
.tag-secret { color: #555; }
tr.undone td.what .text, li.undone .text { text-decoration: line-through; color: var(--muted); }
tr.facilitator td { background: #f6f2ff; }
.warning { border: 2px solid #a35f00; background: #fff4d6; padding: .6rem .9rem; margin: 1rem 0; }
.warning strong { color: #6b3e00; }
.text { white-space: pre-line; }
ul.events { margin: .2rem 0 .6rem; padding-left: 1.3rem; }
ul.events li { margin: .12rem 0; }
ul.events ul { padding-left: 1.1rem; }
.working { color: #333; font-size: .86rem; }
figure { margin: 1rem 0 1.4rem; }
figcaption { color: var(--muted); font-size: .85rem; }
svg.chart { max-width: 100%; height: auto; font-family: system-ui, Arial, sans-serif; }
nav.toc { font-size: .9rem; }
nav.toc a { margin-right: .8rem; }
footer { margin: 2rem 0 1rem; color: var(--muted); font-size: .85rem; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
  section.log, article + article { break-before: page; page-break-before: always; }
  article + article { border-top: none; }
  th, tr.facilitator td, .warning { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
"""


def e(value: Any) -> str:
    """Outside text for HTML: control characters made visible, one line, escaped."""
    return html.escape(one_line(value), quote=True)


def e_text(value: Any) -> str:
    """Like :func:`e` but keeps line breaks (shown by ``white-space: pre-line``)."""
    return html.escape(literal(value).strip(), quote=True)


def _status(status: str, provisional: bool = False, extra: str = "") -> str:
    cls = status if status in STATUSES else "open"
    # one string escaped at once: escaping ``extra`` alone would fold away its leading space ("✔ agreedR5")
    return f'<span class="status status-{cls}">{e(status_word(status, provisional) + extra)}</span>'


def _spaced(words: str) -> str:
    """Words that follow other words: escaped, after one space (``e`` alone would fold the space away)."""
    return " " + e(words) if words.strip() else ""


def _table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    cls: str = "",
    num: Sequence[int] = (),
    cols: dict[int, str] | None = None,
    row_classes: Sequence[str] | None = None,
) -> str:
    """A table; ``head`` and cells must already be HTML. ``num``: right-aligned columns."""
    cols = cols or {}

    def cell(tag: str, i: int, content: str) -> str:
        classes = " ".join(c for c in ("num" if i in num else "", cols.get(i, "")) if c)
        return f'<{tag} class="{classes}">{content}</{tag}>' if classes else f"<{tag}>{content}</{tag}>"

    out = [f'<table class="{cls}">' if cls else "<table>"]
    out.append("<thead><tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr></thead>")
    out.append("<tbody>")
    for r, row in enumerate(rows):
        rc = row_classes[r] if row_classes and row_classes[r] else ""
        out.append(
            (f'<tr class="{rc}">' if rc else "<tr>")
            + "".join(cell("td", i, c) for i, c in enumerate(row))
            + "</tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _time(iso: Any) -> str:
    match = re.search(r"T(\d\d:\d\d:\d\d)", str(iso or ""))
    return match.group(1) if match else ""


def page(title: str, body: str) -> str:
    """The whole document around ``body``; ``title`` is plain text."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# One save


class _Report:
    def __init__(self, report: dict[str, Any], prefix: str):
        self.r = report
        self.p = prefix
        sc = report["scenario"]
        self.names = {
            **{m["id"]: m["name"] for m in sc["meters"]},
            **{t["id"]: t["name"] for t in sc["tracks"]},
            **{a["id"]: a["name"] for a in sc["actors"]},
        }
        self.log = {x["seq"]: x for x in report["log"]}

    def id(self, name: str) -> str:
        return f"{self.p}{name}"

    def html(self, heading: str | None = None) -> str:
        r, sc = self.r, self.r["scenario"]
        parts = [f'<article class="report" id="{self.id("report")}">', "<header>"]
        parts.append(f"<h1>{heading or 'Debrief: ' + e(sc['ruleset_name'])}</h1>")
        parts.append(
            f'<p class="meta">{e(sc["file"])} \u00b7 {e(sc["independence"])} independence \u00b7 seed {e(sc["seed"])}'
            f" \u00b7 created {e(sc['created'])}</p>"
        )
        parts.append("</header>")
        parts.append(self.warnings())
        sections = [
            ("players", "Who played"),
            ("outcome", "Outcome"),
            ("objectives", "Objectives"),
            ("charts", "Charts"),
            ("timeline", "Timeline"),
            ("log", "Decision log"),
            ("notes", "Notes"),
        ]
        parts.append(
            '<nav class="toc">' + " ".join(f'<a href="#{self.id(k)}">{t}</a>' for k, t in sections) + "</nav>"
        )
        parts.append(self.facts())
        parts.append(self.players())
        parts.append(self.outcome())
        parts.append(self.objectives())
        parts.append(self.charts())
        parts.append(self.timeline())
        parts.append(self.decision_log())
        parts.append(self.notes())
        head = r["chain_head"]
        parts.append(
            f"<footer>Generated by {e(r['generated_by'])} from {e(sc['file'])}.<br>"
            f"{e(head['text'])} (full: <code>{e(head['hash'])}</code>; check it with "
            "<code>tabletop verify SAVE --head</code>).</footer>"
        )
        parts.append("</article>")
        return "\n".join(p for p in parts if p)

    def warnings(self) -> str:
        r = self.r
        out = []
        if r["damage"] is not None:
            d = r["damage"]
            out.append(
                f'<div class="warning damage" role="note"><strong>\u26a0 Warning: damaged save.</strong> '
                f"{e(d['kind'])} at event {e(d['seq'])} (line {e(d['line'])}): {e(d['detail'])}. "
                f"This report covers only the {e(d['intact_events'])} intact events before it.</div>"
            )
        for w in r["warnings"][1 if r["damage"] else 0 :]:
            out.append(f'<div class="warning" role="note"><strong>Note:</strong> {e(w)}</div>')
        return "\n".join(out)

    def facts(self) -> str:
        sc, out = self.r["scenario"], self.r["outcome"]
        mode = (
            "strict \u2014 \u201cnot everything must be agreed for anything to be agreed\u201d"
            if sc["independence"] == "strict"
            else "linked \u2014 a package deal: \u201cnothing is agreed until everything is agreed\u201d"
        )
        ended = (
            e(out["end_reason"])
            if out["over"]
            else f"not ended (round {out['round']}, {e(out['phase'])} phase)"
        )
        rows = [
            ("Save", e(sc["file"])),
            ("Ruleset", f"{e(sc['ruleset_name'])} ({e(sc['ruleset_id'])})"),
            ("Deck", f"{e(sc['deck_name'])} ({e(sc['deck_id'])})"),
            ("Independence", e(mode)),
            ("Seed", e(sc["seed"])),
            ("Created", e(sc["created"])),
            ("App version", e(sc["app_version"])),
            ("Rounds played", f"{out['round']} of {sc['turns']}"),
            ("Ended", ended),
            ("Events", f"{sc['events']}" + (" (simulated game)" if sc["simulated"] else "")),
            ("For", e(audience_words(self.r))),
        ]
        body = "\n".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
        return f'<table class="facts"><tbody>\n{body}\n</tbody></table>'

    def outcome(self) -> str:
        out = self.r["outcome"]
        rows = []
        for t in out["tracks"]:
            extra = lost_agreement(t)
            rows.append(
                [
                    e(t["name"]),
                    _status(t["status"], t["provisional"], extra),
                    e(t["since"]) if t["since"] is not None else "\u2013",
                    f"{t['position']}/{t['top']} \u201c{e(t['rung'])}\u201d",
                    f"{t['agreement_at']} \u201c{e(t['agreement_rung'])}\u201d",
                    f"{t['tension']}/{t['breakdown_at']}",
                ]
            )
        meters = ", ".join(
            f"{e(m['name'])} {m['value']} (range {m['min']}\u2013{m['max']}, start {m['start']})"
            for m in out["meters"]
        )
        return (
            f'<section class="outcome" id="{self.id("outcome")}"><h2>Outcome per track</h2>'
            + _table(
                ["Track", "Status", "Round reached", "Position", "Agreement at", "Tension"], rows, num=(2,)
            )
            + f"<p>Agreements: <strong>{out['agreements']}</strong> of {len(out['tracks'])} tracks."
            + (f" Meters: {meters}." if meters else "")
            + "</p></section>"
        )

    def players(self) -> str:
        if players_unrecorded(self.r["players"]):
            body = f"<p>{e(PLAYERS_UNRECORDED)}</p>"
        else:
            body = "<ul>" + "".join(f"<li>{e(p['name'])} \u2014 {e(p['text'])}</li>" for p in self.r["players"]) + "</ul>"
        return f'<section class="players" id="{self.id("players")}"><h2>Who played</h2>{body}</section>'

    def objectives(self) -> str:
        rows = []
        for actor in self.r["objectives"]:
            for o in actor["objectives"]:
                secret = '<span class="tag tag-secret">SECRET</span> ' if o["secret"] else ""
                rows.append(
                    [
                        f'{e(actor["name"])} <span class="small">({actor["met"]} of {actor["total"]} met)</span>',
                        secret + e(o["text"]),
                        e(o["track_name"]),
                        e(o["wants"]),
                        met_word(o["met"]),
                    ]
                )
        body = (
            _table(["Actor", "Objective", "Track", "Needs", "Met"], rows) if rows else "<p>No objectives.</p>"
        )
        if secrets_left_out(self.r):
            body += f"<p><em>{e(secrets_left_out(self.r))}</em></p>"
        return f'<section class="objectives" id="{self.id("objectives")}"><h2>Objectives</h2>{body}</section>'

    def charts(self) -> str:
        s, sc = self.r["series"], self.r["scenario"]
        tracks = sc["tracks"]
        finals = {t["id"]: t for t in self.r["outcome"]["tracks"]}

        def legend(tid: str) -> str:
            t = finals[tid]
            since = f" R{t['since']}" if t["since"] is not None else ""
            return f"{one_line(t['name'])} ({status_word(t['status'], t['provisional'])}{since})"

        labels = s["labels"]
        pos = [Series(t["id"], legend(t["id"]), s["tracks"][t["id"]]["position"]) for t in tracks]
        ten = [Series(t["id"], legend(t["id"]), s["tracks"][t["id"]]["tension"]) for t in tracks]
        agreement = {t["agreement_at"] for t in tracks}
        breakdown = {t["breakdown_at"] for t in tracks}
        charts = [
            line_chart(
                self.id("chart-position"),
                "Position by round",
                labels,
                pos,
                0,
                max(len(t["ladder"]) - 1 for t in tracks),
                "position on the ladder",
                e,
                refs=[(agreement.pop(), "agreement")] if len(agreement) == 1 else [],
                description="One line per track: its position on its ladder at the start and at the end of each round.",
            ),
            line_chart(
                self.id("chart-tension"),
                "Tension by round",
                labels,
                ten,
                0,
                max(t["breakdown_at"] for t in tracks),
                "tension",
                e,
                refs=[(breakdown.pop(), "breakdown")] if len(breakdown) == 1 else [],
                description="One line per track: its tension at the start and at the end of each round.",
            ),
        ]
        if sc["meters"]:
            mets = [Series(m["id"], one_line(m["name"]), s["meters"][m["id"]]) for m in sc["meters"]]
            charts.append(
                line_chart(
                    self.id("chart-meters"),
                    "Meters by round",
                    labels,
                    mets,
                    min(m["min"] for m in sc["meters"]),
                    max(m["max"] for m in sc["meters"]),
                    "value",
                    e,
                    description="One line per meter: its value at the start and at the end of each round.",
                )
            )
        caption = (
            "Values at the start and at the end of each round. Each line has its own colour, dash pattern and "
            "marker; lines are nudged apart by a pixel or two so that equal values stay visible."
        )
        figures = "\n".join(f"<figure>{c}<figcaption>{caption}</figcaption></figure>" for c in charts)
        head = ["Track", *(e(x) for x in labels)]
        nums = tuple(range(1, len(labels) + 1))
        tables = (
            "<h3>Position by round</h3>"
            + _table(
                head, ([e(t["name"]), *map(str, s["tracks"][t["id"]]["position"])] for t in tracks), num=nums
            )
            + "<h3>Tension by round</h3>"
            + _table(
                head, ([e(t["name"]), *map(str, s["tracks"][t["id"]]["tension"])] for t in tracks), num=nums
            )
        )
        if sc["meters"]:
            tables += "<h3>Meters by round</h3>" + _table(
                ["Meter", *(e(x) for x in labels)],
                ([e(m["name"]), *map(str, s["meters"][m["id"]])] for m in sc["meters"]),
                num=nums,
            )
        return f'<section class="charts" id="{self.id("charts")}"><h2>Charts</h2>{figures}{tables}</section>'

    def event_link(self, seq: Any) -> str:
        """``#12`` linking to that event's row in the decision log (when it is there)."""
        if isinstance(seq, int) and seq in self.log:
            return f'<a href="#{self.id(f"e{seq}")}">#{seq}</a>'
        return f"#{e(seq)}"

    def _undone(self, seq: int) -> str:
        by = self.log[seq]["undone_by"] if seq in self.log else None
        return f' <span class="tag tag-undone">UNDONE by #{by}</span>' if by else ""

    def timeline(self) -> str:
        out = [f'<section class="timeline" id="{self.id("timeline")}"><h2>Timeline</h2>']
        for rnd in self.r["timeline"]:
            out.append(f"<h3>Round {rnd['round']}{'' if rnd['complete'] else ' (incomplete)'}</h3>")
            items: list[str] = []
            for c in rnd["cards"]:
                where = e(c["track_name"]) if c["track"] else "global"
                sub = []
                if c["text"]:
                    sub.append(f'<li class="text">{e_text(c["text"])}</li>')
                if c["set_aside"]:
                    sub.append(
                        "<li>set aside (not playable): " + ", ".join(e(t) for t in c["set_aside"]) + "</li>"
                    )
                if c["control_note"]:
                    sub.append(f"<li><em>Control note (facilitator only):</em> {e(c['control_note'])}</li>")
                a = c["answer"]
                if a is not None:
                    who, effect = answer_words(a, e)
                    sub.append(
                        f'<li class="{"undone" if a["undone"] else ""}">#{a["seq"]} <span class="text">{who}: {effect}</span>'
                        f"{self._undone(a['seq'])}</li>"
                    )
                if c["skipped"]:
                    reason = f": {e(c['skipped']['reason'])}" if c["skipped"]["reason"] else ""
                    sub.append(f"<li>{e(set_aside_text(c['skipped']))}{reason}</li>")
                items.append(
                    f'<li class="card{" undone" if c["undone"] else ""}">Card #{c["seq"]} ({e(c["how"])}, {where}): '
                    f'<strong class="text">{e(c["title"])}</strong>{self._undone(c["seq"])}'
                    + (f"<ul>{''.join(sub)}</ul>" if sub else "")
                    + "</li>"
                )
            for m in rnd["moves"]:
                where = f" on {e(m['track_name'])}" if m["track"] else ""
                link = f", linked to {e(m['link_name'])}" if m["link"] else ""
                result = e(m["outcome"]) + (f" (ruling #{m['ruled_at']})" if m["ruled_at"] else "")
                if m["undone"]:
                    result = "undone"
                items.append(
                    f'<li class="move{" undone" if m["undone"] else ""}">Move #{m["seq"]}: <span class="text">'
                    f"{e(m['actor_name'])} \u2014 {e(m['move_name'])}{where}{link}{_spaced(move_detail(m))} \u2192 {result}</span>"
                    f"{self._undone(m['seq'])}"
                    + (
                        f"<ul><li>{'; '.join(e(x) for x in m['changes_text'])}</li></ul>"
                        if m["changes_text"]
                        else ""
                    )
                    + "</li>"
                )
            for r in rnd["rulings"]:
                earlier = tabled_earlier(r, rnd["round"])
                changes = "; ".join(e(x) for x in r["changes_text"])
                items.append(
                    f'<li class="ruling{" undone" if r["undone"] else ""}">Ruling #{r["seq"]} on move #{r["proposal"]}{earlier}: '
                    f'<span class="text">{e(r["actor_name"])} \u2014 {e(r["move_name"])}: '
                    f'<span class="working">{e(r["working"])}</span></span>{self._undone(r["seq"])}'
                    + (f"<ul><li>{changes}</li></ul>" if changes else "")
                    + "</li>"
                )
            for f in rnd["facilitator"]:
                changes = "; ".join(e(x) for x in f["changes_text"])
                items.append(
                    f'<li class="facilitator{" undone" if f["undone"] else ""}"><span class="tag tag-facilitator">FACILITATOR</span> '
                    f'#{f["seq"]} ({e(f["kind"])}): <span class="text">{e(f["summary"])}</span>{self._undone(f["seq"])}'
                    + (f"<ul><li>{changes}</li></ul>" if changes else "")
                    + "</li>"
                )
            for n in rnd["notes"]:
                items.append(
                    f'<li class="note"><span class="tag tag-facilitator">NOTE</span> #{n["seq"]} on '
                    f"{self.event_link(n['about'])} "
                    f"(\u201c{e(n['about_summary'])}\u201d): <strong>{e(n['text'])}</strong></li>"
                )
            for h in rnd["status_changes"]:
                items.append(
                    f'<li class="status-change{" undone" if h["undone"] else ""}">Status: <span class="text">'
                    f"{e(h['track_name'])} "
                    f"{moved(_status(h['from'], h['from_provisional']), _status(h['to'], h['to_provisional']))}"
                    f"</span> (#{h['seq']}){self._undone(h['seq'])}</li>"
                )
            if rnd["passes"]:
                items.append(
                    "<li>Passed: "
                    + ", ".join(f"{e(p['actor_name'])} (#{p['seq']})" for p in rnd["passes"])
                    + "</li>"
                )
            out.append('<ul class="events">' + "\n".join(items or ["<li>nothing happened</li>"]) + "</ul>")
        out.append("</section>")
        return "\n".join(out)

    def decision_log(self) -> str:
        rows, classes = [], []
        for x in self.r["log"]:
            tags = ""
            if x["facilitator"]:
                tags += '<span class="tag tag-facilitator">FACILITATOR</span> '
            what = f'{tags}<span class="text">{e(x["summary"])}</span>'
            if x["undone"]:
                what += f' <span class="tag tag-undone">UNDONE by #{x["undone_by"]}</span>'
            if x.get("game_over") and x["game_over"] not in x["summary"]:
                what += f" \u2014 game over: {e(x['game_over'])}"
            working = working_parts(x, e)
            if x["notes"]:
                working.append("notes: " + ", ".join(self.event_link(s) for s in x["notes"]))
            who = "facilitator" if x["facilitator"] or x["kind"] == "rule" else e(x["actor_name"] or "")
            if not who:
                who = "dice" if x["kind"] == "roll" else "game"
            rows.append(
                [
                    f'<span id="{self.id("e" + str(x["seq"]))}">{x["seq"]}</span>',
                    _time(x["time"]),
                    str(x["round"]),
                    e(x["phase"]),
                    who,
                    e(x["track_name"]) if x["track_name"] else "",
                    what,
                    '<span class="working">' + "<br>".join(working) + "</span>",
                ]
            )
            classes.append(
                " ".join(
                    c
                    for c in ("undone" if x["undone"] else "", "facilitator" if x["facilitator"] else "")
                    if c
                )
            )
        body = _table(
            ["#", "Time (UTC)", "Round", "Phase", "Who", "Track", "What", "Working"],
            rows,
            num=(0, 2),
            cols={6: "what"},
            row_classes=classes,
        )
        intro = (
            '<p>Every event in the save, in order. <span class="tag tag-facilitator">FACILITATOR</span> marks the '
            'facilitator\'s powers; <span class="tag tag-undone">UNDONE</span> marks events that were undone '
            "(struck through; the undo is an event of its own).</p>"
        )
        return f'<section class="log" id="{self.id("log")}"><h2>Decision log</h2>{intro}{body}</section>'

    def notes(self) -> str:
        notes = self.r["notes"]
        if not notes:
            body = "<p>The facilitator made no notes.</p>"
        else:
            rows = []
            for n in notes:
                about = self.event_link(n["about"])
                if n["about_round"]:
                    about += f" (round {n['about_round']})"
                summary = e(n["about_summary"]) + (
                    ' <span class="tag tag-undone">UNDONE</span>' if n["about_undone"] else ""
                )
                rows.append(
                    [
                        f"#{n['seq']}",
                        str(n["round"]),
                        about,
                        summary,
                        f'<span class="text">{e_text(n["text"])}</span>',
                    ]
                )
            body = _table(["Note", "Round", "About event", "That event", "Note"], rows)
        return f'<section class="notes" id="{self.id("notes")}"><h2>Facilitator notes</h2>{body}</section>'


def report_html(report: dict[str, Any]) -> str:
    """A whole HTML document for one save."""
    return page(f"Debrief: {one_line(report['scenario']['ruleset_name'])}", _Report(report, "r1-").html())


# --------------------------------------------------------------------------
# Several saves


def _cell(t: dict[str, Any] | None, short: bool = False) -> str:
    if t is None:
        return "\u2013"
    since = f" R{t['since']}" if t["since"] is not None else ""
    extra = since + lost_agreement(t, short=True)
    if short:
        return _status(t["status"], t["provisional"], extra)
    return f"{_status(t['status'], t['provisional'], extra)}<br>{t['position']}/{t['top']} \u201c{e(t['rung'])}\u201d"


def _shares(comparison: dict[str, Any]) -> str:
    rows = share_rows(comparison, e, STATUSES)
    return (
        "<h2>Share of games per track, by ruleset</h2>"
        + _table(
            ["Track", "Ruleset", *STATUSES, "Mean round agreed"], rows, num=(2, 3, 4, 5, 6), cls="shares"
        )
        + f"<p>Agreements per game: {agreements_per_game(comparison, e)}. A provisional agreement counts as open.</p>"
    )


def _save_cells(s: dict[str, Any], linked: bool) -> list[str]:
    name = e(s["file"]) + (' <span class="tag tag-undone">DAMAGED</span>' if s["damaged"] else "")
    if linked:
        name = f'<a href="#r{s["index"]}-report">{name}</a>'
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
    out = ['<article class="comparison" id="comparison">', f"<h1>Comparison of {len(saves)} saves</h1>"]
    if comparison["damaged"]:
        which = ", ".join(f"#{i}" for i in comparison["damaged"])
        out.append(
            f'<div class="warning damage" role="note"><strong>\u26a0 Warning:</strong> damaged save(s) {which}: '
            "each outcome is as the intact part of its save left it.</div>"
        )
    if len(saves) <= side_by_side_max:
        out.append(_table(_SAVE_HEAD, (_save_cells(s, linked) for s in saves), num=(0, 5, 7)))
        out.append("<h2>Outcome per track, side by side</h2>")
        head = ["Track", *(f"#{s['index']} {e(s['ruleset_id'])}<br>({e(s['independence'])})" for s in saves)]
        rows = [[e(t["name"]), *(_cell(s["tracks"].get(t["id"])) for s in saves)] for t in tracks]
        rows.append(["<strong>Agreements</strong>", *(f"<strong>{s['agreements']}</strong>" for s in saves)])
        out.append(_table(head, rows, cls="side-by-side"))
        out.append(_shares(comparison))
    else:
        out.append(_shares(comparison))
        out.append("<h2>Every save, its outcome per track</h2>")
        rows = [
            [*_save_cells(s, linked), *(_cell(s["tracks"].get(t["id"]), short=True) for t in tracks)]
            for s in saves
        ]
        out.append(_table([*_SAVE_HEAD, *(e(t["name"]) for t in tracks)], rows, num=(0, 5, 7), cls="saves"))
    if not linked:
        out.append(f"<p>{len(saves)} saves: too many to print each report here; report them one by one.</p>")
    out.append("</article>")
    return "\n".join(out)


def several_html(comparison: dict[str, Any], reports: Sequence[dict[str, Any]], side_by_side_max: int) -> str:
    parts = [comparison_html(comparison, side_by_side_max)]
    for i, report in enumerate(reports, 1):
        heading = f"Save #{i}: {e(report['scenario']['ruleset_name'])}"
        parts.append(_Report(report, f"r{i}-").html(heading))
    return page(f"Comparison of {len(comparison['saves'])} saves", "\n".join(parts))
