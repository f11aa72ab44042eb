"""Refusal codes: one catalogue, the same strings as ever, and no code written inline."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tabletop.engine import Code, RuleViolation

from .support import REPO

ENGINE = REPO / "tabletop" / "engine"

#: The codes as written in saves' refusals, docs and tests: stable, never renamed.
STABLE = (
    "ALREADY_USED", "CANNOT_AFFORD", "CARD_PENDING", "GAME_OVER", "GLOBAL_MOVE", "INVALID_ACTION",
    "INVALID_TEXT", "LINKAGE_FORBIDDEN", "NEEDS_TRACK", "NOTHING_TO_UNDO", "STILL_OPEN", "NOT_A_MEMBER", "NOT_SCHEDULED", "NOT_YOUR_TURN",
    "NO_ACTIONS_LEFT", "NO_CARD", "OUT_OF_RANGE", "REASON_REQUIRED", "REQUIREMENT_UNMET", "TRACK_CLOSED",
    "UNKNOWN_ACTOR", "UNKNOWN_CARD", "UNKNOWN_EVENT", "UNKNOWN_METER", "UNKNOWN_MOVE", "UNKNOWN_TRACK",
    "WRONG_CARD", "WRONG_PHASE", "WRONG_TRACK",
    # matrix arguments (issue 17)
    "NOT_OFFERED", "NOT_ARGUABLE", "CROSS_TRACK", "TEXT_TOO_LONG", "UNKNOWN_ODDS",

    "NOT_YOUR_SEAT",  # raised by the host (tabletop/seats), not by the rules
)
SEATS = REPO / "tabletop" / "seats"


def _engine_trees() -> list[ast.Module]:
    paths = [*sorted(ENGINE.glob("*.py")), *sorted(SEATS.glob("*.py"))]
    return [ast.parse(p.read_text(encoding="utf-8")) for p in paths]


def test_the_catalogue_holds_the_stable_codes_each_named_as_its_string() -> None:
    assert sorted(c.value for c in Code) == sorted(STABLE)
    assert all(c.name == c.value for c in Code)


def test_a_code_still_reads_and_compares_as_its_string() -> None:
    exc = RuleViolation(Code.NOT_A_MEMBER, "Alpha is not at the table.")
    assert exc.code == "NOT_A_MEMBER"
    assert str(exc) == "NOT_A_MEMBER: Alpha is not at the table."
    assert {"NOT_A_MEMBER": "hint"}.get(exc.code) == "hint"


@pytest.mark.parametrize("path", sorted(ENGINE.glob("*.py")), ids=lambda p: p.name)
def test_the_engine_raises_refusals_only_with_catalogue_codes(path: Path) -> None:
    inline = [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RuleViolation"
        and not (node.args and isinstance(node.args[0], ast.Attribute) and getattr(node.args[0].value, "id", "") == "Code")
    ]
    assert not inline, f"RuleViolation without a Code member at {', '.join(inline)}"


def test_every_catalogue_code_is_raised_somewhere() -> None:
    used = {
        node.attr
        for tree in _engine_trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "Code"
    }
    assert {c.name for c in Code} - used == set(), "a code nothing raises: remove it from the catalogue"


def test_codes_the_docs_name_are_in_the_catalogue() -> None:
    named = {
        word
        for path in [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
        for word in re.findall(r"`([A-Z]+(?:_[A-Z]+)+)`", path.read_text(encoding="utf-8"))
        if not word.startswith("TABLETOP_")  # environment variables, not refusals
    }
    assert named, "the docs name at least LINKAGE_FORBIDDEN"
    from tabletop.seats.protocol import Wire  # the wire's own codes (docs/seats.md)

    assert named <= {c.value for c in Code} | {w.value for w in Wire}
