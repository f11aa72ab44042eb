"""A reason tabletop recorded itself is no reason a person gave: no screen nor report shows it as the facilitator's.

Found from outside (two testers, a debrief): saves hold "skipped by the facilitator", "redrawn by the facilitator"
and "undone by the facilitator" where the facilitator typed nothing (the hot seat recorded them until the undo and
the skip and redraw stopped making them up), and the engine still records "ended by the facilitator" as an end's
reason when none is typed (a save verifies by replaying it). The report's decision log read "reason: skipped by the
facilitator" (ru «причина: ведущий пропустил карточку»), the JSON ``"reason": "skipped by the facilitator"``, and an
end read "Facilitator ends the game: ended by the facilitator"; the English report left the end's reason out of
the working column (it compared with the English words) while the Russian said «причина: по решению ведущего».
Now every language reads the same: no reason given ("–"), the event worded without one, the JSON's ``reason``
absent as for any event with none (the save's words kept as ``recorded_reason``). How the game ended stays in the
outcome: that is its cause, not a reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.content import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.engine.telling import tell
from tabletop.play.session import Session
from tabletop.report import render
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

#: the reasons the hot seat recorded for a redraw, an undo and a skip with none typed, as old saves hold them
OLD = {"redraw": "redrawn by the facilitator", "undo": "undone by the facilitator", "skip": "skipped by the facilitator"}
ENDS = {"en": "Facilitator ends the game", "ru": "Ведущий завершает игру", "uk": "Ведучий завершує гру"}
REASON = {"en": "reason: ", "ru": "причина: ", "uk": "причина: "}
CAUSE = {"en": "ended by the facilitator", "ru": "по решению ведущего", "uk": "за рішенням ведучого"}


@pytest.fixture(scope="module")
def old_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A draw, redrawn, the redraw undone, the card skipped, the game ended: each with tabletop's own reason."""
    path = tmp_path_factory.mktemp("recorded") / "old.jsonl"
    session = Session.start(load_scenario("parallel-tracks"), 11, path)
    session.apply(legal_actions(session.state)[0])
    for kind in ("redraw", "undo", "skip"):
        session.apply(Action(kind, reason=OLD[kind]))
    session.apply(Action("end"))  # none typed: the engine records "ended by the facilitator"
    session.close()
    assert verify(path).ok
    return path


def _rows(text: str, seqs: range) -> dict[int, list[str]]:
    """The decision log's rows of events ``seqs``, cell by cell."""
    out = {}
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| ") and cells[0].isdigit() and int(cells[0]) in seqs and len(cells) == 8:
            out[int(cells[0])] = cells
    return out


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_decision_log_gives_no_reason_tabletop_recorded_itself(old_save: Path, code: str) -> None:
    text = render(old_save, "md", lang=code)
    rows = _rows(text, range(2, 6))
    assert sorted(rows) == [2, 3, 4, 5], rows
    assert all(row[-1] == "\u2013" for row in rows.values()), rows  # the working column: no reason given
    assert not any(REASON[code] in " ".join(row) for row in rows.values()), rows  # nor in what happened
    # "Facilitator ends the game", no reason after it; then how the game ended, its cause (as the outcome says it)
    assert f"{ENDS[code]} \u2014 " in rows[5][-2] and f"{ENDS[code]}:" not in rows[5][-2], rows[5]
    assert rows[5][-2].endswith(f": {CAUSE[code]}"), rows[5]
    for words in (*OLD.values(), CAUSE[code]):  # nowhere in the report (a card's story says it was skipped)
        assert f"{REASON[code]}{words}" not in text


def test_the_json_log_s_reason_is_one_a_person_gave(old_save: Path) -> None:
    log = {e["seq"]: e for e in json.loads(render(old_save, "json", lang="ru"))["log"]}
    for seq, kind in ((2, "redraw"), (3, "undo"), (4, "skip")):
        assert "reason" not in log[seq] and log[seq]["recorded_reason"] == OLD[kind], log[seq]
    assert "reason" not in log[5] and log[5]["recorded_reason"] == "ended by the facilitator", log[5]
    assert log[5]["game_over"] == "ended by the facilitator"  # the cause stays


@pytest.mark.parametrize("code", ["en", "ru"])
def test_an_end_is_worded_with_the_facilitator_s_reason_only(old_save: Path, tmp_path: Path, code: str) -> None:
    """The board's, the seats' and the replay's log lines: ``tell``."""
    save = open_save(old_save)
    with lang.using(code):
        assert tell(save.events[-1], save.scenario) == ENDS[code]
        assert REASON[code] not in tell(save.events[2], save.scenario)  # the undo's words end with no reason
    session = Session.start(load_scenario("parallel-tracks"), 11, tmp_path / "typed.jsonl")
    session.apply(Action("end", reason="out of time", lang="en"))
    with lang.using("en"):
        assert tell(session.state.last, session.state.scenario) == "Facilitator ends the game: out of time"
    session.close()
