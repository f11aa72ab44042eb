"""A seat's tracks flag a track near breakdown as the hot seat's board does, from the same rule.

Found from outside: the projector showed "[==----]  Expert talks  ·  tension 6/7  ·  ○ OPEN" with no mark, word or
colour, where the board for the same state said "tension 6/7 ⚠" at 80x24 and "⚠ NEAR BREAKDOWN at 7" at 120x40.
"""

from __future__ import annotations

from typing import Any

from tabletop.engine.wording import near_breakdown
from tabletop.lang import Domain, using
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


#: a team's board as the host sends it: rungs and tensions of the lengths found from outside
TRACKS = [
    {"id": "hum", "name": "Гуманитарный трек", "top": 6, "position": 0, "rung": "Непримиримые позиции",
     "tension": 3, "breakdown_at": 8, "status": "open"},
    {"id": "ss", "name": "Стратегическая стабильность", "top": 5, "position": 0, "rung": "Застой",
     "tension": 3, "breakdown_at": 6, "status": "open"},
    {"id": "bd", "name": "Границы", "top": 5, "position": 2, "rung": "Переговоры", "tension": 6,
     "breakdown_at": 7, "status": "open"},
]


def _panel_lines(panel: object) -> list[str]:
    """The lines the panel shows on screen, its border stripped."""
    from textual.geometry import Region
    from textual.widgets import Static

    assert isinstance(panel, Static)
    strips = panel.render_lines(Region(0, 0, panel.outer_size.width, panel.outer_size.height))
    return [strip.text.strip("\u2502\u256d\u256e\u2570\u256f\u2500 ") for strip in strips]


async def test_a_team_s_track_lines_break_between_their_parts_at_80x24_and_the_narrowest() -> None:
    """Found from outside: a Russian team's seat at 80x24 read "│ ·  напряжённость 3/8  ·  ○ ОТКРЫТО │" and a
    Ukrainian one "│ 3/6  ·  ○ ВІДКРИТО │": the panel wrapped the line inside "напруженість 3/6" and before a "·".
    A track's parts break only between them, never inside one, and no line starts with "·"."""
    from tabletop.tui.seat import SeatApp, SeatScreen

    app = SeatApp("127.0.0.1:9", None, lang="ru")  # no host: the screen is given a view by hand
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        view = {"role": "team:ru", "game": {"seq": 3, "round": 1, "rounds": 6, "phase": "moves"},
                "board": {"tracks": TRACKS, "meters": [{"name": "Доверие", "value": 2}]}}
        with using("ru"):
            parts = [tracks_text({"board": {"tracks": [t], "meters": []}}).plain.splitlines()[1] for t in TRACKS]
            narrow = Domain("tui").pgettext("a narrow column", "tension")  # the hot seat's word in a narrow column
        # «напряжённость 3/8», «напряжённость 6/7», and the words near breakdown
        tensions = [p.split("  \u00b7  ")[1].split(" \u26a0")[0] for p in parts]
        near = [p.split("\u26a0 ")[1].split("  \u00b7  ")[0] for p in parts if "\u26a0" in p]
        assert near and all(t.split(" ")[-1][0].isdigit() for t in tensions), (tensions, near)
        app.seat_screen.show(view, {})
        for size in ((80, 24), (60, 16)):  # the seat's least size (SeatScreen.MIN_SIZE)
            lines = await _tracks_at(pilot, app, size)
            shown = "\n".join(lines)
            assert all(not line.startswith("\u00b7") for line in lines), (size, shown)
            for tension in tensions:  # the word and its numbers on one line; the panel's narrowest: the short word
                numbers = tension.split(" ")[-1]
                said = [tension] if size == (80, 24) else [tension, f"{narrow} {numbers}"]
                assert any(s in line for line in lines for s in said), (size, tension, shown)
            near_at = [t for t in TRACKS if "\u26a0" in parts[TRACKS.index(t)]]
            assert all(any(f"{t['tension']}/{t['breakdown_at']} \u26a0" in line for line in lines)
                       for t in near_at), (size, shown)  # the mark beside its numbers
            if size == (80, 24):  # the words near breakdown whole where they have a line's room
                assert all(any(words in line for line in lines) for words in near), (size, near, shown)



