"""Words and styled text for the screens, built as rich ``Text`` — never markup.

Card and scenario text can come from anyone: it is shown literally. Control
characters (an escape sequence in a deck) are shown as visible symbols, so
they can neither style the screen nor reach the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence, Set
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text

from ..content import Card, Scenario
from ..content.grammar import plural_subject
from ..content.literal import literal
from ..content.scenario import log_line
from ..content.timers import TIMED_PHASES, TimerWords, Timers
from ..engine import Action, Event, State, objectives_met, wording
from ..engine.actions import FACILITATOR_KINDS
from ..engine.cards import aside_words, held_over_now, parked, unmet_requires
from ..engine.lookups import shown
from ..engine.records import RULING_KINDS, Ruling, changes_of
from ..engine.review import ended_at, package_held, undone_event
from ..engine.telling import Happened, end_reason, package_said, placed, settled_notes, tell, undo_reason
from ..engine.wording import (
    amount_words,
    effects_words,
    met_word,
    named,
    once_word,
    undone_word,
    wants_text,
)
from ..lang import Domain
from .themes import STATUS_STYLE

_tui = Domain("tui")
_, ngettext, N_ = _tui.words()

#: under a sealed move about to be entered: the hot seat's move, its argument, and a seat's move
SEALED_NOTE = N_("Sealed: the others see only that you committed, until the reveal.")
pgettext = _tui.pgettext

#: how the board's tracks read (F1, under its keys): the hot seat's, and the facilitator's console, which draws the same
#: board (found from outside: its F1 named none of it). Found from outside, a first-time player read the ladder, ★,
#: "tension 4/8" and the timer with nothing to say what they are. Each as the board shows it: ``widgets.ladder_text``
#: (★: the rung where the track is agreed), the tension gauge, the status marks (``engine.wording.STATUS_MARK``), the
#: tracks' frames (``widgets.BORDERS``) and ⚠ (``engine.wording.near_breakdown``: found from outside, F1 named neither);
#: capital refills each round to the team's amount in the ruleset (``engine.flow``)
TRACKS_READING = N_("""\
Reading the board
  \u25cf\u2500\u25c9\u2500\u25cb\u2500\u2605       a track's ladder: \u25cf a step climbed, \u25c9 where the track is now, \u25cb a step ahead, \u2605 the rung where the track is agreed
  tension 4/8   the track's tension now / its breakdown: when it reaches 8 the track collapses, and no more moves are made on it
  \u25cb \u2714 \u2716 \u2016       a track's status: \u25cb open, \u2714 agreed, \u2716 collapsed, \u2016 deferred
  \u256d\u2500 \u2554\u2550 \u256d\u254c \u250f\u2501   a track's frame says it too: \u256d\u2500 open, \u2554\u2550 agreed, \u256d\u254c deferred, \u250f\u2501 collapsed; \u250c\u2500 \u25b6 the team to move plays on it
  \u26a0             a track a step from its breakdown
  capital       what a team's moves cost (each move's question says its price); at the start of every round it refills to the team's own amount: what is not spent is not kept
""")
#: the hot seat's phase timer, as its turn panel shows it (F1, under the tracks' reading)
BOARD_TIME_READING = N_("""\
  time 06:58    the time left in the phase named before it (MOVES: the moves phase)
""")
#: how the hot seat's board reads (F1, under its keys): its tracks and its timer (:func:`reading_text`)
BOARD_READING = (TRACKS_READING, BOARD_TIME_READING)


def reading_text(parts: Sequence[str]) -> str:
    """A help's reading of a screen (:data:`BOARD_READING`), its parts in the language spoken."""
    return "".join(_(part) for part in parts)


def move_details(said: str, sealed: bool) -> Text:
    """What a move's question says under it (``said``: the move's words, :func:`move_words`, a dice move's modifiers
    after them), and the sealed note in a sealed game: the hot seat's and a seat's question, and the argument dialog
    (found from outside: it said nothing of cost, sealing or judging, and sending took the team's capital)."""
    details = Text(said)
    if sealed:
        details.append("\n" + _(SEALED_NOTE), style="italic")
    return details



