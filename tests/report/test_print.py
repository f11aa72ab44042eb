"""The HTML report on paper: laid out as print lays it out (print media, the width an A4 page leaves inside its margins).

Found from outside (helper-334, a debrief lead printing on A4/Letter): print broke the tables' words inside their
letters ("Стратегіч / на стабільніс / ть"), a comparison of 8 saves lost its right columns off the page, and a term
was left alone at a page foot. Debian's headless chromium lays the page out, as in test_page_width (skipped without it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tabletop import lang
from tabletop.report.render import render

from .kit import bot_save, scenario
from .test_page_width import BROKEN_WORDS, _browser

#: an A4 page's width inside the report's margins (210 - 2 x 12 mm), in CSS pixels; Letter leaves 725
A4_INSIDE = round((210 - 24) / 25.4 * 96)
#: the same, the page turned (Letter turned leaves less: 11 in - 24 mm)
LANDSCAPE_INSIDE = round(11 * 96 - 24 / 25.4 * 96)


@contextmanager
def _paper(width: int) -> Iterator[Any]:
    """A browser laying pages out for print, ``width`` pixels wide."""
    with _browser(width) as driver:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})  # paper has none
        yield driver


def test_track_names_break_between_words_on_paper(tmp_path: Path) -> None:
    """Print made every cell break anywhere: the Ukrainian outcome table read "Стратегіч / на стабільніс / ть". A
    name breaks between its words on paper as on screen."""
    played = bot_save(tmp_path / "game.jsonl", scenario(), 5)
    page = tmp_path / "report.html"
    with lang.using("uk"):
        page.write_text(render(played.path, "html"), encoding="utf-8")
    with _paper(A4_INSIDE) as driver:
        driver.get(page.as_uri())
        assert driver.execute_script("return matchMedia('print').matches")
        broken, rows = driver.execute_script(BROKEN_WORDS)
    assert rows == 7  # the head and the six tracks
    assert broken == [], f"broken inside the word: {broken}"


#: each table wider than the page (its right edge past the page's): its head's first cells, by how many pixels
TOO_WIDE = """
const page = document.documentElement.clientWidth;
return [...document.querySelectorAll('table')].filter(t => t.getBoundingClientRect().right > page + 0.5)
  .map(t => [t.className, t.rows[0].textContent.slice(0, 40), Math.round(t.getBoundingClientRect().right - page)]);
"""


@pytest.fixture(scope="module")
def eight_saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of 8 bot games: too many to compare side by side, so one row per save and a column per track."""
    folder = tmp_path_factory.mktemp("eight")
    for seed in range(8):
        bot_save(folder / f"parallel-tracks-game-{seed:05d}-seed-{seed * 7919 + 5697090311165016830}.jsonl",
                 scenario(), seed)
    return folder


@pytest.mark.parametrize(("language", "audience"), [("en", "facilitator"), ("ru", "participants")])
def test_a_comparison_of_eight_saves_keeps_every_column_on_paper(eight_saves: Path, tmp_path: Path,
                                                                  language: str, audience: str) -> None:
    """Found from outside: the 14 columns of "Every save, its outcome per track" ran past the page and the printer
    cut them off, "Humanitarian" missing on every page, silently. The table has a page of its own, turned (a named
    page, landscape: a layout in print media cannot turn its page, so the width a turned Letter page leaves is given
    here), and smaller type."""
    page = tmp_path / "compare.html"
    with lang.using(language):
        page.write_text(render([eight_saves], "html", audience=audience), encoding="utf-8")
    css = page.read_text(encoding="utf-8")
    turned = re.search(r"@page (\w+) \{ size: landscape; \}", css)
    assert turned, "no landscape page in the stylesheet"
    assert re.search(r"\.table-box:has\(> table\.saves\) \{[^}]*page: " + turned[1], css), "the wide table is not on it"
    with _paper(LANDSCAPE_INSIDE) as driver:
        driver.get(page.as_uri())
        wide = driver.execute_script(TOO_WIDE)
        heads = driver.execute_script("return document.querySelector('table.saves').rows[0].cells.length")
    assert heads >= 13 and wide == [], f"wider than the page: {wide}"


def test_the_side_by_side_comparison_fits_a_portrait_page(eight_saves: Path, tmp_path: Path) -> None:
    """A name breaks between its words on paper now (above): the saves' table of a side-by-side comparison fits the
    page (it ran 38 pixels past an A4 page in Russian before), its file names and seeds (values, not names)
    breaking where they must."""
    page = tmp_path / "compare.html"
    with lang.using("ru"):
        page.write_text(render(sorted(eight_saves.iterdir())[:3], "html"), encoding="utf-8")
    with _paper(A4_INSIDE) as driver:
        driver.get(page.as_uri())
        wide = driver.execute_script(TOO_WIDE)
    assert wide == [], f"wider than the page: {wide}"
