"""The replay viewer's words: an event's line in the timeline, the working of the event shown,
and who played whom. Plain rich ``Text``, in the language spoken."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set

from rich.cells import cell_len
from rich.text import Text

from ..engine import Event, State
from ..engine.actions import FACILITATOR_KINDS
from ..engine.arguments import argument_step
from ..engine.records import Ruling, changes_of
from ..engine.lookups import seen
from ..engine.review import noted_event
from ..engine.telling import REASON_SAID, set_aside_by, undo_reason
from ..engine.wording import (breakdown_points, changes_texts, given_reason, other_lang, recorded_reason, typed,
                              undone_word)
from ..lang import Domain
from ..play.arguing import argument_spans
from ..play.picks import Styled
from ..report.words import game_over_words, played_by, saved_at, sealed_committed, sealed_note, sealed_note_text, undo_sealed
from ..store.players import players_of, policy_word, recorded, team_names
from ..store.reading import Save, SavedEvent
from .decisionlist import rich_text
from .text import event_mark, literal, logged_lines, names, ruling_lines, settled_lines, shown, told

_, ngettext, N_ = Domain("tui").words()


def as_event(saved: SavedEvent) -> Event:
    """A saved event as the engine's ``Event`` (what the board's words read)."""
    return Event(saved.seq, saved.round, saved.phase, saved.action, saved.result)


def players_text(save: Save) -> Text:
    """Who played each actor, when the save says (older saves do not: then nothing is shown)."""
    if not recorded(save.header):
        return Text("")
    base = {a.id: a.name for a in save.scenario.ruleset.actors}
    shown_names = {a.id: a.name for a in shown(save.state_at(0)).ruleset.actors}
    out = Text()
    out.append(_("Who played: "), style="bold")
    out.append(" \u00b7 ".join(
        f"{literal(shown_names[p.actor])} \u2014 {played_by(p.as_data())}" for p in players_of(save.header, base)
    ))
    return out


def players_line(save: Save, width: int | None = None) -> Text:
    """Who played, short, for a small window's column: each actor by its short name (RU) or its name without a gloss,
    grouped by kind, a bot's policy one word (found from outside: at 80x24 :func:`players_text` took five lines under
    the board, and "Mediating states \u2014 bot: random" was below the window at most events). ``width``: the
    column's, so that lines break between actors, never inside one."""
    if not recorded(save.header):
        return Text("")
    actors = shown(save.state_at(0)).ruleset.actors
    base = {a.id: a.name for a in save.scenario.ruleset.actors}
    labels = {a.id: literal(a.short or a.name.split(" (", 1)[0].strip() or a.name) for a in actors}
    bots: list[str] = []
    teams: list[str] = []
    other: list[str] = []
    for p in players_of(save.header, base):
        if p.is_bot and p.seat:
            bots.append(f"{labels[p.actor]} {literal(policy_word(p.seat))}")
        elif p.seat is not None:
            teams.append(f"{labels[p.actor]} ({literal(p.team)})" if p.team else labels[p.actor])
        else:
            other.append(labels[p.actor])
    # (separator, words, style): a group's heading goes with its first actor, never alone at a line's end
    pieces: list[tuple[str, str, str]] = [("", _("Who played:"), "bold")]
    for heading, items in ((_("teams:"), teams), (_("bots:"), bots), (_("not recorded:"), other)):
        for i, item in enumerate(items):
            pieces += [(" ", heading, "italic"), (" ", item, "")] if i == 0 else [(" \u00b7 ", item, "")]
    out = Text()
    used = 0
    for n, (sep, words, style) in enumerate(pieces):
        wide = cell_len(words) + (cell_len(" " + pieces[n + 1][1]) if style == "italic" else 0)
        if width and used and used + cell_len(sep) + wide > width:
            out.append("\n")
            sep, used = "", 0
        out.append(sep)
        out.append(words, style=style)
        used += cell_len(sep) + cell_len(words)
    return out


def teams_of(save: Save) -> dict[str, str]:
    """Actor id -> the name the room gave its team, as the save's header records it (typed text): the replay calls a
    named team so, with its actor, as the hosted game's screens did (the note on a decision entered for it)."""
    return team_names(save.header, [a.id for a in save.scenario.ruleset.actors])


def notes_on(notes: Mapping[int, list[SavedEvent]]) -> dict[int, int]:
    """Each note's seq -> the event it is on, from the notes by the event they are on."""
    return {note.seq: about for about, on in notes.items() for note in on}


