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


def _collapsed_and_put_back():  # noqa: ANN202 - a State
    """The shape of a Ukrainian facilitator's round 4 (helper-242), on the bundled package deal: Humanitarian agreed
    provisionally; Borders pushed to breakdown (it reopens Humanitarian), undone, and pushed again; Ukraine and the EU
    collapses, and the facilitator's override puts it back on the table, at the tension it began the round with."""
    sc = load_scenario("parallel-tracks-linked")
    state = new_game(sc, 1)
    t = sc.index.tracks
    state = apply(state, Action("override", track="humanitarian", position=t["humanitarian"].agreement_at,
                                reason="a deal"))
    walkout = Action("override", track="borders", tension=t["borders"].breakdown_at, reason="a walk-out")
    state = apply(state, walkout)
    state = apply(state, Action("undo", reason="wrong moment"))
    state = apply(state, walkout)
    start = state.tracks["ukraine-eu"].tension
    state = apply(state, Action("override", track="ukraine-eu", tension=t["ukraine-eu"].breakdown_at,
                                reason="talks broken off"))
    state = apply(state, Action("override", track="ukraine-eu", status="open", tension=start,
                                reason="the donors stay at the table"))
    return state


def test_the_review_tells_a_collapse_and_an_override_that_cancel_out() -> None:
    """Found from outside (helper-242): round 4's review said «Інвестиційний фонд басейну: відкрито, без змін» of a
    track agreed, reopened, collapsed and put back on the table by the facilitator's override in that round."""
    state = _collapsed_and_put_back()
    with lang.using("en"):
        said = review_text(state).plain
    line = next(line for line in said.splitlines() if line.startswith("  Ukraine and the EU:"))
    seqs = [e.seq for e in state.log if e.action.kind == "override" and e.action.track == "ukraine-eu"]
    assert "no change" not in line, line
    assert (f"during the round: collapsed by the facilitator's override (#{seqs[0]}), open by the facilitator's "
            f"override (#{seqs[1]})") in line, line
    # a status the rules changed after an override of another track is not said to be the override's
    walkout = [e.seq for e in state.log if e.action.kind == "override" and e.action.track == "borders"][-1]
    line = next(line for line in said.splitlines() if line.startswith("  Humanitarian:"))
    assert f", open (#{walkout})" in line, line
    with lang.using("uk"):
        said = review_text(state).plain
    line = next(line for line in said.splitlines() if line.startswith("  Україна і ЄС:"))
    assert f"зірвано виправленням ведучого (#{seqs[0]})" in line and "без змін" not in line, line


def test_an_undone_action_made_again_is_not_said_to_be_left_out() -> None:
    """Found from outside (helper-242): «Скасовано в цьому раунді (вище не враховано): Дорванія …: Призупинити
    переговори» of a move made again (#68) and counted above."""
    state = _collapsed_and_put_back()
    undone, again = [e.seq for e in state.log if e.action.kind == "override" and e.action.track == "borders"]
    with lang.using("en"):
        said = review_text(state).plain
    assert "Undone this round (not counted above)" not in said, said
    assert f"made again: #{again}" in said, said


@pytest.mark.parametrize(("code", "said"), [
    ("en", "made again at other odds: #{seq}, {total} vs 6 (likely)"),
    ("ru", "сделано снова при других шансах: #{seq}, {total}, цель 6 (шансы вероятные)"),
    ("uk", "зроблено знову за інших шансів: #{seq}, {total}, мета 6 (шанси імовірні)")])
def test_a_roll_made_again_at_other_odds_says_what_changed(code: str, said: str) -> None:
    """Found from outside: "Russia: Make an argument on Status of Ukraine succeeds — rolled 2+6 = 8 vs 7 (even) —
    made again: #49", where #49 was rolled vs 6 (likely): the facilitator had undone the roll and the odds, seen the
    dice, and set other odds. The same roll at the same odds is still just "made again"."""
    from tests.engine.argue_kit import argue_scenario, counter, odds, to_counters
    from tests.engine.support import run

    undo = Action("undo", reason="wrong odds")
    state = run(new_game(argue_scenario(counters="all"), 2), [
        *to_counters(), counter("b"), counter("c"), odds("even"), Action("roll", track="alpha"), undo, undo,
        odds("likely"), Action("roll", track="alpha")])
    rolled = state.log[-1]
    assert rolled.action.kind == "roll" and rolled.result["ruling"]["odds"] == "likely"
    with lang.using(code):
        text = review_text(state).plain
    assert said.format(seq=rolled.seq, total=rolled.result["ruling"]["total"]) in text, text
