"""Small modal screens: pick one of a list, type a line, a note on an event, confirm, help.

Modals stay small so the board remains visible behind them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ..engine.actions import TEXT_LIMIT, Action
from ..lang import Domain
from ..play.clock import PickHold
from .bars import dialog_clear_of_notices, notices_on_dialog_only
from .decisionlist import MarkedList, refill
from .language import key_hint, latin_key
from .notices import (QUESTION_HELD, TYPED_WARNING, holds_typed_text, taken, typed_now, typed_text_lost,
                      typing_resumed)
from .fields import FIELD_KEYS, LimitedField, NumberField
from .text import literal, reading_text
from .widgets import KeyLine, KeyScroll, key_line

_, ngettext, N_ = Domain("tui").words()

Answer = TypeVar("Answer")  # untranslated: names of the module's API


class _Dialog(ModalScreen[Answer]):
    """A modal that answers once.

    A second Enter pressed before the first answer has closed the dialog
    would dismiss again: Textual pops whatever screen is on top (the board),
    or fails with ``ScreenStackError: Can't pop screen``, and the answer (a
    note, an injected card) would be acted on twice. The first answer wins.
    """

    # F1 over any dialog, as the help says ("Anywhere: F1"): Textual cuts the app's bindings at a modal screen; the
    # help closes back to the dialog (the help's own F1 closes it)
    BINDINGS = [Binding("f1", "app.help", show=False, id="dialog.help")]
    #: the line under a field that warns of typed text not yet kept (:data:`~.notices.TYPED_WARNING`), in every dialog
    #: that has one
    DEFAULT_CSS = """
    _Dialog .typed-warning { color: $warning; text-style: bold; height: auto; display: none; }
    _Dialog .typed-warning.-shown { display: block; }
    """

    #: the actions whose keys here open the next dialog (a list's ``select``, a question's ``yes``): the keys typed
    #: after one go to that dialog (:class:`~.keys.DialogKeys`)
    dialog_actions: frozenset[str] = frozenset()
    _answered = False
    #: a hold started as the dialog came up over a screen that holds its picks (the board's, a seat's): a character
    #: typed into the dialog's field within it is not taken (:func:`~.notices.typed_now`): the key that opened the
    #: dialog, pressed twice, or any other
    typing_hold: PickHold | None = None
    #: the character of the key that opened the dialog (None: one with none, as Enter): pressed again within the hold
    opened_by: str | None = None
    #: the team's move its yes would make (a move's question, an argument): the phase timer closes it, unanswered,
    #: when it passes the team (:meth:`~.timekeeper.Timekeeper.pass_if_out_of_time`)
    commits: Action | None = None

    def _on_mount(self) -> None:
        # (Textual calls each class's own handler: a dialog's on_mount runs too)
        under = next((s for s in reversed(self.app.screen_stack) if not isinstance(s, ModalScreen)), None)
        hold = getattr(under, "pick_hold", None)
        if isinstance(hold, PickHold):
            self.typing_hold = hold.fresh()
            self.opened_by = getattr(self.app, "last_key", None)
        self.screen_layout_refresh_signal.subscribe(self, self._clear_of_notices)

    def _on_screen_resume(self) -> None:
        notices_on_dialog_only(self)  # (Textual's own handler shows the app's notices on this dialog)

    def _clear_of_notices(self, _screen: object) -> None:
        # the dialog's box: what it composed (Textual's notices and tooltip are the screen's other children)
        box = next((w for w in self.children if w.id not in ("textual-toastrack", "textual-tooltip")), None)
        if box is not None and dialog_clear_of_notices(self, box):
            self.call_after_refresh(self.refit)

    def refit(self) -> None:
        """Fit to the dialog's room again what fits itself to it (a list, a text that scrolls): the notices took
        rows of it, or gave them back (:func:`~.bars.dialog_clear_of_notices`)."""

    def keep_typed(self) -> bool:
        """The phase timer closes this dialog (:attr:`commits`): keep what was typed in it for the team's next try, and
        say whether anything was (an argument's dialog keeps its fields: :class:`~.argument.ArgumentScreen`)."""
        return False

    def answer(self, value: Answer) -> None:
        """Dismiss with ``value``, unless this dialog has answered already."""
        if self._answered:
            return
        self._answered = True
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Escape: closed with no answer; over typed text, the first Escape only says it would be lost, and a second
        closes it (:func:`~.notices.typed_text_lost`), in every dialog that has a field (found from outside: a
        half-typed counter-argument, and an override's reason, were lost to one Escape without a word)."""
        if typed_text_lost(self.app, by="escape"):  # said once; a second Escape closes it
            return
        self.answer(None)

    async def on_click(self, event: events.Click) -> None:
        """A click on the dimmed screen around the dialog, not on the dialog: one Escape press, whatever Escape does
        here (closes, cancels, answers no; over typed text the first says it would be lost). Found from outside: on
        a phone (``tabletop serve``) there is no Escape key, and a tap outside the counter, the argument or the help
        did nothing: none of them could be left."""
        if event.widget is not self or self._answered:
            return
        event.stop()
        bound = self.active_bindings.get("escape")  # untranslated: a key's name
        if bound is not None and bound.enabled:
            await self.app.run_action(bound.binding.action, bound.node)


#: the most entries a pick list shows at once (PickScreen's style)
_PICK_ROWS = 20
#: a pick list's keys, under it, as every dialog says its own (found from outside: the override's first dialog and
#: the inject list said none); parted as :func:`~.widgets.key_line` parts them: Enter's words, Escape's
LIST_KEYS = N_("\u2191/\u2193 and Enter: pick \u00b7 Escape: cancel")
#: the keys of a list only read, not picked from (the join codes): Enter closes it as Escape does
READ_KEYS = N_("Enter or Escape: close")


class PickScreen(_Dialog[int | None]):
    """Choose one of several options; dismisses with its index, or None on escape.

    Typing narrows a long list, or any list made with ``search`` (the inject list, whose search F1 promises
    whatever the deck's length): letters filter, backspace takes the last one back. A short list without it
    picks by its digits and leaves letters to the keys.
    """

    DEFAULT_CSS = """
    PickScreen { align: center middle; background: $background 40%; }
    PickScreen > Vertical { width: 76; max-width: 95%; height: auto; max-height: 80%;
        border: thick $accent; background: $surface; padding: 0 1; }
    PickScreen #pick-title { text-style: bold; padding: 0 0 1 0; }
    PickScreen #pick-filter { color: $text-muted; height: auto; }
    PickScreen OptionList { height: auto; max-height: 20; }
    PickScreen #pick-keys { height: auto; }
    """  # the list's 20 rows: _PICK_ROWS
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="modal.cancel")]

    def __init__(self, title: str | Text, options: Sequence[str | Text], help_text: str | Text = "",
                 search: bool = False, read_only: bool = False):
        """``read_only``: a list to read (the join codes), whose Enter closes it as Escape does: its keys say so."""
        super().__init__()
        self._title = title
        self._read_only = read_only
        self._options = [o if isinstance(o, Text) else Text(o) for o in options]
        self._help = help_text
        self.query_text = ""
        #: a long list narrows as one types: its letters are text, not the keys they sit on (LatinKeys). Found from
        #: outside: a deck of 8 cards took no search, the word typed was refused and Enter injected the top card
        self.takes_text = search or len(self._options) > 8

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(as_text(self._title), id="pick-title")
            if self.takes_text:
                yield Static(Text(_("Type to narrow the list.")), id="pick-filter")
            yield MarkedList(*self._matching(), id="pick-list")
            if self._help:
                yield Static(self._help if isinstance(self._help, Text) else Text(self._help, style="dim"))
            keys = (key_line(_(READ_KEYS), ("escape",)) if self._read_only  # untranslated: a key's name
                    else key_line(_(LIST_KEYS), ("enter", "escape")))  # untranslated: key names
            yield KeyLine(keys, id="pick-keys")

    def _matching(self) -> list[Option]:
        words = self.query_text.lower().split()
        return [
            Option(label, id=str(i))
            for i, label in enumerate(self._options)
            if all(w in label.plain.lower() for w in words)
        ]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_list)

    def refit(self) -> None:
        self._fit_list()

    def _fit_list(self) -> None:
        """The list no taller than the dialog has room for under its title (20 entries at most, as its style says):
        found from outside, the inject list at 80x24 ran past the dialog's foot, its last entries and its frame cut,
        and the entry the arrows had reached out of sight."""
        dialog = self.query_one("PickScreen > Vertical")  # untranslated: CSS
        listing = self.query_one(OptionList)
        most = dialog.styles.max_height
        height = int(most.resolve(self.size, self.size)) if most is not None else self.size.height
        others = sum(w.outer_size.height for w in dialog.children if w is not listing)
        room = max(3, min(_PICK_ROWS, height - dialog.styles.gutter.height - others))
        if listing.styles.max_height is None or listing.styles.max_height.cells != room:
            listing.styles.max_height = room

    def on_key(self, event: events.Key) -> None:
        if not self.takes_text:
            return
        if event.key == "backspace":
            self.query_text = self.query_text[:-1]
        elif event.character and event.character.isprintable() and event.key not in ("up", "down", "enter"):
            if typed_now(self, event.character):  # not the key that opened the list, pressed twice
                self.query_text += event.character
        else:
            return
        event.stop()
        event.prevent_default()
        self._narrow()

    def on_paste(self, event: events.Paste) -> None:
        """A paste narrows the list as the same words typed do (found from outside: a card's name pasted into the
        search was dropped without a word). On one line, as the fields keep a paste, and shown literally: a control
        character as its visible symbol (:func:`~.text.literal`), a soft hyphen dropped, as :class:`~.fields.LiteralInput`
        does."""
        if not self.takes_text:
            return
        event.stop()
        event.prevent_default()
        pasted = " ".join(event.text.replace("\u00ad", "").splitlines())
        if pasted:
            self.query_text += literal(pasted, lines=False)
            self._narrow()

    def _narrow(self) -> None:
        """The list of the options that hold every word of :attr:`query_text`, and the search line that says it."""
        listing = self.query_one(OptionList)
        refill(listing, self._matching())
        if listing.option_count:
            listing.highlighted = 0
        shown = _("Search: {typed}").format(typed=self.query_text) if self.query_text else _("Type to narrow the list.")
        if self.query_text and not listing.option_count:
            shown += "  " + _("(nothing matches; Backspace erases a letter)")
        self.query_one("#pick-filter", Static).update(Text(shown))
        self.call_after_refresh(self._fit_list)  # the filter's line may take another row

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.answer(None)


