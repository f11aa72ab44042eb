"""One save replayed for its report: the state after every intact event, indexes over the events, and
the parts read from the states (how each track ended, each actor's objectives, values by round).

:func:`replay_game` gives a :class:`ReplayedGame`; the timeline and the decision log read it and never
replay anything themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..engine import State, objectives_met
from ..engine.records import RULING_KINDS, Ruling
from ..engine.review import end_lang, ended_at, gated_counters, rounds_played
from ..engine.telling import earlier_than, placed, tell
from ..engine.partwords import STOCK
from ..engine.wording import RESOURCE, modifier_names, wants_text
from ..store import SaveError
from ..store.continuation import continued_in, lines_after, lines_left_out
from ..store.errors import damage_words
from ..store.players import team_names
from ..store.reading import Save
from ..content import ContentError
from ..content.models import resource_infos
from ..lang import Domain, current
from .words import cut_at_damage, one_line

_, ngettext, N_ = Domain("report").words()

if TYPE_CHECKING:
    from ..content.scenario import Scenario
    from ..store.reading import SavedEvent


def _label(value: Any) -> str:
    return one_line(value)


class ReplayedGame:
    """A save replayed: the scenario's lookup tables, the intact events and the state after each.

    ``states[0]`` is the start of the game and ``states[i]`` the state after ``events[i - 1]``.
    ``damage`` is None or what is wrong and where; ``mismatch`` the first event whose record (its state,
    its result...) is not what the replay gives, where the intact part ends (the damage then says how).
    """

    def __init__(self, save: Save):
        self.save = save
        # the texts in the report's language (the save's own translations); ids and numbers are the base's
        self.scenario = shown_scenario(save)
        rs = self.scenario.ruleset
        self.rs = rs
        self.tracks = {t.id: t for t in rs.tracks}
        self.actors = {a.id: a for a in rs.actors}
        #: actor id -> the name the room gave its team (the header's), as typed: a named team is called so
        self.teams = team_names(save.header, self.actors)
        self.meters = {m.id: m for m in rs.meters}
        self.moves = {m.id: m for m in rs.moves}
        self.cards = {c.id: c for c in self.scenario.deck.cards}
        # names for worded text (made safe); the raw names are in ``scenario``
        self.names: dict[str, str] = {
            **{m.id: _label(m.name) for m in rs.meters},
            **{t.id: _label(t.name) for t in rs.tracks},
            **{a.id: _label(a.name) for a in rs.actors},
            **{RESOURCE + r.id: _label(r.name) for r in resource_infos(rs)},
            **{STOCK + text: _label(words) for text, words in self.scenario.stock_words.items()},  # bots' texts
        }
        self.names.update(modifier_names(self.scenario, self.names))  # a roll's modifiers in the report's words
        self.ladders = {t.id: t.ladder for t in rs.tracks}
        self.events: list[SavedEvent] = list(save.events)
        self.damage = _damage(save)
        self.states: list[State] = []
        self.mismatch: int | None = None
        # indexes over the events (see index_events)
        self.undone_by: dict[int, int] = {}
        self.notes_on: dict[int, list[int]] = {}
        self.revealed_at: dict[int, int] = {}
        self.ruled_at: dict[int, int] = {}
        self.proposal_of: dict[int, int] = {}
        self.sealed: set[int] = set()
        self.gated: set[int] = set()  # counters entered behind the gate and never revealed in the save
        self.by_seq: dict[int, SavedEvent] = {}
        self.history: dict[str, list[dict[str, Any]]] = {}


def shown_scenario(save: Save) -> Scenario:
    """The save's scenario with its texts in the language of the moment, from the translations in its header.

    A header whose translations cannot be read leaves the report in the base texts, never without a report.
    """
    try:
        return save.translated(current())
    except ContentError:
        return save.scenario


def replay_game(save: Save) -> ReplayedGame:
    """Replay a save and index its events: everything its report is made from."""
    game = ReplayedGame(save)
    replay(game)
    index_events(game)
    game.history = status_history(game)
    return game


# -- replay ----------------------------------------------------------------


def replay(game: ReplayedGame) -> None:
    """The state after every intact event; an event that does not replay ends the intact part."""
    # every record is held against the replay: one that differs ends the intact part, as verify names it
    difference = game.save.check_records()
    game.events = list(game.save.events)
    game.damage = _damage(game.save)
    game.states = [game.save.state_at(0)]
    for i, event in enumerate(game.events, 1):
        try:
            game.states.append(game.save.state_at(i))
        except SaveError as exc:
            game.damage = {
                "seq": event.seq,
                "line": event.seq + 1,
                "kind": exc.kind,
                "detail": exc.message,
                "text": _("event {seq} (line {line}): {kind}: {detail}").format(
                    seq=event.seq, line=event.seq + 1, kind=damage_words(exc.kind), detail=exc.message),
                "lines_after": lines_after(game.save.path, event.seq + 1),
            }
            game.events = game.events[: i - 1]
            break
    if game.damage is not None:
        game.damage["intact_events"] = len(game.events)
        # what the warning counts, as resume's note in the copy counts it; a torn last line is dropped, as resume
        # drops it, and counted by neither
        torn = game.damage["kind"] == "torn tail"  # untranslated: a damage kind (an id)
        game.damage["lines_left_out"] = 0 if torn else lines_left_out(game.save.path, len(game.events))
        went_on = continued_in(game.save.path, len(game.events)) if game.damage["seq"] else None
        game.damage["continued_in"] = None if went_on is None else str(went_on)
    # the first event that does not replay as it was recorded (its state, its result): the intact part ends there
    game.mismatch = None if difference is None else difference.seq


# -- indexes over the events -----------------------------------------------


def index_events(game: ReplayedGame) -> None:
    """Which event undoes which, the notes on each, when sealed moves were revealed and ruled."""
    game.undone_by = {}
    game.notes_on = {}
    game.revealed_at = {}
    game.ruled_at = {}
    game.proposal_of = {}
    game.sealed = set()
    game.gated = set(gated_counters(game.events))
    game.by_seq = {e.seq: e for e in game.events}
    for ev in game.events:
        if ev.action.kind == "undo" and isinstance(ev.result.get("undoes"), int):
            game.undone_by[ev.result["undoes"]] = ev.seq
    for i, ev in enumerate(game.events, 1):
        kind = ev.action.kind
        before, after = game.states[i - 1], game.states[i]
        if kind == "note":
            about = ev.result.get("about", ev.action.about)
            if isinstance(about, int):
                game.notes_on.setdefault(about, []).append(ev.seq)
        elif kind == "advance":
            for seq in ev.result.get("revealed") or []:
                game.revealed_at[seq] = ev.seq
        elif kind == "move" and any(p.seq == ev.seq and p.sealed for p in after.queue):
            game.sealed.add(ev.seq)
        if kind in RULING_KINDS and before.queue:
            # a lapsed ruling does not name its proposal: the head of the queue does
            ruling = Ruling.from_result(ev.result)
            proposal = ruling.proposal if ruling is not None else None
            head = proposal if proposal is not None else before.queue[0].seq
            game.proposal_of[ev.seq] = head
            if ruling is not None and ev.seq not in game.undone_by:
                game.ruled_at[head] = ev.seq


def status_history(game: ReplayedGame) -> dict[str, list[dict[str, Any]]]:
    """Every change of a track's status (or provisional flag), from the states themselves."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in game.tracks}
    for i, ev in enumerate(game.events, 1):
        before, after = game.states[i - 1], game.states[i]
        for tid in game.tracks:
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
                        "summary": tell(ev, game.scenario, earlier_than(game.events, ev.seq)),
                        "undone": ev.seq in game.undone_by,
                    }
                )
    return out