def event_words(state: State, e: SavedEvent, sealed: Mapping[int, str], noted: Mapping[int, int] | None = None,
                gated: Set[int] = frozenset(), earlier: Iterable[SavedEvent] | None = None, *,
                worked: bool = False, teams: Mapping[str, str] | None = None, before: State | None = None) -> str:
    """What an event did, in words; a sealed move never revealed (``sealed``: its seq -> its team's name, kept from
    the room) says only who committed one, in its own line and in its undo's, as the participants' report does.
    ``noted``: each note's seq -> its event (a note on a note on such a move is kept too, see :func:`notes_on`);
    ``gated``: counters entered behind the gate and never revealed, a note on which is kept as the seats kept it.
    ``earlier``: the events before it, newest first, when ``state`` is not the game at or after it (:func:`told`);
    ``worked``: its ruling's working is shown with it (:func:`told`); ``teams``: the names the room gave its teams
    (:func:`teams_of`); ``before``: the board it was taken on, where a draw's words read why it set a card aside
    (:func:`~tabletop.engine.telling.set_aside_by`; :func:`told`)."""
    if e.seq in sealed:
        return sealed_committed(sealed[e.seq])
    undoes = e.result.get("undoes")
    if e.action.kind == "undo" and isinstance(undoes, int) and undoes in sealed:
        return undo_sealed(sealed[undoes], undo_reason(e))  # the room saw why, as on every screen
    about = e.result.get("about")
    target = noted_event(about, noted or {}) if isinstance(about, int) else None
    if e.action.kind == "note" and target in sealed:  # its words would tell the move
        return sealed_note(target)
    if e.action.kind == "note" and target in gated:  # or the counter
        return sealed_note(target, counter=True)
    return told(state, as_event(e), earlier, worked=worked, teams=teams, before=before)


def event_text(state: State, e: SavedEvent, undone: Set[int], revealed_at: Mapping[int, int],
               notes: Mapping[int, object], sealed: Mapping[int, str], noted: Mapping[int, int] | None = None,
               gated: Set[int] = frozenset(), earlier: Iterable[SavedEvent] | None = None, *,
               worked: bool = False, teams: Mapping[str, str] | None = None, before: State | None = None) -> Text:
    """An event's line in the timeline: its number, round, phase and what it did (``earlier``, ``before``: as
    :func:`event_words` reads them; ``worked``: the working panel under the timeline shows this event's working, and
    says what it says: a facilitator's reason is left to it, :func:`told`; ``teams``: :func:`teams_of`)."""
    kind = e.action.kind
    out = Text()
    out.append(event_mark(state, as_event(e)), style="dim")
    if kind in FACILITATOR_KINDS:
        # who acted, as the board's log and the report's decision log mark it: what was done is the line's own words,
        # which name it (found from outside: "NOTE Note on event 19: …", "UNDO Undo: …")
        out.append(_("FACILITATOR"), style="reverse")
        out.append(" ")
    if e.seq in undone:
        out.append(f"{undone_word()} ", style="italic")
    out.append(event_words(state, e, sealed, noted, gated, earlier, worked=worked, teams=teams, before=before),
               style="strike" if e.seq in undone else "")
    if kind == "move" and e.result.get("tabled") and e.seq in revealed_at:
        sealed = _("[sealed: committed at {committed}, revealed at {revealed}]").format(
            committed=e.seq, revealed=revealed_at[e.seq])
        out.append(f"  {sealed}", style="italic")
    if e.seq in notes:
        out.append("  \u270e " + _("note"), style="bold")
    return out


