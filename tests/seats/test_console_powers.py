"""The hosted facilitator console can do what the hot seat's facilitator does: pause, more time, override.

Through a real host (Pilot): the console's keys (p, +, o) reach the host, the
projector shows the clock paused and given more time, an override with its
reason is saved and shown to the room as the hot seat shows it, and a team
that tries any of it is refused ``NOT_YOUR_SEAT``. The clock is saved beside
each event as the hot seat saves it: a game saved while paused resumes paused.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.widgets import Static

from tabletop.content.loader import load_scenario
from tabletop.engine import legal_actions
from tabletop.play.clock import PICK_HOLD
from tabletop.play.session import Session
from tabletop.seats.client import Refused, SeatClient, connect
from tabletop.seats.table import Table, seats_for
from tabletop.seats.views import secrets
from tabletop.store.reading import open_save
from tabletop.tui.modals import PickScreen
from tabletop.tui.override import TrackOverrideScreen
from tabletop.tui.seat import SeatApp
from tests.tui.support import burst, toasts, type_text

from .screenkit import until
from .support import Sleeps, caught_up, hosting, make_table

BOTS = {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative", "ua": "cooperative"}
REASON = "the parties met in private overnight"


class Hands:
    """A clock that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def _following(pilot: Any, app: SeatApp, session: Session) -> None:
    """Until the console shows the game as the host has it."""
    await until(pilot, lambda: app.replica is not None and app.replica.state.seq == session.state.seq,
                "the console to follow the game")


def _table(tmp_path: Path, now: Hands, teams: dict[str, str] | None = None) -> Table:
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "powers.jsonl", BOTS, teams=teams)
    return Table(session, seats_for(session, observers=0), now=now)


def _shown(app: SeatApp) -> str:
    return str(app.seat_screen.query_one("#headline").render())


async def test_the_console_pauses_gives_more_time_and_overrides_through_the_host(tmp_path: Path) -> None:
    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        team = await connect(address, codes["team:ru"])
        # the console as the command line makes it: a nervous double press is held (pick_hold)
        apps = {s: SeatApp(address, codes[s], sleep=Sleeps(), now=hands, pick_hold=PICK_HOLD)
                for s in ("facilitator", "projector")}
        async with AsyncExitStack() as stack:
            pilots = {s: await stack.enter_async_context(a.run_test(size=(120, 40), notifications=True))
                      for s, a in apps.items()}
            console, projector = apps["facilitator"], apps["projector"]
            for seat, app in apps.items():
                await until(pilots[seat], app.joined.is_set, f"{seat} to join")
            pilot = pilots["facilitator"]
            assert "event: 02:00" in _shown(projector)  # the event phase's two minutes, the phase named

            await pilot.press("p")
            await until(pilots["projector"], lambda: "PAUSED" in _shown(projector), "the projector to show the pause")
            assert table.clock.paused
            # a nervous second p, once the console shows the pause (its key now Resume), within the hold of the first:
            # not taken (found: it resumed the clock at once, the room believing the game paused)
            await until(pilot, console.seat_screen._paused, "the console to show the pause")
            await pilot.press("p")
            await until(pilot, lambda: any("Not taken: pressed twice at once; the game stays paused" in t
                                           for t in toasts(pilot)), "the console to say the second p was not taken")
            with pytest.raises(Refused) as refused:  # a paused game waits for the facilitator
                await team.act({"kind": "pass", "actor": "ru"})
            assert refused.value.code == "PAUSED"
            assert refused.value.message == "The game is paused: the facilitator resumes it."
            with pytest.raises(Refused) as refused:  # the facilitator is told the key (found from outside: not)
                await console.client.act(pick=console.view["decision"]["entries"][0]["id"])  # type: ignore[union-attr,index]
            assert refused.value.message == "The game is paused: press p to resume it."

            burst(console, "plus", "plus")  # a nervous + +: one more minute, not two (the saved clock says so below)
            await until(pilots["projector"], lambda: "event: 03:00" in _shown(projector),
                        "the projector: one more minute")
            await until(pilot, lambda: any("Not taken: pressed twice at once; one minute" in t for t in toasts(pilot)),
                        "the console to say the second + was not taken")
            assert table.clock.paused and "PAUSED" in _shown(projector)  # the second p sent nothing (sent before +)
            hands.now += PICK_HOLD  # the picks below come after the hold
            await pilot.press("p")
            await until(pilots["projector"], lambda: "PAUSED" not in _shown(projector), "the projector: resumed")

            await pilot.press("o")
            await until(pilot, lambda: isinstance(console.screen, PickScreen), "the override's choice of track")
            await pilot.press("enter")  # the first track
            await until(pilot, lambda: isinstance(console.screen, TrackOverrideScreen), "the track's override")
            dialog = console.screen
            dialog.query_one("#override-tension").value = "0"
            dialog.query_one("#override-reason").focus()
            await type_text(pilot, REASON)
            await pilot.press("enter")
            await until(pilot, lambda: table.session.state.last.action.kind == "override", "the override to be saved")
            seq = table.session.state.seq
            await until(pilots["projector"], lambda: (projector.view or {}).get("game", {}).get("seq") == seq,
                        "the projector to show the override")
            log = [line["text"] for line in projector.view["board"]["log"]]
            assert any("override" in text and REASON in text for text in log)  # the reason, to the room

            for attempt in ({"clock": "pause"}, {"clock": "extend"}):
                with pytest.raises(Refused) as refused:
                    await team.act(**attempt)
                assert refused.value.code == "NOT_YOUR_SEAT"
            with pytest.raises(Refused) as refused:
                await team.act({"kind": "override", "track": "borders", "tension": 0, "reason": "mine"})
            assert refused.value.code == "NOT_YOUR_SEAT"
        await team.close()
    table.session.close()
    saved = open_save(table.session.save_path).events[-1]
    assert saved.action.kind == "override" and saved.action.reason == REASON
    assert saved.clock == {"phase_left": 180, "paused": False, "elapsed": 0}  # the minute given is saved too


