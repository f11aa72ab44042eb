"""The host on the wire: a WebSocket server that carries each seat's messages to the table.

One connection per seat. The first message is ``hello`` with a code; a
wrong code is refused after a delay (the sleeper is injected, so tests do
not wait). The same code joining again takes the seat: the older connection
is told (``bye REPLACED``) and only watches from then on; a screen joining
again by itself (``hello`` with ``rejoin``) never takes it from another
screen that holds it, and only watches instead. When the screen that holds a
seat is closed (its ``bye``), the newest screen still watching that seat has it
again, told by a second ``welcome``; a dropped link is no leaving (the screen
joins again by itself, and keeps its seat), unless it is not back within
:data:`GRACE`: then that newest watching screen has the seat. A screen that only watched joins
again by itself too (``watching``): finding the seat free, it has it until the
screen that held it comes back. Every message is
checked (:mod:`.protocol`) and paced (:mod:`.flood`); a bad one gets an
``error``, too many close the connection, an oversized one closes it at
once (the WebSocket's own limit). After every change each connection gets
its seat's view, in order, through its own outbox, so a slow screen never
holds up the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import secrets
import socket
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from .alarm import Alarm, Trouble, peer_of
from .flood import Bucket
from ..content.oswords import system_words
from .joincodes import codes_path, in_cyrillic, on_azerty, seat_of, write_codes
from ..lang import SOURCE, Domain, using
from ..play.clock import Away, away_words
from .protocol import (CLOSE_WAIT, MAX_CLIENT_MESSAGE, PING_EVERY, PING_WAIT, VERSION, ProtocolError, Wire, check_client, decode,
                       encode, message)
from .table import Table

_, ngettext, N_ = Domain("seats").words()

#: the delay before a wrong code is refused, in seconds: guessing codes is slow
WRONG_CODE_DELAY = 1.0
#: errors a connection may cause before it is closed
MAX_ERRORS = 20
#: messages waiting for a slow screen before its connection is closed (it reconnects for a fresh view)
OUTBOX_LIMIT = 1000
#: seconds a new connection has to say hello: a real screen says it as soon as its handshake is done, one round trip
#: later (found from outside: with 30 s, connections that said nothing held the host's open files that long)
HELLO_TIMEOUT = 5.0
#: connections open at once that have not said hello, from one address and in all (in all: at most a quarter of
#: the host's open files). A room has ~60 screens, which may all come back at once through one address (a TLS
#: proxy, ``tabletop serve``); one over either bound is closed at once (found from outside: 270 connections that
#: said nothing, under ``ulimit -n 256``, kept every honest screen out)
UNJOINED = (100, 400)
#: seconds a closing connection has to take what is queued for it
FLUSH_TIMEOUT = 10.0
#: seconds a screen that held a seat and dropped its link (no ``bye``) has to come back before the newest screen
#: still watching the seat has it: the screen sees its drop within PING_EVERY + PING_WAIT (15 s) of the host, and its
#: retries come 0.2, 0.5, 1 and 2 s apart, each handshake given 10 s (a try into a link still down fails): 30 s
#: takes it back on a blip, and leaves a team's own screen read-only no longer than that
GRACE = 30.0

Sleeper = Callable[[float], Awaitable[None]]


class Connection:
    """One seat's live connection: its outbox, its pace, its errors, and whether it only watches now."""

    def __init__(self, ws: ServerConnection, seat: str, client: str, bucket: Bucket,
                 lang: str = SOURCE, version: int = VERSION):
        self.ws = ws
        self.seat = seat
        self.client = client
        self.bucket = bucket
        self.lang = lang  # the language this screen reads: its views and refusals are in it
        self.version = version  # the protocol version it spoke: it is answered in it
        self.read_only = False
        self.left = False  # it said bye: the person closed the screen (a dropped link says nothing)
        #: it only watched before its link dropped and found the seat free: the screen that held it takes it back
        self.stand_in = False
        self.order = 0  # when it joined, among the host's connections: the newest watching one gets a seat left
        self.errors = 0
        #: the code of the last error it caused: the close frame's reason when too many close it
        self.last_error: Wire | None = None
        self.actions_sent = 0  # the facilitator's replica feed: actions already sent
        self.behind = False  # the outbox overflowed: the connection is closed, the screen reconnects afresh
        self.outbox: asyncio.Queue[str | None] = asyncio.Queue()
        self.writer = asyncio.create_task(self._write())

    def send(self, msg: dict[str, Any] | str) -> None:
        """Queue a message (in order); a screen too far behind is closed, to reconnect afresh."""
        if self.behind:
            return
        if self.outbox.qsize() >= OUTBOX_LIMIT:
            self.behind = True
            self.outbox.put_nowait(None)
            return
        self.outbox.put_nowait(msg if isinstance(msg, str) else encode({**msg, "v": self.version}))

    def finish(self) -> None:
        """Send what is queued, then stop writing."""
        self.outbox.put_nowait(None)

    async def _write(self) -> None:
        try:
            while (text := await self.outbox.get()) is not None:
                await self.ws.send(text)
            if self.behind:
                await self.ws.close(1008, "too far behind: reconnect")  # untranslated: a close frame's reason
        except ConnectionClosed:
            pass


