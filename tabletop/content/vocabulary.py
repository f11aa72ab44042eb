"""The one vocabulary of effects and conditions.

Every effect and condition a ruleset or deck may use is a small class here.
The validator (pydantic models made from these classes), the loader's
checks, the engine's interpreter and the authoring docs all read this
registry, so they cannot drift apart. Importing it does not import pydantic.

An effect or condition is a TOML inline table whose *primary key* says what
it is (``{ progress = 1 }``, ``{ meter = "trust", at_least = 3 }``). Nothing
here is ever evaluated as code.
"""

# No `from __future__ import annotations` here: evaluated annotations let the start read
# the fields' types without typing.get_type_hints (see fields.hints).

from abc import abstractmethod
from typing import Annotated, ClassVar, Literal, Protocol

from .fields import ContentModel, Limits, OneOf
from ..lang import Domain
from .numbers import GAUGE, Amount, Bonus

_, ngettext, N_ = Domain("content").words()

Status = Literal["open", "agreed", "collapsed", "deferred"]
STATUSES: tuple[str, ...] = ("open", "agreed", "collapsed", "deferred")
#: an effect or condition may name another track (linked mode only)
OtherTrack = Annotated[str | None, Limits(description="another track (linked mode only)")]  # untranslated: JSON Schema text for editors


def check_bounds(at_least: int | None, at_most: int | None) -> None:
    if at_least is None and at_most is None:
        raise ValueError(_("give at_least, at_most or both"))
    if at_least is not None and at_most is not None and at_least > at_most:
        raise ValueError(_("at_least ({low}) is above at_most ({high})").format(low=at_least, high=at_most))


#: a bound a condition sets (``at_least``, ``at_most``)
Limit = Annotated[int | None, GAUGE.limits()]


class Range(ContentModel):
    """Bounds for a number: ``{ at_least = 2 }``, ``{ at_most = 3 }`` or both."""

    at_least: Limit = None
    at_most: Limit = None

    def check(self) -> None:
        check_bounds(self.at_least, self.at_most)

    def holds(self, value: int) -> bool:
        if self.at_least is not None and value < self.at_least:
            return False
        if self.at_most is not None and value > self.at_most:
            return False
        return True

    def describe(self) -> str:
        if self.at_least is not None and self.at_most is not None:
            return f"{self.at_least}..{self.at_most}"  # untranslated: the record, see Effect.describe
        if self.at_least is not None:
            return f">= {self.at_least}"  # untranslated: the record, see Effect.describe
        return f"<= {self.at_most}"


# --------------------------------------------------------------------------
# What effects write to and conditions read from. The engine supplies these;
# a track-scoped action gets a view holding its own track only.


class TrackView(Protocol):
    position: int
    tension: int
    status: str


class ConditionContext(Protocol):
    round: int

    def track(self, track_id: str | None) -> TrackView: ...

    def meter(self, meter_id: str) -> int: ...

    def resource(self, resource_id: str) -> int: ...


class EffectTarget(Protocol):
    def add_progress(self, track_id: str | None, amount: int) -> None: ...

    def add_tension(self, track_id: str | None, amount: int) -> None: ...

    def set_status(self, track_id: str | None, status: str) -> None: ...

    def add_meter(self, meter_id: str, amount: int) -> None: ...

    def add_resource(self, resource_id: str, amount: int) -> None: ...

    def log(self, text: str) -> None: ...


# --------------------------------------------------------------------------
# Effects


class Effect(ContentModel):
    key: ClassVar[str]
    example: ClassVar[str]
    #: writes the state of a track (its own unless ``track`` names another)
    writes_track: ClassVar[bool] = False
    #: writes a global meter
    writes_meter: ClassVar[bool] = False

    def other_track(self) -> str | None:
        return getattr(self, "track", None)

    @abstractmethod
    def apply(self, target: EffectTarget) -> None:
        """Write this effect through ``target`` (the action's bench)."""

    @abstractmethod
    def describe(self) -> str:
        """The effect in a few words, in the content's own terms (ids, keys), never translated.

        A ruling records these words in the save (its modifiers' sources), which
        must not depend on anyone's language; screens word effects in the
        language of the moment through :mod:`tabletop.engine.wording`.
        """


def signed(n: int) -> str:
    """``+2`` or ``\u22121`` (a true minus sign): how every screen and report writes an amount added."""
    return f"+{n}" if n >= 0 else f"\u2212{-n}"


