"""``tabletop serve``'s page asks nothing of the internet: a workshop room is often offline, and a participant's
browser should contact no one but the facilitator's machine.

Found from outside: the page textual-serve renders linked a stylesheet on fonts.googleapis.com. tabletop serve
now renders textual-serve's own page without it (the text falls back to the browser's monospace font).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
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


@contextlib.contextmanager
def _serving(tmp_path: Path, listen: str) -> Iterator[tuple[int, Path]]:
    """``tabletop serve`` listening on ``listen`` (its port a free one), until its first page is served:
    (the port, the file its output goes to, complete once the block ends)."""
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "tabletop", "serve", "127.0.0.1:9", "--listen",
                                 f"{listen}:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            for _ in range(POLLS):
                if _page(f"http://127.0.0.1:{port}/") is not None or proc.poll() is not None:
                    break
                time.sleep(0.1)
            yield port, log_path
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)


def _page_for(port: int, headers: dict[str, str]) -> str:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers=headers)
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.read().decode("utf-8")


def test_a_page_served_on_every_interface_follows_the_address_the_browser_used(tmp_path: Path) -> None:
    """Found from outside: `serve HOST --listen 0.0.0.0:18001` printed "Teams open http://0.0.0.0:18001/" and
    its page loaded its script and its WebSocket from 0.0.0.0: from another laptop (http://192.0.2.2:18001/)
    the page never loaded. On every interface, the page's addresses are the one the browser used (behind a TLS
    proxy, https and wss), and the command prints addresses another laptop can open."""
    with _serving(tmp_path, "0.0.0.0") as (port, log_path):
        page = _page_for(port, {"Host": f"192.0.2.2:{port}"})
        behind_tls = _page_for(port, {"Host": "tabletop.example.org", "X-Forwarded-Proto": "https"})
        forged = _page_for(port, {"Host": 'x"><script>alert(1)</script>'})
    assert f'src="http://192.0.2.2:{port}/static/js/textual.js"' in page, page
    assert f'data-session-websocket-url="ws://192.0.2.2:{port}/ws"' in page, page
    assert "0.0.0.0" not in page
    assert 'src="https://tabletop.example.org/static/js/textual.js"' in behind_tls, behind_tls
    assert 'data-session-websocket-url="wss://tabletop.example.org/ws"' in behind_tls, behind_tls
    assert "<script>alert" not in forged and "x&#34;" not in forged and "textual.js" in forged
    said = log_path.read_text()
    opened = [line for line in said.splitlines() if "Teams open" in line or "http://" in line]
    assert opened and "0.0.0.0" not in " ".join(opened), said
    urls = re.findall(r"http://([^/\s]+)/", " ".join(opened))
    assert urls or "ip addr" in said, said
    assert all(not host.startswith(("127.", "[::1]")) and host.endswith(f":{port}") for host in urls), urls


def test_a_page_served_on_loopback_names_loopback_whatever_the_browser_says(tmp_path: Path) -> None:
    """Loopback listening is as it was: the page's addresses are the listening address's."""
    with _serving(tmp_path, "127.0.0.1") as (port, log_path):
        page = _page_for(port, {"Host": f"192.0.2.2:{port}", "X-Forwarded-Proto": "https"})
    assert f'src="http://127.0.0.1:{port}/static/js/textual.js"' in page, page
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page, page
    assert f"Teams open http://127.0.0.1:{port}/ in a browser" in log_path.read_text()


def _raw(port: int, request: bytes) -> bytes:
    """What the server answers a request sent as these bytes (no client fills in a Host header)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(request)
        try:
            return s.recv(200)
        except OSError:
            return b""


