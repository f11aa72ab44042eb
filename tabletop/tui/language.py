"""The shared screen's language: F4 and the command palette switch it, at any moment.

The facilitator picks the language on the start screen (``--lang``,
``TABLETOP_LANG`` or the locale first); F4 goes on to the next one and the
command palette offers each by name ("Language: Русский"). A switch is the
process's language (:func:`tabletop.lang.set_language`), then every screen on
the stack says what it shows anew (:class:`Relabelled`) and the key bar
translates the keys' descriptions, which Textual keeps as written (marked
``N_`` where the bindings are declared, translated where shown).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from time import monotonic
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual import events
from textual.binding import Binding
from textual.screen import ModalScreen

from ..content.errors import AZERTY_DIGITS
from ..lang import LANGUAGES, NAMES, SOURCE, Domain, current, set_language
from .keys import DialogKeys
from .toosmall import SizeGuard

if TYPE_CHECKING:
    from textual.app import App, SystemCommand
    from textual.screen import Screen

    from ..content import Scenario

_, ngettext, N_ = Domain("tui").words()

#: F4: the next language (hidden in the key bar: the palette and the help name it)
LANGUAGE_BINDING = Binding("f4", "language", N_("Language"), show=False, id="app.language")

#: Textual's own commands in the palette, in the catalogue (Textual words them in English)
TEXTUAL_WORDS = (
    N_("Theme"), N_("Change the current theme"),
    N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
    N_("palette"),  # the command palette's key in the key bar
)


@runtime_checkable
class Relabelled(Protocol):
    """A screen that draws its words again in the language now spoken."""

    def relabel(self) -> None: ...


def following(code: str) -> str:
    """The language F4 goes to after ``code``: en, ru, uk, then en again."""
    return LANGUAGES[(LANGUAGES.index(code) + 1) % len(LANGUAGES)] if code in LANGUAGES else LANGUAGES[0]


def speak(app: App[object], code: str) -> None:
    """Switch the shared screen to ``code``: every screen on the stack and its keys, at once.

    When the game's scenario has a broken overlay in ``code``, or none, the screen says so and shows
    the scenario's own texts (the interface still switches: nothing is refused mid-workshop)."""
    set_language(code)
    say_untranslated(app, code)
    for screen in app.screen_stack:
        if isinstance(screen, Relabelled):
            screen.relabel()
        screen.refresh_bindings()  # the key bar translates the descriptions as it lists them


def say_untranslated(app: App[object], code: str) -> None:
    """When the scenario on screen is not shown in ``code`` (its translation broken or missing), say why."""
    scenario = _scenario_of(app)
    if scenario is None or code == SOURCE:
        return
    from ..content.literal import literal
    from ..content.overlays import untranslated

    why = untranslated(scenario, code)
    if why is not None:
        app.notify(literal(why), title=_("The scenario's texts stay in their own language"), markup=False,
                   severity="warning", timeout=20)


def texts_note(app: App[object]) -> str:
    """"scenario texts in English" while the scenario on screen is not shown in the language spoken (its translation
    broken or missing), for the screen's title line; else "". Found from outside (helper-225): once the notice that
    said why was gone, nothing on the board said that its cards were not in the room's language."""
    scenario = _scenario_of(app)
    if scenario is None or current() == SOURCE:
        return ""
    from ..content.overlays import untranslated  # cached per language: said again on every relabel at no cost

    return _("scenario texts in English") if untranslated(scenario, current()) is not None else ""


def _scenario_of(app: App[object]) -> Scenario | None:
    """The scenario the app shows: the game's (the board) or the save's (the replay); None on the start screen."""
    session = getattr(app, "session", None)
    if session is not None:
        return session.scenario  # type: ignore[no-any-return]
    save = getattr(app, "save", None)
    return save.scenario if save is not None else None


def open_palette(app: App[object]) -> None:
    """Textual's command palette (ctrl+p), its search field asking in the language spoken, not in English."""
    from textual.command import CommandPalette

    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(CommandPalette(placeholder=_("Search for commands\u2026"), id="--command-palette"))


class Multilingual:
    """An app whose screens speak the language chosen: F4 and the palette's "Language: …"."""

    def action_language(self, code: str = "") -> None:
        """Speak ``code``, or the next language when none is given (F4)."""
        app: App[object] = self  # type: ignore[assignment]
        chosen = code if code in LANGUAGES else following(current())
        speak(app, chosen)
        app.notify(_("Language: {name}").format(name=NAMES[chosen]), timeout=2, markup=False)

    def action_command_palette(self) -> None:
        open_palette(self)  # type: ignore[arg-type]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands in the language spoken, and one command per other language."""
        from textual.app import SystemCommand

        for command in super().get_system_commands(screen):  # type: ignore[misc]
            yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
        for code in LANGUAGES:
            if code != current():
                yield SystemCommand(_("Language: {name}").format(name=NAMES[code]),
                                    _("Every word on this screen in {name}").format(name=NAMES[code]),
                                    lambda code=code: self.action_language(code))


