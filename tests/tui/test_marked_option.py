"""The highlighted option of every list a person picks from is marked with a symbol, not by its colours alone (found
from outside: under TERM=xterm-mono the highlighted option was bold, as bold as the other, and under NO_COLOR=1 a grey
background; DESIGN §3a: no meaning carried by colour alone). The mark is in the text the list draws: it survives any
terminal, a projector's washed-out colours and a screenshot in grey."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from tabletop import open_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.replay import ReplayApp
from tests.replay.test_replay import record

from .support import SIZE, SMALL, press, start

MARK = "\u25b6"


def marked(listing: OptionList) -> list[str]:
    """The rows of ``listing`` on screen that carry the mark, as drawn."""
    rows = [listing.render_line(y).text for y in range(listing.scrollable_content_region.height)]
    return [row for row in rows if MARK in row]


def words_of_highlighted(listing: OptionList) -> str:
    assert listing.highlighted is not None
    return str(listing.options[listing.highlighted].prompt).split("\n")[0].split()[0]


async def assert_marked_and_moves(pilot: Pilot, listing: OptionList) -> None:
    """One row marked, the highlighted option's first; ↓ takes the mark to the next option."""
    await pilot.pause()
    first = marked(listing)
    assert len(first) == 1 and first[0].startswith(MARK), first
    assert words_of_highlighted(listing) in first[0], (first, words_of_highlighted(listing))
    before = listing.highlighted
    await press(pilot, "down")
    after = marked(listing)
    assert listing.highlighted != before
    assert len(after) == 1 and after != first and words_of_highlighted(listing) in after[0], after


async def test_the_board_s_decision_is_marked(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # the card drawn: its choices, or the moves
        listing = app.screen.query_one("#decision", OptionList)
        if listing.option_count < 2:
            await press(pilot, "enter")
        assert listing.option_count >= 2
        await assert_marked_and_moves(pilot, listing)


async def test_a_dialog_s_list_is_marked(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "i")  # the inject list
        await assert_marked_and_moves(pilot, app.screen.query_one("#pick-list", OptionList))


async def test_the_start_screen_s_scenarios_are_marked(tmp_path: Path) -> None:
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await assert_marked_and_moves(pilot, app.screen.query_one("#scenarios", OptionList))


async def test_the_replay_s_event_is_marked(tmp_path: Path) -> None:
    app = ReplayApp(open_save(record(tmp_path / "game.jsonl")))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await assert_marked_and_moves(pilot, app.screen.query_one("#timeline", OptionList))


async def test_a_dropdown_s_list_is_marked(tmp_path: Path) -> None:
    """Found from outside: an open dropdown (the start screen's seats and language, the override's status) showed
    its highlighted option by its background alone."""
    from textual.widgets import Select
    from textual.widgets._select import SelectOverlay

    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dropdown = app.screen.query(Select).first()
        dropdown.focus()
        await press(pilot, "enter")  # open
        assert dropdown.expanded
        await assert_marked_and_moves(pilot, dropdown.query_one(SelectOverlay))


def test_a_refused_option_is_marked_alike_on_the_hot_seat_and_on_a_seat_s_screen() -> None:
    """Found from outside: a seat's list (a team's screen, the console) marked a refused option with a plain "x", the
    hot seat's with "✖": the room reading both screens in one workshop took them for two things. One mark, wherever
    a person reads a refused option, from one constant."""
    from rich.text import Text

    from tabletop.tui.decisionlist import Entry, option_label
    from tabletop.tui.seatwords import entry_label

    reason = "Not enough political capital"
    hot_seat = option_label(1, Entry(Text("Table a proposal"), None, reason)).plain
    seat = entry_label(1, {"id": "1-ab", "label": "Table a proposal", "refusal": reason}).plain
    [hot_seat_line] = [line for line in hot_seat.splitlines() if reason in line]
    [seat_line] = [line for line in seat.splitlines() if reason in line]
    assert hot_seat_line == seat_line, (hot_seat_line, seat_line)
    assert "\u2716" in seat_line, seat_line


def test_a_refused_option_s_reason_is_styled_from_one_definition(monkeypatch) -> None:  # noqa: ANN001 - pytest's
    """A seat's refusal reason was styled with seatwords' QUIET, the hot seat's with a "dim italic" of its own: alike
    by chance, two definitions to drift apart. Both take :data:`~tabletop.tui.decisionlist.REFUSAL_STYLE`: changed
    there, both change."""
    from rich.text import Text

    import tabletop.tui.decisionlist as decisionlist
    from tabletop.tui.seatwords import entry_label

    monkeypatch.setattr(decisionlist, "REFUSAL_STYLE", "bold red", raising=False)
    reason = "Not enough political capital"

    def reason_styles(label: Text) -> set[str]:
        at = label.plain.index(reason)
        return {str(span.style) for span in label.spans if span.start <= at < span.end} | (
            {str(label.style)} if label.style else set())

    hot_seat = decisionlist.option_label(1, decisionlist.Entry(Text("Table a proposal"), None, reason))
    seat = entry_label(1, {"id": "1-ab", "label": "Table a proposal", "refusal": reason})
    assert reason_styles(hot_seat) == reason_styles(seat), (reason_styles(hot_seat), reason_styles(seat))
    assert "bold red" in reason_styles(seat), reason_styles(seat)
