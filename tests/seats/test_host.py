"""A real host on a free loopback port, clients over WebSockets: joining, acting, seats and codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine import Action
from tabletop.seats.client import Refused, SeatClient, connect
from tabletop.store.verifying import verify

from .support import caught_up, hosting, join_all, make_table, play_through


async def test_a_whole_game_through_the_seats_is_saved_and_verifies(tmp_path: Path) -> None:
    table = make_table(tmp_path, seed=11)
    async with hosting(table) as (host, address, codes):
        clients = await join_all(address, codes)
        assert clients["projector"].read_only and not clients["team:ru"].read_only
        acts = await play_through(table, clients, seed=3)
        assert table.session.state.over and acts > 20
        for client in clients.values():
            view = await caught_up(client, table.session.state.seq)
            assert view["game"]["over"]
        fac = clients["facilitator"]
        assert [a["kind"] for a in fac.actions] == [e.action.kind for e in table.session.state.log]
        for client in clients.values():
            await client.close()
    table.session.close()
    assert verify(table.session.save_path).ok


async def test_a_team_acting_for_another_team_is_refused_not_your_seat(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        ua = await connect(address, codes["team:ua"])
        before = table.session.state.seq
        for action in (Action("pass", actor="ru"), Action("draw"), Action("undo"), Action("end", reason="x")):
            with pytest.raises(Refused) as caught:
                await ua.act(action)
            assert caught.value.code == "NOT_YOUR_SEAT", action
        projector = await connect(address, codes["projector"])
        with pytest.raises(Refused) as caught:
            await projector.act(Action("draw"))
        assert caught.value.code == "READ_ONLY"
        assert table.session.state.seq == before
        await ua.close()
        await projector.close()
    table.session.close()


async def test_a_team_naming_itself_in_a_step_of_the_game_is_refused_not_your_seat(tmp_path: Path) -> None:
    """Found from outside: a script on Ukraine's code sent enact, rule, advance and draw with ``actor: "ua"``; the
    engine reads no actor in those steps and took them, and the report credited the ruling to the facilitator."""
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        ua = await connect(address, codes["team:ua"])
        before = table.session.state.seq
        steps = (Action("draw", actor="ua"), Action("advance", actor="ua"), Action("apply_card", actor="ua"),
                 Action("roll", actor="ua", track="borders"), Action("enact", actor="ua"),
                 Action("rule", actor="ua", track="borders", success=True, reason="ruled by team Kyiv"),
                 Action("skip", actor="ua"), Action("lapse", actor="ua"))
        for action in steps:
            with pytest.raises(Refused) as caught:
                await ua.act(action)
            assert caught.value.code == "NOT_YOUR_SEAT", action
            assert "Only the facilitator" in caught.value.message, (action, caught.value.message)
        assert table.session.state.seq == before
        await ua.close()
    table.session.close()


async def test_a_wrong_code_is_refused_after_the_delay_and_a_code_has_96_bits(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table, wrong_code_delay=1.5) as (host, address, codes):
        with pytest.raises(Refused) as caught:
            await connect(address, codes["team:ru"][:-1] + ("2" if codes["team:ru"][-1] != "2" else "3"))
        assert caught.value.code == "WRONG_CODE"
        assert host.sleeper.asked == [1.5]  # type: ignore[attr-defined]
        assert all(len(code.replace("-", "")) >= 20 for code in codes.values())  # 20 of 31 characters: 99 bits
        assert len(set(codes.values())) == len(codes)
    table.session.close()


async def test_a_stale_pick_is_refused_and_a_resent_act_is_answered_once(tmp_path: Path) -> None:
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        fac = await connect(address, codes["facilitator"])
        entry = fac.view["decision"]["entries"][0]  # type: ignore[index]
        ack = await fac.act(pick=entry["id"])
        seq = table.session.state.seq
        # the same act again (a reconnecting client resends it): the same answer, nothing done twice
        again = SeatClient(address, codes["facilitator"], client_id=fac.client_id)
        again._unanswered[1] = {"type": "act", "v": 1, "client_seq": 1, "pick": entry["id"]}
        await again.connect()
        assert (await again.answer(1))["index"] == ack["index"]
        assert table.session.state.seq == seq
        # the old entry from another client: it is the event done right after its list, so it is answered as done
        # (a host restarted between the act and its answer forgets the answer), and nothing is done twice
        other = await connect(address, codes["facilitator"])
        assert (await other.act(pick=entry["id"]))["index"] == ack["index"]
        assert table.session.state.seq == seq
        # any other entry of that old list: the game moved on
        with pytest.raises(Refused) as caught:
            await other.act(pick=f"{entry['id'].partition('-')[0]}-000000000000")
        assert caught.value.code == "STALE"
        for client in (fac, again, other):
            await client.close()
    table.session.close()


async def test_an_act_works_out_one_view_per_seat_however_many_screens_watch_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tabletop.seats import table as table_module

    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        fac = await connect(address, codes["facilitator"])
        watchers = [await connect(address, codes[seat]) for seat in ("projector", "observer:1") for _ in range(4)]
        real = table_module.seat_view
        made: list[str] = []

        def counted(state, seat, facts, known=None):  # noqa: ANN001, ANN202
            made.append(seat.id)
            return real(state, seat, facts, known)

        monkeypatch.setattr(table_module, "seat_view", counted)
        await fac.act(pick=fac.view["decision"]["entries"][0]["id"])  # type: ignore[index]
        assert sorted(made) == ["facilitator", "observer:1", "projector"]  # 9 screens, 3 seats
        for client in (fac, *watchers):
            await caught_up(client, 1)
            await client.close()
    table.session.close()


@pytest.mark.parametrize("pick", ["none", "../../etc", "-1", "x-0"])
def test_a_pick_that_is_no_entry_is_not_said_to_be_stale(tmp_path: Path, pick: str) -> None:
    """Found from outside: ``pick: "none"`` was refused STALE ("the game has moved on"), as if it had been a
    choice once; what names no list's entry is NO_SUCH_ENTRY."""
    table = make_table(tmp_path)
    answer = table.act("facilitator", "c", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})
    assert answer["type"] == "refused" and answer["code"] == "NO_SUCH_ENTRY", answer
    table.session.close()


