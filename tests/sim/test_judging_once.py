"""A bot game does each piece of its judging once: counted, not timed.

- the game lists each state's actions once per decision (``legal_actions`` once an action);
- a judgement weighs each effect sums on each track once, however many moves
  share them (moves with equal effects share one :class:`~tabletop.sim.judging.Sums`);
- the caches a bot keeps across judgements stay the size of the scenario, not of
  the number of games played.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tabletop import load_scenario
from tabletop.sim import game, judging
from tabletop.sim.game import play_game


def test_a_game_lists_each_state_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = Counter[str]()
    real = game.legal_actions

    def counted(state: object) -> object:
        calls["listed"] += 1
        return real(state)  # type: ignore[arg-type]

    monkeypatch.setattr(game, "legal_actions", counted)
    scenario = load_scenario("parallel-tracks")
    actions = sum(play_game(scenario, seed)[1].actions for seed in range(4))
    assert calls["listed"] == actions


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked"])
def test_a_judgement_weighs_each_sums_once_per_track(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    weighed = Counter[tuple[int, int, object]]()
    real = judging.Judge._effects_worth

    def counted(judge: judging.Judge, sums: judging.Sums, tid: str | None) -> float:
        weighed[(id(judge), id(sums), tid)] += 1
        return real(judge, sums, tid)

    monkeypatch.setattr(judging.Judge, "_effects_worth", counted)
    judges: list[judging.Judge] = []  # kept alive, so no two judgements share an id
    real_init = judging.Judge.__init__

    def kept(judge: judging.Judge, *args: object) -> None:
        real_init(judge, *args)  # type: ignore[arg-type]
        judges.append(judge)

    monkeypatch.setattr(judging.Judge, "__init__", kept)
    scenario = load_scenario(name)
    for seed in range(3):
        play_game(scenario, seed, {"ua": "cooperative", "ru": "hardliner"})
    assert len(judges) > 50 and sum(weighed.values()) > 200
    assert max(weighed.values()) == 1


def test_moves_with_equal_effects_share_their_sums() -> None:
    scenario = load_scenario("parallel-tracks")
    know = judging.Knowledge(scenario.ruleset)
    by_value: dict[tuple[object, ...], set[int]] = {}
    for traits in know.moves.values():
        for sums in (traits.ok, traits.fail, traits.linked):
            by_value.setdefault(sums.key, set()).add(id(sums))
    assert all(len(ids) == 1 for ids in by_value.values())
    shared = Counter(id(t.fail) for t in know.moves.values())
    assert max(shared.values()) > 1  # the scenario has moves that fail alike


def test_the_bots_caches_stay_the_size_of_the_scenario() -> None:
    scenario = load_scenario("parallel-tracks")
    play_game(scenario, 0)
    know = judging.knowledge(play_game(scenario, 1)[0])
    sizes = (len(know.argued), len(know.argue_odds), len(know.consensus))
    for seed in range(2, 8):
        play_game(scenario, seed)
    after = (len(know.argued), len(know.argue_odds), len(know.consensus))
    ruleset = scenario.ruleset
    seats = sum(len(t.members) for t in ruleset.tracks)
    assert after[1] <= seats * 4 and after[2] <= seats
    # the listed arguments are made once per scenario: the same objects, weighed again
    assert after[0] <= max(sizes[0], 1) * 2
