"""A whole number longer than Python reads (4,300 digits) in a save, a ruleset or a sweep file.

Found from outside (helper-104): a save line whose seq had 5,001 digits, a header whose seed had 5,000, and a
ruleset whose turns had 5,000 were each a traceback (``ValueError: Exceeds the limit (4300 digits) for integer
string conversion``) in verify, report, resume, replay, validate and sweep. A save's line is damaged there; a
content file's number is refused at its line and key, as ``--seed`` on the command line already was.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError
from tabletop.content.loader import load_scenario
from tabletop.content.source import read_toml
from tabletop.engine import apply, legal_actions, new_game
from tabletop.store import SaveWriter

HUGE = "1" * 5001


def _save(path: Path) -> list[str]:
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 3)
    with SaveWriter.create(path, sc, 3, durable=False) as writer:
        for _ in range(5):
            state = apply(state, legal_actions(state)[0])
            writer.append(state)
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


@pytest.mark.parametrize("command", ["verify", "report"])
def test_a_save_line_with_a_number_too_long_is_a_damaged_line(tmp_path: Path, command: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.jsonl"
    lines = _save(path)
    lines[2] = lines[2].replace('"seq":2,', f'"seq":{HUGE},', 1)
    path.write_text("".join(lines), encoding="utf-8")
    before = path.read_bytes()
    assert main([command, str(path)]) == 1
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out and "damaged" in said.err + said.out, said
    assert path.read_bytes() == before


def test_a_header_with_a_number_too_long_is_a_damaged_header(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "head.jsonl"
    lines = _save(path)
    lines[0] = re.sub(r'"seed":\d+', f'"seed":{HUGE}', lines[0], count=1)
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["verify", str(path)]) == 1
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out and "header" in said.out + said.err, said


def test_a_ruleset_number_too_long_is_refused_at_its_line_and_key(tmp_path: Path) -> None:
    bundled = Path(__file__).resolve().parents[2] / "tabletop" / "scenarios" / "rulesets" / "river-basin.toml"
    text = bundled.read_text(encoding="utf-8")
    line = text[: text.index("\nturns = ")].count("\n") + 2
    path = tmp_path / "river-basin.toml"
    path.write_text(re.sub(r"(?m)^turns = \d+", "turns = " + "9" * 5000, text, count=1), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        read_toml(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.path) == (line, "ruleset.turns"), problem
    assert "a whole number of 5000 digits is far too large" in problem.message


def test_a_long_number_on_the_line_after_a_reordered_one_is_no_traceback(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """Found in review (helper-105): a line out of order made the reader look at the next line's seq with int(),
    which a seq of 5,001 digits there turned into a traceback."""
    path = tmp_path / "ahead.jsonl"
    lines = _save(path)
    lines[2] = lines[2].replace('"seq":2,', '"seq":4,', 1)
    lines[3] = lines[3].replace('"seq":3,', f'"seq":{HUGE},', 1)
    path.write_text("".join(lines), encoding="utf-8")
    assert main(["verify", str(path)]) == 1
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out and "damaged" in said.err + said.out, said
