"""After effects ran on a bench: the statuses that follow, the drafts written
back to the state, and the result an event records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .scope import Bench
from .state import Counts, State, Tracks, evolve, settle_fresh


def _commit(state: State, bench: Bench, **extra: Any) -> State:
    """Write a bench's drafts back: only the tracks it holds, its meters, its actor."""
    return evolve(state, **_drafts_written(state, bench, extra))


def _commit_fresh(fresh: State, bench: Bench) -> State:
    """``_commit`` onto a state this action made itself and handed to no one yet: written in place
    (``settle_fresh``), not copied once more."""
    return settle_fresh(fresh, **_drafts_written(fresh, bench, {}))


def _drafts_written(state: State, bench: Bench, extra: dict[str, Any]) -> dict[str, Any]:
    """The fields a bench's drafts change (``extra`` added to them)."""
    changed = {}
    for tid, d in bench.drafts.items():
        frozen = d.frozen()
        if frozen is not state.tracks[tid]:
            changed[tid] = frozen
    if changed:
        extra["tracks"] = Tracks.replacing(state.tracks, changed)
    if bench.meters is not None:
        extra["meters"] = bench.meters
    if bench.resources is not None and bench.actor is not None:
        extra["resources"] = Counts.replacing(state.resources, {bench.actor: bench.resources})
    if bench.spent:
        extra["goodwill_spent"] = state.goodwill_spent | bench.spent
    return extra


