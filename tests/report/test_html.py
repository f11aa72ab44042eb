"""The HTML report is one self-contained, printable file: no script, no URL, balanced tags, own SVG charts."""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import tabletop.report
from tabletop.engine.review import rounds_played
from tabletop.report import render
from tabletop.report.charts import style
from tabletop.report.htmlparts import stylesheet

from .kit import HtmlDoc, Played, Workshop


@pytest.fixture(scope="module")
def html(workshop: tuple[Played, Workshop]) -> str:
    return render([workshop[0].path], "html")


def test_self_contained_without_script_or_urls(html: str, strict_game: Played, linked_game: Played) -> None:
    both = render([strict_game.path, linked_game.path], "html")
    for text in (html, both):
        assert text.startswith("<!DOCTYPE html>")
        assert "<script" not in text.lower()
        assert "http://" not in text and "https://" not in text
        assert "//" not in re.sub(r"<style>.*?</style>", "", text, flags=re.DOTALL).replace(
            "://", ""
        )  # no protocol-relative URLs
        doc = HtmlDoc(text)
        assert not doc.errors
        assert not doc.all("script") and not doc.all("link") and not doc.all("img") and not doc.all("iframe")
        for _, attrs in doc.tags:
            assert "src" not in attrs
            href = attrs.get("href")
            assert href is None or href.startswith("#")
        style_blocks = re.findall(r"<style>(.*?)</style>", text, flags=re.DOTALL)
        assert len(style_blocks) == 1
        assert "@media print" in style_blocks[0]
        assert "url(" not in style_blocks[0] and "@import" not in style_blocks[0]


def test_in_page_links_point_at_ids_that_exist(html: str) -> None:
    doc = HtmlDoc(html)
    ids = {a["id"] for _, a in doc.tags if a.get("id")}
    for a in doc.all("a"):
        assert a["href"][1:] in ids


def test_charts_have_one_series_per_track_and_meter(html: str, workshop: tuple[Played, Workshop]) -> None:
    played, _ = workshop
    tracks = [t.id for t in played.scenario.ruleset.tracks]
    meters = [m.id for m in played.scenario.ruleset.meters]
    charts = re.findall(r'<svg class="chart" id="r1-chart-(\w+)".*?</svg>', html, flags=re.DOTALL)
    assert charts == ["position", "tension", "meters"]
    for name, keys in (("position", tracks), ("tension", tracks), ("meters", meters)):
        svg = re.search(rf'<svg class="chart" id="r1-chart-{name}".*?</svg>', html, flags=re.DOTALL).group(0)
        doc = HtmlDoc(svg)
        assert not doc.errors
        series = doc.all("g", class_="series")
        assert [g["data-series"] for g in series] == keys
        legend = doc.all("g", class_="legend-item")
        assert [g["data-series"] for g in legend] == keys
        # one point per round played (and the start) in each line
        rounds = rounds_played(played.final) + 1
        for line in doc.all("polyline"):
            assert len(line["points"].split()) == rounds
        # labelled axes and a title
        assert "round" in doc.text and doc.all("title")
        assert doc.all("svg", role="img")


def test_series_differ_by_more_than_colour() -> None:
    styles = [style(i) for i in range(7)]
    assert len({dash for _, dash, _ in styles}) == 7
    assert len({marker for _, _, marker in styles}) == 7
    assert len({colour for colour, _, _ in styles}) == 7


def test_status_is_never_colour_alone(html: str) -> None:
    doc = HtmlDoc(html)
    for span in re.findall(r'<span class="status status-(\w+)">([^<]*)</span>', html):
        status, text = span
        assert status in text
    assert doc.all("span", class_="status status-agreed")


