"""A ruling's working as a screen words it, headless: one plain line each, every typed text quoted and marked with its
language where the reader reads another (``“…” (ru)``).

The hot seat's board, its replay and its ruling view style these lines (:func:`tabletop.tui.text.ruling_lines`); the
host sends them in each seat's log (:mod:`tabletop.seats.views`), so a seat's ruling view reads as the hot seat's.
"""

from __future__ import annotations

from ..content.literal import literal
from ..engine import Event, State, wording
from ..engine.lookups import shown
from ..engine.records import Ruling
from ..engine.review import before_event, roll_readings
from ..engine.telling import package_said
from ..engine.wording import other_lang, text_lang

#: the quotation marks a ruling's working puts round a typed text, in each language
QUOTES = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c"))


def typed_texts(state: State) -> list[tuple[str, str]]:
    """Every text of the game typed in another language than the screen's (an argument, its counters,
    a ruling's reason: each event knows its language), as shown, with that language."""
    return [(literal(text), other) for e in state.log if e.action.lang is not None
            for text in (e.action.text, e.action.reason, *(e.action.reasons or ()))
            if text and (other := other_lang(text_lang(text, e.action.lang)))]


def _typed_marks(line: str, typed: list[tuple[str, str]]) -> list[tuple[int, str]]:
    """Where ``line`` ends quoting a typed text (in quotation marks, or after a colon to the end of its
    line), and the mark of its language to put there; last first."""
    marks = []
    for said, other in typed:
        for found in (*(left + said + right for left, right in QUOTES), f": {said}\n"):
            at = (line + "\n").find(found)
            if at >= 0:
                # as the engine's quoted() and every report mark it (found from outside: "[ru]" here, "(ru)" there)
                marks.append((at + len(found) - found.endswith("\n"), f" ({other})"))
    return sorted(set(marks), reverse=True)


def typed_marked(line: str, typed: list[tuple[str, str]]) -> str:
    """A line of working with each text it quotes as typed in another language marked ``“…” (ru)``."""
    for at, mark in _typed_marks(line, typed):
        line = line[:at] + mark + line[at:]
    return line


def working_lines(state: State, event: Event, brief: bool = False, before: State | None = None) -> list[str]:
    """The working of ``event``'s ruling, a line each (none: it settled no ruling): dice and modifiers, votes, the
    facilitator's reason, an argument's texts, odds and roll.

    ``brief`` (a small screen): the modifiers that did not apply are counted, not listed. ``before``: the game just
    before the event, where it is at hand (the replay); else found down ``state``'s undo stack
    (:func:`~tabletop.engine.review.before_event`): what each modifier read at the roll is said beside it."""
    ruling = Ruling.from_result(event.result)
    if ruling is None:
        return []
    typed = typed_texts(state) if ruling.resolution == "argue" or event.action.reason else []
    from ..engine import rulingwords  # the first ruling's: the first board has none to word

    said = wording.scenario_names(shown(state))
    if ruling.modifiers:  # each modifier's source in the room's words, as the report
        said.update(wording.modifier_names(shown(state), said))
    if before is None and ruling.modifiers:  # the board's and a seat's: the game before the roll, from its undo stack
        before = before_event(state, event.seq)
    readings = roll_readings(before, event) if before is not None and ruling.modifiers else None
    return [typed_marked(line, typed) for line in rulingwords.ruling_lines(ruling, said, brief, readings)]


def is_ruling(state: State, event: Event) -> bool:
    """Whether ``event`` settled a ruling the room may read again whole: dice, a vote, the facilitator's, an
    argument's roll, an override (the facilitator's ruling on the game: its words say its reason, its changes what it
    changed; found from outside, ``l`` put up the ruling before it), or what the package deal did (a collapse
    reopened the provisional agreements). A move enacted as it is (``auto``: a stall at the reveal) was ruled on by
    nobody (found from outside: ``l`` put up a bots' stall as the ruling after the facilitator's)."""
    ruling = Ruling.from_result(event.result)
    return ((ruling is not None and (ruling.resolution != "auto" or ruling.lapsed))
            or event.action.kind == "override" or bool(package_said(state, event, shown(state))))


__all__ = ["QUOTES", "is_ruling", "typed_marked", "typed_texts", "working_lines"]
