"""Under the package deal the board says first what a collapse did to the provisional agreements, and why.

Found from outside (a Ukrainian facilitator, river basin under ``linked_collapse = "reopen"``, 80x24 and 120x40):
Dorvania's «Suspend talks» collapsed Hydrological data and three tracks flipped from «AGREED (provisional)» to «OPEN»,
a rung lower, tension +1, with no notice; the Last rulings panel showed the start of the entry, the raw change list,
and the reasons only at 120x60; ``l`` put up an older vote, not the collapse. DESIGN §3: every ruling shows its
working on screen.

Played on the catalogue scenario (tests/engine/support.py): beta agreed provisionally, then a's walk-out collapses
alpha, which reopens beta.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang, new_game
from tabletop.engine import Action, State
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.rulingview import last_ruling, ruling_text
from tabletop.tui.text import event_line

from tests.engine.support import ADVANCE, catalogue_scenario, move, opening, pass_, run

from .support import SMALL, board, toasts

REOPEN = {"ruleset.linked_collapse": "reopen"}
#: what the first words of the entry say, in each language: the deals reopen, and the principle that is why
SAID = {
    "en": ("reopen", "nothing is agreed until everything is agreed"),
    "ru": ("снова открыт", "ничего не согласовано, пока не согласовано всё"),
    "uk": ("знову відкрит", "ніщо не узгоджено, доки не узгоджено все"),
}
HOLDS = {"en": "final", "ru": "окончательн", "uk": "остаточн"}
#: the package holds when every track is agreed *or deferred* (found by a review: "every track is agreed" was said)
OR_DEFERRED = {"en": "agreed or deferred", "ru": "согласованы или отложены", "uk": "узгоджено або відкладено"}
LAPSED = {"en": "lapse", "ru": "утрачива", "uk": "втрача"}


def _reopened(steps: tuple[Action, ...] = ()) -> State:
    scenario = catalogue_scenario("linked", REOPEN)
    return run(new_game(scenario, seed=1), (*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha"),
                                            *steps))


def _head(state: State) -> str:
    """The entry's words before its list of changes (``[…]``): what the room reads first."""
    assert state.last is not None
    line = event_line(state, state.last, set()).plain
    return line.split("  [", 1)[0]


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_entry_says_first_that_the_collapse_reopens_the_provisional_deal_and_why(code: str) -> None:
    state = _reopened()
    assert state.tracks["beta"].status == "open" and state.tracks["alpha"].status == "collapsed"
    with lang.using(code):
        head = _head(state)
    reopen, why = SAID[code]
    assert reopen in head and why in head, head
    assert "Beta" in head and "Alpha" in head, head  # which deal, and which collapse


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_entry_says_first_that_the_package_holds(code: str) -> None:
    scenario = catalogue_scenario("linked", REOPEN)
    state = run(new_game(scenario, seed=1), (*opening(), move("a", "walk_out", "alpha"), move("b", "concede", "gamma"),
                                             move("c", "concede", "beta")))
    assert state.tracks["beta"].status == "agreed" and not state.tracks["beta"].provisional
    with lang.using(code):
        head = _head(state)
    assert HOLDS[code] in head and OR_DEFERRED[code] in head, head


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_end_says_first_that_the_provisional_deals_lapse(code: str) -> None:
    scenario = catalogue_scenario("linked", {**REOPEN, "ruleset.turns": 1})
    state = run(new_game(scenario, seed=1), (*opening(), move("a", "walk_out", "alpha"), move("b", "concede", "gamma"),
                                             pass_("c"), ADVANCE, ADVANCE, ADVANCE))
    assert state.over and state.tracks["gamma"].status == "open"
    with lang.using(code):
        head = _head(state)
    assert LAPSED[code] in head and "Gamma" in head, head


def test_l_puts_up_the_collapse_that_reopened_the_deals_whole() -> None:
    state = _reopened()
    assert last_ruling(state) is state.last  # no vote, roll or ruling: a cascade is shown as one
    assert state.last is not None
    text = ruling_text(state, state.last).plain
    assert "reopen" in text.split("\n", 1)[0] and "Beta status agreed→open" in text, text


async def test_the_board_gives_notice_of_the_reopening(tmp_path: Path) -> None:
    scenario = catalogue_scenario("linked", REOPEN)
    session = Session.start(scenario, 1, tmp_path / "g.jsonl")
    for action in (*opening(), move("a", "concede", "beta")):
        session.apply(action)
    app = TabletopApp(session, lang="uk")
    try:
        async with app.run_test(size=SMALL, notifications=True) as pilot:
            await pilot.pause()
            assert board(pilot).act(move("b", "walk_out", "alpha"))
            await pilot.pause()
            shown = " ".join(toasts(pilot))
            assert SAID["uk"][0] in shown and "Beta" in shown, shown
    finally:
        lang.set_language("en")
