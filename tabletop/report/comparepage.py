"""The comparison of several saves as HTML: side by side for a few, a row per save for many, with the
share of games per track by ruleset; then each save's report (see :mod:`~tabletop.report.htmlpage`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .htmlpage import report_article
from .htmlparts import e, end_html, page, status_mark, table
from .compare import by_scenario
from .words import STATUSES, agreements_per_game, lost_agreement, same_game_words, mode_word, quoted, save_mode, share_rows, status_head, unended_cell
from .words import audience_words, has_seeds, not_read_words, ruleset_label, scenarios_words, versions_words
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()


def _cell(t: dict[str, Any] | None, short: bool = False) -> str:
    if t is None:
        return "\u2013"
    since = " " + _("R{round}").format(round=t["since"]) if t["since"] is not None else ""
    extra = since + lost_agreement(t, short=True)
    if short:
        return status_mark(t["status"], t["provisional"], extra)
    return f"{status_mark(t['status'], t['provisional'], extra)}<br>{t['position']}/{t['top']} {quoted(e(t['rung']))}"  # untranslated: markup


def _shares(comparison: dict[str, Any]) -> str:
    rows = share_rows(comparison, e, STATUSES)
    per_game = _("Agreements per game: {figures}. A provisional agreement counts as open.").format(
        figures=agreements_per_game(comparison, e))
    return (
        f"<h2>{_('Share of games per track, by ruleset')}</h2>"
        + table(
            [_("Track"), _("Ruleset"), *map(status_head, STATUSES), _("Mean round agreed")], rows,
            num=(2, 3, 4, 5, 6), cls="shares",
        )
        + f"<p>{per_game}</p>"
    )


def _save_cells(s: dict[str, Any], linked: bool, seeds: bool) -> list[str]:
    name = e(s["file"]) + (f' <span class="tag tag-undone">{_("DAMAGED")}</span>' if s["damaged"] else "")  # untranslated: markup
    if linked and not s.get("replayed"):  # the paired page's replay has no report of its own to link to
        name = f'<a href="#r{s["index"]}-report">{name}</a>'  # untranslated: markup
    return [
        str(s["index"]),
        name,
        e(s["ruleset_name"]),
        e(mode_word(s["independence"])),
        *([e(s["seed"])] if seeds else []),
        str(s["rounds"]),
        end_html(s["end_reason"], s.get("end_lang")) if s["over"] else unended_cell(s),
        str(s["agreements"]),
    ]


_SEED = N_("Seed")  # not in the participants' copy, which leaves the seeds out
_SAVE_HEAD = ["#", N_("Save"), N_("Ruleset"), N_("Independence"), _SEED, N_("Rounds"), N_("Ended"), N_("Agreements")]


def _save_head(seeds: bool) -> list[str]:
    return [_(h) for h in _SAVE_HEAD if seeds or h != _SEED]


def _save_table_args(seeds: bool) -> dict[str, Any]:
    """The numbers' columns, and those of a file name and a seed: values, which may break anywhere (report.css),
    where a name may not."""
    if seeds:
        return {"num": (0, 5, 7), "cols": {1: "file", 4: "seed"}}
    return {"num": (0, 4, 6), "cols": {1: "file"}}


def _compared(n: int) -> str:
    return ngettext("Comparison of {n} save", "Comparison of {n} saves", n).format(n=n)


def comparison_html(comparison: dict[str, Any], side_by_side_max: int, paired: bool = False) -> str:
    """Several saves: with few, each in its own column; with many, the shares first, then one row per save.

    ``paired``: one game and its replay under the other rule, as :func:`~tabletop.report.markdown.comparison_lines`."""
    saves = comparison["saves"]
    linked = comparison["reports_included"]
    heading = _("One game under both rules") if paired else _compared(len(saves))
    out = ['<article class="comparison" id="comparison">', f"<h1>{heading}</h1>"]  # untranslated: markup
    out.extend(f"<p>{e(source)}</p>" for source in comparison.get("sources", ()))  # their sources' credit first
    if comparison.get("audience"):
        out.append(f'<p class="audience">{e(_("For: {audience}").format(audience=audience_words(comparison)))}</p>')  # untranslated: markup
    if comparison["damaged"]:
        which = ", ".join(f"#{i}" for i in comparison["damaged"])
        warning = _("{strong}\u26a0 Warning:{end} damaged save(s) {which}: each outcome is as the intact part of its "
                    "save left it.").format(strong="<strong>", end="</strong>", which=which)
        out.append(f'<div class="warning damage" role="note">{warning}</div>')  # untranslated: markup
    for same in comparison.get("same_game", ()):
        out.append(f'<div class="warning damage" role="note">{e(same_game_words(same))}</div>')  # untranslated: markup
    for left in comparison.get("skipped", ()):
        warning = _("{strong}\u26a0 Left out:{end} {file} is not a readable save ({problem}).").format(
            strong="<strong>", end="</strong>", file=e(left["file"]), problem=e(left["problem"]))
        out.append(f'<div class="warning damage" role="note">{warning}</div>')  # untranslated: markup
    for item in comparison.get("not_read", ()):
        said = _("Left out of {folder}: {what}.").format(folder=e(item["folder"]), what=not_read_words(item, e))
        out.append(f'<p class="note">{said}</p>')  # untranslated: markup
    if apart := scenarios_words(comparison, e, "<strong>", "</strong>"):
        out.append(f'<div class="warning" role="note">{apart}</div>')  # untranslated: markup
    for versions in versions_words(comparison, e, "<strong>", "</strong>"):
        out.append(f'<div class="warning" role="note">{versions}</div>')  # untranslated: markup
    scenarios = by_scenario(comparison)
    seeds = has_seeds(saves)
    if len(saves) <= side_by_side_max:
        out.append(table(_save_head(seeds), (_save_cells(s, linked, seeds) for s in saves), **_save_table_args(seeds)))
        out.append(f"<h2>{_('Outcome per track, side by side')}</h2>")
        for title, group, tracks in scenarios:
            if title is not None:
                out.append(f"<h3>{e(title)}</h3>")  # untranslated: markup
            head = [_("Track"), *(f"#{s['index']} {ruleset_label(s, e)}<br>({e(save_mode(s))})"  # untranslated: markup
                                  for s in group)]
            rows = [[e(t["name"]), *(_cell(s["tracks"].get(t["id"])) for s in group)] for t in tracks]
            rows.append([f"<strong>{_('Agreements')}</strong>", *(f"<strong>{s['agreements']}</strong>" for s in group)])
            out.append(table(head, rows, cls="side-by-side"))
        if not paired:
            out.append(_shares(comparison))
    else:
        out.append(_shares(comparison))
        out.append(f"<h2>{_('Every save, its outcome per track')}</h2>")
        for title, group, tracks in scenarios:
            if title is not None:
                out.append(f"<h3>{e(title)}</h3>")  # untranslated: markup
            rows = [
                [*_save_cells(s, linked, seeds), *(_cell(s["tracks"].get(t["id"]), short=True) for t in tracks)]
                for s in group
            ]
            out.append(table([*_save_head(seeds), *(e(t["name"]) for t in tracks)], rows, cls="saves",
                             **_save_table_args(seeds)))
    if not linked:
        too_many = ngettext("{n} save: too many to print each report here; report them one by one.",
                            "{n} saves: too many to print each report here; report them one by one.",
                            len(saves)).format(n=len(saves))
        out.append(f"<p>{too_many}</p>")
    out.append("</article>")
    return "\n".join(out)


def several_html(comparison: dict[str, Any], reports: Sequence[dict[str, Any]], side_by_side_max: int) -> str:
    """A whole HTML document for several saves: the comparison, then each save's report."""
    parts = [comparison_html(comparison, side_by_side_max)]
    for i, report in enumerate(reports, 1):
        heading = _("Save #{n}: {name}").format(n=i, name=e(report["scenario"]["ruleset_name"]))
        parts.append(report_article(report, f"r{i}-", heading))
    return page(_compared(len(comparison["saves"])), "\n".join(parts))

# Babel does not read inside f-strings: the words used in them, marked for the catalogue
_IN_FSTRINGS = (
    N_('DAMAGED'),
)
