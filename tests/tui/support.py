"""Helpers for driving the play screen with keys, and reading what it shows."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets._toast import Toast

from tabletop import load_scenario
from tabletop.content import Scenario
from tabletop.play.session import Session, with_sealed
from tabletop.tui.board import BoardScreen

SIZE = (120, 40)
SMALL = (80, 24)

_SCENARIOS: dict[str, Scenario] = {}


def scenario(name: str = "parallel-tracks") -> Scenario:
    """A bundled scenario, loaded once per test run (loading is the slow part)."""
    if name not in _SCENARIOS:
        _SCENARIOS[name] = load_scenario(name)
    return _SCENARIOS[name]


def start(tmp_path: Path, seed: int = 7, *, sealed: bool = False, seats: dict[str, str] | None = None,
          name: str = "game.jsonl", scenario_id: str = "parallel-tracks") -> Session:
    sc = with_sealed(scenario(scenario_id), sealed)
    return Session.start(sc, seed, tmp_path / name, seats)


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys one by one, letting the app settle after each."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def burst(app: App[object], *keys: str) -> None:
    """Keys as a terminal delivers them when a person presses faster than the screen redraws, or holds a key: all
    queued before the app handles the first (``pilot.press`` waits for the app between keys)."""
    driver = app._driver
    assert driver is not None
    for key in keys:
        event = events.Key(key, " " if key == "space" else None)  # a letter's character is its key (Textual's)
        event.set_sender(app)
        driver.send_message(event)


async def typed(pilot: Pilot, how: str, *keys: str) -> None:
    """``keys`` typed ``how``: "slowly" (each handled before the next) or "burst" (all queued at once, as a
    terminal delivers them: :func:`burst`), then settled."""
    if how == "slowly":
        await press(pilot, *keys)
    else:
        burst(pilot.app, *keys)
        await settled(pilot)


async def settled(pilot: Pilot) -> None:
    """The keys handled and every scroll they started at its end (however long it takes, not a set time)."""
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


#: pauses a screen gets to show what the host did (each lets the host and every screen run): enough for a machine
#: under heavy load (a full run beside five other jobs gave up at 400 on a wrong code's refusal); a screen that
#: shows it sooner ends the wait at once
PAUSES = 2000


async def until(pilot: Pilot, ready: Callable[[], bool], what: str, pauses: int = PAUSES) -> None:
    """Pause until ``ready()``; fail with ``what`` after :data:`PAUSES` pauses."""
    for _ in range(pauses):
        if ready():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"gave up waiting: {what}")


async def type_text(pilot: Pilot, text: str) -> None:
    """``text`` typed into the field that has the keyboard, as a quick typist does (:func:`burst`), then settled.
    Pressed a key at a time, each waited on, typing took a second of the suite's wall for every 20 letters."""
    burst(pilot.app, *text)
    await settled(pilot)


def board(pilot: Pilot) -> BoardScreen:
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen), f"expected the board, got {type(screen).__name__}"
    return screen


def entry_index(screen: BoardScreen, words: str) -> int:
    """The index of the first line of the decision list that contains ``words``."""
    for i, entry in enumerate(screen.entries):
        if words in entry.label.plain:
            return i
    raise AssertionError(f"no line {words!r} in the decision list: {[e.label.plain for e in screen.entries]}")


async def choose(pilot: Pilot, words: str) -> None:
    """Pick the decision-list line containing ``words`` with its number key."""
    index = entry_index(board(pilot), words)
    assert index < 9, f"{words!r} has no number key (line {index + 1})"
    await press(pilot, str(index + 1))


def shown(widget: Static) -> str:
    """The text a Static widget shows (as rendered, not as set)."""
    return str(widget.render())


def on_screen(widget: Widget) -> str:
    """What the widget puts on the screen, border and border title included, as plain text lines."""
    width, height = widget.outer_size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


def panel(pilot: Pilot, selector: str) -> str:
    return shown(pilot.app.screen.query_one(selector, Static))


def screen_words(pilot: Pilot) -> str:
    """Everything the current screen shows in its text widgets and its decision list."""
    screen = pilot.app.screen
    parts = [shown(w) for w in screen.query(Static) if not isinstance(w, Toast)]
    parts += [e.label.plain for e in getattr(screen, "entries", [])]
    parts += [str(screen.title or ""), str(screen.sub_title or "")]
    return "\n".join(parts)


def rendered(pilot: Pilot) -> str:
    """The rendered text of every widget on the current screen (notifications included), one widget
    after another, borders taken out and wrapped lines joined: words split over two lines still match."""
    screen = pilot.app.screen
    text = "\n".join(on_screen(w) for w in screen.walk_children(with_self=False) if w.outer_size.area)
    return " ".join(re.sub(r"[\u2500-\u257f]", " ", text).split())


def toasts(pilot: Pilot) -> list[str]:
    """The notifications on screen now (the app must run with notifications=True)."""
    return [str(t.render()) for t in pilot.app.screen.query(Toast)]


def to_turn_of(session: Session, actor: str) -> None:
    """Play on, each other team passing, until ``actor`` is to move in the moves phase."""
    from tabletop.engine import Action, legal_actions

    while not (session.state.phase == "moves" and session.state.turn == actor):
        state = session.state
        if state.turn is not None and state.phase == "moves":
            session.apply(Action("pass", actor=state.turn))
        else:
            session.apply(legal_actions(state)[0])


def play_bots(session: Session, through_round: int, seed: int) -> None:
    """Random bots play every team through ``through_round``; the facilitator rules every move a success."""
    import random

    from tabletop.engine import Action, legal_actions
    from tabletop.sim.bots import Bot

    rng = random.Random(seed)
    while session.state.round <= through_round and not session.state.over:
        options = legal_actions(session.state)
        action = options[0]
        if action.actor is not None:
            action = Bot("random", rng).choose(session.state, options)
        elif action.kind == "rule":
            action = Action("rule", track=action.track, success=True, reason="fair")
        session.apply(action)
