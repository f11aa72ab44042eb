"""After effects ran on a bench: the statuses that follow, the drafts written
back to the state, and the result an event records.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .scope import Bench
from .state import State, Tracks, evolve
from .wording import goodwill_words


def _commit(state: State, bench: Bench, **extra: Any) -> State:
    """Write a bench's drafts back: only the tracks it holds, its meters, its actor."""
    tracks = state.tracks
    changed = {}
    for tid, d in bench.drafts.items():
        frozen = d.frozen()
        if frozen is not tracks[tid]:
            changed[tid] = frozen
    if changed:
        tracks = Tracks.replacing(state.tracks, changed)
    meters = state.meters if bench.meters is None else bench.meters
    resources = state.resources
    if bench.resources is not None and bench.actor is not None:
        resources = {**state.resources, bench.actor: bench.resources}
    if bench.spent:
        extra["goodwill_spent"] = state.goodwill_spent | bench.spent
    return evolve(state, tracks=tracks, meters=meters, resources=resources, **extra)


def _settle(bench: Bench, explicit: frozenset[str] = frozenset()) -> list[str]:
    """Statuses that follow from positions and tension, then the goodwill agreements spill over."""
    notes = _statuses(bench, explicit)
    _spill_over(bench)
    return notes


def _spill_over(bench: Bench) -> None:
    """Each track whose agreement became final here raises the meters of its ``on_agreed``.

    Only a final agreement spills over (under linked: once the package holds),
    and nothing but an agreement does: a collapse, tension or a deferral moves
    no meter. It spills over once a game: a track the facilitator reopens and
    agrees again brought its goodwill the first time. Its words go into
    ``bench.goodwill`` for the event's summary.
    """
    drafts = bench.drafts
    specs = bench.state.scenario.index.tracks
    # the tracks on the bench, in the ruleset's order (one track, as under strict: no walk over them all)
    ids = list(drafts) if len(drafts) == 1 else [tid for tid in specs if tid in drafts]
    meters: dict[str, Any] = {}
    for tid in ids:
        spec, d = specs[tid], drafts[tid]
        if not spec.on_agreed or d.status != "agreed" or d.provisional:
            continue
        if d.original.status == "agreed" and not d.original.provisional:
            continue
        if spec.id in bench.state.goodwill_spent:
            continue  # agreed once before, reopened by the facilitator: its goodwill came then
        bench.spent.add(spec.id)
        meters = meters or {m.id: m for m in bench.state.ruleset.meters}
        gains = []
        for effect in spec.on_agreed:
            meter, gained = bench.spill_over(spec.id, effect)
            gains.append((meters[meter].name, gained, (bench.meters or {}).get(meter, 0)))
        bench.goodwill.append(goodwill_words(spec.name, gains))


def _statuses(bench: Bench, explicit: frozenset[str] = frozenset()) -> list[str]:
    """Statuses that follow from positions and tension; linked-mode consequences.

    ``explicit``: tracks whose status the facilitator has just set by hand —
    it is not re-derived, but its consequences under linked still follow.
    """
    notes: list[str] = []
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
            notes.append(f"{d.spec.name} collapsed (tension reached {d.spec.breakdown_at})")
        elif d.position >= d.spec.agreement_at:
            bench.changes.append({"track": d.id, "what": "status", "from": "open", "to": "agreed"})
            d.status, d.since = "agreed", state.round
            d.provisional = state.independence == "linked"
            newly_agreed.append(d.id)
            notes.append(f"{d.spec.name} agreed" + (" (provisionally: the package is not complete)" if d.provisional else ""))
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
        notes.append("linked: the collapse brings down every other track, provisional agreements included")
    if newly_agreed or any(c.get("to") == "deferred" for c in bench.changes):
        # deferring the last open track completes the package as much as an agreement does;
        # under reopen a collapsed track has left the package
        statuses = {tid: (bench.drafts[tid].status if tid in bench.drafts else t.status) for tid, t in state.tracks.items()}
        done = ("agreed", "deferred", "collapsed") if reopen else ("agreed", "deferred")
        if all(s in done for s in statuses.values()) and (not reopen or "agreed" in statuses.values()):
            for tid, status in statuses.items():
                if status == "agreed":
                    bench.draft(tid).provisional = False
            left = "still in the package " if "collapsed" in statuses.values() else ""
            notes.append(f"linked: every track {left}is agreed — the package holds")
    return notes


#: the tension a provisional agreement gains when a collapse reopens it (linked_collapse = "reopen")
REOPEN_TENSION = 1


def _reopen(bench: Bench) -> list[str]:
    """linked_collapse = "reopen": every provisional agreement reopens, its last step taken back
    and its tension raised by REOPEN_TENSION; a reopened deal pushed to breakdown collapses too.
    The collapsed track stays collapsed (it has left the package); open tracks are untouched."""
    state = bench.state
    notes: list[str] = []
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
        notes.append(f"linked: the collapse reopens the provisional agreement on {draft.spec.name}")
        if draft.tension >= draft.spec.breakdown_at:
            bench.changes.append({"track": tid, "what": "status", "from": "open", "to": "collapsed"})
            draft.status, draft.since = "collapsed", state.round
            reached = draft.spec.breakdown_at
            notes.append(f"{draft.spec.name} collapsed as well (tension reached {reached} on reopening)")
    return notes


def _summary(state: State, text: str, bench: Bench | None = None, notes: Iterable[str] = ()) -> dict[str, Any]:
    if bench is not None and bench.goodwill:
        text = " \u2014 ".join([text, *bench.goodwill]) if text else " \u2014 ".join(bench.goodwill)
    result: dict[str, Any] = {"summary": text}
    if bench is not None and bench.changes:
        result["changes"] = bench.changes
    if bench is not None and bench.logs:
        result["log"] = bench.logs
    notes = list(notes)
    if notes:
        result["notes"] = notes
    return result


def _run_effects(bench: Bench, effects: Iterable[Any]) -> None:
    for effect in effects:
        effect.apply(bench)
