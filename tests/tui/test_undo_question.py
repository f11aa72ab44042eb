"""The undo's question says what happens after it, for what it takes back: a team's move, a step of the game, a power."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tabletop.engine import Action, apply, legal_actions, new_game
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import UndoScreen

from .support import SIZE, press, rendered, scenario, start

TEAM = {"en": "a move taken back is made again by its team",
        "ru": "отменённый ход команда делает заново",
        "uk": "скасований хід команда робить знову"}
DRAW = {"en": "the game's seed turns up the same card",
        "ru": "зерно игры снова откроет ту же карточку",
        "uk": "зерно гри знову відкриє ту саму картку"}
STEP = {"en": "the facilitator takes it again from the list",
        "ru": "ведущий делает его снова из списка",
        "uk": "ведучий робить його знову зі списку"}


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_the_undo_question_words_what_comes_after_for_what_it_undoes(tmp_path: Path, lang: str) -> None:
    """Found from outside (helper-194): undoing the card's draw (event 1) or a phase change («Раунд 3: фаза
    «решения»») asked with «Саму отмену отменить нельзя: отменённый ход команда делает заново.»: no team makes a
    draw or a phase change again. A team's move (its answer to a card here) keeps those words; a draw says the
    facilitator draws again and the game's seed turns up the same card; any other step, that the facilitator
    takes it again from the list."""
    session = start(tmp_path, seed=7, sealed=True, scenario_id="parallel-tracks-linked")
    app = TabletopApp(session, lang=lang)

    async def asked() -> str:
        await press(pilot, "u")
        assert isinstance(app.screen, UndoScreen)
        words = rendered(pilot)
        await press(pilot, "escape")
        return words

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "1")  # the draw
        assert session.state.last is not None and session.state.last.action.kind == "draw"
        said = await asked()
        assert DRAW[lang] in said and TEAM[lang] not in said, said
        await press(pilot, "1")  # the EU's answer: a team's
        assert session.state.last.action.kind == "choose"
        said = await asked()
        assert TEAM[lang] in said and DRAW[lang] not in said, said
        session.apply(legal_actions(session.state)[0])  # on to the moves: a phase change
        await pilot.pause()
        assert session.state.last.action.kind == "advance"
        said = await asked()
        assert STEP[lang] in said and TEAM[lang] not in said, said


def test_each_kind_of_step_is_told_what_comes_after_its_undo() -> None:
    """The words for every kind an undo can take back; the team's only where a team acted."""
    from tabletop.engine.actions import Event
    from tabletop.tui.powers import undo_explained

    def told(kind: str, actor: str | None = None) -> str:
        return undo_explained(Event(1, 1, "event", Action(kind, actor=actor), {}))

    team = told("move", "ru")
    assert TEAM["en"] in team
    assert all(told(kind, "ru") == team for kind in ("pass", "vote", "choose", "counter", "odds"))
    assert "same card" in told("draw") and "same card" in told("redraw") and "same dice" in told("roll")
    assert told("redraw") != told("draw")  # the card it replaced is back on the table
    for kind in ("advance", "apply_card", "rule", "enact", "lapse", "odds"):
        assert told(kind) == told("advance") and STEP["en"] in told(kind), kind
    for kind in ("override", "inject", "skip", "end"):
        assert told(kind) == told("override") and TEAM["en"] not in told(kind), kind
    assert "cannot itself be undone." in undo_explained(None) and TEAM["en"] not in undo_explained(None)


def test_an_undone_draw_redraw_or_roll_comes_again_the_same() -> None:
    """What the undo's question says of a draw, a redraw or a roll taken back is what the engine does: done again on
    the board as it was, the seeded draw turns up the same card and the roll throws the same dice."""
    from tabletop.engine import Event

    def twice(state, action: Action) -> tuple[Event, Event]:  # noqa: ANN001 - a State
        once = apply(state, action)
        again = apply(apply(once, Action("undo")), action)
        assert once.last is not None and again.last is not None
        return once.last, again.last

    seen = set()
    for seed in range(1, 30):
        state, pick = new_game(scenario(), seed), random.Random(seed)
        while not state.over and len(seen) < 3:
            action = pick.choice(legal_actions(state))
            if action.kind == "draw":
                once, again = twice(state, action)
                assert once.result["outcome"]["card"] == again.result["outcome"]["card"]
                seen.add("draw")
            elif action.kind == "roll":
                once, again = twice(state, action)
                assert once.result["outcome"]["dice"] == again.result["outcome"]["dice"]
                seen.add("roll")
            elif state.card is not None and "redraw" not in seen:
                once, again = twice(state, Action("redraw"))
                assert once.result["outcome"]["card"] == again.result["outcome"]["card"]
                seen.add("redraw")
            state = apply(state, action)
        if len(seen) == 3:
            return
    raise AssertionError(f"no game with a draw, a redraw and a roll: {seen}")
