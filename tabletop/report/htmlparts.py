"""The pieces every HTML page of a report is made of: escaping, status marks, tables, and the page itself
with its stylesheet (``report.css``, inlined: the file is self-contained).

All outside text goes through :func:`e` (``html.escape`` after control characters are made visible).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from ..engine.wording import ENDS, end_reason, other_lang, status_word, text_lang
from ..lang import Domain, current
from ..content.literal import literal
from .words import STATUSES, cascade_intro, mark_quotes, mark_told, one_line, prompts_by_track, told_typed

_, ngettext, N_ = Domain("report").words()


@cache
def stylesheet() -> str:
    """The report's stylesheet (``report.css`` beside this module), inlined in every page."""
    return files("tabletop.report").joinpath("report.css").read_text(encoding="utf-8")


def e(value: Any) -> str:
    """Outside text for HTML: control characters made visible, one line, escaped."""
    return html.escape(one_line(value), quote=True)


def e_text(value: Any) -> str:
    """Like :func:`e` but keeps line breaks (shown by ``white-space: pre-line``)."""
    return html.escape(literal(value).strip(), quote=True)


def typed(html_text: str, lang: Any, quote: bool = False) -> str:
    """Text as typed (already HTML), in its ``lang`` and marked ``(ru)`` when not the page's language, as every
    screen marks it (:func:`tabletop.engine.wording.typed`); ``quote``: a text not quoted yet (a note) is put in
    «…» then, a working's quoted text stays in its own quotation marks."""
    other = other_lang(text_lang(html_text, lang))
    if not other:
        return html_text
    shown = f"\u00ab{html_text}\u00bb" if quote else html_text
    return f'<span lang="{other}">{shown}</span> <span class="lang">({other})</span>'  # untranslated: markup


def typed_quoted(html_text: str, lang: Any) -> str:
    """:func:`typed` of a text not quoted yet (a reason, a note): put in «…» when marked."""
    return typed(html_text, lang, quote=True)


def end_html(reason: Any, lang: Any) -> str:
    """Why a game ended, as HTML: the engine's reasons translated; a facilitator's as typed, in its ``lang`` and
    marked when that is not the page's language (:func:`typed`), as the decision log marks it."""
    if reason in ENDS or not other_lang(lang):
        return e(end_reason(reason))
    return typed_quoted(e(reason), lang)


def typed_line(line: str, argument: dict[str, Any]) -> str:
    """An argument's working line, escaped, its typed text in its own language (see :func:`typed`)."""
    return mark_quotes(e(line), argument, e, typed)


def overridden_line(override: dict[str, Any]) -> str:
    """A facilitator's override after an argument's ruling (its ``line``), escaped, its reason in its own language
    as the timeline's facilitator entries put it (:func:`~.words.mark_told`)."""
    told = told_typed(({"reason": override.get("reason"), "lang": override.get("lang")},))
    return mark_told(e(override["line"]), told, e, typed_quoted)


def status_mark(status: str, provisional: bool = False, extra: str = "") -> str:
    """A track's status as a symbol and a word; the colour (by class) only repeats it."""
    cls = status if status in STATUSES else "open"
    word = f'<span class="status status-{cls}">{e(status_word(status, provisional))}</span>'  # untranslated: markup
    if not extra.strip():
        return word
    # the mark and its word stay on one line; what follows wraps (found from outside: "open (provisional agreement
    # of round 4 lapsed at the end: …)" on one line pushed the table's other columns off a 1200-pixel page). The
    # space is written, not escaped with the rest: escaping folds a leading space away ("✔ agreedR5")
    return f'{word} <span class="status-more status-{cls}">{e(extra.strip())}</span>'  # untranslated: markup


def spaced(words: str) -> str:
    """Words that follow other words: escaped, after one space (``e`` alone would fold the space away)."""
    return " " + e(words) if words.strip() else ""


#: a run of this many characters with no place to break a line (no space, no hyphen) is longer than a word of any
#: language the report speaks: a name so made (found from outside, 50 letters) breaks inside it, or its table is
#: pushed past the page
LONG_RUN = 30
_LONG_RUN = re.compile(r"[^\s\-\u2010]{%d,}" % LONG_RUN)
_TAG = re.compile(r"<[^>]*>")


def long_run(content: str) -> bool:
    """Whether a cell's HTML holds, in its text, a run of :data:`LONG_RUN` characters with no break in it."""
    # most cells are shorter than one such run: none of them is searched (a 20,000-event log has 160,000 cells)
    return len(content) >= LONG_RUN and _LONG_RUN.search(html.unescape(_TAG.sub("", content))) is not None


