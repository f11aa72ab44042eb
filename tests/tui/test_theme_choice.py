"""The theme is found and kept: named in the room's language, chosen at start (``TABLETOP_THEME``, ``--theme``).

Found from outside: F2 had to be pressed again after every play, resume, replay and join; nothing on the command
line chose the theme; and the toast read ``Theme: tabletop-high-contrast``, an internal id, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.tui.app import TabletopApp

from .support import SMALL, press, start


async def test_the_theme_named_at_start_is_on_and_f2_names_the_next_in_the_room_s_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TABLETOP_THEME", "high-contrast")
    app = TabletopApp(start(tmp_path), lang="ru")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        assert app.theme == "tabletop-high-contrast"
        await press(pilot, "f2")
        await press(pilot, "f2")
        assert app.theme == "textual-dark"
        said = [str(n.message) for n in app._notifications]
        assert said == ["Оформление: светлое", "Оформление: тёмное"], said


async def test_the_palette_offers_tabletop_s_themes_in_the_room_s_language_not_textual_s_picker(tmp_path: Path) -> None:
    """Found from outside: ctrl+p's "Theme" under ``--lang ru`` opened Textual's picker of some twenty themes named in
    English (``ansi-dark``, ``dracula``, ``nord`` …), which left tabletop's three, high contrast too; and the palette
    offered Textual's own "Keys" and "Maximize", which are not tabletop's (F1 lists the keys)."""
    app = TabletopApp(start(tmp_path), lang="ru")
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        themes = [title for title in commands if title.startswith("Оформление")]
        assert themes == ["Оформление: высокий контраст", "Оформление: светлое"], list(commands)
        assert not {"Клавиши", "Развернуть", "Свернуть"} & set(commands), list(commands)
        commands["Оформление: высокий контраст"].callback()
        await pilot.pause()
        assert app.theme == "tabletop-high-contrast"
        assert [str(n.message) for n in app._notifications] == ["Оформление: высокий контраст"]
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert [t for t in titles if t.startswith("Оформление")] == ["Оформление: тёмное", "Оформление: светлое"]


@pytest.mark.parametrize("words, env", [
    (["replay", "none.jsonl"], "bright"),
    (["replay", "none.jsonl", "--theme", "bright"], None),
])
def test_a_theme_tabletop_has_not_is_refused_in_one_line_naming_the_themes(
        words: list[str], env: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    if env is not None:
        monkeypatch.setenv("TABLETOP_THEME", env)
    assert main(words) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "bright" in err and "dark, high-contrast, light" in err, err
