"""A paste with escape bytes in it reaches the field whole and in order (found from outside, helper-222)."""

from __future__ import annotations

import pytest
from textual import events
from textual._xterm_parser import XTermParser

from tabletop.tui.app import TabletopApp
from tabletop.tui.argument import ArgumentForm, LineField

from .support import SMALL
from .test_argument_entry import Host

#: what tmux sends for ``paste-buffer -p`` of the tester's text: the bracketed paste's marks round it
PASTED = "abc \x1b[31mRED\x1b[0m def ghi"
PASTE_MARKS = "\x1b[200~{}\x1b[201~"
SENT = PASTE_MARKS.format(PASTED)


def read(chunks: list[str]) -> list[events.Event]:
    """What the app is given for the terminal's input read in ``chunks``: the terminal driver's way."""
    from tabletop.tui.pasting import PasteGuard

    parser, guard, out = XTermParser(), PasteGuard(), []
    for chunk in chunks:
        for part in guard.feed(chunk):
            out.extend([part] if isinstance(part, events.Paste) else parser.feed(part))
    return out


def test_textual_s_own_parser_scrambles_such_a_paste() -> None:
    """The evidence: Textual 8's parser alone gives the text after the first ESC as keys (the ESC as ^), then the
    paste cut at it. Should a Textual release mend it, this test says the guard may go."""
    parsed = list(XTermParser().feed(SENT))
    keys = "".join(e.character or "" for e in parsed if isinstance(e, events.Key))
    pastes = [e.text for e in parsed if isinstance(e, events.Paste)]
    assert pastes == ["abc "] and keys.startswith("^[31mRED^[0m def"), (keys, pastes)


@pytest.mark.parametrize("cut", range(len(SENT) + 1))
def test_a_paste_with_escape_bytes_comes_whole_and_in_order(cut: int) -> None:
    """However the terminal's reads cut it (the end mark split between two reads too), one paste, as sent, and no key."""
    got = read([SENT[:cut], SENT[cut:]] if 0 < cut < len(SENT) else [SENT])
    assert [(type(e).__name__, getattr(e, "text", None)) for e in got] == [("Paste", PASTED)]


def test_keys_round_a_paste_keep_their_order_and_a_lone_escape_is_not_held() -> None:
    from tabletop.tui.pasting import PasteGuard

    got = read(["x" + SENT + "y"])
    assert [e.text if isinstance(e, events.Paste) else e.key for e in got] == ["x", PASTED, "y"]
    guard = PasteGuard()  # a lone Escape, held in case a paste's mark begins with it, is the parser's when no more came
    assert list(guard.feed("\x1b")) == [] and guard.flush() == "\x1b" and guard.flush() == ""


def test_the_game_s_terminal_driver_reads_pastes_whole() -> None:
    """Where Textual would use its own terminal driver, the game's app uses it with the guard before its parser."""
    from textual.drivers.linux_driver import LinuxDriver

    driver = TabletopApp().get_driver_class()
    if not issubclass(driver, LinuxDriver):
        pytest.skip("not the Linux/macOS terminal driver here")
    assert driver is not LinuxDriver and hasattr(driver, "run_input_thread")
    assert driver.run_input_thread is not LinuxDriver.run_input_thread


async def test_the_paste_lands_in_the_reason_as_one_literal_text() -> None:
    app = Host(ArgumentForm("Russia argues on Track 2", ("progress +1",)))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#argue-reason-0", LineField)
        field.focus()
        await pilot.pause()
        for event in read([SENT]):
            app.post_message(event)  # as the driver gives it: the app hands it to the field focused
        await pilot.pause()
        assert field.value == "abc \u241b[31mRED\u241b[0m def ghi"


async def test_a_paste_into_the_inject_list_s_search_narrows_it_as_typed(tmp_path) -> None:
    """Found from outside (a Russian-speaking facilitator): a card's name pasted into the inject list's search (i) was
    dropped without a word, the list as long as before; typed, the same words narrowed it. A paste is typed text there
    too, shown through the one sanitiser (an escape byte as its visible symbol, never sent to the terminal)."""
    from textual.widgets import OptionList, Static

    from tabletop.tui.modals import PickScreen

    from .support import SIZE, press, start

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "i")
        screen = app.screen
        assert isinstance(screen, PickScreen)
        listing = screen.query_one("#pick-list", OptionList)
        for event in read([PASTE_MARKS.format("nuclear plant")]):
            app.post_message(event)
        await pilot.pause()
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert shown == ["Shelling near a nuclear plant  [Humanitarian]"], shown
        said = str(screen.query_one("#pick-filter", Static).render())
        assert said == "Search: nuclear plant", said
        await press(pilot, "backspace", *"t")  # typed after it: one search
        assert str(screen.query_one("#pick-filter", Static).render()) == "Search: nuclear plant"
        for event in read([PASTE_MARKS.format(" \x1b[2J\u202e")]):
            app.post_message(event)
        await pilot.pause()
        said = str(screen.query_one("#pick-filter", Static).render())
        assert "\x1b" not in said and "\u202e" not in said and "\u241b[2J" in said, said
        await press(pilot, *["backspace"] * len(" \u241b[2J<U+202E>"), "enter")
        assert session.state.card == "plant-incident"
    session.close()
