"""The play screens run from the command line: the terminal they need, and the way back after a crash."""

from __future__ import annotations

import argparse
import io
import os
import sys
import traceback
from pathlib import Path
from threading import Timer  # (threading is imported by asyncio already: no cost at the start)
from collections.abc import Callable, MutableMapping, Sequence
from typing import TYPE_CHECKING, Any

from .._collector import collector_paused
from ..content.literal import from_here, shell_path
from . import language
from .terminal import _err, _line, _out
from ..lang import Domain, current, lang_flag, using

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from textual.app import App

    from ..tui.app import TabletopApp


#: what ``TERM`` says of a terminal that cannot draw a screen: no cursor moves, so every redraw lands below the
#: last one (Emacs' shell, some editors' consoles). Unset or empty, Textual draws as in xterm: not refused
CANNOT_DRAW = frozenset({"dumb"})


def cannot_draw() -> str | None:
    """This terminal's ``TERM``, if it says the terminal cannot draw a screen; None for one that can."""
    term = os.environ.get("TERM", "")
    return term if term in CANNOT_DRAW else None


def not_utf8() -> str | None:
    """The encoding this terminal takes, when it is not UTF-8 (``koi8-r``, ``cp1251``); None when it is. Read off
    both streams a screen writes to: the stderr it is drawn on and the stdout its last line (the save) is said on.
    Found from outside: under KOI8-R, ``tabletop --lang ru`` drew its circles, corners and arrows as ``\\u256d``
    and the like over a smashed layout, and exited 0."""
    import codecs

    for stream in (sys.__stderr__, sys.stdout):
        encoding = getattr(stream, "encoding", None)
        if not encoding:  # no text stream (a caller's own): nothing to say of it
            continue
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            name = encoding
        if name != "utf-8":
            return name
    return None


def readable_anywhere(say: Callable[[], str]) -> str:
    """A refusal of the terminal's encoding in the room's language, and under it in English, whose letters every
    encoding shows (found from outside: the Russian line, written in KOI8-R to a terminal that was UTF-8 after all,
    read as a few Latin fragments: the very case whose advice it gave)."""
    words = say()
    with using("en"):
        english = say()
    return words if english == words else f"{words}\n{english}"


def draws_on_a_terminal() -> bool:
    """Whether what Textual draws a screen on is a terminal: the process's own stderr (``sys.__stderr__``, which its
    driver writes to). Found from outside: ``tabletop host … 2>host.err`` drew the console into host.err, growing
    with each tick of the timer, and left the terminal blank."""
    drawn_on = sys.__stderr__
    return drawn_on is not None and drawn_on.isatty()


def at_a_terminal() -> bool:
    """stdin and stdout are a terminal, and so is the stderr the screen is drawn on: a screen can run here."""
    return sys.stdin.isatty() and sys.stdout.isatty() and draws_on_a_terminal()


#: the commands whose screens take ``--theme`` (and the bare command: the start screen)
THEMED = ("play", "resume", "replay", "join", "host", "serve")
THEME_FLAG = "--theme"
#: what ``--theme`` and ``TABLETOP_THEME`` take (:data:`tabletop.tui.themes.THEMES`, not imported for the help)
THEME_NAMES = ("dark", "high-contrast", "light")


def add_theme(parser: argparse.ArgumentParser) -> None:
    """``--theme`` on the bare command and on each screen command's parser (:data:`THEMED`)."""
    def add(one: argparse.ArgumentParser) -> None:
        one.add_argument(THEME_FLAG, default=argparse.SUPPRESS, metavar="THEME", help=_(
            "the screens' theme: {themes} (high-contrast for a projector; F2 switches it on the screen) (default: "
            "TABLETOP_THEME, else dark)").format(themes=", ".join(THEME_NAMES)))

    add(parser)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if name in THEMED:
                    add(sub)


