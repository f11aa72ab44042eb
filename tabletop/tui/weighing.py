"""Matrix odds: the facilitator marks the strong reasons and counters, and sees the odds they make.

Enter on an item marks it strong (or not); Enter on the last line sets the
odds; Escape sends nothing. The odds shown are the engine's
(:func:`~tabletop.engine.arguments.matrix_odds`): even, one step likelier per
strong reason, one step less likely per strong counter.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..engine.arguments import matrix_odds
from ..lang import Domain
from ..play.arguing import odds_choice
from .decisionlist import MarkedList, refill
from .modals import _Dialog
from .text import literal

_, ngettext, N_ = Domain("tui").words()


class StrongScreen(_Dialog[tuple[int, ...] | None]):
    """Mark the strong items: ``items`` are the reasons (the first ``reasons`` of them), then the counters."""

    DEFAULT_CSS = """
    StrongScreen { align: center middle; background: $background 40%; }
    StrongScreen > Vertical { width: 78; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1; }
    StrongScreen #strong-title { text-style: bold; }
    StrongScreen #strong-odds { text-style: bold; margin: 1 0 0 0; }
    StrongScreen OptionList { height: auto; max-height: 12; }
    StrongScreen #strong-keys { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="modal.cancel")]

    def __init__(self, title: str, items: Sequence[str], reasons: int):
        super().__init__()
        self._title = title
        self._items = tuple(items)
        self._reasons = reasons
        self.strong: set[int] = set()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(literal(self._title)), id="strong-title")
            yield MarkedList(*self._options(), id="strong-list")
            yield Static(self._odds(), id="strong-odds")
            keys = _("Enter: mark strong or not \u00b7 last line: set the odds \u00b7 Escape: cancel")
            yield Static(Text(keys), id="strong-keys")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def odds(self) -> str:
        """The odds the marks make now."""
        reasons = sum(1 for i in self.strong if i < self._reasons)
        return matrix_odds(reasons, len(self.strong) - reasons)

    def _odds(self) -> Text:
        return Text(_("Odds: {odds}").format(odds=odds_choice(self.odds())))

    def _options(self) -> list[Option]:
        out = [Option(Text(f"[{'x' if i in self.strong else ' '}] {literal(item, lines=False)}"), id=str(i))
               for i, item in enumerate(self._items)]
        out.append(Option(Text("\u2714 " + _("Set these odds"), style="bold"), id="done"))
        return out

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == "done":
            self.answer(tuple(sorted(self.strong)))
            return
        index = int(event.option.id or 0)
        self.strong.symmetric_difference_update({index})
        listing = self.query_one(OptionList)
        refill(listing, self._options())
        listing.highlighted = event.option_index
        self.query_one("#strong-odds", Static).update(self._odds())

    def action_cancel(self) -> None:
        self.answer(None)


__all__ = ["StrongScreen"]
