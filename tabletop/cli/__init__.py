"""The ``tabletop`` command line (DESIGN section 7): the parser, and ``main``.

One module per group of commands, each adding its own subcommands:
:mod:`.validate` (validate, schema), :mod:`.simulate`, :mod:`.sweep`, :mod:`.play` (the
play screens: start, play, resume), :mod:`.saves` (replay, report,
verify), :mod:`.host` (one game on many screens), :mod:`.join` and
:mod:`.serve` (a seat's screen of a hosted game, in a terminal or a
browser); :mod:`.screens` runs the app and keeps a crash's details.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .._version import __version__
from ..content import ContentError
from . import host, join, play, saves, serve, simulate, sweep, validate
from .terminal import _err, _problems

Command = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _err(f"{self.prog}: error: {message}")
        _err(f"Try '{self.prog} --help'.")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every command, in the order ``tabletop --help`` lists them."""
    parser = _Parser(
        prog="tabletop",
        description="A terminal tabletop wargame for policy workshops.",
    )
    parser.add_argument("--version", action="version", version=f"tabletop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    validate.add_commands(sub)
    simulate.add_commands(sub)
    sweep.add_commands(sub)
    play.add_commands(sub)
    saves.add_commands(sub)
    host.add_commands(sub)
    join.add_commands(sub)
    serve.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` names (default: the process's arguments); its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = getattr(args, "func", play.cmd_start)
    try:
        return func(args)
    except ContentError as exc:
        _err(_problems(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