def choose_theme(argv: Sequence[str], environ: MutableMapping[str, str] = os.environ) -> str | None:
    """The theme ``--theme`` names, else ``TABLETOP_THEME``, set as ``TABLETOP_THEME`` for the screens this command
    starts (its own, a host's console, a browser's seat); what is wrong, one line, if it names no theme."""
    flag = language.flag_value(argv, THEME_FLAG)
    if not flag and not environ.get("TABLETOP_THEME", "").strip():
        return None  # nothing chosen: the screens' modules (Textual's) are not loaded for it
    from ..tui.themes import THEME_VARIABLE, ThemeError, theme_id

    try:
        chosen = theme_id(flag, THEME_FLAG) if flag else theme_id(environ[THEME_VARIABLE])
    except ThemeError as exc:
        return _("tabletop: {problem}").format(problem=exc)
    if chosen is not None:
        environ[THEME_VARIABLE] = chosen
    return None


def _need_terminal(command: str = "") -> int | None:
    """1, said, when there is no terminal to draw ``command``'s screen on (found from outside: ``tabletop replay``
    in a pipe was told "the play screen needs a terminal"); None when there is."""
    prefix = f"tabletop {command}" if command else "tabletop"  # untranslated: the command's name
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        _err(_("{prefix}: this screen needs a terminal (run it in a terminal window, not a pipe)").format(prefix=prefix))
        return 1
    if not draws_on_a_terminal():
        refused = _("{prefix}: this screen needs a terminal on stderr too, which it is drawn on (run it in a terminal "
                    "window without 2> sending stderr to a file or a pipe)").format(prefix=prefix)
        _err(refused)
        _out(refused)  # and on the terminal looked at: in the file alone, the command ended in silence
        return 1
    if (term := cannot_draw()) is not None:
        _err(_("tabletop: this terminal (TERM={term}) cannot draw the screen: run tabletop in a terminal window "
               "such as xterm or the system's terminal, or set TERM=xterm-256color").format(term=term))
        return 1
    if (encoding := not_utf8()) is not None:
        _err(readable_anywhere(lambda: _(
            "{prefix}: this terminal takes {encoding}, not UTF-8, and the screen cannot be drawn in it: switch the "
            "terminal to UTF-8 (LANG=ru_RU.UTF-8; on Windows, Windows Terminal), or if it is UTF-8 already, export "
            "PYTHONIOENCODING=utf-8").format(prefix=prefix, encoding=encoding)))
        return 1
    return None


def play_app(session: object | None) -> TabletopApp:
    """The app ``tabletop``, ``play`` and ``resume`` run (the TUI benchmark starts it the same way)."""
    # the screens' modules (and Textual's) live as long as the app, which is this process's (own_process below
    # freezes the heap too): nothing to collect, now or later
    with collector_paused(for_good=True):
        from ..play.clock import PICK_HOLD, TYPING_GAP
        from ..tui.app import TabletopApp

    return TabletopApp(session, own_process=True, pick_hold=PICK_HOLD, typing_gap=TYPING_GAP,  # type: ignore[arg-type]
                       **language_of(TabletopApp))


def language_of(app_class: type) -> dict[str, str]:
    """``lang=`` the command's language, for an app that takes it (the screens speak it from the start)."""
    import inspect

    return {"lang": current()} if "lang" in inspect.signature(app_class).parameters else {}


#: how long a stop signal waits for the screen to finish mounting before it closes it all the same (seconds)
MOUNT_GRACE = 5.0
#: how long a screen closed before it mounted may take to end before the program ends at once (seconds)
EXIT_GRACE = 5.0
#: how long a screen's own shutdown is given once nothing it held is left to close (a seat's screen; the host's
#: console once the save is closed): Textual's shutdown writes to the terminal, and a closed one's writes blocked it
#: for ever (found from outside: a host whose terminal closed kept its port and the save's lock, deaf to TERM)
SHUT_GRACE = 2.0


def end_soon(status: int, grace: float | None = None) -> Timer:
    """End this process with ``status`` after ``grace`` seconds (:data:`SHUT_GRACE`), from a thread of its own,
    unless the timer returned is cancelled first: the last word on a stop, whatever the event loop is stuck in."""
    watchdog = Timer(SHUT_GRACE if grace is None else grace, os._exit, args=(status,))
    watchdog.daemon = True
    watchdog.start()
    return watchdog


