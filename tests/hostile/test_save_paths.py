"""``play --save`` and ``host --save`` given a path that cannot be a new save: each refused for what it is.

Found from outside: ``play --save FIFO`` (or ``/dev/null``) said it "already exists … (use tabletop resume
/dev/null)", advice ``resume`` then refused; ``--save FILE/x.jsonl`` said "the folder FILE does not exist".
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tabletop.cli import main


@pytest.fixture
def no_screen(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The terminal check passes and no screen or server starts; what would have been shown is kept."""
    from tabletop.cli import host, screens

    started: list[object] = []
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "_run_app", lambda session: started.append(session) or 0)

    async def serve(table: object, *args: object, **kwargs: object) -> int:
        started.append(table)
        return 0

    monkeypatch.setattr(host, "_serve", serve)
    return started


def _paths(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    pipe = tmp_path / "x.fifo"
    os.mkfifo(pipe)
    a_file = tmp_path / "b1.jsonl"
    a_file.write_text("not a folder\n", encoding="utf-8")
    return {
        "fifo": (pipe, f"{pipe}: is not a regular file (a named pipe); give a file"),
        "device": (Path("/dev/null"), "/dev/null: is not a regular file (a device); give a file"),
        "file-as-folder": (a_file / "x.jsonl", f"{a_file} is not a folder"),
        "file-as-folder-deeper": (a_file / "more" / "x.jsonl", f"{a_file} is not a folder"),
    }


def _argv(command: str, path: Path) -> list[str]:
    """``play`` or ``host`` (headless, any free port) of a new game saved at ``path``."""
    extra = ["--headless", "--listen", "127.0.0.1:0"] if command == "host" else []
    return [command, "--seed", "3", "--save", str(path), *extra]


@pytest.mark.parametrize("command", ["play", "host"])
@pytest.mark.parametrize("kind", ["fifo", "device", "file-as-folder", "file-as-folder-deeper"])
def test_a_save_path_that_cannot_be_a_file_is_refused_as_such(command: str, kind: str, tmp_path: Path,
                                                               no_screen: list[object],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path, words = _paths(tmp_path)[kind]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(_argv(command, path)) == 1
    err = capsys.readouterr().err
    assert f"tabletop {command}: {words}" in err, err
    assert "already exists" not in err and "resume" not in err and "does not exist" not in err, err
    assert no_screen == []
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.parametrize("command", ["play", "host"])
def test_a_save_in_a_folder_that_is_not_there_is_refused_and_nothing_made(command: str, tmp_path: Path,
                                                                         no_screen: list[object],
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``host --save no/such/x.jsonl`` made the folders no/such and hosted the game there,
    where ``play`` refuses (a typo in a folder name must not scatter saves into new folders nobody looks in)."""
    path = tmp_path / "no" / "such" / "x.jsonl"
    assert main(_argv(command, path)) == 1
    err = capsys.readouterr().err
    assert f"tabletop {command}: the folder {path.parent} does not exist; create it first" in err, err
    assert no_screen == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["verify"], ["report"], ["replay"], ["play", "--save"], ["host", "--headless", "--save"]],
                         ids=["verify", "report", "replay", "play", "host"])
def test_a_name_too_long_for_the_system_is_said_not_a_traceback(argv: list[str], tmp_path: Path, no_screen: list[object],
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-124): a 300-letter file name raised ``OSError: [Errno 36] File name too long``
    out of ``Path.exists()`` with a traceback in verify, report, replay, ``play --save`` and ``host --save``."""
    name = str(tmp_path / ("a" * 300 + ".jsonl"))
    assert main([*argv, name]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "File name too long" in err, err
    # the command's name, as its other messages (found from outside: "tabletop: cannot use")
    assert f"tabletop {argv[0]}: cannot use " in err, err
    assert "give it a shorter name (at most 255 bytes a name" in err, err  # found from outside: and what to do
    assert no_screen == []


def test_a_sweep_report_of_a_folder_that_cannot_be_read_says_read_not_write(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-124): "tabletop sweep report: cannot write None: File name too long"."""
    pytest.importorskip("duckdb")
    assert main(["sweep", "report", str(tmp_path / ("a" * 300))]) == 1
    err = capsys.readouterr().err
    assert "cannot read" in err and "None" not in err and "File name too long" in err, err


def test_a_sweep_report_that_cannot_be_written_says_write_and_names_the_page(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Review: an error while writing the page (the system refusing its temp file, here) names the page asked for,
    as "cannot write", not the temp file as "cannot read"."""
    import errno

    from tabletop.content import drafts
    pytest.importorskip("pyarrow")
    pytest.importorskip("duckdb")
    spec = tmp_path / "s.toml"
    spec.write_text('[sweep]\nruleset = "river-basin"\ngames = 2\n\n[[points]]\n"ruleset.independence" = "strict"\n',
                    encoding="utf-8")
    assert main(["sweep", str(spec), "--out", str(tmp_path / "out"), "--quiet", "--workers", "1"]) == 0
    capsys.readouterr()
    page = tmp_path / "page.html"

    def refused(*_args: object, **kwargs: object) -> tuple[Path, int]:
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".page.html.x1y2.tmp"))

    monkeypatch.setattr(drafts, "temp_beside", refused)  # the report's draft, as every file's (content.drafts)
    assert main(["sweep", "report", str(tmp_path / "out"), "--format", "html", "-o", str(page)]) == 1
    err = capsys.readouterr().err
    assert f"cannot write {page}" in err and "cannot read" not in err and "Traceback" not in err, err
