"""A team's screen at 80x24 keeps room for its choices, however long what it is asked.

Found from outside: at 80x24 a vote showed "1. Accept" only (the veto below the fold), and asked to counter
an argument the list had no rows at all: the prompt, on all its lines, took the column. The prompt now
scrolls within two fifths of the column, and the list keeps at least four rows.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from textual.geometry import Region
from textual.widgets import OptionList

from tabletop.content.loader import load_scenario
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.tui.decisionlist import pick_key
from tabletop.tui.seat import SeatApp, SeatScreen
from tabletop.tui.widgets import Board

from .screenkit import until
from .support import Sleeps, hosting

BOTS = {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative", "ua": "cooperative"}

LONG = "\n".join(["Russia: counter this argument or pass."]
                 + [f"  reason {i}: a long reason that goes on and on for a while, and wraps" for i in range(1, 7)]
                 + ["  wants: tension \u22121"] * 3)


async def _the_seat_screen(app: SeatApp, pilot: Any) -> None:
    """A seat that joins nothing (no code): past the code's dialog to its own screen, to be shown views."""
    await pilot.pause()
    while not isinstance(app.screen, SeatScreen):
        app.pop_screen()
        await pilot.pause()


async def test_a_long_prompt_at_80x24_leaves_the_choices_in_view() -> None:
    app = SeatApp("127.0.0.1:9", None)  # no host: the screen is given a view by hand
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        view = {"role": "team", "game": {"seq": 3, "round": 1},
                "decision": {"prompt": LONG, "entries": [{"id": f"e{i}", "label": f"Entry {i}"} for i in range(4)]}}
        app.seat_screen.show(view, {})
        await pilot.pause()
        entries = app.seat_screen.query_one("#entries").region
        prompt = app.seat_screen.query_one("#prompt").region
        assert entries.height >= 4 and entries.bottom <= 24, entries
        assert prompt.height >= 1 and "Russia: counter" in str(app.seat_screen.query_one("#prompt").render())
        # found from outside (helper-113): the reasons below the fold, and no key said to reach them; shift+tab goes
        # from the list to the question, which the arrows then scroll (F1 says so)
        assert app.focused is app.seat_screen.query_one("#entries")
        await pilot.press("shift+tab")
        await pilot.pause()
        box = app.seat_screen.query_one("#prompt-box")
        assert app.focused is box and box.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        from tabletop.tui.seatdialogs import SEAT_HELP

        assert "shift+tab  from the list to the question above it" in SEAT_HELP


async def test_the_console_at_80x24_lists_the_tracks_as_the_hot_seat_does_and_boxes_them_when_wide(
        tmp_path: Path) -> None:
    """Found from outside: the facilitator's console at 80x24 drew the tracks in boxes 16 columns wide, two
    by two: "Strategic s…", "Держави-посеред / ники", four tracks of six in view. The hot seat's board
    lists them a line each below 110x34; the console draws the same board, and now the same way."""
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "console.jsonl", BOTS)
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: bool(app.seat_screen.query("#board")), "the console's board")
            board = app.seat_screen.query_one("#board", Board)
            await pilot.pause()
            assert board.compact
            width, height = board.outer_size
            shown = "\n".join(strip.text for strip in board.render_lines(Region(0, 0, width, height)))
            for name in ("Strategic stability", "Status of Ukraine", "Borders", "Track 2 dialogue",
                         "Ukraine and the EU", "Humanitarian"):
                assert name in shown, (name, shown)
            await pilot.resize_terminal(120, 40)
            await until(pilot, lambda: not board.compact, "the boxes at 120x40")


