"""The timeline of a report: per round, the cards and how they were answered, the moves, rulings,
passes, facilitator events, notes and status changes, and the board at the end of the round.

Made from the decision log (see :mod:`~tabletop.report.decisions`) and the replayed game.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..engine import State
from ..engine.actions import FACILITATOR_KINDS
from ..engine.records import RULING_KINDS, Ruling
from .replayed import ReplayedGame

#: the log entry's fields a timeline move keeps, in this order
_MOVE_FIELDS = (
    "actor",
    "actor_name",
    "move",
    "move_name",
    "track",
    "track_name",
    "link",
    "link_name",
    "resolution",
    "sealed",
    "revealed_at",
    "ruled_at",
    "outcome",
)


def timeline(game: ReplayedGame, log: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rounds of the game in order, each with what happened in it and the board at its end."""
    rounds: dict[int, dict[str, Any]] = {}
    last_index: dict[int, int] = {}
    by_seq = {e["seq"]: e for e in log}
    open_card: dict[str, Any] | None = None
    shown_before: dict[int, dict[str, Any] | None] = {}  # each card by its event, and the card it took the table from
    for i, entry in enumerate(log, 1):
        # each event in the round it is labelled with, as in the decision log and the replay: "Round 2 begins" opens
        # round 2, an undo of it goes back into round 1
        r = _round_of(rounds, entry["label_round"])
        last_index[entry["label_round"]] = i
        base = {
            "seq": entry["seq"],
            "summary": entry["summary"],
            "undone": entry["undone"],
            "undone_by": entry["undone_by"],
        }
        if entry["kind"] == "undo" and open_card is not None and entry.get("undoes") == open_card["seq"]:
            open_card = shown_before[open_card["seq"]]  # the undo takes the card back: the one before is on the table
        before = open_card
        open_card = _cards(r, entry, base, open_card, _scheduled(game, entry))
        if open_card is not before and open_card is not None:
            shown_before[open_card["seq"]] = before
        _events(r, entry, base, by_seq)
        if entry.get("game_over") and entry["kind"] != "end":
            # the engine's end (all rounds played, no track open), in the round it came in; a facilitator's end is
            # told as the facilitator's event (found in review: only the decision log said the game was over, or why)
            r.setdefault("game_over", []).append({"seq": entry["seq"], "reason": entry["game_over"],
                                                  "undone": entry["undone"], "undone_by": entry["undone_by"]})
    for tid, hist in game.history.items():
        for h in hist:
            made = by_seq.get(h["seq"])  # in its event's round
            _round_of(rounds, made["label_round"] if made else h["round"])["status_changes"].append(
                {**h, "track": tid, "track_name": game.tracks[tid].name}
            )
    final_round = game.states[-1].round
    for r, item in rounds.items():
        item["status_changes"].sort(key=lambda h: h["seq"])
        state = game.states[last_index[r]] if r in last_index else game.states[-1]
        item["end"] = _board(state)
        item["complete"] = r < final_round or (game.states[-1].over and game.damage is None)
    return [rounds[r] for r in sorted(rounds)]


#: a round's kinds of events, in the order they are told when they share an event number (a ruling, then the
#: status change it made, then the game's end it made)
_TOLD = ("cards", "moves", "taken_back", "rulings", "facilitator", "notes", "status_changes", "game_over")
#: an argument's steps a ruling's working tells, listed apart (in ``taken_back``, only in a round that has one) when
#: an undo took them back
_TAKEN_BACK = ("counter", "odds")


