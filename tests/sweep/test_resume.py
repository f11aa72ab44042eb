"""An interrupted sweep resumes where it stopped: every game exactly once, no torn Parquet file.

The sweep process is killed with SIGKILL while it writes chunks; ``--resume``
plays only the chunks whose file is missing. A half-written chunk is only
ever a hidden temporary file, which readers skip and ``--resume`` removes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tabletop.cli import main
from tabletop.content.sweepfile import load_sweep
from tabletop.sim import POLICIES
from tabletop.sim.cluster import Backend
from tabletop.sim.sweep import SweepRefused, run_sweep

from tests.planted import plant, untouched

from .kit import GRID, games_seen, rows, write_spec

#: polls of the folder before giving up on seeing the first chunks (each a short sleep)
POLLS = 2000


def _chunk_files(out: Path) -> list[Path]:
    return sorted(out.glob("point=*/games-*.parquet"))


def _gone(pids: list[int]) -> bool:
    import psutil

    def alive(pid: int) -> bool:
        try:
            return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
        except psutil.NoSuchProcess:
            return False

    for _ in range(POLLS):
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("workers", ["1", "2"])
def test_killed_then_resumed_every_game_once(workers: str, tmp_path: Path) -> None:
    import psutil

    spec = write_spec(tmp_path, games=20, chunk=2)  # 40 chunks: the kill lands mid-sweep
    out = tmp_path / "out"
    command = [sys.executable, "-m", "tabletop", "sweep", str(spec), "--out", str(out), "--workers", workers, "--quiet"]
    sweeping = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(POLLS):
            if len(_chunk_files(out)) >= 3 or sweeping.poll() is not None:
                break
            time.sleep(0.01)
        pool = [p.pid for p in psutil.Process(sweeping.pid).children(recursive=True)]
        os.kill(sweeping.pid, signal.SIGKILL)
    finally:
        sweeping.wait()
    assert sweeping.returncode == -signal.SIGKILL, "the sweep ended before it could be killed"
    assert len(pool) == (0 if workers == "1" else 2)
    assert _gone(pool), "a worker of the killed sweep plays on"
    written = len(_chunk_files(out))
    assert 3 <= written < 40
    # what a kill in the middle of a write leaves: a hidden temporary file, never a .parquet one
    torn = out / "point=0" / ".games-000000018.parquet.999.tmp"
    torn.write_bytes(b"PAR1 half a file")
    assert len(games_seen(out)) == 2 * written  # readers see whole chunks only

    assert main(["sweep", str(spec), "--out", str(out), "--workers", "1", "--quiet", "--resume"]) == 0
    assert not torn.exists() and not list(out.glob("point=*/.*"))
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(20)]
    whole = tmp_path / "whole"
    run_sweep(load_sweep(spec, POLICIES), whole, Backend())
    assert rows(out) == rows(whole)


def test_resume_plays_only_what_is_missing(tmp_path: Path) -> None:
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    sweep = load_sweep(spec, POLICIES)
    run_sweep(sweep, out, Backend())
    _chunk_files(out)[1].unlink()
    outcome = run_sweep(sweep, out, Backend(), resume=True)
    assert (outcome.played, outcome.skipped, outcome.chunks) == (3, 21, 1)
    assert len(games_seen(out)) == 24


def test_a_folder_begun_before_names_in_other_languages_were_kept_resumes(tmp_path: Path) -> None:
    """The plan keeps the tracks' and actors' names in each translation (``names``, for ``sweep report
    --lang``); a folder begun by a tabletop that kept none resumes all the same."""
    import json

    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    sweep = load_sweep(spec, POLICIES)
    run_sweep(sweep, out, Backend())
    manifest = json.loads((out / "sweep.json").read_text(encoding="utf-8"))
    assert set(manifest["plan"]["names"]) == {"ru", "uk"}
    del manifest["plan"]["names"]
    (out / "sweep.json").write_text(json.dumps(manifest), encoding="utf-8")
    _chunk_files(out)[1].unlink()
    outcome = run_sweep(sweep, out, Backend(), resume=True)
    assert (outcome.played, outcome.skipped) == (3, 21)


def test_a_damaged_chunk_is_played_again_on_resume(tmp_path: Path) -> None:
    """Found from outside: a chunk file cut to 100 bytes (damage from outside: tabletop writes a chunk whole or
    not at all) was counted as done by --resume ("0 games played"), and the report then could not read it. A
    chunk whose Parquet footer does not read is played again and written anew."""
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    sweep = load_sweep(spec, POLICIES)
    run_sweep(sweep, out, Backend())
    before = sorted(rows(out))
    damaged = _chunk_files(out)[2]
    damaged.write_bytes(damaged.read_bytes()[:100])
    outcome = run_sweep(sweep, out, Backend(), resume=True)
    assert (outcome.played, outcome.skipped) == (3, 21)
    assert sorted(rows(out)) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.timeout(20, method="thread")  # pyarrow's open does not give way to a signal
def test_a_fifo_named_like_a_chunk_is_played_again_on_resume(tmp_path: Path) -> None:
    """A FIFO named like a chunk blocked --resume for ever (pyarrow opened it to read the footer): it is no
    chunk, and is played again and written in its place, never opened."""
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    sweep = load_sweep(spec, POLICIES)
    run_sweep(sweep, out, Backend())
    before = sorted(rows(out))
    fifo = _chunk_files(out)[2]
    fifo.unlink()
    os.mkfifo(fifo)
    outcome = run_sweep(sweep, out, Backend(), resume=True)  # would block for ever if it opened the FIFO to read
    assert (outcome.played, outcome.skipped) == (3, 21)
    assert fifo.is_file() and sorted(rows(out)) == before


def test_a_folder_holding_a_sweep_is_never_added_to_without_resume(tmp_path: Path) -> None:
    sweep = load_sweep(write_spec(tmp_path), POLICIES)
    run_sweep(sweep, tmp_path / "out", Backend())
    with pytest.raises(SweepRefused, match="already holds a sweep: add --resume"):
        run_sweep(sweep, tmp_path / "out", Backend())


def test_resume_refuses_a_folder_of_another_sweep(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_sweep(load_sweep(write_spec(tmp_path), POLICIES), out, Backend())
    other = load_sweep(write_spec(tmp_path, games=8), POLICIES)
    with pytest.raises(SweepRefused, match=r"holds another sweep \(games differ"):
        run_sweep(other, out, Backend(), resume=True)
    changed = load_sweep(write_spec(tmp_path, text=GRID.replace("[6, 9]", "[6, 8]")), POLICIES)
    with pytest.raises(SweepRefused, match="keys|points"):
        run_sweep(changed, out, Backend(), resume=True)
    assert len(games_seen(out)) == 24


def test_a_folder_of_another_sweep_is_said_so_without_resume(tmp_path: Path) -> None:
    """Found from outside (helper-205): a folder holding another file's sweep was told "add --resume to finish it",
    and --resume then said it held another sweep. Said at once, with what differs; --resume is advised only for the
    same sweep."""
    out = tmp_path / "out"
    run_sweep(load_sweep(write_spec(tmp_path), POLICIES), out, Backend())
    other = load_sweep(write_spec(tmp_path, games=8, text=GRID.replace("[6, 9]", "[6, 8]")), POLICIES)
    with pytest.raises(SweepRefused) as refused:
        run_sweep(other, out, Backend())
    said = str(refused.value)
    assert "holds another sweep (games, points differ from" in said and "add --resume" not in said, said
    assert len(games_seen(out)) == 24


def test_a_folder_of_other_files_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(out), "--quiet"]) == 1
    assert "is not empty and holds no sweep" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_a_file_given_as_the_out_folder_is_named_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``sweep --out FILE`` said FILE "is not empty and holds no sweep"."""
    out = tmp_path / "results.csv"
    out.write_text("mine\n", encoding="utf-8")
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{out} is a file: --out takes a folder for the sweep (a new one, or one to --resume)" in err, err
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_an_out_folder_in_a_loop_of_links_is_said_so_and_nothing_to_resume(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): ``--out loop1`` (loop1 -> loop2 -> loop1) said "File exists (every chunk
    already written is whole; --resume continues)": nothing was written, and there is nothing to resume."""
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(tmp_path / "loop1"), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "it is a link that leads to no folder" in err and "--resume" not in err, err


