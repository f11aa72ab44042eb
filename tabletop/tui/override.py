"""The facilitator's override of one track (position, tension and status in one go) or of one meter.

Reopening a collapsed track usually means lowering its tension too; asking
for one field at a time left tracks reopened at breakdown, to collapse again
on the next success. The dialog shows every field, says when the result
would sit at breakdown (the engine's words), and sends one override action.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Select, Static

from ..content.vocabulary import STATUSES
from ..engine import Action, State
from ..engine.actions import TEXT_LIMIT
from ..engine.breakdown import breakdown_warning
from ..lang import Domain
from .text import literal, names, shown, status_name
from .decisionlist import MarkedSelect
from .fields import FIELD_KEYS, LimitedField, NumberField
from .modals import _Dialog
from .notices import TYPED_WARNING, holds_typed_text, typing_resumed
from .widgets import KeyLine, key_line

_, ngettext, N_ = Domain("tui").words()


class OverrideDialog(_Dialog[Action | None]):
    """What the facilitator's override dialogs share: fields in a column, Tab between them, Enter applies the action
    :meth:`override_action` reads from them (or says in the dialog why not), Escape cancels: over a typed reason the
    first Escape says it would be lost, and a second closes the dialog, as in every dialog (:meth:`_Dialog.action_cancel`;
    found from outside: the override closed on the first Escape with its reason gone). The fields it opens filled
    with, the values now, are no typed text (class ``choice``)."""

    DEFAULT_CSS = """
    OverrideDialog { align: center middle; background: $background 40%; }
    OverrideDialog > Vertical { width: 76; max-width: 95%; height: auto; max-height: 95%;
        border: thick $warning; background: $surface; padding: 0 1; overflow-y: auto; }
    OverrideDialog #override-title { text-style: bold; padding: 0 0 1 0; }
    OverrideDialog Horizontal { height: auto; }
    OverrideDialog .field-name { width: 18; }
    OverrideDialog Input, OverrideDialog Select { width: 1fr; }
    OverrideDialog #override-warning { color: $warning; height: auto; }
    OverrideDialog #override-error { color: $error; height: auto; }
    """
    # F1 over it too, and answered once, as every dialog (modals._Dialog)
    BINDINGS = [*_Dialog.BINDINGS, Binding("escape", "cancel", N_("Cancel"), id="modal.cancel"), *FIELD_KEYS]
    #: the field the dialog opens on
    FIRST = "#override-position"
    #: the dialog's keys, said under its fields: with nothing typed, and with a field holding typed text
    KEYS = (N_("Tab: next field \u00b7 Enter: apply \u00b7 Escape: cancel"),
            N_("Tab: next field \u00b7 Enter: apply \u00b7 Escape twice: cancel"))
    #: the key each part of :data:`KEYS` names: a click on its words presses it (:class:`~.widgets.KeyLine`)
    KEY_NAMES = ("tab", "enter", "escape")  # untranslated: key names

    #: each dialog's own reading of its fields: the override they ask for, or ValueError with words for the
    #: facilitator if they don't (TrackOverrideScreen, MeterOverrideScreen)
    override_action: Callable[[], Action]

    def on_mount(self) -> None:
        # the field names' column as wide as its longest name in the language spoken (18 at least):
        # "Напряжённость (0..7)" is longer than "Tension (0..7)" and wrapped under its field
        names = list(self.query(".field-name").results(Static))
        width = max(18, *(len(str(name.render())) + 1 for name in names))
        for name in names:
            name.styles.width = width
        self.query_one(self.FIRST, Input).focus()
        self._show_keys()

    def foot(self) -> ComposeResult:
        """Under the fields: what is wrong, what a first Escape over typed text would lose, the keys."""
        yield Static("", id="override-error")
        yield Static("", id="override-unsaved", classes=TYPED_WARNING)
        yield KeyLine("", id="override-keys")

    def _show_keys(self) -> None:
        """The keys; Escape's as many times as it takes now."""
        plain, typed = self.KEYS
        said = _(typed) if holds_typed_text(self) else _(plain)
        self.query_one("#override-keys", KeyLine).update(key_line(said, self.KEY_NAMES))

    def number(self, selector: str, low: int, high: int, name: str | None = None) -> int:
        """The whole number typed in the field ``selector``, from ``low`` to ``high``; ValueError in words if it is not
        one (``name``: the field's, said first)."""
        wrong = (_("{field}: type a whole number from 0 to {high}.").format(field=name, high=high) if name is not None
                 else _("Type a whole number from {low} to {high}.").format(low=low, high=high))
        try:
            value = int(self.query_one(selector, Input).value.strip())
        except ValueError:
            raise ValueError(wrong) from None
        if not low <= value <= high:
            raise ValueError(wrong)
        return value

    def reason(self) -> str:
        reason = self.query_one("#override-reason", Input).value.strip()
        if not reason:
            raise ValueError(_("Type a reason (it goes into the record)."))
        return reason

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fields_changed()
        if self.is_mounted:
            self._show_keys()
            typing_resumed(self)  # a warning of an Escape over the text no longer holds: the next one warns again

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._fields_changed()

    def _fields_changed(self) -> None:
        # what was wrong is being mended: its words go (found from outside: "Type a whole number" stayed under the
        # corrected value until Enter was pressed again)
        self.query_one("#override-error", Static).update(Text(""))
        self.fields_changed()

    def fields_changed(self) -> None:
        """A field was changed (typed in, a choice made): what a dialog shows of its fields, kept up to date."""

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._answered:
            return
        try:
            action = self.override_action()
        except ValueError as exc:
            self.query_one("#override-error", Static).update(Text(str(exc)))
            return
        self.answer(action)


