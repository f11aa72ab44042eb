"""Helpers for the seats tests: a table in a temp folder, a host on a free loopback port, a game driven through clients."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.engine.legal import lapsing
from tabletop.play.session import Session, with_sealed
from tabletop.seats.client import Refused, SeatClient, connect
from tabletop.seats.host import Host
from tabletop.seats.joincodes import new_codes
from tabletop.seats.table import Table, seats_for
from tabletop.sim.bots import Bot
from tabletop.sim.facilitator import Facilitator


def make_table(tmp_path: Path, ruleset: str = "parallel-tracks", seed: int = 7, sealed: bool = True,
               bots: Mapping[str, str] | None = None, observers: int = 1) -> Table:
    scenario = with_sealed(load_scenario(ruleset, None), sealed)
    session = Session.start(scenario, seed, tmp_path / f"{ruleset}-{seed}.jsonl", dict(bots or {}))
    return Table(session, seats_for(session, observers))


class Sleeps:
    """An injected sleeper: remembers the delays asked for, waits for none."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


class Ticks:
    """An injected clock: each reading one second after the last (no connection ever goes too fast),
    or, with ``step=0``, stopped (a connection's pace is never refilled)."""

    def __init__(self, step: float = 1.0) -> None:
        self.now = 0.0
        self.step = step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


@asynccontextmanager
async def hosting(table: Table, record: bool = False, **kwargs: Any) -> AsyncIterator[tuple[Host, str, dict[str, str]]]:
    """A host for ``table`` on a free loopback port: (host, "127.0.0.1:PORT", codes by seat)."""
    codes = new_codes(table.seats)
    # the host's ticks are not watched for time away (Away) unless a test says on which clock: its own jumps by hand
    host = Host(table, codes, **{"sleeper": Sleeps(), "clock": Ticks(), "awake": None, **kwargs})
    if record:
        host.sent = {}
    addr, port = await host.start("127.0.0.1", 0)
    try:
        yield host, f"{addr}:{port}", codes
    finally:
        await host.stop()


async def join_all(address: str, codes: Mapping[str, str]) -> dict[str, SeatClient]:
    return {seat: await connect(address, code) for seat, code in codes.items()}


async def one_seat_twice(address: str, code: str) -> tuple[SeatClient, SeatClient]:
    """Two screens joined on one code, as two people would: (the older, told it only watches now; the newer)."""
    older = await connect(address, code)
    newer = await connect(address, code)
    while older.replaced is None:
        await older.next_view()
    return older, newer


async def caught_up(client: SeatClient, seq: int) -> dict[str, Any]:
    """The client's view once it shows event ``seq`` (the views come in order)."""
    view = client.view
    while view is None or view["game"]["seq"] < seq:
        view = await client.next_view()
    return view


def latest(client: SeatClient) -> dict[str, Any] | None:
    """The newest view the client has received (the ones before it taken off its queue)."""
    while not client._views.empty():
        view = client._views.get_nowait()
        if view is not None:
            client.view = view
    return client.view


async def any_view(clients: Mapping[str, SeatClient]) -> None:
    """Wait until any of the clients receives a view."""
    waits = {asyncio.ensure_future(c.next_view()): c for c in clients.values()}
    done, pending = await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    for task in done:
        task.result()


async def play_some(clients: Mapping[str, SeatClient], acts: int, seed: int = 1) -> list[tuple[int, dict[str, Any]]]:
    """``acts`` acts, each an entry of whichever seat has one (from the views alone, as a remote screen
    would); the (event index, action) of each one acknowledged."""
    rng = random.Random(seed)
    acked: list[tuple[int, dict[str, Any]]] = []
    for _ in range(acts * 20):
        if len(acked) >= acts:
            break
        ready = [(seat, c, [e for e in (latest(c) or {}).get("decision", {}).get("entries", []) if "refusal" not in e])
                 for seat, c in sorted(clients.items())]
        ready = [(seat, c, entries) for seat, c, entries in ready if entries]
        if not ready:
            await any_view(clients)  # a view on its way (another seat's turn has come)
            continue
        seat, client, entries = ready[rng.randrange(len(ready))]
        entry = entries[rng.randrange(len(entries))]
        try:
            typed = {"text": "typed at the table", "result": 0} if entry.get("needs") in ("argument", "counter") else None
            ack = await client.act(pick=entry["id"], reason="noted" if entry.get("needs") else None, typed=typed)
        except Refused as exc:
            assert exc.code == "STALE", exc  # a view a moment old: look again
            await client.next_view()
            continue
        acked.append((ack["index"], {} if typed else entry.get("action", {})))  # typed: not the entry's stock texts
    return acked


