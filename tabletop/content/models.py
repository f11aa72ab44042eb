"""Rulesets and decks (DESIGN sections 2, 5 and 6).

Each class holds one table of a file; its annotations and ``check`` say what
a valid table is, and :mod:`tabletop.content.validation` checks each file
against them on its own. Checks that need the
whole scenario (ids that must exist, the independence rules) are in
:mod:`tabletop.content.checks`.
"""

# No `from __future__ import annotations` here: evaluated annotations let the start read
# the fields' types without typing.get_type_hints (see fields.hints).

from typing import Annotated, Literal

from .arguments import ArgueOptions, StockArgument, single_line as _single_line, shown as _shown
from .fields import Check, ContentModel, Factory, KeyProblem, Limits
from .numbers import (
    LADDER_RUNGS,
    POSITION,
    RATIFY_THRESHOLD,
    TURNS,
    ActionsPerRound,
    Breakdown,
    Copies,
    DiceTarget,
    GaugeValue,
    Position,
    Resource,
    Tension,
    Turns,
)
from .timers import Timers
from ..lang import Domain
from .vocabulary import AnyCondition, AnyEffect, AnyModifier, Status

_, ngettext, N_ = Domain("content").words()

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]*$"
Id = Annotated[str, Limits(pattern=ID_PATTERN, min_length=1, max_length=64)]
Name = Annotated[str, Limits(min_length=1, max_length=120), Check(_shown), Check(_single_line)]
Text = Annotated[str, Limits(max_length=2000)]

PHASES: tuple[str, ...] = ("event", "moves", "adjudication", "review")
Phase = Literal["event", "moves", "adjudication", "review"]
Resolution = Literal["auto", "consensus", "dice", "facilitator", "argue"]


def _phases(phases: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(phases)) != len(phases):
        raise ValueError(_("a phase is listed twice"))
    if "moves" not in phases:
        raise ValueError(_("the phases must include 'moves'"))
    return phases


class RulesetOptions(ContentModel):
    """The ``[ruleset]`` table."""

    id: Id
    name: Name
    description: Text = ""
    turns: Turns
    independence: Literal["strict", "linked"] = "strict"
    # what a collapse does under linked (strict ignores it: a collapse stays on its track)
    linked_collapse: Annotated[
        Literal["all", "reopen"],
        Limits(  # untranslated: JSON Schema text for editors (machine output stays English)
            description="linked only: a collapse brings down every track (all) "
            "or reopens the provisional deals (reopen)"
        ),
    ] = "all"
    deck: Id | None = None
    actions_per_round: ActionsPerRound = 1
    sealed_moves: bool = False
    # secret objectives in a report for the participants: shown once the game is over, or never
    reveal_objectives: Literal["end", "never"] = "end"
    phases: Annotated[tuple[Phase, ...], Limits(strict=False), Check(_phases)] = PHASES
    timers: Timers = Factory(Timers)


class Objective(ContentModel):
    """What an actor wants from a track: a position reached, a status, or both.

    ``status`` is one status or a list ("agreed or deferred"). A position
    objective without a status is met on a track that has not collapsed: a
    position that broke down is not a position reached
    (:func:`tabletop.engine.objectives.objective_met`).
    """

    track: str
    at_least: Annotated[int | None, POSITION.limits()] = None
    status: Status | Annotated[tuple[Status, ...], Limits(strict=False)] | None = None
    text: Annotated[str, Limits(min_length=1, max_length=300), Check(_shown)]
    secret: bool = False

    def statuses(self) -> tuple[str, ...]:
        """The statuses the objective accepts, as written; ``()`` when it names none."""
        if self.status is None:
            return ()
        return (self.status,) if isinstance(self.status, str) else tuple(self.status)

    def check(self) -> None:
        if self.at_least is None and self.status is None:
            raise ValueError(_("an objective needs at_least (a position) or status"))
        # check runs on the validated values, not on an Objective: no methods here
        named = (self.status,) if isinstance(self.status, str) else tuple(self.status or ())
        if self.status is not None and not named:
            raise ValueError(_('an empty status list accepts no status: write one, or a list such as '
                               '["agreed", "deferred"]'))
        twice = sorted({s for s in named if named.count(s) > 1})
        if twice:
            raise ValueError(_("status names {names} twice").format(names=", ".join(repr(s) for s in twice)))


class ResourceInfo(ContentModel):
    """How a resource the actors hold (``capital``) is named on boards: optional, the id shows without it."""

    id: Id
    name: Name
    description: Text = ""


class Actor(ContentModel):
    """A role a team plays. ``resources`` are refilled to these values each round."""

    id: Id
    name: Name
    description: Text = ""
    color: Annotated[str, Limits(pattern=r"^#[0-9a-fA-F]{6}$")] = "#888888"
    resources: dict[str, Resource] = Factory(dict)
    objectives: Annotated[tuple[Objective, ...], Limits(strict=False)] = ()
    #: whether the name takes a plural verb in the scenario's own language ("Mediating states choose"); a
    #: translation says so of its own name (an overlay's ``number``)
    number: Literal["singular", "plural"] = "singular"
    #: what a track's panel calls the actor among its members, where the name is too long to list ("RU"); left out,
    #: the name without a gloss in brackets
    short: Annotated[str, Limits(min_length=1, max_length=12), Check(_shown), Check(_single_line)] | None = None


