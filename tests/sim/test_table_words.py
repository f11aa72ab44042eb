"""The simulation's table says its first line in the room's language: the policies and the scenario too."""

from __future__ import annotations

import pytest

from tabletop.cli import main


@pytest.mark.parametrize(("lang", "mixed", "quoted"), [("ru", "боты смешанные", "по сценарию «parallel-tracks»"),
                                                        ("uk", "боти змішані", "за сценарієм «parallel-tracks»"),
                                                        ("en", "bots mixed", "of parallel-tracks")])
def test_the_first_line_names_the_bots_in_the_room_s_words(lang: str, mixed: str, quoted: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-114): "3 игры по parallel-tracks (строгая), сид 0, боты mixed": the default mix in
    English, the scenario's name undeclined after "по"."""
    assert main(["--lang", lang, "simulate", "--games", "2", "--seed", "3"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert mixed in first and quoted in first, first
    if lang != "en":
        assert "mixed" not in first, first


@pytest.mark.parametrize(("lang", "point"), [("ru", ","), ("uk", ","), ("en", ".")])
def test_decimals_are_written_as_the_room_writes_them(lang: str, point: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: a Russian room read "57.5%", "2.75" and "0.26 с": Russian and Ukrainian write a decimal
    comma. Every share, mean and time of the table is written with the language's own mark; JSON keeps the point."""
    import re

    assert main(["--lang", lang, "simulate", "--games", "8", "--seed", "3", "--compare"]) == 0
    out = capsys.readouterr().out
    other = "." if point == "," else ","
    shares = re.findall(r"(\d+[.,]\d)%", out)
    assert shares and all(point in s for s in shares), out
    assert not re.search(rf"\d\{other}\d", out), out
    assert main(["--lang", lang, "simulate", "--games", "8", "--seed", "3", "--json"]) == 0
    import json

    assert isinstance(json.loads(capsys.readouterr().out)["agreements_per_game"], float)
