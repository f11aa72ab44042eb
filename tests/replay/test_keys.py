"""Every key press in the replay viewer counts, in order, however fast; playback runs on an injected timer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Static

from tabletop.engine import State
from tabletop.store.reading import SNAPSHOT_EVERY, Save, SavedEvent, open_save
from tabletop.tui.replay import ReplayApp, ReplayScreen

from tests.tui.support import burst, settled
from .test_replay import record, screen_of

SIZE = (120, 40)


def round_starts(path: Path) -> dict[int, int]:
    starts: dict[int, int] = {}
    for e in open_save(path).events:
        starts.setdefault(e.round, e.seq - 1)
    return starts


async def test_fifteen_quick_steps_land_on_event_fifteen(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        burst(app, "home", *["right"] * 15)
        await pilot.pause()
        assert screen.index == 15
        burst(app, *["left"] * 4, "right")
        await pilot.pause()
        assert screen.index == 12
        where = str(app.screen.query_one("#where", Static).render())
        assert where.startswith("Event 12 of ")


async def test_quick_round_keys_count_each_press(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    starts = round_starts(path)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        burst(app, "home", "pagedown", "pagedown", "pagedown", "pageup")  # the issue's own sequence
        await pilot.pause()
        assert screen.index == starts[3]
        await pilot.press("home", "pagedown")
        await pilot.pause()
        assert screen.index == starts[2]
        burst(app, "pagedown", "pagedown", "pageup")
        await pilot.pause()
        assert screen.index == starts[3]
        burst(app, "pagedown", "pagedown", "pageup", "right", "right")
        await pilot.pause()
        assert screen.index == starts[4] + 2


class ManualTimer:
    """An interval timer that ticks only when the test says so."""

    def __init__(self) -> None:
        self.intervals: list[float] = []
        self.callback: Callable[[], None] | None = None
        self.running = False

    def __call__(self, interval: float, callback: Callable[[], None]) -> ManualTimer:
        self.intervals.append(interval)
        self.callback = callback
        self.running = True
        return self

    def stop(self) -> None:
        self.running = False

    def tick(self, times: int = 1) -> None:
        for _ in range(times):
            assert self.running and self.callback is not None
            self.callback()


async def test_playback_steps_once_per_tick_at_the_chosen_speed(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    save = open_save(path)
    timer = ManualTimer()
    app = ReplayApp(open_save(path), every=timer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "plus", "plus", "plus", "space")  # 8 events a second
        await pilot.pause()
        assert timer.intervals == [1 / 8]
        timer.tick(7)
        await pilot.pause()
        assert screen.index == 7
        assert "\u25b6 playing at 8/s" in str(app.screen.query_one("#where", Static).render())
        await pilot.press("minus")  # slower while playing: the timer restarts at the new speed
        await pilot.pause()
        assert timer.intervals == [1 / 8, 1 / 4] and timer.running
        timer.tick(2)
        await pilot.press("space")
        await pilot.pause()
        assert screen.index == 9 and not timer.running  # paused: it stays
        await pilot.press("space")
        await pilot.pause()
        timer.tick(len(save) - 9)  # to the end, and one more tick stops the player
        await pilot.pause()
        assert screen.index == len(save)
        timer.tick()
        await pilot.pause()
        assert not timer.running and screen._player is None


async def test_go_to_round_says_what_to_type_without_mentioning_a_record(tmp_path: Path) -> None:
    path = record(tmp_path / "game.jsonl")
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ReplayScreen)
        problem = str(app.screen.query_one("#ask-error", Static).render())
        assert "round number" in problem and "record" not in problem


async def test_playing_a_save_through_replays_each_event_about_once(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Work counted, not timed: each step of the player drew the lanes and charts from every round's end, each a
    read of the save that replayed up to ``SNAPSHOT_EVERY`` events again (a track a round): 97,000 replayed events
    to play a 208-event game, 24 ms a step. Now a round's end is replayed once, and a step replays its one event."""
    path = record(tmp_path / "game.jsonl")
    save = open_save(path)
    timer = ManualTimer()
    app = ReplayApp(open_save(path), every=timer)
    replayed = 0
    replay_one = Save._replay_one

    def counted(self: Save, state: State, event: SavedEvent) -> State:
        nonlocal replayed
        replayed += 1
        return replay_one(self, state, event)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "space")
        await pilot.pause()
        monkeypatch.setattr(Save, "_replay_one", counted)
        timer.tick(len(save))
        await pilot.pause()
        assert screen.index == len(save)
        rounds = len({e.round for e in save.events})
        assert rounds > 3 and len(save) > 100  # a game long enough for the old cost to show
        assert replayed <= len(save) + SNAPSHOT_EVERY, replayed


