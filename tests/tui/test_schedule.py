"""The card panel says when a card came up on the deck's schedule; the facilitator may still skip or redraw it."""

from __future__ import annotations

import copy
from pathlib import Path

from tabletop import open_save
from tabletop.content import Scenario, scenario_from_data
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp

from .support import SIZE, on_screen, panel, press, rendered, scenario

SCHEDULED = "summit-call"


def scheduled_scenario(round_: int = 1) -> Scenario:
    """The default scenario with its first global card scheduled for ``round_``, and only that one
    (the bundled deck's own master events list set aside, so the test decides what is due)."""
    data = copy.deepcopy(scenario().embedded())
    for other in data["deck"]["cards"]:
        other.pop("schedule", None)
    card = next(c for c in data["deck"]["cards"] if c.get("track") is None and not c.get("requires"))
    card["id"] = SCHEDULED
    card["schedule"] = {"round": round_}
    return scenario_from_data(data, name="scheduled")


def start(tmp_path: Path, sc: Scenario, seed: int = 7) -> Session:
    return Session.start(sc, seed, tmp_path / "game.jsonl", None)


async def test_a_scheduled_card_is_labelled_and_can_be_skipped(tmp_path: Path) -> None:
    session = start(tmp_path, scheduled_scenario())
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")  # draw: round 1's scheduled card, not a random one
        assert session.state.card == SCHEDULED
        text = panel(pilot, "#card")
        assert "Scheduled for round 1" in text
        assert "Event card (scheduled)" in on_screen(app.screen.query_one("#card-box"))
        await press(pilot, "f")  # the facilitator's panel: it is on the master events list, and may be skipped
        shown = rendered(pilot)
        assert "The card on the table is on the master events list (scheduled for round 1)" in shown
        assert "k skips it, r redraws, if the room is elsewhere" in shown
        await press(pilot, "k", "enter")
        assert session.state.card is None and session.state.discard[-1] == SCHEDULED
        assert "Scheduled for" not in panel(pilot, "#card")
        assert "master events list" not in rendered(pilot)
    events = list(open_save(session.save_path).events)
    assert [e.action.kind for e in events] == ["draw", "skip"]
    assert events[0].action.outcome == {"card": SCHEDULED, "set_aside": [], "reshuffled": 0, "scheduled": True}


async def test_a_redrawn_scheduled_card_gives_way_to_a_card_from_the_pile_without_the_label(tmp_path: Path) -> None:
    session = start(tmp_path, scheduled_scenario())
    async with TabletopApp(session).run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        assert "Scheduled for round 1" in panel(pilot, "#card")
        await press(pilot, "r", "enter")
        assert session.state.card not in (None, SCHEDULED)
        assert "Scheduled for" not in panel(pilot, "#card")


async def test_a_card_drawn_at_random_has_no_schedule_label(tmp_path: Path) -> None:
    session = start(tmp_path, scheduled_scenario(round_=2))
    app = TabletopApp(session)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "enter")
        assert session.state.card not in (None, SCHEDULED)
        assert "Scheduled for" not in panel(pilot, "#card")
        assert "Event card (scheduled)" not in on_screen(app.screen.query_one("#card-box"))
