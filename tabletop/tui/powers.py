"""The facilitator's powers on the board: pause, more time, inject, skip, redraw,
override, undo, note, end, the facilitator's panel and the private notes.

A mixin of :class:`~tabletop.tui.board.BoardScreen`: each power asks what it
needs in a dialog, then acts through the board (``act``), so the save and
the redraw go the one way every action goes. The dialogs (.modals) are
imported by the powers that open them: the first board needs none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events

from ..engine import Action, Event, RuleViolation, State
from ..engine.actions import TEAM_KINDS
from ..engine.powers import check_note_on
from ..engine.review import gated_counters, note_steps, noted_in, numbered, undo_target
from ..engine.wording import undone_word
from ..lang import Domain
from ..play.clock import PickHold
from ..play.session import Session
from .text import end_warning, hidden_seqs, inject_labels, literal, names, room_told, shown, told
from .notices import EXTEND_HELD, SecondPress, pause_held
from .timekeeper import Timekeeper
from .widgets import KeyScroll

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..play.sealed import SealedDesk
    from .facilitator import FacilitatorPanel
    from .notices import Refusals

    _Screen = Screen[None]
else:
    _Screen = object  # a plain mixin at run time: the board is the screen

_, ngettext, N_ = Domain("tui").words()

#: what a key the footer hides says when pressed with nothing to act on (found from outside: u before anything had
#: happened, k or r with no card on the table, did nothing and said nothing to a facilitator pressing them from memory)
_NOTHING_FOR = {
    "undo": N_("There is nothing to undo."),
    "skip": N_("There is no card on the table to skip."),
    "redraw": N_("There is no card on the table to redraw."),
}
#: what a key the footer hides once the game is over says (the engine's words for it)
GAME_OVER = N_("The game is over.")


def ask_end(screen: Screen[Any], state: State | None, hold: PickHold | None, end: Callable[[str | None], object],
            *, shared: bool = True) -> None:
    """Ask "End the game now?" (with what it lets lapse and the tabled moves it leaves undecided, when ``state`` is
    known; on a ``shared`` screen a sealed move not yet revealed named as the log names it), then an optional reason;
    ``end`` with the reason typed, or None. The hot seat's ``e`` and the console's ``x`` ask alike (found from
    outside: the console went straight to a required reason, and the y typed to confirm became part of it)."""
    from .modals import AskScreen, ConfirmScreen

    def reason_given(reason: str | None) -> None:
        if reason is not None:
            end(reason or None)

    def confirmed(ok: bool | None) -> None:
        if ok:
            screen.app.push_screen(AskScreen(_("Why does the game end now? (optional; it goes into the record)"),
                                             _("e.g. out of time"), required=False), reason_given)

    said = _("The outcome is taken as the board stands; the save is kept.")
    lapse = end_warning(state, shared=shared) if state is not None else ""
    question = ConfirmScreen(_("End the game now?"), Text(f"{said}\n{lapse}" if lapse else said), hold, weighty=True)
    question.dialog_actions = frozenset({"yes"})  # its yes asks for the reason
    screen.app.push_screen(question, confirmed)


def ask_undo(screen: Screen[Any], state: State | None, undo: Callable[[str | None], None], *, shared: bool,
             current: Callable[[], State | None] | None = None) -> None:
    """Ask "Undo event N: …?" with an optional reason (:class:`~.modals.UndoScreen`), then ``undo`` with the reason
    typed, or None (``state`` None: a console with no copy of the game asks only "Undo the last action?"). On a
    ``shared`` screen a sealed move not yet revealed is named as the log names it: the team at the keyboard may not
    be its own. ``current``: the game as it stands when the answer comes; an answer given once event N is no longer
    the one an undo takes back undoes nothing, and says so (found from outside: three bots moved under the question,
    and its yes took back a bot's move, not the one it named)."""
    from .modals import UndoScreen

    last = undo_target(state) if state is not None else None
    if state is not None and last is None:
        screen.app.notify(_(_NOTHING_FOR["undo"]), severity="warning", markup=False)
        return
    if state is None or last is None:
        question = _("Undo the last action?")
    else:
        said = room_told(state, last) if shared else told(state, last)
        question = _("Undo event {seq}: {event}?").format(seq=last.seq, event=said)
    def answered(reason: str | None) -> None:
        if reason is None:
            return
        if last is not None and current is not None:
            now = current()
            target = undo_target(now) if now is not None else None
            if target is None or target.seq != last.seq:
                said = _("Nothing was undone: the game moved on while the question was open, and event {seq} is no "
                         "longer the last. Press u to ask again.").format(seq=last.seq)
                screen.app.notify(said, severity="warning", timeout=8, markup=False)
                return
        undo(reason or None)  # none typed: none recorded (found from outside: a made-up one was)

    # found from outside: a second u took back one more step, not the undo: the room is told an undo is final
    screen.app.push_screen(UndoScreen(question, Text(undo_explained(last))), answered)


#: the facilitator's powers, none of them on the list: done again only if still wanted
_POWERS = frozenset({"override", "inject", "skip", "end"})


def undo_explained(last: Event | None) -> str:
    """The undo's question's words under it: the undo is final, and what comes after for what it takes back
    (``last``; None: not known here). Found from outside (helper-194): an undone draw or phase change was told "a
    move taken back is made again by its team", which no team does. A draw, a redraw or a roll done again on the
    board as it was gives the same card or dice: each comes from the game's seed and the restored chance count."""
    if last is None:
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone.")
    kind = last.action.kind
    if kind in TEAM_KINDS and last.action.actor is not None:  # a team's: the team makes it again
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: a move "
                 "taken back is made again by its team.")
    if kind == "draw":
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: the "
                 "facilitator draws again from the list, and the game's seed turns up the same card unless the board "
                 "changes first.")
    if kind == "redraw":
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: the card "
                 "it replaced is back on the table; redrawn, the game's seed turns up the same card unless the board "
                 "changes first.")
    if kind == "roll":
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: the "
                 "facilitator rolls again from the list, and the game's seed throws the same dice.")
    if kind in _POWERS:
        return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: no team "
                 "makes it again; the facilitator does it again only if it is still wanted.")
    return _("The undone action stays in the record, marked as undone. An undo cannot itself be undone: no team makes "
             "this step again; the facilitator takes it again from the list.")


