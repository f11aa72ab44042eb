"""A long run stopped from outside: SIGTERM and SIGHUP end it as Ctrl-C does, its worker processes included.

Ctrl-C reaches every process of the terminal's foreground group, the pool's
workers too; ``kill -TERM`` (a shutdown, a supervisor) and a closed terminal's
SIGHUP may reach the parent alone, whose default end left the workers blocked
for ever, writing results nobody reads. While :func:`stop_signals` lasts, the
signal raises :class:`Stopped` in the parent instead, and a pool ended by a
stop ends its workers (:func:`end_workers`) rather than waiting for their chunks.

A pool being set up (forking its workers, starting its thread) cannot be shut
down if cut short there: a stop that comes then waits for the end of
:func:`stop_deferred`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType

#: the signals that stop a run; Ctrl-C's SIGINT is Python's KeyboardInterrupt already
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(BaseException):
    """A stop signal arrived (``signum``). Like KeyboardInterrupt, no ``except Exception`` takes it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        """The signal's name, SIGTERM or SIGHUP."""
        return signal.Signals(self.signum).name

    @property
    def status(self) -> int:
        """The exit status of a program the signal killed, as a shell reports it."""
        return 128 + self.signum


class _Deferral:
    """Whether a stop must wait (a pool is being set up), and the signal that came meanwhile."""

    def __init__(self) -> None:
        self.depth = 0
        self.signum: int | None = None


_DEFERRAL = _Deferral()


@contextmanager
def children_deaf_to_ctrl_c() -> Iterator[None]:
    """The processes started in the block ignore Ctrl-C's SIGINT: an ignored signal stays ignored across exec, and
    Python then installs no KeyboardInterrupt of its own. Ctrl-C reaches the whole foreground group, and a Dask
    worker process that took it printed its traceback over the parent's clean "interrupted" (found from outside);
    the parent ends its workers itself. This process ignores Ctrl-C too while the block runs (a cluster starting:
    a second or two), then takes it again. Outside the main thread (where no handler can be set) it does nothing."""
    try:
        before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


@contextmanager
def stop_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP raise :class:`Stopped` in this process while the block runs (in the main thread)."""
    owner = os.getpid()
    # None: a handler not set from Python, which cannot be put back; the default stands in
    before = {signum: signal.getsignal(signum) or signal.SIG_DFL for signum in STOP_SIGNALS}

    def restore() -> None:
        for signum, handler in before.items():
            signal.signal(signum, handler)

    def stop(signum: int, _frame: FrameType | None) -> None:
        restore()  # a second signal ends the process outright, should the stop itself hang
        if os.getpid() != owner:  # a worker forked with this handler: it ends as it would have
            os.kill(os.getpid(), signum)
        elif _DEFERRAL.depth:
            _DEFERRAL.signum = signum
        else:
            raise Stopped(signum)

    for signum in STOP_SIGNALS:
        signal.signal(signum, stop)
    try:
        yield
    finally:
        if os.getpid() == owner:
            restore()
            _DEFERRAL.signum = None


@contextmanager
def stop_deferred() -> Iterator[None]:
    """A stop signal that comes during the block is raised at its end (as :class:`Stopped`), not inside it."""
    _DEFERRAL.depth += 1
    try:
        yield
    finally:
        _DEFERRAL.depth -= 1
    if not _DEFERRAL.depth and _DEFERRAL.signum is not None:
        signum, _DEFERRAL.signum = _DEFERRAL.signum, None
        raise Stopped(signum)


def end_workers(pool: ProcessPoolExecutor, why: BaseException) -> None:
    """Shut ``pool`` down, because of ``why``, starting no other chunk.

    A game that failed (an ``Exception``: a full disk under ``--save-dir``) lets the chunks being played
    finish: a simulated game's save is written whole or not at all. Anything else is a stop (Ctrl-C,
    :class:`Stopped`) or a run abandoned because of one (``GeneratorExit``): nobody will read those chunks,
    and the workers end now (killed: a worker holds nothing the parent needs, what it played is lost).
    """
    if not isinstance(why, Exception):
        # every process multiprocessing started here is the pool's: a run holds one pool at a time
        for worker in multiprocessing.active_children():
            worker.kill()
    pool.shutdown(wait=True, cancel_futures=True)
