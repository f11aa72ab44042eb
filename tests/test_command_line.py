"""Every command says and exits alike (found from outside, helper-156): a refusal on stderr after the command's
name; 2 for a mistake in how the command was typed, 1 for an input it refuses; 130 after Ctrl-C."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main

REPO = Path(__file__).parents[1]
TINY_GAME = REPO / "tests" / "report" / "fixtures" / "tiny-game.jsonl"


@pytest.fixture
def save(tmp_path: Path) -> Path:
    copy = tmp_path / "game.jsonl"
    shutil.copyfile(TINY_GAME, copy)
    return copy


def _not_a_save(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "notes.jsonl"
    path.write_text("the facilitator's notes\n", encoding="utf-8")
    return path, "not a tabletop save"


def _folder(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path, "is a directory, not a save file"


def _pipe(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "pipe.jsonl"
    os.mkfifo(path)
    return path, "is not a regular file (a named pipe)"


def _empty(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "empty.jsonl"
    path.touch()
    return path, "the file is empty: not a save"


def _link_to_nothing(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "link.jsonl"
    path.symlink_to(tmp_path / "gone.jsonl")
    return path, "a symbolic link that leads to no file"


def _unreadable(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "locked.jsonl"
    shutil.copyfile(TINY_GAME, path)
    path.chmod(0)
    return path, "Permission denied"


@pytest.mark.parametrize("given", [
    lambda tmp: (tmp / "no-such.jsonl", "no such file"), _folder, _pipe, _not_a_save, _empty, _link_to_nothing,
    pytest.param(_unreadable, marks=pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                                                       reason="root reads a file whatever its mode")),
], ids=["missing", "folder", "pipe", "not-a-save", "empty", "link-to-nothing", "unreadable"])
def test_verify_says_a_refusal_on_stderr_after_its_name_as_every_command_does(
        given, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001 - a case above
    """Found from outside (helper-156): ``verify no-such.jsonl`` printed "no-such.jsonl: no such file" on stdout,
    without the "tabletop verify: " every other command's refusal starts with, on stderr."""
    path, words = given(tmp_path)
    assert main(["verify", str(path)]) == 1  # as before: an input refused
    said = capsys.readouterr()
    assert said.out == "", said.out
    assert said.err.startswith(f"tabletop verify: {path}: ") and words in said.err, said.err
    assert len(said.err.splitlines()) == 1, said.err
    assert main(["replay", str(path)]) == 1  # and as replay says the same refusal
    assert capsys.readouterr().err == said.err.replace("tabletop verify: ", "tabletop replay: ", 1)


def test_verify_s_verdict_stays_on_stdout(save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify", str(save)]) == 0
    said = capsys.readouterr()
    assert said.out.startswith(f"{save}: intact") and said.err == "", said
    damaged = save.with_name("damaged.jsonl")
    lines = save.read_bytes().splitlines(keepends=True)
    damaged.write_bytes(b"".join(lines[:2] + [lines[2].replace(b'"round":', b'"round": ', 1)] + lines[3:]))
    assert main(["verify", str(damaged)]) == 1
    said = capsys.readouterr()
    assert said.out.startswith(f"{damaged}: damaged at ") and said.err == "", said
