"""The debrief viewer: stepping shows exactly the recorded state, read-only.

Every test drives ``ReplayApp`` with keys, then compares what the board
widgets were fed with ``open_save(...).state_at(i)``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import OptionList, Static

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, apply, legal_actions, new_game
from tabletop.engine.records import Ruling
from tabletop.sim.game import play_game
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save
from tabletop.tui.modals import ConfirmScreen
from tabletop.tui.replay import ReplayApp, ReplayScreen
from tabletop.tui.widgets import Board, KeyScroll, TurnPanel
from tests.store.savekit import first_legal, record_actions, record_undone_sealed

SIZE = (120, 40)


def record(path: Path, ruleset: str = "parallel-tracks", seed: int = 11) -> Path:
    with SaveWriter.create(path, load_scenario(ruleset), seed, durable=False) as writer:
        play_game(load_scenario(ruleset), seed, observe=lambda s: s.last is not None and writer.append(s))
    return path


def facilitated(path: Path) -> Path:
    """A short game with a note, an override and an undo in it."""
    record_actions(path, load_scenario("parallel-tracks"), 3, [first_legal] * 6 + [
        lambda s: Action("note", text="Ask the room why [bold]this[/] mattered", about=s.seq),
        lambda s: Action("override", track="borders", tension=1, reason="Ceasefire holds"),
        lambda s: legal_actions(s)[-1],
        lambda s: Action("undo")])
    return path


def screen_of(app: ReplayApp) -> ReplayScreen:
    assert isinstance(app.screen, ReplayScreen)
    return app.screen


def board_text(app: ReplayApp, track: str) -> str:
    return app.screen.query_one(Board).track_text(track).plain


async def test_stepping_shows_the_recorded_state(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    save = open_save(path)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.index == len(save)  # opens at the end: the outcome first
        await pilot.press("home")
        await pilot.pause()
        assert screen.index == 0
        for i in range(1, 40):
            await pilot.press("right")
            await pilot.pause()
            assert screen.index == i
            expected = save.state_at(i)
            spec = expected.ruleset.tracks[0]
            track = expected.tracks[spec.id]
            assert f" {track.position}/{len(spec.ladder) - 1} " in board_text(app, spec.id)
            assert f" {track.tension}/{spec.breakdown_at}" in board_text(app, spec.id)
            where = app.screen.query_one("#where", Static).render()
            assert f"Event {i} of {len(save)} \u00b7 round {expected.round} \u00b7 {expected.phase}" in str(where)
        await pilot.press("left", "left")
        await pilot.pause()
        assert screen.index == 37
        await pilot.press("end")
        await pilot.pause()
        assert screen.index == len(save)
        final = save.final_state()
        for spec in final.ruleset.tracks:
            assert final.tracks[spec.id].status.upper() in board_text(app, spec.id)


async def test_rounds_and_goto(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    save = open_save(path)
    starts = {}
    for e in save.events:
        starts.setdefault(e.round, e.seq - 1)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert screen.index == starts[2]
        assert save.state_at(screen.index + 1).round == 2
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.index == starts[3]
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.index == starts[2]
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("9", "9", "enter")  # no such round: the prompt says so and stays
        await pilot.pause()
        assert screen.index == starts[2]
        await pilot.press("backspace", "backspace", "4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen)
        assert screen.index == starts[4]


def undone_round_start(path: Path) -> tuple[Path, int, int]:
    """A game whose facilitator undid round 2's start (found from outside: the card draw, the start of round 2, the
    round 1 review and the move before it, four undos at round 2's event phase), then played on to round 3: the
    save, the start of round 2 undone and the one that stands (each the state after its step into the round)."""
    scenario = load_scenario("parallel-tracks")
    state = new_game(scenario, 3)
    starts: list[int] = []
    with SaveWriter.create(path, scenario, 3, durable=False) as writer:

        def step(action: Action) -> None:
            nonlocal state
            before = state.round
            state = apply(state, action)
            writer.append(state)
            if state.round > before:
                starts.append(state.seq)

        while state.round < 2:
            step(legal_actions(state)[0])
        step(legal_actions(state)[0])  # round 2's card
        for _ in range(4):
            step(Action("undo"))
        assert state.round == 1
        while state.round < 3:
            step(legal_actions(state)[0])
    undone, stands, _third = starts
    return path, undone, stands


async def test_a_round_jump_lands_on_the_start_that_stands(tmp_path: Path) -> None:
    """PgDn and "go to round" skip a start of the round the facilitator undid (found from outside: round 2 opened
    on the start taken back, and six steps of the discarded branch came before the real one)."""
    path, undone, stands = undone_round_start(tmp_path / "undone.jsonl")
    save = open_save(path)
    assert save.state_at(undone).round == save.state_at(stands).round == 2 and undone < stands
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert screen.index == stands
        await pilot.press("pageup")  # back to round 1's start, and forward again the same
        await pilot.pause()
        assert screen.index == 0
        await pilot.press("g", "2", "enter")
        await pilot.pause()
        assert screen.index == stands
        await pilot.press("home", *["right"] * (undone + 1), "pageup")  # on the branch undone: back to its start
        await pilot.pause()
        assert screen.index == undone
        await pilot.press("pagedown")  # and forward to round 3, not to round 2 again
        await pilot.pause()
        assert save.state_at(screen.index).round == 3


async def test_filters_and_facilitator_marks(tmp_path: Path) -> None:
    path = facilitated(tmp_path / "f.jsonl")
    save = open_save(path)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        timeline = app.screen.query_one("#timeline", OptionList)
        texts = [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]
        joined = "\n".join(texts)
        # one mark, as the board's log and the report's decision log: the words name what was done
        for done in ("Note on event", "Facilitator override of", "Undo: "):
            assert f"FACILITATOR {done}" in joined, done
        assert "(undone)" in joined
        assert "\u270e note" in joined  # the event the note is about carries a mark
        assert "[bold]this[/]" in joined  # note text literally, never markup
        # filter by track: only events that touched Borders
        await pilot.press("t")
        await pilot.pause()
        names = [t.id for t in save.scenario.ruleset.tracks]
        for _ in range(names.index("borders")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.track_filter == "borders"
        shown = [seq for seq in screen._shown if seq]
        assert shown and all(
            save.events[s - 1].track == "borders"
            or any(c.get("track") == "borders" for c in save.events[s - 1].result.get("changes", []))
            for s in shown
        )
        await pilot.press("c")
        await pilot.pause()
        assert screen.track_filter is None and len(screen._shown) == len(save) + 1


async def test_a_damaged_save_opens_with_what_is_intact(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    raw = path.read_bytes()
    path.write_bytes(raw[:-25])  # a torn last line
    save = open_save(path)
    assert save.damage is not None
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        assert screen.index == len(save)
        where = str(app.screen.query_one("#where", Static).render())
        assert f"damaged after event {len(save)}: torn tail" in where
        assert any("damaged" in n.message for n in app._notifications)


async def test_a_damaged_save_names_on_screen_the_copy_the_game_went_on_in(tmp_path: Path) -> None:
    """Found from outside: the replay's notice of a save damaged mid-file said what it showed, but the recovered
    copy ``tabletop resume`` went on in was named only on the terminal after the viewer closed: on a projector the
    room never saw where the rest of the game is."""
    from tabletop.store.recovery import resume

    path = record(tmp_path / "game.jsonl")
    lines = path.read_bytes().splitlines(keepends=True)
    lines[4] = lines[4].replace(b'"round":', b'"round" :', 1)  # event 3 changed: the chain breaks there
    path.write_bytes(b"".join(lines))
    resume(path, durable=False).writer.close()  # the game goes on in game-recovered.jsonl beside it
    save = open_save(path)
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [notice] = [n.message for n in app._notifications if "damaged" in n.message]
        assert "game-recovered.jsonl" in notice, notice


async def test_a_damaged_save_says_what_kind_of_damage_in_the_language_spoken(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    path.write_bytes(path.read_bytes()[:-25])  # a torn last line
    save = open_save(path)
    app = ReplayApp(save, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        where = str(app.screen.query_one("#where", Static).render())
        assert "обірваний кінець" in where and "torn tail" not in where


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_replay_snapshot(snap_compare, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
    # the title shows the save's path: a relative one, the same on every machine
    monkeypatch.chdir(Path(__file__).parent / "fixtures")
    path = Path("replay-game.jsonl")

    async def run_before(pilot) -> None:
        await pilot.press("home")
        for _ in range(12):
            await pilot.press("right")
        await pilot.pause()

    assert snap_compare(ReplayApp(open_save(path)), run_before=run_before, terminal_size=size)


async def test_the_key_bar_names_the_step_keys(tmp_path: Path) -> None:
    """The timeline list has focus; its own (hidden) scroll keys must not hide Back and Forward."""
    from tabletop.tui.bars import KeyBar

    path = record(tmp_path / "game.jsonl")
    app = ReplayApp(open_save(path))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = {item.description for item in app.screen.query_one(KeyBar).items}
        assert {"Back", "Forward", "Round back", "Round forward"} <= shown
        screen = screen_of(app)
        start = screen.index
        await pilot.press("left")
        await pilot.pause()
        assert screen.index == start - 1


async def test_every_ruling_can_be_read_whole_in_the_replay_at_80x24(tmp_path: Path) -> None:
    """The working panel scrolls: no line of a long ruling is cut on a small screen."""
    save = open_save(record(tmp_path / "game.jsonl"))
    app = ReplayApp(save)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReplayScreen)
        working = screen.query_one("#working", Static)
        tallest = 0
        # the events that carry a ruling (the long workings); the others show a line or two
        rulings = [e.seq for e in save.events if Ruling.from_result(e.result) is not None]
        assert len(rulings) > 10
        for index in rulings:
            screen.go(index)
            await pilot.pause()
            needed = working.get_content_height(working.size, working.size, working.size.width)
            tallest = max(tallest, needed)
            assert working.size.height >= needed, f"event {index}: {working.size.height} of {needed} lines shown"
        assert tallest > 5  # the game has rulings longer than the panel's window, so scrolling was exercised


async def test_a_sealed_move_never_revealed_is_shown_only_in_the_facilitator_view(tmp_path: Path) -> None:
    """Found from outside: the debrief's replay (its audience is the room) spelled out a sealed move that the game
    never revealed, one its team entered and the facilitator undid ("Ukraine: Stall on Borders (sealed:
    committed)", and again in its undo), which the participants' report has kept sealed since issue 19. The
    replay now shows such a move as the room saw it, "Ukraine: a sealed move, committed", in the timeline, in
    its undo and in the working; f (the facilitator's view, with the cards' control notes) shows it."""
    sc = load_scenario("parallel-tracks").with_options(sealed_moves=True)
    path = tmp_path / "undone.jsonl"
    committed = record_undone_sealed(path, sc, 4, to_reveal=True)
    secret = next(m.name for m in sc.ruleset.moves if m.id == committed.action.move)
    actor = next(a.name for a in sc.ruleset.actors if a.id == committed.action.actor)
    log = open_save(path).events
    revealed = [e for e in log if e.result.get("sealed") and e.seq != committed.seq]
    assert revealed and any(e.result.get("revealed") for e in log)  # the others were revealed

    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)

        def lines() -> dict[int, str]:
            return {int(timeline.get_option_at_index(i).id or 0): str(timeline.get_option_at_index(i).prompt)
                    for i in range(timeline.option_count)}

        def working_at(index: int) -> str:
            screen_of(app).go(index)
            return str(app.screen.query_one("#working", Static).render())

        hidden = f"{actor}: a sealed move, committed"
        said = lines()
        assert hidden in said[committed.seq] and secret not in said[committed.seq], said[committed.seq]
        # found from outside (helper-149): "Undo: Ukraine: a sealed move, committed" read as if the undo made it
        undone = f"Undo: {actor}: a sealed move taken back (what it was stays sealed)"
        assert undone in said[committed.seq + 1], said[committed.seq + 1]
        assert hidden in working_at(committed.seq) and secret not in working_at(committed.seq)
        assert secret not in working_at(committed.seq + 1)
        other = revealed[-1]  # a revealed sealed move is shown whole, with when it was committed and revealed
        other_name = next(m.name for m in sc.ruleset.moves if m.id == other.action.move)
        assert other_name in said[other.seq] and "revealed at" in said[other.seq]
        await pilot.press("f")  # the facilitator's view, asked first: the room will see it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and secret not in lines()[committed.seq]
        await pilot.press("enter")
        await pilot.pause()
        where = str(app.screen.query_one("#where", Static).render())
        assert "FACILITATOR VIEW" in where, where
        said = lines()
        assert secret in said[committed.seq] and secret in said[committed.seq + 1]
        assert secret in working_at(committed.seq)


async def test_a_sealed_move_never_revealed_gives_away_neither_its_track_nor_its_cost(tmp_path: Path) -> None:
    """Found from outside (helper-92): in the room's view, the track filter listed a sealed move never revealed
    under the one track it was on (and under no other), and the turn panel's capital fell at the commit by what
    the move cost. Such a move now matches no track filter, and its team's resources show as before it while it
    stands; the facilitator's view (f) shows both as they are."""
    sc = load_scenario("parallel-tracks").with_options(sealed_moves=True)
    path = tmp_path / "undone.jsonl"
    state = new_game(sc, 4)
    with SaveWriter.create(path, sc, 4, durable=False) as writer:  # a sealed move on a track, then undone
        while not [p for p in state.queue if p.sealed]:
            options = legal_actions(state)
            on_track = [a for a in options if a.kind == "move" and a.track is not None]
            state = apply(state, on_track[0] if on_track else options[0])
            writer.append(state)
        committed = state.last
        state = apply(state, Action("undo"))
        writer.append(state)
    assert committed is not None and committed.action.track is not None
    save = open_save(path)
    spent = save.state_at(committed.seq - 1).resources[committed.action.actor]
    after = save.state_at(committed.seq).resources[committed.action.actor]
    assert spent != after  # the move cost something: what the room must not read
    team = next(a.name for a in sc.ruleset.actors if a.id == committed.action.actor)

    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        screen.track_filter = committed.action.track
        screen._fill_timeline()
        assert committed.seq not in screen._shown
        screen.go(committed.seq)
        await pilot.pause()
        turn = str(app.screen.query_one(TurnPanel).render())
        assert screen._room_resources(save.state_at(committed.seq)).resources[committed.action.actor] == spent
        assert team in turn
        await pilot.press("f", "enter")  # the facilitator's view: the move on its track, the resources as they are
        await pilot.pause()
        assert committed.seq in screen._shown
        assert screen._room_resources(save.state_at(committed.seq)) is save.state_at(committed.seq)
        await pilot.press("f")  # off at once
        await pilot.pause()
        assert not screen.facilitator and "FACILITATOR VIEW" not in str(app.screen.query_one("#where", Static).render())
        screen.go(committed.seq + 1)  # undone: the refund is the board's own again
        assert screen._room_resources(save.state_at(committed.seq + 1)).resources == save.state_at(
            committed.seq + 1).resources


