"""The same rows whoever plays the games: one process, a pool, a Dask LocalCluster, any chunk order.

A game's seed comes from the master seed, its point and its number, never
from which worker or task played it, so the sorted rows are equal.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from tabletop.content import Scenario
from tabletop.content.sweepfile import load_sweep
from tabletop.sim import POLICIES
from tabletop.sim.cluster import Backend, Dask, Processes
from tabletop.sim.sweep import run_sweep
from tabletop.sim.sweeprows import point_seed

from .kit import games_seen, rows, write_spec


class Backwards(Backend):
    """Plays the chunks last first, in this process."""

    def results(self, scenario: Scenario, fn: Any, tasks: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        for task in reversed(tasks):
            yield task, fn(scenario, task)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    folder = tmp_path_factory.mktemp("reference")
    sweep = load_sweep(write_spec(folder), POLICIES)
    outcome = run_sweep(sweep, folder / "out", Backend())
    assert (outcome.played, outcome.chunks) == (24, 8)
    return rows(folder / "out")


@pytest.mark.parametrize("backend", [lambda: Backwards(), lambda: Processes(2), lambda: Dask("local:2")],
                         ids=["chunks-backwards", "workers-2", "cluster-local-2"])
def test_rows_are_the_same_whoever_plays_them(backend: Any, reference: list[tuple[Any, ...]], tmp_path: Path) -> None:
    sweep = load_sweep(write_spec(tmp_path), POLICIES)
    run_sweep(sweep, tmp_path / "out", backend())
    assert rows(tmp_path / "out") == reference


def test_a_row_per_game_with_the_point_s_keys(reference: list[tuple[Any, ...]], tmp_path: Path) -> None:
    out = tmp_path / "out"
    sweep = load_sweep(write_spec(tmp_path), POLICIES)
    run_sweep(sweep, out, Backend())
    assert games_seen(out) == [(p, g) for p in range(4) for g in range(6)]
    import duckdb

    found = duckdb.connect().execute(
        "SELECT DISTINCT point, borders_breakdown_at, bots_ru, policy_ru FROM read_parquet(?, hive_partitioning = true) "
        "ORDER BY 1", [str(out / "point=*" / "*.parquet")]).fetchall()
    assert found == [(0, 6, "cooperative", "cooperative"), (1, 6, "hardliner", "hardliner"),
                     (2, 9, "cooperative", "cooperative"), (3, 9, "hardliner", "hardliner")]


def test_a_point_s_seed_depends_on_what_it_sets_not_its_place() -> None:
    a = point_seed(11, {"tracks.borders.breakdown_at": 6, "bots.ru": "hardliner"})
    assert a == point_seed(11, {"bots.ru": "hardliner", "tracks.borders.breakdown_at": 6})
    assert a != point_seed(12, {"tracks.borders.breakdown_at": 6, "bots.ru": "hardliner"})
    assert a != point_seed(11, {"tracks.borders.breakdown_at": 7, "bots.ru": "hardliner"})


def test_an_actor_with_no_objectives_has_no_objectives_value(tmp_path: Path) -> None:
    """Found from outside (helper-114): ``objectives_<actor>`` was false for an actor with no objectives, so a
    designer's ``avg()`` read 0 % where the report said "no objectives"; it is null, and true/false for the others."""
    import shutil

    from tabletop.content.loader import load_scenario
    from tabletop.sim.sweeprows import Chunk, game_row

    fixtures = Path(__file__).resolve().parents[1] / "content" / "fixtures"
    for folder in ("rulesets", "decks"):
        shutil.copytree(fixtures / folder, tmp_path / folder)
    scenario = load_scenario(tmp_path / "rulesets" / "mini.toml")
    assert [a.id for a in scenario.ruleset.actors if not a.objectives] == ["west", "south"]
    for game in range(3):
        row = game_row(scenario, Chunk(0, 0, 3, 7), game)
        assert row["objectives_west"] is None and row["objectives_south"] is None, row
        assert row["objectives_east"] in (True, False), row
