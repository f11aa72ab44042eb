"""Small sweeps for the tests: a few points of the bundled scenario, a few games, small chunks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

GRID = """\
[sweep]
ruleset = "parallel-tracks"
games = {games}
seed = 11
chunk = {chunk}

[[axes]]
key = "tracks.borders.breakdown_at"
values = [6, 9]

[[axes]]
key = "bots.ru"
values = ["cooperative", "hardliner"]
"""


def write_spec(folder: Path, games: int = 6, chunk: int = 3, text: str = GRID) -> Path:
    """A sweep file of four points (two axes of two values) in ``folder``."""
    path = folder / "grid.toml"
    path.write_text(text.format(games=games, chunk=chunk), encoding="utf-8")
    return path


def rows(out: Path) -> list[tuple[Any, ...]]:
    """Every row of a sweep folder, with its point, sorted by point and game."""
    import duckdb

    con = duckdb.connect()
    try:
        return con.execute(
            "SELECT * FROM read_parquet(?, hive_partitioning = true) ORDER BY point, game", [str(out / "point=*" / "*.parquet")]
        ).fetchall()
    finally:
        con.close()


def games_seen(out: Path) -> list[tuple[int, int]]:
    """(point, game) of every row, sorted: each once in a whole sweep."""
    import duckdb

    con = duckdb.connect()
    try:
        return [tuple(r) for r in con.execute(
            "SELECT point, game FROM read_parquet(?, hive_partitioning = true) ORDER BY 1, 2", [str(out / "point=*" / "*.parquet")]
        ).fetchall()]
    finally:
        con.close()


class NoClient:
    """``distributed.Client`` connected to nothing, for a test that monkeypatches it in: opened and closed, no more."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        return None

    def __enter__(self) -> NoClient:
        return self

    def __exit__(self, *exc: object) -> None:
        return None