def table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    cls: str = "",
    num: Sequence[int] = (),
    cols: dict[int, str] | None = None,
    row_classes: Sequence[str] | None = None,
    labels: bool = False,
) -> str:
    """A table; ``head`` and cells must already be HTML. ``num``: right-aligned columns; ``cols``: a class for a
    column's head and cells; ``labels``: each cell carries its column's head (``data-label``), which the stylesheet
    shows beside it where a narrow window stacks the row (the decision log). A cell holding a run longer than any
    word (:func:`long_run`) is of class ``long``: it breaks the run where it must (report.css), where a cell of
    ordinary words keeps them whole."""
    cols = cols or {}
    said = [html.escape(html.unescape(h), quote=True) for h in head]  # a head is HTML: its text, for an attribute

    def cell(tag: str, i: int, content: str) -> str:
        long = "long" if tag == "td" and long_run(content) else ""
        classes = " ".join(c for c in ("num" if i in num else "", cols.get(i, ""), long) if c)
        attrs = f' class="{classes}"' if classes else ""  # untranslated: markup
        if labels and tag == "td":
            attrs += f' data-label="{said[i]}"'  # untranslated: markup
        return f"<{tag}{attrs}>{content}</{tag}>"  # untranslated: markup

    # the box scrolls a table wider than a narrow window, not the page (report.css)
    out = ['<div class="table-box">' + (f'<table class="{cls}">' if cls else "<table>")]  # untranslated: markup
    out.append("<thead><tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr></thead>")
    out.append("<tbody>")
    for r, row in enumerate(rows):
        rc = row_classes[r] if row_classes and row_classes[r] else ""
        out.append(
            (f'<tr class="{rc}">' if rc else "<tr>")  # untranslated: markup
            + "".join(cell("td", i, c) for i, c in enumerate(row))
            + "</tr>"
        )
    out.append("</tbody></table></div>")
    return "\n".join(out)


def page(title: str, body: str) -> str:
    """The whole document around ``body``; ``title`` is plain text."""
    return (
        "<!DOCTYPE html>\n"  # untranslated: markup
        f'<html lang="{current()}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def principle_section(principle: dict[str, Any], section_id: str) -> str:
    """"The principle in this game": the headline, the agreements that stood, a package deal's cascade."""
    parts = [f'<section class="principle" id="{section_id}"><h2>{_("The principle in this game")}</h2>']  # untranslated: markup
    parts.append(f"<p>{e(principle['headline'])}</p>")
    if principle["stood"]:
        parts.append("<ul>" + "".join(f"<li>{e(row['text'])}</li>" for row in principle["stood"]) + "</ul>")
    if principle.get("lapsed"):
        parts.append("<ul>" + "".join(f"<li>{e(row['text'])}</li>" for row in principle["lapsed"]) + "</ul>")
    if principle["cascade"]:
        parts.append(f"<p>{cascade_intro(principle['cascade'])}</p>")
        parts.append("<ol>" + "".join(f"<li>{e(step['text'])}</li>" for step in principle["cascade"]) + "</ol>")
    if principle.get("besides"):
        parts.append("<ul>" + "".join(f"<li>{e(row['text'])}</li>" for row in principle["besides"]) + "</ul>")
    if principle.get("held"):
        parts.append(f"<p>{e(principle['held']['text'])}</p>")
    parts.append("</section>")
    return "".join(parts)


def prompts_section(prompts: Sequence[dict[str, Any]], section_id: str) -> str:
    """"Questions for the discussion": the deck's prompts under their tracks; nothing when there are none."""
    if not prompts:
        return ""
    parts = [f'<section class="prompts" id="{section_id}"><h2>{_("Questions for the discussion")}</h2>']  # untranslated: markup
    for track, rows in prompts_by_track(prompts):
        parts.append(f"<h3>{e(track)}</h3><ul>" + "".join(f"<li>{e_text(p['text'])}</li>" for p in rows) + "</ul>")
    parts.append("</section>")
    return "".join(parts)


def arguments_section(tracks: Sequence[dict[str, Any]], section_id: str) -> str:
    """"Arguments": every argument under its track, its working line by line; nothing when there are none."""
    if not tracks:
        return ""
    parts = [f'<section class="arguments" id="{section_id}"><h2>{_("Arguments")}</h2>']  # untranslated: markup
    for track in tracks:
        parts.append(f"<h3>{e(track['track_name'])}</h3>")
        for a in track["arguments"]:
            cls = ' class="undone"' if a["undone"] else ""
            lines = "".join(f"<li>{typed_line(line, a)}</li>" for line in a["lines"])
            lines += "".join(f'<li class="undone-roll">{e(u["line"])}</li>' for u in a.get("undone_rolls", ()))  # untranslated: markup
            lines += "".join(f'<li class="overridden">{overridden_line(o)}</li>' for o in a.get("overrides", ()))  # untranslated: markup
            parts.append(f'<div{cls}><p class="headline"><strong>{e(a["headline"])}</strong></p><ul>{lines}</ul></div>')  # untranslated: markup
    parts.append("</section>")
    return "".join(parts)
