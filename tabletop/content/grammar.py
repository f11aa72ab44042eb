"""Small pieces of English grammar for names that come from content."""

from __future__ import annotations


def possessive(name: str) -> str:
    """``Russia's``, but ``the United States'`` — never ``States's``."""
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
