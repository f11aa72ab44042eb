"""The bundled scenarios in Russian and Ukrainian: each overlay reads, is complete, current, in its language.

A facilitator trusts these files in front of a mixed room: a text left in
English, a translation of an older English text, Russian letters in the
Ukrainian file (or the other way round), or a word docs/glossary.md rules out
would each be seen by thirty people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tabletop.content import load_scenario
from tabletop.content.finding import BUNDLED, bundled_decks, bundled_rulesets, is_overlay_name
from tabletop.content.overlayfiles import check_overlay_file
from tabletop.content.overlays import translated

LANGS = ("ru", "uk")
BASES = [*bundled_rulesets(), *bundled_decks()]
OVERLAYS = sorted(p for folder in ("rulesets", "decks")
                  for p in (BUNDLED / folder).glob("*.toml") if is_overlay_name(p))
RULESETS = [p.stem for p in bundled_rulesets()]
GLOSSARY = Path(__file__).resolve().parents[2] / "docs" / "glossary.md"

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
#: letters of one language that the other does not have
ONLY = {"ru": set("ыэъё"), "uk": set("іїєґ")}


def _texts(value: Any) -> Iterator[str]:
    """Every string in an overlay's tables (translations only: the checked tables hold no ``base`` hash,
    and an actor's grammatical ``number`` is a word of the format, not a text)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k != "number":
                yield from _texts(v)
    elif isinstance(value, list):
        for v in value:
            yield from _texts(v)


def _lang(path: Path) -> str:
    return path.name.split(".")[-2]


def test_every_bundled_ruleset_and_deck_has_a_russian_and_a_ukrainian_overlay() -> None:
    assert BASES and RULESETS
    wanted = sorted(f"{b.stem}.{lang}.toml" for b in BASES for lang in LANGS)
    assert sorted(p.name for p in OVERLAYS) == wanted


@pytest.mark.parametrize("path", OVERLAYS, ids=[p.name for p in OVERLAYS])
def test_the_overlay_reads_and_is_complete_and_current(path: Path) -> None:
    checked, problems = check_overlay_file(path)
    assert problems == [] and checked is not None
    assert [str(p) for p in checked.problems] == []
    assert checked.missing == [] and checked.untranslated == 0, "texts left in English"
    stale = [str(p) for p in checked.stale]
    assert stale == [], "translated from an older English text: update the translation, then stamp it"
    assert checked.unstamped == [], "run scripts/overlays --stamp on it"
    assert checked.total > 0


@pytest.mark.parametrize("path", OVERLAYS, ids=[p.name for p in OVERLAYS])
def test_every_text_is_in_its_own_language(path: Path) -> None:
    """Cyrillic in each text, no letter only the other language has (Ukrainian is not Russian respelt)."""
    checked, _ = check_overlay_file(path)
    assert checked is not None
    texts = list(_texts(checked.tables))
    assert texts
    other = ONLY["uk" if _lang(path) == "ru" else "ru"]
    wrong = [t for t in texts if not CYRILLIC.search(t) or other & set(t.lower())]
    assert wrong == []


def test_the_glossarys_ruled_out_words_are_in_no_overlay() -> None:
    """The search docs/glossary.md gives a facilitator ("How to check before a workshop") finds nothing."""
    (pattern,) = re.findall(r"`grep -niE '([^']+)' tabletop/scenarios", GLOSSARY.read_text(encoding="utf-8"))
    ruled_out = re.compile(pattern, re.IGNORECASE)
    assert ruled_out.search("войска на Украине") and ruled_out.search("окуповані")  # the search does search
    found = [(p.name, m.group(0)) for p in OVERLAYS
             for m in ruled_out.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("ruleset", RULESETS)
def test_translated_names_every_actor_track_and_card_in_cyrillic(ruleset: str, lang: str) -> None:
    base = load_scenario(ruleset)
    shown = translated(base, lang)
    assert shown is not base
    pairs = [
        *((a.id, a.name, b.id) for a, b in zip(shown.ruleset.actors, base.ruleset.actors, strict=True)),
        *((t.id, t.name, b.id) for t, b in zip(shown.ruleset.tracks, base.ruleset.tracks, strict=True)),
        *((c.id, c.title, b.id) for c, b in zip(shown.deck.cards, base.deck.cards, strict=True)),
    ]
    assert [i for i, _, b in pairs if i != b] == []  # same ids, same order
    names = [name for _, name, _ in pairs]
    assert [n for n in names if not CYRILLIC.search(n)] == []
    if lang == "uk":
        assert any(ONLY["uk"] & set(n.lower()) for n in names)


@pytest.mark.parametrize(("lang", "fired"), [("ru", "кто первым открыл огонь"), ("uk", "хто першим відкрив вогонь")])
def test_the_shelling_card_says_who_fired_first_not_who_started(lang: str, fired: str) -> None:
    """Found from outside: "does not say who fired first" read «кто начал первым» / «хто почав першим», who
    started the war."""
    scenario = translated(load_scenario(next(p for p in bundled_rulesets() if p.stem == "parallel-tracks")), lang)
    note = next(c.control_note for c in scenario.deck.cards if c.id == "frontline-shelling")
    assert fired in note and "начал" not in note and "почав" not in note, note


@pytest.mark.parametrize("ruleset", RULESETS)
def test_pressing_hard_is_not_pressing_a_key_in_ukrainian(ruleset: str) -> None:
    """Found from outside: the move "Press hard" was «Натиснути», read as "press a key" on a screen full of
    «натисніть Enter»."""
    scenario = translated(load_scenario(next(p for p in bundled_rulesets() if p.stem == ruleset)), "uk")
    if "press" in scenario.index.moves:
        assert not scenario.index.moves["press"].name.lower().startswith("натисн")
