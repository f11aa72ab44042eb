"""Every line's bytes come from ``lines.canonical``: its quick path (the C encoder made once) writes exactly what
``json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tabletop.store import lines

_SLOW = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=8) | st.sampled_from(
    ["«ok» ✓", "\u202ealert\u202c", "\x1b[31m", "a\"b\\c\n", "Київ"])
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-10**12, 10**12) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_TEXT, _JSON, max_size=6))
def test_the_quick_encoder_writes_the_same_bytes(data: dict[str, Any]) -> None:
    assert lines.canonical(data) == _SLOW.encode(data).encode("utf-8")


def test_the_quick_path_is_taken_where_the_c_encoder_is() -> None:
    if json.encoder.c_make_encoder is not None:
        assert lines._C_ENCODE is not None
    assert lines.canonical({"b": [1, True, None], "a": "Ж"}) == '{"a":"Ж","b":[1,true,null]}'.encode("utf-8")
