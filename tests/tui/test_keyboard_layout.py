"""Letter keys typed on a Cyrillic keyboard layout reach the bindings of the Latin letter on the same key.

Found from outside: a facilitator who had just typed a note in Russian pressed «н» (the key of ``y``) at a
confirm dialog and «з» (``p``) to resume, and nothing happened, with no word why. In a text field the letters
stay as typed: a note in Ukrainian is written in Ukrainian.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import AskScreen, PickScreen
from tabletop.tui.board import BoardScreen
from tabletop.tui.language import latin_key

from .support import SIZE, press, start, toasts


def _keys_line(app: TabletopApp) -> str:
    """The keys line under a confirm dialog's question, as shown."""
    from textual.widgets import Static

    return str(app.screen.query_one("#confirm-keys", Static).render())


def test_both_layouts_map_to_the_keys_they_sit_on() -> None:
    assert [latin_key(c) for c in "йцукенгшщзфывапролдячсмить"] == list("qwertyuiopasdfghjklzxcvbnm")
    assert latin_key("і") == "s" and latin_key("Н") == "Y"  # Ukrainian і sits where Russian ы does
    assert latin_key("x") is None and latin_key("ж") is None and latin_key("1") is None


async def test_a_cyrillic_letter_works_as_its_key_and_a_text_field_keeps_it(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw
        await press(pilot, "т")  # the key of n: the note dialog
        assert isinstance(app.screen, AskScreen)
        await press(pilot, *"тест")
        assert app.screen.query_one(Input).value == "тест"
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen)
    assert app._exception is None
    from tabletop import open_save

    [note] = [e for e in open_save(session.save_path).events if e.action.kind == "note"]
    assert note.action.text == "тест"


@pytest.mark.parametrize("key", ["з"])
async def test_pause_by_the_key_of_p(tmp_path: Path, key: str) -> None:
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        before = screen.paused
        await press(pilot, "p")
        assert screen.paused != before  # the Latin key pauses (or does nothing the same way)
        await press(pilot, key)
        assert screen.paused == before


async def test_typed_ukrainian_shows_no_secret_and_ends_no_game(tmp_path: Path) -> None:
    """Found from outside: Ukrainian typed with no text field open fired the facilitator's keys: «і» (the key of s)
    asked to show the secrets and «н» (y) said yes; «у» (e) asked to end the game and «н» said yes. A question
    whose yes cannot be taken back in front of the room takes Enter or a Latin y, not a typed letter."""
    from tabletop.tui.modals import ConfirmScreen

    session = start(tmp_path, 39)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await press(pilot, "і")
        assert isinstance(app.screen, ConfirmScreen)  # the key of s still asks (a facilitator's own key)
        # its keys say so: Enter or a Latin y, and the Cyrillic т that n's key types (helper-281)
        assert _keys_line(app) == "Enter або y: підтвердити \u00b7 Escape або n (т): ні, закрити", _keys_line(app)
        await press(pilot, "н")
        assert isinstance(app.screen, ConfirmScreen) and screen.show_private is None
        assert any(n.severity == "warning" and "Enter" in n.message for n in app._notifications)  # says why
        await press(pilot, "escape", "у")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "н", "н")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        await press(pilot, "і", "enter")  # Enter (or a Latin y) still shows them
        assert screen.show_private == 1
    assert app._exception is None
    from tabletop import open_save

    assert "end" not in [e.action.kind for e in open_save(session.save_path).events]


async def test_a_cyrillic_yes_still_answers_an_ordinary_question(tmp_path: Path) -> None:
    """An ordinary question (skip the card?) keeps «н» for y, as the first finding asked. (The undo's question
    was one; it now has a field for its reason, where «н» is a letter.)"""
    from tabletop.tui.modals import ConfirmScreen

    session = start(tmp_path)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter", "л")  # draw, then the key of k: skip the card?
        assert isinstance(app.screen, ConfirmScreen)
        # found from outside (helper-281): the keys line named only the Latin y and n, though «н» and «т» answer
        assert _keys_line(app) == "Enter или y (н): подтвердить \u00b7 Escape или n (т): нет, закрыть", _keys_line(app)
        await press(pilot, "н")
        assert isinstance(app.screen, BoardScreen)
    assert app._exception is None
    from tabletop import open_save

    assert "skip" in [e.action.kind for e in open_save(session.save_path).events]