class Heading(KeyScroll):
    """A dialog's heading over its fields: as tall as its text while the screen has room for it and the fields under
    it, else it scrolls (↑/↓, PgUp/PgDn, the wheel) and Tab reaches it, only then. Found from outside: a note on an
    event with a long heading (a long ruling) at 80x24 put the note's field and its keys below the screen's foot."""

    DEFAULT_CSS = """
    Heading { height: auto; max-height: 100%; scrollbar-size-vertical: 1; }
    """
    FOCUS_WHEN_CUT = True


class AskScreen(_Dialog[str | None]):
    """Type one line (a reason, a note, a value); dismisses with it, or None on escape."""

    DEFAULT_CSS = """
    AskScreen { align: center middle; background: $background 40%; }
    AskScreen > Vertical { width: 76; max-width: 95%; height: auto; border: thick $accent;
        background: $surface; padding: 0 1; }
    AskScreen #ask-title { text-style: bold; padding: 0 0 1 0; }
    AskScreen #ask-error { color: $error; height: auto; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="modal.cancel")]

    def __init__(
        self,
        title: str | Text,
        placeholder: str = "",
        value: str = "",
        check: Callable[[str], str | None] | None = None,
        required: bool = True,
    ):
        super().__init__()
        self._title = title
        self._placeholder = placeholder
        self._value = value
        self._check = check
        self._required = required

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(as_text(self._title), id="ask-title")
            # its keys acted on in the order typed (:class:`InOrder`): found from outside, a ruling's reason typed as
            # "1" twenty times, 25 Backspaces and "test ruling" in one burst was recorded "test rulin": Textual's
            # Input acts on Backspace only once the key has come back up to the app, after the letters behind it
            yield LimitedField(value=self._value, placeholder=self._placeholder, max_length=TEXT_LIMIT,
                                 id="ask-input")
            yield from self.foot()

    def foot(self) -> ComposeResult:
        """Under the field: what is wrong, what a first Escape over typed text would lose, the keys."""
        yield Static("", id="ask-error")
        yield Static("", id="ask-unsaved", classes=TYPED_WARNING)
        yield KeyLine(self._keys(bool(self._value.strip())), id="ask-keys")

    @staticmethod
    def _keys(typed: bool) -> Text:
        """The dialog's keys; Escape's as many times as it takes now (``typed``: the field holds typed text, and the
        first Escape only warns it would be lost: found from outside, a team took one Escape, as the keys said, for
        the dialog closed)."""
        said = (_("Enter to confirm \u00b7 Escape twice to cancel") if typed
                else _("Enter to confirm \u00b7 Escape to cancel"))
        return key_line(said, ("enter", "escape"))  # untranslated: key names

    def on_mount(self) -> None:
        self.query_one("#ask-input", Input).focus()

    @on(Input.Changed, "#ask-input")
    def _typed(self) -> None:
        self.query_one("#ask-keys", KeyLine).update(self._keys(holds_typed_text(self)))
        typing_resumed(self)  # a warning of an Escape over the text no longer holds: the next one warns again

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = self.query_one("#ask-input", Input).value.strip()
        problem = self.problem(value)
        if problem:
            self.query_one("#ask-error", Static).update(Text(problem))
            return
        self.answer(value)

    def problem(self, value: str) -> str | None:
        """Why ``value`` (stripped) is not taken, or None: it is."""
        if self._required and not value:
            return _("Please type something (it goes into the record).")
        return self._check(value) if self._check is not None else None


def ruling_reason(success: bool, typed: str = "") -> AskScreen:
    """The facilitator's reason for a ruling, asked under the ruling it records: the hot seat's question and the
    hosted console's (found from outside: the console asked only for "the reason for this ruling", and the list
    that said which one was under the dialog). ``typed``: the reason already typed (one the save refused)."""
    title = (_("Ruling: SUCCESS. Why? (the room and the record see this)") if success
             else _("Ruling: FAILURE. Why? (the room and the record see this)"))
    return AskScreen(title, _("the reason"), value=typed)


#: the keys of the note's event field, said beside it
EVENT_KEYS = N_("\u2191/\u2193 an earlier or a later event \u00b7 Tab: type its number")


class EventNumber(NumberField):
    """The note's event field: an event's number, digits only. A key it does not take is refused in words, beside it,
    not only with the terminal's bell, which a room seldom hears (found from outside: letters typed in it were dropped
    without a word)."""

    class Refused(Message):
        """A key the field did not take: not a digit, or a number longer than any event's."""

    def restricted(self) -> None:
        super().restricted()
        self.post_message(self.Refused())


