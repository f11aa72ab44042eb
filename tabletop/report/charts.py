"""Line charts as inline SVG, drawn here: no library, no script, no external reference.

Each series differs in colour *and* dash pattern *and* marker shape, so a
chart reads the same printed in black and white or by a reader who cannot
tell the colours apart. Every text that goes into the SVG is escaped by the
caller's ``escape`` function.
"""

from __future__ import annotations

import itertools
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()

# Okabe–Ito, then Tol's: distinguishable with the common colour-vision deficiencies
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#882255",
    "#44AA99",
    "#999933",
)
DASHES = ("", "8 4", "2 3", "10 3 2 3", "5 5", "12 3 2 3 2 3", "1 4")
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus", "triangle-down")

WIDTH = 720
LEFT, RIGHT, TOP, BOTTOM = 52, 18, 34, 46
PAD = 14  # between the axes and the first and last points
PLOT_H = 220
#: a chart title's longest line, in ems of the regular face (:func:`text_ems`): the title is drawn in bold at the
#: report's body size (15 px, report.css), bold letters 1.09-1.13 x as wide as regular ones (measured in chromium),
#: within the chart's width. Found from outside: wrapped at 64 terminal cells, a title of wide capitals (Ж, Ш, Щ) ran
#: past the chart's right edge, and before that, counted in characters, one of Chinese characters did
TITLE_EMS = (WIDTH - LEFT - RIGHT) / (15 * 1.14)
TITLE_LINE = 18
LEGEND_COLS = 2
LEGEND_ROW = 20
#: from one line of a legend text to the next, when a long name wraps: the row grows by as much
LEGEND_LINE = 15


@dataclass(frozen=True)
class Series:
    """One line: ``key`` (an id, for tests and styling), the name in the legend, one value per x.

    ``tail``: what follows the name in the legend (a track's status and its round), kept on one line with it.
    """

    key: str
    name: str
    values: Sequence[int | float]
    tail: str = ""
    #: each value's range (low, high), drawn as a bar through its marker: e.g. a share's 95 % interval (none: no bars)
    ranges: Sequence[tuple[float, float]] = ()

    @property
    def title(self) -> str:
        """The whole legend text (its tooltip)."""
        return self.name + self.tail

    @property
    def legend(self) -> list[str]:
        """The legend text whole, in lines as wide as a legend column allows (:data:`LEGEND_EMS`): broken at spaces,
        the tail kept whole on the last line when it fits there, a word wider than a line broken where it reaches
        the edge. Found from outside: a long name cut with an ellipsis hid what told it apart from the next one."""
        words = self.name.split(" ")
        tail = self.tail.strip()
        if tail and text_ems(tail) <= LEGEND_EMS:
            words.append(tail)  # one piece: "(✔ agreed R6)" never split over two lines
        elif tail:
            words += tail.split(" ")
        return _wrapped([w for w in words if w], LEGEND_EMS)


def style(i: int) -> tuple[str, str, str]:
    """Colour, dash pattern and marker of the ``i``-th series."""
    return PALETTE[i % len(PALETTE)], DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


#: the widest legend line a chart draws, in ems of its 12-pixel font: a legend column (325 pixels) less its
#: line and marker (42) and a gap before the next column (a longer text wraps onto another line)
LEGEND_EMS = (325 - 42 - 10) / 12

