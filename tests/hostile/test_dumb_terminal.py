"""A terminal that cannot draw a screen (``TERM=dumb``) is refused before any save is made.

Found from outside: ``TERM=dumb tabletop play`` drew the board garbled (panels doubled, the title corrupted),
and made a new save for a game nobody could play.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tabletop.cli import main


def _as_terminal(monkeypatch: pytest.MonkeyPatch, term: str | None) -> None:
    """stdin and stdout taken for a terminal with this ``TERM`` (patched in the test's body: pytest swaps
    sys.stdout between a fixture's set-up and the test)."""
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(sys.__stderr__, "isatty", lambda: True)  # what Textual draws on
    if term is None:
        monkeypatch.delenv("TERM", raising=False)
    else:
        monkeypatch.setenv("TERM", term)


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session

    path = tmp_path_factory.mktemp("dumb") / "game.jsonl"
    Session.start(load_scenario("parallel-tracks"), 3, path).close()
    return path


def _said_dumb(err: str) -> None:
    assert "TERM=dumb" in err and "xterm" in err, err
    assert len(err.strip().splitlines()) == 1, err  # one line: why, and what to do
    assert "Traceback" not in err


def test_play_in_a_dumb_terminal_is_refused_before_a_save_is_made(tmp_path: Path, a_terminal: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    _as_terminal(a_terminal, "dumb")
    assert main(["play", "--seed", "3", "--save", str(tmp_path / "x.jsonl")]) == 1
    _said_dumb(capsys.readouterr().err)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["start", "resume", "replay", "join"])
def test_every_screen_refuses_a_dumb_terminal(command: str, save: Path, a_terminal: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _as_terminal(a_terminal, "dumb")
    before = save.read_bytes()
    argv = {"start": [], "resume": ["resume", str(save)], "replay": ["replay", str(save)],
            "join": ["join", "127.0.0.1:9", "some-code"]}[command]
    assert main(argv) == 1
    _said_dumb(capsys.readouterr().err)
    assert save.read_bytes() == before


def _stub_serving(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """``host`` serves nothing: it records whether it would have opened the console, and returns."""
    from tabletop.cli import host

    served: list[bool] = []

    async def serve(table: object, codes: object, addr: str, port: int, headless: bool, lang: str,
                    go_on: object = (), keep: object = None) -> int:
        served.append(headless)
        return 0

    monkeypatch.setattr(host, "_serve", serve)
    return served


def test_host_with_its_console_refuses_a_dumb_terminal_and_headless_does_not(
        tmp_path: Path, a_terminal: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    served = _stub_serving(a_terminal)
    _as_terminal(a_terminal, "dumb")
    save = tmp_path / "x.jsonl"
    assert main(["host", "--seed", "3", "--save", str(save), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    _said_dumb(err)
    assert "--headless" in err, err
    assert served == [] and list(tmp_path.iterdir()) == []

    assert main(["host", "--headless", "--seed", "3", "--save", str(save), "--listen", "127.0.0.1:0"]) == 0
    assert served == [True]


@pytest.mark.parametrize("term", ["xterm-256color", "linux", "", None])
def test_a_terminal_that_draws_is_taken(term: str | None, a_terminal: pytest.MonkeyPatch) -> None:
    """Only ``dumb`` is refused: with TERM unset or empty, Textual draws as in xterm (seen in tmux)."""
    from tabletop.cli import screens

    _as_terminal(a_terminal, term)
    assert screens._need_terminal() is None


@pytest.mark.parametrize("command", ["start", "play", "resume", "replay", "join"])
def test_every_screen_refuses_a_redirected_stderr_which_textual_draws_on(
        command: str, save: Path, tmp_path: Path, a_terminal: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-208): ``tabletop host … 2>host.err`` printed the join codes, then the terminal
    stayed blank: Textual draws on the process's stderr, so the console went into host.err, which grew with each
    timer tick. A stderr that is not a terminal is refused as a stdout that is not one."""
    _as_terminal(a_terminal, "xterm-256color")
    a_terminal.setattr(sys.__stderr__, "isatty", lambda: False)  # 2>file
    before = save.read_bytes()
    argv = {"start": [], "play": ["play", "--seed", "3", "--save", str(tmp_path / "x.jsonl")],
            "resume": ["resume", str(save)], "replay": ["replay", str(save)],
            "join": ["join", "127.0.0.1:9", "some-code"]}[command]
    assert main(argv) == 1
    said = capsys.readouterr()
    assert "needs a terminal" in said.err and "stderr" in said.err and len(said.err.strip().splitlines()) == 1, said.err
    # and on the terminal the person looks at: 2>file took the refusal there alone, and the command ended in silence
    assert said.out == said.err, said.out
    assert save.read_bytes() == before and not (tmp_path / "x.jsonl").exists()


def test_host_with_a_redirected_stderr_prints_the_console_s_join_line_instead(
        a_terminal: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The host's console, as every screen: with stderr in a file it is not opened, and its join line is printed (as
    with stdout in a pipe), for the facilitator to open it in a terminal of its own."""
    import asyncio

    from tabletop.cli import host
    from tabletop.tui import seat

    def no_console(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the console was opened")

    a_terminal.setattr(seat, "SeatApp", no_console)
    _as_terminal(a_terminal, "xterm-256color")
    a_terminal.setattr(sys.__stderr__, "isatty", lambda: False)  # 2>host.err
    asyncio.run(host._console("127.0.0.1:8800", "127.0.0.1", 8800, {"facilitator": "AKX_9xHJjgozmxJo"},
                              asyncio.Event(), "en"))
    out = capsys.readouterr().out
    # the command without its code, the code beside it to type (a code in a command line is read by every user of
    # the machine in ps)
    # the command on a line of its own, whole (found from outside: at 80 columns the line wrapped inside the code)
    lines = out.splitlines()
    command = "tabletop join 127.0.0.1:8800   code: AKX_9xHJjgozmxJo"
    assert any(line.strip() == command for line in lines), out
    assert any(line.startswith("Facilitator: no terminal here for the console") for line in lines), out
