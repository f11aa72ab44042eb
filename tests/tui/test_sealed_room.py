"""What the shared screen says of a sealed move in the facilitator's dialogs and the round's review.

Found from outside (a Russian and a Ukrainian team at one screen): the round review listed a sealed move
the facilitator had taken back in full ("Undone this round: Russia: Statement on Ukrainian statehood"),
and the note dialog, opened right after a team handed the keyboard over, named the sealed move it notes.
The log says of both only who committed a sealed move; so do these.
"""

from __future__ import annotations

from pathlib import Path

from tabletop import Action
from tabletop.engine import State, legal_actions
from tabletop.engine.telling import tell
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.modals import AskScreen, UndoScreen
from tabletop.tui.review import review_text

from .support import SIZE, press, screen_words, start, type_text


def names(session: Session) -> dict[str, str]:
    return {a.id: a.name for a in session.scenario.ruleset.actors}


def _russia_seals_a_move(session: Session) -> State:
    """From the start of a sealed game: on to Russia's turn, which commits one sealed move."""
    while True:
        options = legal_actions(session.state)
        moves = [a for a in options if a.kind == "move" and a.actor == "ru"]
        if moves:
            session.apply(moves[0])
            event = session.state.last
            assert event is not None and event.result.get("sealed"), event
            return session.state
        session.apply(options[0])


def test_the_review_of_a_round_names_an_undone_sealed_move_as_the_log_does(tmp_path: Path) -> None:
    session = start(tmp_path, sealed=True)
    state = _russia_seals_a_move(session)
    move = tell(state.last, state.scenario)  # the record's words, for the debrief: the move by name
    session.apply(Action("undo", reason="taken back"))
    review = review_text(session.state).plain
    assert f"{names(session)['ru']} committed a sealed move" in review, review
    assert move not in review and move.split(": ", 1)[1] not in review, review


async def _note_dialog(session: Session) -> str:
    """The board on ``session``, n pressed: the words on the screen with the note dialog open."""
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "n")
        assert isinstance(app.screen, AskScreen)
        return screen_words(pilot)


async def test_the_note_dialog_names_a_sealed_move_as_the_log_does(tmp_path: Path) -> None:
    session = start(tmp_path, sealed=True)
    state = _russia_seals_a_move(session)
    words = tell(state.last, state.scenario).split(": ", 1)[1]  # "Table a proposal on Borders"
    asked = await _note_dialog(session)
    assert f"Note on event {state.seq}: {names(session)['ru']} committed a sealed move" in asked, asked
    assert words not in asked, asked


async def test_the_note_dialog_on_the_undo_of_a_sealed_move_keeps_the_move_sealed(tmp_path: Path) -> None:
    """Found from outside (helper-108): after a sealed move was undone, ``n`` asked "Note on event 9: Undo: Russia:
    Make an argument on Humanitarian (sealed: committed)" in front of the room, while the rulings beside it said
    "Undo: a sealed move taken back (what it was stays sealed)"."""
    session = start(tmp_path, sealed=True)
    state = _russia_seals_a_move(session)
    words = tell(state.last, state.scenario).split(": ", 1)[1]  # "Table a proposal on Borders"
    session.apply(Action("undo", reason="taken back"))
    asked = await _note_dialog(session)
    said = (f"Note on event {session.state.seq}: Undo: {names(session)['ru']}: a sealed move taken back (what it was "
            "stays sealed)")
    assert said in asked, asked
    assert words not in asked, asked


def test_the_replay_gives_no_reason_tabletop_recorded_itself(tmp_path: Path) -> None:
    """Found from outside: ``tabletop replay --lang ru`` showed an undo's "причина: undone by the facilitator" (later,
    in today's words, «причина: отменено ведущим»), and a skip's and an end's alike, for reasons nobody gave: the hot
    seat recorded them, and the engine records an end's. A reason tabletop recorded itself is shown as none; a
    person's as typed."""
    from tabletop import lang
    from tabletop.store.reading import open_save
    from tabletop.tui.timeline import working_text

    session = start(tmp_path)
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("undo", reason="undone by the facilitator"))  # as saves from before the undo's reason hold
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("undo", reason="the room asked"))
    session.apply(legal_actions(session.state)[0])
    session.apply(Action("skip", reason="skipped by the facilitator"))  # as saves from before hold
    session.apply(Action("end"))  # none typed: the engine records "ended by the facilitator"
    save = open_save(session.save_path)
    with lang.using("ru"):
        ours = [working_text(save, seq, set(), {}, {}).plain for seq in (2, 6, 7)]
        theirs = working_text(save, 4, set(), {}, {}).plain
    for said in ours:
        assert "причина" not in said and "by the facilitator" not in said, said
    assert ours[2].splitlines()[0] == "Ведущий завершает игру", ours[2]
    assert "причина: \u00abthe room asked\u00bb (en)" in theirs, theirs  # typed in English: marked as typed