async def test_both_ends_ping_often_enough_to_see_a_frozen_end_within_seconds(tmp_path: Path) -> None:
    """Found from outside: with websockets' own keepalive (a ping every 20 s, 20 s to answer), every screen said
    "Connected" for a minute to a host that had stopped, and a frozen team's seat held the game as long. Both ends
    ping every PING_EVERY seconds and give up after PING_WAIT: a frozen end is seen within ~15 s.

    Found from outside (helper-283): screens saw a frozen host after 30-35 s, the console a frozen projector after
    ~22 s: a failed ping starts websockets' close handshake, which a frozen end never answers, and its close_timeout
    (10 s by default) came on top. Both ends give that handshake CLOSE_WAIT."""
    from tabletop.seats.protocol import CLOSE_WAIT, PING_EVERY, PING_WAIT

    assert PING_EVERY + PING_WAIT + CLOSE_WAIT <= 16
    table = make_table(tmp_path)
    async with hosting(table) as (host, address, codes):
        fac = await connect(address, codes["facilitator"])
        ends = [fac._ws, host.active["facilitator"].ws]
        assert all((end.ping_interval, end.ping_timeout, end.close_timeout) == (PING_EVERY, PING_WAIT, CLOSE_WAIT)
                   for end in ends), ends
        await fac.close()
    table.session.close()


def test_a_pick_saved_before_the_host_restarted_is_answered_as_done_when_sent_again(tmp_path: Path) -> None:
    """Found from outside: Russia's move was saved, the host was killed before its answer went out, and the screen
    sent the pick again to the restarted host, which had forgotten its answers and refused it STALE: "Not taken",
    of a move the save held. The event right after the pick's is this seat's and the pick's own: it is answered as
    done, and nothing is done twice; any other stale pick is still STALE."""
    from tabletop.seats.views import seat_entries
    from tabletop.engine.lookups import seen

    table = make_table(tmp_path)
    state = table.session.state
    [entry] = [e for e in seat_entries(seen(state), table.seats["facilitator"], table.facts()) if e.needs is None][:1]
    sent = {"type": "act", "v": 2, "client_seq": 1, "pick": entry.id}
    first = table.act("facilitator", "c", sent)
    assert first["type"] == "ack"
    seq = table.session.state.seq
    table._answers["facilitator"].clear()  # a restarted host: its answers were in memory only
    again = table.act("facilitator", "c", sent)
    assert again == {**first, "index": state.seq + 1} and table.session.state.seq == seq
    other = table.act("facilitator", "d", {**sent, "client_seq": 2, "pick": f"{state.seq}-000000000000"})
    assert other["code"] == "STALE"
    table.session.close()


def test_a_pick_done_by_one_seat_is_not_answered_as_done_for_another(tmp_path: Path) -> None:
    """Found in review: a team's own move, and the same pick from the facilitator's console a moment later, were
    both answered as done (the console's "taken" for a move it did not make); and a frozen team's screen sending
    again a pick the console had entered for it (noted so) was told it was its own. Done is said to the seat that
    did it."""
    from tabletop.engine import legal_actions
    from tabletop.engine.lookups import seen
    from tabletop.seats.views import seat_entries

    table = make_table(tmp_path, sealed=False)
    session = table.session
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    team = session.state.turn
    seat = f"team:{team}"
    table.connected.add(seat)  # the team's own screen is there

    def plain(seat_id: str) -> str:
        entries = seat_entries(seen(session.state), table.seats[seat_id], table.facts())
        return next(e.id for e in entries if e.needs is None and e.refusal is None and e.action is not None
                    and e.action.kind == "pass")

    pick = plain(seat)
    assert table.act(seat, "t", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})["type"] == "ack"
    console = table.act("facilitator", "f", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})
    assert console["type"] == "refused" and console["code"] == "STALE", console
    # the next team has no screen: the console enters its pass, noted as the facilitator's entry
    other = session.state.turn
    assert other != team and f"team:{other}" not in table.connected
    pick = plain("facilitator")
    done = table.act("facilitator", "f", {"type": "act", "v": 2, "client_seq": 2, "pick": pick})
    assert done["type"] == "ack"
    resent = table.act(f"team:{other}", "o", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})
    assert resent["type"] == "refused" and resent["code"] == "STALE", resent
    again = table.act("facilitator", "g", {"type": "act", "v": 2, "client_seq": 3, "pick": pick})
    assert again == {**done, "client_seq": 3}  # the console's own, sent again: done
    session.close()


def test_every_kind_a_team_may_not_send_has_its_own_sentence() -> None:
    """Each step and power of the facilitator's is refused to a team in a sentence of its own (a kind the engine
    gains is said here too, or a team reads "Only the facilitator can do that.")."""
    from tabletop.engine.actions import FACILITATOR_KINDS, PLAY_KINDS, TEAM_KINDS
    from tabletop.seats.checks import _ONLY

    assert set(_ONLY) == set(PLAY_KINDS + FACILITATOR_KINDS) - TEAM_KINDS