async def test_a_hosted_game_saved_while_paused_resumes_paused(tmp_path: Path) -> None:
    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        await facilitator.act(clock="pause")
        await facilitator.act({"kind": "note", "text": "coffee break"})  # a note is taken while paused
        # and an override, the room's decision made in the pause (found from outside: refused, its reason lost)
        await facilitator.act({"kind": "override", "track": "borders", "tension": 1, "reason": "agreed in the break"})
        assert table.session.state.last.action.kind == "override"
        view = await caught_up(facilitator, table.session.state.seq)
        assert view["clock"]["paused"]
        await facilitator.close()
    table.session.close()
    resumed = Session.resume(table.session.save_path)
    try:
        again = Table(resumed, seats_for(resumed, observers=0), now=hands)
        assert again.clock.paused and again.clock.facts()["left"] == 120
    finally:
        resumed.close()


async def test_the_consoles_join_codes_name_each_seat_as_the_host_printed_it(tmp_path: Path) -> None:
    """``c`` lists every seat's code by the seat's name (it listed ``team:ru``, ``projector``: the ids)."""
    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, codes=codes, lang="ru")
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, PickScreen), "the join codes")
            assert isinstance(app.screen, PickScreen)
            listed = [str(line) for line in app.screen._options]
            title = str(app.screen.query_one("#pick-title", Static).render())
            keys = str(app.screen.query_one("#pick-keys", Static).render())
    assert listed == [f"Ведущий: {codes['facilitator']}", f"Россия: {codes['team:ru']}",
                      f"Проектор: {codes['projector']}"]
    # its keys are said once, under it, as every list's (found in review, helper-354: the title said them again)
    assert "Escape" in keys and "Escape" not in title, (title, keys)
    table.session.close()


async def test_the_hosts_console_lists_each_seats_whole_join_command(tmp_path: Path) -> None:
    """Found from outside: the console inside ``tabletop host`` said "tabletop join ADDR:PORT CODE", and the
    address was in the lines its screen had just covered. Each line is now the command a seat types."""
    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, codes=codes, join_at="192.0.2.2:8765")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, PickScreen), "the join codes")
            assert isinstance(app.screen, PickScreen)
            listed = [str(line) for line in app.screen._options]
            title = str(app.screen.query_one("#pick-title", Static).render())
            keys = str(app.screen.query_one("#pick-keys", Static).render())
    assert "Escape" in keys and "Escape" not in title, (title, keys)  # its keys said once, under it (helper-354)
    assert listed == [f"Facilitator: tabletop join 192.0.2.2:8765   code: {codes['facilitator']}",
                      f"Russia: tabletop join 192.0.2.2:8765   code: {codes['team:ru']}",
                      f"Projector: tabletop join 192.0.2.2:8765   code: {codes['projector']}"]
    assert "ADDR:PORT" not in title
    table.session.close()


async def test_the_console_plays_for_a_team_whose_screen_is_gone_and_the_host_saves_it_as_that_teams(
        tmp_path: Path) -> None:
    """Russia's laptop died: the console is offered Russia's moves, and what it picks is Russia's act, noted as the
    facilitator's entry. The team is named as the console's lists name it (found from outside, helper-176: the
    note said "Russia" of the team the console called "Delegation A (Russia)")."""
    hands = Hands()
    table = _table(tmp_path, hands, teams={"ru": "Delegation A"})  # every team a bot but Russia, whose screen never joins
    async with hosting(table) as (_host, address, codes):
        console = await connect(address, codes["facilitator"])
        for _ in range(20):
            state = table.session.state
            if state.turn == "ru" and state.phase == "moves":
                break
            view = await caught_up(console, state.seq)
            await console.act(pick=view["decision"]["entries"][0]["id"])
        view = await caught_up(console, table.session.state.seq)
        assert view["decision"]["prompt"].startswith("Delegation A (Russia) has no screen connected: you act for it.")
        move = next(e for e in view["decision"]["entries"] if e["action"]["kind"] == "move" and "refusal" not in e)
        ack = await console.act(pick=move["id"])
        await caught_up(console, state.seq + 1)
        events = open_save(table.session.save_path).events
        done = events[state.seq]  # the event after the turn came (bots follow)
        assert done.action.kind == "move" and done.action.actor == "ru" and done.action.move == move["action"]["move"]
        # and the record says who entered it (found from outside: a vote entered while Russia's laptop was frozen
        # was saved, replayed and reported as Russia's own)
        note = events[state.seq + 1].action
        assert (note.kind, note.about) == ("note", done.seq)
        # a record each reader words (found from outside, helper-318: saved as text in the console's language)
        assert (note.entered, note.text, note.lang) == ("ru", None, None)
        assert ack["index"] == done.seq  # the act's event, as docs/seats.md says, not the note's (found in review)
        await console.close()
    table.session.close()


