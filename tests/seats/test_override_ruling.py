"""An override is the facilitator's ruling on the game: ``l`` and a narrow projector's verdict line take it as the
latest ruling, and an undo of it takes it out again.

Found from outside (helper-265, a hosted game in Ukrainian): after the override «Ескалація 5→6» (event 29), ``l`` on
all six screens put up «Рішення, подія 27» and the projector's verdict line said 27 too.
"""

from __future__ import annotations

import random
from pathlib import Path

from tabletop import lang
from tabletop.content.loader import load_scenario
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.play.session import with_sealed
from tabletop.seats.views import Seat, TableFacts, seat_view
from tabletop.sim.bots import Bot
from tabletop.tui import seatwords
from tabletop.tui.rulingview import last_ruling, ruling_text

REASON = "Shelling by the facilitator's script"
SEATS = (Seat("projector", "projector"), Seat("facilitator", "facilitator"), Seat("team:ua", "team", "ua"))


def _ruled() -> State:
    """A parallel-tracks game just after the facilitator's first ruling on a move."""
    state = new_game(with_sealed(load_scenario("parallel-tracks"), False), 5)
    bot = Bot("cooperative", random.Random(5))
    for _ in range(300):
        if state.last is not None and state.last.action.kind == "rule":
            return state
        options = legal_actions(state)
        rule = next((o for o in options if o.kind == "rule"), None)
        if rule is not None:
            state = apply(state, Action("rule", track=rule.track, success=True, reason="Mediation is on the table"))
        else:
            state = apply(state, bot.choose(state, options) if options[0].actor else options[0])
    raise AssertionError("the facilitator never ruled")


def test_l_takes_the_latest_override_as_the_latest_ruling_and_an_undo_takes_it_back(tmp_path: Path) -> None:
    ruled = _ruled()
    overridden = apply(ruled, Action("override", meter="escalation", value=6, reason=REASON))
    assert overridden.last is not None
    with lang.using("en"):
        assert last_ruling(overridden) is overridden.last  # the hot seat's l
        shown = ruling_text(overridden, overridden.last).plain
        assert REASON in shown and "Escalation" in shown and "6" in shown, shown
        for seat in SEATS:
            view = seat_view(overridden, seat, TableFacts())
            line = seatwords.last_ruling(view)
            assert line is not None and line["seq"] == overridden.seq, (seat, line)
            head, working = seatwords.ruling_parts(line)
            assert REASON in head.plain and "Escalation" in head.plain, head.plain
            assert seatwords.verdict_text(view).plain.strip().startswith(str(overridden.seq)), seat
        undone = apply(overridden, Action("undo", reason="too early"))
        assert last_ruling(undone) is ruled.last  # the one before it, again
        for seat in SEATS:
            view = seat_view(undone, seat, TableFacts())
            line = seatwords.last_ruling(view)
            assert line is not None and line["seq"] == ruled.seq, (seat, line)
            assert seatwords.verdict_text(view).plain.strip().startswith(str(ruled.seq)), seat
