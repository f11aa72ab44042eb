"""A double press on the facilitator's console answers nothing it was not meant for (tabletop.play.clock.PickHold).

Through a real host (Pilot): the console draws the card with ``1``; a second ``1`` pressed as
the new list comes up is not taken (the console says so), and taken once the room's clock has
moved on. The console's clock is the test's: it moves only when the test says.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from tabletop.content.loader import load_scenario
from tabletop.play.clock import PICK_HOLD
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.tui.seat import SeatApp

from .screenkit import seq_of, until
from .support import Sleeps, hosting
from .test_console_powers import Hands


def notices(app: SeatApp) -> list[str]:
    return [str(t.render()) for t in app.screen.query(Toast)]


async def test_a_second_press_on_the_consoles_new_list_waits_until_it_can_be_read(tmp_path: Path) -> None:
    hands = Hands()
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "press.jsonl")  # every team human
    table = Table(session, seats_for(session, observers=0), now=hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands, pick_hold=PICK_HOLD)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, lambda: seq_of(app) == 0 and bool(app.seat_screen.query_one("#entries").option_count),
                        "the console shows the draw")
            await pilot.press("1")
            await until(pilot, lambda: seq_of(app) == 1, "the console shows the card drawn")
            await pilot.press("1")  # the nervous second press, on the list that has just come up
            await until(pilot, lambda: any("Not taken" in t for t in notices(app)), "the console says why")
            assert [e.action.kind for e in session.state.log] == ["draw"]
            hands.now += PICK_HOLD
            await pilot.press("1")
            await until(pilot, lambda: seq_of(app) == 2, "the second pick, once the list could be read")
            assert len(session.state.log) == 2
    session.close()


async def test_a_refused_pick_is_titled_in_words_not_by_the_hosts_code(tmp_path: Path) -> None:
    """Found from outside: a seat replaced by a second screen with its code picked, and read a notice titled
    READ_ONLY (STALE after a quick second press): the host's codes, shown as they are sent."""
    from tabletop.seats.client import connect

    hands = Hands()
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "refused.jsonl")
    table = Table(session, seats_for(session, observers=0), now=hands)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, lambda: seq_of(app) == 0, "the console shows the draw")
            newer = await connect(address, codes["facilitator"])  # the seat's code, joined from another screen
            await until(pilot, lambda: app.client is not None and app.client.read_only, "the console only watches")
            await pilot.press("1")
            await until(pilot, lambda: bool(notices(app)), "the console says why nothing happened")
            said = " ".join(notices(app))
            assert "Not allowed" in said and "READ_ONLY" not in said, said
            await newer.close()
    session.close()
