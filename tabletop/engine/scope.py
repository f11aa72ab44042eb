"""Where effects write and conditions read: the structural side of independence.

An action scoped to track T gets a :class:`Bench` that holds a draft of T
alone (under strict). Effects can only write through the bench, so a
track-scoped effect cannot reach another track or a meter: the bench has no
handle on them. Under linked independence the bench may open drafts of other
tracks, as the package deal allows.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from ..content.models import Track
from .actions import IndependenceBreach
from .state import Counts, State, TrackState, put


class _Draft:
    __slots__ = ("id", "position", "tension", "status", "provisional", "since", "spec", "original")

    def __init__(self, track: TrackState, spec: Track):
        self.id = track.id
        self.position = track.position
        self.tension = track.tension
        self.status = track.status
        self.provisional = track.provisional
        self.since = track.since
        self.spec = spec
        self.original = track

    def frozen(self) -> TrackState:
        t = self.original
        if (
            self.position == t.position
            and self.tension == t.tension
            and self.status == t.status
            and self.provisional == t.provisional
            and self.since == t.since
        ):
            return t
        return TrackState(self.id, self.position, self.tension, self.status, self.provisional, self.since)


class ReadView:
    """What a condition may read: its own track, meters, the round, its actor's resources."""

    __slots__ = ("state", "own", "actor", "strict", "drafts")

    def __init__(self, state: State, own: str | None, actor: str | None, drafts: dict[str, _Draft] | None = None):
        self.state = state
        self.own = own
        self.actor = actor
        self.strict = state.independence == "strict"
        self.drafts = drafts or {}

    @property
    def round(self) -> int:
        return self.state.round

    def track(self, track_id: str | None) -> Any:
        tid = track_id or self.own
        if tid is None:
            # untranslated: a developer's assertion of the independence rule
            raise IndependenceBreach("a global condition read a track")
        if self.strict and tid != self.own:
            # untranslated: a developer's assertion of the independence rule
            raise IndependenceBreach(f"strict: a condition on {self.own!r} read track {tid!r}")
        return self.drafts.get(tid) or self.state.tracks[tid]

    def meter(self, meter_id: str) -> int:
        return self.state.meters[meter_id]

    def resource(self, resource_id: str) -> int:
        if self.actor is None:
            return 0
        return self.state.resources.get(self.actor, {}).get(resource_id, 0)