# -- keyboard layouts ------------------------------------------------------
# A facilitator who has just typed a note in Russian or Ukrainian presses «н» for ``y`` and «з» for ``p``: the
# terminal sends the Cyrillic letter, and no binding has it. Outside a text field such a letter is taken as the
# Latin letter on its key (ЙЦУКЕН, Russian and Ukrainian); in a text field it is typed as it is. A capital letter
# (Caps Lock or Shift on, found from outside: «З» and P paused nothing, silently) is its key too.

_LATIN = "qwertyuiopasdfghjklzxcvbnm"
#: the Cyrillic letter on each Latin letter's key: Russian, then the Ukrainian letters where they differ
_RUSSIAN = "йцукенгшщзфывапролдячсмить"
_KEYS = {**dict(zip(_RUSSIAN, _LATIN, strict=True)), "і": "s"}


def latin_key(character: str) -> str | None:
    """The Latin letter on the key that types ``character`` in a Cyrillic layout (upper case kept); None if none."""
    latin = _KEYS.get(character.lower())
    if latin is None:
        return None
    return latin.upper() if character.isupper() else latin


def azerty_digit(character: str) -> str | None:
    """The digit on the key that types ``character`` on an AZERTY keyboard's top row without Shift; None if none
    (found from outside: a pick by them did nothing, silently, and é è ç à, being letters, started a word typed, which
    dropped the key pressed at once after them)."""
    return AZERTY_DIGITS.get(character)


#: the languages whose rooms type on a Cyrillic layout (ЙЦУКЕН): a key hint names the Cyrillic letter on the key too
_CYRILLIC_ROOMS = frozenset({"ru", "uk"})  # untranslated: language codes


def key_hint(latin: str) -> str:
    """A letter key as a hint on screen names it: ``y``, and in Russian and Ukrainian ``y (н)``, the Cyrillic letter
    on its key, which :func:`latin_key` takes as it (found from outside: a Russian room was told only "y", though
    «н» answered too). In Ukrainian the Ukrainian letter where the layouts differ (``і`` for ``s``)."""
    if current() not in _CYRILLIC_ROOMS:
        return latin
    letters = [c for c, key in _KEYS.items() if key == latin]
    if not letters:
        return latin
    return f"{latin} ({letters[-1] if current() == 'uk' else letters[0]})"


#: the widgets a letter is typed into; by name, so that TextArea (the argument dialog's) is not imported at start
_TEXT_FIELDS = frozenset({"Input", "TextArea"})  # untranslated: class names


def _takes_text(app: App[object]) -> bool:
    """A text field has focus, or the active screen reads typed letters (a list that narrows as one types)."""
    widget = app.focused
    if widget is not None and any(cls.__name__ in _TEXT_FIELDS for cls in type(widget).__mro__):
        return True
    return bool(app.screen_stack) and getattr(app.screen, "takes_text", False)


def _latin_only(app: App[object]) -> frozenset[str]:
    """The keys the active screen takes from a Latin layout only (a weighty question's y)."""
    return getattr(app.screen, "latin_only", frozenset()) if app.screen_stack else frozenset()


def _binds(app: App[object], key: str) -> bool:
    """The active screen (or what has focus on it) has a binding of its own for ``key``."""
    return bool(app.screen_stack) and key in app.screen.active_bindings


#: the keys that go on with a word being typed (after its first letter): any letter, sign or digit, and these
_TYPING_ON = frozenset({"enter", "space", "backspace"})  # untranslated: Textual's key names


class TypedWords:
    """Letters typed as a word outside a text field: after the first, each letter, sign or Enter within ``gap``
    seconds of the one before is not a key (:data:`~tabletop.play.clock.TYPING_GAP`); ``gap`` 0 takes every key.
    A word starts only outside a text field; once started it goes on into a dialog its first letter opened. While
    every key of the word is its first letter again, the word is a key pressed twice (``repeat``), not a word."""

    def __init__(self, gap: float, now: Callable[[], float]):
        self.gap = gap
        self._now = now
        self._last: float | None = None  # when the word's last key came, while a word is being typed
        self.told = False  # the room was told, once a word
        self.screen: object = None  # the screen the word's first letter was typed on
        self._first: str | None = None  # the word's first key
        self.repeat = False  # every key of the word so far was its first again: a key pressed twice, not a word
        self.letters = False  # every key of the word so far was a letter: a word, not only keys in a quick run

    def typed(self, event: events.Key, outside: bool, screen: object) -> bool:
        """Whether ``event`` goes on a word being typed (and so is not a key); a letter typed ``outside`` a text
        field, on ``screen``, starts a word."""
        if not self.gap:
            return False
        now = self._now()
        if self._last is not None and now - self._last < self.gap and (
                event.key in _TYPING_ON or (event.character is not None and event.character.isprintable())):
            self._last = now
            self.repeat = self.repeat and event.key == self._first
            self.letters = self.letters and event.character is not None and event.character.isalpha()
            return True
        letter = event.character is not None and len(event.character) == 1 and event.character.isalpha()
        self._last = now if letter and outside else None
        self.screen = screen
        self.told = False
        self._first, self.repeat = event.key, True
        self.letters = letter
        return False


