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


@pytest.mark.parametrize("doc", [API, README], ids=lambda p: p.name)
def test_every_python_block_runs(doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks(doc)
    assert blocks
    monkeypatch.chdir(tmp_path)
    _save(tmp_path / "saves" / "game.jsonl", 30)
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
