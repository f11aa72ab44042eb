"""The title line at narrow widths keeps what a facilitator needs: the save's name, whole.

Found from outside (helper-371, a hot seat at 80x24): "⭘ Parallel Tracks: European security — strict independence · …
session 0:00:02": the save's name was cut off, and the facilitator never saw which file the game was written to.
The scenario's long name gives way first, then the line's start; the save's name and the clock stay whole.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from tabletop.engine.lookups import shown
from tabletop.lang import Domain, using
from tabletop.tui.bars import TitleBar
from tabletop.tui.board import board_subtitle

from .support import SIZE, SMALL, start


class _Bar(App[None]):
    def compose(self) -> ComposeResult:
        yield TitleBar()


async def test_the_title_line_keeps_the_save_s_name_whole_at_80x24_in_english_and_russian(tmp_path: Path) -> None:
    session = start(tmp_path)
    save = Path("workshops") / "monday.jsonl"
    app = _Bar()
    async with app.run_test(size=SIZE) as pilot:
        bar = app.screen.query_one(TitleBar)
        for lang in ("en", "ru"):
            with using(lang):
                words = Domain("tui").words()[0]
                name = shown(session.state).ruleset.ruleset.name
                note = words("scenario texts in English")
                clock = words("session {clock}").format(clock="0:00:02")
                subs = {said_note: board_subtitle("strict", save, said_note) for said_note in ("", note)}
            for said_note, sub_title in subs.items():
                app.screen.title = name
                app.screen.sub_title = sub_title
                bar.clock = clock
                for size in (SIZE, SMALL):
                    await pilot.resize_terminal(*size)
                    await pilot.pause()
                    line = bar.render().plain
                    assert len(line) <= size[0] and line.rstrip().endswith(clock), (size, line)
                    assert f"{save}" in line, (lang, size, line)  # the save's name, whole
                    if len(f" \u2b58 {name} \u2014 {sub_title}  {clock} ") <= size[0]:  # room for all: all of it
                        assert f"{name} \u2014 {sub_title}" in line, line
                    if size == SIZE:  # the name gives way before anything else does
                        assert sub_title in line, line
                    if " \u2014 " in line:  # the name, if any of it shows, shows from its start
                        assert name.startswith(line.split(" \u2014 ")[0].strip(" \u2b58\u2026")), line
