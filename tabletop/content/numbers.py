"""The range of every number a ruleset or deck may hold, in one place.

Screens, reports and the engine are built for numbers a workshop uses: a
meter of 0..10, a ladder of six rungs. A file may not hold a meter of a
billion (the board drew a billion cells). The content classes take their
limits from here, so the validator, the JSON Schema (``minimum`` and
``maximum``) and the table in ``docs/authoring.md`` say the same; a test holds
the guide to :data:`RANGES`.
"""

import random
from typing import Annotated, NamedTuple

from .fields import Limits


class Bound(NamedTuple):
    """The smallest and the largest value allowed."""

    low: int
    high: int

    def limits(self) -> Limits:
        return Limits(ge=self.low, le=self.high)


#: the largest seed of a game or a sweep: a 64-bit integer (a Parquet column, DuckDB), on the command line, the start
#: screen and in a sweep file alike
MOST_SEED = 2**63 - 1
def unchosen_seed() -> int:
    """A game's seed nobody chose: drawn from the whole range a typed seed may take, 1 to :data:`MOST_SEED` (63 bits).

    Every card and every die of a game follows from its seed, so a seed a team could find from the cards and dice it
    has seen tells it every card and die to come (found from outside: drawn from 1..999,999, a real game's seed was
    found from its first four public rolls in 8 s, and rounds 6-8 foretold exactly)."""
    return random.SystemRandom().randint(1, MOST_SEED)


#: the digits a number typed (on the command line, the start screen) may have before it is read as "too large":
#: int() reads 4,300 at most, and no use needs more than MOST_SEED's 19
LONGEST_NUMBER = 40
TURNS = Bound(1, 100)
ACTIONS_PER_ROUND = Bound(1, 10)
#: how many named positions a ladder has (a length, not a value)
LADDER_RUNGS = Bound(2, 20)
#: a position on a ladder (0 is the first rung)
POSITION = Bound(0, LADDER_RUNGS.high - 1)
BREAKDOWN = Bound(1, 20)
TENSION = Bound(0, BREAKDOWN.high - 1)
#: a meter's min, max and start, and the bounds a condition or modifier sets
GAUGE = Bound(-1000, 1000)
#: a resource an actor holds, and what a move costs
RESOURCE = Bound(0, 100)
RATIFY_THRESHOLD = Bound(1, 50)
DICE_TARGET = Bound(2, 20)
COPIES = Bound(1, 20)
#: what one effect adds to a position, a tension, a meter or a resource
EFFECT_AMOUNT = Bound(-100, 100)
#: what one modifier adds to a 2d6 roll
MODIFIER = Bound(-20, 20)

Turns = Annotated[int, TURNS.limits()]
ActionsPerRound = Annotated[int, ACTIONS_PER_ROUND.limits()]
Position = Annotated[int, POSITION.limits()]
Breakdown = Annotated[int, BREAKDOWN.limits()]
Tension = Annotated[int, TENSION.limits()]
GaugeValue = Annotated[int, GAUGE.limits()]
Resource = Annotated[int, RESOURCE.limits()]
DiceTarget = Annotated[int, DICE_TARGET.limits()]
Copies = Annotated[int, COPIES.limits()]
Amount = Annotated[int, EFFECT_AMOUNT.limits()]
Bonus = Annotated[int, MODIFIER.limits()]

#: every number of the file formats, as the authoring guide lists them
RANGES: dict[str, Bound] = {
    "ruleset.turns": TURNS,
    "ruleset.actions_per_round": ACTIONS_PER_ROUND,
    "actors.resources (each)": RESOURCE,  # untranslated: key paths: the guide's table of ranges
    "actors.objectives.at_least": POSITION,
    "meters.min, max, start": GAUGE,  # untranslated: key paths: the guide's table of ranges
    "tracks.ladder (rungs)": LADDER_RUNGS,  # untranslated: key paths: the guide's table of ranges
    "tracks.agreement_at": Bound(1, POSITION.high),
    "tracks.breakdown_at": BREAKDOWN,
    "tracks.start_tension": TENSION,
    "tracks.start_position": POSITION,
    "tracks.ratify.threshold": RATIFY_THRESHOLD,
    "moves.cost (each)": RESOURCE,  # untranslated: key paths: the guide's table of ranges
    "moves.target": DICE_TARGET,
    "moves.modifiers add": MODIFIER,  # untranslated: key paths: the guide's table of ranges
    "cards.copies": COPIES,
    "cards.schedule.round": TURNS,
    "effects: progress, tension, add": EFFECT_AMOUNT,  # untranslated: key paths: the guide's table of ranges
    "conditions: at_least, at_most": GAUGE,  # untranslated: key paths: the guide's table of ranges
}