def inject_labels(state: State, language: str | None = None) -> list[tuple[str, Text]]:
    """Each card of the deck, its id and its line in the facilitator's inject list (the hot seat's and a seat's
    console): its title and its track as the room reads them in ``language`` (None: the language of the moment), and
    a mark where an inject would meet something on ``state``'s board: its track is deferred (the live session refuses
    it until the track is reopened: ``engine.powers.refuse_new``), else its condition does not hold (the facilitator
    may still play it, knowingly). Found from outside: the deferred track was said only by the refusal, after the
    pick."""
    scenario = shown(state, language)
    n = wording.scenario_names(scenario)
    labels = []
    for c in scenario.deck.cards:
        label = Text(f"{literal(c.title, lines=False)}  [{n.get(c.track, c.track) if c.track else _('global')}]")
        if parked(state, c) is not None:  # (the card's own track, named in the brackets)
            label.append(f"  \u2014 {wording.parked_word()}")
        elif unmet_requires(state, c):
            label.append(f"  \u2014 {wording.unmet_now_word()}")
        labels.append((c.id, label))
    return labels


def plain(value: Any, style: str = "") -> Text:
    return Text(literal(value), style=style)


def names(state: State) -> dict[str, str]:
    """Every track, actor, meter and resource id with its name as the room reads it, in the language spoken."""
    return wording.scenario_names(shown(state))


def status_mark(status: str) -> str:
    """A status as a screen shows it alone: ``✔ AGREED``."""
    return wording.status_word(status, loud=True)


def status_name(status: str) -> str:
    """A track's status id (``open``) as the room reads it, a plain word."""
    words = {
        "open": pgettext("status", "open"),
        "agreed": pgettext("status", "agreed"),
        "collapsed": pgettext("status", "collapsed"),
        "deferred": pgettext("status", "deferred"),
    }
    return words.get(status, status)


def phase_word(phase: str) -> str:
    """A phase's id as the room reads it (``moves``), in the language spoken; ``over``: a game ended (the engine's
    end or the facilitator's), said where its phase would be (the turn panel's, upper case; the replay's header)."""
    words = {
        "over": pgettext("phase", "game over"),
        "event": pgettext("phase", "event"),
        "moves": pgettext("phase", "moves"),
        "adjudication": pgettext("phase", "adjudication"),
        "review": pgettext("phase", "review"),
    }
    return words.get(phase, phase)


def timers_words(timers: Timers) -> str:
    """A scenario's phase timers as the room reads them: ``event 2 min, moves 6 min, …`` with the phases' words.

    Found from outside: the Ukrainian start screen read "Таймери: event=2m, moves=6m, …" (``--timer``'s ids) where
    every other screen says «подія / ходи / рішення / підсумки»."""
    def length(seconds: int | None) -> str:
        if seconds is None:
            return pgettext("switch", "off")
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        parts = [_("{n} h").format(n=hours) if hours else "", _("{n} min").format(n=minutes) if minutes else "",
                 _("{n} s").format(n=secs) if secs else ""]
        return " ".join(p for p in parts if p)

    lengths = ", ".join(_("{phase} {length}").format(phase=phase_word(p), length=length(timers.seconds(p)))
                        for p in TIMED_PHASES)
    return lengths + timers.time_up_words()


def timer_words() -> TimerWords:
    """The phases, units and "off" as :func:`timers_words` and the start screen word them, in the language spoken, for
    the timers typed (the start screen's field, ``--timer``) to read: found from outside, the Ukrainian start screen
    said «ходи 6 хв» and its field refused «ходи=5хв»."""
    units = {_("{n} h").format(n="").strip().lower(): "h", _("{n} min").format(n="").strip().lower(): "m",
             _("{n} s").format(n="").strip().lower(): "s"}
    off = pgettext("switch", "off").lower()
    return TimerWords(phases={phase_word(p).lower(): p for p in TIMED_PHASES},
                      units={word.rstrip("."): unit for word, unit in units.items() if word},
                      off=(off, off.rstrip(".")))


def timers_placeholder() -> str:
    """The start screen's timers field, empty: what it takes, in the screen's words (``ходи=5хв``)."""
    # Translators: {example} is a phase and its length as the field takes them ("moves=5min"), {off}: no timers
    return _("blank: scenario's; {example}; {off}").format(
        example=phase_word("moves") + "=" + _("{n} min").format(n=5).replace(" ", ""), off=pgettext("switch", "off"))