#: how wide letters are drawn, in ems, rounded up to a twentieth: measured in DejaVu Sans, what ``system-ui`` and
#: ``sans-serif`` are on a Linux machine and wider than Arial (tests/report/fixtures/sans-ems.json says how). Found
#: from outside: a rough table by class (0.56 em a small Latin letter, 0.62 a Cyrillic one) took ``m`` (0.97),
#: ``w``, ``ш`` and ``Ж`` (1.08) for much narrower than they are, and a Russian legend ran into the next column
_WIDTHS = {
    0.3: "'IJijl\u0406\u0407\u0408\u0456\u0457\u0458",
    0.35: ",./:;\\|\u2018\u2019\u00b7",
    0.4: "()-[]ft",
    0.45: "!r",
    0.5: '"*_`\u2016\u2013\u00b0',
    0.55: "?csz\u0433\u0437\u0441\u044d\u0453\u0454\u0455\u0491\u201c\u201d",
    0.6: "FLkvxy\u0432\u0442\u0443\u0445\u0447\u044c\u045e",
    0.65: "0123456789$EPSTYabdeghnopqu{}\u0400\u0401\u0403\u0405\u040e\u0413\u0415\u0417\u0420\u0422\u0423"
          "\u0430\u0431\u0435\u0438\u0439\u043a\u043b\u043e\u0440\u044f\u0450\u0451\u0452\u045c\u045d"
          "\u0490\u00ab\u00bb\u20ac",
    0.7: "ABCKRVXZ\u0404\u0410\u0411\u0412\u0421\u0425\u0427\u042c\u042d\u042f\u0434\u043d\u043f\u0446"
         "\u045b\u045f",
    0.75: "NU\u040c\u040d\u0418\u0419\u041a\u044a",
    0.8: "&DGHOQ\u0402\u040b\u040f\u0414\u041b\u041d\u041e\u041f\u0426\u043c\u044b",
    0.85: "#+<=>^w~\u042a\u044e\u2714\u2716\u00d7\u2192",
    0.9: "M\u041c\u0424\u042b\u0444\u045a\u25cb",
    0.95: "%\u0436\u0448\u0449\u0459",
    1.0: "@Wm\u2014\u2026",
    1.05: "\u040a\u2116",
    1.1: "\u0409\u0416\u0428\u0429\u042e",
}
_EMS = {c: ems for ems, chars in _WIDTHS.items() for c in chars}


def _char_ems(c: str) -> float:
    """About how wide ``c`` is drawn, in ems of a sans-serif font: a little wide, never narrow (:data:`_WIDTHS`; a
    letter not measured there, of another script, taken for as wide as the widest measured)."""
    if c == " ":
        return 0.32
    if unicodedata.combining(c):
        return 0.0
    return _EMS.get(c, 1.0 if unicodedata.east_asian_width(c) in "WF" else 1.1)


def text_ems(text: str) -> float:
    """About how wide ``text`` is drawn, in ems (:func:`_char_ems`)."""
    return sum(_char_ems(c) for c in text)


def _wrapped(words: Sequence[str], ems: float) -> list[str]:
    """``words`` in lines each drawn within ``ems``, a space between two words on a line; a word wider than a line
    by itself is broken where it reaches the edge (one letter a line at least)."""
    return _broken(words, ems, _char_ems)


def _broken(words: Sequence[str], most: float, width: Callable[[str], float]) -> list[str]:
    """``words`` in lines of at most ``most`` by ``width`` of each character, a space between two words on a line; a
    word wider than a line by itself is broken where it reaches the edge (one character a line at least)."""
    lines: list[str] = []
    line = ""
    for word in words:
        joined = f"{line} {word}" if line else word
        if sum(width(c) for c in joined) <= most:
            line = joined
            continue
        if line:
            lines.append(line)
        while sum(width(c) for c in word) > most:
            used, cut = 0.0, 0
            for cut, c in enumerate(word):
                used += width(c)
                if used > most:
                    break
            lines.append(word[: max(cut, 1)])
            word = word[max(cut, 1):]
        line = word
    return [*lines, line] if line or not lines else lines


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def marker(shape: str, x: float, y: float, colour: str, size: float = 4.0) -> str:
    """A marker centred on (x, y)."""
    s = size
    fill = f'fill="{colour}" stroke="{colour}"'  # untranslated: markup
    if shape == "circle":
        return f'<circle cx="{_num(x)}" cy="{_num(y)}" r="{_num(s)}" {fill}/>'  # untranslated: markup
    if shape == "square":
        return (
            f'<rect x="{_num(x - s)}" y="{_num(y - s)}" width="{_num(2 * s)}" height="{_num(2 * s)}" {fill}/>'  # untranslated: markup
        )
    if shape in ("triangle", "triangle-down"):
        d = -1 if shape == "triangle" else 1
        pts = [(x, y + d * s * 1.2), (x - s * 1.1, y - d * s * 0.9), (x + s * 1.1, y - d * s * 0.9)]
        return f'<polygon points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in pts)}" {fill}/>'  # untranslated: markup
    if shape == "diamond":
        pts = [(x, y - s * 1.3), (x + s * 1.1, y), (x, y + s * 1.3), (x - s * 1.1, y)]
        return f'<polygon points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in pts)}" {fill}/>'  # untranslated: markup
    if shape == "cross":
        return (
            f'<path d="M{_num(x - s)},{_num(y - s)}L{_num(x + s)},{_num(y + s)}'  # untranslated: markup
            f'M{_num(x - s)},{_num(y + s)}L{_num(x + s)},{_num(y - s)}" stroke="{colour}" stroke-width="2.2" fill="none"/>'
        )
    return (
        f'<path d="M{_num(x - s * 1.2)},{_num(y)}H{_num(x + s * 1.2)}M{_num(x)},{_num(y - s * 1.2)}V{_num(y + s * 1.2)}" '  # untranslated: markup
        f'stroke="{colour}" stroke-width="2.2" fill="none"/>'
    )


