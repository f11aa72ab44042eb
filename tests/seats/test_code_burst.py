"""A seat's code typed in a burst is what its keys mean in order (the reason dialog's fault, found from outside: keys
"1 1 1 ⌫ ⌫ t e" sent at once gave "111": Textual's Input types a letter at once but acts on Backspace only once the key
has come back up to the app, after the letters queued behind it). No host: the code is only typed, never sent."""

from __future__ import annotations

from textual.widgets import Input

from tabletop.tui.seat import CodeScreen, SeatApp

from tests.tui.support import burst, settled
from .screenkit import code_asked, until
from .support import Sleeps


async def test_a_burst_of_letters_and_backspaces_types_what_the_keys_mean() -> None:
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps())
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: code_asked(app), "the code screen")
        burst(app, "1", "1", "1", "backspace", "backspace", "t", "e")
        await settled(pilot)
        assert app.screen.query_one("#code-input", Input).value == "1te"


async def test_a_burst_of_backspaces_puts_right_a_refused_code() -> None:
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps())
    async with app.run_test(size=(80, 24)) as pilot:
        app.pop_screen()  # the screen asked for no code; ask again as after a refused one, with the typo left in
        app.push_screen(CodeScreen(app.address, "no seat has this code", "ABCDX"))
        await until(pilot, lambda: code_asked(app, "no seat has this code"), "the code screen")
        burst(app, "backspace", "E", "backspace", "backspace", "D", "E")
        await settled(pilot)
        assert app.screen.query_one("#code-input", Input).value == "ABCDE"


async def test_the_code_screen_is_waited_for_until_its_field_takes_keys() -> None:
    """Found under load: the tests waited for the code screen to be on the stack and typed at once; it is mounted a
    moment later, and keys typed before its field has the keyboard are lost (an Enter among them: the wrong code was
    never sent, never said). The wait ends once the field takes keys, and a code typed then is all there."""
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps())
    async with app.run_test(size=(80, 24)) as pilot:
        app.pop_screen()
        app.push_screen(CodeScreen(app.address, "no seat has this code", "ABCDX"))
        await until(pilot, lambda: code_asked(app, "no seat has this code"), "the code screen")
        field = app.screen.query_one("#code-input", Input)
        assert app.focused is field
        burst(app, "backspace", "E")
        await settled(pilot)
        assert field.value == "ABCDE"
