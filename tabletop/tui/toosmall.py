"""A window too small for the screen it shows: said over everything, and no key but quit taken until it is resized.

Found from outside: at 60x20 the board's last ruling kept one line, "11 R1 adjud. Russia: ╰───…", its verdict and its
dice off screen, and nothing said the window was too small; at 40x12 the tracks read "S…". A screen says the least
size it shows its working at (``MIN_SIZE``: the board, the replay, a seat's screen, the screen a seat types its code
on); under it, :class:`TooSmall` covers the screen on top, dialogs included, and :class:`SizeGuard` lets only the quit
keys through (a key typed blind would act on what nobody can see). The game goes on underneath (its timers, the host's views), and is in sight again once
the window is large enough.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget

from ..lang import Domain

if TYPE_CHECKING:
    from textual.app import App

_, ngettext, N_ = Domain("tui").words()

#: what a key does that is taken under the notice: quit (ctrl+q; q in the replay), a host console's ctrl+c, which
#: asks before it stops the host, and the facilitator's pause (found from outside: the phase timer ran on while the
#: window was too small, and p, which stops it, was not taken) (untranslated: action names)
QUIT_ACTIONS = frozenset({"quit", "interrupt", "pause"})


def least_size(app: App[object]) -> Size | None:
    """The least window the screen in sight needs (None: any): that of the uppermost screen that is not a dialog, so a
    dialog over the board needs what the board needs; a screen with no ``MIN_SIZE`` (the start screen, the end's)
    takes any window."""
    for screen in reversed(app.screen_stack):
        if not isinstance(screen, ModalScreen):
            least = getattr(screen, "MIN_SIZE", None)
            return Size(*least) if least is not None else None
    return None


def too_small(app: App[object], size: Size | None = None) -> Size | None:
    """The least size the screen in sight needs if the window (``size``, or the app's now) is smaller; else None."""
    least = least_size(app) if app.screen_stack else None
    size = size or app.size
    if least is None or (size.width >= least.width and size.height >= least.height):
        return None
    return least


class TooSmall(Widget, can_focus=False):
    """The notice over a screen the window is too small for: what it needs and what it has."""

    DEFAULT_CSS = """
    TooSmall {
        dock: top;  /* out of the screen's flow: a screen that scrolls is not made taller by it */
        width: 100%;
        height: 100%;
        background: $background;  /* the theme's own, as the board's (found from outside: $panel drew it grey) */
        color: $foreground;
        content-align: center middle;
        text-align: center;
        padding: 0 1;
    }
    """

    def __init__(self, least: Size, size: Size):
        super().__init__()
        self.least = least
        self.window = size

    def on_mount(self) -> None:
        # on the screen's uppermost layer: over the screen's widgets, and its notices (a toast would cover the words)
        self.styles.layer = self.screen.layers[-1]

    def show(self, least: Size, size: Size) -> None:
        self.least, self.window = least, size
        self.refresh()

    def render(self) -> RenderableType:
        # worded when drawn: in the language spoken now
        text = Text(_("Window too small"), style="bold")
        text.append("\n")
        text.append(_("Make it at least {w}\u00d7{h} (now {nw}\u00d7{nh}).").format(
            w=self.least.width, h=self.least.height, nw=self.window.width, nh=self.window.height))
        text.append("\n")
        if self.app.is_web and self.window.width < self.least.width:
            # a browser tab is often a phone (tabletop serve): held upright it is never wide enough (found from outside:
            # a class on phones read "Make it at least 60x16 (now 46x42)", with no window to make wider)
            text.append(_("On a phone, turn it sideways."))
            text.append("\n")
        # found from outside: "only ctrl+q" where the replay's q quits too; the keys that quit are the screen's own.
        # The pause is named only where a key pauses (found from outside: the replay, which has none, named it)
        if any(bound.binding.action.removeprefix("app.") == "pause" for bound in self.app.active_bindings.values()):
            text.append(_("Until then no key is taken but quit and the facilitator's pause."))
        else:
            text.append(_("Until then no key is taken but quit."))
        return text


class SizeGuard:
    """An app that covers the screen in sight with :class:`TooSmall` while the window is smaller than it needs, on
    whichever screen comes on top meanwhile (a dialog the game opens), and takes it away once the window is large
    enough. Mixed in before the app's class; its key entry (:class:`~.language.LatinKeys`) asks :meth:`blind`."""

    #: the window's size, as the last resize said (the app's own is set only after this app has read the resize)
    _window: Size | None = None

    def on_mount(self) -> None:  # Textual calls each class's own handler: the app's on_mount runs as well
        app: App[object] = self  # type: ignore[assignment]
        app.screen_change_signal.subscribe(app, lambda _screen: self.guard())

    def on_resize(self, event: events.Resize) -> None:
        self._window = event.size
        self.guard()

    def blind(self, event: events.Event) -> bool:
        """Whether ``event`` would act on a screen the notice covers: any key but quit, and a paste."""
        app: App[object] = self  # type: ignore[assignment]
        if not app.screen_stack or too_small(app, self._window) is None:
            return False
        if isinstance(event, events.Paste):
            return True
        if not isinstance(event, events.Key):
            return False
        bound = app.active_bindings.get(event.key)
        return bound is None or bound.binding.action.removeprefix("app.") not in QUIT_ACTIONS

    def guard(self) -> None:
        """The notice on the screen on top while the window is too small for it; nowhere else."""
        app: App[object] = self  # type: ignore[assignment]
        if not app.screen_stack:
            return
        size = self._window or app.size
        least = too_small(app, size)
        top = app.screen
        for screen in app.screen_stack:
            notices = list(screen.query_children(TooSmall))
            if least is not None and screen is top:
                if notices:
                    notices[0].show(least, size)
                else:
                    screen.mount(TooSmall(least, size))
            else:
                for notice in notices:
                    notice.remove()


__all__ = ["QUIT_ACTIONS", "SizeGuard", "TooSmall", "least_size", "too_small"]