def run_screen(app: App[Any], holds_nothing: bool = False) -> int | None:
    """``app.run()``, with a stop signal (``kill``, a shutdown) closing the screen as its quit key does.

    Killed outright, a screen left the terminal in its alternate screen with the mouse still reported: the
    prompt came back over the board's remains. Returns the signal's number if one stopped the screen.

    ``holds_nothing``: the screen keeps no save (a seat's): once told to exit, the program ends within
    :data:`SHUT_GRACE` even if Textual's shutdown cannot write to a terminal that is gone."""
    import asyncio  # here, not at the top: imported outside play_app's collector pause, it cost ten passes
    import signal

    got: list[int] = []
    deadline: list[float] = []
    watchdogs: list[Any] = []

    def stop(signum: int, _frame: object) -> None:
        if not got:  # the first stop: whatever the screen does, the program ends (see close)
            watchdogs.append(end_soon(128 + signum, MOUNT_GRACE + EXIT_GRACE))
        got.append(signum)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # the screen is not up yet, or no more: nothing to give back
            raise SystemExit(128 + signum) from None
        loop.call_soon_threadsafe(close, loop)  # the loop's own turn: Textual restores the terminal on its way out

    def close(loop: asyncio.AbstractEventLoop) -> None:
        """Exit once the screen on top has mounted: a screen taken down inside its first mount lost its panels.

        A screen that never mounts is not waited on for ever: after :data:`MOUNT_GRACE` it is told to exit all the
        same. And a program still running :data:`EXIT_GRACE` after that ends at once, from a thread of its own, as
        its event loop may never come round to this (found from outside: a ``resume`` started in the background
        whose terminal then closed laid its screen out again and again, never yielding; it spun for half an hour,
        deaf to TERM and HUP, holding the save's lock). Every event shown as done is on disk: ending loses none."""
        if not deadline:
            deadline.append(loop.time() + MOUNT_GRACE)
        try:
            settled = app.is_running and app.is_mounted and app.screen.is_mounted
        except Exception:  # noqa: BLE001 - no screen on the stack yet (Textual's ScreenStackError)
            settled = False
        if settled or loop.time() >= deadline[0]:
            app.exit()
            if holds_nothing:  # (found from outside: a seat's screen outlived its closed terminal by 10 s)
                watchdogs.append(end_soon(128 + got[0]))
        else:
            loop.call_later(0.05, close, loop)

    # an interrupt sent from outside (kill -INT: ctrl+c on the board is a key) and a hang-up close it the same way
    # (found from outside: SIGINT exited 0 as a quit did, SIGHUP left the save's lock and the terminal's screen)
    stops = [signal.SIGTERM, signal.SIGINT] + ([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])
    before = {s: signal.signal(s, stop) for s in stops}
    try:
        app.run()
    finally:
        for watchdog in watchdogs:  # the screen closed: what follows (the save closed, the crash log) runs to its end
            watchdog.cancel()
        for s, handler in before.items():
            signal.signal(s, handler)
    return got[0] if got else None


def stopped_by(signum: int, said: str) -> int:
    """Say (``said``, with ``{signal}``) that a stop signal closed the screen; a killed program's exit status."""
    import signal

    try:
        _err(said.format(signal=signal.Signals(signum).name))
    except OSError:  # a hang-up: the terminal is gone (found in review); the exit status says what happened
        pass
    return 128 + signum


def kept_traceback(app: App[Any]) -> io.StringIO:
    """Where ``app`` writes an unhandled error's traceback: Textual prints it, with its locals (the game's state),
    to the terminal; kept here for a crash log, so the room sees a short message (found from outside: a replay's
    crash put some 1,900 lines of the game's events on the debrief's projector)."""
    from rich.console import Console

    details = io.StringIO()
    app.error_console = Console(file=details, markup=False, highlight=False, width=120, color_system=None)
    return details


def say_crash_log(details: io.StringIO, save: Path | None = None) -> None:
    """Keep a crash's details in a file (beside ``save``, else in the temp folder) and say where."""
    log = _crash_log(save, details.getvalue())
    if log is not None:
        _err(_("The details for whoever maintains tabletop are in {path}").format(path=_line(log)))


