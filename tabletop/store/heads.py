"""The chain head: the hash of a save's last line, as people note it and check it later.

Each line's chain hash covers every line before it, so the head after event N
stands for the whole save up to N. Noted at the table (the end screen and the
reports show it) and given to ``tabletop verify --head``, it shows whether the
save is still the one that was played.
"""

from __future__ import annotations

import re

from ..lang import Domain

_, ngettext, N_ = Domain("store").words()

#: a noted chain head: the full hash or a prefix of at least 8 hex digits
HEAD_PATTERN = re.compile(r"[0-9a-fA-F]{8,32}")


def short_head(chain: str) -> str:
    """The chain head as people note it: its first 8 hex digits and an ellipsis."""
    return chain[:8] + "\u2026"


def head_line(events: int, chain: str) -> str:
    """``Chain head after event N: abcd1234…`` — one wording for the end screen, the reports and verify."""
    return _("Chain head after event {n}: {head}").format(n=events, head=short_head(chain))
