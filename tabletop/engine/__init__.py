"""The rules engine: pure, headless, deterministic. Never imports Textual."""

from .actions import Action, Event, IndependenceBreach, RuleViolation
from .codes import Code
from .flow import new_game
from .legal import legal_actions, move_options, waiting_for
from .objectives import objectives_met
from .rules import apply
from .state import Proposal, State, TrackState

__all__ = [
    "Action",
    "Code",
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
