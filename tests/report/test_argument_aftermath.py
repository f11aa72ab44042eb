"""What became of an argument after its ruling, and of one taken back: the Arguments section says it.

Found from outside (helper-222): a Russian debrief's «Аргументы» showed Ukraine's humanitarian argument as a success
(2+6 = 8 vs 6, position 0 → 1) and nothing else, while the room had seen the facilitator override the track back to 0
(#28, with a reason): only the timeline and the decision log said so. And an argument the facilitator undid before
its ruling read "not ruled in this save", as if it were still waiting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.engine import Action
from tabletop.report import render
from tabletop.report.htmlparts import e
from tabletop.report.markdown import esc
from tests.engine.argue_kit import argue_scenario, argument, counter, odds
from tests.engine.support import ADVANCE, pass_
from tests.report.kit import unfolded
from tests.store.savekit import record_actions

REASON = "Not agreed in the capital [bold]x[/]"
LATER = "Second thoughts"


def _record(path: Path, steps: list[Action]) -> Path:
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    return path


def _roll(track: str = "alpha") -> Action:
    return Action("roll", track=track, outcome={"dice": [6, 6]})


def _two_arguments_overridden(path: Path) -> Path:
    """a and b argue on Alpha; each ruling is followed by an override of Alpha (the first also by an override
    undone, and by one of Beta, which is no aftermath of an argument on Alpha)."""
    return _record(path, [
        Action("draw"), Action("skip", reason="not today"), ADVANCE,
        argument(text="Open a hotline"), argument(actor="b", text="Exchange lists"), pass_("c"), ADVANCE,
        counter("b"), counter("c"), odds("likely"), _roll(),
        Action("override", track="alpha", position=2, status="open", reason=REASON),
        Action("override", track="alpha", tension=0, reason="a slip"), Action("undo", reason="wrong track"),
        Action("override", track="beta", tension=1, reason="elsewhere"),
        counter("a", track="alpha"), counter("c"), odds("likely"), _roll(),
        Action("override", track="alpha", position=0, reason=LATER),
    ])


def _arguments(path: Path, **kw: str) -> list[dict]:
    [track] = json.loads(render(path, "json", **kw))["arguments"]
    return track["arguments"]


def _undo_of(path: Path, seq: int) -> int:
    """The undo that took back event ``seq``, from the decision log."""
    [undo] = [d["seq"] for d in json.loads(render(path, "json"))["log"] if d.get("undoes") == seq]
    return undo


def test_an_override_after_a_ruling_is_told_under_that_argument_and_no_other(tmp_path: Path) -> None:
    path = _two_arguments_overridden(tmp_path / "g.jsonl")
    first, second = _arguments(path)
    assert first["outcome"] == second["outcome"] == "succeeds"
    [after_first] = first["overrides"]  # not the undone one, not Beta's, not the one after the second ruling
    [after_second] = second["overrides"]
    assert after_first["reason"] == REASON and after_second["reason"] == LATER
    assert after_first["set"] == {"position": 2, "status": "open"} and after_first["seq"] > first["ruled_at"]
    assert after_first["line"] == (f"then, at #{after_first['seq']}: Facilitator override of Alpha: {REASON}; "
                                   "Alpha: position 3 \u2192 2 (Talks); Alpha: status agreed \u2192 open")


@pytest.mark.parametrize("audience", ["facilitator", "participants"])
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_md_and_html_show_the_override_under_the_argument(tmp_path: Path, fmt: str, audience: str) -> None:
    """The room saw the override: the participants' copy shows it as well."""
    path = _two_arguments_overridden(tmp_path / "g.jsonl")
    first, _second = _arguments(path)
    said = first["overrides"][0]["line"]
    text = unfolded(render(path, fmt, audience=audience))
    section = text[text.index("Arguments"):]
    quote = esc if fmt == "md" else e
    headline = section.index(quote(first["headline"]))
    assert section.index(quote(said)) > headline, said


