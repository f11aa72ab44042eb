"""Connections that never say hello, and a host out of open files (found from outside: under ``ulimit -n 256``,
270 WebSocket connections that never said hello kept every honest screen on "Connecting…" until the 30-second
hello timeout dropped them, and the host's terminal filled with raw tracebacks, "socket.accept() out of system
resource ... Too many open files"). Shown with a small injected bound and a handful of sockets; no waits."""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from pathlib import Path

import pytest
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed

from tabletop.seats import host as host_module
from tabletop.seats.client import connect

from .support import hosting, make_table


async def _closed_at_once(address: str, local: str = "127.0.0.1") -> int | None:
    """Open a connection from ``local`` and say nothing: the close code if the host closes it (bounded wait)."""
    ws = await ws_connect(f"ws://{address}", local_addr=(local, 0))
    try:
        await asyncio.wait_for(ws.recv(), 10)
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd is not None else None
    return None


async def test_connections_that_never_say_hello_are_bounded_per_address_and_in_all(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    said: list[str] = []
    async with hosting(table, say=said.append, unjoined=(2, 3), hello_timeout=600) as (host, address, codes):
        idle = [await ws_connect(f"ws://{address}") for _ in range(2)]  # two say nothing: this address's bound
        assert await _closed_at_once(address) == 1013  # a third from it is closed at once
        other = await ws_connect(f"ws://{address}", local_addr=("127.0.0.2", 0))  # another laptop: the third in all
        assert await _closed_at_once(address, "127.0.0.3") == 1013  # a fourth in all is closed, whoever sends it
        assert any("without joining" in line and "127.0.0.1" in line for line in said), said
        await idle[0].close()
        for _ in range(1000):  # the host sees it go (a bounded count of the loop's turns)
            if sum(host._unjoined.values()) < 3:
                break
            await asyncio.sleep(0)
        seat = await connect(address, codes["projector"])  # an honest screen joins
        assert seat.role == "projector"
        await seat.close()
        for ws in (*idle[1:], other):
            await ws.close()
    table.session.close()


def test_a_real_screen_has_seconds_to_say_hello_and_a_room_is_never_near_the_bounds() -> None:
    """The join client says hello as soon as its handshake is done: one round trip. A room has ~60 screens, which
    may all come back at once through one address (a TLS proxy, ``tabletop serve``)."""
    assert 2 <= host_module.HELLO_TIMEOUT <= 10
    per_address, in_all = host_module.UNJOINED
    assert 60 < per_address <= in_all


async def test_an_accept_out_of_files_is_counted_in_the_alarm_not_a_traceback(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    table = make_table(tmp_path)
    said: list[str] = []
    async with hosting(table, say=said.append) as (host, address, codes):
        loop = asyncio.get_running_loop()
        with socket.socket() as sock, caplog.at_level(logging.DEBUG, logger="asyncio"):
            for _ in range(3):  # what asyncio's accept does when the process is out of files
                loop.call_exception_handler({"message": "socket.accept() out of system resource", "socket": sock,
                                             "exception": OSError(errno.EMFILE, "Too many open files")})
        assert not [r for r in caplog.records if r.name == "asyncio"], caplog.text
        host.alarm.clock = lambda: 1e9  # the window is over: what waited is said
        host.alarm.flush()
        assert [line for line in said if "open files" in line], said
    table.session.close()


def test_the_host_raises_its_open_files_limit_to_the_hard_one(monkeypatch: pytest.MonkeyPatch) -> None:
    resource = pytest.importorskip("resource")
    asked: list[tuple[int, int]] = []
    monkeypatch.setattr(resource, "getrlimit", lambda which: (256, 4096))
    monkeypatch.setattr(resource, "setrlimit", lambda which, limits: asked.append(limits))
    assert host_module.more_open_files() == 4096 and asked == [(4096, 4096)]

    def refused(which: int, limits: tuple[int, int]) -> None:
        raise ValueError("not allowed")

    monkeypatch.setattr(resource, "setrlimit", refused)
    assert host_module.more_open_files() == 256  # nothing said: the host runs with what it has
