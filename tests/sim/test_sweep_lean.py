"""The work a sweep's games no longer repeat (issue 20's speed), counted, not timed.

- a team's listed option is worked out again only when what its worth reads has
  changed (its track's board, the meters): an earlier judgement's worth is found
  again, the very same float a fresh judgement makes;
- a chunk of games is played with the cycle collector off (a game makes no
  reference cycles) and leaves it as it found it.
"""

from __future__ import annotations

import gc
from collections import Counter
from typing import Any

import pytest

from tabletop import load_scenario
from tabletop.sim import judging, knowledge, runner, sweeprows
from tabletop.sim.game import play_game
from tabletop.sim.sweeprows import Chunk, play_chunk

MIXES = [None, {"ua": "cooperative", "ru": "hardliner"}, {"ua": "hardliner", "ru": "cooperative"}]


def _calls(monkeypatch: pytest.MonkeyPatch, owner: type, name: str) -> Counter[str]:
    """How often ``owner.name`` is called from now on (counted under ``name``), the method doing what it did."""
    calls = Counter[str]()
    real = getattr(owner, name)

    def counted(self: Any, *args: Any) -> Any:
        calls[name] += 1
        return real(self, *args)

    monkeypatch.setattr(owner, name, counted)
    return calls


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked", "river-basin"])
def test_a_remembered_worth_is_the_one_a_fresh_judgement_makes(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = judging.Judge.option_worths
    counts = Counter[str]()

    def checked(judge: judging.Judge, options: Any) -> list[float]:
        options = list(options)
        worths = real(judge, options)
        fresh = judging.Judge(judge.state, judge.actor, judge.policy)
        fresh.know = _Forgetful(judge.know)  # type: ignore[assignment]
        again = real(fresh, options)
        assert worths == again  # the same floats, bit for bit (== on floats; no NaN here)
        counts["options"] += len(options)
        return worths

    monkeypatch.setattr(judging.Judge, "option_worths", checked)
    scenario = load_scenario(name)
    for seed, bots in enumerate(MIXES * 2):
        play_game(scenario, seed, bots)
    assert counts["options"] > 1000


class _Forgetful:
    """A bot's knowledge that remembers no option's worth (every option worked out afresh)."""

    def __init__(self, know: judging.Knowledge):
        self._know = know
        # nor anything else a judgement may find again from an earlier one
        self.track_worths: dict[Any, Any] = {}
        self.meter_worths: dict[Any, Any] = {}
        self.track_bonus: dict[Any, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._know, name)

    def remembered(self, policy: str, actor: str) -> dict[int, Any]:
        return {}

    def on_boards(self, policy: str, actor: str) -> dict[Any, Any]:
        return {}


def test_an_option_is_worked_out_again_only_when_what_it_reads_changed(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = Counter[str]()
    real_options = judging.Judge.option_worths

    def listed(judge: judging.Judge, options: Any) -> list[float]:
        options = list(options)
        counts["options"] += sum(1 for a in options if a.kind != "pass")
        return real_options(judge, options)

    monkeypatch.setattr(judging.Judge, "option_worths", listed)
    worked = _calls(monkeypatch, judging.Judge, "_track_option")
    scenario = load_scenario("parallel-tracks")
    for seed in range(6):
        play_game(scenario, seed, {"ua": "cooperative", "ru": "hardliner"})
    # every option was worked out before this change; now a third or more is found again
    assert counts["options"] > 1000
    assert worked["_track_option"] < 0.67 * counts["options"]


def test_a_dice_moves_meter_modifiers_are_asked_once_a_judgement_not_once_a_track() -> None:
    know = judging.Knowledge(load_scenario("parallel-tracks").ruleset)
    press = know.modifiers["press"]
    assert [type(m).__name__ for m in press[0]] == ["MeterModifier"] * 3  # read no track: once a judgement
    assert [type(m).__name__ for m in press[1]] == ["TensionModifier"]  # its own track's: found again
    assert know.own_track_only["press"]


def test_the_remembered_worths_are_kept_to_a_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(judging, "REMEMBERED", 200)
    scenario = load_scenario("parallel-tracks")
    know = judging.knowledge(play_game(scenario, 0)[0])
    for seed in range(1, 8):
        play_game(scenario, seed)
    sizes = [len(memo) for memo in know._remembered.values()]
    assert sizes and max(sizes) <= 201
    boards = [len(memo) for memo in know._on_boards.values()]
    assert boards and max(boards) <= 200 // 8 + 1


def test_later_games_find_most_worths_again(monkeypatch: pytest.MonkeyPatch) -> None:
    counts = _calls(monkeypatch, judging.Judge, "_track_option")
    monkeypatch.setattr(knowledge, "_KNOWN", {})  # the bots start knowing nothing of the scenario
    scenario = load_scenario("parallel-tracks")
    for seed in range(20):
        play_game(scenario, seed)
    first = counts["_track_option"]
    for seed in range(20, 40):
        play_game(scenario, seed)
    # the same number of games again: a fraction of the work (every option was worked out before)
    assert first > 1000 and counts["_track_option"] - first < first / 2


def _watch_collector(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[bool]:
    """Whether the collector was on when each game of ``module`` began."""
    seen: list[bool] = []
    real = module.play_game

    def watched(*args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(module, "play_game", watched)
    return seen


def test_a_chunk_is_played_with_the_collector_off_and_leaves_it_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _watch_collector(monkeypatch, sweeprows)
    scenario = load_scenario("parallel-tracks")
    assert gc.isenabled()
    play_chunk(scenario, Chunk(0, 0, 3, 11, {}, {}))
    assert seen == [False, False, False] and gc.isenabled()
    gc.disable()
    try:
        play_chunk(scenario, Chunk(0, 3, 4, 11, {}, {}))
        assert not gc.isenabled()  # off it was, off it stays
    finally:
        gc.enable()


def test_simulate_plays_each_game_with_the_collector_off(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _watch_collector(monkeypatch, runner)
    runner.simulate(load_scenario("parallel-tracks"), 3, seed=5)
    assert seen == [False, False, False] and gc.isenabled()


def _first_team_move(monkeypatch: pytest.MonkeyPatch, seed: int) -> tuple[Any, list[Any]]:
    """A game of the default scenario at its first team's move, and what that team may do, the bots' memory of the
    scenario empty."""
    from tabletop import apply, legal_actions, new_game

    monkeypatch.setattr(knowledge, "_KNOWN", {})
    state = new_game(load_scenario("parallel-tracks"), seed=seed)
    while not (state.phase == "moves" and state.turn is not None):
        state = apply(state, legal_actions(state)[0])
    return state, list(legal_actions(state))


def test_an_argument_that_moves_no_meter_is_found_again_when_only_the_meters_changed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tabletop.engine.arguing import effect_of
    from tabletop.engine.state import evolve
    from tabletop.sim.knowledge import Sums

    state, options = _first_team_move(monkeypatch, 1)
    arguments = [a for a in options if a.kind == "move" and a.wanted is not None]
    judge = judging.Judge(state, state.turn, "cooperative")
    # the results argued for move no meter, nor does the move's failure
    assert arguments and not any(Sums([effect_of(a.wanted)]).meters for a in arguments)
    assert not judge.know.moves[arguments[0].move].fail.meters
    worths = judge.option_worths(options)
    calls = _calls(monkeypatch, judging.Judge, "argument_worth")
    moved = evolve(state, meters={m: v + 1 for m, v in state.meters.items()})  # the tracks as they were
    again = judging.Judge(moved, state.turn, "cooperative").option_worths(options)
    assert calls["argument_worth"] == 0
    fresh = judging.Judge(moved, state.turn, "cooperative")
    fresh.know = _Forgetful(judge.know)  # type: ignore[assignment]
    assert again == fresh.option_worths(options)  # the same floats a judgement with no memory makes
    kept = [w for a, w in zip(options, worths) if a in arguments]
    assert kept == [w for a, w in zip(options, again) if a in arguments]


def test_a_dice_moves_meter_modifiers_are_asked_once_for_the_same_meters(
        monkeypatch: pytest.MonkeyPatch) -> None:
    state, options = _first_team_move(monkeypatch, 2)
    assert any(a.move == "press" for a in options)
    free = judging.knowledge(state).modifiers["press"][0]
    asked = _calls(monkeypatch, type(free[0]), "holds")
    first = judging.Judge(state, state.turn, "cooperative").option_worths(options)
    assert asked["holds"] == len(free)  # once a judgement, not once a track
    # another judgement (another team's, or a later turn's) on meters of the same values: not asked again
    again = judging.Judge(state, state.turn, "hardliner").option_worths(options)
    assert asked["holds"] == len(free) and len(again) == len(first)
