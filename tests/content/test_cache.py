"""The validated cache of the bundled scenarios: current, equal to validating, and never trusted for other bytes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.content import ContentError, cache, load_scenario, scenario_from_data
from tabletop.content.loader import BUNDLED, bundled_rulesets


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
    expected = cache.render(cache.make_entries())
    assert cache.CACHE.read_text(encoding="utf-8") == expected, (
        "tabletop/scenarios/validated.jsonl is out of date: run `python -m tabletop.content.cache`"
    )


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
