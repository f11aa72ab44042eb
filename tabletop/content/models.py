"""pydantic models of rulesets and decks (DESIGN sections 2, 5 and 6).

These models check the shape of each file on its own. Checks that need the
whole scenario (ids that must exist, the independence rules) are in
:mod:`tabletop.content.checks`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .vocabulary import AnyCondition, AnyEffect, AnyModifier, ContentModel, Status

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=64)]
Name = Annotated[str, Field(min_length=1, max_length=120)]
Text = Annotated[str, Field(max_length=2000)]

PHASES: tuple[str, ...] = ("event", "moves", "adjudication", "review")
Phase = Literal["event", "moves", "adjudication", "review"]
Resolution = Literal["auto", "consensus", "dice", "facilitator"]


class RulesetOptions(ContentModel):
    """The ``[ruleset]`` table."""

    id: Id
    name: Name
    description: Text = ""
    turns: int = Field(ge=1, le=100)
    independence: Literal["strict", "linked"] = "strict"
    deck: Id | None = None
    actions_per_round: int = Field(1, ge=1, le=10)
    sealed_moves: bool = False
    phases: tuple[Phase, ...] = Field(PHASES, strict=False)

    @field_validator("phases")
    @classmethod
    def _phases(cls, phases: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(phases)) != len(phases):
            raise ValueError("a phase is listed twice")
        if "moves" not in phases:
            raise ValueError("the phases must include 'moves'")
        return phases


class Objective(ContentModel):
    """What an actor wants from a track: a position reached, or a status."""

    track: str
    at_least: int | None = Field(None, ge=0)
    status: Status | None = None
    text: str = Field(min_length=1, max_length=300)
    secret: bool = False

    @model_validator(mode="after")
    def _something(self) -> Objective:
        if self.at_least is None and self.status is None:
            raise ValueError("an objective needs at_least (a position) or status")
        return self


class Actor(ContentModel):
    """A role a team plays. ``resources`` are refilled to these values each round."""

    id: Id
    name: Name
    description: Text = ""
    color: str = Field("#888888", pattern=r"^#[0-9a-fA-F]{6}$")
    resources: dict[str, int] = Field(default_factory=dict)
    objectives: tuple[Objective, ...] = Field((), strict=False)

    @field_validator("resources")
    @classmethod
    def _non_negative(cls, resources: dict[str, int]) -> dict[str, int]:
        for key, value in resources.items():
            if value < 0:
                raise ValueError(f"resource '{key}' must be 0 or more, got {value}")
        return resources


class Meter(ContentModel):
    """A global world gauge."""

    id: Id
    name: Name
    description: Text = ""
    min: int = 0
    max: int = Field(ge=1)
    start: int = 0

    @model_validator(mode="after")
    def _bounds(self) -> Meter:
        if self.min >= self.max:
            raise ValueError(f"min ({self.min}) must be below max ({self.max})")
        if not self.min <= self.start <= self.max:
            raise ValueError(f"start ({self.start}) must lie between min ({self.min}) and max ({self.max})")
        return self


class Ratify(ContentModel):
    """Who must accept a consensus proposal on a track."""

    threshold: int | None = Field(None, ge=1)
    veto: tuple[str, ...] = Field((), strict=False)


class Track(ContentModel):
    """A negotiation board with its own members, ladder and tension gauge."""

    id: Id
    name: Name
    description: Text = ""
    members: tuple[str, ...] = Field(min_length=1, strict=False)
    ladder: tuple[str, ...] = Field(min_length=2, max_length=20, strict=False)
    agreement_at: int = Field(ge=1)
    breakdown_at: int = Field(ge=1, le=20)
    start_tension: int = Field(0, ge=0)
    start_position: int = Field(0, ge=0)
    ratify: Ratify | None = None

    @model_validator(mode="after")
    def _ranges(self) -> Track:
        top = len(self.ladder) - 1
        if self.agreement_at > top:
            raise ValueError(
                f"agreement_at ({self.agreement_at}) is past the top of the ladder "
                f"(positions 0..{top})"
            )
        if self.start_tension >= self.breakdown_at:
            raise ValueError(
                f"start_tension ({self.start_tension}) must be below breakdown_at ({self.breakdown_at})"
            )
        if self.start_position >= self.agreement_at:
            raise ValueError(
                f"start_position ({self.start_position}) must be below agreement_at ({self.agreement_at})"
            )
        if len(set(self.members)) != len(self.members):
            raise ValueError("a member is listed twice")
        if self.ratify and self.ratify.threshold is not None and self.ratify.threshold > len(self.members):
            raise ValueError(
                f"ratify.threshold ({self.ratify.threshold}) is more than the "
                f"{len(self.members)} members of the track"
            )
        return self

    def threshold(self) -> int:
        """How many accepts (the proposer's included) a consensus needs."""
        if self.ratify and self.ratify.threshold is not None:
            return self.ratify.threshold
        return len(self.members)

    def vetoes(self) -> tuple[str, ...]:
        return self.ratify.veto if self.ratify else ()


class MoveType(ContentModel):
    """What an actor can do, its cost, scope, resolution and effects."""

    id: Id
    name: Name
    description: Text = ""
    scope: Literal["track", "global"] = "track"
    cost: dict[str, int] = Field(default_factory=dict)
    resolution: Resolution = "auto"
    target: int | None = Field(None, ge=2, le=20)
    modifiers: tuple[AnyModifier, ...] = Field((), strict=False)
    requires: tuple[AnyCondition, ...] = Field((), strict=False)
    effects: tuple[AnyEffect, ...] = Field((), strict=False)
    fail_effects: tuple[AnyEffect, ...] = Field((), strict=False)
    link: bool = Field(False, description="the player names a second track this move is conditional on")
    once_per_game: bool = False

    @field_validator("cost")
    @classmethod
    def _cost(cls, cost: dict[str, int]) -> dict[str, int]:
        for key, value in cost.items():
            if value < 0:
                raise ValueError(f"cost of '{key}' must be 0 or more, got {value}")
        return cost

    @model_validator(mode="after")
    def _resolution(self) -> MoveType:
        if self.resolution == "dice" and self.target is None:
            raise ValueError("a dice move needs a target (2d6 + modifiers >= target)")
        if self.resolution != "dice" and (self.target is not None or self.modifiers):
            raise ValueError("target and modifiers belong to dice moves only")
        if self.resolution == "auto" and self.fail_effects:
            raise ValueError("an auto move cannot fail: fail_effects need consensus, dice or facilitator")
        if self.link and self.scope != "track":
            raise ValueError("a link move must have scope = \"track\"")
        return self


class Ruleset(ContentModel):
    """A whole ruleset file."""

    ruleset: RulesetOptions
    actors: tuple[Actor, ...] = Field(min_length=1, strict=False)
    meters: tuple[Meter, ...] = Field((), strict=False)
    tracks: tuple[Track, ...] = Field(min_length=1, strict=False)
    moves: tuple[MoveType, ...] = Field(min_length=1, strict=False)

    @property
    def id(self) -> str:
        return self.ruleset.id


class Choice(ContentModel):
    """An answer a named actor may give to a card."""

    actor: str
    label: str = Field(min_length=1, max_length=120)
    effects: tuple[AnyEffect, ...] = Field((), strict=False)


class Card(ContentModel):
    """An event card: scoped to one track, or global when ``track`` is omitted."""

    id: Id
    title: Name
    text: Text = ""
    track: str | None = None
    copies: int = Field(1, ge=1, le=20)
    requires: tuple[AnyCondition, ...] = Field((), strict=False)
    effects: tuple[AnyEffect, ...] = Field((), strict=False)
    choices: tuple[Choice, ...] = Field((), strict=False)
    control_note: Text = ""
    tags: tuple[str, ...] = Field((), strict=False)

    @model_validator(mode="after")
    def _one_chooser(self) -> Card:
        actors = {c.actor for c in self.choices}
        if len(actors) > 1:
            raise ValueError(
                f"all choices of a card are answered by one actor; found {', '.join(sorted(actors))}"
            )
        if len(self.choices) == 1:
            raise ValueError("a card with choices needs at least two of them")
        return self

    def chooser(self) -> str | None:
        return self.choices[0].actor if self.choices else None


class DeckOptions(ContentModel):
    """The ``[deck]`` table."""

    id: Id
    name: Name
    description: Text = ""


class Deck(ContentModel):
    """A whole deck file."""

    deck: DeckOptions
    cards: tuple[Card, ...] = Field(min_length=1, strict=False)

    @property
    def id(self) -> str:
        return self.deck.id
