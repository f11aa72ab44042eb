"""Reading a content file costs what the file holds, not the size limit it is held to."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from tabletop.content.files import FileRefused, read_regular

LIMIT = 16 * 1024 * 1024


def test_a_small_file_is_read_without_setting_aside_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "entry.jsonl"
    path.write_bytes(b"x" * 1000)
    tracemalloc.start()
    try:
        assert read_regular(path, LIMIT) == b"x" * 1000
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, f"reading 1 kB set aside {peak} bytes"


def test_a_file_over_the_limit_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"x" * 2049)
    with pytest.raises(FileRefused, match="too large"):
        read_regular(path, 2048)
    path.write_bytes(b"x" * 2048)
    assert len(read_regular(path, 2048)) == 2048