class Meter(ContentModel):
    """A global world gauge."""

    id: Id
    name: Name
    description: Text = ""
    min: GaugeValue = 0
    max: GaugeValue
    start: GaugeValue = 0

    def check(self) -> None:
        if self.min >= self.max:
            raise ValueError(_("min ({min}) must be below max ({max})").format(min=self.min, max=self.max))
        if not self.min <= self.start <= self.max:
            raise ValueError(_("start ({start}) must lie between min ({min}) and max ({max})").format(
                start=self.start, min=self.min, max=self.max))


class Ratify(ContentModel):
    """Who must accept a consensus proposal on a track."""

    threshold: Annotated[int | None, RATIFY_THRESHOLD.limits()] = None
    veto: Annotated[tuple[str, ...], Limits(strict=False)] = ()


class Track(ContentModel):
    """A negotiation board with its own members, ladder and tension gauge."""

    id: Id
    name: Name
    description: Text = ""
    members: Annotated[tuple[str, ...], Limits(min_length=1, strict=False)]
    ladder: Annotated[tuple[Annotated[str, Check(_single_line)], ...],
                      Limits(min_length=LADDER_RUNGS.low, max_length=LADDER_RUNGS.high, strict=False)]
    agreement_at: Annotated[int, Limits(ge=1, le=POSITION.high)]
    breakdown_at: Breakdown
    start_tension: Tension = 0
    start_position: Position = 0
    ratify: Ratify | None = None
    #: goodwill: what reaching agreement here adds to shared meters (checks.py: only raising a meter)
    on_agreed: Annotated[
        tuple[AnyEffect, ...],
        # untranslated: JSON Schema text for editors (machine output stays English)
        Limits(strict=False, description="goodwill: meters an agreement on this track raises, e.g. "
               "[{ meter = \"trust\", add = 1 }]; only raising a meter is allowed"),
    ] = ()

    def check(self) -> None:
        top = len(self.ladder) - 1
        if self.agreement_at > top:
            raise ValueError(_("agreement_at ({at}) is past the top of the ladder (positions 0..{top})").format(
                at=self.agreement_at, top=top))
        if self.start_tension >= self.breakdown_at:
            raise ValueError(_("start_tension ({start}) must be below breakdown_at ({breakdown})").format(
                start=self.start_tension, breakdown=self.breakdown_at))
        if self.start_position >= self.agreement_at:
            raise ValueError(_("start_position ({start}) must be below agreement_at ({at})").format(
                start=self.start_position, at=self.agreement_at))
        if len(set(self.members)) != len(self.members):
            raise ValueError(_("a member is listed twice"))
        if self.ratify and self.ratify.threshold is not None and self.ratify.threshold > len(self.members):
            raise ValueError(ngettext("ratify.threshold ({threshold}) is more than the {n} member of the track",
                                      "ratify.threshold ({threshold}) is more than the {n} members of the track",
                                      len(self.members)).format(threshold=self.ratify.threshold, n=len(self.members)))

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
    cost: dict[str, Resource] = Factory(dict)
    resolution: Resolution = "auto"
    target: DiceTarget | None = None
    modifiers: Annotated[tuple[AnyModifier, ...], Limits(strict=False)] = ()
    requires: Annotated[tuple[AnyCondition, ...], Limits(strict=False)] = ()
    effects: Annotated[tuple[AnyEffect, ...], Limits(strict=False)] = ()
    fail_effects: Annotated[tuple[AnyEffect, ...], Limits(strict=False)] = ()
    link: Annotated[bool, Limits(description="the player names a second track this move is conditional on")] = False  # untranslated: JSON Schema text for editors (machine output stays English)
    link_effects: Annotated[
        tuple[AnyEffect, ...],
        Limits(
            strict=False,  # untranslated: JSON Schema text for editors (machine output stays English)
            description="link moves: applied on success to the track the player links to; "
            "effects stay on the move's own track",
        ),
    ] = ()
    once_per_game: bool = False
    #: a matrix argument's options (``resolution = "argue"`` only): see content/arguments.py
    argue: ArgueOptions | None = None

    def check(self) -> None:
        if (self.resolution == "argue") != (self.argue is not None):
            raise ValueError(_('a move with resolution = "argue" needs an [moves.argue] table, and only such a move '
                               'has one'))
        if self.resolution == "argue" and (self.scope != "track" or self.link or self.effects):
            # told at the key to change, not at [moves.argue], the word the message names first
            raise KeyProblem(_('an argue move is played on a track (scope = "track"), links nothing and has no '
                               "effects: its effect is the result the team argues for"),
                             "effects" if self.effects else "link" if self.link else "scope")
        if self.resolution == "dice" and self.target is None:
            raise ValueError(_("a dice move needs a target (2d6 + modifiers >= target)"))
        if self.resolution != "dice" and (self.target is not None or self.modifiers):
            raise ValueError(_("target and modifiers belong to dice moves only"))
        if self.resolution == "auto" and self.fail_effects:
            raise ValueError(_("an auto move cannot fail: fail_effects need consensus, dice or facilitator"))
        if self.link and self.scope != "track":
            raise ValueError(_("a link move must have scope = \"track\""))
        if self.link_effects and not self.link:
            raise ValueError(_("link_effects belong to link moves only (link = true)"))


