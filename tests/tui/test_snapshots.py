"""What the room sees, as SVG snapshots (pytest-textual-snapshot).

Deterministic on purpose: fixed seeds, the save in the test's own folder under
a relative name (the header shows it), the phase timer frozen, the start
screen's random seed fixed, no blinking cursor. Regenerate with
``pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

import tabletop.tui.start as start_module
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session
from tabletop.store import savefile
from tabletop.tui.app import TabletopApp
from tabletop.tui import clock as room_clock
from tabletop.tui.board import BoardScreen

from .support import SIZE, SMALL, play_bots, scenario


@pytest.fixture(autouse=True)
def steady_screen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the header shows the save's path: keep it short and the same
    monkeypatch.setattr(BoardScreen, "_tick", lambda self: None)  # the phase timer stands still
    monkeypatch.setattr(room_clock, "wall_clock", lambda: 0.0)  # and reads the same however slow the run
    monkeypatch.setattr(start_module, "unchosen_seed", lambda: 123456)  # a game started with the seed left blank

    # the save's times are in its chain, and the end screen shows the chain head
    monkeypatch.setattr(savefile, "_now", lambda: "2026-01-01T00:00:00.000Z")


def game(seed: int) -> Session:
    return Session.start(scenario(), seed, Path("game.jsonl"))


def no_blink(pilot: Pilot) -> None:
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False


def to_moves(session: Session) -> None:
    """Draw, apply (or take the first answer), go to the moves phase: set-up, not under test."""
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])


def at_the_dice() -> Session:
    """Russia presses hard on strategic stability, everyone else passes: the dice are next."""
    session = game(7)
    to_moves(session)
    session.apply(Action("move", actor="ru", move="press", track="strategic-stability"))
    while session.state.turn is not None:
        session.apply(Action("pass", actor=session.state.turn))
    session.apply(Action("advance"))
    return session


def test_start_screen(snap_compare) -> None:
    assert snap_compare(TabletopApp(save_dir="saves"), terminal_size=SIZE, run_before=no_blink)


def test_board_at_the_start_of_a_game(snap_compare) -> None:
    assert snap_compare(TabletopApp(game(7)), terminal_size=SIZE)


def test_card_reveal_with_choices(snap_compare) -> None:
    """Seed 39 opens with a card the bridge state answers; Enter draws it."""
    assert snap_compare(TabletopApp(game(39)), press=["enter"], terminal_size=SIZE)


def test_dice_ruling_shows_its_working(snap_compare) -> None:
    """Russia presses hard on strategic stability; Enter rolls: dice, modifiers, total, target on screen."""
    session = at_the_dice()
    assert legal_actions(session.state)[0].kind == "roll"
    assert snap_compare(TabletopApp(session), press=["enter"], terminal_size=SIZE)


def test_facilitator_panel(snap_compare) -> None:
    """f opens the panel: public objectives; the control note and secret objectives stay hidden (s shows them)."""
    assert snap_compare(TabletopApp(game(39)), press=["enter", "f"], terminal_size=SIZE)


def test_end_screen(snap_compare) -> None:
    """Three rounds of bots, then the facilitator ends the game: the outcome per track and objectives."""
    session = game(5)
    play_bots(session, 3, 5)
    session.apply(Action("end", reason="out of time"))
    assert snap_compare(TabletopApp(session), terminal_size=SIZE)


def test_board_at_80x24(snap_compare) -> None:
    """The compact board: every track's status and tension still on screen."""
    session = game(7)
    to_moves(session)
    assert snap_compare(TabletopApp(session), terminal_size=SMALL)


# -- every screen at 80x24 (issue 13.8): nothing cut, scrolling where it must ------------------


def test_start_screen_at_80x24(snap_compare) -> None:
    assert snap_compare(TabletopApp(save_dir="saves"), terminal_size=SMALL, run_before=no_blink)


def test_card_with_choices_at_80x24(snap_compare) -> None:
    assert snap_compare(TabletopApp(game(39)), press=["enter"], terminal_size=SMALL)


def test_moves_list_at_80x24(snap_compare) -> None:
    session = game(7)
    to_moves(session)
    assert snap_compare(TabletopApp(session), press=["1"], terminal_size=SMALL)


def test_dice_ruling_at_80x24(snap_compare) -> None:
    session = at_the_dice()
    assert snap_compare(TabletopApp(session), press=["enter"], terminal_size=SMALL)


def test_help_at_80x24(snap_compare) -> None:
    assert snap_compare(TabletopApp(game(7)), press=["f1"], terminal_size=SMALL)


def test_end_screen_at_80x24(snap_compare) -> None:
    session = game(5)
    session.apply(Action("end", reason="out of time"))
    assert snap_compare(TabletopApp(session), terminal_size=SMALL)


def test_moves_list_at_200x50(snap_compare) -> None:
    """A wide screen: the decision column and the card take half the screen."""
    session = game(7)
    to_moves(session)
    assert snap_compare(TabletopApp(session), press=["1"], terminal_size=(200, 50))


# -- matrix arguments (issue 17) ---------------------------------------------------------------


def _arguing_scenario():  # noqa: ANN202 - a Scenario
    from tests.engine.support import catalogue_scenario

    from .test_argument_play import ARGUE

    return catalogue_scenario("strict", extra_moves=[ARGUE])


# built once, on import
ARGUING = _arguing_scenario()


def test_argument_entry_at_80x24(snap_compare) -> None:
    """The argument's entry over the board on the smallest screen: the limits, the results, text as typed."""
    session = Session.start(ARGUING, 1, Path("game.jsonl"))
    to_moves(session)

    async def type_an_argument(pilot: Pilot) -> None:
        await pilot.press("2", "9")  # Beta, then its ninth move: the argument
        await pilot.press(*"Talk [b]now[/]", "enter", "down", "enter", *"Calm")
        await pilot.pause()
        no_blink(pilot)

    assert snap_compare(TabletopApp(session), terminal_size=SMALL, run_before=type_an_argument)


# -- the board in Russian and Ukrainian (issue 19): longer words cut no effect and no key ----------


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
@pytest.mark.parametrize("code", ["ru", "uk"])
def test_board_in_another_language(snap_compare, code: str, size: tuple[int, int]) -> None:
    """The moves phase after the first card: tracks, tension, the card's effects, the footer's keys."""
    session = game(7)
    to_moves(session)
    assert snap_compare(TabletopApp(session, lang=code), terminal_size=size)
