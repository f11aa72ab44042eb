"""The report as Markdown: tables instead of charts, every outside text escaped.

Scenario, card and note text is escaped so that it reads literally and can neither open a table cell, start
emphasis or a link, nor smuggle raw HTML into the document: control characters are shown as symbols (``␛``),
line breaks are folded, and Markdown's punctuation gets a backslash. Content text is never put in a code span
(escapes do not work there).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..engine.wording import undone_word, met_word, status_word
from .compare import by_scenario
from .words import (
    left_out,
    chain_head_words,
    has_seeds,
    end_words,
    verify_command,
    save_name,
    cascade_intro,
    PLAYERS_UNRECORDED,
    STATUSES,
    clock_time,
    agreements_of,
    agreements_per_game,
    same_game_words,
    scenarios_words,
    ruleset_label,
    versions_words,
    not_read_words,
    actors_described,
    described,
    moves_described,
    opening,
    audience_words,
    events_count,
    independence_words,
    meter_words,
    mode_word,
    save_mode,
    not_ended,
    unended_cell,
    phase_word,
    round_heading,
    status_head,
    lost_agreement,
    players_unrecorded,
    prompts_by_track,
    argued_at,
    lang_after,
    mark_quotes,
    secrets_left_out,
    typed_words,
    share_rows,
    working_parts,
)
from ..engine.telling import end_reason
from .mdrounds import esc, fold, round_lines
from ..lang import Domain
from ..store.errors import damage_words

_, ngettext, N_ = Domain("report").words()

def _table(
    head: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] | None = None
) -> list[str]:
    """A pipe table; cells must already be escaped."""
    align = align or ["---"] * len(head)
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    for row in rows:
        out.append("| " + " | ".join(c if c else "\u2013" for c in row) + " |")
    return out


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
        return "\n".join(fold(self.lines)) + "\n"  # prose wrapped at WRAP cells, tables whole


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
        return _("facilitator")
    if entry.get("actor_name"):
        return esc(entry["actor_name"])
    if kind == "roll":
        return _("dice")
    return _("game")


def _track_cell(outcome_track: dict[str, Any]) -> str:
    t = outcome_track
    return status_word(t["status"], t["provisional"]) + lost_agreement(t)


def _warnings(doc: _Doc, report: dict[str, Any]) -> None:
    if report["damage"] is not None:
        d = report["damage"]
        doc.p(
            "> " + _("**\u26a0 Warning: damaged save.** {kind} at event {seq} (line {line}): {detail}. "
                     "This report covers only the intact events before it ({n}).").format(
                kind=esc(opening(damage_words(d["kind"]))), seq=d["seq"], line=d["line"], detail=esc(d["detail"]), n=d["intact_events"])
            + (" " + esc(left_out(d)) if left_out(d) else "")  # one_line() strips the space it starts with
        )
    for w in report["warnings"][1 if report["damage"] else 0 :]:
        doc.p("> " + _("**Note:** {text}").format(text=esc(w)))


def report_lines(report: dict[str, Any], level: int = 1, title: str | None = None) -> str:
    """One save's report as Markdown; ``level`` is the depth of its top heading."""
    doc = _Doc(level)
    sc = report["scenario"]
    names = _names(report)
    doc.h(1, title or _("Debrief: {name}").format(name=esc(sc["ruleset_name"])))
    if sc.get("description"):  # the scenario's own words: where it comes from, for every copy (its source's credit)
        doc.p(esc(" ".join(sc["description"].split())))
    _warnings(doc, report)
    _facts(doc, report)
    _players(doc, report)
    _outcome(doc, report)
    _principle(doc, report)
    _prompts(doc, report)
    _arguments(doc, report)
    _objectives(doc, report)
    _series(doc, report, names)
    _timeline(doc, report)
    _log(doc, report)
    _notes(doc, report)
    doc.p("*" + _("Generated by {program} from {file}.").format(program=esc(report["generated_by"]), file=esc(save_name(sc)))
          + "*")
    head = report["chain_head"]
    doc.p("*" + chain_head_words(esc(head["text"]), f"`{esc(head['hash'])}`",
                                 f"`{verify_command(sc['file'], head['hash'])}`", report) + "*")
    return doc.text()


