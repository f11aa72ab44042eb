"""`tabletop play` checks what it is given before it asks for a terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli import main

TINY_GAME = Path(__file__).parent / "report" / "fixtures" / "tiny-game.jsonl"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tabletop", *args], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, cwd=cwd, check=False)


def test_play_refuses_an_unknown_bot_seat_with_usage_words(tmp_path: Path) -> None:
    done = run("play", "--bots", "ru=nasty", cwd=tmp_path)
    assert done.returncode == 2
    assert "unknown bot policy 'nasty' for ru (expected one of random, cooperative, hardliner)" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "saves").exists()  # nothing written


def test_play_shows_content_errors_as_validate_does(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[ruleset]\nid = "x"\nname = "X"\nturns = "eight"\n', encoding="utf-8")
    done = run("play", "--ruleset", str(bad), cwd=tmp_path)
    assert done.returncode == 1
    assert f"{bad}:4: ruleset.turns: expected a whole number" in done.stderr
    assert "Traceback" not in done.stderr


def test_play_without_a_terminal_says_so(tmp_path: Path) -> None:
    done = run("play", "--bots", "ru=hardliner", "--sealed", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("tabletop play: this screen needs a terminal"), done.stderr


def test_replay_without_a_terminal_names_itself(tmp_path: Path) -> None:
    """Found from outside (helper-159): ``tabletop replay SAVE`` in a pipe said "tabletop: the play screen needs a
    terminal", the play screen nobody had asked for."""
    save = tmp_path / "g.jsonl"
    shutil.copyfile(TINY_GAME, save)
    done = run("replay", str(save), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("tabletop replay: this screen needs a terminal"), done.stderr
    assert "play screen" not in done.stderr


def test_play_refuses_a_save_in_a_folder_that_does_not_exist(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "dir" / "x.jsonl"
    done = run("play", "--save", str(target), cwd=tmp_path)
    assert done.returncode == 1
    assert f"the folder {target.parent} does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "no").exists()  # nothing created behind the user's back


def test_play_checks_team_names_before_it_asks_for_a_terminal(tmp_path: Path) -> None:
    done = run("play", "--team", "xx=Delegation A", cwd=tmp_path)
    assert done.returncode == 2
    assert "unknown actor 'xx' (expected one of ru, ua, us, eu, bridge)" in done.stderr
    done = run("play", "--bots", "ru=hardliner", "--teams", "ua=Team Kyiv,ru=Delegation A", cwd=tmp_path)
    assert done.returncode == 2
    assert "'ru' is played by a bot (--bots ru=hardliner): a team name is for a human team" in done.stderr
    done = run("play", "--team", "ru=Delegation A, Moscow", "--teams", "ua=Team Kyiv,us=DC", cwd=tmp_path)
    assert done.returncode == 1 and "needs a terminal" in done.stderr  # good names: on to the terminal check
    assert not (tmp_path / "saves").exists()


# -- --timer ----------------------------------------------------------------------


def test_play_refuses_a_timer_it_cannot_read_before_anything_is_written(tmp_path: Path) -> None:
    for timer, words in (
        ("movs=5m", "unknown phase 'movs' (did you mean 'moves'?)"),
        ("moves=5x", "'5x' is not a duration"),
        ("moves=-5m", "a phase cannot last a negative time"),
        ("review=4h", "longer than 3 hours"),
        ("moves", "write phase=length, e.g. moves=5m"),
        ("on_time_up=skip", "expected one of nothing, pass"),
    ):
        done = run("play", "--timer", timer, cwd=tmp_path)
        assert done.returncode == 2, (timer, done.stderr)
        assert "tabletop play: --timer: " in done.stderr and words in done.stderr, (timer, done.stderr)
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "saves").exists()


def test_resume_refuses_a_bad_timer_before_it_touches_the_save(tmp_path: Path) -> None:
    save = tmp_path / "g.jsonl"
    save.write_bytes(b"not a save, and not to be touched")
    done = run("resume", str(save), "--timer", "adjudicaton=3m", cwd=tmp_path)
    assert done.returncode == 2
    assert "tabletop resume: --timer: unknown phase 'adjudicaton' (did you mean 'adjudication'?)" in done.stderr
    assert save.read_bytes() == b"not a save, and not to be touched"


def _captured_sessions(monkeypatch) -> list:
    import tabletop.cli.screens as screens

    sessions: list = []
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(screens, "_run_app", lambda session: sessions.append(session) or 0)
    return sessions


def test_play_timer_sets_the_phase_lengths_and_the_save_keeps_them(tmp_path: Path, monkeypatch) -> None:
    from tabletop import open_save
    from tabletop.cli import main

    sessions = _captured_sessions(monkeypatch)
    save = tmp_path / "g.jsonl"
    assert main(["play", "--seed", "3", "--save", str(save), "--timer", "moves=90s, event=1m,on_time_up=pass"]) == 0
    timers = sessions[0].timers
    sessions[0].close()
    assert (timers.event, timers.moves, timers.adjudication, timers.on_time_up) == ("1m", "90s", "4m", "pass")
    assert timers.seconds("moves") == 90
    assert open_save(save).header["ruleset"]["ruleset"]["timers"]["moves"] == "90s"

    assert main(["play", "--seed", "3", "--save", str(tmp_path / "off.jsonl"), "--timer", "off"]) == 0
    sessions[1].close()
    assert all(sessions[1].timers.seconds(p) is None for p in ("event", "moves", "adjudication", "review"))


def test_resume_timer_changes_the_timers_and_without_it_keeps_the_saves(tmp_path: Path, monkeypatch) -> None:
    from tabletop.cli import main

    sessions = _captured_sessions(monkeypatch)
    save = tmp_path / "g.jsonl"
    assert main(["play", "--seed", "3", "--save", str(save), "--timer", "moves=90s"]) == 0
    sessions[0].close()
    assert main(["resume", str(save)]) == 0
    sessions[1].close()
    assert sessions[1].timers.moves == "90s"
    assert main(["resume", str(save), "--timer", "review=off"]) == 0
    sessions[2].close()
    assert (sessions[2].timers.moves, sessions[2].timers.review) == ("90s", "off")


def test_play_refuses_an_actor_given_twice_in_bots_and_a_phase_given_twice_in_timer(tmp_path: Path) -> None:
    """Found from outside: ``--bots ru=random,ru=hardliner`` was taken as the last and recorded so; ``--timer
    moves=5m,moves=6m`` too. Which one was meant is not for tabletop to guess."""
    done = run("play", "--bots", "ru=random,ru=hardliner", cwd=tmp_path)
    assert done.returncode == 2
    assert "ru is given twice in --bots (random, then hardliner): give each actor once" in done.stderr
    done = run("play", "--timer", "moves=5m,moves=6m", cwd=tmp_path)
    assert done.returncode == 2
    assert "--timer: moves is given twice (5m, then 6m): give each once" in done.stderr
    assert not (tmp_path / "saves").exists()


def test_play_save_given_a_folder_says_it_wants_a_file_name(tmp_path: Path, monkeypatch) -> None:
    """Found from outside: ``play --save FOLDER`` said the folder 'already exists ... (use tabletop resume FOLDER)'."""
    from tabletop.cli import main, screens

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    folder = tmp_path / "workshops"
    folder.mkdir()
    import io
    from contextlib import redirect_stderr

    said = io.StringIO()
    with redirect_stderr(said):
        assert main(["play", "--save", str(folder)]) == 1
    assert f"{folder} is a folder; --save takes the name of a new save file, e.g. {folder / 'monday.jsonl'}" in said.getvalue()
    assert list(folder.iterdir()) == []



def test_a_game_s_bots_mixed_is_refused_not_read_as_no_bots(tmp_path: Path) -> None:
    """Found from outside: ``tabletop play --bots mixed`` (or ``host``) started a game with every team human, not
    a word said: "mixed" is simulate's new mix every game, which a game on a screen has no use for. And
    ``--bots all`` was answered "expected one of random, cooperative, hardliner, or mixed"."""
    for command in ("play", "host"):
        for spec in ("mixed", ""):
            done = run(command, "--bots", spec, "--seed", "3", cwd=tmp_path)
            assert done.returncode == 2, (command, spec, done.stderr)
            assert f"--bots '{spec}': in a game each bot plays one policy; name it" in done.stderr
            assert "Traceback" not in done.stderr
        done = run(command, "--bots", "all", cwd=tmp_path)
        assert done.returncode == 2
        assert "unknown bot policy 'all' (expected one of random, cooperative, hardliner)\n" in done.stderr
    assert not (tmp_path / "saves").exists()  # nothing written


def test_an_absurd_seed_is_refused_as_too_large_without_repeating_it(tmp_path: Path) -> None:
    """Found from outside: a 5,000-digit --seed was called "not a whole number" and its 5,000 digits were
    printed back. A seed is at most 2**63 - 1, as in a sweep file, and the message says so in a line."""
    for seed, said in (("9" * 5000, "a whole number of 5000 digits is far too large"),
                       (str(2**63), f"a seed must be at most {2**63 - 1}"), ("x" * 5000, "got 'xxxxxxxx")):
        done = run("play", "--seed", seed, cwd=tmp_path)
        assert done.returncode == 2, done.stderr
        assert said in done.stderr, done.stderr
        assert len(done.stderr) < 600 and "Traceback" not in done.stderr
    done = run("play", "--seed", str(2**63 - 1), cwd=tmp_path)
    assert done.returncode == 1 and "needs a terminal" in done.stderr  # the largest seed is taken


def test_quitting_a_finished_game_points_to_the_debrief_not_to_resume(tmp_path: Path, monkeypatch, capsys) -> None:
    """Found from outside: quitting after "Game over" printed "Saved: … (continue with: tabletop resume …)", as if
    there were more to play. A finished game's line names the replay and the report; an unfinished one, resume."""
    from tabletop.cli import screens
    from tabletop.content.loader import load_scenario
    from tabletop.engine import Action
    from tabletop.play.session import Session

    class Quit:
        return_code = 0
        _exception = None

        def __init__(self, session: Session) -> None:
            self.session = session

    monkeypatch.setattr(screens, "play_app", Quit)
    monkeypatch.setattr(screens, "run_screen", lambda app: None)
    for over in (False, True):
        session = Session.start(load_scenario("parallel-tracks"), 3, tmp_path / f"over-{over}.jsonl")
        if over:
            session.apply(Action("end", reason="the workshop ran out of time"))
        session.close()
        assert screens._run_app(session) == 0
        said = capsys.readouterr().out
        assert ("tabletop resume" in said) is not over and ("tabletop replay" in said) is over, said


def test_play_suggests_the_deck_beside_the_ruleset_as_validate_does(tmp_path: Path) -> None:
    """Found from outside: for a ruleset naming deck "my-evnts", validate said "(did you mean 'my-events'?)" but
    play listed only the bundled decks, with no suggestion of the deck beside the ruleset."""
    from tabletop.content.finding import BUNDLED

    (tmp_path / "rulesets").mkdir()
    (tmp_path / "decks").mkdir()
    ruleset = tmp_path / "rulesets" / "mine.toml"
    text = (BUNDLED / "rulesets" / "parallel-tracks.toml").read_text(encoding="utf-8")
    ruleset.write_text(text.replace('deck = "parallel-tracks-events"', 'deck = "my-evnts"', 1), encoding="utf-8")
    deck = (BUNDLED / "decks" / "parallel-tracks-events.toml").read_text(encoding="utf-8")
    (tmp_path / "decks" / "my-events.toml").write_text(deck, encoding="utf-8")
    done = run("play", "--ruleset", str(ruleset), cwd=tmp_path)
    assert done.returncode == 1 and "did you mean 'my-events'?" in done.stderr, done.stderr


def test_resume_without_a_terminal_names_a_missing_save_first(tmp_path: Path) -> None:
    """Found from outside: ``tabletop --lang uk resume nope.jsonl </dev/null`` said the game screen needs a
    terminal, not that there is no such file (in a terminal it said so). A missing save or a folder is named
    before the terminal is asked for; nothing is opened for it."""
    (tmp_path / "folder").mkdir()
    for name, why in (("nope.jsonl", "no such file"), ("folder", "is a directory")):
        done = run("resume", str(tmp_path / name), cwd=tmp_path)
        assert done.returncode == 1, done
        assert why in done.stderr and "needs a terminal" not in done.stderr, done.stderr


def test_a_save_that_cannot_be_written_says_how_to_look_at_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-86): a finished game in a read-only folder could not be resumed ("cannot open
    the save for writing: Read-only file system"), and nothing said how to look at it."""
    from tabletop.cli import screens
    from tabletop.play.session import Session
    from tabletop.store import SaveError

    save = tmp_path / "my game.jsonl"
    save.write_text("x")

    def refused(path: object) -> Session:
        raise SaveError(path, "cannot open the save for writing: Read-only file system", kind="unwritable")

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(Session, "resume", staticmethod(refused))
    assert main(["resume", str(save)]) == 1
    err = capsys.readouterr().err
    assert "Read-only file system" in err
    assert f"tabletop replay '{save}'" in err and "copy the save to a folder you can write to" in err, err


def test_host_says_how_to_look_at_a_save_it_cannot_write_and_the_system_s_words_in_the_room_s_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-88): `host --resume` of a save in a read-only folder did not say, as `resume`
    does, how to look at the game or go on with it; and a Russian room read the system's reason in English."""
    import errno
    import os

    from tabletop.content.loader import load_scenario
    from tabletop.content.literal import shell_path
    from tabletop.play.session import Session
    from tabletop.store import lock

    save = tmp_path / "hosted game.jsonl"
    Session.start(load_scenario("parallel-tracks"), 3, save).close()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if flags & os.O_RDWR and str(path).endswith("hosted game.jsonl"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(lock.os, "open", read_only)
    assert main(["host", "--headless", "--resume", str(save), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    assert "cannot open the save for writing: Read-only file system" in err, err
    assert f"tabletop replay {shell_path(save)}" in err and "host the copy" in err, err
    assert main(["--lang", "ru", "host", "--headless", "--resume", str(save), "--listen", "127.0.0.1:0"]) == 1
    err = capsys.readouterr().err
    assert "Read-only" not in err and "только для чтения" in err, err


@pytest.mark.parametrize("command", ["play", "host"])
def test_a_save_that_cannot_be_created_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Found from outside (helper-90): on a full or read-only disk, ``play --save`` said only the system's words
    ("cannot create the save ...: No space left on device") and no way on."""
    import errno

    from tabletop.cli import screens
    from tabletop.content.literal import shell_path
    from tabletop.play.session import Session

    def full(*_args: object, **_kwargs: object) -> Session:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(Session, "start", staticmethod(full))
    save = tmp_path / "monday.jsonl"
    assert main([command, "--save", str(save)]) == 1
    err = capsys.readouterr().err
    assert f"tabletop {command}: cannot create the save {save}: No space left on device" in err
    assert ("Nothing was started. Give --save a file on a disk with room that you can write to, e.g. --save "
            f"{shell_path(Path.home() / 'monday.jsonl')}") in err, err
    assert not save.exists()


@pytest.mark.parametrize("command", ["play", "host"])
def test_a_save_made_by_another_process_meanwhile_is_said_to_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str], command: str) -> None:
    """Found from outside (helper-192): two ``play --save r.jsonl`` started at once; the one that lost the race to
    make the file was told to give --save "a file on a disk with room", the words of a full disk."""
    import errno

    from tabletop.cli import screens
    from tabletop.content.literal import shell_path
    from tabletop.play.session import Session

    save = tmp_path / "r.jsonl"

    def raced(*_args: object, **_kwargs: object) -> Session:
        save.write_text("", encoding="utf-8")  # the other process made it between the check and the start
        raise FileExistsError(errno.EEXIST, "a save is never overwritten", str(save))

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    monkeypatch.setattr(Session, "start", staticmethod(raced))
    assert main([command, "--save", str(save)]) == 1
    err = capsys.readouterr().err
    again = "tabletop resume" if command == "play" else "tabletop host --resume"
    assert err == (f"tabletop {command}: {shell_path(save)} already exists; a save is never overwritten "
                   f"(use {again} {shell_path(save)})\n"), err


@pytest.mark.parametrize("name", ["a\nb.jsonl", "tab\there.jsonl", "bell\x07.jsonl", "c1\x9b.jsonl", "gpj.\u202ejsonl"])
def test_a_save_name_with_a_control_character_is_refused(tmp_path: Path, name: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-115): ``--save saves/a$'\\n'b.jsonl`` made a file whose name broke the board's title
    and every message naming it over two lines. Refused before anything is made."""
    path = tmp_path / name
    assert main(["play", "--seed", "1", "--save", str(path), "--bots", "cooperative"]) == 2  # typed wrong (helper-156)
    err = capsys.readouterr().err
    assert "control character" in err and "\n" not in err.strip(), err
    assert list(tmp_path.iterdir()) == []


def test_a_save_dir_with_a_control_character_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-119): ``simulate --save-dir $'d\\nd'`` made a folder with a line break in its name
    and its saves in it, as --save was refused to."""
    folder = tmp_path / "d\nd"
    assert main(["simulate", "--games", "2", "--save-dir", str(folder)]) == 2  # typed wrong, as play --save's
    err = capsys.readouterr().err
    assert "control character" in err and "--save-dir" in err and "\n" not in err.strip(), err
    assert list(tmp_path.iterdir()) == []


def test_the_quit_line_resumes_in_the_language_the_room_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: "продолжить: tabletop resume saves/ruz.jsonl" brought the game back in the locale's
    language; the command names --lang when the screen spoke another language than the command would alone."""
    from tabletop.store.heads import resume_command
    from tabletop.lang import using

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    with using("ru"):
        assert resume_command("saves/a b.jsonl") == "tabletop resume 'saves/a b.jsonl' --lang ru"
    with using("en"):
        assert resume_command("saves/x.jsonl") == "tabletop resume saves/x.jsonl"
    monkeypatch.setenv("TABLETOP_LANG", "uk")
    with using("uk"):
        assert resume_command("saves/x.jsonl") == "tabletop resume saves/x.jsonl"


def test_the_end_screen_s_debrief_commands_speak_the_room_s_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-149): a game played with --lang uk ended on "tabletop report SAVE --format html
    -o debrief.html", which, typed as shown, wrote an English debrief for a Ukrainian room."""
    from tabletop.lang import using
    from tabletop.tui.end import debrief_hints

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    with using("uk"):
        shown = debrief_hints(Path("saves/uk1.jsonl")).plain
    assert "tabletop replay saves/uk1.jsonl --lang uk\n" in shown, shown
    assert "tabletop report saves/uk1.jsonl --lang uk --format html -o debrief.html" in shown, shown
    with using("en"):
        assert "--lang" not in debrief_hints(Path("saves/en.jsonl")).plain



def test_the_quit_line_of_a_game_over_names_the_room_s_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-149): after the last round, ctrl+q printed "tabletop report SAVE — the debrief"
    without --lang: typed as shown, an English debrief."""
    from tabletop.cli.screens import saved_line
    from tabletop.lang import using

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    with using("uk"):
        said = saved_line(Path("saves/uk1.jsonl"), over=True)
    assert said.startswith("Збережено: saves/uk1.jsonl (")
    assert "tabletop replay saves/uk1.jsonl --lang uk " in said and "tabletop report saves/uk1.jsonl --lang uk " in said
    with using("uk"):
        assert saved_line(Path("saves/uk1.jsonl"), over=False).endswith("tabletop resume saves/uk1.jsonl --lang uk)")


def test_the_end_screen_s_verify_command_speaks_the_room_s_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-152): the end screen's "tabletop verify SAVE --head H … checks the save later" had
    no --lang, where the replay and report lines under it had: typed as shown, verify answered in the locale's
    language, not the room's."""
    from tabletop.content.loader import load_scenario
    from tabletop.engine import new_game
    from tabletop.lang import using
    from tabletop.tui.end import EndScreen

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    state = new_game(load_scenario("parallel-tracks"), 1)
    screen = EndScreen(state, Path("saves/uk1.jsonl"), head=(24, "40651999ccc346bded8d2af18fcd1415"))
    with using("uk"):
        assert "tabletop verify saves/uk1.jsonl --lang uk --head 40651999" in screen._verify().plain
    with using("en"):
        assert "tabletop verify saves/uk1.jsonl --head 40651999" in screen._verify().plain


