"""The debrief reads the arguments: each format shows them per track, typed texts literally; the
participants' copy leaves out what is still behind the gate."""

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
from tests.store.savekit import record_actions

#: typed text that would be markup, an escape sequence or HTML if it were not shown literally
TYPED = "Open a *hotline* <b>now</b> [red]x[/] \x1b[2J"
COUNTER = "\u00abСлова\u00bb | dear & cheap"


def _game(path: Path, sealed: bool = False, stop_after_counter: bool = False) -> Path:
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE,
             argument(text=TYPED, reasons=("It costs nothing", "Both sides asked")), pass_("b"), pass_("c"), ADVANCE,
             counter("b", COUNTER)]
    if not stop_after_counter:
        steps += [counter("c"), odds("likely"), Action("roll", track="alpha")]
    scenario = argue_scenario(sealed=sealed, counters="all")
    record_actions(path, scenario, 2, [lambda _s, a=a: a for a in steps])
    return path


def test_the_json_report_keeps_each_argument_under_its_track(tmp_path: Path) -> None:
    report = json.loads(render(_game(tmp_path / "g.jsonl"), "json"))
    [track] = report["arguments"]
    assert track["track"] == "alpha"
    [a] = track["arguments"]
    assert a["text"] == TYPED and a["reasons"] == ["It costs nothing", "Both sides asked"]
    assert a["counters"] == [{"actor": "b", "actor_name": "Brask", "text": COUNTER},
                             {"actor": "c", "actor_name": "Corvin", "text": None}]
    assert (a["odds"], a["odds_by"], a["outcome"]) == ("likely", "facilitator", "succeeds" if a["success"] else "fails")
    assert a["headline"].startswith("Round 1: Arden argues for progress +1 \u2014 ")
    assert "Corvin did not counter" in a["lines"]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_md_and_html_show_every_reason_and_counter_literally(tmp_path: Path, fmt: str) -> None:
    text = render(_game(tmp_path / "g.jsonl"), fmt)
    quote = esc if fmt == "md" else e
    assert ("## Arguments" if fmt == "md" else "<h2>Arguments</h2>") in text
    for typed in (f"action: \u201c{TYPED}\u201d", "reason 2: \u201cBoth sides asked\u201d",
                  f"counter by Brask: \u201c{COUNTER}\u201d", "odds: likely (6+ on two dice), set by the facilitator"):
        assert quote(typed) in text, typed
    assert "\x1b" not in text and "<b>now" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_participants_do_not_see_counters_behind_the_gate(tmp_path: Path, fmt: str) -> None:
    path = _game(tmp_path / "sealed.jsonl", sealed=True, stop_after_counter=True)
    assert COUNTER[1:6] in render(path, fmt)  # the facilitator's copy has it
    participants = render(path, fmt, audience="participants")
    assert COUNTER[1:6] not in participants
    assert "arguments and counters still behind the gate" in participants
    assert "waiting for counters" in participants


def test_the_decision_log_credits_the_odds_the_facilitator_set_to_the_facilitator(tmp_path: Path) -> None:
    """Found from outside: "| game | Status of Ukraine | The facilitator sets the odds: even …", without the
    facilitator's mark that an override, an undo or a note has: the debrief hid a judgement call."""
    path = _game(tmp_path / "g.jsonl")
    report = json.loads(render(path, "json"))
    [set_odds] = [d for d in report["log"] if d["kind"] == "odds"]
    assert set_odds["facilitator"] is True
    row = next(line for line in render(path, "md").splitlines() if "sets the odds" in line)
    assert "| facilitator |" in row and "| game |" not in row, row


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_participants_do_not_learn_that_an_unrevealed_sealed_move_is_an_argument(tmp_path: Path, fmt: str) -> None:
    """Found from outside: before the reveal, the board and the log said only "Russia: a sealed move, committed",
    but the participants' copy had "## Arguments / ### Status of Ukraine / Round 1: Russia: a sealed argument,
    not revealed in this save": which kind of move, and on which track."""
    path = tmp_path / "sealed.jsonl"
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, argument(text=TYPED)]
    record_actions(path, argue_scenario(sealed=True, counters="all"), 2, [lambda _s, a=a: a for a in steps])
    assert esc(TYPED) in render(path, "md")  # the facilitator's copy has it
    participants = render(path, fmt, audience="participants")
    assert "Arden: a sealed move, committed" in participants
    assert "sealed argument" not in participants and "argues" not in participants
    if fmt == "json":
        assert json.loads(participants)["arguments"] == []
    else:
        assert "Arguments" not in participants.replace("arguments and counters", "")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_an_argument_whose_track_closed_before_its_roll_says_why_it_lapsed(tmp_path: Path, fmt: str) -> None:
    """Found from outside (helper-99): the Arguments section read "argues for progress +1 — lapsed", then the whole
    roll, with no reason; only the timeline said "lapsed: the track had closed". The headline says it too."""
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE,
             argument(text="Open a hotline", reasons=("It costs nothing",)), pass_("b"), pass_("c"), ADVANCE,
             counter("b", "No"), counter("c"), odds("likely"),
             Action("override", track="alpha", status="deferred", reason="parked by the room"),
             Action("roll", track="alpha")]
    path = tmp_path / "lapsed.jsonl"
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    [track] = json.loads(render(path, "json"))["arguments"]
    [a] = track["arguments"]
    assert a["outcome"] == "lapsed"
    said = "Round 1: Arden argues for progress +1 \u2014 lapsed: the track had closed"
    assert a["headline"] == said
    assert (esc(said) if fmt == "md" else e(said) if fmt == "html" else said) in render(path, fmt)