async def test_the_consoles_footer_names_its_keys_when_it_joins_on_a_team_s_turn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: a console that joined while the game waited on a team with a screen ("Waiting for
    Russia.") showed only "^q Quit" in its footer: p, +, o, u, n, i, x worked but nothing named them. The footer
    was drawn before the seat knew it was the facilitator's, and drawn again only when the list took focus."""
    from tabletop.tui.bars import KeyBar

    hands = Hands()
    table = _table(tmp_path, hands)
    session = table.session
    while session.state.phase != "moves":
        session.apply(table.session.options()[0])
    assert session.acting() == "ru"
    async with hosting(table) as (_host, address, codes):
        team = await connect(address, codes["team:ru"])  # Russia has its screen: the console only waits
        gate = asyncio.Event()  # the host answers the hello after the screen is up, as over a room's network
        real = SeatClient.connect

        async def slow(self: SeatClient, *args: object, **kwargs: object) -> dict:
            await gate.wait()
            return await real(self, *args, **kwargs)

        monkeypatch.setattr(SeatClient, "connect", slow)
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(120, 40)) as pilot:
            for _ in range(5):
                await pilot.pause()
            gate.set()
            await until(pilot, lambda: app.view is not None and "Waiting for Russia" in str(
                app.view.get("decision", {}).get("prompt")), "the console waits on Russia")
            await pilot.pause()
            keys = str(app.screen.query_one(KeyBar).render())
            for word in ("Pause", "Override", "Undo", "Note"):
                assert word in keys, keys
        await team.close()


async def test_the_console_takes_back_a_bot_s_move_while_paused_and_the_bot_waits(tmp_path: Path) -> None:
    """As on the hot seat: paused, an undo is taken (it was refused "The game is paused"), and the bot whose
    move it took back does not play it again until the game resumes."""
    table = _table(tmp_path, Hands())  # every team a bot but Russia
    async with hosting(table) as (_host, address, codes):
        console = await connect(address, codes["facilitator"])
        for _ in range(30):
            state = table.session.state
            if any(e.action.kind == "move" and table.session.is_bot(e.action.actor) for e in state.log):
                break
            view = await caught_up(console, state.seq)
            await console.act(pick=view["decision"]["entries"][0]["id"])
        await console.act(clock="pause")
        last = table.session.state.last
        await console.act({"kind": "undo", "reason": "undone by the facilitator"})
        undo = table.session.state.last
        assert undo.action.kind == "undo" and undo.result["undoes"] == last.seq
        await caught_up(console, undo.seq)
        await asyncio.sleep(0)
        assert table.session.state.last == undo  # paused: the bot waits
        await console.close()
    table.session.close()


async def test_the_console_s_key_bar_says_pause_or_resume_as_the_game_is(tmp_path: Path) -> None:
    """Found from outside: after p and p again the console's key bar still said "p Resume" while the game ran (the
    bar was drawn again only when the seat rejoined), so a facilitator read the game as paused."""
    from tabletop.tui.bars import KeyBar

    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        console = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with console.run_test(size=(120, 40)) as pilot:
            await until(pilot, console.joined.is_set, "the console to join")

            def keys() -> set[str]:
                return {item.description for item in console.seat_screen.query_one(KeyBar).items}

            await until(pilot, lambda: "Pause" in keys(), "the key bar to offer Pause")
            for paused in (True, False, True, False):
                await pilot.press("p")
                await until(pilot, lambda p=paused: table.clock.paused == p, "the host to take the p")
                wanted, not_wanted = ("Resume", "Pause") if paused else ("Pause", "Resume")
                await until(pilot, lambda w=wanted: w in keys(), f"the key bar to offer {wanted}")
                assert not_wanted not in keys()
    table.session.close()


@asynccontextmanager
async def _asked_to_stop_the_host(tmp_path: Path) -> AsyncIterator[tuple[SeatApp, Any, asyncio.Event]]:
    """The host's own console, joined, with Ctrl-C's question up: the app, its pilot, and the host's stop."""
    from tabletop.tui.modals import ConfirmScreen

    hands = Hands()
    table = _table(tmp_path, hands)
    stopped = asyncio.Event()
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, codes=codes, stop_host=stopped.set)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await pilot.press("ctrl+c")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            yield app, pilot, stopped
    table.session.close()


async def test_ctrl_c_in_the_hosts_console_asks_then_stops_the_host(tmp_path: Path) -> None:
    """Found from outside: the host's terminal says "Stop the host with Ctrl-C", and with its console open Ctrl-C
    only drew Textual's "press ctrl+q to quit". In the host's own console it now asks, then stops the host; a
    typed «н» does not answer that question, and a second Ctrl-C does not stack a second one."""
    from tabletop.tui.modals import ConfirmScreen

    async with _asked_to_stop_the_host(tmp_path) as (app, pilot, stopped):
        depth = len(app.screen_stack)
        await pilot.press("ctrl+c", "н")
        await pilot.pause()
        assert len(app.screen_stack) == depth and not stopped.is_set()
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen), "the question to go")
        assert not stopped.is_set()
        await pilot.press("ctrl+c")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question again")
        await pilot.press("enter")
        await until(pilot, stopped.is_set, "the host to be stopped")


async def test_ctrl_q_with_the_stop_question_up_closes_only_the_console_as_the_question_says(tmp_path: Path) -> None:
    """Found from outside: "Stop the host? … To close only this console, press ctrl+q." and ctrl+q did nothing while
    the question was up (only Escape, then ctrl+q, closed the console)."""
    async with _asked_to_stop_the_host(tmp_path) as (app, pilot, stopped):
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, "the console to close")
        assert not stopped.is_set()  # the game goes on