class TrackOverrideScreen(OverrideDialog):
    """Set a track's position, tension and status, with a reason; dismisses with the override action."""

    def __init__(self, state: State, track: str):
        super().__init__()
        self.track = track
        self.spec = state.scenario.index.tracks[track]
        self.shown = shown(state).index.tracks[track]  # its name and ladder in the language spoken
        self.now = state.tracks[track]

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
                yield NumberField(str(now.position), id="override-position", compact=True, classes="choice")
            with Horizontal():
                yield Static(_("Tension (0..{top})").format(top=spec.breakdown_at), classes="field-name")
                yield NumberField(str(now.tension), id="override-tension", compact=True, classes="choice")
            with Horizontal():
                yield Static(_("Status"), classes="field-name")
                yield MarkedSelect([(status_name(s), s) for s in STATUSES], value=now.status, allow_blank=False,
                             id="override-status", compact=True)
            with Horizontal():
                yield Static(_("Reason"), classes="field-name")
                yield LimitedField(placeholder=_("for the record (required)"), max_length=TEXT_LIMIT,
                                 id="override-reason", compact=True)
            yield Static("", id="override-warning")
            yield from self.foot()

    def on_mount(self) -> None:
        super().on_mount()
        self._show_warning()

    # -- reading the fields ------------------------------------------------------


    def _status(self) -> str:
        value = self.query_one("#override-status", Select).value
        return value if isinstance(value, str) else self.now.status

    def _show_warning(self) -> None:
        try:
            tension = self.number("#override-tension", 0, self.spec.breakdown_at, _("Tension"))
        except ValueError:
            tension = self.now.tension
        warning = breakdown_warning(self._status(), tension, self.spec.breakdown_at, self.shown.name)
        shown = Text(f"\u26a0 {literal(warning)}") if warning else Text("")
        self.query_one("#override-warning", Static).update(shown)

    def fields_changed(self) -> None:
        self._show_warning()

    def override_action(self) -> Action:
        """The override the fields ask for; ValueError with words for the facilitator if they don't."""
        position = self.number("#override-position", 0, self.top, _("Position"))
        tension = self.number("#override-tension", 0, self.spec.breakdown_at, _("Tension"))
        status = self._status()
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
        return Action("override", track=self.track, reason=self.reason(), **changed)


class MeterOverrideScreen(OverrideDialog):
    """Set a meter's value, with a reason, in one dialog; dismisses with the override action.

    Found from outside: the value and the reason were two dialogs, the second opened as the first closed, and the
    keys a fast facilitator typed in between went to the board (its word guard dropped them): the reason dialog
    got the rest, an empty reason, and closed with nothing done and nothing said."""

    FIRST = "#override-value"
    # Enter in the value goes on to the reason (found from outside: "Enter: apply" was said, and a facilitator pressing
    # it in the value saw nothing happen, then typed the reason into the value)
    KEYS = (N_("Tab or Enter: on to the reason \u00b7 Enter in the reason: apply \u00b7 Escape: cancel"),
            N_("Tab or Enter: on to the reason \u00b7 Enter in the reason: apply \u00b7 Escape twice: cancel"))
    # Enter in the value field goes on to the reason, at once (as Tab): taken as the app reads it, so that the
    # keys of a burst behind it land in the reason; in the reason it is the field's own (it applies, in order)
    BINDINGS = [*OverrideDialog.BINDINGS,
                Binding("enter", "value_entered", show=False, priority=True, id="override.value-entered")]

    def __init__(self, state: State, meter: str):
        super().__init__()
        self.meter = meter
        self.spec = next(m for m in state.ruleset.meters if m.id == meter)
        self.meter_name = names(state)[meter]
        self.now = state.meters[meter]

    def compose(self) -> ComposeResult:
        spec = self.spec
        with Vertical():
            yield Static(Text(_("Meter: {meter} (now {value})").format(meter=literal(self.meter_name), value=self.now),
                              style="bold"), id="override-title")
            with Horizontal():
                yield Static(_("New value of {meter} ({low}..{high})").format(
                    meter=literal(self.meter_name), low=spec.min, high=spec.max), classes="field-name")
                # filled with the value now, as the track's fields are (typing replaces it: it is selected on focus)
                yield NumberField(str(self.now), placeholder=f"{spec.min}..{spec.max}", id="override-value", compact=True,
                                  classes="choice")
            with Horizontal():
                yield Static(_("Reason"), classes="field-name")
                yield LimitedField(placeholder=_("for the record (required)"), max_length=TEXT_LIMIT,
                                     id="override-reason", compact=True)
            yield from self.foot()

    def action_value_entered(self) -> None:
        if self.focused is None or self.focused.id != "override-value":
            raise SkipAction()  # the reason's Enter: the field's own, after the keys typed before it
        self.set_focus(self.query_one("#override-reason", Input))  # now, as Tab's focus_next: not after a refresh

    def override_action(self) -> Action:
        value = self.number("#override-value", self.spec.min, self.spec.max)
        return Action("override", meter=self.meter, value=value, reason=self.reason())


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

        def overridden(action: Action | None) -> None:
            if action is not None:
                act(action)

        if meter is not None:  # the value and the reason in one dialog: no keys lost between two
            app.push_screen(MeterOverrideScreen(state, meter), overridden)
            return
        assert track is not None
        app.push_screen(TrackOverrideScreen(state, track), overridden)

    which = PickScreen(_("Override which track or meter?"), labels)
    which.dialog_actions = frozenset({"select"})  # the pick opens the track's or the meter's dialog
    app.push_screen(which, picked_target)


__all__ = ["MeterOverrideScreen", "OverrideDialog", "TrackOverrideScreen", "ask_override"]
