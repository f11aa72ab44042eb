"""A seat's end of the wire: an asyncio client a join screen, a test or a benchmark drives.

::

    client = await connect("127.0.0.1:8765", code)
    async for view in client.views():
        entry = view["decision"]["entries"][0]
        ack = await client.act(pick=entry["id"])  # returns once the host has fsynced it

A dropped connection raises :class:`Disconnected` from whatever waited on it;
:meth:`SeatClient.quiet` says how long the host has said nothing (no message, no answer to the client's pings):
a frozen host keeps the connection up and says nothing;
:meth:`SeatClient.reconnect` joins again with the same code and client id,
gets the current view, and resends the acts not yet answered with their own
``client_seq`` (the host answers an act it has seen already without doing it
again). Headless: no Textual.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect
from websockets.exceptions import ConnectionClosed, WebSocketException

from ..engine import Action
from ..lang import Domain
from .protocol import (CLOSE_WAIT, HOST_TYPES, MAX_CLIENT_MESSAGE, MAX_HOST_MESSAGE, PING_EVERY, PING_WAIT, ProtocolError,
                       Wire, decode, encode, message)

_, ngettext, N_ = Domain("seats").words()

#: the WebSocket close code of a message over the receiver's limit
TOO_BIG_CLOSE = 1009


class Refused(Exception):
    """The host did not do an act (or refused to let the seat join): ``code`` and a message for people."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class Disconnected(ConnectionError):
    """The connection to the host dropped (or the host replaced it); :meth:`SeatClient.reconnect` to go on.

    Raised by :meth:`SeatClient.act`, ``answer`` is the host's answer to come, once the act kept is sent again."""

    answer: asyncio.Future[dict[str, Any]] | None = None


def ws_url(address: str) -> str:
    """``HOST:PORT`` (or a ``ws://``/``wss://`` URL, as behind a TLS proxy) as a WebSocket URL."""
    return address if address.startswith(("ws://", "wss://")) else f"ws://{address}"


