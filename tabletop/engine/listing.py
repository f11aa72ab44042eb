"""The legal actions of a turn with link moves: a sequence that pairs the tracks only when read.

Under linked independence a link move on one track may name any other open
track, so listing every pair grows as the square of the tracks (67,077
actions at 256). :class:`Listing` keeps each link move on a track as one
:class:`Pairs` entry and builds the ``k``-th action only when it is read:
its length, indexing, iteration and equality are those of the full list, in
the same order, so whoever draws an index from it (the bots, with a seeded
generator) chooses exactly what it chose from the list.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import overload

from .actions import Action


class Pairs:
    """A link move on one open track, paired with each other open track in ruleset order."""

    __slots__ = ("actor", "move", "track", "open_ids", "at", "handed")

    #: what a bot reading a listing's parts tells it from an action by (an action's kind is never this)
    kind = "pairs"

    def __init__(self, actor: str, move: str, track: str, open_ids: tuple[str, ...], at: int):
        self.actor = actor
        self.move = move
        self.track = track
        self.open_ids = open_ids  # every open track, this one at ``at``: shared by the turn's entries
        self.at = at
        #: the actions read from it by index, as handed out (``plays.was_listed`` knows them by identity)
        self.handed: list[Action] = []

    @property
    def size(self) -> int:
        return len(self.open_ids) - 1

    def partners(self) -> tuple[str, ...]:
        """The tracks it may be linked with, in listing order."""
        return self.open_ids[: self.at] + self.open_ids[self.at + 1 :]

    def action(self, k: int) -> Action:
        """The ``k``-th pair as an action."""
        other = self.open_ids[k + 1 if k >= self.at else k]
        return Action("move", actor=self.actor, move=self.move, track=self.track, link=other)

    def hand(self, k: int) -> Action:
        """The ``k``-th pair as an action, noted as handed out (:attr:`handed`)."""
        action = self.action(k)
        self.handed.append(action)
        return action


#: how many actions a Listing finds by walking its parts before it makes its table of ends
_WALKED = 4


class Listing(Sequence[Action]):
    """Legal actions, link moves kept as :class:`Pairs` until an action is read.

    Builds in time proportional to its entries (moves × tracks), not to the
    pairs it stands for.
    """

    __slots__ = ("parts", "_ends", "_size", "_read")

    def __init__(self, parts: Sequence[Action | Pairs]):
        self.parts = tuple(parts)
        # each part's end in the flat order, made only when many actions are read: a game reads
        # the first (whose turn) and the one a bot chooses, each found by walking the parts
        self._ends: list[int] | None = None
        self._size: int | None = None
        self._read = 0

    def _cumulative(self) -> list[int]:
        ends = self._ends
        if ends is None:
            ends = []
            total = 0
            for part in self.parts:
                total += 1 if isinstance(part, Action) else part.size
                ends.append(total)
            self._ends = ends
            self._size = total
        return ends

    def __len__(self) -> int:
        size = self._size
        if size is None:
            size = 0
            for part in self.parts:
                size += 1 if isinstance(part, Action) else part.size
            self._size = size
        return size

    @overload
    def __getitem__(self, index: int) -> Action: ...

    @overload
    def __getitem__(self, index: slice) -> list[Action]: ...

    def __getitem__(self, index: int | slice) -> Action | list[Action]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if index >= 0 and self._ends is None and self._read < _WALKED:  # walked to: no table, no length
            self._read += 1
            for part in self.parts:
                if isinstance(part, Action):
                    if index == 0:
                        return part
                    index -= 1
                elif index < part.size:
                    return part.hand(index)
                else:
                    index -= part.size
            index = -1  # past the end
        ends = self._cumulative()
        if not 0 <= index < (ends[-1] if ends else 0):
            # untranslated: a developer's error
            raise IndexError("legal action index out of range")
        j = bisect_right(ends, index)
        part = self.parts[j]
        if isinstance(part, Action):
            return part
        return part.hand(index - (ends[j - 1] if j else 0))

    def __iter__(self) -> Iterator[Action]:
        for part in self.parts:
            if isinstance(part, Action):
                yield part
            else:
                for k in range(part.size):
                    yield part.action(k)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Listing):
            return list(self) == list(other)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list's equality, so no hash

    def __repr__(self) -> str:
        return f"Listing({list(self)!r})"
