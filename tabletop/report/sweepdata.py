"""A sweep's summary, computed with DuckDB over its Parquet folder (``tabletop sweep report DIR``).

Reads only the folder: ``sweep.json`` (the plan: points, keys, tracks,
actors) and the ``point=N/*.parquet`` files; never the simulator. Per point
and per value of each key: the share of games in which each track ended
agreed, collapsed, deferred or open, the mean round of agreement, the
agreements per game and the share of games in which each actor met all its
objectives. The page is :mod:`.sweeppage`.
"""

from __future__ import annotations

import json
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..content.files import FileRefused, not_regular, read_regular
from ..content.oswords import in_the_way
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()

STATUSES = ("agreed", "collapsed", "deferred", "open")
#: a ``sweep.json`` is at most this large (10 000 points of a few keys each take a few MB)
MAX_PLAN_BYTES = 64 * 1024 * 1024


class SweepUnreadable(Exception):
    """A folder that is not a sweep (or a damaged one); the message says which."""


def _q(name: str) -> str:
    """A column name quoted for SQL (ids may start with a digit)."""
    return '"' + name.replace('"', '""') + '"'


def files_glob(out: Path) -> str:
    """The glob of a sweep's Parquet files, as a designer passes it to DuckDB."""
    return str(out / "point=*" / "*.parquet")


def one_line_query(out: Path, track: str = "borders", columns: Sequence[str] = ("borders_breakdown_at",)) -> str:
    """The query a designer types: the share of deferred games on a track, a row per value of ``columns`` together.

    :func:`query_columns` gives a row per point (found from outside: a list of points was queried by its first key
    alone, which pooled the different points sharing its value)."""
    files = str(out / "**" / "*.parquet").replace("'", "''")  # a quote in the folder's name, doubled as SQL reads it
    by = ", ".join(c if _PLAIN.fullmatch(c) else _q(c) for c in columns)
    return (f"SELECT {by}, avg(({track}_status = 'deferred')::int) AS deferred, count(*) AS games "  # untranslated: SQL
            f"FROM '{files}' GROUP BY ALL ORDER BY {', '.join(str(i + 1) for i in range(len(columns)))};")


#: a column a designer types without quotes
_PLAIN = re.compile(r"[a-z_][a-z0-9_]*")


def query_columns(plan: dict[str, Any], grid: bool) -> list[str]:
    """What the printed query groups by, a row per point: a grid's every key (its points are their combinations),
    a list's point and its keys (two points may share every key's value but one)."""
    keys = list(plan["keys"].values())
    return keys if grid and keys else ["point", *keys]