async def test_a_question_stops_the_playback(tmp_path: Path) -> None:
    """Found from outside (helper-92): playback ran on behind "go to round" (event 1473 became 1482 while the
    round was typed) and on after the jump. A question (go to round, a filter, the facilitator's view) stops it."""
    path = record(tmp_path / "game.jsonl")
    timer = ManualTimer()
    app = ReplayApp(open_save(path), every=timer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        for key in ("g", "t", "a", "f"):
            await pilot.press("home", "space")
            await pilot.pause()
            assert timer.running and screen._player is not None
            timer.tick(3)
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, ReplayScreen) and not timer.running and screen._player is None, key
            await pilot.press("escape")
            await pilot.pause()
            assert screen.index == 3 and screen._player is None, key


async def test_opening_a_replay_draws_only_the_timeline_lines_on_screen(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Work counted, not timed (found from outside, helper-92: a 10,000-event save took 6 s of CPU to open and as
    long again at F4). The timeline made the drawn form (a ``Content``) of every one of its lines to learn their
    heights: 224 for a 208-event game. Its lines are now measured from their plain words and drawn when shown."""
    from textual.content import Content

    path = record(tmp_path / "game.jsonl")
    made = 0
    from_rich_text = Content.from_rich_text.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Content], *args: object, **kwargs: object) -> Content:
        nonlocal made
        made += 1
        return from_rich_text(cls, *args, **kwargs)

    monkeypatch.setattr(Content, "from_rich_text", classmethod(counted))
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(open_save(path)) > 200
        assert made < 80, made  # the lines on screen and the other panels' texts, whatever the game's length
        made = 0
        await pilot.press("f4")  # the language: every line of the timeline worded again
        await pilot.pause()
        assert made < 80, made


async def test_a_long_game_can_be_played_back_at_up_to_32_events_a_second(tmp_path: Path) -> None:
    """Found from outside (helper-92): the top speed was 8 events a second, so a 3,000-event game took over six
    minutes to play back; with a step no longer replaying the save, it goes to 16 and 32."""
    path = record(tmp_path / "game.jsonl")
    timer = ManualTimer()
    app = ReplayApp(open_save(path), every=timer)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("home", "space", *["plus"] * 8)  # past the top: it stays there
        await pilot.pause()
        assert timer.intervals[-1] == 1 / 32 and timer.running
        assert "\u25b6 playing at 32/s" in str(app.screen.query_one("#where", Static).render())


async def test_playback_keeps_its_speed_when_a_step_comes_late(tmp_path: Path) -> None:
    """Found from outside (helper-93): at "32/s" a long save played 11 events a second, each tick showing one event
    however late it came. A tick shows the events due by the clock, a second's worth at most, in one repaint."""
    path = record(tmp_path / "game.jsonl")
    timer = ManualTimer()
    clock = [100.0]
    app = ReplayApp(open_save(path), every=timer, now=lambda: clock[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = screen_of(app)
        await pilot.press("home", "plus", "plus", "plus", "space")  # 8 events a second
        await pilot.pause()
        clock[0] += 0.5  # the first tick half a second late: 4 events due
        timer.tick()
        assert screen.index == 4
        timer.tick()  # on time: one more
        assert screen.index == 5
        clock[0] += 10.0  # the machine stalled: a second's worth at most
        timer.tick()
        assert screen.index == 13
        await pilot.press("left")  # moved by hand: the speed counts from there
        await pilot.pause()
        timer.tick()
        assert screen.index == 13


async def test_the_help_says_how_to_reach_the_track_history_and_the_charts(tmp_path: Path) -> None:
    """Found from outside (helper-121): at 120 x 40 the charts are below the fold and F1 did not say how to reach them
    (Tab twice, then arrows, found by trying). The help names shift+Tab, and it moves to the board's column, whose
    arrows scroll it down to them."""
    from tabletop.tui.replay import REPLAY_HELP

    assert "shift+Tab" in REPLAY_HELP and "charts" in REPLAY_HELP
    path = record(tmp_path / "game.jsonl")
    app = ReplayApp(open_save(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")
        await pilot.pause()
        left = app.screen.query_one("#left")
        assert app.focused is left
        burst(app, *["down"] * 10)  # pressed faster than the screen redraws, or a key held down
        await settled(pilot)  # the last line's scroll at its end, however quick the machine
        assert left.scroll_y == 10, left.scroll_y  # (found from outside: a burst of ten moved it one line)


@pytest.mark.parametrize("code", ["en", "ru", "uk"])
async def test_the_help_says_how_to_read_an_events_whole_working(tmp_path: Path, code: str) -> None:
    """Found from outside (helper-222): at 80 x 24 the event's detail box under the timeline is five lines tall, and
    an argument's ruling runs far longer; it is read whole only with Tab (from the timeline) then ↑ / ↓, and F1 named
    only shift+Tab, the board's column. The help names Tab and the arrows, in every language, and Tab reaches it."""
    from tabletop import lang
    from tests.engine.argue_kit import argue_scenario, argument, counter, odds
    from tests.engine.support import ADVANCE, pass_
    from tests.store.savekit import record_actions
    from tabletop.engine import Action

    steps = [Action("draw"), Action("skip", reason="not today"), ADVANCE,
             argument(text="Open a hotline between the two capitals, staffed around the clock",
                      reasons=("It costs nothing", "Both sides asked for it", "It lowers the risk of a mistake")),
             pass_("b"), pass_("c"), ADVANCE, counter("b", "A hotline nobody answers is worse than none"),
             counter("c", "The last one was cut within a week"), odds("likely"),
             Action("roll", track="alpha", outcome={"dice": [3, 4]})]
    path = tmp_path / "argued.jsonl"
    record_actions(path, argue_scenario(counters="all"), 2, [lambda _s, a=a: a for a in steps])
    lang.set_language(code)
    app = ReplayApp(open_save(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("end", "f1")
        await pilot.pause()
        said = str(app.screen.query_one("#help-text", Static).content)  # (the help's lines, as written)
        tab = next((i for i, line in enumerate(said.splitlines()) if line.lstrip().startswith("Tab ")), None)
        assert tab is not None, said
        assert "\u2191 / \u2193" in "\n".join(said.splitlines()[tab:tab + 2]), said
        await pilot.press("escape", "tab")
        await pilot.pause()
        box = app.screen.query_one("#working-box")
        assert app.focused is box and box.max_scroll_y > 0  # the working is longer than its box: the arrows read it
        await pilot.press("down", "down")
        await pilot.pause()
        assert box.scroll_y == 2


async def test_the_facilitator_view_s_question_does_not_take_an_enter_pressed_as_it_comes_up(tmp_path: Path) -> None:
    """Found in review: ``f`` and a nervous Enter at once put the control notes and the sealed moves never revealed
    on the debrief's projector; the question holds an Enter as the board's questions do (the command's pick hold)."""
    from tabletop.tui.modals import ConfirmScreen

    clock = [100.0]
    app = ReplayApp(open_save(record(tmp_path / "game.jsonl")), now=lambda: clock[0], pick_hold=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        viewer = screen_of(app)
        burst(app, "f", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen) and not viewer.facilitator
        clock[0] += 0.6  # read, then answered
        await pilot.press("enter")
        await settled(pilot)
        assert screen_of(app) is viewer and viewer.facilitator
        assert "FACILITATOR VIEW" in str(app.screen.query_one("#where", Static).render())


async def test_playing_speed_of_one_says_event_in_the_singular(tmp_path: Path) -> None:
    """Found from outside (helper-333): at 1× the replay said "Playing speed: 1 events a second"."""
    path = record(tmp_path / "game.jsonl")
    app = ReplayApp(open_save(path), every=ManualTimer())
    said: list[str] = []
    notify = app.notify
    def kept(message: str, **kwargs) -> None:  # kept here: a toast's timeout is wall-clock
        if message.startswith("Playing speed"):
            said.append(message)
        notify(message, **kwargs)
    app.notify = kept  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("minus", "plus", "plus")
        await pilot.pause()
        assert said == ["Playing speed: 0.5 events a second", "Playing speed: 1 event a second",
                        "Playing speed: 2 events a second"]
