"""A seat's message the host's handler stops on: one line on the host's terminal, the traceback in a crash log.

Found from outside (helper-217): a phase timer the engine could not read ("moves=5min", since read) stopped the
host's handler as the moves phase began, and websockets logged it with the whole Python traceback on the
facilitator's terminal. Here the handler is made to fail on purpose (the host's own code patched in its process).
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from pathlib import Path

from tabletop.seats.client import connect
from tabletop.seats.joincodes import codes_path

ROOT = Path(__file__).resolve().parents[2]

#: the host, its handler of a seat's messages failing on every message after the join
BROKEN_HOST = """
import sys
from tabletop.seats import host
def broken(self, conn, raw):
    raise RuntimeError("a handler's own fault")
host.Host._take = broken
from tabletop.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def test_a_handler_error_is_one_line_and_a_crash_log(tmp_path: Path) -> None:
    save = tmp_path / "game.jsonl"
    address = f"127.0.0.1:{_free_port()}"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BROKEN_HOST, "host", "--headless", "--listen", address, "--save", str(save),
        "--seed", "5", cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        first = (await proc.stdout.readline()).decode()
        assert "serving" in first, first
        codes = json.loads(codes_path(save).read_text())
        client = await connect(address, codes["team:ru"])
        await client.speak("uk")  # any message after the join: the handler fails on it
        said = b""
        for _ in range(100):  # counted, not timed: until the host has said it (each read waits up to 0.2 s)
            try:
                said += await asyncio.wait_for(proc.stderr.read(4096), 0.2)
            except TimeoutError:
                pass
            if b"crash" in said:
                break
        await client.close()
    finally:
        proc.terminate()
        await proc.wait()
    text = said.decode()
    assert "Traceback" not in text, text
    assert "a seat's message stopped on an internal error (RuntimeError: a handler's own fault)" in text, text
    logs = list(tmp_path.glob("tabletop-crash-*.txt"))
    assert len(logs) == 1 and "Traceback" in logs[0].read_text() and str(logs[0]) in text, (logs, text)
