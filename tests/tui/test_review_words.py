"""The round review's status changes in the room's words.

Found from outside (helper-103): a Ukrainian review read "Кордони: відкладено, статус open→deferred" and
"статус open→agreed (provisional)": the statuses as the net changes key them, not as the room reads them.
"""

from __future__ import annotations

import pytest

from tabletop import Action, apply, lang, load_scenario, new_game
from tabletop.tui.review import review_text


@pytest.mark.parametrize(("code", "deferred", "provisional"), [
    ("en", "status open\u2192deferred", "status open\u2192agreed (provisional)"),
    ("uk", "\u2192\u0432\u0456\u0434\u043a\u043b\u0430\u0434\u0435\u043d\u043e", "(\u043f\u043e\u043f\u0435\u0440\u0435\u0434\u043d\u044c\u043e)"),
])
def test_a_status_change_in_the_review_is_worded(code: str, deferred: str, provisional: str) -> None:
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    spec = sc.index.tracks["humanitarian"]
    state = apply(state, Action("override", track="borders", status="deferred", reason="parked"))
    state = apply(state, Action("override", track="humanitarian", position=spec.agreement_at, reason="a deal"))
    assert state.tracks["humanitarian"].provisional
    with lang.using(code):
        said = review_text(state).plain
    assert deferred in said and provisional in said, said
    if code != "en":
        assert "open" not in said and "deferred" not in said and "provisional" not in said, said


@pytest.mark.parametrize(("code", "escalation", "trust"), [("en", "Escalation", "Mutual trust"),
                                                          ("ru", "Эскалация", "Взаимное доверие")])
def test_a_meter_changed_over_the_round_is_in_its_review(code: str, escalation: str, trust: str) -> None:
    """Found from outside (helper-196): the facilitator's override of Escalation 5→6 was in no round's review on the
    board (each track's change was), only later in the debrief's meter table. A meter that ends the round where it
    began is not named."""
    sc = load_scenario("parallel-tracks")
    state = new_game(sc, 1)
    start = state.meters["escalation"]
    state = apply(state, Action("override", meter="escalation", value=start + 1, reason="an incident"))
    state = apply(state, Action("override", meter="trust", value=state.meters["trust"] + 1, reason="a gesture"))
    state = apply(state, Action("override", meter="trust", value=state.meters["trust"] - 1, reason="taken back"))
    with lang.using(code):
        text = review_text(state).plain
    meters = "Meters" if code == "en" else "Шкалы"
    assert f"  {meters}: {escalation} {start}\u2192{start + 1}\n" in text, text
    assert trust not in text, text
