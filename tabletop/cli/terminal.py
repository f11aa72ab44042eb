"""What the command line writes on the terminal: every line literal, whatever a file held."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..content import ContentError
from ..content.literal import literal
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()


def _out(text: str = "") -> None:
    # names, keys and damage details come from files: no control character reaches the terminal
    print(literal(text), flush=True)


def _err(text: str) -> None:
    print(literal(text), file=sys.stderr, flush=True)


def _notice(command: str) -> Callable[[str], None]:
    """A long run's word to the person waiting (``tabletop sweep: no Dask worker has joined…``), on stderr."""
    return lambda text: _err(f"tabletop {command}: {_line(text)}")  # untranslated: the command's name


def _line(text: object) -> str:
    """One record (a problem, a path) on one line: a line break inside it is shown, not obeyed."""
    return literal(text, lines=False)


def _problems(exc: ContentError) -> str:
    return "\n".join(_line(p) for p in exc.problems)


def control_refused(path: object, option: str) -> str | None:
    """What is wrong with a path a person gave ``option`` that holds a control character (a line break, a tab), or
    None: such a name broke every line that named it (found from outside: ``--save saves/a$'\\n'b.jsonl``)."""
    text = str(path)
    if literal(text, lines=False) == text:  # the one sanitiser's list: nothing in it it would show otherwise
        return None
    return _("{path} has a control character (a line break, a tab) in its name; give {option} a name without "
             "one").format(path=_line(text), option=option)
