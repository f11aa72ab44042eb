"""Why the rules refuse an action: one catalogue of stable refusal codes.

A :class:`~tabletop.engine.actions.RuleViolation` carries one of these codes
and a message for players. The codes are written in docs, tests and screens'
hint tables, so each keeps its exact string; being a ``StrEnum``, a code
still equals that string (``violation.code == "NOT_A_MEMBER"``).
"""

from __future__ import annotations

from enum import StrEnum, unique


@unique
class Code(StrEnum):
    """A refusal code: what kind of rule an illegal action broke."""

    # the action itself
    INVALID_ACTION = "INVALID_ACTION"  # malformed, or a value outside what the action takes
    INVALID_TEXT = "INVALID_TEXT"  # a note or reason that cannot be saved as UTF-8
    REASON_REQUIRED = "REASON_REQUIRED"  # an override without a reason for the record
    OUT_OF_RANGE = "OUT_OF_RANGE"  # an override past a ladder, breakdown or meter bound

    # names the scenario does not have
    UNKNOWN_ACTOR = "UNKNOWN_ACTOR"
    UNKNOWN_MOVE = "UNKNOWN_MOVE"
    UNKNOWN_CARD = "UNKNOWN_CARD"
    UNKNOWN_TRACK = "UNKNOWN_TRACK"
    UNKNOWN_METER = "UNKNOWN_METER"
    UNKNOWN_EVENT = "UNKNOWN_EVENT"  # a note about an event not in the log

    # what the game waits on
    GAME_OVER = "GAME_OVER"
    WRONG_PHASE = "WRONG_PHASE"
    NOT_YOUR_TURN = "NOT_YOUR_TURN"
    CARD_PENDING = "CARD_PENDING"  # the revealed card is to be resolved first
    NO_CARD = "NO_CARD"  # skip or redraw with no card on the table
    WRONG_CARD = "WRONG_CARD"  # the action names another card than the revealed one
    WRONG_TRACK = "WRONG_TRACK"  # the action names another track than the card's or proposal's
    NOT_SCHEDULED = "NOT_SCHEDULED"  # a recorded scheduled draw of a card with no scheduled copy waiting
    NOTHING_TO_UNDO = "NOTHING_TO_UNDO"
    STILL_OPEN = "STILL_OPEN"  # a lapse of a proposal whose track is open (or a global move): it is settled as usual

    # a move's own rules
    NO_ACTIONS_LEFT = "NO_ACTIONS_LEFT"
    GLOBAL_MOVE = "GLOBAL_MOVE"  # a global move named with a track
    NEEDS_TRACK = "NEEDS_TRACK"  # a track move (or a link) without its track
    NOT_A_MEMBER = "NOT_A_MEMBER"  # the actor does not sit at that track
    TRACK_CLOSED = "TRACK_CLOSED"
    LINKAGE_FORBIDDEN = "LINKAGE_FORBIDDEN"  # independence rule 3 (strict): no linking tracks
    ALREADY_USED = "ALREADY_USED"  # a once-per-game move made again
    CANNOT_AFFORD = "CANNOT_AFFORD"
    REQUIREMENT_UNMET = "REQUIREMENT_UNMET"

    # matrix arguments (engine/arguments.py)
    NOT_OFFERED = "NOT_OFFERED"  # the move is not offered on that track ([moves.argue] tracks)
    NOT_ARGUABLE = "NOT_ARGUABLE"  # a result outside what the ruleset lets a team argue for
    CROSS_TRACK = "CROSS_TRACK"  # independence rule 1: an argument's result on another track or a meter
    TEXT_TOO_LONG = "TEXT_TOO_LONG"  # an action text, reason or counter past the ruleset's limit
    UNKNOWN_ODDS = "UNKNOWN_ODDS"  # odds not on the list, or strong marks that name no reason or counter

    # who may act (seats: tabletop host)
    NOT_YOUR_SEAT = "NOT_YOUR_SEAT"  # a seat acting for another team, or for the facilitator


#: The refusals the independence rule itself makes (strict: DESIGN section 4, rules 1 and 3). Any other refusal
#: is about where the game stands (whose turn, which phase, which proposal), not about the rule.
INDEPENDENCE_CODES = frozenset((Code.LINKAGE_FORBIDDEN, Code.CROSS_TRACK))
