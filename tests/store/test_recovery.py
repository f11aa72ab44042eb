"""Resuming is safe against what verify catches too, and a save is born whole.

- a save whose recorded states no longer match the replay (another engine
  version, or an edit with its hashes recomputed) resumes in a -recovered
  copy from the last event that matches, leaving the original untouched;
- blank lines an editor added at the end are dropped on resume;
- creating a save never leaves an empty or half-written file, and never
  overwrites one;
- text that cannot be written to the save is refused before anything changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine import Action, RuleViolation, apply, legal_actions
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import lines_of, rechain, record_bot_game, records_of, scenario


def test_resume_stops_before_an_event_that_replays_differently(tmp_path: Path) -> None:
    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    records = records_of(recorded.path)
    forged_seq = 30
    records[forged_seq]["state"] = "0" * 32  # records[0] is the header: records[n] is event n
    forged = tmp_path / "forged.jsonl"
    forged.write_bytes(rechain(records))
    original = forged.read_bytes()
    assert open_save(forged).damage is None  # the chain is whole: only a replay can tell

    resumed = resume(forged)
    try:
        assert forged.read_bytes() == original
        assert resumed.save.path.name == "forged-recovered.jsonl"
        assert len(resumed.save) == forged_seq - 1
        assert resumed.state.hash == recorded.states[forged_seq - 1].hash
        assert any(f"Event {forged_seq} of the save does not replay" in m for m in resumed.messages)
        copied = resumed.save.path.read_bytes()  # the lines that replay, then its own note of where it comes from
        assert copied.startswith(b"".join(lines_of(forged)[:forged_seq]))
        assert resumed.state.last is not None and resumed.state.last.action.kind == "note"
        assert f"the save {forged} is damaged (event {forged_seq} does not replay" in resumed.state.last.action.text
    finally:
        resumed.writer.close()
    assert verify(resumed.save.path).ok


def test_blank_lines_at_the_end_are_dropped_on_resume(tmp_path: Path) -> None:
    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 5)
    clean = recorded.path.read_bytes()
    recorded.path.write_bytes(clean + b"\n\n")
    damage = open_save(recorded.path).damage
    assert damage is not None and damage.kind == "torn tail" and "blank lines" in damage.detail
    resumed = resume(recorded.path)
    resumed.writer.close()
    assert recorded.path.read_bytes() == clean
    assert len(resumed.save) == len(recorded.states) - 1


def test_a_save_is_never_overwritten_and_never_born_half_written(tmp_path: Path) -> None:
    path = tmp_path / "room.jsonl"
    with SaveWriter.create(path, scenario(), 1):
        pass
    first = path.read_bytes()
    with pytest.raises(FileExistsError):
        SaveWriter.create(path, scenario(), 2)
    assert path.read_bytes() == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["room.jsonl"]  # no temp file left
    assert open_save(path).damage is None


def test_a_failed_create_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def power_cut(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "link", power_cut)
    with pytest.raises(OSError):
        SaveWriter.create(tmp_path / "room.jsonl", scenario(), 1)
    assert list(tmp_path.iterdir()) == []


def test_text_that_cannot_be_saved_is_refused_before_anything_changes(tmp_path: Path) -> None:
    from tabletop.play.session import Session

    session = Session.start(scenario(), 3, tmp_path / "s.jsonl")
    try:
        before = (session.state.hash, session.state.seq, session.save_path.read_bytes())
        with pytest.raises(RuleViolation) as caught:
            session.apply(Action("note", text="caf\udce9", about=0))
        assert caught.value.code == "INVALID_TEXT"
        assert (session.state.hash, session.state.seq, session.save_path.read_bytes()) == before
        session.apply(Action("note", text="café", about=0))
        assert len(open_save(session.save_path)) == 1
    finally:
        session.close()


def test_a_damaged_save_has_one_continuation_however_often_it_is_resumed(tmp_path: Path) -> None:
    """Found from outside: two resumes of one damaged save (two terminals) went on in ``-recovered`` and
    ``-recovered-2``, two diverging copies of one game; the next day's resume would have started a third."""
    from tabletop.store.lock import SaveBusy

    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)
    lines[20] = lines[20].replace(b'"round":', b'"round" :', 1)  # an edit: the chain breaks at event 20
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))

    first = resume(damaged)
    assert first.save.path.name == "flip-recovered.jsonl" and len(first.save) == 19
    with pytest.raises(SaveBusy):  # played now in another terminal
        resume(damaged)
    state = first.state
    for _ in range(2):  # the game goes on in the copy
        state = apply(state, legal_actions(state)[0])
        first.writer.append(state)
    first.writer.close()

    again = resume(damaged)  # the next day, by the name the facilitator remembers
    try:
        assert again.save.path == first.save.path
        assert any("continued before in" in m and "flip-recovered.jsonl" in m for m in again.messages), again.messages
        assert len(again.save) == 22 and again.state.hash == state.hash  # the note, and what was played there
    finally:
        again.writer.close()
    assert sorted(p.name for p in tmp_path.glob("flip*")) == ["flip-recovered.jsonl", "flip.jsonl"]


