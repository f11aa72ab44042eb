"""The replay viewer's history of a game by round: a lane per track, and small charts.

Both read the board at the end of each round (up to the event shown) through
``state_at``, the save's replay, and are drawn as plain rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.text import Text

from ..engine import State
from ..engine.wording import STATUS_MARK, status_word
from ..lang import Domain
from .text import names, round_mark

_, ngettext, N_ = Domain("tui").words()

#: the headings of the lanes and charts, said inside f-strings below (Babel reads no f-string)
HEADINGS = (N_("track history"), N_("position"), N_("tension"), N_("meters"))
BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
#: The colour of a closed track's cell (an open one keeps the text's own).
_CLOSED_STYLE = {"agreed": "green", "collapsed": "red", "deferred": "yellow"}


def lanes_text(state_at: Callable[[int], State], index: int, round_ends: Mapping[int, int]) -> Text:
    """One lane per track: its position, tension and status at the end of each round so far."""
    state = state_at(index)
    n = names(state)
    rounds = [r for r in sorted(round_ends) if r <= state.round]
    out = Text()
    out.append(f"{_('track history'):<24}", style="bold")
    for r in rounds:
        out.append(f" {round_mark(r):<6}", style="bold")
    out.append("\n")
    ends = [state_at(min(round_ends[r], index)) for r in rounds]
    for spec in state.ruleset.tracks:
        out.append(f"{n[spec.id][:23]:<24}")
        for end in ends:
            t = end.tracks[spec.id]
            # an open track is the usual case: its cell carries no mark
            cell = f"{t.position}/{t.tension}{'' if t.status == 'open' else STATUS_MARK[t.status]}"
            out.append(f" {cell:<6}", style=_CLOSED_STYLE.get(t.status, ""))
        out.append("\n")
    out.append(_("cells: position/tension;") + " " + " ".join(status_word(s) for s in _CLOSED_STYLE), style="dim")
    return out


def charts_text(
    state_at: Callable[[int], State], index: int, round_ends: Mapping[int, int], up_to_round: int
) -> Text:
    """Position, tension and meters by round, each on its own fixed scale.

    (Textual's Sparkline rescales a series to its own min..max, so a tension
    that sits at 2 all game would draw as a full bar; a block per round on
    the track's own scale reads right, and needs no extra dependency.)
    """
    rounds = [r for r in sorted(round_ends) if r <= up_to_round]
    states = [state_at(min(round_ends[r], index)) for r in rounds]
    first = state_at(0)
    n = names(first)
    out = Text()
    header = "".join(f" {round_mark(r):<3}" for r in rounds) + "\n"

    def row(label: str, values: list[int], low: int, high: int, scale: str) -> None:
        out.append(f"{label[:23]:<24}")
        for v in values:
            level = 0 if high <= low else round((v - low) / (high - low) * (len(BLOCKS) - 1))
            out.append(f"  {BLOCKS[max(0, min(len(BLOCKS) - 1, level))]} ")
        out.append(f"  {scale}\n", style="dim")

    out.append(f"{_('position'):<24}" + header, style="bold")
    for t in first.ruleset.tracks:
        top = len(t.ladder) - 1
        row(n[t.id], [s.tracks[t.id].position for s in states], 0, top, f"0..{top}")
    out.append(f"{_('tension'):<24}" + header, style="bold")
    for t in first.ruleset.tracks:
        row(n[t.id], [s.tracks[t.id].tension for s in states], 0, t.breakdown_at, f"0..{t.breakdown_at}")
    if first.ruleset.meters:
        out.append(f"{_('meters'):<24}" + header, style="bold")
        for m in first.ruleset.meters:
            row(n[m.id], [s.meters[m.id] for s in states], m.min, m.max, f"{m.min}..{m.max}")
    return out


__all__ = ["BLOCKS", "charts_text", "lanes_text"]