#: an axis never carries more labels than this
MAX_TICKS = 12


def _ticks(lo: float, hi: float) -> list[float]:
    """The values labelled on an axis from ``lo`` to ``hi``: about ten, computed, never stepped through.

    The work is the same for any range; a range too large for a float (only
    a damaged or hostile file has one) gets no labels rather than an error.
    """
    try:
        lo, hi = float(lo), float(hi)
    except OverflowError:
        return []
    span = hi - lo
    if not math.isfinite(span) or span < 0:
        return []
    step = 1 if span <= 10 else 2 if span <= 20 else math.ceil(span / 10)
    first = math.ceil(lo / step) * step
    count = min(MAX_TICKS, math.floor((hi + 1e-9 - first) / step) + 1)
    return [first + i * step for i in range(max(0, count))]


@dataclass(frozen=True)
class _Frame:
    """Where values land on a chart's plot: ``n`` points along x, ``y_min``..``y_max`` up the y axis."""

    n: int
    y_min: float
    y_max: float
    #: where each point stands along x when x is a number (a sweep's key: 5, 6, 8 spaced as numbers); None: evenly
    x_values: tuple[float, ...] | None = None

    def x_at(self, i: int) -> float:
        inner = WIDTH - LEFT - RIGHT - 2 * PAD
        xs = self.x_values
        if xs is not None and len(xs) == self.n and max(xs) > min(xs):
            return LEFT + PAD + (xs[i] - min(xs)) / (max(xs) - min(xs)) * inner
        return LEFT + PAD + (inner / 2 if self.n <= 1 else i * inner / (self.n - 1))

    def y_at(self, v: float) -> float:
        return TOP + PLOT_H - (v - self.y_min) / (self.y_max - self.y_min) * PLOT_H


