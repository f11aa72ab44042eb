"""Refusals on the board: said in words, and shown once.

A key pressed five times on something the game refuses must not stack five
notices over the board: each new refusal takes the place of the one still
showing (so does each save that failed: a :class:`Refusals` of its own, with
its title). The refusal's code stays in the engine (and the log); the room
reads "Not allowed" and the engine's plain message.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text

from textual.app import App
from textual.dom import DOMNode
from textual.notifications import Notification, Notify
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ..lang import Domain
from ..play.clock import PickHold, wall_clock
from .text import literal

_, ngettext, N_ = Domain("tui").words()

REFUSAL_TITLE = N_("Not allowed")
REFUSAL_SECONDS = 8
#: an Enter on a question that has just come up (the Enter that asked it, pressed twice)
QUESTION_HELD = N_("Not taken: the question has just come up. Read it, then press Enter or y.")
#: a letter typed into a dialog's field as the dialog comes up (the key that opened it, pressed twice)
TYPING_HELD = N_("Not taken: this dialog has just opened. Read it, then type.")


#: a second + within the hold of the one before (a nervous double press, a double click on "+1 min"): one minute given
EXTEND_HELD = N_("Not taken: pressed twice at once; one minute was added. Press + again to add another.")
#: a second p within the hold of the one before (a nervous double press, a double click on "Pause"), by what the first
#: did: found from outside, p p paused the clock and resumed it at once, the room believing the game paused
PAUSE_HELD = N_("Not taken: pressed twice at once; the game stays paused. Press p again to resume.")
RESUME_HELD = N_("Not taken: pressed twice at once; the game goes on. Press p again to pause.")


def pause_held(paused: bool) -> str:
    """What a second p not taken says (:class:`SecondPress`), ``paused``: whether the first p paused the game."""
    return _(PAUSE_HELD) if paused else _(RESUME_HELD)


class Refusals:
    """The refusal a screen shows now, replaced by the next one."""

    def __init__(self) -> None:
        self._showing: Notification | None = None

    def show(self, node: DOMNode, message: str, severity: str = "warning", *, title: str | None = None,
             seconds: float = REFUSAL_SECONDS) -> None:
        """Notify ``message`` (engine words, shown literally) in place of the last one this shows.

        ``title``: the notice's title (translated), "Not allowed" when None."""
        app = node.app
        self._take_back(node, refresh=False)
        notification = Notification(literal(message), title if title is not None else _(REFUSAL_TITLE),
                                    severity, seconds, markup=False)  # type: ignore[arg-type]
        self._showing = notification
        app.post_message(Notify(notification))

    def clear(self, node: DOMNode) -> None:
        """Take the notice off the screen: what it said no longer holds (the save took the action after all)."""
        self._take_back(node, refresh=True)

    def _take_back(self, node: DOMNode, refresh: bool) -> None:
        showing, self._showing = self._showing, None
        if showing is None:
            return
        # the last may not be up yet (presses read together: its Notify is still queued): expired, it never is
        showing.timeout = 0
        if showing in node.app._notifications:
            # Textual 8 has no public way to take back one notification (its own Toast calls this)
            node.app._unnotify(showing, refresh=refresh)


def taken(node: DOMNode, hold: PickHold, held: str | None = None) -> bool:
    """Whether a pick from a list is taken now (:class:`~tabletop.play.clock.PickHold`); if not, the room is
    told why nothing happened (for as short as the hold: the notice covers the list being read).

    ``held``: what to say when the hold refuses it (a question's words; else the list's)."""
    if hold.takes():
        return True
    if hold.awaiting:
        said = _("Not taken: your choice has been sent; the host is answering it.")
    elif hold.after_dialog and held is None:
        said = _("Not taken: a dialog has just closed over this list. Read it, then pick.")
    else:
        said = held or _("Not taken: the list has just changed. Read it, then pick.")
    # one notice however often the key is pressed: each in place of the last (four stacked ones hid the list)
    _HELD.setdefault(node.app, Refusals()).show(node, said, "information", title="", seconds=2)
    return False


class SecondPress:
    """A key that changes the game at once, with no list or question to hold it (+, one more minute; p, pause or
    resume): pressed again within the hold of its last press taken (:class:`~tabletop.play.clock.PickHold`), it is not
    taken, and the room is told so, as for a pick held (:func:`taken`). Found from outside: + + from a nervous
    facilitator, or a double click on "+1 min" in the key bar, gave the phase two minutes; the other keys that change
    the game held such a press."""

    def __init__(self) -> None:
        self._last: PickHold | None = None  # the hold the last press taken started

    def taken(self, node: DOMNode, hold: PickHold | None, held: str) -> bool:
        """Whether the press now is taken; ``hold``: the screen's (its clock and length; None or 0 takes every press);
        ``held``: what the room is told of a press not taken."""
        if self._last is not None and not taken(node, self._last, held):
            return False
        self._last = hold.fresh() if isinstance(hold, PickHold) else None
        return True


