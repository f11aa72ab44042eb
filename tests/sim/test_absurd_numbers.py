"""Absurd numbers of games and workers are refused before any process starts.

Found from outside: ``simulate --workers 100000`` started ~1,700 processes and 8.5 GB within 20 s on a
two-core machine; ``simulate --games 1000000000000`` printed nothing and grew to 10 GB building its list of
batches; ``sweep --workers 3000`` reached 1,190 processes for a 240-game sweep.
"""

from __future__ import annotations

import concurrent.futures
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.cli.arguments import WORKERS_PER_CORE
from tabletop.content.sweepspec import MOST_GAMES
from tabletop.content.loader import load_scenario
from tabletop.sim import runner
from tabletop.sim.runner import default_workers
from tabletop.sim.cluster import Processes
from tabletop.sim.workerscenario import TaskFn

TOO_MANY = str(WORKERS_PER_CORE * default_workers() + 1)


def _refused(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as stopped:
        main(args)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_simulate_refuses_more_games_than_it_can_hold(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["simulate", "--games", "1000000000000"], capsys)
    assert f"must be at most {MOST_GAMES}, got 1000000000000" in err


@pytest.mark.parametrize("command", [["simulate", "--games", "20"], ["sweep", "spec.toml", "--out", "nowhere"]])
def test_more_workers_than_the_machine_can_run_are_refused(command: list[str],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused([*command, "--workers", TOO_MANY], capsys)
    assert f"{TOO_MANY} worker processes is too many for this machine: at most {WORKERS_PER_CORE * default_workers()}" in err


def test_a_local_cluster_of_too_many_workers_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    assert main(["simulate", "--games", "20", "--cluster", f"local:{TOO_MANY}"]) == 2
    assert "worker processes is too many for this machine" in capsys.readouterr().err


class _Pool:
    """A ProcessPoolExecutor stand-in that records how many processes it was asked for and runs in process."""

    asked: list[int] = []

    def __init__(self, max_workers: int, initializer: Any = None, initargs: tuple[Any, ...] = ()):
        _Pool.asked.append(max_workers)
        if initializer is not None:
            initializer(*initargs)

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, fn: Any, jobs: Any) -> Any:
        return map(fn, jobs)

    def submit(self, fn: Any, *args: Any) -> concurrent.futures.Future[Any]:
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        future.set_result(fn(*args))
        return future

    def shutdown(self, **kwargs: Any) -> None:
        return None


def test_no_more_processes_start_than_there_are_chunks_of_games(monkeypatch: pytest.MonkeyPatch) -> None:
    scenario = load_scenario("parallel-tracks")
    _Pool.asked = []
    monkeypatch.setattr(runner, "ProcessPoolExecutor", _Pool)
    results = list(runner.run_games(scenario, 9, 1, workers=50))
    assert len(results) == 9 and _Pool.asked == [9]  # a chunk a game: nine processes at most, not fifty

    import tabletop.sim.cluster as cluster

    monkeypatch.setattr(cluster, "ProcessPoolExecutor", _Pool)
    monkeypatch.setattr(cluster, "run", lambda fn, sha, task: task)
    monkeypatch.setattr(cluster, "keep_in_pool", lambda *a: None)  # a worker's watch on its parent: not in process
    done: TaskFn = lambda *a: None  # noqa: E731 - run is stubbed: the task comes back as its result
    assert sorted(r for _, r in Processes(40).results(scenario, done, ["a", "b", "c"])) == ["a", "b", "c"]
    assert _Pool.asked[-1] == 3