def line_chart(
    chart_id: str,
    title: str,
    x_labels: Sequence[str],
    series: Sequence[Series],
    y_min: float,
    y_max: float,
    y_label: str,
    escape: Callable[[str], str],
    x_label: str | None = None,
    refs: Sequence[tuple[float, str]] = (),
    description: str = "",
    x_values: Sequence[float] | None = None,
    joined: bool = True,
) -> str:
    """An SVG line chart; ``escape`` makes names safe for HTML (e.g. ``html.escape``); ``x_label``: ``round``.

    ``x_values``: the points' places along x when x is a number (labelled as ``x_labels`` say); else evenly.
    ``joined=False``: the points are not joined by lines (values with no order between them)."""
    x_label = _("round") if x_label is None else x_label
    if y_max <= y_min:
        y_max = y_min + 1
    titles = _title_lines(title)
    drop = TITLE_LINE * (len(titles) - 1)  # the chart under a title of two lines, moved down by one
    legends = [s.legend for s in series]
    height = TOP + PLOT_H + BOTTOM + sum(_legend_rows(legends)) + 6 + drop
    frame = _Frame(len(x_labels), y_min, y_max, None if x_values is None else tuple(float(x) for x in x_values))
    out = [
        (
            f'<svg class="chart" id="{chart_id}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '  # untranslated: markup
            f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">'
        ),
        f'<title id="{chart_id}-title">{escape(title)}</title>',  # untranslated: markup
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',  # untranslated: markup
        *(f'<text class="chart-title" x="{LEFT}" y="{20 + i * TITLE_LINE}" font-weight="bold">{escape(line)}</text>'  # untranslated: markup
          for i, line in enumerate(titles)),
    ]
    if drop:
        out.append(f'<g transform="translate(0 {drop})">')  # untranslated: markup
    out.extend(_axes(frame, x_labels, x_label, y_label, escape))
    for value, label in refs:
        y = frame.y_at(value)
        out.append(
            f'<g class="ref"><line x1="{LEFT}" y1="{_num(y)}" x2="{WIDTH - RIGHT}" y2="{_num(y)}" stroke="#777" '  # untranslated: markup
            f'stroke-width="1.5" stroke-dasharray="1 3"/><text x="{WIDTH - RIGHT - 4}" y="{_num(y - 5)}" '
            f'text-anchor="end" font-size="11" fill="#555">{escape(label)}</text></g>'
        )
    out.extend(_lines(frame, series, escape, joined))
    out.extend(_legend(series, legends, escape))
    if drop:
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes, as wcwidth and rich's ``cell_len`` count them: an East Asian wide or
    full-width character two, a combining mark none, any other one (the report is headless: no rich here)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _title_lines(title: str) -> list[str]:
    """The title in lines drawn within :data:`TITLE_EMS`, broken at spaces; a word wider than a line by itself (a run
    of Chinese characters, a long key) is broken where it reaches the edge."""
    return _wrapped(title.split(" "), TITLE_EMS)


