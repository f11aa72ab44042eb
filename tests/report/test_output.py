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


def test_report_never_replaces_another_save_or_a_sweeps_files_even_with_force(
        save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``-o g_clean.jsonl --force`` put Markdown over the workshop's save; a sweep report's
    ``-o DIR/sweep.json --force`` left the sweep unreadable and not resumable."""
    other = tmp_path / "monday.jsonl"
    shutil.copyfile(FIXTURE, other)
    sweep = tmp_path / "borders"
    (sweep / "point=0").mkdir(parents=True)
    plan = sweep / "sweep.json"
    plan.write_text('{\n  "format": 1,\n  "tabletop": "0.1.0",\n  "plan": {"games": 40}\n}\n', encoding="utf-8")
    rows = sweep / "point=0" / "games-000000000.parquet"
    rows.write_bytes(b"PAR1" + bytes(60) + b"PAR1")
    kept = {p: p.read_bytes() for p in (other, plan, rows)}
    for target in kept:
        assert main(["report", str(save), "-o", str(target), "--force"]) == 1
    err = capsys.readouterr().err
    assert "is a tabletop save; a report never overwrites a save" in err
    assert "is a sweep's plan; a report never overwrites a sweep" in err
    assert "is a Parquet file (a sweep's rows); a report never overwrites a sweep" in err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in kept} == kept
    # a report of its own in the sweep's folder is replaced as any other file
    report = sweep / "report.md"
    assert main(["report", str(save), "-o", str(report)]) == 0
    assert main(["report", str(save), "-o", str(report), "--force"]) == 0


def test_report_never_replaces_a_save_s_join_codes_or_its_lock_note_even_with_force(
        save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-322, finding 5): ``report SAVE -o SAVE.codes --force`` wrote Markdown over the
    game's join codes; the next ``host --resume`` gave every seat a new code and listened on the default port. A
    save's codes file and the note naming the tabletop writing it are refused as the save is, even where not there
    yet (a report left there would be read as them)."""
    codes = tmp_path / "game.jsonl.codes"
    codes.write_text('{"facilitator": "hzsw-cgaa-a5gy-pevx-4zck", "listen": "127.0.0.1:9296"}', encoding="utf-8")
    note = tmp_path / ".game.jsonl.lock"
    note.write_text('{"pid": 1, "command": "tabletop host --save game.jsonl"}\n', encoding="utf-8")
    other = tmp_path / "monday.jsonl"
    shutil.copyfile(FIXTURE, other)
    kept = {p: p.read_bytes() for p in (codes, note)}
    for target in (codes, note, tmp_path / "monday.jsonl.codes", tmp_path / ".monday.jsonl.lock"):
        assert main(["report", str(save), "--format", "md", "-o", str(target), "--force"]) == 1, target
    err = capsys.readouterr().err
    assert f"is the join codes of the save {save}; a report never overwrites a save's files" in err, err
    assert f"is the note naming the tabletop that writes the save {other}; a report never overwrites a save's " \
           "files" in err, err
    assert "Traceback" not in err
    assert {p: p.read_bytes() for p in kept} == kept
    assert not (tmp_path / "monday.jsonl.codes").exists() and not (tmp_path / ".monday.jsonl.lock").exists()
    # a name of that shape beside no save is an ordinary file
    assert main(["report", str(save), "--format", "md", "-o", str(tmp_path / "notes.codes")]) == 0


@pytest.mark.parametrize(("name", "starts"), [("r.html", "<!doctype html"), ("r.HTM", "<!doctype html"),
                                              ("r.json", "{"), ("r.md", "# "), ("r.txt", "# ")])
def test_the_file_s_suffix_names_the_format_when_format_does_not(strict_game, tmp_path: Path,  # noqa: ANN001
                                                                 name: str, starts: str) -> None:
    """Found from outside (sweep report, and report alike): `-o report.html` without --format wrote Markdown."""
    from tabletop.cli import main

    out = tmp_path / name
    assert main(["report", str(strict_game.path), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith(starts)


def test_a_report_named_for_a_format_it_is_not_is_refused(save: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-92): ``-o debrief.pdf`` wrote Markdown into debrief.pdf and said "Report written".
    A suffix names the format; one tabletop does not write is refused before anything is written. No suffix, or
    .txt, is Markdown; --format decides whatever the name."""
    pdf = save.with_name("debrief.pdf")
    assert main(["report", str(save), "-o", str(pdf)]) == 2  # typed wrong, as argparse's own mistakes
    err = capsys.readouterr().err
    assert f"{pdf}: a report is written as .md, .html, .json: name the file so, or give --format" in err, err
    assert not pdf.exists()
    assert main(["report", str(save), "-o", str(pdf), "--format", "md"]) == 0 and pdf.read_text().startswith("# ")
    for name in ("debrief", "debrief.txt"):
        assert main(["report", str(save), "-o", str(save.with_name(name))]) == 0
        assert save.with_name(name).read_text(encoding="utf-8").startswith("# ")


def test_a_save_whose_header_does_not_read_is_never_replaced_even_with_force(
        save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): a save whose header lost its closing brace (verify: "damaged header") was
    not known for a save, and ``-o it --force`` wrote Markdown over the one copy a person could have mended."""
    damaged = tmp_path / "monday.jsonl"
    header, rest = FIXTURE.read_bytes().split(b"\n", 1)
    damaged.write_bytes(header.rstrip(b"}") + b"\n" + rest)
    before = damaged.read_bytes()
    assert main(["report", str(save), "-o", str(damaged), "--force", "--format", "md"]) == 1
    assert "is a tabletop save; a report never overwrites a save" in capsys.readouterr().err
    assert damaged.read_bytes() == before


@pytest.mark.parametrize("inside", [False, True], ids=["the-loop", "a-file-in-it"])
def test_an_output_in_a_symlink_loop_is_said_in_words(save: Path, tmp_path: Path, inside: bool,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): ``-o loop1`` (loop1 -> loop2 -> loop1) was a traceback, RuntimeError out of
    Path.resolve()."""
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    target = tmp_path / "loop1" / "x.md" if inside else tmp_path / "loop1"
    assert main(["report", str(save), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    # said as play --save says it (helper-156's shared check, which now comes first)
    if inside:
        assert f"{tmp_path / 'loop1'}: it is a link that leads to no folder" in err and "go round in a loop" in err, err
    else:
        assert f"{tmp_path / 'loop1'} is a symbolic link that leads to no file" in err, err


def test_an_output_folder_that_is_a_link_to_nothing_is_said_so(save: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-150): ``-o dangling/x.md`` (a link to a folder that is gone) said "File exists"."""
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    assert main(["report", str(save), "-o", str(tmp_path / "dangling" / "x.md")]) == 1
    err = capsys.readouterr().err
    assert "it is a link that leads to no folder" in err and "File exists" not in err, err


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_o_dash_writes_the_report_to_standard_output_and_nothing_else_there(
        fmt: str, save: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-209): ``report SAVE -o -`` wrote a file named ``-`` ("Report written to -"), where
    ``-`` means standard output to every Unix tool."""
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    assert main(["report", str(save), "--format", fmt]) == 0
    shown = capsys.readouterr()
    assert main(["report", str(save), "--format", fmt, "-o", "-"]) == 0
    said = capsys.readouterr()
    assert said.out == shown.out and said.out.strip(), said
    assert said.err == "", said.err  # no "Report written to -"
    assert sorted(tmp_path.iterdir()) == before  # no file named "-"


def test_o_dash_exits_as_a_file_does_and_warns_on_stderr(save: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged save: the report on stdout, the warning on stderr, exit 1 as for ``-o FILE``; ``--force`` and a
    markdown default change nothing; ``./-`` is still a file of that name."""
    monkeypatch.chdir(tmp_path)
    lines = save.read_bytes().splitlines(keepends=True)
    save.write_bytes(b"".join(lines[:-1]) + lines[-1][:-5])  # a torn last line
    assert main(["report", str(save), "-o", str(tmp_path / "file.md")]) == 1
    to_file = capsys.readouterr()
    assert main(["report", str(save), "-o", "-", "--force"]) == 1
    said = capsys.readouterr()
    assert said.out == (tmp_path / "file.md").read_text(encoding="utf-8")
    assert said.err == to_file.err.replace(f"Report written to {tmp_path / 'file.md'}\n", ""), said.err
    assert "warning" in said.err and not (tmp_path / "-").exists()
    assert main(["report", str(save), "-o", "./-"]) == 1
    assert (tmp_path / "-").read_text(encoding="utf-8") == said.out


def test_report_help_says_what_o_dash_does(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "-: standard output" in help_text, help_text


def test_the_facilitators_report_is_its_owners_alone_and_the_participants_an_ordinary_document(save: Path) -> None:
    """Found from outside: the facilitator's report was 0644 (0664 under umask 002), readable by every account on
    a shared machine, though for a live game it holds the unrevealed sealed moves, the seed, every secret objective
    and the control notes: what the save itself is kept 0600 for. The participants' copy is made for the room."""
    old = os.umask(0o002)
    try:
        assert main(["report", str(save), "-o", str(save.with_name("facilitator.md"))]) == 0
        assert main(["report", str(save), "--audience", "participants", "-o", str(save.with_name("room.md"))]) == 0
    finally:
        os.umask(old)
    assert save.with_name("facilitator.md").stat().st_mode & 0o777 == 0o600
    assert save.with_name("room.md").stat().st_mode & 0o777 == 0o664
