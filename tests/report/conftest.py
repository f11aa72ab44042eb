"""Saves played once per test session, and their reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine import Action, State
from tabletop.report import build_report

from .kit import HOSTILE, Played, Workshop, bot_save, facilitated_save, hostile_scenario, scenario

#: one game seed, played under strict and under linked
PAIR_SEED = 2
#: a seed under which every power of the Workshop facilitator gets used
WORKSHOP_SEED = 4
#: a linked game in which a track is agreed provisionally before the facilitator ends it
LAPSE_SEED = 3


@pytest.fixture(scope="session")
def saves(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("saves")


@pytest.fixture(scope="session")
def strict_game(saves: Path) -> Played:
    return bot_save(saves / "pair" / "strict.jsonl", scenario("parallel-tracks"), PAIR_SEED)


@pytest.fixture(scope="session")
def linked_game(saves: Path) -> Played:
    # the classic package deal (one collapse brings every track down): the pair shows a provisional
    # agreement lost; the bundled ruleset reopens provisional deals instead (linked_collapse = "reopen")
    linked = scenario("parallel-tracks-linked", linked_collapse="all")
    return bot_save(saves / "pair" / "linked.jsonl", linked, PAIR_SEED)


@pytest.fixture(scope="session")
def workshop(saves: Path) -> tuple[Played, Workshop]:
    w = Workshop()
    played = facilitated_save(saves / "workshop.jsonl", scenario(), WORKSHOP_SEED, w)
    return played, w


@pytest.fixture(scope="session")
def workshop_report(workshop: tuple[Played, Workshop]) -> dict:
    return build_report(workshop[0].path)


@pytest.fixture(scope="session")
def hostile(saves: Path) -> Played:
    """Hostile text in the deck, the names, an objective, every note and reason, and the facilitator's rulings."""
    return facilitated_save(
        saves / "hostile.jsonl", hostile_scenario(), WORKSHOP_SEED, Workshop(HOSTILE), reason=HOSTILE
    )


@pytest.fixture(scope="session")
def sealed_game(saves: Path) -> Played:
    return bot_save(saves / "sealed.jsonl", scenario(sealed_moves=True), 5)


@pytest.fixture(scope="session")
def lapsed_game(saves: Path) -> Played:
    def end_at_first_provisional(state: State) -> list[Action]:
        if not state.over and any(t.status == "agreed" and t.provisional for t in state.tracks.values()):
            return [Action("end", reason="Out of time")]
        return []

    return facilitated_save(
        saves / "lapsed.jsonl", scenario("parallel-tracks-linked"), LAPSE_SEED, end_at_first_provisional
    )
