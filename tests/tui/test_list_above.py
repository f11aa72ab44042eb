"""A scrolled decision list says what is above its rows as well as what is below them."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import OptionList

from tabletop import lang
from tabletop.tui.app import TabletopApp

from .support import SIZE, SMALL, board, press, start
from .test_layout import first_lines, flat, frame, to_moves


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


def _said_below(foot: str, below: str = "more below") -> int:
    """The number in the foot's "↓ N more below" (0: it says none)."""
    found = re.search(rf"\u2193 (\d+) {below}", foot)
    return int(found.group(1)) if found else 0


async def test_an_option_whose_first_line_is_in_sight_is_not_counted_below(tmp_path: Path) -> None:
    """Found from outside: "↓ N more below" counted an option whose number and name were on the list's last rows and
    only its "✖ …" reason (or the end of its words) under the edge. An option is where its first line is: counted
    below only when that line is below the list's rows, above only when it is above them. Checked at every place the
    list can be scrolled to, one of which cuts an option."""
    session = start(tmp_path, 7)
    to_moves(session)
    async with TabletopApp(session).run_test(size=SMALL) as pilot:
        await press(pilot, "1")  # Strategic stability: its moves, more than the list's rows
        listed = pilot.app.screen.query_one("#decision", OptionList)
        entries = board(pilot).entries
        cut = checked = 0
        for y in range(int(listed.max_scroll_y) + 1):
            listed.scroll_to(y=y, animate=False, immediate=True)
            await pilot.pause()
            seen, foot = first_lines(pilot)
            if not seen:  # one option's lines fill the list's rows: nothing to count from on screen
                continue
            checked += 1
            shown, _foot, _unseen = _seen(pilot)
            cut += any(i in seen and " ".join(e.label.plain.split()) not in shown for i, e in enumerate(entries))
            last = max(seen)
            assert _said_below(foot) == len(entries) - 1 - last, (y, foot, sorted(seen))
            first = min(seen)
            found = re.search(r"\u2191 (\d+) more above", foot)
            assert (int(found.group(1)) if found else 0) == first, (y, foot, sorted(seen))
        assert cut and checked > 2, "no place cut an option: the test checks nothing"


async def test_at_120x40_a_list_that_does_not_fit_counts_what_is_below_in_russian(tmp_path: Path) -> None:
    """Found from outside (a Russian-speaking facilitator, 120x40, seed 42): Russia's moves on «Стратегическая
    стабильность» showed 1 to 7, and 8, 9 and «0. ← Назад» were below the list's edge with only a scrollbar to say
    so; at 80x24 the same list said "↓ ниже ещё 9". The list counts what is below whenever it scrolls, at any size."""
    lang.set_language("ru")
    session = start(tmp_path, 42)
    to_moves(session)
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await press(pilot, "1")
        seen, foot = first_lines(pilot)
        below = len(board(pilot).entries) - len(seen)
        assert below, "the list must be longer than its rows at 120x40 in Russian"
        assert f"\u2193 \u043d\u0438\u0436\u0435 \u0435\u0449\u0451 {below}" in foot, foot
        await press(pilot, "end")
        _seen, foot = first_lines(pilot)
        assert "\u043d\u0438\u0436\u0435" not in foot, foot
