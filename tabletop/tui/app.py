"""The tabletop app: the start screen, the board, and the app-wide keys."""

from __future__ import annotations

import errno
import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from ..content.literal import literal
from ..lang import Domain, set_language
from ..play.session import DEFAULT_SAVE_DIR, Session, with_sealed
from ..store import default_save_path
from .board import BoardScreen
from .clock import Now, wall_clock
from .language import LANGUAGE_BINDING, LatinKeys, Multilingual
from .notices import typed_text_lost
from .pasting import WholePastes
from .themes import THEME_BINDING, Themed
from .toosmall import SizeGuard

if TYPE_CHECKING:
    from .start import Choice

_, ngettext, N_ = Domain("tui").words()



def _save_refused(code: int | None) -> str:
    """What the start screen says when the save cannot be made, as the system said why (``{path}``, ``{reason}``,
    ``{folder}``). Its save names all go to one folder: another name there is no way round a full disk or a folder
    that refuses writes (found from outside: "or name another save" sent the facilitator round in circles). Found
    from outside too: every error but a full disk was "the folder does not take the save", a name taken a moment
    before by another start screen's F5 included, which sent the room to another folder for nothing."""
    if code in (errno.ENOSPC, errno.EDQUOT):
        return _("Cannot create the save {path}: {reason}. Nothing was started: free some space on that disk, then "
                 "press F5 again (or quit with ctrl+q and start tabletop in a folder on another disk).")
    if code == errno.EEXIST:  # a typed name another start took since it was checked; or no free name left
        return _("Cannot create the save {path}: {reason}. Nothing was started: another game took that name a moment "
                 "ago; press F5 again.")
    if code == errno.EROFS:
        return _("Cannot create the save {path}: {reason}. Nothing was started: the folder {folder} is on a disk that "
                 "is read-only; quit with ctrl+q and start tabletop in a folder on a disk you can write to.")
    if code in (errno.EACCES, errno.EPERM):
        return _("Cannot create the save {path}: {reason}. Nothing was started: you may not write in the folder "
                 "{folder}; quit with ctrl+q and start tabletop in a folder you can write to.")
    # what else a folder may refuse with (a name too long, a link loop, a disk error): the system's words say which
    return _("Cannot create the save {path}: {reason}. Nothing was started: the folder {folder} does not take the "
             "save; quit with ctrl+q and start tabletop in a folder you can write to.")


