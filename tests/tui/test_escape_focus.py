"""Escape with nothing to go back to gives the keyboard back to the decision list, and the pane that has it shows.

Found from outside, a facilitator at 80x24: after Escape (a nervous second one after the override's, or one in the
round's review text reached with shift+tab) Enter did nothing and said nothing, with "▶ Facilitator: …" still on
screen; Tab then cycled through panes nobody could tell apart, and one Tab too many answered a card.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.engine import Action, legal_actions
from tabletop.tui.app import TabletopApp
from tabletop.tui.decisionlist import DecisionList

from .support import SMALL, board, press, start


async def test_escape_with_nothing_to_go_back_to_leaves_enter_on_the_decision(tmp_path: Path) -> None:
    session = start(tmp_path, seed=7)
    while not (session.state.round == 1 and session.state.phase == "review"):
        action = legal_actions(session.state)[0]
        if action.kind == "rule":
            action = Action("rule", track=action.track, success=True, reason="fair")
        session.apply(action)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        listing = board(pilot).query_one("#decision", DecisionList)
        await press(pilot, "o", "escape", "escape")  # the override's list put away, and a nervous Escape more
        assert app.focused is listing
        await press(pilot, "shift+tab")  # the review text, to read on
        prompt = app.focused
        assert prompt is not None and prompt.id == "prompt-box"
        # the pane that has the keyboard is marked by the shape of its left edge (the board's had no mark at all)
        assert board(pilot).query_one("#prompt").styles.border_left[0] == "heavy"
        await press(pilot, "escape")
        assert app.focused is listing
        await press(pilot, "enter")  # acts on the decision: the next round starts
        assert session.state.round == 2, (session.state.round, session.state.phase)
    assert app._exception is None


async def test_escape_from_another_pane_keeps_the_track_s_moves_open(tmp_path: Path) -> None:
    """Found from outside (a regression check): a team that tabbed over to read the card while a track's moves were
    open, then Escape, was back at its tracks; Escape there only gives the keyboard back, and the next goes back."""
    session = start(tmp_path, seed=7)
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = board(pilot)
        listing = screen.query_one("#decision", DecisionList)
        await press(pilot, "1")  # a track: its moves
        stage = screen.stage
        assert stage is not None
        await press(pilot, "shift+tab")
        assert app.focused is not listing
        await press(pilot, "escape")
        assert app.focused is listing and screen.stage == stage
        await press(pilot, "escape")
        assert screen.stage is None  # back at the tracks
