"""Driving seat screens (``tabletop join``'s app) with Textual's Pilot against a real host.

Every wait here (``until``, from tests/tui/support.py) is bounded by a count of pauses, never by the clock: a screen
that never catches up fails the test with what it showed last.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tabletop.tui.modals import ConfirmScreen
from tabletop.seats.client import connect
from tabletop.tui.seat import CodeScreen, SeatApp, SeatScreen
from tests.tui.support import type_text, until

from .support import Sleeps, caught_up, hosting, make_table

def code_asked(app: SeatApp, said: str = "") -> bool:
    """The code screen is up and its field takes keys, its error line saying ``said``: mounted, the field focused.

    On the screen stack is not enough: the screen is mounted a moment later, and keys typed before its field has
    the keyboard are lost (under load the test's Enter went nowhere and the wrong code was never said)."""
    screen = app.screen
    if not isinstance(screen, CodeScreen) or not screen.is_mounted:
        return False
    fields, errors = screen.query("#code-input"), screen.query("#code-error")
    return (bool(fields) and bool(errors) and app.focused is fields.first(Input)
            and said in str(errors.first(Static).render()))


def seq_of(app: SeatApp) -> int:
    view = app.view or {}
    game = view.get("game") or {}
    return int(game.get("seq", -1))


def entries(app: SeatApp) -> list[Mapping[str, Any]]:
    view = app.view or {}
    return list((view.get("decision") or {}).get("entries") or [])


def seat_screen(app: SeatApp) -> SeatScreen:
    return app.seat_screen


async def choose(pilot: Pilot[Any], app: SeatApp, index: int) -> None:
    """Pick entry ``index`` as a person would: its digit (1-9), else the arrows' highlight and Enter.

    A move is asked first (its words, then yes or no, as on the hot seat): the team says yes."""
    entry = entries(app)[index]
    if index < 9:
        await pilot.press(str(index + 1))
    else:
        options = app.seat_screen.query_one("#entries", OptionList)
        assert app.focused is options  # the decision has the keyboard, as on the hot seat
        options.highlighted = index
        await pilot.press("enter")
    if entry.get("confirm") and not entry.get("refusal"):
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the move's confirmation")
        await pilot.press("y")


async def type_line(pilot: Pilot[Any], text: str) -> None:
    """Type a line into the modal that asks for it (a ruling's reason, a note) and confirm it."""
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")


async def settled(pilot: Pilot[Any], most: int = 12) -> None:
    """Paused until nothing on the screen moves from one pause to the next (the panels laid out, the logs scrolled
    to their newest line over a few refreshes), ``most`` pauses at most. A fixed count of pauses at every size of
    every event took a hosted round's projector test 21 s, most of it asleep in Pilot's waits for idle."""
    before = None
    for _ in range(most):
        await pilot.pause()
        now = [(id(w), w.region, w.scroll_offset) for w in pilot.app.screen.walk_children(with_self=True)]
        if now == before and not pilot.app.screen._dirty_widgets:
            return
        before = now


async def laid_out(pilot: Pilot[Any], size: tuple[int, int]) -> None:
    """The terminal resized to ``size``, and the screen :func:`settled` at it."""
    await pilot.resize_terminal(*size)
    await settled(pilot)


def screen_lines(app: SeatApp) -> list[str]:
    """The screen's rows as plain text, as a screenshot would show them (what a person sees, not a widget's text)."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
                      legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text().splitlines()


def read_big(art: str) -> str:
    """The number a projector's big digits say (three rows, a digit every four cells), read with the glyphs the
    screen draws them from; "?" for what is no digit."""
    from tabletop.tui.seatwords import BIG_DIGITS

    rows = art.split("\n")
    start = min((len(r) - len(r.lstrip()) for r in rows if r.strip()), default=0)
    width = max(len(r.rstrip()) for r in rows)
    shapes = {shape: digit for digit, shape in BIG_DIGITS.items()}
    return "".join(shapes.get(tuple(r[at:at + 3].ljust(3) for r in rows), "?") for at in range(start, width, 4))


#: the bots of the projector's tests: a sealed game of five teams that deals a card and a reveal each round (seed 11)
PROJECTOR_BOTS = {"ru": "hardliner", "ua": "cooperative", "us": "cooperative", "eu": "cooperative", "bridge": "hardliner"}


async def projector_events(tmp_path: Path, size: tuple[int, int], rounds: int, *, lang: str | None = None,
                           bots: Mapping[str, str] = PROJECTOR_BOTS,
                           acting: Sequence[str] = ("facilitator",)) -> AsyncIterator[tuple[Pilot[Any], SeatApp, int]]:
    """A hosted sealed game (seed 11) through ``rounds`` rounds with the projector's screen at ``size``: (its pilot,
    its app, the event) once the projector shows each event; then the first of the ``acting`` seats the game waits on
    takes its first entry (a typed one as typed, a ruling with a reason) and the next event comes."""
    table = make_table(tmp_path, "parallel-tracks", seed=11, sealed=True, bots=dict(bots), observers=0)
    session = table.session
    async with hosting(table) as (_host, address, codes):
        clients = [await connect(address, codes[seat]) for seat in acting]
        app = SeatApp(address, codes["projector"], sleep=Sleeps(), lang=lang)
        async with app.run_test(size=size) as pilot:
            await until(pilot, app.joined.is_set, "the projector to join")
            while session.state.round <= rounds:
                seq = session.state.seq
                await until(pilot, lambda s=seq: seq_of(app) == s, f"the projector to show event {seq}")
                yield pilot, app, seq
                for client in clients:
                    found = [e for e in (await caught_up(client, seq))["decision"]["entries"] if "refusal" not in e]
                    if found:
                        entry = found[0]
                        typed = {"text": "as typed", "result": 0} if entry.get("needs") in ("argument", "counter") else None
                        await client.act(pick=entry["id"], reason="as the room saw it" if entry.get("needs") else None,
                                         typed=typed)
                        break
                await until(pilot, lambda s=seq: session.state.seq != s, "the act taken")
        for client in clients:
            await client.close()
    session.close()
