"""A tabled move whose track has closed is set aside by the facilitator, on one screen at 80x24: nobody is asked
to roll, vote or rule on it.

Found from outside (a Ukrainian hot seat, seed 11, 80x24): the EU's press on Borders failed, tension reached breakdown
and Borders collapsed; right under "Borders ✖ COLLAPSED" the game asked the facilitator to rule on Russia's «Ask for
mediation» on Borders, Success or Failure with a reason, and the record then said the move lapsed whatever was ruled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.widgets import BoardPart, TurnPanel

from .support import SMALL, board, press, start


def _mv(actor: str, move: str) -> Action:
    return Action("move", actor=actor, move=move, track="borders")


def collapsed(tmp_path: Path, second: str = "mediate", seats: dict[str, str] | None = None) -> Session:
    """Seed 11 as the tester played it: the EU's press on Borders fails and collapses it, Russia's ``second`` move on
    Borders still tabled behind it."""
    session = start(tmp_path, seed=11, seats=seats)
    session.apply(Action("draw"))
    session.apply(legal_actions(session.state)[0])
    for action in (Action("advance"), _mv("ru", "walk_out"), _mv("ua", "walk_out"), Action("pass", actor="us"),
                   _mv("eu", "press"), Action("pass", actor="bridge"), _mv("ru", second), Action("pass", actor="ua"),
                   Action("pass", actor="eu"), Action("advance"), Action("roll", track="borders")):
        session.apply(action)
    assert session.state.tracks["borders"].status == "collapsed" and session.state.queue[0].move == second
    return session


@pytest.mark.parametrize(("code", "said", "label"), [
    ("en", "Borders has collapsed: Russia's \u201cAsk for mediation\u201d lapses",
     "Set aside: Russia's \u201cAsk for mediation\u201d lapses \u2014 Borders has collapsed"),
    ("uk", "\u00abПопросити про посередництво\u00bb (Росія)", "Зняти з розгляду"),
])
async def test_the_facilitator_sets_aside_a_move_on_a_collapsed_track(tmp_path: Path, code: str, said: str,
                                                                     label: str) -> None:
    session = collapsed(tmp_path)
    app = TabletopApp(session, lang=code)
    try:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            screen = board(pilot)
            prompt = str(screen.query_one("#prompt", BoardPart).render())
            assert said in prompt, prompt
            # one entry, the facilitator's: no Success or Failure, no reason to type
            assert [e.label.plain for e in screen.entries] == [screen.entries[0].label.plain]
            assert label in screen.entries[0].label.plain
            await press(pilot, "1")
            last = session.state.last
            assert last is not None and last.action == Action("lapse", track="borders")
            assert last.result["ruling"]["lapsed"] and "reason" not in last.result["ruling"]
            assert not session.state.queue
    finally:
        lang.set_language("en")


async def test_a_bot_does_not_vote_on_a_move_whose_track_has_collapsed(tmp_path: Path) -> None:
    """Russia's proposal on Borders would go to Ukraine's and the EU's vote: the bots wait, the facilitator sets it
    aside."""
    session = collapsed(tmp_path, "propose", seats={"ua": "cooperative", "eu": "hardliner"})
    assert legal_actions(session.state)[0].kind == "vote"  # the engine would still take a vote
    assert session.acting() is None and session.bot_action() is None
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = board(pilot)
        assert screen._bot_timer is None  # no bot's step is even scheduled
        assert [e.label.plain for e in screen.entries] == [
            "Set aside: Russia's \u201cTable a proposal\u201d lapses \u2014 Borders has collapsed"]
        # the turn panel names the facilitator's step, not Ukraine's vote (nor "Facilitator: vote")
        turn = str(screen.query_one(TurnPanel).render())
        assert "Facilitator: set aside the move that lapsed" in turn and "vote" not in turn, turn
        await press(pilot, "1")
        assert session.state.last is not None and session.state.last.action.kind == "lapse"
