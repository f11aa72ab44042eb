"""A track's frame on the 120x40 board says one thing: the team to move's tracks are marked ▶ and framed in a shape
no status uses, and F1's "Reading the board" names the frames and ⚠. Found from outside (a colour-blind participant):
the tracks of the team to move and a collapsed one had the same heavy frame, told apart only by an orange against a
red, and F1 explained neither the frames nor ⚠."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine.state import evolve
from tabletop.lang import using
from tabletop.tui.app import TabletopApp
from tabletop.tui.text import BOARD_READING, reading_text
from tabletop.tui.widgets import Board

from .support import SIZE, start, to_turn_of

ACTING = "\u25b6"


async def test_the_team_to_move_s_tracks_are_marked_and_framed_as_no_status_is(tmp_path: Path) -> None:
    session = start(tmp_path)
    to_turn_of(session, "ru")  # strategic stability: Russia's, open, to play
    tracks = dict(session.state.tracks)
    for track, status in (("borders", "collapsed"), ("ukraine-status", "agreed"), ("track-two", "deferred")):
        tracks[track] = tracks[track]._replace(status=status)
    session.state = evolve(session.state, tracks=tracks)
    n = {t.id: t.name for t in session.state.scenario.ruleset.tracks}
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        lines = [board.render_line(y).text for y in range(board.content_size.height)]
        corners: dict[str, str] = {}  # each track's frame, by its corner and the line after it
        marked: dict[str, bool] = {}
        for track, name in n.items():
            for line in lines:
                with_mark = line.find(f" {ACTING} {name} ")
                at = with_mark if with_mark >= 0 else line.find(f" {name} ")
                if at >= 2:
                    corners[track], marked[track] = line[at - 2:at], with_mark >= 0
        assert marked == {t: t in ("strategic-stability", "humanitarian") for t in n}, marked  # Russia's, open
        acting = corners["strategic-stability"]
        by_status = {corners[t] for t in ("borders", "ukraine-status", "track-two", "ukraine-eu")}
        assert len(by_status) == 4 and acting not in by_status, (acting, corners)


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_reading_the_board_names_the_frames_and_the_warning(lang: str) -> None:
    with using(lang):
        reading = reading_text(BOARD_READING)
    for mark in ("\u256d\u2500", "\u2554\u2550", "\u256d\u254c", "\u250f\u2501", ACTING, "\u26a0"):
        assert mark in reading, (lang, mark)
    if lang != "en":
        assert reading != "".join(BOARD_READING)


async def test_the_compact_board_marks_the_team_to_move_s_tracks_too(tmp_path: Path) -> None:
    """Found from outside (helper-332, finding 6): at 80x24 (a compact board) nothing marked the tracks of the team to
    move, while F1 there explained "┌─ ▶ the team to move plays on it". The ▶ goes before their names."""
    session = start(tmp_path)
    to_turn_of(session, "ru")
    n = {t.id: t.name for t in session.state.scenario.ruleset.tracks}
    app = TabletopApp(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = app.screen.query_one(Board)
        assert board.compact
        lines = [board.render_line(y).text for y in range(board.content_size.height)]
        marked = {t: any(line.lstrip().startswith(f"{ACTING} {name[:8]}") for line in lines) for t, name in n.items()}
        russia = {t.id for t in session.state.scenario.ruleset.tracks if "ru" in t.members}  # all open
        assert marked == {t: t in russia for t in n}, (marked, lines)


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_reading_the_board_stays_a_table_in_a_narrow_help(lang: str) -> None:
    """Found from outside (helper-332, finding 6): in F1 at 80x24 the rows too wide for the help gave up the padding
    that lines their words up, and the ⚠ row, short enough to keep it, stood out of line with them. The words of
    every row start in one column, and wrap under it."""
    import re

    from rich.console import Console

    from tabletop.tui.modals import KeyLines

    with using(lang):
        reading = reading_text(BOARD_READING)
    console = Console(width=74, record=True, color_system=None)
    console.print(KeyLines(reading))
    rows = console.export_text().splitlines()[1:]  # under the heading
    starts = {m.end(1) for row in rows if (m := re.match(r"(  \S.*?  +)\S", row))}
    hanging = {len(row) - len(row.lstrip(" ")) for row in rows if row.startswith("   ")}
    assert len(starts) == 1 and hanging <= starts, (starts, hanging, rows)
