"""The validated cache of the bundled scenarios: current, equal to validating, and never trusted for other bytes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.content import ContentError, cache, drafts, load_scenario, refresh, scenario_from_data
from tabletop.content.finding import BUNDLED, bundled_rulesets


@pytest.fixture
def no_cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the cache at a file of our choosing for one test."""

    def use(text: str | None) -> None:
        path = tmp_path / "validated.jsonl"
        if text is not None:
            path.write_text(text, encoding="utf-8")
        monkeypatch.setattr(cache, "CACHE", path)
        cache.clear()

    yield use
    cache.clear()


def test_the_cache_file_is_up_to_date_with_the_bundled_files() -> None:
    """A packaging check: the file shipped is what validating gives (the test writes it, then fails once)."""
    assert not refresh.write(), (
        "tabletop/scenarios/validated.jsonl was out of date and has been written again: commit it"
    )
    assert cache.CACHE.read_text(encoding="utf-8") == refresh.render(refresh.make_entries())


@pytest.mark.parametrize("path", bundled_rulesets(), ids=lambda p: p.stem)
def test_a_cached_scenario_equals_the_validated_one(path: Path) -> None:
    cached = load_scenario(path)
    validated = load_scenario(path, use_cache=False)
    assert cached.ruleset == validated.ruleset
    assert cached.deck == validated.deck
    assert cached.embedded() == validated.embedded()
    assert (cached.ruleset_source, cached.deck_source) == (validated.ruleset_source, validated.deck_source)
    # and through a save's embedded copy
    again = scenario_from_data(validated.embedded(), "s.jsonl")
    assert again.ruleset == validated.ruleset and again.deck == validated.deck