async def test_the_command_palette_asks_in_the_language_spoken(tmp_path: Path) -> None:
    """Found from outside: on a Russian board, ctrl+p opened "Search for commands…" above Russian entries."""
    from textual.command import CommandInput, CommandPalette

    from tabletop import lang

    for code, asked in (("ru", "Поиск команд…"), ("uk", "Пошук команд…"), ("en", "Search for commands…")):
        app = TabletopApp(start(tmp_path, name=f"{code}.jsonl"), lang=code)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "ctrl+p")
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(CommandInput).placeholder == asked
        lang.set_language("en")


async def test_the_facilitators_keys_wait_while_a_team_sits_at_the_keyboard(tmp_path: Path) -> None:
    """Found from outside (helper-108): with Ukraine alone at the keyboard in a sealed round, its argument typed on the
    board before the dialog opened ("Kyiv", Enter) injected a card, and ``u`` took back Russia's sealed move. The
    powers that change the game or show what the room may not see wait until the hand-over. ``p`` asks first (it is
    a letter a team may type), then pauses and takes the keyboard back: the team's sitting ends and it comes back
    through the gate; the facilitator's powers then act (found in review: a pause alone left inject and end
    refused, and "input" typed on the board paused the game and put up the undo's question)."""
    from tabletop.tui.modals import ConfirmScreen, PickScreen

    from .support import board, toasts

    session = start(tmp_path, sealed=True)
    _russia_seals_a_move(session)
    while session.state.turn == "ru":  # Russia's sitting done, before the screen comes up
        session.apply(Action("pass", actor="ru"))
    team = session.state.turn
    app = TabletopApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "1")  # "Ready — Ukraine is at the keyboard"
        assert board(pilot).sealed.seated_now(session.state) == team
        seq = session.state.seq
        for key in ("i", "u", "e", "n", "s", "k", "r", "f"):
            await press(pilot, key)
            assert app.screen is board(pilot), (key, app.screen)
        assert not board(pilot).show_facilitator
        assert session.state.seq == seq  # nothing done
        said = " ".join(toasts(pilot))
        assert f"At the keyboard: {names(session)[team]} (sealed moves)" in said, said
        # o, the override's key, is the team's own panel meanwhile, secret objectives too (found from outside: a team
        # at the keyboard had no way to read its objectives), in the footer so; Escape closes it
        from tabletop.tui.ownview import OwnScreen

        table = board(pilot)
        assert table.check_action("own", ()) and not table.check_action("override", ())  # the footer: o Objectives
        await press(pilot, "o")
        assert isinstance(app.screen, OwnScreen), app.screen
        actor = next(a for a in session.state.ruleset.actors if a.id == team)
        secret = [o.text for o in actor.objectives if o.secret]
        panel = str(app.screen.query_one("#own-text").render())
        assert secret and all(f"Objective (secret): {text}" in panel for text in secret), panel
        from tabletop.lang import using
        from tabletop.tui.ownview import team_text

        with using("uk"):  # each resource by its name in the room's language, as the board says it
            russia = team_text(session.state, "ru").plain
        assert "мандат Москви" in russia and "mandate-moscow" not in russia and "Ціль (таємна)" in russia, russia
        await press(pilot, "escape")
        assert app.screen is board(pilot) and session.state.seq == seq
        table = board(pilot)
        await press(pilot, *"input")  # a word typed on the board: p asks, the u after it puts the question away
        assert app.screen is table and not table.paused
        assert board(pilot).sealed.seated_now(session.state) == team and session.state.seq == seq
        await press(pilot, "p")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")  # the facilitator takes the keyboard back
        assert board(pilot).paused and board(pilot).sealed.seated_now(session.state) is None
        assert [e.label.plain for e in board(pilot).entries][0].startswith("Ready"), "the team is called back"
        await press(pilot, "p")  # resumed: the powers act
        assert not board(pilot).paused
        await press(pilot, "i")
        assert isinstance(app.screen, PickScreen)
        await press(pilot, "enter")
        assert session.state.last.action.kind == "inject", session.state.last
        await press(pilot, "e")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "y")
        await type_text(pilot, "out of time")
        await press(pilot, "enter")
        assert session.state.over


async def test_the_secrets_wait_at_a_team_s_hand_over_too(tmp_path: Path) -> None:
    """Found from outside (helper-112): at "Done — hand over to Ukraine", Russia still at the keyboard, f opened the
    facilitator's panel and s offered to show the secret objectives. Those wait for the hand-over too; the game's
    powers (an undo the team asks for) do not."""
    from .support import board, choose, toasts

    session = start(tmp_path, sealed=True)
    while session.state.phase != "moves":
        session.apply(legal_actions(session.state)[0])
    app = TabletopApp(session)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await choose(pilot, "Ready")  # Russia at the keyboard
        while not board(pilot).entries[0].label.plain.startswith("Done"):
            await choose(pilot, board(pilot).entries[-1].label.plain)  # its pass: done
        assert board(pilot).sealed.seated_now(session.state) is None  # at its hand-over
        for key in ("f", "s"):
            await press(pilot, key)
            assert app.screen is board(pilot) and not board(pilot).show_facilitator, key
        assert any("At the keyboard: Russia" in t for t in toasts(pilot)), toasts(pilot)
        await press(pilot, "u")
        assert isinstance(app.screen, UndoScreen)  # the undo's question: the facilitator may step in