def test_a_ruling_undone_then_made_again_marks_the_typed_texts_in_both(tmp_path: Path) -> None:
    """Found from outside (helper-173): in a Ukrainian debrief the argument's Russian text and reason were marked
    «…» (ru) in the ruling made again after an undo (#24), and unmarked in the undone one (#20) above it."""
    from dataclasses import replace

    said, reason = "Предложить нейтралитет", "Это снижает риск эскалации"
    argued = replace(argument(text=said, reasons=(reason,)), lang="ru")
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, argued, pass_("b"), pass_("c"), ADVANCE,
             counter("b"), counter("c"), odds("likely"), Action("roll", track="alpha"), Action("undo", reason="again"),
             Action("roll", track="alpha")]
    path = tmp_path / "g.jsonl"
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    report = json.loads(render(path, "json", lang="uk"))
    assert [d["undone"] for d in report["log"] if d["kind"] == "roll"] == [True, False]
    md = render(path, "md", lang="uk")
    rows = [line for line in md.splitlines() if line.startswith("| ") and said in line]
    assert len(rows) == 2 and all(f"\u00ab{said}\u00bb (ru)" in row for row in rows), rows  # the decision log
    assert md.count(said) == md.count(f"\u00ab{said}\u00bb (ru)"), md  # the timeline, the arguments: all marked
    html = render(path, "html", lang="uk")
    assert html.count(said) == html.count(f'<span lang="ru">\u00ab{said}\u00bb</span>'), html


#: language -> what the headline and the ruling say of an argument for deferring the track
DEFERRED = {
    "en": ("Round 1: Arden argues for deferring the track \u2014 succeeds", "wants: the track deferred;"),
    "ru": ("Раунд 1: Arden добивается результата: трек отложен \u2014 ", "желаемый результат: трек отложен;"),
    "uk": ("Раунд 1: Arden домагається результату: трек відкладено \u2014 ", "бажаний результат: трек відкладено;"),
}


@pytest.mark.parametrize("code", DEFERRED)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_status_argued_for_reads_as_a_result(tmp_path: Path, fmt: str, code: str) -> None:
    """Found from outside: "Mediating states argue for deferred — succeeds", "- wants: deferred", and in Russian
    «выступают за отложено», «желаемый результат: отложено»."""
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE,
             argument(wanted={"status": "deferred"}), pass_("b"), pass_("c"), ADVANCE,
             counter("b"), odds("likely"), Action("roll", track="alpha", outcome={"dice": [6, 6]})]
    path = tmp_path / "g.jsonl"
    record_actions(path, argue_scenario(), 2, [lambda _s, a=a: a for a in steps])
    text = render(path, fmt, lang=code)
    headline, wants = DEFERRED[code]
    assert (esc(headline) if fmt == "md" else e(headline)) in text
    assert (esc(wants) if fmt == "md" else e(wants)) in text
    # the JSON keeps the record, and the result in words
    [track] = json.loads(render(path, "json", lang=code))["arguments"]
    assert track["arguments"][0]["wanted"] == {"status": "deferred"}


