"""Bots follow their policy, not the cheapest move, and stay deterministic.

The policy tests play one board of the small scenario in ``bots.toml`` many
times, each with its own seed, and look at the spread of choices: a bot
picks with a little chance, so a policy shows in what it favours.
"""

from __future__ import annotations

import random
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from tabletop import Action, apply, legal_actions, load_scenario, new_game
from tabletop.content import Scenario, scenario_from_data
from tabletop.engine import State
from tabletop.sim.bots import Bot, Facilitator
from tabletop.sim.game import play_game
from tabletop.sim.judging import dice_odds
from tabletop.sim.runner import run_games

HERE = Path(__file__).resolve().parent
TRIALS = 400


@cache
def scenario() -> Scenario:
    data = {name: tomllib.loads((HERE / f"{file}.toml").read_text(encoding="utf-8"))
            for name, file in (("ruleset", "bots"), ("deck", "bots-deck"))}
    return scenario_from_data(data, name="bots")


def _until(state: State, done) -> State:  # noqa: ANN001 - a predicate on the state
    """Play on until ``done(state)``: every team passes, every other wait takes its first option."""
    while not done(state):
        options = legal_actions(state)
        state = apply(state, options[-1] if options[-1].kind == "pass" else options[0])
    return state


@cache
def a_to_move() -> State:
    """Round 1, Arden to move: every track at position 1, tension 1."""
    state = _until(new_game(scenario(), seed=3), lambda s: s.phase == "moves" and s.turn == "a")
    assert {t.position for t in state.tracks.values()} == {1} and {t.tension for t in state.tracks.values()} == {1}
    return state


def choices(policy: str, state: State, without: str | None = None) -> Counter[tuple[str | None, str | None]]:
    """How often a bot of ``policy`` takes each (move, track) on ``state``, over many seeds.

    ``without``: leave out the moves on this track (a legal subset still).
    """
    options = [a for a in legal_actions(state) if without is None or a.track != without]
    out: Counter[tuple[str | None, str | None]] = Counter()
    for seed in range(TRIALS):
        action = Bot(policy, random.Random(seed)).choose(state, options)
        out[(action.move or action.kind, action.track)] += 1
    return out


def share(counts: Counter, pred) -> float:  # noqa: ANN001
    return sum(n for key, n in counts.items() if pred(*key)) / sum(counts.values())


def test_cooperative_moves_its_own_track_forward_and_never_raises_tension() -> None:
    counts = choices("cooperative", a_to_move(), without="park")
    forward_home = share(counts, lambda m, t: t == "home" and m in ("propose", "press", "mediate"))
    forward_theirs = share(counts, lambda m, t: t == "theirs" and m in ("propose", "press", "mediate"))
    assert forward_home > 0.3
    assert forward_home > 2 * forward_theirs
    assert share(counts, lambda m, t: m in ("walk_out", "posture")) == 0
    # mediation is one option among others, not the default
    assert share(counts, lambda m, t: m == "mediate") < 0.5
    assert len({m for m, _ in counts}) >= 3


def test_hardliner_presses_its_own_track_and_does_not_help_others() -> None:
    hard = choices("hardliner", a_to_move(), without="park")
    coop = choices("cooperative", a_to_move(), without="park")
    press_home = share(hard, lambda m, t: (m, t) == ("press", "home"))
    assert press_home > 0.2
    assert press_home > share(coop, lambda m, t: (m, t) == ("press", "home"))
    # Brask wants Theirs publicly; Arden has no stake there and gives it nothing
    assert share(hard, lambda m, t: t == "theirs" and m in ("propose", "mediate")) == 0
    assert share(hard, lambda m, t: t == "theirs" and m == "press") < 0.03
    # ...and stands in its way: the walk-outs are there, not on its own track
    assert share(hard, lambda m, t: (m, t) == ("walk_out", "theirs")) > 0.02
    assert share(hard, lambda m, t: (m, t) == ("walk_out", "home")) == 0
    assert share(hard, lambda m, t: m == "mediate") < 0.25


def test_a_team_that_wants_a_track_parked_defers_it_rather_than_moving_it_forward() -> None:
    for policy in ("cooperative", "hardliner"):
        counts = choices(policy, a_to_move())
        defer = share(counts, lambda m, t: (m, t) == ("defer", "park"))
        forward = share(counts, lambda m, t: t == "park" and m in ("propose", "press", "mediate"))
        assert defer > 0.15, policy
        assert forward < defer / 4, policy


def _vote_on(move: str, track: str) -> State:
    """Brask's vote on Arden's proposal ``move`` on ``track``."""
    state = a_to_move()
    state = apply(state, Action("move", actor="a", move=move, track=track))
    return _until(state, lambda s: s.phase == "adjudication" and legal_actions(s)[0].kind == "vote")


