"""An argument's headline in ru/uk puts a plural verb after a plural actor's name
(issue 19: «Раунд 1: Соединённые Штаты выступает за …»); Russia keeps the singular."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tabletop import lang
from tabletop.content import load_scenario
from tabletop.content.finding import bundled_rulesets
from tabletop.content.overlays import translated
from tabletop.report.arguments import _headline

VERBS = {"ru": ("добиваются", "добивается"), "uk": ("домагаються", "домагається"), "en": ("argues", "argues")}


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
def test_the_headline_agrees_with_the_actor(code: str) -> None:
    base = load_scenario(next(p for p in bundled_rulesets() if p.stem == "parallel-tracks"))
    game = SimpleNamespace(scenario=translated(base, code))
    plural, singular = VERBS[code]
    said = {}
    for actor in ("us", "ru"):
        entry = {"round": 1, "actor": actor, "actor_name": game.scenario.index.actors[actor].name,
                 "wanted_text": "+1", "outcome": "succeeded", "undone": False}
        with lang.using(code):
            said[actor] = _headline(game, entry)  # type: ignore[arg-type]
    assert f" {plural} " in said["us"] and f" {singular} " in said["ru"]
    if code == "en":
        assert said["us"].startswith("Round 1: United States argues for +1 \u2014 ")
