"""A Markdown report's rounds: each round's events as lines, in the order they happened.

A round's story is told in time order (a facilitator's override before the
move it made possible, a note beside the event it is about), not grouped by
kind: :func:`~tabletop.report.timeline.in_order` gives the order, shared with
the HTML report. Also the escaping every Markdown line and cell uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..engine.wording import undone_word, moved, status_word
from ..lang import Domain
from .charts import cells
from .timeline import in_order
from .words import (
    answer_words,
    game_over_words,
    how_drawn,
    kind_word,
    lang_after,
    mark_quotes,
    move_detail,
    one_line,
    outcome_word,
    aside_reason,
    passed_words,
    set_aside_text,
    tabled_earlier,
    taken_back_words,
    typed_words,
)

_, ngettext, N_ = Domain("report").words()

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones
# that can start emphasis, code, links, HTML, tables, strike-through, entities or math.
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&$!])")


def esc(value: Any) -> str:
    """Outside text for a Markdown line or table cell: literal, one line, escaped. A ``#`` only where it would open
    a heading, at the start of a value that begins a line (a description, a headline): mid-line it is no heading,
    and its backslash was read as written (found from outside: «потім, у події \\#23»)."""
    said = _SPECIAL.sub(r"\\\1", one_line(value))
    return "\\" + said if said.startswith("#") else said


#: the widest line of prose in a Markdown report, in cells (:func:`~.charts.cells`): a paragraph or a list item is
#: wrapped at it, as a reader's editor and a printed page take them (found from outside: a ruling's working, a card's
#: control note, a note ran to 200-430 characters). A table's row stays one line, as Markdown needs
WRAP = 100
#: what a line of a paragraph must not start with: it would open a list, a heading, a quote, a table, code or HTML,
#: or underline the line above into a heading (an escaped character starts with a backslash and is safe)
_OPENS_A_BLOCK = re.compile(r"[-+*=_#>|<`~\[:]|\d+[.)]")
#: a line's list marker or quote mark, and the indentation its continuation lines take
_MARK = re.compile(r"( *)(?:(?:[-*+]|\d{1,9}[.)]) |(> ))?")
#: where a line may break: one space between two words (two spaces or more are kept as they are)
_BREAK = re.compile(r"(?<=\S) (?=\S)")


def fold(lines: Iterable[str], width: int | None = None) -> list[str]:
    """Markdown ``lines`` with each paragraph line and list item wrapped at ``width`` cells (:data:`WRAP`), as it
    renders unwrapped: broken at single spaces (a soft break renders as the space), continuation lines indented
    under the item's text (a quote's marked ``> ``), never before a word that would open a block at a line's start
    nor after a backslash (a hard break). Table rows, headings and fenced code are left whole; a word wider than
    ``width`` by itself stays whole on its line."""
    width = WRAP if width is None else width
    out: list[str] = []
    fenced = False
    for line in (part for each in lines for part in each.split("\n")):
        head = line.lstrip(" ")
        if head.startswith(("```", "~~~")):
            fenced = not fenced
        if fenced or head.startswith(("```", "~~~", "|", "#")):
            out.append(line)
            continue
        one = _ONE_CELL.fullmatch(line) is not None  # (measured a character at a time only when it must be)
        if (len(line) if one else cells(line)) <= width:
            out.append(line)
            continue
        mark = _MARK.match(line)
        prefix = mark.group(0) if mark else ""
        indent = "> " if mark and mark.group(2) else " " * len(prefix)
        body = line[len(prefix):]
        if one and _plain(body):
            out.extend(_folded_plain(prefix, body, indent, width))
        else:
            out.extend(_folded(prefix, _BREAK.split(body), indent, width))
    return out


def _plain(body: str) -> bool:
    """``body`` is ASCII words between single spaces, no other white space and no backslash: a cell a character and a
    break at every space (:func:`_folded_plain`)."""
    return (_ONE_CELL.fullmatch(body) is not None and "  " not in body and "\\" not in body
            and not body.startswith(" ") and not body.endswith(" "))


#: characters a cell wide each, printable, none white space but the space: ASCII's, Latin-1's, Russian and Ukrainian
#: letters, and the punctuation a report writes (– — “ ” … → ≤ ≥ − ○ ●); tests/report/test_md_width.py checks each
_ONE_CELL = re.compile("[ -~\u00a1-\u00ac\u00ae-\u00ff\u0401\u0404\u0406\u0407\u0410-\u044f\u0451\u0454\u0456"
                       "\u0457\u0490\u0491\u2013\u2014\u2018-\u201f\u2026\u2190-\u2193\u2212\u2264\u2265"
                       "\u25cb\u25cf]*")  # untranslated: a character class


def _folded_plain(prefix: str, body: str, indent: str, width: int) -> list[str]:
    """:func:`_folded` of a :func:`_plain` body, the same lines found with ``str.rfind`` rather than a word at a time
    (most of a report's long lines are such: a 20,000-event report's Markdown spent 0.14 s a word at a time)."""
    out: list[str] = []
    head = prefix
    while len(head) + len(body) > width:
        room = width - len(head)
        cut = body.rfind(" ", 0, room + 1) if room > 0 else -1
        while cut > 0 and _OPENS_A_BLOCK.match(body, cut + 1):
            cut = body.rfind(" ", 0, cut)
        if cut <= 0:  # no break within the room: the first one after it, the line long
            cut = body.find(" ", 1)
            while cut > 0 and _OPENS_A_BLOCK.match(body, cut + 1):
                cut = body.find(" ", cut + 1)
            if cut <= 0:
                break
        out.append(head + body[:cut])
        head, body = indent, body[cut + 1:]
    out.append(head + body)
    return out


def _folded(prefix: str, words: list[str], indent: str, width: int) -> list[str]:
    lines: list[list[str]] = [[]]
    used = _cells(prefix)  # the cells of the last line so far: each word measured once (a 20,000-event report has
    for word in words:  # ~100,000 lines; measuring each line again with every word made its Markdown 1.3 x slower)
        current = lines[-1]
        size = _cells(word)
        if not current or used + 1 + size <= width:
            used += size + 1 if current else size
            current.append(word)
            continue
        carried = [word]  # the words that go down to the next line: one a line may start with, after no backslash
        while current and (_OPENS_A_BLOCK.match(carried[0]) or current[-1].endswith("\\")):
            carried.insert(0, current.pop())
        if current:
            lines.append(carried)
        else:  # no break found on this line: it stays long
            current.extend(carried)
        used = _cells(prefix if len(lines) == 1 else indent) + _cells(" ".join(lines[-1]))
    return [(prefix if i == 0 else indent) + " ".join(words) for i, words in enumerate(lines)]


def _cells(text: str) -> int:
    """:func:`~.charts.cells`, at once for ASCII (a cell a character)."""
    return len(text) if text.isascii() else cells(text)


def round_lines(rnd: dict[str, Any], argued: Mapping[int, Any]) -> list[str]:
    """One round of the timeline as Markdown list lines, its events in time order, then who passed. ``argued``:
    each argument by the seq of its ruling (:func:`~.words.argued_at`)."""
    said: dict[str, Callable[[dict[str, Any]], list[str]]] = {
        "cards": _card,
        "moves": _move,
        "taken_back": _taken_back,
        "rulings": lambda r: _ruling(r, rnd["round"], argued),
        "facilitator": _facilitator,
        "notes": _note,
        "status_changes": _status,
        "game_over": lambda g: ["- " + game_over_words(g, esc) + _undone_by(g)],
    }
    lines = [line for kind, item in in_order(rnd) for line in said[kind](item)]
    if rnd["passes"]:
        lines.append("- " + _("Passed: {who}").format(who=passed_words(rnd["passes"], esc, _undone_by)))
    return lines


def _changes(item: dict[str, Any]) -> list[str]:
    return ["  - " + "; ".join(esc(x) for x in item["changes_text"])] if item["changes_text"] else []


def _card(c: dict[str, Any]) -> list[str]:
    where = esc(c["track_name"]) if c["track"] else _("global")
    undone = f" **{undone_word()}**" if c["undone"] else ""
    lines = ["- " + _("Card #{seq} ({how}, {where}): {title}").format(
        seq=c["seq"], how=how_drawn(c["how"]), where=where, title=f"**{esc(c['title'])}**") + undone]
    if c["text"]:
        lines.append(f"  - {esc(c['text'])}")
    if c["set_aside"]:
        lines.append("  - " + _("set aside (not playable): {cards}").format(
            cards=", ".join(esc(t) for t in c["set_aside"])))
    if c["control_note"]:
        lines.append("  - " + _("control note (facilitator only): {note}").format(note=esc(c["control_note"])))
    a = c["answer"]
    if a is not None:
        who, effect = answer_words(a, esc)
        lines.append(f"  - #{a['seq']} {who}: {effect}" + (f" **{undone_word()}**" if a["undone"] else ""))
    if c["skipped"]:
        reason = f": {esc(aside_reason(c['skipped']))}" if aside_reason(c["skipped"]) else ""
        lines.append(f"  - {set_aside_text(c['skipped'])}{reason}")
    return lines


def _move(m: dict[str, Any]) -> list[str]:
    where = _(" on {track}").format(track=esc(m["track_name"])) if m["track"] else ""
    link = _(", linked to {track}").format(track=esc(m["link_name"])) if m["link"] else ""
    result = outcome_word(m["outcome"])
    if m["ruled_at"]:
        result += _(" (ruling #{seq})").format(seq=m["ruled_at"])
    if m["undone"]:
        result = _("**undone** by #{seq}").format(seq=m["undone_by"])
    return ["- " + _("Move #{seq}: {actor} \u2014 {move}{where}{link}{detail} \u2192 {result}").format(
        seq=m["seq"], actor=esc(m["actor_name"]), move=esc(m["move_name"]), where=where, link=link,
        detail=move_detail(m), result=result), *_changes(m)]


def _taken_back(t: dict[str, Any]) -> list[str]:
    """An argument's counter or odds an undo took back: ``Odds #10: The facilitator sets the odds: … → **undone**
    by #11``, as an undone move reads."""
    return ["- " + taken_back_words(t["kind"]).format(
        seq=t["seq"], summary=esc(t["summary"]), result=_("**undone** by #{seq}").format(seq=t["undone_by"]))]


def _ruling(r: dict[str, Any], round_number: int, argued: Mapping[int, Any]) -> list[str]:
    earlier = tabled_earlier(r, round_number)
    undone = _undone_by(r)
    working = mark_quotes(esc(r["working"]), argued.get(r["seq"]), esc, lang_after)
    return ["- " + _("Ruling #{seq} on move #{proposal}{earlier}: {actor} \u2014 {move}: {working}").format(
        seq=r["seq"], proposal=r["proposal"], earlier=earlier, actor=esc(r["actor_name"]),
        move=esc(r["move_name"]), working=working) + undone,
        *_changes(r)]


def _undone_by(item: Mapping[str, Any]) -> str:
    """`` **(undone by #9)**`` after an undone ruling, facilitator event or pass; nothing after the others."""
    return " **" + _("(undone by #{seq})").format(seq=item["undone_by"]) + "**" if item["undone"] else ""


def _facilitator(f: dict[str, Any]) -> list[str]:
    undone = _undone_by(f)
    return ["- " + _("**Facilitator** #{seq} ({kind}): {summary}").format(
        seq=f["seq"], kind=kind_word(f["kind"]), summary=esc(f["summary"])) + undone, *_changes(f)]


def _note(n: dict[str, Any]) -> list[str]:
    return ["- " + _("**Note** #{seq} on #{about} (\u201c{summary}\u201d): {text}").format(
        seq=n["seq"], about=n["about"], summary=esc(n["about_summary"]), text=typed_words(esc(n["text"]), n.get("lang")))]


def _status(h: dict[str, Any]) -> list[str]:
    change = moved(status_word(h["from"], h["from_provisional"]), status_word(h["to"], h["to_provisional"]))
    return ["- " + _("Status: {track} {change} (#{seq})").format(
        track=esc(h["track_name"]), change=change, seq=h["seq"]) + (f" **{undone_word()}**" if h["undone"] else "")]
