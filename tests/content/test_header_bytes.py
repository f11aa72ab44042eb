"""A new game's header takes its translations from the caches' bytes: the same bytes, no overlay parsed.

The header embeds every translation of its scenario (~150 KB). A start used
to parse them from ``translated.jsonl`` (or parse and check a custom
scenario's overlay files, at every start) and encode them again; now the
caches hold them in canonical JSON and the header splices those bytes in.
What a save holds must not change by a byte: each test holds the new header
against the data encoded as before.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tabletop.content import load_scenario, overlaycache, overlayfiles, usercache
from tabletop.content.finding import BUNDLED, bundled_rulesets
from tabletop.content.overlays import header_translations
from tabletop.store import savefile
from tabletop.store.lines import canonical, canonical_with, line

NOW = "2026-12-02T12:00:00.000Z"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(savefile, "_now", lambda: NOW)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The overlay files parsed and checked during the test."""
    seen: list[str] = []
    real = overlayfiles.check_file

    def counted(path, base, base_name):  # noqa: ANN001, ANN202 - the checker's own signature
        seen.append(Path(path).name)
        return real(path, base, base_name)

    monkeypatch.setattr(overlayfiles, "check_file", counted)
    return seen


def as_before(scenario_path: Path | str) -> bytes:
    """The header line as it was written before: the translations as data, encoded with the rest."""
    scenario = load_scenario(scenario_path)
    data, given = savefile._header(scenario, 3, {"seats": {"us": "human"}})
    assert "translations" not in data
    found = header_translations(load_scenario(scenario_path))
    return line({**data, **({"translations": found} if found else {})}, "")[0]


def header(scenario_path: Path | str) -> bytes:
    """The header line a new game of this scenario writes now."""
    data, given = savefile._header(load_scenario(scenario_path), 3, {"seats": {"us": "human"}})
    return line(data, "", given)[0]


@pytest.mark.parametrize("ruleset", bundled_rulesets(), ids=lambda p: p.stem)
def test_a_bundled_scenario_s_header_is_byte_for_byte_what_it_was(ruleset: Path, checks: list[str]) -> None:
    data, given = savefile._header(load_scenario(ruleset), 3, None)
    assert set(given) == {"translations"} and b'"ru":' in given["translations"]  # spliced, not encoded
    assert header(ruleset) == as_before(ruleset)
    assert checks == []  # the bundled overlays come from translated.jsonl


def test_canonical_with_given_values_is_canonical() -> None:
    data = {"b": [1, "é"], "z": None, "a": {"y": 1, "x": 2}}
    given = {"m": canonical({"é": [3, {"b": 1, "a": 2}]}), "c": b'"c"'}
    whole = {**data, "m": {"é": [3, {"b": 1, "a": 2}]}, "c": "c"}
    assert canonical_with(data, given) == canonical(whole)
    assert canonical_with(data, {}) == canonical(data)


def test_the_cache_s_places_are_those_of_each_section() -> None:
    tables = {"tracks": {"b": {"name": "Б"}}, "actors": {"a": {"objectives": ["x", "é"]}}, "ruleset": {"name": "R"}}
    line_bytes, places = overlaycache.tables_line(tables)
    assert line_bytes == canonical(tables)
    assert overlaycache.sections_of(line_bytes, places) == {k: canonical(v) for k, v in tables.items()}
    shifted = {k: [start + 1, end] for k, (start, end) in places.items()}
    assert overlaycache.sections_of(line_bytes, shifted) is None  # a place off by a byte is refused
    assert overlaycache.sections_of(line_bytes, "junk") is None


@pytest.fixture
def custom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled scenarios copied, the default ruleset edited (a comment): bytes no bundled cache knows,
    its overlays beside it; an empty user cache of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    shutil.copytree(BUNDLED, tmp_path / "s", ignore=shutil.ignore_patterns("*.jsonl"))
    ruleset = tmp_path / "s" / "rulesets" / "parallel-tracks.toml"
    ruleset.write_bytes(ruleset.read_bytes() + b"\n# a facilitator's copy\n")
    return ruleset


def test_a_custom_scenario_seen_before_checks_no_overlay_again(custom: Path, checks: list[str]) -> None:
    """Its first game checks the ruleset's overlays (the deck's bytes are the bundled ones); the next, none."""
    first = header(custom)
    assert sorted(checks) == ["parallel-tracks.ru.toml", "parallel-tracks.uk.toml"]
    checks.clear()
    again = header(custom)
    assert checks == []
    assert again == first == as_before(custom)
    assert b'"translations":{"ru":' in again


def test_a_damaged_user_cache_entry_is_checked_again(custom: Path, checks: list[str], tmp_path: Path) -> None:
    first = header(custom)
    folder = usercache.folder()
    assert folder is not None
    for entry in folder.glob("*.jsonl"):
        lines = entry.read_bytes().split(b"\n")
        if b'"overlay_sha"' in lines[1]:  # an overlay's tables: one text changed, its hash left as it was
            entry.write_bytes(b"\n".join([*lines[:2], lines[2].replace(b'"name":"', b'"name":"x', 1), b""]))
    checks.clear()
    assert header(custom) == first
    assert sorted(checks) == ["parallel-tracks.ru.toml", "parallel-tracks.uk.toml"]


def test_an_edited_overlay_is_checked_not_taken_from_a_cache(custom: Path, checks: list[str]) -> None:
    header(custom)
    overlay = custom.with_name("parallel-tracks.ru.toml")
    overlay.write_text(overlay.read_text(encoding="utf-8").replace("Украина", "Украина!", 1), encoding="utf-8")
    checks.clear()
    new = header(custom)
    assert checks == ["parallel-tracks.ru.toml"]
    assert "Украина!".encode() in new and new == as_before(custom)
