"""A hosted game's seats show a ruling whole, as the hot seat's board does (:mod:`tabletop.tui.rulingview`).

Found from outside: on one screen the room sees an argument's ruling in a view of its own after the roll, and l puts
the last ruling up again; in a hosted game the console and the projector had no such view, and a room projecting the
projector saw four lines of the newest log entry. Now, after an argument's roll, the console, the projector and an
observer's screen put the ruling up whole, and so does the screen of the team whose argument it was (found from
outside: a team's screen said only "Waiting for the facilitator." while its argument was countered and weighed, and
nothing after the roll); while it is weighed, that team's screen says its counters and the odds set. Another team's
screen does not interrupt that team; its l shows the ruling, as every seat's l does. Everything shown comes from the
words the host sends the seat (the ruling is public once made).
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from textual.widgets import Static

from tabletop.engine import legal_actions, waiting_for
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.tui.rulingview import RulingScreen
from tabletop.tui.seat import SeatApp, SeatScreen

from tests.engine.argue_kit import argue_scenario, counter, odds, to_counters
from .screenkit import screen_lines, until
from .support import Sleeps, hosting

SIZE = (80, 24)
#: the argument's working as every seat's ruling view says it (the hot seat's words)
WORKING = ("action: \u201cOpen a hotline\u201d", "reason 1: \u201cIt costs nothing\u201d",
           "counter by Brask: \u201cNo way\u201d", "odds: likely (6+ on two dice), set by the facilitator")


def _at_the_dice(tmp_path: Path) -> Table:
    """Arden has argued on Alpha, Brask countered in words, the facilitator set the odds: the dice are next."""
    session = Session.start(argue_scenario(), 1, tmp_path / "ruling.jsonl")
    for action in to_counters():
        session.apply(action)
    while waiting_for(session.state) == "counter":
        who = legal_actions(session.state)[0].actor
        session.apply(counter(who, "No way" if who == "b" else None))
    session.apply(odds("likely"))
    assert waiting_for(session.state) == "roll"
    return Table(session, seats_for(session, observers=1))


def _ruling_shown(app: SeatApp) -> str:
    screen = app.screen
    assert isinstance(screen, RulingScreen), type(screen).__name__
    return str(screen.query_one("#ruling-text", Static).render())


async def test_the_console_the_projector_and_an_observer_put_an_argued_ruling_up_and_l_shows_it_on_every_seat(
        tmp_path: Path) -> None:
    table = _at_the_dice(tmp_path)
    async with hosting(table) as (_host, address, codes):
        seats = ("facilitator", "projector", "observer:1", "team:a", "team:b")
        apps = {seat: SeatApp(address, codes[seat], sleep=Sleeps()) for seat in seats}
        async with AsyncExitStack() as stack:
            pilots: dict[str, Any] = {s: await stack.enter_async_context(a.run_test(size=SIZE)) for s, a in apps.items()}
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: app.view is not None, f"{seat} to join")
            for seat, app in apps.items():  # no ruling yet: nothing put up
                assert isinstance(app.screen, SeatScreen), (seat, type(app.screen).__name__)
            # the arguing team sees how its argument is weighed: the counter and the odds, under what it waits for
            weighed = str(apps["team:a"].seat_screen.query_one("#prompt", Static).render())
            assert "No way" in weighed and "likely (6+ on two dice)" in weighed, weighed
            on_screen = "\n".join(screen_lines(apps["team:a"]))  # in view at 80x24, not only in the widget
            assert "No way" in on_screen and "likely (6+" in on_screen, on_screen
            assert "No way" not in str(apps["team:b"].seat_screen.query_one("#prompt", Static).render())
            console = apps["facilitator"]
            assert [e["label"] for e in console.view["decision"]["entries"]] == ["Roll the dice"]
            await pilots["facilitator"].press("1")  # the console rolls
            seq = table.session.state.seq
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: app.view["game"]["seq"] == seq, f"{seat} to see the roll")
                for _ in range(3):
                    await pilots[seat].pause()
            ruling = table.session.state.last.result["ruling"]
            rolled = f"rolled {ruling['dice'][0]} + {ruling['dice'][1]} = {ruling['total']} vs target 6"
            for seat in ("facilitator", "projector", "observer:1", "team:a"):  # up by itself, whole
                shown = _ruling_shown(apps[seat])
                assert all(words in shown for words in (*WORKING, rolled)), (seat, shown)
                assert f"{seq} " in shown and "Arden" in shown, (seat, shown)
            team = apps["team:b"]
            assert isinstance(team.screen, SeatScreen)  # another team is not interrupted
            await pilots["team:b"].press("l")  # its l shows the ruling
            assert all(words in _ruling_shown(team) for words in (*WORKING, rolled))
            for seat, app in apps.items():  # closed, and put up again by l
                await pilots[seat].press("escape")
                assert isinstance(app.screen, SeatScreen), seat
                await pilots[seat].press("l")
                assert all(words in _ruling_shown(app) for words in (*WORKING, rolled)), seat
                await pilots[seat].press("escape")
    table.session.close()


async def test_l_before_any_ruling_says_there_is_none() -> None:
    app = SeatApp("127.0.0.1:9", None)  # no host: the screen is given a view by hand
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        app.view = {"role": "projector", "game": {"seq": 2, "round": 1},
                    "board": {"log": [{"seq": 1, "kind": "draw", "text": "A card is drawn"}]},
                    "decision": {"prompt": "Waiting for Arden.", "entries": []}}
        app.seat_screen.show(app.view, {})
        await pilot.press("l")
        assert isinstance(app.screen, SeatScreen)
        assert any("No ruling yet" in str(n.message) for n in app._notifications), list(app._notifications)


def test_a_facilitator_s_reason_is_said_once_in_a_seat_s_ruling_view(tmp_path: Path) -> None:
    """The heading of a seat's ruling view names the event as the hot seat's does, with its working under it: a
    facilitator's reason is said in the working, not twice (the log line says it, where no working goes with it)."""
    import random

    from tabletop.content.loader import load_scenario
    from tabletop.engine import Action
    from tabletop.play.session import with_sealed
    from tabletop.seats.views import TableFacts, seat_view
    from tabletop.sim.bots import Bot
    from tabletop.tui import seatwords

    reason = "Mediation is on the table"
    session = Session.start(with_sealed(load_scenario("parallel-tracks"), False), 5, tmp_path / "rule.jsonl")
    bot = Bot("cooperative", random.Random(5))
    for _ in range(300):
        state = session.state
        if state.last is not None and state.last.action.kind == "rule":
            break
        options = legal_actions(state)
        rule = next((o for o in options if o.kind == "rule" and o.success), None)
        if rule is not None:
            session.apply(Action("rule", track=rule.track, success=True, reason=reason))
        else:
            session.apply(bot.choose(state, options) if options[0].actor else options[0])
    else:
        raise AssertionError("the facilitator never ruled")
    projector = next(s for s in seats_for(session, observers=0) if s.id == "projector")
    view = seat_view(session.state, projector, TableFacts())
    line = seatwords.last_ruling(view)
    assert line is not None and line["kind"] == "rule" and reason in line["text"]  # the log line says it
    head, working = seatwords.ruling_parts(line)
    shown = "\n".join([head.plain, *working])
    assert shown.count(reason) == 1, shown
    assert f"facilitator's reason: {reason}" in working, working
    session.close()


