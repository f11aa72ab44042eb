"""Every command that reads files, fed the hostile corpus, as a user runs it.

Each run is a subprocess under a timeout: zero hangs (a FIFO, ``/dev/zero``),
zero tracebacks, a non-zero exit for bad input, and no raw control byte on
the terminal (names, unknown keys and damage details are shown literally).
``play``, ``resume`` and ``replay`` stop at "needs a terminal" under a pipe:
for ``resume`` and ``replay`` the terminal check and the screen are stubbed
in the child, so their whole loading path runs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .corpus import (
    damaged_with_markup,
    deeply_nested,
    fifo,
    hostile_save,
    hostile_scenario,
    huge_numbers_ruleset,
    oversized,
    raw_controls,
    unknown_key_ruleset,
)

REPO = Path(__file__).resolve().parents[2]
#: generous: a run takes a second or two, but seven test runs share two cores
TIMEOUT = 60

# The child: the real command line, with the screens stubbed (they need a terminal).
CHILD = r"""
import sys
import tabletop.cli as cli
import tabletop.cli.screens as screens

class Screens:
    return_code = 0
    _exception = None
    def __init__(self, session):
        self.session = session
    def run(self):
        if self.session is not None:
            self.session.close()

screens._need_terminal = lambda *_a: None
screens.play_app = Screens
if sys.argv[1] == "replay":  # Textual is a second's import: only the command that shows it pays for it
    import tabletop.tui.replay as replay
    replay.ReplayApp.run = lambda self, *a, **k: None
sys.exit(cli.main(sys.argv[1:]))
"""

CONTENT = ["hostile", "unknown-keys", "huge", "deep", "deep-sibling", "fifo", "dev-zero", "directory", "oversized"]
SAVES = ["hostile", "damaged-markup", "deep-header", "fifo", "dev-zero", "directory", "oversized"]
#: inputs every command must refuse (the others are valid, or valid enough to show with a warning)
BAD = {"unknown-keys", "huge", "deep", "fifo", "dev-zero", "directory", "oversized", "deep-header"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    root = tmp_path_factory.mktemp("hostile")
    content = {
        "hostile": hostile_scenario(root / "scenario"),
        "unknown-keys": unknown_key_ruleset(root),
        "huge": huge_numbers_ruleset(root),
        "deep": deeply_nested(root / "deep.toml"),
        "fifo": fifo(root / "pipe.toml"),
        "dev-zero": Path("/dev/zero"),
        "directory": root / "folder.toml",
        "oversized": oversized(root / "big.toml"),
    }
    content["directory"].mkdir()
    # deck discovery reads every .toml beside the ruleset: one of them nested beyond the recursion limit
    sibling = root / "sibling"
    (sibling / "decks").mkdir(parents=True)
    (sibling / "rulesets").mkdir()
    deeply_nested(sibling / "decks" / "deep.toml")
    ruleset = content["hostile"].read_text(encoding="utf-8").replace('deck = "hostile-events"', 'deck = "elsewhere"')
    content["deep-sibling"] = sibling / "rulesets" / "hostile.toml"
    content["deep-sibling"].write_text(ruleset, encoding="utf-8")

    saves_dir = root / "saves"
    saves_dir.mkdir()
    deep_header = saves_dir / "deep.jsonl"
    deep_header.write_text('{"format":' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    saves = {
        "hostile": hostile_save(root / "clean"),
        "damaged-markup": damaged_with_markup(root / "damaged"),
        "deep-header": deep_header,
        "fifo": fifo(saves_dir / "pipe.jsonl"),
        "dev-zero": Path("/dev/zero"),
        "directory": saves_dir / "folder.jsonl",
        "oversized": oversized(saves_dir / "big.jsonl", 20 * 1024 * 1024),
    }
    saves["directory"].mkdir()
    return {"content": content, "saves": saves}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    # the tabletop of this checkout, whatever the venv has installed
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run(
        [sys.executable, "-c", CHILD, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd,
        encoding="utf-8", errors="replace", env=env,
    )


CASES = (
    [(["validate", "{}"], "content", name) for name in CONTENT]
    + [(["simulate", "--games", "2", "--workers", "1", "--ruleset", "{}"], "content", name) for name in CONTENT]
    + [(["play", "--ruleset", "{}", "--save", "{tmp}/new.jsonl", "--seed", "1"], "content", name) for name in CONTENT]
    + [(["verify", "{}"], "saves", name) for name in SAVES]
    + [(["report", "--format", fmt, "{}"], "saves", name) for fmt in ("md", "html", "json") for name in SAVES]
    + [(["replay", "{}"], "saves", name) for name in SAVES]
    + [(["resume", "{}"], "saves", name) for name in SAVES]
)


def _case_id(command: list[str], kind: str, name: str) -> str:
    verb = f"report-{command[2]}" if command[0] == "report" else command[0]
    return f"{verb}-{kind}-{name}"


@pytest.mark.parametrize(("command", "kind", "name"), CASES, ids=[_case_id(*c) for c in CASES])
def test_a_command_survives_hostile_input(
    command: list[str], kind: str, name: str, corpus: dict[str, dict[str, Path]], tmp_path: Path
) -> None:
    target = corpus[kind][name]
    if kind == "saves" and name in ("hostile", "damaged-markup") and command[0] == "resume":
        # resume writes beside the save (a recovered copy): work on a copy
        copy = tmp_path / target.name
        copy.write_bytes(target.read_bytes())
        target = copy
    args = [part.replace("{}", str(target)).replace("{tmp}", str(tmp_path)) for part in command]
    result = run(args, tmp_path)
    shown = result.stdout + result.stderr
    assert "Traceback" not in shown, shown[-3000:]
    assert not raw_controls(shown), f"raw control characters reached the terminal: {sorted(raw_controls(shown))!r}"
    assert "RecursionError" not in shown and "MemoryError" not in shown
    if name in BAD:
        assert result.returncode != 0, shown[-2000:]
    if kind == "saves" and name == "damaged-markup" and command[0] == "verify":
        assert result.returncode == 1
