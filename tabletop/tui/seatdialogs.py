"""What a seat's screen asks from the words the host sent: its code, and an argument's or a counter's dialog."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.widgets.input import Selection

from ..content.literal import literal
from ..lang import LANGUAGES, NAMES, Domain
from ..seats.joincodes import pasted
from .argument import ArgumentForm
from .fields import LiteralInOrder
from .text import TRACKS_READING, move_details

_, ngettext, N_ = Domain("tui").words()


class RefusedCode(LiteralInOrder):
    """The code field, holding the code refused (if any) selected, as a browser's login field holds it: the first
    character typed (or a paste) replaces it whole, the code typed again; Backspace or Delete first, or the cursor
    moved first (an arrow, Home, End, a click), keeps it to put one character right: Backspace takes its last one,
    Left goes one character back from its end, as they did before it was selected.
    Found from outside (helper-375): with the cursor after the code, a code typed whole again came after the refused
    one, and was refused in turn."""

    _whole = False  # the refused code is selected as it came: typing replaces it, a deletion edits it

    def on_mount(self) -> None:
        if self.value:
            self.selection = Selection(0, len(self.value))  # the cursor at its end, where a deletion starts
            self._whole = True

    def watch_selection(self, selection: Selection) -> None:
        if selection != Selection(0, len(self.value)):
            self._whole = False  # typed over, or the cursor moved: a field like any other
        super().watch_selection()

    def action_select_all(self) -> None:
        super().action_select_all()
        self._whole = False  # selected by hand: Backspace clears it, as in any field

    def action_delete_left(self) -> None:
        self._from_end()
        super().action_delete_left()

    def action_delete_right(self) -> None:
        self._from_end()
        super().action_delete_right()

    def action_cursor_left(self, select: bool = False) -> None:
        if not select:  # one character left of the end, as before the code was selected, not the code's start
            self._from_end()
        super().action_cursor_left(select)

    def _from_end(self) -> None:
        """A deletion or Left first: the code is being put right from the cursor at its end, not replaced."""
        if self._whole:
            self.selection = Selection.cursor(len(self.value))


class CodeScreen(Screen[str]):
    """Ask for the seat's code (a browser, or ``tabletop join ADDR`` without one).

    ``typed``: the code refused, left in the field to be put right (one character mistyped of sixteen). ``problem``:
    why it is asked again; our own words as a function that words them, said again in the language F4 chooses (found
    from outside: a rejoin's refusal stayed English after F4); the host's words as they came."""

    #: the least window it is whole in, in each of our languages, its scrollbar shown or not (a long refusal of the
    #: host's scrolls); under it the window is said too small (:mod:`~.toosmall`). Measured: at 40x15 Russian fits, but
    #: made larger from 30x8 (tmux) the screen kept its scrollbar, and the hint wrapped to a third line, the box a row
    #: too tall. Found from outside (tmux): at 50x12 the languages line was cut, at 30x8 the title, and nothing said so.
    #: Under the seat's screen's 60x16: a phone's browser held upright types its code, and is told to turn sideways
    #: once the seat's screen needs it.
    MIN_SIZE = (42, 15)

    def __init__(self, address: str, problem: str | Callable[[], str] = "", typed: str = ""):
        super().__init__()
        self._address = address
        self._problem = problem
        self._typed = typed

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(id="code-title")
            yield Static(id="code-hint")
            # a refused code selected (:class:`RefusedCode`). Its keys acted on in the order typed (:class:`InOrder`):
            # Textual's Input acts on Backspace only once the key has come back up to the app, after the letters
            # behind it ("1 1 1 ⌫ ⌫ t e" in one burst gave "111")
            yield RefusedCode(self._typed, id="code-input", select_on_focus=False)
            yield Static(id="code-error")
            # a browser's first screen: our languages offered before a word of the game (found from outside: a Russian
            # participant's page was English until they found F4)
            yield Static(id="code-languages")

    def on_mount(self) -> None:
        self.say_words()
        self.query_one(Input).focus()

    def say_words(self) -> None:
        """This screen's words in the language read now (again after F4)."""
        self.query_one("#code-title", Static).update(
            Text(_("Join the game at {address}").format(address=literal(self._address, lines=False))))
        self.query_one("#code-hint", Static).update(Text(_("Type the code the facilitator gave your seat, then Enter.")))
        self.query_one(Input).placeholder = _("seat code")
        names = " \u00b7 ".join(NAMES[code] for code in LANGUAGES)
        self.query_one("#code-languages", Static).update(
            Text(_("F4: language ({names})").format(names=names), style="dim"))
        problem = self._problem
        self.query_one("#code-error", Static).update(Text(problem() if callable(problem) else problem))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        code = pasted(event.value)  # a whole join line pasted gives its code
        if not code:
            self._problem = lambda: _("Please type the code.")
            self.say_words()
            return
        self.dismiss(code)


def argument_form(entry: Mapping[str, Any], sealed: bool = False) -> ArgumentForm:
    """The dialog an argument's or a counter's entry asks for, from the form the host sent (each text literal).

    An argument's ``about`` is its move's question's words (cost, how it is judged), with the sealed note under them
    when moves are sealed (``sealed``), as the move's question shows them; a counter's is the argument it answers."""
    form = entry.get("form") if isinstance(entry.get("form"), Mapping) else {}
    assert isinstance(form, Mapping)

    def number(key: str, default: int) -> int:
        value = form.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default

    def texts(key: str) -> tuple[str, ...]:
        found = form.get(key)
        return tuple(literal(t, lines=False) for t in found if isinstance(t, str)) if isinstance(found, list) else ()

    about = form.get("about")
    counter = entry.get("needs") == "counter"
    return ArgumentForm(literal(form.get("title") or entry.get("label"), lines=False),
                        () if counter else texts("results") or ("?",),
                        number("text_limit", 160), number("reason_limit", 160),
                        0 if counter else number("reasons", 3),
                        about=(None if not isinstance(about, str) or not about else Text(literal(about)) if counter
                               else move_details(literal(about), sealed)),
                        examples=texts("examples"))


#: a seat's keys (F1): a team's screen, an observer's, the projector's; only what they can press (found from outside:
#: a team's F1 listed the facilitator console's keys). The console's: :data:`CONSOLE_HELP`; the hot seat's: ``modals.HELP``
SEAT_HELP = N_("""\
tabletop join \u2014 keys                         (\u2191/\u2193 scroll \u00b7 escape closes)
A team's screen (the list on the right shows what the game asks of this team)
  \u2191/\u2193, 0-9  choose    enter  confirm    F3  (in a dialog) the deck's example
  & \u00e9 " ' ( - \u00e8 _ \u00e7 \u00e0  the same as 1-0 (AZERTY, without Shift)
  home/end   the list's first / last entry (a team's pass is the last)
  \u2190/\u2192        a long list of moves: the previous / next kind of move
  tab        to the board or the log; \u2191/\u2193, PgUp/PgDn, home/end scroll it
  shift+tab  from the list to the question above it (a long one scrolls: \u2191/\u2193)
  o          your team's panel, whole: its objectives (secret ones too), resources, sealed moves

Anywhere
  F1, ?   this help               ctrl+p  command palette
  l       the last ruling, whole: every reason, counter, the odds and the roll
  F2      switch theme (high contrast for projectors)
  F4      language: English, \u0420\u0443\u0441\u0441\u043a\u0438\u0439, \u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430
  ctrl+q  quit this screen \u2014 the game goes on at the host; join again with the same code
""")

#: how a team's screen reads (F1, under its keys): a first-time team read "[==----]", "tension 4/8" and the clock
#: with nothing to say what they are (found from outside). Each as the seat shows it: ``seatwords._track_parts``'
#: gauge, tension and status marks (``engine.wording.STATUS_MARK``), the headline's timer (``seatwords.timer_text``);
#: capital refills each round to the team's amount in the ruleset (``engine.flow``, a new round)
SEAT_TRACKS_READING = N_("""\
Reading the board
  [==----]      a track's ladder: each = a step climbed, each - a step still ahead; the track is agreed when it reaches its agreement step
  tension 4/8   the track's tension now / its breakdown: when it reaches 8 the track collapses, and no more moves are made on it
  \u25cb \u2714 \u2716 \u2016       a track's status: \u25cb open, \u2714 agreed, \u2716 collapsed, \u2016 deferred
  capital       what your team's moves cost (each move's question says its price); at the start of every round it refills to your team's own amount: what is not spent is not kept
""")
#: a seat's phase timer, as its headline shows it: a team's and the console's
SEAT_TIME_READING = N_("""\
  moves: 06:58  the time left in the phase it names (here the moves phase)
""")
SEAT_READING = (SEAT_TRACKS_READING, SEAT_TIME_READING)
#: how the console reads (F1, under its keys): the hot seat's board, which it draws, and a seat's timer
CONSOLE_READING = (TRACKS_READING, SEAT_TIME_READING)

#: the facilitator console's keys (F1): a team's, and the console's own (those the board's F1 names too are worded
#: as it words them: one action, one wording on every screen)
CONSOLE_HELP = N_("""\
tabletop join \u2014 keys                         (\u2191/\u2193 scroll \u00b7 escape closes)
A team's screen (the list on the right shows what the game asks of this team)
  \u2191/\u2193, 0-9  choose    enter  confirm    F3  (in a dialog) the deck's example
  & \u00e9 " ' ( - \u00e8 _ \u00e7 \u00e0  the same as 1-0 (AZERTY, without Shift)
  home/end   the list's first / last entry (a team's pass is the last)
  \u2190/\u2192        a long list of moves: the previous / next kind of move
  tab        to the board or the log; \u2191/\u2193, PgUp/PgDn, home/end scroll it
  shift+tab  from the list to the question above it (a long one scrolls: \u2191/\u2193)

The facilitator's console (its keys are in the footer)
  p  pause / resume (stops the timer and the bots; an undo, a note or an override is taken paused)
  +  add a minute to the phase timer
  o  override a track or meter (with a reason)
  u  undo the last action (it stays in the record)
  n  a note on the last event that is not a note, or on an earlier one (every screen and the report show it)
  i  inject a card          e, x  end the game       c  every seat's join code
  ctrl+c  (in the console tabletop host opened) stop the host, once you confirm

Anywhere
  F1, ?   this help               ctrl+p  command palette
  l       the last ruling, whole: every reason, counter, the odds and the roll
  F2      switch theme (high contrast for projectors)
  F4      language: English, \u0420\u0443\u0441\u0441\u043a\u0438\u0439, \u0423\u043a\u0440\u0430\u0457\u043d\u0441\u044c\u043a\u0430
  ctrl+q  quit this screen \u2014 the game goes on at the host; join again with the same code
""")


__all__ = ["CONSOLE_HELP", "CONSOLE_READING", "SEAT_HELP", "SEAT_READING", "CodeScreen", "argument_form"]
