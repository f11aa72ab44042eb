"""Content's writers (the validated cache, the translations cache, a stamped overlay) go through a draft of a new,
unguessable name: never through a file or a symlink another account planted at a name it could guess."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tabletop.content import cache, overlaycache, refresh
from tabletop.content.overlaywriting import stamp_file

from tests.planted import plant, untouched

from .test_overlays import _write


@pytest.mark.parametrize("planted", ["file", "symlink"])
def test_the_validated_cache_goes_through_no_planted_name(tmp_path: Path, planted: str,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """``.validated.jsonl.PID.tmp`` was opened as found: a symlink there had its target written over."""
    elsewhere = tmp_path / "monday.jsonl"
    monkeypatch.setattr(cache, "CACHE", tmp_path / "validated.jsonl")
    monkeypatch.setattr(refresh, "make_entries", lambda: [])
    monkeypatch.setattr(refresh, "render", lambda entries: "the cache\n")
    trap = tmp_path / f".validated.jsonl.{os.getpid()}.tmp"  # the name it was once written through
    plant(trap, planted, elsewhere)
    try:
        assert refresh.write()
    finally:
        cache.clear()
    assert cache.CACHE.read_text(encoding="utf-8") == "the cache\n"
    untouched(trap, planted, elsewhere, cache.CACHE)


@pytest.mark.parametrize("planted", ["file", "symlink"])
def test_the_translations_cache_goes_through_no_planted_name(tmp_path: Path, planted: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """``.translated.jsonl.PID.tmp`` was opened as found, as the validated cache's was."""
    elsewhere = tmp_path / "monday.jsonl"
    monkeypatch.setattr(overlaycache, "CACHE", tmp_path / "translated.jsonl")
    monkeypatch.setattr(overlaycache, "render", lambda: "the translations\n")
    trap = tmp_path / f".translated.jsonl.{os.getpid()}.tmp"
    plant(trap, planted, elsewhere)
    try:
        assert overlaycache.write()
    finally:
        overlaycache._index.cache_clear()
    assert overlaycache.CACHE.read_text(encoding="utf-8") == "the translations\n"
    untouched(trap, planted, elsewhere, overlaycache.CACHE)


@pytest.mark.parametrize("planted", ["file", "symlink"])
def test_a_stamped_overlay_goes_through_no_planted_name(scenarios: Path, planted: str) -> None:
    """``.NAME.stamp.tmp`` beside a translator's overlay, not even a pid in it, was opened as found."""
    rs, _deck = _write(scenarios)
    elsewhere = scenarios / "monday.jsonl"
    trap = rs.with_name(f".{rs.name}.stamp.tmp")
    plant(trap, planted, elsewhere)
    assert stamp_file(rs) == 4
    assert "[overlay]" in rs.read_text(encoding="utf-8")
    untouched(trap, planted, elsewhere, rs)
