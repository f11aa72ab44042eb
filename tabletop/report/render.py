"""``render(paths, fmt)``: the report document behind ``tabletop report``."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .._collector import collector_paused
from ..content.files import missing
from ..content.literal import BIDI_CONTROLS, INVISIBLE
from ..content.oswords import system_words
from .audience import AUDIENCES, for_audience
from .build import ReportError, assemble_report, load
from .compare import compare, content_of, same_games, tell_apart
from .comparepage import several_html
from .htmlpage import report_html
from .markdown import comparison_lines, esc, report_lines
from .words import left_out, not_read_words
from ..lang import Domain, using

_, ngettext, N_ = Domain("report").words()

FORMATS = ("md", "html", "json")
#: up to this many saves, the comparison puts each save in its own column
SIDE_BY_SIDE_MAX = 6
#: up to this many saves, each save's full report follows the comparison
FULL_REPORTS_MAX = 4

# Characters valid in JSON strings that a terminal could still act on (DEL, C1
# controls such as CSI) or that reorder text: written as \\u escapes.
_JSON_UNSAFE = re.compile(f"[\\x7f-\\x9f\\u2028\\u2029{BIDI_CONTROLS}{INVISIBLE}]")


def save_paths(paths: str | Path | Sequence[str | Path], not_read: list[dict[str, Any]] | None = None) -> list[Path]:
    """The save files named: files as given, and every ``*.jsonl`` directly in a directory (sorted).

    ``not_read``: where to add, for each directory, what else it holds (``folder``, ``files``, ``folders``: names,
    sorted); hidden files (a save's lock) are not counted. A directory with no save raises, naming them."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # a FIFO or a device named *.jsonl is not skipped unsaid: reading it refuses it, and the report says it
            # left it out (found from outside: a folder's report skipped them without a word, and exited 0)
            found = sorted(f for f in _listed(p) if f.name.endswith(".jsonl") and not f.is_dir())
            # nor is anything else in it (found from outside: agenda.txt, a.JSONL and a subfolder went unsaid)
            others = _not_read(p, found)
            if not found:
                said = _("the directory holds no saves (*.jsonl files)")
                if others is not None:
                    said += "; " + _("left out: {what}").format(what=not_read_words(others, str))
                raise ReportError(p, said)
            if others is not None and not_read is not None:
                not_read.append(others)
        elif not p.exists():
            raise ReportError(p, missing(p, _("no such file")))
        else:
            found = [p]
        for f in found:
            # realpath, not resolve(): links that go round in a loop are kept as named, and reading the file then
            # refuses it by name (found from outside: Path.resolve raised RuntimeError, a traceback and no report)
            key = Path(os.path.realpath(f))
            if key not in seen:
                seen.add(key)
                out.append(f)
    if not out:
        raise ReportError("tabletop report", _("no save given"))  # untranslated: the command's name
    return out


def _listed(folder: Path) -> list[Path]:
    """What ``folder`` holds; a folder that cannot be listed raises :class:`ReportError` saying why (found from
    outside: ``Path.glob`` passes over it without a word, and the report said "the directory holds no saves")."""
    try:
        with os.scandir(folder) as entries:
            return [folder / entry.name for entry in entries]
    except OSError as exc:
        raise ReportError(folder, _("cannot read the folder: {problem}").format(problem=system_words(exc))) from None


def _not_read(folder: Path, found: Sequence[Path]) -> dict[str, Any] | None:
    """What a directory holds besides the saves read from it (None: nothing), hidden files aside."""
    read = set(found)
    files, folders = [], []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return None  # the saves were listed; what else is there cannot be: nothing more to say
    for entry in entries:
        if entry.name.startswith(".") or entry in read:
            continue
        # a name's bytes that are not UTF-8 read with a stand-in: the JSON and the page are UTF-8 (found by a review)
        (folders if entry.is_dir() else files).append(os.fsencode(entry.name).decode("utf-8", "replace"))
    if not files and not folders:
        return None
    return {"folder": str(folder), "files": files, "folders": folders}


def to_json(data: Any) -> str:
    """JSON that reads back to the exact strings, safe to print on a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # as JSON escapes them (a tag character, past U+FFFF, as its two surrogates)
    return _JSON_UNSAFE.sub(lambda m: json.dumps(m.group())[1:-1], text) + "\n"


def render(
    paths: str | Path | Sequence[str | Path],
    fmt: str = "md",
    audience: str = "facilitator",
    paired: bool = False,
    lang: str | None = None,
    told: list[str] | None = None,
) -> str:
    """The debrief document for one save, or a comparison of several.

    ``paths``: save files and/or directories of saves. ``fmt``: ``md``,
    ``html`` or ``json``. One save gives its report. Several give a
    comparison (each save's outcome per track side by side, agreements per
    save, and per ruleset the share of games in which each track agreed,
    collapsed, was deferred or stayed open), followed by each save's report
    when there are at most :data:`FULL_REPORTS_MAX` saves. ``audience``:
    ``facilitator`` (everything) or ``participants`` (no control notes; secret
    objectives only once the game is over, if the ruleset reveals them). ``paired``: one save beside the
    same game replayed under the other independence rule (see :mod:`~tabletop.report.paired`). A damaged save is
    reported with a warning; a file that is not a readable save raises
    :class:`ReportError` naming it, or, among several, is left out of the comparison and named in it
    (``comparison.skipped``). ``lang``: the language of the report's
    words (``en``, ``ru``, ``uk``; default: the language of the moment); the
    JSON keys, ids and numbers are the same in every language. ``told``: where to add, in words, what a
    reader of the terminal must know of the document (a damaged save, a file left out), as the document says it.
    """
    if lang is not None:
        with using(lang):
            return render(paths, fmt, audience, paired, told=told)
    # a report makes tens of thousands of objects (the replayed states, the log's entries, the document's lines)
    # that live until it is written and form no cycles: the collector's full passes over them found nothing and
    # took a third of a 20,000-event report's time (stop 58)
    with collector_paused():
        return _render(paths, fmt, audience, paired, told)


def _render(paths: str | Path | Sequence[str | Path], fmt: str, audience: str, paired: bool,
            told: list[str] | None) -> str:
    fmt = {"markdown": "md", "htm": "html"}.get(fmt.lower().lstrip("."), fmt.lower().lstrip("."))
    if fmt not in FORMATS:
        raise ReportError(fmt, _("unknown report format (expected one of {formats})").format(formats=", ".join(FORMATS)))
    if audience not in AUDIENCES:
        raise ReportError(audience, _("unknown audience (expected one of {audiences})").format(
            audiences=", ".join(AUDIENCES)))
    not_read: list[dict[str, Any]] = []
    files = save_paths(paths, not_read)
    if told is None:
        told = []
    if paired:
        return _paired(files, fmt, audience, told)
    if len(files) == 1:
        report = for_audience(assemble_report(load(files[0])), audience)
        _tell_damage(told, files[0], report)
        if fmt == "json":
            return to_json(report)
        if fmt == "html":
            return report_html(report)
        return report_lines(report)
    full = len(files) <= FULL_REPORTS_MAX
    reports, skipped = [], []
    chains: list[tuple[str, list[str]]] = []  # each save's header chain and events' chains: which hold one game
    contents: list[str] = []  # each save's ruleset and deck: which are versions of one ruleset id
    for f in files:
        try:  # a save that cannot be read at all is named, and the others compared (found from outside: one empty
            save = load(f)  # file in a folder of saves stopped the whole folder's report)
        except ReportError as exc:
            skipped.append({"file": str(f), "problem": exc.message})
            told.append(_("{file} is left out: it is not a readable save ({problem})").format(
                file=f, problem=exc.message))
            continue
        reports.append(for_audience(assemble_report(save, full=full), audience))
        chains.append((save.header_chain, [e.chain for e in save.events]))
        contents.append(content_of(save.scenario))
        _tell_damage(told, f, reports[-1])
    if not reports:
        raise ReportError(skipped[0]["file"], skipped[0]["problem"])
    tell_apart(reports)
    comparison = compare(reports, with_reports=full, same_game=same_games(chains), contents=contents)
    comparison["skipped"] = skipped
    comparison["not_read"] = not_read
    shown = reports if full else []
    if fmt == "json":
        return to_json({"comparison": comparison, "reports": shown})
    if fmt == "html":
        return several_html(comparison, shown, SIDE_BY_SIDE_MAX)
    parts = [comparison_lines(comparison, SIDE_BY_SIDE_MAX)]
    for i, report in enumerate(shown, 1):
        parts.append(
            report_lines(report, level=2, title=_("Save #{n}: {name}").format(
                n=i, name=esc(report["scenario"]["ruleset_name"])))
        )
    return "\n".join(parts)


def _tell_damage(told: list[str], path: Path, report: dict[str, object]) -> None:
    damage = report.get("damage")
    if isinstance(damage, dict):
        told.append(_("{file} is damaged at {where}. The report covers only the intact events before it ({n}).").format(
            file=path, where=damage["text"], n=damage["intact_events"]) + left_out(damage))


def _paired(files: Sequence[Path], fmt: str, audience: str, told: list[str]) -> str:
    from .pairedpage import paired_data, paired_html, paired_markdown

    if len(files) != 1:
        raise ReportError("--paired", ngettext("pairs one save with its game under the other rule; {n} save given",
                                               "pairs one save with its game under the other rule; {n} saves given",
                                               len(files)).format(n=len(files)))
    data = paired_data(files[0], audience)
    _tell_damage(told, files[0], data["reports"][0])  # found from outside: said in the page only, and exit 0
    if fmt == "json":
        return to_json(data)
    return paired_html(data) if fmt == "html" else paired_markdown(data)
