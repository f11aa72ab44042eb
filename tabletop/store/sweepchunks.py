"""A sweep's folder checked against its plan: which files are the plan's whole chunks, and which are strangers.

``tabletop sweep --resume`` (:mod:`tabletop.sim`) and ``tabletop sweep
report`` (:mod:`tabletop.report`) sit side by side above this layer and must
agree on what a folder holds, so both ask here. A chunk is the plan's when
its name is one of the plan's chunk names for its point (``point=N`` one of
the plan's points), it reads as Parquet, holds as many rows as the chunk has
games, its games are the chunk's, and its key columns (and its games' seeds,
the first and the last) are the point's. Anything else a reader of the
folder would count (every ``*.parquet`` under it, every ``point=*`` entry)
is a stranger, named with why, and so is any other file at the top of the folder
but ``sweep.json``, and any other folder there (named once, as the folder). A write's temporary file (hidden, ``.tmp``)
is the sweep's own and no stranger.

A sweep writing into its folder holds it, as a game holds its save (:mod:`.lock`: a lock on the folder, which ends
with the process, and a hidden note beside the plan naming it), so a second sweep there and a report of it see it
running (:func:`hold`, :func:`running`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..engine.rng import derive_seed
from ..lang import Domain
from .errors import SaveError
from .lock import SaveBusy, WriterLock, held_elsewhere, holder, take

_, ngettext, N_ = Domain("store").words()

#: the plan, the one file of a sweep's folder beside its points (the sweep's own temporary files are hidden)
MANIFEST = "sweep.json"
#: at most this many strangers are named in a message (then how many more)
NAMED = 10


class SweepRunning(Exception):
    """Another sweep is writing into the folder; ``who`` names it (``pid 1234, started …``), or is None."""

    def __init__(self, who: str | None):
        super().__init__(who)
        self.who = who


def hold(out: Path) -> tuple[int, WriterLock]:
    """Hold the sweep's folder ``out`` (it exists) for this sweep: the descriptor the lock lives on (the caller
    closes it after the lock's ``release()``) and the lock (``announce()`` writes the note naming this sweep).
    Raises :class:`SweepRunning` when another sweep holds it (a killed one holds nothing: the lock went with it),
    SaveError when no lock can be taken there, OSError when the folder cannot be opened."""
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        return fd, take(fd, out / MANIFEST, out)
    except SaveBusy:
        who = holder(out / MANIFEST, os.fstat(fd))
        os.close(fd)
        raise SweepRunning(who) from None
    except SaveError:  # no lock to be had here (a file system without flock): said by the caller
        os.close(fd)
        raise


def running(out: Path) -> SweepRunning | None:
    """The sweep writing into the folder ``out`` now, or None (a reader's look: nothing is held or written)."""
    try:
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        return None  # reading the folder says what is wrong with it
    try:
        return SweepRunning(holder(out / MANIFEST, os.fstat(fd))) if held_elsewhere(fd) else None
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Stranger:
    """A file or folder in a sweep's folder that is not one of its plan's whole chunks; ``why`` in words."""

    path: Path
    why: str
    #: named like one of the plan's chunks, but it does not read as Parquet (damage: --resume writes it anew)
    unreadable: bool = False


@dataclass
class Folder:
    """What a sweep's folder holds: the plan's whole chunks, as (point, file name), and the strangers."""

    whole: set[tuple[int, str]] = field(default_factory=set)
    strangers: list[Stranger] = field(default_factory=list)


def chunk_names(plan: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Each chunk's file name in a point's folder, with its games (start, stop): the same in every point."""
    games, size = plan["games"], plan["chunk"]
    return {f"games-{start:09d}.parquet": (start, min(games, start + size)) for start in range(0, games, size)}


def check_folder(out: Path, plan: dict[str, Any]) -> Folder:
    """Every chunk and stranger of ``out`` (a sweep folder whose ``sweep.json`` holds ``plan``)."""
    points = {p["point"]: p for p in plan["points"]}
    names = chunk_names(plan)
    found = Folder()
    folders = {f"point={n}" for n in points}
    for entry in sorted(out.glob("point=*")):
        if entry.name not in folders or not entry.is_dir() or entry.is_symlink():
            found.strangers.append(Stranger(entry, _("not one of the plan's points")))
            continue
        point = int(entry.name.split("=", 1)[1])
        for path in sorted(entry.iterdir()):
            if path.name.startswith(".") and not path.name.endswith(".parquet"):
                continue  # a write's temporary file: never read, removed by --resume (a hidden .parquet DuckDB reads)
            if path.name not in names:
                found.strangers.append(Stranger(path, _("not one of the plan's chunks")))
                continue
            why, unreadable = _check_chunk(path, points[point], plan["keys"], *names[path.name])
            if why is None:
                found.whole.add((point, path.name))
            else:
                found.strangers.append(Stranger(path, why, unreadable))
    for entry in sorted(out.iterdir()):
        # found from outside: a report written into the folder, a notes.txt, were taken silently, and a reader of
        # the folder as a dataset (README's pyarrow line) failed on them; so did any file in a folder beside the
        # points (an old/ of an earlier run), which was named only for its .parquet files: it is named once, as
        # the folder, whatever it holds
        if entry.name == MANIFEST or entry.name.startswith(("point=", ".")):
            continue
        if entry.is_dir() and not entry.is_symlink():
            found.strangers.append(Stranger(entry, _("not one of the sweep's folders")))
        elif entry.suffix != ".parquet":
            found.strangers.append(Stranger(entry, _("not one of the sweep's files")))
    seen = {s.path for s in found.strangers} | {out / f"point={p}" / n for p, n in found.whole}
    for path in sorted(out.rglob("*.parquet")):  # what a query of the folder's **/*.parquet reads besides
        if path not in seen and not any(part.startswith("point=") or out / part in seen
                                        for part in path.relative_to(out).parts[:1]):
            found.strangers.append(Stranger(path, _("not one of the plan's chunks")))
    return found


def _check_chunk(path: Path, point: dict[str, Any], keys: dict[str, str], start: int, stop: int
                 ) -> tuple[str | None, bool]:
    """Why ``path`` is not games ``start``..``stop - 1`` of ``point`` (and whether it did not read), or None."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.is_file():
        # a FIFO named like a chunk would block the read for ever: never opened
        return _("not a regular file"), True
    columns = ["game", "seed", *keys.values()]
    try:
        meta = pq.read_metadata(path)
        if not set(columns) <= set(meta.schema.names):
            return _("lacks the columns of the sweep's rows"), False
        rows = meta.num_rows
        if rows != stop - start:
            return ngettext("holds {rows} game where the chunk has {games}",
                            "holds {rows} games where the chunk has {games}", rows).format(
                rows=rows, games=stop - start), False
        table = pq.read_table(path, columns=columns).to_pydict()
    except (OSError, pa.ArrowException):
        return _("does not read as Parquet (damaged, or not a chunk)"), True
    if table["game"] != list(range(start, stop)):
        return _("its games are not games {start} to {last} of the point").format(start=start, last=stop - 1), False
    for column in keys.values():
        if any(v != point["values"][column] for v in table[column]):
            value = point["values"][column]
            if isinstance(value, bool):  # as the sweep file writes it (found from outside: "is not True")
                value = "true" if value else "false"  # untranslated: TOML's own words
            return _("holds games of another point ({column} is not {value})").format(column=column, value=value), False
    seed = point.get("seed")
    if isinstance(seed, int) and (table["seed"][0] != derive_seed(seed, start)
                                  or table["seed"][-1] != derive_seed(seed, stop - 1)):
        return _("holds games of another point (their seeds are not the point's)"), False
    return None, False


def named(out: Path, strangers: list[Stranger]) -> str:
    """The strangers as a message lists them: path in the folder, why; the first few, then how many more."""
    shown = "; ".join(f"{s.path.relative_to(out)}: {s.why}" for s in strangers[:NAMED])  # untranslated: joins words
    more = len(strangers) - NAMED
    return shown + (ngettext(" (and {n} more)", " (and {n} more)", more).format(n=more) if more > 0 else "")
