"""The phase timer and the session clock of a game on screen.

Both read the time from a ``now`` callable given to them (seconds that never
go back), so a test moves time forward by hand and never waits on the wall
clock. The play screen ticks the display once a second; the clock itself
only answers questions about ``now()``.

The phase timer counts down while the game runs and stands still while the
facilitator has paused it. The session clock counts the workshop's time,
pauses included (the room is still there), and carries on across a resume
from the reading saved with the last event (:class:`ClockReading`).

A game that was away between two of its once-a-second ticks (its process stopped: a laptop asleep, ``kill -STOP``)
is given that time back, as a resume gives back the time the game was closed (:class:`Away`).

A pick pressed just after the game moved on is not taken: the list it lands on was not read yet
(:class:`PickHold`). On one shared screen a nervous double press of ``1`` drew the card and then
answered it for the team that was to choose; a double press on a vote voted for the next team too.
Whatever the game does next (an action, a bot's, an undo) puts up a new list under the same finger;
for :data:`PICK_HOLD` after that, shorter than anyone reads a list, a pick from the list is not taken
and the screen says why. Moving between a team's own lists (a track's moves, back) does not change
the game: no hold. A hold of 0 takes every pick (a screen built without the command line's setting).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple

from ..lang import Domain

_, ngettext, N_ = Domain("play").words()

Now = Callable[[], float]


def wall_clock() -> float:
    """The room's clock: seconds from an arbitrary start, never going back."""
    return time.monotonic()


class ClockReading(NamedTuple):
    """The clock as saved beside an event: what a resume starts from.

    A named tuple, not a dataclass: a dataclass compiles its methods when the board is first
    imported, before the room sees anything."""

    phase_left: float | None  # seconds left on the phase timer; None: the phase has no timer
    paused: bool
    elapsed: float  # workshop time so far, across resumes

    def to_record(self) -> dict[str, Any]:
        """Plain JSON data for the save, in whole seconds (a part second left counts as one)."""
        left = None if self.phase_left is None else math.ceil(self.phase_left)
        return {"phase_left": left, "paused": self.paused, "elapsed": round(self.elapsed)}

    @classmethod
    def from_record(cls, data: Any) -> ClockReading | None:
        """A reading read back from a save, or None when it is missing or not one."""
        if not isinstance(data, dict):
            return None
        left, paused, elapsed = data.get("phase_left"), data.get("paused", False), data.get("elapsed", 0)
        if left is not None and not _seconds(left):
            return None
        if not isinstance(paused, bool) or not _seconds(elapsed):
            return None
        return cls(None if left is None else float(left), paused, float(elapsed))


