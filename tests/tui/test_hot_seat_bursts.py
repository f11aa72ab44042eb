"""Keys an outside tester (a nervous facilitator on one screen, tmux 80x24) pressed on the hot seat's board, in
bursts as a terminal sends them: each is answered as pressed, none dropped without a word. The room's clock is the
test's own: nothing waits on the wall clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tabletop.engine import Action, legal_actions
from tabletop.play.clock import PICK_HOLD, TYPING_GAP
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.decisionlist import DecisionList
from tabletop.tui.modals import ConfirmScreen, HelpScreen, NoteScreen, PickScreen

from .support import SMALL, board, burst, press, settled, start, toasts, typed
from .test_clock import FakeTime


def kinds(app: TabletopApp) -> list[str]:
    assert app.session is not None
    return [e.action.kind for e in app.session.state.log]


async def test_a_pick_and_n_at_once_take_the_pick_then_open_the_note_on_it(tmp_path: Path) -> None:
    """Found from outside: Enter and n in one burst opened the note on "event 0: the start of the game", and the card
    the Enter drew was never drawn, without a word. The pick came first: it is taken, and the note is on it."""
    app = TabletopApp(start(tmp_path), now=FakeTime(), pick_hold=PICK_HOLD)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        burst(app, "enter", "n")
        await settled(pilot)
        assert kinds(app) == ["draw"], kinds(app)
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.about == 1


async def test_a_pick_and_each_dialog_key_at_once_take_the_pick_first(tmp_path: Path) -> None:
    # k and r: found from outside, "Enter k" at once said "There is no card on the table to skip." of the card the
    # Enter was drawing, and the card stayed
    for key, dialog in (("i", PickScreen), ("e", ConfirmScreen), ("o", PickScreen), ("u", object),
                        ("k", ConfirmScreen), ("r", ConfirmScreen)):
        app = TabletopApp(start(tmp_path, name=f"{key}.jsonl"), now=FakeTime(), pick_hold=PICK_HOLD)
        async with app.run_test(size=SMALL, notifications=True) as pilot:
            await pilot.pause()
            burst(app, "enter", key)
            await settled(pilot)
            assert kinds(app) == ["draw"], (key, kinds(app), toasts(pilot))
            assert isinstance(app.screen, dialog), (key, app.screen, toasts(pilot))


async def test_the_decision_list_stops_at_its_ends(tmp_path: Path) -> None:
    """Found from outside: Up at the top highlighted the last entry (often "Pass", taken at once with Enter), and 30
    Downs in a burst stopped anywhere. Home and End still jump."""
    session = start(tmp_path)
    while session.state.phase == "event":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        listing = app.screen.query_one("#decision", DecisionList)
        last = listing.option_count - 1
        assert last >= 2 and listing.highlighted == 0
        burst(app, "up")
        await settled(pilot)
        assert listing.highlighted == 0
        burst(app, *["down"] * 30)
        await settled(pilot)
        assert listing.highlighted == last
        burst(app, "down", "down")
        await settled(pilot)
        assert listing.highlighted == last
        burst(app, "home")
        await settled(pilot)
        assert listing.highlighted == 0
        burst(app, "end", "up")
        await settled(pilot)
        assert listing.highlighted == last - 1


def _four_events(tmp_path: Path) -> TabletopApp:
    """The board of a game four events in (a note may be put on any of them)."""
    session = start(tmp_path)
    for _ in range(4):
        session.apply(legal_actions(session.state)[0])
    return TabletopApp(session)


async def test_a_burst_of_ups_in_the_note_steps_an_event_each(tmp_path: Path) -> None:
    """Found from outside: 30 Ups at once moved the note one event (each stepped from the event the field had not yet
    said it changed to)."""
    app = _four_events(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "n")
        field = app.screen.query_one("#note-event", Input)
        assert field.value == "4"
        burst(app, "up", "up")
        await settled(pilot)
        assert field.value == "2"
        burst(app, *["up"] * 30)
        await settled(pilot)
        assert field.value == "0" and app.screen.about == 0
        burst(app, "down", "down", "down")
        await settled(pilot)
        assert field.value == "3"


async def test_f1_opens_the_help_over_a_dialog_and_closes_back_to_it(tmp_path: Path) -> None:
    """The help says "Anywhere: F1"; Textual cut the app's F1 at a dialog."""
    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        for key, dialog in (("n", NoteScreen), ("i", PickScreen), ("e", ConfirmScreen)):
            await press(pilot, key)
            assert isinstance(app.screen, dialog)
            asked = app.screen
            await press(pilot, "f1")
            assert isinstance(app.screen, HelpScreen), (key, app.screen)
            await press(pilot, "f1")
            assert app.screen is asked
            await press(pilot, "escape")
            assert app.screen is board(pilot)


def _at_the_gate(tmp_path: Path):  # type: ignore[no-untyped-def]
    session = start(tmp_path, sealed=True)
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
    return session