async def test_ctrl_c_on_a_joined_screen_stops_nothing(tmp_path: Path) -> None:
    """A screen joined with ``tabletop join`` (no host to stop) keeps Textual's hint: quit with ctrl+q."""
    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            screens = len(app.screen_stack)
            await pilot.press("ctrl+c")
            await until(pilot, lambda: any("ctrl+q" in str(n.message) for n in app._notifications), "the hint")
            assert len(app.screen_stack) == screens
    table.session.close()


def test_the_host_gives_its_console_the_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    """``tabletop host``'s console is made with the host's stop, so that its Ctrl-C can stop the host."""
    from tabletop.cli import host as host_cli
    from tabletop.tui import seat

    made: dict[str, object] = {}

    class Console:
        def __init__(self, *args: object, **kwargs: object) -> None:
            made.update(kwargs)

        async def run_async(self) -> None:
            made["stop_host"]()  # type: ignore[operator]

    monkeypatch.setattr(seat, "SeatApp", Console)
    monkeypatch.setattr(host_cli, "_at_a_terminal", lambda: True)
    stop = asyncio.Event()
    asyncio.run(host_cli._console("127.0.0.1:8765", "127.0.0.1", 8765, {"facilitator": "F"}, stop, "en"))
    assert stop.is_set()


def test_a_crash_of_the_hosts_console_is_said_in_one_line_and_the_game_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found in review: the console's crash was said only by where its details were kept, then "The console is
    closed; the game goes on", which reads as a normal close."""
    import tempfile

    from tabletop.cli import host as host_cli
    from tabletop.tui import seat

    class Console:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self._exception: Exception | None = None

        async def run_async(self) -> None:
            self._exception = RuntimeError("a bug in the console")
            self.error_console.print("Traceback: the console's locals")  # type: ignore[attr-defined]

    monkeypatch.setattr(seat, "SeatApp", Console)
    monkeypatch.setattr(host_cli, "_at_a_terminal", lambda: True)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    asyncio.run(host_cli._console("127.0.0.1:8765", "127.0.0.1", 8765, {"facilitator": "F"}, asyncio.Event(), "en"))
    out = capsys.readouterr()
    assert "tabletop host: the console stopped on an internal error (RuntimeError: a bug in the console); the game " \
           "goes on." in out.err
    assert "Traceback" not in out.out + out.err
    (log,) = tmp_path.glob("tabletop-crash-*.txt")
    assert "the console's locals" in log.read_text(encoding="utf-8")


async def test_a_recovered_save_is_told_on_the_console(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-85): a host resumed from a save damaged mid-game went back two rounds, and the
    console said nothing: the line "the game continues from event 29 in ...-recovered.jsonl" was printed before
    the console took the terminal, where nobody saw it. The console shows it, as the hot seat does."""
    from tabletop.cli import host as host_cli
    from tabletop.tui import seat

    made: dict[str, object] = {}

    class Console:
        def __init__(self, *args: object, **kwargs: object) -> None:
            made.update(kwargs)

        async def run_async(self) -> None:
            pass

    told = "The save is damaged at event 30; the game continues from event 29 in g-recovered.jsonl"
    monkeypatch.setattr(seat, "SeatApp", Console)
    monkeypatch.setattr(host_cli, "_at_a_terminal", lambda: True)
    await host_cli._console("127.0.0.1:8765", "127.0.0.1", 8765, {"facilitator": "F"}, asyncio.Event(), "en",
                            [told])
    assert list(made["notes"]) == [told]  # type: ignore[call-overload]
    monkeypatch.undo()

    hands = Hands()
    table = _table(tmp_path, hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, notes=[told + " [b]x[/b]"])
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            shown = [n for n in app._notifications if n.title == "Save recovered"]
            assert [n.message for n in shown] == [told + " [b]x[/b]"]  # shown literally
    table.session.close()


async def test_a_note_on_a_sealed_move_says_the_teams_see_it_only_after_the_reveal(tmp_path: Path) -> None:
    """Found from outside (helper-85): a note typed on the console right after a team's sealed move was hidden on
    every team's screen with the move ("Note on event 71 (a sealed move)"), and the game ended unrevealed; the
    dialog had promised "every screen and the report show it". It now says so before the note is typed."""
    from tabletop.tui.modals import AskScreen

    table = _to_a_sealed_move(tmp_path)
    session = table.session
    async def asked(app: SeatApp, pilot: Any, what: str) -> str:
        """The console following the game, n pressed: the note dialog's title."""
        await _following(pilot, app, session)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, AskScreen), what)
        return str(app.screen.query_one("#ask-title").render())

    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(100, 30)) as pilot:
            said = await asked(app, pilot, "the note dialog")
            assert "sealed move, not revealed yet" in said and "once the move is revealed" in said, said
            await type_text(pilot, "ok")
            await pilot.press("enter")  # the note is taken all the same, on the sealed move
            await until(pilot, lambda: app.screen is app.seat_screen and session.state.last is not None
                        and session.state.last.action.kind == "note", "the note taken")
            assert session.state.last is not None and session.state.last.action.text == "ok"
            # a second note is on the same sealed move (not on the first note): so warned
            said = await asked(app, pilot, "the note dialog again")
            assert "sealed move, not revealed yet" in said, said
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is app.seat_screen, "the console again")
        while session.state.last is not None and session.state.last.seq in secrets(session.state).sealed or (
                session.state.last is not None and session.state.last.action.kind == "note"):
            session.apply(legal_actions(session.state)[0])  # on to an event the teams may read
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())  # a screen that joins the game as it is now
        async with app.run_test(size=(100, 30)) as pilot:
            said = await asked(app, pilot, "the note dialog on a public event")
            assert "every screen and the report show it" in said, said
    session.close()


