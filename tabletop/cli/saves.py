"""``tabletop replay``, ``report`` and ``verify``: the commands that read a save, never change it."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from . import screens
from .terminal import _document, _err, _line, _out, output_file, output_refused
from ..lang import Domain
from ..content.oswords import folder_words

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction


def cmd_replay(args: argparse.Namespace) -> int:
    from ..store import SaveError
    from ..store.reading import open_save

    try:
        save = open_save(args.save)
    except SaveError as exc:
        _err(f"tabletop replay: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    save.check_records()  # a record the game does not replay to ends the intact part, as verify names it
    # said once, before the viewer opens: the viewer draws on the terminal's alternate screen, and these lines are
    # there again when it closes (found from outside: said again after it, the damage read twice)
    damaged: list[str] = []
    if save.damage is not None:
        damaged.append(ngettext("tabletop replay: the save is damaged at {damage}; showing the {n} intact event",
                                "tabletop replay: the save is damaged at {damage}; showing the {n} intact events",
                                len(save)).format(damage=save.damage, n=len(save)))
        from ..store.continuation import continued_in
        from ..store.verifying import went_on_line

        went_on = continued_in(args.save, len(save))
        if went_on is not None:  # as verify says it (found from outside: the replay never named the copy)
            damaged.append(went_on_line(went_on))
    told = list(damaged)
    if len(damaged) < 2 and (save.damage is None or save.damage.seq > 0):
        from ..store.continuation import written_again_in
        from ..store.verifying import written_again_line

        # an older copy left at the save's name, as verify says it (found from outside: said by neither): the game
        # went on, whole, beside it; an intact file still exits 0
        if (again := written_again_in(args.save, len(save))) is not None:
            told.append(written_again_line(again))
    for line in told:
        _err(_line(line))
    if (code := screens._need_terminal("replay")) is not None:
        return code
    from ..play.clock import PICK_HOLD
    from ..tui.replay import ReplayApp

    app = ReplayApp(save, pick_hold=PICK_HOLD, **screens.language_of(ReplayApp))
    details = screens.kept_traceback(app)
    signum = screens.run_screen(app)
    if app.return_code or app._exception is not None:  # Textual caught an error in the viewer and stopped
        why = f" ({type(app._exception).__name__}: {_line(app._exception)})" if app._exception is not None else ""
        _err(_("tabletop replay: the viewer stopped on an internal error{why}. The save was only read, never changed.")
             .format(why=why))
        screens.say_crash_log(details)  # in the temp folder: the save's folder is only read
        return 1
    if signum is not None:
        return screens.stopped_by(signum, _("tabletop replay: the viewer closed on a stop signal ({signal}). The save "
                                            "was only read, never changed."))
    # a damaged save is shown, and the exit status says so, as verify's and report's do (found from outside: 0)
    return 1 if damaged else 0



def cmd_report(args: argparse.Namespace) -> int:
    from ..report import ReportError, render
    from ..report.output import check_target, chosen_format, write_report
    from ..report.render import save_paths

    output = args.output  # None: standard output (-o - too, :func:`~.terminal.output_file`)
    try:
        if output:
            # before any work: a name with a line break (found from outside: -o $'a\nb.md' wrote such a file), and
            # a report never makes folders, nor writes through a link to nothing (as play --save refuses them)
            if (refused := output_refused(output)) is not None:
                return _report_refused(*refused)
            # nor replaces a save, nor a file nobody asked to replace
            check_target(Path(output), save_paths(args.saves), args.force)
    except ReportError as exc:
        return _report_refused(exc, 1)
    try:
        fmt = chosen_format(args.format, output, ("md", "html", "json"))
    except ReportError as exc:  # -o FILE's suffix names no format: typed wrong (found from outside: exit 1)
        return _report_refused(exc, 2)
    told: list[str] = []
    try:
        text = render(args.saves, fmt, audience=args.audience, paired=args.paired, told=told)
    except ReportError as exc:
        # --paired given several saves is typed wrong (render names the option, found from outside: exit 1)
        return _report_refused(exc, 2 if exc.path == "--paired" else 1)
    if output:
        out = Path(output)
        try:
            # the facilitator's copy is theirs alone, as the save is; the participants' is handed to the room
            write_report(out, text, private=args.audience == "facilitator")
        except OSError as exc:
            _err(_("tabletop report: cannot write {path}: {problem}").format(path=out, problem=folder_words(exc)))
            return 1
        _err(_("Report written to {path}").format(path=out))
    else:
        _document(text)  # UTF-8, as -o FILE writes it, whatever the terminal's encoding
    for said in told:  # found from outside: a damaged save, or a file left out of a folder's report, went unsaid here
        _err(_("tabletop report: warning: {said}").format(said=_line(said)))
    # the report is written, and it is not the whole record: as verify, a script is told so (found from outside)
    return 1 if told else 0


def _report_refused(said: object, status: int) -> int:
    """Say ``said`` (a :class:`~tabletop.report.ReportError`, a refusal's words) after the command's name, on stderr;
    ``status``: 2 for a mistake in how the command was typed, as argparse's own, 1 for a file refused."""
    _err(f"tabletop report: {said}")  # untranslated: the command's name before a message worded where it arose
    return status


def _noted_head(text: str) -> str:
    from ..store.heads import HEAD_PATTERN

    # copied as verify and the end screen print it, "10181e68…": the ellipsis is theirs, not the head's (found
    # from outside: refused as not hex)
    head = text.strip().removesuffix("\u2026").removesuffix("...").strip()
    if not HEAD_PATTERN.fullmatch(head):
        raise argparse.ArgumentTypeError(
            _("a chain head is 8 to 32 hex digits (0-9, a-f), as verify and the end screen print it"))
    return head


def cmd_verify(args: argparse.Namespace) -> int:
    from ..store.verifying import verify

    report = verify(args.save, head=args.head)
    if report.refusal is not None:  # no save was read: said as every command says a refusal, on stderr after its name
        _err(f"tabletop verify: {_line(report.refusal)}")  # untranslated: the command's name before a message worded where it arose
        return 1
    for line in report.lines():  # each a record on one line: a break in a name or a key from the file is shown
        _out(_line(line))
    return 0 if report.ok else 1


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``replay``, ``report`` and ``verify`` commands and their options."""
    p = sub.add_parser("replay", help=_("the debrief viewer: step through a saved game"))
    p.add_argument("save", metavar="SAVE")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("report", help=_("write the debrief report of one or more saves"))
    p.add_argument("saves", nargs="+", metavar="SAVE", help=_("saves, or directories of saves (several: a comparison)"))
    p.add_argument("--format", choices=["md", "html", "json"], default=None,
                   help=_("md, html or json (default: as -o FILE's suffix names it, else md)"))
    p.add_argument("-o", "--output", default=None, metavar="FILE", type=output_file,
                   help=_("write to FILE instead of the screen (-: standard output, as without -o); UTF-8 either way"))
    p.add_argument("--force", action="store_true", help=_("with -o: replace FILE if it exists (never a save, nor a sweep's plan or rows)"))
    p.add_argument("--audience", choices=["facilitator", "participants"], default="facilitator",
                   help=_("facilitator: everything (default); participants: no control notes, and secret objectives "
                          "only once the game is over and if the ruleset reveals them"))
    p.add_argument("--paired", action="store_true",
                   help=_("one save beside the same game (seed, cards, dice, the teams' choices) replayed under the "
                          "other independence rule (strict <-> linked); lists the choices the other rule refused"))
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verify", help=_("replay a save, check every line and hash; exit 1 on damage"))
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--head", default=None, metavar="H", type=_noted_head,
                   help=_("a chain head noted earlier (at least 8 hex digits): exit 1 unless the save ends there"))
    p.set_defaults(func=cmd_verify)
