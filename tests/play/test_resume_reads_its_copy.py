"""A resumed game reads the scenario its save holds, not the files it was started from (README, "Every action is
written and fsynced"). Found from outside (an archivist, stop 63): a facilitator edited the deck between two days of
a workshop and could not tell why the resumed game still had the old card; the README now says so, and this holds it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tabletop import Action
from tabletop.content.finding import BUNDLED
from tabletop.content.loader import load_scenario
from tabletop.play.session import Session


def test_a_resumed_game_keeps_the_scenario_it_began_with_whatever_its_files_became(tmp_path: Path) -> None:
    ruleset = tmp_path / "workshop.toml"
    deck = tmp_path / "workshop-events.toml"
    shutil.copy(BUNDLED / "rulesets" / "parallel-tracks.toml", ruleset)
    shutil.copy(BUNDLED / "decks" / "parallel-tracks-events.toml", deck)
    scenario = load_scenario(ruleset, deck)
    first = scenario.ruleset.tracks[0]
    card = scenario.deck.cards[0]
    session = Session.start(scenario, 3, tmp_path / "game.jsonl")
    session.apply(Action("draw"))
    session.close()

    ruleset.write_text(ruleset.read_text(encoding="utf-8").replace(f'name = "{first.name}"', 'name = "Renamed"'),
                       encoding="utf-8")
    deck.unlink()
    assert load_scenario(ruleset, BUNDLED / "decks" / "parallel-tracks-events.toml").ruleset.tracks[0].name == "Renamed"

    again = Session.resume(tmp_path / "game.jsonl")
    assert again.scenario.ruleset.tracks[0].name == first.name
    assert card.id in [c.id for c in again.scenario.deck.cards]
    assert len(again.writer.path.read_text(encoding="utf-8").splitlines()) == 2  # the header and the draw
    again.close()
