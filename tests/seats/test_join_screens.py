"""``tabletop join``'s screen on its own: it asks for a code, says a wrong one, and rejoins after a drop.

A real host on a loopback port; the screen is driven with Pilot, and every
wait is bounded by a count of pauses (:mod:`.screenkit`).
"""

from __future__ import annotations

import asyncio
import re
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tabletop.engine import Action
from tabletop.seats.client import connect
from tabletop.seats.host import Host
from tabletop.seats.joincodes import new_codes, seat_of
from tabletop.tui.seat import SeatApp

from tests.tui.support import burst

from .screenkit import code_asked, entries, seq_of, settled, until
from .support import Sleeps, caught_up, hosting, make_table


def _link(app: SeatApp) -> str:
    return str(app.seat_screen.query_one("#link", Static).render())


async def test_without_a_code_the_screen_asks_for_it_and_says_a_wrong_one(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, None, sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: code_asked(app), "the code screen")
            burst(app, *"not-a-code", "enter")
            await until(pilot, lambda: code_asked(app, "no seat has this code"), "the wrong code to be said")
            app.screen.query_one(Input).value = codes["team:ru"]
            await pilot.press("enter")
            await until(pilot, app.joined.is_set, "the screen to join")
            assert "as Russia" in _link(app)  # the seat by its name, not its id (team:ru)
            assert app.role == "team"
            assert str(app.seat_screen.query_one("#own", Static).render()).startswith("Your team")


async def test_a_dropped_connection_is_said_and_the_screen_joins_again_by_itself(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        app = SeatApp(address, codes["projector"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            await host.stop()  # the host is stopped (ctrl+c): it says bye, CLOSING, to every seat
            # said as what it is, not as a network fault (found from outside: "Connection lost" forever)
            await until(pilot, lambda: "The host closed the game; when it starts again, this screen joins by itself"
                        in _link(app), "the close to be said")
            _, port = address.rsplit(":", 1)
            again = Host(table, codes, sleeper=Sleeps())
            await again.start("127.0.0.1", int(port))
            try:
                await until(pilot, app.joined.is_set, "the screen to join again by itself")
                assert "Connected" in _link(app)
                assert seq_of(app) == table.session.state.seq
            finally:
                await again.stop()


async def test_a_teams_screen_at_80_columns_shows_several_of_its_moves_at_once(tmp_path: Path) -> None:
    """On a laptop's 80 x 24 terminal the decision column was 32 columns wide: one move, wrapped over four
    lines, was all a team saw of its turn's list."""
    table = make_table(tmp_path, "parallel-tracks", seed=7, sealed=True,
                       bots={"us": "cooperative", "eu": "cooperative", "bridge": "cooperative", "ua": "cooperative"})
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="ru")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the team's screen to join")
            for _ in range(20):
                if table.session.state.turn == "ru" and table.session.state.phase == "moves":
                    break
                view = await caught_up(facilitator, table.session.state.seq)
                await facilitator.act(pick=view["decision"]["entries"][0]["id"])
            await until(pilot, lambda: seq_of(app) == table.session.state.seq and len(entries(app)) > 3,
                        "Russia's moves on its screen")
            await settled(pilot)  # laid out: its rows as drawn
            listed = app.seat_screen.query_one("#entries")
            lines = [strip.text for strip in listed.render_lines(Region(0, 0, *listed.size))]
            numbered = [line for line in lines if re.search(r"(?:^|\s)[1-9]\. ", line)]
            assert len(numbered) >= 3, lines
        await facilitator.close()
    table.session.close()


async def test_a_seat_joined_elsewhere_says_so_whole_at_80_columns(tmp_path: Path) -> None:
    """Found from outside: when a team's code joined on a second screen, the first one's top line said why it only
    watches now in one row, cut at 80 columns ("Только просмотр: к этому месту подключились с другого экрана:
    этот тепе"): the room never read that the other screen has the seat. The line wraps to what it says."""
    table = make_table(tmp_path, "parallel-tracks", seed=7, sealed=True)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="ru")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the team's screen to join")
            newer = await connect(address, codes["team:ru"], lang="ru")  # the same code, on another screen
            await until(pilot, lambda: "Только просмотр" in _link(app), "the first screen to say it only watches")
            await settled(pilot)  # laid out: its rows as drawn
            link = app.seat_screen.query_one("#link", Static)
            shown = " ".join(strip.text.strip() for strip in link.render_lines(Region(0, 0, *link.size)))
            # to its last word: how to take the seat back (quit, join again with the code)
            assert _link(app).split()[-1] == "кодом)" and shown.endswith("кодом)"), shown
            await newer.close()
    table.session.close()


async def test_a_screen_that_never_reached_its_host_asks_to_check_the_address() -> None:
    """Found from outside: `tabletop join 127.0.0.1:8939 CODE`, nothing listening there (or the browser page's port),
    said "Cannot reach the host — trying again (try 6)…" and counted on for ever, never that the address may be
    wrong. After a few tries it names the address and says where the right one is printed."""
    from tabletop.tui.seat import SeatApp

    from .screenkit import until
    from .support import Sleeps

    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{probe.getsockname()[1]}"
    app = SeatApp(address, "ABCD-EFGH", sleep=Sleeps())
    async with app.run_test(size=(80, 24)) as pilot:
        link = app.seat_screen.query_one("#link")
        await until(pilot, lambda: "check the address" in str(link.render()).lower(), "the hint")
        said = str(link.render())
        assert address in said and "tabletop join" in said, said


async def test_an_ipv6_address_is_joined_in_the_form_host_listen_takes(tmp_path: Path) -> None:
    """Found from outside: `tabletop host --listen ::1:18769` listened, and `tabletop join ::1:18769 CODE`
    said "Cannot reach the host at ::1:18769 — trying again" for ever (ws://::1:18769 is no URL). Join takes
    the forms --listen takes, with or without the brackets."""
    from tabletop.cli.join import address

    table = make_table(tmp_path)
    codes = new_codes(table.seats)
    host = Host(table, codes, sleeper=Sleeps())
    _addr, port = await host.start("::1", 0)
    try:
        for typed in (f"::1:{port}", f"[::1]:{port}"):
            app = SeatApp(address(typed), codes["projector"], sleep=Sleeps(), retries=2)
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, lambda: app.joined.is_set() or "Cannot reach" in _link(app), "a join")
                assert app.joined.is_set(), _link(app)
    finally:
        await host.stop()
    table.session.close()