# -- how the game ended --------------------------------------------------


def agreed_row(history: list[dict[str, Any]], before_seq: int | None = None,
               provisional: bool = False) -> dict[str, Any] | None:
    """The step of a track's status ``history`` that last agreed it (before event ``before_seq``; ``provisional``:
    provisionally), not undone. An undo that put an agreement back (a collapse taken back) made no new one: the
    agreement is the step before it. Found from outside (helper-108): agreements of rounds 2 and 3, put back by the
    undo of a round-5 collapse, were "provisionally agreed in round 5" in the report."""
    for h in reversed(history):
        if before_seq is not None and h["seq"] >= before_seq:
            continue
        if h["to"] == "agreed" and not h["undone"] and h["kind"] != "undo" and (h["to_provisional"] or not provisional):
            return h
    return None


def outcome(game: ReplayedGame, final: State) -> dict[str, Any]:
    """How each track and meter stood at the end, and how the game ended."""
    history = game.history
    # the provisional deals that lapsed as the game ended (an undone end is no end); not one a collapse reopened
    # before (found from outside: a deal a walk-out had reopened at #96 was said to have "lapsed when the game ended")
    ending = ended_at(final)
    ended = ending[1] if ending is not None else set()
    tracks = []
    for spec in game.rs.tracks:
        t = final.tracks[spec.id]
        hist = history[spec.id]
        lapsed = spec.id in ended and t.is_open
        # a provisional agreement that did not become firm: the package deal's cost
        provisional_round = None
        if not (t.status == "agreed" and not t.provisional):
            row = agreed_row(hist, provisional=True)
            provisional_round = row["round"] if row is not None else None
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
        # the language the facilitator typed the end reason in (absent: the engine's reason, or none recorded)
        **({"end_lang": typed} if (typed := end_lang(final)) is not None else {}),
        "round": final.round,  # the round it is in, or ended in
        "phase": final.phase,
        # that round too once something happened in it (engine.review.rounds_played: not a game ended as it opened)
        "rounds_played": rounds_played(final),
        "complete": final.over and game.damage is None,
        # False where the report stops at damage with lines after it: whether the game ended there is not known
        "end_known": final.over or not cut_at_damage(game.damage),
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
            for m in game.rs.meters
        ],
    }