async def test_paused_a_team_is_not_called_to_the_keyboard(tmp_path: Path) -> None:
    """Found from outside: paused, "Ready — Russia is at the keyboard" seated the team; the notice then said p takes
    the keyboard back, and p resumed the game, the team still seated. Ready is refused as a commit is."""
    session = _at_the_gate(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        table = board(pilot)
        assert table.entries[0].label.plain.startswith("Ready")
        await press(pilot, "p")
        assert table.paused
        await press(pilot, "1")
        assert table.sealed.seated_now(session.state) is None
        assert any("The game is paused: press p to resume." in t for t in toasts(pilot)), toasts(pilot)
        await press(pilot, "p")
        assert not table.paused
        await press(pilot, "1")
        assert table.sealed.seated_now(session.state) == "ru"


async def test_p_paused_with_a_team_seated_takes_the_keyboard_back(tmp_path: Path) -> None:
    """As the notice of a key that waits says: paused with a team seated (the game held under it), p asks and takes
    the keyboard back; the game stays paused."""
    session = _at_the_gate(tmp_path)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        table = board(pilot)
        await press(pilot, "1")
        assert table.sealed.seated_now(session.state) == "ru"
        table.hold_the_game()
        await press(pilot, "p")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")
        assert table.paused and table.sealed.seated_now(session.state) is None
        assert table.entries[0].label.plain.startswith("Ready")


#: position, tension and reason typed in one burst, with a step back (shift+tab) and the cursor moved (End)
OVERRIDE_KEYS = ("backspace", "2", "tab", "backspace", "1", "shift+tab", "end", "backspace", "5",
                 "tab", "tab", "tab", *"calm", "backspace", "x")


async def test_a_burst_in_the_override_lands_in_its_fields_as_typed_slowly(tmp_path: Path) -> None:
    """Found from outside (tmux send-keys at 80x24 and 120x40): "⌫ 2 Tab ⌫ 1 Tab Tab calm" in one burst left the
    position "21cal", the tension empty and the reason empty. Textual hands each key to the field focused when it
    reads it, and moved on only once the Tab had come back up from the field it was typed in; and it acts on a
    backspace (or an arrow) on the field focused by the time the key comes back up."""
    from tabletop.tui.override import TrackOverrideScreen

    for how in ("slowly", "burst"):
        app = TabletopApp(start(tmp_path, name=f"{how}.jsonl"))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await press(pilot, "o", "enter")  # the first track
            assert isinstance(app.screen, TrackOverrideScreen)
            if how == "slowly":
                await press(pilot, *OVERRIDE_KEYS)
            else:
                burst(app, *OVERRIDE_KEYS)
                await settled(pilot)
            typed = {field.id: field.value for field in app.screen.query(Input)}
            assert typed == {"override-position": "5", "override-tension": "1", "override-reason": "calx"}, (how, typed)
            assert app.focused is not None and app.focused.id == "override-reason"
            burst(app, "enter")
            await settled(pilot)
            assert app.session is not None
            last = app.session.state.log[-1].action
            assert (last.kind, last.position, last.tension, last.reason) == ("override", 5, 1, "calx"), (how, last)


async def test_a_burst_through_the_overrides_status_list_applies_nothing_unasked(tmp_path: Path) -> None:
    """Found checking the above: "⌫ 2 Tab Tab Enter ↓ Enter Tab calm" in one burst applied the override (position 2,
    reason "calm") with no Enter typed in a field: the status list's Enter came back up to the app once the focus was
    on the reason, and submitted it. A key acts only on the field it was given to; the list's own keys in a burst are
    not taken (Textual opens the list a moment later), and the dialog waits."""
    from tabletop.tui.override import TrackOverrideScreen

    app = TabletopApp(start(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "o", "enter")
        burst(app, "backspace", "2", "tab", "tab", "enter", "down", "enter", "tab", *"calm")
        await settled(pilot)
        assert isinstance(app.screen, TrackOverrideScreen) and kinds(app) == [], kinds(app)
        typed = {field.id: field.value for field in app.screen.query(Input)}
        assert typed == {"override-position": "2", "override-tension": "3", "override-reason": "calm"}, typed


async def test_a_burst_in_the_note_puts_the_number_in_the_event_and_the_words_in_the_note(tmp_path: Path) -> None:
    """As in the override (found checking the note for it): "shift+Tab ⌫ 2 Tab why" in one burst left the event
    empty and the note "2why"."""
    app = _four_events(tmp_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "n")
        assert isinstance(app.screen, NoteScreen)
        burst(app, "shift+tab", "backspace", "2", "tab", *"whx", "backspace", "y")
        await settled(pilot)
        typed = {field.id: field.value for field in app.screen.query(Input)}
        assert typed == {"note-event": "2", "ask-input": "why"}, typed
        burst(app, "enter")
        await settled(pilot)
    assert app.session is not None
    note = app.session.state.log[-1].action
    assert (note.kind, note.about, note.text) == ("note", 2, "why"), note


async def test_a_burst_in_a_meters_override_lands_in_its_value_and_reason(tmp_path: Path) -> None:
    """Found from outside (helper-159): a meter's override was two dialogs, the value's then the reason's, opened as
    the first closed; "7 Enter Причина поправкиX ⌫ Enter" in one burst sent the letters to the board between the two
    (its word guard dropped them), the reason dialog got "⌫ Enter", an empty reason, and closed: nothing recorded,
    nothing said. One dialog now holds both: Enter in the value goes on to the reason at once, as Tab does."""
    session = start(tmp_path)
    meters = [m.id for m in session.state.ruleset.meters]
    down = len(session.state.ruleset.tracks) + meters.index("escalation")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "o", *(["down"] * down), "enter")
        burst(app, "7", "enter", *"Причина поправкиX", "backspace", "enter")
        await settled(pilot)
        last = session.state.log[-1].action
        assert (last.kind, last.meter, last.value, last.reason) == ("override", "escalation", 7, "Причина поправки"), last
        assert session.state.meters["escalation"] == 7


async def test_a_meters_override_without_a_reason_says_so_in_its_dialog(tmp_path: Path) -> None:
    """An empty reason closed the old reason dialog with nothing done and nothing said; the dialog now stays and
    says what is missing, as the track's override does."""
    from tabletop.tui.override import MeterOverrideScreen

    session = start(tmp_path)
    down = len(session.state.ruleset.tracks)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "o", *(["down"] * down), "enter", "3", "enter", "enter")
        assert isinstance(app.screen, MeterOverrideScreen)
        assert "Type a reason" in str(app.screen.query_one("#override-error").render())
        assert session.state.seq == 0
        await press(pilot, "tab")  # back to the value: a number out of range is said too
        await press(pilot, "backspace", "9", "9", "tab", *"why", "enter")
        assert "Type a whole number from" in str(app.screen.query_one("#override-error").render())
        assert session.state.seq == 0


