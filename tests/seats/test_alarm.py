"""Hostile traffic is said on the host's terminal, one line per kind every 10 s at most, with a count.

Found from outside: 2,000 bad messages, 5 wrong join codes, a 10 MB frame: nothing was printed, and the
facilitator could not know that someone was trying codes or flooding the host. The clock is stepped by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed

from tabletop.seats.alarm import Alarm, Trouble
from tabletop.seats.client import Refused, connect
from tabletop.seats.protocol import MAX_CLIENT_MESSAGE, encode, message

from .support import hosting, make_table


class Clock:
    """A clock that stands still until a test moves it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_one_line_a_kind_every_ten_seconds_with_the_count_since_the_last() -> None:
    said: list[str] = []
    clock = Clock()
    alarm = Alarm(said.append, clock=clock)
    alarm.note(Trouble.WRONG_CODE, "127.0.0.1")
    assert said == ["tabletop host: 1 wrong join code in the last 10 s from 127.0.0.1"]
    for at in (1, 2, 3):
        clock.now = at
        alarm.note(Trouble.WRONG_CODE, "127.0.0.1")
    alarm.note(Trouble.FLOOD, "10.0.0.7")  # another kind has a window of its own
    clock.now = 9.5
    alarm.flush()
    assert said[1:] == ["tabletop host: 1 connection closed for sending too fast, in the last 10 s, from 10.0.0.7"]
    clock.now = 10
    alarm.flush()
    assert said[2:] == ["tabletop host: 3 wrong join codes in the last 10 s from 127.0.0.1"]
    clock.now = 30
    alarm.flush()
    assert len(said) == 3  # nothing new: nothing said


def test_many_addresses_are_counted_past_the_first_three() -> None:
    said: list[str] = []
    clock = Clock()
    alarm = Alarm(said.append, clock=clock)
    alarm.note(Trouble.BAD, "10.0.0.1")
    for n in range(2, 7):
        alarm.note(Trouble.BAD, f"10.0.0.{n}")
    clock.now = 10
    alarm.flush()
    assert said[-1] == ("tabletop host: 5 connections closed for messages the host cannot read, in the last 10 s, "
                        "from 10.0.0.2, 10.0.0.3, 10.0.0.4 and 2 other addresses")


@pytest.mark.parametrize(("lang", "words"), [
    ("ru", "tabletop host: 3 неверных кода подключения за последние 10 с (откуда: 127.0.0.1)"),
    ("uk", "tabletop host: 3 неправильні коди підключення за останні 10 с (звідки: 127.0.0.1)"),
])
def test_the_line_is_in_the_hosts_language(lang: str, words: str) -> None:
    said: list[str] = []
    clock = Clock()
    alarm = Alarm(said.append, clock=clock, lang=lang)
    alarm.note(Trouble.WRONG_CODE, "127.0.0.1")
    for _ in range(3):
        alarm.note(Trouble.WRONG_CODE, "127.0.0.1")
    clock.now = 10
    alarm.flush()
    assert said[-1] == words


async def test_the_host_says_wrong_codes_floods_bad_json_and_oversized_messages(tmp_path: Path) -> None:
    said: list[str] = []
    clock = Clock()
    table = make_table(tmp_path)
    async with hosting(table, clock=clock, say=said.append) as (host, address, codes):  # the pace is never refilled
        for _ in range(5):
            with pytest.raises(Refused):
                await connect(address, "A" * 16)
        for raw in (encode(message("act", client_seq=1, action={"kind": "note", "text": "n"})), "garbage",
                    "x" * (MAX_CLIENT_MESSAGE + 1)):
            ws = await ws_connect(f"ws://{address}", max_size=None)
            await ws.send(encode(message("hello", code=codes["facilitator"])))
            assert json.loads(await ws.recv())["type"] == "welcome"
            with pytest.raises(ConnectionClosed):
                for _ in range(1 if len(raw) > MAX_CLIENT_MESSAGE else 200):  # one oversized is enough (200 of them:
                    await ws.send(raw)  # the socket closed under a send of one, in websockets' own code)
                while True:
                    await ws.recv()
            await ws.wait_closed()
        for _ in range(500):  # the host's side of the last close (a wait for it, not a time measured)
            if len(said) == 4:
                break
            await _settle()
        assert said == [
            "tabletop host: 1 wrong join code in the last 10 s from 127.0.0.1",
            "tabletop host: 1 connection closed for sending too fast, in the last 10 s, from 127.0.0.1",
            "tabletop host: 1 connection closed for messages the host cannot read, in the last 10 s, from 127.0.0.1",
            "tabletop host: 1 connection closed for a message over the size limit, in the last 10 s, from 127.0.0.1",
        ]
        clock.now = 10
        host.on_tick()
        assert said[4:] == ["tabletop host: 4 wrong join codes in the last 10 s from 127.0.0.1"]
    table.session.close()


async def _settle() -> None:
    import asyncio

    await asyncio.sleep(0.01)
