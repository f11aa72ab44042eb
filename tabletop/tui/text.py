"""Words and styled text for the screens, built as rich ``Text`` — never markup.

Card and scenario text can come from anyone: it is shown literally. Control
characters (an escape sequence in a deck) are shown as visible symbols, so
they can neither style the screen nor reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import Any

from rich.text import Text

from ..content import Card
from ..content.literal import literal
from ..engine import Event, State, objectives_met, wording
from ..engine.actions import FACILITATOR_KINDS
from ..engine.records import RULING_KINDS, Ruling, changes_of
from ..engine.telling import tell
from ..engine.wording import (
    UNDONE,
    effects_words,
    met_word,
    move_words,
    named,
    names,
    resource_name,
    wants_text,
)

#: A status as a screen shows it: ``✔ AGREED``.
STATUS_MARK = {status: wording.status_word(status, loud=True) for status in wording.STATUS_MARK}
STATUS_STYLE = {
    "open": "bold",
    "agreed": "bold green",
    "collapsed": "bold red",
    "deferred": "bold yellow",
}


def plain(value: Any, style: str = "") -> Text:
    return Text(literal(value), style=style)


def status_word(state: State, track_id: str) -> str:
    """A track's status as a screen shows it: ``✔ AGREED (provisional)``."""
    t = state.tracks[track_id]
    return wording.status_word(t.status, t.provisional, loud=True)


#: a gauge is at most this many cells: a longer scale is drawn to it, not cell by cell
GAUGE_CELLS = 20


def gauge(value: int, top: int, full: str = "\u25ae", empty: str = "\u25af", cells: int = GAUGE_CELLS) -> str:
    """``value`` of ``top`` as a bar, one cell per step up to ``cells`` steps, scaled beyond.

    The work is the same whatever the scale (a meter of 0..1000 draws 20 cells,
    not a thousand); a value above 0 shows at least one full cell and a value
    below the top at least one empty one, so scaling never hides a change from 0 or to the top.
    """
    top = max(0, top)
    value = max(0, min(top, value))
    if top > cells:
        scaled = value * cells // top  # whole numbers: exact for any size, no float overflow
        if value > 0:
            scaled = max(1, scaled)
        if value < top:
            scaled = min(cells - 1, scaled)
        value, top = scaled, cells
    return full * value + empty * (top - value)


def resources_words(resources: Mapping[str, int]) -> str:
    """What an actor holds: "3 capital, 1 mandate moscow"."""
    return ", ".join(f"{v} {resource_name(k)}" for k, v in resources.items()) or "no resources"


def card_text(state: State, card: Card, facilitator: bool, story: bool = True, scheduled: bool = False) -> Text:
    """A card as the panel shows it; without ``story`` (read out already, small screen) its text is left out.

    ``scheduled``: the card came up on the deck's schedule, and the panel says so
    (the facilitator is reminded that it may still be skipped or redrawn)."""
    n = names(state)
    out = Text()
    out.append(literal(card.title), style="bold")
    where = n.get(card.track, card.track) if card.track else "global"
    out.append(f"  [{where}]\n", style="dim")
    if scheduled and card.schedule is not None:
        words = wording.schedule_words(card.schedule, n, state.round)
        out.append(words[0].upper() + words[1:], style="bold")
        out.append(" — skip it (k) or redraw (r) if the room is elsewhere\n" if facilitator else "\n", style="dim")
    if card.text and story:
        out.append(literal(card.text) + "\n")
    if card.effects or not card.choices:  # a card whose choices are its whole effect says only the choices
        out.append("Effect: ", style="bold")
        out.append(effects_words(card.effects, n) + "\n")
    if card.choices:
        out.append(f"{n.get(card.chooser() or '', card.chooser())} chooses:\n", style="bold")
        for i, choice in enumerate(card.choices, 1):
            out.append(f"  {i}. {literal(choice.label)} \u2192 {effects_words(choice.effects, n)}\n")
    if card.requires:
        out.append("Only when: " + ", ".join(named(c, n) for c in card.requires) + "\n", style="dim")
    if facilitator and card.control_note:
        out.append("Control note (facilitator only): ", style="bold reverse")
        out.append(literal(card.control_note) + "\n")
    return out


def hidden_seqs(state: State, shown: Iterable[Event] = (), undone: Set[int] = frozenset()) -> set[int]:
    """Sealed moves not yet revealed: the room sees only that they were committed.

    A sealed move the facilitator took back (``undone``, among the events ``shown``) is never
    revealed: the shared screen keeps it hidden, and the undo says only that one was taken back."""
    hidden = {p.seq for p in state.queue if p.sealed and not p.revealed}
    if undone:
        hidden |= {e.seq for e in shown if e.seq in undone and e.action.kind == "move" and e.result.get("sealed")}
    return hidden