async def test_an_undone_event_is_marked_in_the_language_spoken(tmp_path: Path) -> None:
    """Found from outside: the Russian replay's timeline read "2 Р1 соб.  (undone) Декларация…": the mark an
    undone action carries was the English constant, on the board's log too."""
    from tabletop import lang

    path = facilitated(tmp_path / "f.jsonl")
    lang.set_language("ru")
    try:
        app = ReplayApp(open_save(path))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            timeline = app.screen.query_one("#timeline", OptionList)
            joined = "\n".join(str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count))
            assert "(отменено)" in joined and "(undone)" not in joined, joined
    finally:
        lang.set_language("en")


async def test_a_game_saved_as_a_round_began_goes_to_that_round(tmp_path: Path) -> None:
    """Found from outside: a game saved just after the review moved it into round 3 showed "Event 70 of 70 ·
    round 3", but g said "This game has rounds 1 to 2" to a 3: an event carries the round it happened in,
    and no event had happened in round 3 yet. Round 3 starts after the last event."""
    scenario = load_scenario("parallel-tracks")
    state = new_game(scenario, 11)
    path = tmp_path / "begun.jsonl"
    with SaveWriter.create(path, scenario, 11, durable=False) as writer:
        while state.round < 3:
            state = apply(state, legal_actions(state)[0])
            writer.append(state)
    save = open_save(path)
    assert save.events[-1].round == 2 and save.state_at(len(save)).round == 3
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "g")
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen), "the round was refused"
        assert screen.index == len(save)


