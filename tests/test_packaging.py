"""What a built wheel declares of itself (pyproject.toml), checked without building one."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_licence_is_an_spdx_string_with_its_text_shipped() -> None:
    """Found from outside (helper-306): setuptools warned that ``license = { text = "MIT" }`` is deprecated and that
    such builds end on 2027-02-18, and no LICENSE file went with the MIT the project declares. The SPDX string and
    ``license-files`` need setuptools 77 or newer to build."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    project = pyproject["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"], project.get("license")
    floor = next(r for r in pyproject["build-system"]["requires"] if r.startswith("setuptools"))
    assert (found := re.fullmatch(r"setuptools>=(\d+)", floor)) and int(found[1]) >= 77, floor
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "tabletop contributors" in text, text[:200]
