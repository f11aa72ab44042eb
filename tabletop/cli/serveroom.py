"""``tabletop serve``'s web server: textual-serve's, quiet on the facilitator's terminal, and on every interface
(``0.0.0.0``, ``::``) naming the address each browser used.

textual-serve prints a banner naming the command each tab runs, a line per request, and every error with its
traceback and the traceback's local variables (a request without a Host header, from a scanner or an old
client, filled a screen). :class:`ServeServer` prints only what went wrong, one line each, every character
visible (:func:`tabletop.content.literal.one_line`).

An address of every interface is no address another laptop can open: the command names this machine's own
addresses instead (:func:`.host.room_addresses`), and the page names the address each browser used to reach it,
its Host header (:class:`RoomServer`), for its script and its WebSocket. Imported when ``serve`` starts its
server (it imports textual-serve).

Ctrl+C in ``serve``'s terminal asks first (:class:`StopQuestion`), as the host's console does: stopping ends every
browser seat's screen, and each must then press Restart and type its code again (found from outside: one Ctrl+C
dropped every browser team and the projector, with no question).

Stopping ends each tab's screen itself (:func:`end_screens`) and closes its page: textual-serve waits on each tab's
page to close and never on its screen, and serve took some 15 s to stop with a tab open, the screens' ends coming
after its event loop had closed ("Loop … that handles pid N is closed", an "Exception ignored … Event loop is
closed" traceback; found from outside).

A hostile participant on the room's network (found from outside): every WebSocket to ``/ws`` started its own screen
process (some 48 MB) before any code was typed, with no limit; connections sending their request a byte a second
were never closed, and enough of them made the page unreachable; every refused request printed its own line.
Now serve runs at most :data:`MAX_SCREENS` screens at once, :data:`MAX_SCREENS_PER_ADDRESS` from one address
(:class:`Screens`), and refuses the next tab at once, its page saying why (``/full``); a connection that has not
sent its whole request within :data:`REQUEST_DEADLINE` seconds is closed; serve's open-files limit is raised to
the hard limit (:func:`more_open_files`); and the web server's lines are one a kind every :data:`WINDOW` seconds
at most, with a count, as the host says hostile traffic.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from contextvars import ContextVar
from typing import Any, Protocol

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from ..seats.alarm import WINDOW, peer_of
from ..seats.host import every_ipv6
from .host import bracketed
from .servelimits import MAX_SCREENS, MAX_SCREENS_PER_ADDRESS, REQUEST_DEADLINE, VIEWPORT
from .terminal import _err, _out
from ..content.literal import one_line
from ..lang import LANGUAGES, Domain, current, using

_, ngettext, N_ = Domain("cli").words()

#: the longest a server's problem is shown (an error may quote a whole request)
PROBLEM_CHARS = 300

#: the close code of a refused tab's WebSocket: "try again later" (RFC 6455's registry)
TRY_AGAIN_LATER = 1013

#: how long a tab's screen is given to end on SIGTERM (its screen closes as its quit key does) before it is killed
END_GRACE = 3.0

#: the origin the page being rendered names (None: the listening address); set for one request at a time
_ORIGIN: ContextVar[str | None] = ContextVar("tabletop_serve_origin", default=None)

#: the language the screen being started speaks (None: serve's, as its command names it); set for one tab at a time
_SCREEN_LANG: ContextVar[str | None] = ContextVar("tabletop_serve_screen_lang", default=None)

#: a Host header as a browser sends it: a name or an IPv4 address, or an IPv6 one in brackets; maybe a port.
#: Nothing else reaches the page (the header is the browser's to write).
_HOST = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")

def origin(host: str | None, proto: str | None) -> str | None:
    """``http://HOST[:PORT]`` of a request's Host header (``https`` when a TLS proxy in front says
    ``X-Forwarded-Proto: https``); None when the header is missing or is no address."""
    if host is None or not _HOST.fullmatch(host):
        return None
    scheme = "https" if (proto or "").split(",")[0].strip().lower() == "https" else "http"
    return f"{scheme}://{host}"


def page_language(query: str | None, accept: str | None) -> str | None:
    """The language a page is asked in: ``?lang=`` (a link the page offers), else the first of ours the browser's
    ``Accept-Language`` names, by its weights (``uk-UA,uk;q=0.9,ru;q=0.8`` is Ukrainian); None: neither names one of
    ours (the page is then in serve's language, and its screen reads what a ``join`` naming none reads)."""
    if query in LANGUAGES:
        return query
    ranked: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        tag, _sep, params = part.strip().partition(";")
        code = tag.strip().lower().split("-")[0]
        weight = 1.0
        for param in params.split(";"):
            name, _eq, value = param.strip().partition("=")
            if name.strip().lower() == "q":  # untranslated: an HTTP parameter
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if code in LANGUAGES and weight > 0:
            ranked.append((-weight, i, code))
    return min(ranked)[2] if ranked else None


def page_template(name: str, lang: str | None) -> str:
    """The template a page in ``lang`` is rendered from (``app_index.ru.html``; None: ``name``, serve's language)."""
    if lang is None:
        return name
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}.{lang}.{suffix}" if dot else name


