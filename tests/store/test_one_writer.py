"""One writer per save: a second tabletop on a save that is open is refused, and nothing is damaged.

The writer holds an exclusive lock on the save from the moment it opens it
(``play`` creating it, ``resume`` continuing it) until it closes it; a second
``resume`` is refused with a message naming the other process, before it
reads or repairs anything. Readers take no lock and read a save while it is
appended to: a line caught half-written is a torn tail to them.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.engine import Action, apply
from tabletop.store import SaveBusy, SaveWriter, reading
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify
from tabletop.store.lock import info_path

from tests.planted import plant, untouched

from .ptykit import InTerminal, wait_for
from .savekit import REPO, WRITER, lines_of, record_bot_game, scenario


def _note_pid(save: Path) -> int | None:
    try:
        return int(re.search(r'"pid": (\d+)', info_path(save).read_text()).group(1))  # type: ignore[union-attr]
    except (OSError, AttributeError):
        return None


def test_a_second_writer_is_refused_until_the_first_closes(tmp_path: Path) -> None:
    path = record_bot_game(tmp_path / "room.jsonl", scenario(), 3).path
    first = resume(path)
    before = path.read_bytes()
    with pytest.raises(SaveBusy) as refused:
        resume(path)
    said = str(refused.value)
    assert said.startswith(f"{path} is open in another tabletop (pid {os.getpid()}, started ")
    assert said.endswith("); close it there first")
    assert path.read_bytes() == before
    first.writer.close()
    assert not info_path(path).exists()  # the note goes with the writer
    second = resume(path)
    second.writer.close()


def test_resume_takes_the_lock_before_it_repairs(tmp_path: Path) -> None:
    """A line being written by the open tabletop looks torn: resume must not cut it off."""
    game = record_bot_game(tmp_path / "room.jsonl", scenario(), 3)
    lines = lines_of(game.path)
    game.path.write_bytes(b"".join(lines[:-1]))
    save = open_save(game.path)
    writer = SaveWriter.reopen(save.path, size=save.good_bytes, seq=len(save), chain=save.last_chain)
    try:
        with open(game.path, "ab") as mid_write:  # the other tabletop is half-way through its line
            mid_write.write(lines[-1][:40])
        live = game.path.read_bytes()
        with pytest.raises(SaveBusy):
            resume(game.path)
        assert game.path.read_bytes() == live  # not "repaired" under the writer's feet
    finally:
        writer.close()


def test_two_tabletops_on_one_save(tmp_path: Path) -> None:
    """Real processes: `resume` while another `resume` has the save open is refused, exit 1, save intact."""
    path = record_bot_game(tmp_path / "room.jsonl", scenario(), 3).path
    before = path.read_bytes()
    first = InTerminal("resume", str(path))
    try:
        wait_for(lambda: _note_pid(path) == first.proc.pid, "the first tabletop to open the save")
        second = InTerminal("resume", str(path))
        code, err = second.finish()
        assert code == 1
        assert "Traceback" not in err
        assert re.fullmatch(
            rf"tabletop resume: {re.escape(str(path))} is open in another tabletop \(pid {first.proc.pid}, "
            r"started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC, "
            rf"running tabletop resume {re.escape(str(path))}\); close it there first\n",
            err,
        ), err
        assert path.read_bytes() == before
    finally:
        code, err = first.quit()
    assert code == 0, err
    assert path.read_bytes() == before and verify(path).ok
    assert not info_path(path).exists()
    third = InTerminal("resume", str(path))  # once the first has quit, the save is free again
    try:
        wait_for(lambda: _note_pid(path) == third.proc.pid, "the save to open again")
    finally:
        code, err = third.quit()
    assert code == 0, err


def test_a_save_being_played_cannot_be_resumed_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "saves" / "live.jsonl"
    path.parent.mkdir()  # play refuses a save in a folder that does not exist
    playing = InTerminal("play", "--seed", "4", "--save", str(path), cwd=tmp_path)
    try:
        wait_for(lambda: _note_pid(path) == playing.proc.pid, "the new game's save")
        code, err = InTerminal("resume", str(path)).finish()
        assert code == 1 and "Traceback" not in err
        assert f"{path} is open in another tabletop (pid {playing.proc.pid}, started " in err
    finally:
        code, err = playing.quit()
    assert code == 0, err
    assert playing.quit_by_key, "ctrl+q went unheard: the app was blocked writing its screen"
    assert verify(path).ok


def test_a_line_caught_half_written_is_a_torn_tail_to_a_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The writer finishes its line just after the reader reached the end of the file: not a changed line."""
    game = record_bot_game(tmp_path / "room.jsonl", scenario(), 3)
    lines = lines_of(game.path)
    game.path.write_bytes(b"".join(lines[:-1]) + lines[-1][:30])
    real_open = open

    class Racing:
        """The save as a reader opens it, while a writer appends the rest of its line."""

        def __init__(self, handle):
            self._handle = handle
            self._finished = False

        def readline(self, limit: int = -1) -> bytes:
            data = self._handle.readline(limit)
            if data and not data.endswith(b"\n") and not self._finished:
                self._finished = True
                with real_open(game.path, "ab") as writer:
                    writer.write(lines[-1][30:])
            return data

        def read(self, n: int = -1) -> bytes:
            return self._handle.read(n)

        def fileno(self) -> int:
            return self._handle.fileno()

        def __enter__(self) -> Racing:
            return self

        def __exit__(self, *exc: object) -> None:
            self._handle.close()

    # open_save opens a save through open_regular (a FIFO or a device is refused before reading)
    monkeypatch.setattr(reading, "open_regular", lambda p, limit=None: Racing(real_open(p, "rb")))
    save = open_save(game.path)
    assert save.damage is not None and save.damage.kind == "torn tail"
    assert len(save) == len(lines) - 2
    monkeypatch.undo()
    assert open_save(game.path).damage is None  # the line was whole a moment later


