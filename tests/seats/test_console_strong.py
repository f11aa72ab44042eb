"""The hosted facilitator console marks a matrix argument's strong reasons and counters (issue 18, with 17).

On the hot seat the facilitator picks "Mark the strong reasons and counters"
and ticks them in a dialog; the engine works the odds out from the marks.
The console had only "None is strong": the entry that needs the marks was not
sent to it. Now it is, with the items to mark, and the marks go back to the host.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.engine import legal_actions, waiting_for
from tabletop.play.session import Session
from tabletop.seats.table import Table, seats_for
from tabletop.store.reading import open_save
from tabletop.tui.seat import SeatApp
from tabletop.tui.weighing import StrongScreen

from tests.engine.argue_kit import argue_scenario, counter, to_counters
from tests.tui.support import press
from .screenkit import choose, entries, until
from .support import Sleeps, hosting


def _at_the_odds(tmp_path: Path) -> Table:
    """Arden has argued on Alpha with a reason and b has countered in words: the odds are the facilitator's."""
    session = Session.start(argue_scenario(odds="matrix"), 1, tmp_path / "strong.jsonl")
    for action in to_counters():
        session.apply(action)
    while waiting_for(session.state) == "counter":
        who = legal_actions(session.state)[0].actor
        session.apply(counter(who, "No way" if who == "b" else None))
    assert waiting_for(session.state) == "odds"
    return Table(session, seats_for(session, observers=0))


async def test_the_console_marks_the_strong_reasons_and_counters(tmp_path: Path) -> None:
    table = _at_the_odds(tmp_path)
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await until(pilot, lambda: any(e.get("needs") == "strong" for e in entries(app)), "the marks' entry")
            labels = [e["label"] for e in entries(app)]
            assert labels[0] == "Mark the strong reasons and counters", labels
            await choose(pilot, app, 0)
            await until(pilot, lambda: isinstance(app.screen, StrongScreen), "the marks' dialog")
            screen = app.screen
            assert [str(o.prompt) for o in screen.query_one("OptionList").options][:2] == [
                "[ ] reason: It costs nothing", "[ ] counter: No way"], "the reason and the counter, to mark"
            await press(pilot, "enter", "down", "enter")  # the reason is strong, and so is the counter
            await press(pilot, "down", "enter")  # set these odds
            await until(pilot, lambda: _odds(table) is not None, "the marks saved")
    odds = _odds(table)
    assert odds is not None and odds.strong == (0, 1)
    assert odds.outcome is None and odds.actor is None  # the facilitator's act, the host's dice untouched
    recorded = open_save(table.session.save_path).events
    assert [e.action.strong for e in recorded if e.action.kind == "odds"] == [(0, 1)]


def _odds(table: Table):  # noqa: ANN202 - an Action or None
    """The odds the console set, as the game recorded them."""
    state = table.session.state
    return next((e.action for e in state.recent(state.seq) if e.action.kind == "odds"), None)
