"""A hosted game keeps the ruleset's ``on_time_up = "pass"``: the team out of time passes, as on the hot seat.

River basin's moves phase has six minutes and passes a team that runs out of
them. The host looks at its phase timer once a second (the clock is injected
here, and the host's tick is called by hand): the team whose move it is passes,
every seat sees it, a paused clock waits, more time puts it off.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tabletop.content.fields import replace
from tabletop.content.loader import load_scenario
from tabletop.engine import legal_actions
from tabletop.play.session import Session
from tabletop.seats.client import connect
from tabletop.seats.table import Table, seats_for

from .support import caught_up, hosting


class Hands:
    """The room's clock: it moves only when the test says so."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


async def _never(_seconds: float) -> None:
    await asyncio.Event().wait()  # the host's own ticking never comes: the test ticks it


def _moves_phase(tmp_path: Path, hands: Hands) -> Table:
    return _at_moves(Session.start(load_scenario("river-basin"), 3, tmp_path / "timed.jsonl"), hands)


def _at_moves(session: Session, hands: Hands) -> Table:
    """The host's table of ``session``, played on to the moves phase, its clock following."""
    table = Table(session, seats_for(session, observers=0), now=hands)
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
        table.clock.follow(session.state)
    return table


async def test_a_team_out_of_time_passes_and_every_seat_sees_it(tmp_path: Path) -> None:
    hands = Hands()
    table = _moves_phase(tmp_path, hands)
    state = table.session.state
    acting = table.session.acting()
    assert acting is not None and table.session.timers.on_time_up == "pass"
    async with hosting(table, tick=_never) as (host, address, codes):
        projector = await connect(address, codes["projector"])
        await caught_up(projector, state.seq)
        hands.t += 5 * 60  # five of the six minutes: nothing happens
        host.on_tick()
        assert table.session.state.seq == state.seq
        table.clock.pause(True)  # the facilitator paused the game: time up waits
        hands.t += 2 * 60
        host.on_tick()
        assert table.session.state.seq == state.seq
        table.clock.pause(False)
        hands.t += 2 * 60  # the paused minutes did not count: two more, and the six are gone
        host.on_tick()  # out of time, running: the team passes
        passed = next(e for e in table.session.state.recent(table.session.state.seq - state.seq))
        assert passed.action.kind == "pass" and passed.action.actor == acting
        view = await caught_up(projector, passed.seq)
        assert view["game"]["seq"] >= passed.seq  # the room sees it without anyone acting
        await projector.close()


async def test_a_host_away_between_two_ticks_is_given_the_time_back_and_passes_nobody(tmp_path: Path) -> None:
    """Found from outside (helper-320, finding 1): a host stopped for three minutes (``kill -STOP``, a laptop asleep)
    woke with the moves phase's time up and passed every human team at once, though the seats had shown it lost and
    the timer standing still; a host that crashed over the same break and was resumed gave the time back. A gap
    between two ticks far longer than a tick is time the host was away: given back, and the facilitator told."""
    hands = Hands()
    table = _moves_phase(tmp_path, hands)
    state = table.session.state
    lines: list[str] = []
    async with hosting(table, tick=_never, awake=hands, say=lines.append) as (host, address, codes):
        projector = await connect(address, codes["projector"])
        await caught_up(projector, state.seq)
        for _ in range(60):  # a minute of the game running, a tick each
            hands.t += 1
            host.on_tick()
        left, elapsed = table.clock.clock.remaining(), table.clock.clock.elapsed()
        assert left is not None and 0 < left < 6 * 60
        hands.t += 1 + 6 * 60  # the next tick's second, and the host stopped for six minutes before it came
        host.on_tick()
        assert table.session.state.seq == state.seq, "a team was passed for time the host was away"
        assert table.clock.clock.remaining() == left - 1 and table.clock.clock.elapsed() == elapsed + 1
        facts = table.clock.facts()
        assert facts["away"]["seconds"] == 6 * 60 and not facts["up"]
        view = await caught_up(projector, state.seq)
        while view["clock"].get("away") is None:  # every screen is sent the clock given back
            view = await projector.next_view()
        assert any("away for 06:00" in line for line in lines), lines
        await projector.close()


