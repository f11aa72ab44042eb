"""What a join, a leave and a ``lang`` message send to the other screens: only what changed for them.

Found from outside: every join sent every connected screen its view again (300 joins with a team's code sent
768 MB; a storm of joins held the host at half a core; 150 screens joining and switching languages stalled it for
seconds). A join changes no screen's view but the console's list of who is connected, and only when the seat was
not connected before. Counted in messages (the host's record of what it sent), not in time.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.seats.client import SeatClient, connect

from .support import hosting, make_table


def _counts(sent: dict[str, list[str]]) -> dict[str, int]:
    return {seat: len(texts) for seat, texts in sent.items()}


def _more(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {seat: after[seat] - before.get(seat, 0) for seat in after if after[seat] != before.get(seat, 0)}


async def test_a_join_sends_the_others_only_what_it_changed_for_them(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table, record=True) as (host, address, codes):
        assert host.sent is not None
        team = next(seat for seat in codes if seat.startswith("team:"))
        fac = await connect(address, codes["facilitator"])
        clients = [fac, *[await connect(address, codes["projector"]) for _ in range(3)],
                   await connect(address, codes[team])]
        before = _counts(host.sent)
        for _ in range(5):  # screens joining the held seat again by themselves: each only watches
            again = SeatClient(address, codes[team])
            await again.connect(rejoin=True)
            clients.append(again)
        assert _more(before, _counts(host.sent)) == {team: 5}  # their welcomes, nothing to anyone else

        before = _counts(host.sent)
        observer = await connect(address, codes["observer:1"])  # a seat not connected before
        assert _more(before, _counts(host.sent)) == {"observer:1": 1, "facilitator": 1}
        view = await fac.next_view()
        while "observer:1" not in view["control"]["connected"]:
            view = await fac.next_view()

        before = _counts(host.sent)
        await clients[1].speak("ru")  # a projector's screen reads Russian: its view again, to it alone
        await clients[1].next_view()
        while clients[1].view is None or clients[1].view["lang"] != "ru":
            await clients[1].next_view()
        assert _more(before, _counts(host.sent)) == {"projector": 1}

        before = _counts(host.sent)
        await observer.close()  # the seat is gone: the console's list says so, nobody else is sent anything
        while "observer:1" in fac.view["control"]["connected"]:  # type: ignore[index]
            await fac.next_view()
        assert _more(before, _counts(host.sent)) == {"facilitator": 1}
        for client in clients:
            await client.close()
    table.session.close()
