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

from ..content.models import resource_infos
from ..engine import State
from ..lang import Domain
from .modals import _Dialog
from .text import names, shown
from .widgets import KeyLine, KeyScroll, fit_scroll, key_line

_, ngettext, N_ = Domain("tui").words()


def team_text(state: State, team: str) -> Text:
    """The hot seat's: ``team``'s own panel as a hosted team's screen words it (:func:`~.seatwords.own_text`), for the
    team at the keyboard in a sealed round (its secret objectives and sealed moves are its own to read then)."""
    from ..seats.views import own_facts, secrets
    from .seatwords import own_text

    scenario, n = shown(state), names(state)
    own = own_facts(state, team, secrets(state))
    actor = next((a for a in scenario.ruleset.actors if a.id == team), None)
    said = actor.objectives if actor is not None else ()
    for i, objective in enumerate(own["objectives"]):  # in the room's language, as the board's panel reads them
        if i < len(said):
            objective["text"] = said[i].text
    view = {"role": "team", "own": own,
            "game": {"over": state.over, "moves": [{"id": m.id, "name": m.name} for m in scenario.ruleset.moves],
                     "resources": [{"id": r.id, "name": r.name} for r in resource_infos(scenario.ruleset)]},
            "board": {"tracks": [{"id": t.id, "name": n.get(t.id, t.id)} for t in state.ruleset.tracks]}}
    return own_text(view)


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
            said = _("Escape: close \u00b7 \u2191/\u2193, PgUp/PgDn, home/end: scroll")
            yield KeyLine(key_line(said, ("escape", None), style=""), id="own-keys")  # untranslated: a key's name

    def on_mount(self) -> None:
        self.query_one(KeyScroll).focus()  # the arrows scroll it

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit)

    def refit(self) -> None:
        self._fit()

    def _fit(self) -> None:
        fit_scroll(self, "OwnScreen > Vertical")  # untranslated: CSS


__all__ = ["OwnScreen", "team_text"]
