"""``tabletop validate`` and ``tabletop schema``: the commands for whoever writes rulesets and decks."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from .terminal import _document, _line, _out
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction


def cmd_validate(args: argparse.Namespace) -> int:
    from ..content.pairing import check_files

    checked = check_files(args.paths, sweep_policies=_policies)
    passed = checked.passed()
    for path, summary in passed:
        if path in checked.ruleset_failed:
            continue  # after the ruleset's problems, which are why it was checked alone
        # a ruleset that reads with a deck that does not is no scenario to play: not "ok" (its deck's problems follow)
        said = _("not ok  {path}: {summary}") if path in checked.deck_failed else _("ok  {path}: {summary}")
        _out(said.format(path=_line(path), summary=_line(summary)))
    for problem in checked.problems:
        _out(_line(problem))
    for path, summary in passed:
        # a deck that reads, given with a ruleset that does not, is no scenario to play either (found from outside:
        # "ok  DECK: … checked alone", then the ruleset's syntax error)
        if path in checked.ruleset_failed:
            _out(_("not ok  {path}: {summary}").format(path=_line(path), summary=_line(summary)))
    for line in checked.unchecked_lines():
        _out(_line(line))
    from ..content.overlayfiles import warnings

    for path, found in checked.overlays:
        for warning in warnings(path, found, verbose=args.verbose):
            _out(_line(warning))
    for problem in checked.warnings:  # a sweep file's: as the overlays' warnings, after the files' problems
        _out(_line(_("warning: {problem}").format(problem=problem)))
    if checked.problems:
        bad_files = checked.bad_files()
        problems = ngettext("{n} problem", "{n} problems", len(checked.problems)).format(n=len(checked.problems))
        _out(ngettext("{problems} in {n} file", "{problems} in {n} files", len(bad_files))
             .format(problems=problems, n=len(bad_files)))
        return 1
    if not checked.files:
        _out(_("nothing to validate"))
        return 1
    return 0


def _policies() -> tuple[str, ...]:
    """The bot policies a sweep file may name: imported only when one is validated (the simulator brings the engine)."""
    from ..sim import POLICIES

    return POLICIES


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_for

    _document(json.dumps(schema_for(args.kind), indent=2))  # a file for editors: UTF-8, as every document
    return 0


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``validate`` and ``schema`` commands and their options."""
    p = sub.add_parser("validate", help=_("check rulesets, decks and sweep files; exit 1 with file:line errors"))
    p.add_argument("paths", nargs="+", metavar="PATH", help=_("ruleset, deck or sweep files, or directories of them"))
    p.add_argument("-v", "--verbose", action="store_true",
                   help=_("list every untranslated or unstamped text of an overlay, not just the first few"))
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help=_("print the JSON Schema of a ruleset, deck, sweep file or save, for editors"))
    p.add_argument("kind", choices=["ruleset", "deck", "sweep", "save"])
    p.set_defaults(func=cmd_schema)
