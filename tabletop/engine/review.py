"""What a round did: each track's net change, and what was undone.

Plain functions over a state, for the round review on screen (and any
report that wants it). The net change runs from the board as the round
began to the board now, so an undone action counts for nothing; the undone
actions are listed apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .actions import Event, IndependenceBreach
from .state import State, rebuild
from .wording import ENDS


class TrackChange(NamedTuple):
    """One thing about a track that differs from the start of the round."""

    track: str
    what: str  # "position", "tension" or "status"
    before: int | str
    after: int | str


#: what happens in a round without playing it: the facilitator's end of the game, a note, an undo
_NOT_PLAYING = frozenset({"end", "note", "undo"})  # untranslated: action kinds


def rounds_played(state: State) -> int:
    """How many rounds were played: every round before the one the game is in (or ended in), and that one once
    something happened in it.

    The rule: a round counts as played once an event taken in it stands (no undo took it back) that is not the
    facilitator's end of the game, a note or an undo. The advance that opens a round is taken in the round before
    (its review), so a game ended in round 3's event phase before anything happened there played two rounds (found
    from outside: the report said «Сыграно раундов: 3 из 8» of it). A game played to its last round played them all.
    Read from the log the state holds, so an old save's report counts the same way."""
    events = state.this_round()
    undone = undone_seqs(events)
    if any(e.action.kind not in _NOT_PLAYING and e.seq not in undone for e in events):
        return state.round
    return state.round - 1


def undone_by(log: Iterable[Event]) -> dict[int, int]:
    """Each event an undo has taken back, by sequence number, with the undo's own."""
    return {int(e.result["undoes"]): e.seq for e in log if e.action.kind == "undo" and "undoes" in e.result}


def undone_seqs(log: Iterable[Event]) -> set[int]:
    """The sequence numbers of the events an undo has taken back."""
    return set(undone_by(log))


def undone_event(state: State, undo: Event) -> Event | None:
    """The event ``undo`` took back (None: it is no undo). Walks back only as far as that event."""
    target = undo.result.get("undoes") if undo.action.kind == "undo" else None
    node = state.history
    while isinstance(target, int) and node is not None and node.event.seq >= target:
        if node.event.seq == target:
            return node.event
        node = node.prev
    return None


def last_undoable(state: State) -> Event | None:
    """The event an undo would take back now: the newest game action not already undone.

    Walks back only as far as that event: an undo always comes after what it
    undoes, so every undo of an event has been passed on the way to it.
    """
    undone: set[int] = set()
    node = state.history
    while node is not None:
        event = node.event
        if event.action.kind == "undo":
            if "undoes" in event.result:
                undone.add(int(event.result["undoes"]))
        elif event.action.kind != "note" and event.seq not in undone:
            return event
        node = node.prev
    return None


def undo_target(state: State) -> Event | None:
    """What the facilitator's undo would take back now, or None: nothing to undo."""
    if state.trail is None:
        return None
    return last_undoable(state)


def gated_counters(log: Iterable[Event]) -> dict[int, str]:
    """Counters entered behind a sealed round's gate and not revealed yet: event seq -> the team's actor.

    The last counter's event reveals the argument's counters (``counters_revealed``); one taken back before
    it is never revealed, as an undone sealed move is not. A note on such an entry is kept from the other
    teams with it (found from outside: "Note on event 49: Coffee break…" on every screen before the reveal)."""
    gated: dict[int, str] = {}
    undone: set[int] = set()
    for e in log:
        result = e.result
        if e.action.kind == "undo" and isinstance(result.get("undoes"), int):
            undone.add(result["undoes"])
        if e.action.kind != "counter":
            continue
        told = result.get("told")
        if isinstance(told, Mapping) and told.get("sealed"):
            gated[e.seq] = e.action.actor or ""
        if isinstance(result.get("counters_revealed"), list):
            gated = {seq: actor for seq, actor in gated.items() if seq in undone}
    return gated


