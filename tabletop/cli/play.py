"""``tabletop``, ``tabletop play`` and ``tabletop resume``: a game on the play screens."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.finding import DEFAULT_RULESET
from ..content.literal import shell_path
from ..content.loader import load_scenario
from ..content.numbers import unchosen_seed
from ..content.timers import Timers, parse_timer_option
from . import screens
from .arguments import _seed
from .terminal import _err, _line, _problems, control_refused, no_place_for_a_file
from ..lang import Domain

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction

    from ..content import Scenario

_TIMER_HELP = N_("phase timers, e.g. moves=5m,event=1m,review=90s or on_time_up=pass; off for none")
# the timers a game starts with when --timer names none: one wording for play, resume and host (found from outside:
# host's help said no default, though host --resume goes on with the save's)
_RULESET_TIMERS = N_("as the ruleset says")
_SAVED_TIMERS = N_("as the save had them")


def timer_help(default: str, resumed: str | None = None) -> str:
    """--timer's help: the words, then its default (``default``, and ``resumed`` for a --resume, when given)."""
    if resumed is None:
        return _("{timers} (default: {default})").format(timers=_(_TIMER_HELP), default=_(default))
    return _("{timers} (default: {default}; --resume: {resumed})").format(
        timers=_(_TIMER_HELP), default=_(default), resumed=_(resumed))


def read_timers(text: str, base: Timers) -> Timers:
    """``--timer``'s words (:func:`~tabletop.content.timers.parse_timer_option`), in the ids or in the phases and units
    the screens show in the language spoken (``ходи=5хв``): found from outside, the start screen's field refused the
    words its own screen showed, and ``--timer`` shares its parser."""
    from ..tui.text import timer_words  # only with --timer: the screens' words (the screens follow anyway)

    return parse_timer_option(text, base, timer_words())


def cmd_start(args: argparse.Namespace) -> int:
    return screens._need_terminal() or screens._run_app(None)


def language_refused(scenario: Scenario, command: str) -> str | None:
    """Why a new game of ``scenario`` cannot start in the language spoken: the problems of its translation into it,
    one a line after ``command`` as validate words them, and what to do; None when it can (English always can).

    Found from outside (helper-225): ``play --lang uk`` with one misspelt card id in the deck's Ukrainian file
    started with every scenario text in English, and its save embedded no Ukrainian for the debrief; the
    translator's guide promises that such a game does not start. Read from the overlays a start reads anyway (the
    save's header embeds every language): cached on the scenario, nothing is read twice."""
    from ..content import ContentError
    from ..lang import SOURCE, current

    lang = current()
    if lang == SOURCE:
        return None
    from ..content.overlays import translated

    try:
        translated(scenario, lang)
    except ContentError as exc:
        files = " ".join(shell_path(name) for name in dict.fromkeys(p.file for p in exc.problems))
        return "\n".join([_problems(exc, command), _(
            "{command}: a game cannot start with --lang {lang} while its scenario's translation has errors (above): "
            "correct them (tabletop validate {files}), or start it in another language (--lang en)").format(
            command=command, lang=lang, files=files)])
    return None


