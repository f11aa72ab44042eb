"""The facilitator's override of one track: position, tension and status in one go.

Reopening a collapsed track usually means lowering its tension too; asking
for one field at a time left tracks reopened at breakdown, to collapse again
on the next success. The dialog shows every field, says when the result
would sit at breakdown (the engine's words), and sends one override action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from ..content.vocabulary import STATUSES
from ..engine import Action, State
from ..engine.actions import TEXT_LIMIT
from ..engine.breakdown import breakdown_warning
from ..lang import Domain
from .text import literal, names, shown, status_name
from .widgets import FIELD_KEYS, InOrder, LiteralInOrder

_, ngettext, N_ = Domain("tui").words()


class TrackOverrideScreen(ModalScreen[Action | None]):
    """Set a track's position, tension and status, with a reason; dismisses with the override action."""

    DEFAULT_CSS = """
    TrackOverrideScreen { align: center middle; background: $background 40%; }
    TrackOverrideScreen > Vertical { width: 76; max-width: 95%; height: auto; max-height: 95%;
        border: thick $warning; background: $surface; padding: 0 1; overflow-y: auto; }
    TrackOverrideScreen #override-title { text-style: bold; padding: 0 0 1 0; }
    TrackOverrideScreen Horizontal { height: auto; }
    TrackOverrideScreen .field-name { width: 18; }
    TrackOverrideScreen Input, TrackOverrideScreen Select { width: 1fr; }
    TrackOverrideScreen #override-warning { color: $warning; height: auto; }
    TrackOverrideScreen #override-error { color: $error; height: auto; }
    """
    # F1: the help over this dialog too, as over the others (modals._Dialog)
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="modal.cancel"),
                Binding("f1", "app.help", show=False, id="dialog.help"), *FIELD_KEYS]

    def __init__(self, state: State, track: str):
        super().__init__()
        self.track = track
        self.spec = state.scenario.index.tracks[track]
        self.shown = shown(state).index.tracks[track]  # its name and ladder in the language spoken
        self.now = state.tracks[track]
        self._done = False

    @property
    def top(self) -> int:
        return len(self.spec.ladder) - 1

    def compose(self) -> ComposeResult:
        spec, now = self.spec, self.now
        title = Text(_("Override {track}").format(track=literal(self.shown.name)), style="bold")
        title.append("\n" + _("now: position {position} \u201c{rung}\u201d, tension {tension}/{breakdown}, {status}").format(
            position=now.position, rung=literal(self.shown.ladder[now.position]), tension=now.tension,
            breakdown=spec.breakdown_at, status=status_name(now.status)), style="")
        with Vertical():
            yield Static(title, id="override-title")
            with Horizontal():
                yield Static(_("Position (0..{top})").format(top=self.top), classes="field-name")
                yield InOrder(str(now.position), id="override-position", compact=True)
            with Horizontal():
                yield Static(_("Tension (0..{top})").format(top=spec.breakdown_at), classes="field-name")
                yield InOrder(str(now.tension), id="override-tension", compact=True)
            with Horizontal():
                yield Static(_("Status"), classes="field-name")
                yield Select([(status_name(s), s) for s in STATUSES], value=now.status, allow_blank=False,
                             id="override-status", compact=True)
            with Horizontal():
                yield Static(_("Reason"), classes="field-name")
                yield LiteralInOrder(placeholder=_("for the record (required)"), max_length=TEXT_LIMIT,
                                 id="override-reason", compact=True)
            yield Static("", id="override-warning")
            yield Static("", id="override-error")
            yield Static(Text(_("Tab: next field \u00b7 Enter: apply \u00b7 Escape: cancel"), style="dim"))

    def on_mount(self) -> None:
        # the field names' column as wide as its longest name in the language spoken (18 at least):
        # "Напряжённость (0..7)" is longer than "Tension (0..7)" and wrapped under its field
        names = list(self.query(".field-name").results(Static))
        width = max(18, *(len(str(name.render())) + 1 for name in names))
        for name in names:
            name.styles.width = width
        self.query_one("#override-position", Input).focus()
        self._show_warning()

    # -- reading the fields ------------------------------------------------------

    def _number(self, selector: str, high: int, name: str) -> int:
        text = self.query_one(selector, Input).value.strip()
        wrong = _("{field}: type a whole number from 0 to {high}.").format(field=name, high=high)
        try:
            value = int(text)
        except ValueError:
            raise ValueError(wrong) from None
        if not 0 <= value <= high:
            raise ValueError(wrong)
        return value

    def _status(self) -> str:
        value = self.query_one("#override-status", Select).value
        return value if isinstance(value, str) else self.now.status

    def _show_warning(self) -> None:
        try:
            tension = self._number("#override-tension", self.spec.breakdown_at, _("Tension"))
        except ValueError:
            tension = self.now.tension
        warning = breakdown_warning(self._status(), tension, self.spec.breakdown_at, self.shown.name)
        shown = Text(f"\u26a0 {literal(warning)}") if warning else Text("")
        self.query_one("#override-warning", Static).update(shown)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_warning()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._show_warning()

    def override_action(self) -> Action:
        """The override the fields ask for; ValueError with words for the facilitator if they don't."""
        position = self._number("#override-position", self.top, _("Position"))
        tension = self._number("#override-tension", self.spec.breakdown_at, _("Tension"))
        status = self._status()
        reason = self.query_one("#override-reason", Input).value.strip()
        now = self.now
        # an open track left at breakdown stays open only if the status is set with it (else it collapses)
        keep_open = status == "open" and tension >= self.spec.breakdown_at
        changed = {
            "position": position if position != now.position else None,
            "tension": tension if tension != now.tension else None,
            "status": status if status != now.status or keep_open else None,
        }
        if all(v is None for v in changed.values()):
            raise ValueError(_("Nothing changes: set a new position, tension or status."))
        if not reason:
            raise ValueError(_("Type a reason (it goes into the record)."))
        return Action("override", track=self.track, reason=reason, **changed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._done:
            return
        try:
            action = self.override_action()
        except ValueError as exc:
            self.query_one("#override-error", Static).update(Text(str(exc)))
            return
        self._done = True
        self.dismiss(action)

    def action_cancel(self) -> None:
        if not self._done:
            self._done = True
            self.dismiss(None)


def ask_override(app: App[Any], state: State, act: Callable[[Action], object]) -> None:
    """The facilitator's override, asked for in dialogs: which track or meter, its new value, the reason.

    ``act`` takes the override action (the hot seat's board applies it; a seat's console sends it to the host).
    """
    from .modals import PickScreen

    n = names(state)
    targets = [(t.id, None) for t in state.ruleset.tracks] + [(None, m.id) for m in state.ruleset.meters]

    def track_label(tid: str) -> Text:
        t = state.tracks[tid]
        spec = state.scenario.index.tracks[tid]
        return Text(_("Track: {track} (position {position}, tension {tension}/{breakdown}, {status})").format(
            track=n[tid], position=t.position, tension=t.tension, breakdown=spec.breakdown_at,
            status=status_name(t.status)))

    labels = [track_label(t) if t else Text(_("Meter: {meter} (now {value})").format(meter=n[m or ""],
                                                                                    value=state.meters[m or ""]))
              for t, m in targets]

    def picked_target(index: int | None) -> None:
        if index is None:
            return
        track, meter = targets[index]
        if meter is not None:
            spec = next(x for x in state.ruleset.meters if x.id == meter)
            _ask_value(app, _("New value of {meter} ({low}..{high})").format(meter=n[meter], low=spec.min,
                                                                             high=spec.max), spec.min, spec.max,
                       lambda v: _ask_reason(app, Action("override", meter=meter, value=v), act))
            return
        assert track is not None

        def overridden(action: Action | None) -> None:
            if action is not None:
                act(action)

        app.push_screen(TrackOverrideScreen(state, track), overridden)

    app.push_screen(PickScreen(_("Override which track or meter?"), labels), picked_target)


def _ask_value(app: App[Any], title: str, low: int, high: int, then: Callable[[int], None]) -> None:
    from .modals import AskScreen

    def check(text: str) -> str | None:
        wrong = _("Type a whole number from {low} to {high}.").format(low=low, high=high)
        try:
            value = int(text)
        except ValueError:
            return wrong
        return None if low <= value <= high else wrong

    def done(text: str | None) -> None:
        if text is not None:
            then(int(text))

    app.push_screen(AskScreen(title, f"{low}..{high}", check=check), done)


def _ask_reason(app: App[Any], action: Action, act: Callable[[Action], object]) -> None:
    from .modals import AskScreen

    def done(reason: str | None) -> None:
        if reason:
            act(Action(**{**action.to_dict(), "reason": reason}))

    app.push_screen(AskScreen(_("Reason for the override (it goes into the record)"), _("the reason")), done)


__all__ = ["TrackOverrideScreen", "ask_override"]
