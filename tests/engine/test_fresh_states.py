"""An action copies a state once, and never changes a state anyone holds.

A handler makes the new state with ``evolve`` (one copy of the fields); what
follows within the same action — the drafts of its bench written back
(``settle._commit_fresh``), the next turn, the log and the undo stack's entry
``apply`` adds — is written into that state in place (``settle_fresh``),
since nobody else has seen it yet. Counted, not timed: the copies an
action makes, and every field of every state handed out, before and after.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import fields
from typing import Any

import pytest

from tabletop import Action, RuleViolation, apply, legal_actions, load_scenario, new_game
from tabletop.engine import State, adjudication
from tabletop.engine import state as state_module


def _copies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A counter of ``evolve`` calls, wherever the engine's modules imported it."""
    count = [0]
    real = state_module.evolve

    def counted(state: State, **changes: Any) -> State:
        count[0] += 1
        return real(state, **changes)

    for name, module in list(sys.modules.items()):
        if name.startswith("tabletop.engine") and getattr(module, "evolve", None) is real:
            monkeypatch.setattr(module, "evolve", counted)
    return count


def _copies_by_kind(monkeypatch: pytest.MonkeyPatch, name: str, seeds: range) -> dict[str, Counter[int]]:
    """For each kind of action of random games, how many copies each made (a histogram), the copy that
    ends the game (``flow._finish``) not counted."""
    count = _copies(monkeypatch)
    seen: dict[str, Counter[int]] = {}
    for seed in seeds:
        rng = random.Random(seed)
        state = new_game(load_scenario(name), seed=seed)
        while not state.over:
            action = rng.choice(legal_actions(state))
            before = count[0]
            state = apply(state, action)
            seen.setdefault(action.kind, Counter())[count[0] - before - state.over] += 1
    return seen


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked"])
def test_a_move_or_a_pass_copies_the_state_once(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _copies_by_kind(monkeypatch, name, range(4))
    assert sum(seen["move"].values()) > 50 and sum(seen["pass"].values()) > 5
    # an auto move enacted at once, a move tabled, a pass: one copy each (the code before made three)
    assert set(seen["move"]) == {1}, seen["move"]
    assert set(seen["pass"]) == {1}, seen["pass"]
    assert set(seen["draw"]) == {1}, seen["draw"]  # the card turned up and the event marked done: one copy
    # adjudicating: at most one copy for taking the proposal off the queue (and its dice), whatever it enacts
    for kind in ("vote", "roll", "rule", "counter", "odds"):
        assert max(seen.get(kind, {0: 1})) <= 1, (kind, seen[kind])


def _values(state: State) -> tuple[object, ...]:
    return tuple(getattr(state, f.name) for f in fields(state))


#: the facilitator's powers, tried now and then between the players' actions
def _powers(state: State, rng: random.Random) -> list[Action]:
    track = rng.choice(list(state.tracks))
    return [
        Action("override", track=track, tension=0, reason="calm"),
        Action("override", meter=rng.choice(list(state.meters)), value=0, reason="reset"),
        Action("note", text="a note"),
        Action("undo", reason="again"),
        Action("skip", reason="not this one"),
        Action("redraw", reason="another"),
        Action("inject", card=rng.choice(list(state.scenario.index.cards)), reason="news"),
    ]


@pytest.mark.parametrize("name", ["parallel-tracks", "parallel-tracks-linked", "river-basin"])
def test_no_state_handed_out_is_changed_by_any_later_action(name: str) -> None:
    rng = random.Random(11)
    state = new_game(load_scenario(name), seed=11)
    held: list[tuple[State, tuple[object, ...], str]] = []
    kinds: Counter[str] = Counter()
    while not state.over and len(held) < 600:
        options = list(legal_actions(state))
        if rng.random() < 0.15:
            options = _powers(state, rng)
        action = rng.choice(options)
        held.append((state, _values(state), state.hash))
        try:
            state = apply(state, action)
        except RuleViolation:
            continue
        kinds[action.kind] += 1
    assert len(kinds) >= 12, kinds  # the players' actions and most of the powers were tried
    held.append((state, _values(state), state.hash))
    for old, values, digest in held:
        assert all(a is b for a, b in zip(_values(old), values, strict=True))
        assert old.hash == digest


def test_a_rolls_modifiers_are_worded_once_not_at_every_roll(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_scenario("parallel-tracks")
    modifiers = [mod for move in scenario.ruleset.moves for mod in move.modifiers]
    assert modifiers
    worded: Counter[int] = Counter()
    monkeypatch.setattr(adjudication, "_SOURCES", {})  # (worded by an earlier test in this process, else)
    for kind in {type(mod) for mod in modifiers}:
        real = kind.describe

        def counted(self: Any, real: Any = real) -> str:
            worded[id(self)] += 1
            return real(self)

        monkeypatch.setattr(kind, "describe", counted)
    rolls = 0
    for seed in range(6):
        rng = random.Random(seed)
        state = new_game(scenario, seed=seed)
        while not state.over:
            action = rng.choice(legal_actions(state))
            state = apply(state, action)
            if action.kind == "roll" and state.last is not None and "modifiers" in state.last.result.get("ruling", {}):
                rolls += 1
                assert [m["source"] for m in state.last.result["ruling"]["modifiers"]]  # still worded in the record
    assert rolls > 10
    # the code before worded every modifier of the move at every roll
    assert worded and max(worded.values()) == 1, worded
