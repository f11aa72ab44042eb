"""A track's panel names its members as the room knows them.

By the actor's ``short`` where the scenario gives one (the default scenario's
RU, UA, US, EU), else by its name. An id is a file's word, not the room's: the
default scenario's ``bridge`` is the *Mediating states* (third states, not a
bridge state the source text names), so the panel must not shout "BRIDGE" at
the room, nor a designer's ``sud`` "SUD".
"""

from __future__ import annotations

import pytest

from tabletop import load_scenario, new_game
from tabletop.lang import using
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


def test_a_short_id_is_not_a_label_the_short_is(tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    """Found from outside: a designer's actors ``sud`` (Sudmark) and ``med`` (Mediator) read "SUD" and "MED" on every
    track panel, in every language, beside the other actors' names: a code only for ids of three letters or fewer.
    Now an id is never shown; ``short`` gives a code where the scenario wants one."""
    import shutil

    from tabletop.content.finding import BUNDLED

    base = (BUNDLED / "rulesets" / "parallel-tracks.toml").read_text(encoding="utf-8")
    rulesets, decks = tmp_path / "rulesets", tmp_path / "decks"
    rulesets.mkdir()
    shutil.copytree(BUNDLED / "decks", decks, ignore=shutil.ignore_patterns("*.ru.toml", "*.uk.toml"))
    (rulesets / "mine.toml").write_text(base.replace('short = "UA"\n', "").replace('short = "EU"\n', 'short = "Europe"\n'),
                                        encoding="utf-8")
    state = new_game(load_scenario(rulesets / "mine.toml"), seed=1)
    assert member_label(state, "ua") == "Ukraine"  # no short: the name, never "UA" from the id
    assert member_label(state, "eu") == "Europe"
    assert member_label(state, "ru") == "RU"


@pytest.mark.parametrize(("lang", "shorts"), [("uk", ["РФ", "УКР", "США", "ЄС"]), ("ru", ["РФ", "УКР", "США", "ЕС"])])
def test_the_shorts_are_in_the_boards_language(lang: str, shorts: list[str]) -> None:
    """Found from outside: on the Ukrainian board the track panels read "US · RU", "RU · UA · US · EU" and "вето UA RU"
    while the mediators showed in Cyrillic: the overlays could not translate an actor's ``short``."""
    for ruleset in ("parallel-tracks", "parallel-tracks-linked"):
        state = new_game(load_scenario(ruleset), seed=1)
        with using(lang):
            assert [member_label(state, a) for a in ("ru", "ua", "us", "eu")] == shorts
            status = track_text(state, "ukraine-status", width=120).plain.splitlines()[-1]
        assert status.startswith(" \u00b7 ".join(shorts))
        assert f" {shorts[1]} {shorts[0]}" in status  # the veto
        assert not any(code in status.split() for code in ("RU", "UA", "US", "EU"))
    with using("en"):
        assert [member_label(state, a) for a in ("ru", "ua", "us", "eu")] == ["RU", "UA", "US", "EU"]
