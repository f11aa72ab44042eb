"""What the bots know of a scenario, worked out once a game: the facts :mod:`.judging` weighs moves by.

Which way each meter helps, what each team wants of each track, which teams
want a track publicly, what each move's effects come to (:class:`Sums`,
shared by the moves whose effects come to the same), the 2d6 table, and the
odds that read only the scenario (a consensus, an argument). Also the worths
that a later judgement may find again while the board they read is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..content import MoveType
from ..content.vocabulary import MeterCondition, ResourceCondition, RoundCondition
from ..engine import Action, State

#: the chance a bot gives the facilitator's ruling
FACILITATOR_ODDS = 0.5
#: what a unit of any resource a move costs is worth
COST = 0.15


def _ways_2d6() -> dict[int, int]:
    ways: dict[int, int] = {}
    for a in range(1, 7):
        for b in range(1, 7):
            ways[a + b] = ways.get(a + b, 0) + 1
    return ways


_WAYS = _ways_2d6()


def dice_odds(need: int) -> float:
    """The chance that 2d6 comes to ``need`` or more."""
    odds = _DICE_ODDS.get(need)
    if odds is None:
        odds = _DICE_ODDS[need] = sum(n for total, n in _WAYS.items() if total >= need) / 36
    return odds


_DICE_ODDS: dict[int, float] = {}


class Sums:
    """What a list of effects does to its own track and to the meters."""

    __slots__ = ("progress", "tension", "status", "meters", "blank")

    def __init__(self, effects: Iterable[Any]):
        self.progress = 0
        self.tension = 0
        self.status: str | None = None
        self.meters: dict[str, int] = {}
        for e in effects:
            key = getattr(e, "key", "")
            if key == "progress":
                self.progress += e.progress
            elif key == "tension":
                self.tension += e.tension
            elif key == "status":
                self.status = e.status
            elif key == "meter":
                self.meters[e.meter] = self.meters.get(e.meter, 0) + e.add
        #: does nothing a bot weighs: worth nothing anywhere
        self.blank = not (self.progress or self.tension or self.status is not None or self.meters)

    @property
    def key(self) -> tuple[Any, ...]:
        """What the sums come to, as a value (equal sums are worth the same)."""
        return (self.progress, self.tension, self.status, tuple(sorted(self.meters.items())))


class MoveTraits:
    """What a bot needs to know of a move, worked out once."""

    __slots__ = ("move", "ok", "fail", "cost", "linked", "cost_worth", "where", "fixed_odds", "dice", "reads_meters")

    def __init__(self, move: MoveType):
        self.move = move
        self.ok = Sums(move.effects)
        self.fail = Sums(move.fail_effects)
        self.cost = sum(move.cost.values())
        # what a link move brings the track it names: its link_effects (a trade), else its effects again
        self.linked = Sums(move.link_effects) if move.link_effects else self.ok
        #: what its cost takes off its worth (the same product ``move_worth`` takes, made once)
        self.cost_worth = COST * self.cost
        #: how it is judged: an argument, a global move or a track move
        self.where = "argue" if move.argue is not None else ("global" if move.scope == "global" else "track")
        #: its odds when they read nothing of the board (auto, the facilitator's ruling), else None
        self.fixed_odds = {"auto": 1.0, "facilitator": FACILITATOR_ODDS}.get(move.resolution)
        #: its odds are a dice roll's (they read the board: the modifiers)
        self.dice = move.resolution == "dice"
        self.reads_meters = self.where == "argue" or bool(self.ok.meters or self.fail.meters)


class Goal:
    """One objective as a bot reads it: a position to reach, statuses to end in."""

    __slots__ = ("at_least", "statuses")

    def __init__(self, at_least: int | None, status: Any):
        self.at_least = at_least
        self.statuses: tuple[str, ...] = () if status is None else ((status,) if isinstance(status, str) else tuple(status))

    @property
    def parks(self) -> bool:
        """Wants the track closed without agreement (e.g. deferred), not moved up its ladder."""
        return bool(self.statuses) and "agreed" not in self.statuses


def _meter_valence(rs: Any) -> dict[str, int]:
    """+1 for a meter that helps when high, -1 for one that hurts, 0 when nothing reads it."""
    votes: dict[str, int] = {}
    for move in rs.moves:
        for mod in move.modifiers:
            if getattr(mod, "key", "") == "meter":
                up = mod.add > 0 if mod.at_least is not None else mod.add < 0  # type: ignore[attr-defined]
                votes[mod.meter] = votes.get(mod.meter, 0) + (1 if up else -1)  # type: ignore[attr-defined]
        for cond in move.requires:
            if getattr(cond, "key", "") == "meter":
                up = cond.at_least is not None  # type: ignore[attr-defined]
                votes[cond.meter] = votes.get(cond.meter, 0) + (1 if up else -1)  # type: ignore[attr-defined]
    return {m.id: (votes.get(m.id, 0) > 0) - (votes.get(m.id, 0) < 0) for m in rs.meters}


def _park_rungs(rs: Any) -> dict[str, int]:
    """For each status a move can set: the lowest position from which some such move may be played."""
    out: dict[str, int] = {}
    for move in rs.moves:
        status = Sums(move.effects).status
        if status is None:
            continue
        rung = 0
        for cond in move.requires:
            if getattr(cond, "key", "") == "progress" and cond.progress.at_least is not None:  # type: ignore[attr-defined]
                rung = max(rung, cond.progress.at_least)  # type: ignore[attr-defined]
        out[status] = min(out.get(status, rung), rung)
    return out


#: modifiers that read no track (a meter, the actor's resources, the round): the same on every track
_TRACK_FREE = (MeterCondition, ResourceCondition, RoundCondition)


class Knowledge:
    """What the bots know of one scenario, worked out once."""

    def __init__(self, rs: Any):
        self.moves = {m.id: MoveTraits(m) for m in rs.moves}
        # moves whose effects come to the same sums share one Sums: a judge then weighs them once a track
        self.interned: dict[tuple[Any, ...], Sums] = {}
        interned = self.interned
        for traits in self.moves.values():
            traits.ok = interned.setdefault(traits.ok.key, traits.ok)
            traits.fail = interned.setdefault(traits.fail.key, traits.fail)
            traits.linked = interned.setdefault(traits.linked.key, traits.linked)
        #: a dice move's modifiers: those that read no track (asked once a judgement) and the others
        # (a modifier is its condition's subclass: told apart with isinstance, integers summed in any order)
        self.modifiers = {
            m.id: (tuple(c for c in m.modifiers if isinstance(c, _TRACK_FREE)),
                   tuple(c for c in m.modifiers if not isinstance(c, _TRACK_FREE)))
            for m in rs.moves
        }
        #: a dice move whose track-reading modifiers read only its own track (none names another)
        self.own_track_only = {m: all(c.other_track() is None for c in per) for m, (_, per) in self.modifiers.items()}
        #: what those modifiers add on a track, by (move, the track's board)
        self.track_bonus: dict[tuple[str, Any], int] = {}
        #: a dice move whose modifiers that read no track read only the meters (none the round or a purse)
        self.free_reads_meters = {m: all(isinstance(c, MeterCondition) for c in free)
                                  for m, (free, _) in self.modifiers.items()}
        #: what those modifiers add, by (move, the meters' values): the same for every team and track
        self.free_bonus: dict[tuple[str, frozenset[tuple[str, int]]], int] = {}
        self.valence = _meter_valence(rs)
        self.bounds = {m.id: (m.min, m.max) for m in rs.meters}
        self.rungs = _park_rungs(rs)
        self.goals: dict[str, dict[str, list[Goal]]] = {a.id: {} for a in rs.actors}
        self.public: dict[str, set[str]] = {t.id: set() for t in rs.tracks}
        #: the chance a consensus move passes, by (proposer, track): it reads only the scenario
        self.consensus: dict[tuple[str, str | None], float] = {}
        #: what the meter changes of a move are worth to a policy, with the meters they were reckoned on
        self.meter_worths: dict[tuple[str, Sums], tuple[Mapping[str, int], float]] = {}
        #: a listed argument's result as effect sums, by the action's id (with the action, kept alive)
        self.argued: dict[int, tuple[Action, Sums]] = {}
        #: what effect sums are worth on a track, by (policy, team, sums' id, the track's board, the meters'
        #: values when the sums move them), with the sums (kept, so their id is not reused)
        self.track_worths: dict[tuple[Any, ...], tuple[Sums, float]] = {}
        #: an argument's chance, by (team, number of reasons, track): it reads only the scenario
        self.argue_odds: dict[tuple[str, int, str | None], float] = {}
        #: a listed action's worth, by (policy, team) and the action's id: :meth:`remembered`
        self._remembered: dict[tuple[str, str], dict[tuple[Any, ...], tuple[Action, float]]] = {}
        #: the same for the actions whose worth reads their track's board alone, by board: :meth:`on_boards`
        self._on_boards: dict[tuple[str, str], dict[Any, dict[int, tuple[Action, float]]]] = {}
        for actor in rs.actors:
            for obj in actor.objectives:
                self.goals[actor.id].setdefault(obj.track, []).append(Goal(obj.at_least, obj.status))
                if not obj.secret:
                    self.public[obj.track].add(actor.id)


    def remembered(self, policy: str, actor: str) -> dict[tuple[Any, ...], tuple[Action, float]]:
        """What a team's listed actions were worth, by (the action's id, its track's board, the meters'
        values if its worth reads them, a dice move's odds): the action (kept, so its id is not
        reused) and its worth. A state's parts hold values, and a worth reads nothing else of them."""
        memo = self._remembered.get((policy, actor))
        if memo is None:
            memo = self._remembered[(policy, actor)] = {}
        return memo

    def on_boards(self, policy: str, actor: str) -> dict[Any, dict[int, tuple[Action, float]]]:
        """What a team's listed track actions whose worth reads only their track's board (no meter, no
        dice) were worth, by that board, then by the action's id: found with two look-ups whose keys
        are already made (the board, the id), one board for the options of a track."""
        memo = self._on_boards.get((policy, actor))
        if memo is None:
            memo = self._on_boards[(policy, actor)] = {}
        return memo


_KNOWN: dict[int, tuple[Any, Knowledge]] = {}


def knowledge(state: State) -> Knowledge:
    rs = state.ruleset
    known = _KNOWN.get(id(rs))
    if known is None or known[0] is not rs:
        _KNOWN.clear()  # one scenario at a time is the common case; keep the cache small
        known = _KNOWN[id(rs)] = (rs, Knowledge(rs))
    return known[1]
