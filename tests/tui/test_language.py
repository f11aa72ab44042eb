"""The shared screen in English, Russian and Ukrainian: F4 and the palette switch it at any time.

Each test starts and ends in English (``conftest.english_after``): the
screen's language is the process's, so that every widget's task speaks it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from tabletop import lang
from tabletop.engine import Action, legal_actions
from tabletop.lang import Domain
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.bars import KeyBar
from tabletop.tui.board import BoardScreen
from tabletop.tui.language import following
from tabletop.tui.replay import ReplayApp, ReplayScreen
from tabletop.tui.start import StartScreen

from .support import SIZE, SMALL, board, on_screen, press, rendered, scenario, toasts, until

_, ngettext, N_ = Domain("tui").words()

ROUNDS = {
    "ru": ["1 раунд", "2 раунда", "5 раундов", "11 раундов", "21 раунд", "22 раунда", "25 раундов"],
    "uk": ["1 раунд", "2 раунди", "5 раундів", "11 раундів", "21 раунд", "22 раунди", "25 раундів"],
    "en": ["1 round", "2 rounds", "5 rounds", "11 rounds", "21 rounds", "22 rounds", "25 rounds"],
}


@pytest.mark.parametrize("code", sorted(ROUNDS))
def test_rounds_take_the_plural_form_of_the_language(code: str) -> None:
    """The start screen's "{n} rounds", as the tui catalogue words it: three forms in ru and uk."""
    with lang.using(code):
        said = [ngettext("{n} round", "{n} rounds", n).format(n=n) for n in (1, 2, 5, 11, 21, 22, 25)]
    assert said == ROUNDS[code]


def test_f4_goes_round_the_languages() -> None:
    assert [following(c) for c in ("en", "ru", "uk")] == ["ru", "uk", "en"]


def _card_on_the_table(tmp_path: Path) -> Session:
    """Seed 39 opens with a card the bridge state answers: drawn, it waits on the table."""
    session = Session.start(scenario(), 39, tmp_path / "game.jsonl")
    session.apply(legal_actions(session.state)[0])
    assert session.state.card is not None
    return session


def _screen(app: TabletopApp) -> str:
    """The screen as an SVG, without the id the export makes up for its styles (it differs run to run)."""
    import re

    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


def _keys(pilot) -> str:  # noqa: ANN001 - a Pilot
    return " ".join(item.description for item in pilot.app.screen.query_one(KeyBar).items)


async def test_f4_switches_the_board_its_keys_and_the_open_card_and_back(tmp_path: Path) -> None:
    """English, F4: Russian; F4: Ukrainian; F4: English again, the very screen it was."""
    app = TabletopApp(_card_on_the_table(tmp_path), now=lambda: 1000.0)  # a clock that stands still: the screens compare whole
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = _screen(app)
        words = rendered(pilot)
        assert "Event card" in words and "Last rulings" in words and "Pause" in _keys(pilot)

        await press(pilot, "f4")
        assert lang.current() == "ru"
        card = on_screen(app.screen.query_one("#card"))
        assert "Карточка события" in on_screen(app.screen.query_one("#card-box"))  # the open card's frame
        assert "выбирают:" in card  # its chooser (EU) is plural
        words = rendered(pilot)
        assert "Последние решения" in words and "Раунд 1/8" in words and "Шкалы" in words
        assert "Пауза" in _keys(pilot) and "Исправить" in _keys(pilot) and "Pause" not in _keys(pilot)
        assert "Event card" not in words and "Last rulings" not in words

        await press(pilot, "f4")
        assert lang.current() == "uk"
        assert "Картка події" in on_screen(app.screen.query_one("#card-box"))
        assert "Останні рішення" in rendered(pilot) and "Скасувати" in _keys(pilot)

        await press(pilot, "f4")
        assert lang.current() == "en"
        assert _screen(app) == first


