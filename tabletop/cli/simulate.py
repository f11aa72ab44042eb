"""``tabletop simulate``: many bot games played headless, a table per track."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.finding import DEFAULT_RULESET
from ..content.loader import load_scenario
from .arguments import _games, _seed, _workers, too_many_workers
from .progress import GamesBar
from .terminal import _document, _err, _line, _notice, _out, control_refused
from ..lang import Domain
from ..content.oswords import folder_words, system_words

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction


def cmd_simulate(args: argparse.Namespace) -> int:
    from ..sim import parse_bots
    from ..sim.cluster import ClusterLost, ClusterUnreachable
    from ..sim.runner import default_workers, simulate, with_independence
    from ..sim.samecode import OtherTabletop
    from ..sim.stopping import Stopped, stop_signals
    from ..sim.tables import format_comparison, format_table, names_of

    scenario = load_scenario(args.ruleset, args.deck, deck_option="--deck")
    try:
        bots = parse_bots(args.bots, [a.id for a in scenario.ruleset.actors])
    except ValueError as exc:
        _err(f"tabletop simulate: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if args.cluster is not None:
        from ..sim.cluster import check_cluster
        from .sweep import missing

        if (problem := check_cluster(args.cluster, too_many_workers)) is not None:
            _err(f"tabletop simulate: {problem}")  # untranslated: the command's name before a message worded where it arose
            return 2
        if (problem := missing(("distributed",))) is not None:  # what the machine lacks, not typed wrong
            _err(f"tabletop simulate: {problem}")  # untranslated: the command's name before a message worded where it arose
            return 1
        if args.save_dir or args.workers:
            _err(_("tabletop simulate: --cluster goes with neither --workers (a cluster has its own workers) "
                   "nor --save-dir (the saves are written on this machine)"))
            return 2
    workers = args.workers or default_workers()
    save_dir = Path(args.save_dir) if args.save_dir else None
    if save_dir is not None:
        if (said := control_refused(save_dir, "--save-dir")) is not None:  # found from outside: a folder was made
            _err(f"tabletop simulate: {said}")  # untranslated: the command's name before a message worded where it arose
            return 2  # typed wrong, as play --save's control character
        try:
            save_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _err(_("tabletop simulate: cannot create --save-dir {path}: {problem}").format(path=save_dir,
                                                                                   problem=folder_words(exc)))
            return 1
    modes = ("strict", "linked") if args.compare else (scenario.ruleset.ruleset.independence,)
    reports = {}
    try:
        # kill -TERM, a closed terminal: the run stops, and its workers, as on Ctrl-C
        with stop_signals(), GamesBar(args.games * len(modes), enabled=not args.json, minimum=200) as advance:
            for mode in modes:
                played = with_independence(scenario, mode)
                mode_dir = save_dir / mode if save_dir is not None and args.compare else save_dir
                try:
                    if mode_dir is not None:
                        mode_dir.mkdir(parents=True, exist_ok=True)
                    reports[mode] = simulate(played, args.games, args.seed, bots, workers=workers, save_dir=mode_dir,
                                             progress=advance, cluster=args.cluster, notice=_notice("simulate"))
                except ClusterUnreachable as exc:
                    _err(f"tabletop simulate: {exc}")  # untranslated: the command's name before a message worded where it arose
                    return 1
                except ClusterLost as exc:
                    if exc.chunk_lost:  # found from outside: said as "the Dask cluster was lost", the scheduler up
                        _err(_("tabletop simulate: a chunk's games were lost with every Dask worker that tried them "
                               "(Dask said: {detail}); nothing is reported: run the simulation again").format(
                            detail=_line(str(exc))))
                        return 1
                    _err(_("tabletop simulate: the Dask cluster was lost (Dask said: {detail}); nothing is reported: "
                           "run the simulation again once the cluster is back").format(detail=_line(str(exc))))
                    return 1
                except OtherTabletop as exc:
                    _err(_("tabletop simulate: {problem}; nothing is reported: run the simulation again once every "
                           "machine runs this tabletop").format(problem=_line(str(exc))))
                    return 1
                except OSError as exc:
                    if mode_dir is None:
                        _err(f"tabletop simulate: {system_words(exc)}")  # untranslated: the command's name before a message worded where it arose
                        return 1
                    # a game's save appears only once whole: what the folder holds is whole games
                    _err(_("tabletop simulate: cannot write the game saves into {path}: {problem} "
                           "(the saves already there are whole; nothing half-written was left)")
                         .format(path=mode_dir, problem=system_words(exc)))
                    return 1
    except Stopped as stop:
        _err(_("tabletop simulate: stopped by a stop signal ({signal})").format(signal=stop.name))
        return stop.status
    from ..content.overlays import translated
    from ..lang import current

    shown = translated(scenario, current())  # the tables name tracks, actors and cards in the command's language
    if args.compare:
        if args.json:
            _document(json.dumps({"compare": reports}))  # for a script: UTF-8, as every document
        else:
            _out(format_comparison(reports, names_of(shown)))
    elif args.json:
        _document(json.dumps(reports[modes[0]]))
    else:
        _out(format_table(reports[modes[0]], names_of(shown)))
    return 0


#: a run without --games or --seed: its help and the README say so
GAMES = 1000
SEED = 0


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``simulate`` command and its options."""
    p = sub.add_parser("simulate", help=_("play many bot games headless and report per track"))
    p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="R", help=_("ruleset path or bundled id"))
    p.add_argument("--deck", default=None, metavar="D", help=_("deck path or bundled id (default: the ruleset's)"))
    p.add_argument("--games", type=_games, default=GAMES, metavar="N",
                   help=_("how many games to play (default: {games})").format(games=GAMES))
    p.add_argument("--seed", type=_seed, default=SEED, metavar="S",
                   help=_("the run's seed: the same seed, the same games (default: {seed})").format(seed=SEED))
    p.add_argument("--workers", type=_workers, default=None, metavar="K", help=_("processes (default: all cores)"))
    p.add_argument(
        "--bots",
        default=None,
        metavar="POLICY",
        help=_("random, cooperative or hardliner for all, or per actor: ru=hardliner,ua=cooperative "
               "(default: a mix drawn per game)"),
    )
    p.add_argument("--cluster", default=None, metavar="ADDR",
                   help=_("play on Dask: local:N (N processes here) or tcp://HOST:8786 (a running dask scheduler)"))
    p.add_argument("--save-dir", default=None, metavar="DIR", help=_("write one save per game into DIR"))
    p.add_argument("--compare", action="store_true", help=_("play the same games under strict and linked, side by side"))
    p.add_argument("--json", action="store_true", help=_("print one JSON object"))
    p.set_defaults(func=cmd_simulate)