async def test_a_note_on_a_sealed_counter_says_the_teams_see_it_only_after_the_reveal(tmp_path: Path) -> None:
    """Found from outside (helper-117): a note on a counter entered behind the gate ("United States: a counter or a
    pass entered (sealed)") went to every screen at once; it now waits for the counters' reveal, as a note on a sealed
    move waits for the move's, and the dialog says so as it does for a sealed move."""
    from tabletop.tui.modals import AskScreen
    from tests.engine.argue_kit import argue_scenario, counter, to_counters

    session = Session.start(argue_scenario(sealed=True, counters="all"), 2, tmp_path / "g.jsonl", {})
    for action in (*to_counters(), counter("b", "They broke the last one")):
        session.apply(action)
    table = Table(session, seats_for(session, 0))
    async with hosting(table) as (_host, address, codes):
        counters = await connect(address, codes["team:c"])  # the team to counter next is at its screen
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(100, 30)) as pilot:
            await _following(pilot, app, session)
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, AskScreen), "the note dialog")
            said = str(app.screen.query_one("#ask-title").render())
            assert "sealed counter, not revealed yet" in said and "once the counters are revealed" in said, said
            await pilot.press("escape")
        await counters.close()
    session.close()


async def test_an_undo_of_a_bot_s_move_pauses_the_game_so_the_bot_does_not_play_again(tmp_path: Path) -> None:
    """Found from outside (helper-90): not paused, each undo of a bot's move was followed at once by another move
    of the same bot (three undone bot moves in the record), and nothing before it could be taken back. The undo
    pauses the game: the bots wait, a second undo takes back the event before, p goes on."""
    table = _table(tmp_path, Hands())  # every team a bot but Russia
    async with hosting(table) as (_host, address, codes):
        console = await connect(address, codes["facilitator"])
        for _ in range(30):
            state = table.session.state
            if state.last is not None and table.session.is_bot(state.last.action.actor):
                break
            view = await caught_up(console, state.seq)
            await console.act(pick=view["decision"]["entries"][0]["id"])
        last = table.session.state.last
        assert last is not None and table.session.is_bot(last.action.actor)
        await console.act({"kind": "undo", "reason": "undone by the facilitator"})
        undo = table.session.state.last
        assert undo.result["undoes"] == last.seq and table.clock.paused
        # saved so: a host resumed straight after comes up paused (the pause came after the line was written)
        assert open_save(table.session.save_path).events[undo.seq - 1].clock["paused"] is True
        view = await caught_up(console, undo.seq)
        assert view["clock"]["paused"] is True
        # and the console says so where it looks (found from outside, helper-98: it said "Waiting for … (bot)."
        # and nothing happened; only the headline's PAUSED told why); a team's screen too
        assert view["decision"]["prompt"].startswith("The game is paused: press p to resume it. "), view["decision"]
        assert table.view("team:ru")["decision"]["prompt"].startswith("The game is paused: the facilitator resumes it.")
        assert table.session.state.last == undo  # the bot waits
        await console.act({"kind": "undo", "reason": "and the one before"})  # taken while paused
        assert table.session.state.last.result["undoes"] == last.seq - 1
        await console.close()
    table.session.close()


async def test_the_console_warns_of_the_lapse_before_it_ends_the_game(tmp_path: Path) -> None:
    """Found from outside (left alone at stop 47): as the hot seat's ``e``, the console's ``x`` said nothing of the
    provisional deal that ending the game lets lapse."""
    from textual.widgets import Input

    from tabletop import Action
    from tabletop.tui.modals import AskScreen, ConfirmScreen

    sc = load_scenario("parallel-tracks-linked")
    session = Session.start(sc, 1, tmp_path / "hosted.jsonl")
    spec = sc.index.tracks["humanitarian"]
    session.apply(Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal"))
    table = Table(session, seats_for(session, 0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await _following(pilot, app, session)
            await pilot.press("x")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the end's question")
            said = " ".join(str(w.render()) for w in app.screen.query("Static")).replace("\n", " ")
            assert "provisional agreement on Humanitarian lapses: the package is not complete" in said, said
            # as the hot seat: the question first, then a reason that may be left out (found from outside: the
            # console went straight to a required reason, and the y typed to confirm became part of it)
            await pilot.press("y")
            await until(pilot, lambda: isinstance(app.screen, AskScreen), "the reason, optional")
            assert str(app.screen.query_one(Input).value) == ""
            await pilot.press("enter")
            await until(pilot, lambda: session.state.over, "the game ended")
            assert session.state.last.action.kind == "end" and session.state.last.action.reason is None
    session.close()


async def test_the_console_puts_a_note_on_an_earlier_event(tmp_path: Path) -> None:
    """As on the hot seat: the console's note dialog steps back through its copy of the game (the events named in
    full, as its undo names them); the host saves the note on the event chosen."""
    from tabletop.tui.modals import NoteScreen
    from tabletop.tui.text import told

    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False, observers=0)
    session = table.session
    for _ in range(5):
        session.apply(legal_actions(session.state)[0])
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await _following(pilot, app, session)
            await pilot.press("n")
            await until(pilot, lambda: isinstance(app.screen, NoteScreen), "the note dialog")
            await pilot.press("up", "up")
            await pilot.pause()
            title = str(app.screen.query_one("#ask-title").render())
            assert title.startswith(f"Note on event 3: {told(session.state, session.state.log[2])}"), title
            assert "every screen and the report show it" in title and "on the last event" not in title, title
            await type_text(pilot, "asked why")
            await pilot.press("enter")
            await until(pilot, lambda: session.state.last is not None and session.state.last.action.kind == "note",
                        "the note taken")
    note = open_save(session.save_path).events[-1]
    assert (note.action.text, note.result["about"]) == ("asked why", 3)
    session.close()


async def test_f1_over_a_seat_s_dialog_shows_the_seat_s_help_and_closes_back_to_it(tmp_path: Path) -> None:
    """The seat's help says F1 anywhere too: Textual cut the app's F1 at a dialog (here the host's stop question)."""
    from tabletop.tui.modals import ConfirmScreen, HelpScreen
    from tabletop.tui.seatdialogs import CONSOLE_HELP

    async with _asked_to_stop_the_host(tmp_path) as (app, pilot, stopped):
        asked = app.screen
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        assert app.screen._keys == CONSOLE_HELP  # the console's: a team's shows only a team's keys
        await pilot.press("f1")
        await until(pilot, lambda: app.screen is asked, "the question again")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen), "the question to go")
        assert not stopped.is_set()


