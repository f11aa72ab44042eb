"""A projector at the least size a seat takes keeps what the moment needs in view: the card's answers, the reveal.

Found from outside (helper-289's brief): at 60x20 a hosted sealed game's projector showed, at the reveal, only
"Reveal of the sealed moves", a blank line and "…and 8 more entries", no entry, the box's foot below the screen;
while the table answered the card only its first answer was in view. docs/seats.md: the card, whole, while the table
answers it; the reveal while the table rules on it, its entries whole and the rest counted. Checked against a real
host at 60x20 and at the least size (60x16), through round 1. Found from outside too: at 60x20 and 60x16 the card
showed its title and answers only, its text ("Ukraine's negotiators describe a multi-vector course: …") left out;
its first words are in view at both sizes.
"""

from __future__ import annotations

import re
from pathlib import Path

from tabletop.tui.seat import SeatScreen

from .screenkit import laid_out, projector_events, screen_lines

SIZES = [(60, 20), SeatScreen.MIN_SIZE]


def _words(rows: list[str]) -> str:
    return " ".join(re.sub(r"[\u2500-\u259f]", " ", " ".join(rows)).split())


def _boxes_whole(rows: list[str]) -> bool:
    """Every box drawn has its foot on screen (a box begun and cut by the screen's foot is not whole)."""
    return sum(r.count("\u256d") for r in rows) == sum(r.count("\u2570") for r in rows)


async def test_a_projector_at_60_columns_shows_the_card_s_answers_and_some_of_the_reveal(tmp_path: Path) -> None:
    cards = reveals = 0
    async for pilot, app, seq in projector_events(tmp_path, SIZES[0], rounds=1):
        view = app.view or {}
        game, card = view["game"], view["board"].get("card") or {}
        reveal = view["seals"].get("reveal") or []
        card_now = game.get("waiting") in ("choice", "card") and card and not card.get("applied")
        reveal_now = reveal and game.get("phase") == "adjudication"
        for size in SIZES if card_now or reveal_now else ():
            await laid_out(pilot, size)
            rows = screen_lines(app)
            shown, where = _words(rows), (seq, size, "\n".join(rows))
            assert _boxes_whole(rows), where
            for track in view["board"]["tracks"]:
                assert track["name"] in shown, where
            if card_now:
                cards += 1
                assert all(c["label"] in shown for c in card["choices"]), where
                # and of its text as much as fits, from its first words (found from outside: title and answers only)
                assert " ".join(card["text"].split()[:4]) in shown, where
            else:
                reveals += 1
                whole = shown.count("matches its commitment")
                assert whole >= 1, where
                if whole < len(reveal):
                    assert f"and {len(reveal) - whole} more entr" in shown, where
    assert cards >= 2 and reveals >= 2, (cards, reveals)
