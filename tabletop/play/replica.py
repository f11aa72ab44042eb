"""The facilitator console's own copy of the game, kept from the host's feed of actions.

The host sends the facilitator the save's header (the scenario embedded, the
seed) and every action played, outcomes included; replaying them gives the
very state the host holds, so the console can draw today's board from an
engine state instead of a summary. Headless: the console's screen sits in
``tabletop.tui``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..content import ContentError, scenario_from_data
from ..content.overlays import attach
from ..engine import Action, RuleViolation, State, apply, new_game
from ..engine.actions import IndependenceBreach
from ..lang import Domain

_, ngettext, N_ = Domain("play").words()


class ReplicaError(ValueError):
    """The feed does not replay here (another engine version, a damaged feed): the console falls back to words."""


class Replica:
    """An engine state that follows the host's actions."""

    def __init__(self, header: Mapping[str, Any]):
        try:
            self.scenario = scenario_from_data({"ruleset": header.get("ruleset"), "deck": header.get("deck")},
                                               "the host's game")  # untranslated: a source name in a log line
            # the console's board names tracks, actors and meters in its own language, as every seat's view does
            attach(self.scenario, header.get("translations"))
            self.seed = int(header.get("seed", 0))
        except (ContentError, TypeError, ValueError) as exc:
            raise ReplicaError(_("the host's scenario cannot be read here: {why}").format(why=exc)) from None
        self.state: State = new_game(self.scenario, self.seed)

    def follow(self, actions: Sequence[Mapping[str, Any]]) -> State:
        """The state after ``actions`` (every action played so far, in order): only the new ones are applied."""
        if len(actions) < self.state.seq:
            self.state = new_game(self.scenario, self.seed)  # a fresh feed (a new welcome): start again
        state = self.state
        try:
            for data in actions[state.seq:]:
                state = apply(state, Action.from_dict(dict(data)))
        except (RuleViolation, IndependenceBreach, TypeError, ValueError) as exc:
            raise ReplicaError(_("the host's actions do not replay here: {why}").format(why=exc)) from None
        self.state = state
        return state


__all__ = ["Replica", "ReplicaError"]