class ProgressEffect(Effect):
    """Moves the track's position up or down its ladder (clamped to the ladder)."""

    key = "progress"
    example = "{ progress = 1 }"  # untranslated: TOML
    writes_track = True
    progress: Amount
    track: OtherTrack = None

    def apply(self, target: EffectTarget) -> None:
        target.add_progress(self.track, self.progress)

    def describe(self) -> str:
        where = f" on {self.track}" if self.track else ""  # untranslated: the record, see Effect.describe
        return f"progress {signed(self.progress)}{where}"  # untranslated: the record, see Effect.describe


class TensionEffect(Effect):
    """Raises or lowers the track's tension (0 up to its breakdown threshold)."""

    key = "tension"
    example = "{ tension = -1 }"  # untranslated: TOML
    writes_track = True
    tension: Amount
    track: OtherTrack = None

    def apply(self, target: EffectTarget) -> None:
        target.add_tension(self.track, self.tension)

    def describe(self) -> str:
        where = f" on {self.track}" if self.track else ""  # untranslated: the record, see Effect.describe
        return f"tension {signed(self.tension)}{where}"  # untranslated: the record, see Effect.describe


class StatusEffect(Effect):
    """Sets the track's status, e.g. ``deferred`` to park it on purpose."""

    key = "status"
    example = '{ status = "deferred" }'  # untranslated: TOML
    writes_track = True
    status: Status
    track: OtherTrack = None

    def apply(self, target: EffectTarget) -> None:
        target.set_status(self.track, self.status)

    def describe(self) -> str:
        where = f" {self.track}" if self.track else " track"  # untranslated: the record, see Effect.describe
        return f"{where.strip()} becomes {self.status}"  # untranslated: the record, see Effect.describe


class MeterEffect(Effect):
    """Changes a global meter (global cards and moves only under strict)."""

    key = "meter"
    example = '{ meter = "trust", add = 1 }'  # untranslated: TOML
    writes_meter = True
    meter: str
    add: Amount

    def apply(self, target: EffectTarget) -> None:
        target.add_meter(self.meter, self.add)

    def describe(self) -> str:
        return f"{self.meter} {signed(self.add)}"  # untranslated: the record, see Effect.describe


class ResourceEffect(Effect):
    """Changes a resource of the acting or responding actor (never below 0)."""

    key = "resource"
    example = '{ resource = "capital", add = -1 }'  # untranslated: TOML
    resource: str
    add: Amount

    def apply(self, target: EffectTarget) -> None:
        target.add_resource(self.resource, self.add)

    def describe(self) -> str:
        return f"{self.resource} {signed(self.add)}"  # untranslated: the record, see Effect.describe


class LogEffect(Effect):
    """Writes a line into the game's log; changes nothing."""

    key = "log"
    example = '{ log = "Back-channel opened" }'  # untranslated: TOML
    log: Annotated[str, Limits(max_length=300)]

    def apply(self, target: EffectTarget) -> None:
        target.log(self.log)

    def describe(self) -> str:
        return f"log: {self.log}"  # untranslated: the record, see Effect.describe


EFFECTS: tuple[type[Effect], ...] = (
    ProgressEffect,
    TensionEffect,
    StatusEffect,
    MeterEffect,
    ResourceEffect,
    LogEffect,
)
EFFECT_KEYS: tuple[str, ...] = tuple(e.key for e in EFFECTS)


# --------------------------------------------------------------------------
# Conditions


class Condition(ContentModel):
    key: ClassVar[str]
    example: ClassVar[str]
    reads_track: ClassVar[bool] = False

    def other_track(self) -> str | None:
        return getattr(self, "track", None)

    @abstractmethod
    def holds(self, ctx: ConditionContext) -> bool:
        """Whether the condition holds in ``ctx``."""

    @abstractmethod
    def reads(self, ctx: ConditionContext) -> int | str:
        """The value the condition compares in ``ctx`` (a ruling's working shows it: "2 at the roll")."""

    @abstractmethod
    def describe(self) -> str:
        """The condition in a few words, for screens and reports."""


class _Bounded(Condition):
    at_least: Limit = None
    at_most: Limit = None

    def check(self) -> None:
        check_bounds(self.at_least, self.at_most)

    def _range(self) -> Range:
        return Range(at_least=self.at_least, at_most=self.at_most)

    def _within(self, value: int) -> bool:
        return (self.at_least is None or value >= self.at_least) and (self.at_most is None or value <= self.at_most)


class MeterCondition(_Bounded):
    """A global meter is within bounds."""

    key = "meter"
    example = '{ meter = "trust", at_least = 3 }'  # untranslated: TOML
    meter: str

    def holds(self, ctx: ConditionContext) -> bool:
        return self._within(ctx.meter(self.meter))

    def reads(self, ctx: ConditionContext) -> int:
        return ctx.meter(self.meter)

    def describe(self) -> str:
        return f"{self.meter} {self._range().describe()}"  # untranslated: the record, see Effect.describe