async def test_a_team_asked_to_answer_a_card_at_80x24_sees_the_card_from_its_title() -> None:
    """Found from outside: Russia's seat at 80x24, asked to answer the round's card, showed only the card's
    choices at the foot of its column: the title and the text were above, out of view. A team asked to answer
    a card now has the card brought into view from its title, once."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        tracks = [{"name": f"Track number {i}", "top": 6, "position": 1, "rung": "Talks", "tension": 2,
                   "breakdown_at": 7, "status": "open"} for i in range(8)]
        card = {"title": "Moscow is asked to back an expert dialogue",
                "text": "A long card text that goes on for a while. " * 6,
                "choices": [{"label": "Back it", "effects": "progress +1"}, {"label": "Refuse", "effects": "tension +1"}]}
        view = {"role": "team", "actor": "ru", "game": {"seq": 7, "round": 2, "waiting": "choice"},
                "board": {"tracks": tracks, "card": card},
                "decision": {"prompt": "Russia answers the card.",
                             "entries": [{"id": "7-a", "label": "Back it"}, {"id": "7-b", "label": "Refuse"}]}}
        app.seat_screen.show(view, {})
        left = app.seat_screen.query_one("#left")
        shown = app.seat_screen.query_one("#card")
        for _ in range(3):  # the new card laid out (before, its region is the empty card's)
            await pilot.pause()
        for _ in range(50):  # bounded by pauses, not by the clock
            if left.region.y <= shown.region.y < left.region.bottom:
                break
            await pilot.pause()
        assert app.screen is app.seat_screen
        assert left.region.y <= shown.region.y < left.region.bottom, (shown.region, left.region)


def _in_view(app: SeatApp, selector: str) -> bool:
    left = app.seat_screen.query_one("#left")
    shown = app.seat_screen.query_one(selector)
    return left.region.y <= shown.region.y < left.region.bottom


async def test_a_team_not_asked_sees_the_card_at_80x24_and_the_tracks_again_when_the_moves_begin() -> None:
    """Found from outside (helper-98): at 80x24 Russia's screen showed the six tracks and the meters, and the
    card another team was answering sat below the fold; only a clipped log line told of it. Every team now
    has a new card brought into view from its title while the game waits on it, once a card, and the column
    back at its top, the tracks, when the moves begin."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        tracks = [{"name": f"Track number {i}", "top": 6, "position": 1, "rung": "Talks", "tension": 2,
                   "breakdown_at": 7, "status": "open"} for i in range(8)]
        card = {"title": "Declaration on territorial integrity", "text": "A long card text. " * 8,
                "choices": [{"label": "Table it", "effects": "progress +1"}, {"label": "Hold it", "effects": "tension -1"}]}
        view = {"role": "team", "actor": "ru", "game": {"seq": 2, "round": 1, "waiting": "choice"},
                "board": {"tracks": tracks, "card": card},
                "decision": {"prompt": "Waiting for European NATO members / EU.", "entries": []}}
        app.seat_screen.show(view, {})
        left = app.seat_screen.query_one("#left")
        await until(pilot, lambda: app.seat_screen.query_one("#tracks").region.height > left.region.height,
                    "the tracks laid out, taller than the column")
        await until(pilot, lambda: _in_view(app, "#card"), "the card in view on a team's screen not asked")
        moves = {**view, "game": {"seq": 5, "round": 1, "waiting": "move"},
                 "board": {"tracks": tracks, "card": {**card, "choices": []}}}
        app.seat_screen.show(moves, {})
        await until(pilot, lambda: _in_view(app, "#tracks") and not _in_view(app, "#card"), "the tracks again")
        left.scroll_end(animate=False, immediate=True)  # the team reads on
        await pilot.pause()
        app.seat_screen.show({**moves, "game": {"seq": 6, "round": 1, "waiting": "move"}}, {})
        await pilot.pause()
        await pilot.pause()
        assert not _in_view(app, "#tracks"), "a team's own scrolling is left alone once the moves went on"
        # the next round's card, and the moves begun before its scroll was done (no pause between the two views)
        app.seat_screen.show({**view, "game": {"seq": 9, "round": 2, "waiting": "choice"},
                              "board": {"tracks": tracks, "card": {**card, "title": "A second card"}}}, {})
        app.seat_screen.show({**moves, "game": {"seq": 12, "round": 2, "waiting": "move"}}, {})
        for _ in range(12):
            await pilot.pause()
        assert _in_view(app, "#tracks") and not _in_view(app, "#card"), "the card's scroll stops once the moves began"