@dataclass
class _Kind:
    """One kind of the web server's lines: when one was last said, how many and the newest held back since."""

    said_at: float
    held: int = 0
    newest: str = ""


class _OneLine(logging.Handler):
    """Each warning or error of the web server as one line on the facilitator's terminal: no traceback (nor
    its local variables), every character visible, at most :data:`PROBLEM_CHARS` of it.

    One line a kind (the message's form and its error's type, whatever address it names) every :data:`WINDOW`
    seconds at most: the first at once, those after it counted and said with the newest once the window is over
    (:meth:`flush`, called each second while serving). Found from outside: a flood of bad requests printed a line
    each, and a full descriptor table one a second. ``say`` prints a line; the clock is injected."""

    def __init__(self, level: int = logging.WARNING, *, say: Callable[[str], None] = _err,
                 clock: Callable[[], float] = time.monotonic, window: float = WINDOW) -> None:
        super().__init__(level)
        self._say = say
        self._clock = clock
        self._window = window
        self._kinds: dict[tuple[str, str], _Kind] = {}

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
            error = record.exc_info[1] if record.exc_info else None
            if error is not None:
                detail = str(error) or type(error).__name__
                text = detail if not text or text == detail else f"{text}: {detail}"  # untranslated: joins two
            text = one_line(text)
            if len(text) > PROBLEM_CHARS:
                text = text[: PROBLEM_CHARS - 1] + "\u2026"
            kind = (str(record.msg), type(error).__name__ if error is not None else "")
            now = self._clock()
            known = self._kinds.get(kind)
            if known is not None and now - known.said_at < self._window:
                known.held += 1
                known.newest = text
                return
            self._kinds[kind] = _Kind(said_at=now)
            self._say(_("tabletop serve: the web server says: {problem}").format(problem=text))
        except Exception:  # noqa: BLE001 - a line that cannot be shown must not stop the server
            pass

    def flush(self) -> None:
        """Say each kind held back whose window is over: how many, and the newest."""
        now = self._clock()
        for kind in self._kinds.values():
            if kind.held and now - kind.said_at >= self._window:
                with contextlib.suppress(Exception):  # (as a line in emit)
                    self._say(ngettext(
                        "tabletop serve: the web server says, {count} more time in the last {seconds} s: {problem}",
                        "tabletop serve: the web server says, {count} more times in the last {seconds} s: {problem}",
                        kind.held).format(count=kind.held, seconds=round(self._window), problem=kind.newest))
                kind.said_at, kind.held, kind.newest = now, 0, ""


class Screens:
    """The browser tabs whose screens run now, by the address each came from: a new one is let in while the room
    runs fewer than ``most`` and its address fewer than ``most_per_address``."""

    def __init__(self, most: int = MAX_SCREENS, most_per_address: int = MAX_SCREENS_PER_ADDRESS) -> None:
        self.most = most
        self.most_per_address = most_per_address
        self._running: Counter[str] = Counter()

    def admit(self, peer: str) -> str | None:
        """Let a tab from ``peer`` in (None), or say which cap it meets: ``"room"`` or ``"address"``."""
        if self._running.total() >= self.most:
            return "room"  # untranslated: an id, worded in :func:`full_page`
        if self._running[peer] >= self.most_per_address:
            return "address"  # untranslated: an id
        self._running[peer] += 1
        return None

    def leave(self, peer: str) -> None:
        """A tab from ``peer`` let in has ended: its place is free."""
        self._running[peer] -= 1
        if self._running[peer] <= 0:
            del self._running[peer]


