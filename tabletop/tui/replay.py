"""The debrief viewer (``tabletop replay SAVE``): a saved game, event by event, read-only.

The board is the play screen's own widgets, fed ``open_save(...).state_at(i)``.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any, Protocol

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..engine import State, legal_actions
from ..engine.state import Counts, evolve
from ..engine.records import Ruling, changes_of
from ..engine.review import gated_counters, undone_by, undone_seqs
from ..engine.telling import earlier_than, placed, set_aside_by
from ..lang import SOURCE, Domain, current, set_language
from ..play.clock import PickHold
from ..store.players import recorded
from ..store.reading import Save, SavedEvent
from .bars import KeyBar, TitleBar
from .decisionlist import MarkedList, OptionWords, refill
from .history import charts_text, lanes_text
from .language import LANGUAGE_BINDING, LatinKeys, Multilingual, texts_note
from .modals import AskScreen, ConfirmScreen, HelpScreen, KeyLines, PickScreen
from .text import literal, names, phase_word, shown
from .themes import DANGER, THEME_BINDING, Themed
from .timeline import event_text, game_over_line, notes_on, players_line, players_text, teams_of, working_text
from .toosmall import SizeGuard
from .widgets import Board, CardPanel, KeyScroll, TurnPanel

_, ngettext, N_ = Domain("tui").words()

SPEEDS = (0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0)  # events per second when playing (a step of a long save: ~17 ms)

REPLAY_HELP = N_("""\
tabletop replay — keys

  ← / →             one event back / forward
  PgUp / PgDn       one round back / forward
  Home / End        the start / the last event
  g                 go to a round
  Space             play / pause          - / +   slower / faster
  t                 show one track's events only
  a                 show one actor's events only
  c                 clear the filters     ctrl+p  command palette
  f                 the facilitator's view: control notes and
                    sealed moves never revealed
  ↑ / ↓, Enter      pick an event in the timeline
  Tab               the event's detail box, under the timeline:
                    ↑ / ↓ read its whole working
  shift+Tab         the board's column: ↑ / ↓ scroll it down to
                    the track history and the charts
  F2                switch theme (high contrast for projectors)
  F4                language: English, Русский, Українська
  F1, ?             this help             q, ctrl+q  quit