async def test_a_seat_that_lost_the_host_stops_its_phase_timer() -> None:
    """Found from outside: with the host stopped, every seat's timer went on counting down (01:53 -> 01:41),
    then jumped back to 02:37 when the host came back. A screen that has lost the host holds the last reading
    (its link line says the connection is lost) until a view comes again."""
    from tabletop.tui.seatwords import headline

    class Hands:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    hands = Hands()
    app = SeatApp("127.0.0.1:9", None, now=hands)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        view = {"role": "team", "actor": "ru", "game": {"seq": 3, "round": 1, "rounds": 8, "phase": "moves"},
                "clock": {"left": 120, "paused": False}, "decision": {"prompt": "", "entries": []}}
        app.joined.set()
        app.view = view
        app.seat_screen.show(view, {})
        hands.now += 10
        app.seat_screen._tick()
        assert str(headline(view, 10)) in str(app.seat_screen.query_one("#headline").render())
        app.joined.clear()  # the host went away
        hands.now += 30
        app.seat_screen._tick()
        assert str(headline(view, 10)) in str(app.seat_screen.query_one("#headline").render())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_a_team_sees_the_newest_log_line_while_it_waits(size: tuple[int, int]) -> None:
    """Found from outside: the console at 120x40 and a team's seat at 80x24 showed their log below the tracks
    and the card, out of view, and never followed it: "the console log stays cut at event 4" while the bots
    moved on. The newest line is now in view on the screen as the view comes, whatever the board's height."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=size) as pilot:
        await _the_seat_screen(app, pilot)
        tracks = [{"name": f"Track number {i}", "top": 6, "position": 1, "rung": "Talks", "tension": 2,
                   "breakdown_at": 7, "status": "open"} for i in range(8)]
        card = {"title": "A card", "text": "A long card text that goes on for a while. " * 6, "choices": []}
        log = [{"seq": i, "kind": "move", "text": f"event-number-{i}"} for i in range(1, 31)]
        view = {"role": "team", "actor": "ru", "game": {"seq": 30, "round": 2, "waiting": "moves"},
                "board": {"tracks": tracks, "card": card, "log": log},
                "decision": {"prompt": "Waiting for Ukraine.", "entries": []}}
        app.seat_screen.show(view, {})
        for _ in range(60):  # bounded by pauses, not by the clock
            await pilot.pause()
            if "event-number-30" in app.export_screenshot():
                break
        assert "event-number-30" in app.export_screenshot()


async def test_the_console_shows_the_whole_argument_it_sets_the_odds_of_at_120x40() -> None:
    """Found from outside: the console asked "how likely is it to work? Set the odds." with the argument cut
    at "Україна: пас": the counters it was weighing (the US's, the EU's) were below the prompt's fold. While
    the console acts, its control panel gives the prompt room: an argument of 17 lines shows whole."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(120, 40)) as pilot:
        await _the_seat_screen(app, pilot)
        objectives = {a: [{"text": f"An objective of {a} that takes a line or two", "met": False}] * 3
                      for a in ("ru", "ua", "us", "eu", "bridge")}
        prompt = "\n".join(["Facilitator: how likely is it to work? Set the odds."]
                           + [f"argument-line-{i}" for i in range(2, 18)])
        odds = ["very likely", "likely", "even", "unlikely", "very unlikely"]
        view = {"role": "facilitator", "game": {"seq": 30, "round": 2, "waiting": "odds"},
                "control": {"connected": ["facilitator"], "objectives": objectives},
                "board": {"tracks": [], "log": []},
                "decision": {"prompt": prompt, "entries": [{"id": f"30-{o}", "label": o} for o in odds]}}
        app.seat_screen.show(view, {})
        for _ in range(60):  # bounded by pauses, not by the clock
            await pilot.pause()
            if "argument-line-17" in app.export_screenshot():
                break
        shot = app.export_screenshot()
        assert "argument-line-17" in shot and "very&#160;unlikely" in shot


@pytest.mark.parametrize(("code", "said"), [("en", "every screen and the report show it"),
                                            ("uk", "її бачать усі екрани і звіт")])
async def test_the_console_s_note_says_the_whole_room_reads_it(code: str, said: str) -> None:
    """Found from outside: a note the console typed ("Україна вперше погодилась…") appeared on every team's
    screen and the projector, while the dialog said only "a note for the record". It says so now."""
    from tabletop.tui.modals import AskScreen

    app = SeatApp("127.0.0.1:9", None, lang=code)
    async with app.run_test(size=(120, 40)) as pilot:
        await _the_seat_screen(app, pilot)
        app.seat_screen.action_note()
        await until(pilot, lambda: isinstance(app.screen, AskScreen) and bool(app.screen.query("#ask-title")),
                    "the note's dialog")
        assert said in str(app.screen.query_one("#ask-title").render())


