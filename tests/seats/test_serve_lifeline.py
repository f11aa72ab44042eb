"""A browser tab's ``tabletop join`` ends with the ``tabletop serve`` that started it, even one killed outright.

Found from outside (helper-151): ``serve`` killed with ``kill -9`` left each tab's ``join`` running, orphaned and
still connected to the host: the facilitator's console showed the team "Connected" (never offering to act for
it), and the orphan went on receiving the team's private view. Ctrl+C on ``serve`` and a closed tab were fine.

A real ``serve`` starts a real screen here (a WebSocket opens it, as a browser tab does); the polls below bound how
long a start or an end may take, they measure nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tabletop.cli.lifeline import SERVE_PID
from tabletop.cli.serve import join_command

from .test_serve_page import POLLS, _free_port, _page

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rpartition(")")[2].split()[1]) == pid:
                    out.append(int(entry.name))
    return out


def _running(pid: int) -> bool:
    """Whether ``pid`` is still a running process (a zombie waiting for its new parent to reap it has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] != "Z"


async def _open_a_tab(port: int) -> tuple[object, object]:
    """A WebSocket to the page's /ws, as a browser tab opens: serve starts the tab's screen; returned once the
    screen has drawn something (it is up, past its start)."""
    import aiohttp

    session = aiohttp.ClientSession()
    ws = await session.ws_connect(f"http://127.0.0.1:{port}/ws?width=80&height=24")
    await ws.send_json(["resize", {"width": 80, "height": 24}])
    message = await asyncio.wait_for(ws.receive(), timeout=POLLS / 10)
    assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
    return session, ws


def test_a_served_screen_ends_when_serve_is_killed_outright(tmp_path: Path) -> None:
    port = _free_port()
    with open(tmp_path / "serve.log", "wb") as log:
        serve = subprocess.Popen([sys.executable, "-m", "tabletop", "serve", "127.0.0.1:9", "--listen",
                                  f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        loop = asyncio.new_event_loop()
        tab = None
        try:
            for _ in range(POLLS):
                if _page(f"http://127.0.0.1:{port}/") is not None or serve.poll() is not None:
                    break
                time.sleep(0.1)
            tab = loop.run_until_complete(_open_a_tab(port))
            screens = _children(serve.pid)
            assert len(screens) == 1, (screens, (tmp_path / "serve.log").read_text())
            screen = screens[0]
            assert b"tabletop" in Path(f"/proc/{screen}/cmdline").read_bytes()  # the join itself, not a shell
            os.kill(serve.pid, signal.SIGKILL)
            serve.wait(30)
            for _ in range(POLLS):
                if not _running(screen):
                    break
                time.sleep(0.1)
            assert not _running(screen), "the served screen outlived serve"
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(serve.pid, signal.SIGKILL)  # serve's group: serve, and a screen that outlived it
            serve.wait(30)
            if tab is not None:
                session, ws = tab
                loop.run_until_complete(ws.close())  # type: ignore[attr-defined]
                loop.run_until_complete(session.close())  # type: ignore[attr-defined]
            loop.close()


def test_a_screen_whose_serve_died_before_it_looked_ends_at_once() -> None:
    """The parent-death signal asked for too late never comes: a screen that finds serve gone already ends."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait(30)  # a process id that is no one's parent now
    code = ("import time\nfrom tabletop.cli.lifeline import end_with_parent, served_parent\n"
            "end_with_parent(served_parent())\ntime.sleep(600)\n")
    child = subprocess.run([sys.executable, "-c", code], env={**os.environ, SERVE_PID: str(gone.pid)}, timeout=120)
    assert child.returncode == -signal.SIGTERM


def test_the_command_names_serve_and_gives_way_to_the_screen() -> None:
    said = join_command("127.0.0.1:8765", "uk", 4242)
    assert said.startswith(f"{SERVE_PID}=4242 exec ") and said.endswith("join 127.0.0.1:8765 --lang uk")


def test_a_tabletop_package_in_the_folder_serve_was_started_from_is_not_what_its_screens_run(tmp_path: Path) -> None:
    """Found from outside (helper-306): ``python -m tabletop`` puts the working folder first on the import path, so
    a ``tabletop/`` folder where ``serve`` was started ran in every browser tab in place of the seat's screen. The
    command serve gives each tab, run there as the tab's shell runs it, is this tabletop."""
    from tabletop import __version__

    (tmp_path / "tabletop").mkdir()
    (tmp_path / "tabletop" / "__init__.py").write_text("")
    (tmp_path / "tabletop" / "__main__.py").write_text('print("SHADOW")\n')
    command = join_command("127.0.0.1:8765", None, os.getpid())
    assert command.endswith(" join 127.0.0.1:8765"), command
    version = command.removesuffix(" join 127.0.0.1:8765") + " --version"  # the same tabletop, asked what it is
    said = subprocess.run(version, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert (said.returncode, said.stdout) == (0, f"tabletop {__version__}\n"), said
