"""JSON Schema of a save file's lines (``tabletop schema save``).

A save is JSON Lines: the first line matches ``header``, every other line
matches ``event``. The schema is given as one object whose ``oneOf`` admits
either kind of line, so an editor or a validator can check any line.
"""

from __future__ import annotations

from typing import Any

from ..content.arguments import ODDS
from ..content.numbers import MOST_SEED
from ..lang import LANGUAGES, SOURCE
from ..engine.actions import KINDS
from .players import BOT_POLICIES, HUMAN, TEAM_NAME_MAX
from .lines import FORMAT, READABLE
from .sealing import SEALING

_HASH = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
#: a time as the writer writes it (savefile._now: UTC, to the millisecond, with a Z); found from outside: "not a
#: date" and "garbage" verified as intact, and the replay showed "at garbage"
_TIME = {"type": "string", "format": "date-time", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z$"}
_SECONDS = {"type": "integer", "minimum": 0}
#: optional: the play screen's clock after the event, in whole seconds. Outside the game state (the
#: engine has no clock): neither the state hash nor a replay reads it, verify takes it from the file
#: as it takes the wall-clock time, and `resume` goes on from the last one.
_CLOCK = {
    "type": "object",
    # untranslated: JSON Schema text for editors (machine output stays English)
    "description": "the room's clock after this event, as the play screen read it (absent from headless games)",
    "required": ["phase_left", "paused", "elapsed"],
    "additionalProperties": False,
    "properties": {
        "phase_left": {"type": ["integer", "null"], "minimum": 0,
                       # untranslated: JSON Schema text for editors (machine output stays English)
                       "description": "seconds left on the phase timer (0: time is up; null: the phase has no timer)"},
        # untranslated: JSON Schema text for editors (machine output stays English)
        "paused": {"type": "boolean", "description": "the facilitator had paused the game"},
        # untranslated: JSON Schema text for editors (machine output stays English)
        "elapsed": {**_SECONDS, "description": "the session clock: workshop time so far, across resumes"},
        "timers": {
            "type": "object",
            # untranslated: JSON Schema text for editors (machine output stays English)
            "description": "the phase timers in effect, when `resume --timer` changed them from the header's ruleset",
            "additionalProperties": False,
            "properties": {key: {"type": "string"} for key in ("event", "moves", "adjudication", "review", "on_time_up")},
        },
    },
}


_NONCE = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
_SEAL = {
    "type": "object",
    # untranslated: JSON Schema text for editors (machine output stays English)
    "description": "a sealed move: sha256 of its action's canonical JSON with a random nonce (see store/sealing.py)",
    "required": ["commitment", "nonce"],
    "additionalProperties": False,
    "properties": {"commitment": {"type": "string", "pattern": "^[0-9a-f]{64}$"}, "nonce": _NONCE},
}
_REVEAL = {
    "type": "array",
    # untranslated: JSON Schema text for editors (machine output stays English)
    "description": "the reveal of the sealed moves: each entry (the action as its line saved it) and its nonce",
    "items": {
        "type": "object",
        "required": ["seq", "entry", "nonce"],
        "additionalProperties": False,
        "properties": {"seq": {"type": "integer", "minimum": 1}, "entry": {"type": "object"}, "nonce": _NONCE},
    },
}


def save_schema() -> dict[str, Any]:
    """The whole JSON Schema of a save line, the embedded ruleset and deck included."""
    from ..content.models import Deck, Ruleset
    from ..content.validation import json_schema  # builds pydantic models: only for ``tabletop schema``

    ruleset = json_schema(Ruleset, ref_template="#/$defs/ruleset_defs/{model}")
    deck = json_schema(Deck, ref_template="#/$defs/deck_defs/{model}")
    ruleset_defs = ruleset.pop("$defs", {})
    deck_defs = deck.pop("$defs", {})
    header, event = line_schemas()
    header["properties"]["ruleset"] = ruleset
    header["properties"]["deck"] = deck
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        # untranslated: JSON Schema text for editors (machine output stays English)
        "title": "tabletop save line (JSON Lines: line 1 a header, then events)",
        "oneOf": [{"$ref": "#/$defs/header"}, {"$ref": "#/$defs/event"}],
        "$defs": {"header": header, "event": event, "ruleset_defs": ruleset_defs, "deck_defs": deck_defs},
    }


