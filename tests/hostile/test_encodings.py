"""A terminal or a redirection that is not UTF-8: documents stay UTF-8, messages never crash.

Found from outside (helper-224): on a Russian or Ukrainian Windows, output redirected to a file is cp1251, and
``tabletop report SAVE > r.md`` ended in a traceback (``UnicodeEncodeError: 'charmap' codec can't encode character
'\\u25cb'``), exit 1, r.md empty; ``--lang ru verify`` and ``--lang uk --help`` did the same in koi8_r, cp866 and
ascii. Each command runs in a child process whose ``PYTHONIOENCODING`` says what the terminal would.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tabletop.cli import main

REPO = Path(__file__).resolve().parents[2]
TINY_GAME = REPO / "tests" / "report" / "fixtures" / "tiny-game.jsonl"
#: generous upper bound only: a run takes well under a second
TIMEOUT = 60
#: what the tester's terminals wrote in: Russian and Ukrainian Windows, Linux's old Russian, DOS, plain ASCII
ENCODINGS = ["cp1251", "koi8_r", "cp866", "ascii", "latin-1"]


def run(args: list[str], encoding: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding,
           "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "tabletop", *args], capture_output=True, timeout=TIMEOUT, env=env)


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    said = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, (result.returncode, said[-2000:])
    assert b"Traceback" not in result.stderr and b"Traceback" not in result.stdout, said[-2000:]


@pytest.fixture(scope="module")
def save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("encodings") / "game.jsonl"
    shutil.copyfile(TINY_GAME, copy)
    return copy


@pytest.fixture(scope="module")
def swept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("swept")
    spec = root / "sweep.toml"
    spec.write_text('[sweep]\nruleset = "parallel-tracks"\ngames = 2\nseed = 1\nchunk = 2\n\n'
                    '[[axes]]\nkey = "bots.ru"\nvalues = ["cooperative"]\n', encoding="utf-8")
    assert main(["sweep", str(spec), "--out", str(root / "out"), "--workers", "1", "--quiet"]) == 0
    return root / "out"


@pytest.mark.parametrize("encoding", ["cp1251", "ascii"])
@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_report_on_standard_output_is_the_utf_8_document_o_file_writes(
        encoding: str, lang: str, fmt: str, save: Path, tmp_path: Path) -> None:
    """A document is UTF-8 whatever the terminal says: the bytes on stdout are those ``-o FILE`` writes."""
    written = tmp_path / f"report.{fmt}"
    _no_traceback(run(["--lang", lang, "report", str(save), "--format", fmt, "-o", str(written)], "utf-8"))
    expected = written.read_bytes()
    assert any(byte > 0x7F for byte in expected)  # something in it a cp1251 or ascii stdout cannot encode
    for argv in (["report", str(save), "--format", fmt], ["report", str(save), "--format", fmt, "-o", "-"]):
        result = run(["--lang", lang, *argv], encoding)
        _no_traceback(result)
        assert result.stdout.decode("utf-8") == expected.decode("utf-8")  # valid UTF-8, the same document
        assert result.stdout == expected


@pytest.mark.parametrize("encoding", ["cp1251", "ascii"])
def test_a_sweep_report_and_a_schema_on_standard_output_are_utf_8(encoding: str, swept: Path, tmp_path: Path) -> None:
    written = tmp_path / "sweep.md"
    _no_traceback(run(["--lang", "ru", "sweep", "report", str(swept), "-o", str(written)], "utf-8"))
    result = run(["--lang", "ru", "sweep", "report", str(swept), "-o", "-"], encoding)
    _no_traceback(result)
    assert result.stdout.decode("utf-8").rstrip("\n") == written.read_text(encoding="utf-8").rstrip("\n")
    schema = run(["schema", "ruleset"], encoding)
    _no_traceback(schema)
    assert schema.stdout == run(["schema", "ruleset"], "utf-8").stdout


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_verify_in_russian_says_its_verdict_on_any_terminal(encoding: str, save: Path) -> None:
    """The verdict is a message for the terminal: a character it cannot show is a stand-in, never a crash."""
    result = run(["--lang", "ru", "verify", str(save)], encoding)
    _no_traceback(result)
    utf8 = run(["--lang", "ru", "verify", str(save)], "utf-8").stdout.decode("utf-8")
    assert "\u0446\u0435\u043b\u043e" in utf8, utf8  # "цело" (intact): the verdict, in Russian
    assert result.stdout == utf8.encode(encoding, "replace")  # each letter it has, as itself; the others "?"


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_help_in_russian_or_ukrainian_is_shown_on_any_terminal(encoding: str, lang: str) -> None:
    for argv in (["--lang", lang, "--help"], ["--lang", lang, "report", "--help"]):
        result = run(argv, encoding)
        _no_traceback(result)
        assert "tabletop" in result.stdout.decode(encoding)
