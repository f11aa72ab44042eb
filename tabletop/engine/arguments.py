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
   counter's event reveals them all (``result["counters_revealed"]``).
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
from typing import Any

from ..content import MoveType, Scenario
from ..content.arguments import ODDS, ODDS_START, ArgueOptions, StockArgument
from .actions import Action, RuleViolation
from .codes import Code
from .lookups import _, N_, named, ngettext
from .state import Argument, State
from .wording import wanted_words

PRINCIPLE = N_("Not everything must be agreed for anything to be agreed")
#: the keys of a result a team may argue for: the track's own effects
OWN_EFFECTS = ("progress", "tension", "status")

#: The odds labels, likeliest first.
ODDS_LABELS: tuple[str, ...] = tuple(ODDS)


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


def stock_for(scenario: Scenario, track: str | None) -> StockArgument | None:
    """The deck's stock texts for arguing on ``track`` (the first ``[[arguments]]`` for it), or None."""
    return next((s for s in scenario.deck.arguments if s.track == track), None)


def stock_argument(scenario: Scenario, move: MoveType, track: str) -> tuple[str, tuple[str, ...]]:
    """The text and reasons ``legal_actions`` fills an argument with: the deck's first stock, or the move's name."""
    options = move.argue
    assert options is not None
    stock = stock_for(scenario, track)
    if stock is None:
        return move.name, ()
    return stock.actions[0], stock.reasons[: options.reasons]


def argue_actions(scenario: Scenario, actor: str, move: MoveType, track: str) -> list[Action]:
    """One ready argument per result the move offers on ``track``, filled from the stock."""
    assert move.argue is not None
    text, reasons = stock_argument(scenario, move, track)
    return [
        Action("move", actor=actor, move=move.id, track=track, text=text, wanted=wanted, reasons=reasons)
        for wanted in move.argue.results()
    ]


def _name(state: State, track: str | None) -> str:
    return named(state, "track", track) if track else str(track)


def check_wanted(state: State, options: ArgueOptions, track: str, wanted: Mapping[str, Any] | None) -> tuple[tuple[str, Any], ...]:
    """The result argued for, as sorted pairs; refused unless it is one of the track's own effects within limits."""
    if not isinstance(wanted, Mapping) or not wanted:
        raise RuleViolation(Code.NOT_ARGUABLE, _("An argument names the result it wants, e.g. progress +1."))
    if any(key not in OWN_EFFECTS for key in wanted):
        other = wanted.get("track")
        names = {"track": _name(state, track), "other": _name(state, other) if isinstance(other, str) else "", "principle": _(PRINCIPLE)}
        if state.scenario.ruleset.ruleset.independence == "strict":
            raise RuleViolation(Code.CROSS_TRACK, (
                _("An argument on '{track}' may change only that track, not '{other}' (independence rule 1, strict). \u201c{principle}.\u201d")
                if isinstance(other, str) else
                _("An argument on '{track}' may change only that track, not a shared meter (independence rule 1, strict). "
                  "\u201c{principle}.\u201d")).format(**names))
        raise RuleViolation(Code.CROSS_TRACK, (
            _("An argument on '{track}' may change only that track, not '{other}': its result is drawn from the track's own effects "
              "(trade across tracks with a link move).")
            if isinstance(other, str) else
            _("An argument on '{track}' may change only that track, not a shared meter: its result is drawn from the track's own "
              "effects (trade across tracks with a link move).")).format(**names))
    table = dict(wanted)
    if any(isinstance(v, bool) for v in table.values()) or table not in _offered(options):
        offered = ", ".join(wanted_words(r) for r in options.results())
        raise RuleViolation(Code.NOT_ARGUABLE, _("This argument may ask for one of: {offered}.").format(offered=offered))
    return tuple(sorted(table.items()))


def _offered(options: ArgueOptions) -> list[dict[str, object]]:
    """``options.results()`` as tables, worked out once per options (content never changes), not at
    every argument tabled."""
    kept = _OFFERED.get(id(options))
    if kept is None or kept[0] is not options:
        if len(_OFFERED) > 256:
            _OFFERED.clear()
        kept = _OFFERED[id(options)] = (options, [dict(r) for r in options.results()])
    return kept[1]


#: each argue options (kept, so that its id is not reused meanwhile) and the results it offers
_OFFERED: dict[int, tuple[ArgueOptions, list[dict[str, object]]]] = {}


def check_text(text: str | None, limit: int, what: str, required: bool) -> str | None:
    """A typed text, stripped; refused past ``limit`` characters or, when required, empty."""
    cleaned = (text or "").strip()
    if not cleaned:
        if required:
            raise RuleViolation(Code.INVALID_ACTION, _("An argument needs {what}.").format(what=what))
        return None
    if len(cleaned) > limit:
        raise RuleViolation(Code.TEXT_TOO_LONG, ngettext("{what} is {length} character long; at most {limit} fit.",
                                                         "{what} is {length} characters long; at most {limit} fit.",
                                                         len(cleaned)).format(
            what=what[:1].upper() + what[1:], length=len(cleaned), limit=limit))
    return cleaned


