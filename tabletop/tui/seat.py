"""``tabletop join``: one seat's screen of a hosted game (a team, the projector, the facilitator, an observer).

The host sends each seat a view redacted for it (:mod:`tabletop.seats.views`);
this screen draws it and sends back what the seat picks. It decides no rule:
an entry the engine refuses is shown greyed with the engine's reason, and
an act the host refuses is said in a notice. Without a code, the screen asks
for one (a browser through ``tabletop serve`` starts so). A dropped
connection is said at the top (so is a host that has said nothing for a while, the link
up: frozen, asleep), and the screen joins again by itself with the
same code (never taking the seat from another screen that holds it now: then
it only watches, and says why); acts sent and not yet answered are sent again
(the host never does one twice).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.css.scalar import Scalar
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from ..content.literal import literal
from ..engine import State
from ..engine.lookups import shown
from ..lang import LANGUAGES, NAMES, SOURCE, Domain, current, set_language, using
from ..play.clock import AWAY_NOTICE, Now, PickHold, away_title, clock_text, wall_clock
from ..play.replica import Replica, ReplicaError
from ..play.session import acting_in
from ..seats.client import Disconnected, Refused, SeatClient
from ..seats.protocol import HOST_QUIET, Wire
from ..seats.joincodes import pasted
from . import seatwords as words
from .bars import CLEAR_OF_NOTICES, KeyBar
from .decisionlist import PICK_KEYS, DecisionList, about_text
from .language import LatinKeys
from .notices import Refusals, resume_title, taken, typed_text_lost
from .pasting import WholePastes
from .seatacts import SeatActs, view_seq
from .seatdialogs import CONSOLE_HELP, CONSOLE_READING, SEAT_HELP, SEAT_READING, CodeScreen
from .seatpowers import POWER_BINDINGS, ConsolePowers
from .text import inject_labels
from .themes import THEME_BINDING, Themed
from .toosmall import SizeGuard
from .widgets import Board, KeyScroll, compact_board

if TYPE_CHECKING:
    from textual.command import Provider

_, ngettext, N_ = Domain("tui").words()

#: tries of a screen that never reached its host before it asks to check the address (a typo, the browser's port)
CHECK_AFTER = 3
#: pauses between tries to join again after a drop (the last one repeats): quick at first, then calm
RETRY_PAUSES = (0.2, 0.5, 1.0, 2.0)
#: seconds a seat's phase timer still stands after the host, not answering, answers a ping: a woken host sends the
#: time it gives back with its next tick's view (a second on), just after answering the pings that came meanwhile
ANSWER_GRACE = 2.0
#: seconds a closing screen gives its bye to reach the host (a host gone does not hold the screen open)
BYE_WAIT = 2.0
#: seconds before a console first had the game within which time the host gave back (a resume) is still news to it:
#: the console of ``host --resume`` joins within a second, one the facilitator starts with it on another screen within
#: a minute; a console that joins later never saw its timer jump, and is not told (:meth:`SeatApp._take_away`)
AWAY_NEWS = 60

Sleep = Callable[[float], Awaitable[None]]


#: the seats that only watch the table, laid out as a projector: the projector and the observers
WATCHERS = frozenset({"projector", "observer"})
#: the option rows a team's list keeps when its question needs more: three moves of two rows each at 80x24, in ru too
LIST_KEEPS = 6
#: the rows a list that scrolls anyway keeps when its question needs more to be whole (found from outside: at 60x20 the
#: US seat's moves question read only "United States: pick a move")
LIST_LEAST = 3
#: the lines a narrow projector gives the newest verdict under whose turn (the tracks keep the rest of an 80x24 screen)
VERDICT_ROWS = 2


class TrackLines(Static):
    """The board's tracks as a seat words them (:func:`~.seatwords.tracks_text`), each track's line broken between its
    parts at the panel's own width, and again whenever that width changes (the screen's, or the column's scrollbar
    coming or going). Found from outside: at 80x24 the panel wrapped a track's line inside "напряжённость 3/8" and
    before a "·"."""

    _view: Mapping[str, Any] | None = None
    _large = False
    _lang = SOURCE

    def show(self, view: Mapping[str, Any], large: bool) -> None:
        """Word ``view``'s tracks (``large``: a watcher's) in the language read now, at the panel's width."""
        self._view, self._large, self._lang = view, large, current()
        self._fit()

    def held(self) -> None:
        """The screen lays the tracks out itself (a narrow projector's forms): a new width leaves them be."""
        self._view = None

    def _fit(self) -> None:
        if self._view is None:
            return
        width = self.content_region.width if self.is_attached else 0
        with using(self._lang):
            self.update(words.tracks_text(self._view, large=self._large, width=width if width > 0 else None))

    def on_resize(self) -> None:
        self._fit()


