"""``tabletop serve ADDR:PORT``: the join screen in a browser (textual-serve), for teams on laptops.

Each browser tab runs its own ``tabletop join ADDR:PORT`` (without a code:
the screen asks for it), so a team joins by opening the page and typing its
code. The web page listens on loopback unless ``--listen`` says otherwise.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .arguments import _positive
from .join import address
from .lifeline import SERVE_PID
from .servelimits import MAX_SCREENS, MAX_SCREENS_PER_ADDRESS, VIEWPORT
from .terminal import _err, _out, listen_refused
from ..lang import LANGUAGES, NAMES, Domain, current, named_language

_, ngettext, N_ = Domain("cli").words()

DEFAULT_LISTEN = "127.0.0.1:8000"
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def add_commands(sub: Any) -> None:
    p = sub.add_parser("serve", help=_("offer the join screen in a browser: teams type their code there"))
    p.add_argument("address", metavar="ADDR:PORT", type=address, help=_("where `tabletop host` listens"))
    p.add_argument("--listen", metavar="ADDR:PORT", type=address, default=DEFAULT_LISTEN,
                   help=_("where the web page listens (default {listen}: this machine only)").format(listen=DEFAULT_LISTEN))
    p.add_argument("--max-screens", metavar="N", type=_positive, default=MAX_SCREENS,
                   help=_("browser screens run at once, each some 50 MB; a tab past them is told they are all in use "
                          "(default {count})").format(count=MAX_SCREENS))
    p.add_argument("--max-screens-per-address", metavar="N", type=_positive, default=MAX_SCREENS_PER_ADDRESS,
                   help=_("browser screens run at once for one address (a laptop; behind a proxy, every browser "
                          "has the proxy's) (default {count})").format(count=MAX_SCREENS_PER_ADDRESS))
    p.set_defaults(func=cmd_serve)


def join_command(host_address: str, lang: str | None = None, parent: int | None = None) -> str:
    """The shell command each browser tab runs: this Python's ``tabletop join``, quoted, in ``serve``'s language
    where one was named (``--lang``, ``TABLETOP_LANG``, a locale of ours: :func:`~tabletop.lang.named_language`);
    None, the host's, as a ``join`` that names none reads (found in review: ``serve --lang en`` passed nothing,
    and its tabs read the host's Ukrainian inside an English page).

    ``parent``: the ``serve`` process, named to the screen, which then ends when ``serve`` dies, even killed
    outright (:mod:`.lifeline`); ``exec``: the shell textual-serve starts the screen through gives way to it, so
    that ``serve`` is its parent (a POSIX shell's)."""
    import shlex  # only a served game needs it, not every start of the command line

    # -P: not the working folder first on the import path, which ``-m`` puts there: a ``tabletop/`` folder where
    # serve was started would run in every tab (found from outside); the child imports this tabletop, as installed
    words = [sys.executable, "-P", "-m", "tabletop", "join", host_address]
    if lang is not None:
        words += ["--lang", lang]
    command = " ".join(shlex.quote(w) for w in words)
    if parent is None or os.name != "posix":  # (Windows' shell has neither: a killed serve's screens stay there)
        return command
    return f"{SERVE_PID}={parent} exec {command}"  # untranslated: a shell command


@contextlib.contextmanager
def _offline_templates() -> Iterator[str]:
    """textual-serve's own page templates, without the stylesheet they link on fonts.googleapis.com: a workshop
    room is often offline, and a participant's browser contacts no one but this machine (the text falls back
    to the browser's monospace font). In a temporary folder, removed when serving stops.

    Each page once in the language served (``app_index.html``: a browser that names none of ours), and once in each
    of ours (``app_index.ru.html``, :func:`~.serveroom.page_template`), whose screen is started in that language
    (its WebSocket's path names it: ``/ws/ru``). Found from outside: a Russian participant's page, served without
    ``--lang`` on an English locale, was English until they found F4, their secret objective included."""
    import tempfile

    import textual_serve

    from ..lang import using

    source = Path(textual_serve.__file__).parent / "templates"
    with tempfile.TemporaryDirectory(prefix="tabletop-serve-") as folder:
        for page in source.glob("*.html"):
            text = for_phones(_EXTERNAL_STYLESHEET.sub("", page.read_text(encoding="utf-8")))
            (Path(folder) / page.name).write_text(_worded(text), encoding="utf-8")
            for code in LANGUAGES:
                with using(code):
                    worded = _worded(text).replace(_SOCKET, _SOCKET[:-1] + f'/{code}"')  # untranslated: markup
                (Path(folder) / f"{page.stem}.{code}{page.suffix}").write_text(worded, encoding="utf-8")
        yield folder


#: what a phone needs of the page (found from outside, a class joining from phones), besides its own width
#: (:data:`~.servelimits.VIEWPORT`): a font that gives a phone turned sideways a seat's 60x16 (its seat's MIN_SIZE),
#: 16 px where that fits (textual-serve's own) and never under 10 px; and a vertical swipe that scrolls what the finger
#: first touched as a mouse wheel does (xterm.js sends a wheel to the screen in the terminal's mouse mode, and a touch
#: nothing). A page asked with ``?fontsize=N`` keeps N.
# untranslated: the page's script
_PHONE_SCRIPT = """<script>
      (function () {
        var terminal = document.getElementById("terminal");
        if (!terminal) return;
        if (!new URLSearchParams(window.location.search).has("fontsize")) {
          var wide = Math.max(screen.width, screen.height), high = Math.min(screen.width, screen.height);
          var size = Math.floor(Math.min(16, (wide - 24) / 62 / 0.6, (high - 80) / 17 / 1.2));
          terminal.dataset.fontSize = String(Math.max(10, size));
        }
        var lastY = null, moved = 0, startX = 0, startY = 0;
        document.addEventListener("touchstart", function (e) {
          lastY = e.touches.length === 1 ? e.touches[0].clientY : null;
          moved = 0;
          if (lastY !== null) { startX = e.touches[0].clientX; startY = lastY; }
        }, {passive: true});
        document.addEventListener("touchmove", function (e) {
          if (lastY === null || e.touches.length !== 1 || !terminal.contains(e.target)) return;
          e.preventDefault();
          var touch = e.touches[0], row = parseFloat(terminal.dataset.fontSize || "16") * 1.2;
          moved += lastY - touch.clientY;
          lastY = touch.clientY;
          while (Math.abs(moved) >= row) {
            var down = moved > 0;
            moved -= down ? row : -row;
            e.target.dispatchEvent(new WheelEvent("wheel", {deltaY: down ? 1 : -1, deltaMode: 1,
              clientX: startX, clientY: startY, bubbles: true, cancelable: true}));
          }
        }, {passive: false});
        document.addEventListener("touchend", function () { lastY = null; }, {passive: true});
      })();
    </script>"""


def for_phones(text: str) -> str:
    """A page template that a phone reads at its own width, sized and scrolled by touch (:data:`_PHONE_SCRIPT`)."""
    return text.replace("<head>", f"<head>\n    {VIEWPORT}", 1).replace(  # untranslated: markup
        "</body>", f"  {_PHONE_SCRIPT}\n  </body>", 1)  # untranslated: markup


#: where textual-serve's page names its screen's WebSocket
_SOCKET = 'data-session-websocket-url="{{ app_websocket_url }}"'  # untranslated: markup


def _worded(text: str) -> str:
    """A page template with its own words in the language spoken now (:func:`_page_words`)."""
    for english, said in _page_words():
        text = text.replace(english, said)
    return text


def _page_words() -> list[tuple[str, str]]:
    """The page's own words around the screen (its start button, the end of a session), in the language served;
    after a session ended, a link to each of our languages (the page and the screen a Restart starts in it)."""
    from html import escape

    start, ended = escape(_("Start")), escape(_("Session ended: press Restart and type your code again."))
    restart = escape(_("Restart"))
    link = '<a href="/?lang={code}" style="color: inherit">{name}</a>'  # untranslated: markup
    links = " \u00b7 ".join(link.format(code=code, name=escape(NAMES[code])) for code in LANGUAGES)
    return [
        ("<html>", f'<html lang="{escape(current())}">'),  # untranslated: markup
        ('id="start">Start</button>', f'id="start">{start}</button>'),  # untranslated: markup
        ('<div class="message">Session ended.</div>',
         f'<div class="message">{ended}<p>{links}</p></div>'),  # untranslated: markup
        ('onClick="refresh()">Restart</button>', f'onClick="refresh()">{restart}</button>'),  # untranslated: markup
    ]


#: a <link> to a stylesheet on another machine (textual-serve's page links its font on Google's)
_EXTERNAL_STYLESHEET = re.compile(r"<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*/?>", re.IGNORECASE)


def _can_listen(host: str, port: int) -> None:
    """Raise OSError if ``host:port`` cannot be listened on now (in use, not this machine's address)."""
    for family, kind, proto, _name, where in socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                               flags=socket.AI_PASSIVE):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a closed port is free
            probe.bind(where)


