"""Small pieces of English grammar for names that come from content."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .scenario import Scenario


def possessive(name: str) -> str:
    """``Russia's``, but ``the United States'`` — never ``States's``."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def plural_subject(scenario: Scenario, actor_id: str | None) -> bool:
    """Whether the actor's name, in the language ``scenario`` is translated into, takes a plural verb.

    An overlay says so (``number = "plural"`` on the actor: ru «Соединённые Штаты»); a base
    (English) scenario, or an actor not marked, is singular.
    """
    return (actor_id or "") in scenario.plural_actors
