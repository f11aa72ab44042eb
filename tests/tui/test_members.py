"""A track's panel names its members as the room knows them.

Two- or three-letter ids read as codes (RU, UA, US, EU). A longer id is a
file's word, not the room's: the default scenario's ``bridge`` is the
*Mediating states* (third states, not a bridge state the source text
names), so the panel must not shout "BRIDGE" at the room.
"""

from __future__ import annotations

from tabletop import load_scenario, new_game
from tabletop.tui.widgets import member_label, track_text


def test_the_mediating_states_are_named_not_shouted_by_their_id() -> None:
    state = new_game(load_scenario("parallel-tracks"), seed=1)
    members = track_text(state, "track-two").plain.splitlines()[-1]
    assert "BRIDGE" not in members and "bridge" not in members
    assert members.split(" \u00b7 ")[:4] == ["RU", "US", "EU", "Mediating states"]
    assert "Mediating states" in track_text(state, "humanitarian").plain


def test_a_long_id_gives_the_actors_name_without_its_gloss() -> None:
    state = new_game(load_scenario("river-basin"), seed=1)
    assert member_label(state, "kessaria") == "Kessaria"  # named "Kessaria (upstream)"
    assert member_label(state, "commission") == "Basin commission and donors"
    veto = track_text(state, "dam-filling").plain.splitlines()[-1]
    assert "veto Kessaria" in veto and "KESSARIA" not in veto