def test_the_dice_panel_shows_this_round_s_roll_only() -> None:
    """Found from outside: the projector in round 2's moves phase still read "Кости: Украина: Привести аргумент …
    выпало 2+6 = 8 при 6", round 1's roll, as if it had just been rolled."""
    from tabletop.tui.seatwords import dice_text

    log = [{"seq": 20, "round": 1, "kind": "roll", "text": "Ukraine argues — rolled 2+6 = 8 vs 6"},
           {"seq": 25, "round": 2, "kind": "advance", "text": "Round 2 begins"}]
    view = {"game": {"round": 2}, "board": {"log": log}}
    assert dice_text(view).plain == ""
    view = {"game": {"round": 1}, "board": {"log": log[:1]}}
    assert "rolled 2+6 = 8" in dice_text(view).plain


async def test_f1_on_a_seat_lists_the_seat_s_keys() -> None:
    """Found from outside: F1 did nothing on a seat, though the README says F1 shows every key (the hot
    seat's do); a team could not find how to scroll to the log. It shows a seat's keys and the console's."""
    from tabletop.tui.modals import HelpScreen

    from tabletop.tui.bars import KeyBar

    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        # found from outside (helper-113): the key bar said neither F1 nor F4, and F4 was named only inside F1's help
        shown = {item.description for item in app.seat_screen.query_one(KeyBar).items}
        assert {"Help", "Language"} <= shown, shown
        app.role = "facilitator"  # the console's keys, its longest lines (a team's F1 lists only a team's)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen) and bool(app.screen.query("#help-text")),
                    "the help")
        help_text = app.screen.query_one("#help-text")
        said = str(help_text.content)
        assert "tabletop join" in said and "every seat's join code" in said and "tab " in said
        # found from outside: at 80 columns the console's long lines went on at the dialog's left edge, under the
        # keys; they wrap under their own words
        await pilot.pause()
        rows = [strip.text.rstrip() for strip in help_text.render_lines(Region(0, 0, *help_text.size))]
        assert help_text.size.width < 80 and all(len(row) <= help_text.size.width for row in rows)
        for key, words, under in (("  p  pause / resume", "override is taken paused", 5),
                                  ("  ctrl+c  (in the console", "confirm", 10)):
            at = next(i for i, row in enumerate(rows) if row.startswith(key))
            assert rows[at + 1].startswith(" " * under) and words in rows[at + 1], (key, rows)
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, SeatScreen), "the seat again")


@pytest.mark.parametrize("width", [1, 2, 5, 12, 40, 76])
def test_the_help_never_draws_wider_than_its_dialog(width: int) -> None:
    """Found in review (helper-118): at a width of 1 or 2 the hanging indent drew lines wider than the dialog."""
    from rich.console import Console

    from tabletop.tui.modals import HELP, KeyLines
    from tabletop.tui.seatdialogs import CONSOLE_HELP, SEAT_HELP

    console = Console(width=width, color_system=None, file=open(os.devnull, "w"))  # noqa: SIM115
    from tabletop.tui.seatdialogs import CONSOLE_READING, SEAT_READING
    from tabletop.tui.text import BOARD_READING

    for keys in (HELP, SEAT_HELP, CONSOLE_HELP, *SEAT_READING, *BOARD_READING, *CONSOLE_READING):
        rows = list(KeyLines(keys).__rich_console__(console, console.options.update_width(width)))
        assert rows and max(row.cell_len for row in rows) <= width, [r.plain for r in rows if r.cell_len > width][:3]