def roll_readings(before: State, event: Event) -> tuple[int | str, ...] | None:
    """What each modifier of a dice roll read when the dice were thrown, in the order of its working, from the state
    ``before`` the roll: a ruling's working shows it ("−1 for tension >= 3 (2 at the roll: not met)"). Found from
    outside: "tension >= 3 (does not apply)" sat under a board at tension 3 (the failed roll had raised it), and the
    room read the ruling as wrong. None for any other event, or a move whose modifiers are not the ones recorded."""
    working = event.result.get("ruling")
    if event.action.kind != "roll" or not before.queue or not isinstance(working, Mapping):
        return None
    recorded = working.get("modifiers")
    if working.get("resolution") != "dice" or not isinstance(recorded, list) or not recorded:
        return None
    head = before.queue[0]
    move = before.scenario.index.moves.get(head.move or "")
    if move is None or len(move.modifiers) != len(recorded):
        return None
    from .scope import ReadView  # screens and reports only: not the engine's hot path

    view = ReadView(before, head.track, head.actor)
    try:
        return tuple(mod.reads(view) for mod in move.modifiers)
    except (KeyError, IndependenceBreach):  # a save whose scenario does not hold what the working names
        return None


def note_steps(state: State) -> list[int]:
    """The events the note dialog steps back through, newest first: every event but the notes, then 0, the start of
    the game. The first is the note's default: a note written after a note is on the event that one is on, not on the
    note (found from outside: a second note written at once was "Note on event 44", the first note, and the report's
    notes read as nested). The engine takes a note on any event the game has had (:func:`~.powers.check_note_on`):
    a note's number typed is taken too."""
    return [*(e.seq for e in reversed(state.log) if e.action.kind != "note"), 0]


def numbered(state: State, seq: int) -> tuple[Event, bool] | None:
    """Event ``seq`` of the game and whether an undo has taken it back, or None: the game has no such event (0, the
    start of the game, is none). Walks back only as far as it: an undo comes after what it undoes."""
    undone: set[int] = set()
    node = state.history
    while node is not None and node.event.seq >= seq:
        event = node.event
        if event.seq == seq:
            return event, seq in undone
        if event.action.kind == "undo" and isinstance(event.result.get("undoes"), int):
            undone.add(event.result["undoes"])
        node = node.prev
    return None


def noted_event(about: int, notes_on: Mapping[int, int]) -> int:
    """The event a note is on at the end of a chain of notes (``notes_on``: each note's seq -> its ``about``): a note
    on a note, as saves made before a second note went on the first one's event hold, is on what that one is on."""
    seen: set[int] = set()
    while about in notes_on and about not in seen:
        seen.add(about)
        about = notes_on[about]
    return about


def noted_in(state: State, about: int) -> int:
    """:func:`noted_event` over a game's own log: walking back from its newest event only as far as the chain of
    notes goes (a seat's log, which has the game, not a map of its notes)."""
    node = state.history
    while node is not None and node.event.seq >= about:
        if node.event.seq == about:
            if node.event.action.kind != "note" or not isinstance(node.event.result.get("about"), int):
                return about
            about = node.event.result["about"]
        node = node.prev
    return about


def lapsed_at_end(before: State, after: State) -> set[str]:
    """The tracks whose provisional agreement lapsed at the step from ``before`` to ``after`` that ended the game
    (a package deal not complete): provisional before it, open after. Found from outside: the end screen showed such
    a track "○ OPEN, position 6/6 “Agreement”" with no reason; the report said it (the two now ask this)."""
    if before.over or not after.over:
        return set()
    return {tid for tid, t in after.tracks.items() if t.is_open and before.tracks[tid].provisional}


def ended_at(state: State) -> tuple[int, set[str]] | None:
    """The game's end as the step that made it: that event's seq and the tracks whose provisional agreement lapsed
    with it (:func:`lapsed_at_end`); None while the game runs. Notes written after the end leave it where it was (a
    note is no step: the state an undo goes back to is still the one before the end)."""
    if not state.over:
        return None
    before = state.previous
    if before is None or before.over:
        return None
    step = _ending_step(state)
    return (step.seq, lapsed_at_end(before, state)) if step is not None else None


def _ending_step(state: State) -> Event | None:
    """The event of the step that ended a game that is over: its newest that is no note."""
    node = state.history
    while node is not None and node.event.action.kind == "note":
        node = node.prev
    return node.event if node is not None else None


#: the notes an event leaves when its step completes a package deal (engine/settle.py; worded in engine/telling.py)
PACKAGE_HOLDS = frozenset(("package_holds", "package_holds_rest"))


