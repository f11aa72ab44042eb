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
from textual.color import Color

from tabletop.engine.state import evolve
from tabletop.tui.app import TabletopApp
from tabletop.tui.text import outcome_text
from tabletop.tui.themes import contrast as _ratio
from tabletop.tui.widgets import track_text

from .support import SMALL, press, start


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
