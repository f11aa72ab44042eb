"""Seed 11 of the bundled scenario, to a lapse: the actions, for the engine, play, report and store tests (a state
applies them one by one, a session the same).

- :func:`collapse_actions`: the EU's press on Borders fails and collapses it, Russia's ``mediate`` (or another move on
  Borders) still tabled behind it;
- :func:`argument_actions`: Ukraine argues on Humanitarian, and the game waits on the first counter.
"""

from __future__ import annotations

from tabletop.content import load_scenario
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.engine.arguments import argue_actions

SEED = 11


def start() -> State:
    return new_game(load_scenario("parallel-tracks"), SEED)


def _mv(actor: str, move: str) -> Action:
    return Action("move", actor=actor, move=move, track="borders")


def collapse_actions(mediate: str = "mediate") -> list[Action]:
    """From the start: the draw and the card's answer, the moves that table the EU's press and Russia's ``mediate``
    on Borders, the step to adjudication, and the EU's roll, which fails and collapses Borders."""
    state = apply(start(), Action("draw"))
    return [Action("draw"), legal_actions(state)[0], Action("advance"), _mv("ru", "walk_out"), _mv("ua", "walk_out"),
            Action("pass", actor="us"), _mv("eu", "press"), Action("pass", actor="bridge"), _mv("ru", mediate),
            Action("pass", actor="ua"), Action("pass", actor="eu"), Action("advance"), Action("roll", track="borders")]


def argument_actions() -> tuple[list[Action], Action]:
    """From the start to Ukraine's argument on Humanitarian waiting for its counters; and the argument."""
    done: list[Action] = []
    state = start()

    def take(action: Action) -> None:
        nonlocal state
        state = apply(state, action)
        done.append(action)

    take(Action("draw"))
    take(legal_actions(state)[0])
    take(Action("advance"))
    take(Action("pass", actor="ru"))
    move = next(m for m in state.ruleset.moves if m.id == "argue")
    argued = argue_actions(state.scenario, "ua", move, "humanitarian")[0]
    take(argued)
    while state.turn is not None:
        take(Action("pass", actor=state.turn))
    take(Action("advance"))
    return done, argued
