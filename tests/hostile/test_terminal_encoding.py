"""A terminal that does not take UTF-8 is refused before a screen is drawn, in one line that says what to do.

Found from outside (helper-224): under ``PYTHONIOENCODING=koi8_r`` (as on a terminal set to KOI8-R), ``tabletop
--lang ru`` drew ``\\u2b58``, ``\\u256d\\u256e`` and ``\\u25b6`` as literal text over a smashed layout, and exited
0, with no word of why. Every screen is drawn with box and arrow characters no such terminal has.
"""

from __future__ import annotations

import codecs
import io
import sys
from pathlib import Path

import pytest

from tabletop.cli import main

from .test_dumb_terminal import _as_terminal, _stub_serving


@pytest.fixture
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session

    path = tmp_path_factory.mktemp("encoding") / "game.jsonl"  # its own: a screen started on old code kept it open
    Session.start(load_scenario("parallel-tracks"), 3, path).close()
    return path


class _Terminal(io.TextIOWrapper):
    """A terminal's stream in ``encoding``, as Python opens one under a KOI8-R or cp1251 locale."""

    def isatty(self) -> bool:
        return True


def _in_encoding(monkeypatch: pytest.MonkeyPatch, encoding: str, streams: str = "both") -> None:
    """stdin, stdout and the stderr drawn on a terminal (TERM=xterm-256color); ``streams`` of them in ``encoding``."""
    _as_terminal(monkeypatch, "xterm-256color")
    if streams in ("both", "stderr"):
        monkeypatch.setattr(sys, "__stderr__", _Terminal(io.BytesIO(), encoding=encoding))  # what Textual draws on
    if streams in ("both", "stdout"):
        monkeypatch.setattr(sys, "stdout", _Terminal(io.BytesIO(), encoding=encoding))


def _said_not_utf8(err: str, encoding: str) -> None:
    assert "UTF-8" in err and encoding in err and "PYTHONIOENCODING=utf-8" in err, err
    assert len(err.strip().splitlines()) == 1, err  # one line: why, and what to do
    assert "Traceback" not in err


SCREENS = {"start": [], "play": ["play", "--seed", "3", "--save", "{new}"], "resume": ["resume", "{save}"],
           "replay": ["replay", "{save}"], "join": ["join", "127.0.0.1:9", "some-code"]}


@pytest.mark.parametrize("encoding", ["koi8_r", "cp1251", "ascii"])
@pytest.mark.parametrize("command", list(SCREENS))
def test_every_screen_refuses_a_terminal_that_is_not_utf_8(
        command: str, encoding: str, save: Path, tmp_path: Path, a_terminal: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    _in_encoding(a_terminal, encoding)
    before = save.read_bytes()
    argv = [part.format(save=save, new=tmp_path / "x.jsonl") for part in SCREENS[command]]
    assert main(["--lang", "en", *argv]) == 1
    _said_not_utf8(capsys.readouterr().err, codecs.lookup(encoding).name)
    assert save.read_bytes() == before and not (tmp_path / "x.jsonl").exists()


@pytest.mark.parametrize("streams", ["stdout", "stderr"])
def test_either_stream_not_in_utf_8_is_refused(streams: str, a_terminal: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """stderr is what the screen is drawn on, stdout what its last line (the save, how to go on) is said on."""
    _in_encoding(a_terminal, "koi8_r", streams)
    assert main(["--lang", "en"]) == 1
    _said_not_utf8(capsys.readouterr().err, "koi8-r")


def test_the_refusal_is_said_in_the_room_s_language(a_terminal: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    _in_encoding(a_terminal, "cp1251")
    assert main(["--lang", "ru"]) == 1
    err = capsys.readouterr().err
    assert "UTF-8" in err and "\u0442\u0435\u0440\u043c\u0438\u043d\u0430\u043b" in err, err  # "терминал"
    # and under it in English, which every encoding shows (found from outside: the Russian line in KOI8-R bytes on a
    # terminal that was UTF-8 after all read as a few Latin fragments)
    lines = err.strip().splitlines()
    assert len(lines) == 2 and lines[1].isascii() and "this terminal takes cp1251, not UTF-8" in lines[1], err


def test_host_with_its_console_refuses_a_terminal_not_in_utf_8_and_headless_does_not(
        tmp_path: Path, a_terminal: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    served = _stub_serving(a_terminal)
    _in_encoding(a_terminal, "koi8_r")
    save = tmp_path / "x.jsonl"
    assert main(["--lang", "en", "host", "--seed", "3", "--save", str(save), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    _said_not_utf8(err, "koi8-r")
    assert "--headless" in err, err
    assert served == [] and list(tmp_path.iterdir()) == []  # refused before any save is made

    assert main(["host", "--headless", "--seed", "3", "--save", str(save), "--listen", "127.0.0.1:0"]) == 0
    assert served == [True]


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf_8"])
def test_a_utf_8_terminal_is_taken(encoding: str, a_terminal: pytest.MonkeyPatch) -> None:
    from tabletop.cli import screens

    _in_encoding(a_terminal, encoding)
    assert screens._need_terminal() is None


def test_in_a_real_terminal_set_to_koi8_r_nothing_is_drawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As the tester ran it: a pseudo-terminal, the process's streams in KOI8-R."""
    from tests.store.ptykit import InTerminal

    monkeypatch.setenv("PYTHONIOENCODING", "koi8_r")
    status, err = InTerminal("--lang", "en", cwd=tmp_path).finish()
    assert status == 1, err
    _said_not_utf8(err, "koi8-r")
    assert "\x1b[?1049h" not in err  # the screen never took the terminal
    assert list(tmp_path.iterdir()) == []
