"""``tabletop host`` on the command line: its options, its warning off loopback, its refusals."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.cli.host import is_loopback, parse_listen

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "expected"), [
    ("127.0.0.1:8765", ("127.0.0.1", 8765)), ("[::1]:9000", ("::1", 9000)), ("0.0.0.0:0", ("0.0.0.0", 0)),
])
def test_listen_addresses(text: str, expected: tuple[str, int]) -> None:
    assert parse_listen(text) == expected


# "::1" and "[::1": found from outside, "cannot listen on ::1: Name or service not known" (exit 1, not 2)
@pytest.mark.parametrize("text", ["8765", "host:", ":80", "host:99999", "host:http", "::1", "[::1"])
def test_a_bad_listen_address_is_refused_with_a_message(text: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["host", "--headless", "--listen", text]) == 2
    err = capsys.readouterr().err
    said = "the port must be from 0" if text == "host:99999" else "ADDR:PORT"  # a port out of range is said as such
    assert "--listen" in err and said in err and "Traceback" not in err, err


def test_only_loopback_counts_as_this_machine() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.20") and not is_loopback("example.org")


def test_resuming_a_save_that_is_not_there_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["host", "--headless", "--resume", str(tmp_path / "nope.jsonl"), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    assert "tabletop host:" in err and "Traceback" not in err


def test_another_address_than_loopback_is_served_with_a_warning(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tabletop", "host", "--headless", "--listen", "0.0.0.0:0", "--save",
         str(tmp_path / "g.jsonl"), "--seed", "1"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stderr is not None
        assert "serving" in proc.stdout.readline()
        warning = proc.stderr.readline()
        assert "NOT encrypted" in warning and "TLS" in warning
        lines: list[str] = []
        while not lines or "Ctrl-C" not in lines[-1]:  # the join lines, up to the one saying how to stop the host
            lines.append(proc.stdout.readline())
            assert lines[-1], lines
        codes = [line.split()[-1] for line in lines if "tabletop join" in line]
        assert len(codes) >= 5 and all(len(c) >= 16 for c in codes)  # facilitator, a team per actor, projector...
        from tabletop.cli.host import room_addresses

        if room_addresses("0.0.0.0"):  # a machine on a network: the lines name it, not 0.0.0.0
            assert not [line for line in lines if "tabletop join 0.0.0.0:" in line], lines
    finally:
        proc.terminate()
        assert proc.wait(timeout=60) == 128 + signal.SIGTERM  # stopped cleanly, and said so to a supervisor


def test_a_host_that_cannot_listen_leaves_no_save_and_the_retry_starts(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: on a port in use the host said "cannot listen" but left the new save and its codes, so
    the retry on a free port was refused: "... already exists; a save is never overwritten"."""
    import socket

    save = tmp_path / "game.jsonl"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["host", "--headless", "--seed", "3", "--listen", f"127.0.0.1:{port}", "--save", str(save)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "nothing was saved" in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_resumed_game_that_cannot_listen_keeps_its_save(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session

    save = tmp_path / "game.jsonl"
    Session.start(load_scenario("parallel-tracks"), 3, save).close()
    before = save.read_bytes()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["host", "--headless", "--resume", str(save), "--listen", f"127.0.0.1:{port}"]) == 1
    assert "cannot listen" in capsys.readouterr().err
    assert save.read_bytes() == before


def test_an_absurd_number_of_observers_is_refused_by_the_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: ``host --observers 100000000`` ran for 16 s into a MemoryError and left a new save."""
    from tabletop.cli import host

    def no_game(args: object) -> int:
        raise AssertionError("a game was opened")

    monkeypatch.setattr(host, "_open_session", no_game)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(["host", "--headless", "--observers", "100000000", "--listen", "127.0.0.1:0"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "argument --observers: must be at most 50, got 100000000" in err, err
    assert list(tmp_path.iterdir()) == []


def test_the_most_observers_is_taken() -> None:
    from tabletop.cli import build_parser
    from tabletop.seats.table import MOST_OBSERVERS

    assert MOST_OBSERVERS == 50
    assert build_parser("host").parse_args(["host", "--observers", "50"]).observers == 50


def test_join_lines_on_every_interface_name_an_address_of_the_room() -> None:
    """Found from outside: ``host --listen 0.0.0.0:18770`` printed "tabletop join 0.0.0.0:18770 …" for every seat,
    which works on the host machine only. The lines name this machine's address on the room's network."""
    from tabletop.cli.host import join_where

    assert join_where("0.0.0.0", 8765, ["192.0.2.2", "198.51.100.7"]) == "192.0.2.2:8765"
    assert join_where("::", 8765, ["[fd00::2]"]) == "[fd00::2]:8765"
    assert join_where("0.0.0.0", 8765, []) == "0.0.0.0:8765"  # none found: as it listens
    assert join_where("127.0.0.1", 8765, ["192.0.2.2"]) == "127.0.0.1:8765"
    assert join_where("::1", 8765, []) == "[::1]:8765"


def test_a_port_in_other_digits_is_joined_as_its_number() -> None:
    """Found from outside: ``join '127.0.0.1:١٨٧٦٥'`` passed the check (they are digits) and hung on "Connecting…"."""
    from tabletop.cli.join import address

    assert address("127.0.0.1:\u0661\u0668\u0667\u0666\u0665") == "127.0.0.1:18765"
    assert address("::1:\u0668\u0660") == "[::1]:80"


def _resume_until_served(save: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """``host --headless --resume SAVE`` up to the moment it is served (its port bound): the codes kept beside the
    save, then the host stops; its status (1: the codes could not be kept)."""
    from tabletop.cli import host

    async def served(table: object, codes: object, addr: str, port: int, headless: bool, lang: str,
                     go_on: object = (), keep: object = None) -> int:
        assert callable(keep)
        return 0 if keep(f"{addr}:9330") else 1

    with monkeypatch.context() as patched:
        patched.setattr(host, "_serve", served)
        return main(["host", "--headless", "--resume", str(save), "--listen", "127.0.0.1:0"])


def _resume_until_listening(save: Path) -> int:
    """``host --headless --resume SAVE`` on a port already taken: the host stops at listening."""
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        return main(["host", "--headless", "--resume", str(save), "--listen", f"127.0.0.1:{taken.getsockname()[1]}"])


def test_a_save_recovered_into_a_new_file_keeps_the_seats_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-85): a host resumed from a save damaged mid-game went on in
    ``game-recovered.jsonl`` with new codes, so every team's screen that tried to rejoin was told its code was
    wrong. The codes kept beside the save resumed are the recovered game's."""
    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path, read_codes, write_codes
    from tests.store.savekit import record_bot_game

    save = tmp_path / "game.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    lines = save.read_bytes().splitlines(keepends=True)
    lines[6] = lines[6].replace(b'"round":1', b'"round":7', 1)
    save.write_bytes(b"".join(lines))
    first = {"facilitator": "F" * 16, "team:ru": "R" * 16, "team:ua": "U" * 16, "projector": "P" * 16}
    write_codes(save, first)
    assert _resume_until_served(save, monkeypatch) == 0
    err = capsys.readouterr().err
    assert "game-recovered.jsonl" in err, err
    recovered = tmp_path / "game-recovered.jsonl"
    assert codes_path(recovered).exists()
    kept = read_codes(recovered, first)
    assert kept == first


def _host_until_stopped(*options: str) -> tuple[str, str, int]:
    """A headless host run until it serves, then stopped with Ctrl-C: what it said on stdout and stderr, its status."""
    proc = subprocess.Popen([sys.executable, "-m", "tabletop", "host", "--headless", *options], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        served = [proc.stdout.readline()]
        while "Ctrl-C" not in served[-1] and served[-1]:
            served.append(proc.stdout.readline())
    finally:
        proc.send_signal(signal.SIGINT)  # ctrl+c: what the host says then comes after what it said serving
        # read through the same buffered streams (communicate() would skip what readline() had buffered)
        out, err = proc.stdout.read(), proc.stderr.read()  # type: ignore[union-attr]
        proc.wait(timeout=60)
    return "".join(served) + out, err, proc.returncode


def test_a_finished_game_is_served_as_over_and_stopped_with_the_debriefs_commands(tmp_path: Path) -> None:
    """Found from outside (helper-88): ctrl+c on a host whose game had ended said "tabletop host --resume to go
    on", and `host --resume` then served the finished game without a word."""
    from tabletop.content.loader import load_scenario
    from tabletop.engine import Action
    from tabletop.play.session import Session

    save = tmp_path / "ended.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 5, save)
    session.apply(Action("end", reason="the room ran out of time"))
    session.close()
    out, err, status = _host_until_stopped("--resume", str(save), "--listen", "127.0.0.1:0")
    assert status == 0, err
    over, stopped = out.split("tabletop host: stopped")
    assert "is over" in over and "nothing more can be played" in over and f"tabletop report {save}" in over, over
    assert stopped.startswith(f"; the game is over and saved in {save}") and "--resume" not in stopped, stopped
    assert f"tabletop replay {save}" in stopped and "Traceback" not in err


def test_the_line_to_go_on_serves_the_game_as_it_was_served(tmp_path: Path) -> None:
    """Found from outside (helper-173): a host on ``--listen 127.0.0.1:8690 --lang uk`` said, when stopped,
    ``tabletop host --resume SAVE`` alone; typed as said, it came up on another port in English, and every screen
    kept trying the old address. The line names the address (the port bound, when any was asked for), the seats
    and the language, and the host's own parser takes it."""
    import shlex

    from tabletop.cli import build_parser

    save = tmp_path / "room.jsonl"
    out, err, status = _host_until_stopped("--save", str(save), "--listen", "127.0.0.1:0", "--observers", "1",
                                           "--lang", "uk")
    assert status == 0 and "Traceback" not in err, err
    port = out.split("127.0.0.1:")[1].split()[0]
    assert port.isdigit() and port != "0", out
    go_on = out.split("продовжити: ")[1].split(")\n")[0]
    assert go_on == f"tabletop host --resume {save} --listen 127.0.0.1:{port} --headless --observers 1 --lang uk", out
    words = shlex.split(go_on)[1:]
    args = build_parser("host").parse_args(words)
    assert (args.resume, args.listen, args.headless, args.observers, args.lang) == (
        str(save), f"127.0.0.1:{port}", True, 1, "uk")


def test_join_codes_that_cannot_be_written_are_said_as_such_not_as_a_port_that_cannot_listen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-90): a folder that took no new file made `host --resume` say "cannot listen on
    127.0.0.1:PORT: Operation not permitted", and a facilitator tried other ports."""
    import errno
    import os

    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session
    from tabletop.seats import joincodes

    save = tmp_path / "g.jsonl"
    Session.start(load_scenario("parallel-tracks"), 5, save).close()
    real_replace = os.replace

    def refused(src: object, dst: object) -> None:
        if str(dst).endswith(".codes"):
            raise OSError(errno.EPERM, "Operation not permitted")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(joincodes.os, "replace", refused)
    assert main(["host", "--headless", "--resume", str(save), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    assert "cannot write the join codes beside the save" in err and "Operation not permitted" in err, err
    assert "listen" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.jsonl"]  # no half-written codes file left


@pytest.mark.parametrize(("code", "team", "facilitator"), [("en", "Russia", "Facilitator"), ("ru", "Россия", "Ведущий"),
                                                          ("uk", "Росія", "Ведучий")])
def test_the_join_lines_name_every_seat_in_the_room_s_language(tmp_path: Path, code: str, team: str,
                                                               facilitator: str) -> None:
    """Found from outside (helper-90): under ``host --lang ru`` the join lines named the facilitator and the
    projector in Russian and every team in English ("Russia", "Ukraine" ...)."""
    from tabletop.cli.host import join_lines
    from tabletop.content.loader import load_scenario
    from tabletop.lang import set_language
    from tabletop.play.session import Session
    from tabletop.seats.joincodes import join_line, new_codes
    from tabletop.seats.table import Table, seats_for

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl", {})
    try:
        table = Table(session, seats_for(session, observers=1))
        codes = new_codes(table.seats)
        set_language(code)
        lines = join_lines(table, codes, "127.0.0.1:8765", code, columns=200)
        assert len(lines) == len(table.seats)
        name = lines[0].index("tabletop join") - 3  # the names' column: as wide as the longest
        assert f"  {team:<{name}} {join_line('127.0.0.1:8765', codes['team:ru'])}" in lines, lines
        assert lines[0] == f"  {facilitator:<{name}} {join_line('127.0.0.1:8765', codes['facilitator'])}"
        if code != "en":
            assert not any(english in line for line in lines for english in ("Russia ", "Ukraine", "United States"))
    finally:
        set_language("en")
        session.close()


@pytest.mark.parametrize(("code", "russia", "ukraine", "us"), [
    ("en", "Russia", "Ukraine", "United States"), ("ru", "Россия", "Украина", "Соединённые Штаты"),
    ("uk", "Росія", "Україна", "Сполучені Штати")])
def test_the_join_lines_name_each_team_by_the_name_it_was_given_with_its_actor(tmp_path: Path, code: str, russia: str,
                                                                              ukraine: str, us: str) -> None:
    """Found from outside: ``host --teams ru=…,ua=…`` listed the codes by actor ("Russia", "Ukraine"), so the
    facilitator reading them out to the room could not tell which team got which. A named team is called by its
    name, with the actor it plays, in the room's language; the codes stay in one column; a team with no name given,
    a resumed game's too, is called by its actor as before."""
    from tabletop.cli.host import join_lines
    from tabletop.content.loader import load_scenario
    from tabletop.lang import set_language
    from tabletop.play.session import Session
    from tabletop.seats.joincodes import join_line, new_codes
    from tabletop.seats.table import Table, seats_for

    teams = {"ru": "Delegation A", "ua": "Team Kyiv, the long-named delegation of the afternoon"}
    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl", {}, teams=teams)
    session.close()
    for resumed in (False, True):
        if resumed:
            session = Session.resume(tmp_path / "g.jsonl")
        try:
            table = Table(session, seats_for(session, observers=1))
            codes = new_codes(table.seats)
            set_language(code)
            lines = join_lines(table, codes, "127.0.0.1:8765", code, columns=200)
            by_seat = dict(zip(table.seats, lines, strict=True))
            assert by_seat["team:ru"].startswith(f"  Delegation A ({russia}) "), lines
            assert by_seat["team:ua"].startswith(f"  Team Kyiv, the long-named delegation of the afternoon ({ukraine}) "), lines
            assert by_seat["team:us"].startswith(f"  {us}  ")  # no name given: the actor's, in the room's language
            assert len({line.index("tabletop join") for line in lines}) == 1, lines  # the codes in one column
            for seat, line in by_seat.items():
                assert line.endswith(f" {join_line('127.0.0.1:8765', codes[seat])}"), line
        finally:
            set_language("en")
            session.close()


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_no_join_line_puts_a_code_on_the_command_line(tmp_path: Path, code: str, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Found by a security audit: facilitators ran the printed ``tabletop join ADDR CODE`` as it stood, and any user
    of a shared machine read the code in ``ps`` and took the seat, the facilitator's included. Each line gives the
    command without the code, the code beside it to type when the screen asks; the whole line pasted in the code
    box still gives its code. A code kept beside a save from before that starts with "-" (found from outside,
    helper-93: printed on the command, it was taken for an option) is typed at the screen as it is."""
    import asyncio
    import shlex

    from tabletop.cli import build_parser, host
    from tabletop.content.loader import load_scenario
    from tabletop.lang import set_language
    from tabletop.play.session import Session
    from tabletop.seats import joincodes
    from tabletop.seats.table import Table, seats_for

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl", {})
    try:
        table = Table(session, seats_for(session, observers=1))
        codes = {**joincodes.new_codes(table.seats), "team:ru": "-nQ00j-1cJ-p4OqU"}  # one kept from an older host
        set_language(code)
        monkeypatch.setattr(host, "_at_a_terminal", lambda: False)  # the facilitator's line, with no console
        asyncio.run(host._console("127.0.0.1:8765", "127.0.0.1", 8765, codes, asyncio.Event(), code))
        printed = capsys.readouterr().out.splitlines()
        wide, narrow = (host.join_lines(table, codes, "127.0.0.1:8765", code, columns=n) for n in (200, 40))
        checked = [(line, seat_code) for lines in (wide, narrow) for seat_code in codes.values()
                   for line in lines if line.endswith(seat_code)]
        assert len(checked) == 2 * len(codes), (wide, narrow)
        checked += [(printed[-1], codes["facilitator"])]
        for line, seat_code in checked:
            words = shlex.split(line[line.index("tabletop join"):line.rindex(seat_code)])
            assert words[-1].endswith(":"), line  # the code's label ("code:"), not the code on the command
            args = build_parser().parse_args(words[1:-1])
            assert args.command == "join" and args.address == "127.0.0.1:8765" and args.code is None, line
            assert joincodes.pasted(line) == seat_code, line
    finally:
        set_language("en")
        session.close()


@pytest.mark.parametrize("kind", ["fifo", "damaged"])
def test_join_codes_beside_a_save_that_cannot_be_used_are_said_and_replaced(
        tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-104): ``host --resume`` waited for ever, saying nothing, on a codes file that was
    a FIFO; and a damaged codes file was replaced by new codes without a word, though the README promises the
    seats keep theirs. Both are said, and every seat gets a new code."""
    import os

    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path
    from tests.store.savekit import record_bot_game

    save = tmp_path / "game.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    if kind == "fifo":
        os.mkfifo(codes_path(save))
    else:
        codes_path(save).write_text("garbage{", encoding="utf-8")
    assert _resume_until_served(save, monkeypatch) == 0
    err = capsys.readouterr().err
    said = "a named pipe" if kind == "fifo" else "damaged: not the join codes tabletop host writes"
    assert "the join codes kept beside the save" in err and said in err, err
    assert "every seat gets a new code" in err and "Traceback" not in err
    assert codes_path(save).is_file()  # written anew, a regular file


def test_a_resumed_game_whose_codes_file_is_missing_says_every_seat_gets_a_new_code(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-123): a save copied to another laptop after a crash, without ``SAVE.codes``, was
    resumed with new codes and no word; every seat's screen fell back to "no seat has this code"."""
    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path
    from tests.store.savekit import record_bot_game

    save = tmp_path / "game.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    assert not codes_path(save).exists()
    assert _resume_until_served(save, monkeypatch) == 0
    err = capsys.readouterr().err
    assert f"no join codes are kept beside the save ({codes_path(save)})" in err, err
    assert "every seat gets a new code" in err and "Traceback" not in err
    assert codes_path(save).is_file()  # the new codes, kept for the next resume


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_host_stopped_by_a_kill_or_a_hang_up_stops_cleanly_with_the_signals_status(
        tmp_path: Path, signum: int) -> None:
    """Found from outside (helper-124): ``kill -TERM`` stopped the host cleanly but exited 0, as Ctrl-C (the host's
    own way to stop) does, so a supervisor could not tell; a hang-up (its terminal closed) ended it without its
    clean stop. Both stop it as Ctrl-C does, with 128 + the signal."""
    from tabletop.store.verifying import verify

    save = tmp_path / "g.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "tabletop", "host", "--headless", "--listen", "127.0.0.1:0",
                             "--save", str(save), "--seed", "1"], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        while line and "Stop the host with Ctrl-C" not in line:
            line = proc.stdout.readline()
    finally:
        proc.send_signal(signum)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, err
    assert "tabletop host: stopped; the game is in" in out and "Traceback" not in err
    assert verify(save).ok


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
@pytest.mark.parametrize("where", ["127.0.0.1:8970", "192.168.100.200:18765"])
def test_every_join_line_is_whole_at_80_columns(tmp_path: Path, code: str, where: str) -> None:
    """Found from outside: at 80 columns under ``--lang ru`` the host padded every seat's name to ~30 characters,
    each line came to ~84, and the terminal put each code's last group on the next line ("…nznj-" / "eznu"): a
    facilitator copying codes could drop it. At 80 columns every command is whole on one line (the default
    scenario's seats, in each language); on a wide terminal the names are padded to the longest one only."""
    from tabletop.cli.host import DEFAULT_OBSERVERS, join_lines
    from tabletop.content.loader import load_scenario
    from tabletop.lang import set_language
    from tabletop.play.session import Session
    from tabletop.seats.joincodes import join_line, new_codes
    from tabletop.seats.table import Table, seats_for

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl", {})
    try:
        table = Table(session, seats_for(session, observers=DEFAULT_OBSERVERS))
        codes = new_codes(table.seats)
        set_language(code)
        narrow = join_lines(table, codes, where, code, columns=80)
        assert all(len(line) <= 80 for line in narrow), [len(line) for line in narrow]
        for seat in table.seats:
            assert sum(line.endswith(join_line(where, codes[seat])) for line in narrow) == 1, (seat, narrow)
        wide = join_lines(table, codes, where, code, columns=200)
        assert len(wide) == len(table.seats)  # one line a seat where it fits
        assert len({line.index("tabletop join") for line in wide}) == 1, wide  # the codes in one column
        assert any("  tabletop join" not in line for line in wide), wide  # padded to the longest name, no further
    finally:
        set_language("en")
        session.close()


def _full_disk_for_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk refuses any new file the codes are written to, as a full disk does."""
    import errno
    import os

    from tabletop.seats import joincodes

    real = os.open

    def refused(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if str(path).endswith(".tmp") and ".codes." in str(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(joincodes.os, "open", refused)


def test_a_resume_on_a_full_disk_keeps_its_intact_codes_file_and_a_needed_one_names_the_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: ``--resume`` on a full disk refused to start, "cannot write the join codes beside the
    save", though they were there, intact, and nothing new needed saving; and where they must be written, the
    message did not say which folder to free space in."""
    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path
    from tests.store.savekit import record_bot_game

    save = tmp_path / "h.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    assert _resume_until_served(save, monkeypatch) == 0  # the codes of every seat, written beside it
    kept = codes_path(save).read_bytes()
    _full_disk_for_codes(monkeypatch)
    assert _resume_until_served(save, monkeypatch) == 0
    err = capsys.readouterr().err
    assert "cannot write the join codes" not in err, err
    assert codes_path(save).read_bytes() == kept
    codes_path(save).unlink()
    assert _resume_until_served(save, monkeypatch) == 1
    err = capsys.readouterr().err
    assert f"Free some space in {tmp_path}" in err, err


def test_a_resume_without_listen_listens_where_the_game_was_served(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: after a kill -9 nothing on disk kept the address the game was served on, and
    ``--resume SAVE`` alone listened on 127.0.0.1:8765 while every seat retried the old address for ever."""
    import json
    import socket

    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path
    from tests.store.savekit import record_bot_game

    save = tmp_path / "w3.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        codes_path(save).write_text(json.dumps({"facilitator": "F" * 16, "listen": f"127.0.0.1:{port}"}),
                                    encoding="utf-8")
        assert main(["host", "--headless", "--resume", str(save)]) == 1
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err, err
    assert f"listens again where the game was served (127.0.0.1:{port}" in err, err


def test_a_long_list_of_join_codes_ends_with_the_facilitator_s_and_the_teams_again(tmp_path: Path) -> None:
    """Found from outside: ``host --headless --observers 50`` printed 58 join lines, the facilitator's and the
    teams' first: they scrolled off a 40-row terminal, and with no console there is no ``c`` to show them again.
    A list longer than the terminal ends with those lines again; a short one is printed once, as before."""
    from tabletop.cli.host import join_lines
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session
    from tabletop.seats.joincodes import new_codes
    from tabletop.seats.table import Table, seats_for

    session = Session.start(load_scenario("parallel-tracks"), 5, tmp_path / "g.jsonl", {})
    try:
        table = Table(session, seats_for(session, observers=50))
        codes = new_codes(table.seats)
        lines = join_lines(table, codes, "127.0.0.1:8765", "en", columns=200)  # a 24-row terminal
        acting = [seat for seat in table.seats.values() if seat.acts]
        tail = lines[-len(acting):]
        assert [line.split()[-1] for line in tail] == [codes[seat.id] for seat in acting], tail
        assert "Again" in lines[-len(acting) - 1], lines[-len(acting) - 1]
        short = Table(session, seats_for(session, observers=2))
        assert len(join_lines(short, new_codes(short.seats), "127.0.0.1:8765", "en", columns=200)) == len(short.seats)
    finally:
        session.close()


def test_join_codes_of_another_game_beside_a_save_are_said_and_replaced(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-322, finding 4): two workshops' saves copied into one folder, both named
    ``workshop.jsonl``: ``host --resume`` served workshop A's game with workshop B's codes file, B's address and
    B's facilitator's code, without a word. The codes file names the game it was written for; another game's is
    said in one line, and every seat gets a new code (nor is its address listened on)."""
    import json
    import shutil

    from tabletop.cli import host
    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path, write_codes
    from tests.store.savekit import record_bot_game

    served: list[dict[str, str]] = []

    async def serve(_table: object, codes: dict[str, str], addr: str, port: int, *_args: object,
                    keep: Callable[[str], bool], **_kwargs: object) -> int:
        served.append(dict(codes))
        return 0 if keep(f"{addr}:{port or 9340}") else 1  # the codes are kept once the port is bound

    monkeypatch.setattr(host, "_serve", serve)
    scenario = load_scenario("parallel-tracks")
    workshop_a, workshop_b = tmp_path / "a" / "workshop.jsonl", tmp_path / "b" / "workshop.jsonl"
    record_bot_game(workshop_a, scenario, 3)
    record_bot_game(workshop_b, scenario, 4)
    b_codes = {"facilitator": "F" * 16, "team:ru": "R" * 16, "team:ua": "U" * 16, "projector": "P" * 16}
    write_codes(workshop_b, b_codes, listen="127.0.0.1:9")
    shutil.copyfile(codes_path(workshop_b), codes_path(workshop_a))
    assert main(["host", "--headless", "--resume", str(workshop_a), "--listen", "127.0.0.1:0"]) == 0
    err = capsys.readouterr().err
    assert f"the join codes kept beside the save ({codes_path(workshop_a)}) cannot be used" in err, err
    assert "another game" in err and "every seat gets a new code" in err, err
    assert not set(served[-1].values()) & set(b_codes.values()), served
    assert json.loads(codes_path(workshop_a).read_text(encoding="utf-8"))["facilitator"] == served[-1]["facilitator"]
    # a resume without --listen does not listen at the other game's address either
    shutil.copyfile(codes_path(workshop_b), codes_path(workshop_a))
    assert main(["host", "--headless", "--resume", str(workshop_a)]) == 0
    err = capsys.readouterr().err
    assert "127.0.0.1:9" not in err and "another game" in err, err
    # its own game's codes are taken again; so is a codes file from before codes named their game
    assert main(["host", "--headless", "--resume", str(workshop_b), "--listen", "127.0.0.1:0"]) == 0
    assert {seat: served[-1][seat] for seat in b_codes} == b_codes, served
    codes_path(workshop_a).write_text(json.dumps(b_codes), encoding="utf-8")
    assert main(["host", "--headless", "--resume", str(workshop_a), "--listen", "127.0.0.1:0"]) == 0
    assert {seat: served[-1][seat] for seat in b_codes} == b_codes, served
    assert "cannot be used" not in capsys.readouterr().err


@pytest.mark.parametrize("before", [b'{\n "facilitator": "FFFFFFFFFFFFFFFF",\n "listen": "127.0.0.1:9291"\n}', None])
def test_a_resume_that_cannot_listen_leaves_the_codes_file_as_it_was(
        tmp_path: Path, before: bytes | None, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-322): ``host --resume SAVE --listen BUSY`` failed to bind but had rewritten
    ``SAVE.codes`` with the busy address, so the next plain ``--resume`` listened there (another workshop's port)
    and not where the game was served. The address is kept beside the save once it is served, not before."""
    from tabletop.content.loader import load_scenario
    from tabletop.seats.joincodes import codes_path
    from tests.store.savekit import record_bot_game

    save = tmp_path / "workshop.jsonl"
    record_bot_game(save, load_scenario("parallel-tracks"), 3)
    if before is not None:
        codes_path(save).write_bytes(before)
    assert _resume_until_listening(save) == 1
    assert "cannot listen" in capsys.readouterr().err
    assert (codes_path(save).read_bytes() if codes_path(save).exists() else None) == before


def test_the_line_to_go_on_names_the_address_served_even_the_default(tmp_path: Path) -> None:
    """The closing line's resume command names the address the game was served on, whatever the codes file beside
    the save could keep (a full disk keeps the codes without the address)."""
    from tabletop.cli.host import _go_on_line

    assert _go_on_line(Path("s.jsonl"), "127.0.0.1", 8765, ["--headless"]) == (
        "tabletop host --resume s.jsonl --listen 127.0.0.1:8765 --headless")
    assert _go_on_line(Path("s.jsonl"), "::", 9297, []) == "tabletop host --resume s.jsonl --listen '[::]:9297'"


def _bind_refused_as_asyncio_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """The host's port is in use: asyncio's own words, English whatever the language ("error while attempting to
    bind on address …"), with the errno."""
    import errno

    from tabletop.seats.host import Host

    async def taken(self: object, host: str = "", port: int = 0) -> tuple[str, int]:
        raise OSError(errno.EADDRINUSE, f"error while attempting to bind on address ({host!r}, {port}): address "
                                        "already in use")

    monkeypatch.setattr(Host, "start", taken)


@pytest.mark.parametrize(("lang", "reason", "advice"), [
    ("en", "Address already in use", "choose another port with --listen [::]:PORT"),
    ("ru", "Адрес уже используется", "--listen [::]:PORT"),
    ("uk", "Адреса вже використовується", "--listen [::]:PORT"),
])
def test_a_port_in_use_says_what_to_do_in_the_user_s_language(
        tmp_path: Path, lang: str, reason: str, advice: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-322): a second workshop's host on a port in use said asyncio's English words
    ("error while attempting to bind …"), under --lang ru too, printed ``[::]`` as ``:::9331``, and not what to do."""
    from tabletop.lang import set_language

    _bind_refused_as_asyncio_says(monkeypatch)
    try:
        assert main(["--lang", lang, "host", "--headless", "--seed", "3", "--listen", "[::]:9331",
                     "--save", str(tmp_path / "w.jsonl")]) == 1
    finally:
        set_language("en")
    err = capsys.readouterr().err
    assert "[::]:9331" in err and ":::9331" not in err, err
    assert reason in err and "error while attempting" not in err, err
    assert advice in err, err


def test_a_resume_on_a_port_in_use_says_the_screens_then_join_at_the_new_address(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import Session

    save = tmp_path / "w.jsonl"
    Session.start(load_scenario("parallel-tracks"), 3, save).close()
    _bind_refused_as_asyncio_says(monkeypatch)
    assert main(["host", "--headless", "--resume", str(save), "--listen", "127.0.0.1:9331"]) == 1
    err = capsys.readouterr().err
    assert "cannot listen on 127.0.0.1:9331: Address already in use" in err, err
    assert "the screens must then join at the new address" in err, err
