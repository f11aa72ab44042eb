"""A note on any event, not only the last: the note dialog steps back through the events, or takes a number.

Found from outside (a facilitator preparing a debrief): after an override at event 21, a note about the rejected
vote at event 19 had to go on event 21, though the design says a note may go on any event and the engine takes one.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tabletop import open_save
from tabletop.play.session import Session
from tabletop.report import build_report, render
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import AskScreen
from tabletop.tui.replay import ReplayApp, ReplayScreen
from tabletop.tui.text import room_told

from .support import SIZE, SMALL, press, rendered, start, type_text


async def _played(pilot: object, session: Session, events: int) -> None:
    """Enter pressed on the board (its first entry, each confirmed) until the game has had ``events`` events."""
    for _ in range(40):
        if session.state.seq >= events:
            return
        await press(pilot, "enter")  # type: ignore[arg-type]
    raise AssertionError(f"the game stopped at event {session.state.seq}")


def _title(app: TabletopApp) -> str:
    return str(app.screen.query_one("#ask-title", Static).render())


async def test_a_note_goes_on_an_earlier_event_chosen_with_up(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _played(pilot, session, 5)
        # (the events as the log shows them, notes aside: this test runs on the code before the change too)
        latest, _back, earlier = [e.seq for e in reversed(session.state.log) if e.action.kind != "note"][:3]
        await press(pilot, "n")
        assert isinstance(app.screen, AskScreen)
        assert _title(app).startswith(f"Note on event {latest}: ")  # the last event, as before
        await press(pilot, "up", "up")  # two events back
        chosen = next(e for e in session.state.log if e.seq == earlier)
        assert _title(app).startswith(f"Note on event {earlier}: {room_told(session.state, chosen)}"), _title(app)
        await type_text(pilot, "why the vote failed")
        await press(pilot, "enter")
        assert not isinstance(app.screen, AskScreen)
    note = open_save(session.save_path).events[-1]
    assert (note.action.kind, note.action.about, note.result["about"]) == ("note", earlier, earlier)

    # the debrief reads it on that event, not on the last one
    report = build_report(session.save_path)
    log = {e["seq"]: e for e in report["log"]}
    assert note.seq in log[earlier]["notes"] and note.seq not in log[latest]["notes"]
    row = next(line for line in render([session.save_path], "md").splitlines() if line.startswith(f"| #{note.seq} |"))
    assert f"#{earlier} (round" in row and "why the vote failed" in row, row
    replay = ReplayApp(open_save(session.save_path))
    async with replay.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = replay.screen
        assert isinstance(screen, ReplayScreen)

        def working(index: int) -> str:
            screen.go(index)
            return str(screen.query_one("#working", Static).render())

        assert "note: why the vote failed" in working(earlier)
        assert "why the vote failed" not in working(latest)


async def test_a_typed_event_number_the_engine_refuses_is_refused_in_its_words(tmp_path: Path) -> None:
    from tabletop.tui.modals import NoteScreen

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _played(pilot, session, 3)
        await press(pilot, "n")
        await type_text(pilot, "set-up")
        await press(pilot, "tab", "backspace", "backspace", "backspace")
        await type_text(pilot, "99")
        said = str(app.screen.query_one("#ask-error", Static).render())
        assert said == "There is no event 99 to attach a note to.", said  # the engine's own words
        await press(pilot, "enter")
        assert isinstance(app.screen, NoteScreen)  # refused: the dialog waits, the note as typed
        assert app.screen.query_one("#ask-input", Input).value == "set-up"
        await press(pilot, "backspace", "backspace", "0")  # the start of the game
        assert _title(app).startswith("Note on event 0: the start of the game"), _title(app)
        assert not str(app.screen.query_one("#ask-error", Static).render())
        await press(pilot, "enter")
        assert not isinstance(app.screen, NoteScreen)
    note = open_save(session.save_path).events[-1]
    assert (note.action.kind, note.action.text, note.action.about) == ("note", "set-up", 0)


async def test_a_letter_in_the_event_field_is_refused_in_words(tmp_path: Path) -> None:
    """Found from outside (tmux, 80x24 and 120x40): letters typed in the Event field were dropped without a word (the
    field takes a number; Textual only rings the terminal's bell). The dialog says so beside the field, where its keys
    are said, and the next digit taken brings the keys back."""
    from tabletop.tui.modals import NoteScreen

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _played(pilot, session, 3)
        await press(pilot, "n", "tab")  # from the note to the event's field
        field = app.screen.query_one("#note-event", Input)
        assert app.focused is field and field.value == "3"
        await press(pilot, "end", "e", "v")
        assert field.value == "3"  # not taken
        said = "The Event field takes only a number: type the event's number, or step to it with \u2191/\u2193."
        keys = app.screen.query_one("#note-event-keys", Static)
        assert str(keys.render()) == said
        assert said in rendered(pilot)  # on the screen, not only in the widget
        await press(pilot, "backspace", "2")
        assert field.value == "2" and str(keys.render()).startswith("\u2191/\u2193 an earlier or a later event")
        assert isinstance(app.screen, NoteScreen) and app.screen.about == 2


async def test_up_and_down_step_over_notes_and_stop_at_either_end(tmp_path: Path) -> None:
    """A note is on the event before it, not on another note (as the default is); down past the last event and up
    past the start of the game stay where they are."""
    from tabletop.tui.modals import NoteScreen

    session = start(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await _played(pilot, session, 2)
        await press(pilot, "n")
        await type_text(pilot, "first")
        await press(pilot, "enter")  # a note on event 2: event 3
        await press(pilot, "n")
        field = app.screen.query_one("#note-event", Input)
        assert field.value == "2"
        await press(pilot, "down")
        assert field.value == "2"
        await press(pilot, "up", "up", "up")
        assert field.value == "0"
        await press(pilot, "up")
        assert field.value == "0"
        await press(pilot, "down")
        assert field.value == "1"
        await press(pilot, "escape")
        assert not isinstance(app.screen, NoteScreen)  # nothing typed: one Escape closes it
    assert [e.action.kind for e in open_save(session.save_path).events][-1] == "note"


async def test_an_undone_event_is_named_undone_as_the_log_names_it(tmp_path: Path) -> None:
    from tabletop.engine import Action
    from tabletop.engine.wording import undone_word

    session = start(tmp_path)
    session.apply(Action("draw"))
    session.apply(Action("undo"))
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "n", "up")
        assert _title(app).startswith(f"Note on event 1: {undone_word()} Card drawn"), _title(app)
        await type_text(pilot, "drawn too early")
        await press(pilot, "enter")
    assert open_save(session.save_path).events[-1].result["about"] == 1