def test_a_recovered_copy_whose_note_the_disk_refuses_is_not_left_behind(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-363): a damaged save resumed on a nearly full disk. The recovered copy fit, its
    first note (which save it goes on from, how much of it is not in the game) did not: the resume stopped with
    "cannot open SAVE: No space left on device", and once space was freed the next resume went on in that copy as
    "continued before", with no note in the record and nothing said of what was left out. The copy is only a copy of
    the damaged save's intact lines: it goes, the resume says the copy could not be written, and the next resume
    makes it whole, note and all."""
    import errno

    from tabletop.store.errors import SaveError

    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)
    lines[20] = lines[20].replace(b'"round":', b'"round" :', 1)  # an edit: the chain breaks at event 20
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))

    def full(self: SaveWriter, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patched:
        patched.setattr(SaveWriter, "append", full)
        with pytest.raises(SaveError) as refused:
            resume(damaged)
    assert "recovered copy" in str(refused.value) and "No space left on device" in str(refused.value), refused.value
    assert sorted(p.name for p in tmp_path.glob("flip*")) == ["flip.jsonl"]
    assert damaged.read_bytes() == b"".join(lines)  # the damaged save is as it was

    again = resume(damaged)  # space freed
    try:
        assert again.save.path.name == "flip-recovered.jsonl"
        assert not any("continued before" in m for m in again.messages), again.messages
        assert again.rewound == 19 and again.lost > 0
        assert again.state.last is not None and again.state.last.action.kind == "note"
        assert "Recovered by tabletop resume" in (again.state.last.action.text or "")
    finally:
        again.writer.close()


@pytest.mark.parametrize(("code", "told", "not_told"), [
    ("ENOSPC", "free some space in", "a folder you can write to"),
    ("EDQUOT", "free some space in", "a folder you can write to"),
    ("EACCES", "a folder you can write to", "free some space"),
])
def test_a_recovered_copy_the_disk_has_no_room_for_says_to_free_space(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        code: str, told: str, not_told: str) -> None:
    """Found from outside (helper-366): a damaged save resumed on a full disk, its recovered copy refused for want of
    space, was told "copy the save to a folder you can write to": the folder takes writes, the disk only needs room.
    A full disk (or quota) says to free space in the save's folder and resume again, on resume and on host --resume
    alike; a folder that refuses writes keeps the advice to copy the save elsewhere."""
    import argparse
    import errno

    from tabletop.cli import host, main, screens
    from tabletop.store import recovery

    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)
    lines[20] = lines[20].replace(b'"round":', b'"round" :', 1)  # an edit: the chain breaks at event 20
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))

    def refused(*args: object, **kwargs: object) -> None:
        raise OSError(getattr(errno, code), "refused")

    monkeypatch.setattr(recovery, "born_locked", refused)
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert main(["resume", str(damaged)]) == 1
    said = capsys.readouterr().err
    assert "recovered copy" in said and told in said.lower() and not_told not in said.lower(), said
    if told.startswith("free"):
        assert str(tmp_path) in said, said  # the folder to free space in
    assert host._open_session(argparse.Namespace(resume=str(damaged), timer=None)) == 1
    said = capsys.readouterr().err
    assert told in said.lower() and not_told not in said.lower(), said
    assert sorted(p.name for p in tmp_path.glob("flip*")) == ["flip.jsonl"]


def test_a_full_disk_refusing_the_save_itself_says_to_free_space(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-375): the recovered copy learnt to tell a full disk from a folder that refuses
    writes, the save itself had not. A torn last line the disk had no room to drop, or a save it had no room to open
    or lock for writing, was told "copy the save to a folder you can write to". Each says to free space in the save's
    folder and resume again, on resume and host --resume alike; a permission refusal keeps the advice to copy."""
    import argparse
    import errno
    import fcntl
    import os

    from tabletop.cli import host, main, screens
    from tabletop.store import lock
    from tabletop.store.errors import SaveError

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    torn = recorded.path.read_bytes() + b'{"seq": 9'  # a crash mid-write: the last line is torn
    recorded.path.write_bytes(torn)
    real = os.path.realpath(recorded.path)
    opening, flocking = os.open, fcntl.flock

    def refusing(patched: pytest.MonkeyPatch, code: int, site: str) -> None:
        def open_refused(path: object, flags: int, *args: object, **kwargs: object) -> int:
            if os.fspath(path) == real and flags & os.O_RDWR:  # type: ignore[arg-type]
                raise OSError(code, os.strerror(code))
            return opening(path, flags, *args, **kwargs)  # type: ignore[arg-type]

        def flock_refused(fd: int, operation: int) -> None:
            if operation & fcntl.LOCK_EX:
                raise OSError(code, os.strerror(code))
            flocking(fd, operation)

        def truncate_refused(fd: int, length: int) -> None:
            raise OSError(code, os.strerror(code))

        if site == "open":
            patched.setattr(lock.os, "open", open_refused)
        elif site == "lock":
            patched.setattr(lock.fcntl, "flock", flock_refused)
        else:
            patched.setattr(os, "ftruncate", truncate_refused)

    for site, code in [("drop", errno.ENOSPC), ("open", errno.ENOSPC), ("lock", errno.EDQUOT),
                       ("drop", errno.EACCES), ("open", errno.EROFS)]:
        full = code in (errno.ENOSPC, errno.EDQUOT)
        told, not_told = ("free some space in", "a folder you can write to") if full else (
            "a folder you can write to", "free some space")
        with monkeypatch.context() as patched:
            refusing(patched, code, site)
            with pytest.raises(SaveError) as refused:
                resume(recorded.path)
            assert refused.value.kind == ("full disk" if full else "unwritable"), (site, code, refused.value)
            assert main(["resume", str(recorded.path)]) == 1
            said = capsys.readouterr().err
            assert told in said.lower() and not_told not in said.lower(), (site, code, said)
            if full:
                assert str(tmp_path) in said, said  # the folder to free space in
            assert host._open_session(argparse.Namespace(resume=str(recorded.path), timer=None)) == 1
            said = capsys.readouterr().err
            assert told in said.lower() and not_told not in said.lower(), (site, code, said)
        assert recorded.path.read_bytes() == torn  # nothing was changed