class LatinKeys:
    """An app whose letter bindings answer a Cyrillic layout too (outside text fields), whose letters typed as
    a word outside a text field are not keys (:class:`TypedWords`; the room's command line sets ``typing_gap``), and
    whose keys typed after one that opens a dialog go to the dialog (:class:`~.keys.DialogKeys`)."""

    typing_gap: float = 0.0
    #: the character of the last key read (None: a key with none, as Enter), before its bindings act on it
    last_key: str | None = None
    _words: TypedWords | None = None
    _dialog_keys: DialogKeys | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._dialog_keys is None:
                self._dialog_keys = DialogKeys(self._read_key)
            if not self._dialog_keys.holds(event):  # behind a key that opens a dialog: read once the dialog is up
                await self._read_key(event)
            return
        if isinstance(event, events.Paste) and isinstance(self, SizeGuard) and self.blind(event):
            return  # into a field nobody can see (:mod:`.toosmall`)
        await super().on_event(event)  # type: ignore[misc]

    async def _read_key(self, event: events.Key) -> None:
        """A key, as the app reads it: a word's letters are not keys; a Cyrillic letter is the key it sits on, as an
        AZERTY top row's character is its digit; under the notice of a window too small, only a quit key is a key
        (:class:`~.toosmall.SizeGuard`)."""
        app: App[object] = self  # type: ignore[assignment]
        if not app.app_focus:
            # a key typed is the window's: Textual gives the keyboard back to what had it (a text field) on reading the
            # key, so give it first, before asking whether a field has it (found from outside, in chromium: a code typed
            # while the screen thought its tab in the background gave the field its first letter, the rest refused as
            # a word typed outside a field)
            app.app_focus = True
        key = guarded = event
        typed = event.character
        if typed is not None and len(typed) == 1 and not _takes_text(app):
            if "A" <= typed <= "Z":  # Caps Lock or Shift on: the letter's key (no binding is a capital)
                key = events.Key(typed.lower(), typed.lower())
            elif (latin := latin_key(typed)) is not None and latin.lower() not in _latin_only(app):
                key = events.Key(latin.lower(), latin.lower())  # (a capital on the Cyrillic layout too)
            elif (digit := azerty_digit(typed)) is not None and not _binds(app, event.key):
                # the digit on its key, where the screen binds no key of its own to it (the replay's "-" slows it);
                # a digit to the word guard too: é is no letter of a word typed there
                key = guarded = events.Key(digit, digit)
        # read here, held keys included: a key typed before the window shrank is read under the notice
        if isinstance(self, SizeGuard) and self.blind(key):
            return
        if self.typing_gap and self._typed(guarded):
            return
        event = key
        self.last_key = event.character  # what a dialog this key opens was opened by (:func:`~.notices.typed_now`)
        # where Textual hands the key (unless a priority binding takes it), if it opens a dialog
        given = (app.focused or app.screen) if DialogKeys.opens_dialog(app, event.key) else None
        await super().on_event(event)  # type: ignore[misc]
        if given is not None and self._dialog_keys is not None:
            self._dialog_keys.hold(app, given)

    def _typed(self, event: events.Key) -> bool:
        """Whether ``event`` goes on a word typed outside a text field: then it is not a key, a dialog the word's first
        letter opened is put away unanswered, and the room is told (once a word). Found in review: «г» (u) opened the
        undo's question and an Enter after the word said yes; «т» (n) opened a note and the rest of «также» was
        saved in it. A key pressed twice (y y, u u) is not a word: its second press is dropped, nothing put away and
        nothing told (found from outside: a nervous y y said "nothing was done" of the yes the first y gave)."""
        app: App[object] = self  # type: ignore[assignment]
        if self._words is None:
            clock = getattr(self, "now", None) or monotonic
            self._words = TypedWords(self.typing_gap, clock)
        words = self._words
        if not words.typed(event, not _takes_text(app), app.screen if app.screen_stack else None):
            return False
        if words.repeat:
            return True
        opened = app.screen if app.screen_stack else None
        if opened is not words.screen and isinstance(opened, ModalScreen):
            answer = getattr(opened, "answer", None)
            answer(None) if callable(answer) else opened.dismiss(None)
        if not words.told:
            words.told = True
            # found from outside: "o" then "3" at once was told "Letters typed as a word": a digit is no letter
            said = (_("Letters typed as a word are not taken as keys: nothing was done. Type only into a text field.")
                    if words.letters else
                    _("Keys typed in a quick run are not taken as keys: nothing was done. Press one key at a time; "
                      "type text only into a text field."))
            app.notify(said, severity="warning", timeout=5, markup=False)
        return True


__all__ = ["LANGUAGE_BINDING", "LatinKeys", "Multilingual", "Relabelled", "TypedWords", "azerty_digit", "following",
           "key_hint", "latin_key", "open_palette", "say_untranslated", "speak", "texts_note"]
