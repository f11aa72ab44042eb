"""The words that carry the game's state read on a projector, in every theme F2 goes through, and under NO_COLOR.

Found from outside (an audit for a low-vision facilitator, a projector read from 10 m, colour-blind participants):
«✖ COLLAPSED» and «6/7 ⚠» were hard-coded "bold red", 1.7:1 under NO_COLOR (greyed nearly black), the lowest
contrast on the high-contrast theme (5.4:1), and DEFERRED 2.0:1 on the light theme. Measured as Textual draws them:
each style resolved by the app's console, through the app's own filters (NO_COLOR's monochrome), against the theme's
background and surface.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.segment import Segment
from textual.app import App
from rich.color import ColorSystem
from textual.color import Color
from textual.geometry import Region

from tabletop.engine.state import evolve
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp
from tabletop.tui.text import outcome_text
from tabletop.tui.themes import contrast as _ratio
from tabletop.tui.widgets import Board, track_text

from .support import SIZE, SMALL, press, start, to_turn_of


def test_the_ratio_is_wcag_s() -> None:
    """The ratio every check here reads (the app's own, which picks the colours) against WCAG's known values."""
    assert _ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21.0)
    assert _ratio(Color(119, 119, 119), Color(255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert _ratio(Color(255, 0, 0), Color(0, 0, 0)) == pytest.approx(5.25, abs=0.01)


def _signals(app: App[None], state: object) -> dict[str, Color]:
    """The colour each state-carrying word is drawn in, as the app draws it (its filters applied)."""
    texts = [track_text(state, "strategic-stability"), outcome_text(state, False)]  # type: ignore[arg-type]
    background = Color.parse(app.theme_variables["background"])
    foreground = Color.parse(app.theme_variables["foreground"])
    found: dict[str, Color] = {}
    for text in texts:
        segments = list(text.render(app.console))
        for line in Segment.split_lines(segments):
            for f in app._filters:
                line = f.apply(line, background)
            for segment in line:
                for word in ("\u26a0", "AGREED", "COLLAPSED", "DEFERRED"):
                    if word in segment.text and segment.style is not None:
                        color = segment.style.color
                        found[word] = Color.from_rich_color(color, app.ansi_theme) if color else foreground
    return found


@pytest.mark.parametrize("no_color", [False, True])
async def test_a_status_and_a_breakdown_near_read_on_every_theme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 no_color: bool) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    session = start(tmp_path)
    tracks = dict(session.state.tracks)
    near = tracks["strategic-stability"]
    tracks["strategic-stability"] = near._replace(tension=6)  # breakdown at 7: near
    tracks["borders"] = tracks["borders"]._replace(status="collapsed")
    tracks["ukraine-status"] = tracks["ukraine-status"]._replace(status="agreed")
    tracks["track-two"] = tracks["track-two"]._replace(status="deferred")
    state = evolve(session.state, tracks=tracks)
    app = TabletopApp(session)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        low: dict[str, float] = {}
        for _ in range(3):  # every theme F2 goes through
            await press(pilot, "f2")
            least = 7.0 if app.theme == "tabletop-high-contrast" and not no_color else 4.5
            grounds = [Color.parse(app.theme_variables[name]) for name in ("background", "surface")]
            if no_color:  # the screen's background greyed as its words are
                grounds = [g.monochrome for g in grounds]
            signals = _signals(app, state)
            assert set(signals) == {"\u26a0", "AGREED", "COLLAPSED", "DEFERRED"}
            for word, color in signals.items():
                ratio = min(_ratio(color, g) for g in grounds)
                if ratio < least:
                    low[f"{app.theme} {word}"] = round(ratio, 2)
        assert not low, low


def _cells(app: App[None]) -> list[list[tuple[str, Color, Color]]]:
    """The screen as the terminal gets it (the app's filters applied): each cell's character, colour and background."""
    background = Color.parse(app.theme_variables["background"])
    foreground = Color.parse(app.theme_variables["foreground"])
    rows = []
    for strips in app.screen._compositor.render_update(full=True).strips:  # type: ignore[union-attr]
        row = []
        for segment in (segment for strip in strips for segment in strip):
            style = segment.style
            color = style.color if style is not None else None
            bgcolor = style.bgcolor if style is not None else None
            fg = Color.from_rich_color(color) if color is not None else foreground
            bg = Color.from_rich_color(bgcolor) if bgcolor is not None else background
            row.extend((char, fg, bg) for char in segment.text)
        rows.append(row)
    return rows


def _low_words(app: App[None], words: list[str], least: float, region: Region) -> dict[str, float]:
    """Each of ``words`` in ``region`` of the screen whose least-read character reads under ``least`` on its
    background."""
    low: dict[str, float] = {}
    found: set[str] = set()
    for row in _cells(app)[region.y:region.bottom]:
        row = row[region.x:region.right]
        line = "".join(char for char, _, _ in row)
        for word in words:
            at = line.find(word)
            while at >= 0:
                found.add(word)
                ratio = min(_ratio(fg, bg) for char, fg, bg in row[at:at + len(word)] if char.strip())
                if ratio < least:
                    low[f"{app.theme} {word!r}"] = round(ratio, 2)
                at = line.find(word, at + 1)
    assert found == set(words), set(words) - found
    return low


def _focus_marks(app: App[None], widget_id: str, least: float) -> dict[str, float]:
    """The focus bar down ``widget_id``'s left edge (the only sign of which pane has the keys), where it reads worst."""
    region = app.screen.query_one(widget_id).region
    rows = _cells(app)
    marks = [rows[y][region.x] for y in range(region.y + 1, region.bottom - 1)]  # under its corner, over its foot
    assert all(char == "\u2503" for char, _, _ in marks), marks
    ratio = min(_ratio(fg, bg) for _, fg, bg in marks)
    return {f"{app.theme} focus {widget_id}": round(ratio, 2)} if ratio < least else {}


def _every_frame(tmp_path: Path) -> Session:
    """A game with a track of each status, and Russia to move (strategic stability and the humanitarian track:
    Russia's, open, to play; Ukraine and the EU open, not Russia's)."""
    session = start(tmp_path)
    to_turn_of(session, "ru")
    tracks = dict(session.state.tracks)
    for track, status in (("borders", "collapsed"), ("ukraine-status", "agreed"), ("track-two", "deferred")):
        tracks[track] = tracks[track]._replace(status=status)
    session.state = evolve(session.state, tracks=tracks)
    return session


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_board_s_titles_statuses_and_focus_read_on_every_theme(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool) -> None:
    """At 120x40 a track's name and status word are set into its frame, the card's and the turn's panels say what
    they are in theirs, and a bar beside a pane says it has the keys. Found from outside: all drawn in the frame's
    colour, 1.3-1.9:1 on the light theme, ~3:1 on the dark one (its open tracks, "Meters"), 2.3-2.6:1 under
    NO_COLOR (the collapsed track's too). A frame may stay light; the words on it and the focus bar read."""
    monkeypatch.setenv("COLORTERM", "truecolor")
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    session = _every_frame(tmp_path)
    app = TabletopApp(session)
    names = [t.name for t in session.state.scenario.ruleset.tracks]
    statuses = ["\u25cb OPEN", "\u2714 AGREED", "\u2716 COLLAPSED", "\u2016 DEFERRED"]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        card_title = str(app.screen.query_one("#card-box").border_title)
        low: dict[str, float] = {}
        for _ in range(3):  # every theme F2 goes through
            await press(pilot, "f2")
            least = 7.0 if app.theme == "tabletop-high-contrast" and not no_color else 4.5
            app.screen.query_one("#decision").focus()
            await pilot.pause()
            low.update(_low_words(app, [*names, *statuses, "Meters"], least, app.screen.query_one(Board).region))
            for panel, title in (("TurnPanel", "Turn"), ("#card-box", card_title)):  # the words in its top edge
                low.update(_low_words(app, [title], least, app.screen.query_one(panel).region._replace(height=1)))
            app.screen.query_one("#card-box").focus()
            await pilot.pause()
            low.update(_focus_marks(app, "#card-box", least))
        assert not low, ", ".join(f"{k} {v}" for k, v in sorted(low.items()))


async def test_on_16_colours_deferred_and_acting_are_not_the_collapse_s_colour(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (TERM=linux, xterm's palette): the accent and the warning orange reduce to the bright red
    of a collapse, so during Russia's turn all six frames were bright red, deferred and acting alike with collapsed.
    Each track's frame and the name in it, as the terminal gets them reduced to 16, in every theme F2 goes through."""
    monkeypatch.setenv("TERM", "xterm-16color")
    monkeypatch.delenv("COLORTERM", raising=False)
    session = _every_frame(tmp_path)
    app = TabletopApp(session)
    n = {t.id: t.name for t in session.state.scenario.ruleset.tracks}
    kinds = {"borders": "collapsed", "track-two": "deferred", "strategic-stability": "acting"}
    same: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.console.color_system == "standard"
        region = app.screen.query_one(Board).region
        for _ in range(3):  # every theme F2 goes through
            await press(pilot, "f2")
            sixteen: dict[str, tuple[int | None, int | None]] = {}
            for row in _cells(app)[region.y:region.bottom]:
                row = row[region.x:region.right]  # (the decision list beside it names tracks too)
                line = "".join(char for char, _, _ in row)
                for track, kind in kinds.items():
                    at = line.find(" " + n[track] + " ")
                    if at > 0:  # the frame's cell before its name, and the name's first letter
                        sixteen[kind] = tuple(  # type: ignore[assignment]
                            row[x][1].rich_color.downgrade(ColorSystem.STANDARD).number for x in (at - 1, at + 1))
            assert set(sixteen) == set(kinds.values()), sixteen
            for kind in ("deferred", "acting"):
                for part, colour, alarm in zip(("frame", "name"), sixteen[kind], sixteen["collapsed"], strict=True):
                    if colour == alarm:
                        same.append(f"{app.theme} {kind} {part}: {colour}")
    assert not same, same