def test_an_override_reason_typed_in_another_language_is_marked_as_the_timeline_marks_it(tmp_path: Path) -> None:
    from dataclasses import replace

    reason = "Ведущий: обмен не согласован"
    path = _record(tmp_path / "g.jsonl", [
        Action("draw"), Action("skip", reason="not today"), ADVANCE, argument(), pass_("b"), pass_("c"), ADVANCE,
        counter("b"), counter("c"), odds("likely"), _roll(),
        replace(Action("override", track="alpha", position=2, status="open", reason=reason), lang="ru")])
    [a] = _arguments(path)
    assert a["overrides"][0]["lang"] == "ru"
    assert f"Alpha: \u00ab{reason}\u00bb (ru); Alpha: position 3" in unfolded(render(path, "md"))
    assert f'Alpha: <span lang="ru">\u00ab{reason}\u00bb</span> <span class="lang">(ru)</span>;' in render(path, "html")


#: language -> the start of the line under the argument, in the engine's words for an override
OVERRIDDEN = {"ru": "затем, в событии #{seq}: Ведущий исправляет «Alpha»: ",
              "uk": "потім, у події #{seq}: Ведучий виправляє «Alpha»: "}


@pytest.mark.parametrize("code", OVERRIDDEN)
def test_the_override_line_reads_in_russian_and_ukrainian(tmp_path: Path, code: str) -> None:
    path = _two_arguments_overridden(tmp_path / "g.jsonl")
    first, _second = _arguments(path, lang=code)
    [after] = first["overrides"]
    assert after["line"].startswith(OVERRIDDEN[code].format(seq=after["seq"])), after["line"]
    assert esc(after["line"]) in unfolded(render(path, "md", lang=code))


def test_a_number_sign_mid_line_is_written_bare_in_markdown(tmp_path: Path) -> None:
    """Found from outside (a Ukrainian report): «потім, у події \\#23»: a backslash before a # in the middle of a
    line, where Markdown reads no heading. A # is escaped only where it would start one: a value that begins a
    line (a description, a headline)."""
    path = _two_arguments_overridden(tmp_path / "g.jsonl")
    first, _second = _arguments(path, lang="uk")
    [after] = first["overrides"]
    text = render(path, "md", lang="uk")
    assert f"потім, у події #{after['seq']}: " in text and "\\#" not in text
    assert esc("#1 priority: the hotline") == "\\#1 priority: the hotline"
    assert esc("then, at #23: an override") == "then, at #23: an override"


def test_an_argument_undone_before_its_ruling_reads_as_withdrawn(tmp_path: Path) -> None:
    path = _record(tmp_path / "g.jsonl", [Action("draw"), Action("skip", reason="not today"), ADVANCE,
                                          argument(), Action("undo", reason="sent by mistake"), argument()])
    undone, made_again = _arguments(path)
    assert undone["undone"] and not made_again["undone"]
    # found from outside: the withdrawn argument had a headline and no text, where the replay showed it
    assert undone["lines"] == ["action: \u201cOpen a hotline\u201d", "wants: progress +1",
                               "reason 1: \u201cIt costs nothing\u201d"]
    assert esc(undone["lines"][0]) in render(path, "md", audience="participants")
    assert undone["headline"] == (f"(undone) Round 1: Arden argues for progress +1 \u2014 "
                                  f"withdrawn: undone at #{_undo_of(path, undone['seq'])} before its ruling")
    assert "not ruled" not in unfolded(render(path, "md"))


def test_an_argument_undone_after_its_ruling_says_its_ruling_was_undone_first(tmp_path: Path) -> None:
    """The undo is a stack: to take back the argument, its ruling was taken back first; the headline says so."""
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, argument(), pass_("b"), pass_("c"), ADVANCE,
             counter("b"), counter("c"), odds("likely"), _roll()]
    path = _record(tmp_path / "g.jsonl", [*steps, *[Action("undo", reason="start again")] * 8])
    [a] = _arguments(path)
    assert a["undone"], a
    report = json.loads(render(path, "json"))
    [roll] = [d for d in report["log"] if d["kind"] == "roll"]
    assert a["headline"] == (f"(undone) Round 1: Arden argues for progress +1 \u2014 withdrawn: undone at "
                             f"#{_undo_of(path, a['seq'])}, after its ruling #{roll['seq']} was undone at "
                             f"#{roll['undone_by']}")


@pytest.mark.parametrize(("code", "said"), [("ru", "отозвано: отменено событием #{undo} до решения"),
                                            ("uk", "відкликано: скасовано подією #{undo} до рішення")])
