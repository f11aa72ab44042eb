"""Fixtures shared by the content tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tabletop.content.finding import BUNDLED


@pytest.fixture
def scenarios(tmp_path: Path) -> Path:
    """A copy of the bundled scenarios without overlays, for overlays (and tables) of a test's own."""
    folder = tmp_path / "scenarios"
    shutil.copytree(BUNDLED, folder, ignore=shutil.ignore_patterns("*.*.toml", "*.jsonl"))
    return folder
