"""A projector resized keeps the moment whole in view: the reveal from its top, the commitments it counts, no box cut.

Found from outside (helper-293's brief): at 100x30 the commitments' box was scrolled out at its top, a stray
``╰────╯`` under the card and the box empty-looking while the log said the commitments. docs/seats.md: nobody
scrolls a projector; a reveal comes into view whole when it comes (and stays so as the screen grows). Checked
against a real host through round 1, as the tester played it (Ukraine a person, the other teams bots).
"""

from __future__ import annotations

import re
from pathlib import Path

from tabletop.tui.seatwords import reveal_parts

from .screenkit import laid_out, projector_events, read_big, screen_lines

#: the tester's size, where each event comes, and the sizes round it (where the projector's two columns begin)
TESTED = (100, 30)
AROUND_WIDE = [TESTED, (90, 28), (110, 32)]
#: a size whose table has the rows for the reveal whole
WIDE = (120, 40)
#: box-drawing characters: a browser's font draws them apart (found from outside: the round's bare digit read as a
#: stray bracket in chromium); block elements fill their cells in both
BOX_DRAWING = re.compile("[\u2500-\u257f]")


def _round_shown(rows: list[str], rounds: int) -> str:
    """The big round number's three rows, as drawn with its word ("Round") beside its first row and the rounds
    ("of 8") beside its last, in block elements only."""
    for last in range(2, len(rows)):
        at = rows[last - 2].find("Round")
        if at > 0 and rows[last][at:].startswith(f"of {rounds}"):
            art = [r[:at] for r in rows[last - 2:last + 1]]
            assert not any(BOX_DRAWING.search(a) for a in art), art
            return "\n".join(art)
    raise AssertionError("no big round with its word and the rounds beside it:\n" + "\n".join(rows))


def _boxes_whole(rows: list[str], reveal: bool = False) -> bool:
    """No foot of a box whose top was scrolled away; and no top without its foot, but a reveal's (taller than the
    table's rows, it is shown from its top: docs/seats.md)."""
    tops, feet = (sum(r.count(corner) for r in rows) for corner in ("\u256d", "\u2570"))
    return tops >= feet if reveal else tops == feet


async def test_a_projector_round_100_columns_draws_every_box_whole(tmp_path: Path) -> None:
    bots = {"ru": "hardliner", "us": "cooperative", "eu": "cooperative", "bridge": "cooperative"}  # Ukraine a person
    reveals = committed = 0
    async for pilot, app, seq in projector_events(tmp_path, TESTED, rounds=1, bots=bots,
                                                  acting=("facilitator", "team:ua")):
        view = app.view or {}
        reveal = view["seals"].get("reveal") or []
        count = len(view["seals"].get("committed") or [])
        if reveal and view["game"].get("phase") == "adjudication" and reveals == 0:
            reveals += 1
            await laid_out(pilot, WIDE)
            rows = screen_lines(app)
            shown = "\n".join(rows)
            # the round as someone who walks in reads it across the room: the number large, with its word and the
            # rounds beside it, the same in a terminal and a browser
            game = view["game"]
            assert read_big(_round_shown(rows, game["rounds"])) == str(game["round"]), shown
            assert "Reveal of the sealed moves" in shown, shown
            assert _boxes_whole(rows), shown
            top = next(r for r in rows if "Reveal of the sealed moves" in r)
            edge = top.rindex("\u2502", 0, top.index("Reveal of the sealed moves"))  # the table's column
            table_rows = " ".join(r[edge:] for r in rows)  # (its lines wrap in the column)
            said = " ".join(re.sub(r"[\u2500-\u259f]", " ", table_rows).split())
            revealed = reveal_parts(view, dict(app.seen))[1]  # (a pass is not among them)
            assert said.count("matches its commitment") == len(revealed), shown
        for size in AROUND_WIDE:
            await laid_out(pilot, size)
            rows = screen_lines(app)
            assert _boxes_whole(rows, bool(reveal)), (seq, size, "\n".join(rows))
            if count and not reveal and size[0] >= 100:  # two columns: the box shows the newest it counts
                # (under 100 columns the commitments come only where they fit whole: docs/seats.md)
                committed += 1
                newest = str(view["seals"]["committed"][-1].get("commitment", ""))[:12]
                assert newest and newest in "\n".join(rows), (seq, size, "\n".join(rows))
        await laid_out(pilot, TESTED)  # the next event comes at the tester's size
    assert reveals == 1 and committed >= 3, (reveals, committed)
