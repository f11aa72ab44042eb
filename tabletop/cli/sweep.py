"""``tabletop sweep SPEC.toml`` and ``tabletop sweep report DIR``: bot games over a grid, in Parquet; a DuckDB summary.

The sweep needs the ``cluster`` extra (pyarrow, duckdb, dask distributed);
without it the command says which command installs it and runs nothing.
The progress bar (Rich) is drawn on stderr, only on a terminal and not
with ``--quiet``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .arguments import _workers, too_many_workers
from .progress import GamesBar
from .terminal import _document, _err, _line, _notice, _out, output_file, output_refused
from ..lang import Domain, decimal
from ..content.oswords import folder_words, system_words

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction

#: with the pip of the Python that runs tabletop, which keeps the tabletop installed there (a wheel's or a checkout's)
#: and adds the extra's packages: a pip without tabletop fetches the "tabletop" on PyPI, another project (found from
#: outside); a checkout's command after it (found from outside: only that one, to a tabletop installed from a wheel)
INSTALL = N_("add the cluster extra with tabletop's own Python: {python} -m pip install 'tabletop[cluster]' (it keeps "
             "this tabletop, from a wheel or a checkout; the 'tabletop' on PyPI is another project); or in a "
             "checkout's folder: .venv/bin/pip install -e '.[cluster]'")


def missing(modules: tuple[str, ...]) -> str | None:
    """The message for a command whose packages are not installed, or None when they all are: what the machine
    lacks, exit 1 (README), not a command typed wrong."""
    import shlex  # only a message of a missing package needs it

    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    if not absent:
        return None
    return ngettext("this needs {modules}, which is not installed: {install}",
                    "this needs {modules}, which are not installed: {install}", len(absent)
                    ).format(modules=", ".join(absent), install=_(INSTALL).format(python=shlex.quote(sys.executable)))


def cmd_sweep(args: argparse.Namespace) -> int:
    if args.spec == "report":
        return _report(args)
    if args.folder is not None:
        from ..content.errors import did_you_mean

        # found from outside: "sweep reprot DIR" was told its DIR was unexpected, not that "reprot" was a typo
        hint = "" if Path(args.spec).exists() else did_you_mean(args.spec, ["report"])
        if hint:
            _err(_("tabletop sweep: '{typed}' is no sweep file{hint}; a report: tabletop sweep report DIR").format(
                typed=args.spec, hint=hint))
        else:
            _err(_("tabletop sweep: unexpected '{word}' (a sweep takes one SPEC.toml; a report: sweep report DIR)")
                 .format(word=args.folder))
        return 2
    if args.cluster and args.workers:
        _err(_("tabletop sweep: --workers and --cluster: choose one (a cluster has its own workers)"))
        return 2
    if (problem := _check_cluster(args.cluster)) is not None:
        _err(f"tabletop sweep: {problem}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if (problem := missing(("pyarrow",) + (("distributed",) if args.cluster else ()))) is not None:
        _err(f"tabletop sweep: {problem}")  # untranslated: the command's name before a message worded where it arose
        return 1
    # multiprocessing is ~2.5 ms of every start's imports (cold start, benchmarks/README.md): only a sweep needs it
    from concurrent.futures.process import BrokenProcessPool

    from ..content.sweepfile import load_sweep
    from ..sim import POLICIES
    from ..sim.cluster import ClusterLost, ClusterUnreachable, backend_for
    from ..sim.runner import default_workers
    from ..sim.samecode import OtherTabletop
    from ..sim.stopping import Stopped, stop_signals
    from ..sim.sweep import SweepRefused, run_sweep

    sweep = load_sweep(args.spec, POLICIES)  # a ContentError is printed by main, file:line: key: message
    for warning in sweep.warnings:  # file:line: key: message, as validate says it
        _err(_("tabletop sweep: warning: {problem}").format(problem=_line(str(warning))))
    out = Path(args.out) if args.out else Path("sweeps") / Path(args.spec).stem
    total = sweep.spec.sweep.games * len(sweep.points)
    # resumable: a sweep's words for a wait on a cluster name --resume (simulate has none)
    backend = backend_for(args.workers or default_workers(), args.cluster, notice=_notice("sweep"), resumable=True)
    started = time.perf_counter()
    try:
        # kill -TERM, a closed terminal: the sweep stops, and its workers, as on Ctrl-C
        with stop_signals(), GamesBar(total, enabled=not args.quiet) as advance:
            outcome = run_sweep(sweep, out, backend, resume=args.resume, progress=advance)
    except (SweepRefused, ClusterUnreachable) as exc:
        _err(f"tabletop sweep: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    except OSError as exc:
        # the folder could not be made, or nothing was written in it (no plan): nothing to resume (found from
        # outside: a read-only --out was told "--resume continues", and --resume said the same)
        if not (out / "sweep.json").is_file():
            _err(_("tabletop sweep: cannot write into {path}: {problem}").format(path=out, problem=folder_words(exc)))
        else:
            _err(_("tabletop sweep: cannot write into {path}: {problem} (every chunk already written is whole; "
                   "--resume continues)").format(path=_line(_refused_folder(out, exc)), problem=folder_words(exc)))
        return 1
    except ClusterLost as exc:
        if exc.chunk_lost:  # found from outside: said as "the Dask cluster was lost", the scheduler up
            _err(_("tabletop sweep: a chunk's games were lost with every Dask worker that tried them (Dask said: "
                   "{detail}); every chunk written to {path} is whole: add --resume to finish the sweep").format(
                detail=_line(str(exc)), path=out))
        else:
            _err(_("tabletop sweep: the Dask cluster was lost (Dask said: {detail}); every chunk written to {path} "
                   "is whole: add --resume to finish the sweep, once the cluster is back").format(
                detail=_line(str(exc)), path=out))
        return 1
    except OtherTabletop as exc:
        # found from outside: an older tabletop on one worker was said as ten lines about the ruleset
        _err(_("tabletop sweep: {problem}; every chunk written to {path} is whole: add --resume to finish the sweep "
               "once every machine runs this tabletop").format(problem=_line(str(exc)), path=out))
        return 1
    except BrokenProcessPool:
        _err(_("tabletop sweep: a worker process died (killed, or out of memory); every chunk written to {path} is "
               "whole: add --resume to finish the sweep (on a Dask cluster a lost worker's chunk is played again)")
             .format(path=out))
        return 1
    except KeyboardInterrupt:
        if not (out / "sweep.json").is_file():
            # found from outside: Ctrl-C while connecting to a scheduler was told to --resume a folder never made
            _err(_("tabletop sweep: interrupted before the sweep began: nothing was written"))
            return 130
        _err(_("tabletop sweep: interrupted; every chunk written to {path} is whole: add --resume to finish the sweep")
             .format(path=out))
        return 130
    except Stopped as stop:
        if not (out / "sweep.json").is_file():  # as Ctrl-C: nothing to resume
            _err(_("tabletop sweep: stopped by a stop signal ({signal}) before the sweep began: nothing was written")
                 .format(signal=stop.name))
            return stop.status
        _err(_("tabletop sweep: stopped by a stop signal ({signal}); every chunk written to {path} is whole: add "
               "--resume to finish the sweep").format(signal=stop.name, path=out))
        return stop.status
    seconds = time.perf_counter() - started
    rate = _(", {rate} games/s").format(rate=f"{outcome.played / seconds:.0f}") if outcome.played and seconds > 0 else ""
    kept = _(" ({n} already written)").format(n=outcome.skipped) if outcome.skipped else ""
    if not args.quiet:
        # two numbers, each with its noun: the points in a phrase of their own
        where = ngettext("{points} point", "{points} points", len(sweep.points)).format(points=len(sweep.points))
        _out(ngettext("{played} game played{kept} in {where} on {backend}, {seconds} s{rate}: {path}",
                      "{played} games played{kept} in {where} on {backend}, {seconds} s{rate}: {path}",
                      outcome.played).format(played=outcome.played, kept=kept, where=where, backend=backend.label,
                                             seconds=decimal(seconds, 1), rate=rate, path=out))
        # the report beside the folder, not in it: a Parquet reader of the folder takes every file in it
        _out(_("summary: tabletop sweep report {path} --format html -o {page}").format(
            path=out, page=_page_beside(out)))
    return 0


def _refused_folder(out: Path, exc: OSError) -> Path:
    """The folder a write failed in: ``OUT/point=4`` for a chunk there (found from outside: a read-only point's
    folder was said as "cannot write into OUT", a folder that could be written into), else ``out``."""
    if not isinstance(exc.filename, str) or not exc.filename:
        return out
    named = Path(exc.filename)
    return named.parent if named != out and named.is_relative_to(out) else out


def _page_beside(out: Path) -> Path:
    """``sweeps/borders.html`` for the folder ``sweeps/borders`` (``--out .``: named by the folder it is)."""
    folder = out if out.name not in ("", "..") else out.resolve()
    return folder.with_name(folder.name + ".html") if folder.name else folder / "sweep.html"


def _check_cluster(address: str | None) -> str | None:
    if address is None:
        return None
    from ..sim.cluster import check_cluster

    return check_cluster(address, too_many_workers)


def _report(args: argparse.Namespace) -> int:
    if args.folder is None:
        _err(_("tabletop sweep report: give the sweep's folder: tabletop sweep report DIR"))
        return 2
    problem = missing(("duckdb",))
    if problem:
        _err(f"tabletop sweep report: {problem}")  # untranslated: the command's name before a message worded where it arose
        return 1
    if args.output is not None and _inside(Path(args.output), Path(args.folder)):
        # found from outside: -o out/f/r.html wrote the page into the folder, then read as a stranger by the report
        # and --resume, and README's pyarrow line, reading the folder as a dataset, failed on it
        _err(_("tabletop sweep report: {path} is inside the sweep's folder, where every file is read as part of the "
               "sweep (the report, --resume and a dataset reader such as pyarrow would take it): write the report "
               "beside the folder, e.g. -o {page}").format(path=args.output, page=_page_beside(Path(args.folder))))
        return 2
    from ..report import ReportError
    from ..report.output import check_target, chosen_format, write_report
    from ..report.sweepdata import SweepUnreadable, summarise
    from ..report.sweeppage import chart_svg, notices, sweep_html, sweep_markdown

    try:
        try:
            summary = summarise(Path(args.folder))
        except OSError as exc:
            # reading the folder failed, not writing the page (found from outside: "cannot write None: File name
            # too long" for a folder's name)
            _err(_("tabletop sweep report: cannot read {path}: {problem}").format(
                path=_line(str(exc.filename if exc.filename is not None else args.folder)), problem=system_words(exc)))
            return 1
        # an unfinished sweep, a key that changes no game: said on the terminal too, where the page is written to a
        # file (found from outside: a point with no games went unsaid, exit 0)
        for notice in notices(summary):
            _err(_("tabletop sweep report: warning: {notice}").format(notice=_line(notice)))
        if args.svg:
            typed, _sep, track = args.svg.rpartition(":")
            # the key as the sweep file writes it (tracks.borders.breakdown_at) or as its column (borders_breakdown_at)
            column = summary["plan"]["keys"].get(typed, typed)
            if column not in summary["axes"] or track not in summary["plan"]["tracks"]:
                _err(_("tabletop sweep report: --svg {value}: {wrong}; write KEY:TRACK_ID, e.g. {example}")
                     .format(value=args.svg, wrong=_svg_wrong(summary, args.svg, typed, column, track),
                             example=_svg_example(summary)))
                return 2
            text = chart_svg(summary, column, track)
        else:
            try:
                html = chosen_format(args.format, args.output, ("md", "html")) == "html"
            except ReportError as exc:  # -o FILE's suffix names no format: typed wrong, as tabletop report says it
                _err(f"tabletop sweep report: {exc}")  # untranslated: the command's name before a message worded where it arose
                return 2
            text = sweep_html(summary) if html else sweep_markdown(summary)
        if args.output is not None:
            # what report -o refuses, said alike: a control character in the name (typed wrong), a missing folder,
            # a link to nothing, a folder on the way that is a file; then a file nobody asked to replace
            if (refused := output_refused(args.output)) is not None:
                _err(f"tabletop sweep report: {refused[0]}")  # untranslated: the command's name before a message worded where it arose
                return refused[1]
            check_target(Path(args.output), [], args.force)
            write_report(Path(args.output), text)
    except SweepUnreadable as exc:
        _err(f"tabletop sweep report: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    except ReportError as exc:
        _err(f"tabletop sweep report: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    except OSError as exc:  # writing the page (check_target, write_report): said of the file asked for
        _err(_("tabletop sweep report: cannot write {path}: {problem}").format(path=args.output, problem=system_words(exc)))
        return 1
    if args.output is None:
        _document(text.rstrip("\n"))  # UTF-8, as -o FILE; a full disk, a reader gone: main says it, as for every command's output
    else:  # as tabletop report -o says it (found from outside: nothing said where the page went)
        _err(_("Report written to {path}").format(path=args.output))
    return 0


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is in ``folder`` or below it, links and ``..`` followed as far as they exist."""
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links: not known to be inside, and -o's own checks say the rest
        return False


