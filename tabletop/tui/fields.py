"""The text fields of the start screen and the dialogs: each shows the beginning of its text once the focus has left
it (:class:`StartInSight`, :class:`TextField`), and its cursor while it has it (after a paste, after End); one's text is what it shows (:class:`LiteralInput`). The fields of a
dialog of several fields take a burst of keys in order: Tab moves at once (:data:`FIELD_KEYS`), and each field acts on
its own keys as they reach it (:class:`OwnKeys`, :class:`InOrder`).

Apart from :mod:`.widgets`, which the first board imports: each class made here costs a start ~0.3 ms of Textual's
class set-up (found measuring the cold start's instructions at stop 54), and no dialog is open then."""

from __future__ import annotations

import asyncio
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingsMap
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from ..content.errors import AZERTY_DIGITS
from ..lang import Domain
from .notices import typed_now
from .text import literal

_, ngettext, N_ = Domain("tui").words()


class StartInSight:
    """A text widget that shows the beginning of its text while the focus is elsewhere, and its cursor once the focus
    is back (where it was left; at the end when Textual selects the text on focus). Mixed in before a widget class that
    draws a cursor (Textual's Input or TextArea: :meth:`cursor_in_sight`).

    Textual's fields keep their view where the cursor last was, the end of what was typed: found from outside, the team
    names «Команда Вашингтона», «Команда Брюсселя, ЕС» read «манда Вашингтона», «нда Брюсселя, ЕС» on the start screen
    once Tab had moved on, and the facilitator could not check them at a glance before F5."""

    # while the focus is elsewhere the beginning stays in sight, whatever moves the cursor (a text set from code)
    def validate_scroll_x(self, value: float) -> float:
        return super().validate_scroll_x(value) if self.has_focus else 0  # type: ignore[misc]

    def validate_scroll_y(self, value: float) -> float:
        return super().validate_scroll_y(value) if self.has_focus else 0  # type: ignore[misc]

    def on_blur(self) -> None:
        widget: Widget = self  # type: ignore[assignment]
        widget.scroll_to(0, 0, animate=False, immediate=True, force=True)

    def on_focus(self) -> None:
        # once the widget's own handler has run: an input may select its text, which puts the cursor at its end
        widget: Widget = self  # type: ignore[assignment]
        widget.call_later(self.cursor_in_sight)

    def cursor_in_sight(self) -> None:
        """Scroll the cursor into sight: the cell the widget draws it at (``cursor_screen_offset``: Textual's Input and
        TextArea both say it), taken back into the widget's own text."""
        widget: Any = self
        at, region, scrolled = widget.cursor_screen_offset, widget.content_region, widget.scroll_offset
        cell = Region(at.x - region.x + scrolled.x, at.y - region.y + scrolled.y, 1, 1)
        widget.scroll_to_region(cell, animate=False, immediate=True, force=True)


class TextField(StartInSight, Input):
    """A one-line text field that shows the beginning of its text while the focus is elsewhere
    (:class:`StartInSight`) and its cursor while it has the focus; in a dialog, a character typed as the dialog comes
    up is not taken (:func:`typed_now`).

    Textual's Input scrolls to its cursor when the cursor moves, but not at the first change of its value, and End with
    the cursor already at the end moves nothing: found from outside (tmux), a long reason pasted into an empty dialog
    field showed the start of its text, the cursor out of sight, and End left it so."""

    def watch_selection(self) -> None:
        if self.has_focus:  # (Input's own watcher has run: the value and the room it takes are set)
            self.cursor_in_sight()

    def action_end(self, select: bool = False) -> None:
        super().action_end(select)
        self.cursor_in_sight()

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable and not typed_now(self, event.character):
            event.stop()
            event.prevent_default()
            return
        await super()._on_key(event)


