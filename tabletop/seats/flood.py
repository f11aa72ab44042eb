"""A connection's pace: how many messages a second a seat may send (a token bucket).

A person sends a few acts a minute; a screen that sends hundreds a second is
broken or hostile, and is told ``TOO_FAST`` instead of being served. The
clock is injected, so a test steps it instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: messages a second a connection may keep sending, and how many at once
RATE = 20.0
BURST = 40


class Bucket:
    """``burst`` messages at once, refilled at ``rate`` a second."""

    def __init__(self, rate: float = RATE, burst: int = BURST, clock: Callable[[], float] = time.monotonic):
        self.rate = rate
        self.burst = burst
        self.clock = clock
        self._tokens = float(burst)
        self._at = clock()

    def take(self) -> bool:
        """One message: True if it is within the pace (and counted), False if it comes too fast."""
        now = self.clock()
        self._tokens = min(self.burst, self._tokens + (now - self._at) * self.rate)
        self._at = now
        if self._tokens >= 1:
            self._tokens -= 1
            return True
        return False


__all__ = ["BURST", "RATE", "Bucket"]