async def test_the_working_says_when_an_event_was_saved_as_a_person_reads_a_time(tmp_path: Path) -> None:
    """Found from outside: the working of an event ended "at 2026-12-04T06:54:46.046Z", the save's own
    notation; it reads "at 2026-12-04 06:54:46 UTC". A time in another shape is shown as it is."""
    from tabletop.report.words import saved_at

    path = record(tmp_path / "game.jsonl")
    save = open_save(path)
    stamp = save.events[2].time
    assert stamp and stamp.endswith("Z") and "T" in stamp
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen_of(app).go(3)
        await pilot.pause()
        working = str(app.screen.query_one("#working", Static).render())
        day, clock = stamp[:10], stamp[11:19]
        assert f"at {day} {clock} UTC" in working and stamp not in working, working
    assert saved_at("yesterday\x1b[31m") == "yesterday\u241b[31m"  # not a save's time: literally


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One bot game's save for the tests that only read it (recorded once: a game is a second or two)."""
    return record(tmp_path_factory.mktemp("recorded") / "game.jsonl")


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_the_help_fits_80_columns_and_names_the_key_bar_s_quit(recorded: Path, code: str) -> None:
    """F1 at 80x24 wrapped the facilitator's-view line in two ("never revealed" alone under the keys), and said
    "q quit" where the key bar says "^q Quit"."""
    from tabletop import lang
    from tabletop.tui.replay import ReplayHelp

    app = ReplayApp(open_save(recorded), lang=code)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, ReplayHelp)
            text = app.screen.query_one("#help-text", Static)
            written = str(text.content).splitlines()
            height = text.get_content_height(text.size, text.size, text.size.width)
            assert height == text.get_content_height(text.size, text.size, 1000), "a line wraps at 80 columns"
            quits = [line for line in written if "ctrl+q" in line]
            assert len(quits) == 1 and "q," in quits[0], written
            # found from outside (helper-92): the ru/uk help named the keys in English words ("left / right")
            assert any(line.lstrip().startswith("\u2190 / \u2192 ") for line in written), written
            assert not any(words in line for line in written for words in ("left / right", "up / down", "page up"))
            # found from outside (helper-302): the key bar showed "f2 Theme", and F1 did not name F2. Every key the
            # bar shows is in a key column of F1 (cells of two spaces or more: key, words, key, words), whole
            named = {key.lower() for line in written for cell in re.split(r"\s{2,}", line.strip())[::2]
                     for key in re.split(r", | / ", cell)}
            footer = [app.get_key_display(b.binding) for b in app.screen_stack[-2].active_bindings.values()
                      if b.binding.show and b.enabled]
            footer.append(app.COMMAND_PALETTE_BINDING)  # the bar's "^p palette"
            assert len(footer) >= 10, footer
            missing = [key for key in footer if key.replace("^", "ctrl+").lower() not in named]
            assert not missing, (missing, written)
            assert text.size.height >= height, "the help is cut at 80x24"
    finally:
        lang.set_language("en")


