"""The end of a game: the outcome per track and the objectives met per actor."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..engine import State
from .bars import KeyBar, TitleBar
from ..store.heads import head_line
from .text import outcome_text


class EndScreen(Screen[None]):
    """Shown when the game ends; escape goes back to look at the board."""

    DEFAULT_CSS = """
    EndScreen VerticalScroll { padding: 1 2; }
    EndScreen #end-title { text-style: bold; padding-bottom: 1; }
    """
    BINDINGS = [
        Binding("escape,b", "back", "Back to the board", id="end.back"),
        Binding("s", "secrets", "Show secret objectives", id="end.secrets"),
        Binding("q", "app.quit", "Quit", id="end.quit"),
    ]

    def __init__(self, state: State, head: tuple[int, str] | None = None):
        super().__init__()
        self.state = state
        self.head = head  # (events written, chain hash of the last): the save's head, to note
        self.show_secret = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll():
            yield Static(Text("Game over", style="bold"), id="end-title")
            if self.head is not None:
                yield Static(Text(f"{head_line(*self.head)} \u2014 note it; `tabletop verify SAVE --head "
                                  f"{self.head[1][:8]}` checks the save later."), id="end-head")
            yield Static(outcome_text(self.state, self.show_secret), id="outcome")
            yield Static(Text("The save holds every event: `tabletop replay SAVE` for the debrief.", style="dim"))
        yield KeyBar()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_secrets(self) -> None:
        self.show_secret = not self.show_secret
        self.query_one("#outcome", Static).update(outcome_text(self.state, self.show_secret))