#: what the game waits for from the team whose turn it is
_TEAM_WAITS = {"move": N_("{actor} to move"), "vote": N_("{actor} to vote"), "choice": N_("{actor} to answer the card"),
               "counter": N_("{actor} to counter or pass"), "odds": N_("{actor} to vote on the odds")}
#: what the game waits for from the facilitator
_FACILITATOR_WAITS = {"draw": N_("draw the event card"), "card": N_("apply the card"), "roll": N_("roll the dice"),
                      "rule": N_("rule on the move"), "odds": N_("set the odds"), "enact": N_("reveal and apply"),
                      "advance": N_("continue"),
                      # a tabled move whose track has closed (play.decisions.lapse_decision), whatever it waited for
                      "lapse": N_("set aside the move that lapsed")}


def team_waits(waiting: str | None, who: str) -> str:
    """``Russia to move``: what the game waits for from the team ``who``."""
    return _(_TEAM_WAITS.get(waiting or "", N_("{actor} to act"))).format(actor=who)


def facilitator_waits(waiting: str | None) -> str:
    """``Facilitator: roll the dice``."""
    doing = _(_FACILITATOR_WAITS[waiting]) if waiting in _FACILITATOR_WAITS else waiting
    return _("Facilitator: {doing}").format(doing=doing)


def round_mark(number: int) -> str:
    """A round, short (``R3``), as the rulings and the timeline mark it."""
    return _("R{n}").format(n=number)


#: the width of the phase column of the rulings and the timeline
PHASE_WIDTH = 6


def phase_short(phase: str) -> str:
    """A phase in six letters at most, for the rulings' and the timeline's column (``adjud.``)."""
    words = {
        "event": pgettext("phase, six letters", "event"),
        "moves": pgettext("phase, six letters", "moves"),
        "adjudication": pgettext("phase, six letters", "adjud."),
        "review": pgettext("phase, six letters", "review"),
    }
    return words.get(phase, phase[:PHASE_WIDTH])


def event_mark(state: State, event: Event) -> str:
    """An event's number, round and phase, for the rulings' and the timeline's lines: the round and phase it is
    placed in (:func:`~tabletop.engine.telling.placed`, as every report labels it), so a step to the next phase
    reads "122 R6 event  Round 6 begins", as the board's header reads after it."""
    at = placed(event, state.scenario)
    return f"{event.seq:>4} {round_mark(at.round)} {phase_short(at.phase):<{PHASE_WIDTH}} "


def told(state: State, event: Event, earlier: Iterable[Happened] | None = None, *, worked: bool = False,
         teams: Mapping[str, str] | None = None, before: State | None = None) -> str:
    """What ``event`` did, in words, in the language spoken and with the names the room reads. What its words read
    of the events before it (:func:`~tabletop.engine.telling.tell`): ``earlier``, newest first, or else ``state``'s
    record (a game at or after the event). ``worked``: its ruling's working (:func:`ruling_lines`) is shown with it,
    and says a facilitator's reason (:func:`~tabletop.engine.telling.tell`). ``teams``: the names the room gave its
    teams (the save's header), a named team called so. ``before``: the board the event was taken on, where a draw's
    words (and an undo's of a draw) read why it set a card aside (:func:`~tabletop.engine.telling.tell`); else found
    down ``state``'s undo stack (:func:`~tabletop.engine.cards.aside_words`), as the board's log and the undo's question
    read it (found from outside, helper-367: both named the card alone, the prompt beside them said why)."""
    scenario = shown(state)
    return literal(tell(event, scenario, state.older(event.seq) if earlier is None else earlier, worked=worked,
                        teams=teams, aside=aside_words(state, event, scenario, before)))


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


def meter_text(state: State, meter_id: str, width: int | None = None) -> Text:
    """One meter: its name, a gauge and its value; in ``width`` cells, the gauge goes first, then the name's end.

    Found from outside: cut at the line's end, a long Russian name kept its gauge and lost its value.
    """
    m = shown(state).index.meters[meter_id]
    value = state.meters[m.id]
    name, reading = literal(m.name), f"{value}/{m.max}"
    bar = f"{gauge(value - m.min, m.max - m.min)} "
    if width is not None and cell_len(name) + 1 + len(bar) + len(reading) > width:
        bar = ""
        room = width - 1 - len(reading)
        if cell_len(name) > room:
            name = set_cell_size(name, max(0, room - 1)).rstrip() + "\u2026" if room > 0 else ""
    out = Text()
    if name:
        out.append(f"{name} ", style="bold")
    out.append(f"{bar}{reading}")
    return out


