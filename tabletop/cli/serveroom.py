"""Where a room's laptops find ``tabletop serve``'s page, listening on every interface (``0.0.0.0``, ``::``).

That address is no address another laptop can open: the command names this
machine's own addresses instead (:func:`room_addresses`), and the page names
the address each browser used to reach it, its Host header
(:class:`RoomServer`), for its script and its WebSocket. Imported only by a
serve that listens so (it imports textual-serve).
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
from contextvars import ContextVar
from typing import Any

from aiohttp import web
from textual_serve.server import Server

#: the origin the page being rendered names (None: the listening address); set for one request at a time
_ORIGIN: ContextVar[str | None] = ContextVar("tabletop_serve_origin", default=None)

#: a Host header as a browser sends it: a name or an IPv4 address, or an IPv6 one in brackets; maybe a port.
#: Nothing else reaches the page (the header is the browser's to write).
_HOST = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9.-]*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?")

#: addresses of the documentation ranges: a UDP socket "connected" to one sends nothing, and names the address
#: this machine would send from (the one on the room's network, if it has a route)
_PROBES = {socket.AF_INET: "192.0.2.1", socket.AF_INET6: "2001:db8::1"}


def origin(host: str | None, proto: str | None) -> str | None:
    """``http://HOST[:PORT]`` of a request's Host header (``https`` when a TLS proxy in front says
    ``X-Forwarded-Proto: https``); None when the header is missing or is no address."""
    if host is None or not _HOST.fullmatch(host):
        return None
    scheme = "https" if (proto or "").split(",")[0].strip().lower() == "https" else "http"
    return f"{scheme}://{host}"


def _bracketed(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


class RoomServer(Server):
    """textual-serve's server whose page names the address each browser used, not the one it listens on.

    textual-serve names one ``public_url`` in every page; here it is the request's own origin while its page
    is rendered (a context variable: each request's, never another's), and the listening address otherwise."""

    @property  # type: ignore[override]
    def public_url(self) -> str:
        return _ORIGIN.get() or self._listening_url

    @public_url.setter
    def public_url(self, value: str) -> None:
        self._listening_url = value

    async def on_startup(self, app: web.Application) -> None:
        """No banner: textual-serve's says "Serving … on http://0.0.0.0:PORT", an address no laptop opens (the
        ones to open are printed before the server starts)."""

    async def handle_index(self, request: web.Request) -> Any:
        headers = request.headers
        found = origin(headers.get("Host"), headers.get("X-Forwarded-Proto"))  # untranslated: HTTP headers
        if found is None:  # no Host header (HTTP/1.0): the address the connection came in on
            where = request.transport.get_extra_info("sockname") if request.transport else None
            found = f"http://{_bracketed(str(where[0]))}:{where[1]}" if where else None
        token = _ORIGIN.set(found)
        try:
            return await super().handle_index(request)
        finally:
            _ORIGIN.reset(token)


def room_addresses(host: str) -> list[str]:
    """This machine's addresses another laptop may open (not loopback), of the family ``host`` listens on
    (``0.0.0.0``: IPv4, ``::``: IPv6), IPv6 ones in brackets; empty when none is found."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    found: set[str] = set()
    with contextlib.suppress(OSError):
        found.update(str(where[0]) for *_, where in socket.getaddrinfo(socket.gethostname(), None, family))
    with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as probe:
        probe.connect((_PROBES[family], 9))
        found.add(str(probe.getsockname()[0]))
    kept = []
    for text in found:
        with contextlib.suppress(ValueError):
            ip = ipaddress.ip_address(text.partition("%")[0])
            # loopback is this machine only; an IPv6 link-local address needs a zone no address bar takes
            if not (ip.is_loopback or ip.is_unspecified or (ip.version == 6 and ip.is_link_local)):
                kept.append(ip)
    return [_bracketed(str(ip)) for ip in sorted(kept)]


__all__ = ["RoomServer", "origin", "room_addresses"]
