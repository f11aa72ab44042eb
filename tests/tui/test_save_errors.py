"""When the save refuses an action (a full disk), the room is told plainly and nothing moves.

The board keeps showing what the save holds; the message says the action was
not taken, that the save is as it was, and to free space in the save's folder
and do it again — which then works. A bot's failed move pauses the game.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import tabletop.tui.board as board_module
from tabletop import open_save
from tabletop.store.verifying import verify
from tabletop.tui.app import TabletopApp
from tabletop.tui.widgets import Board

from .support import SIZE, SMALL, board, on_screen, press, start, toasts


class FullDisk:
    """``os.fsync`` of the save fails with ENOSPC until :meth:`heal` (the line was written, not kept)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, save: Path):
        self.full = True
        real = os.fsync
        target = os.stat(save)

        def fsync(fd: int) -> None:
            st = os.fstat(fd)
            if self.full and (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real(fd)

        monkeypatch.setattr(os, "fsync", fsync)

    def heal(self) -> None:
        self.full = False


def _shown(pilot) -> tuple[str, list[str]]:
    screen = board(pilot)
    return on_screen(screen.query_one(Board)), [e.label.plain for e in screen.entries]


async def test_an_action_the_save_refuses_is_not_taken_and_the_room_is_told(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = start(tmp_path)
    path = session.save_path
    app = TabletopApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = _shown(pilot)
        disk = FullDisk(monkeypatch, path)
        await press(pilot, "enter")  # draw the first card
        assert session.state.seq == 0 and len(open_save(path)) == 0 and path.stat().st_size > 0
        assert verify(path).ok
        said = " ".join(toasts(pilot))
        assert "Not saved: the action was not taken" in said
        assert "No space left on device" in said
        assert "The save on disk is as it was before this action" in said
        assert f"Free some space in {path.parent}, then do it again." in said
        assert _shown(pilot) == before  # the board shows what is on disk

        disk.heal()
        await press(pilot, "enter")  # the facilitator presses the key again
        assert session.state.seq == 1
        # found from outside: the red notice stayed 10-15 s over the board after the retry had gone through
        assert not any("Not saved" in t for t in toasts(pilot)), toasts(pilot)
        assert [e.action.kind for e in open_save(path).events] == ["draw"]
        assert _shown(pilot) != before
    report = verify(path)
    assert report.ok and report.events == session.state.seq


async def test_a_bot_move_the_save_refuses_pauses_the_game(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(board_module, "BOT_DELAY", 10_000)  # the test steps the bot itself, not the clock
    session = start(tmp_path, seats={"ru": "cooperative"})
    path = session.save_path
    app = TabletopApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "enter", "enter", "enter")
        assert session.state.phase == "moves" and session.state.turn == "ru"
        seq = session.state.seq
        disk = FullDisk(monkeypatch, path)
        screen = board(pilot)
        screen._bot_step()
        await pilot.pause()
        assert session.state.seq == seq and len(open_save(path)) == seq
        assert screen.paused  # no bot retrying on a full disk every second
        said = " ".join(toasts(pilot))
        assert "Not saved: the action was not taken" in said and f"Free some space in {path.parent}, then press p to go on." in said

        disk.heal()
        await press(pilot, "p")
        assert not screen.paused
        screen._bot_step()
        await pilot.pause()
        assert session.state.seq == seq + 1
        assert session.state.log[-1].action.actor == "ru"
    assert verify(path).ok


async def test_a_note_the_save_refuses_keeps_its_text_and_refusals_do_not_stack(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside on a full tmpfs: a typed note closed with the refusal and was gone (typed again from
    nothing), and each refused key press added one more six-line notice over the decision list."""
    from tabletop.tui.modals import AskScreen

    session = start(tmp_path)
    path = session.save_path
    app = TabletopApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        disk = FullDisk(monkeypatch, path)
        for _ in range(4):
            await press(pilot, "enter")  # the draw, refused four times
        assert sum("Not saved" in t for t in toasts(pilot)) == 1
        await press(pilot, "n")
        await pilot.press(*"ask the US why")
        await press(pilot, "enter")
        assert isinstance(app.screen, AskScreen)  # the note waits, as typed
        assert app.screen.query_one("#ask-input").value == "ask the US why"
        assert sum("Not saved" in t for t in toasts(pilot)) == 1
        disk.heal()
        await press(pilot, "enter")
        board(pilot)
    notes = [e.action for e in open_save(path).events if e.action.kind == "note"]
    assert [n.text for n in notes] == ["ask the US why"]


async def test_the_note_dialog_says_the_room_and_every_report_read_the_note(tmp_path: Path) -> None:
    """Found from outside: a note ("Ukraine team upset — discuss") went into the participants' copy of the
    report; the dialog said only "what happened, what to discuss later". It says who reads it now."""
    from tabletop.tui.modals import AskScreen

    from rich.cells import cell_len

    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:  # found from outside too: at 80x24 the line was cut at "(the room"
        await pilot.pause()
        await press(pilot, "n")
        assert isinstance(app.screen, AskScreen)
        said = str(app.screen.query_one("#ask-title").render())
        field = app.screen.query_one("#ask-input")
        assert "The room and every report read it" in said, said
        assert cell_len(field.placeholder) <= field.content_size.width, (field.placeholder, field.content_size)


async def test_a_save_deleted_during_play_is_written_again_and_the_room_is_told(tmp_path: Path) -> None:
    """Found from outside: ``rm`` of the save during play, then quit: "Saved: …" and no file on disk."""
    session = start(tmp_path)
    path = session.save_path
    async with TabletopApp(session).run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "enter")  # draw the first card
        path.rename(tmp_path / "tidied-away.jsonl")
        path.write_text("not a save\n", encoding="utf-8")  # and another file takes the name
        await press(pilot, "enter")
        said = " ".join(" ".join(toasts(pilot)).split())
        assert "The save was written again" in said and "Nothing is lost" in said, said
        assert str(tmp_path / "game-2.jsonl") in said
        assert "game-2.jsonl" in board(pilot).sub_title
    assert path.read_text(encoding="utf-8") == "not a save\n"
    report = verify(tmp_path / "game-2.jsonl")
    assert report.ok and report.events == session.state.seq == 2


async def test_a_save_written_over_in_place_during_play_goes_on_beside_it_and_the_room_is_told(tmp_path: Path) -> None:
    """Found from outside: an older copy put back over the save in place while the game ran: the board went on,
    nothing said, the save on disk damaged and the room's events lost."""
    session = start(tmp_path)
    path = session.save_path
    async with TabletopApp(session).run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "enter", "enter")
        kept = path.read_bytes().splitlines(keepends=True)[0]
        with open(path, "r+b") as handle:  # the same file, cut back to its header (a backup put back with cp)
            handle.truncate(len(kept))
        await press(pilot, "enter")
        said = " ".join(" ".join(toasts(pilot)).split())
        assert "written over" in said and "Nothing is lost" in said and "game-2.jsonl" in said, said
    assert path.read_bytes() == kept
    assert verify(tmp_path / "game-2.jsonl").events == session.state.seq == 3


def test_a_save_named_without_a_folder_is_told_by_the_working_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: ``--save g.jsonl`` on a full disk said "Free some space in ." — the folder named by a dot."""
    from tabletop.tui.savefail import not_saved_words

    monkeypatch.chdir(tmp_path)
    said = not_saved_words(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), Path("g.jsonl"))
    assert f"Free some space in {tmp_path}, then do it again." in said, said
    assert "in ." not in said, said
    said = not_saved_words(OSError(errno.EROFS, os.strerror(errno.EROFS)), Path("g.jsonl"))
    assert f"The disk holding {tmp_path} has become read-only" in said, said
    # a save named with its folder keeps that folder as it was typed
    said = not_saved_words(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), Path("saves") / "g.jsonl")
    assert "Free some space in saves, then do it again." in said, said


async def test_a_resumed_save_in_the_working_folder_is_named_as_typed_in_the_title(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside: ``tabletop resume g.jsonl`` titled the board "save: /tmp/me5…" at 80 columns (the
    resumed save's real path, absolute, cut before its name); ``play --save g.jsonl`` says "save: g.jsonl"."""
    from tabletop.play.session import Session

    first = start(tmp_path)
    first.close()
    monkeypatch.chdir(tmp_path)
    session = Session.resume(first.save_path.name)
    assert session.save_path.is_absolute()  # the writer holds the real path (links followed)
    async with TabletopApp(session).run_test(size=SMALL) as pilot:
        await pilot.pause()
        title = str(board(pilot).sub_title)
        assert title.endswith(f"save: {first.save_path.name}"), title
        assert str(tmp_path) not in title, title
    session.close()