class SeatScreen(ConsolePowers, Screen[None]):
    """The seat's view: the board, the card, the sealed moves' commitments; its own and its decision."""

    AUTO_FOCUS = "#entries"  # arrows and Enter work on the decision at once, as on the hot seat
    #: the least window that shows a ruling's working (:mod:`.toosmall`): measured on the six-track Parallel Tracks board
    #: after the dice ruling of Russia's press-hard move on Borders, in en, ru and uk, with a team's screen (waiting, or
    #: voting next) and the console (rolling next, or voting for a team with no screen), as
    #: tests/seats/test_small_seat_ruling.py checks: whose turn, the decision and the newest ruling's verdict stay in
    #: view from 16 rows at 46 columns or more (at 15 rows, at 60 and at 80 columns, the console loses the verdict in
    #: ru and uk; a team's vote whose question the log's rows make whole takes them: the verdict is l away). 60 columns
    #: are kept: under them the board's column is a few letters wide. tmux's pane in an 80x24
    #: terminal, 80x23, is above it (found from outside: at 24 rows asked, every team's tmux pane said too small)
    MIN_SIZE = (60, 16)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # untranslated: CSS classes
    BINDINGS = [
        *(Binding(key, f"pick({i - 1})", _("Pick {n}").format(n=key), show=False) for i, key in enumerate(PICK_KEYS, 1)),
        # a team's moves are one list, each kind of move on every track in turn: these jump to the next kind's
        # first entry (found from outside: at 80x24, 59 presses of Down from the first move to "Make an argument")
        Binding("right", "group(1)", N_("Next kind of move"), show=False),
        Binding("left", "group(-1)", N_("Previous kind of move"), show=False),
        *POWER_BINDINGS,
        # every seat's, as the board's l: the last ruling, whole (its working, the odds, the roll); a ruling is public
        # once made. In the footer: a seat has fewer keys there than the board
        Binding("l", "last_ruling", N_("Ruling"), id="seat.ruling"),
        # a team's: its own panel whole (found from outside: at 80x24 the secret objective was cut off the panel, and
        # only the mouse wheel reached it). The console's o is its override: each key only on its own seat
        Binding("o", "own", N_("Objectives"), id="seat.own"),
    ]
    #: the actions whose keys open a dialog: the console's powers, the ruling view and a team's own panel
    dialog_actions = ConsolePowers.dialog_actions | {"last_ruling", "own"}
    _ruling_up: object = None  # the event whose argued ruling this screen last put up by itself (once an event)
    _groups: list[str] = []  # each listed entry's kind of move, as the list shows them
    _listed_at: object = None  # the game's seq the decision list was last drawn for (a new one: a new question)
    _found: list[Mapping[str, Any]] = []  # the entries listed, as the view has them
    _view_at = 0.0  # when the view on screen came (the screen's clock)
    _hold: PickHold | None = None  # made on the first view (the app's clock and hold)
    _dialogs_closed: bool | None = None  # None until the screen is first shown (that is no dialog closing)
    _revealed: tuple[int, ...] = ()  # the sealed entries of the reveal on screen
    _head: str = ""  # the chain head on screen (a round's end)
    _card_brought: object = None  # the card last brought into view (once a card)
    _card_away: bool = False  # the column was scrolled to a card and has not gone back to its top since
    _track_kept: object = None  # the decision on a track whose lines were last brought into view (once a decision)
    _board_state: State | None = None  # the facilitator's board as last drawn (drawn again on a resize)
    _paused_keys: bool | None = None  # whether the key bar offers Resume (else Pause) as last drawn
    _headline_shown: tuple[Mapping[str, Any], float, bool] | None = None  # the view, the seconds since, held: headline
    _held_from: float | None = None  # the host not answering: when it was last heard (the timer stands at that reading)
    _answered_at: float | None = None  # the host answered after that with no view yet: when (see _timer_held)
    _side_log: tuple[Text, Text] = (Text(), Text())  # the side log's entries before the newest, and all of them
    _log_held: int | None = None  # the side log's row its newest entry begins at, scrolled to (None: at its end)
    _list_had_keys = False  # the decision list had the keyboard when it went out of sight (nothing to pick)
    _committed: list[Text] = []  # a team's or the console's commitments not yet revealed, a line each, oldest first
    _committed_shown = ""  # the commitments' panel as last drawn (fitted to its rows as laid out)
    _table_view: tuple[Mapping[str, Any], dict[int, str]] | None = None  # a watcher's view and commitments seen
    _table_laid: object = None  # a watcher's board and table as last laid out (drawn again only when it changes)
    _voting = False  # the decision on screen is a vote: its question, whole, comes before the log's least rows
    _verdict: Text = Text()  # a watcher's newest verdict, in full (fitted to its lines as the screen is laid out)
    _reveal_held = False  # a watcher's reveal was just brought into view (its table is not fitted meanwhile)
    _wide_laid: object = None  # a wide watcher's sealed moves and log as last fitted to the table's rows

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Connecting\u2026")), id="link")
        yield Static(id="headline")
        yield Static(id="waiting")  # a watcher's: what the game waits for (a seat that acts has its prompt)
        yield Static(id="verdict")  # a narrow watcher's: the newest verdict (a wide one has its log in view)
        with Horizontal(id="columns"):
            with Vertical(id="left-side"):
                with KeyScroll(id="left"):  # one column; a wide projector's two (seat.tcss)
                    with Vertical(id="board-side"):
                        yield Static(id="round")  # a watcher's: the round, big, with its word (seat.tcss)
                        yield TrackLines(id="tracks", classes="panel")
                    with Vertical(id="table-side"):
                        yield Static(id="card", classes="panel")
                        yield Static(id="dice", classes="panel")
                        yield Static(id="head", classes="panel -empty")  # untranslated: CSS classes
                        # a wide projector's card and dice stay put; the reveal and the log under them scroll
                        with VerticalScroll(id="table-log", can_focus=False):
                            yield Static(id="seals", classes="panel -empty")  # untranslated: CSS classes
                            yield Static(id="log", classes="panel")
                # a team's and the console's: the round's commitments under the column, never scrolled out of view
                yield Static(id="committed", classes="-empty")  # untranslated: a CSS class
            with Vertical(id="right"):
                with KeyScroll(id="own-box"):
                    yield Static(id="own", classes="panel")
                with KeyScroll(id="prompt-box"):  # a long prompt scrolls: the list keeps its rows
                    yield Static(id="prompt")
                yield DecisionList(id="entries")
                # a team's and the console's log, below its decision: the newest lines always in view
                with KeyScroll(id="log-box"):
                    yield Static(id="side-log")
        # the keys in the seat's language (Textual's Footer says them as declared, in English), on one row: those
        # that do not fit are in the palette (palette_commands)
        yield KeyBar(one_row=True)

    @property
    def seat_app(self) -> SeatApp:
        app = self.app
        assert isinstance(app, SeatApp)
        return app

    def show(self, view: Mapping[str, Any], seen: dict[int, str]) -> None:
        """Draw a view the host sent."""
        role = str(view.get("role", ""))
        # an observer sees what the projector sees, laid out as the projector's (docs/seats.md; found from outside:
        # a team's layout, with "Waiting for the facilitator." over an empty list of choices)
        watcher = role in WATCHERS
        self.set_class(watcher, "-projector")
        game = view.get("game") if isinstance(view.get("game"), Mapping) else {}
        self._view_at = self.seat_app.now()
        self._held_from = self._answered_at = None  # the host's own reading, whatever stood before
        if self._paused() != self._paused_keys:  # p pauses or resumes: the key bar says which, as the game is
            self._paused_keys = self._paused()
            self.refresh_bindings()
        self._show_headline(view)
        self.query_one("#waiting", Static).update(words.waiting_text(view) if watcher else "")
        self._verdict = words.verdict_text(view) if watcher else Text()
        self._show_verdict()
        self.query_one("#round", Static).update(words.round_badge(view) if watcher else "")
        self.query_one("#tracks", TrackLines).show(view, large=watcher)
        self.query_one("#card", Static).update(words.card_text(view))
        dice = words.dice_text(view)
        self.query_one("#dice", Static).update(dice)
        self.query_one("#dice", Static).set_class(not dice.plain, "-empty")  # no blank lines above the reveal
        if watcher:  # the projector's table has room for them all, and nobody scrolls it
            self._committed = []
            seals = words.seals_text(view, seen)
        else:
            self._committed = words.committed_lines(view, seen)
            seals = words.reveal_text(view, seen)
        self._show_committed()
        panel = self.query_one("#seals", Static)
        panel.update(seals)
        panel.set_class(not seals.plain, "-empty")
        revealed = words.revealed(view)
        if watcher:
            self.query_one("#log", Static).update(words.log_text(view, 8))
        else:
            self._show_side_log(words.log_entries(view, 12))
        head = words.head_text(view)
        self.query_one("#head", Static).update(head)
        self.query_one("#head", Static).set_class(not head.plain, "-empty")
        # a team deciding on one track (a vote on a proposal, a counter) keeps that track in view, the reveal under
        # it as far as the column has room (found from outside: the reveal, brought into view, scrolled the tracks
        # off the column's top while the team voted on Borders; DESIGN 3a: the board stays on screen)
        decided = _decided_track(words.entries(view)) if role == "team" and not self.seat_app.watching else None
        new_reveal = bool(revealed) and revealed != self._revealed
        if decided is not None:
            self._keep_track(view, (game.get("seq"), decided), panel if new_reveal else None)
        # a narrow watcher's column is laid out whole by _lay_table, from its top: nothing in it is scrolled (found
        # from outside: at 60x16 the reveal, brought into view, was scrolled two rows up in its box, its heading gone)
        elif watcher and self.has_class("-narrow"):
            self.query_one("#table-log", VerticalScroll).scroll_home(animate=False, immediate=True)
        # nobody scrolls a projector: a reveal comes into view, once; else its table follows the newest line
        elif new_reveal:
            into_view(panel)  # (this lets go of the anchor)
        elif watcher:  # (a wide one's is fitted to its rows as laid out: _lay_wide_table)
            self.query_one("#table-log", VerticalScroll).anchor()  # at the end, whatever the layout adds after
        if watcher and head.plain and head.plain != self._head:
            # the chain head to note: above the log on a wide projector; on a narrow one, its column brought to it
            into_view(self.query_one("#head", Static), top=True)
        self._revealed, self._head = revealed, head.plain
        self._reveal_held = watcher and new_reveal
        own = words.control_text(view, self.seat_app.teams) if role == "facilitator" else words.own_text(view)
        self.query_one("#own", Static).update(own)
        prompt = words.prompt_text(view)
        weighed = words.weighing_text(view) if role == "team" else Text()
        if weighed.plain:  # its own argument weighed: its counters and the odds, under what it waits for
            prompt.append("\n")
            prompt.append_text(weighed)
        listed = [] if self.seat_app.watching else words.entries(view)  # a screen that only watches lists nothing
        if len(listed) > 9 and len({_kind_of(e) for e in listed}) > 1:
            # after the question, not on a line of its own: at 80x24 the row it saved is a move more in the list
            prompt.append(" " + _("\u2190/\u2192: the previous or next kind of move"), style="dim")
        self.query_one("#prompt", Static).update(prompt)
        # a screen another one replaced only watches: it lists nothing to pick (a pick would be refused)
        found = [] if self.seat_app.watching else words.entries(view)
        self._voting = bool(found) and all(_kind_of(e) == "vote" for e in found)
        self._bring_card(view, game)
        seq = game.get("seq") if isinstance(game, Mapping) else None
        self._keys_to_list(bool(found), fresh=bool(found) and seq != self._listed_at)
        self.set_class(bool(found), "-acting")  # untranslated: a CSS class
        self._show_entries(found, seq)
        self.hold.shown(game.get("seq") if isinstance(game, Mapping) else None,
                        [(e.get("id"), e.get("label")) for e in found])
        self._table_view = (view, seen) if watcher else None
        self._lay_table()
        if role in WATCHERS or role == "facilitator":
            self._take_down_stale_ruling(game.get("seq") if isinstance(game, Mapping) else None, role == "facilitator")
            self._put_up_argued_ruling(view)
        elif role == "team" and not self.seat_app.watching:  # a team reading it keeps it, as the console does
            self._take_down_stale_ruling(game.get("seq") if isinstance(game, Mapping) else None, True)
            self._put_up_argued_ruling(view, own=True)

    def _take_down_stale_ruling(self, seq: object, kept_if_read: bool) -> None:
        """The ruling view this screen put up by itself closes once a newer event has come (a newer argument's roll
        puts its own up next): :meth:`~.rulingview.RulingScreen.stale`. The console keeps one a key was pressed in."""
        from .rulingview import RulingScreen

        screen = self.app.screen
        if isinstance(screen, RulingScreen) and screen.stale(seq, kept_if_read):
            screen.action_close()

    def _put_up_argued_ruling(self, view: Mapping[str, Any], own: bool = False) -> None:
        """An argument's roll: its whole working in front of the room, on the projector (and an observer's screen,
        laid out as it) and the console, as the hot seat's board puts it up; once an event, and only over the seat's
        screen (a dialog the facilitator has open is not covered: l shows it after). ``own``: a team's screen, which
        puts up the ruling of its own move or argument only (:func:`~.seatwords.own_ruling`): another team may be
        typing its next entry; its l shows it. Only over the seat's screen: a dialog the team is typing in stays."""
        line = words.own_ruling(view) if own else words.argued_roll(view)
        if line is None or line.get("seq") == self._ruling_up:
            return
        self._ruling_up = line.get("seq")
        if self.app.screen is self:
            self._show_ruling(line, by_itself=True)

    def _show_ruling(self, line: Mapping[str, Any], by_itself: bool = False) -> None:
        """A ruling's log line, whole (:class:`~.rulingview.RulingScreen`), held against a double Enter; ``by_itself``:
        put up as it was made, not at ``l`` (it goes when the game moves on)."""
        from .rulingview import RulingScreen, working_text

        head, lines = words.ruling_parts(line)
        seq = line.get("seq")
        self.app.push_screen(RulingScreen(seq if isinstance(seq, int) else 0, working_text(head, lines),
                                          self.hold.fresh(), by_itself=by_itself))

    def action_last_ruling(self) -> None:
        """l: the last ruling that stands, whole, from the words the host sent this seat (as the board's l)."""
        line = words.last_ruling(self.seat_app.view or {})
        if line is None:
            self.seat_app.refusals.show(self, _("No ruling yet: dice, a vote or the facilitator have settled nothing "
                                                "so far."), "information", title="", seconds=4)
            return
        self._show_ruling(line)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A team's own panel (o) only on a team's screen; the console's powers as :class:`ConsolePowers` says."""
        if action == "own":
            return self.seat_app.role == "team"
        return super().check_action(action, parameters)

    def action_own(self) -> None:
        """o: the team's own panel, whole (its objectives with their marks, its resources, its sealed moves)."""
        from .ownview import OwnScreen

        own = words.own_text(self.seat_app.view or {})
        if own.plain:
            self.app.push_screen(OwnScreen(own))

    def _keys_to_list(self, acting: bool, fresh: bool = False) -> None:
        """The decision list out of sight while there is nothing to pick: its rows are the log's (found from outside: at
        80x23 four empty rows stood over a log that had lost the newest ruling's verdict). The keyboard it had goes
        back to it as it comes back, at once, as on the hot seat (Textual gives it to the panel above meanwhile).
        A ``fresh`` decision (the game moved on) takes the keyboard wherever it was, as on the hot seat: found from
        outside, after one Tab to read the log a new list came up, the digits drove it but End, ↑↓ and Enter went to
        the log, and "End: the last entry" scrolled the log instead."""
        listed = self.query_one("#entries", DecisionList)
        if not acting and self.focused is listed:
            self._list_had_keys = True
        listed.display = acting
        if acting and (self._list_had_keys or fresh):
            self._list_had_keys = False
            self.set_focus(listed)

    def _bring_card(self, view: Mapping[str, Any], game: Mapping[str, Any]) -> None:
        """Every screen but the projector's sees a new card from its title while the game waits on it (on a
        small screen it was below the tracks: a team not asked to answer it never saw it, a team asked saw
        only its choices): brought into view once for each card. When the moves begin, the column goes back
        to its top, once, for the tracks the moves are played on."""
        if view.get("role") in WATCHERS:  # their layout keeps the card under the tracks or beside them
            return
        board = view.get("board")
        card = board.get("card") if isinstance(board, Mapping) else None
        waiting = game.get("waiting")
        if waiting in ("choice", "card") and isinstance(card, Mapping):
            key = (game.get("round"), card.get("id"), card.get("title"))
            if key != self._card_brought:
                self._card_brought, self._card_away = key, True
                # (not once the moves have begun: the column went back to the tracks meanwhile)
                into_view(self.query_one("#card", Static), top=True, wanted=lambda: self._card_away)
        elif waiting == "move" and self._card_away:
            self._card_away = False
            self.query_one("#left", VerticalScroll).scroll_home(animate=False, immediate=True)

    def _keep_track(self, view: Mapping[str, Any], key: tuple[object, str], reveal: Widget | None) -> None:
        """Bring the tracks into view for a decision (``key``: the game's seq and the track it is on), once a
        decision: every track if the column has room, else that track's lines; and under them the top of
        ``reveal`` (a reveal just come), if there is room too."""
        place = words.track_place(view, key[1])
        if place is None or key == self._track_kept:
            return
        self._track_kept = key
        tracks = self.query_one("#tracks", Static)
        column = self.query_one("#left", VerticalScroll)
        lang = current()

        def lines() -> Region | None:
            """The most of the board the column has room for, in the column's own coordinates (None: not laid out)."""
            width = tracks.content_region.width
            if width <= 0 or not tracks.is_attached:
                return None
            with using(lang):  # the track's lines as the panel breaks them at its width (TrackLines)
                above, own = words.track_place(view, key[1], width) or place
            origin = column.scrollable_content_region.y - int(column.scroll_y)
            start = _height(above + Text("x"), tracks, width) - 1  # (the words above end with a line break)
            end = _height(above + own.plain.rstrip(), tracks, width)  # (a narrow column wraps a track's second line)
            board = (tracks.region.y - origin, tracks.region.bottom - origin)
            line = (tracks.content_region.y + start - origin, tracks.content_region.y + end - origin)
            spans = [board, line]
            if reveal is not None and reveal.display:
                under = reveal.region.y - origin + 1
                spans = [(board[0], under), board, (line[0], under), line]
            room = column.scrollable_content_region.height
            top, bottom = next((span for span in spans if span[1] - span[0] <= room), line)
            return Region(0, top, 1, bottom - top)

        lines_into_view(column, lines)

    @property
    def hold(self) -> PickHold:
        """A pick from a list the game has just put up is not taken at once (:class:`~tabletop.play.clock.PickHold`)."""
        if self._hold is None:
            self._hold = PickHold(self.seat_app.now, self.seat_app.pick_hold)
        return self._hold

    @property
    def pick_hold(self) -> PickHold:
        """The hold, by the name the board's has (a dialog opened over either holds what is typed as it comes up)."""
        return self.hold

    def on_screen_resume(self) -> None:
        """A dialog over the seat's screen closed: the list under it is held as a new one is (a second Enter that
        closed a note or a question would pick the list's first entry)."""
        if self._dialogs_closed is not None:
            self.hold.again()
        self._dialogs_closed = True

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)
        self.query_one("#log-box", VerticalScroll).anchor()  # at its newest line until the team scrolls it
        self.screen_layout_refresh_signal.subscribe(self, self._fit_prompt)
        self.screen_layout_refresh_signal.subscribe(self, self._prompt_laid)
        self.watch(self.query_one("#prompt-box"), "scroll_y", self._say_prompt_cut, init=False)
        self.screen_layout_refresh_signal.subscribe(self, self._show_committed)
        self.screen_layout_refresh_signal.subscribe(self, self._lay_table)
        self._clear_of_notices()

    def _clear_of_notices(self) -> None:
        """On a small screen notices sit above the decision list, as on the hot seat's board (found from outside: at
        80x24 a refusal covered the lower options of the list it explained)."""
        small = compact_board(self.app.size)
        listed = self.query_one("#entries", DecisionList)
        listed.set_class(small, CLEAR_OF_NOTICES)

    def _fit_prompt(self, _screen: object = None) -> None:
        """The question gives way, as laid out, so the log under the decision keeps its least rows (its rule and the
        newest entry's first lines: its number, who, what, the verdict): found from outside, at 80x23 the console's
        dice working for the next roll took the log's rows, and the ruling just made was nowhere on the screen. The
        question scrolls in the rows it keeps (shift+tab, then the arrows); with room, its stylesheet's height.

        The question, whole, comes before the rows others keep by their stylesheet, in this order: the blank row
        under it, the list's rows down to its least, the team's own (its resources and objectives), and then, only
        where that makes the question whole, the log's least rows (found from outside: at 60x20 a vote's question
        stopped before the track and what the vote would do; at 80x24 a link vote's, before the track tied in. A
        delegation never votes blind; a log cut is scrolled back with Tab, and a screen too small for the question
        whole keeps the newest verdict)."""
        right = self.query_one("#right", Vertical)
        box = self.query_one("#prompt-box", VerticalScroll)
        log = self.query_one("#log-box", VerticalScroll)
        own_box = self.query_one("#own-box", VerticalScroll)
        rows = right.content_size.height
        cap, least_rows = box.styles.base.max_height, log.styles.base.min_height
        if not right.display or rows <= 0 or cap is None or least_rows is None:
            return
        listed = self.query_one("#entries", DecisionList)
        list_rows = self._list_rows(listed, right) if listed.display else 0
        own_rows = self._own_rows(own_box, right)
        least = int(least_rows.resolve(right.content_size, self.app.size))
        margin = box.styles.base.margin.bottom
        room = rows - own_rows - list_rows - margin - least
        # the question, whole, before the list's rows under its least (found from outside: at 80x24 Europe's prompt
        # showed "pick a move (2 actions left), or pass", cut before "(End: the last entry)", over a list of 61 moves
        # that scrolls anyway): the blank row under it goes first, then the list's rows down to its least
        needed = self.query_one("#prompt", Static).outer_size.height
        tight = needed > room and margin > 0
        if box.styles.inline.has_rule("margin") != tight:  # (the stylesheet's margin is read above: never this one)
            box.styles.margin = (0, 0, 0, 0) if tight else None  # (None: the stylesheet's again)
        room += margin if tight else 0
        floor = min(list_rows, LIST_KEEPS + listed.styles.gutter.height)
        given = max(min(needed - room, list_rows - floor), 0)
        room += given
        own_given = max(min(needed - room, own_rows), 0)
        room += own_given
        shown_own = Scalar.from_number(own_rows - own_given) if own_given else None
        if own_box.styles.inline.max_height != shown_own:
            own_box.styles.max_height = shown_own  # (None: the stylesheet's again)
        # then, for a vote, and only if its question is whole so: the log's rows (its rule too: its least holds it; the
        # newest verdict is l away), and a list that scrolls anyway down to LIST_LEAST rows (never a vote's: its two
        # entries stay in view). Any other question keeps the newest verdict under it, and scrolls
        scrolls = listed.virtual_size.height > list_rows - given - listed.styles.gutter.height
        spare_list = max(list_rows - given - LIST_LEAST, 0) if scrolls else 0
        short = needed - room
        log_spare = least if self._voting else 0
        whole = 0 < short <= log_spare + spare_list
        log_given = min(short, log_spare) if whole else 0
        list_given = short - log_given if whole else 0
        room += log_given + list_given
        log_least = Scalar.from_number(least - log_given) if 0 < log_given < least else None
        if log.styles.inline.min_height != log_least:
            log.styles.min_height = log_least  # (None: the stylesheet's again)
        log.display = log_given < least  # all its rows given: its rule too goes
        kept = Scalar.from_number(list_rows - given - list_given) if given or list_given else None
        if listed.styles.inline.max_height != kept:
            listed.styles.max_height = kept  # (None: the stylesheet's again)
        narrow_list = Scalar.from_number(LIST_LEAST) if list_given else None
        if listed.styles.inline.min_height != narrow_list:
            listed.styles.min_height = narrow_list  # (None: the stylesheet's again)
        # its stylesheet's most rows, unless it is given more to be whole (found from outside: a link vote's question,
        # its linked track last, was cut there at 80x24 with rows to spare under the list)
        most = cap.resolve(right.content_size, self.app.size)
        fitted = max(room, 1) if room < most or needed > most else None
        if box.styles.inline.max_height != (None if fitted is None else Scalar.from_number(fitted)):
            box.styles.max_height = fitted  # (None: the stylesheet's again)
        # given its rows to be whole, it takes them: laid out by its height without a scrollbar, it came a row short
        # of its lines with one, and the log under it took the row
        whole_in = Scalar.from_number(needed) if fitted is not None and needed <= room else None
        if box.styles.inline.min_height != whole_in:
            box.styles.min_height = whole_in  # (None: the stylesheet's again)

    def _prompt_laid(self, _screen: object = None) -> None:
        self.call_after_refresh(self._say_prompt_cut)  # once the question's rows, as just fitted, are laid out

    def _say_prompt_cut(self, _seen: object = None) -> None:
        """The list's top border says when the question above it goes on below its last row, and the keys that read
        on, as the hot seat's board does: found from outside, at 80x24 the console's "how likely is it to work? Set
        the odds." ended at the argument's first reason, the odds right under it, and only a scrollbar said that the
        counters it weighs were below."""
        if not self.is_attached or self.app._exit:
            return
        box = self.query_one("#prompt-box", VerticalScroll)
        listed = self.query_one("#entries", DecisionList)
        said = _("\u2193 text goes on: shift+tab, \u2193") if box.display and box.scroll_y < box.max_scroll_y else ""
        if listed.border_title != said:
            listed.border_title = said

    def _own_rows(self, own_box: Widget, right: Widget) -> int:
        """The rows the team's own takes by its stylesheet (its text, within its most rows), whatever it was given
        last to leave the question room."""
        most = own_box.styles.base.max_height
        lines = self.query_one("#own", Static).outer_size.height if own_box.display else 0
        return int(min(lines, most.resolve(right.content_size, self.app.size))) if most is not None else lines

    def _list_rows(self, listed: DecisionList, right: Widget) -> int:
        """The rows the decision list takes by its stylesheet (its options, within its least and most rows, and its
        border), whatever it was given last to leave the question room."""
        styles = listed.styles.base
        lines = listed.virtual_size.height + listed.styles.gutter.height
        most = styles.max_height.resolve(right.content_size, self.app.size) if styles.max_height is not None else lines
        least = styles.min_height.resolve(right.content_size, self.app.size) if styles.min_height is not None else 0
        return int(max(min(lines, most), least))

    def _show_committed(self, _screen: object = None) -> None:
        """The round's commitments under a team's or the console's column, their count in the heading, as many of the
        newest as the panel's rows hold as laid out (the heading says when they are only the newest). Found from
        outside: at 80x24 the commitments were below the tracks, out of view; in a browser the panel ran past the
        screen's foot and the later commitments were off it (a team's page showed 2 of 7)."""
        panel = self.query_one("#committed", Static)
        lines = self._committed
        panel.set_class(not lines, "-empty")  # untranslated: a CSS class
        said = Text()
        if lines:
            side = self.query_one("#left-side", Vertical)
            cap = panel.styles.max_height
            width = panel.size.width  # (its content's: 0 until it is laid out, when it is shown whole)
            rows = (int(cap.resolve(side.size, self.app.size)) - panel.styles.gutter.height
                    if cap is not None and side.size.height > 0 else 0)
            said = words.committed_heading(len(lines)) + Text("\n").join(lines)
            if width > 0 and rows > 0 and _height(said, panel, width) > rows:
                newest: list[Text] = []
                for line in reversed(lines):  # the newest first, as many as the rows hold under the heading
                    tried = [line, *newest]
                    if _height(words.committed_heading(len(lines), len(tried)) + Text("\n").join(tried),
                               panel, width) > rows and newest:
                        break
                    newest.insert(0, line)
                said = words.committed_heading(len(lines), len(newest)) + Text("\n").join(newest)
        if said.plain != self._committed_shown:
            self._committed_shown = said.plain
            panel.update(said)

    def _lay_table(self, _screen: object = None) -> None:
        """A projector's (or an observer's) screen under 100 columns, where nobody scrolls: every track and the meters
        (a line a track where the rows need it), then what the moment needs, whole (the card while the table answers
        it; the reveal while the table rules on it, its entries whole and the rest counted, never one that does not
        match its commitment; the chain head in the round's review), then, each only whole and where it fits, the card, the dice, the chain head and the
        commitments, and the newest log entries in what is left. Found from outside: at 80x24 the card was below the
        screen; after the reveal the tracks and the meters went off the top, and the reveal's last entries were cut;
        in round 2 the card's bottom border, the chain head and the log filled the screen. 100 columns or more: the
        board and the table side by side, as :meth:`show` drew them."""
        if self._table_view is None:
            return
        view, seen = self._table_view
        tracks = self.query_one("#tracks", TrackLines)
        card, dice, head, seals, log = (self.query_one(f"#{name}", Static)  # untranslated: widget ids
                                        for name in ("card", "dice", "head", "seals", "log"))
        table = (card, dice, head, seals, log)
        if not self.has_class("-narrow"):
            if self._table_laid is not None:  # back from narrow: the board and the table as show() drew them
                self._table_laid = self._wide_laid = None
                tracks.show(view, large=True)
                tracks.border_title = None
                card.update(words.card_text(view))
                seals.update(words.seals_text(view, seen))
                log.update(words.log_text(view, 8))
                self.remove_class("-yielding")
                for panel in (tracks, *table):
                    panel.remove_class("-cut", "-bare")
            self._lay_wide_table()
            return
        self._wide_laid = None
        column = self.query_one("#left", VerticalScroll)
        verdict = self.query_one("#verdict", Static)
        # the rows under whose turn, the verdict's too as last laid out (it gives them up when the moment needs them)
        rows = column.scrollable_content_region.height + verdict.region.height
        width = column.scrollable_content_region.width
        if rows <= 0 or width <= 0:
            return

        def height(panel: Widget, text: Text, bare: bool = False) -> int:
            """The rows ``text`` takes in ``panel``, its border (none if ``bare``), padding and the blank row under it
            counted."""
            if not text.plain:
                return 0
            # (a box's round border as the stylesheet draws it unless bare: not the panel's gutter, which is its last)
            pad, edge = panel.styles.padding, 0 if bare or panel is log else 2
            inner = max(width - pad.width - edge, 1)
            return _height(text, panel, inner) + pad.height + edge + panel.styles.margin.bottom

        game, board = view.get("game"), view.get("board")
        game = game if isinstance(game, Mapping) else {}
        on_table = board.get("card") if isinstance(board, Mapping) else None
        card_now = (game.get("waiting") in ("choice", "card") and isinstance(on_table, Mapping) and bool(on_table)
                    and on_table.get("applied") is not True)
        reveal_head, revealed = words.reveal_parts(view, seen)
        reveal_now = bool(revealed) and game.get("phase") == "adjudication"
        # (no blank row under the last line: a row is a line of the table)
        card_t, reveal_t = _trimmed(words.card_text(view)), _trimmed(words.reveal_text(view, seen))
        brief_t = _trimmed(words.card_text(view, brief=True))
        # the round's review: its chain head, to note in the minutes (found from outside, helper-117: never on screen)
        head_t = words.head_text(view)
        head_now = bool(head_t.plain) and game.get("phase") == "review"
        # the least of the reveal: the entries never left out, the first other one, and the rest counted
        least = [i for i, (_line, may_go) in enumerate(revealed) if not may_go]
        least = sorted([*least, *[i for i in range(len(revealed)) if i not in least][:1]])
        least_reveal = _revealed_lines(reveal_head, revealed, least, len(revealed) - len(least))
        moment_panel = card if card_now else seals if reveal_now else head if head_now else None

        def moment(whole: bool | None, bare: bool) -> int:
            """The rows the moment takes: whole, or at its least (the card's title and answers; a reveal's first
            entry and the rest counted); None: the card's title and answers and a line of its text."""
            if card_now and whole is None:
                return height(card, brief_t, bare) + 1
            if card_now:
                return height(card, card_t if whole else brief_t, bare)
            if reveal_now:
                return height(seals, reveal_t if whole else least_reveal, bare)
            return height(head, head_t, bare) if head_now else 0

        # the tracks as they are elsewhere, else a line a track, else those lines without tension's word (its panel's
        # title says it): the first that leaves the moment its rows whole, else at its least; else the same with the
        # verdict's rows given up to the moment; else the tracks and the moment unboxed (at 60x16, found from outside:
        # at 60x20 the reveal showed no entry and the card one answer of two, their boxes cut by the screen's foot)
        def forms_at(bare: bool) -> list[Text]:
            """The tracks' forms, each track's lines broken between their parts at the panel's inner width, boxed or
            not (found in review: these forms were left to the panel, which wrapped a line before a "·")."""
            pad, edge = tracks.styles.padding, 0 if bare else 2
            inner = max(width - pad.width - edge, 1)
            out = [_trimmed(words.tracks_text(view, large=True, compact=c, tight=t, width=inner))
                   for c, t in ((False, False), (True, False), (False, True))]
            # unboxed, a line a track, the meters' line without its word: a row more for the card's text at 60x16; and
            # the same without tension's word, where a track's line wraps still (ru and uk at 60x16, found from
            # outside: the tracks took every row and the card being answered lost its answers)
            out.append(_trimmed(words.tracks_text(view, large=True, compact=True, meters_named=False, width=inner)))
            out.append(_trimmed(words.tracks_text(view, large=True, tight=True, meters_named=False, width=inner)))
            return out

        boxed_forms, bare_forms = forms_at(False), forms_at(True)
        said = self._verdict_rows()
        tries = [(whole, said, False) for whole in (True, False)] + [(False, 0, False), (False, 0, True)]
        if card_now:  # the card's text before the verdict and the boxes (found from outside: at 60x20 and 60x16 the
            # projector showed the card's title and answers only, the text the table answers left out)
            tries = [(whole, kept, unboxed) for whole in (True, None) for kept, unboxed in
                     ((said, False), (0, False), (0, True))] + tries[1:]
        tracks_t, verdict_gone, bare = min(boxed_forms[:3], key=lambda f: height(tracks, f)), True, True
        forms = boxed_forms
        for whole, kept_rows, unboxed in tries:
            forms = bare_forms if unboxed else boxed_forms
            if not unboxed:
                fitting = forms[:3]
            elif card_now and whole is None:  # the card cut to its rows: the meters' word goes first, for its text
                fitting = [forms[3], forms[1], forms[4], forms[2]]
            else:  # (the meters' word, then tension's, go only for the card: what the room answers)
                fitting = [forms[1], forms[3], forms[4], forms[2]] if card_now else forms[1:2]
            found = next((f for f in fitting if height(tracks, f, unboxed) + moment(whole, unboxed) + kept_rows <= rows),
                         None)
            if found is not None:
                tracks_t, verdict_gone, bare = found, kept_rows == 0 and said > 0, unboxed
                break
        else:  # nothing fits whole: the tracks at their fewest rows, the card's title and answers before its text
            forms = bare_forms
            tracks_t = min(forms[1:] if card_now else forms[1:2], key=lambda f: height(tracks, f, True))
        tight = tracks_t is forms[2] or tracks_t is forms[4]
        left = rows - height(tracks, tracks_t, bare) - (0 if verdict_gone else said)
        shown: dict[Widget, Text] = {}
        if card_now:
            if height(card, card_t, bare) > left:  # what the room decides: its title and choices, and of its text
                card_t = self._card_cut(view, lambda t: height(card, t, bare) <= left, brief_t)  # what fits
            shown[card] = card_t
            left -= height(card, card_t, bare)
        elif reveal_now:
            seals_t = reveal_t
            if height(seals, reveal_t, bare) > left:
                kept = [i for i, (_line, may_go) in enumerate(revealed) if not may_go]  # never left out
                for i in range(len(revealed)):
                    if i in kept:
                        continue
                    tried = sorted([*kept, i])
                    more = len(revealed) - len(tried)
                    if height(seals, _revealed_lines(reveal_head, revealed, tried, more), bare) > left:
                        break
                    kept = tried
                seals_t = _revealed_lines(reveal_head, revealed, kept, len(revealed) - len(kept))
            shown[seals] = seals_t
            left -= height(seals, seals_t, bare)
        elif head_now:
            shown[head] = head_t
            left -= height(head, head_t, bare)
        rest = [(card, card_t), (dice, words.dice_text(view)), (head, head_t)]
        if not reveal_now:
            rest.append((seals, _trimmed(words.seals_text(view, seen))))
        for panel, text in rest:
            if panel not in shown and text.plain and height(panel, text) <= left:
                shown[panel] = text
                left -= height(panel, text)
        entries = words.log_entries(view, 8)
        if not verdict_gone and entries and entries[-1].plain == self._verdict.plain:
            # said once: the verdict under whose turn, where the room looks, says the newest line; the log goes on from
            # the one before (found from outside: at 80x24 "1 Card drawn: …" stood under "Waiting for…" and again as
            # the log's line under the card)
            entries = entries[:-1]
        newest: list[Text] = []
        for entry in reversed(entries):  # the newest entries, whole, in the rows left
            if height(log, Text("\n").join([entry, *newest])) > left:
                break
            newest.insert(0, entry)
        if newest:
            shown[log] = Text("\n").join(newest)
        laid = (tracks_t.plain, tight, bare, verdict_gone,
                tuple((panel.id, text.plain) for panel, text in shown.items()))
        if laid == self._table_laid:
            return
        self._table_laid = laid
        tracks.held()  # (a form of its own: a new width leaves it be)
        tracks.update(tracks_t)
        tracks.border_title = Text(words.tracks_legend()) if tight else None
        self.set_class(verdict_gone, "-yielding")  # untranslated: CSS classes
        tracks.set_class(bare, "-bare")
        for panel in table:
            if panel in shown:
                panel.update(shown[panel])
            panel.set_class(panel not in shown, "-cut")
            panel.set_class(bare and panel is moment_panel, "-bare")
        column.scroll_home(animate=False, immediate=True)

    @staticmethod
    def _card_cut(view: Mapping[str, Any], fits: Callable[[Text], bool], brief: Text) -> Text:
        """The card with as many of its text's first words as ``fits`` takes (the most, found by halving), else
        ``brief``: its title and choices."""
        least, most = 0, words.card_words(view)  # a cut text of ``least`` words fits; of ``most + 1``, none does
        while least < most:
            middle = (least + most + 1) // 2
            if fits(_trimmed(words.card_text(view, words=middle))):
                least = middle
            else:
                most = middle - 1
        return _trimmed(words.card_text(view, words=least)) if least else brief

    def _lay_wide_table(self) -> None:
        """A wide watcher's sealed moves and log under its card and dice, each box whole in the table's rows: the
        commitments whole, else their count and the newest that fit, and the newest log entries in the rows left (found
        from outside: at 100x30 the log, kept at its newest line, scrolled the commitments' box out at its top: a
        stray box's foot under the card, the box empty-looking). A reveal just come is left as :meth:`show` drew it,
        brought into view; one ruled on that leaves the log no row is not drawn."""
        if self._table_view is None or self._reveal_held:
            return
        view, seen = self._table_view
        box = self.query_one("#table-log", VerticalScroll)
        seals, log = self.query_one("#seals", Static), self.query_one("#log", Static)
        rows, width = box.scrollable_content_region.height, box.scrollable_content_region.width
        if rows <= 0 or width <= 0:
            return
        sealed, entries = _trimmed(words.seals_text(view, seen)), words.log_entries(view, 8)
        least = _panel_rows(log, entries[-1], width) if entries else 0  # the newest entry stays in view
        if _panel_rows(seals, sealed, width) + least > rows:
            lines = [] if words.revealed(view) else words.committed_lines(view, seen)
            kept: list[Text] = []
            for line in reversed(lines):  # the newest first, as many as the rows hold under the heading
                tried = words.committed_heading(len(lines), len(kept) + 1) + Text("\n").join([line, *kept])
                if kept and _panel_rows(seals, tried, width) + least > rows:
                    break
                kept.insert(0, line)
            sealed = words.committed_heading(len(lines), len(kept)) + Text("\n").join(kept) if kept else Text()
        left = rows - _panel_rows(seals, sealed, width)
        newest: list[Text] = []
        for entry in reversed(entries):  # the newest entries, whole, in the rows left
            if newest and _panel_rows(log, Text("\n").join([entry, *newest]), width) > left:
                break
            newest.insert(0, entry)
        if box.is_anchored or box.scroll_y:  # all in its rows, from its top (anchored, it sat at their foot)
            box.anchor(False)
            box.scroll_home(animate=False, immediate=True)
        laid = (rows, width, sealed.plain, tuple(e.plain for e in newest))
        if laid == self._wide_laid:
            return
        self._wide_laid = laid
        # drawn once the screen has told of its layout: what is updated while it tells is not laid out again (found
        # here: back from 90x28 the boxes kept the heights of their texts before, cut)
        self.call_later(self._fill_wide_table, view, sealed, Text("\n").join(newest))

    def _fill_wide_table(self, view: Mapping[str, Any], sealed: Text, newest: Text) -> None:
        shown = self._table_view
        if self._reveal_held or shown is None or shown[0] is not view:  # a newer view came meanwhile: drawn anew
            return
        seals = self.query_one("#seals", Static)
        seals.update(sealed)
        seals.set_class(not sealed.plain, "-empty")  # untranslated: a CSS class
        self.query_one("#log", Static).update(newest)

    def _lay_table_again(self, refreshes: int) -> None:
        """:meth:`_lay_table` after each refresh, a few at most: a resize is laid out at a refresh to come (found from
        outside: a projector resized from 60x20 to 60x16 kept the boxes fitted to 60x20, the card's foot cut)."""
        self._lay_table()
        if refreshes > 1:
            self.call_after_refresh(self._lay_table_again, refreshes - 1)

    def _show_side_log(self, entries: list[Text]) -> None:
        """A team's and the console's log, under the decision: it follows the game until the team scrolls it back.
        Its newest entry is shown from its beginning when it is taller than the log's rows: its number, who, what,
        the verdict (found from outside: at 80x23 a team's log showed the newest ruling's roll and changes, its
        verdict above the log's rows, as the board's Last rulings did before)."""
        follows = self._log_follows()
        self._side_log = (Text("\n").join(entries[:-1]), Text("\n").join(entries))
        self.query_one("#side-log", Static).update(self._side_log[1])
        if follows:
            self._follow_log()

    def _log_follows(self) -> bool:
        """Whether the side log follows the game: at its end, or at its newest entry's beginning as put there (the team
        has not scrolled it back)."""
        box = self.query_one("#log-box", VerticalScroll)
        return box.scroll_y >= box.max_scroll_y or self._log_held == round(box.scroll_y)

    def _follow_log(self, refreshes: int = 4) -> None:
        """The side log at its newest line, or its newest entry's beginning if that entry is taller than the rows, as
        laid out: after each refresh, a few at most (the log's width changes as its scrollbar comes or goes)."""
        box = self.query_one("#log-box", VerticalScroll)
        log = self.query_one("#side-log", Static)
        box.anchor()  # its end, kept as the layout changes
        self._log_held = None

        def step(left: int) -> None:
            if left <= 0 or not log.is_attached:
                return
            width, room = log.content_region.width, box.scrollable_content_region.height
            if width > 0 and room > 0:
                before, whole = self._side_log
                start = _height(before, log, width) if before.plain else 0
                if _height(whole, log, width) - start > room:
                    box.scroll_to(y=start, animate=False, immediate=True)  # (lets go of the anchor)
                    self._log_held = start
                elif self._log_held is not None:
                    box.anchor()
                    self._log_held = None
            box.call_after_refresh(step, left - 1)

        box.call_after_refresh(step, refreshes)

    def _tick(self) -> None:
        """The phase timer counts down between views (the host's reading, less the time since it came); with
        the link lost it stands at its reading then (the host's clock is not running for this screen to follow), and
        with the host not answering at the host's last known reading, saying so both times (:meth:`_timer_held`)."""
        view = self.seat_app.view
        if not (self.seat_app.joined.is_set() or self.seat_app.ever_joined):
            return  # never joined: no timer of the host's to show
        with using(self.seat_app.lang):
            self.seat_app.hear()
        held = self._timer_held()
        if view is not None and isinstance(view.get("clock"), Mapping) and not view["clock"].get("paused"):
            gone = (self.seat_app.now() if held is None else held) - self._view_at
            with using(self.seat_app.lang):  # a timer's callback keeps the language it was started in
                self._show_headline(view, gone, held is not None)

    def _timer_held(self) -> float | None:
        """When the phase timer stands (the host last heard), or None: it counts down.

        Found from outside: while the link line said the host was not answering, the timer counted down on its own,
        then jumped back up once the woken host gave the time back (:class:`~tabletop.play.clock.Away`); a team
        watching its clock was misled. It stands at the host's reading when last heard (a frozen host's clock stood
        from then on, give or take a ping), so the host's time, once it answers, is never more than it showed. A woken
        host answers a ping a moment before the view with the time given back: the timer stands for
        :data:`ANSWER_GRACE` more; no view by then, the host's clock ran on all along (the network was slow, not
        the host), and the time counts from its last view again."""
        app, client = self.seat_app, self.seat_app.client
        if not app.joined.is_set():
            # the link lost (dropped, refused; a silent host's keepalive given up keeps the reading it stood at): found
            # from outside, the timer stopped with no word why, and a team took it for the game's clock
            if self._held_from is None:
                self._held_from = app.now()
            self._answered_at = None
            return self._held_from
        if app.host_quiet and client is not None and client.heard_at is not None:
            if self._held_from is None:
                self._held_from = max(client.heard_at, self._view_at)
            self._answered_at = None
            return self._held_from
        if self._held_from is None:
            return None
        now = app.now()
        if self._answered_at is None:
            self._answered_at = now
        if now - self._answered_at < ANSWER_GRACE:
            return self._held_from
        self._held_from = self._answered_at = None
        return None

    def _show_headline(self, view: Mapping[str, Any], gone: float = 0.0, held: bool = False) -> None:
        """The headline fitted to its line (the screen's width less its padding; not yet laid out: whole)."""
        line = self.query_one("#headline", Static)
        width = self.size.width - line.styles.gutter.width
        line.update(words.headline(view, gone, width if width > 0 else None, held))
        self._headline_shown = (view, gone, held)

    def _show_verdict(self) -> None:
        """The newest verdict under whose turn, on a projector or an observer's screen under 100 columns: there the log
        is under the tracks and the card, in a column nobody scrolls (found from outside: at 80x24 the room saw whose
        turn, never what was just decided). Two lines at most, so the tracks keep the screen; cut, with an ellipsis."""
        line = self.query_one("#verdict", Static)
        line.set_class(not self._verdict.plain, "-empty")  # untranslated: a CSS class
        width = self.size.width - line.styles.gutter.width
        said = Content.from_rich_text(self._verdict)
        if width > 0:
            rows = said.wrap(width)
            if len(rows) > VERDICT_ROWS:
                last = rows[VERDICT_ROWS - 1]
                cut = last.truncate(width - 1) if last.cell_length >= width else last
                rows = [*rows[:VERDICT_ROWS - 1], cut + "\u2026"]
                said = Content("\n").join(rows)
        line.update(said)

    def _verdict_rows(self) -> int:
        """The rows the newest verdict takes under whose turn on a narrow watcher's screen (none: nothing done yet)."""
        if not self._verdict.plain:
            return 0
        line = self.query_one("#verdict", Static)
        width = self.size.width - line.styles.gutter.width
        return min(len(Content.from_rich_text(self._verdict).wrap(width)), VERDICT_ROWS) if width > 0 else VERDICT_ROWS

    def show_board(self, state: State) -> None:
        """The facilitator's console: today's board, drawn from its own copy of the game (see :mod:`~tabletop.play.replica`)."""
        acting = acting_in(state)  # (as the hot seat says it: nobody's while a move is set aside)
        found = self.query("#board")
        if found:
            board = found.first(Board)
        else:
            board = Board(state, id="board")
            # the rungs read in words at 80x24, as on the hot seat's and the replay's boards (found from outside:
            # "0/6 “Froz…” on the console); the column scrolls, so a long name may take any of its rows
            board.rows_under = 0
            self.query_one("#board-side", Vertical).mount(board, before=self.query_one("#tracks"))
        board.show(state, acting, compact=compact_board(self.app.size))  # a line pair a track when small, as the hot seat
        self.query_one("#tracks", Static).display = False
        self._board_state = state

    def on_resize(self) -> None:
        """The headline is fitted again; the console's board crosses into or out of the compact layout with the
        terminal's size."""
        self._clear_of_notices()
        if self._log_follows():  # its lines wrap anew: the newest entry's beginning is found again
            self._follow_log()
        if self._headline_shown is not None:
            with using(self.seat_app.lang):
                self._show_headline(*self._headline_shown)
        self._show_verdict()  # its two lines wrapped anew
        self._lay_table()  # crossing 100 columns, or its rows changed
        self.call_after_refresh(self._lay_table_again, 4)  # (above: the rows as laid out before the resize)
        if self._board_state is not None and self.query("#board"):
            self.show_board(self._board_state)

    def _show_entries(self, found: list[Mapping[str, Any]], seq: object = None) -> None:
        """The decision's entries; the highlight stays where it was only while the game has not moved on (the same
        question sent again: a tick, a seat joining). A new question opens on its first line: found from outside,
        Ukraine's "2" (Reject) on one vote left the next vote, on another proposal, opened on «▶2. Відхилити», and an
        Enter would have rejected it unread."""
        self._groups = [_kind_of(e) for e in found]
        self._found = found
        options = self.query_one("#entries", DecisionList)
        keep = options.highlighted if seq == self._listed_at else None
        self._listed_at = seq
        options.show([words.entry_label(i, e) for i, e in enumerate(found, 1)], [str(e["id"]) for e in found])
        if found:
            options.highlighted = keep if keep is not None and keep < len(found) else 0

    def palette_commands(self) -> list[tuple[str, Callable[[], None], str]]:
        """The command palette's commands: each key the key bar would name, in its words (the bar keeps to one row
        and leaves out the keys that do not fit: found from outside, the console's took 2 or 3 rows at 60 columns),
        each pressing its key. Not quit nor the language: the palette has them in its own words."""
        out: list[tuple[str, Callable[[], None], str]] = []
        seen = {"quit", "language", "command_palette"}
        for _node, binding, enabled, _tooltip in self.active_bindings.values():
            if not binding.show or not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            key = binding.key.split(",")[0]
            out.append((_(binding.description), lambda key=key: self.app.simulate_key(key),
                        _("key {key}").format(key=self.app.get_key_display(binding))))
        return out

    def help_about(self) -> Text | None:
        """What the highlighted entry (a move and its track) and the team stand for, in the scenario's words: the
        help (F1) says it above the keys, as the hot seat's does (:meth:`~.board.BoardScreen.help_about`)."""
        view = self.seat_app.view
        if view is None:
            return None
        index = self.query_one("#entries", DecisionList).highlighted
        entry = self._found[index] if index is not None and index < len(self._found) else None
        return about_text(words.about_parts(view, entry))

    def say_link(self, text: str, lost: bool) -> None:
        link = self.query_one("#link", Static)
        link.update(Text(text))
        link.set_class(lost, "-lost")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None and taken(self, self.hold):
            self.seat_app.pick(event.option.id)

    def action_group(self, step: int) -> None:
        """To the first entry of the next (``step`` 1) or the previous (-1) kind of move of the list."""
        options = self.query_one("#entries", OptionList)
        groups = self._groups
        if len(groups) != options.option_count or not groups:
            return
        at = options.highlighted or 0
        start = at
        while start > 0 and groups[start - 1] == groups[at]:
            start -= 1
        if step > 0:
            target = next((i for i in range(at + 1, len(groups)) if groups[i] != groups[at]), None)
        elif start > 0:
            target = start - 1
            while target > 0 and groups[target - 1] == groups[start - 1]:
                target -= 1
        else:
            target = None
        if target is not None:
            options.highlighted = target

    def action_pick(self, index: int) -> None:
        """Digits 1-9, then 0, pick that entry, as in the hot seat's list. The highlight goes to the entry, whether or
        not the team may make it: found from outside, "3" on a greyed entry said why and left the highlight on entry 1,
        and the Enter after it opened entry 1's question (a sealed move the next Enter committed)."""
        client = self.seat_app.client
        if client is not None and self.seat_app.watching:  # it lists nothing to pick: a digit says why
            self.seat_app.refusals.show(self, self.seat_app.replaced_why() or _("This screen only watches."))
            return
        options = self.query_one("#entries", OptionList)
        view = self.seat_app.view
        if client is not None and view is not None and not options.option_count:  # another's turn: say whose
            over = isinstance(view.get("game"), Mapping) and view["game"].get("over")
            prompt = view["decision"].get("prompt") if isinstance(view.get("decision"), Mapping) else None
            self.seat_app.refusals.show(self, str(prompt or ""), title=None if over else _("Not your turn"))
            return
        if 0 <= index < options.option_count:
            option = options.get_option_at_index(index)
            if option.id is not None and taken(self, self.hold):
                options.highlighted = index
                self.seat_app.pick(option.id)


