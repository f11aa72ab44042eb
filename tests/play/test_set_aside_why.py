"""A card a draw set aside says why it could not be played, in a word that is not the deferred track's.

Found from outside (a Ukrainian facilitator, river basin): «1 картку відкладено, зараз її не можна зіграти: Фермери
йдуть маршем на столицю.» gave no reason (its track, Water allocation, was deferred), and «відкладено» is the word the
glossary fixes for the deferred track status: the room read the card as deferred.

Played on the catalogue scenario (tests/engine/support.py): alpha is deferred in round 1, and round 2's draw sets
aside the Incident on Alpha.
"""

from __future__ import annotations

import pytest

from tabletop import lang, new_game
from tabletop.engine import State
from tabletop.engine.telling import tell
from tabletop.play.decisions import decision

from tests.engine.support import ADVANCE, catalogue_scenario, draw, move, opening, pass_, run

#: the reason, in each language, and the word of the deferred status a card set aside must not take
WHY = {
    "en": ("Incident on Alpha (its track Alpha is deferred)", None),
    "ru": ("Incident on Alpha (статус её трека «Alpha»: отложено)", "отложен"),
    "uk": ("Incident on Alpha (статус її треку «Alpha»: відкладено)", "відклад"),
}


#: a card on an open track that needs what the board has not
HOPEFUL = {"id": "hopeful", "title": "Hopeful signs on Beta", "track": "beta", "effects": [{"progress": 1}],
           "requires": [{"meter": "trust", "at_least": 9}]}


def _aside(card_id: str = "incident") -> State:
    state = run(new_game(catalogue_scenario("strict", extra_cards=[HOPEFUL]), seed=1),
                (*opening(), move("a", "defer", "alpha"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE,
                 draw("quiet", [card_id])))
    assert state.tracks["alpha"].status == "deferred" and state.round == 2 and state.card == "quiet"
    return state


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_board_says_why_a_card_was_set_aside(code: str) -> None:
    state = _aside()
    with lang.using(code):
        prompt = decision(state, None).prompt.plain
        logged = tell(state.last, state.scenario)  # type: ignore[arg-type]
    why, deferred = WHY[code]
    assert why in prompt, prompt
    if deferred is not None:  # the card is not "deferred": only its track is
        said = prompt.split("\n")[-1].split("(")[0]
        assert deferred not in said and deferred not in logged.split("(", 1)[1].split(":")[0], (prompt, logged)


def test_a_card_whose_conditions_do_not_hold_says_what_it_needs() -> None:
    state = _aside("hopeful")
    prompt = decision(state, None).prompt.plain
    assert "not playable now: Hopeful signs on Beta (it needs Trust \u2265 9)." in prompt, prompt


def test_the_report_says_why_a_card_was_set_aside(tmp_path) -> None:
    """Found from outside (helper-319, F13): the report's card line read "set aside (not playable): Flare on X, Y back
    on the table" with no reason, which the board's line gives (its track collapsed, a condition not met)."""
    from tabletop.report import render

    from tests.report.kit import HtmlDoc, md_text
    from tests.store.savekit import record_actions

    actions = (*opening(), move("a", "defer", "alpha"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE,
               draw("quiet", ["incident", "hopeful"]))
    path = tmp_path / "aside.jsonl"
    record_actions(path, catalogue_scenario("strict", extra_cards=[HOPEFUL]), 1, [lambda s, a=a: a for a in actions])
    said = ("set aside (not playable): Incident on Alpha (its track Alpha is deferred), "
            "Hopeful signs on Beta (it needs Trust \u2265 9)")
    assert said in md_text(render([path], "md"))
    assert said in HtmlDoc(render([path], "html")).text