async def test_l_on_a_team_and_the_projector_finds_a_ruling_older_than_the_log_lines_sent(tmp_path: Path) -> None:
    """Found in review: once the last ruling was more than 40 events back (a long moves phase, notes, bots), a seat's
    l said "No ruling yet: dice, a vote or the facilitator have settled nothing so far", while the hot seat's l put
    it up; the host sends the newest ruling that stands with the board."""
    from tabletop.engine import Action
    from tabletop.seats.views import LOG_LINES

    table = _at_the_dice(tmp_path)
    table.session.apply(legal_actions(table.session.state)[0])  # the facilitator rolls
    rolled = table.session.state.seq
    for i in range(LOG_LINES + 5):
        table.session.apply(Action("note", text=f"note {i}"))
    async with hosting(table) as (_host, address, codes):
        for seat in ("team:a", "projector"):
            app = SeatApp(address, codes[seat], sleep=Sleeps())
            async with app.run_test(size=SIZE, notifications=True) as pilot:
                await until(pilot, lambda app=app: app.view is not None, f"{seat} to join")
                assert rolled not in {line["seq"] for line in app.view["board"]["log"]}
                if isinstance(app.screen, RulingScreen):  # a projector put up nothing new: the game moved on
                    await pilot.press("escape")
                await pilot.press("l")
                await pilot.pause()
                shown = _ruling_shown(app)
                assert f"{rolled} " in shown and all(words in shown for words in WORKING), (seat, shown)
    table.session.close()
