"""The console's inject list (``i``) names the deck's cards in the console's language, as its board does.

Found from outside: a console joined with ``--lang ru`` listed the cards in
English (the deck the welcome embeds, with no translation put over it), and
typing a Russian title narrowed the list to nothing. Through a real host: the
titles are the header's translation in the console's language, English for a
card the translation leaves out, and typing in that language narrows the list.

With the game's replica, the console's lines are the hot seat's (``tui.text.inject_labels``): the track after the
title, and a card on a deferred track marked (found from outside: titles only, no marks, and the facilitator learnt
from the refusal after picking that the track was deferred).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from textual.widgets import OptionList

from tabletop import lang as languages
from tabletop import Action, RuleViolation, apply, new_game
from tabletop.content.loader import load_scenario
from tabletop.content.overlays import attach, header_translations, translated
from tabletop.engine import State
from tabletop.engine.powers import refuse_new
from tabletop.engine.wording import parked_word
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.tui.modals import PickScreen
from tabletop.tui.seat import SeatApp

from .screenkit import until
from .support import Sleeps, hosting

BOTS = {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative", "ua": "cooperative"}


async def _inject_list(tmp_path: Path, lang: str, typed: str = "", left_out: str = "", defer: str = "") -> list[str]:
    """The console's inject list in ``lang`` after typing ``typed``; the save's header translating no card
    ``left_out``; the track ``defer`` deferred by the facilitator before the console joins."""
    scenario = load_scenario("parallel-tracks")
    if left_out:  # the translations a save embeds, short of one card's
        tables = copy.deepcopy(header_translations(load_scenario("parallel-tracks")))
        for by_lang in tables.values():
            del by_lang["cards"][left_out]
        attach(scenario, tables)  # as a scenario read from a save: translated from these tables, not from files
    session = Session.start(scenario, 5, tmp_path / f"inject-{lang}.jsonl", BOTS)
    if defer:
        session.apply(Action("override", track=defer, status="deferred", reason="parked"))
    table = Table(session, seats_for(session, observers=0))
    try:
        async with hosting(table) as (_host, address, codes):
            app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), lang=lang)
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, app.joined.is_set, "the console to join")
                await until(pilot, lambda: app.replica is not None and app.replica.state.seq == session.state.seq,
                            "the console's replica of the game")
                await pilot.press("i")
                await until(pilot, lambda: isinstance(app.screen, PickScreen), "the inject list")
                for character in typed:
                    await pilot.press(character)
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, PickScreen)
                listing = screen.query_one(OptionList)
                return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    finally:
        session.close()


def _titles(lang: str) -> list[str]:
    return [card.title for card in translated(load_scenario("parallel-tracks"), lang).deck.cards]


def _title(label: str) -> str:
    """A line of the list without the track and the mark after the title."""
    return label.split("  [")[0]


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_the_inject_list_names_each_card_in_the_consoles_language(tmp_path: Path, lang: str) -> None:
    scenario = load_scenario("parallel-tracks")
    track = scenario.ruleset.tracks[0]
    listed = await _inject_list(tmp_path, lang, defer=track.id)
    assert [_title(label) for label in listed] == _titles(lang)
    # the hot seat's lines: each card's track named, and the cards whose inject the host would refuse marked
    names = {t.id: t.name for t in translated(scenario, lang).ruleset.tracks} if lang != "en" else \
        {t.id: t.name for t in scenario.ruleset.tracks}
    parked = apply(new_game(scenario, 5), Action("override", track=track.id, status="deferred", reason="parked"))
    with languages.using(lang):
        deferred = parked_word()
    for label, card in zip(listed, scenario.deck.cards, strict=True):
        assert f"  [{names[card.track]}]" in label if card.track else label.count("  [") == 1, label
        mark = label.split("]  \u2014 ")[1] if "]  \u2014 " in label else ""
        assert (mark == deferred) == _refused(parked, card.id), label
    assert any(_refused(parked, card.id) for card in scenario.deck.cards)
    assert listed[0].startswith({"en": "Unannounced missile test", "ru": "Необъявленное испытание ракеты",
                                 "uk": "Неоголошене випробування ракети"}[lang]), listed[0]


def _refused(state: State, card: str) -> bool:
    try:
        refuse_new(state, Action("inject", card=card))
    except RuleViolation:
        return True
    return False


async def test_a_card_the_translation_leaves_out_is_listed_in_english(tmp_path: Path) -> None:
    english = load_scenario("parallel-tracks").deck.cards[0]
    listed = await _inject_list(tmp_path, "ru", left_out=english.id)
    assert [_title(label) for label in listed] == [english.title, *_titles("ru")[1:]]


@pytest.mark.parametrize(("lang", "typed", "expected"), [("ru", "ракеты", "Необъявленное испытание ракеты"),
                                                         ("uk", "ракети", "Неоголошене випробування ракети")],
                         ids=["ru", "uk"])
async def test_typing_in_the_consoles_language_narrows_the_inject_list(
        tmp_path: Path, lang: str, typed: str, expected: str) -> None:
    listed = await _inject_list(tmp_path, lang, typed)
    assert expected in [_title(label) for label in listed]
    assert all(typed in _title(label).lower() for label in listed), listed
