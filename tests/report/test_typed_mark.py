"""Text typed in another language than the reader's is marked one way everywhere: «…» (uk), as the engine's
:func:`~tabletop.engine.wording.typed` marks it."""

from __future__ import annotations

import json
from pathlib import Path

from tabletop import lang
from tabletop.engine import Action, State
from tabletop.engine.wording import ENDS, end_reason
from tabletop.report import render
from tabletop.report.render import FULL_REPORTS_MAX
from tabletop.store.reading import open_save
from tabletop.tui.timeline import working_text

from .kit import HtmlDoc, facilitated_save, md_text, scenario, unfolded

NOTE = "Росія пасує, бо їй ніщо не вигідне"
END = "Час вийшов, кінець семінару"


def _ukrainian_room(state: State) -> list[Action]:
    last = state.last
    assert last is not None
    if last.action.kind == "pass" and not any(e.action.kind == "note" for e in state.log):
        return [Action("note", text=NOTE, about=last.seq, lang="uk")]
    if last.action.kind == "advance" and state.round == 2 and not state.over:
        return [Action("end", reason=END, lang="uk")]
    return []


def test_typed_text_in_another_language_is_marked_one_way_everywhere(tmp_path: Path) -> None:
    """Found from outside: the timeline and notes table said "… [uk]", the decision log «…» (uk), the replay both
    for the same reason, and the summary's "Ended" showed a Ukrainian reason in an English report unmarked."""
    path = tmp_path / "kyiv.jsonl"
    facilitated_save(path, scenario(), 4, _ukrainian_room)
    note, end = f"\u00ab{NOTE}\u00bb (uk)", f"\u00ab{END}\u00bb (uk)"

    md = render([path], "md", lang="en")
    assert "[uk]" not in md
    assert f"| Ended | {end} |" in md
    assert md.count(note) >= 3, md  # the timeline, the decision log, the notes table
    html = HtmlDoc(render([path], "html", lang="en")).text
    assert "[uk]" not in html
    assert html.count(note) >= 3 and end in html
    assert NOTE in md_text(render([path], "md", lang="uk")) and "(uk)" not in render([path], "md", lang="uk")

    save = open_save(path)
    ended = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "end")
    noted = next(e.result["about"] for e in save.events if e.action.kind == "note")
    notes = {noted: [e for e in save.events if e.action.kind == "note"]}
    with lang.using("en"):
        shown = working_text(save, ended, set(), {}, {}).plain + working_text(save, noted, set(), notes, {}).plain
    assert "[uk]" not in shown
    # the end's line says its reason, marked; the detail under it does not say it again (helper-270)
    assert f"Facilitator ends the game: {end}" in shown and shown.count(end) == 1 and f"note: {note}" in shown, shown


def test_the_comparisons_ended_column_marks_an_end_reason_typed_in_another_language(tmp_path: Path) -> None:
    """Found from outside: ``tabletop report a.jsonl b.jsonl`` showed a Ukrainian end reason unmarked in the
    comparison's "Ended" column of an English report, while the summary's "Ended" marked it «…» (uk)."""
    first = tmp_path / "kyiv.jsonl"
    facilitated_save(first, scenario(), 4, _ukrainian_room)
    second = tmp_path / "lviv.jsonl"
    second.write_bytes(first.read_bytes())
    end = f"\u00ab{END}\u00bb (uk)"

    md = render([first, second], "md", lang="en")
    rows = [line for line in md.splitlines() if line.startswith(("| 1 | kyiv.jsonl |", "| 2 | lviv.jsonl |"))]
    assert len(rows) == 2 and all(f"| {end} |" in row for row in rows), rows
    html = render([first, second], "html", lang="en")
    comparison = html[html.index('id="comparison"'):html.index("</article>")]
    cell = f'<td><span lang="uk">\u00ab{END}\u00bb</span> <span class="lang">(uk)</span></td>'
    assert comparison.count(cell) == 2, comparison
    assert not HtmlDoc(html).errors
    # read in the language it was typed in: as typed, unmarked
    ukrainian = render([first, second], "md", lang="uk")
    assert f"| {END} |" in next(line for line in ukrainian.splitlines() if line.startswith("| 1 | kyiv.jsonl |"))
    assert "(uk)" not in ukrainian
    saves = json.loads(render([first, second], "json"))["comparison"]["saves"]
    assert [(s["end_reason"], s.get("end_lang")) for s in saves] == [(END, "uk")] * 2
    # each report records it in its outcome, where every writer reads it
    assert json.loads(render(first, "json"))["outcome"]["end_lang"] == "uk"


