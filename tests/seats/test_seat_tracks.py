"""A seat's tracks flag a track near breakdown as the hot seat's board does, from the same rule.

Found from outside: the projector showed "[==----]  Expert talks  ·  tension 6/7  ·  ○ OPEN" with no mark, word or
colour, where the board for the same state said "tension 6/7 ⚠" at 80x24 and "⚠ NEAR BREAKDOWN at 7" at 120x40.
"""

from __future__ import annotations

from tabletop.engine.wording import near_breakdown
from tabletop.lang import using
from tabletop.tui.seatwords import tracks_text
from tabletop.tui.themes import DANGER


def _view(tension: int, status: str = "open") -> dict[str, object]:
    track = {"id": "talks", "name": "Expert talks", "top": 6, "position": 2, "rung": "Talks", "tension": tension,
             "breakdown_at": 7, "status": status}
    return {"board": {"tracks": [track], "meters": []}}


def test_a_seat_s_tracks_flag_a_track_near_breakdown_in_every_form() -> None:
    assert near_breakdown(6, 7, True) and not near_breakdown(5, 7, True) and not near_breakdown(7, 7, False)
    for lang, words in (("en", "NEAR BREAKDOWN at 7"), ("ru", "БЛИЗОК СРЫВ"), ("uk", "БЛИЗЬКО ДО ЗРИВУ")):
        with using(lang):
            forms = {(c, t): tracks_text(_view(6), large=True, compact=c, tight=t)
                     for c, t in ((False, False), (True, False), (False, True))}
            for form, said in forms.items():
                assert "\u26a0" in said.plain, (lang, form, said.plain)
                marked = [s for s in said.spans if "\u26a0" in said.plain[s.start:s.end]]
                assert marked and all(str(s.style) == DANGER for s in marked), (lang, form, said.spans)
            assert words in forms[(False, False)].plain, (lang, forms[(False, False)].plain)  # where the width allows
            for calm in (_view(5), _view(7, "broken")):
                assert "\u26a0" not in tracks_text(calm, large=True).plain
