"""Golden playthroughs: whole bot games recorded action by action, replayed hash by hash.

Each file in ``tests/engine/golden/`` holds one game the bot runner
(``tabletop.sim.game.play_game``) played with a fixed seed: the scenario
it was played with (embedded, as a save embeds it, so later edits to the
bundled TOML do not change the recording), every action (``Action.to_dict()``),
the recorded outcome of each draw and roll, and the state hash after each
action. The tests check that

- replaying the actions through ``apply`` gives every recorded hash;
- replaying them with the recorded outcomes fed back gives the same hashes;
- the bots, given the same seed, choose the same actions again.

A failure means the engine (or the bots) now plays differently. Read the
first differing step before accepting it; to record the games afresh:

    python -m tests.engine.test_golden --regenerate
    # or
    TABLETOP_REGENERATE_GOLDEN=1 python -m pytest tests/engine/test_golden.py
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tabletop import Action, apply, load_scenario, new_game
from tabletop.content import Scenario, scenario_from_data
from tabletop.engine import State
from tabletop.engine.actions import CHANCE_KINDS
from tabletop.sim.game import play_game

from .support import REPO

GOLDEN = Path(__file__).resolve().parent / "golden"
RULESETS = REPO / "tabletop" / "scenarios" / "rulesets"
FORMAT = 1

#: bundled ruleset id -> the seed its golden game is played with (all bots "mixed")
GAMES = {
    "parallel-tracks": 2,  # strict: 8 full rounds; agreed (goodwill spilling over), collapsed, deferred and open side by side
    "parallel-tracks-linked": 1,  # linked: a package completed around deferred tracks
    "river-basin": 8,  # the second scenario, which shares no ids with the first
}


def _board(state: State) -> dict[str, list[Any]]:
    return {tid: [t.position, t.tension, t.status, t.provisional] for tid, t in sorted(state.tracks.items())}


def record(ruleset: str) -> dict[str, Any]:
    """Play the golden game of ``ruleset`` with the bots and return its recording."""
    seed = GAMES[ruleset]
    scenario = load_scenario(RULESETS / f"{ruleset}.toml")
    # play the embedded copy, exactly as the test replays it
    scenario = scenario_from_data(scenario.embedded(), name=ruleset)
    states: list[State] = []
    final, result = play_game(scenario, seed, observe=states.append)
    steps = []
    for state in states[1:]:
        event = state.last
        assert event is not None
        step: dict[str, Any] = {"action": event.action.to_dict(), "hash": state.hash}
        if event.action.kind in CHANCE_KINDS and "outcome" in event.result:
            step["outcome"] = event.result["outcome"]
        steps.append(step)
    return {
        "format": FORMAT,
        "ruleset": ruleset,
        "seed": seed,
        "bots": "mixed",
        "policies": result.policies,
        "final": {
            "round": final.round,
            "end_reason": final.end_reason,
            "hash": final.hash,
            "tracks": _board(final),
            "meters": dict(sorted(final.meters.items())),
        },
        "scenario": scenario.embedded(),
        "steps": steps,
    }


def write(path: Path, data: dict[str, Any]) -> None:
    """JSON with one step per line, so a changed game reads as a small diff."""
    head = {k: v for k, v in data.items() if k not in ("scenario", "steps")}
    lines = ["{"]
    for key, value in head.items():
        lines.append(f"  {json.dumps(key)}: {json.dumps(value, sort_keys=True)},")
    lines.append(f'  "scenario": {json.dumps(data["scenario"], sort_keys=True, ensure_ascii=False)},')
    lines.append('  "steps": [')
    steps = [json.dumps(s, sort_keys=True, ensure_ascii=False) for s in data["steps"]]
    lines.append(",\n".join(f"    {s}" for s in steps))
    lines.append("  ]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def regenerate() -> list[Path]:
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for ruleset in GAMES:
        if not (RULESETS / f"{ruleset}.toml").is_file():
            continue
        path = GOLDEN / f"{ruleset}.json"
        write(path, record(ruleset))
        written.append(path)
    return written


# --------------------------------------------------------------------------
# Tests


@pytest.fixture(scope="module", autouse=True)
def _regenerate_on_request() -> None:
    if os.environ.get("TABLETOP_REGENERATE_GOLDEN") == "1":
        regenerate()


def _load(ruleset: str) -> tuple[dict[str, Any], Scenario]:
    path = GOLDEN / f"{ruleset}.json"
    if not path.is_file():
        if (RULESETS / f"{ruleset}.toml").is_file():
            pytest.fail(f"no golden game for {ruleset}: run python -m tests.engine.test_golden --regenerate")
        pytest.skip(f"{ruleset} is not bundled and has no golden game")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT
    return data, scenario_from_data(data["scenario"], name=path.name)


@pytest.mark.parametrize("ruleset", list(GAMES))
def test_golden_game_replays_hash_by_hash(ruleset: str) -> None:
    data, scenario = _load(ruleset)
    state = new_game(scenario, seed=data["seed"])
    for i, step in enumerate(data["steps"]):
        action = Action.from_dict(step["action"])
        state = apply(state, action)
        assert state.hash == step["hash"], f"step {i} ({action.kind}, round {state.round}) plays differently"
    assert state.over
    final = data["final"]
    assert state.hash == final["hash"]
    assert state.round == final["round"]
    assert state.end_reason == final["end_reason"]
    assert _board(state) == final["tracks"]
    assert dict(state.meters) == final["meters"]


@pytest.mark.parametrize("ruleset", list(GAMES))
def test_golden_game_replays_with_recorded_outcomes(ruleset: str) -> None:
    data, scenario = _load(ruleset)
    state = new_game(scenario, seed=data["seed"])
    chance = 0
    for i, step in enumerate(data["steps"]):
        action = Action.from_dict(step["action"])
        if "outcome" in step:
            action = replace(action, outcome=step["outcome"])
            chance += 1
        state = apply(state, action)
        assert state.hash == step["hash"], f"step {i} ({action.kind}) with its recorded outcome plays differently"
        if "outcome" in step:
            assert state.last is not None and state.last.result["outcome"] == step["outcome"]
    assert chance >= data["final"]["round"]  # at least one draw a round was fed back


@pytest.mark.parametrize("ruleset", list(GAMES))
def test_bots_choose_the_golden_actions_again(ruleset: str) -> None:
    data, scenario = _load(ruleset)
    final, result = play_game(scenario, data["seed"])
    played = [event.action.to_dict() for event in final.log]
    recorded = [step["action"] for step in data["steps"]]
    first_difference = next((i for i, (a, b) in enumerate(zip(played, recorded)) if a != b), None)
    assert first_difference is None, f"the bots chose differently at step {first_difference}"
    assert len(played) == len(recorded)
    assert result.policies == data["policies"]
    assert final.hash == data["final"]["hash"]


def test_golden_files_stay_small() -> None:
    total = sum(p.stat().st_size for p in GOLDEN.glob("*.json"))
    assert 0 < total < 400_000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.engine.test_golden", description=__doc__.splitlines()[0])
    parser.add_argument("--regenerate", action="store_true", help="play the golden games again and rewrite the files")
    args = parser.parse_args(argv)
    if not args.regenerate:
        parser.print_help()
        return 2
    for path in regenerate():
        print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
