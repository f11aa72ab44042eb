"""Matrix arguments in content: a move's ``[moves.argue]`` table, the odds, and a deck's stock arguments.

A ruleset offers the argument as a move with ``resolution = "argue"`` and an
``[moves.argue]`` table saying which results a team may argue for on the
track (drawn from the track's own effects: ``progress``, ``tension``,
``status``, within limits), who may counter, and how the odds are weighed.
A deck's ``[[arguments]]`` hold stock action texts, reasons and counters per
track: prompts for teams that are stuck, and what bots argue with.
The engine's side is :mod:`tabletop.engine.arguments`.
"""

# No `from __future__ import annotations` (see models.py): the fields' types are read at start.

from typing import Annotated, Literal

from .fields import Check, ContentModel, Limits
from .numbers import EFFECT_AMOUNT, Bound
from ..lang import Domain
from .vocabulary import Status

_, ngettext, N_ = Domain("content").words()

#: The odds a facilitator (or the room) may set, likeliest first, each a 2d6 target (roll >= target).
ODDS: dict[str, int] = {
    "very-likely": 4,  # 92 %
    "likely": 6,  # 72 %
    "even": 7,  # 58 %
    "unlikely": 9,  # 28 %
    "very-unlikely": 11,  # 8 %
}
#: The odds a "matrix" weighing starts from before strong reasons and counters shift it.
ODDS_START = "even"
Odds = Literal["very-likely", "likely", "even", "unlikely", "very-unlikely"]

#: how many reasons an argument may give (the ruleset may allow fewer)
REASONS = Bound(1, 3)
#: how long the action text, a reason or a counter may be (characters); the ruleset picks within this
TEXT_LENGTH = Bound(20, 500)
DEFAULT_TEXT_LENGTH = 280
DEFAULT_REASON_LENGTH = 200

AmountRange = Annotated[
    tuple[Annotated[int, EFFECT_AMOUNT.limits()], ...],
    Limits(min_length=2, max_length=2, strict=False, description="[lowest, highest], e.g. [1, 2]"),  # untranslated: JSON Schema text for editors
]


class ArgueOptions(ContentModel):
    """The ``[moves.argue]`` table of a move with ``resolution = "argue"``.

    ``progress`` and ``tension`` are ``[lowest, highest]`` changes a team may
    ask for (0 is never asked: an argument asks for a change); ``status`` the
    statuses it may argue the track into. ``tracks`` limits the tracks the move
    is offered on (none: every track). ``counters``: who may counter — the
    track's other ``members``, or ``all`` other teams. ``odds``: how the chance
    is weighed — the ``facilitator`` picks from :data:`ODDS`; ``matrix`` starts
    at even and moves one step likelier per strong reason, one step less likely
    per strong counter (the facilitator says which are strong); ``vote`` — the
    teams who may counter each vote for odds, and the facilitator confirms.
    """

    progress: AmountRange | None = None
    tension: AmountRange | None = None
    status: Annotated[tuple[Status, ...], Limits(strict=False)] = ()
    tracks: Annotated[tuple[str, ...], Limits(strict=False, description="tracks it is offered on (none: all)")] = ()  # untranslated: JSON Schema text for editors
    counters: Literal["members", "all"] = "members"
    odds: Literal["facilitator", "matrix", "vote"] = "facilitator"
    reasons: Annotated[int, REASONS.limits()] = REASONS.high
    text_length: Annotated[int, TEXT_LENGTH.limits()] = DEFAULT_TEXT_LENGTH
    reason_length: Annotated[int, TEXT_LENGTH.limits()] = DEFAULT_REASON_LENGTH

    def check(self) -> None:
        if self.progress is None and self.tension is None and not self.status:
            raise ValueError(_("an argue table needs at least one result to argue for: progress, tension or status"))
        for key in ("progress", "tension"):
            span = getattr(self, key)
            if span is not None and span[0] > span[1]:
                raise ValueError(_("{key} is [lowest, highest]: {low} is above {high}").format(
                    key=key, low=span[0], high=span[1]))
            if span is not None and span[0] == span[1] == 0:
                raise ValueError(_("{key} = [0, 0] offers no change to argue for: leave it out").format(key=key))
        if "open" in self.status:
            raise ValueError(_('status "open" cannot be argued for: an argument is made on an open track'))
        if len(set(self.status)) != len(self.status):
            raise ValueError(_("a status is listed twice"))
        if len(set(self.tracks)) != len(self.tracks):
            raise ValueError(_("a track is listed twice"))

    def results(self) -> tuple[dict[str, object], ...]:
        """Every result a team may argue for, as effect tables, in a stable order."""
        out: list[dict[str, object]] = []
        for key in ("progress", "tension"):
            span = getattr(self, key)
            if span is not None:
                out.extend({key: n} for n in range(span[0], span[1] + 1) if n != 0)
        out.extend({"status": s} for s in self.status)
        return tuple(out)

    def offered_on(self, track: str) -> bool:
        return not self.tracks or track in self.tracks


def shown(text: str) -> str:
    """A text the room must read has something to read: spaces alone are refused, as "" is."""
    if text and not text.strip():
        raise ValueError(_("has only spaces: write the text to show"))
    return text


#: what breaks a line, or moves the text on as a tab does: never in a name (shown as it is written, on one line)
_LINE_BREAKS = frozenset("\n\r\t\v\f\u2028\u2029")


def single_line(text: str) -> str:
    """A name, a title or a rung is one line: a line break or a tab in it is refused (found from outside: a rung
    written with ``\\r`` took three rows of every track card, and the rest of it began a line of its own)."""
    if any(ch in _LINE_BREAKS for ch in text):
        raise ValueError(_("is one line: it has a line break or a tab; write it on one line"))
    return text


StockText = Annotated[str, Limits(min_length=1, max_length=TEXT_LENGTH.high), Check(shown)]


class StockArgument(ContentModel):
    """A deck's ``[[arguments]]`` table: stock texts for arguing on one track.

    Shown to teams that are stuck and used by bots: ``actions`` are what a team
    proposes to do, ``reasons`` why it would work, ``counters`` why it would not.
    """

    track: str
    actions: Annotated[tuple[StockText, ...], Limits(min_length=1, strict=False)]
    reasons: Annotated[tuple[StockText, ...], Limits(strict=False)] = ()
    counters: Annotated[tuple[StockText, ...], Limits(strict=False)] = ()
