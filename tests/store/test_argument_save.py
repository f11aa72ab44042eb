"""A save records an argument's texts, counters, odds and roll; ``verify`` replays them; the schema admits them."""

from __future__ import annotations

import json
from pathlib import Path

from tabletop.engine import Action
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify
from tests.engine.argue_kit import argue_scenario, argument, counter, odds
from tests.engine.support import ADVANCE, pass_

from .savekit import lines_of, rechain, record_actions, records_of

TYPED = "Open a hotline \u2014 \u00abнемедленно\u00bb [b]now[/b] \x1b[2J"


def _argument_game(path: Path):  # noqa: ANN202 - a Recorded
    # the draw as the seed gives it (verify re-derives it), the card set aside
    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE,
             argument(text=TYPED, reasons=("It costs nothing", "Both asked")), pass_("b"), pass_("c"), ADVANCE,
             counter("b", "Words are cheap"),
             odds(strong=(0, 2)), Action("roll", track="alpha")]
    return record_actions(path, argue_scenario(odds="matrix"), 3, [lambda _s, a=a: a for a in steps])


def test_the_save_keeps_the_texts_and_verifies(tmp_path: Path) -> None:
    import jsonschema

    from tabletop.store.schema import save_schema

    game = _argument_game(tmp_path / "game.jsonl")
    records = records_of(game.path)
    argued = next(r for r in records[1:] if r["action"].get("move") == "argue")
    assert argued["action"]["text"] == TYPED and argued["action"]["reasons"] == ["It costs nothing", "Both asked"]
    ruling = records[-1]["result"]["ruling"]
    assert ruling["counters"] == [["b", "Words are cheap"]] and ruling["odds"] == "even" and ruling["strong"] == [0, 2]
    schema = save_schema()
    for record in records[1:]:
        jsonschema.validate(record, {**schema["$defs"]["event"], "$defs": schema["$defs"]})
    report = verify(game.path)
    assert report.ok, report.lines()
    # resume: the save reads back into the same game
    save = open_save(game.path)
    assert save.first_mismatch() is None and save.state_at(len(save)).hash == game.states[-1].hash


def test_verify_names_a_forged_odds(tmp_path: Path) -> None:
    """The odds are worked out from the strong marks: a save claiming other odds (chain recomputed) is damaged."""
    game = _argument_game(tmp_path / "game.jsonl")
    records = [json.loads(line) for line in lines_of(game.path)]
    records[-1]["result"]["ruling"]["odds"] = "very-likely"
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(rechain(records))
    report = verify(forged)
    assert not report.ok and report.damage is not None
    assert "ruling.odds" in report.damage.detail
