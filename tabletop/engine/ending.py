"""What ending the game now would let lapse: the warning before the facilitator's end and the last round's advance.

The engine works it out (the end applied to a copy, :func:`.review.lapsed_at_end`); the screens say it. A module of
its own: it applies actions, and the modules the rules are made of read :mod:`.review`.
"""

from __future__ import annotations

from collections.abc import Mapping

from .actions import Action
from .review import lapsed_at_end
from .rules import apply
from .state import State
from ..lang import Domain

_, ngettext, N_ = Domain("engine").words()


def end_warning(state: State, names: Mapping[str, str], step: Action | None = None) -> str:
    """What ending the game now would let lapse, for the question before it: the provisional agreements of a
    package not complete, or ``""``. Worked out by the engine (the end applied to a copy), not guessed. ``step``:
    the action that ends it (the facilitator's end, by default; the last round's advance for its review).

    Found from outside: ``e`` said only "The outcome is taken as the board stands" and a provisional deal the room
    had worked for turned open on the end screen; in review, the console's last review said nothing of it either."""
    if state.over or not any(t.provisional for t in state.tracks.values()):
        return ""
    lapsed = lapsed_at_end(state, apply(state, step or Action("end")))
    if not lapsed:
        return ""
    tracks = ", ".join(names.get(t.id, t.id) for t in state.ruleset.tracks if t.id in lapsed)
    return ngettext("Under the package deal, the provisional agreement on {tracks} lapses: the package is not complete.",
                    "Under the package deal, the provisional agreements on {tracks} lapse: the package is not complete.",
                    len(lapsed)).format(tracks=tracks)


def last_review_warning(state: State, names: Mapping[str, str]) -> str:
    """The warning the last round's review gives before its advance ends the game (:func:`end_warning`), or ``""``."""
    phases = state.ruleset.ruleset.phases
    if state.over or state.phase != phases[-1] or state.round < state.ruleset.ruleset.turns:
        return ""
    return end_warning(state, names, Action("advance"))


__all__ = ["end_warning", "last_review_warning"]
