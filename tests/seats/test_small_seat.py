"""A team's screen at 80x24 keeps room for its choices, however long what it is asked.

Found from outside: at 80x24 a vote showed "1. Accept" only (the veto below the fold), and asked to counter
an argument the list had no rows at all: the prompt, on all its lines, took the column. The prompt now
scrolls within two fifths of the column, and the list keeps at least four rows.
"""

from __future__ import annotations

from tabletop.tui.seat import SeatApp, SeatScreen

LONG = "\n".join(["Russia: counter this argument or pass."]
                 + [f"  reason {i}: a long reason that goes on and on for a while, and wraps" for i in range(1, 7)]
                 + ["  wants: tension \u22121"] * 3)


async def test_a_long_prompt_at_80x24_leaves_the_choices_in_view() -> None:
    app = SeatApp("127.0.0.1:9", None)  # no host: the screen is given a view by hand
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
            app.pop_screen()
            await pilot.pause()
        view = {"role": "team", "game": {"seq": 3, "round": 1},
                "decision": {"prompt": LONG, "entries": [{"id": f"e{i}", "label": f"Entry {i}"} for i in range(4)]}}
        app.seat_screen.show(view, {})
        await pilot.pause()
        entries = app.seat_screen.query_one("#entries").region
        prompt = app.seat_screen.query_one("#prompt").region
        assert entries.height >= 4 and entries.bottom <= 24, entries
        assert prompt.height >= 1 and "Russia: counter" in str(app.seat_screen.query_one("#prompt").render())
