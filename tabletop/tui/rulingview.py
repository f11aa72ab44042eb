"""A ruling's whole working in front of the room: who did what, the verdict and every line of its working.

Found from outside (helper-222, in Russian at 80x24): after the facilitator set an argument's odds and rolled, the
board went straight on to the next decision; the ruling showed only as the first four lines of the newest entry in
"Last rulings", the action, the reasons, the counters and the odds below them, reached only by Tab and scrolling.
DESIGN §11 promises "the ruling shows every reason, counter, the odds and the roll". The board puts this view up
after an argument's roll (:func:`ruling_to_show`), and ``l`` puts up the last ruling of any kind again. An ordinary
roll's working is one line, which the panel shows whole: it does not stop the game for an Enter.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from ..engine import Event, State
from ..engine.records import Ruling
from ..engine.review import undone_seqs
from ..lang import Domain
from ..play.clock import PickHold
from ..play.working import is_ruling
from .decisionlist import PICK_KEYS, DecisionList
from .modals import _Dialog
from .notices import Refusals, taken
from .text import event_line, hidden_seqs, ruling_lines, settled_lines
from .widgets import KeyLine, KeyScroll, fit_scroll, key_line

_, ngettext, N_ = Domain("tui").words()

#: an Enter as the ruling comes up: the Enter that rolled, pressed twice
RULING_HELD = N_("Not taken: the ruling has just come up. Read it, then press Enter.")
#: a digit pressed in the view while the list under it waits for a pick
RULING_OVER_LIST = N_("Not taken: the ruling is in front of your list. Escape or Enter closes it; then pick.")


def last_ruling(state: State) -> Event | None:
    """The newest event that settled a ruling and stands (not undone, not a sealed move unrevealed), or None. What the
    package deal did counts as a ruling (found from outside: after a collapse reopened three provisional agreements,
    ``l`` put up an older vote), and an override too (:func:`~tabletop.play.working.is_ruling`)."""
    log = state.log
    undone = undone_seqs(log)
    hidden = hidden_seqs(state, log, undone)
    for event in reversed(log):
        if event.seq in undone or event.seq in hidden or event.action.kind == "undo":
            continue
        if is_ruling(state, event):
            return event
    return None


def no_ruling_words(state: State) -> str:
    """What ``l`` says when no ruling stands: none made yet, or the newest made was undone (found from outside: a room
    that had just watched an override made and taken back was told no ruling had settled anything so far)."""
    log = state.log
    undone = undone_seqs(log)
    hidden = hidden_seqs(state, log, undone)
    for event in reversed(log):
        if event.seq in undone and event.seq not in hidden and is_ruling(state, event):
            return _("No ruling stands: the last one (#{seq}) was undone.").format(seq=event.seq)
    return _("No ruling yet: dice, a vote or the facilitator have settled nothing so far.")


def ruling_to_show(state: State) -> Event | None:
    """The event the board puts up whole as soon as it is made: an argument's roll (its texts are long), else None."""
    event = state.last
    if event is None or event.action.kind != "roll":
        return None
    ruling = Ruling.from_result(event.result)
    return event if ruling is not None and ruling.resolution == "argue" else None


def ruling_text(state: State, event: Event) -> Text:
    """The event as the log names it (who, what, the verdict, the changes), then each line of its working."""
    log = state.log
    undone = undone_seqs(log)
    return working_text(event_line(state, event, hidden_seqs(state, log, undone), undone),
                        [line.plain for line in [*ruling_lines(state, event), *settled_lines(state, event)]])


def working_text(head: Text, lines: Iterable[str]) -> Text:
    """A ruling's heading (its event as a log names it), then each line of its working, a bullet each: the hot seat's
    (:func:`ruling_text`) and a hosted seat's, from the words the host sent it (:func:`~.seatwords.ruling_parts`)."""
    out = Text()
    out.append_text(head)
    for line in lines:
        out.append("\n\u2022 ")
        out.append_text(Text(line.strip()))
    return out


