"""The phase timer and the session clock: headless, in :mod:`tabletop.play.clock` (a host keeps one too)."""

from __future__ import annotations

from ..play.clock import Away, ClockReading, Now, PhaseClock, clock_text, wall_clock

__all__ = ["Away", "ClockReading", "Now", "PhaseClock", "clock_text", "wall_clock"]
