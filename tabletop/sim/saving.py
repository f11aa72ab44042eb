"""Simulated games written to disk (``tabletop simulate --save-dir``): the store's writer, fed by a bot game.

The store knows no bots; a simulation saves its games through it.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path

from ..content import Scenario
from ..engine import State
from ..store.savefile import SaveWriter
from .bots import policies_for_game
from .game import GameResult, play_game


def play_and_save(scenario: Scenario, seed: int, bots: Mapping[str, str] | None, index: int, save_dir: Path) -> GameResult:
    """Play one bot game, saving every event. One fsync per game: these saves are not a live room.

    The game is written out of sight and named only once whole: a full or
    read-only disk raises :class:`~tabletop.store.errors.SaveWriteError` (or the OSError of
    the temp file) and leaves no file behind, and runs writing into one folder
    at once each take a free name (``-2``, ``-3``...) without a race.
    """
    wanted = save_dir / f"{scenario.id}-game-{index:05d}-seed-{seed}.jsonl"
    # the seats as play_game will draw them (the same seeded draw), so the debrief says which bot played whom
    seats = policies_for_game(bots, [a.id for a in scenario.ruleset.actors], random.Random(f"bots/{seed}"))
    with SaveWriter.draft(wanted, scenario, seed, extra={"simulated": True, "seats": seats}) as writer:

        def observe(state: State) -> None:
            if state.last is not None:
                writer.append(state)

        result = play_game(scenario, seed, bots, index, observe=observe)[1]
        writer.publish()
        return result
