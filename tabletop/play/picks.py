"""What a decision is made of: styled words, what picking an entry does (a :data:`Pick`), the entries.

Plain records, no rules: :mod:`.decisions` works out the decision at hand,
:mod:`.arguing` the steps of a matrix argument, and a screen carries a pick out.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..engine import Action


class Styled(NamedTuple):
    """Words with styles: ``spans`` of ``(text, style)`` over ``style``, the style of the whole."""

    spans: tuple[tuple[str, str], ...]
    style: str = ""

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.spans)


def styled(text: str, style: str = "", *more: tuple[str, str]) -> Styled:
    """``text`` in ``style`` (the whole's style: it reaches the ``more`` spans too)."""
    return Styled(((text, ""), *more), style)


class _Record:
    """A small immutable record compared by its kind and its fields.

    Not a dataclass: each one costs every start about half a millisecond to
    build (benchmarks/README.md), and the board imports these at start. Not a
    named tuple either: ``Act(a) == Propose(a)`` must be false.
    """

    __slots__: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        values = dict(zip(self.__slots__, args, strict=False))
        values.update(kwargs)
        if set(values) != set(self.__slots__):
            # untranslated: a programming error
            raise TypeError(f"{type(self).__name__} takes {', '.join(self.__slots__) or 'nothing'}")
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only")  # untranslated: a programming error

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._values() == self._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self._values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={v!r}' for n, v in zip(self.__slots__, self._values()))})"


class RoundReview(_Record):
    """The prompt of the review phase: the round review (each track's net change, what was undone)."""

    __slots__ = ()


# -- what an entry does ------------------------------------------------------


class Act(_Record):
    """Do ``action`` at once."""

    action: Action

    __slots__ = ("action",)


class Propose(_Record):
    """Make the move ``action`` once its team confirms it."""

    action: Action

    __slots__ = ("action",)


class Stage(_Record):
    """Choose among a track's moves (``GLOBAL``: the global moves), or back to the tracks (None)."""

    stage: str | None

    __slots__ = ("stage",)


class AskRuling(_Record):
    """The facilitator rules a success or failure on ``track``, with a reason asked for."""

    track: str | None
    success: bool

    __slots__ = ("track", "success")


class ReleaseCard(_Record):
    """The facilitator has read the card out: the bot may answer it."""

    __slots__ = ()


class Ready(_Record):
    """Sealed round: ``team`` is at the keyboard and the others look away."""

    team: str

    __slots__ = ("team",)


class HandOver(_Record):
    """Sealed round: the team at the keyboard is done and hands over."""

    __slots__ = ()


class ShowOutcome(_Record):
    """Show the outcome of the game."""

    __slots__ = ()


class Argue(_Record):
    """A team makes a matrix argument: its words and result are asked for (``options``: the
    engine's ready-made arguments on one track, one per result it may argue for)."""

    options: tuple[Action, ...]

    __slots__ = ("options",)


class Counter(_Record):
    """A team types its counter-argument (``action``: the engine's, the deck's stock counter in it)."""

    action: Action

    __slots__ = ("action",)


class MarkStrong(_Record):
    """Matrix odds: the facilitator marks which reasons and counters are strong."""

    track: str | None

    __slots__ = ("track",)


Pick = (Act | Propose | Stage | AskRuling | ReleaseCard | Ready | HandOver | ShowOutcome
        | Argue | Counter | MarkStrong)


def about(pick: Pick) -> tuple[str | None, str | None]:
    """The move and the track a pick is about (ids; None: it names none): what the help describes of the entry a team
    has highlighted. A stage's track (``@global``, the global moves, is none)."""
    if isinstance(pick, Stage):
        return None, pick.stage if pick.stage is not None and not pick.stage.startswith("@") else None
    if isinstance(pick, Argue):
        return (pick.options[0].move, pick.options[0].track) if pick.options else (None, None)
    if isinstance(pick, (Act, Propose, Counter)):
        return pick.action.move, pick.action.track
    if isinstance(pick, (AskRuling, MarkStrong)):
        return None, pick.track
    return None, None


class Choice(NamedTuple):
    """One entry of the decision: its words, what picking it does, and why it is refused."""

    label: Styled
    pick: Pick
    refusal: str | None = None  # the engine's reason: picking the entry says it, and does nothing
    hint: str | None = None  # a short form of the refusal for the list


class Decision(NamedTuple):
    """What the game waits for (``prompt``) and the entries to pick from."""

    prompt: Styled | RoundReview
    entries: tuple[Choice, ...]


__all__ = [
    "Act",
    "Argue",
    "AskRuling",
    "Choice",
    "Counter",
    "Decision",
    "HandOver",
    "MarkStrong",
    "Pick",
    "Propose",
    "Ready",
    "ReleaseCard",
    "RoundReview",
    "ShowOutcome",
    "Stage",
    "Styled",
    "about",
    "styled",
]