async def test_the_help_scrolls_to_its_last_line_at_the_viewer_s_smallest_size(recorded: Path) -> None:
    """Found in review: F1 is exactly full at 80x24, and at 72x20 (the smallest the viewer opens at) its last
    lines, the quit line's among them, were cut off, with nothing to scroll them into view."""
    from tabletop.tui.replay import ReplayHelp

    app = ReplayApp(open_save(recorded))
    async with app.run_test(size=(72, 20)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ReplayHelp)
        text = app.screen.query_one("#help-text", Static)
        column = text.parent
        assert isinstance(column, Widget) and column.max_scroll_y > 0  # taller than the screen: it scrolls
        await pilot.press("end")
        await pilot.pause()
        # the last line in sight: the lines above the column's window and the window hold the whole text
        assert column.scroll_y == column.max_scroll_y
        assert column.scroll_y + column.scrollable_content_region.height >= text.outer_size.height


@pytest.mark.parametrize("code", ["ru", "uk"])
async def test_the_help_s_wrapped_words_stay_under_their_own_column_at_72x20(recorded: Path, code: str) -> None:
    """Found from outside: in Russian and Ukrainian at 72x20 a key's words went on at the dialog's left edge, under the
    keys ("(высокий контраст для" / "проектора)"); each line wraps under its own words, as the board's help does."""
    from tabletop import lang
    from tests.tui.support import on_screen

    app = ReplayApp(open_save(recorded), lang=code)
    try:
        async with app.run_test(size=(72, 20)) as pilot:
            await pilot.press("f1")
            await pilot.pause()
            text = app.screen.query_one("#help-text", Static)
            rows = on_screen(text).splitlines()
            assert len(rows) >= len(str(text.content).splitlines()) > 10
            title = rows[0]
            assert [row for row in rows[1:] if row.strip() and not row.startswith(" ")] == [], (title, rows)
    finally:
        lang.set_language("en")


