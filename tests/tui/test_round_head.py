"""The hot seat's round review: each track's net change (a big board names those that changed and
counts the rest), ending with the save's chain head, to note in the minutes at each round's end."""

from __future__ import annotations

from tabletop import lang
from tabletop.content import Scenario
from tabletop.content.loader import load_scenario
from tabletop.engine import State, apply, legal_actions, new_game
from tabletop.engine.review import net_changes
from tabletop.tui.review import REVIEW_EVERY_TRACK_UP_TO, review_text

from .test_big_board import grown


def test_the_round_review_shows_the_chain_head_when_given() -> None:
    state = new_game(load_scenario("parallel-tracks"), 3)
    for _ in range(400):
        if state.phase == "review":
            break
        state = apply(state, legal_actions(state)[0])
    assert state.phase == "review"
    chain = "3f2a9c1e" + "0" * 24
    shown = review_text(state, (state.seq, chain)).plain
    assert shown.startswith(f"Review of round {state.round}")
    assert f"Chain head after event {state.seq}: 3f2a9c1e\u2026 \u2014 note it in the minutes" in shown
    assert "Chain head" not in review_text(state).plain


def _at_review(scenario: Scenario, seed: int = 3) -> State:
    state = new_game(scenario, seed)
    while state.phase != "review":
        state = apply(state, legal_actions(state)[0])
    return state


def test_every_track_is_named_in_the_review_of_a_board_of_twelve_or_fewer() -> None:
    state = _at_review(load_scenario("parallel-tracks"))
    lines = [line for line in review_text(state).plain.splitlines()[1:] if not line.startswith("  Meters: ")]
    assert len(lines) == len(state.ruleset.tracks) <= REVIEW_EVERY_TRACK_UP_TO
    assert sum(line.endswith(", no change") for line in lines) >= 1  # the quiet ones too, by name


def test_a_big_boards_review_names_the_tracks_that_changed_and_counts_the_rest() -> None:
    state = _at_review(grown(64))
    net = net_changes(state)
    moved = [track for track, changes in net.items() if changes]
    assert 0 < len(moved) < 64
    lines = [line for line in review_text(state).plain.splitlines()[1:] if not line.startswith("  Meters: ")]
    quiet = 64 - len(moved)
    assert lines[:-1] == [line for line in lines[:-1] if not line.endswith(", no change")]
    assert len(lines[:-1]) == len(moved)
    assert lines[-1] == f"  {quiet} other tracks: no change"
    lang.set_language("ru")
    try:
        said = [line for line in review_text(state).plain.splitlines() if not line.startswith("  Шкалы: ")][-1]
    finally:
        lang.set_language("en")
    assert said == f"  ещё {quiet} " + ("трек" if quiet % 10 == 1 and quiet % 100 != 11 else
                                        "трека" if 2 <= quiet % 10 <= 4 and not 12 <= quiet % 100 <= 14 else
                                        "треков") + ": без изменений"