def test_readers_read_a_save_while_it_is_written(tmp_path: Path) -> None:
    """A real writer process appends events as fast as it can; verify and open_save read along."""
    path = tmp_path / "live.jsonl"
    err = open(tmp_path / "writer.err", "wb")
    writer = subprocess.Popen([sys.executable, str(WRITER), str(path), "9"], stdout=subprocess.PIPE, stderr=err,
                              cwd=REPO)
    try:
        assert writer.stdout is not None
        writer.stdout.readline()  # the first event is on disk
        lengths: set[int] = set()
        reads = 0
        while reads < 30 or len(lengths) < 5:  # until the reads have seen the save grow, a few times
            assert reads < 20_000, "the writer wrote too little"  # a bound counted in reads, not in seconds
            save = open_save(path)
            assert save.damage is None or save.damage.kind == "torn tail", save.damage
            assert [e.seq for e in save.events] == list(range(1, len(save) + 1))
            assert len(save) >= max(lengths, default=0)
            lengths.add(len(save))
            if reads % 10 == 0:
                report = verify(path)
                assert report.ok or (report.damage is not None and report.damage.kind == "torn tail"), report.lines()
            reads += 1
    finally:
        writer.kill()
        writer.wait()
        assert writer.stdout is not None
        writer.stdout.close()
        err.close()
    resumed = resume(path)
    state = apply(resumed.state, Action("note", text="after the writer"))
    resumed.writer.append(state)
    resumed.writer.close()
    assert verify(path).ok


@pytest.mark.parametrize("planted", ["file", "symlink"])
def test_the_holders_note_goes_through_no_name_another_user_planted(tmp_path: Path, planted: str) -> None:
    """Found from outside (a shared, group-writable workshop folder): a symlink at the note's temporary name,
    ``.NAME.lock.PID.tmp``, to another save had that save (229 KB) written over with the note (162 bytes)."""
    other = tmp_path / "monday.jsonl"
    trap = tmp_path / f".w3.jsonl.lock.{os.getpid()}.tmp"  # the name the note was once written through
    plant(trap, planted, other)
    writer = SaveWriter.create(tmp_path / "w3.jsonl", scenario(), 1)
    try:
        note = info_path(tmp_path / "w3.jsonl")
        assert b'"pid"' in note.read_bytes()
        untouched(trap, planted, other, note)
    finally:
        writer.close()


def test_the_refusal_names_the_command_kept_in_the_lock_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-322): two workshops on one machine, each with a ``saves/workshop.jsonl``; the
    refusal named a pid and a start time, but not the command (its --listen, its --save) that tells them apart."""
    path = record_bot_game(tmp_path / "room.jsonl", scenario(), 3).path
    monkeypatch.setattr(sys, "argv", ["tabletop", "host", "--listen", "127.0.0.1:9330", "--save", "saves/w.jsonl"])
    first = resume(path)
    try:
        with pytest.raises(SaveBusy) as refused:
            resume(path)
        said = str(refused.value)
        assert "running tabletop host --listen 127.0.0.1:9330 --save saves/w.jsonl" in said, said
    finally:
        first.writer.close()


@pytest.mark.parametrize("command", ["play", "host"])
def test_a_new_game_onto_a_save_in_use_says_it_is_in_use(tmp_path: Path, command: str,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-322): ``play --save``/``host --save`` onto a save another workshop was playing
    said "use tabletop host --resume", and following it gave "is open in another tabletop": one step for nothing."""
    from tabletop.cli import main

    path = record_bot_game(tmp_path / "workshop.jsonl", scenario(), 3).path
    first = resume(path)
    try:
        argv = [command, "--seed", "3", "--save", str(path)]
        assert main(argv + (["--headless", "--listen", "127.0.0.1:0"] if command == "host" else [])) == 1
    finally:
        first.writer.close()
    err = capsys.readouterr().err
    assert f"is in use right now by another tabletop (pid {os.getpid()}, started " in err, err
    assert "--resume" not in err and "tabletop resume" not in err, err
