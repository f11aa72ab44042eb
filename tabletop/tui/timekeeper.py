"""The board's timekeeper: the phase timer and session clock on screen, and time up.

It times each phase for as long as the session's timers say (the ruleset's,
or what the start screen, ``play --timer`` or ``resume --timer`` set), shows
the time left and the workshop's time, and when a phase's time runs out says
so in words and colour, rings the terminal bell once and leaves a notice. A
ruleset with ``on_time_up = "pass"`` has the human team whose turn it is pass
while the moves phase is out of time, and the human team asked to counter an
argument make none while adjudication is (bots play on: they never keep a room
waiting). Each saved event carries the clock's reading, so a resumed game
goes on with the time it had.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable
from typing import Any, Protocol

from rich.text import Text

from ..engine import Action, State
from ..lang import Domain
from ..play.sealed import SealedDesk
from ..play.session import Session
from ..play.clock import AWAY_NOTICE, away_title, away_words
from .clock import ClockReading, Now, PhaseClock
from .notices import REFUSAL_SECONDS, Refusals, cut_off_words
from .text import literal, names, phase_word, shown

_, ngettext, N_ = Domain("tui").words()


class TimedScreen(Protocol):
    """What the timekeeper asks of the screen it times (the board): it knows no more of it."""

    session: Session
    paused: bool
    sealed: SealedDesk

    @property
    def app(self) -> Any: ...  # for the bell

    @property
    def is_active(self) -> bool: ...

    def notify(self, message: str, *, title: str = ..., severity: Any = ..., timeout: float | None = ...,
               markup: bool = ...) -> None: ...

    def act(self, action: Action) -> bool: ...

    def pause_or_ask(self) -> None: ...

#: what the facilitator's + key adds
MORE_TIME = 60
#: time up reads the same on every theme (and says it in words: never colour alone)
TIME_UP_STYLE = "bold #000000 on #ffd700"  # untranslated: a style
#: how long the time-up notice shows, in seconds: as long as a refusal's, time to read what comes next; the turn
#: panel's TIME UP stays as the lasting sign (found from outside: at 80x24 the notice covered the card and the prompt,
#: "Russia: pick a track …", for 15 s)
TIME_UP_NOTICE = REFUSAL_SECONDS


class Timekeeper:
    """Keeps a board's phase timer and session clock, and does what time up asks."""

    def __init__(self, screen: TimedScreen, now: Now):
        self.screen = screen
        self.session = screen.session
        reading = ClockReading.from_record(self.session.last_clock)
        self.clock = PhaseClock(now, elapsed=reading.elapsed if reading else 0.0)
        if reading is not None:
            self._restore(reading)
        self.session.clock_reading = self.reading
        #: the time-up notice on screen: one at a time, gone with its phase (found from outside: with 5 s phases the
        #: event phase's TIME UP still showed when the moves phase's came, two stacked)
        self.notice = Refusals()
        #: the teams the clock has passed in this run-out of the phase's time, in turn, each once: the time-up notice
        #: names them (found from outside: a notice per team, four stacked over the decision list at 80x24)
        self.passed: list[str] = []
        self._time_up_words = ""
        #: what a team had typed in an argument the clock closed, by team, track and move, for its next argument there
        #: (:func:`~.argument.keep_draft`): on this screen only, never saved until the team sends it
        self.drafts: dict[Hashable, Any] = {}

    def _phase(self, state: State) -> tuple[Hashable, int | None]:
        """What is timed now (a new round or phase restarts the timer), and for how long."""
        seconds = None if state.over else self.session.timers.seconds(state.phase)
        return (state.round, state.phase, state.over), seconds

    def _restore(self, reading: ClockReading) -> None:
        """Go on from the clock saved with the last event (its phase is the game's phase now)."""
        phase, seconds = self._phase(self.session.state)
        left = seconds
        if seconds is not None and reading.phase_left is not None:
            left = min(reading.phase_left, seconds)  # timers shortened on resume apply at once
        self.clock.start(left, phase)
        if reading.paused:
            self.clock.pause()
        self.clock.mark_announced()  # the room heard the bell before the game was closed

    # -- what the board asks ------------------------------------------------

    def follow(self, state: State) -> None:
        """Start timing the state's phase if it is a new one."""
        phase, seconds = self._phase(state)
        if self.clock.enter(phase, seconds):
            if not self.passed:  # who the clock passed stays said its time: the last pass ends the phase
                self.notice.clear(self.screen)  # "time is up for the event phase" is no longer so in the moves phase
            self.passed = []

    def reading(self, state: State) -> dict[str, Any]:
        """The clock to save with the event that led to ``state``."""
        phase, seconds = self._phase(state)
        return self.clock.reading(phase, seconds).to_record()

    @property
    def seconds_left(self) -> int:
        return math.ceil(self.clock.remaining() or 0)

    def phase_text(self) -> Text:
        """The phase timer for the turn panel: ``time 04:12``, or TIME UP in words and colour."""
        shown = self.clock.phase_text()
        if not shown or self.session.state.over:
            return Text()
        if self.clock.time_up():
            return Text(" \u26a0 " + _("TIME UP") + " ", style=TIME_UP_STYLE)
        return Text(_("time {clock}").format(clock=shown), style="bold" if (self.clock.remaining() or 0) <= 60 else "")

    def session_text(self) -> str:
        return " " + _("session {clock}").format(clock=self.clock.elapsed_text()) + " "

    def pause(self, paused: bool) -> None:
        if paused:
            self.clock.pause()
        else:
            self.clock.resume()

    def away(self, seconds: float) -> None:
        """The game was away ``seconds`` between two ticks (its process stopped): the time is given back, as a
        resume gives back the time the game was closed, and the room is told."""
        self.clock.give_back(seconds)
        timed = self.clock.remaining() is not None  # a phase with no timer: only the session's time is given back
        self.screen.notify(away_words(seconds, timed), title=away_title(), timeout=AWAY_NOTICE, markup=False)

    def extend(self) -> str:
        """One more minute on the phase timer; says what it did."""
        had_timer = self.clock.remaining() is not None
        self.clock.extend(MORE_TIME)
        if not self.passed:
            # time is no longer up: "Time is up … press +" goes with it (found from outside: at 80x24 it stayed 15 s
            # over the card beside "time 01:00"); who the clock passed stays said its time, as at a new phase
            self.notice.clear(self.screen)
        return _("One more minute on the phase timer.") if had_timer else _("A one-minute timer runs for this phase.")

    # -- time up --------------------------------------------------------------

    def tick(self) -> None:
        """Once a second: announce time up the moment it comes, and apply the ruleset's rule."""
        if self.session.state.over:
            return
        if self.clock.newly_up():
            self._announce()
        self.pass_if_out_of_time()

    def _announce(self) -> None:
        state = self.session.state
        self.screen.app.bell()
        then = time_up_then(state, self.session.timers.on_time_up,
                            state.phase == "adjudication" and self.session.time_up_pass() is not None)
        self._time_up_words = _("Time is up for the {phase} phase. {then}").format(phase=phase_word(state.phase),
                                                                                   then=then)
        self.passed = []
        self.notice.show(self.screen, self._time_up_words, "warning", title=_("TIME UP"), seconds=TIME_UP_NOTICE)

    def _due(self) -> Action | None:
        """With ``on_time_up = "pass"``, the pass the clock makes now, for the human team whose move the game waits on;
        None: none is due (time left, the game paused or over, a sealed team to hand over first, no human team)."""
        if self.session.timers.on_time_up != "pass" or not self.clock.time_up():
            return None
        screen = self.screen
        if screen.paused or self.session.state.over:
            return None
        if screen.sealed.step(self.session.state, False) is not None:
            return None  # a sealed team hands over first, as it does before a bot's turn
        action = self.session.time_up_pass()
        return action if action is not None and action.actor is not None else None

    def cut_off(self, action: Action, keep: Callable[[], bool] | None = None) -> bool:
        """Whether ``action``, the move a team's dialog was about to make, comes too late: the clock passes that team
        now. If so the team is told its move was not made (found from outside: a move's question left open past TIME
        UP made the move after the time was up, while the other teams were passed). ``keep``: keeps what the team had
        typed for its next try, and says whether there was anything; the notice says it is kept."""
        due = self._due()
        if due is None or due.actor != action.actor:
            return False
        state = self.session.state
        named = names(state)
        move = shown(state).index.moves.get(action.move or "")
        said = cut_off_words(named.get(due.actor or "", due.actor or ""),
                             None if action.kind == "counter" else literal(move.name) if move else str(action.move),
                             kept=keep is not None and keep(), track=named.get(action.track or "", action.track or ""))
        self.screen.notify(said, title=_("TIME UP"), severity="warning", timeout=15, markup=False)
        return True

    def pass_if_out_of_time(self) -> None:
        """With ``on_time_up = "pass"``: the human team whose move the game waits on passes. A dialog that would make
        that team's move closes unanswered first (:meth:`cut_off`), the help over it with it; the help over the board
        alone closes and the team passes; the facilitator's dialogs may finish first."""
        action = self._due()
        if action is None or action.actor is None:
            return
        screen = self.screen
        stack = screen.app.screen_stack if not screen.is_active else []
        if len(stack) > 1 and stack[-2] is screen and getattr(stack[-1], "explains_under", False):
            # the help (F1) over the board alone closes, and the clock passes the team as it would without it: the
            # help explains a board that has moved on (found from outside: the clock passed nobody until it was closed)
            stack[-1].answer(None)  # type: ignore[attr-defined]
        elif not screen.is_active:
            # a dialog that would make a move names it (``_Dialog.commits``); read by name, so that the dialogs'
            # module loads when one is first opened, not with the board (tests/tui/test_startup.py)
            dialog = stack[-1]
            # the help (F1) over the question closes with it: it would explain a question no longer there (found from
            # outside: with the help up, the clock passed nobody and the team typed on)
            over = dialog if getattr(dialog, "explains_under", False) and len(stack) > 2 else None
            if over is not None:
                dialog = stack[-2]
            commits = getattr(dialog, "commits", None)
            if isinstance(commits, Action) and self.cut_off(commits, getattr(dialog, "keep_typed", None)):
                if over is not None:
                    over.answer(None)  # type: ignore[attr-defined]
                dialog.answer(None)  # type: ignore[attr-defined]  # the board is up again: its redraw, or the next tick, passes the team
            return
        if screen.act(action):
            if action.actor not in self.passed:
                self.passed.append(action.actor)
            self._say_passed()
        elif not screen.paused:
            # refused (the save could not take it): trying again every second helps nobody, and
            # as with a bot's refused move the game waits for the facilitator
            screen.pause_or_ask()

    def _say_passed(self) -> None:
        """The time-up notice again, in its own place, with the teams the clock has passed so far under it."""
        named = names(self.session.state)
        who = ", ".join(named.get(a, a) for a in self.passed)
        said = "\n".join(filter(None, [self._time_up_words, _("Passed: {actors}.").format(actors=who)]))
        self.notice.show(self.screen, said, "warning", title=_("TIME UP"), seconds=TIME_UP_NOTICE)


