"""A catalogue scenario with a matrix argument, and short builders for its steps (tests of issue 17)."""

from __future__ import annotations

from typing import Any

from tabletop import Action
from tabletop.content import Scenario

from .support import ADVANCE, catalogue_scenario, opening, pass_

#: The argue move: progress +1, tension -1 or deferral, on Alpha and Beta; options vary per test.
ARGUE: dict[str, Any] = {
    "id": "argue",
    "name": "Argue",
    "cost": {"capital": 1},
    "resolution": "argue",
    "fail_effects": [{"tension": 1}],
    "argue": {"tracks": ["alpha", "beta"], "progress": [1, 1], "tension": [-1, -1], "status": ["deferred"]},
}


def argue_scenario(independence: str = "strict", sealed: bool = False, **options: Any) -> Scenario:
    move = {**ARGUE, "argue": {**ARGUE["argue"], **options}}
    tweak = {"ruleset.sealed_moves": True} if sealed else {}
    return catalogue_scenario(independence, tweak, extra_moves=[move])


def argument(actor: str = "a", track: str = "alpha", wanted: dict[str, Any] | None = None,
             text: str = "Open a hotline", reasons: tuple[str, ...] = ("It costs nothing",)) -> Action:
    return Action("move", actor=actor, move="argue", track=track, text=text,
                  wanted={"progress": 1} if wanted is None else wanted, reasons=reasons)


def counter(actor: str, text: str | None = None, track: str = "alpha") -> Action:
    return Action("counter", actor=actor, track=track, text=text)


def odds(label: str | None = None, actor: str | None = None, track: str = "alpha", **more: Any) -> Action:
    return Action("odds", actor=actor, track=track, odds=label, **more)


#: Round 1 up to the argument's counters: a argues on Alpha, b and c pass, adjudication begins.
def to_counters(**argued: Any) -> tuple[Action, ...]:
    return (*opening(), argument(**argued), pass_("b"), pass_("c"), ADVANCE)
