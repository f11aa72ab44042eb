"""The ``tabletop`` command line (DESIGN section 7)."""

from __future__ import annotations

import argparse
import gc
import io
import json
import random
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ._version import __version__
from .content import ContentError, Deck, Problem, Ruleset
from .content.literal import literal
from .content.finding import DEFAULT_RULESET, resolve
from .content.loader import load_scenario
from .content.parsing import combine, parse_deck, parse_ruleset
from .content.source import SourceFile, kind_of, read_toml
from .content.timers import Timers, parse_timer_option

if TYPE_CHECKING:
    from .tui.app import TabletopApp

Command = Callable[[argparse.Namespace], int]


def _out(text: str = "") -> None:
    # names, keys and damage details come from files: no control character reaches the terminal
    print(literal(text), flush=True)


def _err(text: str) -> None:
    print(literal(text), file=sys.stderr, flush=True)


def _line(text: object) -> str:
    """One record (a problem, a path) on one line: a line break inside it is shown, not obeyed."""
    return literal(text, lines=False)


def _problems(exc: ContentError) -> str:
    return "\n".join(_line(p) for p in exc.problems)


# --------------------------------------------------------------------------
# validate


def _toml_files(paths: Sequence[str]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*.toml") if f.is_file())
            if not found:
                problems.append(Problem(raw, None, "", "directory holds no .toml files"))
            files += found
        elif not p.exists():
            problems.append(Problem(raw, None, "", "no such file or directory"))
        else:
            files.append(p)
    return files, problems


def describe_ruleset(rs: Ruleset) -> str:
    o = rs.ruleset
    return (
        f"ruleset '{o.id}': {len(rs.actors)} actors, {len(rs.tracks)} tracks, {len(rs.meters)} meters, "
        f"{len(rs.moves)} moves, {o.turns} rounds, {o.independence}"
    )


def describe_deck(deck: Deck) -> str:
    total = sum(c.copies for c in deck.cards)
    scoped = sum(1 for c in deck.cards if c.track)
    return (
        f"deck '{deck.deck.id}': {len(deck.cards)} cards ({total} with copies), "
        f"{scoped} on a track, {len(deck.cards) - scoped} global"
    )


def cmd_validate(args: argparse.Namespace) -> int:
    files, problems = _toml_files(args.paths)
    rulesets: list[tuple[Path, SourceFile, Ruleset]] = []
    decks: dict[str, tuple[Path, SourceFile, Deck]] = {}
    summaries: dict[Path, str] = {}
    for path in files:
        try:
            source = read_toml(path)
            if kind_of(source) == "ruleset":
                rs = parse_ruleset(source)
                rulesets.append((path, source, rs))
                summaries[path] = describe_ruleset(rs)
            else:
                deck = parse_deck(source)
                decks.setdefault(deck.deck.id, (path, source, deck))
                summaries[path] = describe_deck(deck)
        except ContentError as exc:
            problems += exc.problems
    # a ruleset and its deck are checked together: the deck given alongside,
    # or found by id beside the ruleset or in a sibling decks/ folder
    for path, source, rs in rulesets:
        deck_id = rs.ruleset.deck
        if deck_id is None:
            continue
        found = decks.get(deck_id)
        if found is None:
            try:
                deck_path = resolve(deck_id, "deck", near=path.parent)
                deck_source = read_toml(deck_path)
                if kind_of(deck_source) == "deck":
                    found = (deck_path, deck_source, parse_deck(deck_source))
            except ContentError:
                found = None  # reported when that file itself is validated
        if found is None:
            summaries[path] += f"; deck '{deck_id}' not found beside it, checked alone"
            continue
        try:
            combine(rs, found[2], source, found[1])
            summaries[path] += f"; checked with deck '{deck_id}'"
        except ContentError as exc:
            problems += exc.problems
    bad_files = {p.file for p in problems}
    for path in files:
        if str(path) not in bad_files and path in summaries:
            _out(f"ok  {_line(path)}: {_line(summaries[path])}")
    for problem in problems:
        _out(_line(problem))
    if problems:
        _out(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(bad_files)} "
             f"file{'s' if len(bad_files) != 1 else ''}")
        return 1
    if not files:
        _out("nothing to validate")
        return 1
    return 0


