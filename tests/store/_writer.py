"""Write a never-ending bot game to a durable save, for the kill -9 tests.

    python _writer.py SAVE SEED

Prints each event's sequence number on its own line, flushed, right after
``SaveWriter.append`` returns (so every printed number is on disk). The game
is a bundled scenario (picked by the seed) with its rounds raised; when few
tracks are left open the facilitator reopens one, and once the game is over
(a linked collapse ends everything at once) the facilitator keeps annotating
it. It runs until it is killed.
"""

from __future__ import annotations

import copy
import random
import sys

from tabletop.content.finding import bundled_rulesets
from tabletop.content.loader import load_scenario, scenario_from_data
from tabletop.engine import Action, apply, legal_actions, new_game
from tabletop.store import SaveWriter


def endless_scenario(seed: int):
    rulesets = bundled_rulesets()
    base = load_scenario(rulesets[seed % len(rulesets)])
    data = copy.deepcopy(base.embedded())
    data["ruleset"]["ruleset"]["turns"] = 100  # the most a ruleset may have
    return scenario_from_data(data)


def facilitator(state, rng: random.Random) -> Action | None:
    """Keep the game going: reopen closed tracks, calm a linked game, note now and then."""
    if state.over:
        return Action("note", about=rng.randrange(state.seq + 1), text=f"debrief note {state.seq + 1} — «ok» ✓")
    closed = [tid for tid, t in state.tracks.items() if not t.is_open]
    if closed and len(closed) >= len(state.tracks) - 2:
        return Action("override", track=rng.choice(closed), status="open", position=0, tension=0,
                      reason="the facilitator reopens the talks")
    breakdown = {t.id: t.breakdown_at for t in state.ruleset.tracks}
    tense = [tid for tid, t in state.tracks.items() if t.is_open and t.tension >= breakdown[tid] - 2]
    if tense and state.independence == "linked":  # one collapse would end a linked game at once
        return Action("override", track=tense[0], tension=0, reason="the facilitator calms the room")
    if rng.random() < 0.03:
        return Action("note", text="the room is quiet")
    return None


def main(path: str, seed: int) -> None:
    scenario = endless_scenario(seed)
    rng = random.Random(f"writer/{seed}")
    state = new_game(scenario, seed)
    writer = SaveWriter.create(path, scenario, seed, durable=True)
    out = sys.stdout
    while True:
        action = facilitator(state, rng) or rng.choice(legal_actions(state))
        state = apply(state, action)
        writer.append(state)
        out.write(f"{state.seq}\n")
        out.flush()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
