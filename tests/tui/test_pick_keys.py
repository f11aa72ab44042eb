"""The digits that pick from the decision list: 1 to 9, then 0 for the tenth line; a longer list says how its last
lines are reached (the arrows and Enter)."""

from __future__ import annotations

from pathlib import Path

from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.decisionlist import DecisionList

from .support import SIZE, SMALL, board, press, start, to_turn_of, toasts


async def test_the_tenth_move_has_the_key_0_and_a_longer_list_says_how_to_reach_the_rest(tmp_path: Path) -> None:
    """Found from outside: Russia's tenth move on the Status of Ukraine ("Навести аргумент — капітал 2") had no number
    and no hint: only the arrows reached it, and nothing on screen said so."""
    session = start(tmp_path, seed=7)
    to_turn_of(session, "ru")
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = board(pilot)
        await press(pilot, str(1 + [t.id for t in session.state.ruleset.tracks].index("ukraine-status")))
        assert screen.stage == "ukraine-status"
        listing = screen.query_one("#decision", DecisionList)
        labels = [str(o.prompt) for o in listing.options]
        assert [label[:3] for label in labels[:10]] == [f"{k}. " for k in "1234567890"], labels
        assert labels[9].startswith("0. Навести аргумент"), labels[9]
        assert labels[10].startswith("   \u2190")  # back to the tracks (Escape too): past the keys, unnumbered
        # at 80x24 the list's foot first counts the lines under its rows; at its end, how the unnumbered are reached
        assert listing.border_subtitle.startswith("\u2193 нижче ще "), listing.border_subtitle
        await press(pilot, "end")
        await pilot.pause()
        assert listing.border_subtitle == "без номера: \u2191\u2193 Enter"  # and the list says how it is reached
        await press(pilot, "0")
        assert not isinstance(app.screen, BoardScreen)  # the argument's dialog: the tenth line was picked
    session.close()


async def test_a_list_longer_than_ten_says_its_last_lines_are_reached_by_the_arrows(tmp_path: Path) -> None:
    """The package deal's moves for Ukraine on its status (the trades across tracks added), with the back line, run
    past the ten keys: the border says how many are below the list's rows while any are, and at the list's end how
    its unnumbered lines are reached."""
    session = start(tmp_path, seed=7, scenario_id="parallel-tracks-linked")
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = board(pilot)
        await press(pilot, str(1 + [t.id for t in session.state.ruleset.tracks].index("ukraine-status")))
        listing = screen.query_one("#decision", DecisionList)
        labels = [str(o.prompt) for o in listing.options]
        assert len(labels) > 11 and labels[9].startswith("0. ") and labels[10].startswith("   "), labels
        assert listing.border_subtitle.startswith("\u2193 ") and "more below" in listing.border_subtitle
        await press(pilot, "down", "down")  # the arrows reach past the tenth
        await press(pilot, "end")
        assert listing.highlighted == len(labels) - 1
        assert listing.border_subtitle == "without a number: \u2191\u2193 Enter"
        await press(pilot, "escape")  # the tracks again: a short list, nothing under it
        assert len(listing.options) <= 10 and not listing.border_subtitle
    session.close()


async def test_a_digit_on_a_line_the_team_may_not_pick_points_enter_at_that_line(tmp_path: Path) -> None:
    """As found on a team's seat (Russia's "3. Goodwill signal", greyed): a digit on a line the team may not pick says
    why and moves the highlight to that line, so the Enter after it says why again and picks nothing (on the seat it
    picked line 1, a sealed move). A digit past the list's end changes nothing."""
    session = start(tmp_path, seed=7)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        screen = board(pilot)
        listing = screen.query_one("#decision", DecisionList)
        refused = next(i for i, e in enumerate(screen.entries) if e.problem and 0 < i < 9)
        why = str(screen.entries[refused].problem)
        seq = session.state.seq
        assert listing.highlighted != refused
        await press(pilot, str(refused + 1))
        assert listing.highlighted == refused and any(why in t for t in toasts(pilot)), toasts(pilot)
        screen.refusals.clear(screen)
        await press(pilot, "enter")
        assert any(why in t for t in toasts(pilot)), toasts(pilot)  # the line pointed at, explained again
        assert listing.highlighted == refused and screen.stage is None and session.state.seq == seq
        assert len(screen.entries) < 9
        await press(pilot, "9")  # past the list's end
        assert listing.highlighted == refused and screen.stage is None and session.state.seq == seq
    session.close()
