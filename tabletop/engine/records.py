"""Rulings and changes as typed records, read once from an event's ``result``.

The engine writes plain dicts into the save (that format does not change);
every reader — the screens, the replay viewer, the reports — reads them
through these records instead of by string keys. Old saves may lack keys:
a missing key reads as "not recorded" (``None``, empty, ``False``), never
as an error, so a save that opened before still opens. They are named
tuples, not dataclasses: building a dataclass costs every start about half
a millisecond, and the board reads rulings from its first frame.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

#: The actions that settle a tabled move: each records a ruling (``lapse``: the facilitator sets aside a move whose
#: track has closed, with no vote, roll or ruling).
RULING_KINDS = ("vote", "roll", "rule", "enact", "lapse")


def _ids(value: Any) -> tuple[str, ...]:
    """A recorded list of actor ids; anything else (missing, ``None``) is nobody."""
    return tuple(str(a) for a in value) if isinstance(value, (list, tuple)) else ()


class Modifier(NamedTuple):
    """One modifier of a dice roll: where it came from, what it adds, whether it held."""

    source: str = ""  # as recorded: the condition in the ruleset's ids (``trust >= 5``)
    add: int = 0
    applies: bool = False

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Modifier:
        source = data.get("source")
        return cls("" if source is None else str(source), int(data.get("add", 0)), bool(data.get("applies")))


class Ruling(NamedTuple):
    """How a tabled move was settled: its working and its outcome.

    ``resolution`` is ``dice``, ``consensus``, ``facilitator``, ``auto`` or ``argue``;
    only the fields of that kind are recorded. ``success`` is ``None`` when the
    save does not say.
    """

    resolution: str | None = None
    dice: tuple[int, ...] = ()
    modifiers: tuple[Modifier, ...] = ()
    total: int | None = None
    target: int | None = None
    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    threshold: int | None = None
    vetoed_by: tuple[str, ...] = ()
    reason: str | None = None
    lapsed: bool = False
    #: the facilitator set the move aside (``lapse``): nobody voted, rolled or ruled on it
    set_aside: bool = False
    success: bool | None = None
    proposal: int | None = None
    actor: str | None = None
    move: str | None = None
    # a matrix argument (``resolution == "argue"``): its texts as typed, and how it was weighed
    text: str | None = None
    wanted: tuple[tuple[str, Any], ...] = ()
    reasons: tuple[str, ...] = ()
    counters: tuple[tuple[str, str | None], ...] = ()
    votes: tuple[tuple[str, str], ...] = ()
    odds: str | None = None
    odds_by: str | None = None
    strong: tuple[int, ...] = ()
    effect: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Ruling:
        """A ruling from its recorded dict (``result["ruling"]``)."""
        dice = data.get("dice")
        proposal = data.get("proposal")
        return cls(
            resolution=data.get("resolution"),
            dice=tuple(dice) if isinstance(dice, (list, tuple)) else (),
            modifiers=tuple(
                Modifier.from_data(m) for m in data.get("modifiers") or [] if isinstance(m, Mapping)
            ),
            total=data.get("total"),
            target=data.get("target"),
            accepted=_ids(data.get("accepted")),
            rejected=_ids(data.get("rejected")),
            threshold=data.get("threshold"),
            vetoed_by=_ids(data.get("vetoed_by")),
            reason=data.get("reason"),
            lapsed=bool(data.get("lapsed")),
            set_aside=bool(data.get("set_aside")),
            success=bool(data["success"]) if "success" in data else None,
            proposal=proposal if isinstance(proposal, int) else None,
            actor=data.get("actor"),
            move=data.get("move"),
            **(_argument(data) if data.get("resolution") == "argue" else {}),
        )

    @classmethod
    def from_result(cls, result: Mapping[str, Any]) -> Ruling | None:
        """The ruling an event recorded, or ``None`` when it settled nothing."""
        data = result.get("ruling")
        return cls.from_data(data) if isinstance(data, Mapping) else None

    @property
    def outcome(self) -> str:
        """``lapsed``, ``applied`` (an automatic move), ``succeeds`` or ``fails``."""
        if self.lapsed:
            return "lapsed"
        if self.resolution == "auto":
            return "applied"
        return "succeeds" if self.success else "fails"


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _pairs(value: Any) -> list[tuple[Any, Any]]:
    """A recorded list of ``[a, b]`` pairs; an entry that is not a pair is skipped."""
    if not isinstance(value, (list, tuple)):
        return []
    return [(p[0], p[1]) for p in value if isinstance(p, (list, tuple)) and len(p) == 2]


def _argument(data: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of an argument's ruling, read as leniently as the rest."""
    wanted = data.get("wanted")
    reasons = data.get("reasons")
    strong = data.get("strong")
    return {
        "text": _text(data.get("text")),
        "wanted": tuple((str(k), v) for k, v in wanted.items()) if isinstance(wanted, Mapping) else (),
        "reasons": tuple(str(r) for r in reasons) if isinstance(reasons, (list, tuple)) else (),
        "counters": tuple((str(a), _text(t)) for a, t in _pairs(data.get("counters"))),
        "votes": tuple((str(a), str(o)) for a, o in _pairs(data.get("votes"))),
        "odds": _text(data.get("odds")),
        "odds_by": _text(data.get("odds_by")),
        "strong": tuple(i for i in strong if isinstance(i, int)) if isinstance(strong, (list, tuple)) else (),
        "effect": _text(data.get("effect")),
    }


class Change(NamedTuple):
    """One thing an event changed on the board.

    Three forms, as the engine records them: a track's ``position``,
    ``tension`` or ``status`` (``track`` and ``what``); a meter (``meter``);
    an actor's resource (``actor`` and ``resource``). Any other recorded
    form keeps its items in ``other``. A meter raised by an agreement's
    goodwill names the track in ``spillover``.
    """

    before: Any = None
    after: Any = None
    track: str | None = None
    what: str = ""
    meter: str | None = None
    actor: str | None = None
    resource: str | None = None
    other: tuple[tuple[str, Any], ...] = ()
    spillover: str | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Change:
        before, after = data.get("from"), data.get("to")
        if "track" in data:
            return cls(before, after, track=str(data["track"]), what=str(data.get("what", "")))
        if "meter" in data:
            spillover = data.get("spillover")
            return cls(before, after, meter=str(data["meter"]), spillover=None if spillover is None else str(spillover))
        if "resource" in data:
            return cls(before, after, actor=str(data.get("actor")), resource=str(data["resource"]))
        return cls(before, after, other=tuple((str(k), v) for k, v in data.items()))

    @property
    def form(self) -> str:
        """``track``, ``meter``, ``resource`` or ``other``."""
        if self.track is not None:
            return "track"
        if self.meter is not None:
            return "meter"
        return "resource" if self.resource is not None else "other"


def changes_of(result: Mapping[str, Any]) -> list[Change]:
    """What an event changed on the board, in order (an entry that is not a record is skipped)."""
    changes = result.get("changes")
    if not isinstance(changes, (list, tuple)):
        return []
    return [Change.from_data(c) for c in changes if isinstance(c, Mapping)]


__all__ = ["RULING_KINDS", "Change", "Modifier", "Ruling", "changes_of"]
