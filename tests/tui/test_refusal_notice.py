"""A refusal is read, then out of the way: the next pick the game takes clears it from the list it covered.

Found from outside, playing a Russian hot seat at 80x24: Ukraine pressed a track it does not sit at ("Not
allowed: Ukraine is not at the table ..."), then a track it does; the notice stayed its 8 seconds over the
lower half of the moves that pick listed.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.tui.app import TabletopApp

from .support import SMALL, board, press, start, to_turn_of, toasts


async def test_a_refusal_is_cleared_by_the_next_pick_the_game_takes(tmp_path: Path) -> None:
    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        entries = board(pilot).entries
        refused = next(i for i, e in enumerate(entries) if e.problem)
        allowed = next(i for i, e in enumerate(entries) if not e.problem)
        assert refused < 9 and allowed < 9
        await press(pilot, str(refused + 1))
        assert any("Ukraine" in t for t in toasts(pilot)), toasts(pilot)
        await press(pilot, str(allowed + 1))  # a track Ukraine sits at: its moves are listed
        assert board(pilot).stage is not None
        assert toasts(pilot) == [], toasts(pilot)
        # a refused pick again says why again
        refused_move = next((i for i, e in enumerate(board(pilot).entries) if e.problem), None)
        assert refused_move is not None and refused_move < 9, [e.label.plain for e in board(pilot).entries]
        await press(pilot, str(refused_move + 1))
        assert toasts(pilot), "a refusal after the cleared one is shown"


async def test_a_facilitator_key_with_nothing_to_act_on_says_why(tmp_path: Path) -> None:
    """Found from outside (helper-365, a hot seat at 80x24): u before anything had happened, k or r with no card on
    the table did nothing and said nothing; the footer hides those keys then, but a facilitator presses them from
    memory. Each says why, in place of the last (three presses, one notice), and nothing is done."""
    session = start(tmp_path, seed=5)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        shown = {b.binding.action for b in app.screen.active_bindings.values() if b.binding.show}
        assert not shown & {"undo", "skip", "redraw"}, shown  # still out of the footer
        for key, said in (("u", "There is nothing to undo."), ("k", "There is no card on the table to skip."),
                          ("r", "There is no card on the table to redraw.")):
            await press(pilot, key)
            assert [t for t in toasts(pilot) if said in t], (key, toasts(pilot))
        assert len(toasts(pilot)) == 1, toasts(pilot)
        assert session.state.seq == 0 and board(pilot) is app.screen


async def test_at_80x24_a_notice_leaves_the_options_it_explains_in_sight(tmp_path: Path) -> None:
    """Found from outside (helper-181, in Ukrainian): at 80x24 a notice ("Не дозволено … правило незалежності 3",
    "ЧАС ВИЙШОВ", "Не прийнято: список щойно змінився") sat over the bottom of the decision list for as long as it
    showed, the refused option it explained under it. Notices sit above the list there, as they sit above the keys;
    the list's every row stays in sight, and so does every line of the notice."""
    from textual.widgets import OptionList

    from tabletop import lang

    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    lang.set_language("uk")
    try:
        app = TabletopApp(session)
        async with app.run_test(size=SMALL, notifications=True) as pilot:
            await pilot.pause()
            entries = board(pilot).entries
            refused = next(i for i, e in enumerate(entries) if e.problem)
            await press(pilot, str(refused + 1))
            await pilot.pause()
            assert toasts(pilot), "a refused pick says why"
            listed = app.screen.query_one("#decision", OptionList).region
            keys = app.screen.query_one("KeyBar").region
            for toast in app.screen.query("Toast"):
                where = toast.region
                assert not where.overlaps(listed), (where, listed)
                assert not where.overlaps(keys), (where, keys)
                assert app.screen.region.contains_region(where), where  # the notice whole, its title too
    finally:
        lang.set_language("en")