def time_up_then(state: State, on_time_up: str, counter_due: bool) -> str:
    """What the time-up notice says comes next in ``state``'s phase, under the timers' ``on_time_up``: only what the
    facilitator can do there, or what the clock does (found from outside: in the moves phase it said "or move on",
    and the facilitator has no key for that: only the team whose turn it is can pass). ``counter_due``: a human team
    is asked to counter an argument now (the clock's pass makes none for it under ``on_time_up = "pass"``)."""
    if on_time_up == "pass" and state.phase == "moves":
        # the timers' rule, from the ruleset, --timer or the start screen (found from outside: "the ruleset says
        # so" of a rule the facilitator had typed on the start screen)
        return _("Each human team whose turn it is now passes (the timers say so: on_time_up = pass); + gives one "
                 "more minute.")
    if on_time_up == "pass" and state.phase == "adjudication" and counter_due:
        return _("The human team asked to counter now makes no counter (the timers say so: on_time_up = pass); + "
                 "gives one more minute.")
    if state.phase == "moves" and state.turn is not None:
        return _("Press + for one more minute, or ask the team whose turn it is to pass.")
    if state.phase == "adjudication" and state.queue:
        return _("Press + for one more minute, or go on through the proposals left, from the list.")
    # the event phase, the review, a phase whose teams are done: the facilitator moves on from the decision list
    return _("Press + for one more minute, or move on from the list.")


__all__ = ["MORE_TIME", "TIME_UP_NOTICE", "TimedScreen", "Timekeeper", "time_up_then"]
