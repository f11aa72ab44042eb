"""A digit pressed while a ruling's view covers the list it would pick from is not swallowed without a word.

Found from outside (five teams hosted, Russian): a ruling on Russia's own move came up on its seat; a key pressed in it
kept it up through the next event, and Russia's vote came under it. «▶1. Принять / 2. Отклонить» showed around the
view and every 1 pressed, 27 in 50 s, did nothing while the projector said "Waiting for Russia". The view says it is
up and how to close it; a digit is no sign that someone is reading the view, so it does not keep the view up either.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets._toast import Toast
from textual.widgets.option_list import Option

from tabletop.tui.decisionlist import DecisionList
from tabletop.tui.rulingview import RulingScreen


class _Vote(App[None]):
    """A screen with a list to pick from, as a team's vote is; the ruling's view put up over it as a seat does."""

    def compose(self) -> ComposeResult:
        yield DecisionList(Option("1. Accept"), Option("2. Reject"), id="entries")


async def test_a_digit_in_a_ruling_over_a_list_says_how_to_close_it_and_does_not_keep_it_up() -> None:
    app = _Vote()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        view = RulingScreen(65, Text("65 Russia: press hard on Borders — fails"), by_itself=True)
        await app.push_screen(view)
        await pilot.pause()
        await pilot.press("1", "1")
        await pilot.pause()
        said = [str(t.render()) for t in app.screen.query(Toast)]
        assert len(said) == 1 and "Escape" in said[0] and "Enter" in said[0], said  # one notice, however many presses
        assert view.stale(66, kept_if_read=True)  # the next event takes it down: nobody scrolled it
        await pilot.press("down")  # a key that reads it keeps it, as docs/seats.md says
        assert not view.stale(66, kept_if_read=True)
