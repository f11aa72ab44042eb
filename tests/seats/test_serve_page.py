"""``tabletop serve``'s page asks nothing of the internet: a workshop room is often offline, and a participant's
browser should contact no one but the facilitator's machine.

Found from outside: the page textual-serve renders linked a stylesheet on fonts.googleapis.com. tabletop serve
now renders textual-serve's own page without it (the text falls back to the browser's monospace font).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

#: polls of a tenth of a second each: a bound on how long the server may take to start, not a measurement
POLLS = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _page(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_the_served_page_links_to_nothing_but_this_machine(tmp_path: Path) -> None:
    port = _free_port()
    with open(tmp_path / "serve.log", "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "tabletop", "serve", "127.0.0.1:9", "--listen",
                                 f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            page = None
            for _ in range(POLLS):
                page = _page(f"http://127.0.0.1:{port}/")
                if page is not None or proc.poll() is not None:
                    break
                time.sleep(0.1)
            assert page is not None, (tmp_path / "serve.log").read_text()
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
    assert "textual.js" in page  # the page itself, with its own script from this machine
    hosts = set(re.findall(r"(?:https?|wss?)://([^/\"'\s:]+)", page)) - {"www.w3.org"}  # an SVG namespace, not fetched
    assert hosts <= {"127.0.0.1", "localhost"}, hosts


def test_a_port_in_use_is_said_before_any_address_is_announced(capsys) -> None:  # noqa: ANN001 - pytest's fixture
    """Found from outside: on a port in use, serve first printed "Teams open http://127.0.0.1:8932/ in a browser" and
    textual-serve's "Serving ... Press Ctrl+C to quit", and only then "cannot listen": a facilitator may read the
    address out to the room by then."""
    from tabletop.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--listen", f"127.0.0.1:{port}", "127.0.0.1:9"]) == 1
    said = capsys.readouterr()
    assert f"cannot listen on 127.0.0.1:{port}" in said.err
    assert "Teams open" not in said.out and "Serving" not in said.out, said.out


def test_the_page_s_own_words_are_in_the_language_served() -> None:
    """Found from outside: under `serve --lang uk` the page still said "Session ended." and "Restart" in English."""
    from tabletop import lang
    from tabletop.cli.serve import _offline_templates

    for code, ended in (("en", "Session ended: press Restart"), ("uk", "Сеанс завершено"), ("ru", "Сеанс завершён")):
        with lang.using(code), _offline_templates() as folder:
            page = (Path(folder) / "app_index.html").read_text(encoding="utf-8")
        assert ended in page and f'<html lang="{code}">' in page, code
        if code != "en":
            assert "Session ended" not in page and ">Restart<" not in page and ">Start<" not in page, code