class Bench:
    """The working copy an action's effects write to."""

    __slots__ = ("state", "own", "actor", "linked", "drafts", "meters", "resources", "changes", "logs", "goodwill",
                 "spent", "specs")

    def __init__(self, state: State, own: str | None, actor: str | None):
        self.state = state
        self.own = own
        self.actor = actor
        self.linked = state.independence == "linked"
        self.drafts: dict[str, _Draft] = {}
        self.meters: Counts | None = None
        self.resources: Counts | None = None
        self.changes: list[dict[str, Any]] = []
        self.logs: list[str] = []
        self.goodwill: list[list[Any]] = []  # what agreements spilled over: [track, [[meter, gained, value]]]
        self.spent: set[str] = set()  # tracks whose goodwill this action used up (State.goodwill_spent)
        self.specs = state.scenario.index.tracks  # read only
        if own is not None:
            self.drafts[own] = _Draft(state.tracks[own], self.specs[own])

    # -- where an effect lands ---------------------------------------------

    def draft(self, track_id: str | None) -> _Draft:
        tid = track_id or self.own
        if tid is None:
            # untranslated: a developer's assertion of the independence rule
            raise IndependenceBreach("a global effect tried to change a track")
        if tid not in self.drafts:
            if not self.linked or self.own is None:
                # untranslated: a developer's assertion of the independence rule
                raise IndependenceBreach(f"strict: an effect on {self.own!r} tried to change track {tid!r}")
            self.drafts[tid] = _Draft(self.state.tracks[tid], self.specs[tid])
        return self.drafts[tid]

    def view(self) -> ReadView:
        return ReadView(self.state, self.own, self.actor, self.drafts)

    # -- the EffectTarget protocol of tabletop.content.vocabulary ------------

    def add_progress(self, track_id: str | None, amount: int) -> None:
        d = self.draft(track_id)
        if d.status not in ("open", "deferred") and not (d.status == "agreed" and d.provisional):
            return  # a settled track does not move
        top = len(d.spec.ladder) - 1
        new = max(0, min(top, d.position + amount))
        if new != d.position:
            self.changes.append({"track": d.id, "what": "position", "from": d.position, "to": new})
            d.position = new

    def add_tension(self, track_id: str | None, amount: int) -> None:
        d = self.draft(track_id)
        if d.status not in ("open", "deferred") and not (d.status == "agreed" and d.provisional):
            return
        new = max(0, min(d.spec.breakdown_at, d.tension + amount))
        if new != d.tension:
            self.changes.append({"track": d.id, "what": "tension", "from": d.tension, "to": new})
            d.tension = new

    def set_status(self, track_id: str | None, status: str) -> None:
        d = self.draft(track_id)
        if d.status == status or (d.status == "agreed" and not d.provisional):
            return  # an agreed track stays agreed
        self.changes.append({"track": d.id, "what": "status", "from": d.status, "to": status})
        d.status = status
        d.provisional = False
        d.since = self.state.round

    def add_meter(self, meter_id: str, amount: int) -> None:
        if self.own is not None and not self.linked:
            # untranslated: a developer's assertion of the independence rule
            raise IndependenceBreach(f"strict: an effect on {self.own!r} tried to write meter {meter_id!r}")
        self._write_meter(meter_id, amount, {})

    def spill_over(self, track_id: str, effect: Any) -> tuple[str, int]:
        """Goodwill: an agreement on ``track_id`` raises a shared meter (an effect of its ``on_agreed``).

        The one write from a track to a meter that strict allows, and only
        upwards: failure does not spill over. Returns the meter and what it
        gained (0 at its maximum); the change records the track it came from.
        """
        amount = getattr(effect, "add", 0) if getattr(effect, "key", None) == "meter" else 0
        if amount <= 0:
            # untranslated: a developer's assertion of the independence rule
            raise IndependenceBreach(f"on_agreed of {track_id!r} is not goodwill: {effect.describe()}")
        return effect.meter, self._write_meter(effect.meter, amount, {"spillover": track_id})

    def _write_meter(self, meter_id: str, amount: int, record: dict[str, Any]) -> int:
        if self.meters is None:
            self.meters = Counts(self.state.meters)  # handed to the new state as it is (settle._drafts_written)
        spec = next(m for m in self.state.ruleset.meters if m.id == meter_id)
        old = self.meters[meter_id]
        new = max(spec.min, min(spec.max, old + amount))
        if new != old:
            self.changes.append({"meter": meter_id, "from": old, "to": new, **record})
            put(self.meters, meter_id, new)
        return new - old

    def add_resource(self, resource_id: str, amount: int) -> None:
        if self.actor is None:
            return
        if self.resources is None:
            self.resources = Counts(self.state.resources.get(self.actor, {}))
        old = self.resources.get(resource_id, 0)
        new = max(0, old + amount)
        if new != old:
            self.changes.append({"actor": self.actor, "resource": resource_id, "from": old, "to": new})
            put(self.resources, resource_id, new)

    def log(self, text: str) -> None:
        self.logs.append(text)


def newly_agreed(old: State, new: State, among: Collection[str] | None = None) -> list[str]:
    """The tracks whose agreement became final between two states, in the ruleset's order.

    Final: agreed and not provisional (under linked, once the package holds).
    ``among``: the only tracks that may have changed (None: any).
    """
    out = []
    specs = old.ruleset.tracks if among is None else _in_order(old, among)
    for spec in specs:
        before, after = old.tracks[spec.id], new.tracks[spec.id]
        if after.status == "agreed" and not after.provisional and not (
            before.status == "agreed" and not before.provisional
        ):
            out.append(spec.id)
    return out


def _in_order(state: State, ids: Collection[str]) -> list[Track]:
    """The specs of these tracks, in the ruleset's order."""
    index = state.scenario.index.tracks
    order = {tid: i for i, tid in enumerate(index)} if len(ids) > 1 else {}
    return [index[tid] for tid in sorted(ids, key=order.get)] if order else [index[tid] for tid in ids]


def goodwill_meters(old: State, new: State, among: Collection[str] | None = None) -> dict[str, int]:
    """The meters ``old`` leads to when only goodwill moves them: each track newly agreed in
    ``new`` adds its ``on_agreed`` (clamped to the meter's range), and nothing else changes.

    Raises IndependenceBreach if an ``on_agreed`` is anything but a meter raised.
    """
    meters = dict(old.meters)
    ranges = {m.id: (m.min, m.max) for m in old.ruleset.meters}
    specs = {t.id: t for t in old.ruleset.tracks}
    for tid in newly_agreed(old, new, among):
        if tid in old.goodwill_spent:
            continue  # agreed before: its goodwill came then
        for effect in specs[tid].on_agreed:
            amount = getattr(effect, "add", 0) if effect.key == "meter" else 0
            if amount <= 0:
                # untranslated: a developer's assertion of the independence rule
                raise IndependenceBreach(f"on_agreed of {tid!r} is not goodwill: {effect.describe()}")
            low, high = ranges[effect.meter]  # type: ignore[attr-defined]
            meters[effect.meter] = max(low, min(high, meters[effect.meter] + amount))  # type: ignore[attr-defined]
    return meters