class NoteScreen(AskScreen):
    """A note and the event it is on: the latest by default; up and down step to an earlier or a later one, or its
    number is typed in the event's field (Tab). Dismisses with the note's text, or None; :attr:`about` is the event.

    ``steps``: the events up and down step through, newest first; ``heading``: the dialog's title for an event, in
    the words the screen names it with; ``refusal``: the engine's reason a note may not go on an event, or None.
    Found from outside: after an override at event 21, a note about the rejected vote at event 19 had to go on 21."""

    DEFAULT_CSS = """
    NoteScreen > Vertical { max-height: 100%; }
    NoteScreen #note-fields { dock: bottom; height: auto; }
    NoteScreen #note-event-row { height: auto; }
    NoteScreen #note-event-label { width: auto; padding: 1 1 0 0; }
    NoteScreen #note-event { width: 12; }
    NoteScreen #note-event-keys { width: 1fr; color: $text-muted; padding: 1 0 0 1; }
    NoteScreen #note-event-keys.-refused { color: $error; }
    """
    BINDINGS = [
        Binding("up", "step(1)", N_("Earlier event"), id="note.earlier"),
        Binding("down", "step(-1)", N_("Later event"), id="note.later"),
        *FIELD_KEYS,  # the event's number and the note typed in one burst each land in their own field
    ]

    def __init__(self, steps: Sequence[int], heading: Callable[[int], str | Text], refusal: Callable[[int], str | None],
                 placeholder: str = "", value: str = "", about: int | None = None):
        self.steps = list(steps)
        #: the event the note is on; None while the field holds no number
        self.about: int | None = about if about is not None else self.steps[0]
        self._heading = heading
        self._refusal = refusal
        super().__init__(heading(self.about), placeholder, value)

    def compose(self) -> ComposeResult:
        with Vertical():
            with Heading(id="note-heading"):  # a long heading scrolls: the fields stay on screen under it
                yield Static(as_text(self._title), id="ask-title")
            with Vertical(id="note-fields"):
                with Horizontal(id="note-event-row"):
                    yield Static(Text(_("Event")), id="note-event-label")
                    yield EventNumber(value=str(self.about), type="integer", max_length=9, id="note-event",
                                      classes="choice")
                    yield Static(Text(_(EVENT_KEYS)), id="note-event-keys")
                yield LimitedField(value=self._value, placeholder=self._placeholder, max_length=TEXT_LIMIT,
                                     id="ask-input")
                yield from self.foot()

    def action_step(self, back: int) -> None:
        """The event before (``back`` 1) or after (-1) the one chosen, among :attr:`steps`; none beyond either end."""
        field = self.query_one("#note-event", Input)
        if self.about is None:  # the field emptied: back to the latest
            field.value = str(self.steps[0])
            return
        beyond = [s for s in self.steps if (s < self.about if back > 0 else s > self.about)]
        if beyond:
            # the event is kept at once, not when the field's change comes back (found from outside: thirty ups in a
            # burst each stepped from the same event, and the dialog moved one)
            self.about = max(beyond) if back > 0 else min(beyond)
            field.value = str(self.about)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "note-event":
            return
        event.stop()
        try:
            about: int | None = int(event.value)
        except ValueError:  # nothing typed yet, or a lone minus sign
            about = None
        self.about = about
        keys = self.query_one("#note-event-keys", Static)
        if keys.has_class("-refused"):  # a key taken: the keys' words again
            keys.remove_class("-refused")
            keys.update(Text(_(EVENT_KEYS)))
        problem = self._refusal(about) if about is not None else None
        self.query_one("#ask-error", Static).update(Text(problem or ""))
        if about is not None and problem is None:
            self.query_one("#ask-title", Static).update(as_text(self._heading(about)))

    def on_event_number_refused(self, event: EventNumber.Refused) -> None:
        # beside the field, in the keys' place: under the fields it went below the screen's foot when the event's
        # heading was long (a long reason at 80x24)
        event.stop()
        said = _("The Event field takes only a number: type the event's number, or step to it with \u2191/\u2193.")
        keys = self.query_one("#note-event-keys", Static)
        keys.update(Text(said))
        keys.add_class("-refused")

    def problem(self, value: str) -> str | None:
        if self.about is None:
            return _("Type the number of the event the note is on.")
        return self._refusal(self.about) or super().problem(value)


