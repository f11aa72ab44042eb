"""The undo's dialog takes an optional reason, which the record, the decision log and the report keep as typed.

Found from outside (uk, a full-day workshop): ``u`` Enter undid at once, with no way to say why, and the report's
decision log said of each undo «| 32 | … | **ВЕДУЧИЙ** Скасування: … | причина: скасовано ведучим |»: "undone by
the facilitator" is no reason. DESIGN.md §3: an override is an event with its reason; undo is also an event.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tabletop.report import render
from tabletop.store.schema import line_schemas
from tabletop.store.verifying import verify
from tabletop.tui.app import TabletopApp
from tabletop.tui.board import BoardScreen

from .support import SIZE, press, start, type_text

WHY = "помилково витягли картку"


def _undo_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if "Скасування" in line and line.startswith("|")]


async def test_an_undo_keeps_the_reason_typed_and_none_when_none_is(tmp_path: Path) -> None:
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "1")  # the draw
        await press(pilot, "u")
        await type_text(pilot, WHY)
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen), app.screen
        undo = session.state.last
        assert undo is not None and undo.action.kind == "undo", undo
        assert undo.action.reason == WHY and undo.action.lang == "uk", undo.action
        await press(pilot, "1")  # drawn again
        await press(pilot, "u", "enter")  # a nervous facilitator's undo: at once, the field empty
        plain = session.state.last
        assert plain is not None and plain.action.kind == "undo", plain
        assert plain.action.reason is None and plain.action.lang is None, plain.action
    assert app._exception is None
    session.close()
    assert verify(session.save_path).ok
    _, event = line_schemas()
    for line in session.save_path.read_text(encoding="utf-8").splitlines()[1:]:
        jsonschema.validate(json.loads(line), event)
    rows = _undo_rows(render(session.save_path, "md", lang="uk"))
    assert len(rows) == 2, rows
    assert f"причина: {WHY}" in rows[0], rows
    # none given, none made up
    assert "причина" not in rows[1] and "скасовано ведучим" not in rows[1], rows


async def test_escape_puts_the_undo_away_twice_over_a_typed_reason(tmp_path: Path) -> None:
    """Escape cancels, as it did; over a reason typed, the first Escape warns and a second closes, as the override
    and the note do."""
    session = start(tmp_path)
    app = TabletopApp(session, lang="uk")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "1")
        await press(pilot, "u", "escape")
        assert isinstance(app.screen, BoardScreen), app.screen
        await press(pilot, "u")
        await type_text(pilot, "ні")
        await press(pilot, "escape")
        assert not isinstance(app.screen, BoardScreen), app.screen  # the reason typed would be lost: said first
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen), app.screen
    assert app._exception is None
    assert [e.action.kind for e in session.state.log] == ["draw"]
    session.close()