async def test_a_narrow_projector_s_one_line_tracks_break_between_their_parts() -> None:
    """Found in review: a narrow projector's one-line forms (a line a track, and without tension's word) were left to
    the panel, which wraps anywhere: a line began with "·", "напряжённость 3/8" or a status split over two lines.
    They break between their parts at the panel's width, as a team's two-line form does, at the least size (60x16),
    with a card being answered (the rows the screen picks those forms for); at 80x24 the two-line form the narrow
    projector picks there is broken so too."""
    from tabletop.tui.seat import SeatApp, SeatScreen
    from tabletop.tui.seatwords import _track_parts

    app = SeatApp("127.0.0.1:9", None, lang="ru")  # no host: the screen is given a view by hand
    async with app.run_test(size=SeatScreen.MIN_SIZE) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        long = [{**t, "name": t["name"] + " и вопросы"} for t in TRACKS]  # (longer than a line of the least size)
        card = {"title": "Обмен пленными", "track": "hum", "text": "Стороны предлагают обмен.",
                "choices": [{"label": "Принять", "effects": "+1"}, {"label": "Отклонить", "effects": "-1"}]}
        view = {"role": "projector", "game": {"seq": 3, "round": 1, "rounds": 6, "phase": "event", "waiting": "choice"},
                "board": {"tracks": long, "meters": [{"name": "Доверие", "value": 2}], "card": card}}
        with using("ru"):
            parts = {t["name"]: (*_track_parts(t), f"{t['tension']}/{t['breakdown_at']}") for t in long}
        app.seat_screen.show(view, {})
        for size in (SeatScreen.MIN_SIZE, (80, 24)):
            lines = await _tracks_at(pilot, app, size)
            shown = "\n".join(lines)
            if size == SeatScreen.MIN_SIZE:  # the one-line forms there: a track's name and its gauge on one line
                assert all(any(name in line and gauge in line for line in lines)
                           for name, (gauge, *_r) in parts.items()), (size, shown)
            assert all(not line.startswith("\u00b7") for line in lines), (size, shown)
            # each part whole on a line: the gauge, the status, the numbers, tension's word with them where said
            for gauge, tension, status, numbers in parts.values():
                said = [p for p in (gauge, status, numbers) if not any(p in line for line in lines)]
                assert not said, (size, said, shown)
                word = tension.split(" ")[0]  # «напряжённость», never alone at a line's end, its numbers on the next
                assert not any(line.rstrip().endswith(word) for line in lines), (size, tension, shown)


async def _tracks_at(pilot: Any, app: Any, size: tuple[int, int]) -> list[str]:
    """The tracks panel's lines once the window is ``size`` and laid out again."""
    await pilot.resize_terminal(*size)
    for _ in range(3):
        await pilot.pause()
    return _panel_lines(app.seat_screen.query_one("#tracks"))


def test_the_projector_s_big_round_says_its_word_and_the_rounds_in_the_room_s_language() -> None:
    """Found from outside: the projector's round was a bare digit in box-drawing lines, which chromium drew apart (a
    stray bracket) and which said nothing to someone who walked in. Its digits are each a shape of their own, drawn
    in block elements; the word and the rounds sit beside them in the seat's language."""
    from tabletop.tui.seatwords import BIG_DIGITS, round_badge

    from .screenkit import read_big

    assert len(set(BIG_DIGITS.values())) == 10  # no two digits drawn alike
    for lang, word, rounds in (("en", "Round", "of 12"), ("ru", "Раунд", "из 12"), ("uk", "Раунд", "з 12")):
        with using(lang):
            rows = round_badge({"game": {"round": 10, "rounds": 12, "phase": "moves"}}).plain.split("\n")
        assert len(rows) == 3 and rows[0].endswith(f"  {word}") and rows[2].endswith(f"  {rounds}"), (lang, rows)
        art = [r[:len(rows[0]) - len(word)] for r in rows]
        assert read_big("\n".join(art)) == "10", (lang, rows)
        assert all(c in " \u2580\u2584\u2588" for c in "".join(art)), (lang, rows)  # half and full blocks only
    assert not round_badge({"game": {}}).plain  # no game yet: nothing drawn