class UndoScreen(AskScreen):
    """The undo's question, what comes after it, and a reason for the record, which may stay empty: Enter undoes
    (with the field empty, at once, as a nervous facilitator's ``u`` Enter always did), Escape cancels, twice over a
    reason typed. Dismisses with the reason (``""``: none given), or None. Found from outside (uk): the undo asked
    only yes or no, and the report's decision log gave each undo the made-up reason "undone by the facilitator"."""

    DEFAULT_CSS = """
    UndoScreen > Vertical { max-height: 100%; }
    UndoScreen #undo-fields { dock: bottom; height: auto; padding: 1 0 0 0; }
    """

    def __init__(self, question: str | Text, details: str | Text = ""):
        super().__init__(question, _("why (optional; it goes into the record)"), required=False)
        self._details = details

    def compose(self) -> ComposeResult:
        with Vertical():
            # a long question (an undo of a long ruling) scrolls: the field and its keys stay on screen under it
            with Heading(id="undo-heading"):
                yield from heading_lines(self._title, self._details, "ask-title")
            with Vertical(id="undo-fields"):
                yield LimitedField(value=self._value, placeholder=self._placeholder, max_length=TEXT_LIMIT,
                                     id="ask-input")
                yield from self.foot()


def heading_lines(title: str | Text, details: str | Text, title_id: str) -> ComposeResult:
    """A question's title and, if any, its details, each shown as given (a text is never read as markup)."""
    yield Static(as_text(title), id=title_id)
    if details:
        yield Static(as_text(details))


