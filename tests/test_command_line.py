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


def _missing_folder(tmp_path: Path) -> Path:
    return tmp_path / "some" / "missing" / "folder" / "out.md"


def _link_to_no_file(tmp_path: Path) -> Path:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    return link


def _in_a_link_to_no_folder(tmp_path: Path) -> Path:
    (tmp_path / "gone").symlink_to(tmp_path / "no-such-folder")
    return tmp_path / "gone" / "out.md"


@pytest.mark.parametrize("where", [_missing_folder, _link_to_no_file, _in_a_link_to_no_folder],
                         ids=["missing-folder", "link-to-no-file", "in-a-link-to-no-folder"])
@pytest.mark.parametrize("force", [False, True], ids=["", "force"])
def test_report_o_refuses_where_play_save_refuses_in_the_same_words(
        where, force: bool, save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: ANN001
    """Found from outside (helper-156): ``report SAVE -o some/missing/folder/out.md`` made the missing folders, and
    ``-o link`` (a link to nothing) replaced the link with the report, where ``play --save`` refuses both."""
    target = where(tmp_path)
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    assert main(["report", str(save), "-o", str(target), *(["--force"] if force else [])]) == 1
    said = capsys.readouterr()
    assert said.out == "" and "Report written" not in said.err, said
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before  # nothing made, the link still a link to nothing
    assert main(["play", "--save", str(target)]) == 1
    played = capsys.readouterr().err
    assert played.startswith("tabletop play: ") and "--save" in played, played
    assert said.err == played.replace("tabletop play: ", "tabletop report: ", 1).replace("--save", "-o"), said.err
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_report_o_in_a_folder_that_is_a_file_says_so_as_play_save_does(
        save: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-156): ``report -o afile/x.md`` said "cannot be written: Not a directory", where
    ``play --save afile/x.jsonl`` says "afile is not a folder; …"."""
    afile = tmp_path / "afile"
    afile.write_text("notes\n", encoding="utf-8")
    assert main(["report", str(save), "-o", str(afile / "x.md")]) == 1
    said = capsys.readouterr().err
    assert said.strip() == f"tabletop report: {afile} is not a folder; give -o a path in an existing folder", said
    assert afile.read_text(encoding="utf-8") == "notes\n"


def test_report_o_and_play_save_say_what_is_wrong_with_the_path(save: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    missing, link, gone = _missing_folder(tmp_path), _link_to_no_file(tmp_path), _in_a_link_to_no_folder(tmp_path)
    for target in (missing, link, gone):
        assert main(["report", str(save), "-o", str(target)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"tabletop report: the folder {missing.parent} does not exist; create it first, or give -o a path in an "
        "existing folder",
        f"tabletop report: {link} is a symbolic link that leads to no file; give -o the name of a new file",
        # found in review: play --save said "the folder ... does not exist; create it first", and no mkdir makes a
        # folder where a link to nothing stands (report -o named the link already)
        f"tabletop report: {gone.parent}: it is a link that leads to no folder (what it names is missing, or the "
        "links go round in a loop); give -o a path in an existing folder",
    ]
    assert main(["play", "--save", str(gone)]) == 1
    assert capsys.readouterr().err == (
        f"tabletop play: {gone.parent}: it is a link that leads to no folder (what it names is missing, or the "
        "links go round in a loop); give --save a path in an existing folder\n")
    out = tmp_path / "out.md"  # a new file in a folder that is there: written, as before
    assert main(["report", str(save), "-o", str(out)]) == 0 and out.read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("target", ["fifo", "/dev/zero"])
def test_an_output_folder_that_is_a_link_to_a_pipe_or_a_device_is_said_so(target: str, tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-192): ``--save-dir l-zero`` (a link to /dev/zero, or to a FIFO) was said to be "a
    link that leads to no folder (what it names is missing, or the links go round in a loop)": it names something."""
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo")
    link = tmp_path / "l"
    link.symlink_to(target)
    assert main(["simulate", "--games", "1", "--save-dir", str(link)]) == 1
    err = capsys.readouterr().err
    assert f"{link}: it is a link to something that is not a folder (a file, a pipe or a device)" in err, err
    assert "leads to no folder" not in err and "Traceback" not in err, err


#: a mistake in how the command was typed, for each command: exit 2, as argparse's own (found from outside,
#: helper-156: the ones marked exited 1, as an input refused does)
MISTYPED = {
    "play-seed": ["play", "--seed", "x"],
    "play-timer": ["play", "--timer", "bogus"],
    "play-lang": ["play", "--lang", "xx"],
    "play-save-control-character": ["play", "--save", "tab\there.jsonl"],  # was 1
    "resume-missing-argument": ["resume"],
    "resume-timer": ["resume", "--timer", "bogus", "x.jsonl"],
    "replay-missing-argument": ["replay"],
    "report-missing-argument": ["report"],
    "report-format": ["report", "{save}", "--format", "pdf"],
    "report-o-suffix": ["report", "{save}", "-o", "{tmp}/debrief.pdf"],  # was 1
    "report-paired-two-saves": ["report", "--paired", "{save}", "{save2}"],  # was 1
    "report-o-control-character": ["report", "{save}", "-o", "{tmp}/a\nb.md"],  # wrote a file so named
    "verify-missing-argument": ["verify"],
    "verify-head": ["verify", "{save}", "--head", "zz"],
    "validate-missing-argument": ["validate"],
    "schema-kind": ["schema", "bogus"],
    "simulate-workers": ["simulate", "--workers", "0"],
    "simulate-cluster": ["simulate", "--cluster", "bogus", "--games", "1"],
    "simulate-seed": ["simulate", "--seed", "-1"],
    "simulate-save-dir-control-character": ["simulate", "--games", "2", "--save-dir", "{tmp}/d\nd"],  # was 1
    "sweep-missing-argument": ["sweep", "report"],
    "sweep-workers": ["sweep", "x.toml", "--workers", "0"],
    "serve-missing-argument": ["serve"],
    "serve-listen": ["serve", "127.0.0.1:9", "--listen", "bogus"],
    "host-listen": ["host", "--headless", "--listen", "bogus"],
    "host-timer": ["host", "--headless", "--timer", "bogus"],
    "host-save-control-character": ["host", "--headless", "--save", "{tmp}/tab\there.jsonl"],  # was 1
    "join-address": ["join", "bogus"],
    "no-such-command": ["bogus"],
    "lang-everywhere": ["--lang", "xx", "verify", "{save}"],
}


def _status(argv: list[str]) -> object:
    """The exit status of ``tabletop ARGV`` run here: main's, or argparse's (it exits itself)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize("argv", list(MISTYPED.values()), ids=list(MISTYPED))
def test_a_command_typed_wrong_exits_2_as_argparse_does(argv: list[str], save: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)  # nothing a command might make lands in the repository
    second = tmp_path / "second.jsonl"
    shutil.copyfile(TINY_GAME, second)
    before = sorted(tmp_path.rglob("*"))
    assert _status([word.format(save=save, save2=second, tmp=tmp_path) for word in argv]) == 2, capsys.readouterr()
    said = capsys.readouterr()
    assert said.out == "" and said.err.strip() and "Traceback" not in said.err, said
    assert sorted(tmp_path.rglob("*")) == before  # nothing made


#: polls of a tenth of a second each: a bound on how long the server may take to start, not a measurement
POLLS = 300


def test_serve_stopped_by_ctrl_c_exits_130_as_every_command_does(tmp_path: Path) -> None:
    """Found from outside (helper-156): ``tabletop serve`` exited 0 after Ctrl+C, where sweep, simulate, report
    and the rest exit 130 (128 + SIGINT)."""
    import signal
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def served() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                return bool(response.read())
        except OSError:
            return False

    with open(tmp_path / "serve.log", "wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "tabletop", "serve", "127.0.0.1:9", "--listen",
                                 f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                stdin=subprocess.DEVNULL)  # no terminal to ask in: Ctrl+C stops at once
        try:
            for _ in range(POLLS):  # the page served: the server is up, Ctrl+C is its own now
                if served() or proc.poll() is not None:
                    break
                time.sleep(0.1)
            assert proc.poll() is None, (tmp_path / "serve.log").read_text()
            proc.send_signal(signal.SIGINT)  # Ctrl+C in serve's terminal
            status = proc.wait(60)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(30)
    said = (tmp_path / "serve.log").read_text()
    assert status == 130, said
    assert "Traceback" not in said, said


@pytest.mark.parametrize(("argv", "where"), [
    (["verify", "{save}"], "tabletop.store.verifying.verify"),
    (["report", "{save}"], "tabletop.report.render"),
    (["validate", "{save}"], "tabletop.content.pairing.check_files"),
    (["schema", "deck"], "tabletop.cli.schema.schema_for"),
], ids=["verify", "report", "validate", "schema"])
def test_a_command_interrupted_exits_130(argv: list[str], where: str, save: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    def ctrl_c(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(where, ctrl_c)
    assert main([word.format(save=save) for word in argv]) == 130
    assert capsys.readouterr().err == "interrupted\n"


def _link_loop(folder: Path) -> str:
    """``ln -s loop2 loop1; ln -s loop1 loop2`` in ``folder``: the name a tester gave, with no folder nor suffix."""
    (folder / "loop1").symlink_to("loop2")
    (folder / "loop2").symlink_to("loop1")
    return "loop1"


#: every command that takes a ruleset or a deck by path or bundled id
SCENARIO_GIVEN = {
    "simulate-ruleset": ["simulate", "--games", "1", "--workers", "1", "--ruleset", "{path}"],
    "simulate-deck": ["simulate", "--games", "1", "--workers", "1", "--deck", "{path}"],
    "play-ruleset": ["play", "--ruleset", "{path}"],
    "play-deck": ["play", "--deck", "{path}"],
    "host-ruleset": ["host", "--headless", "--ruleset", "{path}"],
    "host-deck": ["host", "--headless", "--deck", "{path}"],
}


@pytest.mark.parametrize("argv", list(SCENARIO_GIVEN.values()), ids=list(SCENARIO_GIVEN))
def test_a_loop_of_links_given_as_a_ruleset_or_deck_is_said_as_validate_says_it(
        argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-209): ``simulate --ruleset loop1`` (a loop of links) was "no ruleset file or bundled
    ruleset id 'loop1'", where validate, verify, replay and report say it is a link that leads to no file."""
    monkeypatch.chdir(tmp_path)
    loop = _link_loop(tmp_path)
    assert main(["validate", loop]) == 1
    validated = capsys.readouterr().out.splitlines()[0]
    assert validated == (f"{loop}: a symbolic link that leads to no file (the file it names is missing, or the links "
                         "go round in a loop)"), validated
    assert main([word.format(path=loop) for word in argv]) == 1
    said = capsys.readouterr()
    assert said.out == "" and said.err == f"tabletop {argv[0]}: {validated}\n", said


def _sweep_file(folder: Path, ruleset: str) -> Path:
    spec = folder / "sweep.toml"
    spec.write_text(f'[sweep]\nruleset = "{ruleset}"\ngames = 1\n\n[[axes]]\nkey = "ruleset.independence"\n'
                    'values = ["strict", "linked"]\n', encoding="utf-8")
    return spec


def test_a_sweep_file_naming_a_loop_of_links_says_it_at_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The sweep file's ``ruleset = "loop1"``, read from the sweep file's folder, as ``--ruleset loop1`` is."""
    monkeypatch.chdir(tmp_path)
    spec = _sweep_file(tmp_path, _link_loop(tmp_path))
    assert main(["sweep", spec.name, "--out", str(tmp_path / "out"), "--quiet"]) == 1
    assert capsys.readouterr().err == (
        "tabletop sweep: sweep.toml:2: sweep.ruleset: a symbolic link that leads to no file (the file it names is "
        "missing, or the links go round in a loop)\n")
    assert not (tmp_path / "out").exists()


def _missing(folder: Path) -> tuple[str, str]:
    return str(folder / "missing.toml"), "no such file"


def _fifo(folder: Path) -> tuple[str, str]:
    os.mkfifo(folder / "fifo.toml")
    return str(folder / "fifo.toml"), "is not a regular file (a named pipe); give a file"


@pytest.mark.parametrize("given", [_missing, _fifo], ids=["missing", "fifo"])
@pytest.mark.parametrize("argv", [*SCENARIO_GIVEN.values(), ["sweep", "{path}", "--quiet"]],
                         ids=[*SCENARIO_GIVEN, "sweep-file"])
def test_a_ruleset_or_deck_refused_is_said_after_the_command_s_name(
        argv: list[str], given, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001 - a case above
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-209): ``simulate --ruleset fifo.toml`` said "fifo.toml: is not a regular file (a
    named pipe); give a file", without the "tabletop simulate: " verify, report and play --save start with."""
    monkeypatch.chdir(tmp_path)
    path, words = given(tmp_path)
    assert main([word.format(path=path) for word in argv]) == 1
    said = capsys.readouterr()
    assert said.out == "" and said.err == f"tabletop {argv[0]}: {path}: {words}\n", said


def test_every_problem_of_a_file_refused_is_said_after_the_command_s_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A sweep file with two mistakes: each line its own record, each after the command's name (grep finds them)."""
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "sweep.toml"
    spec.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 0\nbogus = 1\n', encoding="utf-8")
    assert main(["sweep", spec.name, "--quiet"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) >= 2 and all(line.startswith("tabletop sweep: sweep.toml:") for line in lines), lines