class LiteralInput(TextField):
    """A one-line text field whose text is what it shows and what is recorded: a pasted control or bidi character
    becomes its visible symbol as it comes in, as in the argument's fields (found from outside: a note, a ruling's
    reason, an override's reason echoed a pasted U+202E raw to the terminal while it was typed)."""

    def replace(self, text: str, start: int, end: int) -> None:
        # a soft hyphen pasted from a page or a document breaks nothing when dropped; shown, it read "<U+00AD>" in the
        # middle of a word (found in review)
        super().replace(literal(text.replace("\u00ad", ""), lines=False), start, end)  # the cursor: Textual's


#: Tab and shift+tab in a dialog of several fields (:class:`InOrder`), taken as the app reads them (priority), not once
#: they have come back up from the field they were typed in: Textual hands each key to the field focused when it reads
#: the key, so the keys of a burst queued behind a Tab went to the field it was leaving.
FIELD_KEYS = [
    Binding("tab", "app.focus_next", show=False, priority=True, id="dialog.next-field"),  # untranslated: key names
    Binding("shift+tab", "app.focus_previous", show=False, priority=True, id="dialog.previous-field"),
]

#: the keys a text field acts on itself: Textual's Input's bindings (backspace, delete, the arrows, Home, End, Enter …)
_FIELD_BINDINGS = BindingsMap(Input.BINDINGS)


class OwnKeys:
    """A widget of a dialog of several fields (with :data:`FIELD_KEYS`) that acts on its own keys (:attr:`OWN_KEYS`)
    as they reach it, and on no other: a burst of keys, as a terminal sends them when someone types faster than the
    screen redraws, lands where the same keys typed slowly would (:class:`InOrder` tells how it was found).

    Mixed in before the widget's class: ``class Field(OwnKeys, TextArea)`` with ``OWN_KEYS`` its class's bindings."""

    #: the keys the widget acts on itself, and what it does on them
    OWN_KEYS: ClassVar[BindingsMap]
    _own_actions: ClassVar[frozenset[str]] = frozenset()
    _own_key = False  # a key given to this widget is being acted on

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # what those keys do, by the action's name (``cursor_left`` of ``cursor_left(True)``)
        cls._own_actions = frozenset(binding.action.split("(")[0] for _key, binding in cls.OWN_KEYS)

    async def on_key(self, event: events.Key) -> None:
        widget: Widget = self  # type: ignore[assignment]
        for binding in self.OWN_KEYS.key_to_bindings.get(event.key, ()):
            self._own_key = True
            try:
                done = await widget.app.run_action(binding.action, widget)
            finally:
                self._own_key = False
            if done:
                event.stop()  # done here: it must not act again on the widget focused when it reaches the app
                return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in self._own_actions and not self._own_key:
            return False  # a key given to another widget, come back up to the app after focus moved here
        return super().check_action(action, parameters)  # type: ignore[misc]


async def keys_taken(widget: Widget) -> None:
    """Wait until ``widget`` has acted on the keys given to it so far. A key the app takes at once (a priority binding:
    Enter in a dialog of several fields) and acts on with what a field holds waits for the keys typed before it in the
    same burst: the app hands each key on to the field, which acts on it a moment later."""
    taken = asyncio.Event()
    if widget.call_later(taken.set):  # after the keys in its queue
        try:
            # a safety valve only (a field closed before it came to it): at once in practice, and the app waits meanwhile
            await asyncio.wait_for(taken.wait(), timeout=1)
        except TimeoutError:
            pass


class InOrder(OwnKeys, TextField):
    """A text field of a dialog of several fields (with :data:`FIELD_KEYS`) that takes every key given to it: a burst
    of keys, as a terminal sends them when someone types faster than the screen redraws, lands where the same keys
    typed slowly would.

    Textual types a letter into the field it hands the key to, but acts on backspace, delete, the arrows, Home and End
    only once the key has come back up to the app, on whichever field is focused by then; a Tab in the burst had moved
    on (found from outside in the override: "⌫ 2 Tab ⌫ 1 Tab Tab calm" left the position "21cal", or, with the Tab
    taken at once, the reason "ca": both backspaces deleted in it). Here the field acts on its own keys as they come,
    and on no other: a key given to another widget (the status list's Enter) that comes back up to the app once focus
    is here does nothing here (found checking this: the list's Enter submitted the override from the reason field)."""

    OWN_KEYS = _FIELD_BINDINGS


