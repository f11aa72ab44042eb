"""A team asked to vote reads the whole question on a small screen: what the proposal does, on success and on failure,
and the track a link ties in.

Found from outside (a hosted game in Ukrainian, terminal seats): Russia's screen at 80x24 showed a link vote's question
cut at "…просування +1, напруженість +1; на пов'язаному", which track was tied in below the prompt's fold; at 60x20 a
defer vote's question stopped at "…пропонують «Відкласти питання» на", before the track and what the vote would do.
A delegation must never vote blind. Checked as a person sees it, against a real host, with the screen's right column
as drawn (nothing scrolled by hand).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session, with_sealed
from tabletop.seats.table import Table, seats_for
from tabletop.tui.seat import SeatApp

from .screenkit import laid_out, screen_lines, until
from .support import Sleeps, hosting

#: a team's screen in an 80x24 terminal, and a small one
SIZES = [(80, 24), (60, 20)]
#: the move each vote is on, by ruleset: (actor, move, track, the track it links), and what the facilitator does first
VOTES = {
    "defer": ("parallel-tracks", ("eu", "defer", "borders", None), Action("override", track="borders", position=1,
                                                                          reason="the norm reaffirmed")),
    "link": ("parallel-tracks-linked", ("us", "link", "strategic-stability", "ukraine-status"), None),
}


def _voting(tmp_path: Path, vote: str) -> Session:
    """A game where Russia is asked to vote on the ``vote`` move (the others pass)."""
    ruleset, (mover, move, track, link), first = VOTES[vote]
    session = Session.start(with_sealed(load_scenario(ruleset), False), 5, tmp_path / f"{vote}.jsonl")
    if first is not None:
        session.apply(first)
    moved = False
    for _ in range(100):  # a round's events, many times over
        state = session.state
        options = legal_actions(state)
        if state.phase == "adjudication" and options and options[0].kind == "vote" and options[0].actor == "ru":
            return session
        if state.phase == "moves" and state.turn is not None:
            if state.turn == mover and not moved:
                moved = True
                session.apply(Action("move", actor=mover, move=move, track=track, link=link))
            else:
                session.apply(Action("pass", actor=state.turn))
        else:
            session.apply(options[0])
    raise AssertionError(f"Russia was never asked to vote on the {vote}")


def _right_column(app: SeatApp) -> str:
    """The words of the screen's right column as drawn, wrapped lines joined (borders and scrollbars taken out)."""
    region = app.seat_screen.query_one("#right").region
    rows = screen_lines(app)[region.y:region.bottom]
    text = " ".join(row[region.x:region.right] for row in rows)
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", text).split())


@pytest.mark.parametrize("vote", list(VOTES))
async def test_a_team_reads_the_whole_question_of_a_vote_on_a_small_screen(tmp_path: Path, vote: str) -> None:
    session = _voting(tmp_path, vote)
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:ru"], sleep=Sleeps(), lang="uk")
        async with app.run_test(size=SIZES[0]) as pilot:
            await until(pilot, lambda: app.view is not None and app.view["game"]["seq"] == session.state.seq,
                        "Russia's vote")
            prompt = " ".join(app.view["decision"]["prompt"].split())
            labels = [e["label"] for e in app.view["decision"]["entries"]]
            assert len(labels) == 2, labels
            if vote == "link":  # the track tied in, by name
                assert "«Статус України»" in prompt or "Статус України" in prompt.rsplit(":", 1)[-1], prompt
            for size in SIZES:
                await laid_out(pilot, size)
                shown = _right_column(app)
                assert prompt in shown, (size, prompt, "\n".join(screen_lines(app)))
                assert all(label in shown for label in labels), (size, labels, shown)
    session.close()


async def test_a_team_reads_its_whole_moves_question_at_60x20(tmp_path: Path) -> None:
    """Found from outside: the US seat at 60x20 read only "Сполучені Штати: оберіть хід" over its list of moves: how
    many actions were left, that End passes, and ←/→ were below the question's fold. The team's own gives its rows
    before the list goes under its least."""
    session = Session.start(with_sealed(load_scenario("parallel-tracks"), False), 5, tmp_path / "moves.jsonl")
    while not (session.state.phase == "moves" and session.state.turn == "us"):
        state = session.state
        session.apply(Action("pass", actor=state.turn) if state.phase == "moves" else legal_actions(state)[0])
    table = Table(session, seats_for(session, observers=0))
    async with hosting(table) as (_host, address, codes):
        app = SeatApp(address, codes["team:us"], sleep=Sleeps(), lang="uk")
        async with app.run_test(size=(60, 20)) as pilot:
            await until(pilot, lambda: app.view is not None and app.view["game"]["seq"] == session.state.seq,
                        "the US moves")
            for _ in range(10):
                await pilot.pause()
            prompt = " ".join(app.view["decision"]["prompt"].split())
            shown = _right_column(app)
            assert prompt in shown and "(End:" in prompt, (prompt, "\n".join(screen_lines(app)))
            assert "1. " in shown and "2. " in shown, shown  # the list keeps its least: moves to pick from
    session.close()
