"""A click (a tap on a phone) on the dimmed screen around a dialog is one Escape press in that dialog.

Found from outside: a team on a phone (``tabletop serve``) had no Escape key, and the counter dialog (its field
empty: Enter asks for the counter), the argument dialog ("Escape twice") and F1's help could not be left; tapping
outside them did nothing. A tap outside now does what one Escape does there, so a typed argument still takes two.
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import Static

from tabletop.tui.argument import ArgumentForm, ArgumentScreen, Entered
from tabletop.tui.modals import ConfirmScreen, HelpScreen

from .support import SMALL, type_text

#: a cell of an 80x24 screen that no dialog covers: its top left corner
OUTSIDE = (0, 0)


class Host(App[None]):
    """An empty app that opens one dialog and keeps its answers."""

    def __init__(self, dialog: ArgumentScreen | HelpScreen | ConfirmScreen):
        super().__init__()
        self.dialog = dialog
        self.answers: list[Entered | bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


async def test_a_tap_outside_a_counter_with_nothing_typed_closes_it_and_sends_nothing() -> None:
    app = Host(ArgumentScreen(ArgumentForm("Ukraine counters Russia's argument")))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.click(offset=OUTSIDE)
        await pilot.pause()
        assert not isinstance(app.screen, ArgumentScreen)
    assert app.answers == [None]


async def test_over_a_typed_argument_the_first_tap_outside_warns_and_the_second_closes() -> None:
    app = Host(ArgumentScreen(ArgumentForm("Russia argues on Track 2", ("progress +1", "tension \u22121"))))
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await type_text(pilot, "half typed")
        await pilot.click(offset=OUTSIDE)
        await pilot.pause()
        assert isinstance(app.screen, ArgumentScreen) and app.answers == []  # the typed text is not lost to one tap
        # what to do next, said to the hand that tapped too (found from outside: "press Escape again" to a mouse)
        warning = str(app.screen.query_one("#argue-unsaved", Static).content)
        assert "press Escape or click outside it again" in warning, warning
        await pilot.click(offset=OUTSIDE)
        await pilot.pause()
        assert not isinstance(app.screen, ArgumentScreen)
    assert app.answers == [None]


async def test_a_tap_outside_the_help_closes_it_and_one_outside_a_question_answers_no() -> None:
    for dialog, answer in ((HelpScreen(), None), (ConfirmScreen("Commit the move?"), False)):
        app = Host(dialog)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.click(offset=OUTSIDE)
            await pilot.pause()
            assert app.screen is not dialog
        assert app.answers == [answer]


async def test_a_tap_inside_a_dialog_is_no_escape() -> None:
    dialog = HelpScreen()
    app = Host(dialog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#help-text")
        await pilot.pause()
        assert app.screen is dialog and app.answers == []
