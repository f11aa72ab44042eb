"""The board's actions in the command palette: the decision at hand and the facilitator's powers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

#: a palette command: its words, what it does, and its group
Command = tuple[str, Callable[[], None], str]


@runtime_checkable
class Commanded(Protocol):
    """A screen that lists its own palette commands (the board)."""

    def palette_commands(self) -> list[Command]: ...


class GameCommands(Provider):
    """Every game and facilitator action of the board, in the command palette."""

    def _commands(self) -> list[Command]:
        screen = self.screen
        return screen.palette_commands() if isinstance(screen, Commanded) else []

    async def discover(self) -> Hits:
        for text, run, help_text in self._commands():
            yield DiscoveryHit(Content(text), run, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, run, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, Content(text), run, text=text, help=help_text)


__all__ = ["Command", "Commanded", "GameCommands"]
