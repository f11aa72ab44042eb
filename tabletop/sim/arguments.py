"""How bots argue, counter and vote on odds, and how the simulated facilitator sets them (issue 17).

A bot argues with the deck's stock texts (``[[arguments]]`` per track): it
picks the result as it picks any move (:meth:`~.judging.Judge.argument_worth`),
then an action text and as many stock reasons as the move allows, at random.
It counters an argument whose result would cost its team, with a stock
counter, and passes on one that helps it (a ``random`` bot counters or passes
at even odds). Voting on the odds, it starts from the facilitator's rule and
moves one step toward what it wants.

The simulated facilitator sets the odds by the rule of classic matrix games:
from even, one step likelier per reason, one step less likely per counter
(``matrix``: every reason and counter counted strong; ``vote``: the teams'
median, confirmed). ``docs/balance.md`` states this among its assumptions.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from ..engine import Action, State
from ..engine.arguing import effect_of
from ..engine.arguments import ODDS_LABELS, countered, matrix_odds, stock_for
from .judging import Judge, Sums

#: the chance a team counters an argument, by policy: (it would cost the team, it would not)
COUNTER_ODDS = {"random": (0.5, 0.5), "cooperative": (0.8, 0.15), "hardliner": (0.95, 0.4)}


def fill_argument(state: State, action: Action, rng: random.Random) -> Action:
    """A listed argument with its texts drawn from the deck's stock for its track (unchanged without stock)."""
    stock = stock_for(state.scenario, action.track)
    move = state.scenario.index.moves.get(action.move or "")
    if stock is None or move is None or move.argue is None:
        return action
    text = stock.actions[rng.randrange(len(stock.actions))]
    count = min(move.argue.reasons, len(stock.reasons))
    reasons = tuple(rng.sample(stock.reasons, count)) if count else ()
    return Action("move", actor=action.actor, move=action.move, track=action.track, text=text,
                  wanted=action.wanted, reasons=reasons)


def result_worth(judge: Judge, state: State) -> float:
    """What the argument at the head of the queue would bring the judging team if it succeeded."""
    head = state.queue[0]
    assert head.argument is not None
    return judge.effects_worth(Sums([effect_of(head.argument.wanted_table)]), head.track)


def choose_counter(judge: Judge, state: State, options: Sequence[Action], policy: str, rng: random.Random) -> Action:
    """Counter (with a stock counter) or pass, by what the argued result is worth to the team."""
    made = [a for a in options if a.text is not None]
    passing = next(a for a in options if a.text is None)
    if not made:
        return passing
    costs = policy == "random" or result_worth(judge, state) < 0
    if rng.random() >= COUNTER_ODDS[policy][0 if costs else 1]:
        return passing
    stock = stock_for(state.scenario, made[0].track)
    text = stock.counters[rng.randrange(len(stock.counters))] if stock and stock.counters else made[0].text
    return Action("counter", actor=made[0].actor, track=made[0].track, text=text)


def rule_odds(state: State) -> str:
    """The simulated facilitator's odds for the argument at the head of the queue: from even, one step
    likelier per reason, one step less likely per counter made."""
    argument = state.queue[0].argument
    assert argument is not None
    return matrix_odds(len(argument.reasons), len(countered(argument)))


def vote_odds(judge: Judge, state: State, options: Sequence[Action], policy: str, rng: random.Random) -> Action:
    """A team's vote: the facilitator's rule, one step toward what the team wants (any odds, for ``random``)."""
    if policy == "random":
        return options[rng.randrange(len(options))]
    worth = result_worth(judge, state)
    index = ODDS_LABELS.index(rule_odds(state)) + (-1 if worth > 0 else (1 if worth < 0 else 0))
    label = ODDS_LABELS[max(0, min(len(ODDS_LABELS) - 1, index))]
    return next(a for a in options if a.odds == label)


def facilitator_odds(state: State, options: Sequence[Action]) -> Action:
    """The simulated facilitator's odds: its rule (facilitator method), every item strong (matrix: the
    first option listed), or the teams' median (vote: listed first)."""
    argument = state.queue[0].argument
    assert argument is not None
    if argument.method == "facilitator":
        label = rule_odds(state)
        return next(a for a in options if a.odds == label)
    return options[0]