def test_votes_follow_what_the_voter_wants() -> None:
    on_theirs = _vote_on("propose", "theirs")  # Brask's own objective
    on_home = _vote_on("propose", "home")  # Arden's: Brask has no stake
    def accepts(policy: str, state: State) -> float:
        opts = legal_actions(state)
        return sum(Bot(policy, random.Random(s)).choose(state, opts).accept for s in range(TRIALS)) / TRIALS
    assert accepts("hardliner", on_theirs) > 0.5
    assert accepts("hardliner", on_home) < 0.5
    assert accepts("cooperative", on_home) > 0.6
    assert accepts("cooperative", on_theirs) > accepts("cooperative", on_home) - 0.1


def test_a_card_choice_follows_the_policy() -> None:
    state = _until(new_game(scenario(), seed=0), lambda s: s.phase != "event" or legal_actions(s)[0].kind == "choose"
                   and bool(s.card))
    for seed in range(50):  # find a game whose first card is the offer
        state = _until(new_game(scenario(), seed=seed), lambda s: s.card is not None or s.phase != "event")
        if state.card == "offer":
            break
    else:  # pragma: no cover - the deck has two cards
        pytest.fail("no seed draws the offer first")
    options = legal_actions(state)
    taken = sum(Bot("cooperative", random.Random(s)).choose(state, options).choice == 0 for s in range(TRIALS))
    assert taken / TRIALS > 0.8


def test_dice_odds_are_the_2d6_odds() -> None:
    assert dice_odds(2) == 1.0 and dice_odds(13) == 0.0
    assert dice_odds(8) == 15 / 36 and dice_odds(7) == 21 / 36


def test_the_simulated_facilitator_grants_about_half_with_a_reason() -> None:
    options = [Action("rule", track="home", success=True, reason=""), Action("rule", track="home", success=False, reason="")]
    rulings = [Facilitator(random.Random(s)).choose(options) for s in range(2000)]
    granted = sum(r.success for r in rulings) / len(rulings)
    assert 0.45 < granted < 0.55
    assert {r.reason for r in rulings} == {"simulated ruling"}


def _resolutions(games: int) -> tuple[Counter[str], Counter[str]]:
    sc = load_scenario("parallel-tracks")
    resolution = {m.id: m.resolution for m in sc.ruleset.moves}
    overall: Counter[str] = Counter()
    cooperative: Counter[str] = Counter()
    for seed in range(games):
        states: list[State] = []
        _, result = play_game(sc, seed, observe=states.append)
        for state in states[1:]:
            action = state.last.action  # type: ignore[union-attr]
            if action.kind == "move":
                overall[resolution[action.move]] += 1
                if result.policies[action.actor] == "cooperative":
                    cooperative[resolution[action.move]] += 1
    return overall, cooperative


def test_facilitator_rulings_are_not_what_bots_mostly_ask_for() -> None:
    overall, cooperative = _resolutions(60)
    total = sum(overall.values())
    assert overall["facilitator"] / total < 0.25
    assert overall.most_common(1)[0][0] != "facilitator"
    assert cooperative["facilitator"] / sum(cooperative.values()) < 0.25


def test_same_seed_same_game() -> None:
    sc = load_scenario("parallel-tracks")
    first, second = play_game(sc, 11)[0], play_game(sc, 11)[0]
    assert first.hash == second.hash


def test_the_same_games_on_one_worker_or_two() -> None:
    sc = load_scenario("parallel-tracks")
    one = list(run_games(sc, 12, seed=5, workers=1))
    two = list(run_games(sc, 12, seed=5, workers=2))
    assert [(r.seed, r.tracks, r.actions, r.policies) for r in one] == [(r.seed, r.tracks, r.actions, r.policies) for r in two]


@pytest.mark.parametrize(("spec", "said"), [
    # found from outside: "--bots ru" (Russia's team played by a bot) was told "unknown bot policy 'ru'"
    ("ru", "--bots ru: ru is a team; give it a policy: --bots ru=hardliner (policies: random, cooperative, hardliner)"),
    ("cooprative", "unknown bot policy 'cooprative' (did you mean 'cooperative'?) (expected one of random, "
                   "cooperative, hardliner, or mixed)"),
])
def test_a_bots_spec_naming_a_team_or_misspelling_a_policy_says_what_was_meant(spec: str, said: str) -> None:
    from tabletop.sim.bots import parse_bots

    with pytest.raises(ValueError) as err:
        parse_bots(spec, ["ru", "us"])
    assert str(err.value) == said


def test_a_misspelt_policy_for_one_team_gets_its_near_match_too() -> None:
    """Found from outside: ``--bots cooprative`` was told "did you mean 'cooperative'?", ``--bots
    kessaria=cooprative`` only the list."""
    from tabletop.sim.bots import parse_bots

    with pytest.raises(ValueError) as err:
        parse_bots("ru=cooprative", ["ru", "us"])
    assert str(err.value) == ("unknown bot policy 'cooprative' (did you mean 'cooperative'?) for ru (expected one of "
                              "random, cooperative, hardliner)")
