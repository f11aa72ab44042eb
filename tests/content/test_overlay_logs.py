"""An overlay translates a move's or a card's ``{ log = "..." }`` lines (issue 19): ``logs = [...]`` per entry,
in the order the log effects appear (a move: effects, fail_effects, link_effects; a card: its effects, then
each choice's). Stamped, warned when missing, flagged when the English changes, refused when it names nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import ContentError, load_scenario
from tabletop.content.finding import BUNDLED
from tabletop.content.overlays import translated
from tabletop.content.overlaytexts import card_logs, move_logs
from tabletop.content.overlaywriting import stamp_file
from tabletop.content.scenario import log_line

OVERLAY = """\
[overlay]
lang = "ru"
ruleset = "parallel-tracks"

[moves.stall]
name = "Тянуть время"
{logs}
"""


def _overlay(scenarios: Path, logs: str) -> Path:
    path = scenarios / "rulesets" / "parallel-tracks.ru.toml"
    path.write_text(OVERLAY.format(logs=logs), encoding="utf-8")
    return path


def _validate(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["validate", *map(str, args)])
    return code, capsys.readouterr().out


def test_the_bundled_log_lines_are_translated_by_their_english() -> None:
    base = load_scenario(BUNDLED / "rulesets" / "parallel-tracks.toml")
    card = next(c for c in base.deck.cards if c.id == "congress-linkage")
    english = "Washington keeps arms control apart from Ukraine's status"
    assert card_logs(card) == (english,)  # from a choice's effects
    stall = next(m for m in base.ruleset.moves if m.id == "stall")
    assert move_logs(stall) == ("Stalling for time",)
    ru, uk = translated(base, "ru"), translated(base, "uk")
    assert log_line(ru, english) == "Вашингтон держит контроль над вооружениями отдельно от статуса Украины"
    assert log_line(uk, "Stalling for time") == "Затягування часу"
    assert log_line(base, english) == english  # the base shows the text as stored
    assert log_line(ru, "a line no scenario has") == "a line no scenario has"
    assert [m.effects for m in ru.ruleset.moves] == [m.effects for m in base.ruleset.moves]  # the engine's effects stay


def test_a_log_translation_is_shown_and_stamped(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _overlay(scenarios, 'logs = ["Затягивание"]')
    assert stamp_file(path) == 1
    code, out = _validate(capsys, "-v", scenarios)
    assert code == 0 and "moves.stall.logs" not in out and "older text" not in out
    ru = translated(load_scenario(scenarios / "rulesets" / "parallel-tracks.toml"), "ru")
    assert log_line(ru, "Stalling for time") == "Затягивание"


def test_a_missing_log_translation_warns_and_shows_the_english(scenarios: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    _overlay(scenarios, "")
    code, out = _validate(capsys, "-v", scenarios)
    assert code == 0
    warning = next(line for line in out.splitlines() if "not translated" in line and "parallel-tracks.ru.toml" in line)
    assert "moves.stall.logs" in warning
    ru = translated(load_scenario(scenarios / "rulesets" / "parallel-tracks.toml"), "ru")
    assert log_line(ru, "Stalling for time") == "Stalling for time"


def test_a_changed_english_log_line_flags_its_translation(scenarios: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _overlay(scenarios, 'logs = ["Затягивание"]')
    stamp_file(path)
    base = scenarios / "rulesets" / "parallel-tracks.toml"
    text = base.read_text(encoding="utf-8")
    assert '{ log = "Stalling for time" }' in text
    base.write_text(text.replace('{ log = "Stalling for time" }', '{ log = "Stalling, again" }'), encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 0
    assert f"warning: {path}:5: moves.stall: translated from an older text (base changed)" in out
    assert stamp_file(path) == 1
    assert "older text" not in _validate(capsys, scenarios)[1]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('[moves.stal]\nlogs = ["Затягивание"]',
         ":5: moves.stal: 'stal' names nothing in [moves] of parallel-tracks.toml (did you mean 'stall'?)"),
        ('[moves.stall]\nlog = ["Затягивание"]', ":6: moves.stall.log: unknown key 'log' (did you mean 'logs'?)"),
        ('[moves.stall]\nlogs = ["один", "два"]',
         ":6: moves.stall.logs: the base has 1 entry: give one, in the base's order (got 2)"),
        ('[moves.stall]\nlogs = ["' + "я" * 301 + '"]', ":6: moves.stall.logs[0]: at most 300 characters allowed"),
    ],
)
def test_a_wrong_log_key_is_refused_at_its_line(scenarios: Path, capsys: pytest.CaptureFixture[str],
                                                body: str, expected: str) -> None:
    path = scenarios / "rulesets" / "parallel-tracks.ru.toml"
    path.write_text('[overlay]\nlang = "ru"\nruleset = "parallel-tracks"\n\n' + body + "\n", encoding="utf-8")
    code, out = _validate(capsys, scenarios)
    assert code == 1
    assert f"{path}{expected}" in out, out
    with pytest.raises(ContentError):
        translated(load_scenario(scenarios / "rulesets" / "parallel-tracks.toml"), "ru")
