"""A remote scheduler whose workers all leave mid-run: the command says so on stderr, once, with how to start a
worker and what Ctrl-C does, and says when one joins again.

Found from outside: ``sweep --cluster tcp://HOST:PORT`` whose workers had all left waited for ever without a word
(only a scheduler no worker had joined yet was said). A real scheduler and worker (a ``LocalCluster`` in this
process, joined by its address as a remote one is); the worker leaves once the first chunk is back, and the watch's
timer is the test's: each look at the scheduler happens when the test says, not when a clock has run.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.sim import cluster

from .kit import NoClient, games_seen, write_spec


class Looks:
    """The worker watch's timer, run by the test: the watch looks at the scheduler once each time :meth:`look` is
    called, and :meth:`look` returns once that look is over."""

    def __init__(self) -> None:
        self._go = threading.Semaphore(0)
        self._over = threading.Semaphore(0)
        self._began = False

    def __call__(self, stop: threading.Event, seconds: float) -> bool:
        if self._began:
            self._over.release()  # the look asked for is over
        self._began = True
        while not stop.is_set():
            if self._go.acquire(timeout=0.05):
                return False
        return True

    def look(self) -> None:
        self._go.release()
        assert self._over.acquire(timeout=120), "the watch did not look"


#: looks at the cluster, 20 ms apart at least: a bound on the wait (a count, not a clock: a loaded machine only makes
#: each look later), as tests/sim/test_stop_signal.py bounds its own
LOOKS = 6000


def _until(done: Callable[[], bool]) -> None:
    """Wait for what the cluster does by itself (a worker closing, one starting): as many looks as it takes, within
    :data:`LOOKS`."""
    for _ in range(LOOKS):
        if done():
            return
        time.sleep(0.02)
    raise AssertionError(f"the cluster did not get there in {LOOKS} looks")


class Bar:
    """The command's progress bar, standing in for Rich's (drawn only on a terminal): the test's hand in the run."""

    def __init__(self, advance: Callable[[int], None]) -> None:
        self.advance = advance

    def __call__(self, *args: object, **kwargs: object) -> Bar:
        return self

    def __enter__(self) -> Callable[[int], None]:
        return self.advance

    def __exit__(self, *exc: object) -> None:
        return None


@contextmanager
def _leaving_cluster(monkeypatch: pytest.MonkeyPatch, command: Any,
                     told: Callable[[], list[str]]) -> Iterator[tuple[str, list[list[str]]]]:
    """A scheduler with one worker, which leaves after the first chunk is back and is replaced after two looks;
    yields its address and, for each step, what stderr had been told by then."""
    from distributed import LocalCluster

    looks = Looks()
    monkeypatch.setattr(cluster, "wait_or_stop", looks, raising=False)  # (the code before had no watch)
    seen: list[list[str]] = []
    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0",
                      protocol="tcp", host="127.0.0.1") as local:  # joined by address, as a remote one is
        workers = local.scheduler.workers

        def first_chunk_back(games: int) -> None:
            if seen:
                return
            looks.look()  # a worker is there: nothing to say
            seen.append(told())
            local.scale(0)
            _until(lambda: not workers)
            looks.look()
            seen.append(told())
            looks.look()  # still none: said once
            seen.append(told())
            local.scale(1)
            _until(lambda: bool(workers))
            looks.look()
            seen.append(told())
            looks.look()
            seen.append(told())

        monkeypatch.setattr(command, "GamesBar", Bar(first_chunk_back))
        yield local.scheduler_address, seen


def test_a_sweep_whose_workers_all_leave_says_it_waits_and_when_one_joins(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.cli import sweep as command

    spec, out = write_spec(tmp_path), tmp_path / "out"  # 8 chunks
    err: list[str] = []

    def told() -> list[str]:
        err.extend(capsys.readouterr().err.splitlines())
        return list(err)

    with _leaving_cluster(monkeypatch, command, told) as (address, seen):
        assert main(["sweep", str(spec), "--out", str(out), "--cluster", address]) == 0
    left = (f"tabletop sweep: every Dask worker has left the scheduler at {address}: the games wait until one joins "
            f"(start one with 'dask worker {address}'); Ctrl-C stops here, and --resume goes on from the chunks "
            f"written")
    joined = f"tabletop sweep: a Dask worker has joined the scheduler at {address}: the games go on"
    connecting = f"tabletop sweep: connecting to the Dask scheduler at {address} (giving up after 20s)"
    assert seen == [[connecting], [connecting, left], [connecting, left], [connecting, left, joined],
                    [connecting, left, joined]], seen
    assert told()[:3] == [connecting, left, joined]
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(6)]  # the run went on, every game whole


def test_a_simulation_whose_workers_all_leave_says_it_has_no_resume(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.cli import simulate as command

    err: list[str] = []

    def told() -> list[str]:
        err.extend(capsys.readouterr().err.splitlines())
        return list(err)

    with _leaving_cluster(monkeypatch, command, told) as (address, seen):
        assert main(["simulate", "--games", "100", "--seed", "5", "--cluster", address]) == 0  # two chunks
    said = [line for line in seen[-1] if "worker" in line]
    assert said == [
        f"tabletop simulate: every Dask worker has left the scheduler at {address}: the games wait until one joins "
        f"(start one with 'dask worker {address}'); Ctrl-C stops here, with nothing reported (a simulation has no "
        f"--resume: run it again)",
        f"tabletop simulate: a Dask worker has joined the scheduler at {address}: the games go on"], seen


def test_a_scheduler_that_does_not_answer_a_look_is_no_worker_joining(monkeypatch: pytest.MonkeyPatch) -> None:
    """A look the scheduler does not answer (it is lost, or slow) says nothing: it was taken for workers there, and
    a run whose workers had all left was told one had joined. What a lost scheduler is, the run says (ClusterLost)."""
    import distributed

    answers: list[Any] = [{"workers": {"tcp://w:1": {}}}, {"workers": {}}, OSError("Timed out"), {"workers": {}},
                          OSError("Timed out"), {"workers": {"tcp://w:2": {}}}]

    class Client(NoClient):
        def scheduler_info(self) -> Any:
            answer = answers.pop(0)
            if isinstance(answer, BaseException):
                raise answer
            return answer

    monkeypatch.setattr(distributed, "Client", Client)
    looks, told = Looks(), []
    monkeypatch.setattr(cluster, "wait_or_stop", looks)  # the watch's timer, driven here
    with cluster.Dask("tcp://127.0.0.1:8801", notice=told.append):
        said = []
        for _ in range(5):
            looks.look()
            said.append(len(told))
    assert said == [2, 2, 2, 2, 3], told  # connecting, left; nothing while it does not answer; joined
    assert told[1].startswith("every Dask worker has left") and told[2].startswith("a Dask worker has joined"), told