def _cmdline(process: Any) -> list[str] | None:
    """A child's command line, or None for one already gone (a zombie waiting to be reaped: under a
    loaded suite an earlier child of this process may be one)."""
    import psutil

    try:
        return process.cmdline()
    except psutil.Error:
        return None


def test_a_pool_worker_killed_is_said_and_resume_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    import psutil

    from tabletop.cli import sweep as command

    spec = write_spec(tmp_path, games=12, chunk=2)  # 24 chunks
    out = tmp_path / "out"

    class KillAWorker:  # in place of the progress bar: after the first chunk, a pool worker is killed (OOM, say)
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.done = False

        def __enter__(self):  # type: ignore[no-untyped-def]
            return self.advance

        def __exit__(self, *exc: object) -> None:
            return None

        def advance(self, games: int) -> None:
            if self.done:
                return
            me = psutil.Process()  # the pool's workers are forked: this process's command line, nothing else's
            workers = [p for p in me.children() if _cmdline(p) == me.cmdline()]
            if workers:
                os.kill(workers[0].pid, signal.SIGKILL)
                self.done = True

    bar = command.GamesBar
    monkeypatch.setattr(command, "GamesBar", KillAWorker)
    assert main(["sweep", str(spec), "--out", str(out), "--workers", "2", "--quiet"]) == 1
    assert "a worker process died" in capsys.readouterr().err
    monkeypatch.setattr(command, "GamesBar", bar)
    assert main(["sweep", str(spec), "--out", str(out), "--workers", "2", "--quiet", "--resume"]) == 0
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(12)]


