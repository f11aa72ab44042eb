"""Scenario content: rulesets and decks as data, their schema and validation."""

from .errors import ContentError, Problem
from .loader import load_file, load_scenario, scenario_from_data
from .scenario import Scenario
from .source import read_toml
from .models import Actor, Card, Choice, Deck, Meter, MoveType, Ruleset, Track

__all__ = [
    "Actor",
    "Card",
    "Choice",
    "ContentError",
    "Deck",
    "Meter",
    "MoveType",
    "Problem",
    "Ruleset",
    "Scenario",
    "Track",
    "load_file",
    "load_scenario",
    "read_toml",
    "scenario_from_data",
]
