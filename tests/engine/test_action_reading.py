"""``Action.from_dict`` reads a save's every line and every seat's wire action: its quick path for plain JSON
objects takes and refuses exactly what the full check does."""

from __future__ import annotations

from types import MappingProxyType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.engine.actions import KINDS, Action, _FIELD_ORDER

_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from(["rus", "ua", "borders", "x"]),
    st.sampled_from(KINDS), st.lists(st.integers(0, 3), max_size=2), st.lists(st.text(max_size=2), max_size=2),
    st.dictionaries(st.sampled_from(["dice", "total"]), st.integers(1, 6), max_size=2), st.floats(0, 1),
)
_KEYS = st.sampled_from([*_FIELD_ORDER, "forged"])


def _read(data: Any) -> Action | str:
    try:
        return Action.from_dict(data)
    except ValueError as exc:
        return f"refused: {exc}"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, max_size=5), st.one_of(st.none(), st.sampled_from(KINDS), _VALUES))
def test_the_quick_path_agrees_with_the_full_check(data: dict[str, Any], kind: Any) -> None:
    if kind is not None:
        data = {**data, "kind": kind}
    # a read-only mapping is not a dict: it takes the full check
    assert _read(data) == _read(MappingProxyType(data))


def test_wrong_types_are_refused_on_the_quick_path_too() -> None:
    assert _read({"kind": "move", "choice": True}) == "refused: action field 'choice' has the wrong type"
    assert _read({"kind": "vote", "accept": 1}) == "refused: action field 'accept' has the wrong type"
    assert _read({"kind": ["move"]}) == "refused: unknown action kind ['move']"
    assert _read({"kind": "pass", "actor": "rus"}) == Action("pass", actor="rus")
    assert _read({"kind": "move", "reasons": ["a", "b"]}) == Action("move", reasons=("a", "b"))
    assert _read({"kind": "move", "reasons": ["a", 2]}) == "refused: action field 'reasons' has the wrong type"
