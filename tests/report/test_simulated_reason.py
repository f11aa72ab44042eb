"""A report of a `simulate --save-dir` game read in Russian or Ukrainian: the simulated facilitator's reason, which the
save records in English ("simulated ruling"), is tabletop's own words and reads in the report's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang
from tabletop.report import render
from .kit import scenario


@pytest.mark.parametrize(("code", "said"), [("ru", "смоделированное решение"), ("uk", "змодельоване рішення")])
def test_a_simulated_ruling_reads_in_the_report_s_language(tmp_path: Path, code: str, said: str) -> None:
    from tabletop.sim.runner import simulate

    simulate(scenario("parallel-tracks"), games=2, seed=7, save_dir=tmp_path)
    saves = sorted(p for p in tmp_path.glob("*.jsonl") if "simulated ruling" in p.read_text(encoding="utf-8"))
    assert saves, "no simulated game here had a facilitator's ruling: pick another seed"
    for fmt in ("md", "html"):
        with lang.using(code):
            text = render([saves[0]], fmt)
        assert "simulated ruling" not in text and said in text, fmt
    with lang.using("en"):
        assert "simulated ruling" in render([saves[0]], "md")