def test_resuming_after_the_scenario_changed_says_the_scenario_changed(tmp_path: Path) -> None:
    """Found from outside: after editing the ruleset, --resume said "holds another sweep (the scenario's content
    differ from mine.toml): resume it with the sweep file it was started with" though the sweep file was the same."""
    import shutil

    from tabletop.content.finding import BUNDLED

    for kind in ("rulesets", "decks"):
        (tmp_path / kind).mkdir()
        for found in (BUNDLED / kind).glob("parallel-tracks*.toml"):
            shutil.copy(found, tmp_path / kind / found.name)
    ruleset = tmp_path / "rulesets" / "parallel-tracks.toml"
    spec = write_spec(tmp_path, games=1, chunk=1,  # one game a point: the refusal is what is checked
                      text=GRID.replace('ruleset = "parallel-tracks"', f'ruleset = "{ruleset}"'))
    out = tmp_path / "out"
    run_sweep(load_sweep(spec, POLICIES), out, Backend())
    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace("turns = 8", "turns = 7", 1), encoding="utf-8")
    with pytest.raises(SweepRefused) as refused:
        run_sweep(load_sweep(spec, POLICIES), out, Backend(), resume=True)
    said = str(refused.value)
    assert "the scenario changed" in said and "the sweep file it was started with" not in said, said


