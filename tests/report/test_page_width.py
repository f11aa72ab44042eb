"""The HTML report never scrolls sideways: a long word or a pasted address wraps inside its cell.

Found from outside: a facilitator's note holding a pasted link and a long Russian word made the decision
log 1,602 pixels wide in a 1,280-pixel window, its "What" and "Working" columns cut at the right edge (and
so on paper). Debian's chromium (headless, selenium) lays the page out; scripts/browser (the start of the
README's test command) installs it; without it this test is skipped, except on CI, where it fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tabletop.engine import Action
from tabletop.report.render import render

from .kit import facilitated_save, scenario

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("chromium and chromium-driver are missing: scripts/browser installs them", pytrace=False)
    pytest.skip("chromium and chromium-driver are not installed (scripts/browser installs them)", allow_module_level=True)

LONG = "https://example.org/" + "very-long-address-without-a-space/" * 6 + " Оченьдлинноеслово" * 2 + "_" * 120

#: the words of the track-name column (the first) of the outcome table that the layout broke across lines
BROKEN_WORDS = """
const broken = [];
const table = document.querySelector('section.outcome table');
for (const row of table.tBodies[0].rows) {
  const walker = document.createTreeWalker(row.cells[0], NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      if (range.getClientRects().length > 1) broken.push(match[0]);
    }
  }
}
return [broken, table.rows.length];
"""


@contextmanager
def _browser(width: int) -> Iterator[Any]:
    """Debian's headless chromium, ``width`` pixels wide, quit after the block."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        driver.set_window_size(width, 900)  # headless chromium widens a --window-size under 500; a resize it keeps
        yield driver
    finally:
        driver.quit()


def test_a_long_unbroken_note_wraps_in_the_decision_log(tmp_path: Path) -> None:
    noted: list[int] = []

    def note(state):  # noqa: ANN001, ANN202 - the facilitator's hook: one note, on the first event
        if noted:
            return ()
        noted.append(state.seq)
        return (Action("note", about=state.seq, text=LONG),)

    played = facilitated_save(tmp_path / "long.jsonl", scenario(), 3, note)
    page = tmp_path / "report.html"
    page.write_text(render(played.path, "html"), encoding="utf-8")
    with _browser(1280) as driver:
        driver.get(page.as_uri())
        wide, window = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert "very-long-address" in driver.page_source
    assert wide <= window, f"the page is {wide} pixels wide in a window of {window}"


def test_track_names_break_between_words_in_a_narrow_window(tmp_path: Path) -> None:
    """The Russian report in a 600-pixel window (a phone, half a laptop) broke the outcome table's track names
    inside their words: "Стра / теги / ческ / ая стаб / ильн / ость". A name breaks between its words now; only
    free text (a note, a reason) may break inside a word, where it must."""
    from tabletop import lang
    from tabletop.sim.game import play_game
    from tabletop.store import SaveWriter

    path = tmp_path / "game.jsonl"
    sc = scenario()
    with SaveWriter.create(path, sc, 5, durable=False) as writer:
        play_game(sc, 5, observe=lambda s: s.last is not None and writer.append(s))
    page = tmp_path / "report.html"
    with lang.using("ru"):
        page.write_text(render(path, "html"), encoding="utf-8")
    with _browser(600) as driver:
        driver.get(page.as_uri())
        broken, rows = driver.execute_script(BROKEN_WORDS)
    assert rows == 7  # the head and the six tracks
    assert broken == [], f"broken inside the word: {broken}"


#: the decision log's "What" column, the "Working" column and the table, in pixels; the "What" cells' boxes; and
#: whether the table's own box scrolls sideways
LOG_COLUMNS = """
const table = document.querySelector('section.log table');
const box = table.parentElement;
const heads = [...table.tHead.rows[0].cells];
const what = heads.findIndex(th => th.classList.contains('what'));
const width = cell => cell.getBoundingClientRect().width;
const cells = [...table.tBodies[0].rows].map(row => row.cells[what].getBoundingClientRect());
return {what: width(heads[what]), working: width(heads[heads.length - 1]), table: width(table),
        cells: cells.map(r => [r.left, r.right, r.width]), box: box.clientWidth, scrolls: box.scrollWidth > box.clientWidth,
        page: document.documentElement.scrollWidth, window: window.innerWidth,
        round: getComputedStyle(table.tBodies[0].rows[0].cells[2], '::before').content};
"""


