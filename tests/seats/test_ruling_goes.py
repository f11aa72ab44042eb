"""A ruling view a seat put up by itself goes when the game moves on.

Found from outside (helper-265, a hosted game in Ukrainian): after an argument's roll (event 20) the projector put up
«Рішення, подія 20», as it should; it then stayed up through the next roll (21) and the facilitator's ruling (22) until
someone pressed Escape at the projector, where nobody sits. A view a seat opened by itself closes when a newer event
arrives (the projector, an observer's screen, and the console if no key was pressed in it since it opened: a
facilitator reading it keeps it); a view opened by ``l`` stays.
"""

from __future__ import annotations

from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from tabletop.engine import Action
from tabletop.seats.table import Table
from tabletop.tui.rulingview import RulingScreen
from tabletop.tui.seat import SeatApp, SeatScreen

from .screenkit import until
from .support import Sleeps, hosting
from .test_seat_ruling import SIZE, _at_the_dice


async def _settle(pilot: Any) -> None:
    for _ in range(3):
        await pilot.pause()


async def test_a_ruling_view_put_up_by_itself_goes_when_a_newer_event_comes(tmp_path: Path) -> None:
    table: Table = _at_the_dice(tmp_path)
    async with hosting(table) as (host, address, codes):
        seats = ("facilitator", "projector", "observer:1")
        apps = {seat: SeatApp(address, codes[seat], sleep=Sleeps()) for seat in seats}
        async with AsyncExitStack() as stack:
            pilots = {s: await stack.enter_async_context(a.run_test(size=SIZE)) for s, a in apps.items()}
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: app.view is not None, f"{seat} to join")
            await pilots["facilitator"].press("1")  # the console rolls the argument's dice
            rolled = table.session.state.seq
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: isinstance(app.screen, RulingScreen), f"{seat}'s view up")
            await pilots["observer:1"].press("down")  # a key at an observer's screen: it goes all the same
            # the game moves on (a note the host takes, as from a second console): every view put up by itself goes
            table.session.apply(Action("note", about=rolled, text="Noted"))
            host.broadcast()
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: isinstance(app.screen, SeatScreen), f"{seat}'s view gone")
                await _settle(pilots[seat])
                assert isinstance(app.screen, SeatScreen), seat
            # l's view stays, and one the facilitator is reading (a key pressed in it) stays too
            await pilots["projector"].press("l")
            assert isinstance(apps["projector"].screen, RulingScreen)
            table.session.apply(Action("note", about=rolled, text="Noted again"))
            host.broadcast()
            await until(pilots["projector"], lambda: apps["projector"].view["game"]["seq"] == table.session.state.seq,
                        "the projector to see the note")
            await _settle(pilots["projector"])
            assert isinstance(apps["projector"].screen, RulingScreen)
            await pilots["projector"].press("escape")
            # the roll taken back and rolled again: up by itself again; the console's read (a key pressed) stays
            table.session.apply(Action("undo", reason="again"))
            host.broadcast()
            await until(pilots["facilitator"], lambda: apps["facilitator"].view["decision"]["entries"][0]["label"]
                        == "Roll the dice", "the console to offer the roll again")
            await pilots["facilitator"].press("1")
            for seat, app in apps.items():
                await until(pilots[seat], lambda app=app: isinstance(app.screen, RulingScreen), f"{seat}'s view up")
            await pilots["facilitator"].press("down")
            table.session.apply(Action("note", about=table.session.state.seq, text="Noted at last"))
            host.broadcast()
            for seat in ("projector", "observer:1"):
                await until(pilots[seat], lambda app=apps[seat]: isinstance(app.screen, SeatScreen), f"{seat}'s gone")
            await until(pilots["facilitator"], lambda: apps["facilitator"].view["game"]["seq"]
                        == table.session.state.seq, "the console to see the note")
            await _settle(pilots["facilitator"])
            assert isinstance(apps["facilitator"].screen, RulingScreen)  # the facilitator is reading it
    table.session.close()
