"""Every panel the keys scroll moves a line for every arrow, and a page for every PageUp/PageDown, however fast
they come: the keys are sent as a burst, all queued before the app handles the first, as a terminal sends them
when a person presses faster than the screen redraws, or holds a key down.

Found from outside in the replay (002ecea): Textual scrolls after the next refresh, each key from where the
column was aimed when it came, so ten arrows in a burst moved a column one line. The other panels did the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widget import Widget

from tabletop.tui.app import TabletopApp

from .support import SMALL, burst, settled, start


async def burst_moves(pilot, widget: Widget) -> None:  # type: ignore[no-untyped-def]
    """Home; five downs, three ups, two pages down, one up; End and two ups; Home and two downs: each burst, then
    where the widget was scrolled to, checked exactly."""
    app = pilot.app
    top, page = widget.max_scroll_y, widget.scrollable_content_region.height
    assert top > 2 + page and top >= 8, (top, page)  # two pages down go further than one

    def at(y: int) -> int:
        return max(0, min(y, top))

    for keys, y in ((["home"], 0), (["down"] * 5, 5), (["up"] * 3, 2), (["pagedown"] * 2, at(2 + 2 * page)),
                    (["pageup"], at(at(2 + 2 * page) - page)), (["end", "up", "up"], top - 2),
                    (["home", "down", "down"], 2)):
        burst(app, *keys)
        await settled(pilot)
        assert widget.scroll_y == y, (keys, widget.scroll_y, y)


async def test_the_facilitator_panel_scrolls_a_line_a_key_however_fast(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        panel = app.screen.query_one("#facilitator")
        panel.focus()
        await pilot.pause()
        await burst_moves(pilot, panel)


async def test_the_private_notes_scroll_a_line_a_key_however_fast(tmp_path: Path) -> None:
    """The private notes take the keys before anything focused does (any other key hides them)."""
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert getattr(screen, "show_private", None) is not None
        await burst_moves(pilot, screen.query_one("#facilitator"))
        assert screen.show_private is not None  # no key of the bursts hid them


async def test_the_help_scrolls_a_line_a_key_however_fast(tmp_path: Path) -> None:
    """The hot seat's help (a seat's is the same dialog), at 60x12 over the start screen, which takes any window: the
    board under 80x23 says the window is too small and takes no F1."""
    from tabletop.tui.modals import HelpScreen

    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.pause()
        app.push_screen(HelpScreen())  # the board's keys
        await pilot.pause()
        text = app.screen.query_one("#help-text").parent
        assert isinstance(text, Widget) and app.focused is text
        await burst_moves(pilot, text)


async def test_the_end_screen_scrolls_a_line_a_key_however_fast(tmp_path: Path) -> None:
    from tabletop.tui.end import EndScreen

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=(80, 12)) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(session.state, session.save_path))
        await pilot.pause()
        outcome = app.screen.query_one("#outcome").parent
        assert isinstance(outcome, Widget) and app.focused is outcome
        await burst_moves(pilot, outcome)


def team_view() -> dict[str, Any]:
    """A team's view with more of everything than 80x24 shows: tracks, its objectives, a question, the log."""
    reasons = [f"  reason {i}: a long reason that goes on and on for a while, and wraps" for i in range(1, 12)]
    return {"role": "team", "game": {"seq": 3, "round": 1},
            "board": {"tracks": [{"name": f"Track {i}", "top": 5, "position": 2, "rung": "talks", "tension": 1,
                                  "breakdown_at": 5, "status": "open"} for i in range(14)],
                      "log": [{"seq": i, "text": f"event {i} on a track"} for i in range(1, 30)]},
            "own": {"actions_left": 2, "objectives": [{"text": f"objective {i}", "met": False} for i in range(20)]},
            "decision": {"prompt": "\n".join(["Russia: counter this argument or pass.", *reasons]),
                         "entries": [{"id": f"e{i}", "label": f"Entry {i}"} for i in range(4)]}}


@pytest.mark.parametrize("column", ["#left", "#own-box", "#prompt-box", "#log-box"])
async def test_a_seats_columns_scroll_a_line_a_key_however_fast(column: str) -> None:
    """The board's column, the team's own, its question and its log (each reached with tab, or shift+tab)."""
    from tabletop.tui.seat import SeatApp, SeatScreen

    app = SeatApp("127.0.0.1:9", None)  # no host: the screen is given a view by hand
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        app.seat_screen.show(team_view(), {})
        await pilot.pause()
        box = app.screen.query_one(column)
        box.focus()
        await pilot.pause()
        await burst_moves(pilot, box)


async def test_the_hot_seats_card_scrolls_a_line_a_key_however_fast(tmp_path: Path) -> None:
    """At 80x23, the least the board takes, the card just drawn scrolls above its choices (tab reaches it); in
    Russian, the longest of its words (at 80x18 it scrolled in three rows: the board now says it is too small)."""
    app = TabletopApp(start(tmp_path), lang="ru")
    async with app.run_test(size=(80, 23)) as pilot:
        await pilot.pause()
        await pilot.press("1")  # the event card drawn
        await pilot.pause()
        box = app.screen.query_one("#card-box")
        box.focus()
        await pilot.pause()
        await burst_moves(pilot, box)


async def test_the_hot_seats_question_scrolls_a_line_a_key_however_fast(tmp_path: Path) -> None:
    """At 80x23, the least the board takes, the facilitator's question, with the argument and its counters, scrolls
    above the odds."""
    from tabletop.engine import Action, legal_actions, waiting_for

    from .test_argument_play import _to_a_counter

    session = _to_a_counter(tmp_path / "game.jsonl")
    while waiting_for(session.state) == "counter":
        actor = legal_actions(session.state)[0].actor
        session.apply(Action("counter", actor=actor, track=session.state.queue[0].track, text="a long counter " * 12))
    app = TabletopApp(session)
    async with app.run_test(size=(80, 23)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#prompt-box")
        box.focus()
        await pilot.pause()
        await burst_moves(pilot, box)


@pytest.mark.parametrize(("column", "focused"), [("#details-box", "#details-box"), ("#setup", "#sealed")])
async def test_the_start_screens_columns_scroll_a_line_a_key_however_fast(tmp_path: Path, column: str,
                                                                         focused: str) -> None:
    """The scenario's details (tab reaches them), and the set-up, which a field's unused keys scroll."""
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=(80, 16)) as pilot:
        await pilot.pause()
        app.screen.query_one(focused).focus()
        await settled(pilot)
        await burst_moves(pilot, app.screen.query_one(column))


async def test_arrows_in_a_burst_down_the_scenario_list_land_on_the_scenario_and_its_teams(tmp_path: Path) -> None:
    """Found checking the lists for this: two arrows in a burst down the start screen's scenarios closed the
    app (NoMatches: '#team-ru'). Each scenario shown mounts its teams' fields, and a team's seat list says its
    first value after it is mounted; by then the next arrow had put the next scenario's teams in its place."""
    from textual.widgets import OptionList, Select

    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        scenarios = app.screen.query_one("#scenarios", OptionList)
        assert app.focused is scenarios and scenarios.option_count >= 3
        burst(app, "down", "down")
        await settled(pilot)
        assert scenarios.highlighted == 2
        last = app.screen.entries[2].scenario  # type: ignore[attr-defined]
        assert last is not None
        seats = [s.id for s in app.screen.query("#seats Select").results(Select)]
        assert seats == [f"seat-{a.id}" for a in last.ruleset.actors]
    assert app.return_code in (None, 0)
