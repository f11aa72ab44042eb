"""A pass the facilitator undid is told as undone in the timeline's "Passed:", as its other undone events are."""

from __future__ import annotations

from pathlib import Path

from tabletop.engine import Action, State
from tabletop.report import build_report, render

from .kit import HtmlDoc, facilitated_save, md_text, scenario


def _undo_first_pass(state: State) -> list[Action]:
    last = state.last
    assert last is not None
    done = any(e.action.kind == "undo" for e in state.log)
    return [Action("undo", reason="Pressed by mistake")] if last.action.kind == "pass" and not done else []


def test_an_undone_pass_is_marked_undone_in_every_format(tmp_path: Path) -> None:
    """Found from outside: "Passed: … Mediating states (#8, the time was up), Mediating states (#10, …)" where #8
    was undone by #9 (the JSON report said so): the Markdown and HTML timelines listed it as a pass like the rest."""
    path = tmp_path / "undone-pass.jsonl"
    facilitated_save(path, scenario(), 3, _undo_first_pass)
    report = build_report(path)
    passes = [p for rnd in report["timeline"] for p in rnd["passes"]]
    undone = next(p for p in passes if p["undone"])
    kept = [p for p in passes if not p["undone"]]
    assert kept, "the game goes on passing after the undo"
    name = undone["actor_name"]

    for md in (md_text(render([path], "md")), md_text(render([path], "md", paired=True))):
        _said_undone_in_md(md, undone, kept)

    for page in (render([path], "html"), render([path], "html", paired=True)):
        html = HtmlDoc(page).text
        assert f"{name} (#{undone['seq']}) UNDONE by #{undone['undone_by']}" in html
        for p in kept:
            assert f"(#{p['seq']}) UNDONE" not in html


def _said_undone_in_md(md: str, undone: dict, kept: list[dict]) -> None:
    name = undone["actor_name"]
    passed = next(line for line in md.splitlines() if f"{name} (#{undone['seq']}" in line and "Passed:" in line)
    assert f"{name} (#{undone['seq']}) (undone by #{undone['undone_by']})" in passed
    for p in kept:  # the others are not marked
        assert f"(#{p['seq']}) (undone" not in md and f"(#{p['seq']}, the time was up) (undone" not in md