def test_the_console_s_end_key_is_the_board_s() -> None:
    """Found from outside: the hot seat's board ends the game with e, the host's console with x; a facilitator who
    learnt one pressed the other. Both end it with e, which both footers name; x, the console's key in
    docs/seats.md, still ends it there."""
    from tabletop.tui.board import BoardScreen
    from tabletop.tui.seatpowers import POWER_BINDINGS

    board = next(b for b in BoardScreen.BINDINGS if isinstance(b, Binding) and b.action == "end_game")
    console = next(b for b in POWER_BINDINGS if b.action == "end")
    assert board.key.split(",")[0] == console.key.split(",")[0] == "e"  # the first key is the one a footer names
    assert "x" in console.key.split(",")


@pytest.mark.parametrize("key", ["e", "x"])
async def test_the_console_ends_the_game_with_e_named_in_its_footer_and_with_x(tmp_path: Path, key: str) -> None:
    from tabletop.tui.bars import KeyBar
    from tabletop.tui.modals import AskScreen, ConfirmScreen

    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False, observers=0)
    session = table.session
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await _following(pilot, app, session)
            await pilot.pause()
            keys = str(app.screen.query_one(KeyBar).render())
            assert " e End " in keys and " x End " not in keys, keys
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the end's question")
            await pilot.press("y")
            await until(pilot, lambda: isinstance(app.screen, AskScreen), "the reason, optional")
            await pilot.press("enter")
            await until(pilot, lambda: session.state.over, "the game ended")
            assert session.state.last.action.kind == "end"
    session.close()



#: a console's words for its seats, by language: the named team, the team with no name, the facilitator, the projector
_SEATS = {"en": ("Delegation A (Russia)", "Ukraine", "Facilitator", "Projector", "Connected: ", "code: "),
          "ru": ("Delegation A (Россия)", "Украина", "Ведущий", "Проектор", "Подключены: ", "код: ")}


@pytest.mark.parametrize(("lang", "join_at"), [("en", None), ("en", "192.0.2.2:8765"), ("ru", None),
                                               ("ru", "192.0.2.2:8765")])
async def test_the_consoles_join_codes_and_connected_seats_name_a_named_team_as_the_host_printed_it(
        tmp_path: Path, lang: str, join_at: str | None) -> None:
    """Found from outside: ``host --teams ru="Delegation A"`` printed "Delegation A (Russia)   tabletop join …", and
    the console's ``c`` listed "Russia: tabletop join …": a facilitator reading the codes out from the console could
    not tell which team got which. The console names a named team by its name and the actor it plays, in the
    console's language, as the host's lines do, in its list of codes and of the seats connected; a team with no
    name given is called by its actor, as before."""
    named, ukraine, facilitator, projector, connected, _code = _SEATS[lang]
    hands = Hands()
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "named.jsonl",
                            {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative"},
                            teams={"ru": "Delegation A"})
    table = Table(session, seats_for(session, observers=0), now=hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, codes=codes, lang=lang,
                      join_at=join_at)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            team = await connect(address, codes["team:ru"])  # Delegation A's screen joins
            await until(pilot, lambda: "team:ru" in (app.view or {}).get("control", {}).get("connected", ()),
                        "the console to see Delegation A's screen connected")
            await pilot.pause()
            said = str(app.seat_screen.query_one("#own", Static).render())
            await pilot.press("c")
            await until(pilot, lambda: isinstance(app.screen, PickScreen), "the join codes")
            assert isinstance(app.screen, PickScreen)
            listed = [str(line) for line in app.screen._options]
            await team.close()
    command = f"tabletop join {join_at}   {_SEATS[lang][-1]}" if join_at else ""
    assert listed == [f"{facilitator}: {command}{codes['facilitator']}", f"{named}: {command}{codes['team:ru']}",
                      f"{ukraine}: {command}{codes['team:ua']}", f"{projector}: {command}{codes['projector']}"]
    assert f"{connected}{facilitator}, {named}\n" in said, said
    session.close()


