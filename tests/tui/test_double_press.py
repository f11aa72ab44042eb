"""A nervous double press answers nothing it was not meant for (tabletop.play.clock.PickHold).

Found in tmux at 80x24: ``1 1`` on "Draw the event card" drew the card and then,
with the second press, answered it for the European team before anyone had
read it. The room's clock is the test's own: it moves only when the test says.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tabletop.content.vocabulary import signed
from tabletop.engine import Action, apply, legal_actions
from tabletop.play.clock import PICK_HOLD, PickHold
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import ConfirmScreen

from .support import SIZE, SMALL, board, burst, start, toasts
from .test_clock import FakeTime


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """``play_app`` runs as the process's own app: it freezes and pauses the collector until the board is up."""
    try:
        yield
    finally:
        gc.enable()
        gc.unfreeze()


def command_line_app(session: Session, now: FakeTime) -> TabletopApp:
    """The app as ``tabletop play`` builds it, on the test's clock."""
    from tabletop.cli.screens import play_app

    app = play_app(session)
    app.now = now
    return app


def kinds(session: Session) -> list[str]:
    return [e.action.kind for e in session.state.log]


async def test_a_double_press_draws_the_card_and_does_not_answer_it(tmp_path: Path, collector_restored: None) -> None:
    now = FakeTime()
    session = start(tmp_path)
    app = command_line_app(session, now)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")  # the two presses come in one go, as from a nervous hand
        await pilot.pause()
        assert kinds(session) == ["draw"], kinds(session)
        assert any("Not taken: the list has just changed" in t for t in toasts(pilot)), toasts(pilot)
        listed = [e.label.plain for e in board(pilot).entries]
        now.advance(PICK_HOLD)  # the room has read the card and its entries
        await pilot.press("1")
        await pilot.pause()
        assert len(kinds(session)) == 2 and kinds(session)[1] in ("apply_card", "choose"), (kinds(session), listed)


async def test_a_double_press_on_a_vote_does_not_vote_for_the_next_team(tmp_path: Path) -> None:
    now = FakeTime()
    session = start(tmp_path)
    # set-up: each team proposes on a track, or passes, until the first proposal is put to the vote
    while (options := legal_actions(session.state))[0].kind != "vote":
        session.apply(next((a for a in options if a.move == "propose"),
                           next((a for a in options if a.kind == "pass"), options[0])))
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(session.state.log)
        await pilot.press("1", "1")
        await pilot.pause()
        assert [e.action.kind for e in session.state.log[before:]] == ["vote"]
        voter = session.state.log[-1].action.actor
        now.advance(PICK_HOLD)
        await pilot.press("1")
        await pilot.pause()
        assert len(session.state.log) == before + 2
        assert session.state.log[-1].action.actor != voter  # the next team's own vote, once read


