"""A board of 256 tracks: a key press draws the rows of track panels the screen shows, and only
those it changed (rows counted, no timing); the decision list still lists each pair of a link move."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tabletop import load_scenario
from tabletop.content import Scenario, scenario_from_data
from tabletop.engine import apply, legal_actions
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.widgets import Board

from .support import SIZE, board, press

TRACKS = 256


@pytest.fixture(autouse=True)
def still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BoardScreen, "_tick", lambda self: None)


def grown(tracks: int) -> Scenario:
    """The linked default scenario with its tracks repeated (as tests/store/growthkit.py grows it)."""
    data = copy.deepcopy(load_scenario("parallel-tracks-linked").embedded())
    own = data["ruleset"]["tracks"]
    grown_tracks = []
    for k in range(tracks):
        track = copy.deepcopy(own[k % len(own)])
        if k >= len(own):
            track["id"] = f"{track['id']}-{k}"
        grown_tracks.append(track)
    data["ruleset"]["tracks"] = grown_tracks
    return scenario_from_data(data)


@pytest.fixture(scope="module")
def big() -> Scenario:
    return grown(TRACKS)


async def test_a_key_press_draws_only_the_rows_on_screen(tmp_path: Path, big: Scenario) -> None:
    session = Session.start(big, 5, tmp_path / "big.jsonl")
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        drawn = pilot.app.screen.query_one(Board)
        on_screen = SIZE[1] // 6 + 1  # a row of two panels takes six lines at least
        assert 0 < drawn.rows_drawn <= on_screen < TRACKS // 2
        steps = 0
        while session.state.turn is None and steps < 12:  # the facilitator's steps up to the first team's turn
            before = drawn.rows_drawn
            await press(pilot, "1")
            assert drawn.rows_drawn - before <= on_screen
            steps += 1
        assert session.state.turn is not None  # the team's tracks are marked: the rows shown, drawn again
        assert drawn.rows_drawn <= on_screen * (steps + 1)


async def test_a_link_move_is_listed_with_each_partner_on_a_big_board(tmp_path: Path, big: Scenario) -> None:
    session = Session.start(big, 5, tmp_path / "big.jsonl")
    state = session.state
    while state.turn is None:
        state = session.apply(legal_actions(state)[0])
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = board(pilot)
        actor = state.turn
        track = next(t for t in big.ruleset.tracks if actor in t.members)
        screen.stage = track.id
        screen.refresh_view()
        await pilot.pause()
        links = [e for e in screen.entries if "(with " in e.label.plain]
        assert len(links) == TRACKS - 1  # every other open track, one entry each, as on a small board
        listed = [a for a in legal_actions(state) if a.kind == "move" and a.track == track.id and a.link]
        assert len(listed) == len(links)
        assert apply(state, listed[0]).seq == state.seq + 1
