"""The report words a move the facilitator set aside, its track closed before it was settled (``lapse``): in the
decision log and the timeline, in md, html and json, with no roll, vote or reason made up for it.

Found from outside (seed 11): Borders collapsed under the EU's failed press, and Russia's «Ask for mediation» on
Borders was then ruled on, with a reason, before the record said it lapsed whatever was ruled. Now the facilitator
sets it aside; the report must say that, not a ruling nobody made.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session
from tabletop.report import render
from tests.engine.lapse_kit import argument_actions, collapse_actions
from tests.report.kit import unfolded

SUMMARY = "Facilitator sets aside: Russia: Ask for mediation lapses \u2014 Borders is collapsed (move #9)"
WORKING = "set aside by the facilitator: nobody rolled, voted or ruled on it \u2192 lapsed: the track had closed"


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lapse") / "lapse.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 11, path, {})
    for action in (*collapse_actions(), Action("lapse", track="borders"), Action("advance")):
        session.apply(action)
    session.close()
    return path


def test_the_json_report_records_the_lapse_as_the_ruling_on_its_move(save: Path) -> None:
    report = json.loads(render(save, "json"))
    entry = next(e for e in report["log"] if e["kind"] == "lapse")
    assert entry["summary"] == SUMMARY and entry["working"] == WORKING and entry["facilitator"]
    assert entry["proposal"] == 9 and entry["move_name"] == "Ask for mediation"
    assert "reason" not in entry and "reason" not in entry["ruling"]
    move = next(e for e in report["log"] if e["seq"] == 9)
    assert move["outcome"] == "lapsed" and move["ruled_at"] == entry["seq"]
    rulings = [r for rnd in report["timeline"] for r in rnd["rulings"]]
    lapse = next(r for r in rulings if r["seq"] == entry["seq"])
    assert lapse["lapsed"] and lapse["proposal"] == 9 and lapse["working"] == WORKING


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_decision_log_and_the_timeline_say_the_facilitator_set_it_aside(save: Path, fmt: str) -> None:
    said = unfolded(render(save, fmt))
    assert SUMMARY in said and WORKING in said
    if fmt == "md":  # the round's timeline: the ruling on the move
        assert f"Ruling #14 on move #9: Russia \u2014 Ask for mediation: {WORKING}" in said
    assert "facilitator&#x27;s reason" not in said and "facilitator's reason" not in said


@pytest.mark.parametrize(("code", "words"), [
    ("ru", "Ведущий снимает с рассмотрения: Россия: Попросить о посредничестве отпадает"),
    ("uk", "Ведучий знімає з розгляду: Росія: Попросити про посередництво відпадає"),
])
def test_the_lapse_reads_in_russian_and_ukrainian(save: Path, code: str, words: str) -> None:
    assert words in render(save, "md", lang=code)


def test_an_argument_set_aside_keeps_its_words_and_its_counters_in_the_report(tmp_path: Path) -> None:
    """Found in review: an argument set aside, its track collapsed by an override after Russia had countered it, was in
    the report's arguments with an empty action, no reasons and no counters ("action: “”", "counters": []); the
    lapse now records what was typed and chosen, as a roll's ruling does."""
    path = tmp_path / "argued.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 11, path, {})
    actions, argued = argument_actions()
    for action in actions:
        session.apply(action)
    counter = next(a for a in legal_actions(session.state) if a.kind == "counter")
    session.apply(Action("counter", actor=counter.actor, track="humanitarian", text="They will not keep it"))
    session.apply(Action("override", track="humanitarian", status="collapsed", reason="walk-out"))
    session.apply(Action("lapse", track="humanitarian"))
    session.close()
    ((group,),) = [json.loads(render(path, "json"))["arguments"]]
    (entry,) = group["arguments"]
    assert entry["outcome"] == "lapsed" and entry["text"] == argued.text
    assert entry["reasons"] == list(argued.reasons)
    assert [c["text"] for c in entry["counters"]] == ["They will not keep it"]
    said = render(path, "md")
    assert f"action: “{argued.text}”" in said and "They will not keep it" in said


@pytest.mark.parametrize(("code", "words"), [("ru", "(ведущий) \u2192 утратил силу"), ("uk", "(ведучий) \u2192 втратив чинність")])
def test_a_lapsed_move_is_said_in_the_gender_of_a_move(save: Path, code: str, words: str) -> None:
    """Found from outside: «Хід #9: Росія — Попросити про посередництво … → втратило чинність» («Ход … утратило
    силу»): a move (хід, ход) is masculine."""
    assert words in render(save, "md", lang=code)
