"""A move the listing has just checked is not checked again, and nothing else is let through.

``legal_actions`` remembers (weakly) the last moves turn it listed; ``apply`` of one
of those very action objects on that very state skips ``_expect`` and
``_check_move`` (the listing made every check they make). Anything else — an
equal action built anew, a listed action on another state, a state listed
before the last — is checked as before. A handler sets its last field on the
state it has just made (``settle_fresh``): no state anyone holds is ever
changed. Counted, not timed.
"""

from __future__ import annotations

import random
from dataclasses import fields, replace

import pytest

from tabletop import apply, legal_actions, load_scenario, new_game
from tabletop.engine import RuleViolation, State, moves
from tabletop.engine.codes import Code


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every action ``_check_move`` is asked about, in order."""
    asked: list[object] = []
    real = moves._check_move

    def counted(state: State, action: object) -> object:
        asked.append(action)
        return real(state, action)  # type: ignore[arg-type]

    monkeypatch.setattr(moves, "_check_move", counted)
    return asked


def _values(state: State) -> tuple[object, ...]:
    return tuple(getattr(state, f.name) for f in fields(state))


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked"])
def test_a_listed_move_is_checked_by_the_listing_alone(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _counting(monkeypatch)
    scenario = load_scenario(name)
    played = rebuilt = linked = handed = 0
    for seed in range(3):
        rng = random.Random(seed)
        state = new_game(scenario, seed=seed)
        while not state.over:
            options = legal_actions(state)
            action = options[rng.randrange(len(options))]
            if action.kind == "move" and action.link is None and rng.random() < 0.5:
                # an equal action made anew is not the listed one: checked as before, same game
                action = replace(action)
                rebuilt += 1
            elif action.kind == "move" and action.link is None:
                played += 1
            elif action.kind == "move" and rng.random() < 0.5:
                # a pair read from a Listing is built when read, and handed out: an equal one made anew is not
                action = replace(action)
                rebuilt += 1
                linked += 1
            elif action.kind == "move":
                handed += 1  # a pair as the Listing handed it out: the listing checked it
            state = apply(state, action)
    assert played > 50 and rebuilt > 50
    # once for each action built anew, never for a listed one (a pair read from a Listing included)
    assert len(asked) == rebuilt
    assert sum(1 for a in asked if a.link is not None) == linked  # type: ignore[attr-defined]
    assert (linked > 5 and handed > 5) if name == "parallel-tracks-linked" else linked == handed == 0


def test_a_listed_action_on_another_state_is_checked() -> None:
    state = new_game(load_scenario("parallel-tracks"), seed=3)
    while not (state.phase == "moves" and state.turn is not None):
        state = apply(state, legal_actions(state)[0])
    mover = state.turn
    action = next(a for a in legal_actions(state) if a.kind == "move")
    after = apply(state, action)
    assert after.turn != mover
    # listed for ``state``, not for ``after``: not let through on the listing's word
    with pytest.raises(RuleViolation) as refused:
        apply(after, action)
    assert refused.value.code == Code.NOT_YOUR_TURN
    # and a state listed before the last one is checked afresh (still legal there)
    legal_actions(after)
    assert apply(state, action).hash == after.hash


def test_no_state_anyone_holds_is_changed_by_an_action() -> None:
    scenario = load_scenario("parallel-tracks-linked")
    rng = random.Random(7)
    state = new_game(scenario, seed=7)
    held: list[tuple[State, tuple[object, ...], str]] = []
    while not state.over:
        options = legal_actions(state)
        action = options[rng.randrange(len(options))]
        before = (state, _values(state), state.hash)
        new = apply(state, action)
        again = apply(state, action)
        assert again.hash == new.hash and again is not new
        held.append(before)
        state = new
    assert len(held) > 100
    for old, values, digest in held:
        assert _values(old) == values
        assert all(a is b for a, b in zip(_values(old), values, strict=True))
        assert old.hash == digest


def test_the_independence_mode_kept_in_a_state_follows_its_scenario() -> None:
    from tabletop.engine.state import evolve

    strict = new_game(load_scenario("parallel-tracks"), seed=1)
    assert strict.independence == "strict"  # read once, then kept in the state's own dict
    assert evolve(strict, round=2).independence == "strict"
    linked = evolve(strict, scenario=load_scenario("parallel-tracks-linked"))
    assert linked.independence == "linked"  # a new scenario: read again, not carried along