class ResourceCondition(_Bounded):
    """The acting or responding actor's resource is within bounds."""

    key = "resource"
    example = '{ resource = "capital", at_least = 2 }'  # untranslated: TOML
    resource: str

    def holds(self, ctx: ConditionContext) -> bool:
        return self._within(ctx.resource(self.resource))

    def reads(self, ctx: ConditionContext) -> int:
        return ctx.resource(self.resource)

    def describe(self) -> str:
        return f"{self.resource} {self._range().describe()}"  # untranslated: the record, see Effect.describe


class TensionCondition(Condition):
    """The track's tension is within bounds."""

    key = "tension"
    example = "{ tension = { at_most = 2 } }"  # untranslated: TOML
    reads_track = True
    tension: Range
    track: OtherTrack = None

    def holds(self, ctx: ConditionContext) -> bool:
        return self.tension.holds(ctx.track(self.track).tension)

    def reads(self, ctx: ConditionContext) -> int:
        return ctx.track(self.track).tension

    def describe(self) -> str:
        where = f" of {self.track}" if self.track else ""  # untranslated: the record, see Effect.describe
        return f"tension{where} {self.tension.describe()}"  # untranslated: the record, see Effect.describe


class ProgressCondition(Condition):
    """The track's position on its ladder is within bounds."""

    key = "progress"
    example = "{ progress = { at_least = 2 } }"  # untranslated: TOML
    reads_track = True
    progress: Range
    track: OtherTrack = None

    def holds(self, ctx: ConditionContext) -> bool:
        return self.progress.holds(ctx.track(self.track).position)

    def reads(self, ctx: ConditionContext) -> int:
        return ctx.track(self.track).position

    def describe(self) -> str:
        where = f" of {self.track}" if self.track else ""  # untranslated: the record, see Effect.describe
        return f"position{where} {self.progress.describe()}"  # untranslated: the record, see Effect.describe


class RoundCondition(Condition):
    """The round number is within bounds."""

    key = "round"
    example = "{ round = { at_least = 2 } }"  # untranslated: TOML
    round: Range

    def holds(self, ctx: ConditionContext) -> bool:
        return self.round.holds(ctx.round)

    def reads(self, ctx: ConditionContext) -> int:
        return ctx.round

    def describe(self) -> str:
        return f"round {self.round.describe()}"  # untranslated: the record, see Effect.describe


class StatusCondition(Condition):
    """The track's status is the one named (or one of a list)."""

    key = "status"
    example = '{ status = "open" }'  # untranslated: TOML
    reads_track = True
    status: Status | Annotated[list[Status], Limits(min_length=1)]
    track: OtherTrack = None

    def statuses(self) -> tuple[str, ...]:
        return (self.status,) if isinstance(self.status, str) else tuple(self.status)

    def holds(self, ctx: ConditionContext) -> bool:
        return ctx.track(self.track).status in self.statuses()

    def reads(self, ctx: ConditionContext) -> str:
        return ctx.track(self.track).status

    def describe(self) -> str:
        where = f"{self.track} " if self.track else ""  # untranslated: the record, see Effect.describe
        return f"{where}status is {' or '.join(self.statuses())}"  # untranslated: the record, see Effect.describe


CONDITIONS: tuple[type[Condition], ...] = (
    MeterCondition,
    ResourceCondition,
    TensionCondition,
    ProgressCondition,
    RoundCondition,
    StatusCondition,
)
CONDITION_KEYS: tuple[str, ...] = tuple(c.key for c in CONDITIONS)


# --------------------------------------------------------------------------
# Modifiers: a condition and what it adds to a dice roll.


def _modifier_class(cond: type[Condition]) -> type[Condition]:
    name = cond.__name__.replace("Condition", "Modifier")  # untranslated: class names
    body = {
        "__annotations__": {"add": Bonus},
        "__doc__": f"{cond.__doc__} If so, adds `add` to the roll.",  # untranslated: a docstring
        "__module__": __name__,
        "__qualname__": name,
    }
    return type(name, (cond,), body)  # a content class: `add` comes after the condition's fields


MODIFIERS: tuple[type[Condition], ...] = tuple(_modifier_class(c) for c in CONDITIONS)


# --------------------------------------------------------------------------
# The families a table may belong to, told apart by the primary key present.

#: Tags carry a prefix no TOML key has, so error locations can drop them.
TAG_PREFIX = "~"

AnyEffect = Annotated[Effect, OneOf("effect", EFFECTS)]
AnyCondition = Annotated[Condition, OneOf("condition", CONDITIONS)]
AnyModifier = Annotated[Condition, OneOf("modifier", MODIFIERS)]

