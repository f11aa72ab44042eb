"""validate says what a file it cannot read is, in the words a designer needs (found from outside, helper-94):
a sweep file and a save were "not a ruleset or a deck" and a "TOML syntax error"; a link going round in a loop was
"no such file"; a true where a number goes was "got true/false true"."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main

HERE = Path(__file__).parent
REPO = HERE.parents[1]
MINI_RULESET = HERE / "fixtures" / "rulesets" / "mini.toml"


def _validate(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["validate", str(path)]) == 1
    return capsys.readouterr().out.splitlines()


def test_a_sweep_file_is_told_to_go_to_tabletop_sweep(capsys: pytest.CaptureFixture[str]) -> None:
    sweep = REPO / "docs" / "sweeps" / "borders.toml"
    line = next(i for i, text in enumerate(sweep.read_text().splitlines(), 1) if text.strip() == "[sweep]")
    assert _validate(sweep, capsys) == [
        f"{sweep}:{line}: sweep: this is a sweep file, not a ruleset or a deck: tabletop sweep FILE checks it before "
        "it plays a game", "1 problem in 1 file"]


@pytest.mark.parametrize("name", ["game.jsonl", "game.toml"])
def test_a_save_is_told_to_go_to_tabletop_verify(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save = tmp_path / name
    shutil.copy(REPO / "tests" / "report" / "fixtures" / "tiny-game.jsonl", save)
    assert _validate(save, capsys) == [
        f"{save}:1: this is a save (a .jsonl file), not a ruleset or a deck: check a save with tabletop verify FILE",
        "1 problem in 1 file"]


def test_a_json_file_that_is_not_a_save_is_still_a_toml_syntax_error(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "schema.toml"
    other.write_text('{"type": "object"}\n', encoding="utf-8")
    assert _validate(other, capsys)[0].startswith(f"{other}:1: TOML syntax error")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_to_nothing_is_said_to_be_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loop, other, gone = tmp_path / "loop1.toml", tmp_path / "loop2.toml", tmp_path / "gone.toml"
    loop.symlink_to(other)
    other.symlink_to(loop)
    gone.symlink_to(tmp_path / "deleted.toml")
    said = ("a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)")
    for link in (loop, gone):
        assert _validate(link, capsys) == [f"{link}: {said}", "1 problem in 1 file"]
        assert main(["play", "--ruleset", str(link), "--save", str(tmp_path / "s.jsonl")]) == 1
        assert capsys.readouterr().err.strip() == f"{link}: {said}"
    assert _validate(tmp_path / "nothing.toml", capsys)[0] == f"{tmp_path / 'nothing.toml'}: no such file or directory"


def test_true_where_a_number_goes_is_said_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ruleset = tmp_path / "mini.toml"
    text = MINI_RULESET.read_text(encoding="utf-8")
    ruleset.write_text(text.replace("turns = 4", "turns = true"), encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("turns = 4"))
    assert _validate(ruleset, capsys) == [f"{ruleset}:{line}: ruleset.turns: expected a whole number, got true",
                                          "1 problem in 1 file"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_save_that_is_a_link_to_no_file_is_said_to_be_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-96): ``play --save`` of a link to no file said "a save is never overwritten ...
    a disk with room", and verify "no such file"."""
    link = tmp_path / "dangling.jsonl"
    link.symlink_to(tmp_path / "nowhere.jsonl")
    said = ("a symbolic link that leads to no file (the file it names is missing, or the links go round in a loop)")
    for command in (["verify"], ["resume"], ["report"]):
        assert main([*command, str(link)]) != 0
        out = capsys.readouterr()
        assert said in out.out + out.err, (command, out)
    assert main(["play", "--save", str(link)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"tabletop play: {link} is a symbolic link that leads to no file; give --save the name of a new file")
    assert not (tmp_path / "nowhere.jsonl").exists()
