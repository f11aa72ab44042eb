"""A new vote opens with its first line highlighted: the last answer never carries over to the next question.

Found from outside (a hosted game in Ukrainian at 80x24): Ukraine pressed 2 (Reject) on one vote and the next vote,
on another proposal, came up with «▶2. Відхилити» highlighted; a team reading the long question and pressing Enter
would have rejected a proposal it never chose on. Here Russia tables the same proposal twice: the United States is
asked the same question twice in a row, on two proposals, on a seat and on the hot seat alike.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session, with_sealed
from tabletop.seats.table import Table, seats_for
from tabletop.tui.app import TabletopApp
from tabletop.tui.seat import SeatApp

from .screenkit import seq_of, until
from .support import Sleeps, hosting


def _two_votes(tmp_path: Path, name: str) -> Session:
    """The United States asked to vote on the first of two proposals Russia tabled alike on Strategic stability."""
    session = Session.start(with_sealed(load_scenario("parallel-tracks"), False), 5, tmp_path / name)
    made = 0
    while not (session.state.phase == "adjudication" and legal_actions(session.state)[0].kind == "vote"):
        state = session.state
        if state.phase == "moves" and state.turn == "ru" and made < 2:
            session.apply(Action("move", actor="ru", move="propose", track="strategic-stability"))
            made += 1
        elif state.phase == "moves" and state.turn is not None:
            session.apply(Action("pass", actor=state.turn))
        else:
            session.apply(legal_actions(state)[0])
    assert made == 2 and len(session.state.queue) == 2
    return session


async def test_the_next_vote_opens_on_its_first_line_on_a_seat_and_the_hot_seat(tmp_path: Path) -> None:
    session = _two_votes(tmp_path, "seat.jsonl")
    first = session.state.seq
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:us"], sleep=Sleeps(), lang="uk")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: seq_of(app) == first, "the first vote")
            listing = app.seat_screen.query_one("#entries", OptionList)
            await pilot.press("2")  # reject the first proposal
            await until(pilot, lambda: seq_of(app) > first and listing.option_count == 2, "the second vote")
            await pilot.pause()
            assert listing.highlighted == 0, listing.highlighted
    session.close()

    session = _two_votes(tmp_path, "hot.jsonl")
    first = session.state.seq
    app = TabletopApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#decision", OptionList)
        await pilot.press("2")
        for _ in range(20):
            if session.state.seq > first:
                break
            await pilot.pause()
        await pilot.pause()
        assert session.state.seq > first and legal_actions(session.state)[0].kind == "vote"
        assert listing.highlighted == 0, listing.highlighted
    session.close()
