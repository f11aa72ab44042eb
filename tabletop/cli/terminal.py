"""What the command line writes on the terminal: every line literal, whatever a file held."""

from __future__ import annotations

import sys

from ..content import ContentError
from ..content.literal import literal


def _out(text: str = "") -> None:
    # names, keys and damage details come from files: no control character reaches the terminal
    print(literal(text), flush=True)


def _err(text: str) -> None:
    print(literal(text), file=sys.stderr, flush=True)


def _line(text: object) -> str:
    """One record (a problem, a path) on one line: a line break inside it is shown, not obeyed."""
    return literal(text, lines=False)


def _problems(exc: ContentError) -> str:
    return "\n".join(_line(p) for p in exc.problems)
