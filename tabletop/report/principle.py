""""The principle in this game": what the debrief says the game showed about independence (issue 15).

Under strict independence: every agreement that stood beside a collapse
("Humanitarian agreed in round 4 while Borders collapsed in round 3 — the
collapse did not touch it"). Under a package deal: the cascade, step by step —
which collapse brought down which provisional agreement, read from the status
changes the save records (an undone step is left out: it did not happen).

Plain data for the JSON report; the sentences come from
:mod:`~tabletop.report.words` and the Markdown and HTML writers lay them out.

:func:`prompts` gives the deck's discussion prompts for the game, per track.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..engine.review import package_held
from ..engine.telling import earlier_than, notes, tell
from .replayed import ReplayedGame, agreed_row
from .words import (alone_text, cascade_text, held_text, lapsed_text, overridden_text, principle_headline,
                    stood_text)


def _agreed_by_override(game: ReplayedGame, track: str) -> int | None:
    """The facilitator's override that agreed ``track`` (its seq), when no team's ruling did: a debrief must not
    draw the principle's lesson from it unawares (found from outside: "1 agreement stood beside 2 collapses", the
    one agreement an override)."""
    agreed = next((h for h in reversed(game.history[track]) if h["to"] == "agreed" and not h["undone"]), None)
    return agreed["seq"] if agreed is not None and agreed["kind"] == "override" else None


def _collapsed_at(game: ReplayedGame, track: str) -> int | None:
    """The event that collapsed ``track`` for good: its last collapse that stands (an undo that put a collapse back
    made none of its own), or None if the record shows none."""
    rows = [h for h in game.history[track] if h["to"] == "collapsed" and not h["undone"] and h["kind"] != "undo"]
    return rows[-1]["seq"] if rows else None


def _recorded_at(game: ReplayedGame, seq: int | None, track: str) -> int:
    """Where event ``seq`` records ``track``'s status change among its changes: the cause of a package's collapse
    comes before the tracks it brought down in the same event."""
    event = game.by_seq.get(seq) if seq is not None else None
    changes = event.result.get("changes") or [] if event is not None else []
    return next((i for i, c in enumerate(changes) if isinstance(c, Mapping) and c.get("what") == "status"
                 and c.get("track") == track), len(changes))


def principle(game: ReplayedGame, outcome: Mapping[str, Any]) -> dict[str, Any]:
    """The agreements that stood beside collapses, each step of a cascade, and the provisional agreements that
    lapsed at the end of a package deal, with their sentences."""
    tracks = outcome["tracks"]
    # in the order they came (found from outside: round 5, round 1, round 5, round 5 — the ruleset's order of tracks)
    collapses = sorted(
        ({"track": t["id"], "track_name": t["name"], "round": t["since"], "seq": _collapsed_at(game, t["id"])}
         for t in tracks if t["status"] == "collapsed"),
        key=lambda c: (c["seq"] if c["seq"] is not None else float("inf"), _recorded_at(game, c["seq"], c["track"])))
    cascade = cascade_steps(game)
    # an agreement a package deal's collapse reopened or brought down was touched by it, whatever came after (found
    # from outside: "agreed in round 7 … the collapses did not touch it" above the step that reopened it in round 5)
    touched = {c["track"] for step in cascade for c in step["brought_down"] if c["from"] == "agreed"}
    stood = []
    for t in tracks:
        if t["status"] != "agreed" or t["provisional"] or t["id"] in touched:
            continue
        beside = [c for c in collapses if c["track"] != t["id"]]
        if beside:
            row = {"track": t["id"], "track_name": t["name"], "round": t["since"], "beside": beside,
                   "override": _agreed_by_override(game, t["id"])}
            row["text"] = stood_text(row)
            stood.append(row)
    # the package deal at the end: provisional agreements that lapsed because not everything was agreed
    lapsed = []
    for t in tracks:
        if t["lapsed"]:
            row = {"track": t["id"], "track_name": t["name"], "agreed_round": t["provisional_round"]}
            row["text"] = lapsed_text(row)
            lapsed.append(row)
    independence = game.rs.ruleset.independence
    besides = _besides(game, cascade, stood)
    return {
        "independence": independence,
        "headline": principle_headline(independence, stood, collapses, cascade,
                                       agreements=sum(1 for t in tracks if t["status"] == "agreed"), lapsed=lapsed,
                                       linked_collapse=game.rs.ruleset.linked_collapse,
                                       agreed_at_end={t["id"] for t in tracks if t["status"] == "agreed"},
                                       more_collapses=sum(1 for row in besides if row["kind"] == "collapse")),
        "collapses": collapses,
        "stood": stood,
        "cascade": cascade,
        "lapsed": lapsed,
        "besides": besides,
        **_held(game),
    }


def _besides(game: ReplayedGame, cascade: Sequence[Mapping[str, Any]],
             stood: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """What else changed a track's status in a way the principle's lesson depends on, in the order it happened: under
    a package deal each collapse that was no step of the cascade (it had nothing to reopen or bring down), and in any
    game each status the facilitator's override changed (one a cascade's step or an agreement that stood already
    names is not said twice). An undone step is left out: it did not happen.

    Found from outside (helper-242): «1 зрив знову відкрив 3 попередні угоди» while the basin fund had collapsed as
    well, with nothing left to reopen, and the facilitator's override had put it back on the table: both only in the
    timeline."""
    steps = {step["seq"] for step in cascade}
    named = {row["override"] for row in stood if row.get("override") is not None}
    linked = game.rs.ruleset.independence == "linked"
    rows = []
    for tid, history in game.history.items():
        for h in history:
            if h["undone"] or h["seq"] in steps:
                continue
            row = {"seq": h["seq"], "round": h["round"], "track": tid, "track_name": game.tracks[tid].name,
                   "from": h["from"], "from_provisional": h["from_provisional"], "to": h["to"],
                   "to_provisional": h["to_provisional"], "summary": h["summary"]}
            if linked and h["to"] == "collapsed":  # an override's too: its words say whose it was
                rows.append({**row, "kind": "collapse", "text": alone_text(row)})
            elif h["kind"] == "override" and not (h["to"] == "agreed" and h["seq"] in named):
                rows.append({**row, "kind": "override", "text": overridden_text(row)})
    order = {tid: i for i, tid in enumerate(game.tracks)}
    return sorted(rows, key=lambda r: (r["seq"], order[r["track"]]))


def _held(game: ReplayedGame) -> dict[str, Any]:
    """``held``: the step that completed the package deal, in the engine's words for it (None: no package held).
    Found from outside (helper-242): the section said how the package's agreements were reopened, and not that the
    package held in the end."""
    event = package_held(game.states[-1]) if game.states else None
    if event is None:
        return {"held": None}
    row = {"seq": event.seq, "round": event.round, "said": notes(event, game.scenario)}
    row["text"] = held_text(row)
    return {"held": row}


def cascade_steps(game: ReplayedGame) -> list[dict[str, Any]]:
    """Each event in which one track's collapse changed the status of others: the cause and what fell."""
    by_seq: dict[int, list[dict[str, Any]]] = {}
    for tid, rows in game.history.items():
        for h in rows:
            if not h["undone"]:
                by_seq.setdefault(h["seq"], []).append({**h, "track": tid})
    reopen = game.rs.ruleset.linked_collapse == "reopen"
    steps = []
    for seq in sorted(by_seq):
        changes = _in_recorded_order(game, seq, [*by_seq[seq], *_agreed_and_reopened(game, seq, by_seq[seq])])
        cause = next((c for c in changes if c["to"] == "collapsed" and not c["from_provisional"]), None)
        if cause is None or len(changes) < 2:
            continue
        fell = [c for c in changes if c is not cause]
        step = {
            "seq": seq,
            "round": cause["round"],
            "kind": cause["kind"],
            "summary": cause["summary"],
            "cause": {"track": cause["track"], "track_name": game.tracks[cause["track"]].name},
            "brought_down": [
                {
                    "track": c["track"],
                    "track_name": game.tracks[c["track"]].name,
                    "from": c["from"],
                    "from_provisional": c["from_provisional"],
                    "to": c["to"],
                    "to_provisional": c["to_provisional"],
                    "agreed_round": c["round"] if c.get("agreed_here") else _agreed_round(game, c["track"], seq),
                    # a reopened deal pushed to breakdown collapses (linked_collapse = "reopen"): it was reopened,
                    # then collapsed on reopening, and is told and counted so everywhere, never "collapsed with it"
                    "on_reopening": reopen and c["from"] == "agreed" and c["to"] == "collapsed",
                }
                for c in fell
            ],
        }
        step["text"] = cascade_text(step)
        steps.append(step)
    return steps


