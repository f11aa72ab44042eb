"""``tabletop validate`` and ``tabletop schema``: the commands for whoever writes rulesets and decks."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from .terminal import _line, _out

if TYPE_CHECKING:
    from argparse import _SubParsersAction


def cmd_validate(args: argparse.Namespace) -> int:
    from ..content.pairing import check_files

    checked = check_files(args.paths)
    for path, summary in checked.passed():
        _out(f"ok  {_line(path)}: {_line(summary)}")
    for problem in checked.problems:
        _out(_line(problem))
    from ..content.overlayfiles import warnings

    for path, found in checked.overlays:
        for warning in warnings(path, found, verbose=args.verbose):
            _out(_line(warning))
    if checked.problems:
        bad_files = checked.bad_files()
        _out(f"{len(checked.problems)} problem{'s' if len(checked.problems) != 1 else ''} in {len(bad_files)} "
             f"file{'s' if len(bad_files) != 1 else ''}")
        return 1
    if not checked.files:
        _out("nothing to validate")
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_for

    _out(json.dumps(schema_for(args.kind), indent=2))
    return 0


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``validate`` and ``schema`` commands and their options."""
    p = sub.add_parser("validate", help="check rulesets and decks; exit 1 with file:line errors")
    p.add_argument("paths", nargs="+", metavar="PATH", help="ruleset or deck files, or directories of them")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="list every untranslated or unstamped text of an overlay, not just the first few")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of a ruleset, deck, sweep file or save, for editors")
    p.add_argument("kind", choices=["ruleset", "deck", "sweep", "save"])
    p.set_defaults(func=cmd_schema)