def full_page(why: str, count: int, lang: str | None) -> str:
    """The page a refused tab goes to: all the room's screens in use (``why`` ``"room"``), or all its address's
    (``"address"``), ``count`` of them; in ``lang`` (None: serve's), with a link back to the page in it."""
    from html import escape

    with using(lang if lang in LANGUAGES else current()):
        if why == "address":
            said = ngettext("This address already has {count} screen open, as many as serve runs for one address.",
                            "This address already has {count} screens open, as many as serve runs for one address.",
                            count)
        else:
            said = ngettext("All {count} of this room's screens are in use.",
                            "All {count} of this room's screens are in use.", count)
        advice = _("Close a tab nobody needs, or ask the facilitator; then try again.")
        again = _("Try again")
        code = current()
    link = f"/?lang={code}"  # untranslated: a route
    return ("<!DOCTYPE html>\n"  # untranslated: markup, from here on
            f'<html lang="{escape(code)}"><head><meta charset="utf-8">'
            f"{VIEWPORT}<title>tabletop</title></head>"
            '<body style="background: #0c181f; color: rgba(255, 255, 255, 0.95); font-family: menlo, monospace; '
            'text-align: center; padding: 64px 16px">'
            f"<p>{escape(said.format(count=count))}</p><p>{escape(advice)}</p>"
            f'<p><a href="{escape(link)}" style="color: inherit">{escape(again)}</a></p></body></html>\n')


def more_open_files() -> None:
    """Raise this process's soft limit on open files to its hard limit (found from outside: 260 slow connections
    under ``ulimit -n 256`` made the page unreachable). Nothing where there are no such limits."""
    try:
        import resource
    except ImportError:  # (Windows)
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == hard:
        return
    with contextlib.suppress(ValueError, OSError):  # (macOS refuses an unlimited soft limit: the soft one stays)
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class StopQuestion:
    """Ctrl+C in ``serve``'s terminal: asks whether to stop serving, since that ends every browser seat's screen.

    A second Ctrl+C, or ``y`` and Enter, stops (``stop``), saying the page is closed; ``n``, Enter alone or anything
    else keeps serving (a «н», ``y`` typed on a Russian keyboard, is not yes, as in the console's question). ``say``
    prints a line."""

    def __init__(self, say: Callable[[str], None], stop: Callable[[], None]):
        self._say = say
        self._stop = stop
        #: a question is waiting for its answer
        self.asking = False
        #: the answer was to stop: nothing more is asked or answered (found from outside: a Ctrl-C while serve
        #: stopped asked again, and its y stopped serve a second time in the middle of stopping, exit 1)
        self.stopped = False

    def interrupt(self) -> None:
        """Ctrl+C: ask; asked already, stop."""
        if self.stopped:
            return
        if self.asking:
            self.asking = False
            self._stopped()
            return
        self.asking = True
        self._say(_("Stop serving the page? Every browser seat's screen ends (the projector's too): each must "
                    "press Restart and type its code again; the game goes on in tabletop host. "
                    "y and Enter, or Ctrl-C again, stops; n or Enter alone keeps serving. [y/N]"))

    def answer(self, line: str) -> None:
        """A line typed in the terminal: the answer, when a question waits for one (else it is nobody's)."""
        if not self.asking or self.stopped:
            return
        self.asking = False
        if line.strip().lower() in ("y", "yes"):  # untranslated: the keys the question names
            self._stopped()
        else:
            self._say(_("Still serving the page."))

    def _stopped(self) -> None:
        """Stop, said first (found from outside: after ``y`` serve ended with no word that the page was closed)."""
        self.stopped = True
        self._say(_("The page is closed."))
        self._stop()


