"""Effects, conditions and modifiers in a few words, in the language of the moment.

``progress +1 on Borders``, ``Mutual trust −1``, ``position of Borders ≤ 0``,
``Borders status is agreed or deferred``: what a board, a card and a move's
help show. The content's own ``describe()`` words the same parts in its ids
and English for the record (a ruling's modifier sources in a save), which must
not depend on anyone's language; this wording is for people, through the
``engine`` catalogue, with the names of tracks, meters and resources the
caller gives (those of the seat's language).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ..content.vocabulary import Condition, Effect, Range, signed
from ..lang import Domain

_, ngettext, N_ = Domain("engine").words()

Name = Callable[[str], str]


def bounds(r: Range) -> str:
    """``2–4``, ``≥ 2``, ``≤ 3``, ``= 1``: figures and signs, the same in every language (found from outside:
    "needs: Opening statements 1..1", a range of one value, read as a typo in a room; «позиция <= 0», a
    programmer's operator, on a card panel). The record keeps its own signs (:meth:`Range.describe`)."""
    if r.at_least is not None and r.at_most is not None:
        if r.at_least == r.at_most:
            return f"= {r.at_least}"  # untranslated: a sign and a figure
        return f"{r.at_least}\u2013{r.at_most}"  # untranslated: figures and a dash
    if r.at_least is not None:
        return f"\u2265 {r.at_least}"  # untranslated: a sign and a figure
    return f"\u2264 {r.at_most}"  # untranslated: a sign and a figure


def signs(record: str) -> str:
    """A condition as recorded (a roll's modifier source, ``tension >= 3``) with the signs :func:`bounds` gives a
    room (``tension ≥ 3``): the save keeps its own words, the screens and reports read these."""
    said = record.replace(">=", "\u2265").replace("<=", "\u2264")
    said = re.sub(r"\b(\d+)\.\.\1\b", r"= \1", said)
    return re.sub(r"\b(\d+)\.\.(\d+)\b", "\\1\u2013\\2", said)


def either(words: list[str]) -> str:
    """``agreed or deferred``."""
    return _(" or ").join(words)


def part_words(part: Any, name: Name, resource: Name, status: Name) -> str | None:
    """``part`` in words, or None for a part this module does not know (the caller words it as recorded)."""
    key = getattr(part, "key", None)
    track = getattr(part, "track", None)
    if isinstance(part, Effect):
        return _effect(part, key, track, name, resource, status)
    if isinstance(part, Condition):
        return _condition(part, key, track, name, resource, status)
    return None


def _effect(part: Any, key: str | None, track: str | None, name: Name, resource: Name, status: Name) -> str | None:
    if key == "progress":
        if track:
            return _("progress {amount} on {track}").format(amount=signed(part.progress), track=name(track))
        return _("progress {amount}").format(amount=signed(part.progress))
    if key == "tension":
        if track:
            return _("tension {amount} on {track}").format(amount=signed(part.tension), track=name(track))
        return _("tension {amount}").format(amount=signed(part.tension))
    if key == "status":
        if track:
            return _("{track} becomes {status}").format(track=name(track), status=status(part.status))
        return _("track becomes {status}").format(status=status(part.status))
    if key == "meter":
        return _("{meter} {amount}").format(meter=name(part.meter), amount=signed(part.add))
    if key == "resource":
        return _("{resource} {amount}").format(resource=resource(part.resource), amount=signed(part.add))
    if key == "log":
        return _("log: {text}").format(text=log_said(name, part.log))
    return None


def _condition(part: Any, key: str | None, track: str | None, name: Name, resource: Name, status: Name) -> str | None:
    if key == "meter":
        return _("{meter} {range}").format(meter=name(part.meter), range=bounds(part._range()))
    if key == "resource":
        return _("{resource} {range}").format(resource=resource(part.resource), range=bounds(part._range()))
    if key == "tension":
        if track:
            return _("tension of {track} {range}").format(track=name(track), range=bounds(part.tension))
        return _("tension {range}").format(range=bounds(part.tension))
    if key == "progress":
        if track:
            return _("position of {track} {range}").format(track=name(track), range=bounds(part.progress))
        return _("position {range}").format(range=bounds(part.progress))
    if key == "round":
        return _("round {range}").format(range=bounds(part.round))
    if key == "status":
        statuses = either([status(s) for s in part.statuses()])
        if track:
            return _("{track} status is {statuses}").format(track=name(track), statuses=statuses)
        return _("status is {statuses}").format(statuses=statuses)
    return None


#: a log line's key in a names table (:func:`tabletop.engine.wording.scenario_names`): its English, so prefixed
LOG = "log\u2009"


def log_said(name: Name, text: str) -> str:
    """A log line (the English a save stores) in the words a names table gives it, or as written."""
    said = name(LOG + text)
    return text if said == LOG + text else said


#: a deck's stock argument text's key in a names table: its base words (what a bot said), so prefixed
STOCK = "stock\u2009"


def stock_said(names: Mapping[str, str], text: str) -> str | None:
    """A stock argument text (a bot's, or an example a team took) in the words of a names table's
    translation; None for any other text (a team's own words, shown as typed)."""
    return names.get(STOCK + text)


def lookup(names: Mapping[str, str] | None) -> Name:
    """A name for an id from ``names``; the id itself when it has none."""
    if names is None:
        return str
    return lambda key: names.get(key, key)


__all__ = ["LOG", "STOCK", "bounds", "either", "log_said", "lookup", "part_words", "signs", "stock_said"]
