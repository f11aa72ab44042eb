"""A rule that never fires is refused in a file being written, never in a save being read back.

validate refuses a dice target no roll reaches and a condition no game meets (a meter at 500 on 0..10); a save whose
embedded scenario holds one was played with it (written before the check, or by a tabletop without it): verify,
the report and resume still read it. A check added since must not lose a debrief.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tabletop.content import ContentError
from tabletop.content.loader import load_scenario, scenario_from_data
from tabletop.report import build_report
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .savekit import record_bot_game


def _never_fires(data: dict, rule: str) -> dict:
    """The default scenario with its first dice move's target past 12 and every modifier, or its first move
    waiting for a meter above its range."""
    data = copy.deepcopy(data)
    if rule == "dice target":
        move = next(m for m in data["ruleset"]["moves"] if m.get("resolution") == "dice")
        move["target"] = 12 + sum(max(0, m["add"]) for m in move.get("modifiers", [])) + 1
    else:
        move = data["ruleset"]["moves"][0]
        meter = data["ruleset"]["meters"][0]
        move["requires"] = [*move.get("requires", []), {"meter": meter["id"], "at_least": meter.get("max", 10) + 490}]
    return data


@pytest.mark.parametrize("rule", ["dice target", "meter past its range"])
def test_a_save_with_a_rule_that_never_fires_is_read_verified_and_reported(tmp_path: Path, rule: str) -> None:
    data = _never_fires(load_scenario("parallel-tracks").embedded(), rule)
    with pytest.raises(ContentError, match="never"):  # as a file's content: refused
        from tabletop.content.parsing import parse_ruleset
        from tabletop.content.source import SourceFile

        parse_ruleset(SourceFile("ruleset.toml", data["ruleset"]))
    scenario = scenario_from_data(data, "old save")  # read back from a save: not refused
    game = record_bot_game(tmp_path / "old.jsonl", scenario, 4)
    report = verify(game.path)
    assert report.ok, report.lines()
    assert len(open_save(game.path)) == len(game.states) - 1
    assert build_report(game.path) is not None
