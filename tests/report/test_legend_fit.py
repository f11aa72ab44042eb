"""A chart's legend shows every series' name whole, within the chart and its own column: a long name (a track or
actor of 30 and more characters, in Cyrillic too) wraps onto more lines, and the chart grows to hold them.

Found from outside: legends were cut with an ellipsis by a width estimate narrower than the letters are drawn
(``m`` taken for 0.56 em is 0.97, ``Ш`` for 0.74 is 1.07), and a Russian name still ran under the next column's
marker. Measured here against the widths a browser draws (``fixtures/sans-ems.json``, how it was measured inside).
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from tabletop.report.charts import LEFT, LEGEND_COLS, RIGHT, WIDTH, Series, line_chart, text_ems

FONT = 12  # the legend's font size, in pixels
GAP = 8  # what a legend text leaves before the next column's line

MEASURED = json.loads((Path(__file__).parent / "fixtures" / "sans-ems.json").read_text(encoding="utf-8"))["ems"]

LONG = [
    Series("a", "Confidence-building measures in the Black Sea region", [0, 1, 2], " (\u2714 agreed R6)"),
    Series("b", "Стратегическая стабильность и контроль над вооружениями", [1, 2, 3], " (\u2714 согласовано Р6)"),
    Series("c", "Гуманітарні питання: обмін полоненими і повернення дітей", [2, 2, 1], " (\u2716 зірвано Р4)"),
    Series("d", "Ширма щедрого жюри: шумные Щукины и Жмеринка Мммм WWW", [3, 1, 0]),
    Series("e", "W" * 70, [1, 1, 1]),
    Series("f", "Short", [0, 0, 0], " (\u25cb open)"),
]


def test_the_width_estimate_is_never_narrower_than_the_letters_are_drawn() -> None:
    narrow = {c: (round(text_ems(c), 3), drawn) for c, drawn in MEASURED.items() if text_ems(c) < drawn - 0.005}
    assert not narrow, narrow


def _legend(svg: str) -> tuple[float, float, list[tuple[int, list[tuple[float, float, str]]]]]:
    """The viewBox's width and height, and each legend item's index with its lines (x, y, text)."""
    root = ET.fromstring(svg)
    _x, _y, width, height = map(float, root.get("viewBox", "").split())
    items = []
    for i, g in enumerate(root.iter("g")):
        if g.get("class") != "legend-item":
            continue
        text = g.find("text")
        assert text is not None
        spans = text.findall("tspan") or [text]
        lines, y = [], float(text.get("y", 0))
        for span in spans:
            y = float(span.get("y", y))
            lines.append((float(span.get("x", text.get("x", 0))), y, "".join(span.itertext())))
        items.append((i, lines))
    return width, height, items


def test_long_names_fit_whole_inside_the_chart_and_their_column() -> None:
    svg = line_chart("c", "Tension by round", ["1", "2", "3"], LONG, 0, 8, "tension", html.escape)
    width, height, items = _legend(svg)
    assert len(items) == len(LONG)
    col_w = (WIDTH - LEFT - RIGHT) / LEGEND_COLS
    bottoms: dict[int, float] = {}
    for n, ((_i, lines), s) in enumerate(zip(items, LONG)):
        row, col = divmod(n, LEGEND_COLS)
        column_end = LEFT + (col + 1) * col_w - GAP
        said = " ".join(t for _x, _y, t in lines)
        assert said.replace(" ", "") == s.title.replace(" ", ""), lines  # whole: nothing cut
        assert said == s.title or s.key == "e", lines  # broken at spaces (a word wider than a line: at the edge)
        assert "\u2026" not in "".join(t for _x, _y, t in lines)
        for x, y, text in lines:
            drawn = sum(MEASURED.get(c, text_ems(c)) for c in text) * FONT
            assert x + text_ems(text) * FONT <= min(column_end, width), (text, x, text_ems(text) * FONT)
            assert x + drawn <= min(column_end, width), (text, x, drawn)
            assert y + 4 <= height, (text, y, height)  # a descender inside the chart
        bottoms[row] = max(bottoms.get(row, 0), lines[-1][1])
        if row:  # below every line of the row above
            assert lines[0][1] - FONT >= bottoms[row - 1], (s.key, lines[0][1], bottoms[row - 1])
    assert re.search(r'height="(\d+)"', svg) and f'height="{height:.0f}"' in svg.split(">")[0]


TITLE_FONT = 15  # the report's body font (report.css), which a chart's title inherits, in pixels
BOLD = 1.13  # the widest bold/regular ratio chromium drew for the titles of this file (1.09-1.13, measured in stop 65)


def test_a_chart_title_fits_the_chart_as_its_bold_letters_are_drawn() -> None:
    """Found from outside (stop 64): a title was wrapped at 64 terminal cells, not at its drawn width: 64 cells of
    wide Cyrillic letters in bold (``Ш``, ``Щ``, ``Ж``, ``М``) ran past the chart's right edge."""
    from tabletop.report.sweeppage import _how_games_end

    title = _how_games_end("ЖЕМЧУЖНЫЙ ШЕЛЬФ И МОРСКИЕ ЩИТЫ: ОБМЕН ШЛЮЗАМИ", "tracks.shelf.breakdown_at")
    svg = line_chart("c", title, ["3", "5"], [Series("agreed", "agreed", [10.0, 20.0])], 0, 100, "%", html.escape)
    lines = re.findall(r'<text class="chart-title"[^>]*>([^<]*)</text>', svg)
    assert " ".join(lines) == title, lines  # broken at spaces, every word kept
    for line in lines:
        drawn = sum(MEASURED.get(c, text_ems(c)) for c in line) * TITLE_FONT * BOLD
        assert LEFT + drawn <= WIDTH - RIGHT, (line, LEFT + drawn)
    short = line_chart("c", "Borders: how games end, by bots.ru", ["a"], [Series("x", "x", [1.0])], 0, 1, "%", html.escape)
    assert len(re.findall(r'class="chart-title"', short)) == 1
