"""Bot games play exactly as before the facilitator's ``lapse``: it is never listed by ``legal_actions``, so a move
whose track has closed still lapses through its vote, roll or ruling in a simulation, and every event is the same.

The digests were taken on the code before ``lapse`` existed (commit 589bbe4): each is the first 16 hex digits of the
SHA-256 of every event's action and result, as JSON with sorted keys. Taken again when the default deck's one-sided
closings went (stop 60: the card choices that parked borders or agreed Ukraine's status by one side's answer): on the
code of 589bbe4 with the new deck unpacked beside it, the same digests as this code's.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from tabletop.content import load_scenario
from tabletop.sim.game import play_game

BEFORE = {
    "parallel-tracks": ["6ad54c39d0a2953b", "0eccc93c02bfc1ce", "b2eef5c81f5fb883", "848c0e113d2aa978",
                        "300b9c9b7df739d9", "fa5fa6fbb2710f32"],
    "parallel-tracks-linked": ["b3d443ae45f6d611", "dec6c22bfc361f88", "af704343b6eab418", "d4e01cb64dd178eb",
                               "2a6b8e8e6e31b927", "e5543e588c2157ce"],
}


@pytest.mark.parametrize("ruleset", sorted(BEFORE))
def test_bot_games_are_event_for_event_as_before(ruleset: str) -> None:
    scenario = load_scenario(ruleset)
    digests, lapsed = [], 0
    for seed in range(1, 7):
        events = []
        play_game(scenario, seed, observe=lambda s: events.append(s.last) if s.last is not None else None)
        assert not any(e.action.kind == "lapse" for e in events)
        lapsed += sum(1 for e in events if (e.result.get("ruling") or {}).get("lapsed"))
        text = json.dumps([[e.action.to_dict(), e.result] for e in events], sort_keys=True, default=list)
        digests.append(hashlib.sha256(text.encode()).hexdigest()[:16])
    assert digests == BEFORE[ruleset]
    assert lapsed  # the games do reach moves whose track closed first: the case is in them
