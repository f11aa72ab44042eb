"""``tabletop host``: one game served to many screens (DESIGN section 9).

The same options as ``play``, plus ``--listen ADDR:PORT`` (loopback by
default), ``--resume SAVE`` and ``--headless``. It prints a join code per
seat and serves until interrupted (Ctrl-C, or SIGTERM), then closes the save.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import contextlib
import shlex
import shutil
import signal
import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.finding import DEFAULT_RULESET
from ..content.loader import load_scenario
from ..content.numbers import unchosen_seed
from .arguments import _seed, _whole
from .play import (_RULESET_TIMERS, _SAVED_TIMERS, _bots, _save_refused, _teams, language_refused, looks_like_a_save,
                   read_timers, save_elsewhere, timer_help)
from .screens import at_a_terminal, cannot_draw, end_soon, lost_or_moved, not_utf8, readable_anywhere
from .terminal import _err, _line, _out, control_refused, listen_refused
from ..lang import Domain
from ..content.literal import shell_path
from ..content.oswords import system_words

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from argparse import _SubParsersAction
    from collections.abc import Awaitable, Callable, Iterable, Sequence

    from ..play.session import Session

DEFAULT_LISTEN = "127.0.0.1:8765"
#: observer seats (the projector's and more), each with its own join code
DEFAULT_OBSERVERS = 2


def parse_listen(text: str) -> tuple[str, int]:
    """``ADDR:PORT`` (``[::1]:PORT`` for IPv6) as (address, port); raises ValueError."""
    from .join import host_ok  # the same address forms as join takes

    addr, sep, port = text.rpartition(":")
    bare = addr[1:-1] if addr.startswith("[") and addr.endswith("]") else addr
    if sep and bare and host_ok(bare) and port.isdigit() and int(port) > 65535:
        raise ValueError(_("the port must be from 0 (any free port) to 65535, got {port} in '{text}'").format(
            port=port, text=text))
    if not sep or not bare or not host_ok(bare) or not port.isdigit():
        raise ValueError(_("expected ADDR:PORT such as {example}, got '{text}'").format(example=DEFAULT_LISTEN, text=text))
    return bare, int(port)


#: addresses of the documentation ranges: a UDP socket "connected" to one sends nothing, and names the address
#: this machine would send from (the one on the room's network, if it has a route)
_PROBES = {socket.AF_INET: "192.0.2.1", socket.AF_INET6: "2001:db8::1"}


def bracketed(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip


def room_addresses(host: str) -> list[str]:
    """This machine's addresses another laptop may open (not loopback), of the family ``host`` listens on
    (``0.0.0.0``: IPv4, ``::``: IPv6), IPv6 ones in brackets; empty when none is found."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    found: set[str] = set()
    with contextlib.suppress(OSError):
        found.update(str(where[0]) for *_, where in socket.getaddrinfo(socket.gethostname(), None, family))
    with contextlib.suppress(OSError), socket.socket(family, socket.SOCK_DGRAM) as probe:
        probe.connect((_PROBES[family], 9))
        found.add(str(probe.getsockname()[0]))
    kept = []
    for text in found:
        with contextlib.suppress(ValueError):
            ip = ipaddress.ip_address(text.partition("%")[0])
            # loopback is this machine only; an IPv6 link-local address needs a zone no address bar takes
            if not (ip.is_loopback or ip.is_unspecified or (ip.version == 6 and ip.is_link_local)):
                kept.append(ip)
    return [bracketed(str(ip)) for ip in sorted(kept)]


def everywhere_addresses(listening: str) -> list[str]:
    """The addresses another laptop may open when listening on every interface (``0.0.0.0``, ``::``); else none.
    ``::`` listens on both families (:func:`tabletop.seats.host.dual_stack`): the IPv4 ones come first, the likelier
    route in a room."""
    try:
        ip = ipaddress.ip_address(listening)
    except ValueError:
        return []
    if not ip.is_unspecified:
        return []
    return room_addresses("0.0.0.0") + (room_addresses("::") if ip.version == 6 else [])


def join_where(bound: str, port: int, found: list[str]) -> str:
    """``ADDR:PORT`` for the join lines: on every interface (``0.0.0.0``, ``::``), this machine's first address
    on the room's network when one is ``found`` (found from outside: "tabletop join 0.0.0.0:18770 …" works on
    the host machine only)."""
    unspecified = bound in ("0.0.0.0", "::")
    return f"{found[0] if unspecified and found else bracketed(bound)}:{port}"