def everywhere(host: str) -> bool:
    """Whether ``host`` is the address of every interface (``0.0.0.0``, ``::``)."""
    import ipaddress

    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _say_room_addresses(host: str, port: int) -> None:
    """The page's addresses on the room's network: this machine's own (none found: how to find one)."""
    from .host import everywhere_addresses

    found = everywhere_addresses(host.strip("[]"))
    if len(found) == 1:
        _out(_("Teams open {url} in a browser and type their code.").format(url=f"http://{found[0]}:{port}/"))
        return
    if not found:
        _out(_("Teams open http://ADDRESS:{port}/ in a browser and type their code, ADDRESS being this "
               "machine's address on the room's network: `ip addr` (Linux), `ifconfig` (macOS) or `ipconfig` "
               "(Windows) shows it.").format(port=port))
        return
    _out(_("Teams open one of these addresses in a browser (the one on the room's network) and type their "
           "code:"))
    for where in found:
        _out(f"  http://{where}:{port}/")  # untranslated: an address


def cmd_serve(args: argparse.Namespace) -> int:
    from .serveroom import RoomServer, ServeServer

    host, _sep, port = args.listen.rpartition(":")
    try:
        _can_listen(host.strip("[]"), int(port))  # before any address is announced to the room
    except OSError as exc:
        _err(listen_refused("tabletop serve", host.strip("[]"), int(port), exc))  # untranslated: the command
        return 1
    if host not in _LOOPBACK:
        _err(_("tabletop serve: listening on {address}: the page and every key typed in it travel unencrypted; "
               "put it behind a TLS proxy (https) on a network you do not trust").format(address=host))
    if everywhere(host):  # no address a laptop opens: this machine's are, and the page names the browser's
        _say_room_addresses(host, int(port))
        server: type[ServeServer] = RoomServer
    else:
        _out(_("Teams open {url} in a browser and type their code.").format(url=f"http://{args.listen}/"))
        server = ServeServer
    _out(_("Press Ctrl+C here to stop serving the page."))
    try:
        with _offline_templates() as templates:
            # an IPv6 address in brackets: textual-serve writes the page's URLs as http://HOST:PORT
            public = f"http://{host}:{port}" if int(port) not in (80, 443) else None
            named = named_language(getattr(args, "lang", None))  # checked as the command started: no error here
            # a page in a browser's language starts its screen in it (:func:`~.serveroom.page_language`)
            serving = server(join_command(args.address, named, os.getpid()), host=host.strip("[]"),
                             port=int(port), title="tabletop", public_url=public, templates_path=templates,
                             command_in=lambda code: join_command(args.address, code, os.getpid()), lang=named,
                             max_screens=args.max_screens, max_screens_per_address=args.max_screens_per_address)
            serving.serve()
    except OSError as exc:
        _err(listen_refused("tabletop serve", host.strip("[]"), int(port), exc))  # untranslated: the command
        return 1
    return 130 if serving.interrupted else 0  # Ctrl+C: as every command's (128 + SIGINT)