async def test_the_timeline_keeps_the_current_event_in_view_when_the_window_is_resized(recorded: Path) -> None:
    """Found from outside: after widening the terminal from 80x24 at event 37, the timeline showed events 51-57 and
    not the event on the board."""
    save = open_save(recorded)
    app = ReplayApp(save)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        timeline = screen.query_one("#timeline", OptionList)
        for size, index in (((80, 24), len(save) // 3), ((120, 40), None), ((80, 24), None), ((100, 30), None)):
            if index is not None:
                screen.go(index)
            else:
                await pilot.resize_terminal(*size)
            for _ in range(6):  # the list scrolls after the refresh that gives it its new height
                await pilot.pause()
            row = timeline.highlighted
            assert row is not None
            timeline._update_lines()  # Textual's own map of options to lines (an event may take two)
            line, top = timeline._index_to_line[row], timeline.scroll_offset.y
            assert top <= line < top + timeline.scrollable_content_region.height, (size, line, top)


@pytest.mark.parametrize("size", [SIZE, (200, 60)], ids=["120x40", "200x60"])
async def test_the_history_tables_fit_their_column_and_say_what_they_leave_out(recorded: Path,
                                                                               size: tuple[int, int]) -> None:
    """Found from outside (helper-92): at 120x40 the track history of an 8-round game wrapped its last rounds onto
    lines of their own, and a 100-round game's headings filled the panel with no track row in sight. The lanes
    and charts show the latest rounds that fit, and say which earlier ones a wider window shows."""
    save = open_save(recorded)
    rounds = sorted({e.round for e in save.events})
    app = ReplayApp(open_save(recorded))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for panel in ("#lanes", "#charts"):
            widget = app.screen.query_one(panel, Static)
            text = str(widget.render())
            width = widget.content_size.width
            assert all(len(line.rstrip()) <= width for line in text.splitlines()), (panel, width, text)
            heading = text.splitlines()[0].split()
            assert heading[-1] == f"R{rounds[-1]}", heading  # the latest round is always there
            if size == SIZE:
                left_out = int(heading[-len(heading) + 2][1:]) - 1 if panel == "#lanes" else None
                assert "a wider window shows" in text, text
                if left_out:
                    assert f"(rounds {rounds[0]}-{left_out}: a wider window shows them)" in text, text
            else:
                assert "a wider window" not in text and f"R{rounds[0]}" in heading


def test_a_long_name_is_cut_with_an_ellipsis_in_the_history() -> None:
    """Found from outside (helper-92): «Стратегическая стабильн» was cut mid-word with no mark."""
    from tabletop.tui.history import NAME, label

    assert label("Стратегическая стабильность") == "Стратегическая стабиль\u2026 "
    assert len(label("Стратегическая стабильность")) == NAME and label("Borders") == "Borders".ljust(NAME)


@pytest.mark.parametrize(("code", "name"), [("uk", "Стратегічна стабільність"), ("ru", "Стратегическая стабильность")])
async def test_a_long_name_is_whole_in_the_history_when_the_window_has_room(recorded: Path, code: str,
                                                                            name: str) -> None:
    """Found from outside (a day's workshop in Ukrainian, 120x40): the track history read «Стратегічна
    стабільніс…», its column 24 cells wide beside room to spare. The name column takes what the names need while
    the table keeps half its width for the rounds; at 80x24 they are cut as before, every row in its column."""
    from tabletop.tui.history import label

    app = ReplayApp(open_save(recorded), lang=code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for panel in ("#lanes", "#charts"):
            text = str(app.screen.query_one(panel, Static).render())
            rows = [line for line in text.splitlines() if line.startswith(name[:10])]
            assert rows and all(row.startswith(name + " ") for row in rows), (panel, text)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        for panel in ("#lanes", "#charts"):
            widget = app.screen.query_one(panel, Static)
            rows = [line for line in str(widget.render()).splitlines() if line.startswith(name[:10])]
            assert rows and all(row.startswith(f"{label(name)} ") for row in rows), (panel, rows)
            assert all(len(row.rstrip()) <= widget.content_size.width for row in rows), (panel, rows)


async def test_the_timeline_stays_on_its_event_when_the_facilitator_view_is_turned_on(tmp_path: Path) -> None:
    """Found from outside (helper-99): after f, the header above the timeline took a second line, the list lost
    three rows, and the event on the board was scrolled out of sight until the next step."""
    sc = load_scenario("parallel-tracks").with_options(sealed_moves=True)
    path = tmp_path / "undone.jsonl"
    record_undone_sealed(path, sc, 4, to_reveal=True)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)

        def seen_rows() -> str:
            return "\n".join(timeline.render_line(y).text for y in range(timeline.size.height))

        screen_of(app).go(8)
        await pilot.pause()
        assert "   8 R1 moves" in seen_rows(), seen_rows()
        height = timeline.size.height
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert timeline.size.height < height  # the header took a line of the list's
        assert screen_of(app).index == 8 and "   8 R1 moves" in seen_rows(), seen_rows()


async def test_a_note_on_a_sealed_move_never_revealed_is_kept_from_the_rooms_replay(tmp_path: Path) -> None:
    """Found from outside (helper-102): the room's replay kept the move sealed and spelled out the facilitator's
    note on it, in the timeline ("NOTE Note on event 8: SECRETNOTE1 …") and in the move's working. f shows it."""
    sc = load_scenario("parallel-tracks").with_options(sealed_moves=True)
    path = tmp_path / "noted.jsonl"
    committed = record_undone_sealed(path, sc, 4, note="SECRETNOTE the team tables on status")
    room, facilitator = await _room_then_facilitator(open_save(path), (committed.seq, committed.seq + 1))
    assert "SECRETNOTE" not in room and f"Note on event {committed.seq} (a sealed move)" in room, room
    assert "a note on a sealed move not revealed in this save (kept from the room)" in room
    assert "SECRETNOTE" in facilitator


async def _room_then_facilitator(save: object, events: tuple[int, int]) -> tuple[str, str]:
    """The replay's timeline and the working of ``events`` as the room sees them, then as the facilitator (f)."""
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)

        def seen() -> str:
            lines = [str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count)]
            workings = []
            for index in events:
                screen_of(app).go(index)
                workings.append(str(app.screen.query_one("#working", Static).render()))
            return "\n".join(lines + workings)

        room = seen()
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        return room, seen()


