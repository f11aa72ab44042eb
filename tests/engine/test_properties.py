"""Properties of random games of every bundled scenario, under both independence modes.

Games choose uniformly among ``legal_actions`` (seeded), some with the
facilitator's powers mixed in. What must hold in every game:

- determinism: the same seed and the same choices give the same state
  hashes, in this process and in one with another PYTHONHASHSEED;
- a recorded draw or roll fed back through ``outcome`` gives the same state;
- ``apply`` never changes the state it is given;
- non-interference (strict): an action scoped to track T leaves every other
  track and every meter as it was; an action scoped to no track changes no
  track (undo excepted: it restores the state before, as a whole);
- no dead ends: ``legal_actions`` is empty only once the game is over, and
  every action it lists is accepted; the moves it lists are exactly the
  ``move_options`` without a problem, in the same order (a link move's entry
  once for each partner it may name);
- every game ends, within a bound computed from the scenario.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop import RuleViolation, apply, legal_actions, new_game
from tabletop.content import Scenario
from tabletop.engine import State, move_options, objectives_met
from tabletop.engine.legal import link_partners
from tabletop.engine.actions import CHANCE_KINDS
from tabletop.engine.scope import goodwill_meters

from .support import BUNDLED_RULESETS, MODES, REPO, action_bound, bundled_as, catalogue_scenario, random_game

#: the fixed seeds the hypothesis examples are drawn from (kept small to stay fast)
EXAMPLES = 30
SEEDS = st.integers(min_value=0, max_value=2**32 - 1)
PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written outside tests/engine
    suppress_health_check=[HealthCheck.too_slow],
)

SCENARIO_PARAMS = [
    pytest.param(path, mode, id=f"{path.stem}-as-{mode}") for path in BUNDLED_RULESETS for mode in MODES
]


def test_bundled_scenarios_are_found() -> None:
    names = {p.stem for p in BUNDLED_RULESETS}
    assert {"parallel-tracks", "parallel-tracks-linked"} <= names


def _long_catalogue(mode: str) -> Scenario:
    """The catalogue scenario made to last 8 rounds: its 5-card deck is reshuffled, cards set aside."""
    tweak: dict[str, object] = {"ruleset.turns": 8}
    for track in ("alpha", "beta", "gamma"):
        tweak[f"tracks.{track}.start_position"] = 0
        tweak[f"tracks.{track}.breakdown_at"] = 9
    return catalogue_scenario(mode, tweak)


def _check_objectives(state: State) -> None:
    """The objectives rule at the end of any game: nothing is met on a collapsed track unless the
    objective names collapsed; a met objective has its position; a provisional deal is not yet agreed."""
    for actor, rows in objectives_met(state).items():
        for objective, ok in rows:
            track = state.tracks[objective.track]
            named = objective.statuses()
            if not ok:
                continue
            assert track.status != "collapsed" or "collapsed" in named, (actor, objective)
            assert objective.at_least is None or track.position >= objective.at_least, (actor, objective)
            assert not named or track.status in named, (actor, objective)
            assert not (named and track.status == "agreed" and track.provisional), (actor, objective)


def _playable_options(state: State, actor: str) -> list:
    """The ``move_options`` without a problem, each link move's entry once for every partner it may name."""
    out = []
    for action, problem in move_options(state, actor):
        if problem is not None:
            continue
        if action.link is None and state.scenario.index.moves[action.move].link:
            out.extend(replace(action, link=other) for other in link_partners(state, action.track))
        else:
            out.append(action)
    return out


def _check_game(scenario: Scenario, seed: int, choices: int, facilitator: bool) -> None:
    strict = scenario.ruleset.ruleset.independence == "strict"
    bound = action_bound(scenario)
    steps = 0
    powers = 0
    last = None
    for step in random_game(scenario, seed, choices, facilitator=facilitator, max_actions=4 * bound):
        steps += 1
        before, action, after = step.before, step.action, step.after
        powers += action.kind in ("override", "undo", "note", "inject", "skip", "redraw", "end")
        if before.phase == "moves" and before.turn is not None and before.card is None:
            # the listed moves are exactly the options a screen shows as playable, in its order
            listed = [a for a in legal_actions(before) if a.kind == "move"]
            assert listed == _playable_options(before, before.turn)
        # apply is pure: the state it was given is as it was
        assert before.hash == step.before_hash, f"apply changed the old state ({action.kind})"
        assert len(after.log) == len(before.log) + 1
        if strict and action.kind != "undo":
            if action.track is not None:
                for tid, track in before.tracks.items():
                    if tid != action.track:
                        assert after.tracks[tid] == track, f"{action.kind} on {action.track} changed {tid}"
                # a meter moves only by the goodwill of an agreement the action completed (on_agreed)
                assert dict(after.meters) == goodwill_meters(before, after), (
                    f"{action.kind} on {action.track} changed a meter beyond its agreement's goodwill"
                )
            else:
                assert dict(after.tracks) == dict(before.tracks), f"{action.kind} (no track) changed a track"
        last = after
    assert last is not None and last.over, f"seed {seed}: the game did not end within {4 * bound} actions"
    assert legal_actions(last) == []
    _check_objectives(last)
    # each power is one action, may undo one more, and an injected card needs one to resolve it
    limit = bound + 3 * powers
    assert steps <= limit, f"seed {seed}: {steps} actions, more than the bound {limit}"


@pytest.mark.parametrize(("path", "mode"), SCENARIO_PARAMS)
@PROPERTY_SETTINGS
@given(seed=SEEDS, choices=SEEDS)
def test_random_games_keep_the_rules(path: Path, mode: str, seed: int, choices: int) -> None:
    _check_game(bundled_as(path, mode), seed, choices, facilitator=False)