def package_held(state: State) -> Event | None:
    """The event that completed the package deal the board holds now (its provisional agreements made final), or None:
    no package is complete (strict independence; a package not complete, or reopened since by the facilitator). Found
    from outside (helper-242): the end screen said only "no track is open" and the report's principle section nothing
    of the package that had held."""
    if state.independence != "linked" or any(t.is_open or t.provisional for t in state.tracks.values()):
        return None
    node, undone = state.history, set()
    while node is not None:
        event = node.event
        if event.action.kind == "undo" and isinstance(event.result.get("undoes"), int):
            undone.add(event.result["undoes"])
        elif event.seq not in undone and any(isinstance(note, Mapping) and note.get("say") in PACKAGE_HOLDS
                                             for note in event.result.get("notes") or ()):
            return event
        node = node.prev
    return None


def end_lang(state: State) -> str | None:
    """The language the facilitator typed the end reason of a game that is over in, as the step that ended it
    records it (the step :func:`ended_at` finds); None while the game runs, for the engine's own reasons (each
    screen and report words them in its language) and where none is recorded. The one answer for the seats'
    views and the reports, which mark a reason typed in another language than theirs (issue 14: each had
    found it its own way)."""
    if not state.over or not state.end_reason or state.end_reason in ENDS:
        return None
    step = _ending_step(state)
    return step.action.lang if step is not None and step.action.kind == "end" else None


def before_event(state: State, seq: int) -> State | None:
    """The board event ``seq`` was applied to, found down the undo stack as :func:`round_start` finds a round's
    (only the entry found is rebuilt; the newest event's is held whole), or None: an undo has taken the event back,
    or it is a note or an undo (no entry of its own). A board reads what a roll's modifiers read from it
    (:func:`roll_readings`), as the report and the replay do from the save's states."""
    entry = state.made
    while entry is not None and entry.seq >= seq - 1:  # an entry's seq: the state its action was applied to
        if entry.seq == seq - 1 and entry.action is not None and entry.base is not None:  # made by event ``seq``
            return state.previous if entry is state.made else rebuild(entry.base)
        entry = entry.base
    return None


def board_before(state: State, seq: int) -> State | None:
    """The board event ``seq`` was applied to, taken back since or not, found down the undo stack (only the entry found
    is rebuilt), or None: an undo since has taken back an event before it, and with it that board. Walks the log back
    only to the event. What a draw an undo took back read (:func:`~.cards.drawn_on`): :func:`before_event` finds no
    board for an event taken back, though the undo gave that very board back."""
    node = state.history
    while node is not None and node.event.seq >= seq:  # (an undo takes its own board back)
        undoes = node.event.result.get("undoes") if node.event.action.kind == "undo" else None
        if isinstance(undoes, int) and undoes < seq:  # the stack rewound past the board
            return None
        node = node.prev
    entry = state.made
    # an entry stands for the state its action made (seq + 1), the bottom one (no action) for the state it keeps
    while entry is not None and (entry.seq + 1 if entry.action is not None else entry.seq) > seq - 1:
        entry = entry.base
    if entry is None:
        return None
    if entry is state.made:  # the state an undo gave back, held whole
        return state
    return state.previous if entry is state.trail else rebuild(entry)


def round_start(state: State) -> State:
    """The state as the current round began (before its first action).

    Follows the undo stack (``trail``), which an undo rewinds: it holds only
    the actions that still count. Only the state found is rebuilt.
    """
    found = None
    entry = state.trail
    while entry is not None and entry.round == state.round:
        found, entry = entry, entry.base
    return state if found is None else rebuild(found)


#: a provisional agreement's status key in a round's net changes (the screen names it)
PROVISIONAL = "agreed (provisional)"  # untranslated: a key


def _status(track) -> str:  # noqa: ANN001 - a TrackState
    return PROVISIONAL if track.status == "agreed" and track.provisional else track.status


def net_changes(state: State) -> dict[str, list[TrackChange]]:
    """Each track's change over the current round, start to now (tracks in ruleset order)."""
    before = round_start(state).tracks
    out: dict[str, list[TrackChange]] = {}
    for spec in state.ruleset.tracks:
        old, new = before[spec.id], state.tracks[spec.id]
        changes = [
            TrackChange(spec.id, what, a, b)
            for what, a, b in (
                ("position", old.position, new.position),
                ("tension", old.tension, new.tension),
                ("status", _status(old), _status(new)),
            )
            if a != b
        ]
        out[spec.id] = changes
    return out


def net_meter_changes(state: State) -> list[tuple[str, int, int]]:
    """Each meter that changed over the current round, start to now, with its value then and now (ruleset order)."""
    before = round_start(state).meters
    return [(m.id, before[m.id], state.meters[m.id]) for m in state.ruleset.meters
            if before.get(m.id) != state.meters.get(m.id)]


