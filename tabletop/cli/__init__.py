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
import errno
import os
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from .._version import __version__
from ..content import ContentError
from ..content.errors import did_you_mean
from ..lang import Domain, LanguageError, current, set_language
from . import language, screens
from .terminal import _err, _line, _problems, say_what_the_terminal_shows

_, ngettext, N_ = Domain("cli").words()

Command = Callable[[argparse.Namespace], int]

#: the module of each group of commands and the commands it adds, in the order ``tabletop --help``
#: lists them: a command run imports its own module only (``tabletop play`` needs no sweep, no
#: host, no multiprocessing: the cold start, benchmarks/README.md)
COMMANDS: dict[str, tuple[str, ...]] = {
    "validate": ("validate", "schema"),
    "simulate": ("simulate",),
    "sweep": ("sweep",),
    "play": ("play", "resume"),
    "saves": ("replay", "report", "verify"),
    "host": ("host",),
    "join": ("join",),
    "serve": ("serve",),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        # argparse's own words (usage:, "invalid choice") through the cli domain (language.speak_argparse)
        _err(_("{prog}: error: {message}").format(prog=self.prog, message=message))
        _err(_("Try '{prog} --help'.").format(prog=self.prog))
        raise SystemExit(2)

    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        """argparse's, but words left over are refused by the command's own parser (its usage, its
        ``--help``), with the option meant when one is close: ``--sed 3`` is told ``--seed``."""
        found, extras = self.parse_known_args(args, namespace)
        if extras:
            parser = self._command_parser(getattr(found, "command", None))
            options = [o for action in parser._actions for o in action.option_strings if o.startswith("--")]
            typed = next((word.split("=", 1)[0] for word in extras if word.startswith("-")), None)
            parser.error(_("unrecognized arguments: %s") % " ".join(extras)
                         + (did_you_mean(typed, options) if typed is not None else ""))
        return found

    def _command_parser(self, command: str | None) -> argparse.ArgumentParser:
        """The parser of ``command`` (this one when none was named)."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and command in action.choices:
                return action.choices[command]  # type: ignore[no-any-return]
        return self

    def _check_value(self, action: argparse.Action, value: object) -> None:
        """argparse's, with the choice meant when one is close: ``replya`` is told ``replay``."""
        try:
            super()._check_value(action, value)  # type: ignore[misc]
        except argparse.ArgumentError as exc:
            choices = [str(c) for c in action.choices or ()]
            raise argparse.ArgumentError(action, exc.message + did_you_mean(str(value), choices)) from None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, in the order ``tabletop --help`` lists them.

    ``command``: only that command's (and the others of its module): what running it
    needs. Its help, usage and errors are the same as the whole parser's.
    """
    language.speak_argparse()  # argparse's usage line, headings and errors in the language spoken too
    parser = _Parser(
        prog="tabletop",  # untranslated: the command's name
        description=_("A terminal tabletop wargame for policy workshops."),
    )
    parser.add_argument("--version", action="version", version=f"tabletop {__version__}",  # untranslated: name, number
                        help=_("show the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module, names in COMMANDS.items():
        if command is None or command in names:
            import_module(f"{__name__}.{module}").add_commands(sub)
    language.add_everywhere(parser)
    screens.add_theme(parser)
    return parser


def _named(words: Sequence[str]) -> str | None:
    """The command ``words`` start with, if any (an option first, or a typo: None, the whole parser)."""
    return words[0] if words and any(words[0] in names for names in COMMANDS.values()) else None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command ``argv`` names (default: the process's arguments); its exit status.

    The language (``--lang``, ``TABLETOP_LANG``, the locale) is chosen first, so
    that the help and every message are in it; a bad one is exit 2.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    say_what_the_terminal_shows()  # before the first word: a terminal that lacks a letter shows "?", never a traceback
    try:
        code = language.choose(argv)
    except LanguageError as exc:
        _err(_("tabletop: {problem}").format(problem=exc))
        return 2
    # the process speaks it while the command runs (a screen's F4 may switch it); a test, or any caller
    # of main() in-process, gets its own language back afterwards
    before, theme = current(), os.environ.get("TABLETOP_THEME")
    set_language(code)
    try:
        # the theme too (--theme, TABLETOP_THEME), before any screen: a bad one is exit 2, as a bad language is
        if (refused := screens.choose_theme(argv)) is not None:
            _err(refused)
            return 2
        return _run(argv)
    finally:
        set_language(before)
        if theme is None:  # a caller of main() in-process gets its own environment back
            os.environ.pop("TABLETOP_THEME", None)
        else:
            os.environ["TABLETOP_THEME"] = theme


def _run(argv: list[str]) -> int:
    parser = build_parser(_named(argv))
    args = parser.parse_args(argv)
    func: Command | None = getattr(args, "func", None)
    if func is None:  # no command: the start screen
        from . import play

        func = play.cmd_start
    try:
        code = func(args)
        sys.stdout.flush()  # what is still buffered fails here, where it is said, not in the interpreter's exit
        return code
    except ContentError as exc:
        # a ruleset, deck or sweep file refused: each problem a line after the command's name, as every refusal
        # (found from outside: "fifo.toml: is not a regular file" from simulate and play, named by neither)
        _err(_problems(exc, _command(args)))
        return 1
    except KeyboardInterrupt:
        _err(_("interrupted"))
        return 130
    except BrokenPipeError:
        # the reader (``| head``) went away: what the command would have said is unknown, so never a success;
        # quiet, as a program killed by SIGPIPE is
        _stdout_gone()
        return READER_GONE
    except OSError as exc:
        from ..content.oswords import system_words  # an error path: not on the start path

        if not _writing_stdout(exc):
            if exc.filename is None:
                raise
            # a file's error no command foresaw (a name too long for the system, a folder it may not read): said,
            # never a traceback (found from outside: verify, report, replay and play --save of a 300-letter name)
            problem = system_words(exc)
            if exc.errno == errno.ENAMETOOLONG:  # found from outside: said, but not what to do
                problem = _("{problem}: give it a shorter name (at most 255 bytes a name: a Latin letter takes one, "
                            "a Cyrillic letter two)").format(problem=problem)
            # the command's name, as every message it foresaw starts (found from outside: "tabletop: cannot use")
            _quietly(_err, _("{command}: cannot use {path}: {problem}").format(
                command=_command(args), path=_line(str(exc.filename)), problem=problem))
            return 1
        _stdout_gone()
        _quietly(_err, _("tabletop: cannot write the output: {problem}").format(problem=system_words(exc)))
        return 1


def _command(args: argparse.Namespace) -> str:
    """``tabletop simulate``: the name every refusal of the command run starts with (``tabletop`` for the start
    screen)."""
    return " ".join(["tabletop", *([args.command] if getattr(args, "command", None) else [])])


#: a reader that went away: the status of a program killed by SIGPIPE, as a shell reports it (128 + 13)
READER_GONE = 141


def _writing_stdout(exc: OSError) -> bool:
    """Whether ``exc`` is stdout's: raised straight out of the command line's own code, which writes
    nowhere else unnamed (a named file's error names it, and the commands say those themselves)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return exc.filename is None and tb is not None and tb.tb_frame.f_globals.get("__name__", "").startswith(__name__)


def _stdout_gone() -> None:
    """Point stdout at /dev/null: what is still buffered is dropped at exit, not shown as "Exception ignored"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout is no file (a test's capture): nothing is flushed at exit
        pass


def _quietly(say: Callable[[str], None], text: str) -> None:
    try:
        say(text)
    except OSError:  # stderr failed too (a hung-up terminal): the exit status says it
        pass