def ask_note(screen: Screen[Any], state: Callable[[], State], words: Callable[[State, Event], str],
             readers: Callable[[State, int], str], placeholder: str, send: Callable[[int, str], object],
             typed: str = "", about: int | None = None) -> None:
    """Ask for a note and the event it is on (:class:`~.modals.NoteScreen`): by default the last that is not a note,
    or ``about``; each event named in ``words`` (the shared screen's, or the facilitator's own), then who reads a
    note on it (``readers``); an event the engine refuses, refused in its words. ``send`` the event and the note;
    ``state``: the game now (it goes on while the dialog is open); ``typed``: the note's text so far. The hot seat's
    n and the console's ask alike."""
    from .modals import NoteScreen

    def heading(seq: int) -> str:
        now = state()
        found = numbered(now, seq)
        if found is None:
            said = _("the start of the game")
        else:  # an undone event marked as the log marks it
            event, undone = found
            said = f"{undone_word()} {words(now, event)}" if undone else words(now, event)
        return _("Note on event {seq}: {event}").format(seq=seq, event=said) + "\n" + readers(now, seq)

    def refusal(seq: int) -> str | None:
        try:
            check_note_on(state(), seq)
        except RuleViolation as exc:
            return exc.message
        return None

    dialog = NoteScreen(note_steps(state()), heading, refusal, placeholder, value=typed, about=about)

    def done(text: str | None) -> None:
        if text and dialog.about is not None:
            send(dialog.about, text)

    screen.app.push_screen(dialog, done)


def _room_reads(state: State, about: int) -> str:
    """Who reads a note on event ``about`` (a note on a note: on what that one is on), said under the hot seat's
    note dialog's title: the field's placeholder is cut at 80 columns."""
    on = noted_in(state, about)
    if on in hidden_seqs(state):  # found from outside: "every report" was said of a sealed move too
        return _("The room reads it here; if the sealed move is never revealed, the participants' report leaves it "
                 "out.")
    if on in gated_counters(state.log):  # found in review: a counter behind the gate was said to be read by every report
        return _("The room reads it here; if the counters are never revealed, the participants' report leaves it "
                 "out.")
    return _("The room and every report read it.")