@pytest.fixture(scope="module")
def linked_uk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Ukrainian report of a linked bot game: links and arguments, whose working runs long."""
    from tabletop import lang

    from .kit import bot_save

    played = bot_save(tmp_path_factory.mktemp("linked-uk") / "game.jsonl", scenario("parallel-tracks-linked"), 3)
    page = played.path.with_suffix(".html")
    with lang.using("uk"):
        page.write_text(render(played.path, "html"), encoding="utf-8")
    return page


def test_the_decision_logs_what_column_is_wider_than_working_at_1280(linked_uk: Path) -> None:
    """Found from outside: at 1,280 pixels the Ukrainian log's "Що" column was 136 pixels wide, an event of a link
    ten lines tall, while "Подробиці" took 40% of the table, mostly empty: the browser shared the width out by the
    longest line of each column's cells, and an argument's working is long. The columns have widths of their own."""
    with _browser(1280) as driver:
        driver.get(linked_uk.as_uri())
        got = driver.execute_script(LOG_COLUMNS)
    del got["cells"]
    assert got["what"] >= got["working"] and got["what"] >= 0.25 * got["table"], got


def test_the_decision_log_stacks_in_a_narrow_window(linked_uk: Path) -> None:
    """Found from outside: at 400 pixels the log scrolled sideways in its box, "What" off-screen and 44 pixels wide.
    A row is a block there: its small cells on a line, labelled, then "What" and "Working" across the window."""
    with _browser(400) as driver:
        driver.get(linked_uk.as_uri())
        got = driver.execute_script(LOG_COLUMNS)
    cells = got.pop("cells")
    assert not got["scrolls"] and got["page"] <= got["window"], got
    for left, right, width in cells:
        assert 0 <= left and right <= got["window"] and width >= 0.8 * got["box"], (left, right, width, got["box"])
    assert "Раунд" in got["round"], got["round"]


#: each table's box: its width, and how wide the table in it is
TABLE_BOXES = """
return [...document.querySelectorAll('.table-box')].map(box => [box.parentElement.className, box.clientWidth,
                                                                 box.scrollWidth]);
"""

#: a name of 50 letters and no break: wider, at the report's font, than a 1,280-pixel window's table leaves it
UNBROKEN = "Ш" * 50


def test_an_actor_name_of_one_long_word_breaks_in_its_cells(tmp_path: Path) -> None:
    """Found from outside (helper-209): an actor named with a 50-letter unbroken run pushed the objectives table's
    later columns off the page at 1,280 pixels (its box scrolled sideways). A cell holding a run longer than any
    word breaks it where it must; the cells of ordinary names are laid out as before (the test above)."""
    import copy

    from tabletop.content.loader import scenario_from_data

    from .kit import bot_save

    data = copy.deepcopy(scenario().embedded())
    data["ruleset"]["actors"][0]["name"] = UNBROKEN
    played = bot_save(tmp_path / "game.jsonl", scenario_from_data(data, "parallel-tracks"), 3)
    page = tmp_path / "report.html"
    page.write_text(render(played.path, "html"), encoding="utf-8")
    assert page.read_text(encoding="utf-8").count(UNBROKEN) > 3
    with _browser(1280) as driver:
        driver.get(page.as_uri())
        boxes = driver.execute_script(TABLE_BOXES)
        wide, window = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert any(section == "objectives" for section, _box, _table in boxes), boxes
    scrolled = [(section, table - box) for section, box, table in boxes if table > box]
    assert scrolled == [], f"tables wider than their box, by so many pixels: {scrolled}"
    assert wide <= window, f"the page is {wide} pixels wide in a window of {window}"
