"""Entering a matrix argument: the action, the result wanted, the reasons; or a counter-argument.

One dialog for both, fed plain data (:class:`ArgumentForm`) and answering a
plain record (:class:`Entered`), or None when Escape cancels: nothing is sent
then. Each field shows how much of its limit is used and refuses a character
past it; whatever is typed or pasted is kept on one line and shown literally
(a control character as its visible symbol, never as markup or an escape
sequence), wrapped over as many screen lines as it needs, so a team reads what
it sends. The dialog scrolls inside the screen, so it works at 80x24.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, MutableMapping
from typing import Any, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.widgets import Button, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.text_area import EditResult, Location

from ..lang import Domain
from .modals import _Dialog
from .notices import TYPED_WARNING, holds_typed_text, typed_now, typing_resumed
from .text import literal
from .fields import FIELD_KEYS, OwnKeys, StartInSight, keys_taken
from .widgets import KeyLine, key_line

_, ngettext, N_ = Domain("tui").words()


class ArgumentForm(NamedTuple):
    """What the dialog asks for.

    ``results``: the wanted results the engine allows, as words (empty: a
    counter-argument, one text and no result); ``about``: what a counter
    answers (the argument, shown above the field); ``examples``: the deck's
    stock texts, the action's (or the counter's) then each reason's, shown in
    the empty fields as prompts for a team that is stuck (F3 takes one).
    """

    title: str
    results: tuple[str, ...] = ()
    action_limit: int = 160
    reason_limit: int = 160
    reasons: int = 3
    min_reasons: int = 0
    about: Text | None = None
    examples: tuple[str, ...] = ()

    def example(self, index: int) -> str:
        """The stock text for field ``index`` (0: the action or counter, 1..: the reasons), or ``""``."""
        return one_line_literal(self.examples[index]) if index < len(self.examples) else ""

    @property
    def counter(self) -> bool:
        return not self.results


class Entered(NamedTuple):
    """What the team entered: the action (or the counter's text), the result's index, the reasons."""

    action: str
    result: int | None = None
    reasons: tuple[str, ...] = ()


def draft_key(action: Any, answers: int | None = None) -> Hashable:
    """Which argument a kept draft is for: the team's, on its track, with its move, or its counter on that track (an
    engine ``Action``: the move's, or the counter's) to the argument it answers (``answers``: that queued argument's
    event seq, which the hot seat and a seat both know). A counter kept for one argument never comes back on a later
    one on the same track (found in review, helper-354: it did, answering something else)."""
    return (action.actor, action.track, action.move or action.kind, answers)


def keep_draft(drafts: MutableMapping[Hashable, Any], key: Hashable, entered: Entered, results: tuple[str, ...]) -> bool:
    """Keep ``entered``, typed in an argument the phase timer closed, for the team's next argument there (``key``:
    :func:`draft_key`); the result by its words, as the results offered may differ then. Only on this screen: nothing
    of it is saved until it is sent. Whether there was anything typed to keep."""
    if not entered.action and not entered.reasons:
        return False
    wanted = results[entered.result] if entered.result is not None and entered.result < len(results) else None
    drafts[key] = (entered, wanted)
    return True


def take_draft(drafts: MutableMapping[Hashable, Any], key: Hashable, results: tuple[str, ...]) -> Entered | None:
    """The draft kept for ``key`` (:func:`keep_draft`), taken for the dialog opening now, its result found again among
    ``results`` (none chosen if it is no longer offered); None if none is kept."""
    kept = drafts.pop(key, None)
    if kept is None:
        return None
    entered, wanted = kept
    return entered._replace(result=results.index(wanted) if wanted in results else None)


def one_line_literal(value: str) -> str:
    """Typed or pasted text as it is kept: one line, every character visible (no controls, no bidi)."""
    return literal(value, lines=False)


class LineField(OwnKeys, StartInSight, TextArea):
    """A one-line text, wrapped on screen: a reason of 200 characters is read whole before it is sent.

    Enter does not break the line: it says :class:`Submitted` (the dialog goes to the next field), and Tab
    moves on, as in a one-line input. A character past ``max_length`` is refused, typed or pasted, and said so
    (:class:`Refused`: found from outside, keys typed into a full field were dropped without a word). Its keys are
    taken in order (:class:`~.fields.OwnKeys`): a burst lands in the fields it was typed for. Taller than its room
    (500 characters at 80x24), it shows its first lines while the focus is elsewhere (:class:`~.fields.StartInSight`).
    """

    OWN_KEYS = BindingsMap(TextArea.BINDINGS)

    class Submitted(Message):
        """Enter was pressed in ``field``."""

        def __init__(self, field: LineField):
            super().__init__()
            self.field = field

    class Refused(Message):
        """Text typed or pasted in ``field`` past its ``max_length`` was not taken (after what was, if any)."""

        def __init__(self, field: LineField):
            super().__init__()
            self.field = field

    def __init__(self, *, placeholder: str, max_length: int, id: str):  # noqa: A002 - Textual's own name
        # as Content, never a str: Textual reads a str placeholder as markup (found from outside: a deck's example
        # "… laid down arms [before March]" read "… laid down arms", and a stray "[/]" stopped the dialog)
        super().__init__(soft_wrap=True, tab_behavior="focus", compact=True, highlight_cursor_line=False,
                         placeholder=Content(placeholder), id=id)
        self.max_length = max_length
        self._whole_placeholder = placeholder

    def on_resize(self) -> None:
        """The placeholder (an example, on one line) cut to the field's width with "…": found from outside, it
        stopped mid-phrase ("наприклад: Внести проєкт гарантій безпеки для України разом з")."""
        self.placeholder = Content(fitted(self._whole_placeholder, self.content_size.width))

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)
        self.move_cursor(self.document.end)

    async def _on_key(self, event: Key) -> None:
        if event.key == "enter" or (event.is_printable and not typed_now(self, event.character)):  # held: typed as the dialog opened
            event.stop()
            event.prevent_default()
            if event.key == "enter":
                self.post_message(self.Submitted(self))
            return
        await super()._on_key(event)

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        kept = len(self.text) - len(self.get_text_range(*sorted((start, end))))
        room = max(0, self.max_length - kept)
        cut = len(insert) > room
        insert = insert[:room]
        # full: the character is refused, as an input's limit does
        done = None if not insert and start == end else super()._replace_via_keyboard(insert, start, end)
        if cut:  # after the change the part taken made: the limit line says the rest was not taken
            self.post_message(self.Refused(self))
        return done


class ResultList(OwnKeys, OptionList):
    """The results an argument may ask for; its keys taken in order (:class:`~.fields.OwnKeys`): a ↓ in a burst moves
    this list, not the reason focused by the time the key came back up to the app."""

    OWN_KEYS = BindingsMap(OptionList.BINDINGS)


class Done(Button):
    """The dialog's last stop for Tab, after the last reason: Enter (or a click) hands the argument in. A key typed here
    is taken by nothing and said so (:class:`Refused`): found from outside, Tab from the last reason wrapped to the
    action, and a third reason typed after it («Довод 3?», where the ruleset allows two) went on the action's end and
    was sent; its "?" must not open the help either."""

    class Refused(Message):
        """A character was typed on the button."""

    def _on_key(self, event: Key) -> None:
        if event.is_printable:
            event.stop()
            event.prevent_default()
            self.post_message(self.Refused())


def fitted(text: str, width: int) -> str:
    """``text`` if it fits in ``width`` cells, else cut to fit with "…" at its end."""
    if width <= 0 or cell_len(text) <= width:
        return text
    return set_cell_size(text, width - 1).rstrip() + "\u2026"


class ArgumentScreen(_Dialog[Entered | None]):
    """Enter an argument (or a counter-argument); Escape cancels with nothing sent.

    Enter goes to the next field; on the last field, or on an empty reason,
    it hands the entry in once the form is complete (else says what is missing).
    """

    DEFAULT_CSS = """
    ArgumentScreen { align: center middle; background: $background 40%; }
    ArgumentScreen > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    /* the fields scroll in the rows the Done button and the keys under them leave (found from outside: at 60x20 they
       were below the screen's foot) */
    ArgumentScreen #argue-fields { height: auto; max-height: 100%; }
    ArgumentScreen #argue-foot { dock: bottom; height: auto; }
    ArgumentScreen #argue-title { text-style: bold; }
    ArgumentScreen #argue-about { color: $text-muted; }
    ArgumentScreen Horizontal { height: 1; }
    ArgumentScreen Horizontal.reason { height: auto; }
    ArgumentScreen .label { margin: 1 0 0 0; }
    ArgumentScreen Horizontal > Static { width: 1fr; }
    ArgumentScreen Horizontal > .count { width: auto; min-width: 8; color: $text-muted; text-align: right; }
    ArgumentScreen Horizontal > .count.-full { color: $warning; text-style: bold; }
    ArgumentScreen .limit { margin: 0 0 0 3; color: $warning; text-style: bold; display: none; }
    ArgumentScreen .limit.-shown { display: block; }
    ArgumentScreen .reason > .number { width: 3; }
    ArgumentScreen .reason > LineField { width: 1fr; margin: 0 1 0 0; }
    ArgumentScreen LineField { height: auto; max-height: 6; background: $boost; }
    ArgumentScreen OptionList { height: auto; max-height: 6; }
    ArgumentScreen #argue-kept { color: $warning; text-style: bold; height: auto; }
    ArgumentScreen #argue-error { color: $error; height: auto; display: none; }
    ArgumentScreen #argue-error.-shown { display: block; }
    ArgumentScreen #argue-keys { color: $text-muted; margin: 1 0 0 0; }
    ArgumentScreen #argue-done { margin: 1 0 0 0; }
    ArgumentScreen #argue-keys.-under-done { margin: 0; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="modal.cancel"),
        Binding("f3", "example", N_("Use the example"), id="argue.example"),
        # found from outside: "act Tab ↓ Tab r1" in one burst (tmux send-keys) put "actr1" in the action; Enter moves
        # on as Tab does, once the field has taken the keys typed before it ("act Enter ↓ Enter r1" put it there too)
        *FIELD_KEYS,
        Binding("enter", "enter", show=False, priority=True, id="argue.enter"),
    ]

    def __init__(self, form: ArgumentForm, draft: Entered | None = None, kept: bool = False,
                 keeper: Callable[[Entered], bool] | None = None):
        """``draft``: what was typed before (the engine refused it, or the phase timer closed the dialog over it:
        ``kept``, said above the fields); nothing typed is lost. ``keeper``: keeps what is typed when the phase timer
        closes the dialog (:meth:`keep_typed`), and says whether there was anything."""
        super().__init__()
        self.form = form
        self.draft = draft
        self.kept = kept
        self.keeper = keeper

    # -- layout ----------------------------------------------------------------

    def compose(self) -> ComposeResult:
        form = self.form
        with Vertical():
            # the fields take the focus, and scroll to it; the Done button and the keys stay under them, in view
            with VerticalScroll(id="argue-fields", can_focus=False):
                yield Static(Text(literal(form.title)), id="argue-title")
                if self.kept:
                    yield Static(Text(_("Text kept from the time-up: what was typed before the time ran out. Check it, "
                                        "then send it.")), id="argue-kept")
                if form.about is not None:
                    yield Static(form.about, id="argue-about")
                with Horizontal(classes="label"):
                    yield Static(Text(_("Counter-argument") if form.counter else _("Action: what you do")))
                    yield Static(self._count("", form.action_limit), classes="count", id="argue-action-count")
                yield LineField(placeholder=self._placeholder(0, _("one line")), max_length=form.action_limit,
                                id="argue-action")
                if not form.counter:
                    yield Static(Text(_("Result wanted (\u2191/\u2193, Enter)")), classes="label")
                    yield ResultList(*[Option(self._result_prompt(r, i == 0), id=str(i))
                                       for i, r in enumerate(form.results)], compact=True, id="argue-result")
                    reasons = (_("Reasons (at least {least}, up to {most})") if form.min_reasons
                               else _("Reasons (up to {most})")).format(least=form.min_reasons, most=form.reasons)
                    yield Static(Text(reasons), classes="label")
                    for i in range(form.reasons):
                        with Horizontal(classes="reason"):
                            yield Static(Text(f"{i + 1}."), classes="number")
                            yield LineField(placeholder=self._placeholder(i + 1, _("reason {n}").format(n=i + 1)),
                                            max_length=form.reason_limit, id=f"argue-reason-{i}")
                            yield Static(self._count("", form.reason_limit), classes="count",
                                         id=f"argue-reason-{i}-count")
                        # the limit's words under the reason, not beside it: found from outside, at 80 columns
                        # «200/200 — предел: остальное не принято» took half the row, and the reason wrapped at ~25
                        # characters over six lines
                        yield Static("", classes="limit", id=f"argue-reason-{i}-limit")
            with Vertical(id="argue-foot"):
                if not form.counter:
                    yield Done(_("Done: send the argument"), compact=True, id="argue-done")
                yield Static("", id="argue-error")
                yield Static("", id="argue-unsaved", classes=TYPED_WARNING)
                yield KeyLine(self._keys(typed=False), id="argue-keys", classes="" if form.counter else "-under-done")

    def _keys(self, typed: bool) -> Text:
        """The dialog's keys; Escape's as many times as it takes now (``typed``: a field holds typed text, and the
        first Escape only warns it would be lost: found from outside, a team pressed the one Escape the keys said,
        took the dialog for closed, and its Enter sent the counter it meant to give up)."""
        form = self.form
        entry = [_("Enter: done")] if form.counter else [_("Enter: next field, then done"), _("Tab: move")]
        rest = [_("F3: the deck's example")] if form.examples else []
        escape = _("Escape twice: cancel, nothing is sent") if typed else _("Escape: cancel, nothing is sent")
        # an argument's keys on two short lines, not one that wraps mid-phrase on 80 columns; a counter's on one,
        # unless Escape's take two presses (the line is longer then)
        dot = " \u00b7 "
        if form.counter and not typed:
            said = dot.join([*entry, *rest, escape])
        elif form.counter:
            said = dot.join(entry + rest) + "\n" + escape
        else:
            said = dot.join(entry) + "\n" + dot.join([*rest, escape])
        # each part a click on its key, in the order said (untranslated: key names)
        keys = ["enter"] if form.counter else ["enter", "tab"]
        return key_line(said, [*keys, *(["f3"] if rest else []), "escape"], style="")

    def _placeholder(self, index: int, plain: str) -> str:
        example = self.form.example(index)
        return _("e.g. {example}").format(example=example) if example else plain

    def on_mount(self) -> None:
        if self.draft is not None:
            self._fill(self.draft)
        self.query_one("#argue-action", LineField).focus()
        self.query_one("#argue-keys", KeyLine).update(self._keys(holds_typed_text(self)))

    def keep_typed(self) -> bool:
        """The phase timer closes the dialog: what the fields hold is kept for the team's next argument there."""
        return self.keeper is not None and self.keeper(self.entered())

    def _fill(self, draft: Entered) -> None:
        self.query_one("#argue-action", LineField).value = draft.action
        if self.form.counter:
            return
        if draft.result is not None and draft.result < len(self.form.results):
            self.query_one("#argue-result", OptionList).highlighted = draft.result
        for i, reason in enumerate(draft.reasons[: self.form.reasons]):
            self.query_one(f"#argue-reason-{i}", LineField).value = reason

    @staticmethod
    def _count(value: str, limit: int, refused: bool = False, words: bool = True) -> Text:
        """How much of the limit ``value`` uses; ``refused``: text typed past it was not taken just now. ``words``:
        with what reaching the limit means (:meth:`_limit_words`), else the count alone."""
        said = ArgumentScreen._limit_words(value, limit, refused) if words else ""
        return Text(f"{len(value)}/{limit}" + (" \u2014 " + said if said else ""))

    @staticmethod
    def _limit_words(value: str, limit: int, refused: bool = False) -> str:
        """What the limit means now: nothing under it; reached; or text past it refused just now."""
        return _("the limit: the rest was not taken") if refused else _("the limit") if len(value) >= limit else ""

    def _show_count(self, field: LineField, refused: bool = False) -> None:
        """``field``'s count, and what its limit means now: a reason's words on their own line under it."""
        value, limit = field.value, field.max_length
        count = self.query_one(f"#{field.id}-count", Static)
        under = self.query(f"#{field.id}-limit").results(Static)
        line = next(iter(under), None)
        count.update(self._count(value, limit, refused, words=line is None))
        count.set_class(refused or len(value) >= limit, "-full")
        if line is not None:
            said = self._limit_words(value, limit, refused)
            line.update(Text(said))
            line.set_class(bool(said), "-shown")

    # -- typing ------------------------------------------------------------------

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        field = event.text_area
        assert isinstance(field, LineField)
        kept = one_line_literal(field.value)
        if kept != field.value or len(kept) > field.max_length:
            field.value = kept[: field.max_length]  # a pasted control (a line break too) is shown as its symbol
            return  # the change this makes comes back here
        self._show_count(field)
        if field is self.focused:  # typing goes on; not a change come late from a field a burst has left
            self._say(None)
            typing_resumed(self)
            # a field grown a line (F3's example, a wrapped word) is kept whole in the rows the fields scroll in
            # (found from outside: at 60x20 the example put in reason 2 showed its first line only)
            field.call_after_refresh(field.scroll_visible, animate=False)
        self.query_one("#argue-keys", KeyLine).update(self._keys(holds_typed_text(self)))

    @on(LineField.Refused)
    def _refused(self, event: LineField.Refused) -> None:
        event.stop()
        self._show_count(event.field, refused=True)

    @on(LineField.Submitted)
    def _next(self, event: LineField.Submitted) -> None:
        event.stop()
        self._entered(event.field)

    async def action_enter(self) -> None:
        """Enter, taken as the app reads it (a burst's next keys go to the field it moves to), and acted on once the
        field focused has taken the keys typed before it: a reason emptied by them hands the entry in."""
        field = self.focused
        if isinstance(field, (LineField, OptionList)):
            await keys_taken(field)
            self._entered(field)
        elif isinstance(field, Done):
            self._hand_in()

    @on(Button.Pressed, "#argue-done")
    def _done_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self._hand_in()

    @on(Done.Refused)
    def _no_more_reasons(self, event: Done.Refused) -> None:
        event.stop()
        most = self.form.reasons
        self._say(ngettext("No more reasons: this ruleset takes at most {n}. Enter sends the argument; Shift+Tab goes "
                           "back to the reason.",
                           "No more reasons: this ruleset takes at most {n}. Enter sends the argument; Shift+Tab goes "
                           "back to the reasons.", most).format(n=most))
        error = self.query_one("#argue-error", Static)
        error.call_after_refresh(error.scroll_visible, animate=False)  # once it takes its room: scrolled at 80x24

    def _entered(self, field: LineField | OptionList) -> None:
        """Enter in ``field``: the next field, or the entry handed in (the last field, an empty reason, a counter)."""
        if isinstance(field, OptionList):  # the result is the one highlighted: on to the reasons
            self.set_focus(self.query_one("#argue-reason-0", LineField))
            return
        fields = self._fields()
        here = fields.index(field)
        last = here == len(fields) - 1
        empty_reason = not field.value.strip() and field.id != "argue-action"
        if last or empty_reason or self.form.counter:
            self._hand_in()
        else:
            self.set_focus(fields[here + 1])  # at once, as Tab: not once the app has read the keys after it

    @staticmethod
    def _result_prompt(result: str, chosen: bool) -> Text:
        """A result the argument may ask for; the one it asks for marked, not by its colour alone (found from
        outside: which result was chosen showed only as a background, which a projector or a grey screen loses)."""
        return Text(("\u25b6 " if chosen else "  ") + literal(result), style="bold" if chosen else "")

    @on(OptionList.OptionHighlighted, "#argue-result")
    def _result_marked(self, event: OptionList.OptionHighlighted) -> None:
        results = self.form.results
        for i, result in enumerate(results):
            event.option_list.replace_option_prompt_at_index(i, self._result_prompt(result, i == event.option_index))

    @on(OptionList.OptionSelected, "#argue-result")
    def _result_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one("#argue-reason-0", LineField).focus()

    def _fields(self) -> list[LineField | OptionList]:
        return [w for w in self.query("LineField, OptionList")  # untranslated: CSS
                if isinstance(w, (LineField, OptionList))]

    # -- handing in ----------------------------------------------------------------

    def entered(self) -> Entered:
        """What the fields hold now (trimmed; empty reasons left out)."""
        action = self.query_one("#argue-action", LineField).value.strip()
        if self.form.counter:
            return Entered(action)
        result = self.query_one("#argue-result", OptionList).highlighted
        reasons = tuple(r for i in range(self.form.reasons)
                        if (r := self.query_one(f"#argue-reason-{i}", LineField).value.strip()))
        return Entered(action, result, reasons)

    def missing(self, entry: Entered) -> str | None:
        """What the entry still lacks, in words, or None when it can be handed in."""
        if not entry.action:
            return _("Type the counter-argument.") if self.form.counter else _("Type the action: what you do.")
        if self.form.counter:
            return None
        if entry.result is None:
            return _("Choose the result you want.")
        if len(entry.reasons) < self.form.min_reasons:
            least = self.form.min_reasons
            return ngettext("Give at least {n} reason.", "Give at least {n} reasons.", least).format(n=least)
        return None

    def _missing_field(self, entry: Entered) -> str:
        """The field :meth:`missing` asks for (its selector): the action, the result, or the first empty reason."""
        if not entry.action or self.form.counter:
            return "#argue-action"
        if entry.result is None:
            return "#argue-result"
        empty = next((i for i in range(self.form.reasons)
                      if not self.query_one(f"#argue-reason-{i}", LineField).value.strip()), 0)
        return f"#argue-reason-{empty}"

    def _hand_in(self) -> None:
        entry = self.entered()
        problem = self.missing(entry)
        if problem is not None:
            self._say(problem)
            # the focus on the field the words ask for (found from outside: "Done" pressed with the action empty kept
            # the focus, and the next letter typed was refused as a reason too many)
            self.set_focus(self.query_one(self._missing_field(entry)))
            return
        self.answer(entry)

    def _say(self, problem: str | None) -> None:
        """Show what the entry still lacks (the line takes no room while nothing is missing)."""
        error = self.query_one("#argue-error", Static)
        error.update(Text(problem or ""))
        error.set_class(problem is not None, "-shown")

    def action_example(self) -> None:
        """The focused field takes its stock text (the team can edit it from there). Elsewhere (the result, "Done")
        it says where it works (found from outside: F3 on "Done" did nothing, and nothing said why)."""
        field = self.focused
        if not isinstance(field, LineField):
            if self.form.examples:
                self._say(_("F3 puts the deck's example into the text field the cursor is in: Shift+Tab goes back "
                            "to one."))
                error = self.query_one("#argue-error", Static)
                error.call_after_refresh(error.scroll_visible, animate=False)  # once it takes its room: at 80x24
            return
        index = 0 if field.id == "argue-action" else int((field.id or "-0").rsplit("-", 1)[1]) + 1
        example = self.form.example(index)
        if example:
            field.value = example[: field.max_length]


__all__ = ["ArgumentForm", "ArgumentScreen", "Entered", "LineField", "draft_key", "keep_draft", "one_line_literal",
           "take_draft"]
