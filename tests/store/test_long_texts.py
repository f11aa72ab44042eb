"""A text too long for the record is refused before it is taken; what is taken, a reader reads back.

Found from outside: a note of 2.2 million characters (a paste) was taken, "Note saved.", and play went
on; the save's line was then over the reader's 4 MiB, so verify called the save damaged at that event
and resume and report dropped it and every event after it, all shown to the room as done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import Action, RuleViolation, load_scenario
from tabletop.engine.actions import TEXT_LIMIT
from tabletop.play.session import Session
from tabletop.store import SaveWriteError
from tabletop.store.lines import MAX_LINE
from tabletop.store.verifying import verify


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.start(load_scenario("parallel-tracks"), 3, tmp_path / "notes.jsonl")


def test_a_note_past_the_limit_is_refused_and_the_longest_allowed_is_read_back(session: Session) -> None:
    with pytest.raises(RuleViolation) as refused:
        session.apply(Action("note", text="Ж" * (TEXT_LIMIT + 1)))
    assert refused.value.code == "TEXT_TOO_LONG" and f"at most {TEXT_LIMIT}" in refused.value.message
    with pytest.raises(RuleViolation):
        session.apply(Action("override", track="borders", tension=4, reason="x" * (TEXT_LIMIT + 1)))
    session.apply(Action("note", text="Ж" * TEXT_LIMIT))
    session.apply(session.options()[0])
    session.close()
    report = verify(session.save_path)
    assert report.ok and report.events == 2


def test_the_writer_never_writes_a_line_the_reader_refuses(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """The engine's limit keeps lines far shorter; were it ever lifted, the save refuses the event, whole."""
    monkeypatch.setattr("tabletop.engine.rules.TEXT_LIMIT", MAX_LINE)
    session.apply(session.options()[0])
    size = session.save_path.stat().st_size
    with pytest.raises(SaveWriteError):
        session.apply(Action("note", text="C" * (MAX_LINE // 2 + 1)))  # twice in its line: over the limit
    assert session.save_path.stat().st_size == size and session.state.seq == 1
    session.apply(Action("note", text="a short one"))
    session.close()
    report = verify(session.save_path)
    assert report.ok and report.events == 2


def test_a_text_s_language_tabletop_does_not_speak_is_refused_not_saved(session: Session) -> None:
    """A save records a text's language as one tabletop speaks, and verify holds it to that (found from outside,
    helper-259: ``<script>x</script>`` passed). A seat's wire action may name any: refused before it is saved, so the
    writer never writes a line verify calls damaged."""
    for lang in ("<script>x</script>", "fr", ""):
        with pytest.raises(RuleViolation) as refused:
            session.apply(Action("note", text="hello", lang=lang))
        assert refused.value.code == "INVALID_ACTION" and "one of en, ru, uk" in refused.value.message
    session.apply(Action("note", text="привіт", lang="uk"))
    session.close()
    report = verify(session.save_path)
    assert report.ok and report.events == 1