def test_an_edited_copy_of_a_bundled_ruleset_is_validated(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED, tmp_path / "scenarios")
    ruleset = tmp_path / "scenarios" / "rulesets" / "parallel-tracks.toml"
    assert load_scenario(ruleset).id == "parallel-tracks"  # an unchanged copy: same bytes, same content
    text = ruleset.read_text(encoding="utf-8")
    ruleset.write_text(text.replace("[ruleset]\n", "[ruleset]\nturnz = 3\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_scenario(ruleset)
    assert "unknown key 'turnz'" in str(err.value) and "parallel-tracks.toml:" in str(err.value)


def test_an_edited_deck_beside_an_unchanged_ruleset_is_validated(tmp_path: Path) -> None:
    shutil.copytree(BUNDLED, tmp_path / "scenarios")
    ruleset = tmp_path / "scenarios" / "rulesets" / "parallel-tracks.toml"
    deck = tmp_path / "scenarios" / "decks" / "parallel-tracks-events.toml"
    text = deck.read_text(encoding="utf-8")
    assert "[[cards]]\n" in text
    deck.write_text(text.replace("[[cards]]\n", "[[cards]]\ncopiez = 2\n", 1), encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_scenario(ruleset)
    assert "parallel-tracks-events.toml:" in str(err.value) and "unknown key 'copiez'" in str(err.value)


def test_embedded_data_that_differs_from_a_bundled_scenario_is_validated() -> None:
    data = load_scenario("parallel-tracks").embedded()
    changed = {"ruleset": {**data["ruleset"], "ruleset": {**data["ruleset"]["ruleset"], "turns": 0}}, "deck": data["deck"]}
    with pytest.raises(ContentError) as err:
        scenario_from_data(changed, "s.jsonl")
    assert "ruleset.turns" in str(err.value) and "must be at least 1" in str(err.value)


def _bundled_keys() -> str:
    """The keys line of the bundled parallel-tracks entry, as the cache writes it."""
    lines = cache.CACHE.read_text(encoding="utf-8").splitlines()
    return next(line for line in lines[1::2] if '"rulesets/parallel-tracks.toml"' in line)


@pytest.mark.parametrize("text", [
    None,
    "not json",
    '{"format": 99}',
    '{"format": 1, "entries": [1]}',  # the format before the keys were split from the data
    "{FORMAT}\n1\n{}",
    "{FORMAT}\n{KEYS}\nnot json",  # the right keys, torn data
    "{FORMAT}\n{KEYS}\n[1, 2]",
    "{FORMAT}\n{KEYS}",  # the data line missing
], ids=["missing", "not-json", "other-format", "old-format", "keys-not-a-table", "torn-data", "data-not-a-table",
        "no-data"])
def test_a_missing_or_broken_cache_only_means_validating(no_cache_file, text: str | None) -> None:  # noqa: ANN001
    if text is not None:
        text = text.replace("{FORMAT}", f'{{"format": {cache.FORMAT}}}').replace("{KEYS}", _bundled_keys())
    no_cache_file(text)
    assert cache.for_files((BUNDLED / "rulesets" / "parallel-tracks.toml").read_bytes()) is None
    scenario = load_scenario("parallel-tracks")
    assert scenario.id == "parallel-tracks" and len(scenario.deck.cards) > 0


def test_a_start_parses_only_the_scenario_it_plays(no_cache_file) -> None:  # noqa: ANN001
    """Every other scenario's data line may be anything: it is never read."""
    lines = cache.CACHE.read_text(encoding="utf-8").splitlines()
    for i in range(2, len(lines), 2):
        if '"rulesets/parallel-tracks.toml"' not in lines[i - 1]:
            lines[i] = "never parsed"
    no_cache_file("\n".join(lines))
    entry = cache.for_files((BUNDLED / "rulesets" / "parallel-tracks.toml").read_bytes())
    assert entry is not None and entry["ruleset"] == "rulesets/parallel-tracks.toml"
    cached, validated = load_scenario("parallel-tracks"), load_scenario("parallel-tracks", use_cache=False)
    assert cached.ruleset == validated.ruleset and cached.deck == validated.deck


def test_the_play_screen_starts_without_pydantic() -> None:
    """A bundled game and its board need no validation: pydantic stays unimported (a third of the start)."""
    code = (
        "import sys\n"
        "from tabletop import load_scenario, new_game\n"
        "from tabletop.tui.app import TabletopApp\n"
        "new_game(load_scenario('parallel-tracks'), seed=1)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pydantic', 'pydantic_core')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _stale_copy(text: str) -> str:
    """The cache file as it was before the bundled parallel-tracks ruleset was edited (another hash)."""
    keys = _bundled_keys()
    sha = json.loads(keys)["ruleset_sha"]
    return text.replace(keys, keys.replace(sha, "0" * len(sha)))


def test_an_edited_bundled_file_writes_the_cache_again(no_cache_file, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))  # no entry of the user's cache may serve it
    shipped = cache.CACHE.read_text(encoding="utf-8")
    no_cache_file(_stale_copy(shipped))
    assert cache.for_files((BUNDLED / "rulesets" / "parallel-tracks.toml").read_bytes()) is None
    assert not refresh.current()
    assert load_scenario("parallel-tracks").id == "parallel-tracks"
    assert cache.CACHE.read_text(encoding="utf-8") == shipped  # written again, whole, by loading
    assert refresh.current()
    assert cache.for_files((BUNDLED / "rulesets" / "parallel-tracks.toml").read_bytes()) is not None


def test_a_read_only_package_only_means_validating(no_cache_file, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    stale = _stale_copy(cache.CACHE.read_text(encoding="utf-8"))
    no_cache_file(stale)

    def refused(*args: object) -> None:
        raise PermissionError(13, "read-only file system")

    monkeypatch.setattr(drafts.os, "replace", refused)
    assert load_scenario("parallel-tracks").id == "parallel-tracks"
    assert cache.CACHE.read_text(encoding="utf-8") == stale
    assert not [p for p in cache.CACHE.parent.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_only_a_stale_cache_after_a_bundled_file_is_written(no_cache_file, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    shipped = cache.CACHE.read_text(encoding="utf-8")
    no_cache_file(shipped)
    with monkeypatch.context() as patched:
        patched.setattr(refresh, "make_entries", lambda: pytest.fail("a current cache was validated again"))
        refresh.after_validating(BUNDLED / "rulesets" / "parallel-tracks.toml")  # current: not even validated
    assert cache.CACHE.read_text(encoding="utf-8") == shipped
    stale = _stale_copy(shipped)
    no_cache_file(stale)
    shutil.copytree(BUNDLED, tmp_path / "scenarios")
    refresh.after_validating(tmp_path / "scenarios" / "rulesets" / "parallel-tracks.toml")  # a copy: not bundled
    assert cache.CACHE.read_text(encoding="utf-8") == stale
    refresh.after_validating(BUNDLED / "rulesets" / "parallel-tracks.toml")
    assert cache.CACHE.read_text(encoding="utf-8") == shipped
