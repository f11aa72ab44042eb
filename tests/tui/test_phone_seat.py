"""A seat in a phone's browser (``tabletop serve``): the page is laid out at the phone's width, and held upright the
phone is told to turn sideways.

Found from outside (a class joining from phones): the served page had no viewport, so a phone laid it out 980 px wide
and shrank it to unreadable 6 px type; a swipe scrolled nothing; and upright, the seat's too-small notice asked to make
the window at least 60x16, where a phone has no window to make wider.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tabletop import lang
from tabletop.tui.toosmall import SizeGuard, TooSmall

from .support import shown


class _Seat(Screen[None]):
    MIN_SIZE = (60, 16)  # a seat's (SeatScreen.MIN_SIZE)

    def compose(self) -> ComposeResult:
        yield Static("the board")


class _Tab(SizeGuard, App[None]):
    """A screen with a seat's least size, in a browser tab (``web``) or a terminal."""

    def __init__(self, web: bool):
        super().__init__()
        self.web = web

    @property
    def is_web(self) -> bool:
        return self.web

    def on_mount(self) -> None:
        self.push_screen(_Seat())


async def test_an_upright_phone_is_told_to_turn_sideways_and_a_terminal_is_not() -> None:
    for web in (True, False):
        app = _Tab(web)
        async with app.run_test(size=(46, 42)) as pilot:  # a 360x640 phone's page, held upright
            await pilot.pause()
            said = shown(app.screen.query_one(TooSmall))  # type: ignore[arg-type]
            assert "at least 60\u00d716" in said, said
            assert ("turn it sideways" in said) is web, said


def test_every_language_s_page_has_the_phone_s_width_and_turns_a_swipe_into_the_wheel() -> None:
    from tabletop.cli.serve import _offline_templates

    with lang.using("ru"), _offline_templates() as folder:
        pages = sorted(Path(folder).glob("app_index*.html"))
        texts = [page.read_text(encoding="utf-8") for page in pages]
    assert len(pages) == 4  # serve's language's, and en, ru, uk
    for page, text in zip(pages, texts):
        head = text.split("</head>")[0]
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in head, page.name
        assert '"touchmove"' in text and 'new WheelEvent("wheel"' in text, page.name
