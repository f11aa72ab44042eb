"""Scenario content: rulesets and decks as data, their schema and validation."""

from .errors import ContentError, Problem
from .loader import load_file, load_scenario, scenario_from_data
from .scenario import Scenario
from .source import read_toml
from .models import Actor, Card, Choice, Deck, Meter, MoveType, Ruleset, Track

__all__ = [
    "Actor",  # untranslated: an API name
    "Card",  # untranslated: an API name
    "Choice",  # untranslated: an API name
    "ContentError",
    "Deck",  # untranslated: an API name
    "Meter",  # untranslated: an API name
    "MoveType",
    "Problem",  # untranslated: an API name
    "Ruleset",  # untranslated: an API name
    "Scenario",  # untranslated: an API name
    "Track",  # untranslated: an API name
    "load_file",
    "load_scenario",
    "read_toml",
    "scenario_from_data",
]
