"""``kill -9`` of a host mid-round: ``tabletop host --resume`` goes on from the save, the seats reconnect
with their codes, and no acknowledged action is lost (a torn last line is cut off as ``resume`` does)."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
from pathlib import Path

from tabletop.seats.client import connect
from tabletop.seats.joincodes import codes_path
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .support import latest, play_some

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def _host(*args: str) -> asyncio.subprocess.Process:
    """A host process, once it says it is serving (its first line)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tabletop", "host", "--headless", *args, cwd=ROOT,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert proc.stdout is not None
    first = (await proc.stdout.readline()).decode()
    assert "serving" in first, first + (await proc.stderr.read()).decode()  # type: ignore[union-attr]
    return proc


async def test_kill_9_mid_round_then_resume_loses_no_acknowledged_action(tmp_path: Path) -> None:
    started: list[asyncio.subprocess.Process] = []
    try:
        await _crash_and_resume(tmp_path, started)
    finally:
        for proc in started:  # a failed check leaves no host running
            if proc.returncode is None:
                proc.kill()
                await proc.wait()


async def _crash_and_resume(tmp_path: Path, started: list[asyncio.subprocess.Process]) -> None:
    save = tmp_path / "game.jsonl"
    address = f"127.0.0.1:{_free_port()}"
    proc = await _host("--listen", address, "--save", str(save), "--seed", "5", "--sealed",
                       "--bots", "us=cooperative,eu=hardliner,bridge=cooperative")
    started.append(proc)
    codes = json.loads(codes_path(save).read_text())
    assert codes_path(save).stat().st_mode & 0o077 == 0  # the codes are the facilitator's alone
    clients = {seat: await connect(address, codes[seat]) for seat in ("facilitator", "team:ru", "team:ua")}
    acked = await play_some(clients, 14, seed=2)
    proc.kill()  # kill -9: no goodbye, no flush beyond what each ack already waited for
    await proc.wait()
    with open(save, "ab") as handle:
        handle.write(b'{"seq": 999, "round": 2, "pha')  # a line torn by the crash

    proc = await _host("--resume", str(save), "--listen", address)
    started.append(proc)
    for client in clients.values():
        welcome = await client.reconnect()  # the same codes: kept beside the save
        assert welcome["view"]["game"]["seq"] >= max(i for i, _ in acked)
    saved = open_save(save)
    for index, action in acked:
        if action:  # every acknowledged action is in the save, as it was sent
            kept = saved.events[index - 1].action.without_outcome().to_dict()
            assert {k: v for k, v in kept.items() if k not in ("reason", "lang")} == {k: v for k, v in action.items() if k not in ("reason", "lang")}
    more = await play_some(clients, 4, seed=3)
    assert min(i for i, _ in more) > max(i for i, _ in acked)
    for client in clients.values():
        await client.close()
    proc.terminate()
    assert await proc.wait() == 128 + signal.SIGTERM  # stopped cleanly by the kill, and says so
    told = (await proc.stderr.read()).decode()  # type: ignore[union-attr]
    assert "last line was incomplete" in told  # the torn line, cut off as resume does
    assert verify(save).ok
    assert latest(clients["facilitator"]) is not None
