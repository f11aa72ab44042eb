"""A write error (a full disk) leaves the save exactly as it was before that action.

The action is not taken, the save stays whole, and once space is freed the
same action goes through: no event is duplicated, none that the room saw as
done is lost, and ``resume`` keeps them all. The faults are injected on
``os.write`` and ``os.fsync`` for the save alone, and then made for real on
a 300 KB tmpfs filled to the brim.
"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from tabletop import load_scenario
from tabletop.play.session import Session
from tabletop.store import SaveWriteError
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .faults import DiskFault, fill, small_filesystem

SEED = 5


def _go(session: Session, steps: int) -> None:
    for _ in range(steps):
        options = session.options()
        if not options:
            return
        session.apply(options[0])


def _check_whole(path: Path, shown: int) -> None:
    """Every event the room saw as done is in the save, once, and resume keeps them all."""
    report = verify(path)
    assert report.ok, report.lines()
    assert report.events == shown
    assert [e.seq for e in open_save(path).events] == list(range(1, shown + 1))
    resumed = resume(path)
    try:
        assert resumed.messages == []
        assert len(resumed.save) == shown
    finally:
        resumed.writer.close()


@pytest.mark.parametrize(
    "fault",
    [
        {"write": True},
        {"write": True, "partial": 37},  # half a line reached the disk before it filled up
        {"fsync": True},  # the whole line was written, but the disk could not keep it
    ],
    ids=["write", "partial-write", "fsync"],
)
def test_a_failed_append_leaves_the_save_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   fault: dict) -> None:
    path = tmp_path / "room.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), SEED, path)
    try:
        _go(session, 6)
        before, state = path.read_bytes(), session.state
        action = session.options()[0]
        disk = DiskFault(monkeypatch, path, **fault)
        for _ in range(2):  # the facilitator tries again before freeing space: the same again
            with pytest.raises(SaveWriteError) as caught:
                session.apply(action)
            assert session.state is state  # the action was not taken
            assert path.read_bytes() == before
            assert caught.value.errno == errno.ENOSPC
            assert caught.value.restored
            assert caught.value.filename == str(path)
        assert disk.failed >= 2
        disk.heal()
        session.apply(action)
        _go(session, 5)
        shown = session.state.seq
    finally:
        session.close()
    _check_whole(path, shown)


def test_a_full_disk_at_quit_raises_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every event was on disk before it was shown: closing on a failing disk has nothing to lose."""
    path = tmp_path / "room.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), SEED, path)
    _go(session, 4)
    DiskFault(monkeypatch, path, write=True, fsync=True)
    session.close()
    session.close()
    monkeypatch.undo()
    _check_whole(path, 4)


def test_a_cut_that_failed_is_made_before_the_next_append(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If even cutting the half-written line back fails, the save says so and the next append cuts it first."""
    import os

    path = tmp_path / "room.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), SEED, path)
    try:
        _go(session, 3)
        before = path.read_bytes()
        action = session.options()[0]
        disk = DiskFault(monkeypatch, path, write=True, partial=25)
        real_truncate = os.ftruncate
        monkeypatch.setattr(os, "ftruncate", lambda fd, n: (_ for _ in ()).throw(OSError(errno.EIO, "I/O error")))
        with pytest.raises(SaveWriteError) as caught:
            session.apply(action)
        assert not caught.value.restored
        assert len(path.read_bytes()) == len(before) + 25  # the torn bytes are still there
        disk.heal()
        monkeypatch.setattr(os, "ftruncate", real_truncate)
        session.apply(action)
        shown = session.state.seq
    finally:
        session.close()
    _check_whole(path, shown)


def test_a_real_full_disk(tmp_path: Path) -> None:
    """A 300 KB tmpfs filled to the brim: the save stops growing, loses nothing, and goes on once space is freed."""
    with small_filesystem(tmp_path / "disk") as disk:
        path = disk / "room.jsonl"
        session = Session.start(load_scenario("parallel-tracks"), SEED, path)
        try:
            filler = fill(disk)
            failure: SaveWriteError | None = None
            action = None
            for _ in range(300):
                options = session.options()
                assert options, "the game ended before the disk was full"
                action = options[0]
                before, state = path.read_bytes(), session.state
                try:
                    session.apply(action)
                except SaveWriteError as exc:
                    failure = exc
                    break
            assert failure is not None and failure.errno == errno.ENOSPC and failure.restored
            assert session.state is state and path.read_bytes() == before
            saved = open_save(path)
            assert saved.damage is None and len(saved) == session.state.seq
            filler.unlink()  # the facilitator frees space and presses the key again
            assert action is not None
            session.apply(action)
            _go(session, 5)
            shown = session.state.seq
        finally:
            session.close()
        _check_whole(path, shown)


@pytest.mark.parametrize("full", ["the note is refused", "no room for the note"])
def test_no_lock_note_is_left_after_a_quit_on_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          full: str) -> None:
    """Found from outside (helper-295): ``small/.bots.jsonl.lock`` was still there after ctrl+q of a game on a full
    tmpfs. A note left by an earlier tabletop (killed while it played) stayed: the writer's own note could not be
    written, and the writer removes only a note it wrote. On a nearly full disk the note also took the last free
    page the next event needed. The note is best effort (``/proc/locks`` names the holder): on a disk with no room
    it is not written, and one left at the name by a tabletop gone is removed."""
    import json
    import os
    from types import SimpleNamespace

    from tabletop.store.lock import info_path

    path = tmp_path / "bots.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), SEED, path)
    _go(session, 2)
    note = info_path(path)
    left = {**json.loads(note.read_text(encoding="utf-8")), "pid": 2**22 + 1}  # no process has this id
    session.close()
    note.write_text(json.dumps(left) + "\n", encoding="utf-8")  # as a tabletop killed while it played leaves it
    DiskFault(monkeypatch, path, write=True)  # the disk fills up
    if full == "the note is refused":
        faulty_write = os.write  # the save's own writes refused too, by DiskFault

        def note_refused(fd: int, data: bytes) -> int:
            if Path(os.readlink(f"/proc/self/fd/{fd}")).name.startswith(f".{note.name}."):  # the note's draft
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return faulty_write(fd, data)

        monkeypatch.setattr(os, "write", note_refused)
    else:
        real_statvfs = os.statvfs
        monkeypatch.setattr(os, "statvfs", lambda where: SimpleNamespace(f_bavail=0, f_frsize=4096) if Path(
            where) == tmp_path else real_statvfs(where))
    resumed = Session.resume(path)
    assert not note.exists()
    with pytest.raises(SaveWriteError):
        resumed.apply(resumed.options()[0])
    resumed.close()
    assert not note.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["bots.jsonl"]