def line_schemas() -> tuple[dict[str, Any], dict[str, Any]]:
    """The schemas of the header line and of an event line, without the embedded ruleset and deck.

    The one source of a save's shape: :func:`save_schema` publishes it and
    :mod:`.shapes` checks every line read against it. The ruleset and deck
    in the header are checked by the content validator instead.
    """
    return _header(), _event(_action())


def _action() -> dict[str, Any]:
    """An event's action: its kind and whichever fields that kind takes."""
    return {
        "type": "object",
        "required": ["kind"],
        "additionalProperties": False,
        # only the phase timer's pass carries time_up (found from outside: a move edited to carry it was read and
        # replayed without a word)
        "dependentSchemas": {"time_up": {"properties": {"kind": {"enum": ["pass", "counter"]}}},
                             # only the host's own note on a decision it entered for a team carries entered
                             "entered": {"properties": {"kind": {"const": "note"}}}},
        "properties": {
            "kind": {"enum": list(KINDS)},
            "actor": {"type": "string"},
            "track": {"type": "string"},
            "move": {"type": "string"},
            "link": {"type": "string"},
            "choice": {"type": "integer", "minimum": 0},
            "accept": {"type": "boolean"},
            "success": {"type": "boolean"},
            "card": {"type": "string"},
            "reason": {"type": "string"},
            "text": {"type": "string"},
            # untranslated: JSON Schema text for editors (machine output stays English)
            "lang": {"enum": list(LANGUAGES), "description": "the language the action's free text (text, reason, "
                                                             "reasons) was typed in: shown as typed, marked so in "
                                                             "other languages"},
            "about": {"type": "integer", "minimum": 0},
            "position": {"type": "integer"},
            "tension": {"type": "integer"},
            "status": {"enum": ["open", "agreed", "collapsed", "deferred"]},
            "meter": {"type": "string"},
            "value": {"type": "integer"},
            "time_up": {"const": True,
                        # untranslated: JSON Schema text for editors (machine output stays English)
                        "description": "a pass the phase timer made when the phase's time was up "
                                       "(on_time_up = \"pass\"), not the team's own choice: a move's pass, or a "
                                       "counter with no text; absent from every other action and from saves "
                                       "written before it"},
            "entered": {"type": "string",
                        # untranslated: JSON Schema text for editors (machine output stays English)
                        "description": "on a note the host writes itself: the actor whose decision (the event "
                                       "'about') the facilitator entered from the console, the team having no screen "
                                       "connected; the note has no text, each reader reads it in its own words; "
                                       "absent from every other action and from saves written before it"},
            # a matrix argument (engine/arguments.py): the texts as typed; their limits are the ruleset's
            "wanted": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "an argument: the result argued for, one of the track's own effects "
                               "({progress: n}, {tension: n} or {status: s}), or the facilitator scaling it back",
            },
            "reasons": {"type": "array", "items": {"type": "string"}, "maxItems": 3,
                        # untranslated: JSON Schema text for editors (machine output stays English)
                        "description": "an argument's reasons, as typed"},
            # untranslated: JSON Schema text for editors (machine output stays English)
            "odds": {"enum": list(ODDS), "description": "the odds of an argument: a team's vote, or the facilitator's"},
            "strong": {"type": "array", "items": {"type": "integer", "minimum": 0},
                       # untranslated: JSON Schema text for editors (machine output stays English)
                       "description": "the reasons and counters the facilitator found strong (matrix odds)"},
            "outcome": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "the recorded result of a draw ({card, set_aside, reshuffled}, and scheduled: true "
                               "when the card came up on the deck's schedule) or roll ({dice})",
                "properties": {
                    "card": {"type": ["string", "null"]},
                    "set_aside": {"type": "array", "items": {"type": "string"}},
                    "reshuffled": {"type": "integer", "minimum": 0},
                    "scheduled": {"type": "boolean"},
                    "dice": {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6},
                             "minItems": 2, "maxItems": 2},
                },
            },
        },
    }