# --------------------------------------------------------------------------
# schema


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_for

    _out(json.dumps(schema_for(args.kind), indent=2))
    return 0


# --------------------------------------------------------------------------
# simulate


def _whole(minimum: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{what} {minimum} or more, got {value}")
        return value

    return parse


_positive = _whole(1, "must be")
_seed = _whole(0, "a seed must be")


def cmd_simulate(args: argparse.Namespace) -> int:
    from .sim import parse_bots
    from .sim.runner import default_workers, simulate, with_independence
    from .sim.tables import format_comparison, format_table, names_of

    scenario = load_scenario(args.ruleset, args.deck)
    try:
        bots = parse_bots(args.bots, [a.id for a in scenario.ruleset.actors])
    except ValueError as exc:
        _err(f"tabletop simulate: {exc}")
        return 2
    workers = args.workers or default_workers()
    save_dir = Path(args.save_dir) if args.save_dir else None
    if save_dir is not None:
        try:
            save_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _err(f"tabletop simulate: cannot create --save-dir {save_dir}: {exc.strerror or exc}")
            return 1
    modes = ("strict", "linked") if args.compare else (scenario.ruleset.ruleset.independence,)
    reports = {}
    with _progress(args.games * len(modes), enabled=not args.json) as advance:
        for mode in modes:
            played = with_independence(scenario, mode)
            mode_dir = save_dir / mode if save_dir is not None and args.compare else save_dir
            try:
                if mode_dir is not None:
                    mode_dir.mkdir(parents=True, exist_ok=True)
                reports[mode] = simulate(played, args.games, args.seed, bots, workers=workers, save_dir=mode_dir,
                                         progress=advance)
            except OSError as exc:
                if mode_dir is None:
                    _err(f"tabletop simulate: {exc.strerror or exc}")
                    return 1
                # a game's save appears only once whole: what the folder holds is whole games
                _err(f"tabletop simulate: cannot write the game saves into {mode_dir}: {exc.strerror or exc} "
                     "(the saves already there are whole; nothing half-written was left)")
                return 1
    if args.compare:
        if args.json:
            _out(json.dumps({"compare": reports}))
        else:
            _out(format_comparison(reports, names_of(scenario)))
    elif args.json:
        _out(json.dumps(reports[modes[0]]))
    else:
        _out(format_table(reports[modes[0]], names_of(scenario)))
    return 0


class _progress:
    """A Rich progress bar on stderr for long runs; nothing when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self.enabled = enabled and sys.stderr.isatty() and total >= 200
        self._bar = None

    def __enter__(self) -> Callable[[int], None] | None:
        if not self.enabled:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self._bar = Progress(
            "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._bar.start()
        task = self._bar.add_task("games", total=self.total)
        bar = self._bar
        return lambda n: bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


# --------------------------------------------------------------------------
# replay and report


def cmd_replay(args: argparse.Namespace) -> int:
    from .store import SaveError
    from .store.reading import open_save

    try:
        save = open_save(args.save)
    except SaveError as exc:
        _err(f"tabletop replay: {exc}")
        return 1
    difference = save.check_records()
    if save.damage is not None:
        _err(f"tabletop replay: the save is damaged at {save.damage}; showing the {len(save)} intact events")
    if difference is not None:
        _err(f"tabletop replay: event {difference.seq} does not replay as it was recorded ({difference.kind}: "
             f"{difference.detail}); showing the game as it replays (run tabletop verify on the save)")
    if (code := _need_terminal()) is not None:
        return code
    from .tui.replay import ReplayApp

    app = ReplayApp(save)
    app.run()
    if app.return_code or app._exception is not None:  # Textual caught an error in the viewer and stopped
        why = f" ({type(app._exception).__name__}: {_line(app._exception)})" if app._exception is not None else ""
        _err(f"tabletop replay: the viewer stopped on an internal error{why}. The save was only read, never changed.")
        return 1
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import ReportError, render
    from .report.output import check_target, write_report
    from .report.render import save_paths

    try:
        if args.output:
            # before any work: a report never replaces a save, nor a file nobody asked to replace
            check_target(Path(args.output), save_paths(args.saves), args.force)
        text = render(args.saves, args.format, audience=args.audience)
    except ReportError as exc:
        _err(f"tabletop report: {exc}")
        return 1
    if args.output:
        out = Path(args.output)
        try:
            write_report(out, text)
        except OSError as exc:
            _err(f"tabletop report: cannot write {out}: {exc.strerror or exc}")
            return 1
        _err(f"Report written to {out}")
    else:
        text = literal(text)  # each format made file text literal already; this is the last guard
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


# --------------------------------------------------------------------------
# verify


def _noted_head(text: str) -> str:
    from .store.heads import HEAD_PATTERN

    if not HEAD_PATTERN.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(
            "a chain head is 8 to 32 hex digits (0-9, a-f), as verify and the end screen print it")
    return text.strip()


def cmd_verify(args: argparse.Namespace) -> int:
    from .store.verifying import verify

    report = verify(args.save, head=args.head)
    for line in report.lines():
        _out(line)
    return 0 if report.ok else 1


# --------------------------------------------------------------------------
# the play screens


def _need_terminal() -> int | None:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        _err("tabletop: the play screen needs a terminal (run it in a terminal window, not a pipe)")
        return 1
    return None


def play_app(session: object | None) -> TabletopApp:
    """The app ``tabletop``, ``play`` and ``resume`` run (the TUI benchmark starts it the same way)."""
    from .tui.app import TabletopApp

    app = TabletopApp(session)  # type: ignore[arg-type]
    # the modules, the scenario and the game loaded so far live as long as the session: keep the
    # garbage collector from walking them on each of its passes (fewer, shorter pauses on screen)
    gc.freeze()
    # and none at all until the board is on screen (the app switches it back on when it is ready):
    # building the first screen makes thousands of objects that live on, ~1.5 ms of collections
    gc.disable()
    return app


def _run_app(session: object | None) -> int:
    """Run the play screens; 0 after a normal quit, 1 after a crash, with the way back into the game."""
    from rich.console import Console

    app = play_app(session)
    # Textual prints an unhandled error's traceback (with locals) to the terminal: keep it for a crash
    # log instead, so the room sees a short message and the way back into the game
    details = io.StringIO()
    app.error_console = Console(file=details, markup=False, highlight=False, width=120, color_system=None)
    crash: BaseException | None = None
    try:
        app.run()
    except Exception as exc:  # noqa: BLE001 - whatever stopped the screen, the room needs the way back
        crash = exc
        details.write(traceback.format_exc())
    crash = crash or app._exception  # Textual keeps the first unhandled error of a handler here
    path = app.session.save_path if app.session is not None else None
    if crash is not None or app.return_code:
        why = f" ({type(crash).__name__}: {_line(crash)})" if crash is not None else ""
        _err(f"tabletop: the game screen stopped on an internal error{why}.")
        log = _crash_log(path, details.getvalue())
        if log is not None:
            _err(f"The details for whoever maintains tabletop are in {_line(log)}")
        if path is not None:
            _err(f"Every action up to it is in the save: continue with: tabletop resume {_line(path)}")
        return 1
    if path is not None:
        _out(f"Saved: {_line(path)} (continue with: tabletop resume {_line(path)})")
    return 0


def _crash_log(save: Path | None, details: str) -> Path | None:
    """Write what Textual reported about a crash beside the save (or in the temp folder); its path."""
    if not details.strip():
        return None
    import tempfile
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = save.parent if save is not None else Path(tempfile.gettempdir())
    log = folder / f"tabletop-crash-{stamp}.txt"
    try:
        with open(log, "x", encoding="utf-8") as handle:
            handle.write(details)
    except OSError:
        _err(literal(details))  # nowhere to keep it: show it after all
        return None
    return log


def cmd_start(args: argparse.Namespace) -> int:
    return _need_terminal() or _run_app(None)


def cmd_play(args: argparse.Namespace) -> int:
    from .play.session import DEFAULT_SAVE_DIR, Session, with_sealed
    from .sim import parse_bots
    from .store import SaveError, default_save_path

    scenario = load_scenario(args.ruleset, args.deck)  # content errors first, as validate shows them
    actor_ids = [a.id for a in scenario.ruleset.actors]
    try:
        seats = parse_bots(args.bots, actor_ids) or {}
        teams = _teams(args, actor_ids, seats)
    except ValueError as exc:
        _err(f"tabletop play: {exc}")
        return 2
    if args.sealed is not None:
        scenario = with_sealed(scenario, args.sealed)
    if args.save and not Path(args.save).parent.is_dir():
        # a typo in a folder name must not scatter saves into new folders nobody will look in
        _err(f"tabletop play: the folder {Path(args.save).parent} does not exist; create it first, or give --save "
             "a path in an existing folder")
        return 1
    if args.timer is not None:
        try:
            scenario = scenario.with_options(timers=parse_timer_option(args.timer, scenario.ruleset.ruleset.timers))
        except ValueError as exc:
            _err(f"tabletop play: --timer: {exc}")
            return 2
    if (code := _need_terminal()) is not None:
        return code
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    path = Path(args.save) if args.save else default_save_path(DEFAULT_SAVE_DIR, scenario.id)
    if path.exists():
        _err(f"tabletop play: {path} already exists; a save is never overwritten (use tabletop resume {path})")
        return 1
    try:
        session = Session.start(scenario, seed, path, seats, teams=teams)
    except SaveError as exc:
        _err(f"tabletop play: {exc}")
        return 1
    except OSError as exc:
        _err(f"tabletop play: cannot create the save {path}: {exc.strerror or exc}")
        return 1
    return _run_app(session)


def _teams(args: argparse.Namespace, actor_ids: list[str], seats: dict[str, str]) -> dict[str, str]:
    """``--team``/``--teams``: the human teams' names; a bot's seat cannot take one."""
    from .store.players import parse_teams

    teams = parse_teams([*(args.team or []), *(args.teams or [])], actor_ids)
    for actor in teams:
        if seats.get(actor, "human") != "human":
            raise ValueError(f"'{actor}' is played by a bot (--bots {actor}={seats[actor]}): a team name is for a human team")
    return teams


def cmd_resume(args: argparse.Namespace) -> int:
    from .play.session import Session
    from .store import SaveError

    if args.timer is not None:
        try:
            parse_timer_option(args.timer, Timers())  # the words are checked before the save is touched
        except ValueError as exc:
            _err(f"tabletop resume: --timer: {exc}")
            return 2
    if (code := _need_terminal()) is not None:
        return code
    try:
        session = Session.resume(args.save)
    except SaveError as exc:
        _err(f"tabletop resume: {exc}")
        return 1
    except OSError as exc:  # the disk failed while the save was looked over: nothing was changed
        _err(f"tabletop resume: cannot open {args.save}: {exc.strerror or exc}")
        return 1
    if args.timer is not None:
        session.timers = parse_timer_option(args.timer, session.timers)
    for message in session.messages:
        _err(message)
    return _run_app(session)


# --------------------------------------------------------------------------


_TIMER_HELP = "phase timers, e.g. moves=5m,event=1m,review=90s or on_time_up=pass; off for none"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        _err(f"{self.prog}: error: {message}")
        _err(f"Try '{self.prog} --help'.")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tabletop",
        description="A terminal tabletop wargame for policy workshops.",
    )
    parser.add_argument("--version", action="version", version=f"tabletop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("validate", help="check rulesets and decks; exit 1 with file:line errors")
    p.add_argument("paths", nargs="+", metavar="PATH", help="ruleset or deck files, or directories of them")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("schema", help="print the JSON Schema of a ruleset, deck or save, for editors")
    p.add_argument("kind", choices=["ruleset", "deck", "save"])
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("simulate", help="play many bot games headless and report per track")
    p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="R", help="ruleset path or bundled id")
    p.add_argument("--deck", default=None, metavar="D", help="deck path or bundled id (default: the ruleset's)")
    p.add_argument("--games", type=_positive, default=1000, metavar="N")
    p.add_argument("--seed", type=_seed, default=0, metavar="S")
    p.add_argument("--workers", type=_positive, default=None, metavar="K", help="processes (default: all cores)")
    p.add_argument(
        "--bots",
        default=None,
        metavar="POLICY",
        help="random, cooperative or hardliner for all, or per actor: ru=hardliner,ua=cooperative "
        "(default: a mix drawn per game)",
    )
    p.add_argument("--save-dir", default=None, metavar="DIR", help="write one save per game into DIR")
    p.add_argument("--compare", action="store_true", help="play the same games under strict and linked, side by side")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("play", help="go straight to the board of a scenario")
    p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="R", help="ruleset path or bundled id")
    p.add_argument("--deck", default=None, metavar="D", help="deck path or bundled id (default: the ruleset's)")
    p.add_argument("--seed", type=_seed, default=None, metavar="N", help="game seed (default: random, shown)")
    p.add_argument("--save", default=None, metavar="PATH", help="save file (default: saves/<time>-<ruleset>.jsonl)")
    p.add_argument("--bots", default=None, metavar="SEATS",
                   help="actors a bot plays, e.g. ru=hardliner,us=cooperative (default: every team human)")
    p.add_argument("--sealed", action=argparse.BooleanOptionalAction, default=None,
                   help="sealed moves on or off (default: as the ruleset says)")
    p.add_argument("--team", action="append", default=None, metavar="ACTOR=NAME",
                   help='a human team\'s name, recorded in the save and shown in the debrief; repeat per team: '
                   '--team ru="Delegation A" --team ua="Team Kyiv"')
    p.add_argument("--teams", action="append", default=None, metavar="A=NAME,B=NAME",
                   help='several team names at once: --teams ru="Delegation A",ua="Team Kyiv" (a comma followed by '
                   'an actor id and = starts the next one, so names may hold commas)')
    p.add_argument("--timer", default=None, metavar="TIMERS", help=_TIMER_HELP + " (default: as the ruleset says)")
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("resume", help="continue a saved game where it stopped")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--timer", default=None, metavar="TIMERS", help=_TIMER_HELP + " (default: as the save had them)")
    p.set_defaults(func=cmd_resume)

    p = sub.add_parser("replay", help="the debrief viewer: step through a saved game")
    p.add_argument("save", metavar="SAVE")
    p.set_defaults(func=cmd_replay)

    p = sub.add_parser("report", help="write the debrief report of one or more saves")
    p.add_argument("saves", nargs="+", metavar="SAVE", help="saves, or directories of saves (several: a comparison)")
    p.add_argument("--format", choices=["md", "html", "json"], default="md")
    p.add_argument("-o", "--output", default=None, metavar="FILE", help="write to FILE instead of the screen")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE if it exists (never a save being reported)")
    p.add_argument("--audience", choices=["facilitator", "participants"], default="facilitator",
                   help="facilitator: everything (default); participants: no control notes, and secret objectives "
                   "only once the game is over and if the ruleset reveals them")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("verify", help="replay a save, check every line and hash; exit 1 on damage")
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--head", default=None, metavar="H", type=_noted_head,
                   help="a chain head noted earlier (at least 8 hex digits): exit 1 unless the save ends there")
    p.set_defaults(func=cmd_verify)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = getattr(args, "func", cmd_start)
    try:
        return func(args)
    except ContentError as exc:
        _err(_problems(exc))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return 0
