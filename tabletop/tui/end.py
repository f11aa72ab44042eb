"""The end of a game: the outcome per track and the objectives met per actor."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from ..engine import State
from ..play.clock import PickHold
from ..lang import Domain, lang_flag
from ..store.heads import head_line, verify_command
from .bars import KeyBar, TitleBar
from ..content.literal import from_here, shell_path
from .text import outcome_view
from .widgets import KeyScroll

_, ngettext, N_ = Domain("tui").words()


def debrief_hints(save_path: Path | None) -> Text:
    """The commands that open this game's debrief, with the real save path (quoted for a shell)."""
    if save_path is None:
        return Text(_("The save holds every event, for the replay and the report."), style="dim")
    where = shell_path(from_here(save_path)) + lang_flag()  # in the room's language (found from outside: English, as typed)
    out = Text(_("The save holds every event. For the debrief:") + "\n", style="dim")
    out.append(f"  tabletop replay {where}\n", style="bold")  # untranslated: a command to type
    out.append(f"  tabletop report {where} --format html -o debrief.html", style="bold")  # untranslated: a command to type
    return out


class EndScreen(Screen[None]):
    """Shown when the game ends; escape goes back to look at the board."""

    DEFAULT_CSS = """
    EndScreen VerticalScroll { padding: 1 2; }
    EndScreen #end-title { text-style: bold; padding-bottom: 1; }
    EndScreen #end-verify { padding: 0 0 1 2; }
    """
    BINDINGS = [
        Binding("escape,b", "back", N_("Back to the board"), id="end.back"),
        Binding("s", "secrets", N_("Show secret objectives"), id="end.secrets"),
        # the same key, said as what it does now (found from outside: the key bar offered to show them while shown)
        Binding("s", "hide_secrets", N_("Hide secret objectives"), id="end.hide"),
        Binding("q", "app.quit", N_("Quit"), id="end.quit"),
    ]

    def __init__(self, state: State, save_path: Path | None = None, head: tuple[int, str] | None = None,
                 hold: PickHold | None = None):
        """``hold``: the room's pick hold (the board's), which the question to show the secrets holds Enter for."""
        super().__init__()
        self.hold = hold
        self.state = state
        self.save_path = save_path
        self.head = head  # (events written, chain hash of the last): the save's head, to note
        self.show_secret = False

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with KeyScroll():
            yield Static(Text(_("Game over"), style="bold"), id="end-title")
            if self.head is not None:
                yield Static(self._head(), id="end-head")
                yield Static(self._verify(), id="end-verify")
            yield Static(outcome_view(self.state, self.show_secret), id="outcome")
            yield Static(debrief_hints(self.save_path), id="debrief-hints")
        yield KeyBar()

    def _head(self) -> Text:
        assert self.head is not None
        return Text(_("{head} \u2014 note it; this command checks the save later:").format(head=head_line(*self.head)))

    def _verify(self) -> Text:
        """The command that checks the save against its head, as typed: a terminal is not Markdown (found from
        outside, helper-194: "`tabletop verify … --head 6e3fae5e`" kept its backticks, which a shell runs). Its own
        widget, indented: a row it wraps to stays under it, and a long path starts a row whole."""
        assert self.head is not None
        # in the room's language, as the replay and report lines below (found from outside: it had no --lang)
        return Text(verify_command(self.save_path, self.head[1][:8]), style="bold")

    def relabel(self) -> None:
        """The outcome again, in the language now spoken."""
        self.query_one("#end-title", Static).update(Text(_("Game over"), style="bold"))
        if self.head is not None:
            self.query_one("#end-head", Static).update(self._head())
            self.query_one("#end-verify", Static).update(self._verify())
        self.query_one("#outcome", Static).update(outcome_view(self.state, self.show_secret))
        self.query_one("#debrief-hints", Static).update(debrief_hints(self.save_path))

    def action_back(self) -> None:
        self.dismiss(None)

    def action_secrets(self) -> None:
        """Hide the secret objectives at once; show them once the facilitator says yes (a weighty question: a stray
        s, or «ы»/«і» typed on a Cyrillic layout, put them on the projector, found from outside)."""
        from .modals import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._show(True)

        self.app.push_screen(ConfirmScreen(_("Show every team's secret objectives on this screen?"),
                                           Text(_("Everyone who can see this screen reads them. s hides them again.")),
                                           self.hold.fresh() if self.hold is not None else None, weighty=True),
                             answered)

    def action_hide_secrets(self) -> None:
        self._show(False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """s shows the secret objectives while they are hidden, and hides them while shown."""
        if action == "secrets":
            return not self.show_secret
        if action == "hide_secrets":
            return self.show_secret
        return True

    def _show(self, secret: bool) -> None:
        self.show_secret = secret
        self.refresh_bindings()
        self.query_one("#outcome", Static).update(outcome_view(self.state, self.show_secret))
