"""The facilitator's powers on a hosted game's console: the hot seat's, sent to the host.

Undo, note, inject, end, override a track or meter (with its reason), pause
and resume the game, more time on the phase timer, and every seat's join
code. Each asks what it needs in the hot seat's own dialogs (the override's
are :func:`~tabletop.tui.override.ask_override`) and is sent to the host,
which checks the seat is the facilitator's (a team gets ``NOT_YOUR_SEAT``),
saves it as the hot seat does and shows every seat the result: the log line
with the override's reason, the clock paused or given more time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

from rich.text import Text
from textual.binding import Binding

from ..content.literal import literal
from ..engine import Action, State
from ..engine.review import noted_in
from ..lang import Domain
from ..play.replica import Replica
from ..seats.joincodes import join_line
from .modals import AskScreen, PickScreen
from .notices import EXTEND_HELD, SecondPress, pause_held
from .seatwords import seat_name
from .text import told

_, ngettext, N_ = Domain("tui").words()

if TYPE_CHECKING:
    from textual.screen import Screen

    _Screen = Screen[None]
else:
    _Screen = object  # a plain mixin at run time: the seat's screen is the screen

#: the console's keys, as on the hot seat's board where it has them (p, +, o, u, n, i, e); the footer names a binding's
#: first key: e ends the game, as on the board, and x, the console's key before (docs/seats.md named it), still does
POWER_BINDINGS = [
    Binding("p", "pause", N_("Pause"), id="seat.pause"),
    Binding("p", "resume", N_("Resume"), id="seat.resume"),
    Binding("plus,equals_sign", "extend", N_("+1 min"), id="seat.extend"),
    Binding("o", "override", N_("Override"), id="seat.override"),
    Binding("u", "undo", N_("Undo"), id="seat.undo"),
    Binding("n", "note", N_("Note"), id="seat.note"),
    Binding("i", "inject", N_("Inject"), id="seat.inject"),
    Binding("e,x", "end", N_("End"), id="seat.end"),  # as the board's footer says it
    Binding("c", "codes", N_("Join codes"), id="seat.codes"),
]
_FACILITATOR = frozenset({"pause", "resume", "extend", "override", "undo", "note", "inject", "end"})


class Console(Protocol):
    """What the powers ask of the seat's app (:class:`~tabletop.tui.seat.SeatApp`)."""

    view: Mapping[str, Any] | None
    role: str | None
    codes: dict[str, str]

    @property
    def replica(self) -> Replica | None: ...

    @property
    def teams(self) -> dict[str, str]: ...

    def send(self, action: Mapping[str, Any]) -> None: ...

    def time(self, what: str) -> None: ...

    def deck_cards(self) -> list[tuple[str, Text]]: ...


