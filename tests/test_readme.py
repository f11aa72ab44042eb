"""The README's commands work as written: the flags exist, and it says how to reach `tabletop` in the venv."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tabletop.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def commands() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("tabletop ")]


def test_every_tabletop_command_in_the_readme_parses() -> None:
    found = commands()
    assert len(found) >= 10
    parser = build_parser()
    for line in found:
        words = shlex.split(line, comments=True)
        words = words[: words.index(">")] if ">" in words else words  # a shell redirection
        parser.parse_args(words[1:])  # exits (a failed test) on an unknown flag or a bad value


def test_the_readme_says_how_to_run_tabletop_from_the_venv() -> None:
    text = README.read_text(encoding="utf-8")
    install = text.index(".venv/bin/pip install .")
    first_bare = min(text.index(f"\n{c}") for c in commands())
    activation = text.index(". .venv/bin/activate")
    assert install < activation < first_bare  # said before the first bare `tabletop …` command
    assert ".venv/bin/tabletop play" in text


def test_the_readme_test_command_is_what_ci_runs() -> None:
    """README's test command is the line .ci/run runs: CI runs what a developer is told to run."""
    root = README.parent
    text = README.read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    browser = (root / "scripts" / "browser").read_text(encoding="utf-8")
    command = next(line for line in ci.splitlines() if line.startswith("scripts/browser && "))
    assert f"```sh\n{command}\n```" in text
    assert command.endswith(".venv/bin/python -m pytest -n auto")
    assert "apt-get install" in browser and "chromium chromium-driver" in browser
