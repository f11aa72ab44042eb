"""A whole hosted game on five screens: a facilitator's console, three teams and the projector (Pilot).

A real host listens on an ephemeral loopback port; each seat's screen is
``tabletop join``'s app joined with its code, and everything is done by
key presses on those screens: sealed moves, a vote, a dice roll, a ruling
with its reason, an undo, an inject, to the end of the game. Then the save
verifies, and its report is the report of the same actions played on the
hot seat (the chain head aside: the times and nonces differ).
"""

from __future__ import annotations

import copy
import re
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from tabletop.content.loader import load_scenario, scenario_from_data
from tabletop.play.session import Session
from tabletop.report.build import build_report
from tabletop.seats.table import Table, seats_for
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify
from tabletop.tui.modals import UndoScreen
from tabletop.tui.seat import SeatApp

from .screenkit import choose, entries, seq_of, type_line, until
from .support import Sleeps, hosting

TEAMS = ("ru", "ua", "us")
BOTS = {"eu": "cooperative", "bridge": "cooperative"}
#: the move each team makes in the first round: one vote, one dice roll, one ruling
FIRST_ROUND = {"ru": "propose", "ua": "press", "us": "mediate"}


def _table(tmp_path: Path) -> Table:
    # one round, so the master events list's later rounds go (a scheduled round past the game's last
    # is refused by the validator, which the console's replica runs on the host's embedded scenario)
    data = copy.deepcopy(load_scenario("parallel-tracks").embedded())
    data["ruleset"]["ruleset"].update(sealed_moves=True, turns=1)
    for card in data["deck"]["cards"]:
        card.pop("schedule", None)
    scenario = scenario_from_data(data, "one round of parallel-tracks")
    session = Session.start(scenario, 11, tmp_path / "hosted.jsonl", BOTS)
    return Table(session, seats_for(session, observers=0))


class Script:
    """What each seat picks: the first round's moves, one undo, one inject; otherwise the first entry allowed."""

    def __init__(self) -> None:
        self.moved: set[str] = set()
        self.undone = False
        self.injected = False
        self.resumed = False  # the facilitator pressed p: no event is written for it

    def team_pick(self, actor: str, found: list[Any], round_: int) -> int:
        wanted = FIRST_ROUND.get(actor) if round_ == 1 and actor not in self.moved else None
        for i, e in enumerate(found):
            action = e.get("action") or {}
            if wanted and action.get("move") == wanted and not e.get("refusal"):
                self.moved.add(actor)
                return i
        passing = [i for i, e in enumerate(found) if (e.get("action") or {}).get("kind") == "pass"]
        if passing:
            return passing[0]  # one move a round is enough here: the game moves on
        return next(i for i, e in enumerate(found) if not e.get("refusal"))  # a vote, a card's answer


async def _facilitator_turn(pilot: Any, app: SeatApp, table: Table, script: Script) -> None:
    state = table.session.state
    last = state.last
    if not script.undone and last is not None and last.result.get("sealed"):
        script.undone = True
        await pilot.press("u")  # the facilitator takes a sealed move back; the team enters it again
        await until(pilot, lambda: isinstance(app.screen, UndoScreen), "the undo's question")
        asked = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert f"Undo event {last.seq}: " in asked, asked  # the console names the event it takes back
        await pilot.press("enter")
        return
    if not script.injected and state.phase == "review" and state.card is None:
        script.injected = True
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("enter")  # the first card of the deck, injected now
        return
    if ((app.view or {}).get("clock") or {}).get("paused"):  # an undo of a bot's move paused the game: go on
        await pilot.press("p")
        await until(pilot, lambda: not table.clock.paused, "the game to resume")
        script.resumed = True
        return
    found = entries(app)
    index = next(i for i, e in enumerate(found) if not e.get("refusal"))
    await choose(pilot, app, index)
    if found[index].get("needs") == "reason":
        await type_line(pilot, "ruled-on-the-merits")