def _reopened_by_a_card(path: Path) -> int:
    """A package-deal game played at random until a card's choice collapses a track and so reopens a provisional
    deal (event 95 of seed 11): the save, and that event's seq."""
    import random

    sc = load_scenario("parallel-tracks-linked")
    state, rng = new_game(sc, 11), random.Random(11)
    with SaveWriter.create(path, sc, 11, durable=False) as writer:
        while True:
            before = state
            state = apply(state, rng.choice(legal_actions(state)))
            writer.append(state)
            if any(before.tracks[t].provisional and state.tracks[t].is_open for t in state.tracks):
                return state.seq


async def test_the_working_says_why_a_collapse_reopened_another_track(tmp_path: Path) -> None:
    """Found from outside (helper-101): a walk-out showed "Humanitarian: status agreed → open; position 5 → 4;
    tension 2 → 3" on the board and in the replay, with no reason; only the report's decision log said "linked:
    the collapse reopens the provisional agreement on Humanitarian". The board, the replay and the seats say it."""
    from tabletop.seats.views import _public_line
    from tabletop.tui.widgets import RulingsPanel

    path = tmp_path / "reopened.jsonl"
    seq = _reopened_by_a_card(path)
    why = "Under the package deal, the collapse reopens the provisional agreement on Humanitarian"
    save = open_save(path)
    app = ReplayApp(save)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen_of(app).go(seq)
        await pilot.pause()
        working = str(app.screen.query_one("#working", Static).render())
        assert why in working and "collapsed (tension reached" in working, working
        panel = RulingsPanel()
        await app.screen.mount(panel)
        panel.show(save.state_at(seq))
        assert why in "\n".join(row.plain for row in panel._rows)
    from tabletop.tui.seatwords import log_text

    state = save.state_at(seq)
    line = _public_line(state, state.last)
    assert why in line.get("settled", []) and why in log_text({"board": {"log": [line]}}).plain


