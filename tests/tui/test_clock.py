"""The phase timer and the session clock, driven by a clock the test moves by hand."""

from __future__ import annotations

from tabletop.play.clock import AWAY_AFTER, Away
from tabletop.tui.clock import ClockReading, PhaseClock, clock_text


class FakeTime:
    """``now`` for a clock: stands still until the test moves it."""

    def __init__(self, start: float = 1000.0):
        self.t = start

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


def test_a_phase_counts_down_and_is_up_at_its_length() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(300, "moves")
    assert clock.remaining() == 300 and not clock.time_up()
    now.advance(299.5)
    assert clock.remaining() == 0.5 and clock.phase_text() == "00:01" and not clock.time_up()
    now.advance(0.5)
    assert clock.time_up() and clock.remaining() == 0 and clock.phase_text() == "TIME UP"
    now.advance(100)
    assert clock.remaining() == 0  # never below zero


def test_pause_stops_the_phase_timer_but_not_the_session_clock() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(120, "event")
    now.advance(20)
    clock.pause()
    assert clock.paused
    now.advance(600)
    assert clock.remaining() == 100
    assert clock.elapsed() == 620  # the room was there all along
    clock.resume()
    now.advance(30)
    assert clock.remaining() == 70 and not clock.paused


def test_extend_adds_time_and_restarts_time_that_was_up() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(60, "review")
    now.advance(30)
    clock.extend(60)
    assert clock.remaining() == 90
    now.advance(200)
    assert clock.time_up()
    clock.extend(60)  # time that ran out long ago starts again from the minute given
    assert clock.remaining() == 60 and not clock.time_up()
    clock.pause()
    clock.extend(60)
    now.advance(500)
    assert clock.remaining() == 120  # extended while paused: still standing


def test_time_up_is_announced_once_per_run_out() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(10, "moves")
    assert not clock.newly_up()
    now.advance(10)
    assert clock.newly_up()
    assert not clock.newly_up()  # the bell rings once, not every tick
    clock.extend(5)
    now.advance(5)
    assert clock.newly_up()  # after more time ran out again: once more
    clock.start(10, "adjudication")
    now.advance(11)
    assert clock.newly_up()


def test_entering_the_same_phase_keeps_the_time_a_new_one_restarts_it() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    assert clock.enter((1, "event"), 120)
    now.advance(50)
    assert not clock.enter((1, "event"), 120)
    assert clock.remaining() == 70
    assert clock.enter((1, "moves"), 300)
    assert clock.remaining() == 300


def test_a_phase_without_a_timer_is_never_up_and_plus_gives_it_one() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(None, "moves")
    now.advance(10_000)
    assert clock.remaining() is None and not clock.time_up() and clock.phase_text() == ""
    clock.extend(60)
    now.advance(59)
    assert clock.remaining() == 1


def test_a_phase_started_while_paused_waits_for_the_resume() -> None:
    now = FakeTime()
    clock = PhaseClock(now)
    clock.start(100, "a")
    clock.pause()
    clock.start(300, "b")
    now.advance(1000)
    assert clock.remaining() == 300 and clock.paused
    clock.resume()
    now.advance(1)
    assert clock.remaining() == 299


def test_the_session_clock_carries_on_from_a_reading() -> None:
    now = FakeTime()
    clock = PhaseClock(now, elapsed=3600.0)
    now.advance(65)
    assert clock.elapsed() == 3665 and clock.elapsed_text() == "1:01:05"


def test_reading_what_a_save_records() -> None:
    now = FakeTime()
    clock = PhaseClock(now, elapsed=10)
    clock.start(300, (2, "moves", False))
    now.advance(12.345)
    assert clock.reading().to_record() == {"phase_left": 288, "paused": False, "elapsed": 22}
    # read for the phase an event leads to, before the screen starts timing it: nothing changes
    assert clock.reading((2, "adjudication", False), 180).phase_left == 180
    assert clock.remaining() == 300 - 12.345


def test_a_reading_from_a_save_is_checked() -> None:
    good = ClockReading.from_record({"phase_left": 12.5, "paused": True, "elapsed": 99})
    assert good == ClockReading(12.5, True, 99.0)
    assert ClockReading.from_record({"phase_left": None, "paused": False, "elapsed": 0}) == ClockReading(None, False, 0.0)
    for bad in (None, "soon", [], {"phase_left": -1}, {"phase_left": "5m"}, {"elapsed": True},
                {"paused": "yes"}, {"elapsed": float("nan")}, {"phase_left": float("inf")}):
        assert ClockReading.from_record(bad) is None, bad


def test_clock_text() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(252) == "04:12"
    assert clock_text(3725) == "1:02:05"
    assert clock_text(5, hours=True) == "0:00:05"


def test_back_in_the_phase_just_left_the_timer_goes_on_from_where_it_was() -> None:
    """Found from outside (helper-84): an undo of the step that ended the moves phase gave the moves phase its whole
    time again, as if the room had not spent any of it."""
    now = FakeTime()
    clock = PhaseClock(now)
    clock.enter((1, "moves"), 300)
    now.advance(200)
    assert clock.enter((1, "adjudication"), 120)  # the facilitator advances, by mistake
    now.advance(10)
    assert clock.remaining() == 110
    assert clock.enter((1, "moves"), 300)  # undone: back in the moves phase
    assert clock.remaining() == 100  # the 100 s it had left, not 300
    now.advance(30)
    assert clock.enter((1, "adjudication"), 120) and clock.remaining() == 110  # and on again: where it was too
    assert clock.enter((2, "moves"), 300) and clock.remaining() == 300  # a new round's phase: its whole time


def test_a_phase_come_back_to_with_its_time_up_and_said_is_not_announced_again() -> None:
    """Found from outside: an undo back into a phase whose time had run out (and been said) said TIME UP again, and
    the step forward again into the next phase, whose time was up too, once more."""
    now = FakeTime()
    clock = PhaseClock(now)
    clock.enter((1, "event"), 5)
    now.advance(5)
    assert clock.newly_up()
    assert clock.enter((1, "moves"), 5)
    now.advance(5)
    assert clock.newly_up()
    assert clock.enter((1, "event"), 5) and clock.time_up()  # undone: back, its time up, said before
    assert not clock.newly_up()
    assert clock.enter((1, "moves"), 5) and clock.time_up()  # forward again
    assert not clock.newly_up()
    clock.extend(10)
    now.advance(10)
    assert clock.newly_up()  # more time run out: said again
    assert clock.enter((1, "adjudication"), 5)
    now.advance(5)
    assert clock.newly_up()  # a phase not timed before: its own


def test_ticks_late_by_a_few_seconds_give_nothing_back_and_a_long_gap_gives_back_all_but_the_tick() -> None:
    """A busy machine ticks a second or two late: that time counts. A gap past AWAY_AFTER is time the game was away
    (its process stopped): the phase timer and the session clock are given it back, less the tick's own second."""
    now = FakeTime()
    clock, away = PhaseClock(now), Away(now)
    clock.start(300)
    assert away.tick() == 0  # the first tick only marks the time
    now.advance(AWAY_AFTER)
    assert away.tick() == 0
    now.advance(1 + 180)
    given = away.tick()
    assert given == 180
    clock.give_back(given)
    assert clock.remaining() == 300 - AWAY_AFTER - 1 and clock.elapsed() == AWAY_AFTER + 1
    clock.pause()
    now.advance(1 + 60)
    clock.give_back(away.tick())  # paused, the phase stands still; the session's time is given its minute back
    assert clock.remaining() == 300 - AWAY_AFTER - 1 and clock.elapsed() == AWAY_AFTER + 2