@pytest.mark.parametrize("role", ["observer", "projector"])
async def test_an_observer_sees_the_table_as_the_projector_does(role: str) -> None:
    """Found from outside (helper-102): an observer's screen was a team's, with "Waiting for the facilitator."
    over an empty list of choices, where docs/seats.md says an observer sees what the projector sees. It is laid
    out as the projector's: the board and the table, the log on the table, no column of choices."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(120, 40)) as pilot:
        await _the_seat_screen(app, pilot)
        tracks = [{"name": "Borders", "top": 6, "position": 1, "rung": "Talks", "tension": 2, "breakdown_at": 7,
                   "status": "open"}]
        log = [{"seq": 3, "text": "Russia: Goodwill signal", "kind": "move"}]
        view = {"role": role, "game": {"seq": 3, "round": 1, "waiting": "move"},
                "board": {"tracks": tracks, "log": log}, "decision": {"prompt": "Waiting for Russia.", "entries": []}}
        app.seat_screen.show(view, {})
        await pilot.pause()
        screen = app.seat_screen
        assert screen.has_class("-projector")
        assert not screen.query_one("#right").display and screen.query_one("#round").display
        assert "Russia: Goodwill signal" in str(screen.query_one("#log").render())


@pytest.mark.parametrize(("role", "asked"), [("facilitator", "Russia: Press hard on Borders?"),
                                             ("team", "Press hard on Borders?")])
async def test_the_consoles_move_question_says_whose_move_it_is(role: str, asked: str) -> None:
    """Found from outside (helper-103): acting for a team with no screen, the console asked "Make a concession on
    Humanitarian?", where the hot seat asks "Russia: Press hard on Borders?"."""
    from tabletop.tui.modals import ConfirmScreen

    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(100, 30)) as pilot:
        await _the_seat_screen(app, pilot)
        app.view = {"role": role, "game": {"seq": 5, "actors": [{"id": "ru", "name": "Russia"}]}}
        entry = {"id": "5-1", "label": "Press hard on Borders", "confirm": "1 capital; 2d6 \u2265 9: progress +1",
                 "action": {"kind": "move", "actor": "ru", "move": "press", "track": "borders"}}
        app.confirm_move(entry)
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        said = str(app.screen.query_one("#confirm-title").render())
        assert said == asked, said


async def test_left_and_right_jump_between_the_kinds_of_move_of_a_long_list() -> None:
    """Found from outside (helper-102, helper-103): a team's 62 moves at 80x24 showed a few at a time, and reaching
    "Make an argument" took 59 presses of Down. → goes to the next kind of move's first entry, ← back."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        moves = ["propose", "concede", "press", "walkout", "argue"]
        tracks = ["borders", "status", "eu"]
        found = [{"id": f"4-{m}-{t}", "label": f"{m} on {t}", "group": t,
                  "action": {"kind": "move", "actor": "ru", "move": m, "track": t}} for m in moves for t in tracks]
        found.append({"id": "4-pass", "label": "Pass", "action": {"kind": "pass", "actor": "ru"}})
        view = {"role": "team", "actor": "ru", "game": {"seq": 4, "round": 1, "waiting": "move"},
                "board": {"tracks": []}, "decision": {"prompt": "Russia to move.", "entries": found}}
        app.seat_screen.show(view, {})
        await pilot.pause()
        listing = app.seat_screen.query_one("#entries", OptionList)
        listing.focus()
        assert listing.highlighted == 0
        await pilot.press("right", "right", "right")
        assert listing.highlighted == 9  # the first "walkout"
        await pilot.press("down", "right")
        assert listing.highlighted == 12  # the first "argue", from inside the walkouts
        await pilot.press("right")
        assert listing.highlighted == 15  # pass
        await pilot.press("right")
        assert listing.highlighted == 15  # the last kind: stays
        await pilot.press("left", "left")
        assert listing.highlighted == 9
        assert "previous or next kind of move" in str(app.seat_screen.query_one("#prompt").render())


@pytest.mark.parametrize("role", ["team", "facilitator", "projector", "observer"])
@pytest.mark.parametrize(("lang", "name"), [("ru", "Параллельные треки: европейская безопасность"),
                                            ("uk", "Паралельні треки: європейська безпека")])
async def test_the_headline_keeps_its_timer_on_its_line_at_80_columns(role: str, lang: str, name: str) -> None:
    """Found from outside: at 80 columns a Russian team's headline wrapped, its timer ("время 01:55") alone on a
    second line. What gives way is the game's name (cut, then left out), then "sealed moves": the round, the
    phase and the timer stay whole, on one line, on every seat's screen; at 120 columns nothing gives way."""
    from tabletop.lang import Domain, using

    class Hands:
        now = 1000.0

        def __call__(self) -> float:
            return self.now

    hands = Hands()
    with using(lang):
        said = Domain("tui").words()[0]
        # the clock names the phase it counts down, in the hot seat's word for it (found from outside: «час 06:58»
        # alone, and a first-time team did not know what ran out)
        phase = Domain("tui").pgettext("phase", "adjudication")
        timer, paused, waiting = f"{phase}: 01:45", said("PAUSED"), said("WAITING FOR THE FACILITATOR")
        round_ = said("Round {round}/{rounds} \u00b7 {phase} phase").split(" \u00b7 ")[0].format(round=1, rounds=8)
    app = SeatApp("127.0.0.1:9", None, now=hands, lang=lang)

    def lines() -> list[str]:
        line = app.seat_screen.query_one("#headline")
        width, height = line.outer_size
        return [strip.text.strip() for strip in line.render_lines(Region(0, 0, width, height))]

    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        for clock, loud in [({"left": 115, "paused": False}, None), ({"left": 105, "paused": True}, paused),
                            ({"left": 115, "paused": False, "waiting": True}, waiting)]:
            view = {"role": role, "actor": "ru" if role == "team" else None,
                    "game": {"seq": 3, "round": 1, "rounds": 8, "phase": "adjudication", "name": name,
                             "sealed_moves": True},
                    "clock": clock, "decision": {"prompt": "", "entries": []}}
            app.joined.set()
            app.view = view
            app.seat_screen.show(view, {})
            await pilot.pause()
            if not clock["paused"]:
                hands.now += 10  # the timer counts down between views, on the screen's clock
                with using(lang):
                    app.seat_screen._tick()
                await pilot.pause()
            shown = lines()
            assert len(shown) == 1 and shown[0].endswith(timer) and round_ in shown[0], shown
            assert loud is None or loud in shown[0], shown
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len(lines()) == 1 and lines()[0].startswith(name), lines()  # wide: the whole of it


