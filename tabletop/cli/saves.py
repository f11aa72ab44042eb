"""``tabletop replay``, ``report`` and ``verify``: the commands that read a save, never change it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.literal import literal
from . import screens
from .terminal import _err, _line, _out

if TYPE_CHECKING:
    from argparse import _SubParsersAction


def cmd_replay(args: argparse.Namespace) -> int:
    from ..store import SaveError
    from ..store.reading import open_save

    try:
        save = open_save(args.save)
    except SaveError as exc:
        _err(f"tabletop replay: {exc}")
        return 1
    difference = save.check_records()
    if save.damage is not None:
        _err(f"tabletop replay: the save is damaged at {save.damage}; showing the {len(save)} intact events")
    if difference is not None:
        _err(f"tabletop replay: event {difference.seq} does not replay as it was recorded ({difference.kind}: "
             f"{difference.detail}); showing the game as it replays (run tabletop verify on the save)")
    if (code := screens._need_terminal()) is not None:
        return code
    from ..tui.replay import ReplayApp

    app = ReplayApp(save)
    app.run()
    if app.return_code or app._exception is not None:  # Textual caught an error in the viewer and stopped
        why = f" ({type(app._exception).__name__}: {_line(app._exception)})" if app._exception is not None else ""
        _err(f"tabletop replay: the viewer stopped on an internal error{why}. The save was only read, never changed.")
        return 1
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from ..report import ReportError, render
    from ..report.output import check_target, write_report
    from ..report.render import save_paths

    try:
        if args.output:
            # before any work: a report never replaces a save, nor a file nobody asked to replace
            check_target(Path(args.output), save_paths(args.saves), args.force)
        text = render(args.saves, args.format, audience=args.audience, paired=args.paired)
    except ReportError as exc:
        _err(f"tabletop report: {exc}")
        return 1
    if args.output:
        out = Path(args.output)
        try:
            write_report(out, text)
        except OSError as exc:
            _err(f"tabletop report: cannot write {out}: {exc.strerror or exc}")
            return 1
        _err(f"Report written to {out}")
    else:
        text = literal(text)  # each format made file text literal already; this is the last guard
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _noted_head(text: str) -> str:
    from ..store.heads import HEAD_PATTERN

    if not HEAD_PATTERN.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(
            "a chain head is 8 to 32 hex digits (0-9, a-f), as verify and the end screen print it")
    return text.strip()


def cmd_verify(args: argparse.Namespace) -> int:
    from ..store.verifying import verify

    report = verify(args.save, head=args.head)
    for line in report.lines():
        _out(line)
    return 0 if report.ok else 1


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``replay``, ``report`` and ``verify`` commands and their options."""
    p = sub.add_parser("replay", help="the debrief viewer: step through a saved game")
    p.add_argument("save", metavar="SAVE")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("report", help="write the debrief report of one or more saves")
    p.add_argument("saves", nargs="+", metavar="SAVE", help="saves, or directories of saves (several: a comparison)")
    p.add_argument("--format", choices=["md", "html", "json"], default="md")
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="write to FILE instead of the screen")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists (never a save being reported)")
    p.add_argument("--audience", choices=["facilitator", "participants"], default="facilitator",
                   help="facilitator: everything (default); participants: no control notes, and secret objectives "
                   "only once the game is over and if the ruleset reveals them")
    p.add_argument("--paired", action="store_true",
                   help="one save beside the same game (seed, cards, dice, the teams' choices) replayed under the "
                   "other independence rule (strict <-> linked); lists the choices the other rule refused")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verify", help="replay a save, check every line and hash; exit 1 on damage")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--head", default=None, metavar="H", type=_noted_head,
                   help="a chain head noted earlier (at least 8 hex digits): exit 1 unless the save ends there")
    p.set_defaults(func=cmd_verify)
