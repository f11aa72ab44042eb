"""A Dask cluster lost mid-run (its scheduler killed, the connection dropped, a chunk's workers lost for good) ends
the sweep as a stop does: one line, what Dask said, every chunk written whole, how to resume; no traceback.

Found from outside: killing the scheduler mid-sweep printed ~60 lines of tracebacks (``distributed.client - ERROR``,
``FutureCancelledError: … scheduler-connection-lost``) and no ``--resume`` hint. A fake client stands in for the
cluster: what is tested is what this code does with what Dask raises, not Dask.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.sim import cluster
from tabletop.sim.cluster import Dask

from .kit import NoClient, games_seen, write_spec

LOST = "Client lost the connection to the scheduler.\nPlease check your connection and re-run your work."


def _cancelled() -> BaseException:
    from distributed.client import FutureCancelledError

    return FutureCancelledError("run-1", "scheduler-connection-lost", LOST)


def _killed() -> BaseException:
    from types import SimpleNamespace

    from distributed.scheduler import KilledWorker

    return KilledWorker("run-2", SimpleNamespace(address="tcp://127.0.0.1:8803"), 3)


class FakeFuture:
    def __init__(self, result: Any) -> None:
        self._result = result

    def result(self) -> Any:
        if isinstance(self._result, BaseException):
            raise self._result
        return self._result


class FakeClient:
    """Plays the first ``whole`` tasks in this process, then every future raises ``fails``."""

    def __init__(self, whole: int, fails: BaseException) -> None:
        self.whole, self.fails = whole, fails

    def register_plugin(self, *args: object, **kwargs: object) -> None:
        return None

    def run_on_scheduler(self, fn: Any) -> str:
        return fn()  # the scheduler runs this tabletop

    def ncores(self) -> dict[str, int]:
        return {}  # no worker to ask which tabletop it runs: the futures stand in for them


    def submit(self, fn: Any, *args: Any, **kwargs: Any) -> FakeFuture:
        if self.whole <= 0:
            return FakeFuture(self.fails)
        self.whole -= 1
        # submit(run_if_same, code, fn, sha, task): run_if_same finds the scenario by its sha on a worker
        _code, task_fn, _sha, task = args
        return FakeFuture(task_fn(self.scenario, task))

    def cancel(self, futures: object) -> None:
        from distributed.comm.core import CommClosedError

        raise CommClosedError("in <TCP (closed)>: Stream is closed")  # a client that lost its scheduler


@pytest.fixture
def fake_cluster(monkeypatch: pytest.MonkeyPatch) -> list[FakeClient]:
    """``--cluster tcp://…`` joins a fake client (set by the test) and hands back futures as submitted."""
    import distributed

    from tabletop.content.loader import load_scenario

    clients: list[FakeClient] = []

    def enter(self: Dask) -> Dask:
        self.client = clients[0]
        return self

    real_results = Dask.results

    def results(self: Dask, scenario: Any, fn: Any, tasks: Any) -> Any:
        self.client.scenario = scenario  # type: ignore[attr-defined]
        return real_results(self, scenario, fn, tasks)

    monkeypatch.setattr(Dask, "__enter__", enter)
    monkeypatch.setattr(Dask, "__exit__", lambda self, *exc: None)
    monkeypatch.setattr(Dask, "results", results)
    monkeypatch.setattr(distributed, "as_completed", iter)
    load_scenario("parallel-tracks")
    return clients


@pytest.mark.parametrize("fails", [_cancelled, _killed], ids=["scheduler-lost", "worker-lost-for-good"])
def test_a_lost_cluster_is_one_line_with_the_resume(fails: Any, fake_cluster: list[FakeClient], tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    spec, out = write_spec(tmp_path), tmp_path / "out"  # 8 chunks
    fake_cluster.append(FakeClient(3, fails()))
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", "tcp://127.0.0.1:8801", "--quiet"]) == 1
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    # found from outside: a chunk Dask gave up on, its workers dead four times, was said as "the Dask cluster was
    # lost" with the scheduler up
    lost = ("the Dask cluster was lost" if fails is _cancelled
            else "a chunk's games were lost with every Dask worker that tried them")
    assert lines[0].startswith(f"tabletop sweep: {lost} (Dask said: "), err
    assert f"every chunk written to {out} is whole: add --resume" in err, err
    said = " ".join(str(fails()).split())
    assert said in lines[0]  # what Dask said, on one line
    assert len(games_seen(out)) == 3 * 3  # the chunks played before the loss, whole
    fake_cluster[0] = FakeClient(100, fails())
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", "tcp://127.0.0.1:8801", "--quiet",
                 "--resume"]) == 0
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(6)]


def test_simulate_on_a_lost_cluster_is_one_line(fake_cluster: list[FakeClient],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    fake_cluster.append(FakeClient(0, _cancelled()))
    assert main(["simulate", "--games", "5", "--cluster", "tcp://127.0.0.1:8801"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert "tabletop simulate: the Dask cluster was lost (Dask said: run-1 cancelled" in err, err


def test_simulate_says_a_chunk_lost_with_its_workers_as_such(fake_cluster: list[FakeClient],
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    fake_cluster.append(FakeClient(0, _killed()))
    assert main(["simulate", "--games", "5", "--cluster", "tcp://127.0.0.1:8801"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert "tabletop simulate: a chunk's games were lost with every Dask worker that tried them (Dask said: " in err


def test_a_task_s_own_error_is_not_a_lost_cluster(fake_cluster: list[FakeClient], tmp_path: Path) -> None:
    """A bug in a game is a bug, with its traceback: only what Dask raises for a lost cluster is ClusterLost."""
    from tabletop.content.sweepfile import load_sweep
    from tabletop.sim import POLICIES
    from tabletop.sim.cluster import ClusterLost
    from tabletop.sim.sweep import run_sweep

    fake_cluster.append(FakeClient(1, ZeroDivisionError("a bug")))
    with pytest.raises(ZeroDivisionError):
        run_sweep(load_sweep(write_spec(tmp_path), POLICIES), tmp_path / "out", Dask("tcp://127.0.0.1:8801"))
    fake_cluster[0] = FakeClient(1, _cancelled())
    with pytest.raises(ClusterLost, match="scheduler-connection-lost"):
        run_sweep(load_sweep(write_spec(tmp_path), POLICIES), tmp_path / "out2", Dask("tcp://127.0.0.1:8801"))


def test_dask_s_loggers_are_quiet_while_the_cluster_is_used_and_as_they_were_after(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The client logs its reconnecting and closing (``distributed.client - ERROR``, with tracebacks) on its own
    handler: quiet while the run uses the cluster; the command says what happened, once."""
    import distributed

    monkeypatch.setattr(distributed, "Client", NoClient)
    before = {name: logging.getLogger(name).level for name in ("distributed", "distributed.client")}
    with Dask("tcp://127.0.0.1:8801"):
        assert not logging.getLogger("distributed.client").isEnabledFor(logging.ERROR)
        assert not logging.getLogger("distributed.scheduler").isEnabledFor(logging.ERROR)
    assert {name: logging.getLogger(name).level for name in before} == before
    assert cluster.RETRIES  # the retries of a worker lost once stay Dask's to do
