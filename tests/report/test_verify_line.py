"""The report's closing line: the command that checks the save against its chain head, as it can be typed."""

from __future__ import annotations

import pytest

from tabletop.report import build_report, render

from .kit import HtmlDoc, Played, md_text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_verify_command_says_where_to_run_it_and_in_the_reports_language(strict_game: Played, fmt: str) -> None:
    """Found from outside (helper-152): "check it with `tabletop verify NAME --head HASH`" named the save by its
    file name alone, so typed where ``tabletop report saves/x.jsonl`` was run it answered "no such file"; and in a
    Ukrainian report it answered in the reader's locale, not in Ukrainian."""
    head = build_report(strict_game.path)["chain_head"]["hash"]
    name = strict_game.path.name

    def shown(lang: str) -> str:
        page = render([strict_game.path], fmt, lang=lang)
        return md_text(page) if fmt == "md" else HtmlDoc(page).text

    english = shown("en")
    assert f"check it, in the save's folder, with tabletop verify {name} --lang en --head {head})." in english, \
        english[-300:]
    for lang in ("ru", "uk"):
        assert f"tabletop verify {name} --lang {lang} --head {head})." in shown(lang)


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("reader", ["ru_RU.UTF-8", "uk_UA.UTF-8", "C.UTF-8"])
def test_an_english_reports_verify_command_names_english_wherever_it_is_made_or_typed(
        strict_game: Played, fmt: str, reader: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: ``tabletop report SAVE --lang en`` told its reader to type ``tabletop verify NAME --head
    HASH``, which, typed where the locale is Russian, verified in Russian. A report cannot know its reader's
    machine: it names its language, English too, and its bytes are the same whatever the machine it was made on."""
    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", reader)
    head = build_report(strict_game.path)["chain_head"]["hash"]
    page = render([strict_game.path], fmt, lang="en")
    text = md_text(page) if fmt == "md" else HtmlDoc(page).text
    assert f"tabletop verify {strict_game.path.name} --lang en --head {head})." in text, text[-300:]
