"""Keys an outside tester (a nervous facilitator on one screen, tmux 80x24) pressed on the hot seat's board, in
bursts as a terminal sends them: each is answered as pressed, none dropped without a word. The room's clock is the
test's own: nothing waits on the wall clock."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from tabletop.engine import Action, legal_actions
from tabletop.play.clock import PICK_HOLD
from tabletop.tui.app import TabletopApp
from tabletop.tui.decisionlist import DecisionList
from tabletop.tui.modals import ConfirmScreen, HelpScreen, NoteScreen, PickScreen

from .support import SMALL, board, burst, press, settled, start, toasts
from .test_clock import FakeTime


def kinds(app: TabletopApp) -> list[str]:
    assert app.session is not None
    return [e.action.kind for e in app.session.state.log]


async def test_the_decision_list_stops_at_its_ends(tmp_path: Path) -> None:
    """Found from outside: Up at the top highlighted the last entry (often "Pass", taken at once with Enter), and 30
    Downs in a burst stopped anywhere. Home and End still jump."""
    session = start(tmp_path)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#decision", DecisionList)
        last = listing.option_count - 1
        assert last >= 2 and listing.highlighted == 0
        burst(app, "up")
        await settled(pilot)
        assert listing.highlighted == 0
        burst(app, *["down"] * 30)
        await settled(pilot)
        assert listing.highlighted == last
        burst(app, "down", "down")
        await settled(pilot)
        assert listing.highlighted == last
        burst(app, "home")
        await settled(pilot)
        assert listing.highlighted == 0
        burst(app, "end", "up")
        await settled(pilot)
        assert listing.highlighted == last - 1


async def test_a_burst_of_ups_in_the_note_steps_an_event_each(tmp_path: Path) -> None:
    """Found from outside: 30 Ups at once moved the note one event (each stepped from the event the field had not yet
    said it changed to)."""
    session = start(tmp_path)
    for _ in range(4):
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "n")
        field = app.screen.query_one("#note-event", Input)
        assert field.value == "4"
        burst(app, "up", "up")
        await settled(pilot)
        assert field.value == "2"
        burst(app, *["up"] * 30)
        await settled(pilot)
        assert field.value == "0" and app.screen.about == 0
        burst(app, "down", "down", "down")
        await settled(pilot)
        assert field.value == "3"


async def test_f1_opens_the_help_over_a_dialog_and_closes_back_to_it(tmp_path: Path) -> None:
    """The help says "Anywhere: F1"; Textual cut the app's F1 at a dialog."""
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for key, dialog in (("n", NoteScreen), ("i", PickScreen), ("e", ConfirmScreen)):
            await press(pilot, key)
            assert isinstance(app.screen, dialog)
            asked = app.screen
            await press(pilot, "f1")
            assert isinstance(app.screen, HelpScreen), (key, app.screen)
            await press(pilot, "f1")
            assert app.screen is asked
            await press(pilot, "escape")
            assert app.screen is board(pilot)