class LiteralInOrder(InOrder, LiteralInput):
    """A :class:`LiteralInput` that takes its keys :class:`InOrder`."""


def limit_words(limit: int) -> str:
    """On a full field's edge: how many characters it takes (:class:`LimitedField`), in the language spoken."""
    return ngettext("at most {limit} character", "at most {limit} characters", limit).format(limit=limit)


class LimitedField(LiteralInOrder):
    """A :class:`LiteralInOrder` of at most ``max_length`` characters that says its limit: a paste longer than the
    room left is taken as far as it fits; full, the field says how many characters fit on its lower edge
    (:func:`limit_words`), not only with the terminal's bell, which a room seldom hears. A compact field (one row, no
    border) grows its lower edge for the words while it is full.

    Found from outside: a team's name stopped taking characters at 60 without a word, and a longer paste was refused
    whole; the note, the ruling's and the undo's reasons and the overrides' did the same at the engine's limit."""

    DEFAULT_CSS = """
    LimitedField { border-subtitle-color: $warning; border-subtitle-style: bold; }
    LimitedField.-textual-compact.-full { height: 2 !important; border-bottom: hkey $warning !important; }
    """

    def replace(self, text: str, start: int, end: int) -> None:
        text = literal(text.replace("\u00ad", ""), lines=False)  # as shown (LiteralInput), then cut to the room left
        lo, hi = sorted((max(0, start), min(len(self.value), end)))
        room = max(0, self.max_length - (len(self.value) - (hi - lo))) if self.max_length else len(text)
        # nothing fits and nothing is replaced: refused whole, as Textual refuses a character past the limit (the bell)
        super().replace(text[:room] if text[:room] or lo != hi else text, start, end)

    def say_limit(self) -> None:
        """Full: how many characters fit, in the language spoken; else nothing."""
        full = bool(self.max_length) and len(self.value) >= self.max_length
        self.set_class(full, "-full")
        self.border_subtitle = limit_words(self.max_length) if full else ""

    def watch_value(self, value: str) -> None:  # (Input has no watcher of its own to call)
        self.say_limit()


def azerty_as_digits(text: str) -> str:
    """``text`` typed into a number with each sign of an AZERTY keyboard's top row typed without Shift (``& é " ' ( è
    _ ç à``) read as the digit on its key, as the pick keys read them (:data:`~..content.errors.AZERTY_DIGITS`). Not
    ``-``: on every other keyboard it is a minus, and a field that takes no minus refuses it as before."""
    return "".join(c if c == "-" else AZERTY_DIGITS.get(c, c) for c in text)


class NumberField(InOrder):
    """A field for a whole number (an override's position, tension or value; with ``restrict`` or ``type``, a seed or an
    event's number): the AZERTY top row typed without Shift gives the digits on its keys (:func:`azerty_as_digits`).
    Found from outside: "&é" typed for 12 was refused, or failed at Enter, with no word that the digits take Shift on
    that keyboard."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(azerty_as_digits(text), start, end)


class TimersField(InOrder):
    """The phase timers (``moves=5m,review=2m``): a sign of the AZERTY top row typed where a length's digits go (after
    ``=`` or a digit) is that digit, as in a :class:`NumberField`; elsewhere, in a phase's name, it stays as typed."""

    def replace(self, text: str, start: int, end: int) -> None:
        before = self.value[:start]
        read = []
        for c in text:
            after = (read[-1] if read else before[-1:]) or ""
            read.append(azerty_as_digits(c) if after == "=" or after.isdigit() else c)
        super().replace("".join(read), start, end)


__all__ = ["FIELD_KEYS", "InOrder", "LimitedField", "LiteralInOrder", "LiteralInput", "NumberField", "OwnKeys", "StartInSight",
           "TextField", "TimersField", "azerty_as_digits", "keys_taken", "limit_words"]