def in_order(rnd: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """A round's cards, moves, undone counters and odds, rulings, facilitator events, notes, status changes and the
    engine's end of the game (``game_over``, only in the round it came in) as they happened, each with
    its kind (``"moves"``...): by event number, so a debrief reads that an override came before the move it made
    possible. Who passed is summed up apart."""
    told = sorted(((item["seq"], _rank(rank, kind, item), kind, item) for rank, kind in enumerate(_TOLD)
                   for item in rnd.get(kind, ())), key=lambda found: found[:2])
    return [(kind, item) for _seq, _rank_, kind, item in told]


#: the facilitator's acts that put a card on the table: told before the card, which shares their event number
_BRINGS_A_CARD = ("inject", "redraw")


def _rank(rank: int, kind: str, item: dict[str, Any]) -> int:
    """Where an item is told among those of its event number: as :data:`_TOLD` says, but an inject or a redraw before
    the card it brought (found from outside, helper-358: "Card #52 (injected) …" and then "Facilitator #52 (inject):
    Facilitator injects …", the card before the act that brought it)."""
    return -1 if kind == "facilitator" and item.get("kind") in _BRINGS_A_CARD else rank


def _round_of(rounds: dict[int, dict[str, Any]], r: int) -> dict[str, Any]:
    if r not in rounds:
        rounds[r] = {
            "round": r,
            "cards": [],
            "moves": [],
            "rulings": [],
            "facilitator": [],
            "notes": [],
            "status_changes": [],
            "passes": [],
        }
    return rounds[r]


def _scheduled(game: ReplayedGame, entry: dict[str, Any]) -> bool:
    """A draw that took the scenario's card scheduled for that round (not a random one from the pile)."""
    if entry["kind"] != "draw":
        return False
    event = game.by_seq.get(entry["seq"])
    outcome = event.result.get("outcome") if event is not None and isinstance(event.result, Mapping) else None
    return isinstance(outcome, Mapping) and outcome.get("scheduled") is True


def _cards(
    r: dict[str, Any], entry: dict[str, Any], base: dict[str, Any], open_card: dict[str, Any] | None,
    scheduled: bool = False,
) -> dict[str, Any] | None:
    """A card drawn (or scheduled), redrawn or injected opens; an answer or a skip closes it. Returns the open
    card. Only what stands sets a card aside: an undone skip or redraw leaves it on the table (the undo is told
    with the facilitator's events)."""
    kind = entry["kind"]
    on_table = open_card
    if kind in ("draw", "redraw", "inject") and entry.get("card"):
        open_card = {
            **base,
            "how": "scheduled" if scheduled else {"draw": "drawn", "redraw": "redrawn", "inject": "injected"}[kind],
            **{k: entry["card"][k] for k in ("title", "text", "track", "track_name", "control_note")},
            "card": entry["card"]["id"],
            "set_aside": [c.get("why") or c["title"] for c in entry.get("set_aside") or []],  # named with why
            "answer": None,
            "skipped": None,
        }
        r["cards"].append(open_card)
    elif kind in ("apply_card", "choose") and open_card is not None:
        open_card["answer"] = {
            "seq": entry["seq"],
            "actor": entry["actor"],
            "actor_name": entry["actor_name"],
            "choice": entry.get("choice"),
            "summary": entry["summary"],
            "changes_text": entry["changes_text"],
            "undone": entry["undone"],
        }
    elif kind == "skip" and open_card is not None and not entry["undone"]:
        open_card["skipped"] = {"seq": entry["seq"], "how": "skipped", "reason": entry.get("reason")}
    if kind == "redraw" and not entry["undone"] and on_table is not None and on_table["answer"] is None:
        on_table["skipped"] = {"seq": entry["seq"], "how": "redrawn", "reason": None}
    return open_card


def _events(
    r: dict[str, Any], entry: dict[str, Any], base: dict[str, Any], by_seq: dict[int, dict[str, Any]]
) -> None:
    """A move, pass, ruling, facilitator event or note, in its list of the round."""
    kind = entry["kind"]
    if kind == "move":
        r["moves"].append(
            {**base, **{k: entry.get(k) for k in _MOVE_FIELDS}, "changes_text": entry["changes_text"]}
        )
    elif kind == "pass":
        r["passes"].append({**base, "actor": entry["actor"], "actor_name": entry["actor_name"],
                            **({"time_up": True} if entry.get("time_up") else {})})  # the phase timer's pass
    elif kind in RULING_KINDS and entry["ruling"] is not None:
        r["rulings"].append(_ruling(entry, base, by_seq))
    elif kind in _TAKEN_BACK and entry["undone"]:
        # one that stands is told in its ruling's working; one undone is in none (found from outside: "Undo: The
        # facilitator sets the odds: unlikely" with no entry for the odds it took back), told as an undone move is
        r.setdefault("taken_back", []).append({**base, "kind": kind, "actor": entry["actor"],
                                               "actor_name": entry["actor_name"]})
    elif kind in FACILITATOR_KINDS and kind != "note":
        item = {
            **base,
            "kind": kind,
            "reason": entry.get("reason"),
            "changes_text": entry["changes_text"],
        }
        if kind == "undo":
            item["undoes"] = entry.get("undoes")
        r["facilitator"].append(item)
    elif kind == "note":
        r["notes"].append(
            {
                "seq": entry["seq"],
                "text": entry["text"],
                "about": entry["about"],
                "about_summary": entry["about_summary"],
                **({"lang": entry["lang"]} if "lang" in entry else {}),
            }
        )


def _ruling(entry: dict[str, Any], base: dict[str, Any], by_seq: dict[int, dict[str, Any]]) -> dict[str, Any]:
    """A ruling, with the move it rules on."""
    move = by_seq.get(entry.get("proposal", -1))
    ruling = Ruling.from_data(entry["ruling"])
    return {
        **base,
        "proposal": entry.get("proposal"),
        "proposal_round": move["round"] if move else None,
        "actor": entry.get("proposal_actor"),
        "actor_name": entry.get("proposal_actor_name"),
        "move_name": entry.get("move_name"),
        "track": entry["track"],
        "track_name": entry["track_name"],
        "resolution": ruling.resolution,
        "success": ruling.success,
        "lapsed": ruling.lapsed,
        "ruling": entry["ruling"],
        "working": entry["working"],
        "changes_text": entry["changes_text"],
    }


def _board(state: State) -> dict[str, Any]:
    return {
        "tracks": {tid: t.as_data() for tid, t in state.tracks.items()},
        "meters": dict(state.meters),
    }