def _axes(
    frame: _Frame, x_labels: Sequence[str], x_label: str, y_label: str, escape: Callable[[str], str]
) -> list[str]:
    """The grid, both axes with their ticks and labels."""
    plot_w = WIDTH - LEFT - RIGHT
    out = ['<g class="grid" stroke="#d9d9d9" stroke-width="1">']  # untranslated: markup
    ticks = _ticks(frame.y_min, frame.y_max)
    for v in ticks:
        y = frame.y_at(v)
        out.append(f'<line x1="{LEFT}" y1="{_num(y)}" x2="{WIDTH - RIGHT}" y2="{_num(y)}"/>')  # untranslated: markup
    out.append("</g>")
    out.append('<g class="axes" stroke="#333" stroke-width="1" font-size="12" fill="#222">')  # untranslated: markup
    base = TOP + PLOT_H
    out.append(f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}"/>')  # untranslated: markup
    out.append(f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"/>')  # untranslated: markup
    for v in ticks:
        y = frame.y_at(v)
        out.append(f'<line x1="{LEFT - 4}" y1="{_num(y)}" x2="{LEFT}" y2="{_num(y)}"/>')  # untranslated: markup
        out.append(f'<text x="{LEFT - 7}" y="{_num(y + 4)}" text-anchor="end" stroke="none">{_num(v)}</text>')  # untranslated: markup
    for i, label in enumerate(x_labels):
        x = frame.x_at(i)
        out.append(f'<line x1="{_num(x)}" y1="{base}" x2="{_num(x)}" y2="{base + 4}"/>')  # untranslated: markup
        out.append(
            f'<text x="{_num(x)}" y="{base + 17}" text-anchor="middle" stroke="none">{escape(label)}</text>'  # untranslated: markup
        )
    out.append(
        f'<text x="{LEFT + plot_w / 2:.0f}" y="{base + 35}" text-anchor="middle" stroke="none">{escape(x_label)}</text>'  # untranslated: markup
    )
    out.append(
        f'<text transform="translate(14 {TOP + PLOT_H / 2:.0f}) rotate(-90)" text-anchor="middle" stroke="none">'  # untranslated: markup
        f"{escape(y_label)}</text>"
    )
    out.append("</g>")
    return out


def _lines(frame: _Frame, series: Sequence[Series], escape: Callable[[str], str], joined: bool = True) -> list[str]:
    """Each series as a line with its markers (``joined=False``: markers only, for values with no order between
    them, such as a sweep's bot policies: found from outside, lines joining them read as a trend)."""
    # equal values would hide each other: the lines are set apart by a few pixels along x, never up or down
    # (a chart is read against its y axis: every point sits at its value), and differ by dash and marker
    k = len(series)
    spread = min(3.0, 14.0 / k) if k > 1 else 0.0
    out = []
    for i, s in enumerate(series):
        colour, dash, shape = style(i)
        nudge = (i - (k - 1) / 2) * spread
        pts = [(frame.x_at(j) + nudge, frame.y_at(v)) for j, v in enumerate(s.values)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="series" data-series="{escape(s.key)}"><title>{escape(s.title)}</title>')  # untranslated: markup
        if joined and len(pts) > 1:
            out.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2.2"{dash_attr} '  # untranslated: markup
                f'points="{" ".join(f"{_num(a)},{_num(b)}" for a, b in pts)}"/>'
            )
        for (a, _b), (low, high) in zip(pts, s.ranges):
            out.append(f'<line class="range" x1="{_num(a)}" y1="{_num(frame.y_at(low))}" x2="{_num(a)}" '  # untranslated: markup
                       f'y2="{_num(frame.y_at(high))}" stroke="{colour}" stroke-width="1.2" opacity="0.7"/>')
        out.extend(marker(shape, a, b, colour) for a, b in pts)
        out.append("</g>")
    return out


def _legend_rows(legends: Sequence[Sequence[str]]) -> list[int]:
    """Each legend row's height, in pixels: a row as tall as its longest legend text (in lines) needs."""
    return [LEGEND_ROW + LEGEND_LINE * (max(len(lines) for lines in legends[i: i + LEGEND_COLS]) - 1)
            for i in range(0, len(legends), LEGEND_COLS)]


def _legend(series: Sequence[Series], legends: Sequence[Sequence[str]], escape: Callable[[str], str]) -> list[str]:
    """The legend below the plot, :data:`LEGEND_COLS` series to a row, each text whole in ``legends``' lines."""
    out = ['<g class="legend" font-size="12" fill="#222">']  # untranslated: markup
    col_w = (WIDTH - LEFT - RIGHT) / LEGEND_COLS
    tops = [0, *itertools.accumulate(_legend_rows(legends))]
    for i, (s, lines) in enumerate(zip(series, legends)):
        colour, dash, shape = style(i)
        row, col = divmod(i, LEGEND_COLS)
        x = LEFT + col * col_w
        y = TOP + PLOT_H + BOTTOM + tops[row] + 8
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        # one line as plain text; a wrapped one a tspan a line (a text element draws one line)
        spans = escape(lines[0]) if len(lines) == 1 else "".join(
            f'<tspan x="{_num(x + 42)}" y="{_num(y + 4 + n * LEGEND_LINE)}">{escape(line)}</tspan>'  # untranslated: markup
            for n, line in enumerate(lines))
        out.append(
            f'<g class="legend-item" data-series="{escape(s.key)}">'  # untranslated: markup
            f'<line x1="{_num(x)}" y1="{_num(y)}" x2="{_num(x + 34)}" y2="{_num(y)}" stroke="{colour}" '
            f'stroke-width="2.2"{dash_attr}/>{marker(shape, x + 17, y, colour)}'
            f'<text x="{_num(x + 42)}" y="{_num(y + 4)}">{spans}</text>'
            f"<title>{escape(s.title)}</title></g>"
        )
    out.append("</g>")
    return out