async def test_moving_between_a_teams_lists_is_held_as_a_new_list(tmp_path: Path) -> None:
    """Picking a track puts its moves under the hand: the press after it, a moment later, picks none of them (it
    was taken before, the move's question the only stop: found from outside, helper-110). Escape back to the
    tracks holds the same way."""
    now, session, app = _at_the_moves(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")
        await pilot.pause()
        assert board(pilot).stage is not None and not isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape", "1")
        await pilot.pause()
        assert board(pilot).stage is None  # back at the tracks, the press held
        now.advance(PICK_HOLD)
        await pilot.press("1")
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # read, then picked: the move asks first


async def test_a_double_enter_opens_the_moves_confirmation_and_does_not_give_it(tmp_path: Path) -> None:
    """The question "Russia: Table a proposal on …?" is there to be read: the Enter that opened it does not answer it."""
    now = FakeTime()
    session = start(tmp_path)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    before = len(session.state.log)
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a track: its moves
        await pilot.pause()
        now.advance(PICK_HOLD)  # read
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert len(session.state.log) == before
        now.advance(PICK_HOLD)
        await pilot.press("enter")
        await pilot.pause()
        assert len(session.state.log) == before + 1 and session.state.log[-1].action.kind == "move"


async def test_without_a_hold_every_pick_is_taken(tmp_path: Path) -> None:
    session = start(tmp_path)
    async with TabletopApp(session, now=FakeTime()).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1")
        await pilot.pause()
        assert len(kinds(session)) == 2


def test_the_hold_starts_only_when_the_game_puts_up_a_new_list() -> None:
    now = FakeTime()
    hold = PickHold(now, 0.5)
    hold.shown(0, "draw")
    assert hold.takes()  # the first list on screen
    hold.shown(0, "moves on borders")  # a team opens a track's moves: the game did not move
    assert hold.takes()
    hold.shown(1, "moves on borders")  # a note was added: the same list
    assert hold.takes()
    hold.shown(2, "vote")
    assert not hold.takes()
    now.advance(0.49)
    assert not hold.takes()
    now.advance(0.01)
    assert hold.takes()
    off = PickHold(now, 0.0)
    off.shown(0, "draw")
    off.shown(1, "card")
    assert off.takes()


async def test_a_key_pressed_again_and_again_on_a_new_list_shows_one_notice(tmp_path: Path,
                                                                            collector_restored: None) -> None:
    """Found in tmux at 80x24: ``1 1 1 1`` on a new list stacked a "Not taken" notice for each press after
    the first, three of them over the very list the room was asked to read."""
    now = FakeTime()
    session = start(tmp_path)
    app = command_line_app(session, now)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "1", "1")
        await pilot.pause()
        assert kinds(session) == ["draw"], kinds(session)
        held = [t for t in toasts(pilot) if "Not taken: the list has just changed" in t]
        assert len(held) == 1, toasts(pilot)


async def test_a_sealed_round_s_gate_is_held_longer_than_a_list(tmp_path: Path) -> None:
    """Found from outside: "1 1" with 0.8 s between, at a roll or a hand-over, passed the gate the first press put
    up ("Ready \u2014 Ukraine is at the keyboard"), and Ukraine's list came up with no one told to look away. A
    gate is held three times as long as a list; a list the team then picks from, as ever."""
    from tabletop.engine import Action
    from tabletop.play.clock import GATE_TIMES

    now = FakeTime()
    session = start(tmp_path, sealed=True)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    while session.state.turn == "ru":  # Russia's sitting, done before the screen comes up
        session.apply(Action("pass", actor="ru"))
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        gate = [e.label.plain for e in board(pilot).entries]
        assert len(gate) == 1 and gate[0].startswith("Ready"), gate
        for wait in (0, 1.6 * PICK_HOLD):  # at once, and 0.8 s on (a list would take it by then)
            now.advance(wait)
            await pilot.press("1")
            await pilot.pause()
            assert [e.label.plain for e in board(pilot).entries] == gate
        now.advance(GATE_TIMES * PICK_HOLD)
        await pilot.press("1")  # the team has come to the keyboard: its list
        await pilot.pause()
        assert [e.label.plain for e in board(pilot).entries] != gate
        assert len(board(pilot).entries) > 1


def test_a_gate_is_held_even_when_the_game_did_not_move() -> None:
    """A hand-over ("Done") puts up the next team's gate without an action: held all the same."""
    from tabletop.play.clock import GATE_TIMES

    now = FakeTime()
    hold = PickHold(now, PICK_HOLD)
    hold.shown(5, "Done \u2014 hand over")
    now.advance(10)
    assert hold.takes()
    hold.shown(5, "Ready \u2014 Ukraine", gate=True)  # the same game: no action between
    assert not hold.takes()
    now.advance(PICK_HOLD * (GATE_TIMES - 0.5))
    assert not hold.takes()
    now.advance(PICK_HOLD)
    assert hold.takes()


async def test_an_enter_pressed_twice_to_close_a_dialog_does_not_pick_from_the_list_under_it(tmp_path: Path) -> None:
    """Found from outside (helper-101): a note typed, then Enter Enter: the first saved the note, the second went
    to the board's list, whose first entry moved the game on to the moves phase ("46 Round 2: moves phase"). The
    list had not changed, so nothing held it: closing a dialog now holds the list under it as a new list is."""
    now = FakeTime()
    session = start(tmp_path)
    session.apply(legal_actions(session.state)[0])  # the card drawn: a list whose first entry moves the game on
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("n")
        await pilot.pause()
        now.advance(PICK_HOLD)  # the note's dialog read: what is typed now is taken
        await pilot.press(*"a note", "enter", "enter")
        await pilot.pause()
        assert kinds(session) == ["draw", "note"], kinds(session)
        assert any("Not taken: a dialog has just closed" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)
        await pilot.press("enter")
        await pilot.pause()
        assert kinds(session)[:2] == ["draw", "note"] and len(kinds(session)) == 3, kinds(session)