def as_text(said: str | Text) -> Text:
    """A dialog's words as a Text: a string as it is, never read as markup."""
    return said if isinstance(said, Text) else Text(said)


class ConfirmScreen(_Dialog[bool]):
    """Yes or no, with the details of what is about to happen."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; background: $background 40%; }
    ConfirmScreen > Vertical { width: 76; max-width: 95%; height: auto; max-height: 100%; border: thick $accent;
        background: $surface; padding: 0 1; }
    ConfirmScreen #confirm-title { text-style: bold; }
    ConfirmScreen #confirm-keys { dock: bottom; }
    """
    BINDINGS = [
        Binding("enter", "yes", N_("Confirm"), id="modal.confirm"),
        Binding("y", "yes", N_("Confirm"), show=False, id="modal.confirm-y"),
        Binding("escape,n", "no", N_("Cancel"), id="modal.cancel"),
    ]

    def __init__(self, title: str | Text, details: str | Text = "", hold: PickHold | None = None,
                 weighty: bool = False):
        """``hold``: a confirmation the same key opened is not given by its next press at once (a double Enter).
        ``weighty``: a question whose yes cannot be taken back in front of the room (secrets on the projector, the
        game's end): a Cyrillic «н» does not answer it, only Enter or a Latin y. Found from outside: Ukrainian typed
        with no text field open showed the secrets («і», the key of s, then «н», the key of y)."""
        super().__init__()
        self._title = title
        self._details = details
        self._hold = hold
        self.weighty = weighty
        #: the Latin keys a Cyrillic letter is not taken as here (:class:`~tabletop.tui.language.LatinKeys`)
        self.latin_only = frozenset({"y"}) if weighty else frozenset()

    def compose(self) -> ComposeResult:
        with Vertical():
            # a long question (an undo of a long ruling) scrolls: its keys stay on screen under it
            with Heading(id="confirm-heading"):
                yield from heading_lines(self._title, self._details, "confirm-title")
            # the letters that answer, as the room types them: a Cyrillic «н» never answers a weighty question
            said = _("Enter or {yes}: confirm \u00b7 Escape or {no}: cancel").format(
                yes="y" if self.weighty else key_hint("y"), no=key_hint("n"))
            yield KeyLine(key_line(said, ("enter", "escape")), id="confirm-keys")  # untranslated: key names

    def on_key(self, event: events.Key) -> None:
        if self.weighty and event.character and latin_key(event.character) in ("y", "Y"):
            event.stop()
            said = _("A typed letter does not answer this question: press Enter to confirm, Escape to cancel.")
            self.notify(said, severity="warning", timeout=4, markup=False)
        elif event.character and len(event.character) == 1 and event.character.isalpha() \
                and event.character.lower() not in ("y", "n"):
            # a letter that answers nothing: someone is typing, not answering (found from outside: «гарантии» typed
            # on a Russian layout was u, the undo's question, then f h f, then the н of y, its yes)
            event.stop()
            self.answer(False)
            said = _("Typed letters do not answer a question: it was put away and nothing was done.")
            self.app.notify(said, severity="warning", timeout=5, markup=False)

    def action_yes(self) -> None:
        """Yes; an Enter or a y as the question comes up (within ``hold`` of it) is not: it says so. Found from
        outside: `4` then `y` typed into a frozen screen came in at once when it went on, and the y sealed a move
        nobody had seen asked; a double press of the list's key is an Enter the same way."""
        if self._hold is None or taken(self, self._hold, _(QUESTION_HELD)):
            self.answer(True)

    def action_no(self) -> None:
        self.answer(False)


