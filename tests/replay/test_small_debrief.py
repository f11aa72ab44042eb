"""The debrief at 80x24: who played in one short line right under the board, and a usable timeline at every event
(found from outside: the "Who played:" list ran past the column's end, and a long note squeezed the timeline to one
event). Held in view under the column, the line took rows the board's rungs need whole
(tests/tui/test_long_languages.py)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tabletop.content.loader import load_scenario
from tabletop.engine import Action
from tabletop.sim.game import play_game
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayApp, ReplayScreen
from tests.store.savekit import first_legal, record_actions

SEATS = {"ru": "random", "ua": "cooperative", "us": "random", "eu": "hardliner", "bridge": "random"}
LONG = ("Ask the room why the ceasefire held for two rounds although neither capital changed its stated position, "
        "and whether the mediators' offer of monitors was what made the difference, or only the calendar. ") * 2


def long_noted(path: Path) -> tuple[Path, int]:
    """A whole bots' game with every seat recorded, and a long note and a long override early on."""
    game = record_actions(path, load_scenario("parallel-tracks"), 5, [first_legal] * 8 + [
        lambda s: Action("note", text=LONG, about=s.seq),
        lambda s: Action("override", track="borders", tension=1, reason=LONG[:200])], extra={"seats": SEATS})
    noted = game.states[9].seq
    return path, noted


def screen_text(app: ReplayApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def _who_played_under_the_board(screen: ReplayScreen) -> bool:
    """Who played, short and whole (every seat, the mediators' bot's kind too), the first thing under the board."""
    from textual.widgets import Static

    from tabletop.tui.widgets import Board

    line = screen.query_one("#players-line", Static)
    said = str(line.render())
    return (line.display and line.region.y == screen.query_one(Board).region.bottom
            and "Who played" in said and "Mediating states" in said.split("Who played")[-1] and "random" in said)


async def test_who_played_is_short_under_the_board_and_the_timeline_keeps_its_rows_at_80x24(tmp_path: Path) -> None:
    path, noted = long_noted(tmp_path / "noted.jsonl")
    played = tmp_path / "played.jsonl"
    with SaveWriter.create(played, load_scenario("parallel-tracks"), 11, durable=False,
                           extra={"seats": SEATS}) as writer:
        play_game(load_scenario("parallel-tracks"), 11, observe=lambda s: s.last is not None and writer.append(s))
    app = ReplayApp(open_save(path))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        timeline = screen.query_one("#timeline", OptionList)
        for index in (0, noted, noted + 1):
            screen.go(index)
            await pilot.pause()
            # the mediators' seat, its bot's kind with it, in the short line right under the board
            assert _who_played_under_the_board(screen), index
            # the timeline shows several events' lines, however long the note is
            assert timeline.scrollable_content_region.height >= 7, (index, timeline.size)
        # a whole game: at its last event the board's rungs are longest
        app.screen.dismiss()
        await pilot.pause()
        app.push_screen(ReplayScreen(open_save(played)))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        for index in (len(screen.save) // 2, len(screen.save)):
            screen.go(index)
            await pilot.pause()
            assert _who_played_under_the_board(screen), index
            assert screen.query_one("#timeline", OptionList).scrollable_content_region.height >= 7
