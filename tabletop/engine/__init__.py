"""The rules engine: pure, headless, deterministic. Never imports Textual."""

from .actions import Action, Event, IndependenceBreach, RuleViolation
from .rules import apply, legal_actions, move_options, new_game, objectives_met, waiting_for
from .state import Proposal, State, TrackState

__all__ = [
    "Action",
    "Event",
    "IndependenceBreach",
    "Proposal",
    "RuleViolation",
    "State",
    "TrackState",
    "apply",
    "legal_actions",
    "move_options",
    "new_game",
    "objectives_met",
    "waiting_for",
]