class ServeServer(Server):
    """textual-serve's server, quiet: no banner, no line per request, a problem in one line. ``interrupted``: Ctrl+C
    stopped it (its command then exits 130, as every command does after Ctrl+C), once the facilitator said so when
    there is a terminal to ask in (:class:`StopQuestion`)."""

    interrupted = False

    def __init__(self, *args: Any, command_in: Callable[[str], str] | None = None, lang: str | None = None,
                 max_screens: int = MAX_SCREENS, max_screens_per_address: int = MAX_SCREENS_PER_ADDRESS,
                 request_deadline: float = REQUEST_DEADLINE, **kwargs: Any) -> None:
        """``command_in``: the command a tab whose page is in a language runs (its screen starts in it); None: every
        tab runs the one command. ``lang``: serve's own (``--lang``), the page's where the browser names none.
        ``max_screens``, ``max_screens_per_address``: the screens run at once (:class:`Screens`);
        ``request_deadline``: the seconds a connection has to send its whole request."""
        super().__init__(*args, **kwargs)
        #: each open tab's screen and its page, while the tab is open
        self._tabs: dict[AppService, web.WebSocketResponse] = {}
        self._stopping = False
        self._command_in = command_in
        self._lang = lang
        self._screens = Screens(max_screens, max_screens_per_address)
        self._request_deadline = request_deadline
        #: the web server's lines on the terminal, once logging is set up
        self._lines: _OneLine | None = None

    def web_options(self) -> dict[str, Any]:
        """What aiohttp's runner is given: a connection idle, or still sending its request, for
        ``request_deadline`` seconds is closed (aiohttp's keep-alive timer starts as a connection opens, and a
        request begun but not whole by then ends it: found from outside, slow requests held forever)."""
        return {"keepalive_timeout": self._request_deadline}  # untranslated: aiohttp's option

    @property  # type: ignore[override]
    def command(self) -> str:
        """The command the tab being started runs: in its page's language (:data:`_SCREEN_LANG`), else serve's."""
        lang = _SCREEN_LANG.get()
        return self._command_in(lang) if lang is not None and self._command_in is not None else self._command

    @command.setter
    def command(self, value: str) -> None:
        self._command = value

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        if self._command_in is not None:  # a page in one of our languages names its screen's: /ws/ru
            app.router.add_get("/ws/{lang}", self.handle_websocket)  # untranslated: a route
        app.router.add_get("/full", self.handle_full)  # untranslated: a route
        return app

    async def handle_full(self, request: web.Request) -> web.Response:
        """Where a refused tab's page goes: why it has no screen, in its language (:func:`full_page`)."""
        why = "address" if request.query.get("why") == "address" else "room"  # untranslated: ids
        count = self._screens.most_per_address if why == "address" else self._screens.most
        lang = request.query.get("lang")
        return web.Response(status=503, text=full_page(why, count, lang if lang in LANGUAGES else self._lang),
                            content_type="text/html", headers={"Retry-After": "30"})  # untranslated: HTTP

    async def handle_index(self, request: web.Request) -> Any:
        """The page in the browser's language (:func:`page_language`), else serve's (``--lang``), else as served."""
        import aiohttp_jinja2

        lang = page_language(request.query.get("lang"), request.headers.get("Accept-Language"))  # untranslated
        if lang is None and self._lang in LANGUAGES:
            lang = self._lang
        if self._command_in is None:
            lang = None  # (a server whose tabs run one command: its one page)
        context = await Server.handle_index.__wrapped__(self, request)  # type: ignore[attr-defined]
        return aiohttp_jinja2.render_template(page_template("app_index.html", lang), request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab's screen, started while the room and the tab's address run fewer than their caps; else refused at
        once, no screen started: the tab's page goes to ``/full``, which says so in its language."""
        lang = request.match_info.get("lang")
        lang = lang if lang in LANGUAGES else None
        if not web.WebSocketResponse().can_prepare(request).ok:  # no WebSocket asked for (a scanner): no screen
            raise web.HTTPBadRequest()
        peer = peer_of((request.remote,))
        full = self._screens.admit(peer)
        if full is not None:
            return await self._refused(request, full, lang)
        token = _SCREEN_LANG.set(lang)
        try:
            return await super().handle_websocket(request)
        finally:
            _SCREEN_LANG.reset(token)
            self._screens.leave(peer)

    async def _refused(self, request: web.Request, why: str, lang: str | None) -> web.WebSocketResponse:
        """A tab past a cap: its page is sent to ``/full`` (textual-serve's page opens a URL it is sent) and its
        WebSocket closed, "try again later"; serve's terminal says it, one line a kind each :data:`WINDOW` s."""
        from urllib.parse import urlencode

        page = web.WebSocketResponse()
        await page.prepare(request)
        where = "/full?" + urlencode({"why": why, **({"lang": lang} if lang else {})})  # untranslated: a route
        await page.send_str(json.dumps(["open_url", {"url": where, "new_tab": False}]))  # untranslated: wire
        await page.close(code=TRY_AGAIN_LATER, message=b"SCREENS_FULL")  # untranslated: a wire code
        logging.getLogger("tabletop.serve").warning(  # untranslated: the logger's name
            _("a tab from %s was refused a screen: %s"), request.remote,
            _("all the room's screens are in use") if why == "room" else _("its address has all its screens open"))
        return page

    def initialize_logging(self) -> None:
        self._lines = _OneLine(logging.WARNING)
        logging.basicConfig(level=logging.WARNING, handlers=[self._lines], force=True)

    def serve(self, debug: bool = False) -> None:
        """textual-serve's ``serve``, with :meth:`web_options` and the open-files limit raised first."""
        if every_ipv6(self.host):  # every interface, IPv4 too, as tabletop host's [::] (aiohttp's "::" is IPv6 only)
            self.host = ["::", "0.0.0.0"]  # type: ignore[assignment]  # aiohttp's run_app takes several hosts
        sys.unraisablehook = quiet_unraisable  # serve's to the end: what is collected at exit is said in a line
        more_open_files()
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        if os.name == "posix":  # (Windows' event loop takes no signal handler: Ctrl-C there is Python's own)
            # serve's terminal closed (found from outside: tmux kill-session) stops serving as SIGTERM does: left to
            # the default, the hang-up killed serve outright and its page templates stayed in the temp folder
            for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(stop, self.request_exit)
        try:
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                        print=lambda *args: None, **self.web_options())
        except KeyboardInterrupt:  # a Ctrl-C as the loop closed, with serving stopped as asked: nothing more to do
            if not self._stopping:
                raise
        if self._stopping:  # what is left is tidying up: a Ctrl-C typed meanwhile was answered by the stop already
            signal.signal(signal.SIGINT, signal.SIG_IGN)

    def request_exit(self) -> None:
        """Stop serving, once: a second stop signal while stopping raised textual-serve's exit in the middle of
        its stopping (exit 1)."""
        if self._stopping:
            return
        self._stopping = True
        super().request_exit()

    async def _process_messages(self, websocket: web.WebSocketResponse, app_service: AppService) -> None:
        # (textual-serve's loop over one tab's messages, which has both its page and its screen: kept while open)
        self._tabs[app_service] = websocket
        try:
            await super()._process_messages(websocket, app_service)
        finally:
            self._tabs.pop(app_service, None)

    async def on_shutdown(self, app: web.Application) -> None:
        """Each open tab's screen ended (:func:`end_screens`) and its page closed (it says the session ended), before
        aiohttp waits on the pages: textual-serve's own stop waited for each page to close (some 15 s)."""
        tabs = list(self._tabs.items())
        screens = [process for service, _page in tabs if (process := getattr(service, "_process", None)) is not None]
        await end_screens(screens)
        for _service, page in tabs:
            await page.close()

    async def on_startup(self, app: web.Application) -> None:
        """No banner: textual-serve's names the command each tab runs, and on every interface an address no laptop
        opens (``tabletop serve`` has said where teams open the page before the server starts).

        Ctrl+C is told from a stop signal: textual-serve ends quietly on both (found from outside: exit 0 after
        Ctrl+C, where every other command exits 130). With a terminal to answer in, Ctrl+C asks first; without
        one (a supervisor's SIGINT, stdin not a terminal) it stops at once, as before."""
        loop = asyncio.get_running_loop()
        lines = self._lines
        if lines is not None:  # what the web server held back is said once its window is over

            def flush() -> None:
                lines.flush()
                loop.call_later(1, flush)

            loop.call_later(1, flush)
        if os.name != "posix":  # (Windows' event loop takes no signal handler: there, Ctrl+C ends as textual-serve's)
            return
        if not _answerable():
            loop.add_signal_handler(signal.SIGINT, self._interrupt)
            return
        question = StopQuestion(_out, self._interrupt)
        loop.add_signal_handler(signal.SIGINT, question.interrupt)
        typed = sys.stdin.fileno()

        def read() -> None:
            try:
                data = os.read(typed, 4096)
            except OSError:
                data = b""
            if not data:  # the terminal closed (Ctrl-D): no more answers; a second Ctrl+C still stops
                loop.remove_reader(typed)
                return
            for line in data.decode("utf-8", "replace").splitlines() or [""]:
                question.answer(line)

        loop.add_reader(typed, read)

    def _interrupt(self) -> None:
        if self._stopping:  # stopping already (a stop signal): it ends as that one said
            return
        self.interrupted = True
        self.request_exit()


