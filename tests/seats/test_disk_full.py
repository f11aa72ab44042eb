"""A hosted game whose disk fills up while a bot is to move: the facilitator is told, the game goes on once there is room.

The hot seat stops and says so when a bot's move cannot be written
(tui/savefail.py). A host has no one at its keyboard to press a key: a bot's
write refused by the disk left every screen on "Waiting for Ukraine (bot)."
for good, and nobody knew why. Now the facilitator's prompt says the save
could not be written and why, and the host tries the bots again on each tick:
once space is freed the game goes on by itself, and the prompt is as before.
"""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import pytest

from tabletop.engine import legal_actions
from tabletop.seats.client import connect

from .support import caught_up, hosting, make_table

BOTS = {"ru": "hardliner", "ua": "cooperative", "us": "random", "eu": "random", "bridge": "random"}


class FullDisk:
    """The save's writer refuses every line, as a full disk does, until space is freed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, writer) -> None:  # noqa: ANN001 - the session's SaveWriter
        self.full, self.failed = True, 0
        real = writer.append

        def append(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            if self.full:
                self.failed += 1
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(*args, **kwargs)

        monkeypatch.setattr(writer, "append", append)


async def _never(_seconds: float) -> None:
    await asyncio.Event().wait()  # the host's own ticking never comes: the test ticks it


def _a_bot_to_move(tmp_path: Path):  # noqa: ANN202 - the table, at a bot's turn
    table = make_table(tmp_path, sealed=False, bots=BOTS)
    session = table.session
    while True:
        state = session.state
        if table.hold.held(state):
            table.hold.release(state)
        elif session.bot_action() is None:
            session.apply(legal_actions(state)[0])  # the facilitator's decision
        else:
            return table
        table.clock.follow(session.state)


async def test_a_bot_move_the_disk_refuses_is_told_to_the_facilitator_and_played_once_there_is_room(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = _a_bot_to_move(tmp_path)
    session = table.session
    seq = session.state.seq
    disk = FullDisk(monkeypatch, session.writer)
    assert table.play_bots() == 0 and disk.failed >= 1  # the bot's move is refused by the disk
    assert session.state.seq == seq
    async with hosting(table, tick=_never) as (host, address, codes):
        console = await connect(address, codes["facilitator"])
        prompt = (await caught_up(console, seq))["decision"]["prompt"]
        assert "could not be written" in prompt and "No space left on device" in prompt, prompt
        # found from outside: "Free space on the disk" on a console that may be on another laptop: which disk?
        assert f"Free some space in {session.save_path.parent}, on the machine that hosts the game" in prompt, prompt
        # found from outside (helper-85): a team's screen said only "Waiting for EU (bot)." for as long as it lasted
        projector = await connect(address, codes["projector"])
        shown = (await caught_up(projector, seq))["decision"]["prompt"]
        assert shown.startswith("The host cannot write the save just now: the game waits until it can"), shown
        assert "Free some space" not in shown  # what to do is the facilitator's
        host.on_tick()  # still full: the bot tries again and the disk refuses again
        assert session.state.seq == seq
        disk.full = False  # space is freed
        host.on_tick()
        assert session.state.seq > seq  # the bots played on by themselves
        view = await caught_up(console, session.state.seq)
        assert "could not be written" not in view["decision"]["prompt"], view["decision"]["prompt"]
        view = await caught_up(projector, session.state.seq)
        assert "cannot write the save" not in view["decision"]["prompt"], view["decision"]["prompt"]
        await console.close()
        await projector.close()


async def test_a_console_s_act_the_disk_refuses_is_said_under_the_hot_seat_s_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: the console's act refused by a full disk came under "Not allowed", as if a rule had
    refused it; the hot seat says "Not saved: the action was not taken"."""
    from tabletop.tui.seat import SeatApp

    from .screenkit import choose, until
    from .support import Sleeps

    table = make_table(tmp_path, sealed=False, bots=BOTS)
    disk = FullDisk(monkeypatch, table.session.writer)
    async with hosting(table, tick=_never) as (_host, address, codes):
        app = SeatApp(address, codes["facilitator"], sleep=Sleeps())
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await until(pilot, app.joined.is_set, "the console to join")
            await until(pilot, lambda: bool(app.view and app.view["decision"]["entries"]), "the first decision")
            await choose(pilot, app, 0)  # the card drawn: its line is refused by the disk
            await until(pilot, lambda: disk.failed >= 1 and bool(app._notifications), "the refusal")
            [notice] = list(app._notifications)
            assert notice.title == "Not saved: the action was not taken", (notice.title, notice.message)
            assert "could not be written" in notice.message and table.session.state.seq == 0


def test_an_act_the_disk_refuses_says_in_its_refusal_what_to_do_and_who_does_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-363): with the host's disk full, the console's notice said only "the save could not
    be written (No space left on device): nothing was done"; the prompt that says what to do was cut to its first
    three lines at 80x24. The refusal says it, as the hot seat's notice does: the facilitator what to do, and where;
    a team that the facilitator is the one to see to it."""
    from tabletop.engine.lookups import seen
    from tabletop.seats.views import seat_entries

    table = make_table(tmp_path, sealed=False)
    session = table.session
    disk = FullDisk(monkeypatch, session.writer)
    pick = table.view("facilitator")["decision"]["entries"][0]["id"]
    answer = table.act("facilitator", "f", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})
    assert answer["type"] == "refused" and answer["code"] == "SAVE_FAILED", answer
    assert session.state.seq == 0 and disk.failed == 1
    assert "No space left on device" in answer["message"], answer
    assert (f"Free some space in {session.save_path.parent}, on the machine that hosts the game, then do it again"
            in answer["message"]), answer
    disk.full = False
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    disk.full = True
    seat = f"team:{session.state.turn}"
    table.connected.add(seat)
    entries = seat_entries(seen(session.state), table.seats[seat], table.facts())
    pick = next(e.id for e in entries if e.refusal is None and e.action is not None and e.action.kind == "pass")
    answer = table.act(seat, "t", {"type": "act", "v": 2, "client_seq": 1, "pick": pick})
    assert answer["type"] == "refused" and answer["code"] == "SAVE_FAILED", answer
    assert "Free some space" not in answer["message"], answer  # not the team's to do, nor on its machine
    assert "facilitator" in answer["message"], answer  # who sees to it
    session.close()
