"""A game ended at the start of a round, before anything happened in it, played the rounds before it only.

Found from outside (helper-281, a workshop in Russian): the facilitator pressed ``e`` in round 3's event phase,
before its card was drawn; the report's header read «Сыграно раундов | 3 из 8», verify «раундов: 3», and the round
charts had an «Р3» column. Two rounds were played (:func:`tabletop.engine.review.rounds_played`).
"""

from __future__ import annotations

from pathlib import Path

from tabletop import Action, lang
from tabletop.engine import State
from tabletop.report import build_report, render
from tabletop.store.verifying import verify

from .kit import facilitated_save, scenario


def _end_as_round_3_opens(state: State) -> list[Action]:
    if not state.over and state.round == 3 and state.last is not None and state.last.action.kind == "advance":
        return [Action("end")]
    return []


def test_a_game_ended_as_a_round_opens_played_the_rounds_before_it(tmp_path: Path) -> None:
    played = facilitated_save(tmp_path / "early.jsonl", scenario(), 4, _end_as_round_3_opens)
    final = played.final
    assert final.over and final.round == 3 and [e.action.kind for e in final.log if e.round == 3] == ["end"]
    turns = final.ruleset.ruleset.turns
    assert f"| Rounds played | 2 of {turns} |" in render([played.path], "md")
    report = build_report(played.path)
    assert report["outcome"]["rounds_played"] == 2 and report["outcome"]["round"] == 3  # where it ended, as before
    assert "R3" not in report["series"]["labels"], report["series"]["labels"]
    assert f"| Сыграно раундов | 2 из {turns} |" in render([played.path], "md", lang="ru")
    with lang.using("ru"):
        said = verify(played.path).lines()[0]
    assert "сыграно раундов: 2;" in said, said