def test_a_dialog_closing_does_not_shorten_a_gate_s_longer_hold() -> None:
    now = FakeTime()
    hold = PickHold(now, 0.5)
    hold.shown(1, "the gate", gate=True)
    now.advance(0.2)
    hold.again()  # a dialog closed over the gate: still held as long as the gate is
    now.advance(0.6)
    assert not hold.takes()
    now.advance(0.8)
    assert hold.takes()
    hold.again()
    assert not hold.takes()
    now.advance(0.5)
    assert hold.takes()


def _at_the_moves(tmp_path: Path) -> tuple[FakeTime, Session, TabletopApp]:
    """A game past its first card, on its moves phase, and its board held as the command line's (a clock of the test's)."""
    now = FakeTime()
    session = start(tmp_path)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    return now, session, TabletopApp(session, now=now, pick_hold=PICK_HOLD)


async def test_a_y_as_the_moves_question_comes_up_is_held_on_the_hot_seat_too(tmp_path: Path) -> None:
    """The seat's finding (helper-283: keys typed into a frozen screen, a move's key then y, sealed a move nobody
    saw asked) on the hot seat: its question holds a y as it holds an Enter, and says so; later, y answers."""
    now, session, app = _at_the_moves(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a track: its moves
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("enter", "y")  # a move's question, and a y at once
        await pilot.pause()
        before = len(session.state.log)
        assert isinstance(app.screen, ConfirmScreen)
        assert any("the question has just come up" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)
        await pilot.press("y")
        await pilot.pause()
        assert len(session.state.log) == before + 1


async def test_a_moves_question_answered_after_the_game_moved_on_does_nothing(tmp_path: Path) -> None:
    """Found from outside (helper-101): "3 3" then Enter Enter on a team's moves read "Not allowed — It is
    Mediating states' turn, not European NATO members / EU's": a question's yes acted for a turn that had passed.
    A yes given after the game moved on under the question is not taken, and the notice says so quietly."""
    now, session, app = _at_the_moves(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("1")  # a track: its moves
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("enter")  # a move's question
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        first = session.state.last.action.actor if session.state.last else None
        mover = legal_actions(session.state)[0].actor
        session.apply(next(a for a in legal_actions(session.state) if a.kind == "pass"))  # the turn passes meanwhile
        before = len(session.state.log)
        now.advance(PICK_HOLD)
        await pilot.press("y")
        await pilot.pause()
        assert len(session.state.log) == before, (first, mover, kinds(session)[-3:])
        said = toasts(pilot)
        assert any("the game moved on while the question was open" in t for t in said), said
        assert not any("Not allowed" in t for t in said), said


async def _asked_to_press_hard(tmp_path: Path) -> tuple[Any, Action, Any, str]:
    """Round 1's first team asked, on the hot seat, whether to press hard (a dice move): the board it is asked on,
    the move, the team's seat's entry for it (its question as a seat reads it) and the question's words on screen."""
    from tabletop.seats.views import _move_entries
    from tabletop.tui.board import BoardScreen

    session = start(tmp_path)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    state = session.state
    press_hard = next(a for a in legal_actions(state) if a.kind == "move" and a.move == "press")
    entry = next(e for e in _move_entries(state, press_hard.actor or "") if e.action == press_hard)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        screen._confirm_move(press_hard)()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
    return state, press_hard, entry, shown


async def test_a_dice_moves_question_lists_its_modifiers(tmp_path: Path) -> None:
    """Found from outside (helper-101): "Press hard on Borders?" said only "2d6 ≥ 9"; the modifiers (+1 if Mutual
    trust >= 5, −1 if tension >= 3, …) came first at the roll, after the move was made. The question, on the hot
    seat and on a team's seat, lists them."""
    _state, _move, entry, shown = await _asked_to_press_hard(tmp_path)
    assert "modifiers of the roll: \u2716 +1 if Mutual trust ≥ 5 (not met now)" in (entry.confirm or ""), entry.confirm
    assert "2d6 \u2265 9" in shown and "modifiers of the roll: \u2716 +1 if Mutual trust ≥ 5" in shown, shown
    assert "\u22121 if tension ≥ 3" in shown, shown  # the minus the roll's working writes


async def test_a_dice_moves_question_marks_the_modifiers_that_apply_now(tmp_path: Path) -> None:
    """Found from outside: the question listed every modifier alike, and the room could not tell which counted.
    Each is marked as a roll on this board would count it (the engine's ``roll_modifiers``: ✔, or ✖ … (not met
    now)), and their sum and the dice it leaves to throw are said, on the hot seat and on a team's seat."""
    from tabletop.engine.adjudication import roll_modifiers

    state, press_hard, entry, shown = await _asked_to_press_hard(tmp_path)
    move = state.scenario.index.moves["press"]
    counted = roll_modifiers(state, move, press_hard.track, press_hard.actor)
    assert {m.applies for m in counted} == {True, False}, counted  # both kinds to mark
    added = sum(m.add for m in counted if m.applies)
    marks = ["\u2714" if m.applies else "\u2716" for m in counted]
    for said in (entry.confirm or "", shown):
        listed = said[said.index("modifiers of the roll: "):].split("\n")[0]
        found = [part.split()[0] for part in listed.removeprefix("modifiers of the roll: ").split("; ")]
        assert found == marks, said
        assert listed.count("(not met now)") == marks.count("\u2716"), said
        assert f"applying now: {signed(added)}, so {move.target - added}+ on two dice" in said, said


def _at_a_teams_tracks(tmp_path: Path) -> tuple[TabletopApp, FakeTime]:
    """A board, on the room's clock, at the moves phase: a human team to choose a track (the board lists tracks,
    then a track's moves)."""
    now = FakeTime()
    session = start(tmp_path)
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
    return TabletopApp(session, now=now, pick_hold=PICK_HOLD), now


async def test_a_double_press_on_the_track_list_does_not_pick_a_move(tmp_path: Path) -> None:
    """Found from outside (helper-110): ``1 1`` at a team's list of tracks chose the track, and the second press
    chose the first move of its list at once ("Россия: Внести предложение — трек «Стратегическая стабильность»?");
    ``2 2`` answered "Not allowed". The track's list of moves is a new list under the hand: held as one."""
    app, now = _at_a_teams_tracks(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)  # the team has read its list of tracks
        assert board(pilot).stage is None
        await pilot.press("1", "1")
        await pilot.pause()
        assert board(pilot).stage is not None  # the track was chosen
        assert not isinstance(app.screen, ConfirmScreen), "the second press picked a move"
        assert any("Not taken: the list has just changed" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # read, then picked: the move's question


async def test_a_digit_and_an_enter_at_once_open_one_question(tmp_path: Path) -> None:
    """Found from outside (helper-110): ``1 Enter`` sent in one go on a team's list of moves put up two identical
    questions, one over the other: Escape closed one and the same question was still there, and a yes to one left
    the other asking for a team whose turn had passed."""
    from .test_dialogs import enter_twice

    app, now = _at_a_teams_tracks(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("1")
        await pilot.pause()
        now.advance(PICK_HOLD)  # the track's moves have been read
        entries = board(pilot).entries
        first = next(i for i, e in enumerate(entries) if not e.problem and "Pass" not in e.label.plain)
        app.query_one("#decision").highlighted = first
        await enter_twice(pilot)  # the pick and a nervous second press before its question is up
        questions = [s for s in app.screen_stack if isinstance(s, ConfirmScreen)]
        assert len(questions) == 1, app.screen_stack
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is board(pilot)


async def test_a_double_enter_at_a_sealed_gate_does_not_pick_from_the_team_s_list(tmp_path: Path) -> None:
    """Found from outside (helper-112): at "Ready — Ukraine is at the keyboard", read for two seconds, Enter pressed
    twice: the second Enter picked from the team's list of tracks that the first had put up ("Not allowed / Ukraine
    is not at the table of …"); "1 2" dropped the second digit with no word. The team's list is held as a new list."""
    from tabletop.engine import Action

    now = FakeTime()
    session = start(tmp_path, sealed=True)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    while session.state.turn == "ru":
        session.apply(Action("pass", actor="ru"))
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        from tabletop.play.clock import GATE_TIMES

        now.advance(GATE_TIMES * PICK_HOLD)  # the gate has been read
        gate = [e.label.plain for e in board(pilot).entries]
        assert gate[0].startswith("Ready"), gate
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert board(pilot).stage is None and [e.label.plain for e in board(pilot).entries] != gate
        assert any("Not taken: the list has just changed" in t for t in toasts(pilot)), toasts(pilot)
        assert not any("Not allowed" in t for t in toasts(pilot)), toasts(pilot)


async def test_an_escape_pressed_once_more_after_a_dialog_closed_does_not_leave_the_track(tmp_path: Path) -> None:
    """Found from outside: in a team's moves of a track, "0" (Make an argument), text typed, Escape (the warning),
    Escape (the dialog closed), and a third, nervous Escape 0.2 s later took the board back from the track's moves to
    its tracks. The key meant for the dialog is held as a pick is, after the dialog closed; read, it goes back."""
    from tabletop.tui.argument import ArgumentScreen

    from .support import entry_index

    now, session, app = _at_the_moves(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press(str(entry_index(board(pilot), "Status of Ukraine") + 1))  # a track that takes arguments
        await pilot.pause()
        stage = board(pilot).stage
        assert stage == "ukraine-status"
        now.advance(PICK_HOLD)
        index = entry_index(board(pilot), "Make an argument")
        await pilot.press(str(index + 1 if index < 9 else 0))
        await pilot.pause()
        assert isinstance(app.screen, ArgumentScreen)
        now.advance(PICK_HOLD)
        await pilot.press(*"talk", "escape")  # the warning that the text is not saved
        await pilot.pause()
        now.advance(PICK_HOLD)
        await pilot.press("escape")  # the dialog closes
        await pilot.pause()
        assert board(pilot).stage == stage
        now.advance(0.2)
        await pilot.press("escape")  # one more, from the same nervous hand
        await pilot.pause()
        assert board(pilot).stage == stage, "the Escape meant for the dialog went back to the tracks"
        assert any("Not taken: a dialog has just closed" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)
        await pilot.press("escape")  # read: Escape goes back
        await pilot.pause()
        assert board(pilot).stage is None


@pytest.mark.parametrize("key", ["k", "r"])
async def test_a_skip_or_a_redraw_is_asked_and_an_enter_at_once_does_not_answer_it(tmp_path: Path, key: str) -> None:
    """Found in review: ``k`` (or ``r``) and a nervous Enter at once set the card on the table aside, unread; the
    question holds that Enter as every other question a key opens."""
    now = FakeTime()
    session = start(tmp_path)
    session.apply(legal_actions(session.state)[0])  # the card drawn
    card = session.state.card
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        now.advance(PICK_HOLD)
        burst(app, key, "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and session.state.card == card
        now.advance(PICK_HOLD)
        await pilot.press("enter")
        await pilot.pause()
        assert session.state.log[-1].action.kind == {"k": "skip", "r": "redraw"}[key]


#: a dice move whose own cost takes its actor below one of its modifiers (capital 3, it pays 1, the modifier needs 3)
STAKE = {"id": "stake", "name": "Stake", "cost": {"capital": 1}, "resolution": "dice", "target": 8,
         "modifiers": [{"meter": "trust", "at_least": 4, "add": 1}, {"resource": "capital", "at_least": 3, "add": 1}],
         "effects": [{"progress": 1}], "fail_effects": [{"tension": 1}]}


async def test_a_dice_moves_question_counts_the_cost_the_move_itself_pays(tmp_path: Path) -> None:
    """Found from outside (helper-319, F1): "Press hard" with 3 capital, "+1 if capital ≥ 2", cost 1 capital: the
    question said "applying now: +3, so 5+", the move paid its capital, and the roll read 2 capital: 6+. The question
    marks the modifiers as the roll will read them as far as the move goes, its own cost paid, on the hot seat and on
    a team's seat; the roll itself is unchanged."""
    from tabletop.seats.views import _move_entries
    from tabletop.tui.board import BoardScreen
    from tests.engine.support import catalogue_scenario, opening

    session = Session.start(catalogue_scenario("strict", extra_moves=[STAKE]), 1, tmp_path / "game.jsonl")
    for action in opening():
        session.apply(action)
    stake = Action("move", actor="a", move="stake", track="alpha")
    entry = next(e for e in _move_entries(session.state, "a") if e.action == stake)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BoardScreen)
        screen._confirm_move(stake)()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        shown = " ".join(str(s.render()) for s in app.screen.query("Static"))
    state = apply(session.state, stake)  # the app has closed the save: on, in the engine
    while not any(a.kind == "roll" for a in legal_actions(state)):
        state = apply(state, next(a for a in legal_actions(state) if a.kind in ("pass", "advance")))
    state = apply(state, next(a for a in legal_actions(state) if a.kind == "roll"))
    assert state.last is not None
    ruling = state.last.result["ruling"]
    assert [m["applies"] for m in ruling["modifiers"]] == [True, False], ruling  # the roll read 2 capital
    for said in (entry.confirm or "", shown):
        assert "\u2714 +1 if Trust ≥ 4; \u2716 +1 if capital ≥ 3 (not met now)" in said, said
        assert "applying now: +1, so 7+ on two dice" in said, said


async def test_plus_pressed_twice_at_once_or_its_button_double_clicked_gives_one_minute(tmp_path: Path) -> None:
    """A nervous + + (or a double click on "+1 min" in the key bar) gave the phase two minutes: the second press within
    the hold of the first is not taken, and the room is told so; a press after the hold gives another minute."""
    from tabletop.tui.bars import KeyBar

    now = FakeTime()
    session = start(tmp_path)
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        clock = board(pilot).timekeeper.clock
        left = clock.remaining() or 0.0
        burst(app, "plus", "plus")  # both queued before the first is handled, as from a nervous hand
        await pilot.pause()
        assert clock.remaining() == left + 60, (left, clock.remaining())
        assert any("Not taken: pressed twice at once" in t for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)  # the facilitator means it: + again, after the hold
        await pilot.press("plus")
        await pilot.pause()
        assert clock.remaining() == left + 120 - PICK_HOLD  # (the timer ran on for the hold)
        now.advance(PICK_HOLD)
        bar = board(pilot).query_one(KeyBar)
        y, x = next((row, start) for row, start, _end, item in bar._spans if item.key.startswith("plus"))
        await pilot.click(bar, offset=(x + 1, y), times=2)  # a double click on the key bar's "+1 min"
        await pilot.pause()
        assert clock.remaining() == left + 180 - 2 * PICK_HOLD, (left, clock.remaining())


async def test_p_pressed_twice_at_once_or_its_button_double_clicked_stays_paused(tmp_path: Path) -> None:
    """A nervous p p paused the clock and resumed it at once, the room believing the game paused: the second press
    within the hold of the first is not taken, and the room is told so; a press after the hold resumes."""
    from tabletop.tui.bars import KeyBar

    now = FakeTime()
    session = start(tmp_path)
    app = TabletopApp(session, now=now, pick_hold=PICK_HOLD)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        screen = board(pilot)
        clock = screen.timekeeper.clock
        burst(app, "p", "p")  # both queued before the first is handled, as from a nervous hand
        await pilot.pause()
        assert screen.paused and clock.paused, (screen.paused, clock.paused)
        assert any("Not taken: pressed twice at once; the game stays paused. Press p again to resume." in t
                   for t in toasts(pilot)), toasts(pilot)
        now.advance(PICK_HOLD)  # the facilitator means it: p again, after the hold
        await pilot.press("p")
        await pilot.pause()
        assert not screen.paused and not clock.paused
        now.advance(PICK_HOLD)
        bar = screen.query_one(KeyBar)
        y, x = next((row, start) for row, start, _end, item in bar._spans if item.key == "p")
        await pilot.click(bar, offset=(x + 1, y), times=2)  # a double click on the key bar's "Pause"
        await pilot.pause()
        assert screen.paused and clock.paused, (screen.paused, clock.paused)
