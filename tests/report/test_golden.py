"""One golden file per format, from a committed save (fixed times, fixed text).

The content tests say what a report must contain; these catch any unintended
change to the layout. After an intended change, read the diff, then run
``UPDATE_GOLDEN=1 pytest tests/report/test_golden.py`` and commit the files.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest

from tabletop import __version__
from tabletop.report import render
from tabletop.store.reading import open_save

from .kit import HERE, TINY_GAME, HtmlDoc, md_text

GOLDEN = HERE / "golden"


def _stable(text: str, fmt: str) -> str:
    """The document without what depends on this machine: the save's full path, the app version."""
    if fmt == "json":
        data = json.loads(text)
        data["scenario"]["path"] = "tiny-game.jsonl"
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return text.replace(f"tabletop {__version__}", "tabletop VERSION")


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_golden(fmt: str) -> None:
    text = _stable(render([TINY_GAME], fmt), fmt)
    golden = GOLDEN / f"tiny-game.{fmt}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), text.splitlines(True), str(golden), "now", n=2)
        )
        pytest.fail(f"the {fmt} report changed (UPDATE_GOLDEN=1 to accept, after reading):\n{diff[:4000]}")


def test_the_golden_save_is_intact_and_says_what_it_should() -> None:
    save = open_save(TINY_GAME)
    assert save.damage is None and len(save) == 33
    md = md_text(render([TINY_GAME], "md"))
    assert "Debrief: Tiny talks <b>&</b> [bold]co[/]" in md
    assert "Summit offer" in md and "chose “Decline”" in md
    assert "facilitator's reason: Fair <enough> & [b]ok[/]" in md
    assert "Water parked | for now (secret)" in md
    doc = HtmlDoc(render([TINY_GAME], "html"))
    assert "Tiny talks <b>&</b> [bold]co[/]" in doc.text and not doc.all("script") and not doc.all("b")


def test_golden_files_exist() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == ["tiny-game.html", "tiny-game.json", "tiny-game.md"]
    assert all(
        Path(GOLDEN / n).stat().st_size < 80_000 for n in ("tiny-game.html", "tiny-game.json", "tiny-game.md")
    )
