"""The facilitator's inject list marks what an inject would meet: a card whose condition does not hold now (played
all the same, knowingly), and a card on a deferred track, which the live session refuses (``refuse_new``) until the
track is reopened. Found from outside: the list said nothing of the deferred track, and the facilitator learnt it
only from the refusal after picking. One label builder serves the hot seat's list and a seat's console
(tests/seats/test_console_inject.py shows the console's)."""

from __future__ import annotations

import pytest

from tabletop import Action, RuleViolation, apply, lang, load_scenario, new_game
from tabletop.engine import State
from tabletop.engine.lookups import shown
from tabletop.engine.powers import refuse_new
from tabletop.tui.text import inject_labels
from tests.engine.support import catalogue_scenario, move, opening, run
from tests.engine.test_facilitator import THAW_ON_PARKED_ALPHA


def _refused(state: State, card: str) -> bool:
    try:
        refuse_new(state, Action("inject", card=card))
    except RuleViolation as refusal:
        assert refusal.code == "TRACK_CLOSED"
        return True
    return False


def test_a_card_the_session_would_refuse_is_marked_deferred_and_no_other() -> None:
    scenario = catalogue_scenario("strict", extra_cards=[THAW_ON_PARKED_ALPHA])
    parked = run(new_game(scenario, seed=1), (*opening(), move("a", "defer", "alpha")))
    assert parked.tracks["alpha"].status == "deferred"
    labels = {card: label.plain for card, label in inject_labels(parked)}
    marked = {card for card, label in labels.items() if label.endswith("[Alpha]  \u2014 track deferred: reopen it first")}
    assert marked == {card for card in labels if _refused(parked, card)}, labels
    assert {"incident", "late"} <= marked and "quiet-contacts" not in marked  # written for a parked track: playable
    # reopened, the same cards carry no such mark
    reopened = apply(parked, Action("override", track="alpha", status="open", reason="talks resume"))
    assert not any("deferred" in label.plain for _card, label in inject_labels(reopened))


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_the_deferred_mark_reads_in_the_room_s_language(code: str) -> None:
    scenario = load_scenario("parallel-tracks")
    track = scenario.ruleset.tracks[0].id
    state = apply(new_game(scenario, seed=1), Action("override", track=track, status="deferred", reason="parked"))
    refused = [card.id for card in scenario.deck.cards if _refused(state, card.id)]
    assert refused
    with lang.using(code):
        name = next(t.name for t in shown(state).ruleset.tracks if t.id == track)
        labels = dict(inject_labels(state))
    for card in refused:
        said = labels[card].plain
        track_said, mark = said.rsplit("\u2014", 1)
        assert f"[{name}]" in track_said and mark.strip() and "deferred" not in mark and "reopen" not in mark, said