def _measures(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """(SQL expression, result name) of everything the summary counts, per group of rows."""
    out = [("count(*)", "games")]
    for tid, track in plan["tracks"].items():
        col = _q(f"{track['prefix']}_status")
        out += [(f"avg(({col} = '{s}')::DOUBLE)", f"{tid}|{s}") for s in STATUSES]  # untranslated: SQL
        out.append((f"avg(CASE WHEN {col} = 'agreed' THEN {_q(track['prefix'] + '_round')} END)", f"{tid}|round"))  # untranslated: SQL
    out.append(("avg(agreements)", "agreements"))
    out += [(f"avg({_q('objectives_' + actor['prefix'])}::DOUBLE)", f"objectives|{aid}")
            for aid, actor in plan["actors"].items()]
    return out


def _grouped(con: Any, glob: str, plan: dict[str, Any], by: str) -> dict[Any, dict[str, Any]]:
    measures = _measures(plan)
    select = ", ".join(f"{expr} AS {_q(name)}" for expr, name in measures)  # untranslated: SQL
    rows = con.execute(
        f"SELECT {_q(by)} AS k, {select} FROM read_parquet(?, hive_partitioning = true) GROUP BY 1 ORDER BY 1",  # untranslated: SQL
        [glob],
    ).fetchall()
    return {row[0]: dict(zip((name for _key, name in measures), row[1:], strict=True)) for row in rows}


def _ordered(values: Sequence[Any]) -> list[Any]:
    seen: list[Any] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def _queried_track(plan: dict[str, Any]) -> str:
    """The track of the query shown: the one the first key is about, else the first track."""
    first = next(iter(plan["keys"]), "").split(".")
    if first[0] == "tracks" and len(first) == 3 and first[1] in plan["tracks"]:
        return str(plan["tracks"][first[1]]["prefix"])
    return str(next(iter(plan["tracks"].values()))["prefix"])


def _plan_shape(plan: Any) -> bool:
    """Whether ``plan`` has every part the report reads, of the right kind (the file may have been edited)."""
    def table_of(value: Any, *keys: str) -> bool:
        return isinstance(value, dict) and all(isinstance(v, dict) and all(k in v for k in keys) for v in value.values())

    if not isinstance(plan, dict) or not isinstance(plan.get("games"), int) or not isinstance(plan.get("points"), list):
        return False
    if not isinstance(plan.get("chunk"), int) or plan["chunk"] < 1:  # the chunks' names come from it
        return False
    if not (table_of(plan.get("tracks"), "name", "prefix") and table_of(plan.get("actors"), "name", "prefix")):
        return False
    keys = plan.get("keys")
    if not isinstance(keys, dict) or not all(isinstance(c, str) for c in keys.values()) or not plan["tracks"]:
        return False
    return all(isinstance(p, dict) and isinstance(p.get("point"), int) and isinstance(p.get("values"), dict)
               and all(c in p["values"] for c in keys.values()) for p in plan["points"])


def read_plan(out: Path) -> dict[str, Any]:
    """The ``sweep.json`` of a sweep folder, or SweepUnreadable saying why not."""
    path = out / "sweep.json"
    if not out.is_dir():
        if out.is_file():  # a file where the folder goes: not "no such folder"
            raise SweepUnreadable(_("{path} is a file, not a sweep folder (the folder that tabletop sweep --out "
                                    "wrote)").format(path=out))
        # found from outside: a FIFO or /dev/null was "a file", a loop of links "no such folder"
        if (problem := in_the_way(out)) is not None:
            raise SweepUnreadable(_("{path}: {problem}; a sweep report reads the folder that tabletop sweep --out "
                                    "wrote").format(path=out, problem=problem))
        raise SweepUnreadable(_("{path}: no such folder").format(path=out))
    if not path.exists() and not path.is_symlink():
        raise SweepUnreadable(_("{path}: not a sweep folder (no sweep.json)").format(path=out))
    try:
        # a FIFO would block the report for ever: refused unopened, as every reader does
        manifest = json.loads(read_regular(path, MAX_PLAN_BYTES).decode("utf-8"))
        plan = manifest["plan"]
        if not _plan_shape(plan):
            raise ValueError("not the shape tabletop sweep writes")  # untranslated: caught below, never shown
    except FileRefused as exc:
        raise SweepUnreadable(str(exc)) from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise SweepUnreadable(_("{path}: damaged or not written by tabletop sweep").format(path=f"{out}/sweep.json")) from None
    return in_language(dict(plan))


def in_language(plan: dict[str, Any]) -> dict[str, Any]:
    """``plan`` with its tracks and actors named in the language of the moment, where the sweep kept their
    names in it (``names``, by language; a folder without them, or an edited one, names them in English)."""
    from ..lang import current

    names = plan.get("names")
    names = names.get(current()) if isinstance(names, dict) else None
    if not isinstance(names, dict):
        return plan
    out = dict(plan)
    if isinstance(names.get("title"), str):
        out["title"] = names["title"]
    for part in ("tracks", "actors"):
        given = names.get(part)
        if isinstance(given, dict):
            out[part] = {i: {**row, "name": given[i]} if isinstance(given.get(i), str) else row
                         for i, row in plan[part].items()}
    return out


def _check_regular(files: list[Path]) -> None:
    """SweepUnreadable for a Parquet file that is a FIFO or a device: DuckDB would block on it, or pass it over."""
    for path in files:
        try:
            mode = path.stat().st_mode
        except OSError:
            continue  # a dangling link: DuckDB says it cannot read it
        if not stat.S_ISREG(mode):
            raise SweepUnreadable(str(FileRefused(path, not_regular(mode))))


def _check_chunks(out: Path, plan: dict[str, Any]) -> None:
    """SweepUnreadable naming every file the summary (or the query it prints, over the folder's ``**/*.parquet``)
    would count that is not one of the plan's whole chunks (found from outside: a chunk copied in from another
    point was counted, "950 of 900 games", and another point's games were mixed into point 0)."""
    from ..store.sweepchunks import check_folder, named

    strangers = check_folder(out, plan).strangers
    if strangers:
        raise SweepUnreadable(ngettext(
            "{path} holds a file that is not one of this sweep's whole chunks, which the summary and its query would "
            "count: {files}. Move it out of the folder, then run the sweep again with --resume: it plays again "
            "every chunk that is missing (a damaged one in its place)",
            "{path} holds files that are not this sweep's whole chunks, which the summary and its query would "
            "count: {files}. Move them out of the folder, then run the sweep again with --resume: it plays again "
            "every chunk that is missing (a damaged one in its place)",
            len(strangers)).format(path=out, files=named(out, strangers)))


def is_grid(plan: dict[str, Any]) -> bool:
    """Whether the points are every combination of the keys' values, each once: then a value's games, pooled over
    the other keys, are a fair share of them. A list of points is not (found from outside: a point list's chart
    "by independence" pooled a cooperative point with the baseline, and showed the bots' effect as the rule's)."""
    columns = list(plan["keys"].values())
    combos = {tuple(repr(p["values"][c]) for c in columns) for p in plan["points"]}
    product = 1
    for c in columns:
        product *= len({repr(p["values"][c]) for p in plan["points"]})
    return len(combos) == len(plan["points"]) == product


def _running(out: Path) -> str | None:
    """Who is writing the sweep into ``out`` now (``pid 1234, started …``; "" where nothing says who), or None: found
    from outside, a report of a sweep still running told to run it again with --resume, which played its games twice."""
    from ..store.sweepchunks import running

    other = running(out)
    return None if other is None else other.who or ""


def summarise(out: Path) -> dict[str, Any]:
    """Everything the report shows, computed with DuckDB."""
    import duckdb

    plan = read_plan(out)
    glob = files_glob(out)
    expected = plan["games"] * len(plan["points"])
    summary: dict[str, Any] = {"folder": str(out), "plan": plan, "expected": expected, "games": 0,
                               "points": [], "axes": {}, "grid": is_grid(plan), "running": _running(out)}
    summary["query"] = one_line_query(out, _queried_track(plan), query_columns(plan, summary["grid"]))
    files = list(out.glob("point=*/*.parquet"))
    _check_regular(files)
    _check_chunks(out, plan)
    # every point of the plan, one with no games yet too (found from outside: such a point was left out of the
    # tables without a word); its figures are None
    nothing = {name: None for _expr, name in _measures(plan)}
    summary["points"] = [{"point": p["point"], "values": p["values"], **nothing, "games": 0} for p in plan["points"]]
    if not files:
        return summary
    con = duckdb.connect()
    try:
        per_point = _grouped(con, glob, plan, "point")
        summary["points"] = [{**p, **per_point.get(p["point"], {})} for p in summary["points"]]
        summary["games"] = sum(p["games"] for p in summary["points"])
        if not summary["grid"]:  # a list of points: one chart across the points, nothing pooled
            played = [p for p in summary["points"] if p["games"]]
            summary["axes"]["point"] = {"key": "point", "values": [p["point"] for p in played],  # untranslated: a column
                                        "rows": played}
        for key, column in plan["keys"].items() if summary["grid"] else ():
            order = _ordered([p["values"][column] for p in plan["points"]])
            grouped = _grouped(con, glob, plan, column)
            summary["axes"][column] = {"key": key, "values": [v for v in order if v in grouped],
                                       "rows": [grouped[v] for v in order if v in grouped]}
    except duckdb.Error as exc:
        raise SweepUnreadable(_("{path}: a Parquet file cannot be read ({problem})").format(
            path=out, problem=str(exc).splitlines()[0])) from None
    finally:
        con.close()
    return summary


def short_points(summary: dict[str, Any]) -> tuple[list[int], list[tuple[int, int]]]:
    """The points with no games yet, and those with fewer than planned with the games they have."""
    planned = summary["plan"]["games"]
    empty = [p["point"] for p in summary["points"] if not p["games"]]
    return empty, [(p["point"], int(p["games"])) for p in summary["points"] if 0 < p["games"] < planned]


def sweep_title(plan: dict[str, Any]) -> str:
    """What the sweep played, by the scenario's name as the room reads it (a folder from before: its ruleset's id)."""
    title = plan.get("title")
    return title if isinstance(title, str) and title.strip() else str(plan["ruleset"])
