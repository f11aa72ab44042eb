"""The command that checks a save against a noted chain head is written once (store.heads.verify_command), for the
end screen and the reports (issue 14): ``--lang`` where verify would not by itself speak the language of the text
that shows the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.lang import using
from tabletop.store.heads import verify_command

HEAD = "40651999"


@pytest.fixture
def ukrainian_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("TABLETOP_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("LANG", "uk_UA.UTF-8")


@pytest.mark.usefixtures("ukrainian_terminal")
def test_a_screen_names_the_language_only_where_this_terminal_would_not_speak_it() -> None:
    with using("uk"):
        assert verify_command(Path("saves/a b.jsonl"), HEAD) == f"tabletop verify 'saves/a b.jsonl' --head {HEAD}"
    with using("en"):
        assert verify_command(Path("saves/a.jsonl"), HEAD) == f"tabletop verify saves/a.jsonl --lang en --head {HEAD}"


@pytest.mark.usefixtures("ukrainian_terminal")
def test_a_document_names_its_language_english_too_whatever_the_terminal_it_is_written_on() -> None:
    """A report is read on another machine: its command can lean neither on the writer's settings nor on the
    reader's (found from outside: an English report's command, typed where the locale is Russian, verified in
    Russian)."""
    with using("uk"):
        assert verify_command("a.jsonl", HEAD, document=True) == f"tabletop verify a.jsonl --lang uk --head {HEAD}"
    with using("en"):
        assert verify_command("a.jsonl", HEAD, document=True) == f"tabletop verify a.jsonl --lang en --head {HEAD}"


def test_no_save_is_the_placeholder() -> None:
    with using("en"):
        assert verify_command(None, HEAD, document=True) == f"tabletop verify SAVE --lang en --head {HEAD}"