def _svg_example(summary: dict[str, Any]) -> str:
    """A ``--svg`` value that draws a chart of this sweep: its first key as the sweep file writes it, its first track."""
    axes, plan = summary["axes"], summary["plan"]
    key = next((axis["key"] for axis in axes.values()), "ruleset.independence")  # untranslated: a key
    return f"{key}:{next(iter(plan['tracks']))}"


def _svg_wrong(summary: dict[str, Any], value: str, typed: str, column: str, track: str) -> str:
    """What is wrong with ``--svg``'s key or track, with a did-you-mean (as a sweep file's keys have one), the keys
    named as the sweep file writes them (found from outside: "--svg KEY:bordrs" had no suggestion, and the keys
    were listed by their columns, borders_breakdown_at, where the report's headings say tracks.borders.breakdown_at)."""
    from ..content.errors import did_you_mean

    axes, plan = summary["axes"], summary["plan"]
    if column in axes:
        return _("no track '{track}'{hint}: the tracks are {tracks}").format(
            track=track, hint=did_you_mean(track, plan["tracks"]), tracks=", ".join(plan["tracks"]))
    if ":" not in value:
        # found from outside: "--svg bogus" was told "no chart by ''"
        return _("a key and a track, with a colon between them, are needed")
    keys = [axis["key"] for axis in axes.values()]
    return _("no chart by {key}{hint}: the charts are by {keys}").format(
        key=repr(typed), hint=did_you_mean(typed, keys + list(axes)), keys=", ".join(keys))


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``sweep`` command (and ``sweep report``) and their options."""
    p = sub.add_parser(
        "sweep", help=_("bot games over a grid of options, one Parquet row per game; 'sweep report DIR' summarises them"),
        # untranslated: a command line's syntax
        usage="tabletop sweep SPEC.toml [--out DIR] [--resume] [--workers K | --cluster ADDR] [--quiet]\n"
              "       tabletop sweep report DIR [--format md|html] [-o FILE] [--force] [--svg KEY:TRACK]",
    )
    p.add_argument("spec", metavar="SPEC.toml", help=_("the sweep file (or 'report', then the sweep's folder)"))
    p.add_argument("folder", nargs="?", default=None, metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument("--out", default=None, metavar="DIR", help=_("where the Parquet files go (default: sweeps/SPEC)"))
    p.add_argument("--resume", action="store_true", help=_("finish an interrupted sweep in --out: only missing chunks"))
    p.add_argument("--workers", type=_workers, default=None, metavar="K", help=_("processes (default: all cores)"))
    p.add_argument("--cluster", default=None, metavar="ADDR",
                   help=_("local:N (a Dask cluster of N processes here) or tcp://HOST:8786 (a running dask scheduler)"))
    p.add_argument("--quiet", action="store_true", help=_("no progress bar, no closing line"))
    p.add_argument("--format", choices=["md", "html"], default=None,
                   help=_("sweep report: Markdown or HTML (default: as -o FILE's suffix names it, else md)"))
    p.add_argument("-o", "--output", default=None, metavar="FILE", type=output_file,
                   help=_("sweep report: write to FILE (-: standard output, as without -o); UTF-8 either way"))
    p.add_argument("--force", action="store_true", help=_("sweep report: replace FILE if it exists"))
    p.add_argument("--svg", default=None, metavar="KEY:TRACK",
                   help=_("sweep report: only the chart of TRACK against KEY, as an SVG file"))
    p.set_defaults(func=cmd_sweep)
