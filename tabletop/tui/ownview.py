"""A team's own panel, whole: its resources, its objectives (secret ones too) with their marks, its sealed moves.

Found from outside (a first-time student at 80x24, in Ukrainian): the panel beside the decision showed three
objectives and cut off the fourth, the secret one; while the team moved or voted it shrank to a line, and only the
mouse wheel reached the rest. A seat's ``o`` puts the panel up here, in a view the arrows scroll and Escape closes.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from ..lang import Domain
from .modals import _Dialog
from .widgets import KeyScroll

_, ngettext, N_ = Domain("tui").words()


class OwnScreen(_Dialog[None]):
    """A team's panel whole (:func:`~.seatwords.own_text`); Escape or Enter closes it, the arrows scroll it."""

    DEFAULT_CSS = """
    OwnScreen { align: center middle; background: $background 40%; }
    OwnScreen > Vertical { width: 86; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    OwnScreen KeyScroll { height: auto; }
    OwnScreen #own-keys { color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape", "cancel", N_("Close"), id="own.close"),
        Binding("enter", "cancel", N_("Close"), show=False, id="own.close-enter"),
    ]

    def __init__(self, text: Text):
        super().__init__()
        self._text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            with KeyScroll(id="own-scroll"):
                yield Static(self._text, id="own-text")
            yield Static(Text(_("Escape: close \u00b7 \u2191/\u2193, PgUp/PgDn, home/end: scroll")), id="own-keys")

    def on_mount(self) -> None:
        self.query_one(KeyScroll).focus()  # the arrows scroll it

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """The panel no taller than the screen leaves it over the keys, which stay in sight (as the ruling view)."""
        box = self.query_one("OwnScreen > Vertical")  # untranslated: CSS
        scroll = self.query_one(KeyScroll)
        others = sum(w.outer_size.height for w in box.children if w is not scroll)
        room = max(3, self.size.height - box.styles.gutter.height - others)
        if scroll.styles.max_height is None or scroll.styles.max_height.cells != room:
            scroll.styles.max_height = room


__all__ = ["OwnScreen"]