def objectives(game: ReplayedGame, final: State) -> list[dict[str, Any]]:
    """Each actor's objectives, met or not at the end (secret ones flagged)."""
    met = objectives_met(final)
    out = []
    for actor in game.rs.actors:
        # judged on the game's own scenario, worded from the report's (its translation: the same objectives in order)
        rows = [
            {
                "text": shown.text,
                "track": obj.track,
                "track_name": game.tracks[obj.track].name if obj.track in game.tracks else obj.track,
                "wants": wants_text(obj, game.ladders.get(obj.track, ())),
                "met": ok,
                "secret": obj.secret,
            }
            for shown, (obj, ok) in zip(actor.objectives, met.get(actor.id, []), strict=True)
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


# -- series for charts ----------------------------------------------------


def series(game: ReplayedGame) -> dict[str, Any]:
    """Each track's position and tension, and each meter, at the start and at the end of each round."""
    last_index: dict[int, int] = {}
    # a last round nothing happened in (ended as it opened) is no column: what opened and ended it goes with the
    # round before, as a last round's end does (found from outside: an «Р3» column for a game of two rounds)
    played = rounds_played(game.states[-1]) or None
    for i, ev in enumerate(game.events, 1):
        at = placed(ev, game.scenario).round  # as the replay's lanes: by the round an event is placed in
        last_index[min(at, played) if played else at] = i
    rounds = [0, *sorted(last_index)]
    states = [game.states[0], *(game.states[last_index[r]] for r in rounds[1:])]
    return {
        "rounds": rounds,
        "labels": [_("start") if r == 0 else _("R{round}").format(round=r) for r in rounds],
        "tracks": {
            tid: {
                "position": [s.tracks[tid].position for s in states],
                "tension": [s.tracks[tid].tension for s in states],
                "status": [s.tracks[tid].status for s in states],
            }
            for tid in game.tracks
        },
        "meters": {mid: [s.meters[mid] for s in states] for mid in game.meters},
    }


def _damage(save: Save) -> dict[str, Any] | None:
    d = save.damage
    if d is None:
        return None
    return {"seq": d.seq, "line": d.line, "kind": d.kind, "detail": d.detail, "text": str(d),
            "lines_after": lines_after(save.path, d.line)}
