"""An undo says why it was made, on every screen, as an override does.

Found from outside (helper-265, a hosted game in Ukrainian): ``u`` with the reason «Помилка ведучого: обстріл ще не
оголошено» showed on every seat and the console only «Скасування: Ведучий виправляє «Ескалація»: Обстріл …» — the
override's reason, never the undo's. The undo's words carry its reason (when one was given), marked with its language
when read in another; an undone sealed move's too (what it was stays sealed); the report says it once.
"""

from __future__ import annotations

import pytest

from tabletop import Action, apply, lang, legal_actions
from tabletop.content.overlays import translated
from tabletop.engine import new_game
from tabletop.engine.telling import tell

from .support import at_the_moves

WHY = "Помилка ведучого: обстріл ще не оголошено"
#: language -> the words of the undo of an override, with the undo's reason (typed in Ukrainian)
SAID = {
    "en": "Undo: Facilitator override of Escalation: Shelling by the facilitator's script \u2014 reason: "
          f"\u00ab{WHY}\u00bb (uk)",
    "uk": "Скасування: Ведучий виправляє «Ескалація»: Shelling by the facilitator's script \u2014 причина: "
          f"{WHY}",
}


@pytest.mark.parametrize("code", ["en", "uk"])
def test_the_undo_of_an_override_says_its_own_reason(code: str) -> None:
    state = at_the_moves()
    state = apply(state, Action("override", meter="escalation", value=6, reason="Shelling by the facilitator's script"))
    state = apply(state, Action("undo", reason=WHY, lang="uk"))
    assert state.last is not None
    with lang.using(code):
        said = tell(state.last, translated(state.scenario, code), state.older(state.last.seq))
    assert said == SAID[code]


def test_an_undo_without_a_reason_reads_as_before() -> None:
    state = at_the_moves()
    actor = state.turn
    state = apply(apply(state, Action("pass", actor=actor)), Action("undo"))
    assert state.last is not None
    with lang.using("en"):
        assert tell(state.last, state.scenario) == "Undo: Russia passes"


def test_the_undo_of_a_sealed_move_says_its_reason_on_every_seat_and_keeps_the_move_sealed() -> None:
    from tabletop.content.loader import load_scenario
    from tabletop.play.session import with_sealed
    from tabletop.seats.views import Seat, TableFacts, seat_view

    state = new_game(with_sealed(load_scenario("parallel-tracks", None), True), 3)
    while not [p for p in state.queue if p.sealed]:
        state = apply(state, legal_actions(state)[0])
    state = apply(state, Action("undo", reason="Russia asked to think again", lang="en"))
    with lang.using("en"):
        for seat in (Seat("projector", "projector"), Seat("team:ua", "team", "ua")):
            lines = [line["text"] for line in seat_view(state, seat, TableFacts())["board"]["log"]]
            assert lines[-1] == ("Undo: Russia: a sealed move taken back (what it was stays sealed) \u2014 reason: "
                                 "Russia asked to think again"), (seat, lines)
