"""A seat (:class:`Seat`), what the room calls it, and whose act it is: a seat may act only for itself (the
engine checks the rules after this).

The facilitator may do anything the engine allows (the control cell runs
the game, and may act for a team that lost its connection). A team acts
only as its own actor, and never with the facilitator's powers or the
steps that move the game on (draw, apply a card, roll, rule, enact,
advance, set aside a lapsed move): those are the facilitator's. The projector and observers watch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from ..engine import Action, Code, RuleViolation, State
from ..engine.actions import TEAM_KINDS
from ..engine.legal import lapsing
from ..engine.wording import names, team_called
from ..lang import Domain

_, ngettext, N_ = Domain("seats").words()


class Seat(NamedTuple):
    """A place at the table: ``id`` (``facilitator``, ``team:<actor>``, ``projector``, ``observer:<n>``)."""

    id: str
    role: str  # one of protocol.ROLES
    actor: str | None = None  # a team's actor id
    name: str = ""  # as the room calls it

    @property
    def acts(self) -> bool:
        """The seat may act at all (the projector and observers only watch)."""
        return self.role in ("facilitator", "team")


def check_seat(state: State, seat: Seat, action: Action) -> None:
    """Raise ``NOT_YOUR_SEAT`` unless ``seat`` may do ``action`` (whether the rules allow it is the engine's)."""
    if seat.role == "facilitator":
        return
    if seat.role != "team" or seat.actor is None:
        raise RuleViolation(Code.NOT_YOUR_SEAT, _("The {role} only watches the game.").format(role=role_name(seat.role)))
    n = names(state)
    if action.actor is None or action.kind not in TEAM_KINDS:
        # a team's own decisions only: the game's steps are the facilitator's whoever is named in them (found from
        # outside: a script on a team's code sent rule, enact, advance and draw with its own actor, and the engine,
        # which reads no actor in them, took them; the record then credited the ruling to the facilitator)
        raise RuleViolation(Code.NOT_YOUR_SEAT, _(_ONLY.get(action.kind, _ONLY_ANY)))
    if action.actor != seat.actor:
        who = n.get(action.actor, _("another team"))
        raise RuleViolation(Code.NOT_YOUR_SEAT, _("{team} cannot act for {other}.").format(
            team=n.get(seat.actor, seat.actor), other=who))
    if lapsing(state) is not None:
        # the head's track has closed: the facilitator sets it aside, and no team votes, counters or weighs it (found
        # in review: a vote sent by a stale or scripted client was taken on the dead proposal; the engine still takes
        # it, as saves and simulations played before the lapse did)
        raise RuleViolation(Code.NOT_YOUR_SEAT, _(_ONLY["lapse"]))


#: what only the facilitator does, one whole sentence each (a translation words each its own way)
_ONLY = {
    "draw": N_("Only the facilitator can draw the event card."),
    "apply_card": N_("Only the facilitator can apply the card."),
    "roll": N_("Only the facilitator can roll the dice."),
    "rule": N_("Only the facilitator can rule on a move."),
    "enact": N_("Only the facilitator can enact a revealed move."),
    "advance": N_("Only the facilitator can move the game on."),
    "override": N_("Only the facilitator can override the board."),
    "undo": N_("Only the facilitator can undo."),
    "note": N_("Only the facilitator can add a note."),
    "inject": N_("Only the facilitator can inject a card."),
    "skip": N_("Only the facilitator can skip a card."),
    "redraw": N_("Only the facilitator can redraw a card."),
    "end": N_("Only the facilitator can end the game."),
    "lapse": N_("Only the facilitator can set aside a move whose track has closed."),
}
_ONLY_ANY = N_("Only the facilitator can do that.")
#: a seat's role as a sentence names it
_ROLES = {"facilitator": N_("facilitator"), "team": N_("team"), "projector": N_("projector"),
          "observer": N_("observer")}


def role_name(role: str) -> str:
    """A seat's role in the language of the moment (``projector`` …)."""
    return _(_ROLES[role]) if role in _ROLES else role


def seat_name(seat_id: str, actors: Mapping[str, str], teams: Mapping[str, str] | None = None) -> str:
    """A seat as the room calls it, in the language of the moment: ``Facilitator``, a team by its actor's name
    (``actors``: id -> name), ``Projector``, ``Observer 1``; an id it does not know, as it is.

    ``teams`` (actor id -> the name the facilitator gave the team, as the save's header records it): a named team
    is called by its name with the actor it plays, ``Delegation A (Russia)``, as the host's join lines and the
    console's lists of codes and of the seats connected call it."""
    role, _colon, rest = seat_id.partition(":")
    if role == "team" and rest:
        actor = actors.get(rest) or seat_id
        team = (teams or {}).get(rest)
        return team_called(actor, team)  # as every line names a named team: the note of a decision entered for it too
    if role == "observer" and rest.isdigit():
        return _("Observer {n}").format(n=int(rest))
    if seat_id == "facilitator":
        return _("Facilitator")
    return _("Projector") if seat_id == "projector" else seat_id


__all__ = ["Seat", "check_seat", "role_name", "seat_name"]