def _facts(doc: _Doc, report: dict[str, Any]) -> None:
    sc, out = report["scenario"], report["outcome"]
    # found from outside: the summary's "Ended" showed a Ukrainian reason unmarked in an English report
    ended = (esc(end_words(out["end_reason"], out.get("end_lang"))) if out["over"]
             else not_ended(out["round"], out["phase"], report.get("damage")))
    doc.add(
        _table(
            ["", ""],
            [
                [_("Save"), esc(save_name(sc))],
                [_("Ruleset"), f"{esc(sc['ruleset_name'])} ({esc(sc['ruleset_id'])})"],
                [_("Deck"), f"{esc(sc['deck_name'])} ({esc(sc['deck_id'])})"],
                [_("Independence"), independence_words(sc["independence"])],
                *([[_("Seed"), str(sc["seed"])]] if "seed" in sc else []),  # not in the participants' copy
                [_("Created"), esc(sc["created"])],
                [_("App version"), esc(sc["app_version"])],
                [_("Rounds played"), _("{round} of {turns}").format(round=out["rounds_played"], turns=sc["turns"])],
                [_("Ended"), ended],
                [_("Events"), events_count(sc["events"], sc["simulated"])],
                [_("For"), audience_words(report)],
            ],
        )
    )


def _players(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, _("Who played"))
    if players_unrecorded(report["players"]):
        doc.p(_(PLAYERS_UNRECORDED))
    else:
        doc.add(f"- {esc(p['name'])} \u2014 {esc(p['text'])}" for p in report["players"])


def _outcome(doc: _Doc, report: dict[str, Any]) -> None:
    out = report["outcome"]
    doc.h(2, _("Outcome per track"))
    rows = []
    for t in out["tracks"]:
        rows.append(
            [
                esc(t["name"]),
                _track_cell(t),
                str(t["since"]) if t["since"] is not None else "",
                _("{position}/{top} \u201c{rung}\u201d (agreement at {agreement})").format(
                    position=t["position"], top=t["top"], rung=esc(t["rung"]), agreement=t["agreement_at"]),
                f"{t['tension']}/{t['breakdown_at']}",
            ]
        )
    doc.add(_table([_("Track"), _("Status"), _("Round reached"), _("Position"), _("Tension")], rows))
    agreements = agreements_of(out["agreements"], len(out["tracks"]))
    if out["meters"]:
        meters = ", ".join(meter_words(esc(m["name"]), m) for m in out["meters"])
        doc.p(_("{agreements} Meters: {meters}.").format(agreements=agreements, meters=meters))
    else:
        doc.p(agreements)
    for heading, parts in ((_("What the tracks and meters stand for"), described(report["scenario"])),
                           (_("Who the teams play"), actors_described(report["scenario"])),
                           (_("What the moves mean"), moves_described(report["scenario"]))):
        if parts:
            doc.h(3, heading)
            doc.add(f"- **{esc(name)}**: {esc(words)}" for name, words in parts)


def _principle(doc: _Doc, report: dict[str, Any]) -> None:
    p = report["principle"]
    doc.h(2, _("The principle in this game"))
    doc.p(esc(p["headline"]))
    doc.add(f"- {esc(row['text'])}" for row in p["stood"])
    doc.add(f"- {esc(row['text'])}" for row in p.get("lapsed", ()))
    if p["cascade"]:
        doc.p(cascade_intro(p["cascade"]))
        doc.add(f"{i}. {esc(step['text'])}" for i, step in enumerate(p["cascade"], 1))
    if p.get("besides"):
        doc.blank()
        doc.add(f"- {esc(row['text'])}" for row in p["besides"])
    if p.get("held"):
        doc.p(esc(p["held"]["text"]))


def _prompts(doc: _Doc, report: dict[str, Any]) -> None:
    if not report.get("prompts"):
        return
    doc.h(2, _("Questions for the discussion"))
    for track, rows in prompts_by_track(report["prompts"]):
        doc.p(f"**{esc(track)}**")
        doc.add(f"- {esc(p['text'])}" for p in rows)


def _arguments(doc: _Doc, report: dict[str, Any]) -> None:
    """Every argument under its track: the debrief reads them (report/arguments.py)."""
    if not report.get("arguments"):
        return
    doc.h(2, _("Arguments"))
    for track in report["arguments"]:
        doc.h(3, esc(track["track_name"]))
        for a in track["arguments"]:
            doc.p(f"**{esc(a['headline'])}**")
            doc.add(f"- {mark_quotes(esc(line), a, esc, lang_after)}" for line in a["lines"])
            # a roll undone and made again, at other odds perhaps: the dice were seen before the odds that stand
            doc.add(f"- {esc(u['line'])}" for u in a.get("undone_rolls", ()))
            # what the facilitator did to the result next, as the room saw it (its reason marked as the timeline's)
            doc.add(f"- {esc(o['line'])}" for o in a.get("overrides", ()))


