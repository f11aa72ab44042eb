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
