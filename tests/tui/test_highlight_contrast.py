"""The key bar's keys and the highlighted option read, as the terminal shows them, in every theme F2 goes through.

Found from outside (a contrast audit, tmux, xterm's palette): on a 16-colour terminal (TERM=linux, xterm-16color) the
key letters were bright red on bright black, 1.00:1, and the highlighted decision white on cyan, 1.98:1; in truecolor a
highlighted refused option («Make a concession …  ✖ …needs tension ≤ 2») was dimmed into its bar, 2.42:1 on a team's
seat, 3.61:1 on the hot seat. Measured as the terminal gets them: each line as the widget draws it, through the app's
own filters (which turn dim into a colour), and on a 16-colour terminal reduced to the 16 as Rich reduces them, in
xterm's default palette.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import ColorSystem
from rich.color import Color as RichColor
from textual.app import App
from textual.color import Color
from textual.widget import Widget

from tabletop.tui.app import TabletopApp
from tabletop.tui.bars import KeyBar
from tabletop.tui.decisionlist import DecisionList
from tabletop.tui.themes import contrast

from .support import SMALL, board, press, start, to_turn_of

#: xterm's default 16 colours, the audit's palette (untranslated: numbers)
XTERM = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
         (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255),
         (0, 255, 255), (255, 255, 255)]


def _shown(color: RichColor, sixteen: bool) -> Color:
    if not sixteen:
        return Color.from_rich_color(color)
    return Color(*XTERM[color.downgrade(ColorSystem.STANDARD).number or 0])


def _low(app: App[None], widget: Widget, rows: range, sixteen: bool) -> list[str]:
    """The words of ``rows`` of ``widget`` that read under 4.5:1 on their background, with their ratio."""
    background = Color.parse(app.theme_variables["background"])
    low = []
    for y in rows:
        line = list(widget.render_line(y))
        for f in app._filters:
            line = f.apply(line, background)
        for segment in line:
            style = segment.style
            if not segment.text.strip() or style is None or style.color is None or style.bgcolor is None:
                continue
            ratio = contrast(_shown(style.color, sixteen), _shown(style.bgcolor, sixteen))
            if ratio < 4.5:
                low.append(f"{app.theme}: {segment.text.strip()!r} {ratio:.2f}")
    return low


async def _through_themes(tmp_path: Path, sixteen: bool) -> list[str]:
    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    low: list[str] = []
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert (app.console.color_system == "standard") is sixteen
        listing = app.screen.query_one("#decision", DecisionList)
        refused = next(i for i, e in enumerate(board(pilot).entries) if e.problem)  # a table Ukraine is not at
        listing.highlighted = refused
        await pilot.pause()
        for _ in range(3):  # every theme F2 goes through
            await press(pilot, "f2")
            top = listing._index_to_line[refused] - listing.scroll_offset.y
            low += _low(app, listing, range(top, top + listing._heights[refused]), sixteen)
            if sixteen:
                keys = app.screen.query_one(KeyBar)
                low += _low(app, keys, range(keys.size.height), sixteen)
    return low


async def test_a_highlighted_refused_option_reads_in_every_theme(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLORTERM", "truecolor")
    assert not await _through_themes(tmp_path, sixteen=False)



async def test_on_16_colours_the_keys_and_the_highlight_read_in_every_theme(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm-16color")
    monkeypatch.delenv("COLORTERM", raising=False)
    assert not await _through_themes(tmp_path, sixteen=True)
