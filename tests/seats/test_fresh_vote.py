"""A new vote opens with its first line highlighted, and with the keyboard: the last answer never carries over to
the next question, and keys never go to a pane nobody can tell has them.

Found from outside (a hosted game in Ukrainian at 80x24): Ukraine pressed 2 (Reject) on one vote and the next vote,
on another proposal, came up with «▶2. Відхилити» highlighted; a team reading the long question and pressing Enter
would have rejected a proposal it never chose on. Here Russia tables the same proposal twice: the United States is
asked the same question twice in a row, on two proposals, on a seat and on the hot seat alike. And (found from outside too) after one Tab to read the log, a new list came up
whose digits drove it while End and Enter went to the log, with nothing at 80x24 showing where the keyboard was.
"""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget
from textual.widgets import OptionList

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session, with_sealed
from tabletop.seats.table import Table, seats_for
from tabletop.tui.app import TabletopApp
from tabletop.tui.seat import SeatApp

from .screenkit import screen_lines, seq_of, until
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


def _edge(app: SeatApp, widget: Widget) -> str:
    """The cells of the screen's column at ``widget``'s left edge, down its rows, as drawn."""
    region = widget.region
    return "".join(row[region.x - 1:region.x + 1] for row in screen_lines(app)[region.y:region.bottom])


async def test_the_next_vote_opens_on_its_first_line_on_a_seat_and_the_hot_seat(tmp_path: Path) -> None:
    session = _two_votes(tmp_path, "seat.jsonl")
    first = session.state.seq
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:us"], sleep=Sleeps(), lang="uk")
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: seq_of(app) == first, "the first vote")
            listing = app.seat_screen.query_one("#entries", OptionList)
            # one Tab to read the log: the pane with the keyboard is marked by the shape of its edge, not a colour
            assert app.focused is listing and "\u2551" in _edge(app, listing), _edge(app, listing)  # ║
            await pilot.press("tab")
            await pilot.pause()
            log = app.focused
            assert log is not None and log is not listing and "\u2503" in _edge(app, log), _edge(app, log)  # ┃
            assert "\u2551" not in _edge(app, listing), _edge(app, listing)
            await pilot.press("2")  # reject the first proposal (a digit drives the list wherever the keyboard is)
            await until(pilot, lambda: seq_of(app) > first and listing.option_count == 2, "the second vote")
            await pilot.pause()
            assert listing.highlighted == 0, listing.highlighted
            # the new decision has the keyboard back: End goes to its last line, as its prompt says
            assert app.focused is listing, app.focused
            await pilot.press("end")
            assert listing.highlighted == 1, listing.highlighted
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