def test_the_report_package_needs_no_textual() -> None:
    code = (
        "import sys, tabletop.report as r; "
        "bad = [m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('tabletop.tui')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_stylesheet_ships_with_the_package() -> None:
    """report.css is read at run time: an installed copy has it only if pyproject's package-data lists it."""
    package = Path(tabletop.report.__file__).parent
    pyproject = tomllib.loads((package.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["setuptools"]["package-data"]["tabletop"]
    assert any(fnmatch.fnmatch("report/report.css", pattern) for pattern in shipped)
    assert stylesheet() == (package / "report.css").read_text(encoding="utf-8")
    assert "@media print" in stylesheet()


def test_a_charts_lines_are_drawn_at_their_values_even_where_they_meet() -> None:
    """Found from outside: a sweep's chart drew "agreed" 2 points above its value and "open" 2 below (a 0 under
    the axis), to keep equal lines apart. A chart is read against its axis: every point now sits at its value,
    and lines that meet are told apart across (a few pixels along x), by dash and by marker."""
    import html as html_module

    from tabletop.report.charts import PLOT_H, TOP, Series, line_chart

    values = [(0, 50, 100), (0, 50, 100), (25, 50, 0), (0, 0, 0)]
    svg = line_chart("c", "t", ["a", "b", "c"], [Series(f"s{i}", f"S{i}", v) for i, v in enumerate(values)],
                     0, 100, "%", html_module.escape)
    lines = HtmlDoc(svg).all("polyline")
    assert len(lines) == len(values)
    for line, expected in zip(lines, values, strict=True):
        ys = [float(p.split(",")[1]) for p in line["points"].split()]
        assert ys == pytest.approx([TOP + PLOT_H - v / 100 * PLOT_H for v in expected]), (ys, expected)
    xs = {float(line["points"].split()[0].split(",")[0]) for line in lines}
    assert len(xs) == len(values)  # lines that meet are still apart


def test_the_contents_links_every_section_the_page_has(html: str) -> None:
    """Found from outside: the links at the top left out "Questions for the discussion", a section a facilitator
    opens first in a debrief."""
    import re as _re

    sections = set(_re.findall(r'<section class="[^"]*" id="([^"]+)"', html))
    nav = html.split('<nav class="toc">', 1)[1].split("</nav>", 1)[0]
    linked = set(_re.findall(r'href="#([^"]+)"', nav))
    assert "r1-prompts" in sections and sections <= linked, sorted(sections - linked)


def test_a_status_s_long_note_wraps_and_its_mark_and_word_do_not() -> None:
    """Found from outside (helper-101): "○ open (provisional agreement of round 4 lapsed at the end: the package was
    not complete)" sat in one unbreakable span, and at 1200 pixels the table's other columns went off the page."""
    from tabletop.report.htmlparts import status_mark

    extra = " (provisional agreement of round 4 reopened)"
    html = status_mark("open", False, extra)
    nowrap = html.split("</span>")[0]
    assert "open" in nowrap and "provisional" not in nowrap, html
    assert 'class="status-more status-open">(provisional agreement of round 4 reopened)</span>' in html, html
    assert status_mark("agreed", False, " R5").startswith('<span class="status status-agreed">')
    assert "R5" in status_mark("agreed", False, " R5") and "agreedR5" not in status_mark("agreed", False, " R5")


def test_a_legend_fits_its_column_in_cyrillic_too() -> None:
    """Found from outside: legends were cut at 44 characters, and a Russian track's "Стратегическая стабильно…
    (✔ согласовано Р6)" ran under the next column's marker, hiding the round it was agreed in; a text is now wrapped
    by how wide it is drawn (Cyrillic letters are wider), whole, its tail (status and round) on one line.
    tests/report/test_legend_fit.py measures whole charts."""
    from tabletop.report.charts import LEGEND_EMS, Series, text_ems

    tail = " (\u2714 согласовано Р6)"
    russian = Series("s", "Стратегическая стабильность", [0, 1], tail=tail)
    assert russian.legend[-1].endswith(tail.strip()) and all(text_ems(line) <= LEGEND_EMS for line in russian.legend)
    assert " ".join(russian.legend) == russian.title  # whole: nothing cut
    english = Series("e", "Strategic stability", [0, 1], tail=" (\u2714 agreed R6)")
    assert english.legend == ["Strategic stability (\u2714 agreed R6)"]  # a Latin legend that fits is one line
    assert "".join(Series("w", "W" * 80, [0]).legend) == "W" * 80


def test_the_decision_logs_columns_have_widths_and_labels(html: str) -> None:
    """Found from outside: the browser shared the decision log's width out by the longest line of each column, and a
    game with arguments left "What" 80 to 140 pixels wide at 1,280 (an event ten lines tall) and, at 400, off-screen
    in a box that scrolled sideways. "What" and "Working" have widths of their own, and in a narrow window a row is a
    block whose cells each say their column's head (the measured layout: test_page_width)."""
    import html as html_module

    log = html.split('<section class="log"', 1)[1].split("</section>", 1)[0]
    assert '<table class="log">' in log
    heads = re.findall(r"<th(?: class=\"([^\"]*)\")?>(.*?)</th>", log)
    columns = [classes.split()[-1] for classes, _ in heads]
    assert columns == ["seq", "time", "round", "phase", "who", "track", "what", "details"]
    css = stylesheet()
    widths = {name: float(pct) for name, pct in re.findall(r"table\.log th\.(\w+) \{ width: (\d+)%; \}", css)}
    assert set(widths) == {"what", "details"} and widths["what"] >= widths["details"], widths
    narrow = re.search(r"@media \(max-width: [\d.]+em\) \{(.*?)\n\}", css, flags=re.DOTALL)
    assert narrow and "table.log td::before { content: attr(data-label)" in narrow.group(1)
    rows = re.findall(r"<tr[^>]*>(<td.*?)</tr>", log)
    assert rows
    for row in rows:
        labels = [html_module.unescape(x) for x in re.findall(r'<td[^>]* data-label="([^"]*)"', row)]
        assert labels == [html_module.unescape(text) for _, text in heads], row


def test_only_a_cell_holding_a_run_longer_than_any_word_may_break_inside_it() -> None:
    """Found from outside (helper-209): an actor named with 50 letters and no space pushed a table's other columns
    off the page. Only such a cell is of class ``long`` (broken anywhere, report.css); ordinary cells are as before."""
    from tabletop.report.htmlparts import LONG_RUN, stylesheet, table

    unbroken = "Ш" * LONG_RUN
    hyphenated = "Ш" * (LONG_RUN - 1) + "-" + "Ш" * 5  # a browser breaks a line after a hyphen
    html_text = table(["Actor", "Objective"], [
        [f"{unbroken} <span class=\"small\">(1 of 3 met)</span>", "Limits written down"],
        ["Ukraine", "Deeper relations with the EU, chosen freely"],
        [hyphenated, f"<b>{'Ш' * (LONG_RUN // 2)}</b>&amp;{'Ш' * (LONG_RUN // 2)}"],  # the text, not the markup
    ])
    assert html_text.count('class="long"') == 2, html_text
    assert f'<td class="long">{unbroken} ' in html_text and '<td class="long"><b>' in html_text
    assert "<td>Ukraine</td>" in html_text and f"<td>{hyphenated}</td>" in html_text
    assert "td.long" in stylesheet()


def test_a_term_or_an_argument_s_title_is_kept_with_what_follows_on_paper(html: str) -> None:
    """Found from outside (helper-334, printing): a term of "What the moves mean" ended a page, its definition on the
    next; so did an argument's bold title (the move, its track, its result), its working overleaf under 1/6 of a page
    left blank. Print keeps them with what follows them, as it keeps a heading."""
    printed = re.search(r"@media print \{(.*?)\n\}", re.sub(r"/\*.*?\*/", "", stylesheet(), flags=re.DOTALL),
                        flags=re.DOTALL)
    assert printed
    kept = {selector.strip() for selectors, rule in re.findall(r"([^{}]+)\{([^}]*)\}", printed.group(1))
            if "break-after: avoid" in rule for selector in selectors.split(",")}
    assert {"h2", "h3", "dt", "p.headline"} <= kept, kept
    assert "<dt>" in html and '<section class="arguments"' in html
    arguments = html.split('<section class="arguments"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r"<p[ >]<?[^>]*>?<strong>", arguments)
    assert titles and set(titles) == {'<p class="headline"><strong>'}, titles
