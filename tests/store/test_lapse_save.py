"""A save with the facilitator's ``lapse`` in it: the schema takes its line, verify replays it, undo round-trips."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tabletop.content.loader import load_scenario
from tabletop.engine import Action
from tabletop.play.session import Session
from tabletop.store.reading import open_save
from tabletop.store.schema import line_schemas, save_schema
from tabletop.store.verifying import verify
from tests.engine.lapse_kit import collapse_actions


def test_a_lapse_is_saved_checked_and_replayed_like_any_event(tmp_path: Path) -> None:
    path = tmp_path / "lapse.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 11, path, {})
    for action in (*collapse_actions(), Action("lapse", track="borders"), Action("undo"),
                   Action("lapse", track="borders")):
        session.apply(action)
    hashes = session.state.hash
    session.close()

    assert "lapse" in save_schema()["$defs"]["event"]["properties"]["action"]["properties"]["kind"]["enum"]
    _, event = line_schemas()
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()[1:]]
    for line in lines:
        jsonschema.validate(line, event)
    assert [line["action"]["kind"] for line in lines[-3:]] == ["lapse", "undo", "lapse"]

    report = verify(path)
    assert report.ok, report.lines()
    assert open_save(path).final_state().hash == hashes