async def test_a_stray_s_and_enter_at_once_show_no_secret_and_end_no_game(tmp_path: Path) -> None:
    """Found from outside: «ы» (the key of s) then Enter within a quarter second put the secret objectives on the
    projector; «у» (e), Enter, Enter ended the game. The two weighty questions hold Enter (and y) for the room's
    pick hold, as a list holds a pick: the first press says why, a press after the hold answers."""
    from tabletop.tui.modals import ConfirmScreen

    clock = [50.0]
    session = start(tmp_path, 39)
    app = TabletopApp(session, lang="ru", now=lambda: clock[0], pick_hold=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock[0] += 1
        await press(pilot, "enter")  # draw
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await press(pilot, "ы", "enter", "y")
        assert isinstance(app.screen, ConfirmScreen) and screen.show_private is None
        clock[0] += 0.6
        await press(pilot, "enter")
        assert screen.show_private == 1
        await press(pilot, "x")  # any key hides them again
        await press(pilot, "у", "enter", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "escape")
    assert app._exception is None
    from tabletop import open_save

    assert "end" not in [e.action.kind for e in open_save(session.save_path).events]


async def test_cyrillic_typed_into_a_list_search_stays_cyrillic(tmp_path: Path) -> None:
    """Found from outside (helper-84): on a Russian screen, a search typed into the inject list was turned into
    the Latin letters on the same keys, so «пере» searched "gtht" and nothing matched. A list that narrows as
    one types takes letters as text, as a text field does."""
    session = start(tmp_path)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ш")  # the key of i: the inject list, the whole deck
        screen = app.screen
        assert isinstance(screen, PickScreen)
        await press(pilot, *"пере")
        assert screen.query_text == "пере"
        shown = [str(screen.query_one(OptionList).get_option_at_index(i).prompt)
                 for i in range(screen.query_one(OptionList).option_count)]
        assert shown and all("пере" in s.lower() for s in shown)
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        await press(pilot, "з")  # outside the list, the key of p still pauses
    assert app._exception is None


def _kinds(session: object) -> list[str]:
    from tabletop import open_save

    return [e.action.kind for e in open_save(session.save_path).events]  # type: ignore[attr-defined]


class _Typist:
    """A room's board (its typing gap on, its clock in the test's hand) with the card drawn and answered, a second
    apart: ``answered`` is what the save held then."""

    def __init__(self, tmp_path: Path, lang: str):
        self.clock = [100.0]
        self.session = start(tmp_path, 7)
        self.app = TabletopApp(self.session, lang=lang, now=lambda: self.clock[0], typing_gap=0.5)
        self.answered: list[str] = []

    async def ready(self, pilot: Pilot) -> None:
        await pilot.pause()
        await press(pilot, "1")
        self.clock[0] += 1
        await press(pilot, "1")
        self.answered = _kinds(self.session)
        self.clock[0] += 1

    async def types(self, pilot: Pilot, word: str) -> None:
        """``word`` typed at a typist's pace, a key every 0.2 s."""
        for key in word:
            await press(pilot, "space" if key == " " else key)
            self.clock[0] += 0.2


async def test_a_word_typed_into_a_question_puts_it_away_unanswered(tmp_path: Path) -> None:
    """Found from outside: «гарантии» typed with no text field open, at any speed, was u (the undo's question),
    f h f, then «н» (the key of y): the EU's answer was undone in front of the room. The undo's question now has a
    field for its reason: the rest of the word is typed into it, in sight, and nothing is done; two Escapes (the text
    typed would be lost) put it away."""
    from textual.widgets import Input

    from tabletop.tui.modals import UndoScreen

    session = start(tmp_path, 7)
    app = TabletopApp(session, lang="ru")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "1", "1")  # draw the card, the EU answers it
        answered = _kinds(session)
        await press(pilot, "г")  # the key of u: the undo's question
        assert isinstance(app.screen, UndoScreen)
        await press(pilot, *"арантии")
        assert isinstance(app.screen, UndoScreen)  # no letter answers it, nor opens another dialog
        assert app.screen.query_one("#ask-input", Input).value == "арантии"
        await press(pilot, "escape", "escape")
        assert isinstance(app.screen, BoardScreen)
    assert app._exception is None
    assert _kinds(session) == answered  # no undo, no note