async def test_a_note_on_a_note_on_a_sealed_move_never_revealed_is_kept_from_the_rooms_replay(tmp_path: Path) -> None:
    """Found in review (helper-105): the second of two notes (on the first, as older saves hold) was shown."""
    from tabletop.seats.views import log_lines, secrets

    sc = load_scenario("parallel-tracks").with_options(sealed_moves=True)
    path = tmp_path / "chain.jsonl"
    record_undone_sealed(path, sc, 4, note="SECRET-A on the move", note_on_note="SECRET-B on the note")
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = app.screen.query_one("#timeline", OptionList)
        lines = "\n".join(str(timeline.get_option_at_index(i).prompt) for i in range(timeline.option_count))
        workings = []
        for index in range(len(app.screen.save) + 1):
            screen_of(app).go(index)
            workings.append(str(app.screen.query_one("#working", Static).render()))
        seen = lines + "\n".join(workings)
        assert "SECRET-A" not in seen and "SECRET-B" not in seen, seen
    save = open_save(path)  # a seat's log before the undo, the move not revealed: both notes kept
    state = save.state_at(6)
    known = secrets(state)
    hidden = set(known.sealed)
    said = " ".join(str(line["text"]) for line in log_lines(state, hidden, known))
    assert "SECRET" not in said and said.count("(a sealed move)") == 2, said


