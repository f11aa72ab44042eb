"""tabletop: a terminal tabletop wargame for policy workshops.

The public API (DESIGN section 7a)::

    from tabletop import load_scenario, new_game, legal_actions, apply, open_save

docs/api.md is its reference: every name, the facilitator's powers as actions, what is raised.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._collector import collector_paused
from ._version import __version__

# the package's modules and classes live as long as the process: the collector's passes over them
# while they are made found nothing (benchmarks/README.md, the cold start)
with collector_paused():
    from .content import ContentError, Scenario, load_scenario
    from .engine import Action, RuleViolation, State, apply, legal_actions, new_game

if TYPE_CHECKING:
    from pathlib import Path

    from .store.errors import SaveError
    from .store.reading import Save


def open_save(path: str | Path, *, strict: bool = True) -> Save:
    """Read a save back: a :class:`Save` (``header``, ``events``, ``len(save)``, ``state_at(i)``, ``damage``).

    Raises SaveError if the file is no save at all, and, with ``strict`` (the default), if it is damaged
    (a changed line, a torn tail, missing events: ``SaveError.seq`` and ``.kind`` say where and what), so
    that an analysis over a folder is never handed a game cut short without a word. ``strict=False`` opens
    a damaged save with the events before its damage, and ``save.damage`` says what it is.
    """
    from .store.reading import open_save as read  # reading is imported on first use: a new game only writes

    return read(path, strict=strict)


def __getattr__(name: str) -> object:
    # the save's types come with reading it, on first use (importing tabletop stays as light as a new game needs)
    if name == "SaveError":
        from .store.errors import SaveError

        return SaveError
    if name == "Save":
        from .store.reading import Save

        return Save
    raise AttributeError(f"module 'tabletop' has no attribute {name!r}")


__all__ = [
    "Action",
    "ContentError",
    "RuleViolation",
    "Save",
    "SaveError",
    "Scenario",
    "State",
    "__version__",
    "apply",
    "legal_actions",
    "load_scenario",
    "new_game",
    "open_save",
]
