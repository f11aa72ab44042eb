"""A window too small for the screen says so, over everything, and takes no key but quit until it is resized.

Found from outside: at 60x20 (tmux, the press-hard move on Borders ruled by the dice) the board's Last rulings kept one
line, "11 R1 adjud. Russia: ╰───…": the verdict and the dice off screen, and nothing said the window was too small;
at 40x12 the tracks read "S…", at 30x8 only the turn line and the keys showed (DESIGN §3: every ruling shows its
working on screen). The least sizes are measured (the screens' ``MIN_SIZE``): the board 80x23, the replay 72x20, a
seat's screen 60x16 (tests/seats/test_small_seat_ruling.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from tabletop import open_save
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.modals import AskScreen
from tabletop.tui.replay import ReplayApp, ReplayScreen

from .support import SIZE, SMALL, press, settled, start


def frame(pilot: Pilot) -> str:
    """The screen's words as the terminal shows them, lines joined: a phrase wrapped at the edge still matches."""
    text = "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())
    return " ".join(re.sub(r"[\u2500-\u257f\u2580-\u259f]", " ", text).split())


async def resized(pilot: Pilot, width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    await settled(pilot)


@pytest.mark.parametrize("size", [(60, 20), (79, 24), (80, 22), (30, 8)])
async def test_the_board_says_the_window_is_too_small_and_takes_no_key(tmp_path: Path, size: tuple[int, int]) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=size) as pilot:
        await settled(pilot)
        shown = frame(pilot)
        assert "Window too small" in shown, shown
        if size[0] >= 40:  # at 30x8 the notice's words wrap: the heading shows, the sizes are cut
            assert f"Make it at least 80\u00d723 (now {size[0]}\u00d7{size[1]})." in shown, shown
            assert "no key is taken but quit and the facilitator's pause." in shown, shown
        before = len(session.state.log)
        await press(pilot, "1", "f", "i", "escape", "f1")  # the card drawn, a panel, a dialog, the help: none
        assert len(session.state.log) == before
        assert isinstance(app.screen, BoardScreen) and app.screen.show_facilitator is False
        # the pause is (found from outside: the phase timer ran on under the notice, and p was not taken)
        assert not app.screen.paused
        await press(pilot, "p")
        assert app.screen.paused and len(session.state.log) == before
        await press(pilot, "ctrl+q")  # quit is taken
    assert app.return_code == 0


