"""The play screen: the board on the left, the decision at hand on the right.

A thin view: it draws the decision :mod:`tabletop.play.decisions` works out
(what ``legal_actions`` offers and, greyed with the engine's reason, what it
refuses), sends actions through the Session, and redraws from the new state.
It never decides a rule. The facilitator's powers are in :mod:`.powers`, the
command palette's provider in :mod:`.commands`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList

from ..content.grammar import independence_word
from ..engine import Action, RuleViolation, State
from ..engine.telling import warning as told_warning
from ..engine.adjudication import roll_modifiers
from ..engine.lookups import seen
from ..engine.wording import modifiers_words, move_words
from ..lang import SOURCE, Domain, current
from ..play.cardhold import CardHold
from ..play.clock import TAKEN_PAUSED, PickHold
from ..play.decisions import decision
from ..play.picks import (
    Act, Argue, AskRuling, Choice, Counter, Decision, HandOver, MarkStrong, Pick, Propose, Ready, ReleaseCard,
    RoundReview, ShowOutcome, Stage, about,
)
from ..play.sealed import SealedDesk
from ..play.session import Session
from . import clock as room_clock
from .bars import CLEAR_OF_NOTICES, KeyBar, TitleBar
from .clock import Now
from .decisionlist import PICK_KEYS, DecisionList, Entry, about_text, option_label, rich_text, side_caps
from .keys import key_available
from .language import texts_note
from .notices import Refusals, moved_on, resume_title, taken
from .powers import FacilitatorPowers
from .text import BOARD_READING, about_parts, literal, move_details, names, package_line, shown
from .timekeeper import Timekeeper
from .widgets import (Board, BoardPart, CardPanel, KeyScroll, RulingsColumn, RulingsPanel, TurnPanel, compact_board,
                      seating_lines)

if TYPE_CHECKING:
    from textual.command import Provider

    from .commands import Command

# Imported on first use, as the first board needs none of them: the dialogs (.modals), the end
# screen, the round review's words, a failed save's advice and the command palette's provider.

_, ngettext, N_ = Domain("tui").words()

BOT_DELAY = 0.9  # seconds a bot "thinks" so the room can follow
#: the rows the rulings keep under a compact board (board.tcss: .-compact #rulings-box's min-height)
RULINGS_ROWS = 3


def _save_named(path: Path) -> Path:
    """The save as the title names it: inside the working folder, from there (a resumed save's writer holds its
    real, absolute path: found from outside, "save: /tmp/me5…" at 80 columns, cut before the file's name)."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd())
        except (ValueError, OSError):  # elsewhere, or the working folder itself is gone
            pass
    return path


def board_subtitle(independence: str, save_path: Path, note: str = "") -> str:
    """The board's title line after the scenario's name: its independence, ``note`` (:func:`~.language.texts_note`)
    and the save. In the order they give way in at narrow widths: the title bar keeps the end whole (found from
    outside: at 80x24 "… strict independence · …" hid which file the game was written to, which a facilitator needs
    to resume it)."""
    said = _("{independence} independence \u00b7 save: {path}").format(
        independence=independence_word(independence), path=literal(_save_named(save_path)))
    if not note:
        return said
    independent, _dot, saved = said.partition(" \u00b7 ")  # untranslated: the separator the words hold
    if not saved:  # a translation without it: the note first, as the line's least needed part
        return f"{note} \u00b7 {said}"  # untranslated: a separator
    return f"{independent} \u00b7 {note} \u00b7 {saved}"  # untranslated: a separator


class BoardScreen(FacilitatorPowers, Screen[None]):
    """The board for a game in progress."""

    #: the least window that shows a ruling's working (:mod:`.toosmall`): measured with the dice ruling of a press-hard
    #: move on the six-track Parallel Tracks board, the largest bundled, in en, ru and uk, the last ruling's verdict
    #: and roll need 80x23 (80x22 loses the roll in ru and uk; 72x24 in uk); 80x23 is also tmux's pane in an 80x24
    #: terminal
    MIN_SIZE = (80, 23)
    #: F1 says how the board reads, under the keys
    HELP_READING = BOARD_READING

    BINDINGS = [
        # one key, two bindings: the footer names what p does now (check_action hides the other)
        Binding("p", "pause", N_("Pause"), id="facilitator.pause"),
        Binding("p", "resume", N_("Resume"), id="facilitator.resume"),
        Binding("plus,equals_sign", "extend", N_("+1 min"), id="facilitator.extend"),
        Binding("i", "inject", N_("Inject"), id="facilitator.inject"),
        Binding("k", "skip", N_("Skip card"), id="facilitator.skip"),
        Binding("r", "redraw", N_("Redraw"), id="facilitator.redraw"),
        Binding("o", "override", N_("Override"), id="facilitator.override"),
        # o while a team sits at the keyboard in a sealed round: its own panel, secret objectives too (found from
        # outside: a team at the keyboard had no way to read its objectives; the override waits then anyway)
        Binding("o", "own", N_("Objectives"), id="play.own"),
        Binding("u", "undo", N_("Undo"), id="facilitator.undo"),
        Binding("n", "note", N_("Note"), id="facilitator.note"),
        # in the help (F1) and the palette, and said in the ruling view itself: the footer is full at 80x24
        Binding("l", "last_ruling", N_("Ruling"), show=False, id="facilitator.ruling"),
        Binding("e", "end_game", N_("End"), id="facilitator.end"),
        Binding("f", "facilitator_panel", N_("Facilitator"), id="facilitator.panel"),
        Binding("s", "private_notes", N_("Private notes"), show=False, id="facilitator.private"),
        Binding("escape", "back", N_("Back"), show=False, id="play.back"),
        *[Binding(key, f"pick({i})", show=False, id=f"play.pick{i}") for i, key in enumerate(PICK_KEYS, 1)],
    ]
    #: the actions whose keys open a dialog (a question, a list, a note): the keys typed after one go to the dialog
    #: (:class:`~.keys.DialogKeys`); p asks only while a team sits at the keyboard
    dialog_actions = frozenset({"inject", "override", "note", "end_game", "undo", "skip", "redraw", "private_notes",
                                "pause", "resume", "last_ruling", "own"})

    # The title and key bars are docked: the two columns are the screen's own layout.
    # #turn and #prompt keep room for what they usually say, so that a new team's turn, one line
    # longer or shorter, repaints them without laying the screen out again.
    # The decision column widens with the screen (40%, 48 to 96 cells; half the screen from 160
    # columns), so a wide screen gives the card and the list room instead of stretching the
    # tracks. The decision list takes the rows the column has left and scrolls inside them, so
    # its highlight stays in view; its scrollbar's room is kept even without one, so an option
    # never wraps at one width and is drawn at another (the list measured its options without
    # the bar and cut their last line once the bar came).
    # The card and the prompt scroll rather than cut (the card's effect line comes before its
    # choices), so the list keeps its rows on a small screen.
    # Compact (80x24 up to 110x34): no border on the turn panel (its session clock goes to the
    # title bar), the rulings under the board, the facilitator's panel in their place while open.
    # The pane Tab gave the keyboard (the card, the prompt, the rulings) is marked by the shape of its left edge, as
    # a seat's is: a heavy line where a blank edge (the prompt's and the compact rulings' left padding, the card's
    # and the rulings' border) was, so nothing moves or wraps (found from outside: at 80x24 nothing showed that the review
    # text had the keys, and Tab cycled blindly until one press too many answered a card).
    # The rules are in board.tcss, which the app loads (TabletopApp.CSS_PATH): Textual reads a
    # screen's own CSS_PATH only for screens it pushes, and the board is the first screen itself.
    # (The comments live here, not in board.tcss: Textual parses the CSS on every start.)

    def __init__(self, session: Session, now: Now | None = None, pick_hold: float = 0.0, awake: Now | None = None):
        """``pick_hold``: seconds a pick from a new list is not taken after the game moved on (:class:`~tabletop.play.clock.PickHold`).
        ``awake``: the clock the ticks are watched on for time the game was away (:class:`~tabletop.play.clock.Away`;
        None: not watched)."""
        super().__init__()
        self.session = session
        # the phase timer and session clock read ``now`` (tests pass a clock they move by hand)
        self.timekeeper = Timekeeper(self, now or room_clock.wall_clock)
        self._away = None if awake is None else room_clock.Away(awake)
        self.pick_hold = PickHold(now or room_clock.wall_clock, pick_hold)
        self.paused = self.timekeeper.clock.paused  # a game saved while paused resumes paused
        self.stage: str | None = None  # None, or the track ("@global" for global moves) a team is choosing on
        self.entries: list[Entry] = []
        self._picks: list[Pick] = []  # what each entry of the list picks (what the help describes of it)
        self._listing: tuple[str, list[tuple[str, str | None]], int | None] | None = None
        self._at_gate = False  # the decision list calls a team to the keyboard (a sealed round's gate)
        self.show_facilitator = False
        self.sealed = SealedDesk()
        self.refusals = Refusals()
        self.not_saved = Refusals()  # a save that failed: said once, the last one
        #: paused and resumed: each notice in place of the last (found from outside: "The game was paused when it
        #: was saved" stayed up beside "Resumed.")
        self.pause_notice = Refusals()
        self.unsaved: Action | None = None  # the last action the save refused (a dialog keeps what was typed)
        self.card_hold = CardHold()  # a bot answers a card only once the facilitator has read it out
        self.show_private: int | None = None  # the round whose private notes are on screen, if any
        self._bot_timer: Timer | None = None
        self._prompt_text: Text | None = None
        self._keys_shown: tuple[bool, ...] | None = None
        self._ended_shown = False  # the end screen shown for the game's end as it stands (an undone end: again)
        self._compact_drawn: bool | None = None
        self._side_caps: tuple[int | None, int | None] = (None, None)  # the card's and the prompt's rows, if cut
        self._dialogs_closed: bool | None = None  # None until the board is first shown (that is no dialog closing)

    # -- layout --------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="left"):
            board = Board(self.session.state, id="board")
            board.rows_under = RULINGS_ROWS  # a long rung's name may take a line of its own above the rulings
            yield board
            with RulingsColumn(id="rulings-box"):
                yield RulingsPanel(id="rulings")
            # the facilitator's panel comes under the rulings when first opened
        with Vertical(id="side"):
            yield TurnPanel(id="turn")
            with KeyScroll(id="card-box"):
                yield CardPanel(id="card")
            with KeyScroll(id="prompt-box"):
                yield BoardPart("", id="prompt")
            yield DecisionList(id="decision")
        yield KeyBar()

    def on_screen_resume(self) -> None:
        """A dialog over the board closed: the list under it is held as a new one is (found from outside: a note's
        Enter pressed twice saved the note, then picked the list's first entry and moved the game on)."""
        if self._dialogs_closed is not None:
            self.pick_hold.again()
        self._dialogs_closed = True

    def on_mount(self) -> None:
        self._title()
        self.set_interval(1.0, self._tick)
        for message in self.session.messages:
            self.notify(literal(message), title=resume_title(self.session.damaged), timeout=12, markup=False)
        if self.paused:
            self.pause_notice.show(self, _("The game was paused when it was saved: press p to go on."), "information",
                                   title=_("Paused"), seconds=12)
        if current() != SOURCE:  # a room that reads another language is told if the scenario cannot speak it
            from .language import say_untranslated

            say_untranslated(self.app, current())
        self.refresh_view()
        self.query_one("#decision", OptionList).focus()
        # laid out anew: the side is fitted again; the turn panel too, whose lines (a team's means) come and go with
        # the turn (found from outside: the list under a turn panel grown a line lost the row of its second option)
        for box in ("#turn", "#card-box", "#prompt-box", "#decision"):
            self.watch(self.query_one(box), "virtual_size", self._refit, init=False)
        self.watch(self.query_one("#prompt-box"), "scroll_y", self._say_prompt_cut, init=False)

    def _title(self) -> None:
        rs = shown(self.session.state).ruleset.ruleset
        self.title = literal(rs.name)
        self.sub_title = board_subtitle(rs.independence, self.session.save_path, texts_note(self.app))

    def relabel(self) -> None:
        """Everything on the board again, in the language now spoken (F4)."""
        self._title()
        self.query_one(Board).forget()
        self._listing = None  # the decision's words changed: the list is drawn anew
        self._prompt_text = None
        self.refresh_view()

    def on_resize(self) -> None:
        # Textual rewraps the panels at the new size itself; the board is drawn anew only when
        # the screen crosses into or out of the compact layout (at start-up it is resized 3 times).
        # A resize can arrive while the panels are still being mounted (seen under load): the
        # first drawing is on_mount's, once every panel is there.
        if self._compact_drawn is None:
            return
        if self.compact != self._compact_drawn:
            self.refresh_view()
        self.set_class(self.app.size.width >= 160, "-wide")
        self.call_after_refresh(self._fit_side)

    def _refit(self, _size: object) -> None:
        self._fit_side()

    def _fit_side(self) -> None:
        """Keep the decision list on the screen: the card and the prompt give up rows to it (:func:`side_caps`)."""
        if self._closing_down():
            return
        card, prompt = self.query_one("#card-box"), self.query_one("#prompt-box")
        listed = self.query_one("#decision", DecisionList)
        state = self.session.state
        weighing = bool(state.queue) and state.queue[0].argument is not None and state.phase == "adjudication"
        whole_card = card.virtual_size.height + 2  # with its box's border
        caps = side_caps(self.query_one("#side").content_size.height - self.query_one(TurnPanel).outer_size.height,
                         listed.virtual_size.height + listed.styles.gutter.height,
                         whole_card, prompt.virtual_size.height, weighing,
                         card_read=state.card is None and state.phase != "event")
        if caps != self._side_caps:
            self._side_caps = caps
            card.styles.max_height, prompt.styles.max_height = caps
        card.display = caps[0] != 0
        # a card cut short scrolls under its title, open at the foot: the row of a closing border is the text's
        card.set_class(caps[0] is not None and caps[0] < whole_card, "-cut")
        listed.say_below()
        self.call_after_refresh(self._say_prompt_cut)

    def _say_prompt_cut(self, _seen: object = None) -> None:
        """The list's top border says when the prompt above it goes on below its last row, and the keys that read on:
        found from outside, at 80x24 the facilitator's odds prompt ended at the argument's second reason, the odds
        right under it, and nothing said that four objections, what the odds weigh, were below."""
        if self._closing_down():
            return
        prompt = self.query_one("#prompt-box")
        listed = self.query_one("#decision", DecisionList)
        said = _("\u2193 text goes on: shift+tab, \u2193") if prompt.scroll_y < prompt.max_scroll_y else ""
        if listed.border_title != said:
            listed.border_title = said

    @property
    def compact(self) -> bool:
        return compact_board(self.app.size)

    # -- drawing -------------------------------------------------------------

    def _closing_down(self) -> bool:
        """The app is quitting, or this screen is being taken down.

        A timer queued before ctrl+q (a bot's move, the clock's tick) can still fire under
        load: it must not play a move the room never saw, nor draw panels already removed.
        """
        return self.app._exit or self._closing or self._pruning or not self.is_attached

    def refresh_view(self) -> None:
        if self._closing_down():
            return
        state = self.session.state
        acting = self.session.acting()
        self.timekeeper.follow(state)
        self._compact_drawn = self.compact
        self.set_class(self.compact, "-compact")
        self.set_class(self.app.size.width >= 160, "-wide")  # half the screen for the decision column
        self.set_class(self.show_facilitator, "-facilitator")
        # on a small screen the list fills its column's foot, where Textual puts notices: they sit above it instead
        listed = self.query_one("#decision", DecisionList)
        listed.set_class(self.compact, CLEAR_OF_NOTICES)
        self.query_one(Board).show(state, acting, compact=self.compact)
        self._show_turn(acting)
        card = self.query_one(CardPanel)
        card.show(state, False)  # the control note is in the facilitator panel, whole
        card.parent.border_title = card.border_title  # the box's border stays put while the card scrolls in it
        rulings = self.query_one(RulingsPanel)
        rulings.show(state, brief=self.compact, teams=self.session.teams)
        rulings.parent.border_title = rulings.border_title  # the column's border stays put while the rulings scroll
        self._build_decision(state, acting)
        self.pick_hold.shown(state.seq, self._listing, gate=self._at_gate)
        if self.show_private is not None and self.show_private != state.round:
            self.show_private = None  # a new round: the private notes leave the projector
        if self.show_facilitator:
            self._facilitator_panel().show(state, self.show_private is not None)
        self._schedule_bot()
        if self.timekeeper.clock.time_up():
            self.call_later(self.timekeeper.pass_if_out_of_time)  # after this redraw, not inside it
        keys = (state.card is not None, state.previous is not None, state.over, self.paused,
                self.sealed.seated_now(state))
        if keys != self._keys_shown:
            # the footer rebuilds itself on refresh_bindings: only when a key's availability changed
            self._keys_shown = keys
            self.refresh_bindings()
        if not state.over:
            # an end undone: the game's next end is shown as its first was (found from outside: ended again after
            # an undone end, the board stayed up at «ГРУ ЗАВЕРШЕНО», its end screen shown once a board)
            self._ended_shown = False  # the end screen shown for the game's end as it stands (an undone end: again)
        elif not self._ended_shown:
            self._ended_shown = True
            from .end import EndScreen

            self.app.push_screen(EndScreen(state, self.session.save_path, head=self.session.save_head,
                                           hold=self.pick_hold))

    def _show_turn(self, acting: str | None) -> None:
        panel = self.query_one(TurnPanel)
        state = self.session.state
        panel.show(state, acting, self.session.seats, self.timekeeper.phase_text(), self.paused,
                   unseen=self.sealed.keeps_from_the_room(state, acting), card_held=self.card_hold.held(state))
        panel.border_subtitle = session = self.timekeeper.session_text()
        # compact, the turn panel has no border (board.tcss): the title bar carries the session clock, on a line
        # the screen has anyway (found from outside: at 80x24 a timed session showed no session clock at all)
        self.query_one(TitleBar).clock = session.strip() if self.compact else ""

    @property
    def seconds_left(self) -> int:
        """Whole seconds left on the phase timer (0: time is up, or no timer)."""
        return self.timekeeper.seconds_left

    def _tick(self) -> None:
        if self.session.state.over or self._closing_down():
            return
        away = 0.0 if self._away is None else self._away.tick()
        if away:  # given back before anything reads the clock: no team passes for time the game was not running
            self.timekeeper.away(away)
        self._show_turn(self.session.acting())
        self.timekeeper.tick()

    # -- the decision list ---------------------------------------------------

    def _set_entries(self, prompt: Text, entries: list[Entry], moved: int | None = None) -> None:
        # the cursor stays put only when the same list is redrawn (pause, note, panel); a new list
        # (a track's moves after the track list, the next team) starts on its first allowed line, and so does the
        # same question asked anew once the game ``moved`` on (found from outside: a team's Reject on one proposal
        # stayed highlighted on the next, worded alike, and an Enter would have rejected it unread)
        listing = (prompt.plain, [(e.label.plain, e.problem) for e in entries], moved)
        same_list, self._listing = listing == self._listing, listing
        self.entries = entries
        if same_list and self._prompt_text == prompt:
            return  # nothing to redraw: a repaint costs a layout pass
        self._prompt_text = prompt
        self.query_one("#prompt", BoardPart).paint(prompt)
        options = self.query_one("#decision", DecisionList)
        highlighted = options.highlighted
        options.show([option_label(i + 1, entry) for i, entry in enumerate(entries)])
        if entries:
            first_ok = next((i for i, e in enumerate(entries) if not e.problem), 0)
            keep = highlighted if highlighted is not None and highlighted < len(entries) and same_list else first_ok
            options.highlighted = keep
            if not same_list:
                options.call_after_refresh(options.from_the_top)  # once laid out: its rows are known

    def _build_decision(self, state: State, acting: str | None) -> None:
        session = self.session
        human = acting is not None and not session.is_bot(acting)
        bots = {actor: seat for actor, seat in session.seats.items() if session.is_bot(actor)}
        # the decision's words name tracks and actors as the room reads them: the same game, its texts translated
        step = self.sealed.step(state, human)
        self._at_gate = step is not None and step.kind == "gate"
        at_hand = decision(seen(state), acting, bots=bots, sealed=step, card_held=self.card_hold.held(state),
                           stage=self.stage)
        self._show_decision(state, at_hand)

    def _show_decision(self, state: State, at_hand: Decision) -> None:
        """Draw a decision: its prompt, and each entry with what picking it does here."""
        if isinstance(at_hand.prompt, RoundReview):
            from .review import review_text

            prompt = review_text(state, self.session.save_head)
        else:
            prompt = rich_text(at_hand.prompt)
        self._picks = [c.pick for c in at_hand.entries]
        self._set_entries(prompt, [Entry(rich_text(c.label), self._run(state, c), c.refusal, c.hint)
                                   for c in at_hand.entries], _moved(state))

    def help_about(self) -> Text | None:
        """What the highlighted entry (a move and its track, a track) and the team to move stand for, in the
        scenario's words: the help (F1) says it above the keys (found from outside: a move's description, which
        "players read", and the actors', which carry the source's framing, were on no screen)."""
        index = self.query_one("#decision", DecisionList).highlighted
        pick = self._picks[index] if index is not None and index < len(self._picks) else None
        move, track = about(pick) if pick is not None else (None, None)
        state = self.session.state
        # who sits at the track: at 80x24 its panel has no room for it
        seating = seating_lines(state, track) if track in state.tracks else ()
        return about_text(about_parts(shown(state), move, track, self.session.acting(), seating=seating))

    def _run(self, state: State, choice: Choice) -> Callable[[], None]:
        """What picking ``choice`` does on this screen (a refused one: the engine's reason, said)."""
        if choice.refusal is not None:
            return self._refuse(choice.refusal)
        pick = choice.pick
        if isinstance(pick, Act):
            return self._do(pick.action)
        if isinstance(pick, Propose):
            return self._confirm_move(pick.action)
        if isinstance(pick, Stage):
            return self._stage(pick.stage)
        if isinstance(pick, AskRuling):
            return lambda: self._ask_ruling(pick.track, pick.success)
        if isinstance(pick, ReleaseCard):
            return self._release_card
        if isinstance(pick, Ready):
            return lambda: self._ready(state, pick.team)
        if isinstance(pick, HandOver):
            return self._hand_over
        if isinstance(pick, (Argue, Counter, MarkStrong)):
            from .arguing import step  # the argument's dialogs: only once a team argues

            return step(self, pick)
        assert isinstance(pick, ShowOutcome)
        return self._show_end

    def _ready(self, state: State, team: str) -> None:
        if self.paused:
            # refused as a team's commit is (found from outside: paused, Ready seated the team, and p then resumed the
            # game with the team still at the keyboard, though the notice said p takes the keyboard back)
            self.notify(_("The game is paused: press p to resume."), severity="warning", markup=False)
            return
        self.sealed.ready(state, team)
        # the team's list comes up under the hand that passed the gate: held as a new list (found from outside: a
        # second Enter at "Ready" picked from the team's tracks, a digit was dropped with no word)
        self.pick_hold.start()
        self.refresh_view()

    def _hand_over(self) -> None:
        self.sealed.handed_over()
        self.refresh_view()

    def _release_card(self) -> None:
        self.card_hold.release(self.session.state)
        self.refresh_view()

    # -- doing ---------------------------------------------------------------

    def _stage(self, stage: str | None) -> Callable[[], None]:
        def go() -> None:
            self.stage = stage
            # a track's moves come up under the hand that chose it: held as a new list (found from outside: "1 1"
            # chose the track and, with the second press, the first move of its list)
            self.pick_hold.start()
            self.refresh_view()

        return go

    def _refuse(self, message: str) -> Callable[[], None]:
        # engine messages quote scenario names: never markup, never raw control characters
        return lambda: self.refusals.show(self, message)

    def _do(self, action: Action) -> Callable[[], None]:
        return lambda: self.act(action)

    def _confirm_move(self, action: Action) -> Callable[[], None]:
        from .modals import ConfirmScreen

        def confirm() -> None:
            state = self.session.state
            n = names(state)
            move = next(m for m in state.ruleset.moves if m.id == action.move)
            # which of a dice move's modifiers hold on the board now, as a roll would count them (the engine's), the
            # move's own cost paid
            counted = (roll_modifiers(state, move, action.track, action.actor, committing=True)
                       if move.resolution == "dice" else ())
            move = shown(state).index.moves.get(move.id, move)
            sealed = state.ruleset.ruleset.sealed_moves
            modifiers = modifiers_words(move, n, counted)
            said = move_words(move, n, sealed)
            details = move_details(f"{said}\n{modifiers}" if modifiers else said, sealed)
            actor, name = n[action.actor or ""], literal(move.name)
            if action.link:  # the second track the move is on, named (found from outside: never said)
                question = _("{actor}: {move} on {track}, linked to {link}?").format(
                    actor=actor, move=name, track=n.get(action.track or "", ""), link=n.get(action.link, action.link))
            elif action.track:
                question = _("{actor}: {move} on {track}?").format(actor=actor, move=name, track=n.get(action.track, ""))
            else:
                question = _("{actor}: {move} (global)?").format(actor=actor, move=name)

            asked_at = state.seq

            def done(ok: bool | None) -> None:
                if ok and self.timekeeper.cut_off(action):  # given after the phase's time was up: not made
                    return
                if ok and self.session.state.seq != asked_at:  # a second question's yes, after the first's
                    moved_on(self)
                elif ok:
                    self.act(action)  # done, the list goes back to the tracks; refused (paused), it stays here

            dialog = ConfirmScreen(question, details, self.pick_hold.fresh())
            dialog.commits = action  # the phase timer closes it when it passes the team
            self.app.push_screen(dialog, done)

        return confirm

    def act(self, action: Action) -> bool:
        """Apply an action through the session (saved before the screen changes)."""
        if self.paused and action.kind not in TAKEN_PAUSED:  # the bots wait too (_schedule_bot)
            self.notify(_("The game is paused: press p to resume."), severity="warning", markup=False)
            return False
        try:
            self.session.apply(action)
        except RuleViolation as exc:
            self.refusals.show(self, exc.message)
            return False
        except OSError as exc:
            self._not_saved(exc, action)
            return False
        self.not_saved.clear(self)  # saved: a "Not saved" still showing no longer holds
        if self.session.writer.relinked_from is not None:  # the save was deleted or moved during the game
            from .savefail import said_relinked

            said_relinked(self, self.session)
            self._title()  # the save's path, where it is now
        if action.kind not in ("note",):
            self.stage = None
        if action.kind == "undo":
            self.card_hold.reset()  # a card back on the table is read out again before a bot answers
            if not self.paused and self.session.undid_a_bot():
                self.hold_the_game()
                self.pause_notice.show(self, _("Paused after undoing a bot's move: the bots wait, so more can be "
                                               "undone. Press p to go on."), "information", title="", seconds=8)
        last = self.session.state.last
        package = package_line(self.session.state, last) if last is not None and action.kind != "undo" else None
        if package:  # a collapse reopened the provisional agreements, the package completed or lapsed: said aloud
            self.notify(package, title="", severity="warning", timeout=15, markup=False)
        warning = told_warning(last, self.session.state.scenario) if last is not None else None
        if warning and action.kind == "override":
            self.notify(literal(warning), title=_("Tension at breakdown"), severity="warning", timeout=12, markup=False)
        self.refresh_view()
        if action.kind == "roll" and not self.session.state.over:
            self._show_argued_ruling()
        return True

    def _show_argued_ruling(self) -> None:
        """An argument's roll: its whole working in front of the room (:mod:`.rulingview`), held against the Enter
        that rolled, pressed twice."""
        from .rulingview import RulingScreen, ruling_to_show

        state = self.session.state
        event = ruling_to_show(state)
        if event is not None:
            self.app.push_screen(RulingScreen.of(state, event, self.pick_hold.fresh()))

    def hold_the_game(self) -> None:
        """Pause: the phase timer stops and the bots wait (a bot's move already queued does not come)."""
        self.paused = True
        self.timekeeper.pause(True)
        if self._bot_timer is not None:
            self._bot_timer.stop()
            self._bot_timer = None

    def _not_saved(self, exc: OSError, action: Action) -> None:
        """The save refused the action: say so plainly, and how to go on (the board is what is on disk)."""
        self.unsaved = action
        by_bot = self.session.is_bot(action.actor)
        if by_bot:
            # a bot would try again and again: the game waits for the facilitator
            self.hold_the_game()
            self.refresh_view()
        from .savefail import not_saved_words

        # one notice, the last: each press refused by a full disk replaced the one before (six lines each,
        # stacked over the list of what the game waits for); the clock's pass, refused, pauses the game as a bot's
        # move does, and is taken again once the facilitator goes on (found from outside: "then do it again")
        waits = by_bot or action.time_up is not None
        self.not_saved.show(self, not_saved_words(exc, self.session.save_path, waits), "error",
                            title=_("Not saved: the action was not taken"), seconds=30)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "decision":
            return
        event.stop()
        for sent in self.query_one("#decision", DecisionList).take_sent(event):  # none: taken already (picks_first)
            self._take(sent)

    def picks_first(self) -> bool:
        """The picks sent before the key that calls this, taken now, before the key opens its dialog over the list
        (found from outside: Enter and n in one burst opened the note on the start of the game, and the card the
        Enter drew was never drawn, without a word). False: none was waiting."""
        waiting = self.query_one("#decision", DecisionList).take_sent()
        for sent in waiting:
            self._take(sent)
        return bool(waiting)

    def _take(self, event: OptionList.OptionSelected) -> None:
        if self.app.screen is not self:
            # a pick's dialog is already over the list: a second press that reached the list before it came up
            # (found from outside: "1 Enter" at once put up the same question twice, one over the other)
            return
        index = int(event.option.id or 0)
        if index < len(self.entries) and taken(self, self.pick_hold):
            entry = self.entries[index]
            if not entry.problem:
                # found from outside: a refusal stayed 8 s over the list the next pick opened (at 80x24 its lower
                # lines); a pick the game takes means it was read
                self.refusals.clear(self)
            entry.run()

    def action_pick(self, number: int) -> None:
        options = self.query_one("#decision", OptionList)
        if 0 < number <= len(self.entries) and taken(self, self.pick_hold):
            options.highlighted = number - 1
            options.action_select()

    def action_back(self) -> None:
        # Escape gives the keyboard back to the decision list, whatever pane had it (F1: "escape back to the tracks";
        # found from outside: Escape in the review text, reached by shift+tab, left the keys there, and Enter did
        # nothing and said nothing under "▶ Facilitator: …")
        decision = self.query_one("#decision", DecisionList)
        if not decision.has_focus:  # only that: a team that tabbed over to read the card keeps its track's moves
            decision.focus()  # (found from outside: Escape from the card pane went back to the tracks too)
            return
        # an Escape just after a dialog over the list closed was meant for the dialog (found from outside: a third,
        # nervous Escape after an argument's two took the team from the track's moves back to its tracks); a new
        # list's own hold leaves Escape alone, which puts up no move
        if self.stage is not None and self.pick_hold.after_dialog and not taken(
                self, self.pick_hold, _("Not taken: a dialog has just closed over this list. Read it, then go back.")):
            return
        if self.stage is not None:
            self.stage = None
            self.pick_hold.start()  # the list of tracks again, under the hand: held as a new list
            self.refresh_view()

    # -- bots ----------------------------------------------------------------

    def _schedule_bot(self) -> None:
        if self._bot_timer is not None or self.paused or self.session.state.over:
            return
        state = self.session.state
        if self.sealed.step(state, False) is not None or self.card_hold.held(state):
            return  # a hand-over, or a card the facilitator has not read out yet, comes first
        if self.session.bot_action() is not None:
            self._bot_timer = self.set_timer(BOT_DELAY, self._bot_step)

    def _bot_step(self) -> None:
        self._bot_timer = None
        state = self.session.state
        if self.paused or not self.is_current or self._closing_down():
            return
        if self.sealed.step(state, False) is not None or self.card_hold.held(state):
            return
        action = self.session.bot_action()
        if action is not None:
            self.act(action)

    # -- facilitator ---------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # False hides the key (None would only grey it): the footer lists what can be done now
        if action in _AFTER_PICKS and self.query_one("#decision", DecisionList).sent:
            return True  # the pick sent before the key may draw the card it acts on: taken first (picks_first)
        if action in ("own", "override"):  # o: the seated team's own panel, else the facilitator's override
            seated = self.sealed.seated_now(self.session.state) is not None
            if action == "own" or seated:
                return action == "own" and seated
        return key_available(action, self.session.state, self.paused)

    def action_own(self) -> None:
        """o, a team at the keyboard in a sealed round: its own panel, whole (:func:`~.ownview.team_text`)."""
        from .ownview import OwnScreen, team_text

        team = self.sealed.seated_now(self.session.state)
        if team is not None:
            self.app.push_screen(OwnScreen(team_text(self.session.state, team)))

    def palette_commands(self) -> list[Command]:
        """The command palette's commands: the decision's allowed entries, then the facilitator's powers."""
        out: list[Command] = [(e.label.plain, e.run, _("the decision at hand")) for e in self.entries if not e.problem]
        return out + self.facilitator_commands()

    def _show_end(self) -> None:
        from .end import EndScreen

        self.app.push_screen(EndScreen(self.session.state, self.session.save_path, head=self.session.save_head,
                                       hold=self.pick_hold))


#: the keys that act on the card on the table: found from outside, "Enter k" at once dropped the k without a word, the
#: draw not yet taken when the key came (a key that is not available is not a key at all)
_AFTER_PICKS = frozenset({"skip", "redraw"})


def _moved(state: State) -> int | None:
    """The seq of the game's newest event but a note (a note is said beside the game, it asks nobody anything new)."""
    node = state.history
    while node is not None and node.event.action.kind == "note":
        node = node.prev
    return node.event.seq if node is not None else None


def _game_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (Textual takes a callable)."""
    from .commands import GameCommands

    return GameCommands


BoardScreen.COMMANDS = {_game_commands}

__all__ = ["BOT_DELAY", "BoardScreen"]