async def test_the_console_says_when_the_host_was_resumed_or_away_and_the_time_given_back(tmp_path: Path) -> None:
    """Found from outside (helper-320, finding 4): after ``host --resume`` or a host stopped over a break, the
    facilitator's console went on from the last event without a word, and the timer had jumped up. The console says
    when the host was resumed or away (HH:MM, the host's time) and how much time was given back to the phase."""
    import re

    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps
    from .test_double_press import notices

    hands = Hands()
    path = tmp_path / "resumed.jsonl"
    first = Session.start(load_scenario("river-basin"), 3, path)
    _at_moves(first, hands)
    first.close()  # the host went down
    session = Session.resume(path)
    table = Table(session, seats_for(session, observers=0), now=hands)
    async with hosting(table, tick=_never, awake=hands) as (host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            resumed = re.compile(r"The host was resumed at \d\d:\d\d: .* given back to the phase timer")
            await until(pilot, lambda: any(resumed.search(t) for t in notices(app)), "the resume said")
            host.on_tick()
            hands.t += 1 + 3 * 60  # the host stopped for three minutes
            host.on_tick()
            away = re.compile(r"The host was away from \d\d:\d\d for 03:00: .*given back to the phase timer")
            await until(pilot, lambda: any(away.search(t) for t in notices(app)), "the time away said")
    session.close()


async def test_a_console_joining_after_the_resume_is_not_told_it_as_news(tmp_path: Path) -> None:
    """Found from outside: a facilitator's console that joined well after ``host --resume`` was shown "The host was
    resumed at 22:47: the time since its last event (00:26) is given back" over its question for 30 s, though its
    timer never jumped (the "once" was per screen, not per game), and the hot seat's notice of time given back lasts
    15 s. A console that joins later than the resume is not told it; one that watches when the host is away is, as
    long as the hot seat's notice."""
    import re

    from textual.widgets._toast import Toast

    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps

    hands = Hands()
    path = tmp_path / "resumed.jsonl"
    first = Session.start(load_scenario("river-basin"), 3, path)
    _at_moves(first, hands)
    first.close()
    session = Session.resume(path)
    table = Table(session, seats_for(session, observers=0), now=hands)
    assert table.clock.away is not None and table.clock.away["resumed"]  # the host gave the time back
    hands.t += 2 * 60  # two minutes on, a co-facilitator's console joins
    async with hosting(table, tick=_never, awake=hands) as (host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, lambda: app.view is not None, "the console's first view")
            host.on_tick()
            hands.t += 1 + 3 * 60  # the host stopped for three minutes, the console watching
            host.on_tick()
            away = re.compile(r"The host was away from \d\d:\d\d for 03:00: .*given back to the phase timer")

            def told() -> list[Toast]:
                return [t for t in app.screen.query(Toast) if away.search(str(t.render()))]

            await until(pilot, lambda: bool(told()), "the time away said")
            said = [str(t.render()) for t in app.screen.query(Toast)]  # (said in order: the resume's would be there)
            assert not any("resumed" in t for t in said), said
            from tabletop.play.clock import AWAY_NOTICE

            assert told()[0]._notification.timeout == AWAY_NOTICE  # as long as the hot seat's
    session.close()


async def test_without_the_rule_time_up_passes_nobody(tmp_path: Path) -> None:
    hands = Hands()
    table = _moves_phase(tmp_path, hands)
    table.session.timers = replace(table.session.timers, on_time_up="nothing")
    before = table.session.state.seq
    hands.t += 60 * 60
    assert table.pass_if_out_of_time() is False
    assert table.session.state.seq == before


async def test_a_new_games_clock_waits_for_the_facilitator(tmp_path: Path) -> None:
    """Found from outside (helper-123): a host started before the room had its codes opened round 1 with the first
    phase's time already up, and its workshop clock counted the minutes spent handing codes out. A new game's clock
    starts when the facilitator's console joins; the seats that joined before see the phase's whole time."""
    hands = Hands()
    session = Session.start(load_scenario("river-basin"), 3, tmp_path / "waiting.jsonl")
    table = Table(session, seats_for(session, observers=0), now=hands)
    whole = session.timers.seconds(session.state.phase)
    assert whole is not None
    async with hosting(table, tick=_never) as (host, address, codes):
        projector = await connect(address, codes["projector"])
        await caught_up(projector, 0)
        hands.t += 10 * 60  # ten minutes of handing out codes
        host.on_tick()
        held = table.clock.facts()
        assert held == {"left": whole, "paused": True, "up": False, "elapsed": 0,  # held still on every screen...
                        "waiting": True, "away": None}  # ...as it waits for the facilitator
        assert not table.clock.paused  # ...though the game is not paused
        from tabletop.tui.seatwords import timer_text

        assert "TIME UP" not in timer_text(held, gone=10 * 60).plain  # a seat counting down from it locally
        facilitator = await connect(address, codes["facilitator"])
        await caught_up(facilitator, 0)
        hands.t += 30
        assert table.clock.facts() == {"left": whole - 30, "paused": False, "up": False, "elapsed": 30,
                                       "waiting": False, "away": None}
        await facilitator.close()
        await projector.close()


async def test_screens_say_the_clock_waits_for_the_facilitator_not_that_the_game_is_paused(tmp_path: Path) -> None:
    """Found from outside: the teams of a game hosted --headless read PAUSED (ПАУЗА) in their headline, which nobody
    had set: the clock waiting for the facilitator's console was sent as held, and shown as a pause; it vanished the
    moment the facilitator joined, whose console never showed one. The screens say the clock waits for the
    facilitator, in their language, and still do not count it down."""
    from textual.widgets import Static

    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps

    hands = Hands()
    session = Session.start(load_scenario("river-basin"), 3, tmp_path / "headless.jsonl")
    table = Table(session, seats_for(session, observers=0), now=hands)
    whole = session.timers.seconds(session.state.phase)
    assert whole is not None
    team = next(seat for seat, s in table.seats.items() if s.role == "team")
    async with hosting(table, tick=_never) as (_host, address, codes):
        said = {"en": ("WAITING FOR THE FACILITATOR", "PAUSED"), "ru": ("ЖДЁМ ВЕДУЩЕГО", "ПАУЗА"),
                "uk": ("ЧЕКАЄМО НА ВЕДУЧОГО", "ПАУЗА")}
        for lang, (waiting, paused) in said.items():
            app = SeatApp(address, codes[team], sleep=Sleeps(), now=hands, lang=lang)
            async with app.run_test(size=(120, 40)) as pilot:
                def headline() -> str:
                    return str(app.seat_screen.query_one("#headline", Static).render())

                await until(pilot, app.joined.is_set, "the team's screen to join")
                assert waiting in headline() and paused not in headline(), headline()
                assert app.view is not None and app.view["clock"]["waiting"] is True
                hands.t += 10 * 60  # the codes handed out: the screen does not count the waiting clock down
                app.seat_screen._tick()
                assert waiting in headline() and "TIME UP" not in headline(), headline()
                if lang == "uk":  # the facilitator's console joins: the clock starts, and the screens say so
                    facilitator = await connect(address, codes["facilitator"])
                    await until(pilot, lambda: waiting not in headline(), "the wait to end on the team's screen")
                    assert paused not in headline() and app.view["clock"]["waiting"] is False, headline()
                    await facilitator.close()
    session.close()


def test_a_resumed_games_clock_goes_on_from_its_saved_reading(tmp_path: Path) -> None:
    """Only a new game waits: a resumed one (its facilitator rejoins later) keeps the time it had, as before."""
    hands = Hands()
    table = _moves_phase(tmp_path, hands)
    assert not table.clock.waiting  # (moved past its start: the clock began with the first action)
    session = table.session
    session.close()
    resumed = Session.resume(session.save_path)
    again = Table(resumed, seats_for(resumed, observers=0), now=hands)
    assert not again.clock.waiting
    resumed.close()


def test_an_event_written_while_the_clock_waits_starts_it_and_is_not_saved_as_paused(tmp_path: Path) -> None:
    """The clock that waits for the facilitator is held still inside: the first event written starts it, and the
    save does not record the game as paused (a resume would have opened it paused)."""
    hands = Hands()
    session = Session.start(load_scenario("river-basin"), 3, tmp_path / "first.jsonl")
    table = Table(session, seats_for(session, observers=0), now=hands)
    assert table.clock.waiting
    hands.t += 600
    session.apply(legal_actions(session.state)[0])
    assert not table.clock.waiting
    session.close()
    from tabletop.store.reading import open_save

    clock = open_save(session.save_path).events[-1].clock
    assert clock is not None and clock["paused"] is False and clock["elapsed"] == 0, clock


def _tested_room(tmp_path: Path, hands: Hands) -> Table:
    """The tester's room (helper-151): Russia and Ukraine human teams, the rest bots, 25 s for moves, passed at time up."""
    from tabletop.content.timers import Timers
    from tabletop.play.session import with_sealed

    timers = Timers(moves="25s", event="off", adjudication="off", review="off", on_time_up="pass")
    scenario = with_sealed(load_scenario("parallel-tracks"), False).with_options(timers=timers)
    bots = {"us": "cooperative", "eu": "cooperative", "bridge": "cooperative"}
    return _at_moves(Session.start(scenario, 3, tmp_path / "w3.jsonl", bots), hands)


async def test_a_pass_the_clock_made_is_saved_and_shown_as_the_clocks_not_the_teams(tmp_path: Path) -> None:
    """Found from outside (helper-151): the clock's pass was saved as a plain ``{"actor":"ua","kind":"pass"}`` and
    every screen said "Ukraine passes", as if the delegation had chosen it. The save marks it ``time_up``, and each
    screen says the time was up: Ukraine's own, though its turn came only after the time had run out."""
    from tabletop.store.reading import open_save
    from tabletop.store.verifying import verify

    hands = Hands()
    table = _tested_room(tmp_path, hands)
    session = table.session
    assert session.state.turn == "ru"
    async with hosting(table, tick=_never) as (host, address, codes):
        ua = await connect(address, codes["team:ua"])
        facilitator = await connect(address, codes["facilitator"])
        await caught_up(ua, session.state.seq)
        hands.t += 25
        for _ in range(10):  # a tick passes the team whose turn it is; the bots play on after it
            host.on_tick()
            if session.state.turn is None:
                break
        assert session.state.turn is None and {"ru", "ua"} <= session.state.passed
        passes = [e for e in open_save(session.save_path).events if e.action.kind == "pass" and e.actor in ("ru", "ua")]
        assert [e.action.to_dict() for e in passes] == [{"kind": "pass", "actor": "ru", "time_up": True},
                                                        {"kind": "pass", "actor": "ua", "time_up": True}]
        ua_view = await caught_up(ua, passes[-1].seq)
        said = {line["seq"]: line["text"] for line in ua_view["board"]["log"]}
        assert said[passes[0].seq] == "Russia passes: the moves phase's time was up"
        assert said[passes[1].seq] == "Ukraine passes: the moves phase's time was up"  # on Ukraine's own screen
        console = await caught_up(facilitator, passes[-1].seq)
        assert "Ukraine passes: the moves phase's time was up" in {line["text"] for line in console["board"]["log"]}
        await ua.close()
        await facilitator.close()
    session.close()
    assert verify(session.save_path).ok


async def test_a_seat_cannot_say_its_pass_was_the_clocks(tmp_path: Path) -> None:
    """``time_up`` is the host's clock's to set: an action sent with it is refused, and nothing is saved."""
    from tabletop.seats.client import Refused

    hands = Hands()
    table = _tested_room(tmp_path, hands)
    session = table.session
    before = session.state.seq
    async with hosting(table, tick=_never) as (host, address, codes):
        ru = await connect(address, codes["team:ru"])
        await caught_up(ru, before)
        try:
            await ru.act(action={"kind": "pass", "actor": "ru", "time_up": True})
        except Refused as refused:
            assert refused.code == "INVALID_ACTION", refused
        else:
            raise AssertionError("a seat's own time_up was taken")
        assert session.state.seq == before
        await ru.close()


async def test_a_move_confirmed_on_a_seat_after_the_clock_passed_the_team_is_not_made(tmp_path: Path) -> None:
    """Found from outside on the hot seat (helper-319, F9): a move's question left open past TIME UP made the move
    after the clock's pass. A seat's yes sends the pick of the list it was asked from: once the clock has passed the
    team, the host refuses it as the game having moved on, and no move is saved."""
    from tabletop.seats.client import Refused
    from tabletop.store.reading import open_save

    hands = Hands()
    table = _tested_room(tmp_path, hands)
    session = table.session
    before = session.state.seq
    async with hosting(table, tick=_never) as (host, address, codes):
        ru = await connect(address, codes["team:ru"])
        view = await caught_up(ru, before)
        move = next(e for e in view["decision"]["entries"] if e.get("confirm") and "refusal" not in e)  # its question
        hands.t += 25
        host.on_tick()  # the clock passes Russia while its question is open
        assert session.state.seq > before
        try:
            await ru.act(pick=move["id"])  # the team's yes, late
        except Refused as refused:
            assert refused.code == "STALE", refused
        else:
            raise AssertionError("a move confirmed after the clock's pass was taken")
        await ru.close()
    ru_events = [e.action.to_dict() for e in open_save(session.save_path).events if e.seq > before and e.actor == "ru"]
    assert ru_events == [{"kind": "pass", "actor": "ru", "time_up": True}], ru_events


@asynccontextmanager
async def _russia_seated(tmp_path: Path) -> AsyncIterator[tuple]:
    """The tested room hosted with its clock in the test's hands, Russia's own screen joined and its list shown:
    (hands, session, the seq before, host, app, pilot)."""
    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps

    hands = Hands()
    table = _tested_room(tmp_path, hands)
    session = table.session
    before = session.state.seq
    async with hosting(table, tick=_never) as (host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await until(pilot, lambda: bool(app.view and app.view["decision"]["entries"]), "Russia's list")
            yield hands, session, before, host, app, pilot


async def test_a_seats_open_move_question_closes_when_the_clock_passes_the_team(tmp_path: Path) -> None:
    """Found from outside (helper-332, finding 1): on a team's own screen the move's question stayed up after the
    host's clock had passed the team (its screen read TIME UP and no actions left), and its yes only said the game
    had moved on. The question closes unanswered as the view with the clock's pass arrives, and says why in the hot
    seat's words (:meth:`~tabletop.tui.timekeeper.Timekeeper.cut_off`)."""
    from tabletop.store.reading import open_save
    from tabletop.tui.modals import ConfirmScreen

    from .screenkit import until
    from .test_double_press import notices

    async with _russia_seated(tmp_path) as (hands, session, before, host, app, pilot):
        move = next(e for e in app.view["decision"]["entries"] if e.get("confirm") and "refusal" not in e)
        hands.t += 5  # past the list's hold
        app.pick(move["id"])
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the move's question")
        hands.t += 25
        host.on_tick()  # the clock passes Russia while its question is open
        assert session.state.seq > before
        name = next(m["name"] for m in app.view["game"]["moves"] if m["id"] == move["action"]["move"])
        said = f"Time was up before Russia confirmed: {name} was not made."
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen), "the question to close")
        await until(pilot, lambda: any(said in t for t in notices(app)), "the time-up words")
    ru_events = [e.action.to_dict() for e in open_save(session.save_path).events if e.seq > before and e.actor == "ru"]
    assert ru_events == [{"kind": "pass", "actor": "ru", "time_up": True}], ru_events  # the move was not made


