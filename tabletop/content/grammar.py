"""Small pieces of grammar for names that come from content, and the words for a ruleset's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lang import Domain

if TYPE_CHECKING:
    from .scenario import Scenario


def possessive(name: str) -> str:
    """``Russia's``, but ``the United States'`` — never ``States's``."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"


def plural_subject(scenario: Scenario, actor_id: str | None) -> bool:
    """Whether the actor's name, in the language ``scenario`` is translated into, takes a plural verb.

    The base file says so of its own language (``number = "plural"`` on the actor: "Mediating states"), an
    overlay of its translation's (ru «Соединённые Штаты»); an actor not marked is singular. In English a sentence
    with a plural subject is its own message, with the context ``plural subject``.
    """
    return (actor_id or "") in scenario.plural_actors


def independence_word(independence: str) -> str:
    """A ruleset's independence (``strict``, ``linked``) as the room reads it: on the start screen, the board and
    in ``tabletop validate``."""
    content = Domain("content")
    words = {"strict": content.pgettext("independence", "strict"), "linked": content.pgettext("independence", "linked")}
    return words.get(independence, independence)