def _unanswered(exc: BaseException) -> bool:
    """A try to join that the host did not answer in time (its handshake, its welcome), rather than refused."""
    if isinstance(exc, (TimeoutError, asyncio.TimeoutError)):
        return True
    return isinstance(exc, Disconnected) and isinstance(exc.__cause__, (TimeoutError, asyncio.TimeoutError))


def _kind_of(entry: Mapping[str, Any]) -> str:
    """An entry's kind of move (``press``), or of action (``pass``): the list's groups for ← and →."""
    action = entry.get("action")
    if not isinstance(action, Mapping):
        return ""
    return str(action.get("move") or action.get("kind") or "")


def _decided_track(found: Sequence[Mapping[str, Any]]) -> str | None:
    """The one track a decision asks about (a vote, a counter or its pass): every entry's action on it; None: a
    decision on several tracks (a team's moves), or on none (a card's answer)."""
    tracks = {action.get("track") for e in found if isinstance(action := e.get("action"), Mapping)}
    tracks.discard(None)
    return next(iter(tracks)) if len(tracks) == 1 and all(isinstance(t, str) for t in tracks) else None


def _trimmed(text: Text) -> Text:
    """``text`` without the line breaks at its end (a row of the screen is a line of the table)."""
    out = text.copy()
    out.rstrip()
    return out