class FacilitatorPowers(_Screen):
    """The facilitator's keys and palette commands of the board."""

    session: Session
    timekeeper: Timekeeper
    paused: bool
    show_facilitator: bool
    show_private: int | None  # the round whose private notes are on screen, if any
    unsaved: Action | None  # the last action the save refused
    pause_notice: Refusals  # the notice of a pause or a resume, each in place of the last
    refusals: Refusals  # the notice of a pick or a key refused, each in place of the last

    sealed: SealedDesk  # who sits at the keyboard in a sealed round
    _extend_press: SecondPress | None = None  # + pressed twice at once gives one minute (made on the first +)
    _pause_press: SecondPress | None = None  # p pressed twice at once pauses, and stays paused (made on the first p)

    # the board's own, which the powers call: an action saved, then drawn; a redraw
    act: Callable[[Action], bool]
    refresh_view: Callable[[], None]
    hold_the_game: Callable[[], None]
    picks_first: Callable[[], bool]

    def facilitator_commands(self) -> list[tuple[str, Callable[[], None], str]]:
        """Each power as the command palette lists it: its words, what it does, its group."""
        group = _("facilitator")
        return [
            (_("Pause or resume"), self.action_pause, group),
            (_("More time: +1 minute on the phase timer"), self.action_extend, group),
            (_("Inject a card now"), self.action_inject, group),
            (_("Skip the card"), self.action_skip, group),
            (_("Redraw the card"), self.action_redraw, group),
            (_("Override a track or meter"), self.action_override, group),
            (_("Undo the last action"), self.action_undo, group),
            (_("Note on an event: the last, or an earlier one"), self.action_note, group),
            (_("The last ruling, whole: its working, odds and roll"), self.action_last_ruling, group),
            (_("End the game"), self.action_end_game, group),
            (_("Show or hide the facilitator panel"), self.action_facilitator_panel, group),
            (_("Show private notes (control notes, secret objectives) to the room"), self.action_private_notes,
             group),
        ]

    def action_pause(self) -> None:
        """p (its key bar button, the palette's command): pause, or resume if paused. A second p within the hold of
        the one before is not taken, and the room is told so (found from outside: p p paused the clock and resumed it
        at once, the room believing the game paused)."""
        if self._pause_press is None:
            self._pause_press = SecondPress()
        if self._pause_press.taken(self, getattr(self, "pick_hold", None), pause_held(self.paused)):
            self.pause_or_ask()

    def pause_or_ask(self) -> None:
        """Pause, or resume if paused, at once (no press to hold: the timekeeper's pause of a refused move too); asked
        first while a team sits at the keyboard."""
        from .modals import ConfirmScreen

        # paused with a team seated too (a bot's move undone), p does what the notice of a refused key says: it takes
        # the keyboard back, and the game stays paused (found from outside: it resumed, the team still seated)
        team = self.sealed.seated_now(self.session.state)
        if team is not None:
            # a team sits at the keyboard: p is a letter it may type, so the pause asks first (Enter or a Latin y,
            # held as a list's pick is), and takes the keyboard back: the team's sitting ends, its moves so far kept,
            # and it comes back through the gate (found in review: a pause alone left inject and end refused, and
            # "input" typed on the board paused the game and put up the undo's question)
            def taken_back(ok: bool | None) -> None:
                if ok and self.sealed.seated_now(self.session.state) == team:
                    self.sealed.handed_over()
                    if self.paused:
                        self.refresh_view()  # the gate again
                    else:
                        self._pause_or_resume()

            who = names(self.session.state).get(team, team)
            self.app.push_screen(ConfirmScreen(
                _("Pause, and take the keyboard back from {team}?").format(team=who),
                Text(_("Its sitting ends here, its moves so far kept: it comes back to the keyboard through the gate, "
                       "the others looking away.")), self._question_hold(), weighty=True), taken_back)
            return
        self._pause_or_resume()

    def _pause_or_resume(self) -> None:
        if self.paused:
            self.paused = False
            self.timekeeper.pause(False)
        else:
            self.hold_the_game()
        self.pause_notice.show(self, _("Paused: the timer and the bots wait.") if self.paused else _("Resumed."),
                               "information", title="", seconds=3)
        self.refresh_view()

    def action_resume(self) -> None:
        self.action_pause()

    def action_extend(self) -> None:
        if self._extend_press is None:
            self._extend_press = SecondPress()
        if not self._extend_press.taken(self, getattr(self, "pick_hold", None), _(EXTEND_HELD)):
            return  # a double press: one minute, not two
        self.notify(self.timekeeper.extend(), timeout=3, markup=False)
        self.refresh_view()

    def _picks_then_keyboard(self) -> bool:
        """Before a key opens a dialog over the list: the picks sent before it are taken first, in the order pressed
        (:meth:`~.board.BoardScreen.picks_first`); True if the key is then not for the board (a pick's own dialog
        came up over it) or waits for a team at the keyboard (:meth:`_a_team_has_the_keyboard`)."""
        return (self.picks_first() and self.app.screen is not self) or self._a_team_has_the_keyboard()

    def _a_team_has_the_keyboard(self, shows_secrets: bool = False) -> bool:
        """A team sits at the keyboard in a sealed round (the others looking away): the powers that change the game or
        show what the room may not see wait, and the screen says so, quietly (no rule refused them). ``p`` takes the
        keyboard back (:meth:`action_pause`). Found from outside (helper-108): a team typing its argument on the board
        before the dialog opened injected a card ("Kyiv" and Enter: i, then the inject list's first card), and ``u``
        took back another team's sealed move while that team's rival sat at the keyboard. ``shows_secrets``: a panel
        that shows what the room may not see waits at the team's hand-over too (it is still at the keyboard)."""
        state = self.session.state
        team = self.sealed.seated_now(state, handing_over=shows_secrets)
        if team is None:
            return False
        self.refusals.show(self, _("At the keyboard: {team} (sealed moves). The facilitator's keys wait until the "
                                   "hand-over, or until p takes the keyboard back.").format(
                                       team=names(state).get(team, team)), "information", title="", seconds=4)
        return True

    def _facilitator_panel(self) -> FacilitatorPanel:
        """The facilitator's panel, made the first time it is opened (most sessions never do)."""
        from .facilitator import FacilitatorPanel  # imported then too: the first frame needs none of it

        found = self.query("#facilitator")
        if found:
            return found.first(FacilitatorPanel)
        panel = FacilitatorPanel(id="facilitator")
        # under the board, beside the decision: opening it must not squeeze the list a team acts on
        self.query_one("#left").mount(panel)
        return panel

    def action_facilitator_panel(self) -> None:
        if not self.show_facilitator and self._a_team_has_the_keyboard(shows_secrets=True):  # closing: always
            return
        self.show_facilitator = not self.show_facilitator
        self.refresh_view()

    def action_private_notes(self) -> None:
        """Control notes and secret objectives on the shared screen, once the facilitator confirms."""
        from .facilitator import PRIVATE_WARNING
        from .modals import ConfirmScreen

        if self.show_private is not None:
            self._hide_private()
            return
        if self._a_team_has_the_keyboard(shows_secrets=True):
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.show_private = self.session.state.round
                self.show_facilitator = True
                self.refresh_view()

        # held as a list's pick is: a stray s and Enter at once put the secrets on the projector (found from outside)
        self.app.push_screen(ConfirmScreen(_(PRIVATE_WARNING), Text(_(
            "The arrow keys and PgUp/PgDn scroll them; any other key, or the next round, hides them again.")),
                                           self._question_hold(), weighty=True), done)

    def _question_hold(self) -> PickHold | None:
        """A hold started now, of the screen's clock and length (None on a screen without one)."""
        hold = getattr(self, "pick_hold", None)
        return hold.fresh() if isinstance(hold, PickHold) else None

    def _hide_private(self) -> None:
        self.show_private = None
        self.refresh_view()

    def on_key(self, event: events.Key) -> None:
        # a key reaches the screen before its bindings run: the private notes leave the projector at the first key
        # after they were shown, and that key does nothing else (found from outside: an Enter pressed to hide them
        # also picked the list's first line, and the game went on to a sealed round behind the secrets)
        if self.show_private is not None:
            # the arrows, PgUp/PgDn, Home and End scroll them (found from outside: at 80x24 the panel showed four
            # lines, and ↓ hid them)
            if event.key in KeyScroll.KEYS:
                from .facilitator import FacilitatorPanel

                self.query_one(FacilitatorPanel).scroll_key(event.key, animate=False)
            else:
                self._hide_private()
            event.stop()
            event.prevent_default()
            return
        self._say_nothing_for(event.key)

    def _say_nothing_for(self, key: str) -> None:
        """A key the footer hides for want of anything to act on (no step to undo, no card to skip or redraw, a game
        that is over) says so: its binding will not run, and a key that does nothing must say why."""
        bound = [getattr(binding, "action", None) for binding in getattr(self, "BINDINGS", ())  # the screen's keys
                 if key in getattr(binding, "key", "").split(",")]
        if not bound or any(self.check_action(action, ()) is not False for action in bound):  # type: ignore[attr-defined]
            return  # not a key of the screen's, or one that acts now
        if self.session.state.over:  # found from outside: p, e, i, o on the board after the end said nothing
            said = _(GAME_OVER)
        elif bound[0] in _NOTHING_FOR:
            said = _(_NOTHING_FOR[bound[0]])
        else:
            return
        self.refusals.show(self, said, "information", title="", seconds=4)

    def _card_title(self) -> str:
        card = shown(self.session.state).index.cards.get(self.session.state.card or "")
        return literal(card.title) if card else ""

    def action_skip(self) -> None:
        if self._picks_then_keyboard():
            return
        # what a yes will do, asked before it (found from outside: «Її відсунуто без ефекту», "it has been set aside")
        # the card named as a card: a title in the nominative after the verb read wrong (ru: «Пропустить «…»?»)
        self._set_card_aside("skip", _("Skip the card \u201c{title}\u201d?"),
                             _("It will be set aside without effect; the record will keep it."))

    def action_redraw(self) -> None:
        if self._picks_then_keyboard():
            return
        self._set_card_aside("redraw", _("Set the card \u201c{title}\u201d aside and draw another?"),
                             _("The new card comes from the deck; the record keeps both."))

    def _set_card_aside(self, kind: str, question: str, detail: str) -> None:
        """Skip or redraw the card on the table once the facilitator confirms (``{title}``: the card's). No reason is
        asked, so none is recorded (found from outside: "skipped by the facilitator" was, and every report showed it
        as the facilitator's reason)."""
        from .modals import ConfirmScreen

        if self.session.state.card is None:
            self.notify(_(_NOTHING_FOR[kind]), severity="warning", markup=False)
            return

        def done(ok: bool | None) -> None:
            if ok:
                self.act(Action(kind))

        # held as a list's pick is: k or r and a nervous Enter at once set the card aside unread (found in review)
        self.app.push_screen(ConfirmScreen(question.format(title=self._card_title()), Text(detail),
                                           self._question_hold()), done)

    def action_inject(self) -> None:
        if self._picks_then_keyboard():
            return
        from .modals import PickScreen

        cards = inject_labels(self.session.state)

        def chosen(index: int | None) -> None:
            if index is not None:
                self.act(Action("inject", card=cards[index][0]))

        self.app.push_screen(PickScreen(_("Inject which card now?"), [label for _id, label in cards], search=True),
                             chosen)

    def action_undo(self) -> None:
        if self._picks_then_keyboard():
            return
        def undo(reason: str | None) -> None:
            # the facilitator has the keyboard now: a team whose sealed move comes back to it is called to the gate
            # again, the others looking away (found from outside: an undo at "Done — hand over to Ukraine" showed
            # Russia's list of moves to the room)
            self.sealed.handed_over()
            self.act(Action("undo", reason=reason))

        ask_undo(self, self.session.state, undo, shared=True, current=lambda: self.session.state)

    def action_note(self, typed: str = "", about: int | None = None) -> None:
        """Attach a note to an event, the last by default; ``typed`` and ``about``: the text already typed and the
        event chosen (a note the save refused)."""
        if self._picks_then_keyboard():
            return

        def send(on: int, text: str) -> None:
            if self.act(Action("note", text=text, about=on)):  # taken paused too (TAKEN_PAUSED)
                self.notify(_("Note saved."), timeout=3, markup=False)
            else:  # a full disk: the note is not lost, it waits in its dialog to be sent again
                self.action_note(text, on)

        # the team at the keyboard may not be the one whose sealed move this is: named as the log names it
        ask_note(self, lambda: self.session.state, room_told, _room_reads, _("what happened, what to discuss later"),
                 send, typed, about)

    def action_last_ruling(self) -> None:
        """The last ruling that stands, whole (:class:`~.rulingview.RulingScreen`): the room reads it again."""
        if self.picks_first() and self.app.screen is not self:  # a pick sent before the key opened its own dialog
            return
        from .rulingview import RulingScreen, last_ruling, no_ruling_words

        state = self.session.state
        event = last_ruling(state)
        if event is None:
            self.refusals.show(self, no_ruling_words(state), "information", title="", seconds=4)
            return
        self.app.push_screen(RulingScreen.of(state, event, self._question_hold()))

    def action_end_game(self) -> None:
        if self._picks_then_keyboard():
            return
        # no reason typed: none recorded (the engine records its own, worded where shown); the default in its place
        # was tagged as typed in the screen's language (found from outside: "[uk]" beside it)
        ask_end(self, self.session.state, self._question_hold(), lambda reason: self.act(Action("end", reason=reason)))

    def _ask_ruling(self, track: str | None, success: bool, typed: str = "") -> None:
        from .modals import ruling_reason

        def done(reason: str | None) -> None:
            if not reason:
                return
            ruling = Action("rule", track=track, success=success, reason=reason)
            if not self.act(ruling) and self.unsaved is ruling:  # a full disk: the reason waits in its dialog
                self._ask_ruling(track, success, reason)

        self.app.push_screen(ruling_reason(success, typed), done)

    def action_override(self) -> None:
        if self._picks_then_keyboard():
            return
        from .override import ask_override

        ask_override(self.app, self.session.state, self.act)

__all__ = ["FacilitatorPowers"]