class ConsolePowers(_Screen):
    """The facilitator's keys on a seat's screen (other seats have none of them)."""

    #: the actions whose keys open a dialog: the keys typed after one go to the dialog (:class:`~.keys.DialogKeys`),
    #: as on the hot seat's board (found in review: "n why Enter" in one burst left the note empty on the console)
    dialog_actions = frozenset({"override", "undo", "note", "inject", "end", "codes"})
    _extend_press: SecondPress | None = None  # made on the first +
    _pause_press: SecondPress | None = None  # made on the first p
    _pause_sent = "resume"  # what the last p taken sent

    @property
    def seat_app(self) -> Console:
        return self.app  # type: ignore[return-value]  # the seat's screen runs in a SeatApp

    def _paused(self) -> bool:
        view = self.seat_app.view or {}
        clock = view.get("clock")
        return isinstance(clock, Mapping) and bool(clock.get("paused"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The facilitator's powers only on the facilitator's console; Pause or Resume as the clock stands."""
        if action in _FACILITATOR:
            if self.seat_app.role != "facilitator":
                return False
            if action in ("pause", "resume"):
                return self._paused() == (action == "resume")
            return True
        if action == "codes":
            return bool(self.seat_app.codes)
        return True

    def action_codes(self) -> None:
        """Every seat's join code (the host printed them, but this console covers its terminal)."""
        codes, view, where = self.seat_app.codes, self.seat_app.view or {}, self.seat_app.join_at
        # a named team as the host's join lines call it, "Delegation A (Russia)" (found from outside: "Russia: …",
        # and the facilitator reading the codes out from the console could not tell which team got which)
        teams = self.seat_app.teams
        if where is None:
            lines = [Text(f"{seat_name(seat, view, teams)}: {literal(code, lines=False)}") for seat, code in codes.items()]
            # its keys (Enter or Escape: close) are said under it, as every list's: not again in its title
            self.app.push_screen(PickScreen(_("Join codes: each seat runs tabletop join ADDR:PORT and types its code "
                                              "when the screen asks"), lines, read_only=True))
            return
        # found from outside: the dialog said "ADDR:PORT", which the facilitator had to find in the scrolled-away
        # lines the host printed; each seat's line is now the command to type, as printed
        at = literal(where, lines=False)
        # the code beside the command, never on it: any user of a shared machine reads a command's words in ps
        lines = [Text(f"{seat_name(seat, view, teams)}: {join_line(at, literal(code, lines=False))}")
                 for seat, code in codes.items()]
        self.app.push_screen(PickScreen(_("Join codes: each seat runs its command in a terminal and types its code "
                                          "when the screen asks"), lines, read_only=True))

    def action_pause(self) -> None:
        if self._pause_taken("pause"):
            self.seat_app.time("pause")

    def action_resume(self) -> None:
        if self._pause_taken("resume"):
            self.seat_app.time("resume")

    def _pause_taken(self, what: str) -> bool:
        """Whether this p (``what`` it would send) is taken: held as the hot seat's p is, a second p within the hold of
        the one before, or a double click on the key bar's "Pause", is not (found from outside: p p paused the clock and
        resumed it at once); said as the first p left the game, whatever the view from the host says yet."""
        if self._pause_press is None:
            self._pause_press = SecondPress()
        if not self._pause_press.taken(self, getattr(self, "hold", None), pause_held(self._pause_sent == "pause")):
            return False
        self._pause_sent = what
        return True

    def action_extend(self) -> None:
        if self._extend_press is None:
            self._extend_press = SecondPress()
        # held as the hot seat's + is: a double press, or a double click on "+1 min", gives one minute, not two
        if self._extend_press.taken(self, getattr(self, "hold", None), _(EXTEND_HELD)):
            self.seat_app.time("extend")

    def action_override(self) -> None:
        """Override a track or meter with a reason, in the hot seat's dialogs, from the console's copy of the game."""
        from .override import ask_override

        replica = self.seat_app.replica
        if replica is None:
            self.app.notify(_("The board is not replayed here: override from the host's own console."), markup=False,
                            severity="warning")
            return
        ask_override(self.app, replica.state, lambda action: self.seat_app.send(action.to_dict()))

    def action_undo(self) -> None:
        """Asked first, as on the hot seat (a stray u took a team's move back at once); the facilitator's own
        screen names the event in full, a sealed move too."""
        from .powers import ask_undo

        replica = self.seat_app.replica
        ask_undo(self, replica.state if replica is not None else None,
                 lambda reason: self.seat_app.send({"kind": "undo", **({"reason": reason} if reason else {})}),
                 shared=False,
                 current=lambda: (self.seat_app.replica or replica).state if replica is not None else None)

    def action_note(self) -> None:
        replica = self.seat_app.replica
        if replica is not None:  # an event chosen from the console's copy of the game, named in full, as its undo is
            from .powers import ask_note

            # the game as the console holds it now: a reconnect while the dialog is open makes a new copy (review)
            ask_note(self, lambda: (self.seat_app.replica or replica).state, told, _teams_read, _("what happened, why"),
                     lambda about, text: self.seat_app.send({"kind": "note", "text": text, "about": about}))
            return

        # with no copy of the game: on the host's default, the last event
        def noted(text: str | None) -> None:
            if text:
                self.seat_app.send({"kind": "note", "text": text})

        title = _("A note for the record, on the last event (every screen and the report show it)")
        self.app.push_screen(AskScreen(title, _("what happened, why")), noted)

    def action_end(self) -> None:
        from .powers import ask_end  # as the undo's: the hot seat's question, imported when asked

        replica = self.seat_app.replica
        hold = getattr(self, "_hold", None)
        ask_end(self, replica.state if replica is not None else None, hold.fresh() if hold is not None else None,
                lambda reason: self.seat_app.send({"kind": "end", **({"reason": reason} if reason else {})}),
                shared=False)  # the facilitator's own screen: a sealed move left undecided named in full

    def action_inject(self) -> None:
        cards = self.seat_app.deck_cards()
        if not cards:
            self.app.notify(_("The host sent no deck to inject from."), severity="warning", markup=False)
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self.seat_app.send(Action("inject", card=cards[index][0]).to_dict())

        self.app.push_screen(PickScreen(_("Inject a card now"), [label for _id, label in cards], search=True),
                             chosen)


def _teams_read(state: State, about: int) -> str:
    """Who reads a note on event ``about`` (a note on a note: on what that one is on): a sealed move or a counter
    behind the gate the teams cannot read yet hides a note on it from them with it."""
    from ..seats.views import secrets  # only when a note is asked for: not on every seat's start

    on = noted_in(state, about)
    known = secrets(state)
    if on in known.sealed:
        return _("A note for the record, on a sealed move, not revealed yet. The teams' screens show the note once the "
                 "move is revealed; if it never is, only your screen and the report do")
    if on in known.counters:
        return _("A note for the record, on a sealed counter, not revealed yet. The teams' screens show the note once "
                 "the counters are revealed; if they never are, only your screen and the report do")
    return _("A note for the record (every screen and the report show it)")


__all__ = ["POWER_BINDINGS", "ConsolePowers"]
