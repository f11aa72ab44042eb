"""Loading a sweep file: every problem with its line, before a single game is played.

The file's tables are checked against :mod:`.sweepspec`'s classes like any
content file; then each key an axis or point names must exist in the
scenario (with a did-you-mean), each value must be of the key's kind, and
each point's ruleset must pass the same validation as a ruleset file (an
axis may not set ``breakdown_at`` below a track's ``start_tension``).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ContentError, KeyPath, Problem, did_you_mean, format_path
from .fields import dump
from .finding import there
from .loader import load_scenario
from .parsing import NO_DECK
from .scenario import Scenario
from .source import EMPTY_SWEEP, SourceFile, misspelt_table, read_toml
from ..lang import Domain
from .sweepspec import (MAX_POINTS, MOST_CHUNKS, RULESET_KEYS, SECTIONS, SweepSpec, apply_settings, column_name,
                        result_columns, sweepable)

_, ngettext, N_ = Domain("content").words()

#: what a bot key may be set to, besides the policies the simulator knows
MIXED = "mixed"


@dataclass(frozen=True)
class Point:
    """One point of the grid: its number and the keys it sets, in the order of the axes."""

    index: int
    settings: dict[str, Any]


@dataclass(frozen=True)
class Sweep:
    """A checked sweep: the scenario, the points, and what each key is called as a column."""

    path: str
    spec: SweepSpec
    scenario: Scenario
    points: tuple[Point, ...]
    keys: tuple[str, ...]
    bots: dict[str, str]  # the baseline: actor -> policy, actors left to the mix not named
    #: what the sweep plays but a designer should know, at the key's line (file:line: key: message): a key that
    #: changes no game (:meth:`inert_keys`); said by ``sweep`` and ``validate``, which still go on
    warnings: tuple[Problem, ...] = ()

    def columns(self) -> dict[str, str]:
        """Each key the points set, with its Parquet column."""
        return {key: column_name(key) for key in self.keys}

    def value_at(self, point: Point, key: str) -> Any:
        """What ``key`` is at ``point``: the point's value, else the scenario's (or the baseline bots')."""
        if key in point.settings:
            return point.settings[key]
        parts = key.split(".")
        if parts[0] == "bots":
            bots = self.bots_at(point)
            if len(parts) == 2:
                return bots.get(parts[1], MIXED)
            chosen = {bots.get(a.id, MIXED) for a in self.scenario.ruleset.actors}
            return chosen.pop() if len(chosen) == 1 else MIXED
        if parts[0] == "ruleset":
            return getattr(self.scenario.ruleset.ruleset, parts[1])
        table = next(t for t in getattr(self.scenario.ruleset, parts[0]) if t.id == parts[1])
        return getattr(table, parts[2])

    def inert_keys(self) -> list[str]:
        """The swept keys that change no game: ``ruleset.linked_collapse`` when every point plays strict independence
        (only a linked game collapses by it). Found from outside: such an axis ran, and its points' results differed
        by chance alone (each point's seed comes from its keys), which a designer reads as its effect."""
        key = "ruleset.linked_collapse"
        if key in self.keys and all(self.value_at(p, "ruleset.independence") == "strict" for p in self.points):
            return [key]
        return []

    def scenario_at(self, point: Point) -> Scenario:
        return apply_settings(self.scenario, point.settings)

    def bots_at(self, point: Point) -> dict[str, str]:
        """Each actor's policy at ``point``; an actor left out plays the per-game mix."""
        bots = dict(self.bots)
        if "bots" in point.settings:  # every team first, then each actor named: the narrower key wins in any order
            bots = {a.id: point.settings["bots"] for a in self.scenario.ruleset.actors}
        for key, value in point.settings.items():
            if key.startswith("bots."):
                bots[key.split(".", 1)[1]] = value
        return {a: p for a, p in bots.items() if p != MIXED}


def load_sweep(path: str | Path, policies: Sequence[str]) -> Sweep:
    """Read and check a sweep file; raise ContentError with every problem (file:line: key: message)."""
    source = read_toml(path, empty=_(EMPTY_SWEEP))
    if "sweep" not in source.data:
        typed = misspelt_table(source, ("sweep",))
        if typed is not None:  # found from outside: [swep] had no did-you-mean, which README promises
            raise ContentError([source.problem((typed[0],), _("[{typed}]: did you mean [{table}]?").format(
                typed=typed[0], table=typed[1]))])
        keys = ", ".join(sorted(source.data)) or _("nothing")
        raise ContentError([source.problem((), _("not a sweep file: expected a [sweep] table (found {keys})").format(
            keys=keys))])
    from .validation import validate  # pydantic, only when a file is validated

    _dotted_points(source)
    spec: SweepSpec = validate(source, SweepSpec)
    scenario = _scenario(source, spec)
    checker = _Checker(source, scenario, tuple(policies))
    keys = checker.keys(spec)
    bots = checker.baseline(spec.sweep.bots)
    points = checker.points(spec)
    checker.bots_kept(spec, points)
    checker.chunks(spec, len(points))
    checker.results(keys)
    checker.raise_found()
    sweep = Sweep(str(path), spec, scenario, points, keys, bots)
    checker.rulesets(spec, sweep)
    checker.raise_found()
    return dataclasses.replace(sweep, warnings=tuple(
        source.problem(checker.named[key], inert_words(key)) for key in sweep.inert_keys()))


def inert_words(key: str) -> str:
    """Why ``key`` (one of :meth:`Sweep.inert_keys`) changes no game: one sentence for the sweep, validate and the
    report (found from outside: only the sweep said it; validate said ok, the report showed results by the key)."""
    return _("{key} changes no game here: every point plays strict independence, and only a linked game collapses by "
             "it; its points differ by chance alone").format(key=key)


def _dotted_points(source: SourceFile) -> None:
    """A point's keys written as TOML dotted keys (``tracks.fish.breakdown_at = 4``, which TOML reads as tables)
    taken as the quoted key they spell (``"tracks.fish.breakdown_at" = 4``).

    Found from outside: a designer wrote a point the way TOML writes keys, and got a page of the validator's
    inner words ("points[0].tracks.bool: expected true or false, got a table")."""
    points = source.data.get("points")
    if not isinstance(points, list):
        return
    problems = []
    for i, point in enumerate(points):
        if not isinstance(point, dict) or not any(isinstance(v, dict) for v in point.values()):
            continue
        flat: dict[str, Any] = {}
        for parts, value in _leaves(point):
            key = ".".join(parts)
            if key in flat:
                problems.append(source.problem(("points", i, *parts), _("{key} is set twice in this point").format(
                    key=key)))
            flat[key] = value
        points[i] = flat
    if problems:
        raise ContentError(problems)


def _leaves(table: dict[str, Any], above: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for key, value in table.items():
        if isinstance(value, dict) and value:
            yield from _leaves(value, (*above, key))
        else:
            yield (*above, key), value


def _scenario(source: SourceFile, spec: SweepSpec) -> Scenario:
    """The sweep's scenario; a ruleset or deck that cannot be found is reported at the sweep's line."""
    here = Path(source.name).parent

    def near(ref: str) -> str | Path:
        # what resolve takes for a path, looked for in the sweep file's folder (a link to nothing beside it is one)
        looks_like_path = ref.endswith(".toml") or "/" in ref or there(here / ref)
        return here / ref if looks_like_path and not Path(ref).is_absolute() else ref

    try:
        return load_scenario(near(spec.sweep.ruleset), None if spec.sweep.deck is None else near(spec.sweep.deck))
    except ContentError as exc:
        if spec.sweep.deck is None and any(p.message == _(NO_DECK) for p in exc.problems):
            # found from outside: "give one with --deck" to a command that has no --deck
            raise ContentError([source.problem(("sweep", "ruleset"), _(
                "the ruleset names no deck: name one in the sweep file, deck = \"ID or path\" under [sweep]"))]) from None
        missing = [p for p in exc.problems if p.line is None and p.path == ""]
        if missing and len(missing) == len(exc.problems):
            key = "deck" if spec.sweep.deck is not None and spec.sweep.deck in missing[0].file else "ruleset"
            # the path looked for, read from the sweep file's folder (found from outside: "sweep.ruleset: no such
            # file", and which file that was, relative to what, was left to guess)
            raise ContentError([source.problem(("sweep", key), p.message if p.file == getattr(spec.sweep, key) else
                                               _("{problem}: {path} (a path is read from the sweep file's folder)")
                                               .format(problem=p.message, path=p.file)) for p in missing]) from None
        raise


#: a key's table that is not in the scenario, by its section: a message each, so that the kind of thing is named in
#: the room's language and in its grammar (found from outside: "в parallel-tracks нет track 'border'")
_NO_SUCH = {
    "tracks": N_("no track '{id}' in {scenario}{hint} (known: {known})"),
    "meters": N_("no meter '{id}' in {scenario}{hint} (known: {known})"),
    "moves": N_("no move '{id}' in {scenario}{hint} (known: {known})"),
}


class _Checker:
    """Collects the problems of one sweep file against its scenario."""

    def __init__(self, source: SourceFile, scenario: Scenario, policies: tuple[str, ...]):
        self.source = source
        self.scenario = scenario
        self.policies = policies
        self.problems: list[Problem] = []
        self.named: dict[str, KeyPath] = {}  # each key the sweep sets, where it is first named
        rs = scenario.ruleset
        self.actors = [a.id for a in rs.actors]
        self.ids = {section: [t.id for t in getattr(rs, section)] for section in SECTIONS}

    def add(self, path: KeyPath, message: str) -> None:
        self.problems.append(self.source.problem(path, message))

    def raise_found(self) -> None:
        if self.problems:
            raise ContentError(sorted(self.problems, key=lambda p: p.line or 0))

    def every_key(self) -> list[str]:
        """Every key a sweep may set in this scenario (for did-you-mean)."""
        out = [f"ruleset.{f}" for f in RULESET_KEYS] + ["bots"] + [f"bots.{a}" for a in self.actors]
        for section, cls in SECTIONS.items():
            out += [f"{section}.{i}.{f}" for i in self.ids[section] for f in sweepable(cls)]
        return out

    def kind_of(self, key: str, path: KeyPath) -> Any:
        """The kind of value ``key`` takes (``int``, ``bool``, a tuple of words); None after reporting it."""
        parts = key.split(".")
        if parts[0] == "bots" and len(parts) <= 2:
            if len(parts) == 2 and parts[1] not in self.actors:
                self.add(path, _("unknown actor '{actor}'{hint} (actors: {actors})").format(
                    actor=parts[1], hint=did_you_mean(parts[1], self.actors), actors=", ".join(self.actors)))
                return None
            return (MIXED, *self.policies)
        if parts[0] == "ruleset" and len(parts) == 2 and parts[1] in RULESET_KEYS:
            return RULESET_KEYS[parts[1]]
        if parts[0] in SECTIONS and len(parts) == 3 and parts[1] in self.ids[parts[0]]:
            fields = sweepable(SECTIONS[parts[0]])
            if parts[2] in fields:
                return fields[parts[2]]
            self.add(path, _("'{key}' is not a key a sweep can vary on {section}{hint} (it can vary: {keys})").format(
                key=parts[2], section=parts[0], hint=did_you_mean(parts[2], fields), keys=", ".join(fields)))
            return None
        if parts[0] in SECTIONS and len(parts) == 3:
            known = self.ids[parts[0]]
            self.add(path, _(_NO_SUCH[parts[0]]).format(
                id=parts[1], scenario=self.scenario.id, hint=did_you_mean(parts[1], known), known=", ".join(known)))
            return None
        self.add(path, _("unknown key '{key}'{hint}: a sweep varies ruleset.<option>, tracks.<id>.<key>, "
                         "meters.<id>.<key>, moves.<id>.<key>, bots or bots.<actor>").format(
            key=key, hint=did_you_mean(key, self.every_key())))
        return None

    def value(self, key: str, kind: Any, value: Any, path: KeyPath) -> None:
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            self.add(path, _("{key} takes a whole number, got {value}").format(key=key, value=_as_written(value)))
        elif kind is bool and not isinstance(value, bool):
            self.add(path, _("{key} takes true or false, got {value}").format(key=key, value=_as_written(value)))
        elif isinstance(kind, tuple) and value not in kind:
            self.add(path, _("{key} takes one of {options}, got {value}{hint}").format(
                key=key, options=", ".join(map(str, kind)), value=_as_written(value),
                hint=did_you_mean(str(value), map(str, kind))))

    def keys(self, spec: SweepSpec) -> tuple[str, ...]:
        """The keys the sweep sets, each checked, with its values."""
        named: dict[str, KeyPath] = {}
        for i, axis in enumerate(spec.axes):
            if axis.key in named:
                self.add(("axes", i, "key"), _("{key} is already an axis ({where})").format(
                    key=axis.key, where=format_path(named[axis.key])))
                continue
            named[axis.key] = ("axes", i, "key")
            kind = self.kind_of(axis.key, ("axes", i, "key"))
            for j, value in enumerate(axis.values if kind is not None else ()):
                self.value(axis.key, kind, value, ("axes", i, "values", j))
        for i, point in enumerate(spec.points):
            for key, value in point.items():
                kind = self.kind_of(key, ("points", i, key))
                if kind is not None:
                    self.value(key, kind, value, ("points", i, key))
                named.setdefault(key, ("points", i, key))
        self._columns(named)
        self.named = named
        return tuple(named)

    def _columns(self, named: dict[str, KeyPath]) -> None:
        taken: dict[str, str] = {}
        for key, path in named.items():
            column = column_name(key)
            if column in taken:
                self.add(path, _("{key} and {other} would both be the column '{column}'").format(
                    key=key, other=taken[column], column=column))
            taken[column] = key

    def baseline(self, bots: str | dict[str, str]) -> dict[str, str]:
        """The ``bots`` of ``[sweep]``: actor -> policy."""
        choices = (MIXED, *self.policies)
        table = {a: bots for a in self.actors} if isinstance(bots, str) else dict(bots)
        for actor, policy in table.items():
            path: KeyPath = ("sweep", "bots") if isinstance(bots, str) else ("sweep", "bots", actor)
            if actor not in self.actors:
                self.add(path, _("unknown actor '{actor}'{hint} (actors: {actors})").format(
                    actor=actor, hint=did_you_mean(actor, self.actors), actors=", ".join(self.actors)))
            elif policy not in choices:
                self.add(path, _("unknown bot policy '{policy}'{hint} (expected one of {expected})").format(
                    policy=policy, hint=did_you_mean(policy, choices), expected=", ".join(choices)))
                if isinstance(bots, str):
                    break  # one policy for every team: one problem, not one per team
        return table

    def bots_kept(self, spec: SweepSpec, points: Sequence[Point]) -> None:
        """Refuse an axis or a point over every team's bots (``bots``) where ``[sweep]`` names actors' policies: it
        would replace them at every point it sets (found from outside: ``bots = { ru = "hardliner" }`` with an axis
        over ``bots`` ran, and Russia was a hardliner in no game). An actor a point names itself (``bots.ru``) keeps
        that policy, whatever the order."""
        named = spec.sweep.bots if isinstance(spec.sweep.bots, dict) else {}
        if not named:
            return
        if spec.axes:
            varied = {a.key.split(".", 1)[1] for a in spec.axes if a.key.startswith("bots.")}
            lost = {actor: policy for actor, policy in named.items() if actor not in varied}
            for i, axis in enumerate(spec.axes):
                if axis.key == "bots" and lost:
                    self.add(("axes", i, "key"), _(
                        "an axis over bots sets every team's policy at every point, and would replace [sweep]'s bots "
                        "for {actors}: vary bots.<actor> instead (key = \"bots.{example}\"), or leave bots out of "
                        "[sweep]").format(actors=_policies(lost), example=self._unnamed(named)))
            return
        for point in points:
            lost = {actor: policy for actor, policy in named.items() if f"bots.{actor}" not in point.settings}
            if "bots" in point.settings and lost:
                self.add(("points", point.index, "bots"), _(
                    "bots sets every team's policy in this point, and would replace [sweep]'s bots for {actors}: name "
                    "each actor in the point instead (\"bots.{example}\" = ...), or leave bots out of [sweep]").format(
                        actors=_policies(lost), example=next(iter(lost))))

    def _unnamed(self, named: dict[str, str]) -> str:
        """An actor for an example key: the first one ``[sweep]`` leaves to the mix, else the first."""
        return next((a for a in self.actors if a not in named), self.actors[0])

    def points(self, spec: SweepSpec) -> tuple[Point, ...]:
        if spec.points:
            seen: dict[str, int] = {}
            for i, point in enumerate(spec.points):
                if not point:  # found from outside: an empty [[points]] played the scenario's values, a second time
                    self.add(("points", i), _("sets nothing: a point names at least one key and its value"))
                    continue
                twin = seen.setdefault(repr(sorted(point.items())), i)
                if twin != i:
                    self.add(("points", i), _("the same point as points[{n}]").format(n=twin))
            return tuple(Point(i, dict(p)) for i, p in enumerate(spec.points))
        count = 1
        for axis in spec.axes:
            count *= len(axis.values)
        if count > MAX_POINTS:
            self.add(("axes",), _("the axes make {n} points; at most {most}").format(n=count, most=MAX_POINTS))
            return ()
        grid = itertools.product(*(axis.values for axis in spec.axes))
        return tuple(Point(i, dict(zip((a.key for a in spec.axes), values, strict=True)))
                     for i, values in enumerate(grid))

    def chunks(self, spec: SweepSpec, points: int) -> None:
        """Refuse a plan of more chunks than :data:`MOST_CHUNKS` (each is planned, sent and written on its own)."""
        per_point = -(-spec.sweep.games // spec.sweep.chunk)
        if points * per_point > MOST_CHUNKS:
            self.add(("sweep", "chunk"), ngettext(  # found from outside: "1 points of 10000000 games"
                "{points} point of {games} games in chunks of {chunk} makes {n} chunks; at most {most}: raise chunk "
                "(each chunk is a task and a Parquet file)",
                "{points} points of {games} games in chunks of {chunk} make {n} chunks; at most {most}: raise chunk "
                "(each chunk is a task and a Parquet file)", points).format(points=points, games=spec.sweep.games,
                                                                    chunk=spec.sweep.chunk, n=points * per_point,
                                                                    most=MOST_CHUNKS))

    def results(self, keys: Sequence[str]) -> None:
        """Refuse a sweep whose rows would have two columns of one name: two tracks (or actors) whose ids differ
        only by ``-`` and ``_``, a track's column and a swept key's (found from outside: one track's results lost,
        the report showing another's twice; a Parquet file with one column twice)."""
        taken: dict[str, str] = {"point": _("the point's number")}
        columns = [(column_name(key), _("the swept key {key}").format(key=key)) for key in keys]
        columns += [(name, whose) for name, _kind, whose in result_columns(self.scenario.ruleset)]
        for column, whose in columns:
            other = taken.setdefault(column, whose)
            if other != whose:
                self.add(("sweep", "ruleset"), _(
                    "the results' column '{column}' would hold both {one} and {other} of {scenario}: rename one of "
                    "them").format(column=column, one=other, other=whose, scenario=self.scenario.id))
                return

    def rulesets(self, spec: SweepSpec, sweep: Sweep) -> None:
        """Each value alone, then each point whole, must give a valid ruleset."""
        for i, axis in enumerate(spec.axes):
            for j, value in enumerate(axis.values):
                if not axis.key.startswith("bots"):
                    self._ruleset({axis.key: value}, ("axes", i, "values", j))
        if self.problems:
            return  # a bad value makes every point holding it bad too: say it once
        if spec.points:  # each key of a point alone first, at its own line (found from outside: the point's header)
            for point in sweep.points:
                for key, value in point.settings.items():
                    if not key.startswith("bots"):
                        self._ruleset({key: value}, ("points", point.index, key))
            if self.problems:
                return
        for point in sweep.points:
            ruleset_keys = [k for k in point.settings if not k.startswith("bots")]
            if len(ruleset_keys) > 1 or spec.points:
                self._ruleset(point.settings, ("points", point.index) if spec.points else ("axes",))

    def _ruleset(self, settings: dict[str, Any], path: KeyPath) -> None:
        said = ", ".join(f"{k} = {v!r}" for k, v in settings.items() if not k.startswith("bots"))
        for message in ruleset_problems(apply_settings(self.scenario, settings)):
            self.add(path, _("with {settings} the ruleset is not valid: {message}").format(settings=said, message=message))


def ruleset_problems(scenario: Scenario) -> Iterator[str]:
    """What validating the scenario's ruleset (as a file would be) finds wrong, as ``key: message``."""
    from .checks import check_ruleset, check_scenario
    from .validation import validate

    data = dump(scenario.ruleset)
    try:
        rs = validate(SourceFile("<point>", data), type(scenario.ruleset))
    except ContentError as exc:
        for p in exc.problems:
            yield f"{_by_id(p.path, data)}: {p.message}" if p.path else p.message
        return
    for _, path, message in [*check_ruleset(rs), *check_scenario(rs, scenario.deck)]:
        yield f"{_by_id(format_path(path), data)}: {message}"


def _by_id(path: str, data: dict[str, Any]) -> str:
    """``tracks.humanitarian.agreement_at`` for ``tracks[5].agreement_at``: an entry of the ruleset named by its id,
    as the sweep file names it (found from outside: "tracks[5]", "moves[7]", "meters[0]" in a sweep's problems)."""
    import re

    found = re.match(r"(\w+)\[(\d+)\]", path)
    if found is None:
        return path
    entries, index = data.get(found[1]), int(found[2])
    if not isinstance(entries, list) or index >= len(entries) or not isinstance(entries[index], dict) \
            or not isinstance(entries[index].get("id"), str):
        return path
    return f"{found[1]}.{entries[index]['id']}{path[found.end():]}"


def _policies(bots: dict[str, str]) -> str:
    """``ru (hardliner), ua (cooperative)``: actors and their policies as ids, as the sweep file writes them."""
    return ", ".join(f"{actor} ({policy})" for actor, policy in bots.items())


def _as_written(value: Any) -> str:
    """A value as the sweep file writes it: ``true``, ``false``, ``4.5``, ``'seven'`` (found from outside: a
    designer who wrote ``true`` was told "got True")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value)

