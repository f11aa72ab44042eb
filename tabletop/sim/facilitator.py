"""The simulated facilitator (the white cell) of a bot game, and what it assumes.

In a workshop a person runs the game: draws the cards, rules on the moves
put to the facilitator, may skip or redraw a card, override a track, undo,
inject an event or end the game early. In a simulated game nobody does; this
stand-in does the least a facilitator must, and it assumes:

- **Rulings are a coin toss.** A move put to the facilitator (its
  resolution is ``facilitator``, e.g. asking for mediation) succeeds with
  even odds, whatever the move, the track, the meters or who asks. A real
  facilitator rules on the merits and gives a reason; the simulation has no
  merits to weigh, so it neither favours nor punishes mediation: a ruling is
  as likely to help as a fair roll, and its reason reads "simulated ruling".
- **Every card is played as drawn.** The facilitator draws when the game
  waits for a draw, applies every card without choices as it comes
  (scheduled ones included), and never skips or redraws one. Choices on a
  card are the named team's, made by its bot.
- **Arguments are weighed by the classic matrix rule.** The odds of a
  matrix argument start at even (7+ on two dice) and move one step likelier
  for each reason given and one step less likely for each counter made (the
  odds list runs very likely 4+, likely 6+, even 7+, unlikely 9+, very
  unlikely 11+); under ``matrix`` weighing every reason and counter counts
  as strong; when the teams vote, the facilitator confirms their median. A
  real facilitator weighs how strong each one is; the simulation counts them.
  It never scales a result back.
- **No facilitator powers.** No override, undo, note, inject or early end:
  a simulated game is played by the rules alone, so its numbers show the
  rules and the content, not a facilitator's judgement.
- **No clock.** Phases end as soon as every team has acted; the phase
  timers of a workshop do not apply.

Its chances come from the game's bot generator, so a seed gives the same
rulings on one core or many. The balance tables (``docs/balance.md``) say
the same in their header.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..engine import Action, State
from .arguments import facilitator_odds
from ..lang import Domain

_, ngettext, N_ = Domain("sim").words()

#: the chance that a ruling grants what was put to the facilitator
GRANT_ODDS = 0.5

#: the reason a simulated ruling gives
REASON = "simulated ruling"  # untranslated: recorded in the save as the ruling's reason (data, one language)

#: the assumptions in one paragraph, for the header of the balance tables
ASSUMPTIONS = N_(
    "The simulated facilitator rules on every move put to it (asking for mediation) by a coin toss, "
    "even odds whatever the move; sets the odds of a matrix argument by the classic rule (from even, one "
    "step likelier per reason given, one step less likely per counter made; under a vote, the teams' median); "
    "plays every card as drawn, scheduled ones included, and never skips "
    "or redraws one; uses none of the facilitator's powers (override, undo, inject, early end); and "
    "keeps no clock. The numbers show the rules and the content, not a facilitator's judgement."
)


class Facilitator:
    """The sim's white cell: rules on facilitator moves by coin toss, sets an argument's odds by the
    matrix rule, otherwise takes the one action (given ``state``, as a game passes it)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def choose(self, options: Sequence[Action], state: State | None = None) -> Action:
        if options[0].kind == "odds" and state is not None:
            return facilitator_odds(state, options)
        if options[0].kind == "rule":
            success = self.rng.random() < GRANT_ODDS
            chosen = next(a for a in options if a.success is success)
            return Action("rule", track=chosen.track, success=success, reason=REASON)
        return options[0]
