"""Where a room's laptops find ``tabletop serve``'s page, listening on every interface (``0.0.0.0``, ``::``).

That address is no address another laptop can open: the command names this
machine's own addresses instead (:func:`.host.room_addresses`), and the page names
the address each browser used to reach it, its Host header
(:class:`RoomServer`), for its script and its WebSocket. Imported only by a
serve that listens so (it imports textual-serve).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from .host import bracketed

#: the origin the page being rendered names (None: the listening address); set for one request at a time
_ORIGIN: ContextVar[str | None] = ContextVar("tabletop_serve_origin", default=None)

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
            found = f"http://{bracketed(str(where[0]))}:{where[1]}" if where else None
        token = _ORIGIN.set(found)
        try:
            return await super().handle_index(request)
        finally:
            _ORIGIN.reset(token)


__all__ = ["RoomServer", "origin"]