HELP = N_("""\
tabletop \u2014 keys                              (\u2191/\u2193 scroll \u00b7 escape closes)
Playing (the focused list on the right shows what the game waits for)
  \u2191/\u2193, 0-9  choose    enter  confirm    escape  back to the tracks
  & \u00e9 " ' ( - \u00e8 _ \u00e7 \u00e0  the same as 1-0 (AZERTY, without Shift)
  tab  to the card, prompt or rulings when cut short: \u2191/\u2193 scroll it

Facilitator
  p  pause / resume (stops the timer and the bots)
  +  add a minute to the phase timer
  i  inject a card now (type to search the deck)
  k  skip the card                 r  redraw the card
  o  override a track or meter (with a reason); a team at the keyboard: its objectives
  u  undo the last action (it stays in the record)
  n  a note on the last event or an earlier one (notes feed the debrief)
  l  the last ruling, whole: every reason, counter, the odds and the roll
  e  end the game early
  f  show / hide the facilitator panel
  s  show control notes and secret objectives to the room (asks first)

Anywhere
  F1, ?   this help               ctrl+p  command palette (every action)
  F2      switch theme (high contrast for projectors)
  F4      language: English, Русский, Українська (every word on screen)
  ctrl+s  save an SVG screenshot into the save folder
  ctrl+q  quit \u2014 every action is already saved; to continue later:
          {resume}
""")