async def test_a_word_typed_fast_on_the_board_is_not_keys(tmp_path: Path) -> None:
    """The room's command line sets a typing gap: after a word's first letter, letters, signs and Enter that follow
    within it are a word typed, not keys (the secrets' «і», the undo's «г», a closing Enter); told once a word. A
    letter after a pause is a key again."""
    from tabletop.tui.modals import UndoScreen

    room = _Typist(tmp_path, "uk")
    app, clock = room.app, room.clock
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await room.ready(pilot)
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        await room.types(pilot, "Рішення ведучого")
        await press(pilot, "enter")  # at once after the word's last letter
        assert app.screen is screen and screen.show_private is None and not screen.paused
        told = [t for t in toasts(pilot) if "набрані словом" in t]
        assert len(told) == 1, toasts(pilot)
        clock[0] += 1
        await press(pilot, "г")  # after a pause: the key of u again
        assert isinstance(app.screen, UndoScreen)
        clock[0] += 1
        await press(pilot, "escape")
        clock[0] += 1
        await press(pilot, "з")  # and of p
        assert screen.paused
    assert app._exception is None
    kinds = _kinds(room.session)
    assert kinds[: len(room.answered)] == room.answered and "undo" not in kinds


def test_the_rooms_command_line_sets_the_typing_gap() -> None:
    from tabletop.cli.screens import play_app
    from tabletop.play.clock import TYPING_GAP

    assert TYPING_GAP > 0 and play_app(None).typing_gap == TYPING_GAP


@pytest.mark.parametrize("word", ["гарантии", "также", "уже"])
async def test_a_word_whose_first_letter_opens_a_dialog_puts_it_away(tmp_path: Path, word: str) -> None:
    """Found in review: «г» (u) opened the undo's question, the rest of the word was swallowed, and an Enter a moment
    after said yes to the undo; «т» (n) opened a note and the rest of «также» was saved in it; «у» (e) asks to end
    the game. A dialog the word's first letter opened is put away unanswered; nothing is done."""
    from tabletop.tui.modals import ConfirmScreen

    room = _Typist(tmp_path, "ru")
    app = room.app
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await room.ready(pilot)
        screen = app.screen
        await room.types(pilot, word)
        assert app.screen is screen, app.screen
        room.clock[0] += 1
        await press(pilot, "enter")  # a moment after: the board's list, not a yes
        assert not isinstance(app.screen, ConfirmScreen)
        while app.screen is not screen:
            await press(pilot, "escape")
    assert app._exception is None
    kinds, answered = _kinds(room.session), room.answered
    assert kinds[: len(answered)] == answered and not {"undo", "note", "end"} & set(kinds[len(answered):]), kinds


async def test_a_key_pressed_twice_is_not_a_word(tmp_path: Path) -> None:
    """Found from outside: a nervous facilitator's u u put away the undo's question the first u opened, and y y told
    the room "Letters typed as a word ...: nothing was done" of the undo the first y had just done. A key pressed
    twice within the typing gap is one press: the second is dropped (not typed into the undo's reason), nothing put
    away, nothing told; Enter Enter undoes once."""
    from textual.widgets import Input

    from tabletop.tui.modals import UndoScreen

    room = _Typist(tmp_path, "en")
    app, clock = room.app, room.clock
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await room.ready(pilot)
        await press(pilot, "u")
        clock[0] += 0.1
        await press(pilot, "u")
        question = app.screen
        assert isinstance(question, UndoScreen)
        assert question.query_one("#ask-input", Input).value == ""
        # found from outside (helper-149): a second u took back one step more, not the undo; the question says so
        assert "An undo cannot itself be undone" in str(question._details), question._details
        clock[0] += 1
        await press(pilot, "enter")
        clock[0] += 0.1
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen)
        assert not [t for t in toasts(pilot) if "typed as a word" in t], toasts(pilot)
    assert app._exception is None
    kinds = _kinds(room.session)
    assert kinds[: len(room.answered)] == room.answered and kinds.count("undo") == 1, kinds


