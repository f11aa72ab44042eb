"""`tabletop play` checks what it is given before it asks for a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
    assert "needs a terminal" in done.stderr


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