class RulingScreen(_Dialog[None]):
    """A ruling's whole working; Enter or Escape closes it, the arrows scroll it when the screen is short."""

    DEFAULT_CSS = """
    RulingScreen { align: center middle; background: $background 40%; }
    RulingScreen > Vertical { width: 86; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    RulingScreen #ruling-title { text-style: bold; }
    RulingScreen KeyScroll { height: auto; }
    RulingScreen #ruling-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter", "close(True)", N_("Close"), id="ruling.close"),
        Binding("escape", "close", N_("Close"), show=False, id="ruling.close-escape"),
    ]

    #: a key was pressed here since the view came up: someone is reading it (a seat keeps it up, :meth:`stale`)
    touched = False

    def __init__(self, seq: int, text: Text, hold: PickHold | None = None, *, by_itself: bool = False):
        """The ruling of event ``seq``, its ``text`` (:func:`ruling_text`, or a seat's :func:`working_text`).
        ``hold``: the view came up under the hand that rolled; an Enter within it is not taken (a double Enter).
        ``by_itself``: a seat put it up as the ruling was made, not at a key (:meth:`stale`)."""
        super().__init__()
        self._seq = seq
        self._text = text
        self._hold = hold
        self.by_itself = by_itself
        self._said = Refusals()  # one notice however often a digit is pressed

    def stale(self, seq: object, kept_if_read: bool) -> bool:
        """Whether a view the seat put up by itself is to go now the game stands at event ``seq``: a newer event has
        come (found from outside: the projector, where nobody sits, kept an argument's ruling up through the next
        roll and ruling until someone pressed Escape there). ``kept_if_read``: not once a key was pressed in it (the
        console: a facilitator reading it keeps it). A view ``l`` put up stays: someone asked for it."""
        newer = isinstance(seq, int) and seq > self._seq
        return self.by_itself and newer and not (kept_if_read and self.touched)

    def on_key(self, event: events.Key) -> None:
        """A key that reads the view keeps it up (:meth:`stale`); a digit, while the screen under it has a list to
        pick from, says the view is in the way. Found from outside: a team's own ruling stayed up over its vote, and
        27 presses of 1 did nothing, without a word, while the projector said whom the game waited for; those presses
        had been what kept the view up."""
        if event.character is not None and event.character in PICK_KEYS and self._list_under():
            self._said.show(self, _(RULING_OVER_LIST), "information", title="", seconds=4)
            return
        self.touched = True

    def _list_under(self) -> bool:
        """The screen under the view has a list with something to pick (a team's vote, the board's decision)."""
        stack = self.app.screen_stack
        under = stack[stack.index(self) - 1] if self in stack and stack.index(self) > 0 else None
        return under is not None and any(not option.disabled for found in under.query(DecisionList)
                                         for option in found.options)

    @classmethod
    def of(cls, state: State, event: Event, hold: PickHold | None = None) -> RulingScreen:
        """The hot seat's: ``event``'s ruling in ``state``'s game."""
        return cls(event.seq, ruling_text(state, event), hold)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(_("Ruling, event {seq}").format(seq=self._seq)), id="ruling-title")
            with KeyScroll(id="ruling-scroll"):
                yield Static(self._text, id="ruling-text")
            said = _("Enter or Escape: close \u00b7 \u2191/\u2193 scroll \u00b7 l on the board: this again")
            # a click on "Enter or Escape: close" is an Enter, held as a second press is (untranslated: key names)
            yield KeyLine(key_line(said, ("enter", None, None), style=""), id="ruling-keys")

    def on_mount(self) -> None:
        self.query_one(KeyScroll).focus()  # the arrows scroll it

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def refit(self) -> None:
        self._fit()

    def _fit(self) -> None:
        fit_scroll(self, "RulingScreen > Vertical")  # untranslated: CSS

    def action_close(self, by_enter: bool = False) -> None:
        if by_enter and self._hold is not None and not taken(self, self._hold, _(RULING_HELD)):
            return
        self.answer(None)


__all__ = ["RULING_HELD", "RULING_OVER_LIST", "RulingScreen", "last_ruling", "ruling_to_show", "ruling_text", "working_text"]