def meters_lines(state: State, console: Console, width: int) -> list[Text]:
    """The meters, four spaces apart, broken into lines between meters (a long name never wraps inside)."""
    lines = [Text()]
    for m in state.ruleset.meters:
        one = meter_text(state, m.id, width)
        if lines[-1].cell_len and lines[-1].cell_len + 4 + one.cell_len > width:
            lines.append(Text())
        lines[-1].append_text(Text("    ") + one if lines[-1].cell_len else one)
    return [part for line in lines for part in line.wrap(console, width)]  # a meter wider than the line wraps alone


def resources_words(resources: Mapping[str, int], names: Mapping[str, str] | None = None) -> str:
    """What an actor holds: "3 capital, 1 mandate moscow" (named as ``names`` name them, when given)."""
    return ", ".join(amount_words(v, k, names) for k, v in resources.items()) or _("no resources")


#: in front of the choice an applied card was answered with (two cells, as the other choices' indent)
CHOSEN_MARK = wording.MET_MARK[True] + " "


def about_parts(scenario: Scenario, move: str | None, track: str | None, actor: str | None,
                own: bool = False, seating: Sequence[str] = ()) -> list[tuple[str, ...]]:
    """The move, the track and the team (``own``: the seat's own team, else the team to move) an entry is about,
    each as (heading, description) for :func:`.decisionlist.about_text`, named as ``scenario`` (the room's translation) names them.
    ``seating``: lines on who sits at the track (:func:`.widgets.seating_lines`), said under its description."""
    index = scenario.index
    parts = []
    if (m := index.moves.get(move or "")) is not None:
        # once per game counts per team: said under the move, so a second team making it surprises nobody
        parts.append((_("Move: {name}").format(name=m.name), m.description, *([once_word()] if m.once_per_game else [])))
    if (t := index.tracks.get(track or "")) is not None:
        parts.append((_("Track: {name}").format(name=t.name), t.description, *seating))
    if (a := index.actors.get(actor or "")) is not None:
        said = _("Your team: {name}") if own else _("The team to move: {name}")
        parts.append((said.format(name=a.name), a.description))
    return parts


def schedule_text(state: State, card: Card) -> str:
    """When the card on the table was due on the master events list, and, come up later, why (as the log says it)."""
    assert card.schedule is not None
    held = held_over_now(state)
    cards = shown(state).index.cards
    first = [literal(cards[c].title) if c in cards else c for c in held.first]
    return wording.schedule_words(card.schedule, names(state), state.round, first=first, unplayable=held.unplayable)


def card_text(state: State, card: Card, facilitator: bool, story: bool = True, scheduled: bool = False,
              chosen: int | None = None) -> Text:
    """A card as the panel shows it; without ``story`` (read out already, small screen) its text is left out.

    ``scheduled``: the card came up on the deck's schedule, and the panel says so
    (the facilitator is reminded that it may still be skipped or redrawn). ``chosen``: the choice taken (the card
    applied), marked ✔ in front of its number, the others dimmed."""
    n = names(state)
    card = shown(state).index.cards.get(card.id, card)  # its texts in the language spoken
    out = Text()
    out.append(literal(card.title), style="bold")
    where = n.get(card.track, card.track) if card.track else _("global")
    out.append(f"  [{where}]\n", style="dim")
    if scheduled and card.schedule is not None:
        words = schedule_text(state, card)
        out.append(words[0].upper() + words[1:], style="bold")
        out.append(_(" \u2014 skip it (k) or redraw (r) if the room is elsewhere") + "\n" if facilitator else "\n",
                   style="dim")
    if card.text and story:
        out.append(literal(card.text) + "\n")
    if card.effects or not card.choices:  # a card whose choices are its whole effect says only the choices
        out.append(_("Effect: "), style="bold")
        out.append(effects_words(card.effects, n) + "\n")
    if card.choices:
        chooser = n.get(card.chooser() or "", card.chooser())
        plural = plural_subject(shown(state), card.chooser())
        chooses = pgettext("plural subject", "{actor} choose:") if plural else _("{actor} chooses:")
        out.append(chooses.format(actor=chooser) + "\n", style="bold")
        for i, choice in enumerate(card.choices, 1):
            # found from outside: once applied, the list read "1. … 2. …" with no sign of the answer (only the
            # rulings said it); a mark, not a colour alone, in the column the numbers keep free
            taken = chosen == i - 1
            style = "" if chosen is None else "bold" if taken else "dim"  # untranslated: styles
            out.append(f"{CHOSEN_MARK if taken else '  '}{i}. {literal(choice.label)} "
                       f"\u2192 {wording.choice_words(card, choice, n)}\n", style=style)
    if card.requires:
        # on the table though its condition does not hold (injected): said, not left to the room to work out
        unmet = state.card == card.id and unmet_requires(state, card)
        out.append(_("Drawn only when: ") + ", ".join(named(c, n) for c in card.requires)
                   + (f" ({wording.unmet_now_word()})" if unmet else "") + "\n", style="bold" if unmet else "dim")
    if facilitator and card.control_note:
        out.append(_("Control note (facilitator only): "), style="bold reverse")  # untranslated: a style
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
    """What an event changed on the board, in a few words: "Borders tension 2\u21924", and its log lines."""
    n = names(state)
    changed = wording.changes_texts(changes_of(result), n, breakdowns=wording.breakdown_points(state.scenario), compact=True)
    return "; ".join((*changed, *logged_lines(state, result)))