class Ending(Protocol):
    """A process being ended (asyncio's ``Process``)."""

    returncode: int | None

    def terminate(self) -> None: ...

    def kill(self) -> None: ...

    async def wait(self) -> int: ...


async def end_screens(screens: Iterable[Ending], grace: float = END_GRACE) -> None:
    """End each screen still running: SIGTERM (the screen closes as its quit key does), then, for any still running
    ``grace`` seconds later, SIGKILL; returns once every one has ended and been waited for, so that none ends after
    the event loop has closed."""
    running = [screen for screen in screens if screen.returncode is None]
    for screen in running:
        with contextlib.suppress(ProcessLookupError):  # ended meanwhile
            screen.terminate()
    waiting = [asyncio.ensure_future(screen.wait()) for screen in running]
    if not waiting:
        return
    _done, late = await asyncio.wait(waiting, timeout=grace)
    for screen, waited in zip(running, waiting):
        if waited in late:
            with contextlib.suppress(ProcessLookupError):
                screen.kill()
    await asyncio.gather(*waiting, return_exceptions=True)


def quiet_unraisable(unraisable: Any) -> None:
    """``sys.unraisablehook`` while serving: an error raised where nothing could take it (an object's ``__del__``)
    is one line on the terminal, not a traceback; asyncio's "Event loop is closed", from a tab's pipe collected after
    serving stopped, is nothing at all (serving stopped as asked)."""
    error = unraisable.exc_value
    if isinstance(error, RuntimeError) and str(error) == "Event loop is closed":  # untranslated: asyncio's words
        return
    try:
        text = one_line(f"{type(error).__name__}: {error}")  # untranslated: joins two
        _err(_("tabletop serve: the web server says: {problem}").format(problem=text[:PROBLEM_CHARS]))
    except Exception:  # noqa: BLE001 - at exit, with nothing left to say it on
        pass


