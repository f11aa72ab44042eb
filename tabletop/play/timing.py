"""The phase timer of a game without a screen of its own: what a host keeps for all its seats.

It times each phase as the hot seat's timekeeper does (the session's
timers, a new round or phase restarts the timer, a pause carries over),
saves its reading beside every event (so a resumed game goes on with the
time it had, paused if it was), and tells every seat where it stands: the
room's projector shows the clock paused or given more time, as the hot
seat's board does. The facilitator pauses, resumes and adds time.
"""

from __future__ import annotations

import datetime as _dt
import math
import secrets
from collections.abc import Hashable
from typing import Any

from ..engine import State
from .clock import ClockReading, Now, PhaseClock
from .session import Session

#: what "more time" adds, as on the hot seat's + key
MORE_TIME = 60


class GameClock:
    """A session's phase timer and workshop clock, read and saved beside each event."""

    def __init__(self, session: Session, now: Now, waiting: bool = False):
        self.session = session
        self._now = now
        reading = ClockReading.from_record(session.last_clock)
        self.clock = PhaseClock(now, elapsed=reading.elapsed if reading else 0.0)
        #: bumped by every pause, resume and extension: a host re-sends the views when it changes
        self.changes = 0
        #: the last time given back to the clock, by a resume or after the host was away (:meth:`give_back`), sent
        #: to every seat for the facilitator's console to say once: ``id`` (new for each), ``seconds``, ``resumed``
        #: and ``at`` (the host's time, HH:MM, of the resume, or of when it went away), and for time away ``timed``
        #: (whether a phase timer was given it, or only the session's time); sent with ``ago`` (see :meth:`facts`)
        self.away: dict[str, Any] | None = None
        self._away_since = 0.0  # when (``now``) the time was given back
        #: a new game waiting for its facilitator (a host's seats join first): nothing counts until :meth:`begin`
        self.waiting = waiting and reading is None
        phase, seconds = self._phase(session.state)
        if reading is None:
            self.clock.start(seconds, phase)
            if self.waiting:
                self.clock.pause()
        else:
            left = seconds
            if seconds is not None and reading.phase_left is not None:
                left = min(reading.phase_left, seconds)
            self.clock.start(left, phase)
            if reading.paused:
                self.clock.pause()
            down = _since(session.last_time)
            # the time since the last event is given back: the facilitator's console says so, when a phase timer
            # runs to give it to (found from outside, helper-366: with the timers off it was said "given back to the
            # phase timer" of none; the hot seat says nothing then, and the session's time never counted it)
            if down is not None and self.timed:
                self.away, self._away_since = _given(down, resumed=True), now()
        session.clock_reading = self.reading

    def _phase(self, state: State) -> tuple[Hashable, int | None]:
        seconds = None if state.over else self.session.timers.seconds(state.phase)
        return (state.round, state.phase, state.over), seconds

    def follow(self, state: State) -> None:
        """Start timing the state's phase if it is a new one."""
        self.begin()  # (an action taken: the game has started)
        phase, seconds = self._phase(state)
        self.clock.enter(phase, seconds)

    def reading(self, state: State) -> dict[str, Any]:
        """The clock to save with the event that led to ``state``."""
        self.begin()  # (an event written: the game has started, and a clock that waited is not saved as paused)
        phase, seconds = self._phase(state)
        return self.clock.reading(phase, seconds).to_record()

    def begin(self) -> bool:
        """The game starts for the room: a clock that waited starts afresh (the phase's whole time, no workshop
        time counted while the seats joined); False when it was not waiting."""
        if not self.waiting:
            return False
        self.waiting = False
        self.clock = PhaseClock(self._now)
        phase, seconds = self._phase(self.session.state)
        self.clock.start(seconds, phase)
        self.changes += 1
        return True

    @property
    def paused(self) -> bool:
        return self.clock.paused and not self.waiting

    def pause(self, paused: bool) -> bool:
        """Pause (or resume) the phase timer; False when it already was."""
        self.begin()
        if paused == self.clock.paused:
            return False
        if paused:
            self.clock.pause()
        else:
            self.clock.resume()
        self.changes += 1
        return True

    def extend(self, seconds: int = MORE_TIME) -> None:
        """More time on the phase timer (a phase without one gets one)."""
        self.begin()
        self.clock.extend(seconds)
        self.changes += 1

    def give_back(self, seconds: float) -> None:
        """The host was away ``seconds`` between two ticks (:class:`~tabletop.play.clock.Away`): they count neither
        against the phase nor in the session's time, as a resume gives back the time the host was down."""
        self.clock.give_back(seconds)
        self.away, self._away_since = _given(seconds, resumed=False), self._now()
        self.away["timed"] = self.timed  # what the console says it was given back to
        self.changes += 1

    @property
    def timed(self) -> bool:
        """Whether a phase timer runs now (none: the timers are off for this phase, and none was added)."""
        return self.clock.remaining() is not None

    def facts(self) -> dict[str, Any]:
        """What every seat may see of the clock: seconds left in the phase (None: no timer), paused, time up,
        and whether it waits for the facilitator.

        A clock that waits for the facilitator is sent as held (``paused``), so no screen counts it down (found in
        review: the seats ticked to TIME UP from the whole time while the codes were handed out); the game itself is
        not paused for it (:attr:`paused`: the teams may act), and ``waiting`` says so: a screen says it waits for
        the facilitator, not that the game is paused (found from outside: teams read PAUSED that nobody set).

        ``away`` carries ``ago``, the whole seconds since the time was given back: a console that joins later than
        that is not told it as news (found from outside: one joined long after a resume showed its notice for 30 s)."""
        left = self.clock.remaining()
        away = None if self.away is None else {**self.away, "ago": int(max(0.0, self._now() - self._away_since))}
        return {"left": None if left is None else math.ceil(left), "paused": self.clock.paused,
                "up": self.clock.time_up(), "elapsed": 0 if self.waiting else int(self.clock.elapsed()),
                "waiting": self.waiting, "away": away}


def _given(seconds: float, resumed: bool) -> dict[str, Any]:
    """Time given back to the clock, as the seats are sent it (:attr:`GameClock.away`)."""
    at = _dt.datetime.now() - _dt.timedelta(seconds=0 if resumed else seconds)
    return {"id": secrets.token_hex(4), "seconds": round(seconds), "resumed": resumed, "at": at.strftime("%H:%M")}


def _since(saved: str | None) -> float | None:
    """Seconds from a save's event time (UTC, ISO) to now; None without one (a save the reader let through with a
    time it cannot read is not worth refusing a resume for)."""
    if saved is None:
        return None
    try:
        then = _dt.datetime.fromisoformat(saved)
    except ValueError:
        return None
    if then.tzinfo is None:
        then = then.replace(tzinfo=_dt.UTC)
    return max(0.0, (_dt.datetime.now(_dt.UTC) - then).total_seconds())


__all__ = ["MORE_TIME", "GameClock"]