async def test_the_palette_offers_each_other_language_by_its_name(tmp_path: Path) -> None:
    app = TabletopApp(_card_on_the_table(tmp_path), now=lambda: 1000.0)  # a clock that stands still: the screens compare whole
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Language: Русский" in titles and "Language: Українська" in titles
        assert "Language: English" not in titles  # the one spoken now
        titles["Language: Українська"].callback()
        await pilot.pause()
        assert lang.current() == "uk"
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Мова: English", "Мова: Русский", "Тема"} & titles == {"Мова: English", "Мова: Русский"}
        assert {"Вихід", "Оформлення: високий контраст"} <= titles  # Textual's own commands, and F2's themes, in it
        commands = [text for text, _run, _group in board(pilot).palette_commands()]
        assert "Скасувати останню дію" in commands


async def test_the_start_screen_offers_the_language_and_keeps_what_was_typed(tmp_path: Path) -> None:
    """The facilitator picks the language before the game; the set-up is said anew, nothing typed is lost."""
    app = TabletopApp(save_dir=tmp_path / "saves", lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StartScreen)
        language = screen.query_one("#language", Select)
        assert language.value == "uk"
        assert "Почати гру (F5)" in rendered(pilot) and "8 раундів" in rendered(pilot)
        screen.query_one("#seed").value = "4242"  # type: ignore[attr-defined]
        language.value = "ru"
        await pilot.pause()
        assert lang.current() == "ru"
        words = rendered(pilot)
        assert "Начать игру (F5)" in words and "8 раундов" in words and "Команда игроков" in words, words
        assert screen.query_one("#seed").value == "4242"  # type: ignore[attr-defined]
        await press(pilot, "f4")
        assert language.value == "uk"
        await press(pilot, "f5")
        assert isinstance(app.screen, BoardScreen)
        assert "Останні рішення" in rendered(pilot)


@pytest.mark.parametrize(("code", "dismiss"), [("ru", "Закрыть список"), ("uk", "Закрити список"),
                                               ("en", "Dismiss menu")])
