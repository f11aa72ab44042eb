"""What the public API (DESIGN 7a) takes from a script, and what it refuses with a clear error.

Found from outside: an analyst scripting games through ``tabletop`` met a game its own recorded seed could not
reproduce, hand-built actions whose wrong types changed the outcome, and errors from deep inside the engine.
"""

from __future__ import annotations

from typing import Any

import pytest

from tabletop import Action, apply, legal_actions, load_scenario, new_game
from tabletop.content.numbers import MOST_SEED

from .support import catalogue_scenario, opening, random_game, run


class _Index:
    """An integer of another library (as numpy's are): taken through ``__index__``."""

    def __init__(self, value: int):
        self.value = value

    def __index__(self) -> int:
        return self.value


# -- seeds ---------------------------------------------------------------------


@pytest.mark.parametrize("seed", [7.0, 7.5, True, "7", None], ids=["float", "fraction", "bool", "text", "none"])
def test_a_seed_that_is_no_whole_number_is_refused(seed: Any) -> None:
    """``seed=7.0`` shuffled the pile with "tabletop/7.0/0" and recorded 7: a game its own seed could not replay."""
    with pytest.raises(TypeError, match="seed"):
        new_game(catalogue_scenario(), seed=seed)


@pytest.mark.parametrize("seed", [-1, MOST_SEED + 1], ids=["negative", "too-big"])
def test_a_seed_past_what_the_command_line_takes_is_refused(seed: int) -> None:
    with pytest.raises(ValueError, match=str(MOST_SEED)):
        new_game(catalogue_scenario(), seed=seed)


def test_a_seed_of_another_integer_type_plays_the_game_of_its_value() -> None:
    scenario = catalogue_scenario()
    given, plain = new_game(scenario, seed=_Index(7)), new_game(scenario, seed=7)
    assert type(given.seed) is int and given.seed == 7
    assert given.pile == plain.pile and given.hash == plain.hash
    assert new_game(scenario, seed=MOST_SEED).seed == MOST_SEED


# -- what each function takes --------------------------------------------------


def test_new_game_names_the_scenario_it_takes() -> None:
    """``new_game("parallel-tracks")`` failed deep inside with an AttributeError on a str."""
    with pytest.raises(TypeError, match=r"new_game takes a Scenario from load_scenario\(\.\.\.\), got str"):
        new_game("parallel-tracks", seed=1)  # type: ignore[arg-type]


@pytest.mark.parametrize("state", [None, "state", {}], ids=["none", "text", "dict"])
def test_apply_and_legal_actions_name_the_state_they_take(state: Any) -> None:
    game = run(new_game(catalogue_scenario(), seed=1), opening())
    action = legal_actions(game)[0]
    with pytest.raises(TypeError, match=f"apply takes a State from new_game or apply, got {type(state).__name__}"):
        apply(state, action)
    with pytest.raises(TypeError, match=f"legal_actions takes a State from new_game or apply, got {type(state).__name__}"):
        legal_actions(state)


# -- a state's meters and resources ----------------------------------------------


def _mutations(mapping: Any) -> list[tuple[str, Any]]:
    key = next(iter(mapping))
    return [
        ("set", lambda: mapping.__setitem__(key, 9)),
        ("delete", lambda: mapping.__delitem__(key)),
        ("update", lambda: mapping.update({key: 9})),
        ("pop", lambda: mapping.pop(key)),
        ("popitem", lambda: mapping.popitem()),
        ("clear", lambda: mapping.clear()),
        ("setdefault", lambda: mapping.setdefault("new", 9)),
        ("merge", lambda: mapping.__ior__({key: 9})),
    ]


def test_a_states_meters_and_resources_are_never_changed() -> None:
    """``s1.meters["trust"] = 9`` changed the state before it too (the same dict), and left ``s1.hash`` as it was."""
    first = run(new_game(catalogue_scenario(), seed=1), opening())
    state = apply(first, legal_actions(first)[0])  # a's move: its resources are new, the meters shared
    before = (first.hash, state.hash, dict(first.meters), dict(state.meters), {a: dict(r) for a, r in state.resources.items()})
    for mapping in (state.meters, state.resources, state.resources["a"], state.resources["b"]):
        for what, change in _mutations(mapping):
            with pytest.raises(TypeError, match="never changed"):
                change()
            assert len(mapping) > 0, what
    assert (first.hash, state.hash, dict(first.meters), dict(state.meters),
            {a: dict(r) for a, r in state.resources.items()}) == before
    # a copy is a plain dict, to play what-ifs on
    what_if = dict(state.meters)
    what_if["trust"] += 1
    assert state.meters["trust"] == before[3]["trust"] != what_if["trust"]


def test_meters_and_resources_made_by_every_kind_of_action_are_never_changed() -> None:
    """Every state of some games, whichever action made it (a card, a move, an override, an undo, a new round)."""
    kinds = set()
    for choices in range(6):  # (these six games use every power but end)
        for step in random_game(catalogue_scenario(), seed=choices, choices=choices, facilitator=True):
            kinds.add(step.action.kind)
            for mapping in (step.after.meters, step.after.resources, *step.after.resources.values()):
                with pytest.raises(TypeError):
                    mapping[next(iter(mapping))] = 0
    assert {"draw", "move", "override", "undo", "advance"} <= kinds


# -- actions as values -------------------------------------------------------------


def test_every_action_can_be_hashed_and_equal_ones_hash_alike() -> None:
    """``set(legal_actions(state))`` failed on an argument's ``wanted`` table (found from outside)."""
    from tabletop import Action

    from .argue_kit import argue_scenario

    state = run(new_game(argue_scenario(), seed=1), opening())
    listed = legal_actions(state)
    arguments = [a for a in listed if a.wanted is not None]
    assert len(arguments) >= 2 and len(set(listed)) == len(listed)
    for action in [*listed, Action("roll", track="alpha", outcome={"dice": [3, 4]}),
                   Action("draw", outcome={"card": "quiet", "set_aside": ["thaw"], "reshuffled": 0}),
                   Action("odds", track="alpha", strong=(0, 2), wanted={"progress": 1})]:
        again = Action.from_dict(action.to_dict())  # a save's copy: equal, and so the same in a set
        assert again == action and hash(again) == hash(action)
        assert {action: 1}[again] == 1


def test_an_actions_field_types_are_checked_once_per_action_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """The type check ``apply`` runs on the fields a kind reads (found from outside: ``accept="no"`` counted as yes)
    runs once for each action object: a listing's actions are the same objects turn after turn, and a game of
    ~180 actions plays ~20 distinct ones. Counted, not timed: a wrong action is refused every time it is handed in."""
    from tabletop.engine import rules
    from tabletop.engine.actions import RuleViolation

    checked = []
    real = rules._TYPED

    class Counting(dict):  # type: ignore[type-arg]
        def __getitem__(self, kind: str) -> Any:
            checked.append(kind)
            return real[kind]

    monkeypatch.setattr(rules, "_TYPED", Counting(real))
    monkeypatch.setattr(rules, "_VOUCHED", {}, raising=False)
    state = start = new_game(load_scenario("parallel-tracks"), seed=3)
    played = []
    for _ in range(80):
        action = legal_actions(state)[0]
        played.append(action)
        state = apply(state, action)
    assert len(checked) == len({id(a) for a in played}) < len(played) / 2
    wrong = Action(kind="vote", actor="ru", accept="no")  # refused by its type, before whose turn it is
    for _ in range(2):
        with pytest.raises(RuleViolation) as refused:
            apply(start, wrong)
        assert refused.value.code == "INVALID_ACTION"
