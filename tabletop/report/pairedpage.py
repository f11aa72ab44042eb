"""``tabletop report --paired``: one save beside the same game replayed under the other rule.

:func:`paired_document` gives the whole document: the two games side by side
(the comparison), what the replay could not repeat and why (the engine's
refusals), the principle as each game showed it, then the save's own report.
"""

from __future__ import annotations

from typing import Any

from .audience import for_audience
from .build import NOT_ENDED, assemble_report, load
from .compare import compare
from .comparepage import comparison_html
from .htmlpage import report_article
from .htmlparts import e, page, principle_section, table
from .markdown import _Doc, _table, comparison_lines, esc, report_lines
from .paired import paired_save
from .words import mode_word, save_name
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()

#: the refusals listed in full; more are counted
DIFFERED_SHOWN = 40


def paired_data(path: Any, audience: str) -> dict[str, Any]:
    """The save's report, the replayed game's (outcome only), their comparison and what differed."""
    save = load(path)
    save.check_records()  # an event that does not replay ends the save there, for both games
    original = for_audience(assemble_report(save), audience)
    other, info = paired_save(save)
    replayed = for_audience(assemble_report(other, full=False), audience)
    under = _("{name} (replayed under {mode})")
    mode = mode_word(info["independence"])
    replayed["scenario"]["file"] = under.format(name=save_name(original["scenario"]), mode=mode)
    # the replay runs out of recorded choices: that its game had not ended is said once, in `stopped`
    unended = _(NOT_ENDED).split("{", 1)[0]
    replayed["warnings"] = [w for w in replayed["warnings"] if not w.startswith(unended)]
    replayed["scenario"]["ruleset_name"] = under.format(name=original["scenario"]["ruleset_name"], mode=mode)
    replayed["scenario"]["replayed_under"] = info["independence"]
    _as_the_room_saw_it([*info["differed"], *info["out_of_step"]], original)
    if info["out_of_step_from"]:
        # what the replayed game shows from there is not the teams' game under the other rule: said where it is read
        replayed["principle"]["headline"] = " ".join((_out_of_step(info), replayed["principle"]["headline"]))
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
            d["refusal"] = _("refused by the rule (a sealed move, not revealed in this save)")
            d["code"] = None


def _intro(info: dict[str, Any], original: dict[str, Any]) -> str:
    sc = original["scenario"]
    mode = mode_word(info["independence"])
    said = {"seed": sc.get("seed", "\u2014"), "mode": mode, "replayed": info["replayed"], "refused": len(info["differed"])}
    if later := info["out_of_step"]:
        text = ngettext(
            "The same game (seed {seed}, the same cards in the same order, the same dice) replayed under {mode} "
            "independence with the teams' recorded choices: {replayed} played again, {refused} refused by the "
            "rule; then {n} recorded step could not be replayed in order: the game had gone another way.",
            "The same game (seed {seed}, the same cards in the same order, the same dice) replayed under {mode} "
            "independence with the teams' recorded choices: {replayed} played again, {refused} refused by the "
            "rule; then {n} recorded steps could not be replayed in order: the game had gone another way.",
            len(later)).format(n=len(later), **said) + " " + _out_of_step(info)
    else:
        text = _("The same game (seed {seed}, the same cards in the same order, the same dice) replayed under "
                 "{mode} independence with the teams' recorded choices: {replayed} played again, "
                 "{refused} refused by the rule.").format(**said)
    if info["differed"] or later:
        text += " " + _("A team whose move was refused passed when the game waited on it.")
    return text + " " + _("Event numbers under {mode} count the replayed game's own events.").format(mode=mode)


def _out_of_step(info: dict[str, Any]) -> str:
    """From which event the replay no longer follows the record (found from outside: a linked game replayed under
    strict went out of step in round 1, and "Under strict: no track collapsed and none was agreed" read as the
    rule's lesson)."""
    since = info["out_of_step_from"]
    return _("The replay no longer follows the record from event #{seq} (round {round}) on: only the recorded "
             "steps that still fitted were played, so what it shows from there is not a game the teams played."
             ).format(seq=since["seq"], round=since["round"])


