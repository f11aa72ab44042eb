"""``tabletop serve ADDR:PORT``: the join screen in a browser (textual-serve), for teams on laptops.

Each browser tab runs its own ``tabletop join ADDR:PORT`` (without a code:
the screen asks for it), so a team joins by opening the page and typing its
code. The web page listens on loopback unless ``--listen`` says otherwise.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from typing import Any

from .join import address
from .terminal import _err, _out

DEFAULT_LISTEN = "127.0.0.1:8000"
_LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def add_commands(sub: Any) -> None:
    p = sub.add_parser("serve", help="offer the join screen in a browser: teams type their code there")
    p.add_argument("address", metavar="ADDR:PORT", type=address, help="where `tabletop host` listens")
    p.add_argument("--listen", metavar="ADDR:PORT", type=address, default=DEFAULT_LISTEN,
                   help=f"where the web page listens (default {DEFAULT_LISTEN}: this machine only)")
    p.set_defaults(func=cmd_serve)


def join_command(host_address: str) -> str:
    """The shell command each browser tab runs: this Python's ``tabletop join``, quoted."""
    return " ".join(shlex.quote(w) for w in (sys.executable, "-m", "tabletop", "join", host_address))


def cmd_serve(args: argparse.Namespace) -> int:
    from textual_serve.server import Server

    host, _, port = args.listen.rpartition(":")
    if host not in _LOOPBACK:
        _err(f"tabletop serve: listening on {host}: the page and every key typed in it travel unencrypted; "
             "put it behind a TLS proxy (https) on a network you do not trust")
    _out(f"Teams open http://{args.listen}/ in a browser and type their code.")
    try:
        Server(join_command(args.address), host=host.strip("[]"), port=int(port), title="tabletop").serve()
    except OSError as exc:
        _err(f"tabletop serve: cannot listen on {args.listen}: {exc.strerror or exc}")
        return 1
    return 0
