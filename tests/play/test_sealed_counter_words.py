"""A sealed counter and a sealed pass read alike until the last counter reveals them (found from outside: the
Russian screen said "counter made", «возражение сделано», of a team that had passed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tabletop.lang import using
from tabletop.play.arguing import _counter_spans


@pytest.mark.parametrize(("code", "words"), [("en", "a counter or a pass entered"), ("ru", "возражение или пас"),
                                             ("uk", "заперечення або пас")])
def test_a_sealed_counter_and_a_sealed_pass_read_alike(code: str, words: str) -> None:
    argument = SimpleNamespace(counters=(("ua", "They broke the last one"), ("us", None)))
    with using(code):
        lines = [text for text, _style in _counter_spans(argument, {"ua": "Ukraine", "us": "United States"}, True)]
    assert [line.replace("Ukraine", "X").replace("United States", "X") for line in lines] == [lines[0].replace(
        "Ukraine", "X")] * 2
    assert words in lines[0] and "They broke" not in "".join(lines)