def _agreed_and_reopened(game: ReplayedGame, seq: int, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tracks event ``seq`` agreed provisionally and, by the collapse it caused, reopened again (``agreed_here``:
    their agreement's round is the event's): the states on both sides show no change, the record shows both. Found from outside (helper-108): the cascade's step #159 left
    out Track 2 dialogue, agreed by the vote and reopened by the collapse in the same event."""
    event = game.by_seq.get(seq)
    changed = {r["track"] for r in rows}
    recorded = [c for c in (event.result.get("changes") or [] if event is not None else [])
                if isinstance(c, Mapping) and c.get("what") == "status" and c.get("track") in game.tracks]
    out = []
    for c in recorded:
        tid = c["track"]
        if c.get("from") == "agreed" and c.get("to") != "agreed" and tid not in changed \
                and any(o.get("track") == tid and o.get("to") == "agreed" for o in recorded):
            changed.add(tid)
            out.append({"seq": seq, "round": event.round, "kind": event.action.kind, "track": tid, "from": "agreed",
                        "from_provisional": True, "to": c.get("to"), "to_provisional": False,
                        "summary": tell(event, game.scenario, earlier_than(game.events, seq)), "undone": False,
                        "agreed_here": True})
    return out


def _in_recorded_order(game: ReplayedGame, seq: int, changes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The status changes of one event in the order the event records them (the cause comes first)."""
    event = game.by_seq.get(seq)
    recorded = [
        c.get("track")
        for c in (event.result.get("changes") or [] if event is not None else [])
        if isinstance(c, Mapping) and c.get("what") == "status"
    ]
    order = {tid: i for i, tid in reversed(list(enumerate(recorded)))}
    return sorted(changes, key=lambda c: order.get(c["track"], len(order)))


def _agreed_round(game: ReplayedGame, track: str, before_seq: int) -> int | None:
    """The round a track was last (provisionally) agreed in before event ``before_seq``, if it was (by
    :func:`~tabletop.report.replayed.agreed_row`: an undo that put an agreement back is not a new one)."""
    row = agreed_row(game.history.get(track, []), before_seq)
    return row["round"] if row is not None else None


def prompts(game: ReplayedGame, outcome: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The deck's discussion prompts for this game, per track in ruleset order (``[[prompts]]`` in the deck).

    A prompt with a ``status`` is kept only if its track ended with that status. ``participants``:
    whether the participants' copy of the report shows it (else only the facilitator's does).
    """
    ended = {t["id"]: t["status"] for t in outcome["tracks"]}
    order = {t.id: i for i, t in enumerate(game.rs.tracks)}
    kept = [
        p
        for p in getattr(game.scenario.deck, "prompts", ())
        if p.track in ended and (p.status is None or p.status == ended[p.track])
    ]
    kept.sort(key=lambda p: order[p.track])  # stable: the deck's order within a track
    return [
        {
            "track": p.track,
            "track_name": game.tracks[p.track].name,
            "track_status": ended[p.track],
            "text": p.text,
            "status": p.status,
            "participants": p.participants,
        }
        for p in kept
    ]
