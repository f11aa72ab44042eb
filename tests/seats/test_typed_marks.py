"""Text typed in another language than a seat reads is marked on that seat, as on the board and in reports.

Found from outside in a game hosted with ``--lang ru``: a Russian team argued, a Ukrainian and the US team
countered, the facilitator ended the game with a reason typed in Ukrainian. Ukraine's seat (uk) and an English
one quoted the argument unmarked in the counter prompt, the Russian console listed the counters unmarked, and
the projector's GAME OVER headline showed the Ukrainian reason unmarked while the log line under it said «…»
(uk). Each is read here on a real in-process host's seat screens; the mark is the reader's: a text is never
marked on a screen of its own language.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from tabletop.engine import Action, legal_actions, waiting_for
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.tui.seat import SeatApp
from tabletop.tui.weighing import StrongScreen

from tests.engine.argue_kit import argue_scenario, counter, to_counters
from .screenkit import choose, entries, seq_of, until
from .support import Sleeps, hosting, make_table

ARGUMENT = "Предлагаем нейтралитет Украины без гарантий"  # typed by a Russian team
REASON = "Снижает риск эскалации"  # typed by a Russian team
UA_COUNTER = "Нейтралітет без гарантій — це капітуляція!"  # typed by a Ukrainian team
US_COUNTER = "Neutrality needs guarantees."
UA_END = "Сесія завершена достроково: дякуємо всім!"  # typed by a Ukrainian facilitator
BOTS = {"eu": "cooperative", "bridge": "cooperative"}


def _until(session: Session, done: Any) -> None:
    """Play on headless (bots as they would, the humans passing) until ``done(state)``."""
    for _ in range(300):
        if done(session.state):
            return
        bot = session.bot_action()
        options = session.options()
        passing = next((a for a in options if a.kind == "pass" or (a.kind == "counter" and not a.text)), None)
        session.apply(bot or passing or options[0])
    raise AssertionError("the game did not get there")


def _argued(tmp_path: Path) -> Table:
    """Russia's argument typed in Russian, at Ukraine's counter."""
    table = make_table(tmp_path, seed=5, sealed=False, bots=BOTS)
    session = table.session
    _until(session, lambda s: session.acting() == "ru" and s.phase == "moves")
    argue = next(a for a in session.options() if a.move == "argue" and a.track == "humanitarian")
    session.apply(replace(argue, text=ARGUMENT, reasons=(REASON,), lang="ru"))
    _until(session, lambda s: session.acting() == "ua" and s.phase == "adjudication")
    return table


def _countered(session: Session) -> None:
    """Ukraine's counter typed in Ukrainian, the US's in English, up to the facilitator's odds."""
    for actor, text, lang in (("ua", UA_COUNTER, "uk"), ("us", US_COUNTER, "en")):
        _until(session, lambda s, actor=actor: session.acting() == actor)
        counter = next(a for a in session.options() if a.kind == "counter" and a.text is not None)
        session.apply(replace(counter, text=text, lang=lang))
    _until(session, lambda s: waiting_for(s) == "odds" and session.acting() is None)


def _shown(app: SeatApp, part: str) -> str:
    return str(app.seat_screen.query_one(part).render())


async def test_the_counter_prompt_marks_the_argument_in_the_seats_language(tmp_path: Path) -> None:
    table = _argued(tmp_path)
    async with hosting(table) as (_host, address, codes):
        ua = SeatApp(address, codes["team:ua"], lang="uk", sleep=Sleeps())
        async with ua.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: seq_of(ua) == table.session.state.seq, "Ukraine's screen")
            assert f"\u00ab{ARGUMENT}\u00bb (ru)" in _shown(ua, "#prompt")
            assert f"\u00ab{REASON}\u00bb (ru)" in _shown(ua, "#prompt")
            counter = next(e for e in entries(ua) if e.get("needs") == "counter")
            assert f"\u00ab{ARGUMENT}\u00bb (ru)" in counter["form"]["about"]  # and its dialog
            ua.action_language("en")  # the mark is the reader's: in English, English quotes, still (ru)
            await until(pilot, lambda: (ua.view or {}).get("lang") == "en", "the view in English")
            await pilot.pause()
            assert f"\u201c{ARGUMENT}\u201d (ru)" in _shown(ua, "#prompt")
            ua.action_language("ru")  # read in the language it was typed in: as typed, unmarked
            await until(pilot, lambda: (ua.view or {}).get("lang") == "ru", "the view in Russian")
            await pilot.pause()
            assert f"\u00ab{ARGUMENT}\u00bb" in _shown(ua, "#prompt") and "(ru)" not in _shown(ua, "#prompt")
    table.session.close()


async def test_a_russian_console_marks_the_counters_typed_in_other_languages(tmp_path: Path) -> None:
    table = _argued(tmp_path)
    _countered(table.session)
    async with hosting(table) as (_host, address, codes):
        console = SeatApp(address, codes["facilitator"], lang="ru", sleep=Sleeps())
        async with console.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: seq_of(console) == table.session.state.seq, "the console")
            shown = _shown(console, "#prompt")
            assert f"\u00ab{UA_COUNTER}\u00bb (uk)" in shown
            assert f"\u00ab{US_COUNTER}\u00bb (en)" in shown
            assert f"\u00ab{ARGUMENT}\u00bb" in shown and "(ru)" not in shown  # the console's own language
    table.session.close()


async def test_the_strong_marks_dialog_marks_a_counter_typed_in_another_language(tmp_path: Path) -> None:
    """The console's list of what may be marked strong (matrix odds) quotes a counter as its prompt does."""
    session = Session.start(argue_scenario(odds="matrix"), 1, tmp_path / "strong.jsonl")
    for action in to_counters():
        session.apply(action)
    while waiting_for(session.state) == "counter":
        who = legal_actions(session.state)[0].actor
        session.apply(replace(counter(who, UA_COUNTER), lang="uk") if who == "b" else counter(who))
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: any(e.get("needs") == "strong" for e in entries(app)), "the marks")
            await choose(pilot, app, 0)
            await until(pilot, lambda: isinstance(app.screen, StrongScreen), "the marks' dialog")
            items = [str(o.prompt) for o in app.screen.query_one("OptionList").options]
            assert f"[ ] counter: \u201c{UA_COUNTER}\u201d (uk)" in items, items
            assert "[ ] reason: It costs nothing" in items  # typed in English, read in English: as typed
    session.close()


async def test_game_over_marks_an_end_reason_typed_in_another_language(tmp_path: Path) -> None:
    table = make_table(tmp_path, seed=5, sealed=False, bots=BOTS)
    table.session.apply(Action("end", reason=UA_END, lang="uk"))
    async with hosting(table) as (_host, address, codes):
        seats = (("projector", "en", True), ("team:ru", "ru", True), ("team:ua", "uk", False))
        for code, lang, marked in seats:
            app = SeatApp(address, codes[code], lang=lang, sleep=Sleeps())
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, lambda app=app: seq_of(app) == table.session.state.seq, code)
                headline = _shown(app, "#headline")
                assert (f"\u00ab{UA_END}\u00bb (uk)" in headline) is marked, (code, headline)
                assert UA_END in headline
                # the headline says it as the log line of the end does
                said = " ".join(line["text"] for line in app.view["board"]["log"])
                assert (f"\u00ab{UA_END}\u00bb (uk)" in said) is marked, code
    table.session.close()