def cmd_play(args: argparse.Namespace) -> int:
    from ..play.session import DEFAULT_SAVE_DIR, Session, with_sealed
    from ..store import SaveError, default_save_path

    scenario = load_scenario(args.ruleset, args.deck, deck_option="--deck")  # content errors first, as validate shows them
    if (refused := language_refused(scenario, "tabletop play")) is not None:  # untranslated: the command's name
        _err(refused)
        return 1
    actor_ids = [a.id for a in scenario.ruleset.actors]
    try:
        seats = _bots(args.bots, actor_ids)
        teams = _teams(args, actor_ids, seats)
    except ValueError as exc:
        _err(f"tabletop play: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if args.sealed is not None:
        scenario = with_sealed(scenario, args.sealed)
    path = Path(args.save) if args.save else default_save_path(DEFAULT_SAVE_DIR, scenario.id)
    if args.save and (said := control_refused(path, "--save")) is not None:
        # a name no file should have, whatever is on the disk: typed wrong, exit 2 as argparse's own mistakes
        _err(f"tabletop play: {said}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if path.is_dir():  # a folder is no save to resume: say what --save wants
        _err(_("tabletop play: {path} is a folder; --save takes the name of a new save file, e.g. {example}")
             .format(path=path, example=path / "monday.jsonl"))
        return 1
    if (refused := _save_refused(path, given=bool(args.save))) is not None:
        _err(f"tabletop play: {refused}")  # untranslated: the command's name before a message worded where it arose
        return 1
    if args.save and path.exists():  # (the automatic name, taken meanwhile by another start, gives way to -2 below)
        if not looks_like_a_save(path):  # found from outside: a sweep file or a ruleset was told "use tabletop resume"
            _err(_("tabletop play: {path} already exists and is not a save; give --save the name of a new file")
                 .format(path=path))
            return 1
        _err(_exists(path))
        return 1
    if args.timer is not None:
        try:
            scenario = scenario.with_options(timers=read_timers(args.timer, scenario.ruleset.ruleset.timers))
        except ValueError as exc:
            _err(f"tabletop play: --timer: {exc}")  # untranslated: the command's name before a message worded where it arose
            return 2
    if (code := screens._need_terminal("play")) is not None:
        return code
    seed = args.seed if args.seed is not None else unchosen_seed()
    try:
        # the automatic name gives way to the next free one if another start took it this same second
        session = Session.start(scenario, seed, path, seats, teams=teams, exact=bool(args.save))
    except SaveError as exc:
        _err(f"tabletop play: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    except FileExistsError:  # another process made the --save given since the check above (two plays at once)
        _err(_exists(path))
        return 1
    except OSError as exc:
        from ..content.oswords import system_words  # an error path: not on the start path
        _err(_("tabletop play: cannot create the save {path}: {problem}").format(path=path, problem=system_words(exc)))
        _err(save_elsewhere(path))
        return 1
    return screens._run_app(session)


def _exists(path: Path) -> str:
    """A new save's name that a save holds already (found before the start, or made by another play meanwhile)."""
    from ..store.lock import in_use_by, in_use_message  # an error path: not on the start path

    if (who := in_use_by(path)) is not None:
        return f"tabletop play: {in_use_message(shell_path(path), who)}"  # untranslated: the command's name
    return _("tabletop play: {path} already exists; a save is never overwritten (use tabletop resume {path})").format(
        path=shell_path(path))


def save_elsewhere(path: Path) -> str:
    """What to do when a new save cannot be made (a full or read-only disk, a folder not ours): found from outside,
    the system's words alone left a facilitator to guess."""
    return _("Nothing was started. Give --save a file on a disk with room that you can write to, e.g. --save "
             "{example}").format(example=shell_path(Path.home() / path.name))


def looks_like_a_save(path: Path) -> bool:
    """Whether ``path`` starts as a save does (:func:`~tabletop.content.files.save_header_like` of its first line);
    a file that cannot be read is taken for one (what it is, resume says)."""
    from ..content.files import FileRefused, open_regular, save_header_like

    try:
        with open_regular(path) as handle:
            return save_header_like(handle.readline(1 << 24))  # the whole header line: its chain comes last
    except (FileRefused, OSError):
        return True


def _save_refused(path: Path, given: bool = True) -> str | None:
    """What makes ``path`` no place for a new save, for a person; None if a save may be made there.

    What :func:`.terminal.no_place_for_a_file` finds (a folder on the way that is none, a link that
    leads to no file, a folder that is not there, for a path the room ``given``: the default saves/ folder is
    made); a path that is there and is no regular file (a named pipe, a device, a folder), which ``resume`` would
    refuse too: worded as ``verify`` words it. Nothing is created."""
    import stat

    from ..content.files import FileRefused, not_regular, open_regular

    # (a control character in the name is refused before, as typed wrong: exit 2, by play and host alike)
    if (said := no_place_for_a_file(path, "--save", make_folders=not given)) is not None:
        return said
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # not there (or not to be looked at): creating the save says what is wrong
    if stat.S_ISDIR(mode):
        try:
            open_regular(path).close()
        except FileRefused as exc:
            return str(exc)
    if not stat.S_ISREG(mode):  # looked at, never opened: a device is not touched
        return f"{path}: {not_regular(mode)}"  # untranslated: a path before a message worded where it arose
    return None


def _bots(spec: str | None, actor_ids: list[str]) -> dict[str, str]:
    """``--bots``: the seats bots play (none: every team human, and the bots are not imported)."""
    if spec is None:
        return {}
    from ..sim import parse_bots

    return parse_bots(spec, actor_ids, mix=False) or {}


def _teams(args: argparse.Namespace, actor_ids: list[str], seats: dict[str, str]) -> dict[str, str]:
    """``--team``/``--teams``: the human teams' names; a bot's seat cannot take one."""
    if not args.team and not args.teams:
        return {}  # the rules of team names are imported only when a name is given
    from ..store.players import parse_teams

    teams = parse_teams([*(args.team or []), *(args.teams or [])], actor_ids)
    for actor in teams:
        if seats.get(actor, "human") != "human":
            raise ValueError(_("'{actor}' is played by a bot (--bots {actor}={bot}): a team name is for a human team")
                             .format(actor=actor, bot=seats[actor]))
    return teams


def cmd_resume(args: argparse.Namespace) -> int:
    from ..play.session import Session
    from ..store import SaveError
    from ..store.lock import refuse_missing

    if args.timer is not None:
        try:
            read_timers(args.timer, Timers())  # the words are checked before the save is touched
        except ValueError as exc:
            _err(f"tabletop resume: --timer: {exc}")  # untranslated: the command's name before a message worded where it arose
            return 2
    try:
        refuse_missing(args.save)  # named before the terminal is asked for
    except SaveError as exc:
        _err(f"tabletop resume: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 1
    if (code := screens._need_terminal("resume")) is not None:
        return code
    try:
        session = Session.resume(args.save)
    except SaveError as exc:
        _err(f"tabletop resume: {exc}")  # untranslated: the command's name before a message worded where it arose
        if exc.kind == "unwritable":  # a read-only folder or disk (found from outside: nothing said what to do)
            _err(_("To look at the game without writing: tabletop replay {path}. To go on with it, copy the save to "
                   "a folder you can write to and resume the copy.").format(path=shell_path(args.save)))
        elif exc.kind == "full disk":  # untranslated: a kind (an id); no room beside the save: freeing some is the way on
            from ..store.errors import space_advice  # an error path: not on the start path

            _err(space_advice(args.save))
        return 1
    except OSError as exc:  # the disk failed while the save was looked over: nothing was changed
        from ..content.oswords import system_words  # an error path: not on the start path
        _err(_("tabletop resume: cannot open {path}: {problem}").format(path=args.save, problem=system_words(exc)))
        return 1
    if args.timer is not None:
        session.timers = read_timers(args.timer, session.timers)
    for message in session.messages:
        _err(_line(message))  # one record a line: a damaged save's details are the file's
    return screens._run_app(session)


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``play`` and ``resume`` commands and their options."""
    p = sub.add_parser("play", help=_("go straight to the board of a scenario"))
    p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="R", help=_("ruleset path or bundled id"))
    p.add_argument("--deck", default=None, metavar="D", help=_("deck path or bundled id (default: the ruleset's)"))
    p.add_argument("--seed", type=_seed, default=None, metavar="N", help=_("game seed (default: random, kept in the save: tabletop report SAVE shows it)"))
    p.add_argument("--save", default=None, metavar="PATH", help=_("save file (default: saves/<time>-<ruleset>.jsonl)"))
    p.add_argument("--bots", default=None, metavar="SEATS",
                   help=_("actors a bot plays, e.g. ru=hardliner,us=cooperative (default: every team human)"))
    p.add_argument("--sealed", action=argparse.BooleanOptionalAction, default=None,
                   help=_("sealed moves on or off (default: as the ruleset says)"))
    p.add_argument("--team", action="append", default=None, metavar="ACTOR=NAME",
                   help=_('a human team\'s name, recorded in the save and shown in the debrief; repeat per team: '
                          '--team ru="Delegation A" --team ua="Team Kyiv"'))
    p.add_argument("--teams", action="append", default=None, metavar="A=NAME,B=NAME",
                   help=_('several team names at once: --teams ru="Delegation A",ua="Team Kyiv" (a comma followed by '
                          'an actor id and = starts the next one, so names may hold commas)'))
    p.add_argument("--timer", default=None, metavar="TIMERS", help=timer_help(_RULESET_TIMERS))
    p.set_defaults(func=cmd_play)

    p = sub.add_parser("resume", help=_("continue a saved game where it stopped"))
    p.add_argument("save", metavar="SAVE")
    p.add_argument("--timer", default=None, metavar="TIMERS", help=timer_help(_SAVED_TIMERS))
    p.set_defaults(func=cmd_resume)