def working_text(save: Save, index: int, undone: Set[int], notes: Mapping[int, list[SavedEvent]],
                 sealed: Mapping[int, str], noted: Mapping[int, int] | None = None,
                 gated: Set[int] = frozenset()) -> Text:
    """The working of the event that led to ``index``: its ruling, changes, reason and notes."""
    if index == 0:
        return Text(_("The start of the game."), style="dim")
    e = save.events[index - 1]
    state = save.state_at(index)
    out = Text()
    noted = noted or {}
    # the state before it, for what a roll's modifiers read and why a draw set a card aside: the one the replayed state
    # holds for an undo (a seek of the save would replay up to SNAPSHOT_EVERY events again); an undo of a draw, the
    # board it gave back, the draw's
    before = state.previous if e.action.kind == "roll" or set_aside_by(e) and e.action.kind != "undo" else None
    board = state if e.action.kind == "undo" and set_aside_by(e) else before
    out.append(event_words(state, e, sealed, noted, gated, worked=True, teams=teams_of(save), before=board) + "\n",
               style="bold")
    for line in (*ruling_lines(state, as_event(e), before=before), *settled_lines(state, as_event(e))):
        out.append_text(line)
        out.append("\n")
    out.append_text(argument_text(state, e))
    n = names(state)
    ladders = {t.id: t.ladder for t in shown(state).ruleset.tracks}
    for said in changes_texts(changes_of(e.result), n, ladders, breakdowns=breakdown_points(state.scenario)):
        out.append(f"  {said}\n", style="dim")
    for line in logged_lines(state, e.result):  # a card's or a move's own log lines
        out.append(f"  {line}\n", style="dim")
    # none shown for a reason tabletop recorded in the facilitator's place (found from outside: "reason: skipped by
    # the facilitator" read as the facilitator's words)
    given = given_reason(e.result.get("reason") or e.action.reason)
    ruling = Ruling.from_result(e.result)
    if given and e.action.kind not in REASON_SAID and not (ruling is not None and ruling.resolution == "facilitator"
                                                           and ruling.reason == given):
        # (a facilitator's ruling says its reason in its working: found from outside, the same reason three times;
        # an override's, an end's and an undo's words above end with their reason: found from outside, helper-270)
        # a reason tabletop records itself (a simulated facilitator's) in today's words; a person's as typed
        ours = recorded_reason(given) if isinstance(given, str) else None
        # a person's marked with its language as the event's own line marks it: «…» (uk) (found from outside: the
        # same reason was «…» (uk) above and … [uk] here)
        reason = _("reason: {reason}").format(reason=ours or typed(literal(given), other_lang(e.action.lang)))
        out.append(f"  {reason}\n", style="italic")
    if e.seq in undone:
        out.append("  " + _("This action was undone later.") + "\n", style="italic")
    for note in notes.get(e.seq, []):
        out.append("  \u270e " + _("note: "), style="bold")
        kept = noted_event(e.seq, noted)
        if kept in sealed or kept in gated:  # on a sealed move (or counter) kept from the room, or a note on one
            out.append(sealed_note_text(counter=kept in gated) + "\n", style="italic")
            continue
        other = other_lang(note.action.lang)
        out.append(typed(literal(note.action.text or ""), other) + "\n")
    if e.time:
        out.append("  " + _("at {time}").format(time=saved_at(e.time)), style="dim")
    return out


def game_over_line(events: Sequence[SavedEvent], index: int, state: State) -> str:
    """How the engine ended the game the board after ``index`` events shows (all rounds played, no track open), in
    the report timeline's words (:func:`~tabletop.report.words.game_over_words`: "Game over: no track is open
    (#214)"); empty while the game goes on, and after a facilitator's end, which its own event says, as in the report.
    Found in review: the replay's last step showed the last vote, and nothing said the game had ended, nor why."""
    if not state.over:
        return ""
    for i in range(min(index, len(events)) - 1, -1, -1):  # the step that ended it: a note or an undo may follow
        e = events[i]
        if e.action.kind == "end":
            return ""
        if e.result.get("game_over") or e.result.get("to") == "over":
            return game_over_words({"reason": state.end_reason, "seq": e.seq}, literal)
    return ""


def argument_text(state: State, e: SavedEvent) -> Text:
    """An argument still being weighed after this event: its texts, counters and odds so far
    (sealed counters stay hidden until the last one reveals them, as the room saw it)."""
    head = state.queue[0] if state.queue and state.phase == "adjudication" else None
    tabled = next((p for p in state.queue if p.seq == e.seq and p.argument is not None), None)
    on_screen = tabled or (head if head is not None and head.argument is not None and e.track == head.track else None)
    if on_screen is None or on_screen.argument is None or not on_screen.revealed:
        return Text()  # a sealed argument is shown from its reveal on
    hidden = on_screen.sealed and argument_step(on_screen.argument) == "counter"
    return rich_text(Styled(argument_spans(seen(state), on_screen, sealed=hidden, marked=True, bare=True)))


__all__ = ["argument_text", "as_event", "event_text", "game_over_line", "players_line", "players_text",
           "working_text"]