@pytest.mark.parametrize("typed", ["fe80::1", "::1", "fe80::zz:8765", "[::1:8765"])
def test_a_malformed_address_is_refused_at_once(typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.cli import main

    with pytest.raises(SystemExit) as stopped:  # the parser refuses it: no screen opens to try it for ever
        main(["join", typed, "CODE"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "HOST:PORT" in err and "[::1]:8765" in err and "Traceback" not in err, err


async def test_a_wrong_code_stays_typed_to_be_put_right(tmp_path: Path) -> None:
    """Found from outside: a wrong code ("no seat has this code … (WRONG_CODE)") emptied the code field; a
    team that mistyped one character typed the whole code again (in the terminal and the browser alike)."""
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, None, sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            # each wait until the code's field takes keys (on the screen stack is not yet: keys typed then are lost)
            await until(pilot, lambda: code_asked(app), "the code screen")
            # the last character mistyped: another of the codes' characters ("A" for a code ending in "a" was the code
            # itself, codes being read without case: one run in 31 joined at once and never said the wrong code)
            typo = codes["team:ru"][:-1] + ("2" if codes["team:ru"][-1] != "2" else "3")
            assert seat_of(codes, typo) is None
            burst(app, *typo, "enter")
            await until(pilot, lambda: code_asked(app, "WRONG_CODE"), "the wrong code to be said")
            field = app.screen.query_one(Input)
            assert field.value == typo and app.focused is field
            burst(app, "backspace", codes["team:ru"][-1], "enter")  # the last character put right
            await until(pilot, app.joined.is_set, "the screen to join")
            assert app.role == "team"
    table.session.close()


async def test_a_replaced_screen_does_not_take_its_seat_back_when_the_link_drops(tmp_path: Path) -> None:
    """Found from outside: a team screen replaced by a second one reconnected by itself after a host restart and
    took the seat back from the newer screen (over four restarts the seat went to whichever reconnected last). A
    replaced screen that loses the link joins again only to watch, and says how to act here again."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the team's screen to join")
            newer = await connect(address, codes["team:ru"])
            await until(pilot, lambda: "only watches" in _link(app), "the first screen to say it only watches")
            [old] = [c for c in host.connections if c.read_only]
            await old.ws.close()  # the link drops, as when the host restarts
            await until(pilot, lambda: any(c.client == old.client and c is not old for c in host.connections),
                        "the screen to join again")
            await until(pilot, lambda: "join again" in _link(app) and app.joined.is_set(), "the screen to say why")
            assert app.watching and host.active["team:ru"].client == newer.client_id  # the newer one holds it
            await newer.close()
    table.session.close()


class _Gate:
    """A screen's sleeper between tries to join again: each waits until the test opens the gate."""

    def __init__(self) -> None:
        self.asked: list[float] = []
        self.opened = asyncio.Event()

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)
        await self.opened.wait()


async def test_after_a_host_restart_a_screen_joining_again_by_itself_leaves_the_seat_to_the_one_in_use(
        tmp_path: Path) -> None:
    """Found from outside: a facilitator console joined with `tabletop join` took the seat from the host's own;
    the host was stopped and resumed, its own console came up, and a moment later the `join` console joined again
    by itself and took the seat: the console in use said it only watches and refused every key. Whichever screen
    came back last had the seat. A screen joining again by itself leaves the seat to the screen that holds it,
    and says why, in its language."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        code = codes["facilitator"]
        gate = _Gate()
        own = SeatApp(address, code, sleep=Sleeps())  # the host's own console
        joined = SeatApp(address, code, sleep=gate, lang="ru")  # `tabletop join ADDR CODE --lang ru`
        async with AsyncExitStack() as stack:
            pilot = await stack.enter_async_context(own.run_test(size=(120, 40)))
            await until(pilot, own.joined.is_set, "the host's own console to join")
            other = await stack.enter_async_context(joined.run_test(size=(120, 40)))
            await until(other, joined.joined.is_set, "the joined console to join")
            await until(pilot, lambda: own.watching, "the host's own console to give the seat up (documented)")
            await host.stop()  # Ctrl-C in the host's terminal
            await until(other, lambda: bool(gate.asked), "the joined console to try to join again, and wait")
            _, port = address.rsplit(":", 1)
            again = Host(table, codes, sleeper=Sleeps())
            await again.start("127.0.0.1", int(port))  # tabletop host --resume
            try:
                restarted = SeatApp(address, code, sleep=Sleeps())  # the restarted host's own console
                mine = await stack.enter_async_context(restarted.run_test(size=(120, 40)))
                await until(mine, restarted.joined.is_set, "the restarted host's console to join")
                gate.opened.set()  # the old `join` console tries again
                await until(other, joined.joined.is_set, "the joined console to join again by itself")
                await until(other, lambda: "Только просмотр" in _link(joined), "the joined console to say why")
                assert "другой экран" in _link(joined), _link(joined)  # why, in its language
                assert joined.watching and not restarted.watching
                assert again.active["facilitator"].client == restarted.client.client_id  # type: ignore[union-attr]
                for _ in range(5):
                    await mine.pause()
                assert "Read-only" not in _link(restarted) and not restarted.watching, _link(restarted)
            finally:
                await again.stop()
    table.session.close()


class _BrowserSeat(SeatApp):
    """A seat in a browser tab (``tabletop serve``): Textual's web driver says so."""

    @property
    def is_web(self) -> bool:
        return True


async def test_a_replaced_browser_screen_says_to_reload_the_page_not_ctrl_q(tmp_path: Path) -> None:
    """Found from outside: a browser tab whose seat another screen took said "quit with ctrl+q and join again";
    a tab has no such key to quit with. It says to reload the page and type the code again, a terminal as before."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        for kind, told in ((_BrowserSeat, "reload this page"), (SeatApp, "ctrl+q")):
            app = kind(address, codes["team:ru"], sleep=Sleeps())
            async with app.run_test(size=(80, 24)) as pilot:
                await until(pilot, app.joined.is_set, "the team's screen to join")
                newer = await connect(address, codes["team:ru"])
                await until(pilot, lambda: "only watches" in _link(app), "the screen to say it only watches")
                assert told in _link(app), _link(app)
                # (found from outside: it said only how to take the seat at once, not that it comes back by itself)
                assert "acts again when that screen is closed" in _link(app).replace("\n", " "), _link(app)
                await pilot.press("1")  # a digit says why it lists nothing
                await until(pilot, lambda: any(told in n.message for n in app._notifications), "the refusal")
                [old] = [c for c in host.connections if c.read_only]
                await old.ws.close()  # it joins again by itself, to watch: the newer screen holds the seat
                await until(pilot, lambda: any(c.client == old.client and c is not old for c in host.connections)
                            and app.joined.is_set() and "Read-only" in _link(app), "the screen to watch again")
                assert told in _link(app), _link(app)
                await newer.close()
    table.session.close()


async def test_ctrl_q_in_a_browser_tab_asks_before_the_screen_ends_and_in_a_terminal_quits_at_once(
        tmp_path: Path) -> None:
    """Found from outside: one tap on the footer's "^q Quit" in a phone's tab ended the team's screen with no question
    ("Session ended: press Restart and type your code again", and a 20-character code to type on a phone). In a
    browser tab ctrl+q (the footer's Quit) now asks first: Escape (or a tap outside) keeps the screen, Enter ends it;
    a terminal's screen quits at once, as before."""
    from tabletop.tui.modals import ConfirmScreen

    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = _BrowserSeat(address, codes["team:ru"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the team's screen to join")
            await pilot.press("ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
            assert "Close this screen?" in " ".join(str(s.render()) for s in app.screen.query(Static))
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen), "the question to go")
            assert app.is_running
            await pilot.press("ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question again")
            await pilot.press("enter")
            await until(pilot, lambda: not app.is_running, "the screen to end")
        app = SeatApp(address, codes["team:ua"], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the terminal's screen to join")
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not app.is_running, "the terminal's screen to end")
    table.session.close()


def test_a_browser_screen_that_cannot_reach_its_host_does_not_ask_the_team_to_check_the_address() -> None:
    """Found from outside: a browser team was told to "check the address", which the page was started with and the
    team cannot change; it is told to tell the facilitator. A terminal's team typed the address: it checks it."""
    from tabletop.tui.seat import CHECK_AFTER

    browser, terminal = _BrowserSeat("192.0.2.9:8765", "C"), SeatApp("192.0.2.9:8765", "C")
    assert "Tell the facilitator" in browser._retry_words(True, CHECK_AFTER, False)
    assert "Check the address" not in browser._retry_words(True, CHECK_AFTER, False)
    assert "Check the address" in terminal._retry_words(True, CHECK_AFTER, False)
    assert "192.0.2.9:8765" in browser._retry_words(True, CHECK_AFTER, False)
    assert browser._retry_words(True, 1, False) == terminal._retry_words(True, 1, False)


async def test_a_host_on_every_interface_of_ipv6_is_joined_over_ipv4_too(tmp_path: Path) -> None:
    """Found from outside: `tabletop host --listen [::]:8765` listened on IPv6 only (asyncio's socket for "::" is
    IPv6-only), and the room's IPv4 laptops could not join, with no word why. It now takes both families."""
    table = make_table(tmp_path)
    codes = new_codes(table.seats)
    host = Host(table, codes, sleeper=Sleeps())
    bound, port = await host.start("::", 0)
    assert bound == "::"
    try:
        for where in (f"127.0.0.1:{port}", f"[::1]:{port}"):
            client = await connect(where, codes["projector"])
            assert client.welcome and client.welcome.get("role") == "projector", where
            await client.close()
    finally:
        await host.stop()
    table.session.close()


async def test_a_finished_games_host_closing_is_the_end_not_a_wait(tmp_path: Path) -> None:
    """Found from outside (helper-85): after GAME OVER and Ctrl-C on the host, every screen said "The host closed
    the game; when it starts again, this screen joins by itself (try 11)…" and kept counting."""
    table = make_table(tmp_path, sealed=False, bots={a: "cooperative" for a in ("ru", "ua", "us", "eu", "bridge")})
    session = table.session
    session.apply(Action("end", reason="the workshop ran out of time"))
    async with hosting(table) as (host, address, codes):
        sleeps = Sleeps()
        app = SeatApp(address, codes["projector"], sleep=sleeps)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            await host.stop()
            await until(pilot, lambda: "The game is over and the host has closed it" in _link(app), "the end")
            for _ in range(20):
                await pilot.pause()
            assert sleeps.asked == [] and "try" not in _link(app), _link(app)  # no try to join again
    session.close()


def test_a_join_that_never_joined_a_seat_fails(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-85): ``tabletop join`` to a host not listening (or with a wrong code), then
    ctrl+q, exited 0 though no seat was ever joined."""
    from tabletop.cli import main
    from tabletop.cli import screens

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "run_screen", lambda app, **_: None)  # the screen opened and was closed at once
    assert main(["join", "127.0.0.1:9", "some-code"]) == 1
    assert "closed without joining a seat at 127.0.0.1:9" in capsys.readouterr().err

    def joined_then_closed(app: SeatApp, **_: object) -> None:
        app.ever_joined = True

    monkeypatch.setattr(screens, "run_screen", joined_then_closed)
    assert main(["join", "127.0.0.1:9", "some-code"]) == 0


@pytest.mark.parametrize("typed", ["127.0.0.1:99999", "127.0.0.1:0", "[::1]:70000"])
def test_a_port_out_of_range_is_said_as_such(typed: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-85): ``tabletop join 127.0.0.1:99999 CODE`` said "expected HOST:PORT", as if the
    form were wrong; it is the port."""
    from tabletop.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["join", typed, "CODE"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "the port must be from 1 to 65535" in err and "expected HOST:PORT" not in err, err

    if typed == "127.0.0.1:99999":  # the host's --listen says the same of its port
        assert main(["host", "--headless", "--listen", typed]) == 2
        err = capsys.readouterr().err
        assert "the port must be from 0 (any free port) to 65535" in err and "expected ADDR:PORT" not in err, err


@pytest.mark.parametrize(("size", "lang", "said"), [((120, 40), "en", "Waiting for {who}."),
                                                     ((80, 24), "ru", "Ждём: {who}.")])
async def test_the_projector_says_what_the_game_waits_for(tmp_path: Path, size: tuple[int, int], lang: str,
                                                          said: str) -> None:
    """Found from outside (helper-117): the host said "Waiting for European NATO members / EU.", the projector
    never said what the game waits for; the room looked at a still board. It says it on a line of its own under
    the headline, in the projector's language, as the host words it for the projector (no secret in it)."""
    from tabletop.content.overlays import translated

    table = make_table(tmp_path, "parallel-tracks", seed=11, sealed=True, observers=0)
    async with hosting(table) as (_host, address, codes):
        facilitator = await connect(address, codes["facilitator"])
        app = SeatApp(address, codes["projector"], sleep=Sleeps(), lang=lang)
        async with app.run_test(size=size) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")
            while table.session.state.phase != "moves":
                view = await caught_up(facilitator, table.session.state.seq)
                await facilitator.act(pick=view["decision"]["entries"][0]["id"])
            state = table.session.state
            team = next(a.name for a in translated(state.scenario, lang).ruleset.actors if a.id == state.turn)
            await until(pilot, lambda: seq_of(app) == state.seq, "the projector to show the moves phase")
            line = said.format(who=team)
            assert str(app.seat_screen.query_one("#waiting").render()) == line
            await until(pilot, lambda: line.replace(" ", "\u00a0") in app.export_screenshot().replace("&#160;", "\u00a0"),
                        "the line on the projector's screen")
        await facilitator.close()
    table.session.close()


async def test_a_code_pasted_with_spaces_round_it_joins(tmp_path: Path) -> None:
    """Found from outside (helper-151): ``tabletop join ADDR ' AKX_9xHJjgozmxJo '`` (a code copied from a chat) was
    refused WRONG_CODE, while the join dialog took the same code. The screen takes it without the spaces; so does
    the host, from a screen of any version."""
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, f" {codes['team:ru']} \n", sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            assert app.code == codes["team:ru"] and "as Russia" in _link(app)
        other = await connect(address, f"\t{codes['projector']}  ")  # a client that sends the code as pasted
        assert other.welcome is not None and other.welcome["seat"] == "projector"
        await other.close()


def test_the_command_lines_code_loses_the_spaces_round_it_and_a_blank_one_is_asked_for(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tabletop.cli import main
    from tabletop.cli import screens

    shown: list[str | None] = []

    def opened(app: SeatApp, **_: object) -> None:
        shown.append(app.code)
        app.ever_joined = True

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "run_screen", opened)
    assert main(["join", "127.0.0.1:9", " AKX_9xHJjgozmxJo "]) == 0
    assert main(["join", "127.0.0.1:9", "   "]) == 0
    assert shown == ["AKX_9xHJjgozmxJo", None]  # the blank one: the screen asks for the code


def test_a_code_on_the_command_line_is_warned_of_and_one_from_the_environment_joins(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a security audit: on a shared machine any user reads ``ps -eo args``, and took the facilitator's
    seat with the code a ``tabletop join ADDR CODE`` showed there. Such a code still joins (scripts use it), said
    once on stderr before the screen; ``TABLETOP_CODE`` joins unseen and unwarned; a browser tab's screen under
    ``tabletop serve`` never takes it (every tab would be that seat)."""
    from tabletop.cli import main
    from tabletop.cli import screens

    shown: list[tuple[str | None, str]] = []

    def opened(app: SeatApp, **_: object) -> None:
        shown.append((app.code, capsys.readouterr().err))  # what stderr said before the screen
        app.ever_joined = True

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "run_screen", opened)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setenv("TABLETOP_CODE", "wgzw-6dkw-q5ty-tyeb-y2wz")
    assert main(["join", "127.0.0.1:9"]) == 0
    assert main(["join", "127.0.0.1:9", "k7mq-3xrt-9pwa-c4hd-e5fz"]) == 0
    monkeypatch.setenv("TEXTUAL_DRIVER", "textual_serve.driver:WebDriver")
    assert main(["join", "127.0.0.1:9"]) == 0
    assert [code for code, _err in shown] == ["wgzw-6dkw-q5ty-tyeb-y2wz", "k7mq-3xrt-9pwa-c4hd-e5fz", None]
    assert shown[0][1] == "" and shown[2][1] == ""
    warning = shown[1][1]
    assert warning.count("\n") == 1 and "every user" in warning and "TABLETOP_CODE" in warning, warning
    assert "k7mq" not in warning  # the warning does not print the code again


async def test_the_warning_of_a_code_on_the_command_line_is_on_the_screen_too(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Found from outside (stop 62): the warning went to stderr just before the screen took the terminal, so the
    team read it only after quitting, if ever. The screen shows it too, as a warning notice, in its own language."""
    from tabletop.cli import main
    from tabletop.cli import screens

    opened: list[SeatApp] = []

    def run(app: SeatApp, **_: object) -> None:
        opened.append(app)
        app.ever_joined = True

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "run_screen", run)
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.delenv("TABLETOP_CODE", raising=False)
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        assert main(["join", address, codes["team:ru"], "--lang", "uk"]) == 0
        said = capsys.readouterr().err.strip()
        app = opened[0]
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            warned = [n for n in app._notifications if n.severity == "warning" and "TABLETOP_CODE" in n.message]
            assert [n.message for n in warned] == [said.removeprefix("tabletop join: ")], list(app._notifications)
            assert "(ps)" in warned[0].message and "every user" not in warned[0].message  # in Ukrainian, as on stderr
            assert codes["team:ru"] not in warned[0].message
    assert main(["join", "127.0.0.1:9"]) == 0  # no code given: nothing to warn of
    assert opened[1]._warnings == ()


@pytest.mark.parametrize("line", [
    "tabletop join 127.0.0.1:8720 {code}",
    "  Team Kyiv                    tabletop join 192.168.1.20:8720 {code}  ",  # the host's line, with the seat's name
    "Team Kyiv (Ukraine): tabletop join 127.0.0.1:8720 {code} --lang uk",
    "tabletop join 127.0.0.1:8720 -- {code}",
    "tabletop join 127.0.0.1:8720 {code} --lang=ru",
    "tabletop join 127.0.0.1:8720 '{code}'",
])
def test_a_pasted_join_line_gives_its_code(line: str) -> None:
    from tabletop.seats.joincodes import pasted

    assert pasted(line.format(code="UsZAb9z3ZZu3oVfh")) == "UsZAb9z3ZZu3oVfh"


@pytest.mark.parametrize("line", ["tabletop host 127.0.0.1:8720 {code}", "ssh 127.0.0.1:8720 {code}",
                                  "tabletop join {code}", "tabletop join 127.0.0.1:8720 {code} extra",
                                  "please join: {code}"])
def test_another_command_or_garbage_is_not_taken_for_a_join_line(line: str) -> None:
    from tabletop.seats.joincodes import pasted

    typed = line.format(code="UsZAb9z3ZZu3oVfh")
    assert pasted(typed) == typed  # as typed: no seat has it, and the host says so


async def test_a_join_line_pasted_in_the_code_box_joins_and_another_command_is_refused(tmp_path: Path) -> None:
    """Found from outside (helper-208): the host prints each seat's code in a ``tabletop join ADDR CODE`` line, the
    facilitator messaged each team its line, and a team pasted it whole into the browser page's code box: "no seat
    has this code: check it with the facilitator (WRONG_CODE)". The code is taken from the line (whatever address it
    names: the page joins its own); a line with another command is still refused as before."""
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, None, sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: code_asked(app), "the code screen")
            app.screen.query_one(Input).insert_text_at_cursor(f"tabletop host 127.0.0.1:8720 {codes['team:ua']}")
            await pilot.press("enter")
            await until(pilot, lambda: code_asked(app, "no seat has this code"), "another command to be refused")
            field = app.screen.query_one(Input)
            field.value = ""
            field.insert_text_at_cursor(f"tabletop join 127.0.0.1:8720 {codes['team:ua']}")
            await pilot.press("enter")
            await until(pilot, app.joined.is_set, "the screen to join")
            assert app.role == "team" and app.code == codes["team:ua"]
    table.session.close()


async def test_an_error_drawing_a_view_ends_the_screen_as_a_crash(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-315): the link's worker swallowed an error drawing a view, so a team's screen
    froze on "Waiting for the facilitator." while the game moved on, with no message and no crash log. The error
    ends the screen as a crash of any other screen does (``tabletop join`` then says it in one line and keeps the
    traceback in a crash log)."""
    from textual.worker import WorkerFailed

    from tabletop.tui.seat import SeatScreen

    def broken(self: SeatScreen, *_args: object) -> None:
        raise RuntimeError("a bug drawing the view")

    monkeypatch.setattr(SeatScreen, "show", broken)
    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps())
        with pytest.raises(WorkerFailed) as failed:  # run_test raises the error that stopped the app
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, lambda: app._exception is not None, "the screen to stop on the error")
        assert isinstance(failed.value.error, RuntimeError), failed.value
        assert app.return_code == 1


@pytest.mark.parametrize("sending", ["the facilitator's pause", "a language"])
async def test_an_unexpected_error_sending_ends_the_screen_as_a_crash(tmp_path: Path, sending: str,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The acts' workers swallowed any error but a refusal or a drop: a power the facilitator sent (or a pick, a
    language) was lost quietly, with no message and no crash log. It ends the screen as a crash does, as the
    link's worker does (``tabletop join`` then says it in one line and keeps the traceback in a crash log)."""
    from textual.worker import WorkerFailed

    from tabletop.seats.client import SeatClient

    async def broken(self: SeatClient, *_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug sending")

    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        with pytest.raises(WorkerFailed) as failed:  # run_test raises the error that stopped the app
            async with app.run_test(size=(120, 40)) as pilot:
                await until(pilot, app.joined.is_set, "the screen to join")
                if sending == "a language":
                    monkeypatch.setattr(SeatClient, "speak", broken)
                    app.action_language("uk")
                else:
                    monkeypatch.setattr(SeatClient, "act", broken)
                    app.time("pause")
                await until(pilot, lambda: app._exception is not None, "the screen to stop on the error")
        assert isinstance(failed.value.error, RuntimeError), failed.value
        assert app.return_code == 1


async def test_a_screen_refused_on_rejoining_is_told_the_game_here_no_longer_knows_its_code(tmp_path: Path) -> None:
    """Found from outside (helper-322): a seat's screen whose host stopped rejoined by itself the same address, where
    another game now ran, and was told "no seat has this code: check it with the facilitator", though its code had
    joined there before. It is told that the game at this address no longer knows its code, and to ask the
    facilitator for the address and the code."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the screen to join")
            await host.stop()
            await until(pilot, lambda: "The host closed the game" in _link(app), "the close to be said")
            _, port = address.rsplit(":", 1)
            other = Host(table, new_codes(table.seats), sleeper=Sleeps())  # another game's codes, on the same port
            await other.start("127.0.0.1", int(port))
            try:
                def said() -> str:
                    return str(app.screen.query_one("#code-error", Static).render())

                await until(pilot, lambda: code_asked(app, "no longer knows"), "the refusal to be said")
                assert "no longer knows this screen's code" in said() and "check it" not in said(), said()
                assert "Ask the facilitator for the address and the code" in said(), said()
                assert app.screen.query_one(Input).value == codes["team:ru"]
                # found from outside (helper-332, finding 8): after F4 the refusal stayed English, and the wire's
                # code (WRONG_CODE) showed under it in every language; our words say what it means
                assert "WRONG_CODE" not in said(), said()
                await pilot.press("f4")
                await until(pilot, lambda: app.lang == "ru" and "больше не знает" in said(), "the refusal in Russian")
                assert "больше не знает код этого экрана" in said() and "WRONG_CODE" not in said(), said()
            finally:
                await other.stop()
    table.session.close()


async def _ctrl_q_under_the_help(pilot: Pilot[Any], app: SeatApp, joined: str) -> None:
    """Once the screen has joined (``joined``: what is waited for), F1's help up, then ctrl+q pressed under it."""
    from tabletop.tui.modals import HelpScreen

    await until(pilot, app.joined.is_set, joined)
    await pilot.press("f1")
    await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
    await pilot.press("ctrl+q")


@pytest.mark.parametrize("seat", ["team:ru", "facilitator"])
async def test_ctrl_q_under_the_help_quits_or_asks_as_without_it(tmp_path: Path, seat: str) -> None:
    """Found from outside (helper-333): on a team's screen and the facilitator's console, ctrl+q did nothing while F1's
    help was up (the help itself says "ctrl+q quit"); the hot seat quits from under it. A terminal's screen now ends,
    a browser tab's asks first, as they do without the help."""
    from tabletop.tui.modals import ConfirmScreen

    table = make_table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = _BrowserSeat(address, codes[seat], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await _ctrl_q_under_the_help(pilot, app, "the browser's screen to join")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question over the help")
            await pilot.press("enter")
            await until(pilot, lambda: not app.is_running, "the tab's screen to end")
        app = SeatApp(address, codes[seat], sleep=Sleeps())
        async with app.run_test(size=(80, 24)) as pilot:
            await _ctrl_q_under_the_help(pilot, app, "the terminal's screen to join")
            await until(pilot, lambda: not app.is_running, "the terminal's screen to end")
    table.session.close()
