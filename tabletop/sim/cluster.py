"""Where chunks of games are played: this process, a pool of processes, or a Dask cluster.

Each backend gets the scenario once (as embedded data) and a list of tasks,
and yields ``(task, result)`` as tasks finish, in whatever order. The task
function is a top-level function ``fn(scenario, task)``, so the same one
runs in this process, in a pool worker or on a Dask worker.

``--cluster local:N`` starts a Dask ``LocalCluster`` of N worker processes
(one thread each: the games are pure Python); ``--cluster tcp://HOST:8786``
joins a running ``dask scheduler``. The scenario reaches each Dask worker once,
through a worker plugin, which the scheduler hands to workers that join or
restart later too; a task lost with its worker is run again elsewhere
(``retries``, and the scheduler's own rescheduling of a dead worker's tasks).
Every worker must run the same tabletop as this machine (:mod:`.samecode`): one
that does not stops the run (:class:`.samecode.OtherTabletop`), named.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import ExitStack
from typing import Any

from ..content import Scenario
from .stopping import children_deaf_to_ctrl_c, end_workers, stop_deferred
from .workerscenario import TaskFn, data_sha, keep_in_pool, run
from .workerwatch import WorkerWatch, wait_or_stop
from ..lang import Domain

_, ngettext, N_ = Domain("sim").words()

#: how often Dask runs a task again when its worker dies or it fails (beyond the scheduler's own)
RETRIES = 3
#: the port of a Dask scheduler's address that names none (Dask's own default)
DEFAULT_PORT = 8786
#: seconds the end of a run waits for the worker watch's last look (a look stuck on a lost scheduler is let go)
WATCH_END = 5.0


def check_cluster(address: str, too_many: Callable[[int], str | None] | None = None) -> str | None:
    """What is wrong with a ``--cluster`` value, or None (``too_many``: what is wrong with ``local:N``'s N, if anything)."""
    if address.startswith("local:"):
        count = address.split(":", 1)[1]
        # ASCII digits, and few of them: "local:²" and a number of 5,000 digits were a traceback in int()
        if not (count.isascii() and count.isdigit()) or len(count) > 9 or int(count) < 1:
            return _("'{address}': write local:N with N the number of worker processes, e.g. local:2").format(address=address)
        return too_many(int(count)) if too_many is not None else None
    scheme, has_scheme, rest = address.partition("://")
    if has_scheme and scheme == "tls":
        # found from outside: tls:// was let through, and Dask's "TLS expects a ssl_context argument" was a traceback
        return _("'{address}': tabletop connects to a Dask scheduler over tcp:// only (no TLS): write "
                 "tcp://HOST:8786").format(address=address)
    if (has_scheme and scheme == "tcp") or (not has_scheme and ":" in address):
        return _scheduler_problem(address, rest if has_scheme else address)
    return _("'{address}': write local:N (a cluster on this machine) or tcp://HOST:8786 (a running dask scheduler)"
             ).format(address=address)


def _host_port(rest: str) -> tuple[str, str | None]:
    """A scheduler's ``HOST[:PORT]`` (the part after ``tcp://``) as its host and port (None: no port written)."""
    host, colon, port = rest.rpartition(":")
    if not colon or host.endswith(":") or (rest.startswith("[") and rest.endswith("]")):
        return rest, None  # no port, or an IPv6 address without one
    return host, port


def _scheduler_problem(address: str, rest: str) -> str | None:
    """What is wrong with a scheduler's ``HOST[:PORT]`` (the part after ``tcp://``), or None: an absurd port is
    refused here, not after waiting for a scheduler that cannot be there."""
    host, port = _host_port(rest)
    if not host.strip("[]"):
        return _("'{address}': the address names no host").format(address=address)
    if port == "":  # found from outside: "'tcp://127.0.0.1:':  is not a port", an empty port and a double space
        return _("'{address}': the port is missing after the colon (Dask's default is 8786)").format(address=address)
    if port is not None and not (port.isascii() and port.isdigit() and 1 <= int(port) <= 65535):
        return _("'{address}': {port} is not a port: ports are numbered from 1 to 65535").format(
            address=address, port=port)
    return None


def with_port(address: str) -> str:
    """A scheduler's address as Dask is given it: Dask's default port, 8786, where none is written (found from
    outside: "tcp://127.0.0.1", as people type Dask's address, was a traceback, "missing port number": the
    distributed this runs on fills none in)."""
    scheme, has_scheme, rest = address.partition("://")
    if scheme != "tcp" or not has_scheme or _host_port(rest)[1] is not None:
        return address  # HOST:PORT names its port; any other scheme (a test's inproc://) is Dask's to read
    return f"{address}:{DEFAULT_PORT}"


class ClusterUnreachable(Exception):
    """A Dask scheduler that does not answer, or a local cluster that does not start; says which."""


class ClusterLost(Exception):
    """A Dask cluster lost mid-run: its scheduler gone, the connection to it dropped, or a chunk's workers lost
    for good (each died with it in hand: ``chunk_lost``); the message is what Dask said, on one line."""

    def __init__(self, said: str, chunk_lost: bool = False):
        super().__init__(said)
        #: Dask gave up on a chunk, every worker that tried it dead (KilledWorker): the scheduler is up
        self.chunk_lost = chunk_lost


def _what_dask_said(exc: BaseException) -> str:
    """Dask's own words for a loss, on one line (its messages run over several)."""
    said = " ".join(str(exc).split())
    return said or type(exc).__name__


def _lost() -> tuple[type[BaseException], ...]:
    """What a Dask future or client raises when the cluster, not the task, failed."""
    from concurrent.futures import CancelledError

    from distributed.comm.core import CommClosedError
    from distributed.scheduler import KilledWorker

    # CancelledError: the client cancels every future when its scheduler goes (scheduler-connection-lost);
    # TimeoutError: it gave up reconnecting
    return CancelledError, KilledWorker, CommClosedError, TimeoutError


class Backend:
    """Plays tasks somewhere; a context manager (a cluster or pool is shut down on leaving)."""

    def __init__(self) -> None:
        #: what the backend is, in words, for the report of a run: worded as it is made, as every backend's (found
        #: from outside: "this process", a class's untranslated words, read «де: this process» in a Ukrainian room)
        self.label = _("this process")

    def __enter__(self) -> Backend:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def results(self, scenario: Scenario, fn: TaskFn, tasks: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        """``(task, fn(scenario, task))`` for each task, in the order they finish."""
        for task in tasks:
            yield task, fn(scenario, task)


class Processes(Backend):
    """A pool of ``workers`` processes on this machine (``--workers K``)."""

    def __init__(self, workers: int):
        self.workers = workers
        self.label = ngettext("{n} local process", "{n} local processes", workers).format(n=workers)

    def results(self, scenario: Scenario, fn: TaskFn, tasks: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        embedded = scenario.embedded()
        sha = data_sha(embedded)
        with ProcessPoolExecutor(max_workers=max(1, min(self.workers, len(tasks))), initializer=keep_in_pool,
                                 initargs=(sha, embedded, os.getpid())) as pool:
            pending: dict[Future[Any], Any] = {}
            try:
                with stop_deferred():  # submitting forks the workers and starts the pool's thread: not cut short
                    pending = {pool.submit(run, fn, sha, task): task for task in tasks}
                while pending:
                    done, _pending = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        yield pending.pop(future), future.result()
            except BaseException as why:
                end_workers(pool, why)  # a stop (Ctrl-C, SIGTERM) does not wait for the chunks being played
                raise
            finally:
                for future in pending:
                    future.cancel()


class Dask(Backend):
    """A Dask distributed cluster: ``local:N`` (started here) or the address of a running scheduler."""

    def __init__(self, address: str, connect_timeout: str = "20s", notice: Callable[[str], None] | None = None,
                 resumable: bool = False):
        """``notice``: told once, in words, when the scheduler has no worker yet (the games wait for one), and, on a
        remote scheduler, when its last worker leaves mid-run and when one joins again (:mod:`.workerwatch`).
        ``resumable``: the run goes on with ``--resume`` after a stop (a sweep), which the words say."""
        #: as typed (the words name it so); Dask is given it with its port (:func:`with_port`)
        self.address = address
        self.connect_timeout = connect_timeout
        self.notice = notice
        self.resumable = resumable
        self.label = _("Dask cluster {address}").format(address=address)
        self._stack = ExitStack()
        self.client: Any = None
        self._watch: WorkerWatch | None = None

    def __enter__(self) -> Dask:
        from distributed import Client, LocalCluster

        # a lost scheduler is said once, by the command (ClusterLost): the client's own reconnecting and closing
        # logged ~60 lines of tracebacks on the terminal (found from outside); quiet for this run, then as it was
        self._stack.callback(_quiet("distributed"))
        try:
            if self.address.startswith("local:"):
                with children_deaf_to_ctrl_c():  # the workers: this process ends them on Ctrl-C, not a traceback
                    cluster = self._stack.enter_context(LocalCluster(
                        n_workers=int(self.address.split(":", 1)[1]), threads_per_worker=1, processes=True,
                        # loopback only, as everything tabletop listens on (found from outside: ":0" opened the
                        # dashboard on every interface, a random port never said, answering from the LAN)
                        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
                    ))
                self.client = self._stack.enter_context(Client(cluster))
                if self.notice is not None:
                    self.notice(_("the Dask dashboard, on this machine only: {link}").format(
                        link=self.client.dashboard_link))
            else:
                reached = with_port(self.address)
                if self.notice is not None:  # found from outside: a scheduler not there was 20 s without a word
                    if reached == self.address:
                        said = _("connecting to the Dask scheduler at {address} (giving up after {timeout})")
                    else:
                        said = _("connecting to the Dask scheduler at {address} (no port given: Dask's default, "
                                 "{port}; giving up after {timeout})")
                    self.notice(said.format(address=reached, port=DEFAULT_PORT, timeout=self.connect_timeout))
                self.client = self._stack.enter_context(Client(reached, timeout=self.connect_timeout))
        # found from outside: an address distributed did not take was its ValueError or TypeError, a traceback: any
        # error of the client's making is said in one line (a crash of Dask itself too: nothing was made yet)
        except Exception as exc:  # noqa: BLE001
            self._stack.close()
            detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if self.address.startswith("local:"):
                raise ClusterUnreachable(_("cannot start a local Dask cluster ({address}): {detail}").format(
                    address=self.address, detail=detail)) from None
            if not isinstance(exc, (OSError, RuntimeError)):  # not a scheduler that does not answer: Dask's words
                raise ClusterUnreachable(_("Dask cannot connect to {address}: {detail}").format(
                    address=with_port(self.address), detail=_what_dask_said(exc))) from None
            raise ClusterUnreachable(_("no dask scheduler answers at {address} ({detail}); start one with "
                                       "'dask scheduler', and 'dask worker ADDRESS' on each machine").format(
                address=with_port(self.address), detail=detail)) from None
        if self.notice is not None and not self.address.startswith("local:"):
            gone = not self._has_workers()
            if gone:
                # found from outside: a scheduler no worker had joined yet held the progress bar at 0 without a word
                self.notice(_("no Dask worker has joined the scheduler at {address} yet: the games start when one "
                              "does (start one with 'dask worker {address}'; Ctrl-C stops here)").format(
                    address=self.address))
            self._watch_workers(self.notice, gone)
        return self

    def _watch_workers(self, notice: Callable[[str], None], gone: bool) -> None:
        """Tell the room when the remote scheduler's last worker leaves, and when one joins again (found from
        outside: a sweep whose workers had all left waited for ever without a word)."""
        if self.resumable:
            left = _("every Dask worker has left the scheduler at {address}: the games wait until one joins (start "
                     "one with 'dask worker {address}'); Ctrl-C stops here, and --resume goes on from the chunks "
                     "written")
        else:
            left = _("every Dask worker has left the scheduler at {address}: the games wait until one joins (start "
                     "one with 'dask worker {address}'); Ctrl-C stops here, with nothing reported (a simulation has "
                     "no --resume: run it again)")
        joined = _("a Dask worker has joined the scheduler at {address}: the games go on")
        self._watch = WorkerWatch(self._workers_seen, notice, left.format(address=self.address),
                                  joined.format(address=self.address), gone=gone,
                                  between_looks=wait_or_stop)  # (looked up here: the one seam tests drive)
        self._watch.start()
        self._stack.callback(self._watch.stop)  # the first thing undone: no word once the run is over

    def _has_workers(self) -> bool:
        return self._workers_seen() is not False  # a scheduler that does not say: nothing to tell the room

    def _workers_seen(self) -> bool | None:
        """Whether the scheduler has a worker now; None when it does not say (lost, or slow to answer)."""
        try:
            return bool(self.client.scheduler_info().get("workers"))
        except Exception:  # noqa: BLE001 - a scheduler that does not say: the run goes on, and says what Dask raised
            return None

    def _same_code(self, code: str, asked: set[str]) -> set[str]:
        """Ask each worker not in ``asked`` for its game code's print (:mod:`.samecode`); OtherTabletop for the first
        whose print is not ``code`` or that cannot say (its tabletop has no such question); the workers asked."""
        from .samecode import OtherTabletop, code_print_here

        workers = sorted(set(self.client.ncores()) - asked)
        if not workers:
            return asked
        answers = self.client.run(code_print_here, workers=workers, on_error="return")
        for address, answer in sorted(answers.items()):
            # an older tabletop has no such function to unpickle: Dask hands back what it raised as a bare
            # Exception naming the ModuleNotFoundError (found on a real cluster); a worker that left mid-question
            # (OSError, its connection closed) or was slow to answer is not another tabletop
            if isinstance(answer, Exception) and not isinstance(answer, (OSError, TimeoutError)):
                raise OtherTabletop(address, old=True)
            if isinstance(answer, str) and answer != code:
                raise OtherTabletop(address)
        # a worker that left, or did not answer, is asked again when it is next seen
        return asked | {address for address, answer in answers.items() if isinstance(answer, str)}

    def _same_code_on_scheduler(self, code: str) -> None:
        """OtherTabletop for a scheduler that runs another tabletop: it unpickles each chunk's task, and an older one
        could not (found on a real cluster: Dask's "Error during deserialization of the task graph", a traceback)."""
        from .samecode import OtherTabletop, code_print_here

        try:
            answer = self.client.run_on_scheduler(code_print_here)
        except (OSError, TimeoutError, *_lost()):
            raise
        except Exception:  # noqa: BLE001 - whatever an older tabletop's scheduler raises: it has no such function
            raise OtherTabletop(self.client.scheduler.address, old=True, scheduler=True) from None
        if answer != code:
            raise OtherTabletop(self.client.scheduler.address, scheduler=True)

    def __exit__(self, *exc: object) -> None:
        self._stack.close()
        if self._watch is not None:
            # a look under way ends with the client (its scheduler gone, it may have waited on it): no thread is left
            # behind, and a stuck one does not hold the command's end (it is a daemon)
            self._watch.join(timeout=WATCH_END)

    def results(self, scenario: Scenario, fn: TaskFn, tasks: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        from distributed import as_completed

        from .clusterplugin import ScenarioPlugin

        from .samecode import OtherTabletop, code_print, run_if_same

        embedded = scenario.embedded()
        sha = data_sha(embedded)
        futures: dict[Any, Any] = {}
        lost = _lost()
        code = code_print()
        try:
            # before the scenario reaches them: an older tabletop failed on its data, in words about the ruleset
            self._same_code_on_scheduler(code)
            asked = self._same_code(code, set())
            self.client.register_plugin(ScenarioPlugin(sha, embedded), name=f"tabletop-scenario-{sha}")
            futures = {
                self.client.submit(run_if_same, code, fn, sha, task, pure=False, retries=RETRIES): task
                for task in tasks
            }
            for future in as_completed(futures):
                try:
                    result = future.result()
                except (OtherTabletop, *lost):
                    raise
                except Exception:
                    # a worker too old to know run_if_same fails the chunk as it unpickles it: said as what it is
                    self._same_code(code, set())
                    raise
                yield futures[future], result
                asked = self._same_code(code, asked)  # a worker that joined since is asked before it plays on
        except lost as exc:
            from distributed.scheduler import KilledWorker

            raise ClusterLost(_what_dask_said(exc), chunk_lost=isinstance(exc, KilledWorker)) from None
        finally:
            try:
                self.client.cancel(list(futures))
            except lost:
                pass  # nothing left to cancel them on


def _quiet(name: str) -> Callable[[], None]:
    """Silence logger ``name`` and those below it that set their own level (Dask gives ``distributed.client`` its
    own level and handler), all but a crash of Dask itself; the function that puts their levels back."""
    names = [name] + [n for n in list(logging.root.manager.loggerDict) if n.startswith(name + ".")]
    loggers = [logging.getLogger(n) for n in names]
    levels = [logger.level for logger in loggers]
    for logger, level in zip(loggers, levels, strict=True):
        if logger.name == name or level != logging.NOTSET:
            logger.setLevel(logging.CRITICAL)

    def restore() -> None:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)

    return restore


def backend_for(workers: int, cluster: str | None, notice: Callable[[str], None] | None = None,
                resumable: bool = False) -> Backend:
    """The backend ``--workers`` and ``--cluster`` name (``notice``, ``resumable``: see :class:`Dask`)."""
    if cluster is not None:
        return Dask(cluster, notice=notice, resumable=resumable)
    return Processes(workers) if workers > 1 else Backend()
