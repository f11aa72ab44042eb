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
