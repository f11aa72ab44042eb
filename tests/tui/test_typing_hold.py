"""A nervous double press does not type into the dialog the first press opened (tabletop.play.clock.PickHold).

Found from outside (river basin, uk): at "Facilitator: rule on the move", ``1 1`` some 0.3 s apart: the first picked
"Success — with a reason", whose dialog opened, and the second typed "1" in its reason field; Enter recorded
"facilitator's reason: 1". A printable key typed into a dialog's text field within the hold of the dialog opening is
not taken, and the room is told, as a pick on a list just changed is. The room's clock is the test's own.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tabletop.engine import Action, legal_actions
from tabletop.play.clock import PICK_HOLD
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp

from .support import SIZE, SMALL, start, toasts
from .test_clock import FakeTime

HELD = "Not taken: this dialog has just opened"


def at_a_ruling(tmp_path: Path) -> Session:
    """River basin: a team asks for arbitration; everyone passes; the facilitator is to rule."""
    session = start(tmp_path, 1, scenario_id="river-basin")
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    session.apply(Action("move", actor=session.state.turn, move="arbitration", track="flow-allocation"))
    while session.state.turn is not None:
        session.apply(Action("pass", actor=session.state.turn))
    session.apply(Action("advance"))
    assert legal_actions(session.state)[0].kind == "rule"
    return session


def _held_app(tmp_path: Path) -> tuple[TabletopApp, FakeTime]:
    """The board at a ruling, its picks and dialogs held on the test's own clock."""
    now = FakeTime()
    return TabletopApp(at_a_ruling(tmp_path), now=now, pick_hold=PICK_HOLD), now


def _typed(app: TabletopApp) -> list[str]:
    """What the dialog on top holds: the inject list's search, or each of its fields' text."""
    from tabletop.tui.modals import PickScreen

    if isinstance(app.screen, PickScreen):
        return [app.screen.query_text]
    return [f.value for f in app.screen.query(Input)]


def field(pilot_app: TabletopApp, selector: str = "#ask-input") -> Input:
    return pilot_app.screen.query_one(selector, Input)


@pytest.mark.parametrize("size", [SMALL, SIZE])
async def test_a_double_press_on_a_ruling_does_not_type_into_its_reason(tmp_path: Path, size: tuple[int, int]) -> None:
    now = FakeTime()
    session = at_a_ruling(tmp_path)
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)  # the list has been read
        await pilot.press("1", "1")  # the second press of a nervous hand, as the reason's dialog comes up
        await pilot.pause()
        assert field(app).value == "", field(app).value
        assert any(HELD in t for t in toasts(pilot)), toasts(pilot)
        await pilot.press("enter")  # nothing typed: nothing recorded
        await pilot.pause()
        assert session.state.log[-1].action.kind == "advance"
        now.advance(PICK_HOLD)  # read: what is typed now is taken
        await pilot.press(*"dam", "enter")
        await pilot.pause()
    last = session.state.log[-1].action
    assert (last.kind, last.success, last.reason) == ("rule", True, "dam")


@pytest.mark.parametrize("keys", [("n", "n"), ("i", "i")], ids=["note", "inject"])
async def test_the_facilitator_s_dialogs_are_held_as_they_open(tmp_path: Path, keys: tuple[str, ...]) -> None:
    """The note's key pressed twice, the inject list's (a second i would narrow the deck to the cards with an i):
    the key that opened the dialog, come again as it opens, is not typed in it."""
    app, now = _held_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press(*keys)
        await pilot.pause()
        assert not [typed for typed in _typed(app) if typed.isalpha()], _typed(app)
        assert any(HELD in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)  # read: what is typed now is taken
        await pilot.press("z")
        await pilot.pause()
        assert "z" in _typed(app), _typed(app)


async def test_without_a_hold_every_key_is_typed(tmp_path: Path) -> None:
    session = at_a_ruling(tmp_path)
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")
        await pilot.pause()
        assert field(pilot.app).value == "1"


@pytest.mark.parametrize(("keys", "typed"), [(("n", *"Kyiv"), "Kyiv"), (("i", *"sanc"), "sanc")], ids=["note", "inject"])
async def test_what_is_typed_at_once_after_a_dialog_s_key_is_typed_in_it(tmp_path: Path, keys: tuple[str, ...],
                                                                          typed: str) -> None:
    """Found in review: the hold took every letter typed within half a second of a dialog opening, whichever key
    opened it: a note typed soon after its key lost its first letters ("yiv" for "Kyiv"), the inject list's search
    its first. Only the opening key again is held: the rest is typed, as the hand meant it. (Letters typed as one
    word on the board, faster than the typing gap, are another guard's: this app has none.)"""
    app, now = _held_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press(*keys)
        await pilot.pause()
        assert typed in _typed(app), _typed(app)
        assert not any(HELD in t for t in toasts(pilot)), toasts(pilot)
