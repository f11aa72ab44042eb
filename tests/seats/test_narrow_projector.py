"""A projector under 100 columns keeps the whole board in view, and what the moment needs under it.

Found from outside (a hosted game in Ukrainian, the projector at 80x24): in round 1 the card drawn was below the
screen (the tracks filled it); after the reveal the tracks and the meters were gone off the top and the reveal's last
entries were cut; in round 2 the screen showed the card's bottom border, the chain head and the log, no tracks; in
round 4 the card's last three lines, its title out of view. Nobody scrolls a projector (docs/seats.md). Checked as
the room sees it, against a real host, through two rounds of sealed moves.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tabletop.tui import seatwords as words
from tabletop.tui.seat import SeatApp

from .screenkit import projector_events, screen_lines, settled


def _screen(app: SeatApp) -> str:
    """The screen's words as drawn, rows run together (borders and scrollbars taken out)."""
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", " ".join(screen_lines(app))).split())


def _board(view: dict[str, Any]) -> list[str]:
    """Every track's name, and each meter as the board says it (its name and value)."""
    board = view["board"]
    return [t["name"] for t in board["tracks"]] + [f"{m['name']} {m['value']}" for m in board["meters"]]


async def test_a_projector_at_80x24_shows_the_board_with_the_card_and_with_the_reveal(tmp_path: Path) -> None:
    cards = reveals = 0
    async for pilot, app, seq in projector_events(tmp_path, (80, 24), rounds=2, lang="uk"):
        await settled(pilot)
        view = app.view or {}
        game, card = view["game"], view["board"].get("card") or {}
        shown = _screen(app)
        said = " ".join(words.verdict_text(view).plain.split())[:40]  # the verdict's first words, as one line has them
        # found from outside: "1 Card drawn: …" under "Waiting for…" and again as the log's line under the card
        assert not said or sum(said in " ".join(row.split()) for row in screen_lines(app)) == 1, (
            seq, said, "\n".join(screen_lines(app)))
        if game.get("waiting") in ("choice", "card") and card and not card.get("applied"):
            cards += 1  # the card the table answers: its title and every choice, under the whole board
            wanted = [card["title"], *(c["label"] for c in card.get("choices", []))] + _board(view)
            assert all(w in shown for w in wanted), (seq, [w for w in wanted if w not in shown],
                                                     "\n".join(screen_lines(app)))
        elif view["seals"].get("reveal") and game.get("phase") == "adjudication":
            reveals += 1  # the reveal under the whole board and the meters
            assert "Розкриття закритих ходів" in shown, "\n".join(screen_lines(app))
            missing = [w for w in _board(view) if w not in shown]
            assert not missing, (seq, missing, "\n".join(screen_lines(app)))
    assert cards >= 2 and reveals >= 2, (cards, reveals)  # a card and a reveal in each round