def _settle(bench: Bench, explicit: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Statuses that follow from positions and tension, then the goodwill agreements spill over."""
    notes = _statuses(bench, explicit)
    _spill_over(bench)
    return notes


def _spill_over(bench: Bench) -> None:
    """Each track whose agreement became final here raises the meters of its ``on_agreed``.

    Only a final agreement spills over (under linked: once the package holds),
    and nothing but an agreement does: a collapse, tension or a deferral moves
    no meter. It spills over once a game: a track the facilitator reopens and
    agrees again brought its goodwill the first time. What it gave goes into
    ``bench.goodwill`` (ids and figures), for the event's words.
    """
    drafts = bench.drafts
    specs = bench.state.scenario.index.tracks
    # the tracks on the bench, in the ruleset's order (one track, as under strict: no walk over them all)
    ids = list(drafts) if len(drafts) == 1 else [tid for tid in specs if tid in drafts]
    for tid in ids:
        spec, d = specs[tid], drafts[tid]
        if not spec.on_agreed or d.status != "agreed" or d.provisional:
            continue
        if d.original.status == "agreed" and not d.original.provisional:
            continue
        if spec.id in bench.state.goodwill_spent:
            continue  # agreed once before, reopened by the facilitator: its goodwill came then
        bench.spent.add(spec.id)
        gains = []
        for effect in spec.on_agreed:
            meter, gained = bench.spill_over(spec.id, effect)
            gains.append([meter, gained, (bench.meters or {}).get(meter, 0)])
        bench.goodwill.append([spec.id, gains])


def _statuses(bench: Bench, explicit: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Statuses that follow from positions and tension; linked-mode consequences.

    ``explicit``: tracks whose status the facilitator has just set by hand —
    it is not re-derived, but its consequences under linked still follow.
    """
    notes: list[dict[str, Any]] = []
    state = bench.state
    # the package deal's consequences (below) are for linked only: under strict nobody reads these
    linked = state.independence == "linked" and bench.own is not None
    newly_collapsed = [c["track"] for c in bench.changes if c.get("what") == "status" and c.get("to") == "collapsed"] if linked else []
    newly_agreed = []
    for d in list(bench.drafts.values()):
        if d.status != "open" or d.id in explicit:
            continue
        if d.tension >= d.spec.breakdown_at:
            bench.changes.append({"track": d.id, "what": "status", "from": "open", "to": "collapsed"})
            d.status, d.since = "collapsed", state.round
            newly_collapsed.append(d.id)
            notes.append({"say": "collapsed", "track": d.id, "tension": d.spec.breakdown_at})
        elif d.position >= d.spec.agreement_at:
            bench.changes.append({"track": d.id, "what": "status", "from": "open", "to": "agreed"})
            d.status, d.since = "agreed", state.round
            d.provisional = state.independence == "linked"
            newly_agreed.append(d.id)
            notes.append({"say": "agreed_provisionally" if d.provisional else "agreed", "track": d.id})
    if not linked:
        return notes
    reopen = state.ruleset.ruleset.linked_collapse == "reopen"
    if newly_collapsed and reopen:
        notes.extend(_reopen(bench))
    elif newly_collapsed:
        # the package deal: a collapse anywhere collapses every other track
        for tid, track in state.tracks.items():
            d = bench.drafts.get(tid)
            status = d.status if d else track.status
            if status == "open" or (status == "agreed" and (d.provisional if d else track.provisional)):
                draft = bench.draft(tid)
                bench.changes.append({"track": tid, "what": "status", "from": draft.status, "to": "collapsed"})
                draft.status, draft.provisional, draft.since = "collapsed", False, state.round
        notes.append({"say": "package_collapses"})
    if newly_agreed or any(c.get("to") == "deferred" for c in bench.changes):
        # deferring the last open track completes the package as much as an agreement does;
        # under reopen a collapsed track has left the package
        statuses = {tid: (bench.drafts[tid].status if tid in bench.drafts else t.status) for tid, t in state.tracks.items()}
        done = ("agreed", "deferred", "collapsed") if reopen else ("agreed", "deferred")
        if all(s in done for s in statuses.values()) and (not reopen or "agreed" in statuses.values()):
            for tid, status in statuses.items():
                if status == "agreed":
                    bench.draft(tid).provisional = False
            left = "collapsed" in statuses.values()
            notes.append({"say": "package_holds_rest" if left else "package_holds"})
    return notes


#: the tension a provisional agreement gains when a collapse reopens it (linked_collapse = "reopen")
REOPEN_TENSION = 1


def _reopen(bench: Bench) -> list[dict[str, Any]]:
    """linked_collapse = "reopen": every provisional agreement reopens, its last step taken back
    and its tension raised by REOPEN_TENSION; a reopened deal pushed to breakdown collapses too.
    The collapsed track stays collapsed (it has left the package); open tracks are untouched."""
    state = bench.state
    notes: list[dict[str, Any]] = []
    for tid, track in state.tracks.items():
        d = bench.drafts.get(tid)
        status, provisional = (d.status, d.provisional) if d else (track.status, track.provisional)
        if not (status == "agreed" and provisional):
            continue
        draft = bench.draft(tid)
        bench.changes.append({"track": tid, "what": "status", "from": "agreed", "to": "open"})
        draft.status, draft.provisional, draft.since = "open", False, None
        back = min(draft.position, draft.spec.agreement_at - 1)
        if back != draft.position:
            bench.changes.append({"track": tid, "what": "position", "from": draft.position, "to": back})
            draft.position = back
        tension = min(draft.spec.breakdown_at, draft.tension + REOPEN_TENSION)
        if tension != draft.tension:
            bench.changes.append({"track": tid, "what": "tension", "from": draft.tension, "to": tension})
            draft.tension = tension
        notes.append({"say": "reopened", "track": tid})
        if draft.tension >= draft.spec.breakdown_at:
            bench.changes.append({"track": tid, "what": "status", "from": "open", "to": "collapsed"})
            draft.status, draft.since = "collapsed", state.round
            notes.append({"say": "collapsed_on_reopening", "track": tid, "tension": draft.spec.breakdown_at})
    return notes


def _result(bench: Bench | None = None, notes: Iterable[Any] = (), **told: Any) -> dict[str, Any]:
    """What an event records: the changes, the log lines and notes of its effects, and under ``told``
    the ids and figures its words need (:func:`tabletop.engine.telling.tell`) beyond the action's own."""
    result: dict[str, Any] = {}
    if bench is not None and bench.changes:
        result["changes"] = bench.changes
    if bench is not None and bench.logs:
        result["log"] = bench.logs
    notes = list(notes)
    if notes:
        result["notes"] = notes
    if bench is not None and bench.goodwill:
        told["goodwill"] = bench.goodwill
    if told:
        result["told"] = told
    return result


def _run_effects(bench: Bench, effects: Iterable[Any]) -> None:
    for effect in effects:
        effect.apply(bench)