def changes_words(state: State, result: Mapping[str, Any]) -> str:
    """What an event changed on the board, in a few words: "Borders tension 2\u21924"."""
    n = names(state)
    return "; ".join(w for c in changes_of(result) if (w := wording.change_text(c, n, compact=True)))


def event_line(state: State, event: Event, hidden: set[int], undone: set[int] | None = None) -> Text:
    n = names(state)
    out = Text()
    out.append(f"{event.seq:>4} R{event.round} {event.phase[:5]:<5} ", style="dim")
    if event.seq in hidden:
        out.append(f"{n.get(event.action.actor or '', event.action.actor)} committed a sealed move")
        return out
    kind = event.action.kind
    if kind == "undo" and event.result.get("undoes") in hidden:
        out.append("FACILITATOR ", style="reverse")
        out.append("Undo: a sealed move taken back (what it was stays sealed)", style="bold")
        return out
    style = "bold" if kind in (*RULING_KINDS, "override", "undo", "end") else ""
    if kind in FACILITATOR_KINDS:
        out.append("FACILITATOR ", style="reverse")
    if undone and event.seq in undone:
        out.append(f"{UNDONE} ", style="italic")
        style += " strike"
    out.append(literal(tell(event, state.scenario)), style=style.strip())
    changed = changes_words(state, event.result)
    if changed:
        out.append(f"  [{changed}]", style="dim")
    return out


def ruling_lines(state: State, event: Event, brief: bool = False) -> list[Text]:
    """The working of a ruling: dice and modifiers, votes, the facilitator's reason.

    ``brief`` (a small screen): the modifiers that did not apply are counted, not listed."""
    ruling = Ruling.from_result(event.result)
    lines = wording.ruling_lines(ruling, names(state), brief)
    # a brief roll sits close under its move; every other line of working is indented as a detail
    first = "  " if brief and ruling is not None and ruling.resolution == "dice" else "      "
    return [Text((first if i == 0 else "      ") + line, style="italic") for i, line in enumerate(lines)]


def outcome_text(state: State, show_secret: bool) -> Text:
    """The end of a game: each track's outcome, each actor's objectives."""
    n = names(state)
    out = Text()
    out.append("Outcome per track\n", style="bold underline")
    for spec in state.ruleset.tracks:
        t = state.tracks[spec.id]
        rung = literal(spec.ladder[t.position])
        since = f" since round {t.since}" if t.since else ""
        # two short lines rather than one wide row: they read the same on 80 columns and on 200
        out.append(f"  {n[spec.id]}  ", style="bold")
        out.append(STATUS_MARK[t.status], style=STATUS_STYLE[t.status])
        out.append(f"{since}\n      position {t.position}/{len(spec.ladder) - 1} \u201c{rung}\u201d, "
                   f"tension {t.tension}/{spec.breakdown_at}\n")
    out.append("\nObjectives\n", style="bold underline")
    met = objectives_met(state)
    for actor in state.ruleset.actors:
        rows = met[actor.id]
        count = sum(1 for _, ok in rows if ok)
        out.append(f"  {n[actor.id]}: {count} of {len(rows)} met\n", style="bold")
        for objective, ok in rows:
            mark = f"{met_word(ok):<9}"
            shown = show_secret or not objective.secret
            text = literal(objective.text) if shown else "(secret objective)"
            out.append(f"     {mark} {text}\n", style="green" if ok else "red")
            if shown and not ok:
                out.append(_status_is_why(state, objective, n), style="dim")
    out.append("\nMeters: " + ", ".join(f"{n[m.id]} {state.meters[m.id]}" for m in state.ruleset.meters) + "\n")
    if state.end_reason:
        out.append(f"Game ended: {literal(state.end_reason)}\n", style="dim")
    return out


def _status_is_why(state: State, objective: Any, n: Mapping[str, str]) -> str:
    """Under an objective not met though its track reached the position: the status is why. Else ``""``."""
    track = state.tracks[objective.track]
    if objective.at_least is not None and track.position < objective.at_least:
        return ""
    ladder = next((t.ladder for t in state.ruleset.tracks if t.id == objective.track), ())
    status = wording.status_word(track.status, track.provisional)
    return f"               needs {wants_text(objective, ladder)}; {n[objective.track]}: {status}\n"