def test_an_english_reason_of_an_action_marked_ukrainian_is_not_marked_so(tmp_path: Path) -> None:
    """Found from outside (helper-237): an argument "Propose neutrality with guarantees (нейтралітет)" with English
    reasons was recorded with one lang, uk, for the whole action (the text's Ukrainian word tells it), and every
    reason showed "(uk)" on the board, in the ruling and in every report. The mark beside a text is that text's:
    a text with no Cyrillic letter is marked neither ru nor uk; the record keeps the action's lang."""
    from dataclasses import replace

    from tabletop.lang import using
    from tabletop.play.arguing import argument_spans
    from tabletop.store.reading import open_save

    said, reasons = "Propose neutrality with guarantees (нейтралітет)", ("It lowers the risk", "Both sides asked")
    argued = replace(argument(text=said, reasons=reasons), lang="uk")
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, argued, pass_("b"), pass_("c"), ADVANCE,
             counter("b", "Too vague"), counter("c"), odds("likely"), Action("roll", track="alpha")]
    path = tmp_path / "g.jsonl"
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[4])["action"]["lang"] == "uk"  # kept as recorded
    for fmt in ("md", "html"):
        doc = render(path, fmt, lang="en")
        for reason in reasons:
            assert reason in doc and f"\u00ab{reason}" not in doc, (fmt, reason)
            for end in ("\u00bb (uk)", "\u201d (uk)", " (uk)", "\u201d</span> <span class=\"lang\">(uk)"):
                assert f"{reason}{end}" not in doc, (fmt, reason, end)
        assert "нейтралітет" in doc and "(uk)" in doc, fmt  # the action's own text is Ukrainian in part: marked
    state = open_save(path).state_at(7)  # the argument tabled, its counters to come
    with using("en"):
        board = "".join(text for text, _style in argument_spans(state, state.queue[0], marked=True))
    assert "reason 1: It lowers the risk\n" in board and "(uk)" in board, board


def test_a_ukrainian_reason_of_an_argument_recorded_russian_is_marked_ukrainian(tmp_path: Path) -> None:
    """Found from outside (helper-318): an argument typed on a Russian screen, its second reason plainly Ukrainian
    (і), is recorded with one lang, ru, and that reason read "«Другий довід: мир і безпека» (ru)" on the Ukrainian
    board, in the Ukrainian report and in the English one. Each text is marked by its own letters where they tell
    (і ї є ґ: Ukrainian; ы э ъ ё: Russian); the record keeps its bytes."""
    from dataclasses import replace

    from tabletop.lang import using
    from tabletop.play.arguing import argument_spans
    from tabletop.store.reading import open_save

    said, russian, ukrainian = "Предложить нейтралитет с гарантиями — ёлка", "Довод первый: безопасность", \
        "Другий довід: мир і безпека"
    argued = replace(argument(text=said, reasons=(russian, ukrainian)), lang="ru")
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, argued, pass_("b"), pass_("c"), ADVANCE,
             counter("b", "Too vague"), counter("c"), odds("likely"), Action("roll", track="alpha")]
    path = tmp_path / "g.jsonl"
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[4])["action"]["lang"] == "ru"  # kept as recorded
    for lang in ("en", "uk", "ru"):
        for fmt in ("md", "html"):
            doc = render(path, fmt, lang=lang)
            assert ukrainian in doc, (lang, fmt)
            for end in ("\u00bb (ru)", "\u201d (ru)", "\u201d</span> <span class=\"lang\">(ru)"):
                assert f"{ukrainian}{end}" not in doc, (lang, fmt, end)
            if lang == "ru":  # read in Russian, the Ukrainian reason is marked so
                assert "(uk)" in doc, (lang, fmt)
    state = open_save(path).state_at(7)  # the argument tabled, its counters to come
    for lang in ("uk", "en"):
        with using(lang):
            board = "".join(text for text, _style in argument_spans(state, state.queue[0], marked=True))
        assert f"{ukrainian} (ru)" not in board and f"{ukrainian}\u00bb (ru)" not in board, (lang, board)
    with using("en"):
        board = "".join(text for text, _style in argument_spans(state, state.queue[0], marked=True))
    assert "(uk)" in board and "(ru)" in board, board  # each reason by its own letters


def test_the_hosts_note_on_a_decision_entered_for_a_team_is_in_each_report_s_language(tmp_path: Path) -> None:
    """Found from outside (helper-318): the host's note on a choice the console entered for a team with no screen was
    saved as Russian text and every report printed it as the facilitator's typed note, marked (ru), three times. The
    note records the team; each report words it in its own language. An older save's typed note still reads."""
    old = "Введено ведущим: у команды «Бета» не был подключён экран."
    steps = [Action("draw"), Action("note", about=1, entered="b"), Action("note", about=1, text=old, lang="ru")]
    path = tmp_path / "g.jsonl"
    record_actions(path, argue_scenario(), 2, [lambda _s, a=a: a for a in steps])
    assert json.loads(path.read_text(encoding="utf-8").splitlines()[2])["action"] == {"about": 1, "entered": "b",
                                                                                      "kind": "note"}
    for lang, words in (("en", "Entered by the facilitator: "), ("uk", "Введено ведучим: у команди"),
                        ("ru", "Введено ведущим: у команды")):
        for fmt in ("md", "html"):
            doc = render(path, fmt, lang=lang)
            assert words in doc, (lang, fmt)
            assert doc.count(old) >= 1, (lang, fmt)  # the older save's typed note, as typed
        [note, typed] = json.loads(render(path, "json", lang=lang))["notes"]
        assert note["entered"] == "b" and words in note["text"] and "lang" not in note, note
        assert typed["text"] == old and typed["lang"] == "ru"