async def test_an_open_list_s_key_is_said_in_the_language_spoken(tmp_path: Path, code: str, dismiss: str) -> None:
    """A list opened on the start screen puts Textual's own key (escape) in the key bar: it was said in
    English in a Russian or Ukrainian room (found from outside: "esc Dismiss menu")."""
    app = TabletopApp(save_dir=tmp_path / "saves", lang=code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#language", Select).focus()
        await press(pilot, "enter")
        assert _keys(pilot).startswith(dismiss), _keys(pilot)
        if code != "en":
            assert "Dismiss" not in _keys(pilot)


async def test_the_replay_viewer_switches_too(tmp_path: Path) -> None:
    session = Session.start(scenario(), 7, tmp_path / "game.jsonl")
    for _ in range(4):
        session.apply(legal_actions(session.state)[0])
    session.apply(Action("note", text="Заметка как набрана", about=1))
    from tabletop.store.reading import open_save

    app = ReplayApp(open_save(session.save_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert "Event 5 of 5" in rendered(pilot)
        await press(pilot, "f4")
        words = rendered(pilot)
        assert "Событие 5 из 5" in words and "Повтор:" in str(app.screen.title)
        assert "Заметка как набрана" in words  # what a person typed stays as typed
        await press(pilot, "left")
        assert "Событие 4 из 5" in rendered(pilot)


def _scenario_with(tmp_path: Path, overlay: str):  # noqa: ANN202 - a Scenario
    """The bundled scenario copied without its translations, and one Russian overlay of our own beside it."""
    import shutil

    from tabletop.content import load_scenario
    from tabletop.content.finding import BUNDLED

    folder = tmp_path / "scenarios"
    shutil.copytree(BUNDLED, folder, ignore=shutil.ignore_patterns("*.*.toml", "*.jsonl"))
    (folder / "rulesets" / "parallel-tracks.ru.toml").write_text(overlay, encoding="utf-8")
    return load_scenario(folder / "rulesets" / "parallel-tracks.toml")


OVERLAY = """\
[overlay]
lang = "ru"
ruleset = "parallel-tracks"

[actors.ru]
name = "Россия"

[tracks.borders]
name = "Границы"
"""


async def test_the_scenario_shows_in_the_language_spoken_and_plays_the_same(tmp_path: Path) -> None:
    """Names come from the overlay on screen; the engine plays the base scenario, ids and all."""
    session = Session.start(_scenario_with(tmp_path, OVERLAY), 7, tmp_path / "game.jsonl")
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session, now=lambda: 1000.0)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Borders" in rendered(pilot) and "Границы" not in rendered(pilot)
        await press(pilot, "f4")
        tracks, turn = on_screen(app.screen.query_one("#board")), on_screen(app.screen.query_one("#turn"))
        assert "Границы" in tracks and "Borders" not in tracks
        assert "Россия" in turn and "Russia" not in turn  # (the decision list is play's words: not this test's)
        assert session.scenario.index.tracks["borders"].name == "Borders"  # the game's own scenario is untouched


async def test_a_broken_overlay_leaves_the_scenario_in_english_and_says_why(tmp_path: Path) -> None:
    broken = OVERLAY.replace("[tracks.borders]", "[tracks.bordrs]")
    session = Session.start(_scenario_with(tmp_path, broken), 7, tmp_path / "game.jsonl")
    app = TabletopApp(session, now=lambda: 1000.0)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "f4")
        assert lang.current() == "ru" and app.is_running
        words = rendered(pilot)
        assert "Borders" in words and "Последние решения" in words  # the interface in Russian, the scenario as written
        assert "bordrs" in words  # the overlay's problem, with its key, in a notice


async def test_a_game_started_in_a_language_its_scenario_cannot_speak_says_why_at_once(tmp_path: Path) -> None:
    """Found from outside: ``play --lang uk`` with one unknown key in the deck's Ukrainian file showed every card
    and track in English, and nothing said why; a workshop in Ukrainian found out from the cards."""
    broken = OVERLAY.replace("[tracks.borders]", "[tracks.bordrs]")
    session = Session.start(_scenario_with(tmp_path, broken), 7, tmp_path / "game.jsonl")
    async with TabletopApp(session, now=lambda: 1000.0, lang="ru").run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "Borders" in rendered(pilot)
        assert any("bordrs" in t for t in toasts(pilot)), toasts(pilot)  # file:line: key, as validate says it
    # a language the scenario has no file for at all: said too, in the words of that language
    plain = Session.start(_scenario_with(tmp_path / "plain", OVERLAY), 7, tmp_path / "plain.jsonl")
    async with TabletopApp(plain, now=lambda: 1000.0, lang="uk").run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        with lang.using("uk"):
            said = Domain("content").words()[0]("The scenario has no translation into this language: its texts "
                                                "stay as written.")
        assert any(said in t.replace("\n", " ") for t in toasts(pilot)), toasts(pilot)
    # the bundled scenario in Russian: nothing to say
    bundled = Session.start(scenario(), 7, tmp_path / "bundled.jsonl")
    async with TabletopApp(bundled, now=lambda: 1000.0, lang="ru").run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert toasts(pilot) == []


async def test_a_bots_policy_on_the_board_is_in_the_rooms_language(tmp_path: Path) -> None:
    """Found from outside: in a game in Ukrainian the turn panel said "Росія (бот: hardliner)" and the decision
    "(бот: hardliner) вирішує…", while the start screen, the console, the replay and the report said the policy
    in Ukrainian ("жорсткий")."""
    from tabletop.play.decisions import decision
    from tabletop.tui.widgets import TurnPanel

    session = Session.start(scenario(), 5, tmp_path / "game.jsonl", {"ru": "hardliner"})
    while session.state.turn != "ru":
        session.apply(legal_actions(session.state)[0])
    state, bots = session.state, {"ru": "hardliner"}  # Russia, a bot, is to move
    lang.set_language("uk")
    try:
        deciding = decision(state, "ru", bots=bots).prompt.plain
        assert "бот: жорсткий" in deciding and "hardliner" not in deciding, deciding
        app = TabletopApp(session)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            panel = board(pilot).query_one(TurnPanel)
            panel.show(state, "ru", bots, "", False)  # the turn as it was while the bot decided
            shown = on_screen(panel)
            assert "бот: жорсткий" in shown and "hardliner" not in shown, shown
    finally:
        lang.set_language("en")
    session.close()


async def test_a_new_list_never_opens_on_the_cut_tail_of_a_refused_entry(tmp_path: Path) -> None:
    """Found from outside: at 80 x 24 in Ukrainian the mediating states' track list opened scrolled to its first
    track they sit at, so its top line was "не бере участі в цьому треку", the tail of a refused track with its
    number scrolled away. A new list is seen from its first line, or from its highlighted entry when that lies
    below the rows the list has: its first line is always an entry's number."""
    import re

    from textual.geometry import Region
    from textual.widgets import OptionList

    session = Session.start(scenario(), 5, tmp_path / "game.jsonl")
    while session.state.turn != "bridge":
        options = legal_actions(session.state)
        passes = [a for a in options if a.kind == "pass"]
        session.apply(passes[0] if passes and session.state.phase == "moves" else options[0])
    lang.set_language("uk")
    try:
        app = TabletopApp(session)
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            screen = board(pilot)
            refused = [i for i, e in enumerate(screen.entries) if e.problem]
            assert refused and refused[0] == 0, [e.label.plain for e in screen.entries]  # a refused track first
            listed = screen.query_one("#decision", OptionList)
            for _ in range(3):
                await pilot.pause()
            lines = [strip.text for strip in listed.render_lines(Region(0, 0, *listed.size))]
            first = next(line for line in lines[1:] if line.strip(" │╭╮╰╯─▊▎▔▁"))  # under the border
            assert re.match(r"^\W*\d+\. ", first), lines
    finally:
        lang.set_language("en")
    session.close()


async def test_a_long_broken_translation_notice_is_read_from_its_start_and_the_title_says_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-225): at 80x24 a translation with errors was told in a notice taller than the
    screen, its first sentence ("… has errors, so none of it is shown") above the top row and only the tail of the
    problems in sight, gone after a while with nothing left to say why the cards were in English."""
    from textual.widgets._toast import Toast

    from tabletop.tui.bars import TitleBar

    many = "".join(f'\n[meters.gauge{n}]\nname = "Датчик {n}"\n' for n in range(12))
    broken = OVERLAY.replace("[tracks.borders]", "[tracks.bordrs]") + many
    session = Session.start(_scenario_with(tmp_path, broken), 7, tmp_path / "game.jsonl")
    monkeypatch.chdir(tmp_path)  # the save named as a facilitator's is, from the working folder
    app = TabletopApp(session, now=lambda: 1000.0, lang="ru")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        # the notices mounted and laid out whole, however long that takes: under load one pause saw them mounted
        # and not yet laid out (a first layout put the notice at x=40, y=-11, the next at x=0, y=3)
        await until(pilot, lambda: bool(ts := list(app.screen.query(Toast))) and all(
            t.region.area and 0 <= t.region.y and t.region.bottom <= app.size.height for t in ts),
            "the notices laid out whole on the screen")
        shown = list(app.screen.query(Toast))
        height = app.size.height
        assert shown and all(0 <= t.region.y and t.region.bottom <= height for t in shown), [
            t.region for t in shown]  # every notice whole on the screen, its first line too
        said = " ".join(toasts(pilot)).replace("\n", " ")
        assert "bordrs" in said and "tabletop validate" in said, said  # the first problem, and where to read the rest
        with lang.using("ru"):
            english = _("scenario texts in English")
        # said for as long as it holds, on the title line at 80x24 beside the save's name
        line = app.screen.query_one(TitleBar).render().plain
        assert english in line and "game.jsonl" in line, line
        await press(pilot, "f4")  # uk: no file at all; en: the scenario's own language, nothing to say
        assert _("scenario texts in English") in str(app.screen.sub_title)
        await press(pilot, "f4")
        assert "English" not in str(app.screen.sub_title)
