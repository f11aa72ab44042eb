"""An event read back is built past the frozen dataclass's ``__init__`` (its fields handed over in one dict): it
is, field for field, the event ``__init__`` builds, and stays frozen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tabletop.store.reading import SavedEvent, open_save

from .savekit import record_bot_game, scenario


def test_an_event_read_back_is_the_one_init_builds(tmp_path: Path) -> None:
    path = tmp_path / "game.jsonl"
    record_bot_game(path, scenario().with_options(sealed_moves=True), 4)  # seals and reveals too
    events = open_save(path).events
    assert any(e.seal for e in events) and any(e.reveal for e in events)
    names = [f.name for f in dataclasses.fields(SavedEvent)]
    assert len(events) > 20
    for event in events:
        assert list(vars(event)) == names
        built = SavedEvent(**vars(event))
        assert event == built and repr(event) == repr(built) and hash(event.seq) == hash(built.seq)
    with pytest.raises(dataclasses.FrozenInstanceError):
        events[0].seq = 99  # type: ignore[misc]
