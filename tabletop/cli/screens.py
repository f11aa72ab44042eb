"""The play screens run from the command line: the terminal they need, and the way back after a crash."""

from __future__ import annotations

import io
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

from .._collector import collector_paused
from ..content.literal import literal
from .terminal import _err, _line, _out
from ..lang import Domain, current

_, ngettext, N_ = Domain("cli").words()

if TYPE_CHECKING:
    from ..tui.app import TabletopApp


def _need_terminal() -> int | None:
    if not sys.stdout.isatty() or not sys.stdin.isatty():
        _err(_("tabletop: the play screen needs a terminal (run it in a terminal window, not a pipe)"))
        return 1
    return None


def play_app(session: object | None) -> TabletopApp:
    """The app ``tabletop``, ``play`` and ``resume`` run (the TUI benchmark starts it the same way)."""
    with collector_paused():  # the screens' modules (and Textual's) live as long as the app: nothing to collect
        from ..play.clock import PICK_HOLD
        from ..tui.app import TabletopApp

    return TabletopApp(session, own_process=True, pick_hold=PICK_HOLD,  # type: ignore[arg-type]
                       **language_of(TabletopApp))


def language_of(app_class: type) -> dict[str, str]:
    """``lang=`` the command's language, for an app that takes it (the screens speak it from the start)."""
    import inspect

    return {"lang": current()} if "lang" in inspect.signature(app_class).parameters else {}


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
        _err(_("tabletop: the game screen stopped on an internal error{why}.").format(why=why))
        log = _crash_log(path, details.getvalue())
        if log is not None:
            _err(_("The details for whoever maintains tabletop are in {path}").format(path=_line(log)))
        if path is not None:
            _err(_("Every action up to it is in the save: continue with: tabletop resume {path}").format(path=_line(path)))
        return 1
    if path is not None:
        _out(_("Saved: {path} (continue with: tabletop resume {path})").format(path=_line(path)))
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
