"""``simulate --save-dir`` on a disk that refuses, and several runs into one folder at once.

A full or read-only disk ends the run with a clear message (exit 1, which
folder, why) and no torn save: each game is written out of sight and named
only once whole. Runs sharing a folder each take free names atomically, so
none fails and none overwrites another's games.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .faults import small_filesystem
from .savekit import REPO, tabletop


def _whole_games_only(folder: Path) -> list[Path]:
    """Every file left in the folder is a save that verifies; no temp file is left."""
    names = sorted(folder.iterdir())
    assert not [p.name for p in names if p.name.startswith(".")], "a temp file was left behind"
    for path in names:
        report = verify(path)
        assert report.ok, report.lines()
        assert report.events > 0
    return names


def test_read_only_folder(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "ro", options="ro") as folder:
        done = tabletop("simulate", "--games", "3", "--seed", "2", "--save-dir", str(folder), "--json")
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stdout == ""
        assert done.stderr.startswith(
            f"tabletop simulate: cannot write the game saves into {folder}: Read-only file system"
        ), done.stderr
        assert list(folder.iterdir()) == []


def test_read_only_folder_injected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """The same where mounting is not allowed: the folder refuses every new file."""
    folder = tmp_path / "saves"
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)
    code = main(["simulate", "--games", "2", "--workers", "1", "--save-dir", str(folder), "--json"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith(f"tabletop simulate: cannot write the game saves into {folder}: Read-only file system")
    assert list(folder.iterdir()) == []


def test_disk_full_half_way_through_a_game(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    """ENOSPC in the middle of the third game: the first two stay, the third leaves nothing."""
    folder = tmp_path / "saves"
    # how many writes the first two games take: play them once into another folder
    main(["simulate", "--games", "2", "--seed", "4", "--workers", "1", "--save-dir", str(tmp_path / "probe"), "--json"])
    capsys.readouterr()
    two_games = sum(1 + len(open_save(p)) for p in (tmp_path / "probe").iterdir())  # a header, then each event
    real_write = os.write
    writes = 0

    def filling(fd: int, data) -> int:
        nonlocal writes
        try:
            into = os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder))
        except OSError:
            into = False
        if into:
            writes += 1
            if writes > two_games + 10:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", filling)
    code = main(["simulate", "--games", "5", "--seed", "4", "--workers", "1", "--save-dir", str(folder), "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.startswith(f"tabletop simulate: cannot write the game saves into {folder}: No space left on device")
    monkeypatch.undo()
    assert len(_whole_games_only(folder)) == 2


def test_a_real_full_disk(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "disk", size="300k") as folder:
        done = tabletop("simulate", "--games", "20", "--seed", "3", "--save-dir", str(folder), "--json")
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert done.stderr.startswith(
            f"tabletop simulate: cannot write the game saves into {folder}: No space left on device"
        ), done.stderr
        assert 0 < len(_whole_games_only(folder)) < 20


def test_a_name_taken_at_the_last_moment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Another run saves a game under the same name just before this one links its own: this one takes -2."""
    folder = tmp_path / "saves"
    real_link = os.link
    taken: list[Path] = []

    def racing(src, dst, *args, **kwargs):
        dst = Path(dst)
        if dst.parent == folder and not taken:
            dst.write_bytes(b"the other run's save\n")
            taken.append(dst)
        return real_link(src, dst, *args, **kwargs)

    monkeypatch.setattr(os, "link", racing)
    code = main(["simulate", "--games", "1", "--seed", "8", "--workers", "1", "--save-dir", str(folder), "--json"])
    assert code == 0, capsys.readouterr().err
    other = taken[0]
    assert other.read_bytes() == b"the other run's save\n"  # never overwritten
    mine = other.with_name(other.name.replace(".jsonl", "-2.jsonl"))
    assert verify(mine).ok
    assert sorted(p.name for p in folder.iterdir()) == sorted([other.name, mine.name])


def test_four_runs_into_one_folder_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    runs = [
        subprocess.Popen([sys.executable, "-m", "tabletop", "simulate", "--games", "3", "--seed", "11", "--workers", "1",
                          "--save-dir", str(folder), "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, cwd=REPO)
        for _ in range(4)
    ]
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    saves = _whole_games_only(folder)
    names = [p.name for p in saves]
    assert len(names) == 12 == len(set(names))
    stems = {n.removesuffix(".jsonl") for n in names if not n.endswith(("-2.jsonl", "-3.jsonl", "-4.jsonl"))}
    assert len(stems) == 3  # each game's name, and its -2, -3 and -4 for the other runs
    for stem in stems:
        assert {f"{stem}.jsonl", f"{stem}-2.jsonl", f"{stem}-3.jsonl", f"{stem}-4.jsonl"} <= set(names)
