"""The facilitator weighs an argument at 80x24 and 80x23 (the board's least): every objection can be read before the odds are set.

Found from outside (a workshop in Russian, 80x24): Ukraine argued on «Гуманитарные вопросы», Russia, the EU and the
mediating states objected, and at «Ведущий: задать шансы» the prompt ended at the second reason, the odds list right
under it, with no sign the four objections were below; the card's box, one row high, was its top border alone, and
the prompt read as written over its body.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tabletop.engine import Action, legal_actions
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp

from .support import SMALL, board, press, start

COUNTERS = {"ru": "Lists unchecked, the swap fails", "eu": "No ICRC guarantee, no deal",
            "bridge": "A venue and a schedule come first"}


def weighed(tmp_path: Path) -> Session:
    """Ukraine argues on the humanitarian track; Russia, the EU and the mediators object, the US passes."""
    session = start(tmp_path)
    while not (session.state.phase == "moves" and session.state.turn == "ua"):
        state = session.state
        session.apply(Action("pass", actor=state.turn) if state.turn and state.phase == "moves"
                      else legal_actions(state)[0])
    session.apply(Action("move", actor="ua", move="argue", track="humanitarian", text="Swap all prisoners by Easter",
                         wanted={"tension": -1}, reasons=("Both sides want it", "Mediators already talk to both")))
    while not any(o.kind == "odds" for o in legal_actions(session.state)):
        options = legal_actions(session.state)
        counter = next((o for o in options if o.kind == "counter"), None)
        session.apply(options[0] if counter is None else
                      Action("counter", actor=counter.actor, track="humanitarian", text=COUNTERS.get(counter.actor)))
    return session


def side(pilot: Pilot) -> str:
    """The lines of the board's right column (the turn, the card, the prompt, the list) as the terminal shows them."""
    column = pilot.app.screen.query_one("#side").region
    lines = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
    return "\n".join(line[column.x:column.right] for line in lines[column.y:column.bottom])


def joined(text: str) -> str:
    """The screen's words with box lines, scrollbars and line ends taken out (an objection wraps in its column)."""
    return " ".join("".join(" " if "\u2500" <= c <= "\u259f" else c for c in text).split())


@pytest.mark.parametrize(("lang", "size"), [("ru", SMALL), ("en", (80, 23))])
async def test_every_objection_is_read_before_the_odds_are_set(tmp_path: Path, lang: str, size: tuple[int, int]) -> None:
    session = weighed(tmp_path)
    app = TabletopApp(session, lang=lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = board(pilot)
        card, prompt = screen.query_one("#card-box"), screen.query_one("#prompt-box")
        # no box drawn as its top border alone, over the prompt
        assert not card.display or card.outer_size.height >= 2, card.outer_size
        shown = joined(side(pilot))
        cut = [text for text in COUNTERS.values() if text not in shown]
        if cut:  # the prompt scrolls: the screen says so, under its last row, and how to read on
            said = str(screen.query_one("#decision").border_title or "")
            assert "\u2193" in said and "shift+tab" in said, (said, side(pilot))
            await press(pilot, "shift+tab", "end")
            assert prompt.has_focus and prompt.scroll_y == prompt.max_scroll_y > 0, (app.focused, side(pilot))
            shown = joined(side(pilot))
            assert all(text in shown for text in cut), side(pilot)
            assert not str(screen.query_one("#decision").border_title or ""), side(pilot)  # read to its end
            await press(pilot, "tab")
        before = len(session.state.log)
        await press(pilot, "1")  # the odds still picked with their number
        assert len(session.state.log) == before + 1 and session.state.log[-1].action.kind == "odds"
