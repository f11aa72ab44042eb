"""A dialog's line of keys is clickable: a click (a tap) on a key's words presses that key.

Found from outside (a tester with a mouse only, at 80x24): a move's question ("Ukraine: Table a proposal on …?"), the
undo, the end and every other question had no button, and a click on its keys did nothing: only a click outside,
a no, answered it. The override, the note and the counter were as stuck; F1's help filled the screen at 80x24 and
had no outside to click. A click on "Enter or y: confirm" now is an Enter, through the same path as the key (the
question's hold holds it as it holds an Enter typed as the question came up), "Escape …: cancel" an Escape.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from tabletop.play.clock import PICK_HOLD
from tabletop.tui.argument import ArgumentForm, ArgumentScreen, Entered
from tabletop.tui.modals import ConfirmScreen, HelpScreen
from tabletop.tui.override import TrackOverrideScreen

from .support import SMALL, start, toasts, type_text
from .test_double_press import _at_the_moves


class Host(App[None]):
    """An empty app that opens one dialog and keeps its answers."""

    def __init__(self, dialog: ArgumentScreen | HelpScreen | TrackOverrideScreen):
        super().__init__()
        self.dialog = dialog
        self.answers: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.answers.append)


async def click_words(pilot: Pilot, selector: str, words: str) -> None:
    """A click in the middle of ``words`` on the line ``selector`` of the dialog on top."""
    line = pilot.app.screen.query_one(selector, Static)
    rows = str(line.content).splitlines()
    row = next(i for i, said in enumerate(rows) if words in said)
    await pilot.click(line, offset=(rows[row].index(words) + len(words) // 2, row))
    await pilot.pause()


async def test_a_click_on_a_questions_keys_answers_it_and_is_held_as_its_keys_are(tmp_path: Path) -> None:
    now, session, app = _at_the_moves(tmp_path)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a track: its moves
        now.advance(PICK_HOLD)
        await pilot.press("enter")  # a move's question
        await pilot.pause()
        before = len(session.state.log)
        assert isinstance(app.screen, ConfirmScreen)
        await click_words(pilot, "#confirm-keys", "Enter or y: confirm")  # as it came up: a double click's second
        assert isinstance(app.screen, ConfirmScreen) and len(session.state.log) == before
        assert any("the question has just come up" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)  # read
        await click_words(pilot, "#confirm-keys", "Escape or n: cancel")
        assert not isinstance(app.screen, ConfirmScreen) and len(session.state.log) == before
        now.advance(PICK_HOLD)
        await pilot.press("enter")  # asked again
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        now.advance(PICK_HOLD)
        await click_words(pilot, "#confirm-keys", "Enter or y: confirm")
        assert not isinstance(app.screen, ConfirmScreen)
        assert len(session.state.log) == before + 1 and session.state.log[-1].action.kind == "move"

async def test_a_click_on_enter_in_a_counters_keys_is_its_enter_refusal_and_all() -> None:
    app = Host(ArgumentScreen(ArgumentForm("Ukraine counters Russia's argument")))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await click_words(pilot, "#argue-keys", "Enter: done")  # nothing typed: what Enter says
        assert isinstance(app.screen, ArgumentScreen) and app.answers == []
        assert "Type the counter-argument." in str(app.screen.query_one("#argue-error", Static).content)
        await type_text(pilot, "they broke it first")
        await click_words(pilot, "#argue-keys", "Enter: done")
    assert app.answers == [Entered("they broke it first")]


async def test_a_click_on_an_overrides_keys_applies_or_says_why_not_and_cancels(tmp_path: Path) -> None:
    state = start(tmp_path).state
    app = Host(TrackOverrideScreen(state, next(iter(state.tracks))))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await click_words(pilot, "#override-keys", "Enter: apply")  # nothing changed: Enter's refusal
        assert isinstance(app.screen, TrackOverrideScreen) and app.answers == []
        assert "Nothing changes" in str(app.screen.query_one("#override-error", Static).content)
        await click_words(pilot, "#override-keys", "Escape: cancel")
        assert not isinstance(app.screen, TrackOverrideScreen)
    assert app.answers == [None]


async def test_at_80x24_the_help_closes_on_a_click_on_its_own_keys() -> None:
    """The help fills an 80x24 screen: there is no outside to click."""
    app = Host(HelpScreen())
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await click_words(pilot, "#help-keys", "Escape: close")
        assert not isinstance(app.screen, HelpScreen)
    assert app.answers == [None]
