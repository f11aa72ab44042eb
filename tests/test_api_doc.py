"""docs/api.md, the Python API's reference, and the README's example: every code block runs as written, and the
reference names every refusal code and every facilitator's power (found from outside, helper-221: the powers'
fields had to be read from engine/powers.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop import apply, legal_actions, load_scenario, new_game
from tabletop.engine.actions import FACILITATOR_KINDS
from tabletop.engine.codes import Code
from tabletop.store import SaveWriter

ROOT = Path(__file__).resolve().parents[1]
API = ROOT / "docs" / "api.md"
README = ROOT / "README.md"


def _python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.S)


def _save(path: Path, events: int) -> None:
    """A save of a game's first ``events`` events, as ``tabletop play --save`` writes it."""
    scenario = load_scenario("parallel-tracks")
    state = new_game(scenario, seed=7)
    path.parent.mkdir()
    with SaveWriter.create(path, scenario, 7, durable=False) as writer:
        for _ in range(events):
            state = apply(state, legal_actions(state)[0])
            writer.append(state)


#: a small sweep, written where the README's sweep examples read one (sweeps/borders)
SMALL_SWEEP = """\
[sweep]
ruleset = "parallel-tracks"
games = 3
seed = 1
chunk = 2

[[axes]]
key = "tracks.borders.breakdown_at"
values = [6, 9]
"""


def _sweep_folder(capsys: pytest.CaptureFixture[str]) -> Path:
    """``sweeps/borders`` in the working folder, played as the README says, with the HTML report written where the
    sweep's closing line suggests (found from outside: it suggested OUT/report.html, a file no Parquet reader of
    the folder takes)."""
    from tabletop.cli import main

    Path("borders.toml").write_text(SMALL_SWEEP, encoding="utf-8")
    capsys.readouterr()
    assert main(["sweep", "borders.toml", "--out", "sweeps/borders", "--workers", "1"]) == 0
    suggested = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("summary: "))
    command = suggested.removeprefix("summary: tabletop ").split()
    assert main(command) == 0, suggested
    capsys.readouterr()
    return Path("sweeps/borders")


@pytest.mark.parametrize("doc", [API, README], ids=lambda p: p.name)
def test_every_python_block_runs(doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _python_blocks(doc)
    assert blocks
    monkeypatch.chdir(tmp_path)
    _save(tmp_path / "saves" / "game.jsonl", 30)
    if doc == README:
        _sweep_folder(capsys)
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for block in blocks:  # in order, in one namespace, as a notebook runs them
        exec(compile(block, str(doc), "exec"), namespace)  # noqa: S102 - the doc's own examples


def test_the_reference_names_every_refusal_code_and_every_power() -> None:
    text = API.read_text(encoding="utf-8")
    assert not [code.value for code in Code if f"`{code.value}`" not in text]
    powers = re.findall(r"^\| `(\w+)` \|", text, flags=re.M)
    assert set(FACILITATOR_KINDS) <= set(powers)
    for name in ("RuleViolation", "ContentError", "SaveError", ".problems", "state_at(-1)", "strict=False"):
        assert name in text


def test_the_readme_s_api_section_links_the_reference() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Python API"):text.index("## Layout")]
    assert "(docs/api.md)" in section


def test_the_readme_s_pyarrow_lines_read_a_sweep_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: the README said pyarrow reads the folder, but ``pq.read_table('out-full')`` failed on
    sweep.json ("Parquet magic bytes not found in footer"), and the report the closing line suggested went into
    the folder too. The README's own lines, as written, read every game, with its point, beside that report."""
    pytest.importorskip("pyarrow")
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Sweeps"):text.index("## Writing a scenario")]
    blocks = [b for b in _python_blocks_of(section) if "pyarrow" in b]
    assert blocks, "the README's Sweeps section has no pyarrow lines"
    monkeypatch.chdir(tmp_path)
    folder = _sweep_folder(capsys)
    namespace: dict[str, object] = {"__name__": "__doc_example__"}
    for block in blocks:
        exec(compile(block, str(README), "exec"), namespace)  # noqa: S102 - the README's own lines
    games = namespace["games"]
    assert games.num_rows == 6  # type: ignore[attr-defined]
    assert sorted(set(games.column("point").to_pylist())) == [0, 1]  # type: ignore[attr-defined]
    assert sorted(p.name for p in folder.iterdir()) == ["point=0", "point=1", "sweep.json"]
    pandas_line = re.search(r"`(games\.to_pandas\(\))`", section)
    assert pandas_line, "the README says how pandas reads it"
    try:
        frame = eval(pandas_line.group(1), namespace)  # noqa: S307 - the README's own expression
    except ModuleNotFoundError as exc:  # pandas is no dependency of tabletop: the line reaches it, no further
        assert exc.name == "pandas"
    else:
        assert len(frame) == 6 and "point" in frame.columns


def _python_blocks_of(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.S)