""")


class Ticking(Protocol):
    """A running interval timer (Textual's :class:`~textual.timer.Timer` is one)."""

    def stop(self) -> None: ...


#: Starts calling ``callback`` every ``interval`` seconds; playback runs on it, so a test can tick by hand.
Every = Callable[[float, Callable[[], None]], Ticking]


#: what the facilitator's view puts on the shared screen, asked before it does
FACILITATOR_WARNING = N_("Everyone in the room will see the cards' control notes and the sealed moves the game never "
                         "revealed \u2014 show them?")


class ReplayScreen(Screen[None]):
    """A saved game, read-only: the board as it was at the selected event."""

    #: the least window that shows the board and an event's working (:mod:`.toosmall`): measured at the dice ruling of
    #: a press-hard move on the six-track Parallel Tracks board, in en, ru and uk, the verdict and roll stay in the
    #: timeline and the working down to 54x16, but under 72 columns the board's column cuts the rungs to «…» and its
    #: names to a letter; at 72x20 every track's name (whole: a long one takes a line more), status, tension and
    #: position and the keys show, and the meters under them, or in Russian and Ukrainian scrolled to
    MIN_SIZE = (72, 20)

    BINDINGS = [
        # priority: the timeline list would otherwise take these keys for its own scrolling (and the
        # key bar would show its hidden scroll keys instead of these)
        Binding("left", "step(-1)", N_("Back"), id="replay.back", priority=True),
        Binding("right", "step(1)", N_("Forward"), id="replay.forward", priority=True),
        Binding("pageup", "round(-1)", N_("Round back"), id="replay.round_back", priority=True),
        Binding("pagedown", "round(1)", N_("Round forward"), id="replay.round_forward", priority=True),
        Binding("home", "jump(0)", N_("Start"), show=False, id="replay.start", priority=True),
        Binding("end", "jump(-1)", N_("End"), show=False, id="replay.end", priority=True),
        Binding("g", "goto_round", N_("Go to round"), id="replay.goto"),
        Binding("space", "play", N_("Play/pause"), id="replay.play"),
        Binding("minus", "speed(-1)", N_("Slower"), show=False, id="replay.slower"),
        Binding("plus,equals_sign", "speed(1)", N_("Faster"), show=False, id="replay.faster"),
        Binding("t", "filter_track", N_("Track filter"), id="replay.track"),
        Binding("a", "filter_actor", N_("Actor filter"), id="replay.actor"),
        Binding("c", "clear_filters", N_("Clear filters"), id="replay.clear"),
        Binding("f", "facilitator", N_("Control notes"), show=False, id="replay.facilitator"),
    ]

    DEFAULT_CSS = """
    ReplayScreen #main { height: 1fr; }
    ReplayScreen #left { width: 1fr; }
    ReplayScreen #players-line { height: auto; padding: 0 1; }
    ReplayScreen #right { width: 54; }
    ReplayScreen #board { height: auto; }
    ReplayScreen #where { height: auto; padding: 0 1; text-style: bold; }
    ReplayScreen #timeline { height: 1fr; border: round $accent; }
    ReplayScreen #working-box { height: auto; max-height: 12; border: round $primary; padding: 0 1; }
    ReplayScreen #working { height: auto; }
    ReplayScreen #charts { height: auto; padding: 0 1; }
    ReplayScreen #lanes { height: auto; padding: 0 1; }
    ReplayScreen #players { height: auto; padding: 0 1; }
    ReplayScreen #card { max-height: 14; }
    ReplayScreen #timeline { min-height: 5; }
    ReplayScreen.-compact #right { width: 40; }
    ReplayScreen.-compact #turn { display: none; }
    /* at 80x24 the timeline keeps room for a few events' lines to step through (found from outside: a long note's
       working and the card squeezed it to one event); the working box gives way to it (:meth:`_fit_working`) */
    ReplayScreen.-compact #timeline { min-height: 9; }
    ReplayScreen.-compact #working-box { max-height: 7; }
    ReplayScreen.-compact #card { max-height: 8; }
    """

    def __init__(self, save: Save, every: Every | None = None, now: Callable[[], float] | None = None,
                 pick_hold: float = 0.0):
        """``pick_hold``: seconds the facilitator's view's question holds an Enter pressed as it comes up."""
        super().__init__()
        self.save = save
        self._now = now if now is not None else (time.monotonic if every is None else (lambda: 0.0))
        self.pick_hold = PickHold(self._now, pick_hold)
        #: where playback started (its clock, the event), and the event it last showed: it keeps to the speed
        self._played_from = (0.0, 0)
        self._played_to = -1
        # every record held against the replay: one that differs ends the intact part (the damage notice below)
        save.check_records()
        self._every = every
        self.index = len(save)  # the state after this many events
        self.track_filter: str | None = None
        self.actor_filter: str | None = None
        self.speed = 1
        self.facilitator = False
        self._player: Ticking | None = None
        self._shown: list[int] = []  # event seqs in the timeline, in order
        #: the event whose timeline line leaves its reason to the working panel under it (None: no line does)
        self._worked: int | None = None
        #: the board each draw that set a card aside was drawn on (its line says why), replayed once, as the
        #: timeline is first filled (a seek back for a line would replay up to SNAPSHOT_EVERY events each time)
        self._drawn_on: dict[int, State] = {}
        self._undone = undone_seqs(save.events)
        self._notes: dict[int, list[SavedEvent]] = {}
        for e in save.events:
            if e.action.kind == "note":
                self._notes.setdefault(int(e.result.get("about", e.seq)), []).append(e)
        self._noted = notes_on(self._notes)  # each note's seq -> its event: a note on a note follows it
        self._teams = teams_of(save)  # a named team called so, with its actor, as the hosted game's screens did
        self._revealed_at: dict[int, int] = {}
        for e in save.events:
            for seq in e.result.get("revealed", []) or []:
                self._revealed_at[int(seq)] = e.seq
        #: sealed moves the game never revealed (undone first, or a round not over): seq -> team
        self._never_revealed = {e.seq: e.actor or "" for e in save.events
                                if e.action.kind == "move" and e.result.get("sealed") and e.seq not in self._revealed_at}
        #: counters entered behind the gate the game never revealed: a note on one is kept as the seats kept it
        self._gated = frozenset(gated_counters(save.events))
        self._undone_at = undone_by(save.events)  # an undone event's seq -> the undo's
        #: each round's last event, by the round it is placed in (the step into the next round is that round's)
        self._round_ends: dict[int, int] = {}
        for e in save.events:
            self._round_ends[placed(e, save.scenario).round] = e.seq
        #: the board at each round's end, replayed once: the lanes and charts read every one of them at every
        #: step, and the save keeps only a snapshot every few events (each read replayed up to that many again)
        self._at_round_end: dict[int, State] = {}
        self._round_end_seqs = frozenset(self._round_ends.values())

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        start = self.save.state_at(0)
        yield TitleBar()
        with Horizontal(id="main"):
            with KeyScroll(id="left"):
                board = Board(start, id="board")
                # the rungs read in words at 80x24, as on the play screen's board (found from outside: «За…»,
                # «Гл…» on the debrief's projector); a long name may take the column's every row: the lanes and
                # the charts under the board are scrolled to. A track's name is never cut: it goes on under
                # itself
                board.rows_under = 0
                board.whole_names = True
                yield board
                # a small window's who played: short, right under the board (found from outside: the long form
                # ran past the column's end); not held in view under the column, whose rows the board's rungs
                # need whole at 80x24 (a test of the rungs failed when it took them)
                yield Static(players_line(self.save), id="players-line")
                yield Static(players_text(self.save), id="players")
                yield Static(id="lanes")
                yield Static(id="charts")
            with Vertical(id="right"):
                yield TurnPanel(id="turn")
                yield Static(id="where")
                yield Timeline(id="timeline")
                # a long ruling scrolls here rather than being cut on a small screen
                with KeyScroll(id="working-box"):
                    yield Static(id="working")
                yield CardPanel(id="card")
        yield KeyBar()

    def on_mount(self) -> None:
        self._title()
        if self.save.damage is not None:
            # the damage quotes the file (a key, a value): shown literally, never as markup
            told = ngettext("This save is damaged at {damage}. Showing the {n} intact event before it.",
                            "This save is damaged at {damage}. Showing the {n} intact events before it.",
                            len(self.save)).format(damage=self.save.damage, n=len(self.save))
            # the copy the game went on in, named here too (found from outside: only on the terminal, after the
            # viewer closed, where a projected room never saw it)
            from ..store.continuation import continued_in
            from ..store.verifying import went_on_line

            went_on = continued_in(self.save.path, len(self.save))
            if went_on is not None:
                line = went_on_line(went_on).strip()
                told += f" {line[:1].upper()}{line[1:]}."
            damaged = literal(told, lines=False)
            self.notify(damaged, markup=False, title=_("Damaged save"), severity="warning", timeout=20)
        else:
            from ..store.continuation import written_again_in
            from ..store.verifying import written_again_line

            # an older copy left at the save's name: the room is told where the game went on, as verify tells it
            again = written_again_in(self.save.path, len(self.save))
            if again is not None:
                line = written_again_line(again).strip()
                self.notify(literal(f"{line[:1].upper()}{line[1:]}.", lines=False), markup=False,
                            title=_("The save was written again"), severity="warning", timeout=20)
        if current() != SOURCE:
            from .language import say_untranslated

            say_untranslated(self.app, current())
        self._fill_timeline()
        self.show()
        self.query_one("#timeline", OptionList).focus()

    def _title(self) -> None:
        header = self.save.header.get("scenario", {})
        name = shown(self.save.state_at(0)).ruleset.ruleset.name if header.get("ruleset_name") else ""
        self.title = _("Replay: {name}").format(name=literal(name))
        words = _("{path} \u00b7 read-only").format(path=literal(self.save.path))
        note = texts_note(self.app)  # first: at 80 columns the line's end is cut
        self.sub_title = f"{note} \u00b7 {words}" if note else words  # untranslated: a separator

    def relabel(self) -> None:
        """The board, the timeline and the working again, in the language now spoken (F4)."""
        self._title()
        self.query_one(Board).forget()
        self.query_one("#players", Static).update(players_text(self.save))
        self._fill_timeline()
        self.show()

    # -- drawing -------------------------------------------------------------

    def _matches(self, e: SavedEvent) -> bool:
        if self.actor_filter is not None and e.actor != self.actor_filter:
            ruling = Ruling.from_result(e.result)
            # a vote that settles a move belongs to the move's actor too
            if not (e.action.kind == "vote" and ruling is not None and ruling.actor == self.actor_filter):
                return False
        if self.track_filter is not None:
            if not self.facilitator and e.seq in self._never_revealed:  # on no track the room may know of
                return False
            changes = changes_of(e.result)
            touched = e.track == self.track_filter or any(c.track == self.track_filter for c in changes)
            if not touched:
                return False
        return True

    def _room_resources(self, state: State) -> State:
        """``state`` as the room may see it: a team's resources as they were before a sealed move it never revealed,
        while that move stands (found from outside: the turn panel's capital, falling at each hidden commit, told the
        room what each move had cost). The facilitator's view shows them as they are."""
        if self.facilitator:
            return state
        before: dict[str, Any] = {}
        for seq, actor in sorted(self._never_revealed.items()):
            standing = seq <= self.index < self._undone_at.get(seq, len(self.save) + 1)
            if standing and actor not in before:
                before[actor] = self.save.state_at(seq - 1).resources.get(actor)
        if not before:
            return state
        return evolve(state, resources=Counts.replacing(state.resources, {a: r for a, r in before.items() if r is not None}))

    def _kept_sealed(self) -> dict[int, str]:
        """The sealed moves kept from the room (none in the facilitator's view), by their team's name."""
        if self.facilitator or not self._never_revealed:
            return {}
        n = names(self.save.state_at(0))
        return {seq: n.get(actor, actor) for seq, actor in self._never_revealed.items()}

    def _kept_gated(self) -> frozenset[int]:
        """The counters behind the gate whose notes are kept from the room (none in the facilitator's view)."""
        return frozenset() if self.facilitator else self._gated

    def _fill_timeline(self) -> None:
        timeline = self.query_one("#timeline", OptionList)
        with self.prevent(OptionList.OptionHighlighted):
            self._refill(timeline)

    def _refill(self, timeline: OptionList) -> None:
        """The timeline's lines, added in one call, each measured from its plain words (found from outside: a
        10,000-event save took 7 s to open and as long again at F4, the list wrapping each line's Content)."""
        console = self.app.console
        self._shown = [0]
        self._worked = None
        options = [Option(OptionWords(Text("   0 " + _("the start of the game"), style="dim"), console), id="0")]
        state = self.save.state_at(0)
        sealed = self._kept_sealed()
        for e in self.save.events:
            if self._matches(e):
                options.append(Option(OptionWords(self._line(state, e, sealed), console), id=str(e.seq)))
                self._shown.append(e.seq)
        refill(timeline, options)

    def _line(self, state: State, e: SavedEvent, sealed: Mapping[int, str], worked: bool = False) -> Text:
        """Event ``e``'s line in the timeline (``worked``: the working panel shows its working)."""
        # a draw that set a card aside says why, read on the board it was drawn on (few lines: the others read none)
        before = None
        if set_aside_by(e):
            before = self._drawn_on.get(e.seq)
            if before is None:
                before = self._drawn_on[e.seq] = self.save.state_at(e.seq - 1)
        return event_text(state, e, self._undone, self._revealed_at, self._notes, sealed, self._noted,
                          self._kept_gated(), earlier_than(self.save.events, e.seq), worked=worked,
                          teams=self._teams, before=before)

    def _work_line(self, timeline: OptionList, row: int) -> None:
        """The highlighted line says what the working panel under it does not: found from outside, a ruling's line
        read "… succeeds — facilitator: R" and the panel under it the same reason as its working's, on one screen. The line
        of the event the panel shows leaves the reason to it (``tell(worked=True)``, as the board's log); the line
        left says it again, the timeline being a list of every event."""
        seq = self._shown[row]
        worked = seq if seq == self.index and seq > 0 else None
        if worked == self._worked:
            return
        state, sealed = self.save.state_at(0), self._kept_sealed()
        for redrawn in (self._worked, worked):
            if redrawn is None:
                continue
            at = bisect_left(self._shown, redrawn)
            if at == len(self._shown) or self._shown[at] != redrawn:
                continue  # filtered out of the list meanwhile
            line = self._line(state, self.save.events[redrawn - 1], sealed, worked=redrawn == worked)
            if line.plain != str(timeline.get_option_at_index(at).prompt):  # only a ruling's reason differs
                timeline.replace_option_prompt_at_index(at, OptionWords(line, self.app.console))
        self._worked = worked

    def show(self) -> None:
        """Draw the board as it was after event ``self.index``."""
        save = self.save
        state = save.state_at(self.index)
        compact = self.app.size.width < 110 or self.app.size.height < 34
        self.set_class(compact, "-compact")
        played = recorded(self.save.header)
        self.query_one("#players", Static).display = played and not compact
        line = self.query_one("#players-line", Static)
        line.display = played and compact
        if line.display:  # broken between actors at the column's width, its padding aside
            line.update(players_line(self.save, self._history_width() + 2))
        options = legal_actions(state)
        acting = options[0].actor if options else None
        self.query_one(Board).show(state, acting, compact=compact)
        self.query_one(TurnPanel).show(self._room_resources(state), acting, {}, "", False)
        self.query_one(CardPanel).show(state, self.facilitator)
        filters = []
        n = names(state)
        if self.track_filter:
            filters.append(_("track {track}").format(track=n.get(self.track_filter, self.track_filter)))
        if self.actor_filter:
            filters.append(_("actor {actor}").format(actor=n.get(self.actor_filter, self.actor_filter)))
        where = Text(_("Event {index} of {events} \u00b7 round {round} \u00b7 {phase}").format(
            index=self.index, events=len(save), round=state.round,
            # over: as the turn panel says it (at 80x24 it is below the screen, and "adjudication" stood over the end)
            phase=phase_word("over" if state.over else state.phase)))
        if self._player is not None:
            where.append(" \u00b7 \u25b6 " + _("playing at {speed}/s").format(speed=f"{SPEEDS[self.speed]:g}"))
        if filters:
            where.append(" \u00b7 " + _("showing {filters}").format(filters=", ".join(filters)), style="italic")
        if self.facilitator:  # said on screen for as long as it is on: the room sees what it shows
            where.append(" ")
            where.append(" " + _("FACILITATOR VIEW") + " ", style="bold reverse")  # untranslated: a style
        over = game_over_line(save.events, self.index, state)
        if over:  # the engine's end, said as the report's timeline says it
            where.append(f"\n{over}")
        if save.damage is not None:
            damaged = _("damaged after event {n}: {kind}").format(n=len(save), kind=save.damage.kind_words())
            where.append(f"\n\u26a0 {damaged}", style=DANGER)
        self.query_one("#where", Static).update(where)
        self.query_one("#working", Static).update(working_text(save, self.index, self._undone, self._notes,
                                                               self._kept_sealed(), self._noted, self._kept_gated()))
        self._fit_working(compact, where)
        width = self._history_width()
        self.query_one("#lanes", Static).update(lanes_text(self._state_at, self.index, self._round_ends, width))
        self.query_one("#charts", Static).update(charts_text(self._state_at, self.index, self._round_ends,
                                                             state.round, width))
        timeline = self.query_one("#timeline", OptionList)
        row = max((i for i, seq in enumerate(self._shown) if seq <= self.index), default=0)
        self._work_line(timeline, row)
        if timeline.highlighted != row:
            # moving the highlight ourselves must not come back as a "highlighted" message: handled
            # after the next key press, it would drag the position back to this row (dropped presses)
            with self.prevent(OptionList.OptionHighlighted):
                timeline.highlighted = row
            # after this repaint's layout the list knows its height: only then can it scroll right
            timeline.call_after_refresh(timeline.scroll_to_highlight)

    #: the timeline's least rows in a small window, its border's among them: a few events to step through
    TIMELINE_ROWS = 9

    def _fit_working(self, compact: bool, where: Text) -> None:
        """In a small window, the working box (which scrolls) as tall as leaves the timeline its
        :data:`TIMELINE_ROWS` and the card its rows, the card cut last (found from outside: a long note's working and
        the card took the timeline's rows, down to one event). Textual's ``fr`` heights with a ``max-height`` gave the
        timeline the whole column: counted here."""
        box = self.query_one("#working-box")
        card = self.query_one(CardPanel)
        column = self.query_one("#right")
        if not compact or not column.size.height:
            box.styles.max_height = card.styles.max_height = None  # the stylesheet's
            return
        inner = column.size.width
        console = self.app.console
        painted = card.painted
        card_rows = min(8, len(painted.wrap(console, max(inner - 4, 1))) + 2) if painted is not None else 3
        where_rows = len(where.wrap(console, max(inner - 2, 1)))
        rest = column.size.height - where_rows - self.TIMELINE_ROWS
        # two of the working's lines at least, and its scrollbar; the card's title and first line
        box.styles.max_height = working = max(4, min(7, rest - card_rows))
        card.styles.max_height = max(3, min(8, rest - working))

    def _history_width(self) -> int:
        """The columns the lanes and charts have: their column's, less its padding and scrollbar (before the first
        layout, the share of the window the stylesheet gives that column)."""
        column = self.query_one("#left").size.width or self.app.size.width - 54
        return max(column - 4, 1)

    def _state_at(self, i: int) -> State:
        """``save.state_at(i)``, a round's end replayed only the first time it is asked for."""
        if i not in self._round_end_seqs:
            return self.save.state_at(i)
        state = self._at_round_end.get(i)
        if state is None:
            state = self._at_round_end[i] = self.save.state_at(i)
        return state

    # -- moving --------------------------------------------------------------

    def go(self, index: int) -> None:
        self.index = max(0, min(len(self.save), index))
        self.show()

    def action_step(self, delta: int) -> None:
        shown = self._shown
        if self.track_filter or self.actor_filter:
            later = [s for s in shown if s > self.index] if delta > 0 else [s for s in shown if s < self.index]
            if later:
                self.go(later[0] if delta > 0 else later[-1])
            return
        self.go(self.index + delta)

    def action_round(self, delta: int) -> None:
        state = self.save.state_at(self.index)
        target = state.round + delta
        if delta < 0:
            # back: the start of this round (the one this branch of it began at: a start undone later too), or of
            # the one before when already at its start
            here = max((i for i, r in self._begun() if r == state.round and i <= self.index), default=0)
            self.go(here if self.index > here and delta == -1 else self._round_starts().get(target, 0))
        else:
            self.go(self._round_starts().get(target, len(self.save)))

    def _begun(self) -> list[tuple[int, int]]:
        """Every state a round began at, in order, as (index, round): an event's round is the one it happened in,
        so the state after ``i`` events is in the next event's round (a game saved as a round began, its last event
        the move into it, has that round too, starting after its last event). A round undone and played again
        began twice."""
        rounds = [e.round for e in self.save.events] + [self.save.state_at(len(self.save)).round]
        return [(0, rounds[0])] + [(i, r) for i, r in enumerate(rounds) if i and r > rounds[i - 1]]

    def _round_starts(self) -> dict[int, int]:
        """Each round's start that stands: the last not undone (found from outside: "go to round 2" landed on the
        start the facilitator had undone, six steps of a discarded branch before the real one). A round whose every
        start was undone keeps its last, the only place it is seen."""
        begun = self._begun()
        starts = {r: i for i, r in begun}
        starts.update({r: i for i, r in begun if i not in self._undone})
        return starts

    def action_jump(self, where: int) -> None:
        self.go(len(self.save) if where < 0 else where)

    def _halt(self) -> bool:
        """Stop the player; whether it was playing."""
        if self._player is None:
            return False
        self._player.stop()
        self._player = None
        return True

    def _stop_playing(self) -> None:
        """Playback stops while a question is open (found from outside: it ran on behind "go to round", from
        event 1473 to 1482 while the round was typed, and on after the jump)."""
        if self._halt():
            self.show()

    def action_goto_round(self) -> None:
        self._stop_playing()
        starts = self._round_starts()
        rounds = sorted(starts)

        def check(text: str) -> str | None:
            try:
                value = int(text)
            except ValueError:
                return _("Type a round number from {first} to {last}.").format(first=rounds[0] if rounds else 1,
                                                                               last=rounds[-1] if rounds else 1)
            return None if value in starts else _("This game has rounds {first} to {last}.").format(
                first=rounds[0], last=rounds[-1])

        def done(text: str | None) -> None:
            if text:
                self.go(starts.get(int(text), 0))

        if rounds:
            self.app.push_screen(AskScreen(_("Go to the start of which round?"), f"{rounds[0]}..{rounds[-1]}", check=check,
                                           required=False), done)

    def action_play(self) -> None:
        if not self._halt():
            if self.index >= len(self.save):
                self.index = 0
            self._player = self._start_ticking()
        self.show()

    def _start_ticking(self) -> Ticking:
        self._played_from, self._played_to = (self._now(), self.index), self.index
        interval = 1 / SPEEDS[self.speed]
        if self._every is not None:
            return self._every(interval, self._play_step)
        return self.set_interval(interval, self._play_step)

    def _play_step(self) -> None:
        if self.index >= len(self.save):
            self._halt()
            self.show()
            return
        if self.index != self._played_to:  # moved by hand while playing: the speed counts from here
            self._played_from = (self._now(), self.index)
        began, first = self._played_from
        # the events due by now: a tick late (a long save's step, a busy machine) catches up in one repaint, at most
        # a second's worth (found from outside: "32/s" played 11 events a second)
        due = first + int((self._now() - began) * SPEEDS[self.speed])
        self.action_step(max(1, min(due - self.index, int(SPEEDS[self.speed]))))
        self._played_to = self.index

    def action_speed(self, delta: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + delta))
        if self._player is not None:
            self._player.stop()
            self._player = self._start_ticking()
        speed = SPEEDS[self.speed]
        # a fraction takes the form 2 takes, in en, ru and uk alike ("0.5 events", "0,5 события", "0,5 події")
        count = int(speed) if speed.is_integer() else 2
        said = ngettext("Playing speed: {speed} event a second", "Playing speed: {speed} events a second",
                        count).format(speed=f"{speed:g}")
        self.notify(said, markup=False, timeout=2)
        self.show()

    def _pick_filter(self, title: str, ids: Sequence[str], labels: Sequence[str], setter: str) -> None:
        self._stop_playing()
        def done(index: int | None) -> None:
            if index is not None:
                setattr(self, setter, ids[index])
                self._fill_timeline()
                self.show()

        self.app.push_screen(PickScreen(title, [Text(label) for label in labels]), done)

    def action_filter_track(self) -> None:
        rs = shown(self.save.state_at(0)).ruleset
        self._pick_filter(_("Show the events of which track?"), [t.id for t in rs.tracks],
                          [literal(t.name) for t in rs.tracks], "track_filter")

    def action_filter_actor(self) -> None:
        rs = shown(self.save.state_at(0)).ruleset
        self._pick_filter(_("Show the events of which actor?"), [a.id for a in rs.actors],
                          [literal(a.name) for a in rs.actors], "actor_filter")

    def action_clear_filters(self) -> None:
        self.track_filter = self.actor_filter = None
        self._fill_timeline()
        self.show()

    def action_facilitator(self) -> None:
        """The facilitator's view on, once asked (found from outside: one key put the control notes and the sealed
        moves never revealed on the projector, and nothing on screen said so), or off at once."""
        if self.facilitator:
            self._set_facilitator(False)
            return

        def done(ok: bool | None) -> None:
            if ok:
                self._set_facilitator(True)

        self._stop_playing()
        # held as the board's questions are: f and a nervous Enter at once put the control notes and the sealed moves
        # never revealed on the debrief's projector (found in review)
        self.app.push_screen(ConfirmScreen(_(FACILITATOR_WARNING), Text(_("f again hides them.")),
                                           self.pick_hold.fresh(), weighty=True), done)

    def _set_facilitator(self, on: bool) -> None:
        self.facilitator = on
        if self._never_revealed:  # the timeline names them in the facilitator's view only
            self._fill_timeline()
        self.show()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != "timeline":
            return
        seq = int(event.option.id or 0)
        if seq != self.index and self._player is None:
            self.index = seq
            self.show()

    def on_resize(self) -> None:
        self.show()  # the timeline scrolls to its event again itself, its height changed (Timeline.on_resize)