def _seconds(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


class PhaseClock:
    """The phase timer (start, pause, extend, remaining, time_up) and the session clock (elapsed)."""

    def __init__(self, now: Now = wall_clock, elapsed: float = 0.0):
        self._now = now
        self._elapsed_before = elapsed  # workshop time of earlier sittings (a resumed game)
        self._since = now()
        self.phase: Hashable = None  # what the timer is timing (the board: round, phase)
        self._left: float | None = None  # seconds left at _mark; None: no timer
        self._mark: float | None = None  # when the timer last started running; None while paused
        self._paused = False
        self._announced = False
        #: the phase timed before this one and the seconds it had left (an undo may come back to it)
        self._left_behind: tuple[Hashable, float | None] | None = None
        self._announced_behind = False  # whether that phase's time up had been announced

    # -- the phase timer ------------------------------------------------------

    def start(self, seconds: float | None, phase: Hashable = None) -> None:
        """Time a new phase of ``seconds`` (None: a phase with no timer); a pause carries over."""
        self.phase = phase
        self._left = None if seconds is None else max(0.0, float(seconds))
        self._mark = None if self._paused else self._now()
        self._announced = False

    def enter(self, phase: Hashable, seconds: float | None) -> bool:
        """Start timing ``phase`` unless it is the one being timed; True when it started.

        Back in the phase just left (an undo of the step that ended it), the timer goes on from where it was, not
        from the full time (found from outside: an undone advance gave the moves phase its whole time again)."""
        if phase == self.phase:
            return False
        left = self._starting_left(phase, seconds)
        back = self._left_behind is not None and self._left_behind[0] == phase and self._announced_behind
        self._left_behind, self._announced_behind = (self.phase, self.remaining()), self._announced
        self.start(left, phase)
        if back:
            # its time up was announced when it ran out, once (found from outside: an undo back into a phase whose
            # time was up rang and said TIME UP again, and so did the step forward again after it)
            self._announced = self.time_up()
        return True

    def _starting_left(self, phase: Hashable, seconds: float | None) -> float | None:
        """The time ``phase`` starts with: its ``seconds``, or what it had left when it is the phase just left."""
        left_behind = self._left_behind
        if left_behind is None or left_behind[0] != phase or left_behind[1] is None or seconds is None:
            return seconds
        return min(left_behind[1], float(seconds))

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        """Stop the phase timer where it stands (the session clock runs on)."""
        if not self._paused:
            self._left = self.remaining()
            self._paused = True
            self._mark = None

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            self._mark = self._now()

    def extend(self, seconds: float) -> None:
        """More time on the phase timer; time that was up starts again from ``seconds``.

        A phase without a timer gets one of ``seconds``.
        """
        self._left = (self.remaining() or 0.0) + seconds
        self._mark = None if self._paused else self._now()
        self._announced = False

    def remaining(self) -> float | None:
        """Seconds left in the phase (0 once time is up); None when the phase has no timer."""
        if self._left is None:
            return None
        if self._mark is None:
            return self._left
        return max(0.0, self._left - (self._now() - self._mark))

    def time_up(self) -> bool:
        left = self.remaining()
        return left is not None and left <= 0

    def newly_up(self) -> bool:
        """True once when the phase's time runs out (again after an extension), so it is announced once."""
        if self._announced or not self.time_up():
            return False
        self._announced = True
        return True

    def mark_announced(self) -> None:
        """Time that was up before (a resumed game) is not announced again."""
        self._announced = self.time_up()

    def give_back(self, seconds: float) -> None:
        """``seconds`` the game was away (:class:`Away`) count neither against the phase nor in the session's time."""
        self._since += seconds
        if self._mark is not None:
            self._mark += seconds

    # -- the session clock ----------------------------------------------------

    def elapsed(self) -> float:
        """The workshop's time so far, across resumes, pauses included."""
        return self._elapsed_before + max(0.0, self._now() - self._since)

    # -- saving and showing ---------------------------------------------------

    def reading(self, phase: Hashable = None, seconds: float | None = None) -> ClockReading:
        """The clock now; for another ``phase`` than the one timed, as that phase would start.

        The save records the clock after an event before the screen moves on to the
        event's phase: reading it changes nothing, in case the event is not saved. Back in the phase
        just left (an undo), the reading is the time that phase had left, as :meth:`enter` gives it
        (found from outside: an undo saved the phase's whole time, and a resume restored it).
        """
        if phase is not None and phase != self.phase:
            return ClockReading(self._starting_left(phase, seconds), self._paused, self.elapsed())
        return ClockReading(self.remaining(), self._paused, self.elapsed())

    def phase_text(self) -> str:
        """``04:12``, ``TIME UP``, or ``""`` for a phase with no timer (words, never colour alone)."""
        left = self.remaining()
        if left is None:
            return ""
        if left <= 0:
            return _("TIME UP")
        return clock_text(math.ceil(left))

    def elapsed_text(self) -> str:
        return clock_text(int(self.elapsed()), hours=True)


#: seconds the room's notice of time given back stands (:func:`away_words`): the hot seat's and a console's alike
AWAY_NOTICE = 15


def away_title() -> str:
    """The title of what the room is told of time the game was away (:func:`away_words`)."""
    return _("Time given back")


def away_words(seconds: float, timed: bool = True) -> str:
    """What the room is told of time the game was away (:class:`Away`), in the language spoken. ``timed``: a phase
    timer runs, to be given the time (found from outside, helper-366: with the timers off it was told it was)."""
    if not timed:
        return _("The game was away for {time} (the computer asleep, or the program stopped): that time is not "
                 "counted in the session's time.").format(time=clock_text(round(seconds)))
    return _("The game was away for {time} (the computer asleep, or the program stopped): that time is given back "
             "to the phase timer and not counted in the session's time.").format(time=clock_text(round(seconds)))


def clock_text(seconds: int, hours: bool = False) -> str:
    """``252`` -> ``04:12``; with ``hours`` (or past an hour) ``0:04:12``."""
    h, rest = divmod(max(0, seconds), 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if hours or h else f"{m:02d}:{s:02d}"


#: what a paused game still takes from the facilitator, on the hot seat and through a host: a note, an undo
#: (paused, the bots wait, so a bot's move and then a team's before it can be taken back), and an override (the
#: room pauses to discuss, then the facilitator records what it decided; found from outside: an override typed
#: while paused was refused, and its typed reason lost with the dialog), and the game's end (a facilitator pauses
#: to wind the session down, then ends it; found from outside: e asked both its questions, then dropped the reason)
TAKEN_PAUSED = frozenset({"note", "undo", "override", "end"})

#: seconds a new list is held after the game moved on (a double press comes within ~0.3 s)
PICK_HOLD = 0.5

#: seconds within which a letter follows another as typing, not as a key: a word typed on the board, as if into a
#: text field, is not read as a string of the facilitator's keys (found from outside: «гарантии» typed on a Russian
#: layout was u, the undo, answered by the н of y four letters on; a typist's letters come 0.1-0.4 s apart)
TYPING_GAP = 0.5


#: how many times the usual hold a sealed round's gate is held (1.5 s of a hold of 0.5 s)
GATE_TIMES = 3

#: seconds between two once-a-second ticks past which the game was away, not slow: a busy machine ticks a second
#: or two late, a process stopped (a laptop asleep, ``kill -STOP``, a terminal's ctrl+z) comes back minutes late
AWAY_AFTER = 5.0


class Away:
    """Watches a game's once-a-second ticks on ``now``: a gap far longer than a tick (:data:`AWAY_AFTER`) is time
    the game was away, to be given back to its clock (:meth:`PhaseClock.give_back`).

    Found from outside: a host stopped for three minutes woke with the moves phase's time up, and with
    ``on_time_up = "pass"`` passed every human team at once, while a host that crashed over the same break and was
    resumed gave the time back. The teams' screens had shown the host lost and the timer standing still."""

    def __init__(self, now: Now, tick: float = 1.0):
        self._now = now
        self._tick = tick
        self._last: float | None = None  # when the last tick came

    def tick(self) -> float:
        """A tick, now: the seconds the game was away since the one before (0: it was not)."""
        now = self._now()
        last, self._last = self._last, now
        if last is None or now - last <= AWAY_AFTER:
            return 0.0
        return now - last - self._tick  # the tick's own second counted, as any tick's is


class PickHold:
    """Whether a pick is taken now: not within ``hold`` seconds of a new list put up by the game moving on."""

    def __init__(self, now: Now, hold: float = 0.0):
        self._now = now
        self.hold = hold
        self._game: object = None  # the game the shown list belongs to
        self._listing: object = None
        self._since: float | None = None  # when the game last put up a new list
        self._length = hold  # how long the list now on screen is held
        #: a pick was sent from the list on screen and its answer has not come (a seat's screen, over the network)
        self.awaiting = False
        #: the hold running was started by a dialog closing over the list (:meth:`again`), not by a new list
        self.after_dialog = False

    def shown(self, game: object, listing: object, gate: bool = False) -> None:
        """A list is on screen: ``listing`` (its words) for ``game`` (what changes when the game moves on).

        ``gate``: the list calls a team to the keyboard, the others looking away (a sealed round's gate): held
        :data:`GATE_TIMES` as long, whether or not the game moved on. Found from outside: a nervous "1 1" with
        0.8 s between passed a gate the first press had just put up (a roll, a hand-over), and the next team's
        list came up with no one told to look away."""
        if game != self._game:
            self.awaiting = False  # the list a pick was sent from is gone
        if listing != self._listing and (gate or (game != self._game and self._game is not None)):
            self.start(GATE_TIMES if gate else 1)
        self._game, self._listing = game, listing

    def sent(self) -> None:
        """A pick from the list on screen was sent: no other is taken from it until the game moves on or the
        answer comes (:meth:`answered`)."""
        self.awaiting = True

    def answered(self) -> None:
        """The pick sent was answered (done, or refused): the list on screen may be picked from again."""
        self.awaiting = False

    def start(self, times: float = 1) -> None:
        """Something to answer has just come up under the hand: hold from now (``times`` the usual length)."""
        self._since = self._now()
        self._length = self.hold * times
        self.after_dialog = False

    def again(self) -> None:
        """The list on screen is under the hand again (a dialog over it closed): hold from now, as for a new list,
        unless a longer hold still runs (a sealed round's gate)."""
        now = self._now()
        if self._since is not None and self._since + self._length > now + self.hold:
            return
        self.start()
        self.after_dialog = True

    def fresh(self) -> PickHold:
        """A hold of the same clock and length, started now (a confirmation a list's pick opens)."""
        hold = PickHold(self._now, self.hold)
        hold.start()
        return hold

    def takes(self) -> bool:
        """Whether a pick made now is taken (False: the list changed under the hand a moment ago, or a pick
        sent from it awaits its answer)."""
        if self.awaiting:
            return False
        if self._since is None or self._length <= 0:
            return True
        return self._now() - self._since >= self._length


__all__ = ["AWAY_AFTER", "AWAY_NOTICE", "PICK_HOLD", "Away", "ClockReading", "PhaseClock", "PickHold", "away_title", "away_words", "clock_text", "wall_clock"]
