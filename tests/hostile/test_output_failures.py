"""Standard output that fails under a command: a full disk (``> /dev/full``), a reader gone (``| head -0``).

Found from outside: ``tabletop report SAVE > /full-disk/file`` showed a Python traceback, and
``tabletop validate BAD.toml | head -0`` exited 0, so a ``set -o pipefail`` check before a
workshop passed a broken scenario. Each command runs in a child process, as a user runs it; the
reader that went away is a pipe whose read end is closed before the child starts (no race).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli import main

from .corpus import damaged_with_markup

REPO = Path(__file__).resolve().parents[2]
#: generous upper bound only: a run takes well under a second
TIMEOUT = 60
#: 128 + SIGPIPE: what a shell reports for a writer whose reader went away
READER_GONE = 141


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("output")
    bad = root / "bad.toml"
    bad.write_text("[ruleset]\nid = 3\n", encoding="utf-8")
    good = root / "good"
    assert main(["simulate", "--games", "1", "--seed", "3", "--workers", "1", "--json", "--save-dir", str(good)]) == 0
    sweep = root / "sweep.toml"
    sweep.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 2\nseed = 1\nchunk = 2\n\n'
                     '[[axes]]\nkey = "bots.ru"\nvalues = ["cooperative"]\n', encoding="utf-8")
    assert main(["sweep", str(sweep), "--out", str(root / "swept"), "--workers", "1", "--quiet"]) == 0
    return {"bad": bad, "save": next(good.glob("*.jsonl")), "damaged": damaged_with_markup(root / "damaged"),
            "swept": root / "swept"}


def run(args: list[str], stdout: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "tabletop", *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          timeout=TIMEOUT, env=env)


COMMANDS = {
    "validate-bad": ["validate", "{bad}"],
    "verify-damaged": ["verify", "{damaged}"],
    "verify-intact": ["verify", "{save}"],
    "report-html": ["report", "{save}", "--format", "html"],
    "report-md": ["report", "{save}"],
    "simulate": ["simulate", "--games", "2", "--workers", "1"],
    "schema": ["schema", "ruleset"],
    "sweep-report": ["sweep", "report", "{swept}"],
}


def _args(name: str, files: dict[str, Path]) -> list[str]:
    return [part.format(**{k: str(v) for k, v in files.items()}) for part in COMMANDS[name]]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_full_disk_under_stdout_is_one_line_not_a_traceback(name: str, files: dict[str, Path]) -> None:
    with open("/dev/full", "w") as full:
        result = run(_args(name, files), full.fileno())
    assert result.returncode not in (0, None), result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr[-2000:]
    assert result.stderr == "tabletop: cannot write the output: No space left on device\n", result.stderr[-2000:]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_reader_gone_never_turns_a_command_into_a_success(name: str, files: dict[str, Path]) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader went away before the first line (``| head -0``)
    try:
        result = run(_args(name, files), write)
    finally:
        os.close(write)
    assert result.returncode == READER_GONE, (result.returncode, result.stderr[-2000:])
    assert result.stderr == "", result.stderr[-2000:]  # quiet: no traceback, no "Exception ignored"
