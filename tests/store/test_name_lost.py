"""A save deleted, moved or replaced while the game runs is written again, whole, where the room can find it.

Found from outside: ``rm`` of the save during play (a cleaner, a synced
folder, a person tidying ``saves/``), three more moves, ctrl+q: the game
said "Saved: …/del.jsonl (continue with: tabletop resume …)" and exited 0,
and there was no file. The open descriptor had taken every event into a
file no name pointed to any more.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tabletop import load_scenario
from tabletop.play.session import Session
from tabletop.store.lock import info_path
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify


def _session(tmp_path: Path) -> Session:
    return Session.start(load_scenario("parallel-tracks"), 3, tmp_path / "del.jsonl")


def _go(session: Session, steps: int) -> None:
    for _ in range(steps):
        session.apply(session.options()[0])


def test_a_save_deleted_during_play_is_written_again_at_its_name(tmp_path: Path) -> None:
    session = _session(tmp_path)
    path = session.save_path
    _go(session, 2)
    path.unlink()
    _go(session, 3)
    assert path.is_file()
    assert session.writer.relinked_from == path and session.save_path == path
    session.close()
    assert verify(path).ok and verify(path).events == 5
    assert open_save(path).final_state().hash == session.state.hash
    assert not info_path(path).exists()  # the lock's note went with the writer


def test_a_save_replaced_during_play_goes_on_beside_it_and_the_other_file_is_left_alone(tmp_path: Path) -> None:
    session = _session(tmp_path)
    path = session.save_path
    _go(session, 2)
    os.replace(path, tmp_path / "moved.jsonl")  # moved away, and another file takes the name
    path.write_text("someone else's file\n", encoding="utf-8")
    _go(session, 1)
    assert path.read_text(encoding="utf-8") == "someone else's file\n"
    assert session.save_path == tmp_path / "del-2.jsonl" and session.writer.relinked_from == path
    session.close()
    assert verify(session.save_path).events == 3
    assert verify(tmp_path / "moved.jsonl").events == 2  # the moved file is as it was when it was moved


def test_a_save_deleted_after_the_last_move_is_there_after_quit(tmp_path: Path) -> None:
    session = _session(tmp_path)
    path = session.save_path
    _go(session, 4)
    path.unlink()
    session.close()
    assert verify(path).ok and verify(path).events == 4


def _folder_gone(tmp_path: Path) -> Session:
    folder = tmp_path / "saves"
    session = Session.start(load_scenario("parallel-tracks"), 3, folder / "del.jsonl")
    _go(session, 2)
    for name in os.listdir(folder):
        os.unlink(folder / name)
    folder.rmdir()  # as `rm -rf saves` while the game runs (found from outside, helper-96)
    return session


def test_a_save_whose_folder_is_deleted_during_play_is_written_again_in_the_folder_made_again(tmp_path: Path) -> None:
    """Found from outside: `rm -rf` of the save's folder during play, then ctrl+q: "Saved: …" and exit 0, no file.
    The name could not be written again (its folder was gone): the folder is made again and the save written."""
    session = _folder_gone(tmp_path)
    path = session.save_path
    _go(session, 1)
    assert path.is_file() and session.writer.relinked_from == path
    _go(session, 1)
    session.close()
    assert session.writer.lost is None and verify(path).events == 4


def test_a_save_no_folder_of_its_own_takes_is_written_in_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tabletop.store.savefile as savefile

    session = _folder_gone(tmp_path)
    path = session.save_path
    born = savefile.born_locked

    def refused(wanted: Path, *args: object, **kwargs: object) -> object:
        if wanted.parent == path.parent:  # a full disk, say: nothing is written there
            raise OSError(28, "No space left on device")
        return born(wanted, *args, **kwargs)

    monkeypatch.setattr(savefile, "born_locked", refused)
    work = tmp_path / "here"
    work.mkdir()
    monkeypatch.chdir(work)
    session.close()  # the quit: the only copy is the open file
    assert session.writer.lost is None and session.save_path == work / "del.jsonl"
    assert verify(work / "del.jsonl").events == 2


def test_a_save_no_folder_takes_is_said_to_be_lost_and_the_quit_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import tabletop.store.savefile as savefile
    from tabletop.cli.screens import lost_or_moved

    session = _folder_gone(tmp_path)

    def refused(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(savefile, "born_locked", refused)
    with pytest.raises(OSError) as raised:  # during play: the action is refused, and said to be with no save
        _go(session, 1)
    assert getattr(raised.value, "gone", False)
    from tabletop.tui.savefail import not_saved_words

    said = not_saved_words(raised.value, session.save_path)
    assert "The save was deleted or its folder removed" in said and "as it was before" not in said
    assert lost_or_moved(session) is True  # the quit: not "Saved", and the program exits 1
    err = capsys.readouterr().err
    assert "the game is not saved" in err and "Saved" not in err
    assert isinstance(session.writer.lost, OSError)


def test_the_quit_s_command_takes_a_path_that_starts_with_a_dash() -> None:
    """Found from outside: "continue with: tabletop resume -new ☃ x.jsonl" was read by the shell as an option."""
    from tabletop.content.literal import shell_path

    assert shell_path("-new \u2603 x.jsonl") == "'./-new \u2603 x.jsonl'"
    assert shell_path("saves/game.jsonl") == "saves/game.jsonl"


@pytest.mark.parametrize("how", ["shorter", "longer", "same length"])
def test_a_save_rewritten_in_place_during_play_goes_on_beside_it(tmp_path: Path, how: str) -> None:
    """Found from outside: an older copy put back over the save in place (`cp backup save`: the same file, as a
    backup tool or a synced folder does) while the game ran; the next event went after 4,408 NUL bytes, verify
    found the save damaged at event 12, and the room's events after it were gone. The file written over is left
    to whoever wrote it; the game, whole, goes on beside it."""
    session = _session(tmp_path)
    path = session.save_path
    _go(session, 6)
    before = path.read_bytes()
    lines = before.splitlines(keepends=True)
    other = {"shorter": b"".join(lines[:3]), "longer": b"".join(lines[:3]) + b"# a note\n" * (len(before) // 9),
             "same length": before[:-2] + b"x\n"}[how]
    with open(path, "r+b") as handle:  # in place: the inode the game has open
        handle.write(other)
        handle.truncate(len(other))
    _go(session, 2)
    assert path.read_bytes() == other  # the program's file, as it left it
    assert session.save_path == tmp_path / "del-2.jsonl" and session.writer.relinked_from == path
    _go(session, 1)
    session.close()
    assert verify(session.save_path).ok and verify(session.save_path).events == 9
    assert open_save(session.save_path).final_state().hash == session.state.hash


def test_a_save_rewritten_in_place_after_the_last_move_goes_beside_it_at_quit(tmp_path: Path) -> None:
    session = _session(tmp_path)
    path = session.save_path
    _go(session, 4)
    path.write_bytes(path.read_bytes()[:100])  # in place, as `cp` does
    session.close()
    assert session.save_path == tmp_path / "del-2.jsonl" and verify(session.save_path).events == 4
