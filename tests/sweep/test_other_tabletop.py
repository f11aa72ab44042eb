"""A Dask worker that runs another tabletop stops the sweep with one line naming it, every chunk written kept.

Found from outside: a worker running an older checkout made ``sweep --cluster tcp://…`` exit with ten lines about
the ruleset ("actors[0].short: unknown key 'short'"), naming neither the worker nor the cause, and a worker whose
game code differed would have written other rows under the same seeds. A scheduler and a worker in this process
(joined by address, as a remote one is) stand in for the cluster; the worker's tabletop is made another by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.sim import samecode

from .kit import games_seen, write_spec


@pytest.fixture
def scheduler() -> Iterator[str]:
    """The address of a scheduler with one worker, in this process."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=False, threads_per_worker=1, dashboard_address=":0",
                      protocol="tcp", host="127.0.0.1") as local:
        yield local.scheduler_address


def _worker(address: str) -> str:
    from distributed import Client

    with Client(address) as client:
        return next(iter(client.scheduler_info()["workers"]))


def _on_worker(dask_worker: Any) -> bool:
    """Whether client.run asked a worker, not the scheduler (Dask hands either to a ``dask_worker`` argument)."""
    from distributed import Worker

    return isinstance(dask_worker, Worker)


def _old(dask_worker: Any) -> str:
    if not _on_worker(dask_worker):  # the scheduler runs this tabletop
        return samecode.code_print()
    # what asking a worker whose tabletop predates the check raises: its tabletop has no such function to unpickle
    raise Exception("ModuleNotFoundError(\"No module named 'tabletop.sim.samecode'\")")  # as Dask hands it back


def _other(dask_worker: Any) -> str:
    return "0123456789abcdef" if _on_worker(dask_worker) else samecode.code_print()  # a worker whose code differs


@pytest.mark.parametrize(("answer", "why"), [(_old, "one too old to say which game code it runs"),
                                             (_other, "whose game code is not this machine's")], ids=["old", "other"])
def test_a_worker_running_another_tabletop_is_named_before_any_game(
        answer: Any, why: str, scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    spec, out = write_spec(tmp_path), tmp_path / "out"
    worker = _worker(scheduler)
    monkeypatch.setattr(samecode, "code_print_here", answer)  # the driver's own print is not asked this way
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", scheduler, "--quiet"]) == 1
    err = capsys.readouterr().err
    said = [line for line in err.splitlines() if not line.startswith("tabletop sweep: connecting")]
    assert said == [f"tabletop sweep: the Dask worker at {worker} runs another tabletop, {why}: install the same "
                    f"tabletop on every machine; every chunk written to {out} is whole: add --resume to finish the "
                    f"sweep once every machine runs this tabletop"], err
    assert (out / "sweep.json").is_file() and not list(out.glob("point=*/*.parquet"))
    monkeypatch.undo()
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", scheduler, "--quiet", "--resume"]) == 0
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(6)]


def test_a_worker_whose_code_changes_mid_sweep_plays_no_more_and_the_chunks_written_are_kept(
        scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The check each chunk makes on its worker: a worker that answered the driver's question with the same print,
    then plays with another code (a worker that joined later, another tabletop behind the same address)."""
    from distributed import get_worker

    spec, out = write_spec(tmp_path), tmp_path / "out"  # 8 chunks, played one after another by one worker thread
    worker = _worker(scheduler)
    real, chunks = samecode.code_print(), []

    def code_print() -> str:
        try:
            get_worker()  # only in a chunk played on a worker: the driver's print, and the worker's answer, are real
        except ValueError:
            return real
        chunks.append(1)
        return real if len(chunks) <= 2 else "0123456789abcdef"

    monkeypatch.setattr(samecode, "code_print", code_print)
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", scheduler, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"tabletop sweep: the Dask worker at {worker} runs another tabletop, whose game code" in err, err
    assert "Traceback" not in err
    assert len(games_seen(out)) == 2 * 3  # the two chunks played with the same code, whole
    monkeypatch.undo()
    assert main(["sweep", str(spec), "--out", str(out), "--cluster", scheduler, "--quiet", "--resume"]) == 0
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(6)]


def test_the_code_print_is_of_the_game_code_only(tmp_path: Path) -> None:
    """The print changes with a file of the game code, not with one that no chunk reaches (a screen's)."""
    for folder in ("engine", "content", "sim", "store", "tui"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.py").write_text("x = 1\n", encoding="utf-8")
    first = samecode.code_print_of(tmp_path)
    (tmp_path / "tui" / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert samecode.code_print_of(tmp_path) == first
    (tmp_path / "engine" / "a.py").write_text("x = 2\n", encoding="utf-8")
    assert samecode.code_print_of(tmp_path) != first
    assert samecode.code_print() == samecode.code_print_of(Path(samecode.__file__).parent.parent)
