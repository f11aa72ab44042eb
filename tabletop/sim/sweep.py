"""``tabletop sweep``: play a grid of bot games and write one Parquet row per game.

The sweep file is checked by :mod:`tabletop.content.sweepfile`; the games
of each point are cut into chunks (:class:`.sweeprows.Chunk`) played on a
backend (:mod:`.cluster`: this process, a pool, or Dask), and each chunk
is written by this process as it comes back (:mod:`.sweepfiles`), in
whatever order. ``sweep.json`` holds the plan; ``--resume`` plays only
the chunks whose file is missing, and refuses a folder holding another plan
or files that are not its plan's whole chunks (:mod:`tabletop.store.sweepchunks`).
A sweep holds its folder while it writes there: another one started there, with
or without ``--resume``, is told a sweep is running (its pid) and plays nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .._version import __version__
from ..content import Scenario
from ..content.sweepfile import Sweep
from ..content.oswords import in_the_way
from ..content.sweepspec import id_column
from .cluster import Backend
from .sweepfiles import (
    FORMAT,
    MANIFEST,
    chunk_table,
    point_dir,
    read_manifest,
    remove_temporary,
    schema,
    write_chunk,
    write_manifest,
)
from .sweeprows import Chunk, column_types, play_chunk, point_seed
from .workerscenario import data_sha
from ..store.errors import SaveError
from ..store.lock import WriterLock
from ..store.sweepchunks import SweepRunning, check_folder, hold, named
from ..lang import Domain

_, ngettext, N_ = Domain("sim").words()


class SweepRefused(Exception):
    """A sweep that cannot start in this folder; the message says what to do."""


@dataclass
class Outcome:
    """What a run did: games played now, games found already written, chunk files written."""

    played: int
    skipped: int
    chunks: int
    removed_temporary: int


def plan(sweep: Sweep) -> dict[str, Any]:
    """What the sweep plays, as ``sweep.json`` keeps it; a --resume must find the same."""
    sc = sweep.scenario
    rs = sc.ruleset
    opts = sweep.spec.sweep
    return {
        "ruleset": rs.ruleset.id,
        "deck": sc.deck.deck.id,
        "scenario": data_sha(sc.embedded()),
        "games": opts.games,
        "seed": opts.seed,
        "chunk": opts.chunk,
        "keys": sweep.columns(),
        "points": [
            {"point": p.index, "seed": point_seed(opts.seed, p.settings), "bots": sweep.bots_at(p),
             "values": {column: sweep.value_at(p, key) for key, column in sweep.columns().items()}}
            for p in sweep.points
        ],
        "tracks": {t.id: {"name": t.name, "prefix": id_column(t.id)} for t in rs.tracks},
        "actors": {a.id: {"name": a.name, "prefix": id_column(a.id), "objectives": len(a.objectives)}
                   for a in rs.actors},
        "names": names_in_languages(sc),
        "title": rs.ruleset.name,  # the report's title (found from outside: "Sweep of aquifer", the ruleset's id)
        # found from outside: a key that changes no game was said only on the sweep's stderr, not by its report
        "inert": sweep.inert_keys(),
        "origin": origin(sweep),
    }


#: parts of the plan a --resume need not find the same: the names the report reads in other languages and its title
#: (a folder begun before they were kept has none, and its report names things in English, by id), and what the
#: report says of the keys and the files, which the rest of the plan decides
NOT_COMPARED = ("names", "title", "inert", "origin")


def origin(sweep: Sweep) -> dict[str, Any]:
    """Where the scenario came from, as the report names it: the ruleset and deck as the sweep file names them, the
    deck the ruleset names, and whether it is a bundled scenario unchanged (``same``), one edited (``modified``:
    a copy of a bundled ruleset or deck, its ids kept), or none (None). Found from outside: a sweep of an edited
    copy of the bundled ruleset was reported word for word as the bundled scenario's."""
    from ..content.errors import ContentError
    from ..content.finding import BUNDLED
    from ..content.loader import load_scenario

    sc, opts = sweep.scenario, sweep.spec.sweep
    files = BUNDLED / "rulesets" / f"{sc.ruleset.ruleset.id}.toml", BUNDLED / "decks" / f"{sc.deck.deck.id}.toml"
    bundled: str | None = None
    if all(f.is_file() for f in files):
        try:
            same = data_sha(load_scenario(*files).embedded()) == data_sha(sc.embedded())
        except ContentError:  # a bundled file that does not read: not the scenario swept, whatever it was
            same = False
        bundled = "same" if same else "modified"
    return {"ruleset": opts.ruleset, "deck": opts.deck, "ruleset_deck": sc.ruleset.ruleset.deck, "bundled": bundled}