async def _play(table: Table, apps: dict[str, SeatApp], pilots: dict[str, Any]) -> None:
    script = Script()
    for _ in range(400):  # a bound: a one-round game takes far fewer acts
        state = table.session.state
        if state.over:
            return
        options = table.session.options()
        actor = options[0].actor if options else None
        seat = f"team:{actor}" if actor in TEAMS else "facilitator"
        app, pilot = apps[seat], pilots[seat]
        await until(pilot, lambda a=app, s=state.seq: seq_of(a) == s and a.screen is a.seat_screen,
                    f"{seat}'s screen to show event {state.seq}")
        if seat == "facilitator":
            await _facilitator_turn(pilot, app, table, script)
        else:
            await choose(pilot, app, script.team_pick(actor or "", entries(app), state.round))
        await until(pilot, lambda s=state.seq: table.session.state.seq != s or script.resumed,
                    f"the host to take {seat}'s act")
        script.resumed = False
    raise AssertionError("the game did not end")


async def test_a_hosted_game_on_five_screens_verifies_and_reports_as_the_hot_seat(tmp_path: Path) -> None:
    table = _table(tmp_path)
    async with hosting(table) as (_host, address, codes):
        seats = ["facilitator", *(f"team:{t}" for t in TEAMS), "projector"]
        apps = {seat: SeatApp(address, codes[seat], sleep=Sleeps()) for seat in seats}
        async with AsyncExitStack() as stack:
            pilots = {s: await stack.enter_async_context(a.run_test(size=(120, 40))) for s, a in apps.items()}
            for seat, app in apps.items():
                await until(pilots[seat], app.joined.is_set, f"{seat} to join")
            seen_on_projector: list[str] = []
            projector = apps["projector"]
            original = projector.seat_screen.show

            def watched(view: Any, seen: dict[int, str]) -> None:
                original(view, seen)
                seen_on_projector.append(projector.seat_screen.query_one("#seals").render().__str__())
                seen_on_projector.append(projector.seat_screen.query_one("#head").render().__str__())

            projector.seat_screen.show = watched  # type: ignore[method-assign]
            await _play(table, apps, pilots)
            await until(pilots["projector"], lambda: seq_of(projector) == table.session.state.seq, "the projector")
            console = apps["facilitator"]
            await until(pilots["facilitator"], lambda: seq_of(console) == table.session.state.seq, "the console")
            # the console's board is drawn from its own copy of the game: the very state the host holds
            assert console.replica is not None and console.replica.state.hash == table.session.state.hash
            assert console.seat_screen.query("#board")
    table.session.close()
    kinds = [e.action.kind for e in open_save(table.session.save_path).events]
    for kind in ("move", "vote", "roll", "rule", "undo", "inject"):
        assert kind in kinds, (kind, kinds)
    shown = "\n".join(seen_on_projector)
    assert re.search(r"\d+ sealed moves? committed \(commitment\):", shown) and "matches its commitment" in shown
    assert "DOES NOT MATCH" not in shown
    assert "Chain head after event" in shown
    report = verify(table.session.save_path)
    assert report.ok, report.lines()
    assert _report(table.session.save_path) == _report(_hot_seat(tmp_path, table.session.save_path))


def _hot_seat(tmp_path: Path, hosted: Path) -> Path:
    """The same actions played on the hot seat's session (one screen, one save)."""
    save = open_save(hosted)
    session = Session.start(save.scenario, save.seed, tmp_path / "hot-seat.jsonl", BOTS)
    try:
        for event in save.events:
            session.apply(event.action)
    finally:
        session.close()
    return session.save_path


#: what differs between two saves of the same actions: where they are, when they were played, and
#: so their chain heads (times and nonces are in the lines); nothing the game computed
_WHERE_AND_WHEN = ("created", "file", "path", "first_event_time", "last_event_time")


def _report(path: Path) -> dict[str, Any]:
    report = build_report(path)
    report.pop("chain_head")
    for key in _WHERE_AND_WHEN:
        report["scenario"].pop(key)
    for line in report["log"]:
        line.pop("time")
    return report