class TabletopApp(WholePastes, SizeGuard, LatinKeys, Multilingual, Themed, App[None]):
    """A workshop on one shared screen. Pass a Session to go straight to its board."""

    TITLE = "tabletop"  # untranslated: the program's name
    # the board (often the first screen: see BoardScreen); absolute, so that subclasses elsewhere find it
    CSS_PATH = Path(__file__).parent / "board.tcss"
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("f1,question_mark", "help", N_("Help"), id="app.help"),
        THEME_BINDING,
        LANGUAGE_BINDING,
        Binding("ctrl+s", "screenshot", N_("Screenshot"), id="app.screenshot", show=False),
    ]

    def __init__(self, session: Session | None = None, save_dir: str | Path = DEFAULT_SAVE_DIR,
                 now: Now | None = None, *, own_process: bool = False, lang: str | None = None,
                 pick_hold: float = 0.0, typing_gap: float = 0.0, awake: Now | None = None):
        """``own_process``: this app is what the process runs (the command line), so the start-up
        heap is the app's to freeze and the collector paused until the first screen is up.
        ``lang``: the language the screen speaks first (``--lang``; None: as the process speaks).
        ``pick_hold``: seconds a pick is not taken from a list the game has just put up (the command line
        gives the room's :data:`~tabletop.play.clock.PICK_HOLD`; 0 takes every pick at once).
        ``typing_gap``: letters this close together outside a text field are a word typed, not keys (the command
        line gives :data:`~tabletop.play.clock.TYPING_GAP`; 0 takes every key).
        ``awake``: the clock the board's once-a-second ticks are watched on for time the game was away (its process
        stopped), given back to the phase timer (:class:`~tabletop.play.clock.Away`). None: the wall clock for a
        game on the wall clock; a game on a test's clock (``now``, moved by hand) watches only with one given."""
        super().__init__()
        if lang is not None:
            set_language(lang)
        self.session = session
        self.pick_hold = pick_hold
        self.typing_gap = typing_gap
        self.now = now  # the room's clock for the phase timers (None: the wall clock; tests pass their own)
        self.awake = awake if awake is not None else (wall_clock if now is None else None)
        self.save_dir = Path(save_dir)
        self._renamed = ""  # the notice when a typed save name was not usable as typed (start screen)
        self._collector_paused = own_process
        if own_process:
            # the modules, the scenario and the game loaded so far live as long as the session: keep the
            # garbage collector from walking them on each of its passes (fewer, shorter pauses on screen)
            gc.freeze()
            # and none at all until the board is on screen (on_ready): building the first screen makes
            # thousands of objects that live on (benchmarks/README.md has the figure)
            gc.disable()

    async def action_quit(self) -> None:
        """Quit; from a dialog holding typed text, only once the room has been told it would be lost."""
        if typed_text_lost(self):
            return
        self.exit()

    def get_default_screen(self) -> Screen:
        # a game's board is the first screen itself: pushing it over Textual's blank default
        # screen cost a frame and a resize pass before the room saw anything
        if self.session is not None:
            return BoardScreen(self.session, self.now, self.pick_hold, self.awake)
        return super().get_default_screen()

    def on_mount(self) -> None:
        if self.session is None:
            from .start import StartScreen  # read the bundled scenarios only when a game is to be chosen

            self.push_screen(StartScreen(self._start_session), self._started)

    def on_ready(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()  # off while the first screen was built (__init__)

    def _start_session(self, choice: Choice) -> bool:
        """Start the game the start screen chose, its save made; False, said, if the save cannot be made (the start
        screen then stays as it was filled: the facilitator frees space or names another save, and presses F5)."""
        scenario = with_sealed(choice.scenario, choice.sealed)
        renamed = ""
        if choice.save_name:
            from .start import typed_save

            path, renamed = typed_save(self.save_dir, choice.save_name)
        else:
            path = default_save_path(self.save_dir, scenario.id)
        try:
            # the automatic name gives way to the next free one if another start screen took it this same second
            self.session = Session.start(scenario, choice.seed, path, choice.seats, teams=choice.teams,
                                         exact=bool(choice.save_name))
        except OSError as exc:
            from ..content.oswords import system_words  # an error path: not on the start path

            said = _save_refused(exc.errno).format(path=path.absolute(), reason=system_words(exc),
                                                   folder=path.parent.absolute())
            self.notify(literal(said), severity="error", timeout=15, markup=False)
            return False
        self._renamed = renamed
        self.clear_notifications()  # "Nothing was started" of an earlier F5 is no longer so (found from outside)
        return True

    def _started(self, choice: Choice | None) -> None:
        if choice is None or self.session is None:
            self.exit()
            return
        self.push_screen(BoardScreen(self.session, self.now, self.pick_hold, self.awake))
        if self._renamed:
            self.notify(self._renamed, title=_("Save name"), severity="warning", timeout=15, markup=False)

    def action_help(self) -> None:
        from .modals import HelpScreen  # the dialogs load when first opened

        if not isinstance(self.screen, HelpScreen):  # a screen with keys of its own says them (the start screen)
            # the screen under any dialog: F1 over a dialog is the help of the screen it is on (found in review)
            under = next((s for s in reversed(self.screen_stack) if not isinstance(s, ModalScreen)), self.screen)
            keys = getattr(under, "HELP_KEYS", None)
            # the board says first what its highlighted entry and the team to move stand for (BoardScreen.help_about)
            about = getattr(under, "help_about", None)
            reading = getattr(under, "HELP_READING", None)  # how the board under it reads: a first-time team asks
            self.push_screen(HelpScreen(keys, about, reading) if keys is not None
                             else HelpScreen(about=about, reading=reading))

    def action_screenshot(self) -> None:
        folder = self.session.save_path.parent if self.session else self.save_dir
        try:
            folder.mkdir(parents=True, exist_ok=True)
            name = self.save_screenshot(path=str(folder))
        except OSError as exc:
            from ..content.oswords import system_words  # an error path: not on the start path
            said = _("Could not write the screenshot: {reason}").format(reason=system_words(exc))
            self.notify(literal(said), severity="error", markup=False)
            return
        said = _("Screenshot saved: {path}").format(path=Path(folder) / Path(name).name)
        self.notify(literal(said), timeout=5, markup=False)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()
