"""``tabletop serve`` against a hostile participant on the room's network: how many screens it runs, how long a
connection may take to send its request, and how much the web server says on the facilitator's terminal.

Found from outside: ten WebSockets to ``/ws`` started ten ``tabletop join`` processes (some 48 MB each) in 0.4 s,
before any code was typed, with no limit (some 200 would have taken the facilitator's laptop); 30 connections
sending their headers a byte a second were never closed, 260 of them under ``ulimit -n 256`` made the page
unreachable, and every refused request printed its own line on serve's terminal. Here the caps and the deadline
are small and injected, each tab's screen a process that only waits (no ``join``), the clock stepped by hand.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys

import aiohttp
import pytest
from aiohttp import web

from tabletop.cli import serveroom
from tabletop.cli.serveroom import ServeServer

#: a tab's screen here: a process that waits for its first byte (textual-serve's quit), costing next to nothing
WAITING_SCREEN = "exec head -c 1 >/dev/null"

#: a bound on how long the server may take to answer or to close, not a measurement
BOUND = 10

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell starts the screen")


class Clock:
    """A clock that stands still until a test moves it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def _started(server: ServeServer) -> tuple[web.AppRunner, str]:
    """``server`` listening on a free loopback port, as its ``serve`` runs it: (its runner, its http:// address)."""
    runner = web.AppRunner(await server._make_app(), **server.web_options())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]  # aiohttp names no public port
    return runner, f"http://127.0.0.1:{port}"


async def test_a_tab_past_the_room_s_screens_is_refused_at_once_and_its_page_says_why() -> None:
    server = ServeServer(WAITING_SCREEN, command_in=lambda code: WAITING_SCREEN, max_screens=2,
                         max_screens_per_address=5)
    runner, url = await _started(server)
    try:
        async with aiohttp.ClientSession() as browser:
            tabs = [await browser.ws_connect(f"{url}/ws/ru?width=80&height=24") for _ in range(2)]
            refused = await browser.ws_connect(f"{url}/ws/ru?width=80&height=24")
            told = await asyncio.wait_for(refused.receive(), BOUND)
            closed = await asyncio.wait_for(refused.receive(), BOUND)
            async with browser.get(f"{url}{json.loads(told.data)[1]['url']}") as page:
                status, words = page.status, await page.text()
            for tab in tabs:
                assert not tab.closed
            await runner.cleanup()  # ends the two screens (their pages close), as stopping serve does
    finally:
        await runner.cleanup()
    assert told.type is aiohttp.WSMsgType.TEXT and json.loads(told.data)[0] == "open_url", told
    assert json.loads(told.data)[1]["new_tab"] is False  # the page itself goes to the words
    assert closed.type is aiohttp.WSMsgType.CLOSE and closed.data == 1013, closed  # "try again later"
    assert status == 503
    assert '<html lang="ru">' in words and "2" in words and "экран" in words, words
    assert 'href="/?lang=ru"' in words, words  # a way back, in the same language
    # read on a phone at its own width, as the room's page is (found from outside: 6 px type on a phone, where a
    # room behind one address meets the cap first)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in words, words


def test_each_address_and_the_room_have_their_caps_and_a_closed_tab_frees_its_place() -> None:
    screens = serveroom.Screens(most=3, most_per_address=2)
    assert screens.admit("10.0.0.1") is None and screens.admit("10.0.0.1") is None
    assert screens.admit("10.0.0.1") == "address"
    assert screens.admit("10.0.0.2") is None
    assert screens.admit("10.0.0.3") == "room"
    screens.leave("10.0.0.1")
    assert screens.admit("10.0.0.3") is None
    assert screens.admit("10.0.0.1") == "room"


def _record(message: str, *args: object, error: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(error), error, None) if error is not None else None
    return logging.LogRecord("aiohttp.server", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_web_server_s_lines_are_one_a_kind_every_ten_seconds_with_a_count() -> None:
    said: list[str] = []
    clock = Clock()
    handler = serveroom._OneLine(say=said.append, clock=clock)
    for at, peer in ((0, "10.0.0.1"), (1, "10.0.0.2"), (2, "10.0.0.3"), (3, "10.0.0.4")):
        clock.now = at
        handler.emit(_record("Error handling request from %s", peer, error=ValueError("400, message: too long")))
    handler.emit(_record("Unhandled exception", error=ValueError("Bad Request")))  # another kind: its own window
    assert said == [
        "tabletop serve: the web server says: Error handling request from 10.0.0.1: 400, message: too long",
        "tabletop serve: the web server says: Unhandled exception: Bad Request",
    ]
    clock.now = 9.5
    handler.flush()
    assert len(said) == 2
    clock.now = 10
    handler.flush()
    assert said[2:] == ["tabletop serve: the web server says, 3 more times in the last 10 s: Error handling request "
                        "from 10.0.0.4: 400, message: too long"]
    clock.now = 40
    handler.flush()
    assert len(said) == 3  # nothing new: nothing said


async def test_a_connection_that_has_not_sent_its_whole_request_by_the_deadline_is_closed() -> None:
    server = ServeServer(WAITING_SCREEN, request_deadline=0.2)
    runner, url = await _started(server)
    try:
        host, port = url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: a")  # and never the rest
        await writer.drain()
        ended = await asyncio.wait_for(reader.read(), BOUND)
        writer.close()
        async with aiohttp.ClientSession() as browser, browser.get(f"{url}/") as page:
            assert page.status == 200  # a whole request is served as before
    finally:
        await runner.cleanup()
    assert ended == b""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX limits")
def test_serve_raises_its_open_files_limit_to_the_hard_limit() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    lower = 256 if hard == resource.RLIM_INFINITY else min(256, hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (lower, hard))
    try:
        serveroom.more_open_files()
        raised = resource.getrlimit(resource.RLIMIT_NOFILE)[0]
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert raised > lower or hard == lower, (raised, hard)
    assert raised == hard or hard == resource.RLIM_INFINITY
