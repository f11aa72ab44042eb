"""Damaged content never crashes the loader, and every problem has a line.

A designer's half-edited file must come back as a list of problems to fix,
each at a line of the file, never as a traceback.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabletop.content import ContentError, Deck, Ruleset
from tabletop.content.loader import load_file, load_scenario
from tabletop.content.locate import Locator

FIXTURES = Path(__file__).parent / "fixtures"
RULESET_TEXT = (FIXTURES / "rulesets" / "mini.toml").read_text(encoding="utf-8")
DECK_TEXT = (FIXTURES / "decks" / "mini-events.toml").read_text(encoding="utf-8")

OTHER_VALUES = ['"text"', '""', "3", "-7", "2.5", "true", "[1, 2]", "[]", "{ a = 1 }", "{}", '["east"]']
INSERTS = ["[", "]", '"', "=", "[[", "{", "}", ",", "\n"]


@st.composite
def edited(draw: st.DrawFn, text: str) -> str:
    """``text`` after one to three random edits of the kinds a person makes by mistake."""
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        n = len(lines)
        kind = draw(
            st.sampled_from(["delete", "duplicate", "retype", "rename", "misspell", "insert", "truncate", "swap"])
        )
        i = draw(st.integers(0, n - 1))
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(i, lines[i])
        elif kind == "swap":
            j = draw(st.integers(0, n - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "misspell":  # a typo inside a string, e.g. an id another table refers to
            quoted = [k for k, line in enumerate(lines) if line.count('"') >= 2]
            if not quoted:
                continue
            k = draw(st.sampled_from(quoted))
            first, last = lines[k].index('"'), lines[k].rindex('"')
            if last - first < 2:
                continue
            c = draw(st.integers(first + 1, last - 1))
            lines[k] = lines[k][:c] + draw(st.sampled_from("aeiostx-")) + lines[k][c + 1 :]
        elif kind in ("retype", "rename"):
            pairs = [k for k, line in enumerate(lines) if " = " in line and not line.lstrip().startswith("#")]
            if not pairs:
                continue
            k = draw(st.sampled_from(pairs))
            key, _, value = lines[k].partition(" = ")
            if kind == "retype":
                value = draw(st.sampled_from(OTHER_VALUES))
            else:
                c = draw(st.integers(0, len(key) - 1))
                key = key[:c] + draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz_-")) + key[c + 1 :]
            lines[k] = f"{key} = {value}"
        text = "\n".join(lines)
        if kind == "insert":
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(INSERTS)) + text[at:]
        elif kind == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return text


def _check(call: Callable[[], object], texts: dict[str, str]) -> None:
    """``call`` loads cleanly or raises ContentError whose every problem has a line in its file."""
    try:
        call()
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message.strip(), problem
            assert problem.file in texts, problem
            lines = len(texts[problem.file].splitlines())
            assert problem.line is not None, problem
            assert 1 <= problem.line <= lines + 1, problem
            if problem.message.startswith("unknown key '"):
                # a misspelt key is reported on the line that spells it
                key = problem.message.split("'")[1]
                assert key in texts[problem.file].splitlines()[problem.line - 1], problem


FUZZ = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(text=edited(RULESET_TEXT))
def test_edited_ruleset_loads_or_reports_lines(tmp_path: Path, text: str) -> None:
    ruleset = tmp_path / "ruleset.toml"
    deck = tmp_path / "mini-events.toml"  # found by its id, beside the ruleset
    ruleset.write_text(text, encoding="utf-8")
    deck.write_text(DECK_TEXT, encoding="utf-8")
    texts = {str(ruleset): text, str(deck): DECK_TEXT}
    _check(lambda: load_file(ruleset), texts)
    _check(lambda: load_scenario(ruleset), texts)


@FUZZ
@given(text=edited(DECK_TEXT))
def test_edited_deck_loads_or_reports_lines(tmp_path: Path, text: str) -> None:
    ruleset = tmp_path / "ruleset.toml"
    deck = tmp_path / "deck.toml"
    ruleset.write_text(RULESET_TEXT, encoding="utf-8")
    deck.write_text(text, encoding="utf-8")
    texts = {str(ruleset): RULESET_TEXT, str(deck): text}
    _check(lambda: load_file(deck), texts)
    _check(lambda: load_scenario(ruleset, deck), texts)


def test_fixtures_are_valid() -> None:
    """The fuzz tests start from clean files, so every problem they see comes from an edit."""
    scenario = load_scenario(FIXTURES / "rulesets" / "mini.toml")
    assert isinstance(scenario.ruleset, Ruleset) and isinstance(scenario.deck, Deck)
    assert scenario.deck.id == "mini-events"


# --------------------------------------------------------------------------
# The locator on TOML that trips up a naive scanner

TRICKY = '''\
# a comment with [brackets], "quotes" and = signs
title = "a [not a table] # not a comment"   # trailing comment ]
[server]   # [comment]
"quoted.key" = 1
dotted.key.here = 2
spaced . dots = 3
multi = [
  1,   # a comment with ] and ,
  "two ], [",
  [3, 4],
  { x = "}", y = [5] },
]
text = """
line one [x]
[[fake.header]]
id = "not a key"
"""
literal = \'\'\'
raw [[not]] "x"
\'\'\'
escaped = "a \\" [quote] \\" still"
after = 7

[[a.b]]
id = "first"

[[a.b]]
id = "second"
inner = { deep = { deeper = 9 }, list = [
  "x",
  "y",
] }

[a.b.c]     # a sub-table of the last [[a.b]]
k = 1

["quoted table"]
v = 1

[[cards]]
id = "one"

[[cards]]
effects = [
  { progress = 1 },
  { tension = -1 },
]
'''

# (key path, line it is written on)
TRICKY_LINES = [
    (("title",), 2),
    (("server",), 3),
    (("server", "quoted.key"), 4),
    (("server", "dotted", "key", "here"), 5),
    (("server", "spaced", "dots"), 6),
    (("server", "multi"), 7),
    (("server", "multi", 1), 9),
    (("server", "multi", 2, 1), 10),
    (("server", "multi", 3, "y", 0), 11),
    (("server", "text"), 13),
    (("server", "literal"), 18),
    (("server", "escaped"), 21),
    (("server", "after"), 22),
    (("a", "b", 0), 24),
    (("a", "b", 1), 27),
    (("a", "b"), 24),  # written only as [[a.b]] headers: the first of them
    (("a",), 24),
    (("a", "b", 0, "id"), 25),
    (("a", "b", 1, "id"), 28),
    (("a", "b", 1, "inner", "deep", "deeper"), 29),
    (("a", "b", 1, "inner", "list", 1), 31),
    (("a", "b", 1, "c", "k"), 35),
    (("quoted table", "v"), 38),
    (("cards", 0, "id"), 41),
    (("cards", 1, "effects", 1), 46),
    # keys that are not written: the nearest enclosing table
    (("a", "b", 0, "missing"), 24),
    (("cards", 1, "effects", 7), 44),
    (("cards", 1, "missing"), 43),
    (("missing",), 1),
]


def _lookup(data: object, path: tuple[str | int, ...]) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


def test_tricky_toml_is_valid_and_as_described() -> None:
    data = tomllib.loads(TRICKY)
    assert set(data) == {"title", "server", "a", "quoted table", "cards"}
    assert data["server"]["text"].startswith("line one [x]")
    for path, _ in TRICKY_LINES:
        if "missing" not in path and 7 not in path:
            _lookup(data, path)  # the path exists


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize(("path", "line"), TRICKY_LINES, ids=[".".join(map(str, p)) for p, _ in TRICKY_LINES])
def test_locator_finds_the_line(path: tuple[str | int, ...], line: int, newline: str) -> None:
    text = TRICKY.replace("\n", newline)
    assert Locator(text).line(path) == line
