"""The facilitator's panel on the shared screen: what the facilitator may show the room,
and, only when asked and confirmed, what the room must not see.

The projector is the only screen: control notes and secret objectives stay off it
until the facilitator presses the private-notes key and confirms, and leave it again
at the next key press or the next round (see ``BoardScreen``).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..engine import State, objectives_met
from ..engine.cards import on_schedule
from ..engine.wording import MET_MARK
from ..lang import Domain
from .text import literal, names, schedule_text, shown
from .widgets import KeyScroll

_, ngettext, N_ = Domain("tui").words()

#: What the confirmation asks before anything private reaches the projector.
PRIVATE_WARNING = N_("Everyone in the room will see control notes and secret objectives \u2014 show them?")


class FacilitatorPanel(KeyScroll):
    """The facilitator's panel: one text that scrolls when it is longer than the panel."""

    DEFAULT_CSS = """
    FacilitatorPanel { height: 1fr; border: thick $warning; padding: 0 1; }
    FacilitatorPanel.-private { border: thick $error; }
    FacilitatorPanel > Static { width: 1fr; }
    """

    def __init__(self, **kwargs: str) -> None:
        self._text = Static("")
        super().__init__(self._text, **kwargs)  # type: ignore[arg-type]

    def show(self, state: State, private: bool) -> None:
        self.set_class(private, "-private")
        self.border_title = _("Facilitator \u2014 PRIVATE NOTES ON SCREEN") if private else _("Facilitator")
        self._text.update(facilitator_text(state, private))


def _card_note(state: State) -> str | None:
    card = shown(state).index.cards.get(state.card or "")
    return card.control_note if card is not None and card.control_note else None


def facilitator_text(state: State, private: bool) -> Text:
    """The panel's text: what is kept from the room, and the public objectives; with ``private``,
    the card's control note and every secret objective too. (The keys are in the key bar.)"""
    n = names(state)
    out = Text()
    note = _card_note(state)
    secrets = sum(1 for a in state.ruleset.actors for o in a.objectives if o.secret)
    if private:
        out.append(" " + _("PRIVATE \u2014 the room can see this; \u2191/\u2193 scroll, any other key hides it") + " ",
                   style="bold reverse")  # untranslated: a style
        out.append("\n")
        if note is not None:
            out.append(_("Control note: "), style="bold")
            out.append(literal(note) + "\n")
    elif note is not None or secrets:
        if note is not None and secrets:
            hidden = ngettext("the card's control note and {n} secret objective",
                              "the card's control note and {n} secret objectives", secrets).format(n=secrets)
        elif note is not None:
            hidden = _("the card's control note")
        else:
            hidden = ngettext("{n} secret objective", "{n} secret objectives", secrets).format(n=secrets)
        out.append(_("Hidden from the room: {what}.").format(what=hidden) + " ", style="italic")
        out.append("s", style="bold reverse")  # untranslated: a style
        out.append(" " + _("shows them (after a warning).") + "\n", style="italic")
    card = state.scenario.index.cards.get(state.card or "")
    if card is not None and card.schedule is not None and on_schedule(state):
        when = schedule_text(state, card)
        out.append(_("The card on the table is on the master events list ({when}).").format(when=when) + " ")
        out.append("k", style="bold reverse")  # untranslated: a style
        out.append(" " + _("skips it,") + " ")
        out.append("r", style="bold reverse")  # untranslated: a style
        out.append(" " + _("redraws, if the room is elsewhere.") + "\n")
    out.append(_("Objectives") + "\n", style="bold")
    met = objectives_met(state)
    texts = {a.id: a.objectives for a in shown(state).ruleset.actors}
    for actor in state.ruleset.actors:
        for i, (obj, ok) in enumerate(met[actor.id]):
            if obj.secret and not private:
                continue
            out.append(f"  {n[actor.id]}: ")
            # the status apart from the objective's text: a mark, its words, a dash ("…" read as a cut text)
            out.append(MET_MARK[True] + " " + _("met now") if ok else "\u25cb " + _("not yet"), style="tabletop.met" if ok else "")
            out.append(" \u2014 ")
            if obj.secret:
                out.append(_("(secret)") + " ", style="bold")
            words = texts[actor.id][i].text if i < len(texts[actor.id]) else obj.text
            out.append(f"{literal(words)}\n")
    return out