def typed_now(node: DOMNode, character: str | None) -> bool:
    """Whether ``character``, typed now into a field of the dialog ``node`` is on, is taken: not the key that opened
    the dialog pressed again within the hold of its opening (the dialog's ``opened_by`` and ``typing_hold``,
    :class:`~.modals._Dialog`), and the room is told, as for a pick held. Found from outside: "1 1" at a ruling
    picked "Success — with a reason", and the second 1, in the reason's field, was recorded as the facilitator's
    reason. Any other key typed into the dialog is taken, however soon (found in review: the hold took every letter
    typed within it, the first letters of a note typed soon after its key). A screen without a hold (the start
    screen) takes every key."""
    screen = node.screen
    hold = getattr(screen, "typing_hold", None)
    opened_by = getattr(screen, "opened_by", None)
    if not isinstance(hold, PickHold) or not opened_by or not character or not _same_key(character, opened_by):
        return True
    return taken(screen, hold, _(TYPING_HELD))


def _same_key(typed: str, opened_by: str) -> bool:
    """Whether ``typed`` is the key ``opened_by`` again, in either case and on a Cyrillic layout too (the app reads
    a Cyrillic letter outside a text field as the key it sits on; in the dialog's field it is typed as it is)."""
    from .language import latin_key

    if typed.lower() == opened_by.lower():
        return True
    latin = latin_key(typed) if len(typed) == 1 else None
    return latin is not None and latin.lower() == opened_by.lower()


def moved_on(node: DOMNode, sent: bool = False) -> None:
    """A question answered after the game moved on under it (its yes would act for a turn that has passed): nothing
    is done, and the room is told so quietly, as for a pick held (found from outside: a move's question answered
    twice read "Not allowed — It is Mediating states' turn, not European NATO members / EU's").

    ``sent``: a seat's choice the host refused ``STALE`` (the game had moved on when it arrived): no rule refused
    it, so it is not "Not allowed" either (found from outside: a team's yes read "Not allowed — The game has moved
    on since that choice was shown")."""
    said = (_("Not taken: the game moved on before your choice reached it. Read the list, then pick.") if sent
            else _("Not taken: the game moved on while the question was open. Read the list, then pick."))
    _HELD.setdefault(node.app, Refusals()).show(node, said, "information", title="", seconds=2)


def resume_title(damaged: bool) -> str:
    """The title of what a resume says (``Session.messages``), on the hot seat and the host's console: a damaged save
    recovered, or a whole one of an older format continued in a new file (found from outside: that one read "Save
    recovered", though nothing was damaged)."""
    return _("Save recovered") if damaged else _("Save continued in a new file")


def cut_off_words(actor: str, move: str | None, kept: bool = False, track: str = "") -> str:
    """A move's question closed unanswered because the phase timer passed its team (``on_time_up = "pass"``): the
    move was not made, and why; one wording for the hot seat and every seat (found from outside: a seat's question
    stayed up past the clock's pass, and its yes said only that the game moved on). Shown under the title TIME UP.
    ``move`` None: the question was a counter-argument, and the clock's pass made none.
    ``kept``: what the team had typed (an argument, a counter) is kept for its next try on ``track`` (its name, as the
    screen shows it), and the room is told so, naming the track (found from outside: a room that lost three minutes
    of careful wording to the clock; then "on this track", with the board back and no track in view)."""
    if move is None:
        said = _("Time was up before {actor} sent a counter-argument: no counter was made.").format(actor=actor)
        if kept:
            said += " " + _("What was typed is kept: it is back in the field when {actor} next counters on "
                            "{track}.").format(actor=actor, track=track)
        return said
    said = _("Time was up before {actor} confirmed: {move} was not made.").format(actor=actor, move=move)
    if kept:
        said += " " + _("What was typed is kept: it is back in the fields when {actor} next opens {move} on "
                        "{track}.").format(actor=actor, move=move, track=track)
    return said


#: the notice of a pick not taken, per app: a nervous hand's presses replace it, they do not stack it
_HELD: WeakKeyDictionary[App[object], Refusals] = WeakKeyDictionary()


class _QuitWarned:
    """The notice a first ctrl+q (or Escape) over typed text gave: over which dialog, for which key, when, and the
    notice to take back."""

    def __init__(self, screen: object, at: float, by: str = "quit") -> None:
        self.screen = screen
        self.at = at
        self.by = by
        self.notice = Refusals()


#: the quit warning each app shows now (at most one)
_QUIT_WARNED: WeakKeyDictionary[App[object], _QuitWarned] = WeakKeyDictionary()


#: what a first press over typed text says, by the key pressed; Escape's to a hand that clicked (tapped) outside the
#: dialog too, which is one Escape there (found from outside: a mouse was told to press Escape again)
_LOSES = {
    "quit": N_("The text typed in this dialog is not saved yet: finish it first, or press ctrl+q again to quit "
               "without it."),
    "escape": N_("The text typed in this dialog is not saved yet: finish it first, or press Escape or click outside it "
                 "again to close it without the text."),
}