def _answerable() -> bool:
    """Whether a question can be answered here: stdin is a terminal."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):  # a closed stdin
        return False


class RoomServer(ServeServer):
    """textual-serve's server whose page names the address each browser used, not the one it listens on.

    textual-serve names one ``public_url`` in every page; here it is the request's own origin while its page
    is rendered (a context variable: each request's, never another's), and the listening address otherwise."""

    @property  # type: ignore[override]
    def public_url(self) -> str:
        return _ORIGIN.get() or self._listening_url

    @public_url.setter
    def public_url(self, value: str) -> None:
        self._listening_url = value

    async def handle_index(self, request: web.Request) -> Any:
        headers = request.headers
        found = origin(headers.get("Host"), headers.get("X-Forwarded-Proto"))  # untranslated: HTTP headers
        if found is None:  # no Host header (HTTP/1.0): the address the connection came in on
            where = request.transport.get_extra_info("sockname") if request.transport else None
            found = f"http://{bracketed(str(where[0]))}:{where[1]}" if where else None
        token = _ORIGIN.set(found)
        try:
            return await super().handle_index(request)
        finally:
            _ORIGIN.reset(token)


__all__ = ["RoomServer", "Screens", "ServeServer",
           "StopQuestion", "end_screens", "full_page", "more_open_files", "origin", "quiet_unraisable"]
