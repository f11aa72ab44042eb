"""``l`` after every ruling made was undone says so: found from outside, a room that had just watched an override
made and taken back was told "No ruling yet: dice, a vote or the facilitator have settled nothing so far"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine import Action
from tabletop.play.session import Session
from tabletop.tui.app import TabletopApp

from .support import SMALL, press, start, toasts

SAID = {"en": "No ruling stands: the last one (#1) was undone.",
        "ru": "Ни одно решение не действует: последнее (#1) отменено.",
        "uk": "Жодне рішення не діє: останнє (#1) скасовано."}


def _undone(tmp_path: Path) -> Session:
    session = start(tmp_path)
    session.apply(Action("override", track="strategic-stability", position=2, reason="agreed in the side room"))
    session.apply(Action("undo", reason="wrong track"))
    return session


async def test_l_after_the_only_ruling_was_undone_says_it_was_undone(tmp_path: Path) -> None:
    app = TabletopApp(_undone(tmp_path))
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.pause()
        await press(pilot, "l")
        told = toasts(pilot)
        assert any(SAID["en"] in t for t in told) and not any("No ruling yet" in t for t in told), told


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_the_undone_ruling_is_said_in_the_room_s_language(tmp_path: Path, code: str) -> None:
    from tabletop.tui.rulingview import no_ruling_words

    session = _undone(tmp_path)
    lang.set_language(code)
    assert no_ruling_words(session.state) == SAID[code]
