"""A tabled move still waiting when the game ended is not "pending" in the report: it was never settled.

Found from outside (a Ukrainian facilitator, river basin linked): the game ended when the last track agreed, and the
commission's offer #92, never voted on, still read «→ чекає на рішення» in the report after the end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.play.session import Session
from tabletop.report import render

from tests.engine.support import catalogue_scenario, move, opening


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """a's proposal on beta is tabled, then the facilitator ends the game before anyone votes on it."""
    path = tmp_path_factory.mktemp("unsettled") / "g.jsonl"
    session = Session.start(catalogue_scenario("strict"), 1, path, {})
    from tabletop.engine import Action

    for action in (*opening(), move("a", "propose", "beta"), Action("end", reason="time")):
        session.apply(action)
    session.close()
    return path


def test_the_json_report_says_the_move_was_never_settled(save: Path) -> None:
    report = json.loads(render(save, "json"))
    entry = next(e for e in report["log"] if e.get("move") == "propose")
    assert entry["outcome"] == "unsettled", entry


@pytest.mark.parametrize(("code", "said"), [
    ("en", "never settled: the game ended first"),
    ("ru", "так и не решено: игра закончилась раньше"),
    ("uk", "так і не вирішено: гра скінчилася раніше"),
])
def test_the_round_s_moves_say_the_move_was_never_settled(save: Path, code: str, said: str) -> None:
    with lang.using(code):
        doc = render(save, "md")
    row = next(line for line in doc.splitlines() if line.startswith(("- Move #4:", "- Ход #4:", "- Хід #4:")))
    assert row.endswith("\u2192 " + said), row


#: a success on a track already agreed provisionally: what it did, in each language
NOTHING = {
    "en": "the proposal (Corvin: Propose on Beta) succeeds \u2014 nothing changes: Beta is already agreed "
          "(provisional)",
    "ru": "ничего не меняется: трек «Beta» уже согласован (предварительно)",
    "uk": "нічого не змінюється: трек «Beta» вже узгоджено (попередньо)",
}


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_a_tabled_move_that_succeeds_on_a_provisional_agreement_says_it_changes_nothing(code: str) -> None:
    """Found from outside (river basin linked, round 5): Kessaria's offer on Dam filling agreed it provisionally; Dorvania's,
    tabled beside it, was then voted on and read «… — вдається» with no change and no reason. Under the package deal a
    provisional agreement may still change (a rejection's tension lands on it), so the vote stands; its words say why
    the success changed nothing."""
    from tabletop import apply, new_game
    from tabletop.engine.telling import earlier_than, tell

    from tests.engine.support import ADVANCE, pass_, run, vote

    state = run(new_game(catalogue_scenario("linked"), seed=1),
                (*opening(), move("a", "propose", "beta"), pass_("b"), move("c", "propose", "beta"), ADVANCE,
                 vote("b", "beta", True), vote("c", "beta", True)))
    assert state.tracks["beta"].status == "agreed" and state.tracks["beta"].provisional
    for voter in ("a", "b"):
        state = apply(state, vote(voter, "beta", True))
    event = state.last
    assert event is not None and event.result["ruling"]["success"] and "changes" not in event.result
    with lang.using(code):
        said = tell(event, state.scenario, earlier_than(state.log, event.seq))
    assert NOTHING[code] in said, said  # before the tally, which ends a settling vote's words