def check_argument(state: State, move: MoveType, action: Action) -> None:
    """Refuse an argument the move's table does not allow (its track, result, reasons, lengths)."""
    options = move.argue
    assert options is not None and action.track is not None
    if not options.offered_on(action.track):
        offered = ", ".join(f"'{_name(state, t)}'" for t in options.tracks)
        raise RuleViolation(Code.NOT_OFFERED, _("'{move}' is offered on {offered} only.").format(move=named(state, "move", move.id), offered=offered))
    check_wanted(state, options, action.track, action.wanted)
    check_text(action.text, options.text_length, _("the action it proposes"), required=True)
    reasons = action.reasons or ()
    if len(reasons) > options.reasons:
        raise RuleViolation(Code.INVALID_ACTION, ngettext(
            "An argument gives at most {most} reason; this one gives {count}.",
            "An argument gives at most {most} reasons; this one gives {count}.",
            options.reasons).format(most=options.reasons, count=len(reasons)))
    for i, reason in enumerate(reasons, 1):
        check_text(reason, options.reason_length, _("reason {number}").format(number=i), required=True)
    if action.odds is not None or action.strong is not None:
        raise RuleViolation(Code.INVALID_ACTION, _("The odds of an argument are set after the counters, not with it."))


def not_an_argument(state: State, move: MoveType, action: Action) -> None:
    """Refuse argument fields on a move that is not an argument (they would be saved and mean nothing)."""
    if action.wanted is not None or action.reasons is not None or action.odds is not None or action.strong is not None:
        raise RuleViolation(Code.INVALID_ACTION, _("'{move}' is not an argument: it takes no wanted result, reasons or odds.").format(move=named(state, "move", move.id)))


def new_argument(state: State, move: MoveType, action: Action) -> Argument:
    """The tabled argument of a checked ``move`` action: texts as typed (stripped), who may counter."""
    options = move.argue
    assert options is not None and action.track is not None and action.text is not None
    if options.counters == "all":
        counterers = tuple(a for a in state.scenario.index.actor_ids if a != action.actor)
    else:
        members = state.scenario.index.tracks[action.track].members
        counterers = tuple(a for a in state.scenario.index.actor_ids if a in members and a != action.actor)
    return Argument(
        text=action.text.strip(),
        wanted=check_wanted(state, options, action.track, action.wanted),
        reasons=tuple(r.strip() for r in action.reasons or ()),
        counterers=counterers,
        method=options.odds,
    )


def argument_actions(state: State, head: Any) -> list[Action]:
    """What ``legal_actions`` lists for the argument at the head of the queue (a Proposal)."""
    argument: Argument = head.argument
    track = head.track
    step = argument_step(argument)
    if step == "counter":
        who = argument.next_counterer()
        stock = stock_for(state.scenario, track)
        out = []
        if stock is not None and stock.counters:
            # each team in turn gets the next stock counter, so a bot's counters differ
            text = stock.counters[argument.counterers.index(who) % len(stock.counters)]
            out.append(_made("counter", actor=who, track=track, text=text))
        out.append(_made("counter", actor=who, track=track))
        return out
    if step == "odds":
        if argument.method == "matrix":
            items = len(argument.reasons) + len(countered(argument))
            return [_made("odds", track=track, strong=tuple(range(items))), _made("odds", track=track, strong=())]
        voter = argument.next_voter()
        if voter is not None:
            return [_made("odds", actor=voter, track=track, odds=label) for label in ODDS_LABELS]
        labels = ODDS_LABELS
        if argument.method == "vote":
            first = median_odds(argument.votes)
            labels = (first, *(label for label in ODDS_LABELS if label != first))
        return [_made("odds", track=track, odds=label) for label in labels]
    return [_made("roll", track=track)]


def _made(kind: str, actor: str | None = None, track: str | None = None, text: str | None = None,
          odds: str | None = None, strong: tuple[int, ...] | None = None) -> Action:
    """``Action(kind, ...)`` made once and handed out again (actions are values, equal by their fields):
    an argument's steps list the same few actions turn after turn."""
    key = (kind, actor, track, text, odds, strong)
    action = _MADE.get(key)
    if action is None:
        if len(_MADE) > 4096:  # a few per team, track and stock text of the scenarios in use
            _MADE.clear()
        action = _MADE[key] = Action(kind, actor=actor, track=track, text=text, odds=odds, strong=strong)
    return action


_MADE: dict[tuple[object, ...], Action] = {}


def countered(argument: Argument) -> tuple[tuple[str, str], ...]:
    """The counters actually made (passes left out), in the order they were entered."""
    return tuple((a, t) for a, t in argument.counters if t is not None)


__all__ = [
    "ODDS",
    "ODDS_LABELS",
    "ArgueOptions",
    "Argument",
    "argue_actions",
    "argument_actions",
    "argument_step",
    "check_argument",
    "check_text",
    "check_wanted",
    "countered",
    "matrix_odds",
    "median_odds",
    "new_argument",
    "stock_argument",
    "stock_for",
]