def names_in_languages(scenario: Scenario) -> dict[str, dict[str, dict[str, str]]]:
    """The tracks' and actors' names in each language the scenario is translated into: ``sweep report
    --lang ru`` reads the scenario's own Russian names from the folder, wherever the scenario is now."""
    from ..content.errors import ContentError
    from ..content.overlays import translated
    from ..lang import LANGUAGES, SOURCE

    out: dict[str, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        try:
            seen = translated(scenario, lang) if lang != SOURCE else scenario
        except ContentError:
            continue  # a broken translation: that language's report names things in English
        if lang != SOURCE and seen is not scenario:
            out[lang] = {"tracks": {t.id: t.name for t in seen.ruleset.tracks},
                         "actors": {a.id: a.name for a in seen.ruleset.actors},
                         "title": seen.ruleset.ruleset.name}
    return out


def chunks(sweep: Sweep) -> list[Chunk]:
    """Every chunk of the sweep, point by point."""
    games, size, master = sweep.spec.sweep.games, sweep.spec.sweep.chunk, sweep.spec.sweep.seed
    return [
        Chunk(p.index, start, min(games, start + size), point_seed(master, p.settings), dict(p.settings),
              sweep.bots_at(p))
        for p in sweep.points
        for start in range(0, games, size)
    ]


def _play(scenario: Scenario, chunk: Chunk) -> dict[str, list[Any]]:
    return play_chunk(scenario, chunk)


def run_sweep(
    sweep: Sweep,
    out: Path,
    backend: Backend,
    resume: bool = False,
    progress: Callable[..., None] | None = None,
) -> Outcome:
    """Play what is not written yet and write it, chunk by chunk; raise SweepRefused for a wrong folder.

    ``progress(n, written=False)``: n more games are done (``written``: found already written, once, first)."""
    the_plan = plan(sweep)
    with ExitStack() as held:
        # a sweep running there is said first (found from outside: told "add --resume to finish it", and --resume
        # played again every game the running one was playing); a new folder is held once made
        lock = _hold(out, held) if out.is_dir() else None
        fresh = _check_folder(out, the_plan, resume, sweep.path)
        done = set() if fresh else _whole_chunks(out, the_plan)
        with backend:  # a cluster that cannot be reached leaves the folder as it was
            if fresh:
                write_manifest(out, {"format": FORMAT, "tabletop": __version__, "spec": sweep.path, "plan": the_plan})
            (lock or _hold(out, held)).announce()  # the note naming this sweep: once the folder holds its plan
            return _play_missing(sweep, out, backend, the_plan, done, 0 if fresh else remove_temporary(out), progress)


def _hold(out: Path, held: ExitStack) -> WriterLock:
    """This sweep's hold on its folder until ``held`` closes, or SweepRefused when another sweep holds it."""
    try:
        fd, lock = hold(out)
    except SweepRunning as other:
        raise SweepRefused(running_words(out, other.who)) from None
    except SaveError as exc:
        raise SweepRefused(str(exc)) from None
    held.callback(os.close, fd)
    held.callback(lock.release)  # first: the note goes while the lock is held
    return lock


def running_words(out: Path, who: str | None) -> str:
    """A sweep running in the folder, for one that would write there too: its pid and what to do."""
    if who:
        return _("a sweep is running in this folder, {path} ({who}): wait for it to end, or choose another --out"
                 ).format(path=out, who=who)
    return _("a sweep is running in this folder, {path}: wait for it to end, or choose another --out").format(path=out)


def _whole_chunks(out: Path, the_plan: dict[str, Any]) -> set[tuple[int, str]]:
    """The plan's whole chunks in a folder to resume, as (point, file name); SweepRefused naming every other
    file a reader of the folder would count (found from outside: a chunk copied from another point, or under
    another name, was taken as done and counted by the report). A file named like a chunk that does not read
    (damage: tabletop writes a chunk whole or not at all) is played again and written in its place."""
    folder = check_folder(out, the_plan)
    strangers = [s for s in folder.strangers if not s.unreadable]
    if strangers:
        raise SweepRefused(ngettext(
            "{path} holds a file that is not one of this sweep's chunks, which the report would refuse: {files}. "
            "Move it out of the folder (nothing is played or deleted), then --resume again",
            "{path} holds files that are not this sweep's chunks, which the report would refuse: {files}. "
            "Move them out of the folder (nothing is played or deleted), then --resume again",
            len(strangers)).format(path=out, files=named(out, strangers)))
    return folder.whole


def _play_missing(sweep: Sweep, out: Path, backend: Backend, the_plan: dict[str, Any], done: set[tuple[int, str]],
                  removed: int, progress: Callable[..., None] | None) -> Outcome:
    todo = [c for c in chunks(sweep) if (c.point, c.name) not in done]
    skipped = sweep.spec.sweep.games * len(sweep.points) - sum(c.games for c in todo)
    if progress is not None and skipped:
        progress(skipped, written=True)  # on the bar, not in its games/s: not played in this run's time
    values = {p["point"]: p["values"] for p in the_plan["points"]}
    key_values = {column: [values[p][column] for p in values] for column in sweep.columns().values()}
    table_schema = schema(key_values, column_types(sweep.scenario))
    played = written = 0
    for chunk, columns in _results(backend, sweep.scenario, todo):
        write_chunk(point_dir(out, chunk.point) / chunk.name, chunk_table(columns, values[chunk.point], table_schema))
        played += chunk.games
        written += 1
        if progress is not None:
            progress(chunk.games)
    return Outcome(played, skipped, written, removed)


def _results(backend: Backend, scenario: Scenario, todo: list[Chunk]) -> Iterator[tuple[Chunk, dict[str, list[Any]]]]:
    if todo:
        yield from backend.results(scenario, _play, todo)


def _refuse_special(manifest: Path) -> None:
    """SweepRefused for a sweep.json that is a FIFO or a device (found from outside: told "no sweep.json")."""
    import stat

    from ..content.files import FileRefused, not_regular

    try:
        mode = manifest.stat().st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        raise SweepRefused(str(FileRefused(manifest, not_regular(mode))))


def _check_folder(out: Path, the_plan: dict[str, Any], resume: bool, spec_path: str) -> bool:
    """True for a new sweep; a folder holding a sweep must hold the same plan and be resumed (else SweepRefused)."""
    manifest = read_manifest(out)
    if manifest is None:
        if out.exists() and not out.is_dir():
            if not out.is_file():  # found from outside: a FIFO or /dev/null was "a file"
                raise SweepRefused(_("{path}: {problem}; --out takes a folder for the sweep (a new one, or one to "
                                     "--resume)").format(path=out, problem=in_the_way(out)))
            raise SweepRefused(_("{path} is a file: --out takes a folder for the sweep (a new one, or one to "
                                 "--resume)").format(path=out))
        if out.is_dir() and any(out.iterdir()):
            _refuse_special(out / MANIFEST)
            raise SweepRefused(_("{path} is not empty and holds no sweep (no sweep.json): choose another --out").format(path=out))
        if resume:  # found from outside: a mistyped --out with --resume played the whole sweep into a new folder
            raise SweepRefused(_("nothing to resume in {path}: no sweep there (no sweep.json); leave out --resume to "
                                 "start one").format(path=out))
        return True
    # another sweep's folder is said so first, with or without --resume (found from outside: told "add --resume to
    # finish it", then by --resume that the folder held another sweep)
    if manifest.get("format") != FORMAT:
        raise SweepRefused(_("{path} holds a sweep written by another version of tabletop (format "
                             "{theirs}, this one writes {ours}): choose another --out").format(
            path=out, theirs=repr(manifest.get("format")), ours=FORMAT))
    theirs = manifest.get("plan", {})
    differ = [k for k in the_plan if k not in NOT_COMPARED and theirs.get(k) != the_plan[k]]
    if differ == ["scenario"]:  # the same sweep file, its ruleset or deck edited since
        raise SweepRefused(_("{path} holds a sweep of the scenario as it was: the scenario changed since (its ruleset "
                             "or deck was edited). Put the files back as they were to resume it, or choose another "
                             "--out to sweep the scenario as it is now").format(path=out))
    if differ:
        what = ", ".join(_("the scenario's content") if k == "scenario" else k for k in differ)
        raise SweepRefused(ngettext(
            "{path} holds another sweep ({what} differs from {spec}): resume it with the sweep file it was started "
            "with, or choose another --out",
            "{path} holds another sweep ({what} differ from {spec}): resume it with the sweep file it was started "
            "with, or choose another --out", len(differ)).format(path=out, what=what, spec=spec_path))
    if not resume:
        raise SweepRefused(_("{path} already holds a sweep: add --resume to finish it, or choose another --out").format(path=out))
    return False