async def test_at_80x24_a_notice_too_tall_for_the_room_above_the_list_goes_beside_it(tmp_path: Path) -> None:
    """Found from outside (helper-260): at 80x24 a notice taller than the rows above the decision list (time up
    under ``on_time_up = "pass"``, several lines in Russian) was laid over the list, the one place the README
    promises always shows what the game waits for. It goes beside the list, over the board's column, whole."""
    from textual.widgets import OptionList

    session = start(tmp_path, seed=5)
    to_turn_of(session, "ua")
    app = TabletopApp(session)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        app.notify(" ".join(["Время фазы «ходы» вышло."] * 14), title="ВРЕМЯ ВЫШЛО", markup=False)
        for _ in range(5):  # laid out, and fitted
            await pilot.pause()
        listed = app.screen.query_one("#decision", OptionList).region
        keys = app.screen.query_one("KeyBar").region
        shown = list(app.screen.query("Toast"))
        assert shown
        assert all(t.region.height > listed.y for t in shown), listed  # taller than the room above the list
        assert all(app.screen.region.contains_region(t.region) for t in shown)  # the notice whole, its title too
        # what is on top in each of the list's rows and the keys' (Textual clips a notice to its rack: a notice's
        # region may run a row past what is drawn of it)
        for region in (listed, keys):
            for y in range(region.y, region.bottom):
                for x in (region.x + 1, region.x + region.width // 2, region.right - 2):
                    on_top, _ = app.screen.get_widget_at(x, y)
                    assert not any(on_top is t or t in on_top.ancestors for t in shown), (x, y, on_top, region)



async def test_nothing_of_the_screen_under_a_notice_shows_beside_its_words() -> None:
    """Found from outside: a seat at 80x24 showed "The connection dropped: this will be s" / "sent again when the
    screen" / "reconnects.": the "s" was the screen's own, in the column Textual's notices keep free on their right
    (their container's hidden scroll bar), read as a letter of the notice. A notice's rows are its own to the edge."""
    import io

    from rich.console import Console
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from tabletop.tui.bars import KeyBar

    class Under(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("\n".join(["x" * 80] * 22))  # a letter the notice does not have, in every cell under it
            yield KeyBar()

    app = Under()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("The connection dropped: this will be sent again when the screen reconnects.", title="",
                   markup=False)
        await pilot.pause()
        await pilot.pause()
        console = Console(width=80, height=24, file=io.StringIO(), force_terminal=True, record=True)
        console.print(app.screen._compositor.render_update(full=True))
        rows = [line for line in console.export_text().splitlines() if "\u258c" in line]  # its left edge: ▌
        assert rows and not any("x" in line.rsplit("\u258c", 1)[1] for line in rows), rows


async def test_a_playing_key_pressed_after_the_end_says_the_game_is_over(tmp_path: Path) -> None:
    """Found from outside (helper-371): on the board after the game was over, p, e, i, o did nothing and said nothing
    (the footer hides them then). Each says the game is over, in the room's language, one notice, nothing done; u and
    n still act (the end can be undone, a note attached)."""
    from tabletop.engine import Action
    from tabletop.lang import Domain, using
    from tabletop.tui.board import BoardScreen

    session = start(tmp_path, seed=5)
    session.apply(Action("end", reason="out of time"))
    seq = session.state.seq
    app = TabletopApp(session, lang="ru")
    with using("ru"):
        said = Domain("engine").words()[0]("The game is over.")  # the engine's words for it, in Russian
    assert said != "The game is over.", said
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "escape")  # from the end screen a game resumed over opens at, to the board
        assert isinstance(app.screen, BoardScreen), app.screen
        for key in ("p", "e", "i", "o", "k", "r", "plus"):
            await press(pilot, key)
            assert [t for t in toasts(pilot) if said in t], (key, toasts(pilot))
        assert len(toasts(pilot)) == 1, toasts(pilot)
        assert session.state.seq == seq and isinstance(app.screen, BoardScreen), app.screen
