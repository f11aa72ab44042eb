"""A sweep's folder: one Parquet file per chunk, in a folder per point, and ``sweep.json``.

::

    OUT/sweep.json                      what was swept (the plan a --resume must match)
    OUT/point=3/games-000002000.parquet one chunk: games 2000.. of point 3, one row per game

The folders are Hive partitions (``point=3``), which DuckDB and pyarrow read
as a ``point`` column. A chunk is written to a hidden temporary file in its
point's folder, flushed to disk, then renamed into place: a file with the
``.parquet`` name is always whole, and an interrupted write leaves only a
temporary file, removed by the next ``--resume``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..content.drafts import draft, write_whole
from ..content.files import read_json
from ..store.sweepchunks import MANIFEST

#: the version of the folder's layout, checked by --resume and the report
FORMAT = 1

_TYPES = {
    "int16": pa.int16(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "string": pa.string(),
    "bool": pa.bool_(),
    "list<string>": pa.list_(pa.string()),
}


def value_type(values: list[Any]) -> pa.DataType:
    """The column type of a key from the values it takes (all of one kind, as the sweep file was checked)."""
    if all(isinstance(v, bool) for v in values):
        return pa.bool_()
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return pa.int64()
    return pa.string()


def schema(keys: Mapping[str, list[Any]], results: Mapping[str, str]) -> pa.Schema:
    """The schema of every chunk file: the point's keys (by column), then the game's results."""
    fields = [pa.field(column, value_type(values)) for column, values in keys.items()]
    fields += [pa.field(name, _TYPES[kind]) for name, kind in results.items()]
    return pa.schema(fields)


def point_dir(out: Path, point: int) -> Path:
    return out / f"point={point}"


def write_chunk(path: Path, table: pa.Table) -> None:
    """Write ``table`` at ``path`` whole or not at all: a temporary file, flushed, then renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # a new draft (a write that fails takes it with it): an out folder may be shared, and a fixed temporary name
    # planted there, a symlink or a file of another account's, was written through
    with draft(path, sync=True) as sink:
        pq.write_table(table, sink, compression="zstd")
    _sync_dir(path.parent)


def chunk_table(columns: dict[str, list[Any]], constants: Mapping[str, Any], table_schema: pa.Schema) -> pa.Table:
    """A chunk's rows: the point's keys repeated on every row, then the columns the games filled."""
    rows = len(columns["game"])
    arrays = []
    for field in table_schema:
        values = [constants[field.name]] * rows if field.name in constants else columns[field.name]
        arrays.append(pa.array(values, type=field.type))
    return pa.Table.from_arrays(arrays, schema=table_schema)


def remove_temporary(out: Path) -> int:
    """Delete what an interrupted write left (never a whole chunk); how many files."""
    count = 0
    for path in out.glob("point=*/.games-*.tmp"):
        path.unlink(missing_ok=True)
        count += 1
    return count


def read_manifest(out: Path) -> dict[str, Any] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = read_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def write_manifest(out: Path, data: Mapping[str, Any]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    path = out / MANIFEST
    write_whole(path, (json.dumps(data, indent=2) + "\n").encode("utf-8"), sync=True)
    _sync_dir(out)


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a platform without directory handles (Windows): the rename stands as it is
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