def test_a_request_the_server_refuses_is_one_line_on_the_terminal_not_a_traceback(tmp_path: Path) -> None:
    """Found from outside: a request without a Host header (a port scanner, an old client) to `serve --listen
    0.0.0.0:PORT` filled the facilitator's terminal with a traceback and its local variables; textual-serve's
    banner and a line per request came with every serve. Now: where to open the page, how to stop, and what went
    wrong in one line each."""
    no_host = (b"GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
               b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
    with _serving(tmp_path, "0.0.0.0") as (port, log_path):
        assert _raw(port, no_host).startswith(b"HTTP/1.0 400")
        assert _raw(port, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.0 200")  # no Host either: the page
        assert _raw(port, b"G\x1b]52;c;aGk=\x07T / HTTP/1.1\r\n\r\n").startswith(b"HTTP/1.0 400")
        said = ""
        for _ in range(POLLS):  # the lines are written as the server handles the requests
            said = log_path.read_text(encoding="utf-8")
            if "Missing 'Host' header" in said:
                break
            time.sleep(0.1)
    lines = said.splitlines()
    assert "tabletop serve: the web server says: Error handling request from 127.0.0.1: 400, message: Missing " \
           "'Host' header in request." in lines, said
    assert "Press Ctrl+C here to stop serving the page." in lines, said
    for absent in ("Traceback", "\u2502", "\u256d", "self =", "Serving", "GET /", "Press Ctrl+C to quit"):
        assert absent not in said, (absent, said)
    assert "\x1b" not in said and "\x07" not in said


def test_a_page_served_on_every_ipv6_interface_is_opened_over_ipv4_too(tmp_path: Path) -> None:
    """Found from outside: `--listen [::]` listened on IPv6 only; the room's IPv4 laptops could not open the page.
    It takes both families, as `tabletop host --listen [::]` does."""
    with _serving(tmp_path, "[::]") as (port, log_path):
        over_ipv4 = _page(f"http://127.0.0.1:{port}/")
        over_ipv6 = _page(f"http://[::1]:{port}/")
    assert over_ipv4 is not None and "textual.js" in over_ipv4, log_path.read_text()
    assert over_ipv6 is not None and "textual.js" in over_ipv6, log_path.read_text()
    said = log_path.read_text()
    assert "Traceback" not in said and "cannot listen" not in said, said


def test_every_ipv6_interface_is_known_however_written() -> None:
    from tabletop.cli.host import everywhere_addresses
    from tabletop.seats.host import every_ipv6

    assert every_ipv6("::") and every_ipv6("[::]") and every_ipv6("0::0") and every_ipv6("0:0:0:0:0:0:0:0")
    assert not every_ipv6("::1") and not every_ipv6("0.0.0.0") and not every_ipv6("fd00::2")
    assert everywhere_addresses("127.0.0.1") == [] and everywhere_addresses("host.example") == []
    assert set(everywhere_addresses("0.0.0.0")) <= set(everywhere_addresses("::"))  # IPv4's are among [::]'s


def test_the_page_follows_the_browser_s_language_and_starts_its_screen_in_it(tmp_path: Path) -> None:
    """Found from outside: `serve` without `--lang` on an English locale gave a Russian participant an English page
    and an English screen (the secret objective too) until they found F4, and "Session ended" in English. The page
    is now in the browser's language (its Accept-Language), offers ours by link, and starts its screen in it."""
    with _serving(tmp_path, "127.0.0.1") as (port, _log):
        russian = _page_for(port, {"Accept-Language": "ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7"})
        ukrainian = _page_for(port, {"Accept-Language": "en;q=0.5, uk-UA, ru;q=0.8"})
        asked = urllib.request.urlopen(urllib.request.Request(  # a link the page offers
            f"http://127.0.0.1:{port}/?lang=uk", headers={"Accept-Language": "ru"}), timeout=5).read().decode()
        german = _page_for(port, {"Accept-Language": "de-DE,de;q=0.9"})
    assert '<html lang="ru">' in russian and "Сеанс завершён" in russian and "Session ended" not in russian, russian
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws/ru"' in russian, russian
    assert '<html lang="uk">' in ukrainian and "/ws/uk\"" in ukrainian and "Сеанс завершено" in ukrainian
    assert '<html lang="uk">' in asked and "/ws/uk\"" in asked
    assert all(f'href="/?lang={code}"' in german for code in ("en", "ru", "uk")), german
    from tabletop.cli.serveroom import _SCREEN_LANG, ServeServer, page_language

    assert page_language(None, "fr, de;q=0.5") is None and page_language(None, "ru;q=0, en") == "en"
    server = ServeServer("join HOST", command_in=lambda code: f"join HOST --lang {code}")
    token = _SCREEN_LANG.set("ru")  # a tab opened from /ws/ru
    try:
        assert server.command == "join HOST --lang ru"
    finally:
        _SCREEN_LANG.reset(token)
    assert server.command == "join HOST"


async def test_the_code_page_offers_our_languages_and_f4_words_it_anew() -> None:
    """The screen that asks for the code (a browser's first) names F4 and our three languages; F4 words it anew at
    once (found from outside: it said only "Join the game at … / Type the code…", in English, with no choice)."""
    from tabletop.lang import using
    from tabletop.tui.seat import SeatApp
    from tabletop.tui.seatdialogs import CodeScreen

    from .screenkit import screen_lines

    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CodeScreen)
        shown = "\n".join(screen_lines(app))
        assert "F4" in shown and "Русский" in shown and "Українська" in shown, shown
        await pilot.press("f4")
        await pilot.pause()
        with using("ru"):
            from tabletop.lang import Domain

            title = Domain("tui").words()[0]("Type the code the facilitator gave your seat, then Enter.")
        assert title in "\n".join(screen_lines(app)), "\n".join(screen_lines(app))


def test_a_port_in_use_is_worded_as_the_host_words_it(capsys) -> None:  # noqa: ANN001 - pytest's fixture
    """One wording for host and serve (found from outside: the two said a port in use differently)."""
    from tabletop.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--listen", f"127.0.0.1:{port}", "127.0.0.1:9"]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in err, err
    assert "choose another port with --listen 127.0.0.1:PORT" in err, err