#: seconds between two looks at the phase timer
TICK = 1.0

def more_open_files() -> int | None:
    """The process's open-files limit, raised to the hard one where it was lower (nothing said if it cannot be);
    None where there is no such limit (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard and hard != resource.RLIM_INFINITY:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
            soft = hard
        except (ValueError, OSError):
            pass
    return None if soft == resource.RLIM_INFINITY else soft


def every_ipv6(host: str) -> bool:
    """``host`` is IPv6's address of every interface (``::``, however written)."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:  # a name, or no address at all
        return False
    return ip.version == 6 and ip.is_unspecified


def dual_stack(port: int) -> socket.socket:
    """A listening socket on ``[::]:port`` that IPv4 clients reach too (as ``::ffff:a.b.c.d``). Found from outside:
    ``--listen [::]`` took IPv6 connections only, and the laptops of a room on IPv4 could not join, with no word
    why. Where the system refuses dual stack, the socket stays IPv6 only, as before."""
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        with contextlib.suppress(OSError, AttributeError):
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        sock.bind(("::", port))
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


class Host:
    """A game served to its seats over WebSockets."""

    def __init__(self, table: Table, codes: dict[str, str], *, sleeper: Sleeper = asyncio.sleep,
                 clock: Callable[[], float] = time.monotonic, wrong_code_delay: float = WRONG_CODE_DELAY,
                 lang: str = SOURCE, tick: Sleeper = asyncio.sleep, say: Callable[[str], None] | None = None,
                 grace: float = GRACE, unjoined: tuple[int, int] = UNJOINED,
                 hello_timeout: float = HELLO_TIMEOUT, awake: Callable[[], float] | None = time.monotonic):
        self.table = table
        #: wrong codes and connections closed for what they sent, said on the host's terminal (``say``: a line)
        self.alarm = Alarm(say or (lambda line: None), clock=clock, lang=lang)
        self.say = say or (lambda line: None)
        #: what ``tabletop host --resume SAVE`` needs after the save's path to serve this game again as it is served
        #: (the address, the console or none...): said when the save is written again under another name
        self.go_on: list[str] = []
        #: the address the seats connect to (``ADDR:PORT``), kept beside the codes wherever the save is written again
        self.listen: str | None = None
        table.on_saved_again = self._saved_again
        #: how the host waits between two looks at the phase timer (``on_time_up = "pass"``)
        self.tick = tick
        #: the ticks watched on ``awake`` for time the host was away (its process stopped), given back to the clock
        self.away = None if awake is None else Away(awake, TICK)
        self._ticker: asyncio.Task[None] | None = None
        #: the language of a seat that names none (a version 1 screen)
        self.lang = lang
        self.codes = codes
        self.sleeper = sleeper
        self.clock = clock
        self.wrong_code_delay = wrong_code_delay
        self.connections: set[Connection] = set()
        self.active: dict[str, Connection] = {}  # seat -> the connection that may act for it
        self.server: Server | None = None
        self._joins = 0  # connections joined so far (each one's order)
        self.grace = grace
        #: the bounds on connections not joined yet, per address and in all; and how long one has to say hello
        self.unjoined = unjoined
        self.hello_timeout = hello_timeout
        self._unjoined: dict[str, int] = {}  # address -> its connections open and not joined yet
        self._loop_handler: Any = None  # the loop's exception handler before this host's
        #: seat -> when the screen that held it dropped its link (``clock``): it has ``grace`` to come back
        self._dropped: dict[str, float] = {}
        #: every message sent, per seat (None: not recorded): the leak test reads it
        self.sent: dict[str, list[str]] | None = None
        #: this host's run of the game, told apart from any before it: a screen hears of a recovery once per run
        self.sitting = secrets.token_hex(8)

    def _saved_again(self, before: Path) -> None:
        """The save's name lost its file during the game (deleted, its folder removed, written over by a sync
        client or a backup) and the save was written again, whole: the join codes are written beside it, and the
        facilitator is told at once where the game is and how to resume it (found from outside: the host went on in
        ``NAME-2.jsonl`` without a word and without its codes; after a crash, ``--resume NAME.jsonl`` served the stale
        copy, and a resume of the copy gave every seat a new code)."""
        from ..content.literal import shell_path
        from .views import saved_again_words

        save = self.table.session.save_path
        command = " ".join(["tabletop", "host", "--resume", shell_path(save), *self.go_on])  # untranslated: a command
        self.table.saved_again = (str(before), str(save), command)
        try:
            write_codes(save, self.codes, listen=self.listen)
            problem = None
        except OSError as exc:
            problem = exc
        with using(self.lang):
            self.say(saved_again_words(*self.table.saved_again))
            if problem is not None:
                self.say(_("The join codes could not be written beside it ({path}): {problem}. A resume gives every "
                           "seat a new code.").format(path=codes_path(save), problem=system_words(problem)))

    # -- serving -----------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 8765) -> tuple[str, int]:
        """Listen on ``host:port`` (port 0: any free one); the address bound. Bots move first if they are to."""
        self.table.play_bots()
        files = more_open_files()
        if files is not None:  # a quarter of the files for connections that said nothing: the rest for the room
            self.unjoined = (self.unjoined[0], max(self.unjoined[0], min(self.unjoined[1], files // 4)))
        loop = asyncio.get_running_loop()
        self._loop_handler = loop.get_exception_handler()
        loop.set_exception_handler(self._loop_trouble)
        if every_ipv6(host):  # every interface: IPv4 laptops too (asyncio's own socket for "::" is IPv6 only)
            self.server = await serve(self._serve, sock=dual_stack(port), max_size=MAX_CLIENT_MESSAGE,
                                      compression=None, ping_interval=PING_EVERY, ping_timeout=PING_WAIT,
                                      close_timeout=CLOSE_WAIT)
        else:
            self.server = await serve(self._serve, host, port, max_size=MAX_CLIENT_MESSAGE, compression=None,
                                      ping_interval=PING_EVERY, ping_timeout=PING_WAIT, close_timeout=CLOSE_WAIT)
        self._ticker = asyncio.create_task(self._ticking())
        bound = self.server.sockets[0].getsockname()
        return bound[0], bound[1]

    def _loop_trouble(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """An accept the system refused for lack of open files is counted in the hostile-traffic line (asyncio retries
        it a second later); anything else goes where it went before. Found from outside: 33 raw tracebacks in 30 s
        on the host's terminal, and the lines about hostile traffic never said it."""
        exc = context.get("exception")
        if (isinstance(exc, OSError) and exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
                and "accept" in str(context.get("message", ""))):
            self.alarm.note(Trouble.NO_FILES, "")
        elif self._loop_handler is not None:
            self._loop_handler(loop, context)
        else:
            loop.default_exception_handler(context)

    async def _ticking(self) -> None:
        while True:
            await self.tick(TICK)
            self.on_tick()

    def on_tick(self) -> None:
        """Once a second: a team out of time passes (when the timers say so), the bots play on, every seat sees it.

        A bot's move the disk refused is tried again: once space is freed the game goes on by itself."""
        before = self._moment()
        away = 0.0 if self.away is None else self.away.tick()
        if away:  # given back before the timer is looked at: no team passes for time the host was not running
            self.table.clock.give_back(away)
            with using(self.lang):
                self.say(away_words(away, self.table.clock.timed))
        if self.table.pass_if_out_of_time() or self.table.save_failed is not None:
            self.table.play_bots()
        if self._moment() != before:
            self.broadcast()
        self._past_grace()
        self.alarm.flush()

    def _past_grace(self) -> None:
        """A seat whose screen dropped and did not come back within the grace goes to the newest screen watching it."""
        now = self.clock()
        for seat, at in list(self._dropped.items()):
            if seat in self.active:  # the dropped screen came back, or another took the seat
                del self._dropped[seat]
            elif now - at >= self.grace:
                del self._dropped[seat]
                self._seat_again(seat, dropped=True)
                if seat in self.table.connected:
                    self._tell_connected()

    async def stop(self) -> None:
        """Tell every screen the host is closing, and stop listening."""
        if self._ticker is not None:
            self._ticker.cancel()
        for conn in list(self.connections):
            with using(conn.lang):
                conn.send(message("bye", code=Wire.CLOSING, message=_("the host is closing")))
            conn.finish()
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        for conn in list(self.connections):
            conn.writer.cancel()
        loop = asyncio.get_running_loop()
        if loop.get_exception_handler() == self._loop_trouble:
            loop.set_exception_handler(self._loop_handler)

    async def _serve(self, ws: ServerConnection) -> None:
        conn = await self._join(ws)
        if conn is None:
            return
        try:
            async for raw in ws:
                if not self._take(conn, raw):
                    break
        except ConnectionClosed as exc:
            self._closed_for(ws, exc)
        finally:
            self._leave(conn)
        with contextlib.suppress(ConnectionClosed, TimeoutError):
            await asyncio.wait_for(conn.writer, FLUSH_TIMEOUT)  # the answers already queued go out first
        # messages still unread would hold the peer's close frame back: read and drop them while closing
        drain = asyncio.create_task(_discard(ws))
        with contextlib.suppress(ConnectionClosed):
            if conn.errors >= MAX_ERRORS:  # told why, as a close before joining is (found from outside: no reason)
                self.alarm.note(Trouble.FLOOD if conn.last_error is Wire.TOO_FAST else Trouble.BAD,
                                peer_of(ws.remote_address))
                await ws.close(1008, conn.last_error or Wire.BAD_MESSAGE)
            else:
                await ws.close(1000)
        drain.cancel()

    async def _join(self, ws: ServerConnection) -> Connection | None:
        """The hello: a seat's connection, or None (refused, told why, closed; one too many not joined yet: at once)."""
        peer = peer_of(ws.remote_address)
        per_address, in_all = self.unjoined
        if self._unjoined.get(peer, 0) >= per_address or sum(self._unjoined.values()) >= in_all:
            self.alarm.note(Trouble.CROWD, peer)
            with contextlib.suppress(ConnectionClosed):
                await ws.close(1013, "too many connections not joined: try again")  # untranslated: a close frame's reason
            return None
        self._unjoined[peer] = self._unjoined.get(peer, 0) + 1
        try:
            return await self._hello(ws)
        finally:
            self._unjoined[peer] -= 1
            if not self._unjoined[peer]:
                del self._unjoined[peer]

    async def _hello(self, ws: ServerConnection) -> Connection | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), self.hello_timeout)
            hello = check_client(decode(raw))
            if hello["type"] != "hello":
                with using(self.lang):
                    raise ProtocolError(Wire.NOT_JOINED, _("say hello with the seat's code first"))
        except ProtocolError as exc:
            self.alarm.note(Trouble.BAD, peer_of(ws.remote_address))
            await _refuse(ws, exc.code, exc.message)
            return None
        except ConnectionClosed as exc:
            self._closed_for(ws, exc)
            await ws.close()
            return None
        except TimeoutError:
            await ws.close()
            return None
        seat = seat_of(self.codes, hello["code"])
        if seat is None:
            self.alarm.note(Trouble.WRONG_CODE, peer_of(ws.remote_address))
            await self.sleeper(self.wrong_code_delay)
            with using(hello.get("lang") or self.lang):
                if in_cyrillic(hello["code"]):  # a laptop with the Cyrillic layout on: said what to put right
                    why = _("no seat has this code: a code is in Latin letters, switch the keyboard layout")
                elif on_azerty(hello["code"]):  # digits typed without Shift on AZERTY, some not read (a 6 is a "-")
                    why = _("no seat has this code: on an AZERTY keyboard, hold Shift to type its digits")
                else:
                    why = _("no seat has this code: check it with the facilitator")
            await _refuse(ws, Wire.WRONG_CODE, why)
            return None
        conn = Connection(ws, seat, hello.get("client") or "", Bucket(clock=self.clock),
                          hello.get("lang") or self.lang, hello["v"])
        self._joins += 1
        conn.order = self._joins
        old = self.active.get(seat)
        own = bool(conn.client) and old is not None and conn.client == old.client
        watched = hello.get("rejoin") is True and hello.get("watching") is True  # it only watched before its drop
        if old is not None and hello.get("rejoin") is True and not own and (watched or not old.stand_in):
            # a screen joining again by itself never takes the seat from the screen that holds it now: only a
            # person's join does (found from outside: after a host restart, the old `join` console came back a
            # moment after the host's own and took the seat from it; the seat went to whichever came back last)
            conn.read_only = True
        elif old is not None:  # a person's join (or this screen's own connection, not yet seen gone): it takes the seat
            old.read_only = True
            with using(old.lang):
                old.send(message("bye", code=Wire.REPLACED, message=_another_screen()))
        if not conn.read_only:
            # a screen that only watched before a host restart has a free seat, so the team is not left with a screen
            # that refuses every key; the screen that held the seat takes it back when it comes (found from outside)
            conn.stand_in = watched or (own and old is not None and old.stand_in)
            self.active[seat] = conn
        self.connections.add(conn)
        was_connected = seat in self.table.connected
        self.table.connected.add(seat)
        changes = self._moment()
        if self.table.seats[seat].role == "facilitator":
            self.table.clock.begin()  # a new game's clock starts when its facilitator is there
        self._welcome(conn)
        if self._moment() != changes:  # the facilitator started the game's clock: every screen counts down
            self.broadcast(skip=conn)
        else:  # the screen it replaced draws its view again, read-only; the console hears of a seat newly there
            self.broadcast(only=lambda c: c is old and old.read_only or not was_connected and c is not conn
                           and self.table.seats[c.seat].role == "facilitator")
        return conn

    def _closed_for(self, ws: ServerConnection, exc: ConnectionClosed) -> None:
        """A connection the WebSocket closed under the host: said when it was for a message over the limit."""
        if exc.sent is not None and exc.sent.code == 1009:
            self.alarm.note(Trouble.TOO_BIG, peer_of(ws.remote_address))

    def _welcome(self, conn: Connection, back: str | None = None) -> None:
        """The seat's first view; ``back``: why a screen that watched has the seat again (its second welcome)."""
        seat = self.table.seats[conn.seat]
        view = self.table.view(conn.seat, 0 if seat.role == "facilitator" else None, conn.lang)
        fields: dict[str, Any] = {"seat": seat.id, "role": seat.role, "actor": seat.actor, "name": seat.name,
                                  "read_only": not seat.acts, "view": view}
        if seat.role == "facilitator":
            fields["header"] = self.table.header()
            conn.actions_sent = self.table.session.state.seq
        if conn.read_only:  # joined again by itself and found its seat held by another screen: it only watches
            fields["read_only"] = True
            with using(conn.lang):
                fields["held"] = _another_screen()
        if back is not None:
            fields["back"] = back
        rewound = self.table.session.rewound
        if rewound is not None:  # the save was recovered: a screen of the game before saw events played again since
            fields["recovered"] = {"events": rewound, "sitting": self.sitting, "lost": self.table.session.lost}
        self._send(conn, message("welcome", **fields))

    def _take(self, conn: Connection, raw: str | bytes) -> bool:
        """One message from a joined seat; False to close the connection."""
        try:
            msg = check_client(decode(raw))
            if not conn.bucket.take():
                with using(conn.lang):
                    raise ProtocolError(Wire.TOO_FAST, _("too many messages: slow down"))
        except ProtocolError as exc:
            conn.errors += 1
            conn.last_error = exc.code
            seq = _client_seq(raw)
            if seq is not None:  # an act's sender waits for its answer: tell it this one was not done
                conn.send(message("refused", client_seq=seq, code=exc.code, message=exc.message))
            else:
                conn.send(message("error", code=exc.code, message=exc.message))
            return conn.errors < MAX_ERRORS
        if msg["type"] == "bye":
            conn.left = True
            return False
        if msg["type"] == "hello":
            conn.errors += 1
            conn.last_error = Wire.BAD_MESSAGE
            conn.send(message("error", code=Wire.BAD_MESSAGE, message="this connection has joined already"))  # untranslated: for a client's programmer
            return True
        if msg["type"] == "lang":  # this screen reads another language: its view again, in it
            conn.lang = msg["lang"]
            seat = self.table.seats[conn.seat]
            view = self.table.view(conn.seat, conn.actions_sent if seat.role == "facilitator" else None, conn.lang)
            conn.actions_sent = self.table.session.state.seq if seat.role == "facilitator" else conn.actions_sent
            self._send(conn, message("view", view=view))
            return True
        before = self._moment()
        answer = self.table.act(conn.seat, conn.client, msg, read_only=conn.read_only, lang=conn.lang)
        if self._moment() != before:
            self.broadcast()
        self._send(conn, answer)
        return True

    def _moment(self) -> tuple[int, bool, int, str | None]:
        """What a change of the views follows: the game, a card held for the facilitator, the clock, the disk."""
        table = self.table
        return table.session.state.seq, table.hold.held(table.session.state), table.clock.changes, table.save_failed

    def _leave(self, conn: Connection) -> None:
        self.connections.discard(conn)
        conn.finish()
        if self.active.get(conn.seat) is conn:
            del self.active[conn.seat]
            self.table.connected.discard(conn.seat)
            if conn.left:
                self._seat_again(conn.seat)
            else:  # a dropped link: the screen comes back by itself, or the grace gives the seat to one watching
                self._dropped[conn.seat] = self.clock()
            if conn.seat not in self.table.connected:
                self._tell_connected()

    def _seat_again(self, seat: str, dropped: bool = False) -> None:
        """The screen that held ``seat`` was closed: the newest screen still watching it has the seat again, and is
        told so (found from outside: a team's laptop, replaced by a phone that then quit, refused every key until
        the team quit and joined again). A screen that only dropped its link (``dropped``) is replaced so only once
        it has not come back within the grace (found from outside: a connection took Ukraine's seat with its code and
        dropped, and Ukraine's own screen stayed read-only for good)."""
        watching = [c for c in self.connections if c.seat == seat and c.read_only and not c.behind]
        if not watching:
            return
        conn = max(watching, key=lambda c: c.order)
        conn.read_only = False
        self.active[seat] = conn
        self.table.connected.add(seat)
        with using(conn.lang):
            back = (_("The screen that took this seat lost its link and has not come back: this one acts for the seat "
                      "again.") if dropped else
                    _("The screen that took this seat was closed: this one acts for the seat again."))
        self._welcome(conn, back)

    # -- views -------------------------------------------------------------

    def _tell_connected(self, skip: Connection | None = None) -> None:
        """Who is connected changed: the views that say it (the facilitator's: its list, and the decisions of a team
        with no screen, which the console makes), and no other. Found from outside: every join sent every screen its
        view again, unchanged (300 joins with a team's code sent 768 MB; a storm of joins held the host at half a
        core, and 150 screens joining and switching languages stalled it for seconds)."""
        self.broadcast(skip=skip, only=lambda c: self.table.seats[c.seat].role == "facilitator")

    def broadcast(self, skip: Connection | None = None, only: Callable[[Connection], bool] | None = None) -> None:
        """Each connection's view of the game now, queued in order (secrets worked out once, a view once per language);
        ``only``: the connections whose view changed, when not all."""
        chosen = [c for c in self.connections if c is not skip and (only is None or only(c))]
        wanted = {(c.seat, c.lang) for c in chosen}
        if not wanted:
            return
        views = self.table.views_for(wanted)
        encoded: dict[tuple[str, str, int], str] = {}
        seq = self.table.session.state.seq
        for conn in chosen:
            seat = self.table.seats[conn.seat]
            view = views[conn.seat, conn.lang]
            if seat.role == "facilitator":
                view = self.table.with_actions(view, seat, conn.actions_sent)
                conn.actions_sent = seq
                self._send(conn, encode(message("view", version=conn.version, view=view)))
                continue
            key = (conn.seat, conn.lang, conn.version)
            if key not in encoded:
                encoded[key] = encode(message("view", version=conn.version, view=view))
            self._send(conn, encoded[key])

    def _send(self, conn: Connection, msg: dict[str, Any] | str) -> None:
        text = msg if isinstance(msg, str) else encode({**msg, "v": conn.version})
        if self.sent is not None:
            self.sent.setdefault(conn.seat, []).append(text)
        conn.send(text)


def _another_screen() -> str:
    """Why a screen only watches: another screen has its seat (said in the language in use)."""
    # (found from outside: since the seat comes back when the other screen is closed, the words said only the way
    # to take it at once)
    return _("this seat was joined on another screen: this one only watches now, and acts again when that screen is "
             "closed (to act here at once, quit with ctrl+q and join again with the code)")


async def _discard(ws: ServerConnection) -> None:
    with contextlib.suppress(ConnectionClosed):
        async for _ in ws:
            pass


def _client_seq(raw: str | bytes) -> int | None:
    """The ``client_seq`` of an act (to answer it), else None: an act refused for one of its other fields (a text
    past the wire's limit...) is answered too, as its sender waits on that number (found from outside: it was sent
    an ``error`` without it, and waited for ever)."""
    try:
        msg = decode(raw)
    except ProtocolError:
        return None
    seq = msg.get("client_seq")
    return seq if msg["type"] == "act" and type(seq) is int and 0 <= seq < 2**53 else None


async def _refuse(ws: ServerConnection, code: Wire, why: str) -> None:
    with contextlib.suppress(ConnectionClosed):
        await ws.send(encode(message("error", code=code, message=why)))
        await ws.close(1008, code)


__all__ = ["GRACE", "HELLO_TIMEOUT", "UNJOINED", "MAX_ERRORS", "OUTBOX_LIMIT", "WRONG_CODE_DELAY", "Connection", "Host", "more_open_files"]
