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


def test_the_rate_and_time_left_are_the_games_done_over_the_time_since_the_start(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: at 25 s a sweep showed "1000/7000 256 games/s 0:00:24" where 73 games/s and ~80 s
    left were true (Rich's window read chunk-sized steps as a burst), and "4,107 игр/с" in Russian."""
    monkeypatch.setattr("sys.stderr", Terminal())
    now = [100.0]
    bar = GamesBar(7000, clock=lambda: now[0])
    with bar as advance:
        assert advance is not None
        now[0] += 13.7
        advance(1000)  # one chunk, after 13.7 s
        fields = bar._bar.tasks[0].fields
        assert fields["rate"] == "73 games/s" and fields["left"] == "0:01:22", fields
        now[0] += 0.01
        advance(1000)  # a second chunk lands at once: the rate is still the run's, not the burst's
        fields = bar._bar.tasks[0].fields
        assert fields["rate"] == "146 games/s" and fields["left"] == "0:00:34", fields
    monkeypatch.setattr("sys.stderr", Terminal())
    big = GamesBar(10**7, clock=lambda: now[0])
    with big as advance:
        now[0] += 1
        advance(4107)
        assert big._bar.tasks[0].fields["rate"] == "4107 games/s"  # no thousands comma
        assert big._bar.tasks[0].description == "games"


def test_a_quiet_sweep_writes_nothing_on_the_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sweep", str(write_spec(tmp_path, games=2, chunk=2)), "--out", str(tmp_path / "o"), "--workers", "1",
                 "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["sweep", str(write_spec(tmp_path, games=2, chunk=2)), "--out", str(tmp_path / "o2"), "--workers", "1"]) == 0
    said = capsys.readouterr()
    assert "8 games played in 4 points on this process" in said.out and said.err == ""


@pytest.mark.parametrize(("code", "words"), [("ru", "этот процесс"), ("uk", "цей процес")])
def test_where_a_sweep_ran_is_said_in_the_room_s_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          code: str, words: str) -> None:
    """Found from outside (helper-215): «зіграно ігор: 40; точок: 2; де: this process; …»: the backend's words were
    looked up in the command line's catalogue, and only the simulation's holds them."""
    assert main(["--lang", code, "sweep", str(write_spec(tmp_path, games=2, chunk=2)), "--out", str(tmp_path / "o"),
                 "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert words in out and "this process" not in out, out


def _row(bar: GamesBar) -> str:
    """The bar's one line as a terminal of 80 columns shows it."""
    from rich.console import Console

    console = Console(width=80, file=io.StringIO(), color_system=None)
    with console.capture() as seen:
        console.print(bar._bar.make_tasks_table(bar._bar.tasks))
    return seen.get()


def test_before_the_first_chunk_the_bar_says_the_time_taken_and_when_an_estimate_comes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: a sweep of 100 points of 10,000,000 games in chunks of 100,000 showed
    "games ━━━━… 0/1000000000" and nothing else for as long as a chunk took (the rate and time left come with the
    first chunk written): no sign of life, nothing said of weeks of work."""
    monkeypatch.setattr("sys.stderr", Terminal())
    now = [100.0]
    bar = GamesBar(10**9, clock=lambda: now[0])
    with bar as advance:
        assert advance is not None
        now[0] += 65
        row = _row(bar)
        assert "0/1000000000" in row and "0:01:05" in row and "time left once the first games are done" in row, row
        now[0] += 3600 * 24 * 3
        advance(10**7)
        row = _row(bar)
        assert "39 games/s" in row and "72:01:05" in row and "days" not in row and "time left once" not in row, row


def test_a_resumed_sweep_s_rate_counts_only_the_games_played_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Games found already written are on the bar from the start, but were not played in this run's time: counted
    in the rate, a resumed sweep's rate and time left were the written games' over a few milliseconds."""
    monkeypatch.setattr("sys.stderr", Terminal())
    now = [100.0]
    bar = GamesBar(1000, clock=lambda: now[0])
    with bar as advance:
        assert advance is not None
        now[0] += 0.01
        advance(600, written=True)
        assert bar._bar.tasks[0].completed == 600 and bar._bar.tasks[0].fields["rate"] == ""
        now[0] += 10
        advance(100)
        fields = bar._bar.tasks[0].fields
        assert fields["rate"] == "10 games/s" and fields["left"] == "0:00:30", fields