async def test_at_80x24_a_refusal_leaves_the_seats_options_in_sight(tmp_path: Path) -> None:
    """The seat's decision list sits at its column's foot, where Textual puts notices, as the hot seat's does: at
    80x24 a refusal covered the lower options of the list it explained (ef6d884 moved the notices above the hot
    seat's list only). Notices sit above the seat's list too; the list and the keys stay in sight."""
    from textual.widgets._toast import Toast

    from tabletop.seats.client import connect

    from .screenkit import entries
    from .support import caught_up

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "refused.jsonl")
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        while table.session.state.phase != "moves":  # the card drawn and applied: a team's moves, some refused
            view = await caught_up(facilitator, table.session.state.seq)
            await facilitator.act(pick=view["decision"]["entries"][0]["id"])
        team = next(str(a.actor) for a in table.session.options() if a.actor)
        app = SeatApp(address, codes[f"team:{team}"], sleep=Sleeps())
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await until(pilot, lambda: bool(app.seat_screen.query_one("#entries").option_count), "the team's moves")
            # the tenth at most (its key is 0): a team's list holds only the tables it sits at
            refused = next(i for i, e in enumerate(entries(app)) if e.get("refusal") and i < 10)
            await pilot.press(str(pick_key(refused + 1)))
            await until(pilot, lambda: bool(app.screen.query(Toast)), "the refusal's notice")
            for _ in range(10):  # the notice laid out above the list
                await pilot.pause()
            listed = app.seat_screen.query_one("#entries", OptionList).region
            keys = app.seat_screen.query_one("KeyBar").region
            toasts = list(app.screen.query(Toast))
            # what is on top in each of the list's rows and the keys' (Textual clips a notice to its rack: a notice's
            # region may run a row past what is drawn of it)
            for region in (listed, keys):
                for y in range(region.y, region.bottom):
                    for x in (region.x + 1, region.x + region.width // 2, region.right - 2):
                        on_top, _ = app.screen.get_widget_at(x, y)
                        assert not any(on_top is t or t in on_top.ancestors for t in toasts), (x, y, on_top, region)
            assert all(app.screen.region.contains_region(t.region) for t in toasts)  # the notice whole, its title too
        await facilitator.close()
    session.close()


async def test_at_80x24_a_seats_list_longer_than_its_rows_says_how_many_are_below(tmp_path: Path) -> None:
    """The seat's decision list says on its foot how many options are below its rows, as the hot seat's does
    (12eec92 counted them on the board only: a team's list of moves at 80x24 had a scrollbar's thumb to say so);
    at its end, how its unnumbered lines are reached; on a wide screen too, where it scrolls."""
    from tabletop.seats.client import connect
    from tabletop.tui.decisionlist import DecisionList

    from .support import caught_up

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "below.jsonl")
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        while table.session.state.phase != "moves":
            view = await caught_up(facilitator, table.session.state.seq)
            await facilitator.act(pick=view["decision"]["entries"][0]["id"])
        team = next(str(a.actor) for a in table.session.options() if a.actor)
        app = SeatApp(address, codes[f"team:{team}"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: bool(app.seat_screen.query_one("#entries").option_count), "the team's moves")
            listed = app.seat_screen.query_one("#entries", DecisionList)
            await until(pilot, lambda: str(listed.border_subtitle).startswith("\u2193 "), "the count below the rows")
            assert listed.option_count > 10
            await pilot.press("end")
            await until(pilot, lambda: listed.border_subtitle == "without a number: \u2191\u2193 Enter",
                        "at the list's end, how the unnumbered lines are reached")
            await pilot.resize_terminal(120, 40)  # the console's and a team's wide screen: counted there too
            await until(pilot, lambda: listed.border_subtitle == "without a number: \u2191\u2193 Enter", "wide")
            await pilot.press("home")  # (found from outside: at 120x40 a list that scrolled said nothing of the rest)
            await until(pilot, lambda: str(listed.border_subtitle).startswith("\u2193 "), "the count at 120x40")
        await facilitator.close()
    session.close()


async def test_at_80x24_the_consoles_board_reads_each_tracks_rung_whole(tmp_path: Path) -> None:
    """Found from outside (helper-189): the facilitator's console at 80x24 cut every rung's name, "0/6 “Froz…”",
    "“De…”", after the hot seat's and the replay's boards had been made to read them whole."""
    from tabletop.tui.widgets import Board

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "console.jsonl")
    table = Table(session, seats_for(session, observers=0))
    rungs = [t.ladder[0] for t in session.state.ruleset.tracks]
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: bool(app.seat_screen.query(Board)), "the console's board")
            for _ in range(5):
                await pilot.pause()
            board = app.seat_screen.query_one(Board)
            drawn = " ".join(" ".join(board.render_line(y).text.split()) for y in range(board.size.height))
            missing = [r for r in rungs if f"\u201c{r}\u201d" not in drawn and r not in drawn]
            assert not missing, drawn
    session.close()