class Timeline(MarkedList):
    """The replay's events, one option each, the event shown highlighted."""

    def on_resize(self) -> None:
        """Kept on its event when the list's height changes: the header above it takes a second line for the
        facilitator's view, a filter or a damaged save (found from outside: after f, the timeline showed the four
        events before the one on the board until the next step)."""
        self.call_after_refresh(self.scroll_to_highlight)


class ReplayApp(SizeGuard, LatinKeys, Multilingual, Themed, App[None]):
    """``tabletop replay SAVE``."""

    TITLE = "tabletop replay"  # untranslated: the program's name and command
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("q", "quit", N_("Quit"), id="app.quit_q"),
        Binding("f1,question_mark", "help", N_("Help"), id="app.help"),
        replace(THEME_BINDING, show=True),  # the viewer's bar names it, as it did
        LANGUAGE_BINDING,
    ]

    def __init__(self, save: Save, every: Every | None = None, *, lang: str | None = None,
                 now: Callable[[], float] | None = None, pick_hold: float = 0.0):
        """``lang``: the language the viewer speaks first (``--lang``; None: as the process speaks). ``every`` and
        ``now``: the playback's timer and clock (a test's own; an injected timer without a clock: time stands).
        ``pick_hold``: how long a question holds an Enter pressed as it comes up (the command's
        :data:`~tabletop.play.clock.PICK_HOLD`; 0: not held)."""
        super().__init__()
        if lang is not None:
            set_language(lang)
        self.save = save
        self._every = every
        self._now = now
        self._pick_hold = pick_hold

    def on_mount(self) -> None:
        self.push_screen(ReplayScreen(self.save, self._every, self._now, self._pick_hold))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(ReplayHelp())


class ReplayHelp(HelpScreen):
    def lines(self) -> ComposeResult:
        # in the help's column that scrolls: at 72x20 its last lines were cut off, the quit line's among them
        # each line wrapped under its own words, as the board's help (found from outside: in ru and uk at 72x20 a
        # key's words went on at the dialog's left edge, under the keys)
        yield Static(KeyLines(_(REPLAY_HELP)), id="help-text")

    def relabel(self) -> None:
        self.query_one("#help-text", Static).update(KeyLines(_(REPLAY_HELP)))
        self.relabel_keys()