class Ruleset(ContentModel):
    """A whole ruleset file."""

    ruleset: RulesetOptions
    actors: Annotated[tuple[Actor, ...], Limits(min_length=1, strict=False)]
    meters: Annotated[tuple[Meter, ...], Limits(strict=False)] = ()
    #: optional names of the resources the actors hold (``[[resources]]``): a resource not named shows as its id
    resources: Annotated[tuple[ResourceInfo, ...], Limits(strict=False)] = ()
    tracks: Annotated[tuple[Track, ...], Limits(min_length=1, strict=False)]
    moves: Annotated[tuple[MoveType, ...], Limits(min_length=1, strict=False)]

    @property
    def id(self) -> str:
        return self.ruleset.id


def default_resource_name(resource_id: str) -> str:
    """A resource with no ``[[resources]]`` name: its id as words (``mandate-moscow`` is "mandate moscow")."""
    return resource_id.replace("-", " ").replace("_", " ")


def resource_infos(rs: Ruleset) -> tuple[ResourceInfo, ...]:
    """Every resource the actors hold, in the order they first appear, named by ``[[resources]]`` or by its id."""
    given = {r.id: r for r in rs.resources}
    held = dict.fromkeys(key for actor in rs.actors for key in actor.resources)
    return tuple(given.get(key) or ResourceInfo(id=key, name=default_resource_name(key)) for key in held)


class Choice(ContentModel):
    """An answer a named actor may give to a card."""

    actor: str
    label: Annotated[str, Limits(min_length=1, max_length=120), Check(_shown), Check(_single_line)]
    effects: Annotated[tuple[AnyEffect, ...], Limits(strict=False)] = ()


class Schedule(ContentModel):
    """When a card comes up on the master events list, instead of at random.

    It is due from round ``round`` on (round 1 when not given), in the first
    round whose draw finds every ``when`` condition holding and the card
    playable; one that cannot be played then waits for a later round.
    """

    round: Annotated[int | None, TURNS.limits()] = None
    when: Annotated[tuple[AnyCondition, ...], Limits(strict=False)] = ()

    def check(self) -> None:
        if self.round is None and not self.when:
            raise ValueError(_("a schedule needs round (the round the card is due) or when (conditions), or both"))

    @property
    def from_round(self) -> int:
        """The first round the card can be due."""
        return self.round if self.round is not None else 1


class Card(ContentModel):
    """An event card: scoped to one track, or global when ``track`` is omitted."""

    id: Id
    title: Name
    text: Text = ""
    track: str | None = None
    copies: Copies = 1
    requires: Annotated[tuple[AnyCondition, ...], Limits(strict=False)] = ()
    effects: Annotated[tuple[AnyEffect, ...], Limits(strict=False)] = ()
    choices: Annotated[tuple[Choice, ...], Limits(strict=False)] = ()
    control_note: Text = ""
    tags: Annotated[tuple[str, ...], Limits(strict=False)] = ()
    schedule: Schedule | None = None

    def check(self) -> None:
        # one actor answers all choices: checked with the ruleset's actors (checks.check_choosers), a typo first
        if len(self.choices) == 1:
            raise ValueError(_("a card with choices needs at least two of them"))

    def chooser(self) -> str | None:
        return self.choices[0].actor if self.choices else None


class Prompt(ContentModel):
    """A discussion prompt for the debrief, about one track (``[[prompts]]`` in a deck).

    The facilitator's report shows every prompt; the participants' only those marked
    ``participants = true``. With ``status``, a prompt is shown only if its track ended so.
    """

    track: str
    text: Annotated[str, Limits(min_length=1, max_length=2000), Check(_shown)]
    status: Status | None = None
    participants: bool = False


class DeckOptions(ContentModel):
    """The ``[deck]`` table."""

    id: Id
    name: Name
    description: Text = ""


class Deck(ContentModel):
    """A whole deck file."""

    deck: DeckOptions
    cards: Annotated[tuple[Card, ...], Limits(min_length=1, strict=False)]
    prompts: Annotated[tuple[Prompt, ...], Limits(strict=False)] = ()
    #: stock texts for matrix arguments, per track (content/arguments.py)
    arguments: Annotated[tuple[StockArgument, ...], Limits(strict=False)] = ()

    @property
    def id(self) -> str:
        return self.deck.id