async def _help_as(app: SeatApp, pilot: Any, role: str) -> Any:
    """The seat's screen taken by ``role``, its F1 put up: the help's text widget."""
    from tabletop.tui.modals import HelpScreen

    await _the_seat_screen(app, pilot)
    app.role = role
    await pilot.press("f1")
    await until(pilot, lambda: isinstance(app.screen, HelpScreen) and bool(app.screen.query("#help-text")), "the help")
    return app.screen.query_one("#help-text")


async def test_a_team_s_f1_says_how_to_read_the_board_in_its_language_at_80x24() -> None:
    """Found from outside: a first-time team's F1 listed only keys; nothing said what ``[==----]``, «напруженість
    4/8», the status marks, capital or the clock mean. A team's F1 reads the board too (it scrolls at 80x24)."""
    app = SeatApp("127.0.0.1:9", None, lang="uk")
    async with app.run_test(size=(80, 24)) as pilot:
        help_text = await _help_as(app, pilot, "team")
        said = str(help_text.content)
        assert "[==----]" in said and "напруженість 4/8" in said and "\u25cb \u2714 \u2716 \u2016" in said, said
        assert "капітал" in said and "ходи: 06:58" in said and "Reading" not in said, said
        await pilot.pause()
        rows = [strip.text.rstrip() for strip in help_text.render_lines(Region(0, 0, *help_text.size))]
        assert all(len(row) <= help_text.size.width for row in rows)
        await pilot.press("end")
        await pilot.pause()
        assert help_text.parent.scroll_y > 0  # longer than the screen: it scrolls to its end


async def test_f1_on_the_console_reads_the_board_it_draws() -> None:
    """Found from outside (helper-332, finding 7): the facilitator's console draws the hot seat's board (its ▶ square
    frames, ⚠, the ladder's ●◉○★), but its F1 ended with the keys: nothing named them. It reads them in the board's
    F1 words, and its timer as a seat's headline shows it."""
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        said = str((await _help_as(app, pilot, "facilitator")).content)
        for words in ("Reading the board", "\u250c\u2500 \u25b6 the team to move plays on it",
                      "a track a step from its breakdown", "\u25c9 where the track is now", "moves: 06:58"):
            assert words in said, (words, said)
        assert "time 06:58" not in said  # the hot seat's turn panel's timer, not the console's