def test_an_end_reason_of_the_engine_has_no_language_in_the_comparison(tmp_path: Path) -> None:
    """The engine's own reasons are worded in the report's language: nothing to mark, no language recorded."""
    first = tmp_path / "a.jsonl"
    facilitated_save(first, scenario(), 4, lambda state: ())
    second = tmp_path / "b.jsonl"
    second.write_bytes(first.read_bytes())
    saves = json.loads(render([first, second], "json"))["comparison"]["saves"]
    assert all(s["end_reason"] in ENDS and "end_lang" not in s for s in saves), saves
    assert "end_lang" not in json.loads(render(first, "json"))["outcome"]
    with lang.using("uk"):
        worded = end_reason(saves[0]["end_reason"])
    assert f"| {worded} |" in render([first, second], "md", lang="uk")


UNDO = "Перегляд зроблено помилково"
OVERRIDE = "Кімната так вирішила"


def _ukrainian_room_that_undoes(state: State) -> list[Action]:
    """A note; an override, taken back by an undo; the end: every text typed in Ukrainian."""
    said = _ukrainian_room(state)
    if said and said[0].kind == "note":
        track = state.scenario.ruleset.tracks[0].id
        said += [Action("override", track=track, tension=0, reason=OVERRIDE, lang="uk"),
                 Action("undo", reason=UNDO, lang="uk")]
    return said


def test_the_html_decision_log_gives_typed_text_its_language(tmp_path: Path) -> None:
    """Found from outside: the HTML decision log showed a reason typed in Ukrainian «…» (uk) without
    ``lang="uk"`` on its element, where the notes table and the timeline's notes had it."""
    path = tmp_path / "kyiv.jsonl"
    facilitated_save(path, scenario(), 4, _ukrainian_room_that_undoes)
    html = render([path], "html", lang="en")
    log = html[html.index('<section class="log"'):]
    log = log[:log.index("</section>")]

    def marked(text: str) -> str:
        return f'<span lang="uk">\u00ab{text}\u00bb</span> <span class="lang">(uk)</span>'

    assert f"reason: {marked(UNDO)}" in log  # the undo's reason, in the working column
    assert f"Facilitator ends the game: {marked(END)}" in log
    assert f": {marked(NOTE)}" in log  # a note's summary
    # the override's summary, and the summary of the undo that took it back
    assert log.count(f": {marked(OVERRIDE)}") == 2
    assert log.count("\u00ab") == log.count('<span lang="uk">\u00ab') == 5, log  # no typed text left without it
    assert not HtmlDoc(html).errors
    # read in the language it was typed in: as typed, no mark and no lang of its own
    ukrainian = render([path], "html", lang="uk")
    log = ukrainian[ukrainian.index('<section class="log"'):]
    log = log[:log.index("</section>")]
    assert all(t in log and f"\u00ab{t}\u00bb" not in log for t in (NOTE, OVERRIDE, UNDO, END)), log
    assert 'lang="uk"' not in log and "(uk)" not in log


def test_the_whole_html_page_gives_typed_text_its_language(tmp_path: Path) -> None:
    """Found in review (helper-156's notes): after the decision log, the summary's "Ended" cell and the timeline's
    facilitator entries still showed «…» (uk) with no ``lang`` on their element. Every «…» of the page is in one."""
    path = tmp_path / "kyiv.jsonl"
    facilitated_save(path, scenario(), 4, _ukrainian_room_that_undoes)
    html = render([path], "html", lang="en")
    facts = html[html.index('<table class="facts"'):]
    facts = facts[:facts.index("</table>")]
    assert f'<span lang="uk">\u00ab{END}\u00bb</span> <span class="lang">(uk)</span>' in facts, facts
    assert html.count("\u00ab") == html.count('<span lang="uk">\u00ab'), [
        html[max(0, i - 80):i + 40] for i in range(len(html)) if html.startswith("\u00ab", i)
        and not html[:i].endswith('<span lang="uk">')]
    assert not HtmlDoc(html).errors


RULED = "Посредники убедительны: обе стороны согласились"
MARKED = f"facilitator's reason: \u00ab{RULED}\u00bb (ru) \u2192"
SHOWN = f'facilitator&#x27;s reason: <span lang="ru">\u00ab{RULED}\u00bb</span> <span class="lang">(ru)</span> \u2192'


def _geneva(tmp_path: Path) -> tuple[Path, list[int]]:
    """A game whose facilitator rules with a reason typed in Russian, and the seqs of those rulings."""
    path = tmp_path / "geneva.jsonl"
    facilitated_save(path, scenario(), 4, lambda state: (), reason=RULED, lang="ru")
    ruled = [e.seq for e in open_save(path).events if e.action.kind == "rule"]
    assert ruled
    return path, ruled


def _section(html: str, start: str) -> str:
    part = html[html.index(start):]
    return part[:part.index("</section>")]