def _objectives(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, _("Objectives"))
    rows = []
    for actor in report["objectives"]:
        for o in actor["objectives"]:
            rows.append(
                [
                    _("{actor} ({met} of {total} met)").format(actor=esc(actor["name"]), met=actor["met"],
                                                               total=actor["total"]),
                    esc(o["text"]) + (" *" + _("(secret)") + "*" if o["secret"] else ""),
                    esc(o["track_name"]),
                    esc(o["wants"]),
                    met_word(o["met"]),
                ]
            )
    if rows:
        doc.add(_table([_("Actor"), _("Objective"), _("Track"), _("Needs"), _("Met")], rows))
    else:
        doc.p(_("No actor has objectives in this scenario."))
    if secrets_left_out(report):
        doc.p(f"*{esc(secrets_left_out(report))}*")


def _series(doc: _Doc, report: dict[str, Any], names: dict[str, str]) -> None:
    s = report["series"]
    doc.h(2, _("Charts (values at the end of each round)"))
    head = [_("Track"), *s["labels"]]
    for what, title in (("position", _("Position by round")), ("tension", _("Tension by round"))):
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
        doc.h(3, _("Meters by round"))
        doc.add(
            _table(
                [_("Meter"), *s["labels"]],
                ([esc(names.get(m, m)), *map(str, v)] for m, v in s["meters"].items()),
            )
        )


def _timeline(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, _("Timeline"))
    argued = argued_at(report)
    for rnd in report["timeline"]:
        doc.h(3, round_heading(rnd["round"], rnd["complete"]))
        doc.add(round_lines(rnd, argued) or ["- " + _("nothing happened")])


def _log(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, _("Decision log"))
    doc.p(
        _("Every event in the save, in order. **FACILITATOR** marks the facilitator's powers; "
          "~~struck~~ events were undone (the undo is an event of its own).")
    )
    rows, argued = [], argued_at(report)
    for e in report["log"]:
        what = esc(e["summary"])  # a note's summary marks the language it was typed in: «…» (en)
        if e["facilitator"]:
            what = "**" + _("FACILITATOR") + "** " + what
        over = end_reason(e["game_over"]) if e.get("game_over") else ""
        if over and over not in e["summary"]:
            what += _(" \u2014 game over: {reason}").format(reason=esc(over))
        if e["undone"]:  # struck whole, the game's end with it (found from outside: it read as if it still stood)
            what = f"~~{what}~~ " + _("(undone by #{seq})").format(seq=e["undone_by"])
        working = working_parts(e, esc, strike=lambda change: f"~~{change}~~")
        if e["notes"]:
            working.append(_("notes: {seqs}").format(seqs=", ".join(f"#{s}" for s in e["notes"])))
        rows.append(
            [
                str(e["seq"]),
                clock_time(e["time"]),
                str(e["label_round"]),
                phase_word(e["label_phase"]),
                _who(e),
                esc(e["track_name"]) if e["track_name"] else "",
                what,
                mark_quotes("; ".join(working), argued.get(e["seq"]), esc, lang_after),
            ]
        )
    doc.add(_table(["#", _("Time (UTC)"), _("Round"), _("Phase"), _("Who"), _("Track"), _("What"), _("Working")], rows))


def _notes(doc: _Doc, report: dict[str, Any]) -> None:
    doc.h(2, _("Facilitator notes"))
    if not report["notes"]:
        doc.p(_("The facilitator made no notes."))
        return
    rows = []
    for n in report["notes"]:
        about = f"#{n['about']}" + (_(" (round {round})").format(round=n["about_label_round"])
                                    if n["about_label_round"] else "")
        summary = esc(n["about_summary"])
        if n["about_undone"]:
            summary += f" {undone_word()}"
        rows.append([f"#{n['seq']}", str(n["label_round"]), about, summary, typed_words(esc(n["text"]), n.get("lang"))])
    doc.add(_table([_("Event"), _("Round"), _("About event"), _("That event"), _("Note")], rows))


# --------------------------------------------------------------------------
# Several saves


def _save_label(s: dict[str, Any]) -> str:
    return f"#{s['index']} {ruleset_label(s, esc)} ({save_mode(s)})"


def _cell(t: dict[str, Any] | None, short: bool = False) -> str:
    if t is None:
        return "\u2013"
    word = status_word(t["status"], t["provisional"])
    if t["since"] is not None:
        word += " " + _("R{round}").format(round=t["since"])
    word += lost_agreement(t, short=True)
    return word if short else f"{word}, {t['position']}/{t['top']}"