class SeatClient:
    """One seat's connection to a host: its latest view, its acts and their answers."""

    def __init__(self, address: str, code: str, client_id: str | None = None, lang: str | None = None,
                 clock: Callable[[], float] = time.monotonic):
        """``clock``: what :meth:`quiet` measures the host's silence on (a test moves its own by hand)."""
        self.address = address
        self.code = code
        #: the language the seat reads (None: the host's); sent with every hello
        self.lang = lang
        #: kept across reconnects: the host tells this client's acts apart by it
        self.client_id = client_id or secrets.token_urlsafe(12)
        self.welcome: dict[str, Any] | None = None
        #: the latest view the host sent
        self.view: dict[str, Any] | None = None
        #: the facilitator's replica feed: every action played, in order (other seats: empty)
        self.actions: list[dict[str, Any]] = []
        #: set when the host replaced this connection (the same code joined elsewhere), or when it joined again by
        #: itself and found another screen holding the seat: read-only (until a second welcome gives the seat back)
        self.replaced: dict[str, Any] | None = None
        #: the host's last ``bye`` (``REPLACED``, or ``CLOSING`` when the host stops)
        self.bye: dict[str, Any] | None = None
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task[None] | None = None
        self._listener: asyncio.Task[None] | None = None
        self.clock = clock
        #: when the host was last heard (``clock``): a message, or the answer to a ping; None before it joined
        self.heard_at: float | None = None
        self._views: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        self._answers: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._unanswered: dict[int, dict[str, Any]] = {}
        self._results: dict[int, dict[str, Any]] = {}
        self._next_seq = 1
        self._closed = asyncio.Event()

    # -- the connection ----------------------------------------------------

    @property
    def seat(self) -> str | None:
        return self.welcome["seat"] if self.welcome else None

    @property
    def role(self) -> str | None:
        return self.welcome["role"] if self.welcome else None

    @property
    def read_only(self) -> bool:
        return self.replaced is not None or bool(self.welcome and self.welcome.get("read_only"))

    async def connect(self, rejoin: bool = False, watching: bool = False) -> dict[str, Any]:
        """Join: the welcome (with the seat's first view); raises :class:`Refused` for a wrong code.

        ``rejoin``: this screen joins again by itself (:meth:`reconnect`): if another screen holds the seat now,
        this one is welcomed read-only (:attr:`replaced` says why) instead of taking it. ``watching``: this screen
        only watched before (another screen had taken the seat): it has a free seat until that screen comes back."""
        try:
            # a host starting up (a resume) can answer the handshake half-made: InvalidMessage, InvalidStatus...
            ws = await ws_connect(ws_url(self.address), max_size=MAX_HOST_MESSAGE, open_timeout=10,
                                  ping_interval=PING_EVERY, ping_timeout=PING_WAIT, close_timeout=CLOSE_WAIT)
        except WebSocketException as exc:
            raise Disconnected(f"the host did not complete the handshake: {exc}") from exc  # untranslated: a log line
        hello = message("hello", code=self.code, client=self.client_id)
        if self.lang is not None:
            hello["lang"] = self.lang
        if rejoin:
            hello["rejoin"] = True
        if watching:
            hello["watching"] = True
        try:
            await ws.send(encode(hello))
            first = decode(await ws.recv(), MAX_HOST_MESSAGE, HOST_TYPES)
        except ConnectionClosed as exc:
            raise Disconnected("the host closed the connection before welcoming this seat") from exc  # untranslated: a log line for developers
        if first["type"] != "welcome":
            await ws.close()
            raise Refused(str(first.get("code", Wire.BAD_MESSAGE)), str(first.get("message", "not welcomed")))  # untranslated: the host words it
        self._ws, self.welcome, self.replaced, self.bye = ws, first, _held(first), None
        self.heard_at = self.clock()
        self._closed = asyncio.Event()
        self._views = asyncio.Queue()  # a drop's end marker stays with the old connection
        self._take_view(first["view"])
        self._reader = asyncio.create_task(self._read(ws))
        self._listener = asyncio.create_task(self._listen(ws))
        for seq, sent in sorted(self._unanswered.items()):
            await ws.send(encode(sent))  # the host answers an act it has seen with the same answer
        return first

    async def reconnect(self) -> dict[str, Any]:
        """Join again with the same code and client id; acts not yet answered are sent again.

        It does not take the seat from another screen that holds it now (only a person's join does): it is then
        read-only, as when another screen replaced it."""
        watching = self.replaced is not None  # said to the host: a free seat is this screen's only till its holder is back
        await self._drop()
        return await self.connect(rejoin=True, watching=watching)

    async def close(self) -> None:
        """Say bye and close (acts not answered stay unanswered)."""
        if self._ws is not None:
            try:
                await self._ws.send(encode(message("bye")))
            except ConnectionClosed:
                pass
        await self._drop()

    async def _drop(self) -> None:
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()
            try:
                await self._reader
            except (asyncio.CancelledError, ConnectionClosed):
                pass
        self._stop_listening()
        self._ws = self._reader = None

    def _stop_listening(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            self._listener = None

    async def _listen(self, ws: ClientConnection) -> None:
        """Ping the host every :data:`PING_EVERY` seconds, each answer heard (websockets' own keepalive pings tell
        no one when they are answered; they only drop the link, after ``PING_WAIT``)."""
        while True:
            await asyncio.sleep(PING_EVERY)
            try:
                await self.sound(ws)
            except Disconnected:
                return

    async def sound(self, ws: ClientConnection | None = None) -> None:
        """Ping the host and wait for its answer, heard then (:meth:`quiet`); raises :class:`Disconnected` when the
        connection drops first. A frozen host answers only when it wakes."""
        ws = self._ws if ws is None else ws
        if ws is None:
            raise Disconnected("not connected")  # untranslated: an exception's text
        try:
            await (await ws.ping())
        except ConnectionClosed as exc:
            raise Disconnected("the connection to the host dropped") from exc  # untranslated: an exception's text
        if ws is self._ws:
            self.heard_at = self.clock()

    def quiet(self) -> float:
        """Seconds since the host was last heard (a message, or the answer to a ping); 0 before it joined."""
        return 0.0 if self.heard_at is None else max(0.0, self.clock() - self.heard_at)

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                self.heard_at = self.clock()
                try:
                    msg = decode(raw, MAX_HOST_MESSAGE, HOST_TYPES)
                except ProtocolError:
                    continue  # a host of a newer version: skip what this client cannot read
                self._take(msg)
        except ConnectionClosed as exc:
            if exc.rcvd is not None and exc.rcvd.code == TOO_BIG_CLOSE:
                self._drop_too_big()
        finally:
            if self._listener is not None and ws is self._ws:
                self._stop_listening()
            self._closed.set()
            self._views.put_nowait(None)

    def _drop_too_big(self) -> None:
        """The host closed the connection for a message over its limit (a host older than this screen: it takes
        less): the biggest act not answered is over it too, and is dropped, refused, not sent again after every
        reconnect (found from outside, helper-318: a long note looped so, and a pause asked meanwhile never went)."""
        if not self._unanswered:
            return
        seq, sent = max(self._unanswered.items(), key=lambda item: len(_bytes(item[1])))
        self._take(message("refused", client_seq=seq, code=Wire.TOO_BIG, message=_too_big(len(_bytes(sent)), None)))

    def _take(self, msg: dict[str, Any]) -> None:
        kind = msg["type"]
        if kind == "view":
            self._take_view(msg["view"])
        elif kind in ("ack", "refused"):
            seq = msg.get("client_seq")
            self._unanswered.pop(seq, None)  # type: ignore[arg-type]
            future = self._answers.pop(seq, None)  # type: ignore[arg-type]
            if future is not None and not future.done():
                future.set_result(msg)
            elif isinstance(seq, int):
                self._results[seq] = msg  # answered before anyone asked (an act sent again on reconnect)
        elif kind == "welcome":  # a second one: the screen that held the seat was closed, this one has it again
            self.welcome, self.replaced = msg, _held(msg)
            self._take_view(msg["view"])
        elif kind == "bye":
            self.bye = msg
            if msg.get("code") == Wire.REPLACED:
                self.replaced = msg

    def _take_view(self, view: dict[str, Any]) -> None:
        start = view.get("actions_from")
        if isinstance(start, int):
            del self.actions[start:]
            self.actions.extend(view.get("actions", []))
        self.view = view
        self._views.put_nowait(view)

    # -- views and acts ----------------------------------------------------

    async def next_view(self) -> dict[str, Any]:
        """The next view the host sends; raises :class:`Disconnected` when the connection drops."""
        view = await self._views.get()
        if view is None:
            raise Disconnected("the connection to the host dropped")  # untranslated: an exception's text, a screen words it
        return view

    async def views(self) -> AsyncIterator[dict[str, Any]]:
        """Every view as it comes, until the connection drops."""
        while True:
            try:
                yield await self.next_view()
            except Disconnected:
                return

    async def act(self, action: Action | Mapping[str, Any] | None = None, *, pick: str | None = None,
                  reason: str | None = None, typed: Mapping[str, Any] | None = None,
                  clock: str | None = None) -> dict[str, Any]:
        """Do an entry of the decision (``pick``, its id) or an action; the ack once the host has saved it.

        ``typed``: what an entry that ``needs`` an argument or a counter carries
        (``text``, ``result``, ``reasons``), as the team typed it, or matrix odds'
        ``strong`` marks (item numbers); ``clock``: the
        facilitator's ``pause``, ``resume`` or ``extend`` instead of an action.

        Raises :class:`Refused` (the rules, the seat, a stale view) or
        :class:`Disconnected` (the act is kept, and sent again on :meth:`reconnect`).
        """
        seq = self._next_seq
        self._next_seq += 1
        fields: dict[str, Any] = {"client_seq": seq}
        if pick is not None:
            fields["pick"] = pick
        elif clock is not None:
            fields["clock"] = clock
        else:
            fields["action"] = action.to_dict() if isinstance(action, Action) else dict(action or {})
        if reason is not None:
            fields["reason"] = reason
        fields.update({k: v for k, v in (typed or {}).items() if k in ("text", "result", "reasons", "strong")})
        if self.view is not None:
            fields["at"] = self.view["game"]["seq"]
        sent = message("act", **fields)
        size = len(_bytes(sent))
        if size > MAX_CLIENT_MESSAGE:  # the host would close the connection for it: nothing to send again
            raise Refused(Wire.TOO_BIG, _too_big(size, MAX_CLIENT_MESSAGE))
        self._unanswered[seq] = sent  # kept before anything can fail: a reconnect sends it (the host does it once)
        future = self._answers[seq] = asyncio.get_running_loop().create_future()  # the answer may come first
        try:
            if self._ws is None:  # picked while the screen was joining again: sent as soon as it has joined
                raise Disconnected("not connected")  # untranslated: an exception's text, a screen words it
            try:
                await self._ws.send(encode(sent))
            except ConnectionClosed as exc:
                raise Disconnected("the connection to the host dropped") from exc  # untranslated: an exception's text
            return await self.answer(seq)
        except Disconnected as exc:
            exc.answer = future  # answered once sent again: the screen's "sent again" notice goes then
            raise

    async def speak(self, lang: str) -> None:
        """Read ``lang`` from now on: the host sends this seat's view again, in it (and every view after)."""
        self.lang = lang
        if self._ws is None:
            raise Disconnected("not connected")  # untranslated: an exception's text
        try:
            await self._ws.send(encode(message("lang", lang=lang)))
        except ConnectionClosed as exc:
            raise Disconnected("the connection to the host dropped") from exc  # untranslated: an exception's text

    async def answer(self, client_seq: int) -> dict[str, Any]:
        """The host's answer to act ``client_seq`` (the ack); raises :class:`Refused` or :class:`Disconnected`."""
        if client_seq in self._results:
            return self.checked(self._results.pop(client_seq))
        future = self._answers.setdefault(client_seq, asyncio.get_running_loop().create_future())
        closed = asyncio.ensure_future(self._closed.wait())
        try:
            await asyncio.wait((future, closed), return_when=asyncio.FIRST_COMPLETED)
        finally:
            closed.cancel()
        if not future.done():
            raise Disconnected("the connection dropped before the host answered")  # untranslated: an exception's text
        return self.checked(future.result())

    @staticmethod
    def checked(answer: dict[str, Any]) -> dict[str, Any]:
        """The host's answer to an act, as it is; raises :class:`Refused` when it is a refusal."""
        if answer["type"] == "refused":
            raise Refused(str(answer.get("code")), str(answer.get("message")))
        return answer

    @property
    def unanswered(self) -> list[int]:
        """The ``client_seq`` of acts sent and not answered yet."""
        return sorted(self._unanswered)


def _bytes(msg: dict[str, Any]) -> bytes:
    return encode(msg).encode("utf-8", "surrogatepass")


def _too_big(size: int, limit: int | None) -> str:
    """Why an act was not sent, or dropped: ``size`` bytes, over the host's ``limit`` (None: the host did not say)."""
    if limit is None:
        return ngettext("The host refused this as too long ({size} byte) and it was not saved; shorten the text and "
                        "send it again.",
                        "The host refused this as too long ({size} bytes) and it was not saved; shorten the text and "
                        "send it again.", size).format(size=size)
    return ngettext("This is too long to send ({size} byte, the host takes at most {limit}) and it was not saved; "
                    "shorten the text and send it again.",
                    "This is too long to send ({size} bytes, the host takes at most {limit}) and it was not saved; "
                    "shorten the text and send it again.", size).format(size=size, limit=limit)


def _held(welcome: Mapping[str, Any]) -> dict[str, Any] | None:
    """A welcome's ``held`` (another screen holds the seat: this one only watches, as a replaced one does), as the
    ``bye REPLACED`` a replaced screen is sent; None when the welcome gives the seat."""
    held = welcome.get("held")
    return message("bye", code=Wire.REPLACED, message=held) if isinstance(held, str) else None


async def connect(address: str, code: str, client_id: str | None = None, lang: str | None = None) -> SeatClient:
    """A client joined to the host at ``address`` with ``code`` (reading ``lang``; None: the host's)."""
    client = SeatClient(address, code, client_id, lang)
    await client.connect()
    return client


__all__ = ["Disconnected", "Refused", "SeatClient", "connect", "ws_url"]