#: a help line's lead: its indent, its key and the gap after it (``"  p  "``), under which its words wrap
_LEAD = re.compile(r"( +\S.*?  +)\S")
#: the spaces that line a help's columns up, given up on a line too wide for the dialog
_PADDING = re.compile(r" {3,}")


class KeyLines:
    """A help's lines, each wrapped under its own words (a hanging indent) when the dialog is narrower than it.

    Found from outside: at 80 columns a seat's "p  pause / resume (stops the timer and the bots; an undo, a note or
    an override is taken paused)" went on at the dialog's left edge, under the keys, where the next key is read."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def __str__(self) -> str:
        return "\n".join(self.lines)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((Text(line).cell_len for line in self.lines), default=0)
        return Measurement(min(widest, 20), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        width = max(options.max_width, 1)
        for line in self.lines:
            yield from _hanging(console, line, width)


def _hanging(console: Console, line: str, width: int) -> Iterator[Text]:
    """``line`` wrapped to ``width``: its first row as it is, the rest under its words."""
    text = Text(line, no_wrap=True, end="\n")
    if text.cell_len > width:  # the columns' padding goes first: "i  inject a card  x  end the game" fits
        # but not the first column's, where it leaves the words room: the rows of a table go on lining their words up
        # (found from outside: at 80x24 F1's "⚠  a track a step from its breakdown", short enough to keep its padding,
        # stood out of line with the rows around it, which had given theirs up)
        lead = _LEAD.match(line)
        kept = lead.group(1) if lead and Text(lead.group(1)).cell_len <= width // 2 else ""
        bare = line[len(kept):].lstrip(" ")
        line = line[:len(line) - len(bare)] + _PADDING.sub("  ", bare)
        text = Text(line, no_wrap=True, end="\n")
    if text.cell_len <= width:
        yield text
        return
    lead = _LEAD.match(line)
    indent = Text(lead.group(1)).cell_len if lead else len(line) - len(line.lstrip(" "))
    if indent > width // 2:  # a key as wide as half the dialog: its words wrap under the line's indent
        indent = len(line) - len(line.lstrip(" "))
    if width < indent + 2:  # a dialog too narrow for any indent (found in review): cut, as Rich would fold it
        indent = 0
    first = Text(line).wrap(console, width)[0].plain.rstrip()
    yield Text(first, no_wrap=True, end="\n")
    rest = Text(line[len(first):].strip())
    for row in rest.wrap(console, max(width - indent, 1)):
        yield Text(" " * indent + row.plain.rstrip(), no_wrap=True, end="\n")


class ConfirmOrQuit(ConfirmScreen):
    """A question whose words offer ctrl+q as the way out that quits only this screen (the host's console's "Stop
    the host?"): ctrl+q is heard while it is up. Found from outside: the app's ctrl+q is not a priority binding,
    so a question up over it kept it from the app, and ctrl+q did nothing until Escape had put the question away."""

    BINDINGS = [Binding("ctrl+q", "app.quit", N_("Quit"), show=False, id="modal.quit")]


class HelpScreen(_Dialog[None]):
    """The keys. The text scrolls inside the dialog when the screen is too short for it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "close", N_("Close"), id="help.close"),
    ]
    #: it explains what is under it: the phase timer, closing a question under it, closes it too (read by name by the
    #: board's timekeeper, which loads no dialogs)
    explains_under = True

    def __init__(self, keys: str = HELP, about: Callable[[], Text | None] | None = None,
                 reading: Sequence[str] | None = None) -> None:
        """``keys``: the help's message (the hot seat's :data:`HELP`, or a seat's). ``about``: what the entry
        highlighted under the help and the team deciding stand for, in the language spoken (:func:`.text.about_text`),
        shown above the keys; None or nothing to say: only the keys. ``reading``: how the board under it reads (its
        messages, :data:`.text.BOARD_READING`), under the keys."""
        super().__init__()
        self._keys = keys
        self._about = about
        self._reading = reading

    def compose(self) -> ComposeResult:
        with Vertical(id="help"):
            with KeyScroll():
                yield from self.lines()
            # under the text, in sight however far it scrolls: found from outside, at 80x24 the help filled the screen,
            # and a mouse had no outside to click to close it
            yield KeyLine(self._close_keys(), id="help-keys")

    def lines(self) -> ComposeResult:
        """What the help says, in the column that scrolls."""
        yield Static(id="help-about")
        yield Static(self._text(), id="help-text")

    @staticmethod
    def _close_keys() -> Text:
        return key_line(_("Escape: close"), ("escape",))  # untranslated: a key's name

    def _text(self) -> KeyLines:
        session = getattr(self.app, "session", None)
        path = session.save_path if session is not None else None
        # the quit line's command, as the quit message gives it: in the room's language (found from outside: no --lang)
        from ..store.heads import resume_command  # the help is read later than the first board

        keys = _(self._keys).replace("{resume}", resume_command(path))
        return KeyLines(keys + "\n" + reading_text(self._reading) if self._reading else keys)

    def _show_about(self) -> None:
        about = self._about() if self._about is not None else None
        for panel in self.query("#help-about").results(Static):  # a help of its own (the replay's) has none
            panel.update(about or "")
            panel.display = bool(about)

    def relabel(self) -> None:
        """The keys again, in the language now spoken."""
        self._show_about()
        self.query_one("#help-text", Static).update(self._text())
        self.relabel_keys()

    def relabel_keys(self) -> None:
        """The help's own keys again, in the language now spoken."""
        self.query_one("#help-keys", KeyLine).update(self._close_keys())

    def on_mount(self) -> None:
        self._show_about()
        self.query_one(KeyScroll).focus()  # up and down scroll the text

    def action_close(self) -> None:
        self.answer(None)