@pytest.mark.parametrize("what", ["chunk", "manifest"])
def test_a_write_that_fails_leaves_no_temporary_file(what: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: on a full disk the sweep stopped with a clear message, but its half-written
    temporary file stayed in the folder (hidden, until a ``--resume`` removed it). A write that fails
    takes its temporary file with it; the error still reaches the caller."""
    import errno

    import pyarrow as pa

    from tabletop.sim import sweepfiles

    def full(_table: Any, sink: Any) -> None:
        """What a full disk does: part of the file is written, then the write fails."""
        sink.write(b"PAR1 half a chunk")
        raise OSError(errno.ENOSPC, "No space left on device")

    def full_on_disk(fd: int) -> None:
        """Or: the file is written into memory, then putting it on disk fails."""
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "out"
    if what == "chunk":
        monkeypatch.setattr(sweepfiles.pq, "write_table", lambda table, sink, **kw: full(table, sink))
        with pytest.raises(OSError, match="No space left"):
            sweepfiles.write_chunk(out / "point=0" / "games-000000000.parquet", pa.table({"game": [1]}))
    else:
        monkeypatch.setattr(os, "fsync", full_on_disk)
        with pytest.raises(OSError, match="No space left"):
            sweepfiles.write_manifest(out, {"sweep": 1})
    assert [p.relative_to(out) for p in out.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize("planted", ["file", "symlink"])
@pytest.mark.parametrize("what", ["chunk", "manifest"])
def test_a_sweeps_files_go_through_no_name_another_user_planted(what: str, planted: str, tmp_path: Path) -> None:
    """A chunk and sweep.json were written through ``.NAME.PID.tmp``, opened as found: in an out folder other
    accounts could write, a symlink planted there had its target written over, a file of theirs became the chunk."""
    import pyarrow as pa

    from tabletop.sim import sweepfiles

    out = tmp_path / "out"
    folder = out / "point=0" if what == "chunk" else out
    folder.mkdir(parents=True)
    elsewhere = tmp_path / "monday.jsonl"
    path = folder / ("games-000000000.parquet" if what == "chunk" else "sweep.json")
    trap = folder / f".{path.name}.{os.getpid()}.tmp"  # the name it was once written through
    plant(trap, planted, elsewhere)
    if what == "chunk":
        sweepfiles.write_chunk(path, pa.table({"game": [1]}))
    else:
        sweepfiles.write_manifest(out, {"sweep": 1})
    untouched(trap, planted, elsewhere, path)
    assert path.stat().st_size > 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_for_sweep_json_is_named_on_resume(tmp_path: Path) -> None:
    """Found from outside: a named pipe as sweep.json made --resume say the folder "holds no sweep (no sweep.json)"."""
    out = tmp_path / "out"
    sweep = load_sweep(write_spec(tmp_path), POLICIES)
    run_sweep(sweep, out, Backend())
    (out / "sweep.json").unlink()
    os.mkfifo(out / "sweep.json")
    with pytest.raises(SweepRefused, match=r"sweep\.json: is not a regular file \(a named pipe\)"):
        run_sweep(sweep, out, Backend(), resume=True)


def test_an_out_folder_nothing_could_be_written_in_suggests_no_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-153): a read-only --out was told "(every chunk already written is whole; --resume
    continues)", and --resume said the same: nothing had been written."""
    import errno

    from tabletop.sim import sweep as sweep_module

    out = tmp_path / "imm"
    out.mkdir()

    def refused(folder: Path, data: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(folder / "sweep.json"))

    monkeypatch.setattr(sweep_module, "write_manifest", refused)
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"tabletop sweep: cannot write into {out}: " in err and "--resume" not in err, err


def test_a_pipe_given_as_the_out_folder_is_not_called_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-153): ``sweep --out FIFO`` and ``--out /dev/null`` said "is a file"."""
    out = tmp_path / "fifo"
    os.mkfifo(out)
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"{out}: it is not a folder (a file, a pipe or a device has that name); --out takes a folder" in err, err


@pytest.mark.parametrize("there", ["missing", "empty"])
def test_resume_of_a_folder_holding_no_sweep_is_refused_before_any_game(
        there: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``--out never-existed --resume`` (a mistyped folder) played the whole sweep into a new
    folder, exit 0. --resume finishes a sweep: where there is none, it says so, plays nothing and makes nothing (a
    folder of other files is refused as without --resume: test_a_folder_of_other_files_is_left_alone)."""
    out = tmp_path / "never-existed"
    if there == "empty":
        out.mkdir()
    before = sorted(p.name for p in out.iterdir()) if out.exists() else None
    assert main(["sweep", str(write_spec(tmp_path)), "--out", str(out), "--resume", "--workers", "1"]) == 1
    said = capsys.readouterr()
    assert said.err == (f"tabletop sweep: nothing to resume in {out}: no sweep there (no sweep.json); leave out "
                        "--resume to start one\n"), said.err
    assert "played" not in said.out
    assert (sorted(p.name for p in out.iterdir()) if out.exists() else None) == before