def _shares(doc: _Doc, comparison: dict[str, Any]) -> None:
    doc.h(2, _("Share of games per track, by ruleset"))
    doc.add(_table([_("Track"), _("Ruleset"), *map(status_head, STATUSES), _("Mean round agreed")],
                   share_rows(comparison, esc, STATUSES)))
    doc.p(_("Agreements per game: {figures}. A provisional agreement counts as open.").format(
        figures=agreements_per_game(comparison, esc)))


def _save_cells(s: dict[str, Any], seeds: bool) -> list[str]:
    return [
        str(s["index"]),
        esc(s["file"]) + (" **" + _("(damaged)") + "**" if s["damaged"] else ""),
        esc(s["ruleset_name"]),
        mode_word(s["independence"]),
        *([str(s["seed"])] if seeds else []),
        str(s["rounds"]),
        esc(end_words(s["end_reason"], s.get("end_lang"))) if s["over"] else unended_cell(s),
        str(s["agreements"]),
    ]


_SEED = N_("Seed")  # not in the participants' copy, which leaves the seeds out
_SAVE_HEAD = ["#", N_("Save"), N_("Ruleset"), N_("Independence"), _SEED, N_("Rounds"), N_("Ended"), N_("Agreements")]


def _save_head(seeds: bool) -> list[str]:
    return [_(h) for h in _SAVE_HEAD if seeds or h != _SEED]


def comparison_lines(comparison: dict[str, Any], side_by_side_max: int, level: int = 1, paired: bool = False) -> str:
    """Several saves: with few, each in its own column; with many, the shares first, then one row per save.

    ``paired``: one game and its replay under the other rule (``report --paired``): said so, and no shares of
    games (of one game each, every share is 0 or 100 %)."""
    doc = _Doc(level)
    saves = comparison["saves"]
    doc.h(1, _("One game under both rules") if paired
          else ngettext("Comparison of {n} save", "Comparison of {n} saves", len(saves)).format(n=len(saves)))
    for source in comparison.get("sources", ()):  # the scenarios' own words, their sources' credit, first
        doc.p(esc(source))
    if comparison.get("audience"):
        doc.p(_("For: {audience}").format(audience=audience_words(comparison)))
    if comparison["damaged"]:
        which = ", ".join(f"#{i}" for i in comparison["damaged"])
        doc.p("> " + _("**\u26a0 Warning:** damaged save(s) {which}: each outcome is as the intact part of its save "
                       "left it.").format(which=which))
    for same in comparison.get("same_game", ()):
        doc.p("> " + same_game_words(same))
    for left in comparison.get("skipped", ()):
        doc.p("> " + _("**\u26a0 Left out:** {file} is not a readable save ({problem}).").format(
            file=esc(left["file"]), problem=esc(left["problem"])))
    for item in comparison.get("not_read", ()):
        doc.p("> " + _("Left out of {folder}: {what}.").format(folder=esc(item["folder"]), what=not_read_words(item, esc)))
    if apart := scenarios_words(comparison, esc, "**", "**"):
        doc.p("> " + apart)
    for versions in versions_words(comparison, esc, "**", "**"):
        doc.p("> " + versions)
    scenarios = by_scenario(comparison)
    seeds = has_seeds(saves)
    if len(saves) <= side_by_side_max:
        doc.add(_table(_save_head(seeds), (_save_cells(s, seeds) for s in saves)))
        doc.h(2, _("Outcome per track, side by side"))
        for title, group, tracks in scenarios:
            if title is not None:
                doc.h(3, esc(title))
            rows = [[esc(t["name"]), *(_cell(s["tracks"].get(t["id"])) for s in group)] for t in tracks]
            rows.append(["**" + _("Agreements") + "**", *(f"**{s['agreements']}**" for s in group)])
            doc.add(_table([_("Track"), *(_save_label(s) for s in group)], rows))
        if not paired:
            _shares(doc, comparison)
    else:
        _shares(doc, comparison)
        doc.h(2, _("Every save, its outcome per track"))
        for title, group, tracks in scenarios:
            if title is not None:
                doc.h(3, esc(title))
            rows = [
                [*_save_cells(s, seeds), *(_cell(s["tracks"].get(t["id"]), short=True) for t in tracks)] for s in group
            ]
            doc.add(_table([*_save_head(seeds), *(esc(t["name"]) for t in tracks)], rows))
    if not comparison["reports_included"]:
        doc.p(ngettext("{n} save: too many to print each report here; report them one by one.",
                       "{n} saves: too many to print each report here; report them one by one.",
                       len(saves)).format(n=len(saves)))
    return doc.text()