async def test_a_seats_argument_closed_by_the_clock_keeps_its_text_and_the_help_over_it_goes_too(tmp_path: Path) -> None:
    """Found from outside (helper-343): on a team's own screen an argument being typed stayed up after the host's
    clock passed the team, and what was typed was lost with it; with the help (F1) over a question, the help stayed up
    over a question that no longer stood. At the clock's pass the help and the argument close, the team is told that
    its text is kept, nothing of it reaches the save, and the team's next argument there opens with it."""
    async with _russia_seated(tmp_path) as (hands, session, before, host, app, pilot):
        entry = next(e for e in app.view["decision"]["entries"] if e.get("needs") == "argument"
                     and "refusal" not in e)
        await _typed_under_the_help(app, pilot, hands, entry["id"], "Open a hotline", "argument")
        await _passed_then_kept(app, pilot, hands, host, session, before, entry, "Open a hotline", "argument",
                                lambda said: "was not made" in said and "kept" in said)


async def test_a_seats_counter_closed_by_the_clock_keeps_its_text_and_the_help_over_it_goes_too(tmp_path: Path) -> None:
    """Found from outside (note 64): on a team's own screen a counter-argument being typed stayed up past the host's
    clock, its text with no draft. With ``on_time_up = "pass"`` the clock passes the team asked to counter (its "no
    counter", marked as the clock's); the help and the counter close, the team is told its text is kept for the track
    named, nothing of it reaches the save, and the team's next counter there opens with it."""
    from tabletop.content.timers import Timers
    from tabletop.engine import waiting_for
    from tabletop.play.session import with_sealed
    from tabletop.store.reading import open_save
    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps

    hands = Hands()
    timers = Timers(moves="off", event="off", adjudication="25s", review="off", on_time_up="pass")
    session = Session.start(with_sealed(load_scenario("parallel-tracks"), False).with_options(timers=timers), 3,
                            tmp_path / "counter.jsonl")
    table = Table(session, seats_for(session, observers=0), now=hands)
    while waiting_for(session.state) != "counter":  # the first team that may argues, every other team passes
        options = legal_actions(session.state)
        argues = [a for a in options if a.kind == "move" and a.move == "argue"]
        session.apply(argues[0] if argues else next((a for a in options if a.kind == "pass"), options[0]))
        table.clock.follow(session.state)
    asked = legal_actions(session.state)[0]
    track = next(t.name for t in session.scenario.ruleset.tracks if t.id == asked.track)
    before = session.state.seq
    async with hosting(table, tick=_never) as (host, address, codes):
        app = SeatApp(address, codes[f"team:{asked.actor}"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await until(pilot, lambda: bool(app.view and app.view["decision"]["entries"]), "the team's list")
            entry = next(e for e in app.view["decision"]["entries"] if e.get("needs") == "counter")
            # the argument it counters, by which its kept text is found again, as on the hot seat (helper-354)
            assert entry["form"].get("answers") == session.state.queue[0].seq, entry["form"]
            await _typed_under_the_help(app, pilot, hands, entry["id"], "Too soon", "counter")
            await _passed_then_kept(app, pilot, hands, host, session, before, entry, "Too soon", "counter",
                                    lambda said: "kept" in said and f" on {track}." in said)
    saved = [e.action.to_dict() for e in open_save(session.save_path).events if e.seq > before]
    assert saved[0] == {"kind": "counter", "actor": asked.actor, "track": asked.track, "time_up": True}, saved


async def _typed_under_the_help(app: Any, pilot: Any, hands: Any, entry: str, text: str, what: str) -> None:
    """Set-up, not under test: the team picks ``entry`` (an argument or a counter), types ``text`` into the dialog's
    first field, and opens the help (F1) over it."""
    from tabletop.tui.argument import ArgumentScreen, LineField
    from tabletop.tui.modals import HelpScreen

    from .screenkit import until

    hands.t += 5  # past the list's hold
    app.pick(entry)
    await until(pilot, lambda: isinstance(app.screen, ArgumentScreen) and bool(app.screen.query("#argue-action")),
                f"the {what}'s dialog")
    hands.t += 5  # past the dialog's typing hold
    app.screen.query_one("#argue-action", LineField).insert(text)
    await pilot.pause()
    await pilot.press("f1")
    await until(pilot, lambda: isinstance(app.screen, HelpScreen), f"the help over the {what}")


async def _passed_then_kept(app: Any, pilot: Any, hands: Any, host: Any, session: Session, before: int,
                            entry: dict[str, Any], text: str, what: str, told: Callable[[str], bool]) -> None:
    """The host's clock runs out while the team types ``text`` into its ``what`` (an argument or a counter): the
    clock passes the team, the help and the dialog close, a notice ``told`` says the text is kept, nothing of it
    reaches the save, and the team's next ``what`` there opens with it."""
    from tabletop.tui.argument import ArgumentScreen, LineField
    from tabletop.tui.seat import SeatScreen

    from .screenkit import until
    from .test_double_press import notices

    hands.t += 25
    host.on_tick()  # the clock passes the team while it types
    assert session.state.seq > before
    await until(pilot, lambda: isinstance(app.screen, SeatScreen), f"the help and the {what} to close")
    await until(pilot, lambda: any(told(t) for t in notices(app)), "the time-up words, the text kept")
    assert text not in session.save_path.read_text(encoding="utf-8")
    app.type_argument(entry)  # the team's next one on that track
    await until(pilot, lambda: isinstance(app.screen, ArgumentScreen) and bool(app.screen.query("#argue-action")),
                f"the {what} again")
    assert app.screen.query_one("#argue-action", LineField).value == text


def test_a_resume_without_a_phase_timer_says_nothing_of_one(tmp_path: Path) -> None:
    """Found from outside (helper-366): after ``host --resume SAVE --timer off`` the facilitator's console said the
    time since the last event "is given back to the phase timer", though no phase had one; the hot seat says nothing
    then. The host gives back only what a timer runs: with none, no seat is told of time given back; with one
    (the save's timers, as they were), the resume is said as before."""
    from tabletop.content.timers import NO_TIMERS

    hands = Hands()
    path = tmp_path / "untimed.jsonl"
    first = Session.start(load_scenario("river-basin").with_options(timers=NO_TIMERS), 3, path)
    _at_moves(first, hands)
    first.close()
    session = Session.resume(path)
    assert session.timers.seconds("moves") is None  # the save's timers: off
    table = Table(session, seats_for(session, observers=0), now=hands)
    assert table.clock.facts()["left"] is None  # no phase timer on any seat's screen
    assert table.clock.facts()["away"] is None  # and nothing given back to one
    session.close()
    timed = Session.resume(tmp_path / "untimed.jsonl")
    timed.timers = replace(timed.timers, moves="5m")  # the facilitator gives the phase a timer on resume
    table = Table(timed, seats_for(timed, observers=0), now=hands)
    assert table.clock.facts()["left"] is not None and table.clock.facts()["away"]["resumed"]
    timed.close()


def test_host_resume_takes_timer_off_as_resume_does(tmp_path: Path, capsys: Any) -> None:
    """Found from outside (helper-366): ``host --resume SAVE --timer off`` went on with the save's timers (the
    phase's 05:56 on every screen, and the resume's time "given back to the phase timer"), where ``resume --timer
    off`` turns them off. The host takes ``--timer`` on resume too, checked before the save is touched."""
    import argparse

    from tabletop.cli import host

    hands = Hands()
    path = tmp_path / "timed.jsonl"
    first = Session.start(load_scenario("river-basin"), 3, path)
    _at_moves(first, hands)
    first.close()
    before = path.read_bytes()
    assert host._open_session(argparse.Namespace(resume=str(path), timer="moves=soon")) == 2
    assert "--timer" in capsys.readouterr().err and path.read_bytes() == before  # refused, the save untouched
    session = host._open_session(argparse.Namespace(resume=str(path), timer="off"))
    assert isinstance(session, Session)
    table = Table(session, seats_for(session, observers=0), now=hands)
    assert table.clock.facts()["left"] is None and table.clock.facts()["away"] is None
    session.close()


async def test_a_host_away_without_a_phase_timer_says_nothing_of_one(tmp_path: Path) -> None:
    """Found from outside (helper-366): with the timers off, a host stopped for three minutes told the facilitator the
    time "is given back to the phase timer" (its own lines and the console alike), though there was none. Only the
    session's time is given back: that is what is said."""
    from tabletop.content.timers import NO_TIMERS

    hands = Hands()
    session = Session.start(load_scenario("river-basin").with_options(timers=NO_TIMERS), 3, tmp_path / "untimed.jsonl")
    table = _at_moves(session, hands)
    lines: list[str] = []
    async with hosting(table, tick=_never, awake=hands, say=lines.append) as (host, _address, _codes):
        host.on_tick()
        hands.t += 1 + 3 * 60  # the host stopped for three minutes
        host.on_tick()
    away = table.clock.facts()["away"]
    assert away is not None and away["seconds"] == 3 * 60
    said = [line for line in lines if "away for 03:00" in line]
    assert said and not any("phase timer" in line for line in said), lines
    from tabletop.tui.seat import away_said

    console = away_said(away)
    assert "03:00" in console and "session" in console and "phase timer" not in console, console
    assert "phase timer" in away_said({**away, "timed": True})  # a host with a timer running: given back to it
    assert "phase timer" in away_said({k: v for k, v in away.items() if k != "timed"})  # an older host: as before
    session.close()
