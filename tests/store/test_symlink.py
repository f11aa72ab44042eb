"""A save reached through a symlink: resume repairs the file the link names, and the link stays a link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tabletop.engine import Action, apply
from tabletop.store import SaveBusy
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import lines_of, record_bot_game, scenario


def _linked(tmp_path: Path) -> tuple[Path, Path, list[bytes]]:
    """A save in ``real/`` and a link to it in ``links/``."""
    (tmp_path / "real").mkdir()
    (tmp_path / "links").mkdir()
    target = record_bot_game(tmp_path / "real" / "game.jsonl", scenario(), 6).path
    link = tmp_path / "links" / "game.jsonl"
    link.symlink_to(target)
    return link, target, lines_of(target)


def test_resume_through_a_link_repairs_the_target(tmp_path: Path) -> None:
    link, target, lines = _linked(tmp_path)
    intact = b"".join(lines[:-1])
    target.write_bytes(intact + lines[-1][:-17])  # a crash mid-line

    resumed = resume(link)
    try:
        assert link.is_symlink() and os.readlink(link) == str(target)
        assert target.read_bytes() == intact  # the real file is repaired
        assert any("incomplete" in m for m in resumed.messages)
        state = apply(resumed.state, Action("note", text="after the repair"))
        resumed.writer.append(state)
    finally:
        resumed.writer.close()
    assert link.is_symlink()
    report = verify(link)
    assert report.ok and report.events == len(lines) - 1  # the intact events (lines[0] is the header) and the note
    assert sorted(p.name for p in link.parent.iterdir()) == ["game.jsonl"]


def test_a_damaged_save_behind_a_link_recovers_beside_the_target(tmp_path: Path) -> None:
    link, target, lines = _linked(tmp_path)
    lines[4] = lines[4].replace(b'"round":1', b'"round":7', 1)
    damaged = b"".join(lines)
    target.write_bytes(damaged)
    resumed = resume(link)
    resumed.writer.close()
    assert resumed.save.path == target.with_name("game-recovered.jsonl")
    assert target.read_bytes() == damaged and link.is_symlink()
    assert verify(resumed.save.path).ok


def test_the_lock_is_on_the_file_not_the_name(tmp_path: Path) -> None:
    link, target, _ = _linked(tmp_path)
    held = resume(target)
    try:
        with pytest.raises(SaveBusy):
            resume(link)
    finally:
        held.writer.close()
    assert len(open_save(link)) == len(open_save(target))