def logged_lines(state: State, result: Mapping[str, Any]) -> list[str]:
    """A card's or a move's ``{ log = "…" }`` lines the event recorded, in the language shown, made literal.

    Found from outside (helper-107): a seat's log and the report showed them; the board and the replay did not,
    though docs/translating.md says a screen shows them."""
    logs = result.get("log")
    return [literal(log_line(shown(state), str(t))) for t in logs] if isinstance(logs, list) else []


def committed_words(state: State, event: Event) -> str:
    """A sealed move the room has not seen revealed, as the shared screen says it: who committed one."""
    sealed = (pgettext("plural subject", "{actor} committed a sealed move")
              if plural_subject(shown(state), event.action.actor)
              else _("{actor} committed a sealed move"))
    return sealed.format(actor=names(state).get(event.action.actor or "", event.action.actor))


#: an undo of a sealed move the room never saw revealed, as the shared screen says it


def room_told(state: State, event: Event, hidden: Set[int] | None = None) -> str:
    """An event as the shared screen words it: a sealed move the room has not seen revealed (``hidden``; None:
    those of :func:`hidden_seqs`) as who committed one, an undo of one as a sealed move taken back, any other as
    the log tells it. Found from outside (helper-108): a note on such an undo read "Note on event 9: Undo: Russia:
    Make an argument on Humanitarian (sealed: committed)" while the rulings said the move stays sealed."""
    shut = hidden_seqs(state) if hidden is None else hidden
    if event.seq in shut:
        return committed_words(state, event)
    if event.action.kind == "undo" and (event.result.get("undoes") in shut
                                        or hidden is None and _sealed_taken_back(state, event)):
        from ..report.words import undo_sealed  # an undone sealed move: not on the first board's path

        return undo_sealed(_sealed_team(state, event), undo_reason(event))
    return told(state, event)


def _sealed_team(state: State, undo: Event) -> str | None:
    """Whose sealed move ``undo`` took back, named as the room reads it (found from outside: the board said "a
    sealed move taken back", the replay and the report named the team)."""
    undone = undone_event(state, undo)
    actor = undone.action.actor if undone is not None else None
    return names(state).get(actor, actor) if actor else None


def _sealed_taken_back(state: State, undo: Event) -> bool:
    """Whether ``undo`` took back a sealed move (never revealed: an undo takes back the newest step, and a reveal
    comes after the moves it reveals)."""
    undone = undone_event(state, undo)
    return undone is not None and undone.action.kind == "move" and bool(undone.result.get("sealed"))


