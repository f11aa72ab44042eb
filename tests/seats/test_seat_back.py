"""A seat's screens after a person's join replaced one: who has the seat when the newer screen goes.

A real host on a loopback port, the screens driven with Pilot; every wait is
bounded by a count of pauses (:mod:`.screenkit`), the retries' sleeper injected.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static
from websockets.asyncio.client import connect as ws_connect

from tabletop.seats.client import SeatClient, connect
from tabletop.seats.host import Host
from tabletop.seats.protocol import ProtocolError, check_client, decode, encode, message
from tabletop.seats.table import Table
from tabletop.tui.seat import SeatApp

from .screenkit import choose, entries, until
from .support import Sleeps, Ticks, caught_up, hosting, make_table, one_seat_twice


def _link(app: SeatApp) -> str:
    return str(app.seat_screen.query_one("#link", Static).render())


async def _to_moves(table: Table, facilitator: SeatClient) -> str:
    """The facilitator draws and applies the card: the seat of the first team to move."""
    while table.session.state.phase != "moves":
        view = await caught_up(facilitator, table.session.state.seq)
        await facilitator.act(pick=view["decision"]["entries"][0]["id"])
    return next(f"team:{a.actor}" for a in table.session.options() if a.actor)


def _a_move(app: SeatApp) -> int:
    return next(i for i, e in enumerate(entries(app)) if e.get("action", {}).get("kind") == "move"
                and not e.get("refusal") and i < 9)


async def test_when_the_screen_that_took_a_seat_is_closed_the_one_it_replaced_has_the_seat_again(
        tmp_path: Path) -> None:
    """Found from outside: a team's laptop replaced by a phone with the same code said it only watches (as
    documented); the phone was then closed, and the laptop refused every key until the team quit it and joined
    again. The screen still watching the seat has it again when the one that took it is closed, and says so."""
    table = make_table(tmp_path, sealed=False)
    async with hosting(table) as (host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        seat = await _to_moves(table, facilitator)
        app = SeatApp(address, codes[seat], sleep=Sleeps())
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            listed = app.seat_screen.query_one("#entries")
            await until(pilot, lambda: bool(listed.option_count), "the team's moves")
            phone = await connect(address, codes[seat])  # a person joins the same seat on another screen
            await until(pilot, lambda: app.watching and not listed.option_count, "the laptop to only watch")
            await phone.close()  # the phone is closed (ctrl+q): its screen says bye
            await until(pilot, lambda: not app.watching, "the laptop to have the seat again")
            await until(pilot, lambda: bool(listed.option_count), "the team's moves listed again")
            assert _link(app).startswith("Connected to") and "Read-only" not in _link(app), _link(app)
            assert any("acts for the seat again" in n.message for n in app._notifications), "not said plainly"
            assert host.active[seat].client == app.client.client_id  # type: ignore[union-attr]
            seq = table.session.state.seq
            await choose(pilot, app, _a_move(app))
            await until(pilot, lambda: table.session.state.seq > seq, "the laptop's move to be done")
        await facilitator.close()
    table.session.close()


@pytest.mark.parametrize(("lang", "said"), [
    ("en", "The screen that took this seat was closed: this one acts for the seat again."),
    ("ru", "Экран, занявший это место, закрыт: этот снова действует за него."),
    ("uk", "Екран, що зайняв це місце, закрито: цей знову діє за нього."),
])
async def test_the_seat_back_notice_is_a_sentence_and_goes_when_the_link_is_lost(
        tmp_path: Path, lang: str, said: str) -> None:
    """Found from outside (helper-208), on a Russian seat: "экран, занявший это место, закрыт: этот снова действует
    за него" began in lower case, and was still on screen ~40 s later beside "Связь потеряна — пробуем снова"
    during a host outage. It is a sentence in every language, and the link lost takes it back: whether the seat
    is this screen's once the link is back is for the host's next welcome to say."""
    table = make_table(tmp_path, sealed=False)
    async with hosting(table) as (host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        seat = await _to_moves(table, facilitator)
        app = SeatApp(address, codes[seat], sleep=Sleeps(), lang=lang)
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            phone = await connect(address, codes[seat])
            await until(pilot, lambda: app.watching, "the screen to only watch")
            await phone.close()
            await until(pilot, lambda: any(n.message == said for n in app._notifications), "the seat back said")
            [link] = [c for c in host.connections if c.client == app.client.client_id]  # type: ignore[union-attr]
            await link.ws.close(1011)  # the host's end of the link dropped, no bye: "Connection lost"
            await until(pilot, lambda: any(c.client == app.client.client_id and c is not link  # type: ignore[union-attr]
                                           for c in host.connections), "the screen to join again")
            await pilot.pause()
            assert not any(n.message == said for n in app._notifications), [n.message for n in app._notifications]
        await facilitator.close()
    table.session.close()


async def test_a_dropped_link_of_the_screen_that_took_a_seat_gives_it_back_to_no_other(tmp_path: Path) -> None:
    """Only a closed screen leaves its seat: one whose link dropped joins again by itself and keeps it, so the
    screen it replaced goes on watching (the seat does not swap screens on a network blip)."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        laptop, phone = await one_seat_twice(address, codes["team:ru"])
        [link] = [c for c in host.connections if c.client == phone.client_id]
        await link.ws.close(1011)  # no bye: the link dropped
        await _gone(host, phone.client_id)
        assert laptop.read_only and "team:ru" not in host.active
        welcome = await phone.reconnect()
        assert welcome["read_only"] is False and host.active["team:ru"].client == phone.client_id
        for client in (laptop, phone):
            await client.close()
    table.session.close()