@pytest.mark.parametrize(("lang", "said", "not_said"), [
    ("en", "Keys typed in a quick run are not taken", "Letters typed as a word"),
    ("uk", "Клавіші, натиснуті швидко одна за одною", "Літери, набрані словом"),
])
async def test_a_letter_then_a_digit_is_not_told_letters_typed_as_a_word(tmp_path: Path, lang: str, said: str,
                                                                         not_said: str) -> None:
    """Found from outside (helper-216, uk): "o" then "3" 0.15 s later opened the override list and put it away with
    «Літери, набрані словом, не вважаються клавішами …»: a digit is no letter. The room is told what happened: keys
    typed in a quick run are not taken as keys."""
    room = _Typist(tmp_path, lang)
    app, clock = room.app, room.clock
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await room.ready(pilot)
        await press(pilot, "o")
        clock[0] += 0.15
        await press(pilot, "3")
        assert isinstance(app.screen, BoardScreen)
        told = toasts(pilot)
        assert any(said in t for t in told) and not any(not_said in t for t in told), told
    assert app._exception is None


@pytest.mark.parametrize("lang, pause, skip, yes", [("ru", "З", "Л", "Н"), ("en", "P", "K", "Y")])
async def test_caps_lock_or_shift_on_a_letter_is_still_its_key(tmp_path: Path, lang: str, pause: str, skip: str,
                                                               yes: str) -> None:
    """Found from outside (a Russian keyboard layout, stop 63): with Caps Lock or Shift on, «З» or P paused
    nothing and «Н» or Y answered no question, silently; a facilitator switching layouts often has Caps Lock on.
    Outside a text field a capital letter is its key; in a text field it stays a capital."""
    from tabletop.tui.modals import ConfirmScreen

    session = start(tmp_path)
    app = TabletopApp(session, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        before = screen.paused
        await press(pilot, pause)
        assert screen.paused != before
        await press(pilot, pause.lower())
        assert screen.paused == before
        await press(pilot, "enter", skip)  # draw, then skip the card?
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, yes)
        assert isinstance(app.screen, BoardScreen)
        await press(pilot, "n" if lang == "en" else "т")  # a note: capitals typed there stay capitals
        assert isinstance(app.screen, AskScreen)
        await press(pilot, *"ОК" if lang == "ru" else "OK")
        assert app.screen.query_one(Input).value == ("ОК" if lang == "ru" else "OK")
    assert app._exception is None
    from tabletop import open_save

    assert "skip" in [e.action.kind for e in open_save(session.save_path).events]


#: an AZERTY keyboard's top row (French, Belgian) typed without Shift: the keys of 1 2 3 4 5 6 7 8 9 0
AZERTY_ROW = "&\u00e9\"'(-\u00e8_\u00e7\u00e0"


def _played(app: TabletopApp) -> list[object]:
    assert app.session is not None
    return [e.action for e in app.session.state.log]


async def test_the_azerty_top_row_picks_as_the_digits_on_its_keys(tmp_path: Path) -> None:
    """Found from outside (helper-333): on a French AZERTY keyboard the top row types & é " ' ( - è _ ç à unless
    Shift is held, and a pick by any of them did nothing, with no word why. Outside a text field each is the digit on
    its key, as a Cyrillic letter is the Latin letter on its key."""
    from tabletop.play.clock import TYPING_GAP
    from .test_clock import FakeTime

    played = []
    for name, keys in (("digits", "1212"), ("azerty", "&\u00e9&\u00e9")):
        app = TabletopApp(start(tmp_path, name=f"{name}.jsonl"), now=FakeTime(), typing_gap=TYPING_GAP)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            for key in keys:
                app.now.advance(1)  # one key at a time, as a person presses them
                await press(pilot, key)
            played.append(_played(app))
        assert app._exception is None
    assert played[0] == played[1] and len(played[0]) >= 2, played


