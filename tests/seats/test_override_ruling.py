"""An override is the facilitator's ruling on the game: ``l`` and a narrow projector's verdict line take it as the
latest ruling, and an undo of it takes it out again.

Found from outside (helper-265, a hosted game in Ukrainian): after the override «Ескалація 5→6» (event 29), ``l`` on
all six screens put up «Рішення, подія 27» and the projector's verdict line said 27 too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
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


def _played(sealed: bool) -> Iterator[State]:
    """A parallel-tracks game (seed 5) of cooperative bots, the facilitator ruling every move a success: each state,
    for 300 actions at most."""
    state = new_game(with_sealed(load_scenario("parallel-tracks"), sealed), 5)
    bot = Bot("cooperative", random.Random(5))
    for _ in range(300):
        yield state
        options = legal_actions(state)
        rule = next((o for o in options if o.kind == "rule"), None)
        if rule is not None:
            state = apply(state, Action("rule", track=rule.track, success=True, reason="Mediation is on the table"))
        else:
            state = apply(state, bot.choose(state, options) if options[0].actor else options[0])


def _ruled() -> State:
    """A parallel-tracks game just after the facilitator's first ruling on a move."""
    for state in _played(False):
        if state.last is not None and state.last.action.kind == "rule":
            return state
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


def _noted_past_the_log(ruled: State, notes: int) -> State:
    """``ruled`` followed by ``notes`` of the facilitator's notes: none settles a ruling."""
    state = ruled
    for i in range(notes):
        state = apply(state, Action("note", text=f"note {i}"))
    return state


def test_l_and_the_verdict_line_find_a_ruling_older_than_the_log_a_seat_is_sent() -> None:
    """Found in review: a seat looked for the last ruling only in the 40 log lines it is sent; after a long moves
    phase (notes, bots) its ``l`` said "No ruling yet" and a narrow projector's verdict line showed the newest note,
    while the hot seat's ``l`` put the ruling up."""
    from tabletop.seats.views import LOG_LINES

    ruled = _ruled()
    state = _noted_past_the_log(ruled, LOG_LINES + 5)
    assert last_ruling(state) is ruled.last  # the hot seat's l
    with lang.using("en"):
        for seat in SEATS:
            view = seat_view(state, seat, TableFacts())
            assert ruled.seq not in {line["seq"] for line in view["board"]["log"]}
            line = seatwords.last_ruling(view)
            assert line is not None and line["seq"] == ruled.seq, (seat, line)
            head, _working = seatwords.ruling_parts(line)
            assert "Mediation is on the table" in "\n".join([head.plain, *_working]), (seat, head.plain, _working)
            assert seatwords.verdict_text(view).plain.strip().startswith(str(ruled.seq)), seat
        # an undo of it, far back too: the ruling before it, or none
        undone = apply(ruled, Action("undo", reason="too early"))
        view = seat_view(_noted_past_the_log(undone, LOG_LINES + 5), SEATS[0], TableFacts())
        line = seatwords.last_ruling(view)
        assert line is None or line["seq"] < ruled.seq, line


def test_the_last_ruling_is_found_walking_back_only_over_the_events_since_the_last_view(monkeypatch) -> None:  # noqa: ANN001
    """A long game: each new state's views walk back over its new events, not the whole log (counted, not timed).
    Counted: the events asked about that are older than the log lines sent (those are asked about for their own
    line's ruling part) and newer than the ruling."""
    from tabletop.seats import views
    from tabletop.seats.views import LOG_LINES

    ruled = _ruled()
    state = _noted_past_the_log(ruled, LOG_LINES + 20)
    asked: list[int] = []
    real = views.is_ruling

    def counting(state: State, event: object) -> bool:
        asked.append(event.seq)  # type: ignore[attr-defined]
        return real(state, event)

    def walked(now: State) -> list[int]:
        return [seq for seq in asked if ruled.seq < seq <= now.seq - LOG_LINES]

    monkeypatch.setattr(views, "is_ruling", counting)
    line = seatwords.last_ruling(seat_view(state, SEATS[0], TableFacts()))
    assert line is not None and line["seq"] == ruled.seq
    assert len(walked(state)) == 20, walked(state)  # once back to the ruling
    asked.clear()
    for seat in SEATS:  # every seat, in every language: the walk is done once for the state
        for code in ("en", "ru"):
            with lang.using(code):
                seat_view(state, seat, TableFacts())
    assert walked(state) == [], walked(state)
    noted = apply(state, Action("note", text="one more"))
    asked.clear()
    line = seatwords.last_ruling(seat_view(noted, SEATS[2], TableFacts()))
    assert line is not None and line["seq"] == ruled.seq
    assert walked(noted) == [], walked(noted)  # only the new event was walked over


def test_an_auto_move_enacted_after_a_ruling_is_not_the_latest_ruling() -> None:
    """Found from outside: after the facilitator ruled on the US's mediation, the bots' sealed stall was enacted at
    the reveal (``"resolution": "auto"``: nobody ruled on it) and ``l`` on every screen, and the projector's verdict
    line, put the stall up as «Ruling, event 24». An auto move is no ruling: l keeps the last one that was ruled."""
    ruled = None  # the newest event somebody ruled on: dice, a vote, the facilitator
    for state in _played(True):
        if ruled is not None and state.last is not None and state.last.action.kind == "enact":
            break
        made = state.last.result.get("ruling") if state.last is not None else None
        if isinstance(made, dict) and made.get("resolution") != "auto":
            ruled = state.last
    else:
        raise AssertionError("no auto move was enacted after a ruling")
    assert ruled is not None and state.last is not None and state.last.seq > ruled.seq
    assert last_ruling(state) is ruled  # the hot seat's l
    with lang.using("en"):
        for seat in SEATS:
            view = seat_view(state, seat, TableFacts())
            line = seatwords.last_ruling(view)
            assert line is not None and line["seq"] == ruled.seq, (seat, line)
            assert seatwords.verdict_text(view).plain.strip().startswith(str(ruled.seq)), seat