async def _gone(host: Host, client_id: str) -> None:
    """Wait until the host has seen the connection of ``client_id`` go (a bounded count of the loop's turns)."""
    for _ in range(1000):
        if not any(c.client == client_id for c in host.connections):
            return
        await asyncio.sleep(0)
    raise AssertionError("the host never saw the link drop")


async def test_a_screen_that_took_a_seat_and_dropped_gives_it_back_after_the_grace(tmp_path: Path) -> None:
    """Found from outside: a connection joined Ukraine's seat with its code (a person's join), read its welcome
    and dropped without a bye; Ukraine's own screen stayed "Read-only" for good and the console offered to act
    for Ukraine. A dropped screen has GRACE seconds to come back (as its own retries do); then the newest screen
    still watching has the seat again, and is told so, as when the taker is closed."""
    from tabletop.seats.host import GRACE

    table = make_table(tmp_path)
    clock = Ticks(step=0)  # stopped: the test moves it
    async with hosting(table, clock=clock) as (host, address, codes):
        laptop = await connect(address, codes["team:ru"])  # the team's own screen
        async with ws_connect(f"ws://{address}") as ws:  # the hostile screen: no client id, no rejoin
            await ws.send(encode(message("hello", code=codes["team:ru"])))
            await ws.recv()  # its welcome: it has the seat
        await _gone(host, "")
        while laptop.replaced is None:
            await laptop.next_view()
        clock.now += GRACE - 1
        host.on_tick()
        assert laptop.read_only and "team:ru" not in host.active  # still the dropped screen's to come back to
        clock.now += 1
        host.on_tick()
        assert "team:ru" in host.active and host.active["team:ru"].client == laptop.client_id, host.active
        assert "team:ru" in table.connected
        while laptop.read_only:  # its second welcome is on its way
            await laptop.next_view()
        assert "acts for the seat again" in laptop.welcome["back"]  # type: ignore[index]
        await laptop.close()
    table.session.close()


