"""``--lang en|ru|uk`` on every command: the language a command speaks, chosen before its help is written.

The language is resolved from the arguments before the parser is built, so
that ``tabletop report --lang uk --help`` is already in Ukrainian: ``--lang``,
else ``TABLETOP_LANG``, else the locale (:func:`tabletop.lang.resolve`). The
parser knows the flag too (on the bare command and on every subcommand), so
it is listed in ``--help`` and accepted in either place.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence

from .. import lang
from ..lang import LANGUAGES, Domain

_, ngettext, N_ = Domain("cli").words()

FLAG = "--lang"


def flag_value(argv: Sequence[str], flag: str = FLAG) -> str | None:
    """The last ``--lang X`` or ``--lang=X`` (or ``flag``'s) before a ``--``, or None; a bare one at the end is ``""``."""
    found: str | None = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == flag:
            found = argv[i + 1] if i + 1 < len(argv) else ""
        elif word.startswith(flag + "="):
            found = word[len(flag) + 1 :]
    return found


def choose(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of this command line; :class:`tabletop.lang.LanguageError` if ``--lang``/``TABLETOP_LANG`` is bad."""
    return lang.resolve(flag_value(argv), environ)


def _code(text: str) -> str:
    # as tabletop.lang.check reads it: RU and " uk" are ru and uk
    return text.strip().lower()


def add_flag(parser: argparse.ArgumentParser) -> None:
    """``--lang`` on one parser (suppressed default: the bare command's value is not reset by a subcommand's)."""
    parser.add_argument(
        FLAG, default=argparse.SUPPRESS, metavar="LANG", choices=LANGUAGES, type=_code,
        help=_("the language of the screens, messages and reports: {languages} (default: TABLETOP_LANG, "
               "else the locale)").format(languages=", ".join(LANGUAGES)),
    )


def add_everywhere(parser: argparse.ArgumentParser) -> None:
    """``--lang`` on ``parser`` and on each of its subcommands."""
    add_flag(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                add_flag(sub)


# -- argparse's own words --------------------------------------------------
# Python ships no Russian or Ukrainian catalogue for argparse, so under ``--lang ru`` a mistyped command said
# "usage:", "the following arguments are required" and "invalid choice" in English around the Russian rest (found
# from outside). argparse looks its ``_`` up when it words a message; :func:`speak_argparse` gives it the ``cli``
# domain's, where these msgids (argparse's own, as Python 3.11 writes them) are translated. A message not listed
# here stays argparse's English.

#: argparse's messages a user of tabletop can meet, marked for the catalogue (the msgids are argparse's)
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
)


def speak_argparse() -> None:
    """argparse words its messages through the ``cli`` domain from now on (in the language of the moment)."""
    argparse._ = _  # type: ignore[attr-defined]  # argparse reads its module-level ``_`` at each message