#: what a second press over typed text says when it came within the pick hold of the first (a nervous double tap:
#: kept, so as not to lose the text), by the key pressed
_HELD_AGAIN = {
    "quit": N_("Not taken: ctrl+q came right after the first one. Press ctrl+q once more to quit without the text."),
    "escape": N_("Not taken: it came right after the first Escape or click outside. Press Escape or click outside "
                 "the dialog once more to close it without the text."),
}


#: the CSS class of a dialog's line, under its fields, that says what a first ctrl+q or Escape over typed text would
#: lose (hidden until then; shown with the class ``-shown``): a dialog without one has it said in a notice
TYPED_WARNING = "typed-warning"


def holds_typed_text(screen: Screen[object]) -> bool:
    """Whether a field of ``screen`` holds typed text: the text a first ctrl+q or Escape over it warns about."""
    # by type name (CSS), so that TextArea (the argument dialog's) is not imported for this
    # a field of class "choice" holds a pick, not typed text (the note dialog's event number, filled in for it)
    fields = screen.query("Input, TextArea").exclude(".choice")  # untranslated: CSS selectors
    return any((getattr(w, "value", None) or getattr(w, "text", "")).strip() for w in fields)


def typed_text_lost(app: App[object], by: str = "quit") -> bool:
    """True, with a notice, on the first ctrl+q over a dialog whose fields hold typed text; False to quit.

    Found from outside: a team's drafted argument vanished on ctrl+q, with no word (the save keeps only what was
    entered). A second ctrl+q over the same dialog quits, once the hand has had the time to read the notice (the
    app's ``pick_hold``, with its clock ``now``): ctrl+q pressed twice at once still lost the text, found from
    outside too. The notice goes with the dialog (the text sent, or given up), not eight seconds later.

    ``by="escape"``: the same for Escape, which closed a dialog with its typed text gone and no word (found from
    outside: a counter-argument half typed, lost to one Escape, while ctrl+q warned).

    The warning is said in the dialog's own :data:`TYPED_WARNING` line when it has one, under its fields, where the
    eye is: found from outside, a team read the dialog's keys, not the notice in the screen's corner, and took the
    dialog for closed (its next keys went into the field, and Enter sent the text it meant to give up).

    A second press within the hold is kept, and said so in the same place at once: found from outside, Escape twice
    0.3 s apart left the dialog open under the first warning, with no word that the second was not taken.
    """
    screen = app.screen
    if not isinstance(screen, ModalScreen) or not holds_typed_text(screen):
        return False
    now = getattr(app, "now", None) or wall_clock
    warned = _QUIT_WARNED.get(app)
    if warned is not None and warned.screen is screen and warned.by == by:
        if now() - warned.at >= float(getattr(app, "pick_hold", 0.0) or 0.0):
            return False
        _say(app, screen, warned, _(_HELD_AGAIN[by]))  # at once: not read yet, kept, and said so
        return True
    if warned is None:
        app.screen_change_signal.subscribe(app, lambda _screen: _forget_gone(app))
    else:
        warned.notice.clear(app)  # one notice at a time: the other key's gives way
    warned = _QUIT_WARNED[app] = _QuitWarned(screen, now(), by)
    _say(app, screen, warned, _(_LOSES[by]))
    return True


def _say(app: App[object], screen: Screen[object], warned: _QuitWarned, words: str) -> None:
    """``words`` in the dialog's :data:`TYPED_WARNING` line, in sight; in a notice if it has none."""
    line = next(iter(screen.query(f".{TYPED_WARNING}").results(Static)), None)
    if line is None:
        warned.notice.show(app, words, title="", seconds=8)
        return
    line.update(Text(words))
    line.add_class("-shown")
    line.call_after_refresh(line.scroll_visible, animate=False)  # once it takes its room: a dialog scrolled at 80x24


def typing_resumed(screen: Screen[object]) -> None:
    """Typing goes on in the dialog ``screen`` after a first ctrl+q or Escape warned its text would be lost: the
    warning is taken back (its line, or its notice), and the next such key warns again before anything is lost. Found
    from outside: "not saved yet: finish it first, or press Escape again" stayed under the fields while the team went
    on typing."""
    app = screen.app
    warned = _QUIT_WARNED.get(app)
    if warned is None or warned.screen is not screen:
        return
    warned.notice.clear(app)
    warned.screen = None
    for line in screen.query(f".{TYPED_WARNING}").results(Static):
        line.remove_class("-shown")


def _forget_gone(app: App[object]) -> None:
    """The quit warning's dialog has closed: its notice goes with it."""
    warned = _QUIT_WARNED.get(app)
    if warned is not None and warned.screen not in app.screen_stack:
        warned.notice.clear(app)
        warned.screen = None


__all__ = ["QUESTION_HELD", "REFUSAL_TITLE", "TYPED_WARNING", "Refusals", "holds_typed_text", "pause_held", "taken",
           "typed_text_lost", "typing_resumed"]
