"""``tabletop report -o``: a report never destroys a save or a file nobody asked to replace."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tabletop.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "tiny-game.jsonl"


@pytest.fixture
def save(tmp_path: Path) -> Path:
    copy = tmp_path / "game.jsonl"
    shutil.copyfile(FIXTURE, copy)
    return copy


def test_report_refuses_to_write_onto_the_save_it_reports(save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = save.read_bytes()
    assert main(["report", str(save), "-o", str(save)]) == 1
    assert save.read_bytes() == before
    assert "never overwrites a save" in capsys.readouterr().err
    # not even with --force, nor through a link or another spelling of the path
    assert main(["report", str(save), "-o", str(save), "--force"]) == 1
    link = save.with_name("link.md")
    link.symlink_to(save)
    assert main(["report", str(save), "--format", "html", "-o", str(link), "--force"]) == 1
    hard = save.with_name("hard.md")
    os.link(save, hard)
    assert main(["report", str(save.parent), "-o", str(hard), "--force"]) == 1
    dotted = save.parent / "." / save.name
    assert main(["report", str(save), "-o", str(dotted), "--force"]) == 1
    assert save.read_bytes() == before


def test_report_replaces_an_existing_file_only_with_force(save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = save.with_name("debrief.md")
    out.write_text("the facilitator's own notes\n", encoding="utf-8")
    assert main(["report", str(save), "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == "the facilitator's own notes\n"
    assert "already exists" in capsys.readouterr().err
    assert main(["report", str(save), "-o", str(out), "--force"]) == 0
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_report_refuses_a_folder_or_a_pipe_as_its_output(save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = save.with_name("pipe")
    os.mkfifo(fifo)
    assert main(["report", str(save), "-o", str(fifo), "--force"]) == 1
    assert main(["report", str(save), "-o", str(save.parent), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("not a regular file") == 2 and "Traceback" not in err


def test_a_failed_write_leaves_the_old_report_whole(save: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = save.with_name("debrief.md")
    out.write_text("yesterday's report\n", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    assert main(["report", str(save), "-o", str(out), "--force"]) == 1
    assert out.read_text(encoding="utf-8") == "yesterday's report\n"
    assert "No space left on device" in capsys.readouterr().err
    assert sorted(p.name for p in save.parent.iterdir()) == ["debrief.md", "game.jsonl"]  # no temp file left