#: a facilitator's key that opens a dialog on the console, the keys typed after it in one burst, what they come to
CONSOLE_BURSTS = [(("n", *"why", "enter"), ("note", "why")),
                  (("o", "enter", "backspace", "2", "tab", "tab", "tab", *"calm", "enter"), ("override", 2))]


@pytest.mark.parametrize(("keys", "done"), CONSOLE_BURSTS, ids=["note", "override"])
async def test_the_consoles_keys_after_a_dialog_key_in_one_burst_go_to_the_dialog(
        tmp_path: Path, keys: tuple[str, ...], done: tuple[object, ...]) -> None:
    """Found in review (helper-175): the hot seat's board held the keys typed after a key that opens a dialog, the
    hosted facilitator's console did not: "n why Enter" in one burst left the note open and empty (the letters and
    Enter went to the console's own keys and list). Typed slowly or at once, the console does the same."""
    from tests.tui.support import typed

    for how in ("slowly", "burst"):
        table = make_table(tmp_path / how)
        async with hosting(table) as (_host, address, codes):
            app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, app.joined.is_set, "the console to join")
                await typed(pilot, how, *keys)
                await until(pilot, lambda: bool(table.session.state.log), f"the {done[0]} typed {how}")
                action = table.session.state.log[-1].action
                got = (action.kind, action.text) if action.kind == "note" else (action.kind, action.position)
                assert got == done, (how, got)
        table.session.close()


async def test_the_consoles_ruling_dialog_says_which_ruling_it_records(tmp_path: Path) -> None:
    """Found from outside (helper-183): on a facilitator-resolution move the console's "Failure — with a reason"
    opened a dialog saying only "The reason for this ruling (it goes into the record)", over the list that said
    which. It asks as the hot seat asks: "Ruling: FAILURE. Why? …", and the reason is saved with that ruling."""
    from tabletop.tui.modals import AskScreen

    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False, observers=0)
    session = table.session
    while not any(a.kind == "rule" for a in legal_actions(session.state)):  # a mediation, to be ruled on
        options = legal_actions(session.state)
        session.apply(next((a for a in options if a.kind == "move" and a.move == "mediate"), options[0]))
    rulings = [a for a in legal_actions(session.state) if a.kind == "rule"]
    assert [a.success for a in rulings] == [True, False]
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await _following(pilot, app, session)
            for key, said in (("1", "Ruling: SUCCESS. Why?"), ("2", "Ruling: FAILURE. Why?")):
                await pilot.press(key)
                await until(pilot, lambda: isinstance(app.screen, AskScreen), f"the ruling's reason ({key})")
                title = str(app.screen.query_one("#ask-title").render())
                assert title == f"{said} (the room and the record see this)", title
                if key == "1":
                    await pilot.press("escape")
                    await until(pilot, lambda: app.screen is app.seat_screen, "the console again")
            await type_text(pilot, "no-show")
            await pilot.press("enter")
            await until(pilot, lambda: session.state.last is not None and session.state.last.action.kind == "rule",
                        "the ruling saved")
            ruled = session.state.last.action
            assert (ruled.success, ruled.reason) == (False, "no-show")
    session.close()


async def test_a_note_on_a_sealed_move_reaches_the_teams_screen_only_at_the_reveal(tmp_path: Path) -> None:
    """Found from outside (helper-183): a note the console typed on a team's sealed move showed, words and all, on
    that team's own screen before the reveal, though the note's dialog says "The teams' screens show the note once
    the move is revealed". No team's screen reads it before the reveal, the owner's included; after it, every one."""
    from .support import strings

    table = _to_a_sealed_move(tmp_path)
    session = table.session
    sealed = session.state.last
    owner = f"team:{sealed.action.actor}"
    note = "they will fold by Thursday"

    def log_of(app: SeatApp) -> str:
        return str(app.seat_screen.query_one("#side-log").render())

    async with hosting(table) as (_host, address, codes):
        apps = {s: SeatApp(address, codes[s], sleep=Sleeps()) for s in ("facilitator", owner)}
        async with AsyncExitStack() as stack:
            pilots = {s: await stack.enter_async_context(a.run_test(size=(120, 40))) for s, a in apps.items()}
            console, team = apps["facilitator"], apps[owner]
            await until(pilots[owner], team.joined.is_set, "the team's screen to join")
            await _following(pilots["facilitator"], console, session)
            await pilots["facilitator"].press("n", *note, "enter")  # on the newest event: the sealed move
            await until(pilots["facilitator"], lambda: session.state.last is not None
                        and session.state.last.action.kind == "note", "the note taken")
            assert session.state.last.result.get("about") == sealed.seq
            seq = session.state.seq
            await until(pilots[owner], lambda: (team.view or {}).get("game", {}).get("seq") == seq,
                        "the team's screen to show the note's event")
            await pilots[owner].pause()
            assert f"Note on event {sealed.seq} (a sealed move)" in log_of(team), log_of(team)
            assert not any(note in s for s in strings(team.view)), "the note's words were sent to the team"
            assert note not in log_of(team)
        while secrets(session.state).sealed:  # on to the reveal (every team's move, then the adjudication)
            options = legal_actions(session.state)
            session.apply(next((a for a in options if a.kind == "pass"), options[0]))
        team = SeatApp(address, codes[owner], sleep=Sleeps())  # the team's screen as the game is now
        async with team.run_test(size=(120, 40)) as pilot:
            await until(pilot, team.joined.is_set, "the team's screen to join again")
            view = team.view or {}
            assert any(note in s for s in strings(view["board"]["log"])), "the note, once the move is revealed"
    session.close()


