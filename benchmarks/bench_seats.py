"""Seats on the wire: how fast a team's action reaches every screen, and the host's memory.

    python benchmarks/bench_seats.py [--games N]

A real ``tabletop host`` process on a loopback port; headless clients in this
process (asyncio), each recording when each view arrives. Every team is
human; each act is a random entry of the seat whose decision it is (from
the views alone, as a remote screen sees them), so a whole game is played.

1. 8 clients (the facilitator, five teams, the projector, an observer): a
   team's act, from its send to the moment the last of the 8 screens has the
   view that shows it. Target: median <= 100 ms, p95 <= 250 ms.
2. 30 clients (those 8 seats, 9 more observers, and 13 more laptops on the
   teams' codes, which only watch): every act of a whole game. Target: p95 <= 300 ms.
3. The host's peak memory (VmHWM) with the 30 clients. Target: <= 150 MB.

The yardstick, measured in the same run: a bare websockets server that
broadcasts a message of the same size as the average view to the same
clients on each message it gets (no game, no save, no fsync), and its
memory. Figures are printed as milliseconds and as multiples of it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from websockets.asyncio.client import connect as ws_connect

from tabletop.seats.client import Refused, SeatClient
from tabletop.seats.joincodes import codes_path

BARE = r'''
import asyncio, sys
from websockets.asyncio.server import serve, broadcast
clients = set()
async def handler(ws):
    clients.add(ws)
    try:
        async for raw in ws:
            broadcast(clients, sys.argv[2] * int(raw))
    finally:
        clients.discard(ws)
async def main():
    async with serve(handler, "127.0.0.1", int(sys.argv[1]), compression=None, max_size=None):
        print("serving", flush=True)
        await asyncio.Future()
asyncio.run(main())
'''


class TimedClient(SeatClient):
    """A client that notes when each view arrives."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.arrived: dict[int, float] = {}
        self.newest = -1
        self.changed = asyncio.Event()

    def _take_view(self, view: dict[str, Any]) -> None:
        self.arrived.setdefault(view["game"]["seq"], time.perf_counter())
        self.newest = max(self.newest, view["game"]["seq"])
        super()._take_view(view)
        self.changed.set()

    async def reached(self, seq: int) -> None:
        """Wait (without spinning) until a view at ``seq`` or later has come."""
        while self.newest < seq:
            self.changed.clear()
            await self.changed.wait()


async def _any_change(clients: list[TimedClient]) -> None:
    for c in clients:
        c.changed.clear()
    waits = [asyncio.ensure_future(c.changed.wait()) for c in clients]
    await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for w in waits:
        w.cancel()


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _game(address: str, save: Path, extra_observers: int, extra_laptops: int,
                seed: int) -> tuple[list[tuple[str, float]], float]:
    """One whole game; each act's (seat, ms until every client had it), and the host's mean view size."""
    codes = json.loads(codes_path(save).read_text())
    seats = ["facilitator", *sorted(s for s in codes if s.startswith("team:")), "projector", "observer:1"]
    seats += [f"observer:{i}" for i in range(2, 2 + extra_observers)]
    teams = [s for s in seats if s.startswith("team:")]
    watchers = [TimedClient(address, codes[teams[i % len(teams)]]) for i in range(extra_laptops)]
    for w in watchers:  # joined first: the newer connection on each team's code is the one that acts
        await w.connect()
    clients = {s: TimedClient(address, codes[s]) for s in seats}
    for c in clients.values():
        await c.connect()
    everyone = [*clients.values(), *watchers]
    rng = random.Random(seed)
    timings: list[tuple[str, float]] = []
    while not (clients["facilitator"].view or {}).get("game", {}).get("over"):
        ready = [(s, c) for s, c in clients.items()
                 if any("refusal" not in e for e in (c.view or {}).get("decision", {}).get("entries", []))]
        if not ready:
            await _any_change(list(clients.values()))  # a view on its way
            continue
        seat, client = ready[rng.randrange(len(ready))]
        entries = [e for e in client.view["decision"]["entries"] if "refusal" not in e]  # type: ignore[index]
        entry = entries[rng.randrange(len(entries))]
        seen = client.view["game"]["seq"]  # type: ignore[index]
        sent = time.perf_counter()
        try:
            ack = await client.act(pick=entry["id"], reason="benchmark" if entry.get("needs") else None)
        except Refused:
            await client.reached(seen + 1)  # a stale view: a newer one is on its way (or here)
            continue
        index = ack["index"]
        for c in everyone:
            await c.reached(index)
        last = max(min(t for s, t in c.arrived.items() if s >= index) for c in everyone)
        timings.append((seat, (last - sent) * 1000))
    size = len(json.dumps(clients["projector"].view))
    for c in everyone:
        await c.close()
    return timings, size