async def test_a_screen_closed_without_its_quit_key_gives_the_seat_back_too(tmp_path: Path) -> None:
    """Found from outside: the phone's terminal window was closed (a browser tab closed, a stop signal: the screen
    exits without ctrl+q), and the laptop it had replaced stayed read-only. However a screen closes, it tells the
    host it has left."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        laptop = SeatApp(address, codes["team:ru"], sleep=Sleeps())
        async with laptop.run_test(size=(120, 40)) as pilot:
            await until(pilot, laptop.joined.is_set, "the laptop to join")
            phone = SeatApp(address, codes["team:ru"], sleep=Sleeps())
            async with phone.run_test(size=(80, 24)) as other:
                await until(other, phone.joined.is_set, "the phone to join")
                await until(pilot, lambda: laptop.watching, "the laptop to only watch")
            # the phone's screen exited as a stop signal makes it (app.exit), its quit key never pressed
            await until(pilot, lambda: not laptop.watching, "the laptop to have the seat again")
            assert host.active["team:ru"].client == laptop.client.client_id  # type: ignore[union-attr]
    table.session.close()


async def test_after_a_host_restart_a_screen_that_only_watched_acts_until_the_screen_that_took_its_seat_is_back(
        tmp_path: Path) -> None:
    """Found from outside: the laptop a phone had replaced kept, across a host restart, that it only watched: it
    stayed off, refusing every pick, though the phone never came back and the laptop was the seat's only screen.
    It joins again by itself, saying it only watched: the seat being free, it acts; when the phone comes back
    (the screen that held the seat), the phone has it again and the laptop only watches."""
    table = make_table(tmp_path, sealed=False)
    async with hosting(table) as (host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        seat = await _to_moves(table, facilitator)
        app = SeatApp(address, codes[seat], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            listed = app.seat_screen.query_one("#entries")
            await until(pilot, lambda: bool(listed.option_count), "the team's moves")
            phone = await connect(address, codes[seat])
            await until(pilot, lambda: app.watching, "the laptop to only watch")
            await host.stop()  # tabletop host stopped, then --resume: the phone does not come back yet
            await until(pilot, lambda: not app.joined.is_set(), "the laptop to see the host go")
            _, port = address.rsplit(":", 1)
            again = Host(table, codes, sleeper=Sleeps())
            await again.start("127.0.0.1", int(port))
            try:
                await until(pilot, lambda: app.joined.is_set() and not app.watching and bool(listed.option_count),
                            "the laptop to join again and list the team's moves")
                assert "Read-only" not in _link(app), _link(app)
                seq = table.session.state.seq
                await choose(pilot, app, _a_move(app))
                await until(pilot, lambda: table.session.state.seq > seq, "the laptop's move to be done")
                welcome = await phone.reconnect()  # the phone, which held the seat, comes back by itself
                assert welcome["read_only"] is False and again.active[seat].client == phone.client_id
                await until(pilot, lambda: app.watching and "Read-only" in _link(app), "the laptop to watch again")
                await phone.close()
            finally:
                await again.stop()
        await facilitator.close()
    table.session.close()


def test_a_hellos_watching_is_true_or_false() -> None:
    check_client(decode(encode(message("hello", code="x", rejoin=True, watching=True))))
    with pytest.raises(ProtocolError) as caught:
        check_client(decode(encode(message("hello", code="x", rejoin=True, watching="yes"))))
    assert caught.value.code == "BAD_MESSAGE" and "'watching'" in caught.value.message


async def test_a_screen_says_the_link_is_lost_as_soon_as_it_drops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """Found from outside (helper-283): with the host frozen (kill -STOP), the screens went on saying "Connected to
    ... as Russia" through their first try to join again (a handshake the frozen host never answers, up to its
    10 s), and said "Connection lost" only after it. The link line says so the moment the link drops."""
    import asyncio

    table = make_table(tmp_path, sealed=False)
    async with hosting(table) as (host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            frozen = asyncio.Event()

            async def unanswered(self: SeatClient, rejoin: bool = False, watching: bool = False) -> None:
                await frozen.wait()  # the frozen host's handshake: never answered

            monkeypatch.setattr(SeatClient, "connect", unanswered)
            [link] = [c for c in host.connections if c.client == app.client.client_id]  # type: ignore[union-attr]
            await link.ws.close(1011)  # the keepalive gave up: the link dropped, no bye
            line = app.seat_screen.query_one("#link", Static)
            await until(pilot, lambda: "Connection lost" in str(line.content), "the link lost said")
            assert line.has_class("-lost")
            app.exit()
    table.session.close()