async def test_the_board_comes_back_when_the_window_is_made_large_enough(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await settled(pilot)
        assert "Window too small" not in frame(pilot)
        await resized(pilot, 60, 20)  # made smaller mid-game
        assert "Make it at least 80\u00d723 (now 60\u00d720)." in frame(pilot)
        await resized(pilot, 70, 23)  # still too narrow: said as it is now
        assert "Make it at least 80\u00d723 (now 70\u00d723)." in frame(pilot)
        before = len(session.state.log)
        await press(pilot, "1")
        assert len(session.state.log) == before
        await resized(pilot, 80, 23)
        shown = frame(pilot)
        assert "Window too small" not in shown and "Round 1/" in shown, shown
        await press(pilot, "1")  # keys are keys again
        assert len(session.state.log) == before + 1


async def test_the_notice_covers_a_dialog_over_the_board_and_one_opened_under_it(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settled(pilot)
        await press(pilot, "n")  # a note's dialog, open as the window shrinks
        assert isinstance(app.screen, AskScreen)
        await resized(pilot, 60, 20)
        assert "Window too small" in frame(pilot)
        await press(pilot, "x", "y")  # nothing typed into the note nobody sees
        assert app.screen.query_one(Input).value == ""
        app.screen.dismiss(None)  # put away by the game, not by a key
        await settled(pilot)
        assert isinstance(app.screen, BoardScreen) and "Window too small" in frame(pilot)
        app.push_screen(AskScreen("A question the game asks"))  # a dialog the game opens meanwhile: under it too
        await settled(pilot)
        shown = frame(pilot)
        assert "Window too small" in shown and "A question the game asks" not in shown, shown
        await resized(pilot, *SIZE)
        shown = frame(pilot)
        assert "Window too small" not in shown and "A question the game asks" in shown, shown


async def test_a_paste_under_the_notice_types_nothing(tmp_path: Path) -> None:
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await settled(pilot)
        await press(pilot, "n")
        await resized(pilot, 60, 20)
        app.post_message(events.Paste("pasted blind"))
        await settled(pilot)
        assert app.screen.query_one(Input).value == ""
        await resized(pilot, *SMALL)
        app.post_message(events.Paste("pasted"))
        await settled(pilot)
        assert app.screen.query_one(Input).value == "pasted"


@pytest.mark.parametrize(("code", "heading"), [("ru", "Окно слишком маленькое"), ("uk", "Вікно замале")])
async def test_the_notice_speaks_the_rooms_language(tmp_path: Path, code: str, heading: str) -> None:
    app = TabletopApp(start(tmp_path), lang=code)  # the language is English again after the test (conftest)
    async with app.run_test(size=(60, 20)) as pilot:
        await settled(pilot)
        assert heading in frame(pilot), frame(pilot)


async def test_the_start_screen_takes_any_window(tmp_path: Path) -> None:
    app = TabletopApp(save_dir=tmp_path)
    async with app.run_test(size=(60, 16)) as pilot:
        await settled(pilot)
        assert "Window too small" not in frame(pilot)


async def test_the_replay_says_the_window_is_too_small_and_quits_on_q(tmp_path: Path) -> None:
    session = start(tmp_path)
    session.close()
    app = ReplayApp(open_save(session.save_path))
    async with app.run_test(size=(72, 20)) as pilot:
        await settled(pilot)
        assert "Window too small" not in frame(pilot)
        await resized(pilot, 60, 18)
        shown = frame(pilot)
        assert "Make it at least 72\u00d720 (now 60\u00d718)." in shown
        # the replay has no facilitator's pause: the notice names only what it takes (found from outside: "no key is
        # taken but quit and the facilitator's pause" over the replay)
        assert "no key is taken but quit." in shown and "pause" not in shown, shown
        screen = next(s for s in app.screen_stack if isinstance(s, ReplayScreen))
        at = screen.index
        await press(pilot, "end", "right", "g")
        assert screen.index == at and app.screen is screen
        await press(pilot, "q")
    assert app.return_code == 0


async def test_a_seats_screen_says_the_window_is_too_small() -> None:
    from tabletop.tui.seat import SeatApp, SeatScreen

    app = SeatApp("127.0.0.1:9", None)  # no host: the code screen takes 60x15 (its least is 42x15), the seat's does not
    async with app.run_test(size=(60, 15)) as pilot:
        await settled(pilot)
        assert "Window too small" not in frame(pilot)
        while not isinstance(app.screen, SeatScreen):
            app.pop_screen()
            await settled(pilot)
        shown = frame(pilot)
        assert "Make it at least 60\u00d716 (now 60\u00d715)." in shown, shown
        await resized(pilot, 80, 23)  # tmux's pane in an 80x24 terminal (found from outside: it said too small)
        assert "Window too small" not in frame(pilot)


async def test_the_notice_is_drawn_in_the_theme_s_own_colours(tmp_path: Path) -> None:
    """Found from outside: the notice drew on (28,28,28), the panel's grey, where the board is black: in every theme
    F2 goes through it has the theme's background and foreground (F2 is not taken under it: the theme set as F2 does)."""
    from textual.color import Color

    from tabletop.tui.themes import THEMES
    from tabletop.tui.toosmall import TooSmall

    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=(60, 20)) as pilot:
        await settled(pilot)
        for theme in THEMES.values():
            app.theme = theme
            await settled(pilot)
            notice = app.screen.query_one(TooSmall)
            drawn = (notice.styles.background, notice.styles.color)
            assert drawn == (Color.parse(app.theme_variables["background"]),
                             Color.parse(app.theme_variables["foreground"])), (theme, drawn)


async def test_the_seats_code_screen_says_the_window_is_too_small_and_is_whole_at_its_least_size() -> None:
    """Found from outside (tmux, ``tabletop join ADDR`` without a code): at 50x12 the code screen's language line (F4)
    was cut, at 40x10 its error line and languages were gone, at 30x8 its title, and nothing said the window was too
    small. Under its least size it says so, as the board does, and takes no key (typed blind); at it, the whole screen
    is in sight in each of our languages, and the code is typed. The least is the code screen's own, under the seat's
    screen's 60x16: a phone's browser, held upright, types the code before it is told to turn sideways."""
    from textual.containers import Vertical

    from tabletop.tui.seat import SeatApp
    from tabletop.tui.seatdialogs import CodeScreen

    from .support import burst

    width, height = CodeScreen.MIN_SIZE
    app = SeatApp("127.0.0.1:9", None)
    async with app.run_test(size=(width, height - 1)) as pilot:  # one row short
        await settled(pilot)
        assert isinstance(app.screen, CodeScreen)
        assert f"Make it at least {width}\u00d7{height} (now {width}\u00d7{height - 1})." in frame(pilot), frame(pilot)
        await resized(pilot, 30, 8)  # then from far too small straight to the least (its scrollbar must not stay)
        assert "Window too small" in frame(pilot), frame(pilot)
        burst(app, "a", "b")  # typed blind: not taken
        await settled(pilot)
        field = app.screen.query_one(Input)
        assert field.value == ""
        await resized(pilot, width, height)
        assert "Window too small" not in frame(pilot)
        for _lang in ("en", "ru", "uk"):  # F4 goes through our languages from English
            box = app.screen.query_one(Vertical).region
            assert box.y >= 0 and box.bottom <= height and box.x >= 0 and box.right <= width, (_lang, box)
            assert "F4" in frame(pilot) and "127.0.0.1:9" in frame(pilot), (_lang, frame(pilot))
            await press(pilot, "f4")
        burst(app, "a", "b")
        await settled(pilot)
        assert field.value == "ab"