def event_line(state: State, event: Event, hidden: set[int], undone: set[int] | None = None,
               teams: Mapping[str, str] | None = None) -> Text:
    """An event's line in the log: its mark, who acted, its words and what it changed (``teams``: the names the room
    gave its teams, the save's header's, a named team called so)."""
    out = Text()
    out.append(event_mark(state, event), style="dim")
    if event.seq in hidden:
        if undone and event.seq in undone:  # taken back: still sealed, but marked as the others are
            out.append(f"{undone_word()} ", style="italic")
        out.append(committed_words(state, event), style="strike" if undone and event.seq in undone else "")
        return out
    kind = event.action.kind
    if kind == "undo" and event.result.get("undoes") in hidden:
        out.append(_("FACILITATOR") + " ", style="reverse")
        from ..report.words import undo_sealed  # as in room_told

        out.append(undo_sealed(_sealed_team(state, event), undo_reason(event)), style="bold")
        return out
    style = "bold" if kind in (*RULING_KINDS, "override", "undo", "end") else ""
    if kind in FACILITATOR_KINDS:
        out.append(_("FACILITATOR") + " ", style="reverse")
    if undone and event.seq in undone:
        out.append(f"{undone_word()} ", style="italic")
        style += " strike"
    else:
        package = package_line(state, event)
        if package:  # what the package deal did and why, first: the changes it lists come after the event's words
            out.append(package, style="bold")
            out.append("\n      ")
    out.append(told(state, event, worked=True, teams=teams), style=style.strip())  # its working is shown under it
    changed = changes_words(state, event.result)
    if changed:
        out.append(f"  [{changed}]", style="dim")
    return out


def ruling_lines(state: State, event: Event, brief: bool = False, before: State | None = None) -> list[Text]:
    """The working of a ruling: dice and modifiers, votes, the facilitator's reason (the words:
    :func:`~tabletop.play.working.working_lines`).

    ``brief`` (a small screen): the modifiers that did not apply are counted, not listed."""
    from ..play.working import working_lines  # the first ruling's: the first board has none to word

    lines = working_lines(state, event, brief, before)
    ruling = Ruling.from_result(event.result) if lines else None
    # a brief roll sits close under its move; every other line of working is indented as a detail
    first = "  " if brief and ruling is not None and ruling.resolution == "dice" else "      "
    return [Text((first if i == 0 else "      ") + line, style="italic") for i, line in enumerate(lines)]


def package_line(state: State, event: Event) -> str | None:
    """What the package deal did at ``event`` and why, one plain sentence (a collapse reopened the provisional
    agreements or brought them down, the package completed, or lapsed at the end); None if it did nothing. Found from
    outside: three tracks flipped from agreed to open under the raw change list, the reason off the screen."""
    said = package_said(state, event, shown(state))
    return literal(said) if said else None


def settled_lines(state: State, event: Event) -> list[Text]:
    """What the event settled besides its own changes, a line each: a track agreed or collapsed, and under the
    package deal what a collapse did to the others ("Under the package deal, the collapse reopens the provisional
    agreement on Humanitarian"). Found from outside: the board and the replay showed "Humanitarian: status agreed → open;
    position 5 → 4" with no reason; only the report's decision log said why."""
    return [Text("      " + literal(note), style="italic") for note in settled_notes(state, event, shown(state))]


def end_warning(state: State, step: Action | None = None, *, shared: bool = True) -> str:
    """:func:`tabletop.engine.ending.end_warning` with the names the room reads, each undecided move as the log
    names it: on a ``shared`` screen a sealed move not yet revealed as who committed one (:func:`room_told`)."""
    from ..engine.ending import end_warning as warning  # asked before an end only: not on the first board's path

    return warning(state, names(state), step, (lambda e: room_told(state, e)) if shared else (lambda e: told(state, e)))


def outcome_text(state: State, show_secret: bool) -> Text:
    """The end of a game: each track's outcome, each actor's objectives."""
    return outcome_view(state, show_secret).text