def _header() -> dict[str, Any]:
    """Line 1, the ruleset and deck in it left open (the content validator checks them)."""
    return {
        "type": "object",
        # untranslated: JSON Schema text for editors (machine output stays English)
        "description": "line 1: the save header, with the full ruleset and deck embedded",
        "required": ["format", "version", "app_version", "created", "seed", "scenario", "ruleset", "deck", "chain"],
        "properties": {
            "format": {"const": FORMAT},
            "version": {"type": "integer", "minimum": READABLE[0], "maximum": READABLE[-1],
                        # untranslated: JSON Schema text for editors (machine output stays English)
                        "description": "2: results hold ids and figures, no words (1: with a summary in words)"},
            "app_version": {"type": "string"},
            "created": _TIME,
            # every seed a game is given is at most MOST_SEED (the command line, the start screen, a sweep's draws)
            "seed": {"type": "integer", "minimum": 0, "maximum": MOST_SEED},
            "sealing": {"const": SEALING,
                        # untranslated: JSON Schema text for editors (machine output stays English)
                        "description": "sealed moves carry a commitment (seal) and reveals open them (reveal); "
                                       "absent from saves written before commitments"},
            "simulated": {"type": "boolean"},
            "seats": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "who plays each actor: \"human\" (a team) or a bot policy",
                "additionalProperties": {"enum": [HUMAN, *BOT_POLICIES]},
            },
            "teams": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "optional: the human teams' names as typed (actor id -> name)",
                "additionalProperties": {"type": "string", "maxLength": TEAM_NAME_MAX},
            },
            "scenario": {
                "type": "object",
                "properties": {
                    "ruleset_id": {"type": "string"},
                    "ruleset_name": {"type": "string"},
                    "deck_id": {"type": "string"},
                    "deck_name": {"type": "string"},
                    "independence": {"enum": ["strict", "linked"]},
                },
            },
            "ruleset": {},
            "deck": {},
            "translations": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "optional: the scenario's texts in other languages as they were when the game "
                               f"started ({', '.join(lang for lang in LANGUAGES if lang != SOURCE)} -> the overlay "
                               "tables, as in NAME.LANG.toml, without [overlay]); absent when the scenario has none",
                "additionalProperties": {"type": "object"},
            },
            # untranslated: JSON Schema text for editors (machine output stays English)
            "chain": {**_HASH, "description": "sha256 of the header's canonical JSON without this key (first 32 hex)"},
        },
    }


def _event(action: dict[str, Any]) -> dict[str, Any]:
    """Lines 2 on: one event each, ``action`` its action's schema."""
    return {
        "type": "object",
        # untranslated: JSON Schema text for editors (machine output stays English)
        "description": "lines 2..: one event per line",
        "required": ["seq", "time", "round", "phase", "action", "result", "state", "chain"],
        "additionalProperties": False,
        "properties": {
            # untranslated: JSON Schema text for editors (machine output stays English)
            "seq": {"type": "integer", "minimum": 1, "description": "1, 2, 3... with no gaps"},
            # untranslated: JSON Schema text for editors (machine output stays English)
            "time": {**_TIME, "description": "wall-clock time (UTC)"},
            "round": {"type": "integer", "minimum": 1},
            "phase": {"type": "string"},
            "actor": {"type": ["string", "null"]},
            # untranslated: JSON Schema text for editors (machine output stays English)
            "track": {"type": ["string", "null"], "description": "the track the action is scoped to"},
            "action": action,
            "result": {
                "type": "object",
                # untranslated: JSON Schema text for editors (machine output stays English)
                "description": "what happened, as ids and figures: changes, ruling working (dice, modifiers, votes; "
                               "set_aside: a lapse, the facilitator setting aside a move whose track had closed, "
                               "with no roll, vote or reason), notes, and under told what its words are made of "
                               "(version 1: a summary in words)",
            },
            # untranslated: JSON Schema text for editors (machine output stays English)
            "state": {**_HASH, "description": "hash of the game state after this event"},
            "clock": _CLOCK,
            "seal": _SEAL,
            "reveal": _REVEAL,
            # untranslated: JSON Schema text for editors (machine output stays English)
            "chain": {**_HASH, "description": "sha256 of the previous line's chain + newline + this line's canonical JSON without chain"},
        },
    }
