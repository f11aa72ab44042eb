"""The board's ruling and the ``l`` view say what each of a roll's modifiers read when the dice were thrown, as the
report and the replay do (found from outside, helper-319 F11: "−1 for tension ≥ 2 (not met at the roll)" beside a
track that the failed roll had just raised to 2)."""

from __future__ import annotations

from tabletop import Action, apply, legal_actions, new_game
from tabletop.engine import State
from tabletop.seats.views import _ruling_part
from tabletop.tui.rulingview import ruling_text
from tabletop.tui.text import ruling_lines
from tests.engine.support import catalogue_scenario, move, opening, roll, run

#: what the failed roll on Alpha read: trust 4 (it needs 5), Alpha's tension 1 (it needs 2); the roll raised it to 2
READ = ("+1 for Trust \u2265 5 (4 at the roll: not met)", "\u22121 for tension \u2265 2 (1 at the roll: not met)")


def _rolled() -> State:
    """Arden pressed on Alpha and failed: 1 + 1."""
    state = run(new_game(catalogue_scenario("strict"), seed=1), (*opening(), move("a", "press", "alpha")))
    while not any(a.kind == "roll" for a in legal_actions(state)):
        state = apply(state, next(a for a in legal_actions(state) if a.kind in ("pass", "advance")))
    state = apply(state, roll("alpha", 1, 1))
    assert state.tracks["alpha"].tension == 2
    return state


def _said(state: State, seq: int) -> list[str]:
    event = next(e for e in state.log if e.seq == seq)
    part = _ruling_part(state, event, "")
    assert part is not None
    return [ruling_text(state, event).plain, "\n".join(t.plain for t in ruling_lines(state, event)),
            "\n".join(part["working"])]


def test_the_board_says_what_a_roll_s_modifiers_read_at_the_roll() -> None:
    state = _rolled()
    assert state.last is not None
    seq = state.last.seq
    later = apply(state, Action("note", text="The room asks why"))  # a note, then more of the game
    later = apply(later, next(a for a in legal_actions(later) if a.kind in ("advance", "draw")))
    for board in (state, later):  # the roll the newest event, and once the game has gone on
        for said in _said(board, seq):  # the l view, the rulings panel, a seat's ruling view
            for words in READ:
                assert words in said, said
            assert "(not met at the roll)" not in said, said


def test_an_undone_roll_s_working_is_still_said() -> None:
    """An undo takes the roll off the undo stack: its board is not there to read, and the working says what it can."""
    from tabletop.engine.review import before_event

    state = _rolled()
    assert state.last is not None
    seq = state.last.seq
    undone = apply(state, Action("undo"))
    assert before_event(undone, seq) is None
    for said in _said(undone, seq):
        assert "+1 for Trust \u2265 5 (not met at the roll)" in said, said
