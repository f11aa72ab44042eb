"""The round review on the board: each track's net change over the round.

The numbers come from :mod:`tabletop.engine.review` (start of the round to
now, undone actions counting for nothing); this module only words them.
"""

from __future__ import annotations

from rich.text import Text

from ..engine import State
from ..engine.review import net_changes, undone_this_round
from ..engine.telling import tell
from ..engine.wording import moved
from ..store.heads import head_line
from .text import literal, names


def review_text(state: State, head: tuple[int, str] | None = None) -> Text:
    """"Review of round N": per track its status and net change; what was undone, apart.

    ``head``: the save's (events, chain hash), shown last, to note in the
    minutes at each round's end (``tabletop verify --head``).
    """
    n = names(state)
    out = Text(f"Review of round {state.round}\n", style="bold")
    for track, changes in net_changes(state).items():
        what = "; ".join(f"{c.what} {moved(c.before, c.after, compact=True)}" for c in changes) or "no change"
        out.append(f"  {n[track]}: {state.tracks[track].status}, {what}\n")
    undone = undone_this_round(state)
    if undone:
        out.append("Undone this round (not counted above):\n", style="dim")
        for event in undone:
            out.append(f"  {literal(tell(event, state.scenario))}\n", style="dim")
    if head is not None:
        out.append(f"{head_line(*head)} \u2014 note it in the minutes\n", style="italic")
    return out


__all__ = ["review_text"]