async def _bare(port: int, clients: int, size: int, rounds: int) -> list[float]:
    """The yardstick: a bare broadcast of ``size`` bytes to ``clients`` screens, per message."""
    conns = [await ws_connect(f"ws://127.0.0.1:{port}", max_size=None, compression=None) for _ in range(clients)]
    out = []
    for _ in range(rounds):
        sent = time.perf_counter()
        await conns[0].send(str(size))
        await asyncio.gather(*(c.recv() for c in conns))
        out.append((time.perf_counter() - sent) * 1000)
    for c in conns:
        await c.close()
    return out


def _fsync_ms(folder: Path, rounds: int = 100) -> float:
    """The second yardstick: one durable append (write + fsync), the floor under any acknowledged act."""
    path = folder / "fsync.probe"
    times = []
    with open(path, "ab", buffering=0) as handle:
        for _ in range(rounds):
            sent = time.perf_counter()
            handle.write(b"x" * 600 + b"\n")
            os.fsync(handle.fileno())
            times.append((time.perf_counter() - sent) * 1000)
    return statistics.median(times)


def _spawn(args: list[str]) -> subprocess.Popen[str]:
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None and "serving" in proc.stdout.readline()
    return proc


def run(clients_extra: tuple[int, int], seed: int) -> tuple[list[tuple[str, float]], float, int]:
    folder = Path(tempfile.mkdtemp())
    save = folder / "bench.jsonl"
    port = _port()
    host = _spawn([sys.executable, "-m", "tabletop", "host", "--headless", "--listen", f"127.0.0.1:{port}",
                   "--save", str(save), "--seed", str(seed), "--sealed", "--observers", "10"])
    try:
        timings, size = asyncio.run(_game(f"127.0.0.1:{port}", save, *clients_extra, seed))
        peak = _peak_mb(host.pid)
    finally:
        host.terminate()
        host.wait()
    return timings, peak, size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--games", type=int, default=3)
    args = parser.parse_args()
    eight: list[float] = []
    thirty: list[float] = []
    peaks = []
    size = 0
    for game in range(args.games):
        timings, _, size = run((0, 0), seed=100 + game)
        eight += [ms for seat, ms in timings if seat.startswith("team:")]
        timings, peak, _ = run((9, 13), seed=200 + game)
        thirty += [ms for _, ms in timings]
        peaks.append(peak)
    port = _port()
    bare = _spawn([sys.executable, "-c", BARE, str(port), "x"])
    try:
        bare8 = asyncio.run(_bare(port, 8, size, 300))
        bare30 = asyncio.run(_bare(port, 30, size, 300))
        bare_peak = _peak_mb(bare.pid)
    finally:
        bare.terminate()
        bare.wait()
    b8, b30 = statistics.median(bare8), statistics.median(bare30)
    fsync = _fsync_ms(Path(tempfile.mkdtemp()))
    print(f"yardsticks: one durable append (write + fsync) {fsync:.2f} ms; bare broadcasts below")
    print(f"view size (projector, end of game): {size} bytes; yardstick: a bare broadcast of that size")
    print(f"8 clients, a team's act to every screen ({len(eight)} acts): median {statistics.median(eight):.1f} ms "
          f"(target <= 100), p95 {_pct(eight, 0.95):.1f} ms (target <= 250); "
          f"bare broadcast median {b8:.2f} ms: {statistics.median(eight) / b8:.1f} x; "
          f"{statistics.median(eight) / fsync:.1f} x one fsync")
    print(f"30 clients, every act of whole games ({len(thirty)} acts): median {statistics.median(thirty):.1f} ms, "
          f"p95 {_pct(thirty, 0.95):.1f} ms (target <= 300); bare broadcast median {b30:.2f} ms: "
          f"{statistics.median(thirty) / b30:.1f} x; {statistics.median(thirty) / fsync:.1f} x one fsync")
    print(f"host peak memory with 30 clients: {max(peaks):.1f} MB (target <= 150); "
          f"bare websockets server {bare_peak:.1f} MB: {max(peaks) / bare_peak:.1f} x")


if __name__ == "__main__":
    main()
