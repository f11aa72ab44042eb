"""A team reads its whole panel by keyboard: its objectives (the secret one too), resources and sealed moves.

Found from outside (a first-time student, 80x24, in Ukrainian): the «Ваша команда» panel showed three objectives
and cut off the fourth, the secret one; while the team moved or voted it shrank to one line. Only the mouse wheel
reached the secret objective; Tab then PgDn scrolled two lines at most, and F1 named no way to it. ``o`` (``щ`` on a
Cyrillic layout) now puts the panel up whole, Escape closes it; the panel itself is a Tab stop the keys scroll.
"""

from __future__ import annotations

from typing import Any

from tabletop.lang import using
from tabletop.tui.seat import SeatApp, SeatScreen

from .screenkit import screen_lines

SECRET = "Полонених повернуто додому, безпеку атомної станції забезпечено"


def _view() -> dict[str, Any]:
    """A Ukrainian team's view in its moves phase: four objectives, the last secret and long, a sealed move."""
    objectives = [{"text": f"Гарантії безпеки, частина {i}", "met": i == 1} for i in range(1, 4)]
    objectives.append({"text": SECRET, "secret": True, "met": False})
    return {"role": "team", "actor": "ua", "lang": "uk",
            "game": {"seq": 9, "round": 1, "phase": "moves", "waiting": "move",
                     "moves": [{"id": "press", "name": "Тиснути"}], "resources": [{"id": "cap", "name": "Капітал"}]},
            "board": {"tracks": [{"id": "borders", "name": "Кордони", "position": 1, "top": 4}]},
            "own": {"resources": {"cap": 3}, "actions_left": 2, "objectives": objectives,
                    "sealed": [{"seq": 8, "move": "press", "track": "borders", "revealed": False}]},
            "decision": {"prompt": "Україна: оберіть хід",
                         "entries": [{"id": f"e{i}", "label": f"Хід {i}"} for i in range(12)]}}


async def test_o_puts_the_teams_whole_panel_up_and_tab_reaches_the_panel() -> None:
    for size in ((80, 24), (60, 16)):
        app = SeatApp("127.0.0.1:9", None, lang="uk")  # no host: the screen is shown a view by hand
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            while not isinstance(app.screen, SeatScreen):  # the code dialog a screen without a code opens
                app.pop_screen()
                await pilot.pause()
            app.view = _view()
            app.role = "team"
            with using("uk"):
                app.seat_screen.show(app.view, {})
            app.seat_screen.refresh_bindings()
            await pilot.pause()
            assert "Ціль (таємна)" not in "\n".join(screen_lines(app)), size  # cut, as the tester found it
            footer = "\n".join(screen_lines(app)[-2:])
            assert "o" in footer and "Цілі" in footer, (size, footer)
            await pilot.press("щ")  # o on a Ukrainian layout
            await pilot.pause()
            assert app.screen is not app.seat_screen, (size, "no view put up by o")
            await pilot.press("end")
            await pilot.pause()
            shown = " ".join(line.strip(" │┃") for line in screen_lines(app))
            assert "Ціль (таємна)" in shown and "забезпечено" in shown, (size, shown)
            await pilot.press("home")
            await pilot.pause()
            assert "Ресурси" in "\n".join(screen_lines(app)), size
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, SeatScreen)
            # the panel is a Tab stop; End scrolls it to the secret objective
            box = app.seat_screen.query_one("#own-box")
            for _ in range(6):
                if app.focused is box:
                    break
                await pilot.press("tab")
                await pilot.pause()
            assert app.focused is box, (size, app.focused)
            await pilot.press("end")
            await pilot.pause()
            assert box.max_scroll_y > 0 and box.scroll_y == box.max_scroll_y, size
