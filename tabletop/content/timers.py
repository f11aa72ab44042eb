"""Phase timers: how long each phase of a round may take, and what happens when time is up.

A ruleset may give them in its ``[ruleset]`` table::

    [ruleset.timers]
    event = "2m"
    moves = "6m"
    adjudication = "3m"
    review = "2m"
    on_time_up = "nothing"     # or "pass": the team the game waits on passes

A duration is written with units (``"90s"``, ``"5m"``, ``"1m30s"``, ``"1h"``)
or ``"off"`` for a phase with no timer. The same words set the timers on the
start screen and with ``play --timer moves=5m,review=2m`` (or ``--timer off``),
where the phases and units may also be written in the words the screens show
them with (``ходи=5хв``: :class:`TimerWords`). The engine never reads any of
this: timers are the room's business, not the rules'.
"""

# No `from __future__ import annotations` here: evaluated annotations let the start read
# the fields' types without typing.get_type_hints (see fields.hints).

import difflib
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal, NamedTuple

from .errors import as_latin, did_you_mean, meant, not_latin
from ..lang import Domain
from .fields import Check, ContentModel, Limits, replace

_, ngettext, N_ = Domain("content").words()

OFF = "off"
#: no phase may last longer than this: a longer timer is a typo ("300m" for "300s")
LONGEST = 3 * 60 * 60
#: the phases a ruleset may time, in round order (content.models.PHASES)
TIMED_PHASES: tuple[str, ...] = ("event", "moves", "adjudication", "review")
OnTimeUp = Literal["nothing", "pass"]
ON_TIME_UP: tuple[str, ...] = ("nothing", "pass")

_DURATION = re.compile(r"(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?")
_EXAMPLES = N_('"90s", "5m", "1m30s" or "off"')
#: a number and the unit word after it (``5 хв``), for :attr:`TimerWords.units`
_UNIT = re.compile(r"(\d+)\s*([^\W\d_]+)\.?")


class TimerWords(NamedTuple):
    """A language's words for the timers, as the screens show them, each to what the ``--timer`` spelling reads:
    found from outside, the Ukrainian start screen worded the timers «подія 2 хв, ходи 6 хв, …» and its field
    refused «ходи=5хв». The words come from the screens (``tui.text.timer_words``): this layer has none of its own.

    ``phases``: a phase's word to its id (``ходи`` → ``moves``); ``units``: a unit's word to ``h``, ``m`` or ``s``
    (``хв`` → ``m``); ``off``: the words for no timer (``вимк.``). All lower case."""

    phases: Mapping[str, str]
    units: Mapping[str, str]
    off: tuple[str, ...]


def _is_off(written: str, words: TimerWords | None) -> bool:
    return written == OFF or (words is not None and written in words.off)


def _in_units(written: str, words: TimerWords | None) -> str:
    """``written`` with the units of ``words`` in their ``--timer`` spelling: ``1 хв 30 с`` → ``1m 30s``."""
    if words is None or not words.units:
        return written
    return _UNIT.sub(lambda m: m.group(1) + words.units.get(m.group(2), m.group(2)), written)


def _examples(words: TimerWords | None) -> str:
    """Lengths as the one who typed them may write them: a ruleset's ("5m"), or, typed where the screens word them
    in a language (``words``), in its units too (found from outside: «'5хвилин' — не тривалість: пишіть як "90s",
    "5m"…», the field having just taken «ходи=5хв»)."""
    unit = {id_: word for word, id_ in words.units.items()} if words is not None else {}
    if not {"m", "s"} <= unit.keys() or not words or not words.off:
        return _(_EXAMPLES)
    m, s = unit["m"], unit["s"]
    # Translators: lengths of a phase as examples, each in quotes: "90с", "5хв", "1хв30с" or "вимк."
    return _("{a}, {b}, {c} or {d}").format(a=f'"90{s}"', b=f'"5{m}"', c=f'"1{m}30{s}"', d=f'"{words.off[0]}"')


def parse_duration(text: str, words: TimerWords | None = None) -> int | None:
    """Seconds in a duration such as ``"5m"`` or ``"1m30s"``; None for ``"off"``. ``words``: the units and the word
    for "off" of the screens' language, read as well (``"5 хв"``, ``"вимк."``).

    Raises ValueError with a sentence a designer can act on.
    """
    written = text.strip().lower()
    if _is_off(written, words):
        return None
    written = _in_units(written, words)
    if written.startswith("-"):
        raise ValueError(_("{text}: a phase cannot last a negative time; write a length such as {examples}").format(
            text=repr(text), examples=_examples(words)))
    match = _DURATION.fullmatch(written.replace(" ", ""))
    if not written or match is None or not any(match.groupdict().values()):
        raise ValueError(_("{text} is not a duration: write it as {examples}").format(text=repr(text),
                                                                                     examples=_examples(words)))
    if any(v is not None and len(v) > 9 for v in match.groupdict().values()):  # int() refuses 4,301 digits
        shown = text if len(text) <= 40 else text[:40] + "\u2026"
        raise ValueError(_("{text} is longer than 3 hours, the longest a phase may last").format(text=repr(shown)))
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    seconds = parts.get("h", 0) * 3600 + parts.get("m", 0) * 60 + parts.get("s", 0)
    if seconds == 0:
        raise ValueError(_("{text}: a timer of no time is up at once; give a length, or \"off\" for no timer").format(
            text=repr(text)))
    if seconds > LONGEST:
        raise ValueError(_("{text} is longer than 3 hours, the longest a phase may last").format(text=repr(text)))
    return seconds


def format_duration(seconds: int | None) -> str:
    """``330`` -> ``"5m30s"``, None -> ``"off"`` (what :func:`parse_duration` reads back)."""
    if seconds is None:
        return OFF
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "") + (f"{secs}s" if secs else "")
    return text or "0s"


