"""What a key press costs the screen, counted, not timed: the parts it changed are repainted, not
the whole screen; a new decision list makes Textual's ``Content`` only for the options it draws
and words a move once, however many entries list it; and each option's height, worked out
without its ``Content``, is the one Textual's own gives."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual._compositor import Compositor
from textual.content import Content
from textual.widget import Widget

from tabletop.engine import legal_actions
from tabletop.play import decisions
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen
from tabletop.tui.decisionlist import DecisionList, OptionWords

from .support import SIZE, SMALL, board, press, start
from .test_big_board import grown


@pytest.fixture(autouse=True)
def still_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(BoardScreen, "_tick", lambda self: None)


async def test_a_key_press_repaints_what_it_changed_not_the_whole_screen(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole: list[int] = []
    full_update = Compositor.render_full_update

    def counted(self: Compositor, simplify: bool = False) -> object:
        whole.append(1)
        return full_update(self, simplify)

    session = start(tmp_path)
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.setattr(Compositor, "render_full_update", counted)
        # the facilitator draws the card, a team answers it, on to the moves; a team picks a
        # track (its moves listed), goes back, and again
        await press(pilot, "1", "1", "1", "1", "escape", "2", "escape")
        assert session.state.seq == 3 and session.state.phase == "moves"
        assert board(pilot).query_one("#decision", DecisionList).option_count > 3
    # each press repainted the panels it changed (a screen-wide repaint had cost ~40 % of a press)
    assert whole == []


async def test_a_long_decision_list_makes_content_only_for_the_options_it_draws(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = grown(64)
    session = Session.start(big, 5, tmp_path / "big.jsonl")
    state = session.state
    while state.turn is None:
        state = session.apply(legal_actions(state)[0])
    made: list[int] = []
    from_rich_text = Content.from_rich_text.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Content], text: str | Text, console: Console | None = None) -> Content:
        made.append(1)
        return from_rich_text(cls, text, console)

    worded: list[str] = []
    words_of = decisions.move_words

    def counted_words(move: Any, names: Any = None, sealed: bool = False) -> str:
        worded.append(move.id)
        return words_of(move, names, sealed)

    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = board(pilot)
        track = next(t for t in big.ruleset.tracks if state.turn in t.members)
        monkeypatch.setattr(Content, "from_rich_text", classmethod(counted))
        monkeypatch.setattr(decisions, "move_words", counted_words)
        screen.stage = track.id  # the team picks a track: its moves, a link move with each other track
        screen.refresh_view()
        await pilot.pause()
        listed = screen.query_one("#decision", DecisionList).option_count
        assert listed == len(screen.entries) > 63
    # the thirty or so options on screen, not every option of the list (old: one for each)
    assert 0 < len(made) <= SIZE[1]
    # a link move listed with each of 63 partners is worded once (old: once an entry)
    assert sorted(worded) == sorted(set(worded)) and len(worded) <= len(big.ruleset.moves)


def test_an_options_height_is_the_one_textual_works_out() -> None:
    console = Console()
    words = ["Link", "to", "another", "track", "(with", "Track 2 dialogue)", "\u2014", "1", "capital;",
             "Переговоры", "по", "границам", "边界谈判", "\U0001f1fa\U0001f1e6", "a" * 60, "e\u0301", "  ",
             "\u2716", "\t", "\r", "\x1b[31m", "\x07"]
    rnd = random.Random(3)
    samples = ["", "\n", "a\n", "\na", "a\n\nb", "   ", "a  \n  b  "]
    for _ in range(300):
        label = " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 30)))
        if rnd.random() < 0.3:  # a refused option: the reason under it
            label += "\n     \u2716 " + " ".join(rnd.choice(words) for _ in range(rnd.randint(1, 12)))
        samples.append(label)
    checked = 0
    for label in samples:
        for width in (1, 3, 10, 20, 42, 47, 80):
            for rules in ({}, {"text_overflow": "ellipsis"}, {"line_pad": 1}, {"text_wrap": "nowrap"}):
                text = Text(label, style="dim")
                try:
                    expected = Content.from_rich_text(text, console=console).get_height(rules, width)  # type: ignore[arg-type]
                except ValueError:  # Textual's own refuses some widths too narrow to draw in
                    continue
                assert OptionWords(text, console).get_height(rules, width) == expected, (label, width, rules)  # type: ignore[arg-type]
                checked += 1
    assert checked > 8000


async def test_a_new_list_as_long_as_the_last_keeps_its_scrollbar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list is replaced without passing through an empty one: emptied, a list that scrolled lost its
    scrollbar and got it back within the press, two whole-screen layouts for nothing (124 of the 411 layouts
    of a whole game by keys)."""
    flips: list[tuple[bool, int]] = []
    refresh_scrollbars = Widget._refresh_scrollbars

    def counted(self: Widget) -> None:
        before = self.show_vertical_scrollbar
        refresh_scrollbars(self)
        if isinstance(self, DecisionList) and before != self.show_vertical_scrollbar:
            flips.append((self.show_vertical_scrollbar, self.option_count))

    monkeypatch.setattr(Widget, "_refresh_scrollbars", counted)
    session = start(tmp_path)
    async with TabletopApp(session).run_test(size=SMALL) as pilot:
        await pilot.pause()
        await press(pilot, "1", "1", "1")  # the card drawn and answered: the moves' track list, longer than 80x24 shows
        options = board(pilot).query_one("#decision", DecisionList)
        assert options.show_vertical_scrollbar and options.option_count > 4
        flips.clear()
        # a track's moves, back to the tracks, another track's, back: every list scrolls
        await press(pilot, "1", "escape", "2", "escape", "3", "escape")
        assert session.state.phase == "moves" and options.show_vertical_scrollbar
    assert flips == []
