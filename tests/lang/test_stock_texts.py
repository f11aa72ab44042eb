"""A bot argues and counters with the deck's stock texts; a Russian or Ukrainian room reads them in its language.

The save records the text the bot chose, as the base deck words it (English,
marked ``lang = "en"``). The deck's overlays translate every stock text, place
by place, so a screen, a ruling's working and a report in Russian show the
Russian stock text, unmarked, where they showed the English one marked "(en)".
A text a team typed itself is still shown as typed, with its language.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.content.overlays import translated
from tabletop.engine import State
from tabletop.engine.lookups import seen
from tabletop.engine.records import Ruling
from tabletop.engine.rulingwords import ruling_parts
from tabletop.engine.telling import tell
from tabletop.engine.wording import scenario_names
from tabletop.lang import using
from tabletop.play.arguing import argument_spans, strong_items
from tabletop.sim.saving import play_and_save
from tabletop.store.reading import open_save
from tabletop.report import render

BOTS = {"ru": "hardliner", "ua": "hardliner", "us": "random", "eu": "random", "bridge": "random"}


def _stock(lang: str) -> dict[str, list[str]]:
    """Every stock text of the bundled deck in ``lang``, by kind."""
    base = load_scenario("parallel-tracks")
    deck = (translated(base, lang) if lang != "en" else base).deck
    return {key: [t for a in deck.arguments for t in getattr(a, key)] for key in ("actions", "reasons", "counters")}


def _played(folder: Path) -> tuple[Path, State, State]:
    """A saved game of bots with a ruled argument a team countered in words: the save, the state after that
    ruling and the state before it (the argument on the table, every counter in)."""
    scenario = load_scenario("parallel-tracks")
    for seed in range(60):
        play_and_save(scenario, seed, BOTS, seed, folder)
        path = next(folder.glob(f"*-seed-{seed}.jsonl"))
        save = open_save(path)
        for i, event in enumerate(save.events, 1):
            ruling = event.result.get("ruling")
            if isinstance(ruling, dict) and ruling.get("resolution") == "argue" and any(
                    t for _, t in ruling.get("counters") or ()):
                return path, save.state_at(i), save.state_at(i - 1)
    raise AssertionError("no bot game of 60 had a countered argument")


@pytest.fixture(scope="module")
def played(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, State, State]:
    return _played(tmp_path_factory.mktemp("stock"))


def _english_in(text: str) -> list[str]:
    english = _stock("en")
    return [t for kind in english.values() for t in kind if t in text]


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_bot_counter_is_told_in_the_room_s_language(played: tuple[Path, State, State], lang: str) -> None:
    _path, after, _before = played
    counters = [e for e in after.log if e.action.kind == "counter" and e.action.text]
    assert counters and all(e.action.lang is None for e in counters)  # a simulated bot's, as the bot chose it
    # a bot at a table records its texts as English (play/session.py): the same words either way
    counters += [e._replace(action=replace(e.action, lang="en")) for e in counters]
    shown = translated(after.scenario, lang)
    with using(lang):
        lines = [tell(e, shown) for e in counters]
    assert not [t for line in lines for t in _english_in(line)]
    assert all(any(t in line for t in _stock(lang)["counters"]) for line in lines)
    assert not any("(en)" in line for line in lines)


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_ruling_s_working_quotes_the_stock_in_the_room_s_language(played: tuple[Path, State, State], lang: str) -> None:
    _path, after, _before = played
    last = after.last
    assert last is not None
    ruling = Ruling.from_result(last.result)
    assert ruling is not None
    with using(lang):
        parts = ruling_parts(ruling, scenario_names(translated(after.scenario, lang)))
    text = "\n".join(parts)
    assert not _english_in(text)
    stock = _stock(lang)
    assert any(t in text for t in stock["actions"]) and any(t in text for t in stock["counters"])


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_the_argument_on_screen_and_its_strong_marks_are_in_the_room_s_language(
        played: tuple[Path, State, State], lang: str) -> None:
    _path, _after, before = played
    head = before.queue[0]
    with using(lang):
        room = seen(before, lang)
        spans = "".join(text for text, _style in argument_spans(room, head))
        items = "\n".join(strong_items(head, room))
    assert not _english_in(spans) and not _english_in(items)
    assert any(t in spans for t in _stock(lang)["actions"])


def test_a_russian_report_quotes_the_bots_in_russian(played: tuple[Path, State, State]) -> None:
    path, _after, _before = played
    for fmt in ("md", "html"):
        page = render(path, fmt, lang="ru")
        assert not _english_in(page), fmt
        assert any(t in page for t in _stock("ru")["counters"]), fmt


def test_a_text_a_team_typed_stays_as_typed_with_its_language(played: tuple[Path, State, State]) -> None:
    _path, after, _before = played
    bot = next(e for e in after.log if e.action.kind == "counter" and e.action.text)
    typed = bot._replace(action=replace(bot.action, text="Not with these guarantees", lang="en"))
    shown = translated(after.scenario, "ru")
    with using("ru"):
        line, names = tell(typed, shown), scenario_names(shown)
        ruling = Ruling(resolution="argue", text="Open a hotline", reasons=("It costs nothing",),
                        counters=((bot.action.actor, "Not with these guarantees"),))
        parts = "\n".join(ruling_parts(ruling, names))
    assert "\u00abNot with these guarantees\u00bb (en)" in line
    assert "Open a hotline" in parts and "It costs nothing" in parts and "Not with these guarantees" in parts