#: a facilitator's key that opens a dialog, the keys typed after it in one burst, and what they come to: the card
#: typed (↓ to its second match), a track's position typed over, the note, the end's reason
AFTER_A_DIALOG_KEY = [
    (("i", *"sanc", "down", "enter"), ("inject", "sanctions-package")),
    (("o", "enter", "backspace", "2", "tab", "tab", "tab", *"calm", "enter"), ("override", 2, "calm")),
    (("n", *"why", "enter"), ("note", "why")),
    (("e", "y", *"calm", "enter"), ("end", "calm")),
]


def _what(action: Action) -> tuple[object, ...]:
    """What ``action`` did, as :data:`AFTER_A_DIALOG_KEY` says it."""
    said = {"inject": (action.card,), "override": (action.position, action.reason), "note": (action.text,)}
    return (action.kind, *said.get(action.kind, (action.reason,)))


@pytest.mark.parametrize(("keys", "done"), AFTER_A_DIALOG_KEY, ids=["inject", "override", "note", "end"])
async def test_keys_after_a_dialog_key_in_one_burst_go_to_the_dialog(tmp_path: Path, keys: tuple[str, ...],
                                                                      done: tuple[object, ...]) -> None:
    """Found from outside (tmux send-keys 'i' 's' 'a' 'n' 'c' Down Enter at 80x24): the letters went to the board,
    and the inject list took ↓ Enter: the card it had highlighted was injected, not the one typed. Textual hands a
    key to the widget focused when it reads it, and the key that opens a dialog acts only once it has come back up
    to the app (the dialog's field has focus later still): "n why", "o Enter ⌫ 2", "e y calm" lost their words and
    digits the same way. In one burst they land where the same keys typed slowly do."""
    for how in ("slowly", "burst"):
        app = TabletopApp(start(tmp_path, name=f"{how}.jsonl"))
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            await typed(pilot, how, *keys)
            assert app.session is not None
            log = app.session.state.log
            assert log and _what(log[-1].action) == done, (how, [e.action for e in log])
            assert isinstance(app.screen, BoardScreen) or done[0] == "end", (how, app.screen)
        assert app._exception is None


async def test_a_word_after_the_inject_key_in_one_burst_injects_nothing(tmp_path: Path) -> None:
    """The room's word guard (a typing gap) still has the letters typed right after i: a word, not keys, the list the
    i opened put away, as when they come a moment after it. Found from outside: in one burst they went to the board,
    where the guard dropped them, and the list the i opened then took ↓ Enter: its highlighted card was injected."""
    app = TabletopApp(start(tmp_path), now=FakeTime(), pick_hold=PICK_HOLD, typing_gap=TYPING_GAP)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        burst(app, "i", *"sanc", "down", "enter")
        await settled(pilot)
        assert "inject" not in kinds(app), kinds(app)
        assert not isinstance(app.screen, PickScreen)
        assert any("typed as a word" in t for t in toasts(pilot)), toasts(pilot)