def _revealed_lines(heading: Text, entries: list[tuple[Text, bool]], kept: list[int], more: int) -> Text:
    """A reveal's heading, its entries numbered in ``kept`` (in their order), and how many more it has."""
    out = heading.copy()
    if kept:  # (none: no blank line under the heading)
        out += Text("\n") + Text("\n").join(entries[i][0] for i in kept)
    if more:
        out += Text("\n") + words.more_revealed(more)
    return out


def _panel_rows(panel: Widget, text: Text, width: int) -> int:
    """The rows ``text`` takes in a panel of a wide watcher's table ``width`` cells wide: its border (the log has
    none), padding and the blank row under it counted; none for no text."""
    if not text.plain:
        return 0
    pad, edge = panel.styles.padding, 0 if panel.id == "log" else 2  # untranslated: a widget id
    return _height(text, panel, max(width - pad.width - edge, 1)) + pad.height + edge + panel.styles.margin.bottom


def _height(text: Text, panel: Widget, width: int) -> int:
    """The lines ``text`` takes on ``panel`` ``width`` cells wide, wrapped as the panel wraps its own."""
    return Content.from_rich_text(text).get_height(panel.styles, width)


def lines_into_view(column: Widget, lines: Callable[[], Region | None], refreshes: int = 8) -> None:
    """Scroll ``column`` the least it takes to show the region ``lines()`` gives (in its own coordinates; its top if
    the column is shorter), after each refresh, as :func:`into_view` does: a few refreshes at most, never by the
    clock."""

    def shows(region: Region) -> bool:
        window = column.scrollable_content_region.at_offset(column.scroll_offset)
        return window.y <= region.y and region.bottom <= window.bottom or region.y == window.y

    def step(left: int) -> None:
        if left <= 0 or not column.is_attached:
            return
        region = lines()  # None: not laid out yet
        if region is not None:
            if left < refreshes and shows(region):
                return
            column.scroll_to_region(region, animate=False, immediate=True, x_axis=False)
        column.call_after_refresh(step, left - 1)

    column.call_after_refresh(step, refreshes)