def is_loopback(addr: str) -> bool:
    """The address is this machine only (nobody else can reach it)."""
    if addr == "localhost":
        return True
    try:
        return ipaddress.ip_address(addr).is_loopback
    except ValueError:
        return False


def _too_many_observers(value: int) -> str | None:
    from ..seats.table import MOST_OBSERVERS  # the seats' bound (imported by the host anyway, once it starts)

    if value <= MOST_OBSERVERS:
        return None
    return _("must be at most {most}, got {value}").format(most=MOST_OBSERVERS, value=value)


_observers = _whole(0, N_("must be {minimum} or more, got {value}"), _too_many_observers)


def _exists(path: Path) -> str:
    """A new save's name that a save holds already (found before the start, or made by another host meanwhile)."""
    from ..store.lock import in_use_by, in_use_message  # an error path: not on the start path

    if (who := in_use_by(path)) is not None:
        return f"tabletop host: {in_use_message(shell_path(path), who)}"  # untranslated: the command's name
    return _("tabletop host: {path} already exists; a save is never overwritten (use tabletop host --resume {path})"
             ).format(path=shell_path(path))


def _open_session(args: argparse.Namespace) -> Session | int:
    """The game to host: resumed from its save, or a new one as ``play`` starts it; an exit code on failure."""
    from ..play.session import DEFAULT_SAVE_DIR, Session, with_sealed
    from ..store import SaveError, default_save_path

    if args.resume:
        if args.timer is not None:  # as resume takes it (found from outside: host --resume went on with the save's)
            from ..content.timers import Timers

            try:
                read_timers(args.timer, Timers())  # the words are checked before the save is touched
            except ValueError as exc:
                _err(f"tabletop host: --timer: {exc}")  # untranslated: the command's name before a message worded where it arose
                return 2
        try:
            session = Session.resume(args.resume)
        except SaveError as exc:
            _err(f"tabletop host: {exc}")  # untranslated: the command's name before a message worded where it arose
            if exc.kind == "unwritable":  # a read-only folder or disk: what to do, as resume says it
                _err(_("To look at the game without writing: tabletop replay {path}. To go on with it, copy the save "
                       "to a folder you can write to and host the copy (tabletop host --resume with the copy's path)."
                       ).format(path=shell_path(args.resume)))
            elif exc.kind == "full disk":  # untranslated: a kind (an id); no room beside the save: freeing some is the way on
                from ..store.errors import space_advice  # an error path

                _err(space_advice(args.resume))
            return 1
        except OSError as exc:
            _err(_("tabletop host: cannot open {path}: {problem}").format(path=args.resume, problem=system_words(exc)))
            return 1
        if args.timer is not None:  # before the host's clock reads them: its first view has them
            session.timers = read_timers(args.timer, session.timers)
        for note in session.messages:
            _err(_line(note))  # one record a line: a damaged save's details are the file's
        return session
    scenario = load_scenario(args.ruleset, args.deck, deck_option="--deck")
    if (refused := language_refused(scenario, "tabletop host")) is not None:  # untranslated: the command's name
        _err(refused)
        return 1
    actor_ids = [a.id for a in scenario.ruleset.actors]
    try:
        seats = _bots(args.bots, actor_ids)
        teams = _teams(args, actor_ids, seats)
        if args.timer is not None:
            scenario = scenario.with_options(timers=read_timers(args.timer, scenario.ruleset.ruleset.timers))
    except ValueError as exc:
        _err(f"tabletop host: {exc}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if args.sealed is not None:
        scenario = with_sealed(scenario, args.sealed)
    seed = args.seed if args.seed is not None else unchosen_seed()
    path = Path(args.save) if args.save else default_save_path(DEFAULT_SAVE_DIR, scenario.id)
    if args.save and (said := control_refused(path, "--save")) is not None:  # typed wrong: as play --save, exit 2
        _err(f"tabletop host: {said}")  # untranslated: the command's name before a message worded where it arose
        return 2
    if (refused := _save_refused(path, given=bool(args.save))) is not None:
        _err(f"tabletop host: {refused}")  # untranslated: the command's name before a message worded where it arose
        return 1
    if args.save and path.exists():  # (the automatic name, taken meanwhile by another start, gives way to -2 below)
        if not looks_like_a_save(path):  # found from outside: a sweep file or a ruleset was told to resume
            _err(_("tabletop host: {path} already exists and is not a save; give --save the name of a new file")
                 .format(path=path))
            return 1
        _err(_exists(path))
        return 1
    try:
        # the automatic name gives way to the next free one if another start took it this same second
        return Session.start(scenario, seed, path, seats, teams=teams, exact=bool(args.save))
    except SaveError as exc:
        _err(f"tabletop host: {exc}")  # untranslated: the command's name before a message worded where it arose
    except FileExistsError:  # another process made the --save given since the check above (two hosts at once)
        _err(_exists(path))
    except OSError as exc:
        _err(_("tabletop host: cannot create the save {path}: {problem}").format(path=path, problem=system_words(exc)))
        _err(save_elsewhere(path))
    return 1


def cmd_host(args: argparse.Namespace) -> int:
    from ..seats.joincodes import codes_path, new_codes, write_codes
    from ..seats.table import Table, seats_for

    from ..lang import LanguageError, resolve

    try:
        kept_at = _kept_listen(Path(args.resume)) if args.resume and args.listen is None else None
        addr, port = kept_at or parse_listen(args.listen or DEFAULT_LISTEN)
        lang = resolve(getattr(args, "lang", None))
    except (ValueError, LanguageError) as exc:
        _err(f"tabletop host: {exc}" if isinstance(exc, LanguageError) else f"tabletop host: --listen: {exc}")  # untranslated: the command and option before a message worded above
        return 2
    if not args.headless and _at_a_terminal() and (term := cannot_draw()) is not None:  # before any save is made
        _err(_("tabletop host: this terminal (TERM={term}) cannot draw the facilitator's console: run it in a terminal "
               "window such as xterm or the system's terminal, set TERM=xterm-256color, or add --headless")
             .format(term=term))
        return 1
    if not args.headless and _at_a_terminal() and (encoding := not_utf8()) is not None:  # as every screen refuses it
        _err(readable_anywhere(lambda: _(
            "tabletop host: this terminal takes {encoding}, not UTF-8, and the facilitator's console cannot be drawn "
            "in it: switch the terminal to UTF-8 (LANG=ru_RU.UTF-8; on Windows, Windows Terminal), or if it is UTF-8 "
            "already, export PYTHONIOENCODING=utf-8; or add --headless").format(encoding=encoding)))
        return 1
    if kept_at is not None:  # first, as the seats' screens retry that address: the host is back where they look
        _err(_("tabletop host: --resume without --listen: listens again where the game was served ({address}, kept "
               "beside the save)").format(address=f"{bracketed(addr)}:{port}"))
    opened = _open_session(args)
    if isinstance(opened, int):
        return opened
    session = opened
    try:
        table = Table(session, seats_for(session, args.observers))
        # a save recovered into a new file keeps the codes of the one resumed: the seats' screens rejoin by themselves
        kept = _kept_codes(session.save_path, Path(args.resume), table.seats) if args.resume else None
        codes = kept or new_codes(table.seats)
        refused: list[OSError] = []

        def keep(listen: str) -> bool:
            """The codes and the address served, beside the save: once it is served (found from outside: a resume
            that could not bind had kept the busy address, and the next plain --resume listened there)."""
            try:  # (left as it is when it holds these already: a resume on a full disk needs no new file)
                write_codes(session.save_path, codes, listen=listen)
            except OSError as exc:  # found from outside: said as "cannot listen", and a facilitator tried other ports
                from ..store.errors import disk_advice  # an error path: not on the start path

                if kept is not None and _codes_beside(session.save_path, table.seats) == codes:  # only the address new
                    _err(_("tabletop host: the join codes beside the save are kept, but the address could not be "
                           "added to them ({problem}. {advice}): a later --resume needs --listen {address}").format(
                               problem=system_words(exc), advice=disk_advice(exc.errno, session.save_path.parent),
                               address=listen))
                    return True
                _err(_("tabletop host: cannot write the join codes beside the save ({path}): {problem}. {advice}."
                       ).format(path=codes_path(session.save_path), problem=system_words(exc),
                                advice=disk_advice(exc.errno, session.save_path.parent)))
                refused.append(exc)
                return False
            return True

        status = asyncio.run(_serve(table, codes, addr, port, args.headless, lang, go_on=_go_on(args), keep=keep))
        if refused and not args.resume and session.state.seq == 0:
            session.close()
            _discard_new(session.save_path)
        return status
    except OSError as exc:
        _err(listen_refused("tabletop host", addr, port, exc, resumed=bool(args.resume)))  # untranslated: the command
        if not args.resume and session.state.seq == 0:  # a new game nobody played: no save left to block a retry
            session.close()
            _discard_new(session.save_path)
        return 1
    finally:
        session.close()


def _codes_beside(save: Path, seats: Iterable[str]) -> dict[str, str] | None:
    """The codes the file beside the save holds for these seats, when it holds one for each; else None."""
    from ..seats.joincodes import CodesUnreadable, read_codes

    try:
        return read_codes(save, seats)
    except CodesUnreadable:
        return None


def _kept_listen(resumed: Path) -> tuple[str, int] | None:
    """The address the game resumed was served on, kept beside its codes (None: none kept, as beside a save from
    before, or not one ``--listen`` takes). Found from outside: after a kill -9 ``--resume SAVE`` alone listened on
    the default address, and every seat's screen retried the old one for ever."""
    from ..seats.joincodes import read_listen

    kept = read_listen(resumed)
    try:
        return parse_listen(kept) if kept is not None else None
    except ValueError:
        return None


def _kept_codes(save: Path, resumed: Path, seats: Iterable[str]) -> dict[str, str] | None:
    """The join codes kept beside the save written (or the one resumed, when the game went on in a recovered copy);
    a codes file that is there but unreadable is said, and every seat gets a new code."""
    from ..seats.joincodes import CodesUnreadable, codes_path, read_codes

    for source in dict.fromkeys((save, resumed)):
        try:
            kept = read_codes(source, seats)
        except CodesUnreadable as exc:
            _err(_("tabletop host: the join codes kept beside the save ({path}) cannot be used: {problem}; every seat "
                   "gets a new code (give each seat its new line: the old codes no longer join)").format(
                       path=exc.path, problem=exc.message))
            return None
        if kept:
            return kept
    # found from outside: a save copied to another laptop without its codes file got new codes without a word, and
    # every screen that had joined fell back to asking for a code
    _err(_("tabletop host: no join codes are kept beside the save ({path}): every seat gets a new code (if screens "
           "joined this game before, give each seat its new line: the old codes no longer join)").format(
               path=codes_path(save)))
    return None


def _at_a_terminal() -> bool:
    """stdin, stdout and the stderr the console is drawn on are a terminal: the console can run in it (else the host
    only prints its code)."""
    return at_a_terminal()


def _discard_new(save: Path) -> None:
    """Remove a new game's save (its header only) and its join codes, made by a host that never served."""
    from ..seats.joincodes import codes_path

    for made in (save, codes_path(save)):
        made.unlink(missing_ok=True)
    _err(_("tabletop host: nothing was saved: the new save {path} is removed, so the same command can be run again")
         .format(path=save))


def join_lines(table: object, codes: dict[str, str], where: str, lang: str, *, columns: int, rows: int = 24) -> list[str]:
    """Each seat's name, in the room's language, and the command it types to join (found from outside: under
    ``--lang ru`` the teams were named in English, the facilitator and projector in Russian). A team named with
    ``--team``/``--teams`` is called by its name, with the actor it plays (found from outside: the lines named the
    actors only, and a facilitator reading the codes out could not tell which team got which).

    ``columns``: the terminal's width. The names are padded to the longest one, the commands in one column after
    them; where such a line is wider than the terminal, each name is on its own line above its command, so no
    command is split across two lines (found from outside: at 80 columns under ``--lang ru`` every code's last
    group went to the next line, and a facilitator copying the codes could drop it).

    ``rows``: the terminal's height. A list longer than it (with the lines printed around it) ends with the
    facilitator's and the teams' lines again, under a line saying so: found from outside, ``host --headless
    --observers 50`` printed 58 lines, the first ones scrolled off a 40-row terminal, and with no console there was
    no ``c`` to show them again. The seats keep their order (the facilitator first), as the docs say it."""
    from ..engine.lookups import shown as in_language
    from ..engine.wording import scenario_names
    from ..seats.checks import seat_name
    from ..seats.joincodes import join_line
    from ..seats.table import Table

    assert isinstance(table, Table)
    state = table.session.state
    shown = scenario_names(in_language(state, lang))  # the base names when an overlay is broken
    # the names the save's header records (a resumed game keeps those it was started with); typed text, kept as typed
    names = {seat_id: seat_name(seat_id, shown, table.teams) for seat_id in table.seats}
    commands = {seat_id: join_line(where, codes[seat_id]) for seat_id in table.seats}
    width = max(len(name) for name in names.values())  # a long team name does not put its code out of line
    if 2 + width + 1 + max(len(command) for command in commands.values()) <= columns:
        each = {seat_id: [f"  {names[seat_id]:<{width}} {commands[seat_id]}"] for seat_id in table.seats}
    else:
        each = {seat_id: [f"  {names[seat_id]}", f"    {commands[seat_id]}"] for seat_id in table.seats}
    lines = [line for seat_id in table.seats for line in each[seat_id]]
    if len(lines) + _AROUND_THE_CODES <= rows:
        return lines
    again = [seat_id for seat_id, seat in table.seats.items() if seat.acts]  # the facilitator and the teams
    return [*lines, _("Again, the facilitator's and the teams' codes (the list above is long):"),
            *(line for seat_id in again for line in each[seat_id])]


#: the lines printed with the join codes: the address served, the heading above them, the Ctrl-C line below, the
#: prompt left when the host stops, and one more (a warning about the address, or the game being over)
_AROUND_THE_CODES = 5


def _go_on(args: argparse.Namespace) -> list[str]:
    """What ``tabletop host --resume SAVE`` needs besides the save and the address (:func:`_serve` adds it) to
    serve the game again as it was served: the console or none, the observers' seats and the language asked for
    (found from outside: the line said ``tabletop host --resume SAVE`` alone to a host on ``--listen
    0.0.0.0:8765 --lang uk``; typed as said, it came up on 127.0.0.1 in English, and every screen kept trying the
    old address)."""
    words = ["--headless"] if args.headless else []
    words += ["--observers", str(args.observers)] if args.observers != DEFAULT_OBSERVERS else []
    return words + (["--lang", args.lang] if getattr(args, "lang", None) else [])


def _keep_handler_errors(save: Path | None) -> None:
    """A seat's message the host's handler stopped on is said in one line, its traceback kept in a crash log beside
    the save: websockets logs it with the whole traceback, which went to the host's terminal (found from outside: a
    phase timer the engine could not read put a raw Python traceback on the facilitator's screen). The seat's link
    closes; its screen joins again by itself, and the game goes on from the save."""
    import io
    import logging
    import traceback

    from .screens import say_crash_log

    class Kept(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info is None or record.exc_info[1] is None:  # websockets' own words (a bad handshake)
                return
            error = record.exc_info[1]
            _err(_("tabletop host: a seat's message stopped on an internal error ({error}); that screen joins again "
                   "by itself and the game goes on").format(error=_line(f"{type(error).__name__}: {error}")))
            say_crash_log(io.StringIO("".join(traceback.format_exception(*record.exc_info))), save)

    server_log = logging.getLogger("websockets.server")
    if not any(isinstance(h, Kept) for h in server_log.handlers):
        server_log.addHandler(Kept(logging.ERROR))
    server_log.propagate = False


async def _serve(table: object, codes: dict[str, str], addr: str, port: int, headless: bool, lang: str,
                 go_on: Sequence[str] = (), keep: Callable[[str], bool] = lambda listen: True) -> int:
    """Serve the table on ``addr:port`` until stopped; ``keep`` is given the address bound (``ADDR:PORT``) before
    anything is said, and the host stops at once (exit 1) when it returns False."""
    from ..seats.host import Host
    from ..seats.table import Table

    assert isinstance(table, Table)
    console: list[Any] = []  # the console while it has this terminal: a warning is its notice, not drawn over it

    def say(line: str) -> None:
        """A line about hostile traffic (wrong codes, floods), for the facilitator at the host's terminal."""
        if console:
            console[0].notify(line, markup=False, severity="warning", timeout=10)
        else:
            _err(_line(line))

    host = Host(table, codes, lang=lang, say=say)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    stopped_by: list[int] = []

    def stop_on(sig: int) -> None:
        stopped_by.append(sig)
        stop.set()

    # before anything is printed: a stop at any moment is a clean one. Ctrl-C is the host's own way to stop (exit 0);
    # a kill or a closed terminal stops it as cleanly, and says so by the status a killed program has (found from
    # outside: a supervisor's TERM was told 0, as a Ctrl-C; a hang-up ended it with no word at all)
    for sig in (signal.SIGINT, signal.SIGTERM, *((signal.SIGHUP,) if hasattr(signal, "SIGHUP") else ())):
        loop.add_signal_handler(sig, stop_on, sig)
    _keep_handler_errors(table.session.save_path)
    bound_addr, bound_port = await host.start(addr, port)
    listening = f"{bracketed(bound_addr)}:{bound_port}"
    served = f"{bracketed(addr)}:{bound_port}"  # the port bound, where any was asked for (:0)
    if not keep(served):
        await host.stop()
        return 1
    host.go_on = list(go_on)  # said at once if the save is written again under another name during the game
    host.listen = served  # and kept beside it with the codes
    found = everywhere_addresses(bound_addr)
    where = join_where(bound_addr, bound_port, found)
    _out(_("tabletop host: serving {path} on {where}").format(path=table.session.save_path, where=listening))
    if not is_loopback(addr):
        _err(_("warning: listening on {address}: the traffic, join codes included, is NOT encrypted. On a network you "
               "do not trust, run the host on 127.0.0.1 behind a TLS proxy (wss://) instead.").format(
                   address=bracketed(addr)))
    _out(_("Join codes (one per seat; keep each one for its seat only):"))
    size = shutil.get_terminal_size()
    for line in join_lines(table, codes, where, lang, columns=size.columns, rows=size.lines):
        _out(line)
    _out(_("Stop the host with Ctrl-C: the save is complete after every action."))
    if table.session.state.over:  # found from outside: a finished game was served as if it went on
        _out(_("The game in {path} is over: the seats are shown its end, and nothing more can be played. "
               "For the debrief: tabletop replay {path}, tabletop report {path}").format(path=table.session.save_path))
    closed: list[Any] = []

    async def close_first() -> None:
        """A stop: the screens told, the save closed (its lock note gone, every event on disk), before the console
        is taken down; then the process ends with its status whatever that takedown does. Found from outside: a
        console whose terminal had closed blocked in Textual's shutdown, writing to it, and the host kept its port
        and the save's lock, deaf to TERM, until kill -9."""
        if not closed:
            await host.stop()
            table.session.close()
            closed.append(end_soon(status()) if console else None)

    def status() -> int:
        return 128 + stopped_by[0] if stopped_by and stopped_by[0] != signal.SIGINT else 0

    if not headless:
        await _console(where, bound_addr, bound_port, codes, stop, lang, table.session.messages, shown=console,
                       before_exit=close_first, damaged=table.session.damaged)
    await stop.wait()
    await close_first()
    if closed and closed[0] is not None:  # the console is down: what follows runs to its end
        closed[0].cancel()
    if lost_or_moved(table.session):
        return 1
    try:
        if table.session.state.over:  # nothing left to play: the debrief's commands, as the hot seat says them
            _out(_("tabletop host: stopped; the game is over and saved in {path} (tabletop replay {path} steps "
                   "through it, tabletop report {path} writes the debrief)").format(
                       path=shell_path(table.session.save_path)))
        else:
            _out(_("tabletop host: stopped; the game is in {path} ({command} to go on)").format(
                path=shell_path(table.session.save_path),
                command=_go_on_line(table.session.save_path, addr, bound_port, go_on)))
    except OSError:  # a hang-up: the terminal is gone, and the exit status says how the host stopped
        pass
    return status()


def _go_on_line(save: Path, addr: str, port: int, go_on: Sequence[str]) -> str:
    """The command that serves the game again as it was served: the address served named always, not left to the
    one kept beside the save (which a full disk may not have let the host write)."""
    return " ".join(["tabletop", "host", "--resume", shell_path(save), "--listen",
                     shlex.quote(f"{bracketed(addr)}:{port}"), *go_on])


async def _console(where: str, addr: str, port: int, codes: dict[str, str], stop: asyncio.Event,
                   lang: str, notes: Sequence[str] = (), shown: list[Any] | None = None,
                   before_exit: Callable[[], Awaitable[None]] | None = None, damaged: bool = True) -> None:
    """The facilitator's console in this terminal, joined to this host; closing it leaves the game running.
    ``notes``: what the host said of the save it resumed (``damaged``: a damaged one's, else a whole one's).

    A stop signal (``SIGTERM``) closes the console too, after ``before_exit`` (the save closed); Ctrl-C, a key while
    the console has the terminal, asks there whether to stop the host.
    """
    from ..seats.joincodes import join_line

    if not _at_a_terminal():
        # the command on a line of its own, as the join codes are listed: never split by the terminal's edge (found
        # from outside: at 80 columns the line wrapped inside the code, "co" / "de: he62-…")
        _out(_("Facilitator: no terminal here for the console; open it in another terminal:"))
        _out("    " + join_line(where, codes["facilitator"]))  # untranslated: a command
        return
    from ..play.clock import PICK_HOLD, TYPING_GAP
    from ..tui.seat import SeatApp

    local = "127.0.0.1" if addr in ("0.0.0.0", "::") else addr  # the console joins from this machine
    at = f"[{local}]:{port}" if ":" in local else f"{local}:{port}"
    app = SeatApp(at, codes["facilitator"], codes=codes, lang=lang, pick_hold=PICK_HOLD, join_at=where,
                  stop_host=stop.set, notes=notes, notes_damaged=damaged, typing_gap=TYPING_GAP)
    from .screens import kept_traceback, say_crash_log

    details = kept_traceback(app)
    console = asyncio.ensure_future(app.run_async())
    stopped = asyncio.ensure_future(stop.wait())
    if shown is not None:  # the host's warnings are shown in it while it has the terminal
        shown.append(app)
    try:
        await asyncio.wait((console, stopped), return_when=asyncio.FIRST_COMPLETED)
        if not console.done():
            if before_exit is not None:
                await before_exit()
            app.exit()
            await console
    finally:
        if shown is not None:
            shown.clear()
    stopped.cancel()
    if (crash := getattr(app, "_exception", None)) is not None:  # the console's own error, kept from the room's
        # terminal; said in one line (found in review: only where its details were, which read as a normal close)
        _err(_("tabletop host: the console stopped on an internal error ({error}); the game goes on.").format(
            error=_line(f"{type(crash).__name__}: {crash}")))
        say_crash_log(details)
    if not stop.is_set():
        _out(_("The console is closed; the game goes on. Open it again:"))
        _out("    " + join_line(where, codes["facilitator"]))  # untranslated: a command, on a line of its own


def add_commands(sub: _SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``host`` command and its options (``play``'s, and the seats')."""
    p = sub.add_parser("host", help=_("serve one game to many screens: a team's own screen, a projector, a console"))
    p.add_argument("--ruleset", default=DEFAULT_RULESET, metavar="R", help=_("ruleset path or bundled id"))
    p.add_argument("--deck", default=None, metavar="D", help=_("deck path or bundled id (default: the ruleset's)"))
    p.add_argument("--seed", type=_seed, default=None, metavar="N", help=_("game seed (default: random, kept in the save: tabletop report SAVE shows it to the "
                                                  "facilitator; no team, projector or observer is sent it)"))
    p.add_argument("--save", default=None, metavar="PATH", help=_("save file (default: saves/<time>-<ruleset>.jsonl)"))
    p.add_argument("--bots", default=None, metavar="SEATS", help=_("actors a bot plays, e.g. ru=hardliner,us=cooperative"))
    p.add_argument("--sealed", action=argparse.BooleanOptionalAction, default=None,
                   help=_("sealed moves on or off (default: as the ruleset says)"))
    p.add_argument("--team", action="append", default=None, metavar="ACTOR=NAME", help=_("a human team's name"))
    p.add_argument("--teams", action="append", default=None, metavar="A=NAME,B=NAME", help=_("several team names"))
    p.add_argument("--timer", default=None, metavar="TIMERS", help=timer_help(_RULESET_TIMERS, _SAVED_TIMERS))
    p.add_argument("--listen", default=None, metavar="ADDR:PORT",
                   help=_("where the seats connect (default {listen}: this machine only; another address "
                          "is not encrypted: put it behind a TLS proxy; --resume: where the game was served)"
                          ).format(listen=DEFAULT_LISTEN))
    p.add_argument("--resume", default=None, metavar="SAVE",
                   help=_("continue a saved game (the same join codes, kept beside the save)"))
    p.add_argument("--headless", action="store_true",
                   help=_("no facilitator console in this terminal (join as the facilitator from anywhere with its code)"))
    p.add_argument("--observers", type=_observers, default=DEFAULT_OBSERVERS, metavar="N",
                   help=_("observer seats, each with its own code (default 2)"))
    p.set_defaults(func=cmd_host)