def _duration(text: str) -> str:
    parse_duration(text)
    return text


Duration = Annotated[
    str,
    Limits(description='how long the phase may take: "90s", "5m", "1m30s" (at most 3 hours), or "off"'),  # untranslated: JSON Schema text for editors
    Check(_duration),
]


class Timers(ContentModel):
    """The ``[ruleset.timers]`` table: each phase's length, and what happens when time is up."""

    event: Duration = "2m"
    moves: Duration = "5m"
    adjudication: Duration = "3m"
    review: Duration = "2m"
    on_time_up: Annotated[
        OnTimeUp,  # untranslated: JSON Schema text for editors
        Limits(description='"nothing" (the facilitator decides), or "pass": in the moves phase, '
                           "each human team whose turn it is passes while the time is up"),
    ] = "nothing"

    def seconds(self, phase: str) -> int | None:
        """The length of ``phase`` in seconds; None when it has no timer."""
        text = getattr(self, phase, None) if phase in TIMED_PHASES else None
        return None if text is None else parse_duration(text)

    def describe(self) -> str:
        """``event=2m, moves=5m, ...`` as ``--timer`` writes them (a screen words them: ``tui.text.timers_words``)."""
        lengths = ", ".join(f"{p}={format_duration(self.seconds(p))}" for p in TIMED_PHASES)
        return lengths + self.time_up_words()

    def time_up_words(self) -> str:
        """What time up does, after the lengths (``; at time up the waiting team passes``), or nothing."""
        return _("; at time up the waiting team passes") if self.on_time_up == "pass" else ""


#: every phase off: ``--timer off``
NO_TIMERS = Timers(**dict.fromkeys(TIMED_PHASES, OFF))


def parse_timer_option(text: str, base: Timers, words: TimerWords | None = None) -> Timers:
    """``base`` changed by what a facilitator typed: ``moves=5m,review=2m``, ``off`` or ``on_time_up=pass``.

    ``words``: the phases, units and "off" as the screens show them in the language spoken (``ходи=5хв``), read as
    well as the ids. An empty text keeps ``base``. Raises ValueError naming the part that is wrong.
    """
    written = text.strip()
    if not written:
        return base
    if _is_off(written.lower(), words):
        return replace(base, **dict.fromkeys(TIMED_PHASES, OFF))
    phases = dict(words.phases) if words is not None else {}
    changes: dict[str, str] = {}
    for part in written.split(","):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition("=")
        key, value = key.strip().lower(), value.strip()
        said, key = key, phases.get(key, key)
        if not sep or not value:
            # 'оff' with a Cyrillic о is the word off typed on the other layout: the letter is named
            strange = not_latin(part) if as_latin(part) == OFF else ""
            raise ValueError(_("'{part}': write phase=length, e.g. moves=5m (or off for no timers at all)").format(
                part=part) + strange)
        if key == "on_time_up":
            if value not in ON_TIME_UP:
                raise ValueError(_("on_time_up={value}{hint}: expected one of {expected}").format(
                    value=value, hint=did_you_mean(value, ON_TIME_UP), expected=", ".join(ON_TIME_UP)))
        elif key in TIMED_PHASES:
            seconds = parse_duration(value, words)
            try:  # kept as typed when a ruleset reads it so ("90s"), else as a ruleset writes it
                parse_duration(value)
            except ValueError:  # "5хв", "вимк.", and "5min", the English screen's own unit (found from outside: kept
                value = format_duration(seconds)  # as typed, the moves phase stopped the game, the header unreadable)
        else:
            raise ValueError(_("unknown phase '{key}'{hint}; expected one of {expected} or on_time_up").format(
                key=said, hint=_phase_hint(said, phases), expected=", ".join(dict.fromkeys([*phases, *TIMED_PHASES]))))
        if key in changes:  # moves=5m,moves=6m: which one was meant?
            raise ValueError(_("{key} is given twice ({first}, then {second}): give each once").format(
                key=said, first=changes[key], second=value))
        changes[key] = value
    return replace(base, **changes)


def _phase_hint(typed: str, phases: Mapping[str, str]) -> str:
    """`` (did you mean 'x'?)`` for a phase mistyped: among the ids, or among the words of the language spoken (in
    which a Cyrillic letter is no mistake)."""
    if typed.isascii() or not phases:
        return did_you_mean(typed, (*TIMED_PHASES, "on_time_up"))
    close = difflib.get_close_matches(typed, list(phases), n=1, cutoff=0.6)
    if not close:  # a Latin id typed with a Cyrillic look-alike ('mоves' under Russian words): the letter is named
        return did_you_mean(typed, (*TIMED_PHASES, "on_time_up")) if as_latin(typed).isascii() else ""
    # a Latin word typed with a Cyrillic look-alike ('mоves' under English words): the letter is named
    return meant(close[0]) + (not_latin(typed) if close[0].isascii() else "")


def timers_from_data(data: Any) -> Timers | None:
    """Timers recorded in a save's clock reading, checked as a ruleset's are; None if they are not valid."""
    if not isinstance(data, dict):
        return None
    for key, value in data.items():
        if not isinstance(value, str):
            return None
        if key == "on_time_up":
            if value not in ON_TIME_UP:
                return None
        elif key in TIMED_PHASES:
            try:
                parse_duration(value)
            except ValueError:
                return None
        else:
            return None
    return replace(Timers(), **data)


__all__ = [
    "LONGEST",
    "NO_TIMERS",
    "OFF",
    "TIMED_PHASES",
    "TimerWords",
    "Timers",
    "format_duration",
    "parse_duration",
    "parse_timer_option",
    "timers_from_data",
]
