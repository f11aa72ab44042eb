"""Objectives are judged by one rule everywhere: the report, the end screen, the facilitator's panel and
``tabletop simulate`` agree with the engine's ``objectives_met``, and a collapsed track meets no
position objective (issue 15: 58 % of the EU's "norm reaffirmed" successes were on collapsed borders).
"""

from __future__ import annotations

import copy
from pathlib import Path

from tabletop.content import Scenario, scenario_from_data
from tabletop.engine import objectives_met
from tabletop.report import build_report
from tabletop.sim.game import play_game
from tabletop.tui.facilitator import facilitator_text
from tabletop.tui.text import outcome_text

from .kit import bot_save, scenario


def _every_track_at_zero() -> Scenario:
    """The default scenario where each actor wants every track at position 0 or higher: met unless it collapsed."""
    base = scenario("parallel-tracks")
    data = copy.deepcopy(base.embedded())
    tracks = [t["id"] for t in data["ruleset"]["tracks"]]
    for actor in data["ruleset"]["actors"]:
        actor["objectives"] = [{"track": t, "at_least": 0, "text": f"{t} reached"} for t in tracks]
    return scenario_from_data(data, "every-track")


def _seed_with_a_collapse(sc: Scenario) -> int:
    for seed in range(1, 40):
        final, _ = play_game(sc, seed)
        if any(t.status == "collapsed" for t in final.tracks.values()):
            return seed
    raise AssertionError("no bot game in 40 seeds ends with a collapsed track")


def test_every_reader_judges_objectives_as_the_engine_does(tmp_path: Path) -> None:
    sc = _every_track_at_zero()
    seed = _seed_with_a_collapse(sc)
    played = bot_save(tmp_path / "game.jsonl", sc, seed)
    final = played.final
    collapsed = {tid for tid, t in final.tracks.items() if t.status == "collapsed"}
    assert collapsed and len(collapsed) < len(final.tracks)

    met = objectives_met(final)
    for actor, rows in met.items():
        # the rule: position 0 is reached on every track, so only the collapsed ones fail
        assert [ok for _, ok in rows] == [obj.track not in collapsed for obj, _ in rows], actor

    report = build_report(played.path)
    for actor in report["objectives"]:
        assert [o["met"] for o in actor["objectives"]] == [ok for _, ok in met[actor["actor"]]]
        assert all(o["wants"].startswith("position \u2265 0 (") and o["wants"].endswith(") and not collapsed")
                   for o in actor["objectives"])

    _, result = play_game(sc, seed)
    assert result.objectives == {a: [ok for _, ok in rows] for a, rows in met.items()}

    per_actor = len(final.tracks) - len(collapsed)
    end = outcome_text(final, show_secret=True).plain
    assert end.count(f": {per_actor} of {len(final.tracks)} met") == len(final.ruleset.actors)
    panel = facilitator_text(final, private=True).plain
    assert panel.count("met now") == per_actor * len(final.ruleset.actors)
