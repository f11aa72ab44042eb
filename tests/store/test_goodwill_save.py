"""A save records an agreement's goodwill (``on_agreed``), and ``verify`` recomputes it."""

from __future__ import annotations

import json
from pathlib import Path

from tabletop.store.verifying import verify

from tabletop.engine import Action
from tabletop.engine.telling import tell
from tabletop.store.reading import open_save
from tests.engine.support import ADVANCE, catalogue_scenario, move
from .savekit import lines_of, record_actions, records_of, rechain

GOODWILL = {"meter": "trust", "from": 4, "to": 5, "spillover": "beta"}


def _goodwill_game(path: Path):  # noqa: ANN202 - a Recorded
    scenario = catalogue_scenario("strict", {"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]})
    # the draw as the seed gives it (verify re-derives it), the card set aside, then Beta agreed
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE, move("a", "concede", "beta")]
    return record_actions(path, scenario, 1, [lambda _s, a=a: a for a in steps])


def test_the_save_records_the_goodwill_and_verifies(tmp_path: Path) -> None:
    import jsonschema

    from tabletop.store.schema import save_schema

    game = _goodwill_game(tmp_path / "game.jsonl")
    last = records_of(game.path)[-1]
    assert last["result"]["changes"][-1] == GOODWILL
    save = open_save(game.path)
    assert "Beta agreed: Trust +1 (goodwill)" in tell(save.events[-1], save.scenario)
    schema = save_schema()
    event_schema = {**schema["$defs"]["event"], "$defs": schema["$defs"]}
    jsonschema.validate(last, event_schema)
    report = verify(game.path)
    assert report.ok, report.lines()


def test_verify_recomputes_the_goodwill(tmp_path: Path) -> None:
    """A save claiming more goodwill than the rules give (chain recomputed, so only a replay can tell) is damaged."""
    game = _goodwill_game(tmp_path / "game.jsonl")
    records = [json.loads(line) for line in lines_of(game.path)]
    records[-1]["result"]["changes"][-1]["to"] = 7
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(rechain(records))
    report = verify(forged)
    assert not report.ok
    assert report.damage is not None and report.damage.kind == "result differs"
    assert "changes[2].to" in report.damage.detail