def into_view(panel: Widget, *, top: bool = False, refreshes: int = 8, wanted: Callable[[], bool] | None = None) -> None:
    """Scroll the column that holds ``panel`` until the panel's top is in view, after each refresh.

    A view that has just come is laid out at a refresh to come: a scroll worked out before that uses the old
    sizes (the empty card's, the short column's) and may leave the panel where it was. So the scroll is made
    again after each refresh until the panel's top shows, a few refreshes at most, never by the clock.
    ``wanted``, if given, is asked before each scroll: once it says no (the view moved on), the scrolling stops.
    """
    column = next((a for a in panel.ancestors if isinstance(a, Widget) and a.styles.overflow_y in ("auto", "scroll")),
                  None)

    def shows() -> bool:
        return column is None or column.region.y <= panel.region.y < column.region.bottom

    def step(left: int) -> None:
        if left <= 0 or not panel.is_attached or (left < refreshes and shows()) or (wanted is not None and not wanted()):
            return
        panel.scroll_visible(animate=False, top=top, immediate=True)
        panel.call_after_refresh(step, left - 1)

    panel.call_after_refresh(step, refreshes)


class SeatApp(WholePastes, SizeGuard, LatinKeys, SeatActs, Themed, App[None]):
    """A seat's client: joins ``address`` with ``code`` (or asks for it), shows the view, sends picks."""

    CSS_PATH = Path(__file__).parent / "seat.tcss"
    TITLE = "tabletop"
    BINDINGS = [
        # priority, as on the hot seat: a dialog up (F1's help) kept ctrl+q from the app (found from outside)
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        # F4, as on the hot seat: the next language (the palette names each); the host re-renders this seat only
        Binding("f4", "language", N_("Language"), id="app.language"),
        Binding("f1,question_mark", "help", N_("Help"), id="app.help"),
        THEME_BINDING,  # the hot seat's themes: the projector is read from afar
        # ctrl+c: the host's own console stops the host (after a question), as its terminal says; elsewhere Textual's
        Binding("ctrl+c", "interrupt", show=False, priority=True, id="app.interrupt"),
    ]

    def __init__(self, address: str, code: str | None = None, *, sleep: Sleep = asyncio.sleep,
                 retries: int | None = None, codes: Mapping[str, str] | None = None, now: Now = wall_clock,
                 lang: str | None = SOURCE, pick_hold: float = 0.0, join_at: str | None = None,
                 stop_host: Callable[[], None] | None = None, notes: Sequence[str] = (), typing_gap: float = 0.0,
                 warnings: Sequence[str] = (), notes_damaged: bool = True):
        """``pick_hold``: seconds a pick is not taken from a list the game has just put up
        (the command line gives :data:`~tabletop.play.clock.PICK_HOLD`; 0 takes every pick at once).
        ``typing_gap``: letters this close together outside a text field are a word typed, not keys
        (the command line gives :data:`~tabletop.play.clock.TYPING_GAP`; 0 takes every key).
        ``join_at``: the address the host told the room to join (its join lines), for the console's codes.
        ``stop_host``: stops the host this console runs in (``tabletop host``): Ctrl-C asks, then calls it.
        ``notes``: what the host said of its save before the console took the terminal (a damaged save
        recovered into a new file, the events it went back to), shown here as the hot seat shows them;
        ``notes_damaged``: the save was damaged (False: whole, of an older format, continued in a new file).
        ``warnings``: what the command line warned of on stderr before the screen hid it (a code given there).
        ``lang``: the language this seat reads; None, the host's (named in its welcome: English until then)."""
        super().__init__()
        self.pick_hold = pick_hold
        self.typing_gap = typing_gap
        #: the language this seat reads (``join --lang``): the host words its view in it, and this screen too
        self.lang = lang or SOURCE
        #: whether this seat reads the host's language (none named here, F4 not pressed): its welcome names it
        self.hosts_lang = lang is None
        #: the screen's clock (the phase timer counts down between views); a test passes its own
        self.now = now
        self.address = address
        self.refusals = Refusals()  # one notice of refusal at a time, as on the hot seat
        self.sent_again = Refusals()  # that an act will be sent again: taken back once the host has answered it
        self._back = Refusals()  # the notice that this screen has its seat again (taken back when the link is lost)
        # as pasted on the command line: the spaces round it gone (the dialog strips them too); blank, it is asked for
        self.code = (pasted(code) or None) if code is not None else None
        #: every seat's code, when the console runs inside ``tabletop host`` (key c shows them)
        self.codes = dict(codes or {})
        #: the ``ADDR:PORT`` of the host's join lines (None: not known here; the codes are listed alone)
        self.join_at = join_at
        self._stop_host = stop_host
        self._notes = tuple(notes)
        self._notes_damaged = notes_damaged
        self._warnings = tuple(warnings)
        self._stop_question: Screen[bool] | None = None
        #: the question ctrl+q asks in a browser tab, while it is up
        self._quit_question: Screen[bool] | None = None
        self.client: SeatClient | None = None
        self.view: Mapping[str, Any] | None = None
        self.role: str | None = None
        #: the commitments shown so far, by event: a reveal is checked against them
        self.seen: dict[int, str] = {}
        #: set each time the link is up again (tests wait on it)
        self.joined = asyncio.Event()
        #: whether this screen was ever joined to its seat (``tabletop join`` fails if it never was)
        self.ever_joined = False
        self.welcome: Mapping[str, Any] = {}
        self._replica: Replica | None | bool = None  # False: the feed does not replay here
        #: the host's run whose recovered save this screen has taken in (see :meth:`_take_recovery`)
        self._recovery_taken: object = None
        #: the time given back by the host (a resume, a stop) this console has said (see :meth:`_take_away`)
        self._away_taken: object = None
        #: when (:attr:`now`) this console first had a view of the game: time given back before that is no news here
        self._watching_since: float | None = None
        self._sleep = sleep
        self._retries = retries  # None: try again for as long as the screen is open
        #: whether the link line says the host is not answering (it went silent with the link up: frozen, asleep)
        self.host_quiet = False

    def on_mount(self) -> None:
        set_language(self.lang)  # the screen's own words (keys, dialogs, notices) in the seat's language from the start
        self.push_screen(SeatScreen())
        for note in self._notes:
            self.notify(literal(note), title=resume_title(self._notes_damaged), timeout=12, markup=False)
        for warning in self._warnings:
            self.notify(warning, title=_("Warning"), severity="warning", timeout=20, markup=False)
        if self.code:
            self.join(self.code)
        else:
            self._ask_code("")

    def _code_unknown_words(self) -> str:
        """A rejoin refused: the game at this address does not know the code that joined it before."""
        return _("the game at {address} no longer knows this screen's code: another game may run there now, or the "
                 "facilitator made new codes. Ask the facilitator for the address and the code").format(
                     address=self.address)

    def _ask_code(self, problem: str | Callable[[], str], typed: str = "") -> None:
        def given(code: str | None) -> None:
            if code:
                self.code = code
                self.join(code)

        self.push_screen(CodeScreen(self.address, problem, typed), given)

    @property
    def seat_screen(self) -> SeatScreen:
        for screen in self.screen_stack:
            if isinstance(screen, SeatScreen):
                return screen
        raise LookupError("no seat screen")  # untranslated: a programming error

    # -- the link ------------------------------------------------------------

    @work(exclusive=True, group="link")
    async def join(self, code: str) -> None:
        """Join, then draw every view; after a drop, say so and join again by itself. Any other error ends the
        screen as a crash does (found from outside: swallowed, it froze a team's screen on "Waiting for the
        facilitator." while the game went on, with no message and no crash log)."""
        try:
            await self._follow(code)
        except Exception:
            if self.closing_down():  # closing under a view being drawn: no fault
                return
            raise

    async def _follow(self, code: str) -> None:
        client = SeatClient(self.address, code, lang=None if self.hosts_lang else self.lang, clock=self.now)
        self.client = client
        if not await self._connect(client, first=True):
            return
        while True:
            try:
                self._show(await client.next_view())
            except Disconnected:
                self.joined.clear()
                self._link_lost()
                # a screen that only watched joins again too, saying so: it never takes the seat from the screen that
                # holds it, and has it only while that one is not back (found from outside: after a host restart it
                # stayed off for good, though the screen that had taken its seat never came back)
                if self._game_over() and client.bye is not None and client.bye.get("code") == Wire.CLOSING:
                    # a finished game's host closed: there is nothing to join again (found from outside: the screens
                    # promised to join "when it starts again" and counted tries for good)
                    with using(self.lang):
                        said = (_("The game is over and the host has closed it: this page can be closed.")
                                if self.is_web else
                                _("The game is over and the host has closed it: close this screen with ctrl+q."))
                    self.seat_screen.say_link(said, lost=True)
                    return
                # said at once: the first try may wait out a frozen host's handshake (found from outside: "Connected
                # to ... as Russia" stood 30-35 s after the host froze)
                closed = client.bye is not None and client.bye.get("code") == Wire.CLOSING
                # a link given up by the keepalive (the host silent all the while) is a host not answering still
                self.host_quiet = not closed and client.quiet() >= HOST_QUIET
                with using(self.lang):
                    self.seat_screen.say_link(self._retry_words(False, 1, closed), lost=True)
                if not await self._connect(client, first=False):
                    return

    async def _connect(self, client: SeatClient, first: bool) -> bool:
        """Join (again), retrying after a network failure; False: the code was refused, or tries ran out."""
        tries = 0
        while True:
            try:
                welcome = await (client.connect() if first else client.reconnect())
            except Refused as exc:
                self.client = None
                said: str | Callable[[], str] = f"{exc.message} ({exc.code})"  # the host's words, as they came
                if not first and exc.code == Wire.WRONG_CODE:  # this code joined here before: not a typo
                    # found from outside: a screen that rejoined by itself an address where another game now ran was
                    # told to check its code, though the code was right for its own game. Our words, in the language
                    # read when they are shown (F4 on the code's screen too), say what the wire's code meant
                    said = self._code_unknown_words
                self._ask_code(said, client.code)  # the code stays, to be put right
                return False
            except (OSError, Disconnected, asyncio.TimeoutError) as exc:
                tries += 1
                # a handshake not answered in time is the host still silent; a refusal is a host gone (its words)
                self.host_quiet = self.host_quiet and _unanswered(exc)
                if self._retries is not None and tries > self._retries:
                    with using(self.lang):
                        said = _("Cannot reach the host at {address}: {why}").format(address=self.address, why=exc)
                    self.seat_screen.say_link(said, lost=True)
                    return False
                closed = client.bye is not None and client.bye.get("code") == Wire.CLOSING
                with using(self.lang):  # joining again: the try now made (the first was said as the link dropped)
                    said = self._retry_words(first, tries if first else tries + 1, closed)
                self.seat_screen.say_link(said, lost=True)
                await self._sleep(RETRY_PAUSES[min(tries, len(RETRY_PAUSES)) - 1])
                continue
            self.welcome = welcome
            self.host_quiet = False
            self.role = str(welcome.get("role", ""))
            worded_in = (welcome.get("view") or {}).get("lang")
            if self.hosts_lang and worded_in in LANGUAGES and worded_in != self.lang:
                self._read_in(worded_in)  # the host's language, the view's: this screen's words too
            if isinstance(self._replica, Replica):
                self._replica = None  # the welcome's feed is the whole game again: replayed afresh (it may have changed)
            self._take_recovery(welcome.get("recovered"))
            self.seat_screen.refresh_bindings()  # the footer was drawn before the seat knew its role: its keys now
            self.seat_screen.say_link(self._joined_words(welcome), lost=False)
            self._show(welcome.get("view", {}))
            self.joined.set()
            self.ever_joined = True
            return True

    def _take_recovery(self, recovered: Any) -> None:
        """The host went on from a recovered save: it kept ``events`` of the game and played on from there.

        Found from outside: after ``host --resume`` of a save damaged among the sealed moves, a screen that
        had stayed open checked the reveal against the commitments of the game before, and read
        "DOES NOT MATCH" for moves committed again since. The commitments this screen saw after the events
        kept are dropped (the views show the new ones), and a screen that was shown events past them is told,
        once per run of the host, that what was played after them is not in the game."""
        if not isinstance(recovered, Mapping) or not isinstance(recovered.get("events"), int):
            return
        sitting = recovered.get("sitting")
        if sitting == self._recovery_taken:
            return
        self._recovery_taken = sitting
        kept = recovered["events"]
        for seq in [seq for seq in self.seen if seq > kept]:
            del self.seen[seq]
        game = self.view.get("game") if isinstance(self.view, Mapping) else None
        shown = game.get("seq") if isinstance(game, Mapping) else None
        lost = recovered.get("lost")
        if isinstance(shown, int) and shown > kept:  # this screen was shown events the game no longer has
            with using(self.lang):
                said = _("The host's save was damaged: the game goes on after event {n}, and what was played "
                         "after it is not in the game. Moves still wanted are made again.").format(n=kept)
                self.notify(literal(said), markup=False, title=_("Save recovered"), severity="warning", timeout=30)
        elif self.view is None and isinstance(lost, int) and not isinstance(lost, bool) and lost > 0:
            # opened afresh (a laptop shut during the crash): no history to compare, so the room's loss is said
            # as it stands (found from outside: a team was never told its move before the crash was gone)
            with using(self.lang):
                said = ngettext(
                    "The host's save was damaged: the game goes on after event {n}; {k} more event played then "
                    "is not in the game. A move made after event {n} is made again.",
                    "The host's save was damaged: the game goes on after event {n}; {k} more events played then "
                    "are not in the game. A move made after event {n} is made again.", lost).format(n=kept, k=lost)
                self.notify(literal(said), markup=False, title=_("Save recovered"), severity="warning", timeout=30)

    def _game_over(self) -> bool:
        """The newest view this screen has shows the game over."""
        game = self.view.get("game") if isinstance(self.view, Mapping) else None
        return isinstance(game, Mapping) and game.get("over") is True

    def _joined_words(self, welcome: Mapping[str, Any]) -> str:
        with using(self.lang):
            view = self.view if self.view is not None else welcome.get("view")  # the newest: in the language read
            seat = words.seat_name(welcome.get("seat", ""), view if isinstance(view, Mapping) else {})
            said = (_("Connected to {address} as {seat} (read-only)") if welcome.get("read_only")
                    else _("Connected to {address} as {seat}"))
            return said.format(address=literal(self.address, lines=False), seat=seat)

    def _show(self, view: Mapping[str, Any]) -> None:
        if self.client is not None and self.client.welcome is not None and self.client.welcome is not self.welcome:
            self._seated_again(self.client.welcome)
        renamed = self.view is not None and words.seat_name(self.welcome.get("seat", ""), self.view) != words.seat_name(
            self.welcome.get("seat", ""), view)
        since = view_seq(self.view) if self.view is not None else None
        self.view = view
        with using(self.lang):
            self.seat_screen.show(view, self.seen)
        if since is not None:
            self.close_cut_off(view, since)
        if renamed and self.client is not None and self.client.replaced is None:  # F4: the seat named anew
            self.seat_screen.say_link(self._joined_words(self.welcome), lost=False)
        if self.role == "facilitator":
            with using(self.lang):
                self._show_board()
                self._take_away(view.get("clock"))
        if self.client is not None and self.client.replaced is not None:
            with using(self.lang):
                self.seat_screen.say_link(_("Read-only: {why}").format(why=self.replaced_why()), lost=True)
        with using(self.lang):
            self.hear()  # a view is the host heard: a link line saying it was not answering says the link again

    def _take_away(self, clock: Any) -> None:
        """The host gave the phase timer back time, resumed after a crash or woken after a stop: the console says when
        and how much, once (found from outside: after a resume the console went on without a word, and the timer had
        jumped up), for as long as the hot seat says it (:data:`~tabletop.play.clock.AWAY_NOTICE`).

        Only as news: time given back more than :data:`AWAY_NEWS` seconds before this console first had the game (its
        ``ago``, by the host's clock) is not said. Its timer never jumped here, and a notice of a resume long past
        covered the question (found from outside: a console that joined after the resume was shown it for 30 s)."""
        now = self.now()
        if self._watching_since is None:
            self._watching_since = now
        away = clock.get("away") if isinstance(clock, Mapping) else None
        if not isinstance(away, Mapping) or away.get("id") == self._away_taken:
            return
        self._away_taken = away.get("id")
        seconds, at, ago = away.get("seconds"), away.get("at"), away.get("ago")
        if not isinstance(seconds, int) or isinstance(seconds, bool) or not isinstance(at, str):
            return
        if isinstance(ago, int) and not isinstance(ago, bool) and ago > now - self._watching_since + AWAY_NEWS:
            return  # given back before this console was here: no news to it (a host without ``ago``: said, as before)
        said = away_said(away)
        self.notify(said, title=away_title(), severity="information", timeout=AWAY_NOTICE, markup=False)

    def _seated_again(self, welcome: Mapping[str, Any]) -> None:
        """A second welcome: the screen that held this seat was closed, and this one has the seat again: said on
        the link line and in a notice (found from outside: it stayed read-only, refusing every key)."""
        self.welcome = welcome
        if isinstance(self._replica, Replica):
            self._replica = None  # the welcome's feed is the whole game again, as on joining
        self.seat_screen.say_link(self._joined_words(welcome), lost=False)
        back = welcome.get("back")
        if isinstance(back, str) and back:
            self._back.show(self, back, "information", title="", seconds=30)

    def _link_lost(self) -> None:
        """The link to the host is lost: the notices that said how things stood with it go (found from outside: "the
        screen that took this seat was closed: this one acts for the seat again" stayed ~40 s beside "Connection
        lost"; whose the seat is once the link is back, the host's next welcome says). Those about the game's record
        (a save recovered) and about what is sent again stay."""
        self._back.clear(self)
        self.refusals.clear(self)

    def hear(self) -> None:
        """Say on the link line when the host has said nothing for :data:`HOST_QUIET` seconds, the link up (a host
        frozen or asleep), and say the link again once it has answered (found from outside: "Connected" stood
        while the team typed into a screen whose host was stopped)."""
        client = self.client
        if client is None or not self.joined.is_set():
            return
        quiet = client.quiet()
        if quiet >= HOST_QUIET:
            self.host_quiet = True
            said = _("The host is not answering (nothing heard from it for {seconds} s): the facilitator's computer "
                     "may be asleep or frozen. Tell the facilitator; this screen goes on by itself when the host "
                     "answers.").format(seconds=int(quiet))
            self.seat_screen.say_link(said, lost=True)
        elif self.host_quiet:
            self.host_quiet = False
            if client.replaced is not None:
                self.seat_screen.say_link(_("Read-only: {why}").format(why=self.replaced_why()), lost=True)
            else:
                self.seat_screen.say_link(self._joined_words(self.welcome), lost=False)

    def _retry_words(self, first: bool, tries: int, closed: bool) -> str:
        """What the link line says while this screen tries to reach the host again (try ``tries``)."""
        if self.host_quiet and not first and not closed:
            said = _("The host is still not answering \u2014 trying again (try {n})\u2026 Tell the facilitator: its "
                     "computer may be asleep or frozen.")
            return said.format(n=tries)
        if first and tries >= CHECK_AFTER:  # a typo, or the browser page's port, not the host's
            said = (_("Cannot reach the host at {address} \u2014 trying again (try {n})\u2026 Tell the facilitator: "
                      "this page was started with that address (tabletop serve).") if self.is_web  # not the team's
                    else _("Cannot reach the host at {address} \u2014 trying again (try {n})\u2026 Check the address: "
                           "the host prints it in its join lines (tabletop join ADDRESS)."))
        elif first:
            said = _("Cannot reach the host \u2014 trying again (try {n})\u2026")
        elif closed:
            said = _("The host closed the game; when it starts again, this screen joins by itself (try {n})\u2026")
        else:
            said = _("Connection lost \u2014 trying again (try {n})\u2026")
        return said.format(n=tries, address=literal(self.address, lines=False))

    def replaced_why(self) -> str:
        """Why this screen only watches, when another took its seat (empty if none did): the host's words, shown
        literally; in a browser this screen's own, which say to reload the page (a tab has no ctrl+q to quit with,
        found from outside)."""
        if self.client is None or self.client.replaced is None:
            return ""
        if self.is_web:
            return _("this seat was joined on another screen: this one only watches now, and acts again when that "
                     "screen is closed (to act here at once, reload this page and type the code again)")
        why = self.client.replaced.get("message")
        return literal(why if isinstance(why, str) and why else _("this seat joined elsewhere"), lines=False)

    @property
    def watching(self) -> bool:
        """Whether this screen only watches: another took its seat's code, or it joined read-only."""
        return self.client is not None and self.client.read_only

    @property
    def replica(self) -> Replica | None:
        """The facilitator console's own copy of the game (None: not the facilitator, or it does not replay here)."""
        return self._replica if isinstance(self._replica, Replica) else None

    def _show_board(self) -> None:
        """Draw the facilitator's board from the replica; if the feed does not replay here, keep the words."""
        if self.client is None or self._replica is False:
            return
        try:
            if self._replica is None:
                self._replica = Replica(self.welcome.get("header") or {})
            state = self._replica.follow(self.client.actions)
        except ReplicaError as exc:
            self._replica = False
            self.notify(literal(_("The board is shown in words: {why}").format(why=exc)), severity="warning", markup=False)
            return
        self.seat_screen.show_board(state)

    def action_command_palette(self) -> None:
        from .language import open_palette

        open_palette(self)

    def action_language(self, code: str = "") -> None:
        """Read ``code``, or the next language (F4): the host sends this seat's view again in it."""
        chosen = code if code in LANGUAGES else LANGUAGES[(LANGUAGES.index(self.lang) + 1) % len(LANGUAGES)]
        self.hosts_lang = False  # chosen here: kept, whatever the host speaks
        self._read_in(chosen)
        self.notify(_("Language: {name}").format(name=NAMES[chosen]), timeout=2, markup=False)
        if self.welcome:
            self.seat_screen.say_link(self._joined_words(self.welcome), lost=False)
        if self.view is not None:
            self._show(self.view)
        for screen in self.screen_stack:
            if isinstance(screen, CodeScreen):  # the code asked for: its words in the language chosen
                screen.say_words()
        if self.client is not None:
            self._speak(chosen)

    def _read_in(self, lang: str) -> None:
        """This screen's own words (its keys, its dialogs) in ``lang`` from now on."""
        self.lang = lang
        set_language(lang)
        for screen in self.screen_stack:
            screen.refresh_bindings()  # the key bar says the keys again, in the language now read

    @work(group="acts")
    async def _speak(self, lang: str) -> None:
        """Ask the host for this seat's views in ``lang``; any error but a drop ends the screen as a crash does
        (swallowed, the language chosen was quietly never the host's)."""
        if self.client is not None:
            try:
                await self.client.speak(lang)
            except Disconnected:
                pass  # the next hello carries the language
            except Exception:
                if self.closing_down():
                    return
                raise

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's commands in the seat's language, and one per other language (as on the hot seat)."""
        for command in super().get_system_commands(screen):
            yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
        for code in LANGUAGES:
            if code != self.lang:
                yield SystemCommand(_("Language: {name}").format(name=NAMES[code]),
                                    _("Every word on this screen in {name}").format(name=NAMES[code]),
                                    lambda code=code: self.action_language(code))

    @property
    def teams(self) -> dict[str, str]:
        """Actor id -> the name its team was given, from the save's header the facilitator's welcome carries (the
        host's join lines read the same): the console's codes and the seats connected name the teams so. Other
        seats are sent no header: none."""
        view = self.view if self.view is not None else self.welcome.get("view")
        return words.team_names(self.welcome.get("header"), view if isinstance(view, Mapping) else {})

    def deck_cards(self) -> list[tuple[str, Text]]:
        """Each card of the deck from the facilitator's welcome (others get no deck), its id and its line in the
        inject list, in this console's language as its board reads them (the header's translation, English for a card
        it leaves out). With the game's replica, the hot seat's lines (:func:`~.text.inject_labels`: the track, and a
        card on a deferred track or whose condition does not hold marked); without, the titles alone (found from
        outside: the console's list had no marks, and its inject of a deferred track's card was refused unforeseen)."""
        replica = self.replica
        if replica is not None:
            return inject_labels(replica.state, self.lang)
        header = self.welcome.get("header") or {}
        deck = header.get("deck") if isinstance(header, Mapping) else None
        if isinstance(header, Mapping) and header:
            try:  # the board is shown in words (the feed does not replay here): the deck may still be read
                return [(card.id, Text(literal(card.title, lines=False)))
                        for card in shown(Replica(header).state, self.lang).deck.cards]
            except ReplicaError:
                pass  # nor the deck: its titles as the header has them
        cards = deck.get("cards") if isinstance(deck, Mapping) else None
        if not isinstance(cards, list):
            return []
        return [(str(c.get("id")), Text(literal(c.get("title", c.get("id")), lines=False)))
                for c in cards if isinstance(c, Mapping) and c.get("id")]

    def action_help(self) -> None:
        """F1: this seat's keys (a team's, the console's), not the hot seat's; a team's only those it can press."""
        from .modals import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            seat = next((s for s in self.screen_stack if isinstance(s, SeatScreen)), None)
            keys = CONSOLE_HELP if self.role == "facilitator" else SEAT_HELP
            # how the board reads, under its keys: the console draws the hot seat's board, a team's screen its own
            reading = CONSOLE_READING if self.role == "facilitator" else SEAT_READING
            self.push_screen(HelpScreen(keys, seat.help_about if seat is not None else None, reading))

    def action_interrupt(self) -> None:
        """Ctrl-C: in the host's own console, stop the host once the facilitator confirms (found from outside: the
        host's terminal says Ctrl-C stops it, and Textual answered "press ctrl+q"); elsewhere, Textual's hint."""
        from .modals import ConfirmOrQuit

        if self._stop_host is None:
            self.action_help_quit()
            return
        if self.screen is self._stop_question:
            return  # asked already: a second Ctrl-C does not stack a second question

        def done(ok: bool | None) -> None:
            self._stop_question = None
            if ok and self._stop_host is not None:
                self._stop_host()

        self._stop_question = ConfirmOrQuit(_("Stop the host?"), Text(_(
            "Every screen loses the game until it is started again with tabletop host --resume; the save is "
            "complete. To close only this console, press ctrl+q.")), self.seat_screen.hold.fresh(), weighty=True)
        self.push_screen(self._stop_question, done)

    async def action_quit(self) -> None:
        """ctrl+q (the footer's Quit): the screen ends; in a browser tab, once asked (found from outside: one tap on
        "^q Quit" in a phone's footer ended the team's screen with no question, and coming back meant Restart and
        the code typed again on a phone). A terminal's screen ends at once, as its join is typed again at once."""
        from .modals import ConfirmScreen

        if typed_text_lost(self):  # an argument being typed: said once before it goes
            return
        if not self.is_web:
            await self._leave()
            return
        if self._quit_question is not None:
            return  # asked already

        async def done(ok: bool | None) -> None:
            self._quit_question = None
            if ok:
                await self._leave()

        seat = next((s for s in self.screen_stack if isinstance(s, SeatScreen)), None)
        self._quit_question = ConfirmScreen(_("Close this screen?"), Text(_(
            "The game goes on without it. To come back, press Restart on this page and type the seat's code "
            "again.")), seat.hold.fresh() if seat is not None else None, weighty=True)
        self.push_screen(self._quit_question, done)

    async def _leave(self) -> None:
        """The screen ends: the host is told first."""
        if self.client is not None:
            await self.client.close()
        self.exit()

    async def on_unmount(self) -> None:
        """However the screen closed (ctrl+q, a stop signal, its terminal or its browser tab closed), the host is
        told it has left, so a screen it replaced has the seat again; bounded, as the host may be gone."""
        self.workers.cancel_group(self, "link")  # untranslated: a worker group; it does not join again meanwhile
        if self.client is not None:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.client.close(), BYE_WAIT)


def away_said(away: Mapping[str, Any]) -> str:
    """What the facilitator's console says of time the host gave back (a view's ``clock.away``: ``seconds`` and ``at``
    checked by the caller): after a resume, or after it was away. Time away with no phase timer running (``timed``
    false) is given back to the session's time alone (found from outside, helper-366: with the timers off it was
    said to be given back to the phase timer); a host that does not say ``timed`` is taken to have had one."""
    if away.get("resumed"):
        said = _("The host was resumed at {at}: the time since its last event ({time}) is given back to the phase "
                 "timer.")
    elif away.get("timed", True) is False:
        said = _("The host was away from {at} for {time}: that time is not counted in the session's time.")
    else:
        said = _("The host was away from {at} for {time}: that time is given back to the phase timer.")
    return said.format(at=literal(str(away.get("at"))), time=clock_text(int(away.get("seconds") or 0)))


def _seat_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (Textual takes a callable), as the board's."""
    from .commands import GameCommands

    return GameCommands


SeatScreen.COMMANDS = {_seat_commands}

__all__ = ["CodeScreen", "SeatApp", "SeatScreen"]
