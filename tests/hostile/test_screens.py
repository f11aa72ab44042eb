"""File text on the screens is shown literally: markup from a save is not markup.

A save whose damage quotes ``[@click=app.quit]X[/]`` made the replay viewer's
"damaged save" notification a working link that quit the app.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets._toast import Toast

from tabletop import open_save
from tabletop.content.literal import literal, one_line
from tabletop.report import htmlparts, words
from tabletop.tui import text
from tabletop.tui.replay import ReplayApp

from .corpus import HOSTILE, MARKUP, damaged_with_markup, raw_controls

SIZE = (120, 40)


async def test_the_damaged_save_notification_shows_markup_literally(tmp_path: Path) -> None:
    save = open_save(damaged_with_markup(tmp_path), strict=False)  # the intact part, as the replay reads it
    assert save.damage is not None
    app = ReplayApp(save)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        damaged = [n for n in app._notifications if n.title == "Damaged save"]
        assert damaged, "no damaged-save notification"
        for note in damaged:
            assert note.markup is False
            assert not raw_controls(note.message)
        toasts = [str(t.render()) for t in app.screen.query(Toast)] + [
            str(t.render()) for t in app.query(Toast)
        ]
        shown = "\n".join(toasts)
        assert "damaged" in shown
        if MARKUP in damaged[0].message:  # the damage quotes the forged key: as written, brackets and all
            assert MARKUP in shown
        await pilot.click(Toast)  # were the markup live, this would quit the app
        await pilot.pause()
        assert app.is_running


def test_one_sanitiser_behind_both_old_names() -> None:
    assert text.literal is literal and htmlparts.literal is literal and words.one_line is one_line
    shown = literal(HOSTILE)
    assert not raw_controls(shown)
    assert "\u241b[2J" in shown and "<U+202E>" in shown and "\u2400" in shown and MARKUP in shown
    assert literal(shown) == shown  # applying it twice changes nothing more


def test_line_breaks_are_kept_or_shown() -> None:
    assert literal("a\r\nb\rc\td") == "a\nb\nc\td"
    assert literal("a\nb\tc", lines=False) == "a\u240ab\u2409c"
    assert literal(None) == ""
    assert one_line(" a \n b ") == "a b"
