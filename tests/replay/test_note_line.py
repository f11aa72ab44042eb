"""A facilitator's event in the replay's timeline names its kind once, as the board's log and the report's decision
log do: one FACILITATOR mark, then what happened in the engine's words (``engine.telling``, shared by all three)."""

from __future__ import annotations

import pytest

from tabletop import lang
from tabletop.store.reading import open_save
from tabletop.tui.replay import ReplayScreen
from tabletop.tui.timeline import event_text

from tests.report.kit import TINY_GAME

#: each language's word for a note and an undo, as the mark and the sentence would both say it
KIND_WORDS = {"en": ("note", "undo"), "ru": ("заметк", "отмен"), "uk": ("нотатк", "скасуванн")}
#: the mark the board's log and the report's decision log put before a facilitator's event
MARK = {"en": "FACILITATOR", "ru": "ВЕДУЩИЙ", "uk": "ВЕДУЧИЙ"}


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_a_note_and_an_undo_in_the_timeline_name_their_kind_once(code: str) -> None:
    """Found from outside: the debrief viewer read "NOTE Note on event 19: …" (and "UNDO Undo: …")."""
    save = open_save(TINY_GAME)
    screen = ReplayScreen(save)
    lang.set_language(code)
    try:
        for kind, word in zip(("note", "undo"), KIND_WORDS[code], strict=True):
            events = [e for e in save.events if e.action.kind == kind]
            assert events, kind
            for e in events:
                line = event_text(save.state_at(e.seq), e, screen._undone, screen._revealed_at, screen._notes, {},
                                  screen._noted).plain
                said = line.replace(e.action.text or "\0", "")  # the note's own text may say "note" too
                assert said.lower().count(word) == 1, line
                assert MARK[code] in line, line
    finally:
        lang.set_language("en")
