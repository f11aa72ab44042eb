"""A seat's notice shown over its dialogs leaves their text in sight, and is seen itself.

Found from outside at 80x24: a second console joined as the facilitator and the first closed; "The screen that took
this seat was closed: this one acts for the seat again." was drawn over F1's help, which fills the window there, and
hid its lines. The code's screen and the help give the notices the rows they take under their box.
"""

from __future__ import annotations

from tabletop.tui.seat import CodeScreen, SeatApp, SeatScreen
from tests.tui.support import press
from tests.tui.test_notice_over_dialog import clear_of_notices

SMALL = (80, 24)


async def test_at_80x24_a_seat_s_notice_leaves_the_code_s_box_and_the_help_readable() -> None:
    app = SeatApp("127.0.0.1:9", None)  # no host: the notices are the host's words, said by hand
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CodeScreen)
        app.notify("The connection dropped: trying again.\nThe code is kept.", severity="warning", markup=False)
        await pilot.pause()
        await pilot.pause()
        clear_of_notices(app.screen, "CodeScreen > Vertical")
        app.clear_notifications()
        while not isinstance(app.screen, SeatScreen):
            app.pop_screen()
            await pilot.pause()
        await press(pilot, "f1")
        assert type(app.screen).__name__ == "HelpScreen"
        app.notify("The screen that took this seat was closed: this one acts for the seat again.", markup=False)
        await pilot.pause()
        await pilot.pause()
        clear_of_notices(app.screen, "#help")
        assert app.screen.query_one("#help-keys").region.height == 1