def test_the_decision_logs_working_marks_a_ruling_reason_typed_in_another_language(tmp_path: Path) -> None:
    """Found from outside: a facilitator's ruling typed in Russian was marked «…» (ru) in the decision log's "What"
    of an English report, and unmarked in the same entry's "Working" (Markdown and HTML)."""
    path, ruled = _geneva(tmp_path)
    md = render([path], "md", lang="en")
    log = [line for line in md.splitlines() if line.startswith(tuple(f"| {seq} |" for seq in ruled))]
    assert len(log) == len(ruled) and all(line.split(" | ")[-1].startswith(MARKED) for line in log), log
    html = _section(render([path], "html", lang="en"), '<section class="log"')
    assert html.count(SHOWN) == len(ruled), html
    assert html.count(RULED) == html.count(f'<span lang="ru">\u00ab{RULED}\u00bb'), html  # none left without it
    # the report's own record words the working so, as it words the summary
    workings = [e["working"] for e in json.loads(render([path], "json", lang="en"))["log"] if e["seq"] in ruled]
    assert len(workings) == len(ruled) and all(f"\u00ab{RULED}\u00bb (ru)" in w for w in workings), workings
    # read in the language it was typed in: as typed, unmarked
    russian = render([path], "md", lang="ru")
    assert RULED in russian and "\u00ab" + RULED not in russian and "(ru)" not in russian


def test_the_timelines_rulings_mark_a_reason_typed_in_another_language(tmp_path: Path) -> None:
    """Found from outside: the timeline's ruling lines of an English report showed a facilitator's reason typed in
    Russian unmarked, where the decision log's "What" marked it «…» (ru) (Markdown and HTML)."""
    path, ruled = _geneva(tmp_path)
    md = unfolded(render([path], "md", lang="en"))
    timeline = [line for line in md.splitlines() if line.startswith("- Ruling #")]
    assert sum(MARKED in line for line in timeline) == len(ruled), timeline
    assert md.count(RULED) == md.count(f"\u00ab{RULED}\u00bb (ru)"), md  # no copy of it left unmarked
    page = render([path], "html", lang="en")
    html = _section(page, '<section class="timeline"')
    assert html.count(SHOWN) == len(ruled), html
    assert page.count(RULED) == page.count(f'<span lang="ru">\u00ab{RULED}\u00bb'), page
    assert not HtmlDoc(page).errors
    russian = render([path], "html", lang="ru")
    assert RULED in russian and "\u00ab" + RULED not in russian and 'lang="ru">' + RULED not in russian


def test_the_paired_comparisons_ended_column_marks_the_replayed_games_typed_end_reason(tmp_path: Path) -> None:
    """Found from outside: ``tabletop report --paired SAVE``'s comparison marked a Ukrainian end reason «…» (uk)
    for the game as played (row 1) and showed it plain for the same game replayed under the other rule (row 2),
    whose report has no decision log to find its language in."""
    path = tmp_path / "kyiv.jsonl"
    facilitated_save(path, scenario(), 4, _ukrainian_room)
    end = f"\u00ab{END}\u00bb (uk)"

    md = render([path], "md", lang="en", paired=True)
    rows = [line for line in md.splitlines() if line.startswith(("| 1 | kyiv.jsonl |", "| 2 | kyiv.jsonl "))]
    assert len(rows) == 2 and all(f"| {end} |" in row for row in rows), rows
    html = render([path], "html", lang="en", paired=True)
    comparison = html[html.index('id="comparison"'):html.index("</table>", html.index('id="comparison"'))]
    cell = f'<td><span lang="uk">\u00ab{END}\u00bb</span> <span class="lang">(uk)</span></td>'
    assert comparison.count(cell) == 2, comparison
    assert not HtmlDoc(html).errors
    saves = json.loads(render([path], "json", paired=True))["comparison"]["saves"]
    assert [(s["end_reason"], s.get("end_lang")) for s in saves] == [(END, "uk")] * 2
    # read in the language it was typed in: as typed, unmarked
    ukrainian = render([path], "md", lang="uk", paired=True)
    assert "(uk)" not in ukrainian and ukrainian.count(f"| {END} |") >= 2


def test_a_folder_of_more_saves_than_are_reported_in_full_marks_each_typed_end_reason(tmp_path: Path) -> None:
    """Found in review: past FULL_REPORTS_MAX saves the reports are built without a decision log, and every row of
    the comparison's "Ended" showed a Ukrainian end reason plain in an English report."""
    first = tmp_path / "s1.jsonl"
    facilitated_save(first, scenario(), 4, _ukrainian_room)
    for i in range(2, FULL_REPORTS_MAX + 2):
        (tmp_path / f"s{i}.jsonl").write_bytes(first.read_bytes())
    end = f"\u00ab{END}\u00bb (uk)"
    md = render([tmp_path], "md", lang="en")
    rows = [line for line in md.splitlines() if line.startswith("| ") and ".jsonl |" in line]
    assert len(rows) == FULL_REPORTS_MAX + 1 and all(f"| {end} |" in row for row in rows), rows
    saves = json.loads(render([tmp_path], "json"))["comparison"]["saves"]
    assert [s.get("end_lang") for s in saves] == ["uk"] * (FULL_REPORTS_MAX + 1)
