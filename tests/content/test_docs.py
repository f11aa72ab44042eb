"""The authoring guide keeps up with the vocabulary: every effect and condition is documented."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tabletop.content.vocabulary import CONDITIONS, EFFECTS

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


@pytest.mark.parametrize("entry", [*EFFECTS, *CONDITIONS], ids=lambda c: c.__name__)
def test_every_effect_and_condition_is_in_the_guide(entry: type) -> None:
    text = GUIDE.read_text(encoding="utf-8")
    key = entry.key  # type: ignore[attr-defined]
    assert re.search(rf"\{{\s*{key}\s*=", text), f"docs/authoring.md shows no example of '{key}'"


def test_the_guides_toml_examples_parse() -> None:
    """Every ```toml block of the guide is valid TOML (the validator checks meaning elsewhere)."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, flags=re.S)
    assert blocks
    for block in blocks:
        if "..." in block:
            continue  # an elided sketch
        tomllib.loads(block)


def test_the_guide_lists_every_number_range() -> None:
    """The guide's table of ranges is the one the validator and the schema use (tabletop.content.numbers)."""
    from tabletop.content.numbers import RANGES

    text = GUIDE.read_text(encoding="utf-8")
    for name, bound in RANGES.items():
        assert f"| `{name}` | {bound.low} .. {bound.high} |" in text, f"docs/authoring.md lacks the range of {name}"
