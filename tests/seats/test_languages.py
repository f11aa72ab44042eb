"""Every seat in its own language (issue 19): a Russian team, a Ukrainian team and an English facilitator.

One real host, one game, one save: each seat's views come in its language
(the host words them inside ``tabletop.lang.using``), the figures on every
seat's board are the same, the save verifies and reads the same whoever
played it in which language. A seat switches its language with F4 and the
host sends that seat alone its view again. A version 1 screen (no ``lang``
in its hello) reads the host's language and is answered in version 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect as ws_connect

from tabletop.seats.client import Refused, connect
from tabletop.seats.protocol import ProtocolError, Wire, check_client, decode, encode, message
from tabletop.store.verifying import verify
from tabletop.tui.seat import SeatApp

from .screenkit import until
from .support import Sleeps, caught_up, hosting, make_table, play_through

CYRILLIC = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
UKRAINIAN_ONLY = set("іїєґ")
RUSSIAN_ONLY = set("ыэъё")


def _words(view: dict[str, Any]) -> str:
    """What a seat reads of its view in the program's own words: its prompt and the labels of its entries."""
    decision = view.get("decision") or {}
    return " ".join([decision.get("prompt", ""), *(e.get("label", "") for e in decision.get("entries", []))]).lower()


def _figures(view: dict[str, Any]) -> tuple[Any, ...]:
    board = view["board"]
    return (view["game"]["seq"], view["game"]["round"], view["game"]["phase"],
            tuple((t["id"], t["position"], t["tension"], t["status"]) for t in board["tracks"]),
            tuple((m["id"], m["value"]) for m in board["meters"]))


async def test_a_russian_team_a_ukrainian_team_and_an_english_facilitator_play_one_game(tmp_path: Path) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=True,
                       bots={"us": "cooperative", "eu": "cooperative", "bridge": "cooperative"})
    async with hosting(table, record=True) as (host, address, codes):
        clients = {"facilitator": await connect(address, codes["facilitator"], lang="en"),
                   "team:ru": await connect(address, codes["team:ru"], lang="ru"),
                   "team:ua": await connect(address, codes["team:ua"], lang="uk")}
        with pytest.raises(Refused) as refused:  # a refusal reaches a seat in its language
            await clients["team:ru"].act({"kind": "pass", "actor": "ua"})
        assert refused.value.code == "NOT_YOUR_SEAT" and "не может действовать" in refused.value.message
        await play_through(table, clients, seed=5, counter=True)
        for client in clients.values():
            await client.close()
    table.session.close()
    assert table.session.state.over
    assert verify(table.session.save_path).ok  # one save, whatever the seats read

    assert host.sent is not None
    views = {seat: [m["view"] for m in map(json.loads, host.sent[seat]) if "view" in m] for seat in clients}
    said = {seat: " ".join(_words(v) for v in seen) for seat, seen in views.items()}
    assert set(said["team:ru"]) & RUSSIAN_ONLY and not set(said["team:ru"]) & UKRAINIAN_ONLY
    assert set(said["team:ua"]) & UKRAINIAN_ONLY and not set(said["team:ua"]) & RUSSIAN_ONLY
    assert not set(said["facilitator"]) & CYRILLIC
    assert {v["lang"] for v in views["team:ru"]} == {"ru"} and {v["lang"] for v in views["team:ua"]} == {"uk"}
    # the same game on every seat: at each event every seat saw, the same figures
    by_seq = [{_figures(v)[0]: _figures(v) for v in seen} for seen in views.values()]
    shared = set.intersection(*(set(s) for s in by_seq))
    assert len(shared) > 20
    for seq in shared:
        assert by_seq[0][seq] == by_seq[1][seq] == by_seq[2][seq]


async def test_f4_switches_one_seats_language_and_the_host_rewords_that_seat_only(tmp_path: Path) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5, sealed=False)
    async with hosting(table, record=True) as (host, address, codes):
        other = await connect(address, codes["team:us"], lang="en")
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="ru")
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the Russian seat to join")
            prompt = app.seat_screen.query_one("#prompt")
            assert "Ждём ведущего" in str(prompt.render())
            assert "Раунд" in str(app.seat_screen.query_one("#headline").render())
            before = {seat: len(texts) for seat, texts in (host.sent or {}).items()}
            await pilot.press("f4")  # ru -> uk
            await until(pilot, lambda: (app.view or {}).get("lang") == "uk", "the view again, in Ukrainian")
            await until(pilot, lambda: "Чекаємо на ведучого" in str(prompt.render()), "the screen in Ukrainian")
            after = {seat: len(texts) for seat, texts in (host.sent or {}).items()}
            assert after["team:us"] == before["team:us"]  # no other seat was sent anything
            assert after["team:ru"] == before["team:ru"] + 1
        view = await caught_up(other, 0)
        assert view["lang"] == "en" and "Waiting for the facilitator." == view["decision"]["prompt"]
        await other.close()
    table.session.close()


async def test_a_version_1_screen_reads_the_hosts_language_and_is_answered_in_version_1(tmp_path: Path) -> None:
    table = make_table(tmp_path, "parallel-tracks", seed=5)
    async with hosting(table, lang="uk") as (_host, address, codes):
        async with ws_connect(f"ws://{address}") as ws:
            await ws.send(json.dumps({"type": "hello", "v": 1, "code": codes["team:ru"]}))
            welcome = json.loads(await ws.recv())
            assert welcome["type"] == "welcome" and welcome["v"] == 1
            assert welcome["view"]["lang"] == "uk" and welcome["view"]["decision"]["prompt"] == "Чекаємо на ведучого."
    table.session.close()


@pytest.mark.parametrize("raw", [
    message("hello", code="x", lang="de"),  # no such language
    {**message("hello", code="x", lang="ru"), "v": 1},  # a version 1 hello names no language
    message("lang", lang="fr"),
    message("lang"),
])
def test_a_bad_language_on_the_wire_is_refused(raw: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError) as caught:
        check_client(decode(encode(raw)))
    assert caught.value.code == Wire.BAD_MESSAGE
