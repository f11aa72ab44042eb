"""A scrolled decision list says what is above its rows as well as what is below them."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from tabletop import lang
from tabletop.tui.app import TabletopApp

from .support import SMALL, board, press, start
from .test_layout import flat, frame, to_moves


def _seen(pilot: Pilot) -> tuple[str, str, int]:
    """The list's rows on screen (flattened), its foot, and how many of its entries are not on those rows."""
    listed = pilot.app.screen.query_one("#decision", OptionList)
    where = listed.region
    rows = frame(pilot).splitlines()
    shown = flat("\n".join(row[where.x:where.right] for row in rows[where.y:where.bottom - 1]))
    unseen = [e for e in board(pilot).entries if " ".join(e.label.plain.split()) not in shown]
    return shown, rows[where.bottom - 1][where.x:where.right], len(unseen)


async def test_at_80x24_a_list_scrolled_down_says_how_many_options_are_above(tmp_path: Path) -> None:
    """Found from outside: scrolled to its end, a long move list at 80x24 said nothing of the options above its
    rows ("↓ N more below" was its only count). Scrolled to the middle it says both; at its top, only what is
    below; in Russian and Ukrainian too."""
    session = start(tmp_path, 7)
    to_moves(session)
    async with TabletopApp(session).run_test(size=SMALL) as pilot:
        await press(pilot, "1")  # Strategic stability: its moves, more than the list's rows
        _shown, foot, unseen = _seen(pilot)
        assert unseen and "more above" not in foot, foot  # at the top: nothing above
        await press(pilot, "end")
        await pilot.pause()
        _shown, foot, unseen = _seen(pilot)
        assert f"\u2191 {unseen} more above" in foot, foot
        assert "more below" not in foot, foot
        listed = pilot.app.screen.query_one("#decision", OptionList)
        listed.scroll_to(y=2, animate=False)  # between: some above, some below
        await pilot.pause()
        _shown, foot, _unseen = _seen(pilot)
        assert "\u2191" in foot and "more above" in foot and "more below" in foot, foot
        for code, above in (("ru", "\u2191 выше ещё"), ("uk", "\u2191 вище ще")):
            lang.set_language(code)
            try:
                listed.say_below()
                assert listed.border_subtitle.startswith(above), listed.border_subtitle
            finally:
                lang.set_language("en")