def paired_markdown(data: dict[str, Any]) -> str:
    info, (original, replayed) = data["paired"], data["reports"]
    parts = [comparison_lines(data["comparison"], 2, paired=True)]
    doc = _Doc(1)
    doc.h(2, _("The same game under {mode} independence").format(mode=esc(mode_word(info["independence"]))))
    doc.p(esc(_intro(info, original)))
    if info["stopped"]:
        doc.p(esc(info["stopped"]))
    doc.h(3, _("Choices that had to differ"))
    if info["differed"]:
        rows = [
            [f"#{d['seq']}", str(d["round"]), esc(d["summary"]), esc(d["refusal"])]
            for d in info["differed"][:DIFFERED_SHOWN]
        ]
        doc.add(_table(_differed_head(), rows))
        if len(info["differed"]) > DIFFERED_SHOWN:
            doc.p(_more(len(info["differed"]) - DIFFERED_SHOWN))
    else:
        doc.p(_("None: every recorded choice was legal under the other rule too."))
    if info["out_of_step"]:
        doc.p(esc(_not_in_order(info["out_of_step"])))
    doc.h(3, _("The principle in each game"))
    under = _("Under {mode}").format(mode=mode_word(info["independence"]))
    for label, report in ((_("As played"), original), (under, replayed)):
        p = report["principle"]
        doc.add([f"- **{esc(label)}:** {esc(p['headline'])}"])
        doc.add(f"  - {esc(row['text'])}" for row in p["stood"])
        doc.add(f"  - {esc(row['text'])}" for row in p.get("lapsed", ()))
        doc.add(f"  - {esc(step['text'])}" for step in p["cascade"])
        doc.add(f"  - {esc(row['text'])}" for row in p.get("besides", ()))
        if p.get("held"):
            doc.add([f"  - {esc(p['held']['text'])}"])
    parts.append(doc.text())
    parts.append(report_lines(original, level=2, title=_("The game as played: {name}").format(
        name=esc(original["scenario"]["ruleset_name"]))))
    return "\n".join(parts)


def paired_html(data: dict[str, Any]) -> str:
    info, (original, replayed) = data["paired"], data["reports"]
    body = [comparison_html(data["comparison"], 2, paired=True)]
    title = _("The same game under {mode} independence").format(mode=e(mode_word(info["independence"])))
    body.append(f'<section class="paired" id="paired"><h2>{title}</h2>')  # untranslated: markup
    body.append(f"<p>{e(_intro(info, original))}</p>")
    if info["stopped"]:
        body.append(f"<p>{e(info['stopped'])}</p>")
    body.append(f"<h3>{_('Choices that had to differ')}</h3>")
    if info["differed"]:
        rows = [
            [f"#{d['seq']}", str(d["round"]), e(d["summary"]), e(d["refusal"])]
            for d in info["differed"][:DIFFERED_SHOWN]
        ]
        body.append(table(_differed_head(), rows))
        if len(info["differed"]) > DIFFERED_SHOWN:
            body.append(f"<p>{_more(len(info['differed']) - DIFFERED_SHOWN)}</p>")
    else:
        body.append(f"<p>{_('None: every recorded choice was legal under the other rule too.')}</p>")
    if info["out_of_step"]:
        body.append(f"<p>{e(_not_in_order(info['out_of_step']))}</p>")
    body.append("</section>")
    heading = _("The principle in this game")
    body.append(principle_section(original["principle"], "principle-played").replace(
        heading, _("The principle as played"), 1))
    body.append(principle_section(replayed["principle"], "principle-replayed").replace(
        heading, _("The principle under {mode}").format(mode=e(mode_word(info["independence"]))), 1))
    body.append(report_article(original, "r1-", _("The game as played: {name}").format(
        name=e(original["scenario"]["ruleset_name"]))))
    return page(_("Paired debrief: {name}").format(name=original["scenario"]["ruleset_name"]), "\n".join(body))


def _differed_head() -> list[str]:
    return [_("Event"), _("Round"), _("Recorded choice"), _("Why the rule refused it")]


def _not_in_order(later: list[dict[str, Any]]) -> str:
    """The recorded steps the replayed game could not take, by event number: what followed from the refusals,
    not the rule's reasons (the engine's words for each are in the JSON report)."""
    seqs = ", ".join(f"#{d['seq']}" for d in later[:DIFFERED_SHOWN])
    if len(later) > DIFFERED_SHOWN:
        seqs = _("{listed} and {n} more").format(listed=seqs, n=len(later) - DIFFERED_SHOWN)
    return ngettext("Not replayed, as the game had gone another way (not the rule's refusal): event {events}.",
                    "Not replayed, as the game had gone another way (not the rule's refusals): events {events}.",
                    len(later)).format(events=seqs)


def _more(n: int) -> str:
    return ngettext("And {n} more (see the JSON report).", "And {n} more (see the JSON report).", n).format(n=n)
