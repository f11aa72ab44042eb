"""What the room sees on one projected screen, at every size a workshop meets: nothing private
without the facilitator's say-so, nothing cut at 80x24, the space used at 120x40 and 200x50.

Each check reads the screen as drawn (every cell of the composited frame), not the text a
widget was given: a line a panel cuts off is a line the room never sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

import tabletop.tui.board as board_module
from tabletop.engine import Action, legal_actions
from tabletop.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.end import EndScreen
from tabletop.tui.facilitator import PRIVATE_WARNING
from tabletop.tui.modals import ConfirmScreen, HelpScreen
from tabletop.tui.start import StartScreen

from .support import SIZE, SMALL, board, press, start

WIDE = (200, 50)


@pytest.fixture(autouse=True)
def still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BoardScreen, "_tick", lambda self: None)


def frame(pilot: Pilot) -> str:
    """Every line of the screen as the terminal shows it now."""
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def flat(text: str) -> str:
    """The screen's words with borders and line breaks taken out, for phrases that wrap."""
    for ch in "\u2502\u2503\u254e\u2551\u2588\u258a\u258e":
        text = text.replace(ch, " ")
    return " ".join(text.split())


def wrapped_in(words: str, screen: str) -> bool:
    """``words`` appear on the screen, possibly wrapped over several lines of one column."""
    return " ".join(words.split()) in flat(screen) or all(w in screen for w in words.split())


def secrets_of(session: Session) -> list[str]:
    rs = session.scenario.ruleset
    return [o.text for a in rs.actors for o in a.objectives if o.secret]


def control_note(session: Session) -> str:
    card = session.scenario.index.cards[session.state.card or ""]
    assert card.control_note, "the test needs a card with a control note"
    return card.control_note


def first_words(text: str, n: int = 4) -> str:
    return " ".join(text.split()[:n])


# -- 13.2 private facilitator information ----------------------------------------------------


async def test_private_notes_stay_off_the_projector_until_the_facilitator_confirms(tmp_path: Path) -> None:
    session = start(tmp_path, 39)  # seed 39 opens with a card that carries a control note
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await press(pilot, "enter", "f")  # the card is drawn; the facilitator's panel opens
        note = control_note(session)
        secrets = secrets_of(session)
        shown = frame(pilot)
        assert "Hidden from the room" in flat(shown)
        assert first_words(note) not in flat(shown)
        for secret in secrets:
            assert first_words(secret) not in flat(shown), secret

        await press(pilot, "s")  # asks first, with the warning
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert wrapped_in(PRIVATE_WARNING, frame(pilot))
        await press(pilot, "escape")  # not now: still hidden
        assert first_words(note) not in flat(frame(pilot))

        await press(pilot, "s", "y")
        assert isinstance(pilot.app.screen, BoardScreen)
        shown = frame(pilot)
        assert first_words(note) in flat(shown)
        assert "PRIVATE" in shown
        panel = board(pilot).query_one("#facilitator")
        text = str(panel.query_one(Static).render())
        for secret in secrets:
            assert secret in " ".join(text.split()), secret

        await press(pilot, "down")  # the next key, whatever it is, takes them off the screen
        shown = frame(pilot)
        assert first_words(note) not in flat(shown)
        for secret in secrets:
            assert first_words(secret) not in flat(shown), secret
        assert "Hidden from the room" in flat(shown)


async def test_private_notes_leave_the_screen_with_the_round(tmp_path: Path) -> None:
    session = start(tmp_path, 39)
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await press(pilot, "enter", "s", "y")
        screen = board(pilot)
        assert screen.show_private == 1
        # the next round comes without a key press on the board (a bot, or the record)
        while session.state.round == 1:
            options = legal_actions(session.state)
            action = options[0]
            if action.kind == "rule":
                action = Action("rule", track=action.track, success=True, reason="fair")
            session.apply(action)
        screen.refresh_view()
        await pilot.pause()
        assert screen.show_private is None
        shown = flat(frame(pilot))
        for secret in secrets_of(session):
            assert first_words(secret) not in shown


async def test_s_hides_the_private_notes_without_asking_again(tmp_path: Path) -> None:
    session = start(tmp_path, 39)
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await press(pilot, "enter", "s", "y")
        await press(pilot, "s")
        assert isinstance(pilot.app.screen, BoardScreen)
        assert board(pilot).show_private is None
