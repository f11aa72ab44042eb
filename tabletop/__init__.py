"""tabletop: a terminal tabletop wargame for policy workshops.

The public API (DESIGN section 7a)::

    from tabletop import load_scenario, new_game, legal_actions, apply, open_save
"""

from ._version import __version__

from .content import ContentError, Scenario, load_scenario  # noqa: E402
from .engine import Action, RuleViolation, State, apply, legal_actions, new_game  # noqa: E402


def __getattr__(name: str) -> object:
    # reading saves back is imported on first use: a new game only writes
    if name == "open_save":
        from .store.reading import open_save

        return open_save
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
