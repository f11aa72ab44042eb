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
