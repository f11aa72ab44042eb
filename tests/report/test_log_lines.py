"""A move's ``{ log = "..." }`` line in the language of the report (issue 19): the save keeps the English,
the report of the same save in Russian or Ukrainian names the translation its header embeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.content import load_scenario
from tabletop.content.finding import BUNDLED
from tabletop.engine import State, legal_actions
from tabletop.engine.actions import Action
from tests.store.savekit import record_actions

ENGLISH = "Stalling for time"
WORDS = {"ru": "Затягивание времени", "uk": "Затягування часу", "en": ENGLISH}


def _stall(state: State) -> Action:
    """The stall move (``effects = [ { log = "Stalling for time" } ]``) once it is legal, else the first legal action."""
    options = legal_actions(state)
    return next((a for a in options if a.kind == "move" and a.move == "stall"), options[0])


def stalled_game(path: Path) -> Path:
    """A save of the bundled scenario whose last event is a stall: draw, choose, advance, stall."""
    record_actions(path, load_scenario(BUNDLED / "rulesets" / "parallel-tracks.toml"), 1, [_stall] * 4)
    last = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    assert last["action"]["move"] == "stall" and last["result"]["log"] == [ENGLISH]  # the save keeps the English
    return path


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_the_report_names_the_log_line_in_its_language(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       lang: str) -> None:
    save = stalled_game(tmp_path / "g.jsonl")
    assert main(["report", "--lang", lang, str(save)]) == 0
    out = capsys.readouterr().out
    assert WORDS[lang] in out
    if lang != "en":
        assert ENGLISH not in out


def test_the_json_report_keeps_the_shown_words_and_the_save_its_english(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    save = stalled_game(tmp_path / "g.jsonl")
    before = save.read_bytes()
    assert main(["report", "--lang", "uk", "--format", "json", str(save)]) == 0
    report = json.loads(capsys.readouterr().out)
    [entry] = [e for e in report["log"] if e.get("move") == "stall"]
    assert entry["effect_log"] == [WORDS["uk"]]
    assert save.read_bytes() == before


@pytest.mark.parametrize("lang", ["ru", "uk", "en"])
def test_a_seat_reads_the_log_line_in_its_language_on_its_board(lang: str) -> None:
    """The seat view's log line (and the seat screen's log panel made from it) in the seat's language."""
    from tabletop.engine import apply, new_game
    from tabletop.lang import set_language
    from tabletop.engine.lookups import seen
    from tabletop.seats.views import Seat, TableFacts, seat_view
    from tabletop.tui.seatwords import log_text

    state = new_game(load_scenario(BUNDLED / "rulesets" / "parallel-tracks.toml"), 1)
    for _ in range(4):
        state = apply(state, _stall(state))
    assert state.log[-1].result["log"] == [ENGLISH]
    set_language(lang)
    view = seat_view(seen(state, lang), Seat("projector", "projector"), TableFacts())
    line = view["board"]["log"][-1]
    assert line["logs"] == [WORDS[lang]]
    panel = log_text(view).plain
    assert WORDS[lang] in panel
    if lang != "en":
        assert ENGLISH not in panel


@pytest.mark.parametrize(("lang", "word"), [("ru", "капитал"), ("uk", "капітал"), ("en", "capital")])
def test_a_resource_change_names_the_resource_in_the_reports_language(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, word: str) -> None:
    """'США capital 3 → 2' in a Russian report: the change named the resource by its English id."""
    save = stalled_game(tmp_path / "g.jsonl")
    assert main(["report", "--lang", lang, "--format", "json", str(save)]) == 0
    report = json.loads(capsys.readouterr().out)
    spent = [t for e in report["log"] for t in e["changes_text"] if " 3 \u2192 2" in t or " 2 \u2192 1" in t]
    assert spent and all(f" {word} " in t for t in spent), spent
