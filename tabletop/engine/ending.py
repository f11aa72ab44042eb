"""What ending the game now would let lapse: the warning before the facilitator's end and the last round's advance.

The engine works it out (the end applied to a copy, :func:`.review.lapsed_at_end`); the screens say it. A module of
its own: it applies actions, and the modules the rules are made of read :mod:`.review`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from .actions import Action, Event
from .review import lapsed_at_end, numbered
from .rules import apply
from .state import State
from ..lang import Domain

_, ngettext, N_ = Domain("engine").words()


#: the undecided moves an end's question names one by one; those past them are counted
UNDECIDED_NAMED = 5


def end_warning(state: State, names: Mapping[str, str], step: Action | None,
                told: Callable[[Event], str]) -> str:
    """What ending the game now would leave behind, for the question before it, or ``""``: the provisional
    agreements of a package not complete that lapse, then the tabled moves never settled (:func:`undecided`), each
    in ``told``'s words: the screen's, made literal, in its language, a sealed move the room has not seen revealed
    kept sealed (no default: the engine's own words would be the base scenario's, raw, with every seal broken). Worked
    out by the engine (the end applied to a copy), not guessed. ``step``: the action that ends it (None: the
    facilitator's end; the last round's advance for its review).

    Found from outside: ``e`` said only "The outcome is taken as the board stands" and a provisional deal the room
    had worked for turned open on the end screen; in review, the console's last review said nothing of it either.
    And (uk, round 5's moves phase): four tabled moves were named only by the report, after the end, as never
    settled."""
    if state.over:
        return ""
    said = [_lapsing(state, names, step), _undecided_lines(state, told)]
    return "\n".join(s for s in said if s)


def _lapsing(state: State, names: Mapping[str, str], step: Action | None) -> str:
    if not any(t.provisional for t in state.tracks.values()):
        return ""
    lapsed = lapsed_at_end(state, apply(state, step or Action("end")))
    if not lapsed:
        return ""
    tracks = ", ".join(names.get(t.id, t.id) for t in state.ruleset.tracks if t.id in lapsed)
    return ngettext("Under the package deal, the provisional agreement on {tracks} lapses: the package is not complete.",
                    "Under the package deal, the provisional agreements on {tracks} lapse: the package is not complete.",
                    len(lapsed)).format(tracks=tracks)


def undecided(state: State) -> list[Event]:
    """The tabled moves an end now would leave never settled (voted on, rolled, ruled or revealed), oldest first:
    the report, after the end, says each "never settled: the game ended first"."""
    found = (numbered(state, p.seq) for p in state.queue)
    return [f[0] for f in found if f is not None]


def _undecided_lines(state: State, told: Callable[[Event], str]) -> str:
    moves = undecided(state)
    if not moves:
        return ""
    lines = [ngettext("Ending now leaves {count} tabled move undecided:",
                      "Ending now leaves {count} tabled moves undecided:", len(moves)).format(count=len(moves))]
    # each as the move alone: the heading says what an end would leave. Not the report's past tense, "→ never
    # settled: the game ended first" (found from outside: the question said so of each move before any end)
    lines += ["  " + _("#{seq} {move}").format(seq=e.seq, move=told(e)) for e in moves[:UNDECIDED_NAMED]]
    rest = len(moves) - UNDECIDED_NAMED
    if rest > 0:
        lines.append("  " + ngettext("and {count} more", "and {count} more", rest).format(count=rest))
    return "\n".join(lines)


def last_review_warning(state: State, names: Mapping[str, str], told: Callable[[Event], str]) -> str:
    """The warning the last round's review gives before its advance ends the game (:func:`end_warning`, each
    undecided move in ``told``'s words), or ``""``."""
    phases = state.ruleset.ruleset.phases
    if state.over or state.phase != phases[-1] or state.round < state.ruleset.ruleset.turns:
        return ""
    return end_warning(state, names, Action("advance"), told)


__all__ = ["UNDECIDED_NAMED", "end_warning", "last_review_warning", "undecided"]