async def test_an_azerty_digit_starts_no_typed_word(tmp_path: Path) -> None:
    """Found from outside (helper-333): é è ç à (AZERTY's 2 7 9 0 without Shift) are letters, so each started a "word
    typed", and the key pressed at once after it to put things right (Enter, Shift+2) was dropped, the room told to
    press one key at a time. Read as their digits, they start no word."""
    from tabletop.play.clock import TYPING_GAP
    from .test_clock import FakeTime

    app = TabletopApp(start(tmp_path), now=FakeTime(), typing_gap=TYPING_GAP)  # the clock stands still: all at once
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "\u00e9", "enter")  # 2 (no such entry), then Enter on "1. Draw the event card"
        assert len(_played(app)) == 1, _played(app)
        assert not any("not taken as keys" in t for t in toasts(pilot)), toasts(pilot)
    assert app._exception is None


async def test_the_azerty_row_stays_as_typed_in_a_text_field(tmp_path: Path) -> None:
    """In a text field the AZERTY row types its own characters: a note in French keeps « é » and « ( »."""
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw
        await press(pilot, "n")  # the note dialog
        assert isinstance(app.screen, AskScreen)
        await press(pilot, *AZERTY_ROW)
        assert app.screen.query_one(Input).value == AZERTY_ROW


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_every_help_says_the_azerty_row_chooses_too(lang: str) -> None:
    """F1 on the hot seat, a team's screen and the console names the AZERTY row beside "0-9 choose", in each
    language (found from outside: only Shift+digit was said, and nothing told a French room why & did nothing)."""
    from tabletop.lang import Domain, using
    from tabletop.tui.modals import HELP
    from tabletop.tui.seatdialogs import CONSOLE_HELP, SEAT_HELP

    with using(lang):
        for keys in (HELP, SEAT_HELP, CONSOLE_HELP):
            text = Domain("tui").gettext(keys)
            assert text != keys or lang == "en"
            [choose] = [line for line in text.splitlines() if "0-9" in line]
            after = text.splitlines()[text.splitlines().index(choose) + 1]
            assert AZERTY_ROW.replace("", " ").strip() in after and "AZERTY" in after, after


async def test_number_fields_take_the_azerty_row_as_the_digits_on_its_keys() -> None:
    """Found from outside (helper-343): on an AZERTY keyboard the top row types & é " ' ( - è _ ç à without Shift;
    a pick took them as digits, but the seed, an event's number, an override's value and a timer's length refused
    them (or failed on them later) without saying why. A number field takes each as the digit on its key (a minus
    stays a minus: on other keyboards it is one); in the timers field, where a length's digits go."""
    from textual.app import App, ComposeResult

    from tabletop.tui.fields import NumberField, TimersField
    from tabletop.tui.modals import EventNumber
    from tabletop.tui.start import SeedField

    from .support import type_text

    class Fields(App[None]):
        def compose(self) -> ComposeResult:
            yield SeedField("")
            yield EventNumber(value="", type="integer", max_length=9, id="event")
            yield NumberField("", id="position")
            yield NumberField("", id="meter")
            yield TimersField("", id="timers")

    app = Fields()
    async with app.run_test(size=(80, 12)) as pilot:
        typed = {"#seed": AZERTY_ROW.replace("-", ""), "#event": "&(", "#position": "\u00e9", "#meter": "-\u00e9", "#timers": "moves=(m,r\u00e9view=&\u00e0s"}
        for selector, keys in typed.items():
            app.query_one(selector, Input).focus()
            await pilot.pause()
            await type_text(pilot, keys)
        values = {selector: app.query_one(selector, Input).value for selector in typed}
    assert values == {"#seed": "123457890", "#event": "15", "#position": "2", "#meter": "-2",
                      "#timers": "moves=5m,r\u00e9view=10s"}, values
