"""A sweep file (``tabletop sweep SPEC.toml``): the classes of its tables, and the keys it may vary.

A sweep names a scenario, how many bot games to play at each point, a
master seed, and either axes (the grid is their product) or a list of
explicit points. A point sets ruleset keys (``ruleset.independence``,
``tracks.borders.breakdown_at``, ``meters.trust.start``,
``moves.press.target``) and bot policies (``bots`` for every team,
``bots.ru`` for one). Loading and checking a file is :mod:`.sweepfile`.
"""

# No `from __future__ import annotations`: the validator reads these annotations as declared (see fields.hints).

import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from .fields import ContentModel, Limits, content_fields, hints, replace
from .models import Meter, MoveType, RulesetOptions, Track
from .numbers import MOST_SEED
from ..lang import Domain
from .scenario import Scenario

_, ngettext, N_ = Domain("content").words()

#: a value an axis takes: a number, true/false, or a word (an enumerated option or a bot policy); a decimal
#: number is read too, so that the key it is given to says what it takes ("takes a whole number, got 4.5")
Value = Union[bool, int, float, str]  # noqa: UP007 - the validator reads typing.Union
#: most points a sweep may have (a grid larger than this is a mistake, not a plan)
MAX_POINTS = 10_000
#: the most bot games a sweep plays at a point, and ``simulate`` in all (its ``--games``)
MOST_GAMES = 10_000_000
#: the most chunks (tasks, Parquet files) a sweep may make: planning each costs memory before any game is played
#: (found from outside: 10,000,000 games in chunks of 1 grew to 3 GB and played nothing)
MOST_CHUNKS = 100_000
#: the sections of a ruleset whose tables are named by id in a key: ``tracks.<id>.<field>``
SECTIONS: dict[str, type[ContentModel]] = {"tracks": Track, "meters": Meter, "moves": MoveType}


class SweepOptions(ContentModel):
    """The ``[sweep]`` table: what is played at every point."""

    # untranslated: JSON Schema text for editors (machine output stays English)
    ruleset: Annotated[str, Limits(min_length=1, max_length=1000,  # untranslated: as below
                                   description="the ruleset: a path (relative to this file) or a bundled id")]
    # untranslated: JSON Schema text for editors (machine output stays English)
    deck: Annotated[str | None, Limits(description="the deck (default: the one the ruleset names)")] = None
    # untranslated: JSON Schema text for editors (machine output stays English)
    games: Annotated[int, Limits(ge=1, le=MOST_GAMES, description="bot games played at each point")]
    # untranslated: JSON Schema text for editors (machine output stays English)
    seed: Annotated[int, Limits(ge=0, le=MOST_SEED, description="the master seed; each game's seed comes from it")] = 0
    # untranslated: JSON Schema text for editors (machine output stays English)
    chunk: Annotated[int, Limits(ge=1, le=1_000_000, description="games played per task and per Parquet file")] = 1000
    bots: Annotated[
        str | dict[str, str],
        # untranslated: JSON Schema text for editors (machine output stays English)
        Limits(description='every team\'s policy ("mixed", "random", "cooperative", "hardliner") '
               'or one per actor: { ru = "hardliner" }; unnamed actors get the mix'),
    ] = "mixed"


class Axis(ContentModel):
    """One ``[[axes]]`` table: a key and the values it takes."""

    key: Annotated[str, Limits(min_length=1, max_length=200,  # untranslated: JSON Schema text for editors (machine output stays English)
                               description="tracks.<id>.breakdown_at, ruleset.independence, bots.<actor>...")]
    values: Annotated[tuple[Value, ...], Limits(min_length=1, max_length=1000, strict=False)]

    def check(self) -> None:
        seen = [repr(v) for v in self.values]
        twice = sorted({v for v in seen if seen.count(v) > 1})
        if twice:
            raise ValueError(_("values lists {values} twice").format(values=", ".join(twice)))


class SweepSpec(ContentModel):
    """A whole sweep file."""

    sweep: SweepOptions
    # untranslated: JSON Schema text for editors (machine output stays English)
    axes: Annotated[tuple[Axis, ...], Limits(strict=False, description="the grid is the product of the axes")] = ()
    points: Annotated[
        tuple[dict[str, Value], ...],
        # untranslated: JSON Schema text for editors (machine output stays English)
        Limits(strict=False, description='explicit points instead of axes: { "ruleset.independence" = "linked" }'),
    ] = ()

    def check(self) -> None:
        if self.axes and self.points:
            raise ValueError(_("axes (a grid) or points (a list), not both"))
        if not self.axes and not self.points:
            raise ValueError(_("nothing is varied: write [[axes]] (the grid is their product) or [[points]]"))


