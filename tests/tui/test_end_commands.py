"""A command to type, shown on a screen, reads as typed: no Markdown marks, and whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.tui.app import TabletopApp
from tabletop.tui.end import EndScreen

from .support import SIZE, SMALL, on_screen, start

LOCALE = Path(__file__).parents[2] / "tabletop" / "lang" / "locale"


@pytest.mark.parametrize(("lang", "size"), [("ru", SIZE), ("ru", SMALL), ("en", SMALL), ("uk", SIZE)])
async def test_the_end_screen_shows_the_verify_command_as_typed_and_whole(tmp_path: Path, lang: str,
                                                                         size: tuple[int, int],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-194): the end screen said "… — note it; `tabletop verify /tmp/…/game1.jsonl
    --lang ru --head 6e3fae5e` checks the save later.": a terminal is not Markdown, and the backticks typed with the
    command are the shell's command substitution. The command stands on its own line, as the replay and report
    commands under it, its save's path whole on one line, at 80x24 too."""
    monkeypatch.chdir(tmp_path)  # a path of a known length, as typed: relative to where the room started
    folder = Path("workshops") / "2025-spring-kyiv-moscow-dialogue" / "room-b"
    folder.mkdir(parents=True)
    session = start(folder, name="game1.jsonl")
    path = str(session.save_path)
    assert 50 < len(path) < 76, path  # a long path, which fits an 80-column line only on a line of its own
    head = (6, "6e3fae5e0c4d2b1a9f8e7d6c5b4a3928")
    app = TabletopApp(session, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(EndScreen(session.state, session.save_path, head=head))
        await pilot.pause()
        said = on_screen(app.screen.query_one("#end-head"))
        assert "`" not in said, said
        lines = on_screen(app.screen.query_one("#end-verify")).splitlines()
        assert "`" not in "\n".join(lines), lines
        assert said.rstrip().endswith(":"), said  # the command follows, on lines of its own
        assert lines[0].startswith("  tabletop verify "), lines
        assert any(line.strip() == path or line.strip().startswith(f"{path} ") or f" {path}" in line
                   for line in lines), lines  # the path whole on one row
        flag = "" if lang == "en" else f" --lang {lang}"  # (English: the language verify speaks here by itself)
        words = " ".join(line.strip() for line in lines).strip()  # (the padding's blank row below)
        assert words == f"tabletop verify {path}{flag} --head 6e3fae5e", words
        hints = on_screen(app.screen.query_one("#debrief-hints"))
        assert "`" not in hints and "tabletop replay" in hints, hints
        assert sum(path in line for line in hints.splitlines()) == 2, hints  # replay's and report's, each whole


def test_no_screen_words_hold_markdown_backticks() -> None:
    """Found from outside (helper-194): a terminal shows `tabletop verify …` with its backticks, and a shell reads
    them as a command to run. The screens' words (the tui catalogue, in every language) hold none: a notice said
    "fix them with `tabletop validate`" too."""
    from babel.messages.pofile import read_po

    catalogues = [LOCALE / "tui.pot", *sorted(LOCALE.glob("*/LC_MESSAGES/tui.po"))]
    assert len(catalogues) == 3
    for catalogue in catalogues:
        with catalogue.open("rb") as f:
            messages = [m for m in read_po(f) if m.id]
        words = [w for m in messages for w in (*_texts(m.id), *_texts(m.string))]
        assert len(words) > 500, catalogue  # read whole
        marked = [w for w in words if re.search(r"`[^`]+`", w)]
        assert marked == [], (catalogue.name, marked)


def _texts(said: object) -> tuple[str, ...]:
    """A message's id or string: one text, or its plural forms."""
    return tuple(said) if isinstance(said, (list, tuple)) else (str(said or ""),)