@pytest.mark.parametrize(("code", "timer", "phase", "seconds"), [
    ("uk", "ходи=5хв,подія=2хв", "event", 120), ("ru", "ходы=5мин,итоги=90с", "review", 90),
    ("en", "moves=5min,review=1 min 30 s", "review", 90)])
def test_timer_takes_the_words_the_screens_show(tmp_path: Path, monkeypatch, code: str, timer: str, phase: str,
                                                seconds: int) -> None:
    """Found from outside (helper-216): the start screen's field refused «ходи=5хв», the words the screen shows; the
    command line's --timer reads them too, in the language it speaks (as the ids, in any)."""
    from tabletop.cli import main

    sessions = _captured_sessions(monkeypatch)
    assert main(["--lang", code, "play", "--seed", "3", "--save", str(tmp_path / "g.jsonl"), "--timer", timer]) == 0
    timers = sessions[0].timers
    sessions[0].close()
    assert (timers.seconds("moves"), timers.seconds(phase)) == (300, seconds)
    from tabletop.store.verifying import verify

    assert verify(tmp_path / "g.jsonl").ok  # the header's timers read back (found from outside: "5min" did not)


def test_the_quit_line_names_a_save_below_the_current_folder_from_it(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: the first quit printed "saves/x.jsonl", and the quit after a resume the same save's
    whole absolute path (at 80 columns the command then broke over two lines). A save below the current folder is
    named from it, as the first quit names it, on the quit line and the end screen; one elsewhere, whole."""
    from tabletop.cli.screens import saved_line
    from tabletop.store.heads import resume_command
    from tabletop.lang import using
    from tabletop.tui.end import debrief_hints

    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.chdir(tmp_path)
    with using("en"):
        assert resume_command(tmp_path / "saves" / "x.jsonl") == "tabletop resume saves/x.jsonl"
        assert saved_line(tmp_path / "saves" / "x.jsonl", over=False) == (
            "Saved: saves/x.jsonl (continue with: tabletop resume saves/x.jsonl)")
        assert "tabletop replay saves/x.jsonl\n" in debrief_hints(tmp_path / "saves" / "x.jsonl").plain
        elsewhere = tmp_path.parent / "other.jsonl"
        assert resume_command(elsewhere) == f"tabletop resume {elsewhere}"


def test_an_id_typed_with_a_cyrillic_look_alike_letter_is_told_so_wherever_it_is_refused() -> None:
    """Found from outside (a Russian keyboard layout, stop 63): `--team 'еu=…'` with a Cyrillic е was "unknown actor
    'еu' (expected one of ru, ua, us, eu, bridge)", a list that seems to hold it; so were `--bots 'uа=…'`, `--theme
    'high-соntrast'` and `--timer 'mоves=5m'` (under English words). Each now names the letter, as `--ruleset` did."""
    from tabletop.content.loader import load_scenario
    from tabletop.content.timers import parse_timer_option
    from tabletop.lang import SOURCE, set_language
    from tabletop.sim.bots import parse_bots
    from tabletop.store.players import parse_teams
    from tabletop.tui.text import timer_words
    from tabletop.tui.themes import ThemeError, theme_id

    set_language(SOURCE)
    ids = ["ru", "ua", "us", "eu", "bridge"]
    said = []
    with pytest.raises(ValueError) as caught:
        parse_teams(["\u0435u=Team"], ids)
    said.append(str(caught.value))
    with pytest.raises(ValueError) as caught:
        parse_bots("u\u0430=hardliner", ids)
    said.append(str(caught.value))
    with pytest.raises(ThemeError) as caught:
        theme_id("high-\u0441\u043entrast", "--theme")
    said.append(str(caught.value))
    with pytest.raises(ValueError) as caught:
        parse_timer_option("m\u043eves=5m", load_scenario("parallel-tracks").ruleset.ruleset.timers, timer_words())
    said.append(str(caught.value))
    assert [s.count("is not a Latin letter") for s in said] == [1, 1, 1, 1], said
    assert "(did you mean 'eu'?)" in said[0] and "(did you mean 'ua'?)" in said[1], said
    assert "(did you mean 'high-contrast'?)" in said[2] and "(did you mean 'moves'?)" in said[3], said


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_a_timer_typed_with_a_cyrillic_look_alike_is_told_so_in_every_language(lang: str) -> None:
    """Found from outside (regression of stop 63): under --lang ru 'mоves=5m' (a Cyrillic о) was a bare "unknown
    phase", the list seeming to hold it, and 'оff' was told to write "off"; the look-alike fix held in English only."""
    from tabletop.cli.play import read_timers
    from tabletop.content.loader import load_scenario
    from tabletop.lang import SOURCE, set_language

    base = load_scenario("parallel-tracks").ruleset.ruleset.timers
    set_language(lang)
    try:
        for typed in ("m\u043eves=5m", "\u043eff"):
            with pytest.raises(ValueError) as caught:
                read_timers(typed, base)
            assert "U+043E" in str(caught.value), (typed, str(caught.value))
        with pytest.raises(ValueError) as caught:
            read_timers("m\u043eves=5m", base)
        assert "'moves'" in str(caught.value)
        if lang == "ru":  # a Russian word mistyped is no look-alike: its letters are not called foreign
            with pytest.raises(ValueError) as caught:
                read_timers("ходв=5м", base)
            assert "U+" not in str(caught.value), str(caught.value)
    finally:
        set_language(SOURCE)