# --------------------------------------------------------------------------
# The keys a sweep may vary


def _kind(tp: Any) -> Any:
    """``int``, ``bool`` or the tuple of a Literal's options; None for a field a sweep cannot vary."""
    while get_origin(tp) is Annotated:
        tp = get_args(tp)[0]
    if get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) != 1:
            return None
        return _kind(args[0])
    if tp is bool or tp is int:
        return tp
    if get_origin(tp) is Literal:
        return tuple(get_args(tp))
    return None


def sweepable(cls: type[ContentModel]) -> dict[str, Any]:
    """The fields of ``cls`` a sweep may set: each with its kind (``int``, ``bool``, or the options)."""
    out = {}
    for f in content_fields(cls):
        kind = _kind(hints(cls)[f.name])
        if kind is not None:
            out[f.name] = kind
    return out


def id_column(table_id: str) -> str:
    """A track's or an actor's id as its results' columns start (``ukraine-status`` -> ``ukraine_status``)."""
    return table_id.replace("-", "_")


def result_columns(rs: Any) -> list[tuple[str, str, str]]:
    """Every column a sweep's row has besides the point's keys: (name, Parquet type, whose column it is, in words).

    One list for the rows (:mod:`tabletop.sim.sweeprows`) and for the sweep file's check that no two columns share
    a name (found from outside: a track and a swept key, two tracks, two actors wrote one column twice or lost
    one's results)."""
    game = _("the game's own columns")
    out = [("game", "int64", game), ("seed", "int64", game)]
    out += [(f"policy_{id_column(a.id)}", "string", _("actor '{id}'").format(id=a.id)) for a in rs.actors]
    for t in rs.tracks:
        p, whose = id_column(t.id), _("track '{id}'").format(id=t.id)
        out += [(f"{p}_status", "string", whose), (f"{p}_position", "int16", whose), (f"{p}_tension", "int16", whose),
                (f"{p}_round", "int16", whose)]
    out += [(name, "int16", game) for name in ("agreements", "collapses", "deferrals", "rounds")]
    out += [("actions", "int32", game)]
    out += [(f"objectives_{id_column(a.id)}", "bool", _("actor '{id}'").format(id=a.id)) for a in rs.actors]
    out += [("cards_drawn", "int16", game), ("cards", "list<string>", game)]
    return out


def column_name(key: str) -> str:
    """The Parquet column of a key: ``tracks.borders.breakdown_at`` -> ``borders_breakdown_at``.

    ``ruleset.independence`` -> ``independence``, ``bots.ru`` -> ``bots_ru``: names a
    designer types in SQL without quotes (``-`` becomes ``_``).
    """
    parts = key.split(".")
    if parts[0] in ("ruleset",) or parts[0] in SECTIONS:
        parts = parts[1:]
    return "_".join(parts).replace("-", "_")


def apply_settings(scenario: Scenario, settings: Mapping[str, Any]) -> Scenario:
    """The scenario with a point's ruleset keys set (bot keys are not the scenario's; they are skipped).

    Not validated here: :mod:`.sweepfile` validates each point's ruleset before anything runs.
    """
    rs = scenario.ruleset
    options = {k.split(".", 1)[1]: v for k, v in settings.items() if k.startswith("ruleset.")}
    if options:
        rs = replace(rs, ruleset=replace(rs.ruleset, **options))
    for section in SECTIONS:
        changes: dict[str, dict[str, Any]] = {}
        for key, value in settings.items():
            parts = key.split(".")
            if parts[0] == section:
                changes.setdefault(parts[1], {})[parts[2]] = value
        if changes:
            tables = getattr(rs, section)
            rs = replace(rs, **{section: tuple(replace(t, **changes[t.id]) if t.id in changes else t for t in tables)})
    if rs is scenario.ruleset:
        return scenario
    return Scenario(rs, scenario.deck, scenario.ruleset_source, scenario.deck_source)


#: the ``[ruleset]`` fields a sweep may set
RULESET_KEYS = sweepable(RulesetOptions)