def test_nothing_to_resume_is_said_in_the_room_s_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere"
    assert main(["--lang", "ru", "sweep", str(write_spec(tmp_path)), "--out", str(out), "--resume", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "--resume" in err and "nothing to resume" not in err and str(out) in err, err
    assert not out.exists()


def test_a_point_s_folder_that_cannot_be_written_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: with only OUT/point=1 read-only (chattr +i), --resume said "cannot write into OUT:
    Operation not permitted", naming a folder it could write into; it names the one it could not."""
    import errno

    spec, out = write_spec(tmp_path), tmp_path / "ro3"
    assert main(["sweep", str(spec), "--out", str(out), "--workers", "1", "--quiet"]) == 0
    for chunk in (out / "point=1").glob("*.parquet"):
        chunk.unlink()
    real_open = os.open

    def immutable(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:  # as the system refuses under chattr +i
        if flags & os.O_CREAT and Path(file).parent == out / "point=1":
            raise PermissionError(errno.EPERM, "Operation not permitted", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", immutable)
    assert main(["sweep", str(spec), "--out", str(out), "--resume", "--workers", "1", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert f"tabletop sweep: cannot write into {out / 'point=1'}: " in err and "--resume continues" in err, err


class _Paused(Backend):
    """This process, stopped after its first chunk until the test lets it go on: a sweep running."""

    def __init__(self) -> None:
        super().__init__()
        self.midway, self.go = threading.Event(), threading.Event()

    def results(self, scenario: Any, fn: Any, tasks: Any) -> Any:
        for n, found in enumerate(super().results(scenario, fn, tasks)):
            yield found
            if n == 0:  # back here once that chunk is written
                self.midway.set()
                self.go.wait()


def test_a_sweep_running_in_the_folder_is_said_to_another_and_to_its_report(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-322, finding 6): a second ``sweep --out DIR`` beside a sweep still running there
    was told "add --resume to finish it", and ``--resume`` played again every game the first was playing (and
    ``sweep report`` said "run it again with --resume"). The running sweep holds its folder: both are told so, with
    its pid and what to do."""
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    first = _Paused()
    running = threading.Thread(target=run_sweep, args=(load_sweep(spec, POLICIES), out, first))
    running.start()
    try:
        assert first.midway.wait(120), "the first sweep never wrote its first chunk"
        for resume in ([], ["--resume"]):
            assert main(["sweep", str(spec), "--out", str(out), "--quiet", "--workers", "1", *resume]) == 1
            err = capsys.readouterr().err
            assert f"a sweep is running in this folder, {out} (pid {os.getpid()}" in err, err
            assert "wait for it to end, or choose another --out" in err, err
        assert main(["sweep", "report", str(out)]) == 0
        err = capsys.readouterr().err
        assert f"The sweep is still running in this folder (pid {os.getpid()}" in err and "--resume" not in err, err
    finally:
        first.go.set()
        running.join()
    assert len(games_seen(out)) == 24  # every game once
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # its note of who runs it went with it


def test_a_note_left_by_a_killed_sweep_does_not_stop_its_resume(tmp_path: Path) -> None:
    """A sweep killed with SIGKILL leaves the note naming it (its lock, the kernel's, went with it): ``--resume``
    takes the folder, and the note is its own after."""
    spec = write_spec(tmp_path)
    out = tmp_path / "out"
    sweep = load_sweep(spec, POLICIES)
    run_sweep(sweep, out, Backend())
    next(out.glob("point=0/*.parquet")).unlink()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    (out / ".sweep.json.lock").write_text(
        f'{{"pid": {int(gone.stdout)}, "started": "2026-12-07 16:59:46 UTC", "command": "tabletop sweep"}}\n',
        encoding="utf-8")
    outcome = run_sweep(sweep, out, Backend(), resume=True)
    assert (outcome.played, outcome.skipped) == (3, 21)
    assert len(games_seen(out)) == 24
