"""The names and move words the decision list needs, headless (plain strings, no Rich).

The same wording as :mod:`tabletop.tui.text`'s ``names``, ``named`` and
``move_words`` (a test holds them equal on every bundled scenario): the
decision list lives below the TUI, so it cannot import the TUI's module.
Once the TUI's words are headless too, one of the two copies should go.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from ..content import MoveType
from ..content.literal import literal
from ..engine import State


def names(state: State) -> dict[str, str]:
    """Every track, actor and meter id with its name as the room reads it."""
    rs = state.ruleset
    return {
        **{t.id: literal(t.name) for t in rs.tracks},
        **{a.id: literal(a.name) for a in rs.actors},
        **{m.id: literal(m.name) for m in rs.meters},
    }


def resource_name(resource_id: str) -> str:
    """A resource as the room reads it: ``mandate-moscow`` is "mandate moscow" (resources have no names)."""
    return literal(resource_id.replace("-", " ").replace("_", " "))


def named(part: Any, names: Mapping[str, str] | None) -> str:
    """An effect, condition or modifier in a few words, with the names of the meters, tracks
    and resources it mentions in place of their ids ("Mutual trust −1", not "trust −1")."""
    if names is None:
        return literal(part.describe())
    shown = copy.copy(part)  # content parts are frozen: the copy carries the names, the original is untouched
    for field in ("meter", "track"):
        value = getattr(part, field, None)
        if isinstance(value, str) and value in names:
            object.__setattr__(shown, field, names[value])
    resource = getattr(part, "resource", None)
    if isinstance(resource, str):
        object.__setattr__(shown, "resource", resource_name(resource))
    return literal(shown.describe())


def effects_words(effects: Iterable[Any], names: Mapping[str, str] | None = None) -> str:
    """Effects in a few words each (a log line changes nothing on the board: left out)."""
    return ", ".join(named(e, names) for e in effects if e.key != "log") or "no effect"


def move_words(move: MoveType, names: Mapping[str, str] | None = None) -> str:
    """What a move costs, how it is resolved and what it does."""
    cost = ", ".join(f"{v} {resource_name(k)}" for k, v in move.cost.items()) or "free"
    how = {
        "auto": "at once",
        "consensus": "members vote",
        "dice": f"2d6 \u2265 {move.target}",
        "facilitator": "facilitator rules",
    }[move.resolution]
    out = f"{cost}; {how}: {effects_words(move.effects, names)}"
    if move.fail_effects:
        out += f"; if it fails: {effects_words(move.fail_effects, names)}"
    return out


__all__ = ["effects_words", "move_words", "named", "names", "resource_name"]