#: what a pick does not carry: a ruling's reason goes with it; an argument's or a counter's texts are
#: typed by the team (here: the bot's own, from the deck's stock) and sent with the pick
_TYPED = ("reason", "text", "reasons", "wanted")


def _entry_for(view: dict[str, Any], action: Action) -> dict[str, Any] | None:
    wanted = {k: v for k, v in action.to_dict().items() if k not in _TYPED}
    typed = action.kind == "move" and action.wanted is not None or action.kind == "counter" and bool(action.text)
    for entry in view["decision"]["entries"]:
        got = {k: v for k, v in entry.get("action", {}).items() if k not in _TYPED}
        if got == wanted and "refusal" not in entry and (entry.get("needs") in ("argument", "counter")) == typed:
            return entry
    return None


def typed_for(entry: dict[str, Any], action: Action) -> dict[str, Any] | None:
    """What a team types into an argument's or a counter's entry to make ``action`` (None: the entry needs nothing)."""
    if entry.get("needs") == "counter":
        return {"text": action.text}
    if entry.get("needs") == "argument":
        result = entry["form"]["wanted"].index(dict(action.wanted or {}))
        return {"text": action.text, "result": result, "reasons": list(action.reasons or ())}
    return None


async def play_through(table: Table, clients: Mapping[str, SeatClient], seed: int = 1,
                       undo_after_sealed: float = 0.0, max_acts: int = 3000, counter: bool = False) -> int:
    """Play the game to its end through the clients, each team's pick as a bot would choose it.

    ``undo_after_sealed``: the chance the facilitator undoes a sealed move just committed;
    ``counter``: every team counters each argument in its own words (:func:`counter_text`), never passes.
    Returns the number of acts sent.
    """
    rng = random.Random(seed)
    white = Facilitator(rng)
    acts = 0
    while not table.session.state.over and acts < max_acts:
        state = table.session.state
        last = state.last
        if last is not None and last.result.get("sealed") and rng.random() < undo_after_sealed:
            fac = clients["facilitator"]
            await caught_up(fac, state.seq)
            await fac.act(Action("undo", reason="taken back to test"))
            acts += 1
            continue
        options = legal_actions(state)
        lapses = lapsing(state)  # a tabled move whose track has closed: the console sets it aside, nobody else acts
        actor = options[0].actor if lapses is None else None
        seat = f"team:{actor}" if actor is not None and f"team:{actor}" in clients else "facilitator"
        client = clients[seat]
        view = await caught_up(client, state.seq)
        if table.hold.held(state) and seat == "facilitator" and actor is not None:
            entry = next(e for e in view["decision"]["entries"] if e["id"].endswith("-release"))
            await client.act(pick=entry["id"])
        else:
            chosen = (Action("lapse", track=lapses.track) if lapses is not None
                      else Bot("cooperative", rng).choose(state, options) if seat != "facilitator"
                      else white.choose(options))
            if counter and chosen.kind == "counter" and seat != "facilitator":
                chosen = Action("counter", actor=chosen.actor, track=chosen.track, text=counter_text(state.seq, actor))
            entry = _entry_for(view, chosen)
            assert entry is not None, (seat, chosen, view["decision"])
            reason = chosen.reason if entry.get("needs") == "reason" else None
            await client.act(pick=entry["id"], reason=reason, typed=typed_for(entry, chosen))
        acts += 1
    return acts


def counter_text(seq: int, actor: str | None) -> str:
    """A counter-argument typed at event ``seq``: its words found nowhere else in the game."""
    return f"Counter {seq} by {actor}: nobody could verify that in time"


def strings(value: Any) -> list[str]:
    """Every string inside a decoded message (keys and values)."""
    out: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return out


def decoded(texts: list[str]) -> list[dict[str, Any]]:
    return [json.loads(t) for t in texts]
