"""Which moves are an actor's own: the ones it can ever pay for.

A ruleset may give each side moves paid in a resource only that side holds
(``mandate-moscow`` for Russia's delegation). Such a move is never another
side's to make, not even a refused one: screens leave it out of that side's
list instead of greying it.
"""

from __future__ import annotations

from .state import State


def is_own_move(state: State, actor: str, move: str) -> bool:
    """Whether every resource ``move`` is paid in is one of ``actor``'s.

    An actor's resources are the ones the ruleset gives it (refilled each
    round); a move paid in any other is another side's move.
    """
    held = state.scenario.index.actors[actor].resources
    return set(state.scenario.index.moves[move].cost) <= set(held)


__all__ = ["is_own_move"]