def outcome_view(state: State, show_secret: bool) -> Hanging:
    """:func:`outcome_text` as the end screen shows it: an objective too long for its row goes on under its words."""
    n = names(state)
    scenario = shown(state)
    out = Text()
    out.append(_("Outcome per track") + "\n", style="bold underline")  # untranslated: a style
    ending = ended_at(state)
    lapsed = ending[1] if ending is not None else set()
    for spec in scenario.ruleset.tracks:
        t = state.tracks[spec.id]
        rung = literal(spec.ladder[t.position])
        since = _(" since round {n}").format(n=t.since) if t.since else ""
        if spec.id in lapsed:
            since = _(" (its provisional agreement lapsed at the end: the package was not complete)")
        # two short lines rather than one wide row: they read the same on 80 columns and on 200
        out.append(f"  {n[spec.id]}  ", style="bold")
        out.append(status_mark(t.status), style=STATUS_STYLE[t.status])
        where = _("position {position}/{top} \u201c{rung}\u201d, tension {tension}/{breakdown}").format(
            position=t.position, top=len(spec.ladder) - 1, rung=rung, tension=t.tension, breakdown=spec.breakdown_at)
        out.append(f"{since}\n      {where}\n")
    out.append("\n" + _("Objectives") + "\n", style="bold underline")  # untranslated: a style
    hangs: dict[int, int] = {}  # an objective's row: the cells before its words
    met = objectives_met(state)
    texts = {a.id: a.objectives for a in scenario.ruleset.actors}
    for actor in state.ruleset.actors:
        rows = met[actor.id]
        count = sum(1 for _row, ok in rows if ok)
        said = _("{actor}: {met} of {total} met").format(actor=n[actor.id], met=count, total=len(rows)) if rows \
            else _("{actor}: no objectives").format(actor=n[actor.id])
        out.append("  " + said + "\n", style="bold")
        for i, (objective, ok) in enumerate(rows):
            mark = f"{met_word(ok):<9}"
            visible = show_secret or not objective.secret
            words = texts[actor.id][i].text if i < len(texts[actor.id]) else objective.text
            text = literal(words) if visible else _("(secret objective)")
            lead = f"     {mark} "
            hangs[out.plain.count("\n")] = cell_len(lead)
            out.append(f"{lead}{text}\n", style="tabletop.met" if ok else "tabletop.unmet")
            if visible and not ok:
                out.append(_status_is_why(state, objective, n), style="dim")
    meters = ", ".join(f"{n[m.id]} {state.meters[m.id]}" for m in state.ruleset.meters)
    out.append("\n" + _("Meters: ") + meters + "\n")
    if state.end_reason:
        # the engine's own reason in the room's words (the save records it in English), a facilitator's as typed
        # marked «…» (uk) in another language, as every report and log marks typed text (found from outside: unmarked)
        ended = next((e for e in reversed(state.log) if e.action.kind == "end"), None)
        lang = ended.action.lang if ended is not None else None
        out.append(_("Game ended: {reason}").format(reason=literal(end_reason(state.end_reason, lang))) + "\n",
                   style="dim")
    held = package_held(state) if state.over else None
    if held is not None:  # found from outside: the end said "no track is open" and not that the package had held
        out.append(_("The package is complete (round {round}, #{seq}): every provisional agreement in it became "
                     "final.").format(round=held.round, seq=held.seq) + "\n", style="dim")
    return Hanging(out, hangs)


class Hanging:
    """Lines of text, each wrapped under its own words when too long for its row (a hanging indent): under the
    cells ``hangs`` gives for its number, else under its leading spaces. Found from outside (helper-371): at 80x24
    the end screen's long objective went on at the screen's edge, under the team's name."""

    def __init__(self, text: Text, hangs: Mapping[int, int] | None = None) -> None:
        self.text = text
        self.hangs = dict(hangs or {})

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:  # what a widget showing it says, as its text would
        return self.text.plain

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(options.max_width, 1)
        for number, line in enumerate(self.text.split("\n", allow_blank=True)):
            plain = line.plain
            indent = self.hangs.get(number, cell_len(plain) - cell_len(plain.lstrip(" ")))
            if line.cell_len <= width or width < indent + 2:  # fits, or too narrow for any indent: as Rich wraps it
                yield from line.wrap(console, width)
                continue
            rows = line.wrap(console, width)
            first = rows[0]
            yield first
            rest = line[len(first.plain):]
            rest = rest[len(rest.plain) - len(rest.plain.lstrip(" ")):]
            for row in rest.wrap(console, width - indent):
                row.rstrip()
                yield Text(" " * indent, end="\n") + row


def _status_is_why(state: State, objective: Any, n: Mapping[str, str]) -> str:
    """Under an objective not met though its track reached the position: the status is why. Else ``""``."""
    track = state.tracks[objective.track]
    if objective.at_least is not None and track.position < objective.at_least:
        return ""
    ladder = next((t.ladder for t in shown(state).ruleset.tracks if t.id == objective.track), ())
    status = wording.status_word(track.status, track.provisional)
    needs = _("needs {wanted}; {track}: {status}").format(wanted=wants_text(objective, ladder),
                                                          track=n[objective.track], status=status)
    return f"               {needs}\n"
