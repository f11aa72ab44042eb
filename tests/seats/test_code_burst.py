"""A seat's code typed in a burst is what its keys mean in order (the reason dialog's fault, found from outside: keys
"1 1 1 ⌫ ⌫ t e" sent at once gave "111": Textual's Input types a letter at once but acts on Backspace only once the key
has come back up to the app, after the letters queued behind it). No host: the code is only typed, never sent."""

from __future__ import annotations

from textual import events
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


async def test_a_code_typed_whole_after_a_refusal_replaces_the_refused_one() -> None:
    """Found from outside (helper-375): after a wrong code was refused, someone who typed the whole code again got
    it after the refused one ("ABCDXabcde"), refused in turn. The refused code is selected, as a browser's login field
    selects it: the first character typed replaces it whole, a paste too; a cursor moved first, or a character
    deleted first (one typo put right), keeps it to be corrected."""
    app = SeatApp("127.0.0.1:9", None, sleep=Sleeps())
    async with app.run_test(size=(80, 24)) as pilot:

        async def refused(code: str) -> Input:
            app.pop_screen()  # the screen asked for no code; ask again as after a refused one, the code left in
            app.push_screen(CodeScreen(app.address, "no seat has this code", code))
            await until(pilot, lambda: code_asked(app, "no seat has this code")
                        and app.screen.query_one("#code-input", Input).value == code, "the code screen")
            return app.screen.query_one("#code-input", Input)

        field = await refused("ABCDX")
        assert field.selected_text == "ABCDX"  # shown selected: typing replaces it
        burst(app, *"k7mq-3xrt")
        await settled(pilot)
        assert field.value == "k7mq-3xrt"

        field = await refused("ABCDX")
        burst(app, "left", "E", "backspace", "Z", "end", "Y")  # the cursor moved first: an edit of the code
        await settled(pilot)
        assert field.value == "ABCDZXY"

        field = await refused("ABCDX")
        burst(app, "backspace", "E", "shift+home", "backspace", "Q")  # a deletion first; all selected by hand: cleared
        await settled(pilot)
        assert field.value == "Q"

        field = await refused("ABCDX")
        app.screen.post_message(events.Paste("k7mq-3xrt"))  # a paste replaces it too, as the keys typed would
        await settled(pilot)
        assert field.value == "k7mq-3xrt"