class StatusStep(NamedTuple):
    """One change of a track's status this round, by an event that counts: its seq, the status it left the track in,
    and whether the facilitator's override of that track made it (not the rules after an override of another)."""

    seq: int
    track: str
    status: str
    override: bool
    provisional: bool = False  # an agreement under the package deal, not complete at that step


def status_steps(state: State) -> dict[str, list[StatusStep]]:
    """Each track's status changes over the current round, oldest first, by the events that count (an undone event
    and the undo that took it back are left out): what the net change hides when the round ends where it began.
    Found from outside (helper-242): "Basin fund: open, no change" of a track agreed, reopened, collapsed and put back
    on the table by the facilitator's override in one round."""
    events = state.this_round()
    undone = undone_seqs(events)
    linked = state.independence == "linked"
    out: dict[str, list[StatusStep]] = {}
    for event in events:
        if event.seq in undone or event.action.kind == "undo":
            continue
        held = any(isinstance(note, Mapping) and note.get("say") in PACKAGE_HOLDS for note in event.result.get("notes") or ())
        for change in event.result.get("changes") or ():
            if isinstance(change, Mapping) and change.get("what") == "status" and change.get("track") in state.tracks:
                track = str(change["track"])
                # the override's own track; another one's status the rules changed after it (the package deal's)
                by_hand = event.action.kind == "override" and event.action.track == track
                to = str(change.get("to"))
                out.setdefault(track, []).append(StatusStep(event.seq, track, to, by_hand,
                                                            linked and to == "agreed" and not held))
    return out


def made_again(state: State) -> dict[int, int]:
    """The events of the current round an undo took back and someone then made again, the same action, later in the
    round (each undone event's seq -> the seq of the one that counts). Found from outside (helper-242): the review
    listed a move as "undone (not counted above)" that had been made again at once and counted above."""
    events = state.this_round()
    undone = undone_seqs(events)
    taken: set[int] = set()
    out: dict[int, int] = {}
    for event in events:
        if event.seq not in undone:
            continue
        again = next((e for e in events if e.seq > event.seq and e.seq not in undone and e.seq not in taken
                      and e.action.kind != "undo" and e.action == event.action), None)
        if again is not None:
            taken.add(again.seq)
            out[event.seq] = again.seq
    return out


def undone_this_round(state: State) -> list[Event]:
    """The events of the current round that an undo took back, oldest first."""
    events = state.this_round()
    undone = undone_seqs(events)
    return [e for e in events if e.seq in undone]


def _answered(state: State) -> Event | None:
    """This round's newest card applied or answered that no undo took back (None: none)."""
    log = state.recent(40)
    undone = undone_seqs(log)  # an undo comes after what it undoes: the tail holds them all
    last = next((e for e in reversed(log) if e.action.kind in ("apply_card", "choose") and e.seq not in undone), None)
    return last if last is not None and last.round == state.round else None


def applied_card(state: State) -> str | None:
    """The card applied (or answered) this round, once it has left the table; None: none yet, or one is on it.

    The hot seat's card panel and every seat's view show it as this round's card, applied: the room goes on
    reading what it answered. An undone answer is no answer (found from outside, helper-194: once the answer and
    then the draw were undone, the panel still showed the card "applied" while the list offered the draw)."""
    if state.card is not None:
        return None
    last = _answered(state)
    return last.action.card if last is not None else None


def applied_choice(state: State) -> int | None:
    """The choice (its place on the card, from 0) taken on this round's applied card; None: it was applied without
    one, or none is applied. An undone answer is no answer: the card's panel marks only the one that stands."""
    if state.card is not None:
        return None
    last = _answered(state)
    return last.action.choice if last is not None and last.action.kind == "choose" else None


__all__ = [
    "PACKAGE_HOLDS",
    "PROVISIONAL",
    "StatusStep",
    "TrackChange",
    "applied_card",
    "applied_choice",
    "before_event",
    "board_before",
    "ended_at",
    "end_lang",
    "gated_counters",
    "lapsed_at_end",
    "made_again",
    "last_undoable",
    "net_changes",
    "net_meter_changes",
    "package_held",
    "undone_event",
    "note_steps",
    "roll_readings",
    "rounds_played",
    "status_steps",
    "noted_event",
    "noted_in",
    "numbered",
    "round_start",
    "undo_target",
    "undone_by",
    "undone_seqs",
    "undone_this_round",
]