async def test_at_80x24_the_console_says_when_the_question_over_its_list_goes_on() -> None:
    """Found from outside (helper-349): at 80x24 the console's "how likely is it to work? Set the odds." ended at the
    argument's first reason, the odds right under it; the counters it weighs were below the question's last row, and
    nothing but a scrollbar said so. The hot seat's list says "↓ text goes on: shift+tab, ↓" on its top border for
    the same question: the seat's says it too, in the seat's language, until the question is read to its end."""
    from tabletop import lang

    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await _the_seat_screen(app, pilot)
        prompt = "\n".join(["Facilitator: how likely is it to work? Set the odds."]
                           + [f"argument-line-{i}" for i in range(2, 18)])
        odds = ["very likely", "likely", "even", "unlikely", "very unlikely"]
        view = {"role": "facilitator", "game": {"seq": 30, "round": 2, "waiting": "odds"},
                "control": {"connected": ["facilitator"]}, "board": {"tracks": [], "log": []},
                "decision": {"prompt": prompt, "entries": [{"id": f"30-{o}", "label": o} for o in odds]}}
        screen = app.seat_screen
        screen.show(view, {})
        listed = screen.query_one("#entries", OptionList)
        box = screen.query_one("#prompt-box")
        for _ in range(20):  # bounded by pauses, not by the clock
            await pilot.pause()
        assert box.max_scroll_y > 0, box.max_scroll_y  # the question is cut at this size
        assert "text goes on" in str(listed.border_title), listed.border_title
        try:
            lang.set_language("ru")
            screen.show({**view, "game": {"seq": 31, "round": 2, "waiting": "odds"}}, {})
            for _ in range(10):
                await pilot.pause()
            assert str(listed.border_title).startswith("\u2193 ") and "text goes on" not in str(listed.border_title)
        finally:
            lang.set_language("en")
        await pilot.press("shift+tab", "end")  # read to its end: nothing more to say
        for _ in range(5):
            await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        assert not listed.border_title, listed.border_title


async def test_at_60x16_a_seats_keys_keep_to_one_row_in_every_language() -> None:
    """Found from outside: a team's seat at its least size (60x16) in Russian put the key bar's "^p команды" on a
    line of its own, a row taken from the board. A team's keys and an observer's keep to one row in en, ru and uk,
    the palette's key said with its words when they fit and alone when they do not (one run: F4 turns the language).
    The facilitator's console too, at 60 and at 80 columns (found from outside: its keys took 2 and 3 rows at 60,
    the board's rows): the keys that do not fit leave the bar, the palette key ends it, and the palette names every
    one of them, each press reaching its key."""
    from tabletop.tui.bars import KeyBar

    app = SeatApp("127.0.0.1:9", None, lang="en")
    async with app.run_test(size=(60, 16)) as pilot:
        await _the_seat_screen(app, pilot)
        screen = app.seat_screen
        bar = screen.query_one(KeyBar)
        for role, width in (("team", 60), ("observer", 60), ("facilitator", 60), ("facilitator", 80)):
            app.role = role
            if app.size.width != width:
                await pilot.resize_terminal(width, 24)
            for lang in ("en", "ru", "uk"):
                app.action_language(lang)
                await pilot.pause()
                rows = bar.render().plain.split("\n")
                assert bar.outer_size.height == 1 and len(rows) == 1, (role, width, lang, rows)
                assert "\u2502 ^p" in rows[0], (role, lang, rows)
                if role != "facilitator":
                    assert "f1" in rows[0] and "f4" in rows[0], (role, lang, rows)
                if role == "team":
                    assert " o " in rows[0], (role, lang, rows)  # the team's own panel still named
                if role == "facilitator":
                    assert " p " in rows[0], (width, lang, rows)  # its first key stays in the bar
                    assert " f1 " in rows[0], (width, lang, rows)  # and the help's, which says what each key does
                    # every key the bar leaves out is in the palette, under its words (quit and the language in
                    # the palette's own: "Language: English"), and runs its key
                    named = [text for text, _run, _help in screen.palette_commands()]
                    named += [command.title for command in app.get_system_commands(screen)]
                    for item in bar.items:
                        if f" {item.display} " not in rows[0]:
                            assert any(text.startswith(item.description) for text in named), (width, lang, item, named)
        pressed: list[str] = []
        app.simulate_key = pressed.append  # type: ignore[method-assign]
        named = {text: run for text, run, _help in screen.palette_commands()}
        named[next(item.description for item in bar.items if item.key == "i")]()
        assert pressed == ["i"], pressed
