"""A remote Dask scheduler's workers, watched while a run uses them: the room is told when the last one leaves
(the games wait for a worker, without a word from Dask) and when one joins again.

Found from outside: a ``sweep --cluster tcp://HOST:PORT`` whose workers had all
left (their laptops closed, their terminals stopped) held the progress bar
where it was, for ever and without a word. A thread looks at the scheduler
every :data:`EVERY` seconds; a worker that a nanny restarts within that time is
seldom seen gone, so a restart is not announced as the end of the cluster.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

#: seconds between two looks at the scheduler's workers
EVERY = 5.0

#: waits ``seconds`` or until ``stop`` is set; True when it was set (tests pass their own, driven by hand)
BetweenLooks = Callable[[threading.Event, float], bool]


def wait_or_stop(stop: threading.Event, seconds: float) -> bool:
    """The watch's timer: the clock's ``seconds``, cut short by a stop."""
    return stop.wait(seconds)


class WorkerWatch:
    """Says ``left`` once when the scheduler's workers are all gone, and ``joined`` once when one is back.

    ``has_workers`` is asked from the watch's own thread (a synchronous Dask client may be used from any thread);
    None when the scheduler does not answer: nothing is said then (a lost scheduler is the run's to say, and it is
    no worker joining). ``gone``: the scheduler had no worker when the watch began (the run has said so already).
    """

    def __init__(self, has_workers: Callable[[], bool | None], notice: Callable[[str], None], left: str, joined: str,
                 gone: bool = False, between_looks: BetweenLooks = wait_or_stop):
        self._has_workers = has_workers
        self._notice = notice
        self._left, self._joined = left, joined
        self.gone = gone
        self._between_looks = between_looks
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="tabletop-worker-watch", daemon=True)

    def start(self) -> WorkerWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        """No more looks, and no word after this (the run is over, or stopped)."""
        self._stop.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def look(self) -> None:
        """One look: a word when the workers have all gone since the last one, or one has come back."""
        has = self._has_workers()
        if has is None or (not has) == self.gone or self._stop.is_set():
            return  # not known, or nothing changed (or nobody waits for the word any more)
        self.gone = not has
        self._notice(self._left if self.gone else self._joined)

    def _watch(self) -> None:
        while not self._between_looks(self._stop, EVERY):
            self.look()


__all__ = ["EVERY", "BetweenLooks", "WorkerWatch", "wait_or_stop"]