def test_withdrawn_reads_in_russian_and_ukrainian(tmp_path: Path, code: str, said: str) -> None:
    path = _record(tmp_path / "g.jsonl", [Action("draw"), Action("skip", reason="not today"), ADVANCE,
                                          argument(), Action("undo", reason="sent by mistake")])
    [a] = _arguments(path, lang=code)
    assert a["headline"].endswith(said.format(undo=_undo_of(path, a["seq"]))), a["headline"]


def _rolled_again_at_other_odds(path: Path) -> Path:
    """The facilitator sets unlikely odds and undoes them, sets even, rolls, undoes the roll and the odds, sets
    likely and rolls again: the same dice come again (the undo dialog says so), at other odds."""
    return _record(path, [
        Action("draw"), Action("skip", reason="not today"), ADVANCE, argument(), pass_("b"), pass_("c"), ADVANCE,
        counter("b", text="Too soon"), Action("undo", reason="wrong team"), counter("b"), counter("c"),
        odds("unlikely"), Action("undo", reason="misclick"), odds("even"), Action("roll", track="alpha"),
        Action("undo", reason="wrong odds"), Action("undo", reason="wrong odds"), odds("likely"),
        Action("roll", track="alpha")])


def test_a_roll_undone_and_made_again_at_other_odds_is_told_under_its_argument(tmp_path: Path) -> None:
    """Found from outside: the Arguments section showed only the last roll, at likely odds; the roll at even odds the
    facilitator had undone, seeing its dice, before choosing other odds was only in the timeline and the log."""
    path = _rolled_again_at_other_odds(tmp_path / "g.jsonl")
    [a] = _arguments(path)
    report = json.loads(render(path, "json"))
    first, last = [d for d in report["log"] if d["kind"] == "roll"]
    [again] = a["undone_rolls"]
    assert (again["seq"], again["undone_by"], again["odds"], again["target"]) == (
        first["seq"], first["undone_by"], "even", 7) and a["ruled_at"] == last["seq"]
    d1, d2 = again["dice"]
    assert again["line"] == (f"rolled {d1} + {d2} = {d1 + d2} vs 7 (even) at #{first['seq']}, undone at "
                             f"#{first['undone_by']}; odds set again: likely")
    for fmt, quote in (("md", esc), ("html", e)):
        for audience in ("facilitator", "participants"):
            text = unfolded(render(path, fmt, audience=audience))
            section = text[text.index("Arguments"):]
            assert section.index(quote(again["line"])) > section.index(quote(a["headline"])), (fmt, audience)


@pytest.mark.parametrize(("code", "said"), [
    ("ru", "выпало {d1} + {d2} = {t}, цель 7 (шансы равные), в событии #{seq}, отменено событием #{undo}; "
           "шансы заданы заново: вероятные"),
    ("uk", "випало {d1} + {d2} = {t}, мета 7 (шанси рівні), у події #{seq}, скасовано подією #{undo}; "
           "шанси задано знову: імовірні")])
def test_the_undone_roll_reads_in_russian_and_ukrainian(tmp_path: Path, code: str, said: str) -> None:
    path = _rolled_again_at_other_odds(tmp_path / "g.jsonl")
    [a] = _arguments(path, lang=code)
    [again] = a["undone_rolls"]
    d1, d2 = again["dice"]
    assert again["line"] == said.format(d1=d1, d2=d2, t=d1 + d2, seq=again["seq"], undo=again["undone_by"])


def test_undone_counters_and_odds_are_in_the_timeline_as_undone_moves_are(tmp_path: Path) -> None:
    """Found from outside: the timeline told "Undo: Brask counters: …" and "Undo: The facilitator sets the odds:
    unlikely", while the counter and the odds it took back had no entry there (those that stand are in the ruling's
    working); an undone move reads "Move #4 … → **undone** by #5"."""
    path = _rolled_again_at_other_odds(tmp_path / "g.jsonl")
    log = json.loads(render(path, "json"))["log"]
    taken = [d for d in log if d["kind"] in ("counter", "odds") and d["undone"]]
    assert [d["kind"] for d in taken] == ["counter", "odds", "odds"]
    md = render(path, "md")
    html = render(path, "html")
    for d in taken:
        assert f"#{d['seq']}: {esc(d['summary'])} \u2192 **undone** by #{d['undone_by']}" in md, d
        assert f"#{d['seq']}: <span class=\"text\">{e(d['summary'])}" in html, d
