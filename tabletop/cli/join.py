"""``tabletop join ADDR:PORT [CODE]``: one seat's screen of a game that ``tabletop host`` runs.

The code is best typed when the screen asks, or given in ``TABLETOP_CODE``: a code on the command line is there
for every user of the machine to read (``ps``), and joins as that seat (found by a security audit: another user
of a shared lab machine took the facilitator's seat so). It still joins, said once on stderr."""

from __future__ import annotations

import argparse
import os
from typing import Any

from .terminal import _err, _line
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


def address(text: str) -> str:
    """``HOST:PORT`` (a port from 1 to 65535), or a ``ws://``/``wss://`` URL (a host behind a TLS proxy).

    An IPv6 address is taken as ``--listen`` takes it, with or without brackets (``::1:8765``,
    ``[::1]:8765``), and given back in brackets: the form a URL needs."""
    if text.startswith(("ws://", "wss://")):
        return text
    host, sep, port = text.rpartition(":")
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if sep and bare and host_ok(bare) and port.isdigit() and not 1 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(_("the port must be from 1 to 65535, got {port} in '{text}'").format(
            port=port, text=text))
    if not sep or not bare or not port.isdigit() or not host_ok(bare):
        raise argparse.ArgumentTypeError(_("expected HOST:PORT (as 127.0.0.1:8765, or [::1]:8765 for IPv6), "
                                           "got '{text}'").format(text=text))
    number = int(port)  # digits of any script (found from outside: '127.0.0.1:١٨٧٦٥' hung on "Connecting…")
    return f"[{bare}]:{number}" if ":" in bare else f"{bare}:{number}"


def host_ok(host: str) -> bool:
    """A name or an IPv4 address (the resolver judges those), or, with a colon, an IPv6 address."""
    import ipaddress

    if ":" not in host:
        return "[" not in host and "]" not in host
    try:
        return isinstance(ipaddress.ip_address(host.partition("%")[0]), ipaddress.IPv6Address)
    except ValueError:
        return False


def add_commands(sub: Any) -> None:
    p = sub.add_parser("join", help=_("join a hosted game: a team's, the projector's or the facilitator's screen"))
    p.add_argument("address", metavar="ADDR:PORT", type=address, help=_("where `tabletop host` listens"))
    # the code's words joined (found in review: the docs say spaces in a code do not matter, and a code copied as
    # "K7MQ 3XRT 9PWA C4HD E5FZ" was refused as five arguments)
    p.add_argument("code", metavar="CODE", nargs="*", action=_Words,
                   help=_("the seat's join code: better left out, and the screen asks for it (every user of this "
                          "machine can read a command's words); for a script, {variable} instead").format(
                              variable=CODE_VARIABLE))
    p.set_defaults(func=cmd_join)


#: the environment variable a script gives the code in: readable by its own user only, unlike a command's words
CODE_VARIABLE = "TABLETOP_CODE"


def given_code(args: argparse.Namespace, served: bool) -> tuple[str | None, str | None]:
    """The code to join with: the command line's, with a warning that it is visible to every user of the machine
    (said on stderr and on the screen); else ``TABLETOP_CODE``'s; else None (the screen asks). A browser tab's
    screen (``served``) takes none from the environment: ``tabletop serve``'s would make every tab that one seat."""
    if args.code is not None and args.code.strip():
        warning = _("a code on the command line can be read by every user of this machine (ps), and joins as its "
                    "seat; leave it out and type it when the screen asks, or give it in {variable}").format(
                        variable=CODE_VARIABLE)
        _err(f"tabletop join: {warning}")  # untranslated: the command's name before its words
        return args.code, warning
    if served:
        return args.code, None
    return os.environ.get(CODE_VARIABLE) or args.code, None


class _Words(argparse.Action):
    """A positional of any number of words, kept as one text joined by spaces, or None for none."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, " ".join(values) if values else None)


def cmd_join(args: argparse.Namespace) -> int:
    from ..lang import SOURCE, LanguageError, named_language, set_language

    try:
        # None: nothing here names a language (a C locale, no --lang): the seat reads the host's (found from outside:
        # under host --lang uk, a projector joined on a C.UTF-8 machine showed the room English)
        lang = named_language(getattr(args, "lang", None))
    except LanguageError as exc:
        _err(f"tabletop join: {exc}")  # untranslated: the command before a message worded in lang
        return 2
    from .screens import _need_terminal, kept_traceback, run_screen, say_crash_log, stopped_by

    # under `tabletop serve` the screen is a browser's: textual-serve's web driver, no terminal
    if "TEXTUAL_DRIVER" not in os.environ and (refused := _need_terminal("join")) is not None:
        return refused
    from .lifeline import deaf_to_ctrl_c, end_with_parent, served_parent

    if (serve := served_parent()) is not None:  # a browser tab's screen: it ends when serve does, even killed
        end_with_parent(serve)
        deaf_to_ctrl_c()  # serve's terminal's Ctrl+C is serve's: it asks first
    set_language(lang or SOURCE)  # this screen's own words; the host words the seat's view in it too
    from ..play.clock import PICK_HOLD, TYPING_GAP
    from ..tui.seat import SeatApp

    code, warning = given_code(args, served=serve is not None or "TEXTUAL_DRIVER" in os.environ)
    # (stderr's warning is hidden under the screen until it ends: the screen says it too)
    app = SeatApp(args.address, code, lang=lang, pick_hold=PICK_HOLD, typing_gap=TYPING_GAP,
                  warnings=() if warning is None else (warning,))
    details = kept_traceback(app)
    try:
        signum = run_screen(app, holds_nothing=True)
    except Exception as exc:  # noqa: BLE001 - a seat's screen never leaves a traceback in the room
        import traceback

        details.write(traceback.format_exc())
        _err(_("tabletop join: the screen stopped on an internal error ({error})").format(
            error=_line(f"{type(exc).__name__}: {exc}")))
        say_crash_log(details)
        return 1
    if signum is not None:
        return stopped_by(signum, _("tabletop join: the screen closed on a stop signal ({signal})."))
    if (crash := _crashed(app)) is not None:  # an error in a handler or the link's worker stopped it
        _err(_("tabletop join: the screen stopped on an internal error ({error})").format(
            error=_line(f"{type(crash).__name__}: {crash}")))
        say_crash_log(details)
        return 1
    if app.return_code:
        return 1
    if not app.ever_joined:  # closed before a seat was joined: the host unreachable, the code refused
        if serve is None:  # a browser tab's screen says nothing: its page says the session ended, and its stderr
            # reached only serve's terminal, a line for each tab open as serving stopped (found from outside)
            from ..content.literal import literal

            _err(_("tabletop join: closed without joining a seat at {address}.").format(
                address=literal(args.address, lines=False)))
        return 1
    return 0


def _crashed(app: object) -> BaseException | None:
    """The error that stopped ``app``'s screen, if one did: a worker's own, not Textual's wrapper around it."""
    from textual.worker import WorkerFailed

    crash = getattr(app, "_exception", None)
    return crash.error if isinstance(crash, WorkerFailed) else crash
