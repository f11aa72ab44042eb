"""What happened, in plain words: one wording for the screens, the replay viewer and every report.

A ruling's working (dice and modifiers, votes, a veto, the facilitator's
reason, a lapse), a change on the board (``Borders: position 1 → 2``), a
status (``✔ agreed (provisional)``, on screen ``✔ AGREED``), an undone mark.
Plain strings, no markup and no styling: a screen styles them, a report
format escapes them. Where a screen and a report word the same thing
differently (a screen is narrow: ``2→4``, the modifier's source as recorded),
the difference is a parameter here, not a second copy.

Text from a scenario, a deck, a save or a facilitator goes through the one
sanitiser (:mod:`tabletop.content.literal`).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..content.arguments import ODDS
from ..content.literal import literal, one_line
from ..content.vocabulary import signed
from .records import Change, Ruling

if TYPE_CHECKING:
    from ..content import MoveType
    from ..content.models import Schedule
    from .state import State

STATUS_MARK = {
    "open": "\u25cb",  # ○
    "agreed": "\u2714",  # ✔
    "collapsed": "\u2716",  # ✖
    "deferred": "\u2016",  # ‖ (a pause sign that every font has; ⏸ is two cells wide in many terminals)
}
#: An objective met or not: the same marks as agreed and collapsed.
MET_MARK = {True: "\u2714", False: "\u2716"}
#: Put before an action that a later undo took back.
UNDONE = "(undone)"
#: Why a move came to nothing: its track closed before it was settled.
LAPSED = "lapsed: the track had closed"


def status_word(status: str, provisional: bool = False, *, loud: bool = False) -> str:
    """``✔ agreed (provisional)``: a symbol and a word, never colour alone.

    ``loud`` (a screen, where the word stands alone): ``✔ AGREED``.
    """
    word = f"{STATUS_MARK.get(status, '?')} {status.upper() if loud else status}"
    return word + " (provisional)" if provisional else word


def met_word(ok: bool) -> str:
    """``✔ met`` or ``✖ not met``: an objective, at the end of a game."""
    return f"{MET_MARK[bool(ok)]} {'met' if ok else 'not met'}"


def wants_text(objective: Any, ladder: Sequence[str]) -> str:
    """What an objective asks of its track, in words, by the rule that judges it
    (:mod:`tabletop.engine.objectives`).

    ``position ≥ 1 (Norm reaffirmed) and status agreed or deferred``; a position
    objective that names no status: ``position ≥ 3 (Candidate path) and not collapsed``.
    """
    parts = []
    if objective.at_least is not None:
        rung = f" ({one_line(ladder[objective.at_least])})" if 0 <= objective.at_least < len(ladder) else ""
        parts.append(f"position \u2265 {objective.at_least}{rung}")
    named = objective.statuses()
    if named:
        parts.append("status " + " or ".join(named))
    elif parts:
        parts.append("not collapsed")
    return " and ".join(parts)


def moved(before: Any, after: Any, *, compact: bool = False) -> str:
    """``2 → 4``; ``compact`` (a log line on a screen): ``2→4``."""
    return f"{before}\u2192{after}" if compact else f"{before} \u2192 {after}"


def resource_name(resource_id: str) -> str:
    """A resource as the room reads it: ``mandate-moscow`` is "mandate moscow" (resources have no names)."""
    return literal(resource_id.replace("-", " ").replace("_", " "))


def named_source(source: Any, names: Mapping[str, str]) -> str:
    """A modifier's recorded source (``trust >= 5``) with the meter or track it reads named.

    ``Mutual trust >= 5``: the first word is named when it is an id in ``names``.
    """
    text = one_line(source)
    first, sep, rest = text.partition(" ")
    return f"{names[first]}{sep}{rest}" if sep and first in names else text


def _who(ids: Sequence[str], names: Mapping[str, str]) -> str:
    return ", ".join(names.get(a, a) for a in ids)


def ruling_parts(
    ruling: Ruling, names: Mapping[str, str], *, screen: bool = False, brief: bool = False
) -> list[str]:
    """The working of a ruling, part by part, without its outcome.

    Dice and modifiers, votes and a veto, or the facilitator's reason.

    A report (the default) names each modifier's source, folds the reason to
    one line and says that an automatic move takes effect after the reveal.
    ``screen``: the source as recorded, the reason's own lines, nothing for an
    automatic move. ``brief`` (a small screen): the modifiers that did not
    apply are counted, not listed.
    """
    parts: list[str] = []
    kind = ruling.resolution
    if kind == "dice":
        if len(ruling.dice) == 2:
            parts.append(f"rolled {ruling.dice[0]} + {ruling.dice[1]}")
        idle = 0
        for mod in ruling.modifiers:
            if brief and not mod.applies:
                idle += 1
                continue
            source = literal(mod.source) if screen else named_source(mod.source, names)
            parts.append(f"{signed(mod.add)} for {source}{'' if mod.applies else ' (does not apply)'}")
        parts.append(f"= {ruling.total} vs target {ruling.target}")
        if idle:
            parts.append(f"{idle} modifier{'s' if idle != 1 else ''} did not apply")
    elif kind == "consensus":
        parts.append(f"accepted: {_who(ruling.accepted, names) or 'nobody'}")
        parts.append(f"rejected: {_who(ruling.rejected, names) or 'nobody'}")
        parts.append(f"needs {ruling.threshold} accepts")
        if ruling.vetoed_by:
            parts.append("vetoed by " + _who(ruling.vetoed_by, names))
    elif kind == "facilitator":
        reason = literal(ruling.reason) if screen else one_line(ruling.reason)
        parts.append(f"facilitator's reason: {reason or '(none given)'}")
    elif kind == "auto" and not screen:
        parts.append("takes effect after the reveal")
    elif kind == "argue":
        parts.extend(argument_parts(ruling, names, screen=screen))
    return parts


def odds_words(label: str | None) -> str:
    """``likely (6+ on two dice)``: the odds of an argument, and the roll they need."""
    if label is None:
        return "(not set)"
    target = ODDS.get(label)
    words = one_line(label.replace("-", " "))
    return f"{words} ({target}+ on two dice)" if target is not None else words


def argument_parts(ruling: Ruling, names: Mapping[str, str], *, screen: bool = False) -> list[str]:
    """An argument's working: the action, the result wanted, every reason and counter as typed,
    the odds and who set them, the roll. Typed texts go through the sanitiser, quoted."""
    show = literal if screen else one_line

    def quoted(text: Any) -> str:
        return f"\u201c{show(text)}\u201d"

    parts = [f"action: {quoted(ruling.text)}", f"wants: {one_line(ruling.effect or '')}"]
    marked = ruling.odds_by == "matrix"
    for i, reason in enumerate(ruling.reasons):
        parts.append(f"reason {i + 1}: {quoted(reason)}" + (" (strong)" if marked and i in ruling.strong else ""))
    made = 0
    for actor, text in ruling.counters:
        who = names.get(actor, actor)
        if text is None:
            parts.append(f"{who} did not counter")
            continue
        strong = marked and len(ruling.reasons) + made in ruling.strong
        made += 1
        parts.append(f"counter by {who}: {quoted(text)}" + (" (strong)" if strong else ""))
    votes = "; ".join(f"{names.get(a, a)}: {odds_words(o)}" for a, o in ruling.votes)
    by = {
        "facilitator": "set by the facilitator" + (f" after the teams voted ({votes})" if votes else ""),
        "vote": f"as the teams voted ({votes}), confirmed by the facilitator",
        "matrix": f"by the matrix rule from even: {len(ruling.strong)} strong of {len(ruling.reasons) + made}",
    }.get(str(ruling.odds_by), "")
    parts.append(f"odds: {odds_words(ruling.odds)}" + (f", {by}" if by else ""))
    if len(ruling.dice) == 2:
        parts.append(f"rolled {ruling.dice[0]} + {ruling.dice[1]} = {ruling.total} vs target {ruling.target}")
    return parts


def ruling_text(ruling: Ruling | None, names: Mapping[str, str]) -> str:
    """The working of a ruling in one line, with its outcome, as reports write it.

    ``rolled 3 + 4; +1 for Mutual trust >= 5; = 8 vs target 7 → succeeds``.
    """
    if ruling is None:
        return ""
    text = "; ".join(ruling_parts(ruling, names))
    if ruling.resolution == "auto" and not ruling.lapsed:
        return text
    if ruling.lapsed:
        outcome = LAPSED
    elif ruling.success is not None:
        outcome = "succeeds" if ruling.success else "fails"
        if ruling.success and ruling.resolution == "argue" and ruling.effect:
            outcome += f": {one_line(ruling.effect)}"
    else:
        return text
    return (text + " \u2192 " if text else "") + outcome


def ruling_lines(ruling: Ruling | None, names: Mapping[str, str], brief: bool = False) -> list[str]:
    """The working of a ruling as a screen shows it: one line of working, and one more if it lapsed."""
    if ruling is None:
        return []
    parts = ruling_parts(ruling, names, screen=True, brief=brief)
    if ruling.resolution == "argue":  # an argument's texts are long: one line each
        return parts + ([LAPSED] if ruling.lapsed else [])
    return (["; ".join(parts)] if parts else []) + ([LAPSED] if ruling.lapsed else [])


def change_text(
    change: Change,
    names: Mapping[str, str],
    ladders: Mapping[str, Sequence[str]] | None = None,
    *,
    compact: bool = False,
) -> str:
    """What one change did, as reports write it.

    ``Borders: position 1 → 2 (Line-of-contact talks)``, ``Mutual trust 2 → 1``,
    ``Mutual trust 2 → 3 (goodwill: Borders agreed)``,
    ``Russia capital 3 → 2``.

    ``compact`` (a line of the event log on a screen): ``Borders position 1→2``,
    a resource by its readable id (``mandate moscow``), no ladder rung, and an
    unknown form not worded at all (``""``).
    """
    step = moved(change.before, change.after, compact=compact)
    if change.track is not None:
        where = names.get(change.track, change.track)
        if compact:
            return literal(f"{where} {change.what} {step}")
        if change.what == "position":
            ladder = (ladders or {}).get(change.track, ())
            new = change.after
            rung = f" ({one_line(ladder[new])})" if isinstance(new, int) and 0 <= new < len(ladder) else ""
            return f"{where}: position {step}{rung}"
        return f"{where}: {change.what} {step}"
    if change.meter is not None:
        text = f"{names.get(change.meter, change.meter)} {step}"
        if change.spillover is not None:
            text += f" (goodwill: {names.get(change.spillover, change.spillover)} agreed)"
        return literal(text) if compact else text
    if change.resource is not None:
        who = names.get(str(change.actor), str(change.actor))
        if compact:
            return literal(f"{who} {resource_name(change.resource)} {step}")
        return f"{who} {one_line(change.resource)} {step}"
    return "" if compact else ", ".join(f"{k} {v}" for k, v in change.other)


def goodwill_words(track: str, gains: Sequence[tuple[str, int, int]]) -> str:
    """What an agreement spilled over: ``Borders agreed: Mutual trust +1 (goodwill)``.

    ``gains``: (meter name, what it gained, its value after); a meter already
    at its maximum gains nothing and says so.
    """
    parts = [f"{meter} {signed(gained)}" if gained else f"{meter} stays at its maximum of {after}"
             for meter, gained, after in gains]
    return f"{track} agreed: {', '.join(parts)} (goodwill)"


# -- the scenario's own words: names, effects, moves ------------------------


def names(state: State) -> dict[str, str]:
    """Every track, actor and meter id with its name as the room reads it."""
    rs = state.ruleset
    return {
        **{t.id: literal(t.name) for t in rs.tracks},
        **{a.id: literal(a.name) for a in rs.actors},
        **{m.id: literal(m.name) for m in rs.meters},
    }


def named(part: Any, names: Mapping[str, str] | None) -> str:
    """An effect, condition or modifier in a few words, with the names of the meters, tracks
    and resources it mentions in place of their ids ("Mutual trust −1", not "trust −1")."""
    if names is None:
        return literal(part.describe())
    shown = copy.copy(part)  # content parts are frozen: the copy carries the names, the original is untouched
    for field in ("meter", "track"):
        value = getattr(part, field, None)
        if isinstance(value, str) and value in names:
            object.__setattr__(shown, field, names[value])
    resource = getattr(part, "resource", None)
    if isinstance(resource, str):
        object.__setattr__(shown, "resource", resource_name(resource))
    return literal(shown.describe())


def effects_words(effects: Iterable[Any], names: Mapping[str, str] | None = None) -> str:
    """Effects in a few words each (a log line changes nothing on the board: left out)."""
    return ", ".join(named(e, names) for e in effects if e.key != "log") or "no effect"


def move_words(move: MoveType, names: Mapping[str, str] | None = None) -> str:
    """What a move costs, how it is resolved and what it does."""
    cost = ", ".join(f"{v} {resource_name(k)}" for k, v in move.cost.items()) or "free"
    how = {
        "auto": "at once",
        "consensus": "members vote",
        "dice": f"2d6 \u2265 {move.target}",
        "facilitator": "facilitator rules",
        "argue": "argued, countered, odds weighed, 2d6",
    }[move.resolution]
    if move.argue is not None:
        offered = ", ".join(_wanted_words(r) for r in move.argue.results())
        out = f"{cost}; {how}: the result argued for, one of {offered}"
    else:
        out = f"{cost}; {how}: {effects_words(move.effects, names)}"
    if move.link_effects:
        out += f"; on the linked track: {effects_words(move.link_effects, names)}"
    if move.fail_effects:
        out += f"; if it fails: {effects_words(move.fail_effects, names)}"
    return out


def _wanted_words(wanted: Mapping[str, Any]) -> str:
    if "status" in wanted:
        return one_line(wanted["status"])
    key, amount = next(iter(wanted.items()))
    return f"{key} {signed(amount)}"


def schedule_words(schedule: Schedule, names: Mapping[str, str] | None = None, drawn_in: int | None = None) -> str:
    """When a scheduled card is due, as the card panel and the log say it.

    "scheduled for round 3"; "scheduled for the first round when Mutual trust >= 5";
    "scheduled from round 2, the first round when ...". ``drawn_in``, the round it
    came up, says when a card due in its round came up later (it could not be played before).
    """
    when = ", ".join(named(c, names) for c in schedule.when)
    if schedule.round is None:
        return f"scheduled for the first round when {when}"
    if when:
        return f"scheduled from round {schedule.round}, the first round when {when}"
    text = f"scheduled for round {schedule.round}"
    if drawn_in is not None and drawn_in > schedule.round:
        text += f", held over to round {drawn_in}: it could not be played before"
    return text


__all__ = [
    "LAPSED",
    "MET_MARK",
    "STATUS_MARK",
    "UNDONE",
    "argument_parts",
    "change_text",
    "effects_words",
    "goodwill_words",
    "met_word",
    "move_words",
    "moved",
    "named",
    "named_source",
    "names",
    "odds_words",
    "resource_name",
    "ruling_lines",
    "ruling_parts",
    "ruling_text",
    "schedule_words",
    "status_word",
]
