"""A team's and the projector's log say why a draw set a card aside, as the hot seat's log does
(``engine.cards.why_set_aside``, read on the board the draw read), in the seat's language.

Found from outside (helper-373): the hot seat's log said «Incident on Alpha (its track Alpha is deferred)», while every
hosted seat's log (worded on the host, ``seats.views``) named the card alone, and so did the undo of that draw.
The game is ``tests/tui/test_set_aside_log.py``'s: alpha deferred, round 2's draw setting the Incident on Alpha aside.
"""

from __future__ import annotations

from tabletop import Action, apply, lang
from tabletop.seats import views
from tabletop.seats.views import Seat, TableFacts, seat_view
from tests.play.test_set_aside_why import WHY
from tests.tui.test_set_aside_log import _drawn, drawn_undone_reopened

SEATS = (Seat("projector", "projector"), Seat("team:a", "team", "a"), Seat("facilitator", "facilitator"))


def _log(state, seat: Seat, seq: int) -> str:  # noqa: ANN001
    return next(line["text"] for line in seat_view(state, seat, TableFacts())["board"]["log"] if line["seq"] == seq)


def test_every_seat_s_log_says_why_a_draw_and_its_undo_set_a_card_aside() -> None:
    state, drawn, undone, undo, later = drawn_undone_reopened()
    assert later.tracks["alpha"].status == "open"  # the board now keeps nothing out: the reason is the draw's board's
    for board, seq in ((state, drawn), (undone, undo), (later, undo), (later, drawn)):
        views._LINES.clear()  # worded afresh on that board, as after the host's restart or a seat's F4
        for code in ("en", "ru", "uk"):
            with lang.using(code):
                for seat in SEATS:
                    line = _log(board, seat, seq)
                    assert WHY[code][0] in line, (code, seat.id, seq, line)


def test_the_reason_is_worked_out_once_per_draw_and_language_for_every_seat(monkeypatch) -> None:  # noqa: ANN001
    """The host words every seat's view on every change: the board the draw read is found once per event and
    language (the line cache), not once per seat, nor again on the next change."""
    state = _drawn()
    found: list[int] = []
    real = views.aside_words

    def counting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        said = real(*args, **kwargs)
        if said is not None:
            found.append(args[1].seq)
        return said

    monkeypatch.setattr(views, "aside_words", counting)
    views._LINES.clear()
    noted = apply(state, Action("note", text="one more"))
    for board in (state, noted):
        for code in ("en", "ru"):
            with lang.using(code):
                for seat in SEATS:
                    seat_view(board, seat, TableFacts())
    assert found == [state.last.seq] * 2, found  # type: ignore[union-attr]
