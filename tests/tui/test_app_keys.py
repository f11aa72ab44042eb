"""App-wide keys a facilitator relies on: help, theme, screenshot, the command palette."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import HelpScreen

from .support import SIZE, board, press, start


async def test_help_opens_on_f1_and_question_mark_and_closes(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("f1", "question_mark"):
            await press(pilot, key)
            assert isinstance(app.screen, HelpScreen)
            await press(pilot, "escape")
            board(pilot)


async def test_f2_cycles_to_the_high_contrast_theme(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen = set()
        for _ in range(3):
            await press(pilot, "f2")
            seen.add(app.theme)
        assert "tabletop-high-contrast" in seen and len(seen) == 3


async def test_ctrl_s_writes_an_svg_screenshot_beside_the_save(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+s")
    shots = list(tmp_path.glob("*.svg"))
    assert len(shots) == 1
    assert shots[0].read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert "Strategic" in shots[0].read_text(encoding="utf-8")  # the board, not an empty frame


async def test_the_command_palette_offers_the_decision_at_hand_and_the_facilitator(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "ctrl+p")
        for ch in "draw the event":
            await pilot.press(ch if ch != " " else "space")
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause(0.3)
        assert session.state.card is not None  # the palette drew the card, through the same action
        assert [e.action.kind for e in session.state.log] == ["draw"]
        await press(pilot, "ctrl+p")
        for ch in "pause or":
            await pilot.press(ch if ch != " " else "space")
        await pilot.pause(0.5)
        await press(pilot, "enter")
        await pilot.pause(0.3)
        assert board(pilot).paused


async def test_typing_narrows_the_inject_list(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "i", *"nuclear plant")
        listing = app.screen.query_one("#pick-list")
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert shown == ["Shelling near a nuclear plant  [Humanitarian]"]
        await press(pilot, "enter")
        assert session.state.card == "plant-incident"
        assert session.state.last.action.kind == "inject"


async def test_the_key_bar_follows_what_the_facilitator_can_do_and_a_click_presses_the_key(tmp_path: Path) -> None:
    from tabletop.tui.bars import KeyBar

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        items = {item.description: item for item in bar.items}
        assert {"Pause", "+1 min", "Inject", "Note", "Quit", "Help"} <= set(items)
        assert "Undo" not in items  # nothing to undo yet: not shown
        assert all(item.enabled for item in bar.items)
        assert bar.palette is not None and bar.palette.display == "^p"
        line = bar.render().plain
        assert " p Pause " in line and line.rstrip().endswith("^p palette")

        await press(pilot, "1")  # draw the card: now there is something to undo
        assert session.state.seq == 1
        items = {item.description: item for item in bar.items}
        assert items["Undo"].enabled

        # a click on "Pause" pauses the game, as the key does
        pause_x = next(start for _row, start, _end, item in bar._spans if item.description == "Pause")
        await pilot.click(KeyBar, offset=(pause_x + 1, 0))
        await pilot.pause()
        assert board(pilot).paused
        # a click between keys, past the last one, does nothing
        assert bar.item_at(bar.size.width + 5) is None


async def test_the_title_bar_names_the_game_and_its_icon_opens_the_command_palette(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.command import CommandPalette

    from tabletop.tui.bars import TitleBar

    session = start(tmp_path)
    monkeypatch.chdir(tmp_path)  # the save named as a facilitator's is, from the working folder (a long one: its own)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        line = app.screen.query_one(TitleBar).render().plain
        assert session.scenario.name in line and "strict independence" in line and "save:" in line
        await pilot.click(TitleBar, offset=(10, 0))  # the title itself: nothing happens
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(TitleBar, offset=(1, 0))  # the icon
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_a_resized_terminal_switches_the_board_to_and_from_the_compact_layout(tmp_path: Path) -> None:
    from tabletop.tui.widgets import Board

    session = start(tmp_path)
    app = TabletopApp(session)
    tracks = len(session.scenario.ruleset.tracks)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = board(pilot)
        widget = screen.query_one(Board)
        # two columns of bordered panels, each at least 4 lines inside its border, then the meters
        assert not screen.has_class("-compact") and not widget.compact
        assert widget.outer_size.height >= (tracks + 1) // 2 * 6 + 3
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        # two lines a track, a line a meter, no borders: the rows left go to the rulings
        assert screen.has_class("-compact") and widget.compact
        assert widget.outer_size.height == tracks * 2 + len(session.scenario.ruleset.meters)
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert not screen.has_class("-compact") and not widget.compact
        assert widget.outer_size.height >= (tracks + 1) // 2 * 6 + 3


async def test_the_board_borders_follow_the_theme(tmp_path: Path) -> None:
    from textual.geometry import Region

    from tabletop.tui.widgets import Board

    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(Board)

        def corner_color() -> str:
            strip = widget.render_lines(Region(0, 0, widget.size.width, 1))[0]
            first = next(iter(strip))
            assert first.text.startswith("\u256d")  # a track panel's rounded corner
            return str(first.style.color.triplet.hex if first.style and first.style.color else None)

        before = corner_color()
        assert before.lower() == app.theme_variables["primary-darken-1"].lower()
        await press(pilot, "f2")
        await pilot.pause()
        after = corner_color()
        assert after.lower() == app.theme_variables["primary-darken-1"].lower() and after != before


async def test_the_board_draws_whole_panels_at_any_width(tmp_path: Path) -> None:
    """Each track panel is closed on all four sides with its name on top and its status below,
    the columns line up, a lone panel leaves its column empty, and no rung name is cut."""
    from textual.geometry import Region

    from tabletop.tui.widgets import Board

    session = start(tmp_path, scenario_id="river-basin")  # an odd number of tracks: one row has one panel
    specs = session.state.ruleset.tracks
    assert len(specs) % 2 == 1
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        for size in (SIZE, (150, 50), (116, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            widget = app.screen.query_one(Board)
            width = widget.size.width
            lines = ["".join(s.text for s in strip)
                     for strip in widget.render_lines(Region(0, 0, width, widget.size.height))]
            assert all(len(line) == width for line in lines), size
            left = max(8, (width - 1) // 2)
            tops = [i for i, line in enumerate(lines) if line[0] in "\u256d\u250f\u2554"]
            assert len(tops) == (len(specs) + 1) // 2 + 1  # a row of panels each, then the meters
            for row, top in enumerate(tops[:-1]):
                pair = specs[row * 2:row * 2 + 2]
                bottom = next(i for i in range(top, len(lines)) if lines[i][0] in "\u2570\u2517\u255a")
                for i in range(top + 1, bottom):
                    assert lines[i][0] in "\u2502\u2503\u2551\u254e" and lines[i][left - 1] in "\u2502\u2503\u2551\u254e"
                # the name set into the top edge on the left, the status into the bottom edge on the right
                assert lines[top][2:].startswith(f" {pair[0].name} ")
                assert lines[bottom][:left - 2].endswith(" OPEN ")
                if len(pair) == 2:
                    assert lines[top][left + 3:].startswith(f" {pair[1].name} ")
                    assert lines[bottom][:-2].endswith(" OPEN ")
                else:
                    assert lines[top][left:].strip() == "" and lines[bottom][left:].strip() == ""
            assert " Meters " in lines[tops[-1]]
            text = "".join(lines)
            for t in specs:  # every rung name is there whole, however it is wrapped
                rung = session.state.scenario.index.tracks[t.id].ladder[0]
                assert all(word in text for word in rung.split()), rung


async def test_the_garbage_collector_is_back_on_once_the_board_is_shown(tmp_path: Path) -> None:
    import gc

    from tabletop.cli.screens import play_app

    app = play_app(start(tmp_path))
    try:
        assert not gc.isenabled()  # off while the first screen is built
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            board(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_a_resize_while_the_board_is_still_being_mounted_does_not_crash(tmp_path: Path) -> None:
    """Under load a Resize reached the board before its panels were mounted: NoMatches, a crashed room."""
    from tabletop.tui.board import BoardScreen

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        unmounted = BoardScreen(session)  # composed, never mounted: none of its panels exist yet
        unmounted.on_resize()
        await pilot.pause()
        assert isinstance(app.screen, BoardScreen) and app.screen is not unmounted


async def test_f1_over_a_dialog_on_the_start_screen_shows_the_start_screens_keys(tmp_path: Path) -> None:
    """Found in review: F1 over a dialog read the dialog's keys of its own (it has none), and so showed the board's
    help over the start screen: the help is the one of the screen the dialog is on."""
    from tabletop.tui.modals import ConfirmScreen, HelpScreen
    from tabletop.tui.start import StartScreen

    app = TabletopApp(save_dir=tmp_path / "saves")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        app.push_screen(ConfirmScreen("A question?"))
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen._keys == StartScreen.HELP_KEYS


async def test_the_help_says_tab_reaches_the_columns_that_scroll(tmp_path: Path) -> None:
    """Found from outside: at 80x24 a card cut short scrolls once Tab has reached it, and F1 did not say so; a
    facilitator pressed the arrows, which moved the list. The help says it in each language, and it is so."""
    import pytest

    from tabletop import lang
    from textual.widgets import Static

    from tabletop.tui.widgets import KeyScroll

    from .support import SMALL

    said = {"en": "tab  to the card, prompt or rulings when cut short",
            "ru": "tab  к карточке, подсказке, решениям, если обрезаны",
            "uk": "tab  до картки, підказки, рішень, якщо обрізані"}
    for code, words in said.items():
        lang.set_language(code)
        app = TabletopApp(start(tmp_path, name=f"{code}.jsonl"))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await press(pilot, "enter")  # a card on the table, cut short at 80x24
            await press(pilot, "f1")
            assert isinstance(app.screen, HelpScreen)
            assert words in str(app.screen.query_one("#help-text", Static).content), code
            await press(pilot, "escape", "tab")
            card = board(pilot).query_one("#card-box", KeyScroll)
            if not card.allow_vertical_scroll:
                pytest.fail("the card is not cut short at 80x24: this test needs another card")
            assert app.focused is card
            await press(pilot, "down")
            assert card.scroll_offset.y == 1
    lang.set_language("en")


async def test_the_hot_seat_s_f1_says_how_to_read_the_board(tmp_path: Path) -> None:
    """Found from outside: F1 listed only keys; nothing said what the ladder's marks, ★, tension 4/8, the status marks,
    capital or the timer mean. The board's F1 reads the board too, in the room's language; the start screen's does
    not (there is no board under it)."""
    from textual.widgets import Static

    from tabletop import lang

    from .support import SMALL

    lang.set_language("ru")
    try:
        app = TabletopApp(start(tmp_path, name="ru.jsonl"))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await press(pilot, "f1")
            said = str(app.screen.query_one("#help-text", Static).content)
            assert "\u2605" in said and "напряжённость" in said and "\u25cb \u2714 \u2716 \u2016" in said, said
            assert "капитал" in said and "ходы" in said, said
    finally:
        lang.set_language("en")
