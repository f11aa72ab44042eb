"""Simulated games written to disk (``tabletop simulate --save-dir``)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..content import Scenario
from ..engine import State
from ..sim.runner import GameResult, play_game
from .savefile import SaveWriter, unique_path


def play_and_save(scenario: Scenario, seed: int, bots: Mapping[str, str] | None, index: int, save_dir: Path) -> GameResult:
    """Play one bot game, saving every event. One fsync per game: these saves are not a live room."""
    path = unique_path(save_dir / f"{scenario.id}-game-{index:05d}-seed-{seed}.jsonl")
    with SaveWriter.create(path, scenario, seed, durable=False, extra={"simulated": True}) as writer:

        def observe(state: State) -> None:
            if state.last is not None:
                writer.append(state)

        return play_game(scenario, seed, bots, index, observe=observe)[1]
