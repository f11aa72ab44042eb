"""The chain head: the hash of a save's last line, as people note it and check it later.

Each line's chain hash covers every line before it, so the head after event N
stands for the whole save up to N. Noted at the table (the end screen and the
reports show it) and given to ``tabletop verify --head``, it shows whether the
save is still the one that was played.
"""

from __future__ import annotations

import os
import re

from ..content.literal import from_here, shell_path
from ..lang import Domain, current, lang_flag

_, ngettext, N_ = Domain("store").words()

#: a noted chain head: the full hash or a prefix of at least 8 hex digits
HEAD_PATTERN = re.compile(r"[0-9a-fA-F]{8,32}")


def short_head(chain: str) -> str:
    """The chain head as people note it: its first 8 hex digits and an ellipsis."""
    return chain[:8] + "\u2026"


def head_line(events: int, chain: str) -> str:
    """``Chain head after event N: abcd1234…`` — one wording for the end screen, the reports and verify."""
    return _("Chain head after event {n}: {head}").format(n=events, head=short_head(chain))


def resume_command(path: object) -> str:
    """``tabletop resume PATH``, with ``--lang`` when the room's screen spoke another language than the command
    would by itself (:func:`~tabletop.lang.lang_flag`). One command for the quit message and the help's quit line
    (found from outside, helper-242: F1 left out the ``--lang uk`` the quit message gave)."""
    return f"tabletop resume {shell_path(from_here(path))}{lang_flag()}"  # untranslated: a command


def verify_command(save: object, head: str, document: bool = False) -> str:
    """The command that checks ``save`` (a path, as a shell takes it back; None: SAVE) against ``head``, noted
    earlier, in the language of the text that shows it. On a screen, ``--lang`` where verify would not speak that
    language by itself, by this terminal's settings, where the command is typed (:func:`~tabletop.lang.lang_flag`).
    A ``document`` (a report) is read on a machine whose settings it cannot know, so it always names its language,
    English too: its bytes do not depend on the machine that wrote it (found from outside: an English report's
    command, typed where the locale is Russian, verified in Russian). One rule for the end screen and the reports
    (issue 14: each had written the command its own way)."""
    flag = f" --lang {current()}" if document else lang_flag(os.environ)  # untranslated: a command's option
    return f"tabletop verify {shell_path(save)}{flag} --head {head}"  # untranslated: a command to type