async def test_a_note_on_a_counter_behind_the_gate_is_kept_from_the_rooms_replay(tmp_path: Path) -> None:
    """Found from outside (helper-117): a note on a counter entered behind the gate reached every screen before
    the reveal. The room's replay of a save that stops behind the gate keeps it as the seats did; f shows it."""
    from tabletop.engine import Action
    from tests.engine.argue_kit import argue_scenario, counter, to_counters
    from tests.store.savekit import record_actions

    steps = [*to_counters(), counter("b", "They broke the last one")]
    note = Action("note", text="SECRETNOTE Brask names the broken hotline", about=len(steps))
    path = record_actions(tmp_path / "gated.jsonl", argue_scenario(sealed=True, counters="all"), 2,
                          [lambda _s, a=a: a for a in (*steps, note)]).path
    room, facilitator = await _room_then_facilitator(open_save(path), (len(steps), len(steps) + 1))
    assert "SECRETNOTE" not in room and f"Note on event {len(steps)} (a sealed counter, not revealed yet)" in room
    assert "a note on a sealed counter not revealed in this save (kept from the room)" in room, room
    assert "SECRETNOTE" in facilitator


async def test_the_card_panel_after_an_undone_draw_is_the_one_before_it(tmp_path: Path) -> None:
    """Found from outside (helper-194): after a card's answer and then its draw were undone, the board's card panel
    still said "This round's card (applied)" with the undone card; the replay draws its panel the same way. At the
    event that undid the draw it says what it said before the draw; at the one that undid the answer, the card
    waits for its answer again."""
    from tabletop.play.session import with_sealed
    from tabletop.tui.widgets import CardPanel

    scenario = with_sealed(load_scenario("parallel-tracks-linked"), True)
    state = new_game(scenario, 7)
    path = tmp_path / "undone-draw.jsonl"
    with SaveWriter.create(path, scenario, 7, durable=False) as writer:
        for action in (legal_actions(state)[0], None, Action("undo"), Action("undo")):
            state = apply(state, action or legal_actions(state)[0])  # the draw, the answer, two undos
            writer.append(state)
    save = open_save(path)
    assert [e.action.kind for e in save.events] == ["draw", "choose", "undo", "undo"]
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        panels = {}
        for index in range(5):
            screen.go(index)
            await pilot.pause()
            card_panel = app.screen.query_one(CardPanel)
            panels[index] = f"{card_panel.border_title}\n{card_panel.render()}"
        assert panels[4] == panels[0] and "No card on the table." in panels[0], panels[4]
        assert panels[3] == panels[1] and "(applied)" not in panels[3], panels[3]
        assert "(applied)" in panels[2]


async def test_the_track_column_shows_every_name_whole_at_80x24_and_72x20(recorded: Path) -> None:
    """Found from outside (a workshop in Russian replayed on the projector for its debrief): the replay's track column
    read «Стратегическая стабильно…  ○ ОТКРЫТО» at 80x24, where the board shows the name whole, and at 72x20
    «Диалог второ…», «Гуманитарные…». A name too long for its line goes on under it, between words, its status
    after it, every track's lines in view. Before that, the status gave way to the name, its word gone
    ("Стратегическая стабильность  ○"): at the first event every track is open, at the last most are not."""
    from tabletop.tui.text import shown, status_word

    def words(text: str) -> str:
        return " ".join(text.split())

    app = ReplayApp(open_save(recorded))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = screen_of(app)
        for code in ("en", "ru", "uk"):
            for size, keys in (((80, 24), ("home", "right")), ((80, 24), ("end",)), ((72, 20), ())):
                await pilot.resize_terminal(*size)
                await pilot.press(*keys)
                await pilot.pause()
                board = screen.query_one(Board)
                state = screen.save.state_at(screen.index)
                lines = [strip.text for strip in board.render_lines(board.region.reset_offset)]
                for track in state.ruleset.tracks:
                    name = shown(state).index.tracks[track.id].name
                    assert words(f"{name} {status_word(state, track.id)}") in words(" ".join(lines)), (code, size, lines)
                column = screen.query_one("#left", KeyScroll)
                tracks = board.outer_size.height - len(state.ruleset.meters)  # the meters' lines under them
                assert tracks <= column.scrollable_content_region.height, (code, size, lines)
            await pilot.press("f4")  # the next language: en, ru, uk
            await pilot.pause()
