"""A save is its owner's alone, as ``SAVE.codes`` is: it holds every sealed move in clear before its reveal.

Found from outside: with the usual umask (022) a new save was 0644, readable by every account on the host's
machine, while the join codes beside it were 0600; a team with a login there could read the other teams' sealed
moves before the reveal. The recovered copy ``resume`` makes, and a save written again elsewhere after its folder
vanished, are new files too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tabletop import load_scenario
from tabletop.play.session import Session
from tabletop.store.recovery import resume

from .savekit import lines_of


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The umask most systems give a user: without this module's care, files are made readable by all."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def _played(path: Path, steps: int = 4) -> Session:
    session = Session.start(load_scenario("parallel-tracks"), 3, path)
    for _ in range(steps):
        session.apply(session.options()[0])
    return session


def test_a_new_save_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    session = _played(tmp_path / "saves" / "new.jsonl")
    session.close()
    assert _mode(tmp_path / "saves" / "new.jsonl") == 0o600


def test_the_recovered_copy_resume_makes_is_its_owners_alone_whatever_the_originals_mode(tmp_path: Path) -> None:
    session = _played(tmp_path / "game.jsonl")
    session.close()
    path = tmp_path / "game.jsonl"
    os.chmod(path, 0o644)  # a save an older tabletop made, readable by all
    lines = lines_of(path)
    path.write_bytes(lines[0] + b"{}\n" + b"".join(lines[2:]))  # damaged in the middle: the game goes on in a copy
    resumed = resume(path)
    resumed.writer.close()
    assert resumed.save.path == tmp_path / "game-recovered.jsonl"
    assert _mode(resumed.save.path) == 0o600


def test_a_save_written_again_after_its_folder_vanished_is_its_owners_alone(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    session = _played(folder / "del.jsonl", 2)
    for name in os.listdir(folder):
        os.unlink(folder / name)
    folder.rmdir()  # as `rm -rf saves` while the game runs
    session.apply(session.options()[0])
    session.close()
    assert session.save_path == folder / "del.jsonl"
    assert _mode(session.save_path) == 0o600