def _to_a_sealed_move(tmp_path: Path) -> Table:
    """A sealed game (seed 5), every team human, played until a team has committed a move still sealed."""
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=True, observers=0)
    session = table.session
    while not (session.state.last is not None and session.state.last.seq in secrets(session.state).sealed):
        options = legal_actions(session.state)
        moves = [a for a in options if a.kind == "move"]
        session.apply(moves[0] if moves else options[0])
    return table


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_a_team_s_f1_lists_only_the_keys_a_team_can_press(tmp_path: Path, code: str) -> None:
    """Found from outside (helper-216, Russia's seat in a browser): a team's F1 listed the whole «Пульт ведучого» key
    section (pause, override, undo, inject, end …), keys a team cannot use. A team's F1 shows a team's keys; the
    facilitator console's F1 keeps the console's."""
    from tabletop import lang
    from tabletop.lang import Domain
    from tabletop.tui.modals import HelpScreen
    from tabletop.tui.seatdialogs import CONSOLE_HELP

    console_head = next(line for line in CONSOLE_HELP.splitlines() if line.startswith("The facilitator's console"))
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False, observers=0)
    async with hosting(table) as (_host, address, codes):
        for seat, shows in (("team:ru", False), ("facilitator", True)):
            app = SeatApp(address, codes[seat], sleep=Sleeps(), lang=code)
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, lambda: bool(app.role), "the welcome")
                await pilot.press("f1")
                await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
                source = CONSOLE_HELP.splitlines()
                with lang.using(code):
                    said = Domain("tui").gettext(CONSOLE_HELP).splitlines()
                    shown = Domain("tui").gettext(app.screen._keys)
                # the console's head, and its override and undo lines (a team's own o, its panel, is another line)
                for line in (console_head, *(k for k in source if k.startswith(("  o  ", "  u  ")))):
                    assert (said[source.index(line)] in shown) is shows, (seat, line, shown)


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_facilitator_s_keys_read_the_same_on_the_board_and_on_the_console(code: str) -> None:
    """Found from outside (helper-216, uk): the board's footer said «e Кінець», the hosted console's «e Кінець гри»;
    the board's F1 «o виправити трек або шкалу (із зазначенням причини)», the console's «o виправити трек чи шкалу (з
    причиною)». One action, one wording: the footers' labels and the F1 lines the two share."""
    from tabletop import lang
    from tabletop.lang import Domain
    from tabletop.tui.board import BoardScreen
    from tabletop.tui.modals import HELP
    from tabletop.tui.seatdialogs import CONSOLE_HELP
    from tabletop.tui.seatpowers import POWER_BINDINGS

    tui = Domain("tui")
    board = {b.key.split(",")[0]: b.description for b in BoardScreen.BINDINGS if isinstance(b, Binding)
             and b.show and b.id and b.id.startswith("facilitator.")}
    console = {b.key.split(",")[0]: b.description for b in POWER_BINDINGS}
    shared = sorted(set(board) & set(console))
    assert {"e", "o", "u", "n", "i"} <= set(shared), shared
    with lang.using(code):
        assert [tui.gettext(board[k]) for k in shared] == [tui.gettext(console[k]) for k in shared]
        lines = {}
        for text in (HELP, CONSOLE_HELP):
            english, said = text.splitlines(), tui.gettext(text).splitlines()
            assert len(english) == len(said), (code, said)
            for en, there in zip(english, said):
                if en.startswith(("  o  ", "  u  ", "  +  ")):
                    lines.setdefault(en.strip(), set()).add(there.strip())
        assert lines and all(len(ways) == 1 for ways in lines.values()), lines


async def test_the_console_s_undo_takes_an_optional_reason_as_the_hot_seat_s(tmp_path: Path) -> None:
    """Found from outside (uk): the undo asked no reason, and the console recorded "undone by the facilitator" for
    every undo. The console asks as the hot seat does: a reason typed goes into the record; none, none."""
    from tabletop.tui.modals import UndoScreen

    hands = Hands()
    table = _table(tmp_path, hands)
    for _step in range(2):
        table.session.apply(legal_actions(table.session.state)[0])
    async with hosting(table) as (_host, address, codes):
        console = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with console.run_test(size=(120, 40)) as pilot:
            await until(pilot, console.joined.is_set, "the console to join")
            await _following(pilot, console, table.session)
            seq = table.session.state.seq
            await pilot.press("u")
            await until(pilot, lambda: isinstance(console.screen, UndoScreen), "the undo's question")
            await type_text(pilot, REASON)
            await pilot.press("enter")
            await until(pilot, lambda: table.session.state.seq > seq, "the undo to be saved")
            await _following(pilot, console, table.session)
            seq = table.session.state.seq
            await pilot.press("u")
            await until(pilot, lambda: isinstance(console.screen, UndoScreen), "the undo's question again")
            await pilot.press("enter")
            await until(pilot, lambda: table.session.state.seq > seq, "the second undo to be saved")
    table.session.close()
    undos = [e.action for e in open_save(table.session.save_path).events if e.action.kind == "undo"]
    assert [a.reason for a in undos] == [REASON, None], undos
