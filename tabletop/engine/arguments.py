"""Matrix arguments: a team argues for a result on a track, others counter, odds are weighed, dice decide.

The interface, for screens, bots, saves and reports
---------------------------------------------------

**Content.** A ruleset offers the argument as a track move with
``resolution = "argue"`` and an ``[moves.argue]`` table
(:class:`tabletop.content.arguments.ArgueOptions`)::

    [[moves]]
    id = "argue"
    name = "Make an argument"
    cost = { capital = 1 }
    resolution = "argue"
    fail_effects = [ { tension = 1 } ]     # optional, as for any move

    [moves.argue]
    tracks = ["track-two", "humanitarian"] # offered there only (none: every track)
    progress = [1, 2]                      # a team may ask for progress +1 or +2
    tension = [-1, -1]                     # ... or tension -1
    status = ["deferred"]                  # ... or that the track be deferred
    counters = "members"                   # who counters: "members" of the track, or "all" teams
    odds = "facilitator"                   # "facilitator" | "matrix" | "vote"
    reasons = 3                            # at most this many reasons (1..3)
    text_length = 280                      # the action text's limit (characters)
    reason_length = 200                    # each reason's and counter's limit

The odds are a short list of 2d6 targets, likeliest first
(:data:`ODDS`): very-likely 4+, likely 6+, even 7+, unlikely 9+,
very-unlikely 11+. A deck may hold stock texts per track::

    [[arguments]]
    track = "track-two"
    actions = ["Convene a closed expert round in a neutral capital"]
    reasons = ["Experts can test ideas no government can float"]
    counters = ["Nobody in the room can commit their government"]

**Actions, step by step** (each is an :class:`~tabletop.engine.actions.Action`;
``legal_actions`` lists who must act at each step):

1. moves phase, the team's turn — the argument itself, an ordinary move::

       Action("move", actor="eu", move="argue", track="track-two",
              text="<the action, as typed>", wanted={"progress": 2},
              reasons=("<reason 1>", "<reason 2>"))

   ``wanted`` is one of the track's own effects within the table's limits
   (``{"progress": n}``, ``{"tension": n}`` or ``{"status": s}``; see
   ``ArgueOptions.results()``); ``reasons`` 0..``reasons`` texts. It costs
   and counts as any move; it is tabled (committed, in a sealed round) and
   waits for adjudication. ``legal_actions`` lists one such action per
   result the table offers, filled with the deck's first stock action and
   reasons (or the move's name and no reasons): a screen lets the team edit
   the texts; a bot picks from the stock.
2. adjudication, the argument at the head of the queue — counters, one per
   team who may counter, in turn order (the arguer excluded)::

       Action("counter", actor="ru", track="track-two", text="<counter>")
       Action("counter", actor="ru", track="track-two")        # passes

   ``legal_actions`` lists both (the counter with the deck's stock counter;
   a screen lets the team type its own). In a sealed round each counter is
   entered behind the gate: its event says only "committed", and the last
   counter's event reveals them all (``result["revealed"]``).
3. the odds, by the table's method:

   - ``facilitator``: ``Action("odds", track=T, odds="likely")`` (no actor);
   - ``matrix``: ``Action("odds", track=T, strong=(0, 3))`` — the
     facilitator marks the strong items, numbered over the reasons then the
     counters; the odds start at even and move one step likelier per strong
     reason, one step less likely per strong counter;
   - ``vote``: each team who may counter votes,
     ``Action("odds", actor="ru", track=T, odds="unlikely")``; then the
     facilitator confirms, ``Action("odds", track=T, odds=...)`` (listed
     with the teams' median first).

   The facilitator's odds action may carry ``wanted`` to scale the result
   back within the table's limits; a result on another track or a meter is
   refused (``CROSS_TRACK``, the principle's message).
4. ``Action("roll", track=T)`` — the existing chance kind: 2d6 >= the odds'
   target. On success the wanted result is applied to the track alone
   (through :class:`~tabletop.engine.scope.Bench`), and ``on_agreed``
   goodwill applies as for any agreement; on failure the move's
   ``fail_effects``. The event's ``result["ruling"]`` shows the working:
   ``{"resolution": "argue", "text", "wanted", "reasons", "counters":
   [[actor, text or None], ...], "odds", "odds_by", "target", "strong",
   "votes", "dice", "total", "success", "effect"}``.

Every step is one event, so undo takes back one step at a time, and a save
replays every text as typed. Refusals: ``NOT_OFFERED``, ``NOT_ARGUABLE``,
``CROSS_TRACK``, ``TEXT_TOO_LONG``, ``UNKNOWN_ODDS`` (:class:`Code`).

**State.** The tabled argument is a
:class:`~tabletop.engine.state.Proposal` with ``resolution = "argue"`` and
``argument`` an :class:`Argument` (who may counter, the counters so far, the
votes, the odds once set). :func:`argument_step` says which step it is at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from ..content.arguments import ODDS, ODDS_START, ArgueOptions

#: The odds labels, likeliest first.
ODDS_LABELS: tuple[str, ...] = tuple(ODDS)


class Argument(NamedTuple):
    """A tabled argument, as it goes through its steps.

    ``wanted`` is the result argued for as sorted ``(key, value)`` pairs (an
    effect table, kept hashable); ``counters`` the ``(actor, text)`` entered
    so far (text None: passed); ``votes`` the ``(actor, odds)`` of a vote;
    ``odds`` and ``odds_by`` ("facilitator", "matrix" or "vote") once set;
    ``strong`` the items the facilitator marked strong (matrix).
    """

    text: str
    wanted: tuple[tuple[str, Any], ...]
    reasons: tuple[str, ...]
    counterers: tuple[str, ...]
    method: str
    counters: tuple[tuple[str, str | None], ...] = ()
    votes: tuple[tuple[str, str], ...] = ()
    odds: str | None = None
    odds_by: str | None = None
    strong: tuple[int, ...] = ()

    @property
    def wanted_table(self) -> dict[str, Any]:
        return dict(self.wanted)

    def next_counterer(self) -> str | None:
        done = {a for a, _ in self.counters}
        return next((a for a in self.counterers if a not in done), None)

    def next_voter(self) -> str | None:
        """Who votes on the odds next (``vote`` method), or None."""
        if self.method != "vote":
            return None
        done = {a for a, _ in self.votes}
        return next((a for a in self.counterers if a not in done), None)


def argument_step(argument: Argument) -> str:
    """What the argument waits on: ``counter``, ``odds`` or ``roll``."""
    if argument.next_counterer() is not None:
        return "counter"
    if argument.odds is None:
        return "odds"
    return "roll"


def matrix_odds(reasons: int, counters: int) -> str:
    """The odds after ``reasons`` strong reasons and ``counters`` strong counters, from even."""
    index = ODDS_LABELS.index(ODDS_START) - reasons + counters
    return ODDS_LABELS[max(0, min(len(ODDS_LABELS) - 1, index))]


def median_odds(votes: Mapping[str, str] | tuple[tuple[str, str], ...]) -> str:
    """The middle of the teams' votes (the likelier of two middles), or even when nobody voted."""
    labels = list(votes.values()) if isinstance(votes, Mapping) else [label for _, label in votes]
    if not labels:
        return ODDS_START
    ranks = sorted(ODDS_LABELS.index(label) for label in labels)
    return ODDS_LABELS[ranks[(len(ranks) - 1) // 2]]


__all__ = ["ODDS", "ODDS_LABELS", "ArgueOptions", "Argument", "argument_step", "matrix_odds", "median_odds"]
