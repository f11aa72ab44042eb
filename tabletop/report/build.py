"""The debrief report of one save as plain data (DESIGN 6a).

:func:`build_report` reads a :class:`~tabletop.store.Save` and returns one
JSON-serialisable dict; the Markdown and HTML writers only lay it out. Text
from the scenario, the deck and the facilitator is kept exactly as written
here (the JSON report is the record); the writers make it safe for their
format. Worded working (``working``, ``changes_text``) is built from names
passed through :func:`~tabletop.report.words.literal`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._version import __version__
from ..engine import State, objectives_met
from ..engine.actions import FACILITATOR_KINDS
from ..engine.records import RULING_KINDS, Ruling, changes_of
from ..engine.wording import change_text, ruling_text
from ..store import SaveError
from ..store.reading import Save, open_save
from ..store.heads import head_line
from .players import players_part
from .words import one_line, wants_text

REPORT_FORMAT = "tabletop-report"
REPORT_VERSION = 1


class ReportError(Exception):
    """An input the report cannot be made from; the message names the file."""

    def __init__(self, path: str | Path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"{path}: {message}")


def load(path: str | Path) -> Save:
    """Open a save for a report; a file that is not a readable save raises :class:`ReportError`."""
    try:
        return open_save(path)
    except SaveError as exc:
        raise ReportError(path, exc.message) from None


def build_report(save: Save | str | Path, audience: str = "facilitator") -> dict[str, Any]:
    """Everything the debrief needs from one save, as JSON-serialisable data.

    Keys: ``scenario``, ``outcome`` (per track, meters, how the game ended),
    ``objectives`` (per actor; secret ones flagged), ``timeline`` (per round:
    cards, moves, rulings, facilitator events, notes, status changes and
    the board at the end of the round), ``log`` (every event with the working
    of its ruling, undone and facilitator events marked), ``notes`` (each tied
    to the event it is about), ``series`` (values by round, for charts) and
    ``damage`` (None, or what is wrong and where: the report then covers the
    intact part before it), ``players`` (who played each actor) and
    ``audience`` (who the report is for, and what it leaves out: see
    :func:`~tabletop.report.audience.for_audience`).
    """
    from .audience import for_audience

    if not isinstance(save, Save):
        save = load(save)
    return for_audience(_Builder(save).build(), audience)


def _label(value: Any) -> str:
    return one_line(value)


class _Builder:
    def __init__(self, save: Save):
        self.save = save
        self.scenario = save.scenario
        rs = self.scenario.ruleset
        self.rs = rs
        self.tracks = {t.id: t for t in rs.tracks}
        self.actors = {a.id: a for a in rs.actors}
        self.meters = {m.id: m for m in rs.meters}
        self.moves = {m.id: m for m in rs.moves}
        self.cards = {c.id: c for c in self.scenario.deck.cards}
        # names for worded text (made safe); the raw names are in ``scenario``
        self.names: dict[str, str] = {
            **{m.id: _label(m.name) for m in rs.meters},
            **{t.id: _label(t.name) for t in rs.tracks},
            **{a.id: _label(a.name) for a in rs.actors},
        }
        self.ladders = {t.id: t.ladder for t in rs.tracks}
        self.events = list(save.events)
        self.damage = _damage(save)
        self.states: list[State] = []
        self.difference: str | None = None  # the first record that differs from the replay, and how

    # -- replay ------------------------------------------------------------

    def replay(self) -> None:
        """The state after every intact event; an event that does not replay ends the intact part."""
        # every record is held against the replay: one that differs is shown as the game replays it
        difference = self.save.check_records()
        self.events = list(self.save.events)
        self.damage = _damage(self.save)
        self.states = [self.save.state_at(0)]
        for i, event in enumerate(self.events, 1):
            try:
                self.states.append(self.save.state_at(i))
            except SaveError as exc:
                self.damage = {
                    "seq": event.seq,
                    "line": event.seq + 1,
                    "kind": exc.kind,
                    "detail": exc.message,
                    "text": f"event {event.seq} (line {event.seq + 1}): {exc.kind}: {exc.message}",
                }
                self.events = self.events[: i - 1]
                break
        if self.damage is not None:
            self.damage["intact_events"] = len(self.events)
        # the state hash recorded with each event: does the replay reach it?
        self.mismatch = next(
            (
                ev.seq
                for ev, state in zip(self.events, self.states[1:], strict=True)
                if ev.state != state.hash
            ),
            None,
        )
        self.difference = None
        if difference is not None and difference.seq <= len(self.events):
            if self.mismatch is None or difference.seq < self.mismatch:
                self.mismatch = difference.seq
                self.difference = f"{difference.kind}: {difference.detail}"

    # -- the whole report --------------------------------------------------

    def build(self, full: bool = True) -> dict[str, Any]:
        """The report; without ``full`` only what a comparison needs (scenario, outcome, damage)."""
        self.replay()
        self.index_events()
        self.history = self.status_history()
        final = self.states[-1]
        report: dict[str, Any] = {
            "format": REPORT_FORMAT,
            "version": REPORT_VERSION,
            "generated_by": f"tabletop {__version__}",
            "scenario": self.scenario_part(),
            "outcome": self.outcome(final),
            "players": players_part(self.save, self.rs),
            "objectives": self.objectives(final),
            "damage": self.damage,
            "replay": {"checked": len(self.events), "first_mismatch": self.mismatch},
            "chain_head": self.chain_head(),
            "warnings": self.warnings(final),
        }
        if full:
            log = [self.log_entry(i) for i in range(1, len(self.events) + 1)]
            report["timeline"] = self.timeline(log)
            report["log"] = log
            report["notes"] = self.notes()
            report["series"] = self.series()
        return report

    def chain_head(self) -> dict[str, Any]:
        """The chain hash after the last event reported: hold it against one noted at the table."""
        chain = self.events[-1].chain if self.events else self.save.header_chain
        return {"event": len(self.events), "hash": chain, "text": head_line(len(self.events), chain)}

    def warnings(self, final: State) -> list[str]:
        out = []
        if self.damage is not None:
            out.append(
                f"This save is damaged at {self.damage['text']}. The report covers the "
                f"{self.damage['intact_events']} intact events before it."
            )
        if self.difference is not None:
            out.append(
                f"Event {self.mismatch} does not replay as it was recorded ({self.difference}): the save was "
                "edited and re-hashed, or made by another version of tabletop; the events are shown as the game "
                "replays them. Run `tabletop verify` on the save."
            )
        elif self.mismatch is not None:
            out.append(
                f"Event {self.mismatch} does not replay to the state recorded in the save (the engine has changed "
                "since, or the save was edited and re-hashed): the board shown is the replayed one. "
                "Run `tabletop verify` on the save."
            )
        if not final.over:
            out.append(
                f"The game had not ended when the save stops (round {final.round}, {final.phase} phase): "
                "outcomes are as they stood then."
            )
        return out

    # -- indexes over the events -------------------------------------------

    def index_events(self) -> None:
        self.undone_by: dict[int, int] = {}
        self.notes_on: dict[int, list[int]] = {}
        self.revealed_at: dict[int, int] = {}
        self.ruled_at: dict[int, int] = {}
        self.proposal_of: dict[int, int] = {}
        self.sealed: set[int] = set()
        self.by_seq = {e.seq: e for e in self.events}
        for ev in self.events:
            if ev.action.kind == "undo" and isinstance(ev.result.get("undoes"), int):
                self.undone_by[ev.result["undoes"]] = ev.seq
        for i, ev in enumerate(self.events, 1):
            kind = ev.action.kind
            before, after = self.states[i - 1], self.states[i]
            if kind == "note":
                about = ev.result.get("about", ev.action.about)
                if isinstance(about, int):
                    self.notes_on.setdefault(about, []).append(ev.seq)
            elif kind == "advance":
                for seq in ev.result.get("revealed") or []:
                    self.revealed_at[seq] = ev.seq
            elif kind == "move" and any(p.seq == ev.seq and p.sealed for p in after.queue):
                self.sealed.add(ev.seq)
            if kind in RULING_KINDS and before.queue:
                # a lapsed ruling does not name its proposal: the head of the queue does
                ruling = Ruling.from_result(ev.result)
                proposal = ruling.proposal if ruling is not None else None
                head = proposal if proposal is not None else before.queue[0].seq
                self.proposal_of[ev.seq] = head
                if ruling is not None and ev.seq not in self.undone_by:
                    self.ruled_at[head] = ev.seq

    # -- sections ----------------------------------------------------------

    def scenario_part(self) -> dict[str, Any]:
        h = self.save.header
        o = self.rs.ruleset
        times = [e.time for e in self.events if e.time]
        return {
            "file": Path(self.save.path).name,
            "path": str(self.save.path),
            "ruleset_id": o.id,
            "ruleset_name": o.name,
            "description": o.description,
            "deck_id": self.scenario.deck.deck.id,
            "deck_name": self.scenario.deck.deck.name,
            "independence": o.independence,
            "turns": o.turns,
            "actions_per_round": o.actions_per_round,
            "sealed_moves": o.sealed_moves,
            "reveal_objectives": o.reveal_objectives,
            "phases": list(o.phases),
            "seed": self.save.seed,
            "created": h.get("created"),
            "app_version": h.get("app_version"),
            "save_version": h.get("version"),
            "simulated": bool(h.get("simulated", False)),
            "events": len(self.events),
            "first_event_time": times[0] if times else None,
            "last_event_time": times[-1] if times else None,
            "actors": [
                {"id": a.id, "name": a.name, "color": a.color, "resources": dict(a.resources)}
                for a in self.rs.actors
            ],
            "tracks": [
                {
                    "id": t.id,
                    "name": t.name,
                    "members": list(t.members),
                    "ladder": list(t.ladder),
                    "agreement_at": t.agreement_at,
                    "breakdown_at": t.breakdown_at,
                    "start_position": t.start_position,
                    "start_tension": t.start_tension,
                    "threshold": t.threshold(),
                    "vetoes": list(t.vetoes()),
                }
                for t in self.rs.tracks
            ],
            "meters": [
                {"id": m.id, "name": m.name, "min": m.min, "max": m.max, "start": m.start}
                for m in self.rs.meters
            ],
        }

    def status_history(self) -> dict[str, list[dict[str, Any]]]:
        """Every change of a track's status (or provisional flag), from the states themselves."""
        out: dict[str, list[dict[str, Any]]] = {t: [] for t in self.tracks}
        for i, ev in enumerate(self.events, 1):
            before, after = self.states[i - 1], self.states[i]
            for tid in self.tracks:
                a, b = before.tracks[tid], after.tracks[tid]
                if (a.status, a.provisional) != (b.status, b.provisional):
                    out[tid].append(
                        {
                            "seq": ev.seq,
                            "round": ev.round,
                            "kind": ev.action.kind,
                            "from": a.status,
                            "from_provisional": a.provisional,
                            "to": b.status,
                            "to_provisional": b.provisional,
                            "summary": ev.summary,
                            "undone": ev.seq in self.undone_by,
                        }
                    )
        return out

    def outcome(self, final: State) -> dict[str, Any]:
        history = self.history
        tracks = []
        for spec in self.rs.tracks:
            t = final.tracks[spec.id]
            hist = history[spec.id]
            lapsed = bool(
                final.over
                and hist
                and hist[-1]["from"] == "agreed"
                and hist[-1]["from_provisional"]
                and hist[-1]["to"] == "open"
                and hist[-1]["kind"] not in ("undo", "override")
            )
            # a provisional agreement that did not become firm: the package deal's cost
            provisional_round = None
            if not (t.status == "agreed" and not t.provisional):
                provisional_round = next(
                    (
                        h["round"]
                        for h in reversed(hist)
                        if h["to"] == "agreed" and h["to_provisional"] and not h["undone"]
                    ),
                    None,
                )
            tracks.append(
                {
                    "id": spec.id,
                    "name": spec.name,
                    "status": t.status,
                    "provisional": t.provisional,
                    "since": t.since,
                    "position": t.position,
                    "rung": spec.ladder[t.position],
                    "top": len(spec.ladder) - 1,
                    "agreement_at": spec.agreement_at,
                    "agreement_rung": spec.ladder[spec.agreement_at],
                    "tension": t.tension,
                    "breakdown_at": spec.breakdown_at,
                    "lapsed": lapsed,
                    "provisional_round": provisional_round,
                    "history": hist,
                }
            )
        return {
            "over": final.over,
            "end_reason": final.end_reason,
            "round": final.round,
            "phase": final.phase,
            "complete": final.over and self.damage is None,
            "agreements": sum(1 for t in final.tracks.values() if t.status == "agreed" and not t.provisional),
            "tracks": tracks,
            "meters": [
                {
                    "id": m.id,
                    "name": m.name,
                    "value": final.meters[m.id],
                    "min": m.min,
                    "max": m.max,
                    "start": m.start,
                }
                for m in self.rs.meters
            ],
        }

    def objectives(self, final: State) -> list[dict[str, Any]]:
        met = objectives_met(final)
        out = []
        for actor in self.rs.actors:
            rows = [
                {
                    "text": obj.text,
                    "track": obj.track,
                    "track_name": self.tracks[obj.track].name if obj.track in self.tracks else obj.track,
                    "wants": wants_text(obj, self.ladders.get(obj.track, ())),
                    "met": ok,
                    "secret": obj.secret,
                }
                for obj, ok in met.get(actor.id, [])
            ]
            out.append(
                {
                    "actor": actor.id,
                    "name": actor.name,
                    "met": sum(1 for r in rows if r["met"]),
                    "total": len(rows),
                    "objectives": rows,
                }
            )
        return out

    # -- the log -----------------------------------------------------------

    def _who(self, actor: str | None) -> str | None:
        return self.actors[actor].name if actor in self.actors else None

    def _track_name(self, track: str | None) -> str | None:
        return self.tracks[track].name if track in self.tracks else None

    def _card(self, card_id: Any) -> dict[str, Any] | None:
        card = self.cards.get(card_id) if isinstance(card_id, str) else None
        if card is None:
            return None
        return {
            "id": card.id,
            "title": card.title,
            "text": card.text,
            "track": card.track,
            "track_name": self._track_name(card.track),
            "control_note": card.control_note,
        }

    def changes_text(self, result: Mapping[str, Any]) -> list[str]:
        return [change_text(c, self.names, self.ladders) for c in changes_of(result)]

    def log_entry(self, i: int) -> dict[str, Any]:
        ev = self.events[i - 1]
        before, after = self.states[i - 1], self.states[i]
        a = ev.action
        result = ev.result
        ruling = Ruling.from_result(result)
        entry: dict[str, Any] = {
            "seq": ev.seq,
            "time": ev.time,
            "round": ev.round,
            "phase": ev.phase,
            "kind": a.kind,
            "actor": ev.actor,
            "actor_name": self._who(ev.actor),
            "track": ev.track,
            "track_name": self._track_name(ev.track),
            "summary": ev.summary,
            "facilitator": a.kind in FACILITATOR_KINDS,
            "undone": ev.seq in self.undone_by,
            "undone_by": self.undone_by.get(ev.seq),
            "ruling": dict(result["ruling"]) if ruling is not None else None,  # as saved
            "working": ruling_text(ruling, self.names) if ruling is not None else None,
            "changes": [dict(c) for c in result.get("changes") or []],
            "changes_text": self.changes_text(result),
            "effect_notes": list(result.get("notes") or []),
            "effect_log": list(result.get("log") or []),
            "notes": list(self.notes_on.get(ev.seq, [])),
        }
        reason = a.reason if a.reason is not None else result.get("reason")
        if reason:
            entry["reason"] = reason
        if a.kind in RULING_KINDS and ev.seq in self.proposal_of:
            entry["proposal"] = self.proposal_of[ev.seq]
            head = self.by_seq.get(self.proposal_of[ev.seq])
            if head is not None:
                entry["proposal_actor"] = head.actor
                entry["proposal_actor_name"] = self._who(head.actor)
                entry["move"] = head.action.move
                entry["move_name"] = (
                    self.moves[head.action.move].name if head.action.move in self.moves else None
                )
        if a.kind == "move":
            move = self.moves.get(a.move or "")
            entry["move"] = a.move
            entry["move_name"] = move.name if move else None
            entry["resolution"] = move.resolution if move else None
            entry["link"] = a.link
            entry["link_name"] = self._track_name(a.link)
            entry["sealed"] = ev.seq in self.sealed
            entry["revealed_at"] = self.revealed_at.get(ev.seq)
            entry["ruled_at"] = self.ruled_at.get(ev.seq)
            entry["outcome"] = self.move_outcome(ev.seq, result)
            if result.get("paid"):
                entry["paid"] = dict(result["paid"])
        if a.kind in ("draw", "redraw"):
            outcome = result.get("outcome") or {}
            entry["card"] = self._card(outcome.get("card"))
            entry["set_aside"] = [self._card(c) for c in outcome.get("set_aside") or [] if c in self.cards]
        if a.kind in ("inject", "apply_card", "choose"):
            entry["card"] = self._card(a.card)
        if a.kind == "skip":
            entry["card"] = self._card(before.card)
        if a.kind == "choose":
            card = self.cards.get(a.card or "")
            if card is not None and a.choice is not None and 0 <= a.choice < len(card.choices):
                entry["choice"] = card.choices[a.choice].label
        if a.kind == "note":
            entry["text"] = a.text
            about = result.get("about", a.about)
            entry["about"] = about
            entry["about_summary"] = self.about_summary(about)
        if a.kind == "undo":
            entry["undoes"] = result.get("undoes")
        if a.kind == "vote":
            entry["accept"] = a.accept
        if a.kind == "rule":
            entry["success"] = a.success
        if a.kind == "override":
            entry["set"] = {
                k: v
                for k in ("position", "tension", "status", "meter", "value")
                if (v := getattr(a, k)) is not None
            }
        if result.get("revealed"):
            entry["revealed"] = list(result["revealed"])
        if result.get("game_over") or (after.over and not before.over):
            entry["game_over"] = result.get("game_over") or after.end_reason
        return entry

    def move_outcome(self, seq: int, result: Mapping[str, Any]) -> str:
        if seq in self.undone_by:
            return "undone"
        ruled = self.ruled_at.get(seq)
        if ruled is not None:
            return (Ruling.from_result(self.by_seq[ruled].result) or Ruling()).outcome
        if result.get("tabled"):
            return "pending"
        return "applied"

    def about_summary(self, about: Any) -> str | None:
        if about == 0:
            return "the start of the game"
        event = self.by_seq.get(about) if isinstance(about, int) else None
        return event.summary if event is not None else None

    def notes(self) -> list[dict[str, Any]]:
        out = []
        for ev in self.events:
            if ev.action.kind != "note":
                continue
            about = ev.result.get("about", ev.action.about)
            target = self.by_seq.get(about) if isinstance(about, int) else None
            out.append(
                {
                    "seq": ev.seq,
                    "round": ev.round,
                    "phase": ev.phase,
                    "time": ev.time,
                    "text": ev.action.text,
                    "about": about,
                    "about_round": target.round if target else None,
                    "about_kind": target.action.kind if target else None,
                    "about_summary": self.about_summary(about),
                    "about_undone": bool(target and target.seq in self.undone_by),
                }
            )
        return out

    # -- the timeline ------------------------------------------------------

    def timeline(self, log: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rounds: dict[int, dict[str, Any]] = {}
        last_index: dict[int, int] = {}
        by_seq = {e["seq"]: e for e in log}

        def round_of(r: int) -> dict[str, Any]:
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

        open_card: dict[str, Any] | None = None
        for i, entry in enumerate(log, 1):
            r = round_of(entry["round"])
            last_index[entry["round"]] = i
            kind = entry["kind"]
            base = {
                "seq": entry["seq"],
                "summary": entry["summary"],
                "undone": entry["undone"],
                "undone_by": entry["undone_by"],
            }
            if kind in ("draw", "redraw", "inject") and entry.get("card"):
                open_card = {
                    **base,
                    "how": {"draw": "drawn", "redraw": "redrawn", "inject": "injected"}[kind],
                    **{k: entry["card"][k] for k in ("title", "text", "track", "track_name", "control_note")},
                    "card": entry["card"]["id"],
                    "set_aside": [c["title"] for c in entry.get("set_aside") or []],
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
            elif kind == "skip" and open_card is not None:
                open_card["skipped"] = {"seq": entry["seq"], "how": "skipped", "reason": entry.get("reason")}
            if kind == "redraw" and r["cards"][:-1] and r["cards"][-2]["answer"] is None:
                r["cards"][-2]["skipped"] = {"seq": entry["seq"], "how": "redrawn", "reason": None}
            if kind == "move":
                r["moves"].append(
                    {
                        **base,
                        **{
                            k: entry.get(k)
                            for k in (
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
                        },
                        "changes_text": entry["changes_text"],
                    }
                )
            elif kind == "pass":
                r["passes"].append({**base, "actor": entry["actor"], "actor_name": entry["actor_name"]})
            elif kind in RULING_KINDS and entry["ruling"] is not None:
                move = by_seq.get(entry.get("proposal", -1))
                ruling = Ruling.from_data(entry["ruling"])
                r["rulings"].append(
                    {
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
                )
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
                    }
                )
        for tid, hist in self.history.items():
            for h in hist:
                round_of(h["round"])["status_changes"].append(
                    {**h, "track": tid, "track_name": self.tracks[tid].name}
                )
        final_round = self.states[-1].round
        for r, item in rounds.items():
            item["status_changes"].sort(key=lambda h: h["seq"])
            state = self.states[last_index[r]] if r in last_index else self.states[-1]
            item["end"] = _board(state)
            item["complete"] = r < final_round or (self.states[-1].over and self.damage is None)
        return [rounds[r] for r in sorted(rounds)]

    # -- series for charts -------------------------------------------------

    def series(self) -> dict[str, Any]:
        """Each track's position and tension, and each meter, at the start and at the end of each round."""
        last_index: dict[int, int] = {}
        for i, ev in enumerate(self.events, 1):
            last_index[ev.round] = i
        rounds = [0, *sorted(last_index)]
        states = [self.states[0], *(self.states[last_index[r]] for r in rounds[1:])]
        return {
            "rounds": rounds,
            "labels": ["start" if r == 0 else f"R{r}" for r in rounds],
            "tracks": {
                tid: {
                    "position": [s.tracks[tid].position for s in states],
                    "tension": [s.tracks[tid].tension for s in states],
                    "status": [s.tracks[tid].status for s in states],
                }
                for tid in self.tracks
            },
            "meters": {mid: [s.meters[mid] for s in states] for mid in self.meters},
        }


def _board(state: State) -> dict[str, Any]:
    return {
        "tracks": {tid: t.as_data() for tid, t in state.tracks.items()},
        "meters": dict(state.meters),
    }


def _damage(save: Save) -> dict[str, Any] | None:
    d = save.damage
    if d is None:
        return None
    return {"seq": d.seq, "line": d.line, "kind": d.kind, "detail": d.detail, "text": str(d)}
