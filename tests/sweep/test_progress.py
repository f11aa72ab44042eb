"""The progress bar: on stderr, only on a terminal and not with --quiet; games/s beside the count."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.cli.progress import GamesBar

from .kit import write_spec


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_no_bar_off_a_terminal_or_when_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr", io.StringIO())
    with GamesBar(100) as advance:
        assert advance is None
    monkeypatch.setattr("sys.stderr", Terminal())
    with GamesBar(100, enabled=False) as advance:
        assert advance is None


def test_on_a_terminal_the_bar_counts_games(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    monkeypatch.setattr("sys.stderr", screen)
    bar = GamesBar(10)
    with bar as advance:
        assert advance is not None
        advance(4)
        advance(6)
        assert bar._bar.tasks[0].completed == 10
        rate = bar._bar.tasks[0].fields["rate"]
        assert rate == "" or rate.endswith(" games/s")  # no speed until two samples apart


def test_a_quiet_sweep_writes_nothing_on_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", str(write_spec(tmp_path, games=2, chunk=2)), "--out", str(tmp_path / "o"), "--workers", "1",
                 "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["sweep", str(write_spec(tmp_path, games=2, chunk=2)), "--out", str(tmp_path / "o2"), "--workers", "1"]) == 0
    said = capsys.readouterr()
    assert "8 games played in 4 points on this process" in said.out and said.err == ""
