"""A card the facilitator put on the table (an inject, a redraw) is told after the facilitator's act that put it there.

Found from outside (helper-358): a round's timeline read "Card #52 (injected, Strategic stability): Military hotline
restored", its text and its effect, and only then "Facilitator #52 (inject): Facilitator injects: Military hotline
restored": in the HTML and Markdown debrief the card came before the act that brought it, as if it had been drawn and
the facilitator had then injected it again (a redraw: the new card before "Facilitator redraws (… set aside)")."""

from __future__ import annotations

import re

from tabletop.report import render
from tabletop.report.timeline import in_order

from .kit import Played, Workshop


def test_the_facilitator_s_act_comes_before_the_card_it_brought(workshop: tuple[Played, Workshop],
                                                                 workshop_report: dict) -> None:
    brought = 0
    for rnd in workshop_report["timeline"]:
        told = [(kind, item["seq"], item.get("kind")) for kind, item in in_order(rnd)]
        for kind, seq, act in told:
            if kind == "facilitator" and act in ("inject", "redraw"):
                brought += 1
                assert told.index((kind, seq, act)) < told.index(next(t for t in told if t[:2] == ("cards", seq))), \
                    (rnd["round"], told)
    assert brought == 2  # the workshop injects once and redraws once
    md = render([workshop[0].path], "md")
    for seq in re.findall(r"^- \*\*Facilitator\*\* #(\d+) \((?:inject|redraw)\)", md, re.M):
        act = md.index(f"- **Facilitator** #{seq} (")
        card = md.index(f"- Card #{seq} (")
        assert act < card, md[min(act, card):max(act, card) + 80]
