"""Resources may be named in a ruleset (``[[resources]]``, optional) and in its overlays (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.cli import main
from tabletop.cli.schema import schema_for
from tabletop.content.loader import load_scenario
from tabletop.engine.wording import resource_name, scenario_names



def _name_resources(scenarios: Path, table: str) -> Path:
    rs = scenarios / "rulesets" / "parallel-tracks.toml"
    rs.write_text(rs.read_text(encoding="utf-8") + table, encoding="utf-8")
    return rs


def test_a_named_resource_shows_its_name(scenarios: Path) -> None:
    rs = _name_resources(scenarios, '\n[[resources]]\nid = "capital"\nname = "Political capital"\n')
    names = scenario_names(load_scenario(rs))
    assert resource_name("capital", names) == "Political capital"
    assert resource_name("mandate-west", names) == "Western mandate"  # named by the bundled ruleset


def test_a_name_for_a_resource_nobody_holds_is_an_error_at_its_line(scenarios: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rs = _name_resources(scenarios, '\n[[resources]]\nid = "capitol"\nname = "Political capital"\n')
    line = rs.read_text(encoding="utf-8").splitlines().index('id = "capitol"') + 1
    assert main(["validate", str(rs)]) == 1
    out = capsys.readouterr().out
    assert f"{rs}:{line}: resources[2].id: unknown resource 'capitol' (did you mean 'capital'?)" in out, out


def test_the_ruleset_schema_offers_resources() -> None:
    schema = schema_for("ruleset")
    text = str(schema)
    assert "resources" in schema.get("properties", {}) or "ResourceInfo" in text


@pytest.mark.parametrize("ruleset", ["parallel-tracks", "parallel-tracks-linked"])
def test_the_bundled_mandates_read_as_names_in_english(ruleset: str) -> None:
    """An English room read "1 capital, 1 mandate moscow" on every move that needs a mandate: the id as words,
    lower case, where the Russian and Ukrainian overlays say "мандат Москвы" and "мандат Москви"."""
    names = scenario_names(load_scenario(ruleset))
    assert resource_name("mandate-moscow", names) == "Moscow's mandate"
    assert resource_name("mandate-west", names) == "Western mandate"
    assert resource_name("capital", names) == "capital"