def _run_app(session: object | None) -> int:
    """Run the play screens; 0 after a normal quit, 1 after a crash, with the way back into the game."""
    app = play_app(session)
    details = kept_traceback(app)
    crash: BaseException | None = None
    signum = None
    try:
        signum = run_screen(app)
    except Exception as exc:  # noqa: BLE001 - whatever stopped the screen, the room needs the way back
        crash = exc
        details.write(traceback.format_exc())
    crash = crash or app._exception  # Textual keeps the first unhandled error of a handler here
    path = app.session.save_path if app.session is not None else None
    if crash is not None or app.return_code:
        why = f" ({type(crash).__name__}: {_line(crash)})" if crash is not None else ""
        _err(_("tabletop: the game screen stopped on an internal error{why}.").format(why=why))
        say_crash_log(details, path)
        if path is not None and not lost_or_moved(app.session):
            from ..store.heads import resume_command  # an error path: not on the start's

            _err(_("Every action up to it is in the save: continue with: {command}").format(
                command=resume_command(app.session.save_path)))
        return 1
    status = 0 if signum is None else stopped_by(signum, _("tabletop: the game screen closed on a stop signal ({signal})."))
    if path is not None and lost_or_moved(app.session):
        return 1
    path = app.session.save_path if app.session is not None else None  # where the save is now
    try:
        if path is not None:
            _out(saved_line(path, over=app.session.state.over))
    except OSError:
        if signum is None:
            raise
        # a hang-up: no terminal to say it on (found in review); the save is closed, the status says the signal
    return status


def saved_line(path: Any, over: bool) -> str:
    """What the quit says of the save: the debrief's commands once the game is over (nothing is left to play),
    else how to go on; both in the room's language (found from outside: as typed, an English debrief)."""
    from ..store.heads import resume_command  # read when a screen closes: not on the start's path

    path = from_here(path)
    if over:
        return _("Saved: {path} (the game is over: tabletop replay {save} steps through it, tabletop report {save} "
                 "writes the debrief)").format(path=shell_path(path), save=shell_path(path) + lang_flag())
    return _("Saved: {path} (continue with: {command})").format(path=shell_path(path), command=resume_command(path))


def lost_or_moved(session: Any) -> bool:
    """Closed, the save is on no disk (said, True: the quit must not say "Saved"), or written again elsewhere than
    its name (said, False). Found from outside: the save's folder deleted during the game, and the quit printed
    "Saved: ..." and exited 0 of a save that was gone."""
    session.close()
    writer = session.writer
    if writer.lost is not None:
        from ..content.oswords import system_words  # an error path: not on the start path

        _err(_("tabletop: the save was deleted or its folder removed during the game, and it could not be written "
               "again anywhere ({problem}): the game is not saved.").format(problem=system_words(writer.lost)))
        return True
    if writer.relinked_from is not None:
        _err(_("{before} was deleted, moved or written over during the game: the save is written again, whole, at "
               "{path}.").format(before=_line(writer.relinked_from), path=_line(writer.path)))
    return False


def _crash_log(save: Path | None, details: str) -> Path | None:
    """Write what Textual reported about a crash beside the save (or in the temp folder), readable by its owner only;
    its path, or None when no file could be made there (said here in a line: the details are never printed).

    Textual's traceback carries its locals: the game's state with its seed, a team's secret objectives. Found from
    outside, on a shared machine: the log was made with the umask's mode (0644), and when another account had taken
    its name (a symlink of theirs in /tmp) the whole traceback was printed on the projector instead. A name taken is
    never opened: another, random one is made beside it."""
    if not details.strip():
        return None
    import tempfile
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    folder = save.parent if save is not None else Path(tempfile.gettempdir())
    log = folder / f"tabletop-crash-{stamp}.txt"
    data = details.encode("utf-8", "replace")  # a lone surrogate in a local kept, not a second error
    try:
        try:
            fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:  # a crash the same second, or a name someone else made: not ours to open
            fd, name = tempfile.mkstemp(prefix=f"tabletop-crash-{stamp}-", suffix=".txt", dir=folder)
            log = Path(name)
        with open(fd, "wb") as handle:
            handle.write(data)
    except OSError:
        _err(_("tabletop: the details of the error could not be kept in a file ({folder}).").format(
            folder=_line(folder)))
        return None
    return log
