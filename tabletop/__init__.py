"""tabletop: a terminal tabletop wargame for policy workshops.

The public API (DESIGN section 7a)::

    from tabletop import load_scenario, new_game, legal_actions, apply, open_save
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

    from .store.reading import Save


def open_save(path: str | Path) -> Save:
    """Read a save back (see :func:`tabletop.store.reading.open_save`); raises SaveError if it is no save at all."""
    from .store.reading import open_save as read  # reading is imported on first use: a new game only writes

    return read(path)


__all__ = [
    "Action",
    "ContentError",
    "RuleViolation",
    "Scenario",
    "State",
    "__version__",
    "apply",
    "legal_actions",
    "load_scenario",
    "new_game",
    "open_save",
]