@pytest.mark.parametrize(("path", "mode"), SCENARIO_PARAMS)
@settings(PROPERTY_SETTINGS, max_examples=EXAMPLES // 2)
@given(seed=SEEDS, choices=SEEDS)
def test_random_games_with_facilitator_powers_keep_the_rules(path: Path, mode: str, seed: int, choices: int) -> None:
    _check_game(bundled_as(path, mode), seed, choices, facilitator=True)


@pytest.mark.parametrize("mode", MODES)
@PROPERTY_SETTINGS
@given(seed=SEEDS, choices=SEEDS)
def test_long_games_of_a_small_deck_keep_the_rules(mode: str, seed: int, choices: int) -> None:
    _check_game(_long_catalogue(mode), seed, choices, facilitator=True)


def _hashes(scenario: Scenario, seed: int, choices: int, facilitator: bool = False) -> list[str]:
    return [step.after.hash for step in random_game(scenario, seed, choices, facilitator=facilitator)]


@pytest.mark.parametrize(("path", "mode"), SCENARIO_PARAMS)
@settings(PROPERTY_SETTINGS, max_examples=EXAMPLES // 2)
@given(seed=SEEDS, choices=SEEDS)
def test_same_seed_and_choices_give_the_same_game(path: Path, mode: str, seed: int, choices: int) -> None:
    scenario = bundled_as(path, mode)
    first = _hashes(scenario, seed, choices, facilitator=True)
    assert first == _hashes(scenario, seed, choices, facilitator=True)


def _replays_with_recorded_outcomes(scenario: Scenario, seed: int, choices: int) -> int:
    """Replay a game feeding back each chance action's recorded outcome; return how many reshuffles it saw."""
    steps = list(random_game(scenario, seed, choices, facilitator=True))
    state = new_game(scenario, seed)
    reshuffles = 0
    for step in steps:
        action = step.action
        recorded = step.after.last.result.get("outcome") if step.after.last else None
        if action.kind in CHANCE_KINDS and recorded is not None:
            action = replace(action, outcome=recorded)
            reshuffles += int(recorded.get("reshuffled", 0))
        state = apply(state, action)
        assert state.hash == step.after.hash, f"replaying {action.kind} (event {step.after.seq}) gives another state"
    return reshuffles


@pytest.mark.parametrize(("path", "mode"), SCENARIO_PARAMS)
@settings(PROPERTY_SETTINGS, max_examples=EXAMPLES // 2)
@given(seed=SEEDS, choices=SEEDS)
def test_recorded_outcomes_replay_to_the_same_states(path: Path, mode: str, seed: int, choices: int) -> None:
    _replays_with_recorded_outcomes(bundled_as(path, mode), seed, choices)


@pytest.mark.parametrize("mode", MODES)
def test_recorded_reshuffles_replay_to_the_same_states(mode: str) -> None:
    scenario = _long_catalogue(mode)
    reshuffles = sum(_replays_with_recorded_outcomes(scenario, seed, seed + 1) for seed in range(12))
    assert reshuffles >= 3  # the small deck really was reshuffled in these games


@pytest.mark.parametrize("path", BUNDLED_RULESETS, ids=[p.stem for p in BUNDLED_RULESETS])
def test_every_listed_action_is_accepted(path: Path) -> None:
    """Seeded loop: at every step of a few games, each listed action applies without a RuleViolation."""
    scenario = bundled_as(path, "strict")
    for seed in range(2):
        for step in random_game(scenario, seed, seed):
            for option in legal_actions(step.before):
                try:
                    apply(step.before, option)
                except RuleViolation as exc:  # pragma: no cover - the failure message is the point
                    pytest.fail(f"listed but refused in round {step.before.round}: {option} -> {exc}")


_CHILD = """
import json, sys
sys.path.insert(0, {repo!r})
from tests.engine.support import bundled_as, random_game
from pathlib import Path
scenario = bundled_as(Path({path!r}), {mode!r})
print(json.dumps([s.after.hash for s in random_game(scenario, {seed}, {choices}, facilitator=True)]))
"""


@pytest.mark.parametrize("mode", MODES)
def test_hashes_are_the_same_in_another_process(mode: str) -> None:
    path = next(p for p in BUNDLED_RULESETS if p.stem == "parallel-tracks")
    seed, choices = 2026, 11
    here = _hashes(bundled_as(path, mode), seed, choices, facilitator=True)
    code = _CHILD.format(repo=str(REPO), path=str(path), mode=mode, seed=seed, choices=choices)
    env = {**os.environ, "PYTHONHASHSEED": "123"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == here
    assert len(here) > 20


@pytest.mark.parametrize(("path", "mode"), SCENARIO_PARAMS)
def test_the_hash_text_is_the_plain_repr_of_each_part(path: Path, mode: str) -> None:
    """The state hash renders unchanged parts once; the text must stay what the plain ``repr``
    gives, or saves written before would stop verifying."""
    from tabletop.engine.state import _queue_repr, _resources_repr, _sorted_repr

    scenario = bundled_as(path, mode)
    for step in random_game(scenario, seed=3, choices=5, facilitator=True):
        state = step.after
        assert _resources_repr(state.resources) == repr(
            tuple((a, tuple(sorted(r.items()))) for a, r in sorted(state.resources.items())))
        assert _queue_repr(state.queue) == repr(tuple(
            (p.seq, p.actor, p.move, p.track, p.link, p.resolution, p.votes, p.revealed) for p in state.queue))
        assert _sorted_repr(state.passed) == repr(tuple(sorted(state.passed)))
        assert _sorted_repr(state.used_once) == repr(tuple(sorted(state.used_once)))
