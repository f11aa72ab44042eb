"""The replay viewer's history of a game by round: a lane per track, and small charts.

Both read the board at the end of each round (up to the event shown) through
``state_at``, the save's replay, and are drawn as plain rich ``Text``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from ..engine import State
from ..engine.wording import STATUS_MARK, provisional_words, status_name, status_word
from ..lang import Domain
from .text import STATUS_STYLE, names, round_mark

_, ngettext, N_ = Domain("tui").words()

#: the headings of the lanes and charts, said inside f-strings below (Babel reads no f-string)
HEADINGS = (N_("track history"), N_("position"), N_("tension"), N_("meters"))
BLOCKS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588"
#: The colour of a closed track's cell (an open one keeps the text's own).
_CLOSED_STYLE = {s: STATUS_STYLE[s] for s in ("agreed", "collapsed", "deferred")}


#: a row's name column at its narrowest, and the cells of a round in the lanes and in the charts
NAME, LANE_CELL, CHART_CELL = 24, 7, 4


def name_width(state: State, width: int | None) -> int:
    """The name column's cells: what the longest track or meter name needs, and a space, while the rounds keep half
    of ``width`` (None: no limit); never under :data:`NAME`. Found from outside: at 120x40 the track history read
    «Стратегічна стабільніс…» with room to spare. The lanes and the charts read the same names: their columns align."""
    n = names(state)
    rs = state.ruleset
    need = max((cell_len(n[x.id]) + 1 for x in (*rs.tracks, *rs.meters)), default=NAME)
    return max(NAME, need if width is None else min(need, width // 2))


def label(name: str, column: int = NAME) -> str:
    """A name in the name column (``column`` cells): cut with an ellipsis when it is longer (found from outside:
    Russian and Ukrainian track names were cut mid-word with no mark, «Стратегическая стабильн»)."""
    if cell_len(name) >= column:  # as the board cuts a name: by the cells it takes, the ellipsis after
        name = set_cell_size(name, column - 2).rstrip() + "\u2026"
    return set_cell_size(name, column)


def fitting(rounds: list[int], width: int | None, cell: int, scale: int = 0, column: int = NAME) -> list[int]:
    """The latest of ``rounds`` whose cells fit in ``width`` columns (None: every one) beside a name column of
    ``column`` cells, at least one: a long game or a narrow window showed round headings wrapped over many lines and
    no row of the table (found from outside)."""
    if width is None:
        return rounds
    room = max(1, (width - column - scale) // cell)
    return rounds[-room:]


def _earlier(shown: list[int], rounds: list[int]) -> str:
    """Says which rounds a narrow table leaves out, or nothing."""
    if len(shown) == len(rounds):
        return ""
    if shown[0] - 1 == rounds[0]:
        return "\n" + _("(round {n}: a wider window shows it)").format(n=rounds[0])
    return "\n" + _("(rounds {first}-{last}: a wider window shows them)").format(first=rounds[0], last=shown[0] - 1)


def lanes_text(state_at: Callable[[int], State], index: int, round_ends: Mapping[int, int],
               width: int | None = None) -> Text:
    """One lane per track: its position, tension and status at the end of each round so far (the latest rounds
    that fit ``width`` columns)."""
    state = state_at(index)
    n = names(state)
    every = [r for r in sorted(round_ends) if r <= state.round]
    column = name_width(state, width)
    rounds = fitting(every, width, LANE_CELL, column=column)
    out = Text()
    out.append(f"{_('track history'):<{column}}", style="bold")
    for r in rounds:
        out.append(f" {round_mark(r):<6}", style="bold")
    out.append("\n")
    ends = [state_at(min(round_ends[r], index)) for r in rounds]
    for spec in state.ruleset.tracks:
        out.append(label(n[spec.id], column))
        for end in ends:
            t = end.tracks[spec.id]
            # an open track is the usual case: its cell carries no mark; a provisional agreement's in brackets
            cell = f"{t.position}/{t.tension}{_mark(t.status, t.provisional)}"
            out.append(f" {cell:<6}", style=_CLOSED_STYLE.get(t.status, ""))
        out.append("\n")
    legend = [status_word(s) for s in _CLOSED_STYLE]
    if state.independence == "linked":  # found from outside: a provisional agreement read as a final one
        legend.insert(1, f"{_mark('agreed', True)} {provisional_words(status_name('agreed'))}")
    out.append(_("cells: position/tension;") + " " + ", ".join(legend) + _earlier(rounds, every), style="dim")
    return out


def _mark(status: str, provisional: bool) -> str:
    """A cell's status mark: none for an open track, ``✔`` for an agreement, ``(✔)`` for a provisional one."""
    if status == "open":
        return ""
    return f"({STATUS_MARK[status]})" if provisional else STATUS_MARK[status]


def charts_text(
    state_at: Callable[[int], State], index: int, round_ends: Mapping[int, int], up_to_round: int,
    width: int | None = None
) -> Text:
    """Position, tension and meters by round, each on its own fixed scale.

    (Textual's Sparkline rescales a series to its own min..max, so a tension
    that sits at 2 all game would draw as a full bar; a block per round on
    the track's own scale reads right, and needs no extra dependency.)
    """
    every = [r for r in sorted(round_ends) if r <= up_to_round]
    first = state_at(0)
    column = name_width(first, width)
    rounds = fitting(every, width, CHART_CELL, scale=8, column=column)
    states = [state_at(min(round_ends[r], index)) for r in rounds]
    n = names(first)
    out = Text()
    header = "".join(f" {round_mark(r):<3}" for r in rounds) + "\n"

    def row(name: str, values: list[int], low: int, high: int, scale: str) -> None:
        out.append(label(name, column))
        for v in values:
            level = 0 if high <= low else round((v - low) / (high - low) * (len(BLOCKS) - 1))
            out.append(f"  {BLOCKS[max(0, min(len(BLOCKS) - 1, level))]} ")
        out.append(f"  {scale}\n", style="dim")

    out.append(f"{_('position'):<{column}}" + header, style="bold")
    for t in first.ruleset.tracks:
        top = len(t.ladder) - 1
        row(n[t.id], [s.tracks[t.id].position for s in states], 0, top, f"0..{top}")
    out.append(f"{_('tension'):<{column}}" + header, style="bold")
    for t in first.ruleset.tracks:
        row(n[t.id], [s.tracks[t.id].tension for s in states], 0, t.breakdown_at, f"0..{t.breakdown_at}")
    if first.ruleset.meters:
        out.append(f"{_('meters'):<{column}}" + header, style="bold")
        for m in first.ruleset.meters:
            row(n[m.id], [s.meters[m.id] for s in states], m.min, m.max, f"{m.min}..{m.max}")
    if earlier := _earlier(rounds, every):
        out.append(earlier.strip(), style="dim")
    return out


__all__ = ["BLOCKS", "charts_text", "fitting", "label", "lanes_text", "name_width"]
