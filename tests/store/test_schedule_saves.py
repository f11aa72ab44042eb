"""Saves of games with a master events list: scheduled draws are recorded, verified and replayed."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tabletop.content import Scenario, scenario_from_data
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .savekit import record_bot_game, records_of, rechain, scenario


def scheduled_scenario() -> Scenario:
    """The default scenario with the borders card scheduled for round 3 and a global card for when trust is up."""
    data = copy.deepcopy(scenario().embedded())
    for card in data["deck"]["cards"]:
        if card["id"] == "park-borders":
            card["schedule"] = {"round": 3}
            card.pop("requires", None)
        # a global card with no requires of its own, so that only its schedule decides when it comes up
        elif card.get("track") is None and not card.get("schedule") and not card.get("requires"):
            card["schedule"] = {"round": 2, "when": [{"meter": "trust", "at_least": 1}]}
            break
    return scenario_from_data(data, name="scheduled")


def _scheduled_lines(path: Path) -> list[dict]:
    return [r for r in records_of(path)[1:] if (r["action"].get("outcome") or {}).get("scheduled")]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_game_with_scheduled_draws_verifies_and_replays(tmp_path: Path, seed: int) -> None:
    sc = scheduled_scenario()
    recorded = record_bot_game(tmp_path / "game.jsonl", sc, seed)
    lines = _scheduled_lines(recorded.path)
    assert lines, "the global card is due in round 2 whatever the board: a game records at least one scheduled draw"
    assert all(line["action"]["outcome"]["set_aside"] == [] for line in lines)
    report = verify(recorded.path)
    assert report.ok, report.lines()
    assert report.chance_checked >= len(lines)
    save = open_save(recorded.path)
    assert save.state_at(len(save)).hash == recorded.final.hash


def test_a_draw_recorded_as_scheduled_that_the_schedule_does_not_give_is_named(tmp_path: Path) -> None:
    sc = scheduled_scenario()
    # seed 5: most draws of the bundled deck come from its master events list; this game has pile draws too
    recorded = record_bot_game(tmp_path / "game.jsonl", sc, 5)
    records = records_of(recorded.path)
    # a draw from the pile rewritten to say its card came from the schedule
    index = next(
        i for i, r in enumerate(records)
        if r.get("action", {}).get("kind") == "draw" and not r["action"]["outcome"].get("scheduled")
    )
    records[index]["action"]["outcome"]["scheduled"] = True
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(rechain(records))
    report = verify(forged)
    assert not report.ok
    assert report.damage is not None and report.damage.seq == records[index]["seq"]
