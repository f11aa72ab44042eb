"""The hot seat's Last rulings and an undo's words say why a draw set a card aside, as the prompt line, the report
and the replay do (``engine.cards.why_set_aside``), read on the board the draw read, not the board now.

Found from outside (helper-367): the prompt said «Incident on Alpha (its track Alpha is deferred)», the rulings
panel's line for the same draw "(1 set aside, not playable now: Incident on Alpha)", and the undo of that draw
("what was undone") named the card alone too, on the board, in the undo's question and in the report.

The game: the catalogue scenario, alpha deferred in round 1, round 2's draw setting aside the Incident on Alpha (its
track deferred), as ``tests/play/test_set_aside_why.py`` plays it; then the facilitator reopens Alpha, so the board
now would give no reason.
"""

from __future__ import annotations

from tabletop import Action, apply, lang, new_game
from tabletop.engine import State
from tabletop.engine.review import undone_seqs
from tabletop.tui.text import event_line, told
from tests.engine.support import ADVANCE, card, catalogue_scenario, draw, move, opening, pass_, run
from tests.play.test_set_aside_why import HOPEFUL, WHY

REOPEN = Action("override", track="alpha", status="open", reason="talks resume")


def _drawn() -> State:
    state = run(new_game(catalogue_scenario("strict", extra_cards=[HOPEFUL]), seed=1),
                (*opening(), move("a", "defer", "alpha"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE,
                 draw("quiet", ["incident"])))
    assert state.tracks["alpha"].status == "deferred" and state.last is not None
    return state


def drawn_undone_reopened() -> tuple[State, int, State, int, State]:
    """The draw (its board and seq), its undo (the same), and later: the card drawn again and applied, alpha
    reopened, so that the board then would give no reason."""
    state = _drawn()
    undone = apply(state, Action("undo"))
    later = run(undone, (Action("note", text="again"), draw("quiet", ["incident"]), card(), REOPEN))
    return state, state.last.seq, undone, undone.last.seq, later  # type: ignore[union-attr]


def _line(state: State, seq: int) -> str:
    """Event ``seq``'s line in the rulings panel, as :class:`~tabletop.tui.widgets.RulingsPanel` makes it."""
    event = next(e for e in state.log if e.seq == seq)
    return event_line(state, event, set(), undone_seqs(state.log)).plain


def test_the_rulings_line_of_a_draw_says_why_on_the_board_it_read() -> None:
    state = _drawn()
    seq = state.last.seq  # type: ignore[union-attr]
    later = run(state, (card(), REOPEN))  # the card applied, alpha open again: the board now keeps nothing out
    assert later.tracks["alpha"].status == "open"
    for board in (state, later):
        for code in ("en", "ru"):
            with lang.using(code):
                line = _line(board, seq)
            assert WHY[code][0] in line, line


def test_an_undo_of_a_draw_says_why_the_draw_set_a_card_aside() -> None:
    state, drawn, undone, undo, later = drawn_undone_reopened()
    assert later.tracks["alpha"].status == "open"
    for board in (undone, later):
        for code in ("en", "ru"):
            with lang.using(code):
                undo_line, drawn_line = _line(board, undo), _line(board, drawn)
                words = told(board, next(e for e in board.log if e.seq == undo))
            assert WHY[code][0] in undo_line, undo_line  # what was undone
            assert WHY[code][0] in words, words  # the undo's question and the note's heading word it so
            assert WHY[code][0] in drawn_line, drawn_line  # the draw taken back, struck through
