"""Gauges and chart axes take the same work whatever the range they draw.

A meter of 0..1000000000 once made the board draw a billion cells (45 s,
3 GB) and the HTML report's axis step through the range. The validator now
refuses such numbers, but drawing must not depend on that: these call the
drawing functions directly with ranges no file may hold.
"""

from __future__ import annotations

import pytest

from tabletop.report.charts import MAX_TICKS, _ticks
from tabletop.tui.text import GAUGE_CELLS, gauge

HUGE = 10**18


@pytest.mark.parametrize(("value", "top"), [(0, HUGE), (1, HUGE), (HUGE // 2, HUGE), (HUGE - 1, HUGE), (HUGE, HUGE),
                                            (10**400, 10**400), (-5, 10**9)])
def test_a_gauge_of_a_huge_range_is_a_few_cells(value: int, top: int) -> None:
    bar = gauge(value, top)
    assert len(bar) == GAUGE_CELLS
    full = bar.count("\u25ae")
    # a change from 0 or to the top is never scaled away
    assert (full == 0) == (value <= 0)
    assert (full == GAUGE_CELLS) == (value >= top)


def test_a_gauge_within_its_cells_is_drawn_cell_by_cell() -> None:
    """Ranges that fit (every bundled scenario's) draw as before: one cell per step."""
    assert gauge(3, 5) == "\u25ae\u25ae\u25ae\u25af\u25af"
    assert gauge(2, GAUGE_CELLS) == "\u25ae" * 2 + "\u25af" * (GAUGE_CELLS - 2)
    assert gauge(12, 10) == "\u25ae" * 10


@pytest.mark.parametrize(("lo", "hi"), [(0, 10**9), (-(10**15), 10**15), (0, 10.0**300), (0, 10**400),
                                        (-1e308, 1e308), (10**17, 10**17 + 50)])
def test_axis_ticks_of_a_huge_range_are_few(lo: float, hi: float) -> None:
    ticks = _ticks(lo, hi)
    assert len(ticks) <= MAX_TICKS
    assert all(lo <= t <= hi for t in ticks)


def test_axis_ticks_of_an_ordinary_range_are_unchanged() -> None:
    assert _ticks(0, 10) == list(range(11))
    assert _ticks(0, 20) == list(range(0, 21, 2))
    assert _ticks(-3, 40) == [0, 5, 10, 15, 20, 25, 30, 35, 40]
