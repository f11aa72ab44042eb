"""A seat whose host has gone silent (frozen, a laptop asleep): its TCP link stays up and nothing comes.

Found from outside: a team's screen said "Connected to ... as Russia" while the host was stopped
(``kill -STOP``), and the team went on typing into a screen that would not answer. The host is frozen here
by pausing its reading of the seat's connection (it reads no ping, answers none, acts on nothing), and the
screen's clock is moved by hand: no real waiting.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.widgets import Static

from tabletop.play.clock import clock_text
from tabletop.seats.client import connect
from tabletop.seats.host import Host
from tabletop.tui.seat import SeatApp

from .screenkit import seq_of, until
from .support import Sleeps, caught_up, hosting, make_table


class Hands:
    """A clock moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _link(app: SeatApp) -> tuple[str, bool]:
    link = app.seat_screen.query_one("#link", Static)
    return str(link.render()), link.has_class("-lost")


async def test_a_seat_says_when_its_host_stops_answering_and_connected_again_when_it_answers(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        hands = Hands()
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the team's screen to join")
            frozen_host = _server_side(host)
            frozen_host.pause_reading()  # the host freezes: the link stays up, nothing comes back
            hands.now += 3  # a moment's quiet is no news
            app.seat_screen._tick()
            assert _link(app) == ("Connected to " + address + " as Russia", False)
            hands.now += 30
            app.seat_screen._tick()
            said, lost = _link(app)
            assert "The host is not answering" in said and "Tell the facilitator" in said and lost, said
            # the host wakes: it answers the seat's pings, and the screen is connected again
            frozen_host.resume_reading()
            assert app.client is not None
            await app.client.sound()
            app.seat_screen._tick()
            assert _link(app) == ("Connected to " + address + " as Russia", False)
            # a view from the host is heard as well as a pong
            hands.now += 30
            app.seat_screen._tick()
            assert "not answering" in _link(app)[0]
            facilitator = await connect(address, codes["facilitator"])
            view = await caught_up(facilitator, 0)
            await facilitator.act(pick=next(e["id"] for e in view["decision"]["entries"] if "refusal" not in e))
            await until(pilot, lambda: seq_of(app) == table.session.state.seq, "the draw on the team's screen")
            app.seat_screen._tick()
            assert _link(app) == ("Connected to " + address + " as Russia", False)
            await facilitator.close()
            # the keepalive gives the link up, the host silent all the while: the tries to join again wait out a
            # handshake the frozen host does not answer, and the screen still says the host is not answering ...
            said: list[str] = []
            shown = app.seat_screen.say_link
            app.seat_screen.say_link = lambda text, lost: (said.append(text), shown(text, lost))[-1]  # type: ignore[method-assign]
            client = app.client
            joining = client.connect
            unanswered = [TimeoutError("timed out during opening handshake")]

            async def frozen(**kwargs: Any) -> dict[str, Any]:
                if unanswered:
                    raise unanswered.pop()
                return await joining(**kwargs)

            client.connect = frozen  # type: ignore[method-assign]
            hands.now += 30
            app.joined.clear()
            _server_side(host).abort()
            await until(pilot, app.joined.is_set, "the screen to join again")
            assert said[:2] == ["The host is still not answering \u2014 trying again (try 1)\u2026 Tell the facilitator: its "
                                "computer may be asleep or frozen.",
                                "The host is still not answering \u2014 trying again (try 2)\u2026 Tell the facilitator: its "
                                "computer may be asleep or frozen."], said
            assert _link(app) == ("Connected to " + address + " as Russia", False)
            # ... while a link lost with the host heard till then keeps its words
            said.clear()
            app.joined.clear()
            _server_side(host).abort()
            await until(pilot, app.joined.is_set, "the screen to join again")
            assert said[0] == "Connection lost \u2014 trying again (try 1)\u2026", said
            assert _link(app) == ("Connected to " + address + " as Russia", False)
    table.session.close()


def _server_side(host: Host) -> Any:
    """The transport of the team's connection at the host: aborted, the link drops with no goodbye."""
    (conn,) = [c for c in host.connections if c.seat == "team:ru"]
    return conn.ws.transport


def _headline(app: SeatApp) -> str:
    return str(app.seat_screen.query_one("#headline", Static).render())


async def test_a_seats_phase_timer_stands_while_its_host_is_not_answering(tmp_path: Path) -> None:
    """Found from outside: while the link line said the host was not answering, the team's timer counted down on its
    own, then jumped back up when the woken host gave the time back. It stands at the host's last reading, saying
    so, and goes on from the host's own time once the host answers."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        hands = Hands()
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), now=hands)
        async with app.run_test(size=(120, 24)) as pilot:
            facilitator, left = await _timer_running(pilot, app, address, codes)
            frozen_host = _server_side(host)
            frozen_host.pause_reading()
            hands.now += 4  # a moment's quiet: the timer runs on
            app.seat_screen._tick()
            assert f": {clock_text(left - 4)}" in _headline(app) and "waiting for the host" not in _headline(app)
            heard = app.client.heard_at
            assert heard is not None
            hands.now += 30  # not answering: the timer stands at the host's last reading, and says why
            app.seat_screen._tick()
            assert "not answering" in _link(app)[0]
            held = left - round(heard - app.seat_screen._view_at)
            said = _headline(app)
            assert f": {clock_text(held)} (held: waiting for the host)" in said, said
            hands.now += 120
            app.seat_screen._tick()
            assert _headline(app) == said
            # the host wakes: its pong comes a moment before the view it sends with the time given back; the timer
            # stands meanwhile, then shows the host's own time, never more than it stood at
            frozen_host.resume_reading()
            await app.client.sound()
            app.seat_screen._tick()
            assert not app.host_quiet and f": {clock_text(held)}" in _headline(app)
            host.broadcast()  # (as a woken host's tick does, the time given back)
            await until(pilot, lambda: "waiting for the host" not in _headline(app), "the host's time")
            now = app.view["clock"]["left"]
            assert now <= held and f": {clock_text(now)}" in _headline(app), _headline(app)
            # a host that answers its pings with no view after them ran on all along (the network was slow): the
            # time counts from its last view
            frozen_host.pause_reading()
            hands.now += 30
            app.seat_screen._tick()
            assert "(held: waiting for the host)" in _headline(app)
            frozen_host.resume_reading()
            await app.client.sound()
            app.seat_screen._tick()
            hands.now += 5
            app.seat_screen._tick()
            assert f": {clock_text(now - 35)}" in _headline(app) and "waiting" not in _headline(app), _headline(app)
            await facilitator.close()
    table.session.close()


async def test_a_seats_phase_timer_says_it_is_held_while_the_seat_is_not_connected(tmp_path: Path) -> None:
    """Found from outside: a seat whose link dropped at once, its host refusing it (not a silent host), stopped its
    timer with no word why, and a team took the clock for the game's. It stands, saying so in the silent host's words,
    until the seat is joined again, then counts down from the host's time."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        hands = Hands()
        tried = asyncio.Event()
        go_on = asyncio.Event()

        async def between_tries(seconds: float) -> None:  # the seat waits between its tries till the test lets it on
            tried.set()
            await go_on.wait()

        app = SeatApp(address, codes["team:ru"], sleep=between_tries, now=hands)
        async with app.run_test(size=(120, 24)) as pilot:
            facilitator, left = await _timer_running(pilot, app, address, codes)
            hands.now += 4
            app.seat_screen._tick()
            assert f": {clock_text(left - 4)}" in _headline(app) and "held" not in _headline(app), _headline(app)
            client = app.client
            joining = client.connect

            async def refused(**kwargs: Any) -> dict[str, Any]:
                raise ConnectionRefusedError(111, "Connection refused")

            client.connect = refused  # type: ignore[method-assign]
            _server_side(host).abort()  # the link drops at once, and joining again is refused
            await until(pilot, tried.is_set, "a try to join again, refused")
            assert not app.joined.is_set() and not app.host_quiet
            app.seat_screen._tick()
            said = _headline(app)
            assert f": {clock_text(left - 4)} (held: waiting for the host)" in said, said
            hands.now += 60
            app.seat_screen._tick()
            assert _headline(app) == said  # it stands
            client.connect = joining  # type: ignore[method-assign]
            go_on.set()
            await until(pilot, app.joined.is_set, "the screen to join again")
            hands.now += 1
            app.seat_screen._tick()
            now = app.view["clock"]["left"]
            assert "held" not in _headline(app) and f": {clock_text(now - 1)}" in _headline(app), _headline(app)
            await facilitator.close()
    table.session.close()


async def _timer_running(pilot: Any, app: Any, address: Any, codes: dict[str, str]) -> tuple[Any, int]:
    """Set-up, not under test: the team's screen joined, the facilitator's console connected (the phase timer runs
    once it is there) and the timer on the team's screen; the console's link and the time left."""
    await until(pilot, app.joined.is_set, "the team's screen to join")
    facilitator = await connect(address, codes["facilitator"])
    await until(pilot, lambda: app.view is not None and not app.view["clock"].get("waiting"), "the timer")
    assert app.view is not None and app.client is not None
    left = app.view["clock"]["left"]
    assert isinstance(left, int) and left > 100, app.view["clock"]
    return facilitator, left
