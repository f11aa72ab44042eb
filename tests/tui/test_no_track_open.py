"""A team with no open track sees what it can still do: a global move or a pass, first, and says so.

Found from outside, a Russian hot seat at 80x24 (Ukraine in round 7): every track Ukraine sits at was agreed or
deferred, so its six tracks were all refused; "7. Global moves" and "8. Pass", the only entries it could use, sat
below them, out of sight, under a prompt that still said "pick a track, then a move".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine import Action
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.decisionlist import DecisionList

from .support import SMALL, board, press, start, to_turn_of


def shut_out(tmp_path: Path) -> Session:
    """Ukraine to move, every track it sits at closed (agreed or deferred), the others open."""
    session = start(tmp_path, seed=5)
    spec = session.state.scenario.index
    for track in session.state.ruleset.tracks:
        if "ua" in track.members:
            closing = {"status": "deferred"} if track.id == "borders" else {"position": track.agreement_at}
            session.apply(Action("override", track=track.id, reason="test", **closing))
    to_turn_of(session, "ua")
    assert all(not session.state.tracks[t].is_open for t in spec.tracks if "ua" in spec.tracks[t].members)
    return session


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_a_team_with_no_open_track_sees_its_global_moves_and_pass_first(tmp_path: Path, code: str) -> None:
    app = TabletopApp(shut_out(tmp_path), lang=code)
    try:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            screen = board(pilot)
            entries = screen.entries
            tracks = len(screen.session.state.ruleset.tracks)
            assert len(entries) == tracks + 2
            # what the team can do first, numbered 1 and 2; the refused tracks after them, each with its reason
            assert [bool(e.problem) for e in entries] == [False, False] + [True] * tracks
            if code == "en":
                assert entries[0].label.plain.startswith("Global moves")
                assert entries[1].label.plain.startswith("Pass")
                prompt = str(screen.query_one("#prompt").render())
                assert "no track is open to you; choose a global move or pass" in prompt, prompt
                assert "pick a track" not in prompt
            listing = screen.query_one("#decision", DecisionList)
            await pilot.pause()
            assert listing.scroll_y == 0 and listing.highlighted == 0
            # both usable entries on screen, without a scroll: their lines lie within the list's rows
            lines = listing.render_lines(listing.content_region.reset_offset)
            shown = "\n".join(strip.text for strip in lines)
            for number, entry in enumerate(entries[:2], 1):
                assert f"{number}. {entry.label.plain[:12]}" in shown, shown
            await press(pilot, "1")  # the number on the screen is the key: the global moves
            assert board(pilot).stage == "@global"
    finally:
        lang.set_language("en")


async def test_a_team_with_an_open_track_keeps_the_tracks_first(tmp_path: Path) -> None:
    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        entries = board(pilot).entries
        assert entries[-2].label.plain.startswith("Global moves") and entries[-1].label.plain.startswith("Pass")
        assert "pick a track, then a move" in str(board(pilot).query_one("#prompt").render())
