"""What each seat sees: the game redacted for it, as plain JSON-ready dicts.

A seat is the facilitator, a human team, the projector or an observer.
Every view carries the public board (tracks, meters, the card on the table
without its control note, the proposals, the recent log); a team's view adds
its own resources, objectives and sealed entries, and the decision entries
that are its to make, each with an ``id`` the client sends back. The
facilitator's view adds the control note, every objective, who is connected,
the decision entries that are the facilitator's, and the played actions
(with their recorded outcomes) so the console can keep an engine replica.

What is secret to a seat is never put in its view: other teams' objectives
(the public ones included: a team's objectives are its own), sealed entries
of other teams before the reveal (and the undo of one), control notes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..content.grammar import plural_subject
from ..content.literal import literal
from ..content.models import resource_infos
from ..content.scenario import log_line
from ..engine import Action, State, legal_actions, objectives_met, waiting_for
from ..engine.telling import package_said, settled_notes, tell, undo_reason
from ..lang import Domain, current
from ..report.words import sealed_note, undo_sealed
from ..engine.adjudication import roll_modifiers
from ..engine.cards import aside_words
from ..engine.legal import lapsing
from ..engine.records import Ruling, changes_of
from ..engine.ending import last_review_warning
from ..engine.review import applied_card, end_lang, gated_counters, noted_in, undone_event
from ..engine.wording import (breakdown_points, changes_texts, choice_words, cost_words, effects_words,
                              failing_words, modifiers_words, move_words, names)
from ..play.arguing import (ArgueEntry, argue_entry, argument_spans, counter_entry,
                            strong_items)
from ..play.decisions import decision, lapse_said, own_move_options, with_partners
from ..play.working import is_ruling, working_lines
from .checks import Seat, seat_name  # (Seat: what a seat is, beside what it may do)
from ..play.picks import Act, AskRuling, Counter, MarkStrong, ReleaseCard

_, ngettext, N_ = Domain("seats").words()
pgettext = Domain("seats").pgettext
#: pgettext("plural subject", …): the form of a sentence whose subject, an actor's name, takes a plural verb

#: log lines in a view (the newest); the facilitator's console has every action
LOG_LINES = 40


class TableFacts(NamedTuple):
    """What the host knows beyond the engine state: bot seats, a card held for the facilitator, connections."""

    bots: Mapping[str, str] = {}
    card_held: bool = False
    connected: tuple[str, ...] = ()
    save_failed: str | None = None  # why the host's last write of the save failed, until one succeeds
    paused: bool = False  # the facilitator paused the game (or an undo of a bot's move did): nothing is taken
    teams: Mapping[str, str] = {}  # actor id -> the name its team was given (the save's header), as typed
    #: the save's name lost its file during the game and the save was written again, whole, for the facilitator:
    #: (the name it had, where the game is now, the command that resumes it after a crash)
    saved_again: tuple[str, str, str] | None = None
    #: with ``save_failed``: the error's number and the save's folder on the host's machine, for what to do there
    save_where: tuple[int | None, str] | None = None


class Entry(NamedTuple):
    """One entry of a seat's decision: pick it by ``id``."""

    id: str
    label: str
    action: Action | None  # what picking it does (a ruling's reason is sent with the pick)
    refusal: str | None = None  # the engine's reason it cannot be done now
    group: str | None = None  # a move's track (``@global``), for a client that groups entries
    needs: str | None = None  # what the pick must carry: "reason" (a ruling), "argument", "counter" (typed texts), "strong" (marks)
    form: Mapping[str, Any] | None = None  # what an argument's or a counter's entry asks for (limits, examples)
    templates: tuple[Action, ...] = ()  # an argument's ready-made actions, one per result (kept on the host)
    confirm: str | None = None  # a move's words (cost, effects): the seat asks before it commits it, as the hot seat


class Secrets(NamedTuple):
    """The secrets of one game state, worked out once for every seat's view."""

    sealed: Mapping[int, str]  # event seq -> the actor of a sealed entry not revealed
    undoes: Mapping[int, int]  # event seq of an undo -> the seq it undid
    counters: Mapping[int, str] = {}  # event seq -> the actor of a counter entered behind the gate, not revealed


def secrets(state: State) -> Secrets:
    """Sealed entries not revealed yet (an undone one never is), and which undo undid what; sealed counters too."""
    sealed: dict[int, str] = {}
    undoes: dict[int, int] = {}
    for event in state.log:
        result = event.result
        if result.get("sealed") and event.action.kind == "move":
            sealed[event.seq] = event.action.actor or ""
        revealed = result.get("revealed")
        if isinstance(revealed, list):
            for seq in revealed:
                sealed.pop(seq, None)
        target = result.get("undoes")
        if isinstance(target, int):
            undoes[event.seq] = target
    return Secrets(sealed, undoes, gated_counters(state.log))


# Every seat's view is worked out for the same state, one after the other: what does not depend on
# the seat is worked out once. The words of an event never change (a log is only appended to); the
# names belong to the scenario; the legal actions to the state. Each cache keeps the object it was
# worked out for, so an id reused by a new object is never mistaken for it.
_LINES: dict[tuple[int, str, bool], tuple[object, object, Mapping[str, str], dict[str, Any]]] = {}
_NAMES: dict[int, tuple[object, dict[str, str]]] = {}
_LEGAL: list[tuple[State, list[Action]]] = []


def _names(state: State) -> dict[str, str]:
    hit = _NAMES.get(id(state.scenario))
    if hit is None or hit[0] is not state.scenario:
        if len(_NAMES) > 64:
            _NAMES.clear()
        hit = _NAMES[id(state.scenario)] = (state.scenario, names(state))
    return hit[1]


#: the newest standing ruling of the last log walked back over: (its newest node, the ruling's event or None)
_RULED: list[tuple[Any, Any]] = []


def _standing_ruling(state: State, sealed: Mapping[int, str]) -> Any:
    """The newest event that settled a ruling and stands (not undone, no undo, not a sealed move unrevealed: what
    every seat may read), as the hot seat's ``l`` finds it (:func:`~tabletop.tui.rulingview.last_ruling`), or None.
    Walked back only over the events since the log last asked about (kept per log, whatever the language): a long
    game's views do not walk its whole log with every message. An undo or a reveal among them: walked further back."""
    cached = _RULED[0] if _RULED else None
    undone: set[int] = set()
    changed = False  # an undo or a reveal since the cached answer: it may no longer be the one
    node = state.history
    found = None
    while node is not None:
        if cached is not None and node is cached[0] and not changed:
            found = cached[1]
            break
        event = node.event
        target = event.result.get("undoes")
        if isinstance(target, int):
            undone.add(target)
            changed = True
        elif event.result.get("revealed"):
            changed = True
        elif event.seq not in undone and event.seq not in sealed and is_ruling(state, event):
            found = event
            break
        node = node.prev
    _RULED[:] = [(state.history, found)]
    return found


def _legal(state: State) -> list[Action]:
    if not _LEGAL or _LEGAL[0][0] is not state:
        _LEGAL[:] = [(state, legal_actions(state))]
    return _LEGAL[0][1]


def _acting(state: State) -> str | None:
    """The actor the game waits on; None: the facilitator or the game itself (a move whose track has closed is the
    facilitator's to set aside, whoever would vote on it: :func:`~tabletop.play.decisions.lapse_decision`)."""
    options = _legal(state)
    return options[0].actor if options and lapsing(state) is None else None


def _public_line(state: State, event: Any, teams: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An event in words as every seat may read it (the caller hides a sealed one), in the language of the moment;
    ``teams``: the names the room gave its teams (:attr:`TableFacts.teams`), a named team called so."""
    teams = teams or {}
    key = (id(event), current(), state.over)  # the step into the end says what lapsed only while the game is over
    hit = _LINES.get(key)
    if hit is None or hit[0] is not event or hit[1] is not state.scenario or hit[2] != teams:
        if len(_LINES) > 8192:
            _LINES.clear()
        n = _names(state)
        line = {"seq": event.seq, "round": event.round, "phase": event.phase,
                "kind": event.action.kind, "actor": event.action.actor,
                # a card a draw set aside with why, read on the board the draw read, as the hot seat's log says it
                # (found from outside, helper-373: every seat's log named it alone); worked out once an event
                "text": literal(tell(event, state.scenario, state.older(event.seq), teams=teams,
                                     aside=aside_words(state, event, state.scenario, called=n))),
                "changes": changes_texts(changes_of(event.result), n, breakdowns=breakdown_points(state.scenario),
                                         compact=True)}
        if event.action.time_up:  # the phase timer's pass: a seat's question for the team's move closes at it
            line["time_up"] = True
        if isinstance(event.result.get("undoes"), int):  # what it took back: a roll it undid leaves the dice panel
            line["undoes"] = event.result["undoes"]
        logs = event.result.get("log")
        if isinstance(logs, list) and logs:  # a move's or card's log lines, in the shown scenario's language
            line["logs"] = [literal(log_line(state.scenario, str(t))) for t in logs]
        told = settled_notes(state, event, state.scenario)
        if told:  # what it settled besides (a collapse, and what the package deal did to the other tracks)
            line["settled"] = [literal(t) for t in told]
        ruling = _ruling_part(state, event, line["text"], teams)
        if ruling is not None:  # the ruling's whole working, for the seat's ruling view (l), as the hot seat's
            line["ruling"] = ruling
        hit = _LINES[key] = (event, state.scenario, teams, line)
    return hit[3]


def _ruling_part(state: State, event: Any, told: str, teams: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """What a seat's ruling view shows of ``event`` besides its log line (``told``), or None (it settled no ruling):
    the ruling's working a line each (:func:`~tabletop.play.working.working_lines`), the event's words where the
    working says part of them (``text``: a facilitator's reason, said once), its resolution (``argue``: the projector
    and the console put it up as it is made), and what the package deal did. Public once made: an event hidden from
    the seat never comes here (:func:`log_lines`), and a ruling is made only on what the room has seen revealed."""
    if not is_ruling(state, event):
        return None
    part: dict[str, Any] = {"working": [literal(t) for t in working_lines(state, event)]}
    worked = literal(tell(event, state.scenario, state.older(event.seq), worked=True, teams=teams))
    if worked != told:
        part["text"] = worked
    ruling = Ruling.from_result(event.result)
    if ruling is not None:
        part["resolution"] = ruling.resolution
        if ruling.actor is not None:  # whose move it ruled: that team's screen puts the ruling up as it is made
            part["actor"] = ruling.actor
    package = package_said(state, event, state.scenario)
    if package:
        part["package"] = literal(package)
    return part


def entry_id(state: State, action: Action) -> str:
    """The id of an entry: the game's seq and a digest of the action (a stale pick never does something else)."""
    return entry_id_at(state.seq, action)


def entry_id_at(seq: int, action: Action) -> str:
    """:func:`entry_id` of ``action`` listed when the game stood at event ``seq``."""
    body = json.dumps(action.to_dict(), sort_keys=True, separators=(",", ":"))
    return f"{seq}-{hashlib.sha256(body.encode()).hexdigest()[:12]}"


def seat_view(state: State, seat: Seat, facts: TableFacts, known: Secrets | None = None) -> dict[str, Any]:
    """Everything ``seat`` may see now, as plain data."""
    known = known if known is not None else secrets(state)
    hidden = {seq for seq, actor in known.sealed.items() if seat.role != "facilitator" and actor != seat.actor}
    view: dict[str, Any] = {
        "seat": seat.id,
        "role": seat.role,
        "actor": seat.actor,
        "game": game_facts(state),
        "board": board(state, seat, hidden, known, facts.teams),
    }
    entries = seat_entries(state, seat, facts)
    view["decision"] = {"prompt": seat_prompt(state, seat, facts, bool(entries)),
                        "entries": [entry_data(e) for e in entries]}
    if seat.role == "team" and seat.actor is not None:
        view["own"] = own_facts(state, seat.actor, known)
    if seat.role == "facilitator":
        view["control"] = control_facts(state, facts)
    return view


def game_facts(state: State) -> dict[str, Any]:
    """The round, the phase, who is to act, whether the game is over, and the names of the actors, resources and moves."""
    rs = state.ruleset.ruleset
    out: dict[str, Any] = {
        "scenario": state.scenario.id,
        "name": literal(rs.name),
        "seq": state.seq,
        "round": state.round,
        "rounds": rs.turns,
        "phase": state.phase,
        "waiting": waiting_for(state),
        "turn": state.turn,
        "sealed_moves": bool(rs.sealed_moves),
        "over": state.over,
        "end_reason": literal(state.end_reason) if state.end_reason else None,
        "actors": [_described({"id": a.id, "name": literal(a.name), "color": a.color}, a.description)
                   for a in state.ruleset.actors],
        # a team's purse, its sealed entries and the reveal come as ids: the screen names them with these
        "resources": [{"id": r.id, "name": literal(r.name)} for r in resource_infos(state.ruleset)],
        # with what each move and actor stands for: the help (F1) says it of the entry a team has highlighted
        # (and a move made once per game for each team says so: the key only then, so other moves' facts keep their bytes)
        "moves": [_described({"id": m.id, "name": literal(m.name), **({"once_per_game": True} if m.once_per_game else {})},
                             m.description) for m in state.ruleset.moves],
    }
    # a seat marks a reason typed in another language, as the log line of the end does (found from outside:
    # "GAME OVER — Сесія завершена…" unmarked on an English projector, «…» (uk) in the log under it)
    lang = end_lang(state)
    if lang is not None:  # (only then: a view of any other game is as it was)
        out["end_lang"] = lang
    return out


def _described(part: dict[str, Any], description: str) -> dict[str, Any]:
    """A move's, an actor's or a track's facts, with its description when it has one (a scenario without any sends
    what it always sent)."""
    if description.strip():
        part["description"] = literal(description)
    return part


def board(state: State, seat: Seat, hidden: set[int], known: Secrets,
          teams: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The public board: tracks, meters, the card on the table, the proposals, the recent log (``teams``: the names
    the room gave its teams, :attr:`TableFacts.teams`)."""
    n = _names(state)
    tracks = []
    for spec in state.ruleset.tracks:
        t = state.tracks[spec.id]
        tracks.append(_described({"id": spec.id, "name": n[spec.id], "position": t.position,
                                  "top": len(spec.ladder) - 1, "rung": literal(spec.ladder[t.position]),
                                  "tension": t.tension, "breakdown_at": spec.breakdown_at, "status": t.status,
                                  "provisional": t.provisional, "members": list(spec.members)}, spec.description))
    meters = [{"id": m.id, "name": n[m.id], "value": state.meters[m.id]} for m in state.ruleset.meters]
    queue = []
    for p in state.queue:
        if p.seq in hidden:
            queue.append({"seq": p.seq, "actor": p.actor, "sealed": True, "hidden": True})
        else:
            queue.append({"seq": p.seq, "actor": p.actor, "move": p.move, "track": p.track, "link": p.link,
                          "resolution": p.resolution, "sealed": p.sealed,
                          "votes": [[a, ok] for a, ok in p.votes]})
    out = {"tracks": tracks, "meters": meters, "card": card_facts(state, facilitator=seat.role == "facilitator"),
           "queue": queue, "log": log_lines(state, hidden, known, _notes_kept(seat, known), teams=teams)}
    # the newest ruling that stands, for the seat's l and a narrow projector's verdict line, though it be older than
    # the log lines sent (found in review: after 40 notes and moves, l said "No ruling yet"); public once made
    ruled = _standing_ruling(state, known.sealed)
    if ruled is not None and ruled.seq not in hidden:
        out["last_ruling"] = _public_line(state, ruled, teams)
    return out


def card_facts(state: State, facilitator: bool) -> dict[str, Any] | None:
    """The card on the table as the room hears it, or this round's card once applied (``applied``: true, as the
    hot seat's panel shows it); its control note only for the facilitator."""
    card_id = state.card if state.card is not None else applied_card(state)
    if card_id is None:
        return None
    card = state.scenario.index.cards[card_id]
    n = _names(state)
    out: dict[str, Any] = {
        "id": card.id, "title": literal(card.title), "text": literal(card.text),
        # a card whose choices are its whole effect says only the choices, as the hot seat's panel does
        "track": card.track, "effects": effects_words(card.effects, n) if card.effects or not card.choices else "",
        "chooser": card.chooser(),
        "choices": [{"label": literal(c.label), "effects": choice_words(card, c, n)} for c in card.choices],
    }
    if state.card is None:
        out["applied"] = True
    if facilitator and card.control_note:
        out["control_note"] = literal(card.control_note)
    return out


def _notes_kept(seat: Seat, known: Secrets) -> set[int]:
    """The sealed moves and the counters behind the gate ``seat`` may not read a note on yet (none, the facilitator):
    every team's sealed move, its own too, as the console's note dialog says ("the teams' screens show the note once
    the move is revealed"; found from outside, helper-183: the team whose move it was read the note before the
    reveal); every team's counter but its own."""
    if seat.role == "facilitator":
        return set()
    return {*known.sealed, *(seq for seq, actor in known.counters.items() if actor != seat.actor)}


def _on_hidden(state: State, about: int, hidden: set[int]) -> int | None:
    """The hidden sealed move (or gated counter) a note on ``about`` comes to (through a note on a note), or None."""
    target = about if about in hidden else noted_in(state, about)
    return target if target in hidden else None


def log_lines(state: State, hidden: set[int], known: Secrets, kept: set[int] | None = None,
              limit: int = LOG_LINES, teams: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """The newest events in words; a sealed entry the seat may not read yet (``hidden``) says only who committed
    one, and a note on a sealed move or a counter behind the gate the seat may not read a note on yet (``kept``;
    by default the entries ``hidden``) only what it is on. ``teams``: the names the room gave its teams."""
    kept = hidden if kept is None else kept
    n = _names(state)
    out = []
    for event in state.recent(limit):
        about = event.result.get("about") if event.action.kind == "note" else None
        if event.seq in hidden:
            text = _committed(state, event, n)
        elif known.undoes.get(event.seq) in hidden:
            undone = undone_event(state, event)
            actor = undone.action.actor if undone is not None else None
            text = undo_sealed(n.get(actor, actor) if actor else None, undo_reason(event))  # the hot seat's words
        elif isinstance(about, int) and kept and (target := _on_hidden(state, about, kept)) is not None:
            # the note may say what the move or the counter was (found from outside: "Note on event 49: Coffee
            # break…" on every screen and the projector before the counters were revealed)
            text = sealed_note(target, counter=target in known.counters)
        else:
            out.append(_public_line(state, event, teams))
            continue
        out.append({"seq": event.seq, "round": event.round, "phase": event.phase,
                    "kind": event.action.kind, "actor": event.action.actor, "text": text})
    return out


def _committed(state: State, event: Any, n: Mapping[str, str]) -> str:
    """A sealed move the seat may not read yet: who committed one."""
    said = (pgettext("plural subject", "{actor} committed a sealed move")
            if plural_subject(state.scenario, event.action.actor)
            else _("{actor} committed a sealed move"))
    return said.format(actor=n.get(event.action.actor or "", event.action.actor))


def own_facts(state: State, actor: str, known: Secrets) -> dict[str, Any]:
    """A team's own: its resources, its objectives (secret ones too) and its sealed entries."""
    met = objectives_met(state)[actor]
    mine = [p for p in state.queue if p.sealed and p.actor == actor]
    entered = _entered(state, min(p.seq for p in mine)) if mine else set()
    sealed = [{"seq": p.seq, "move": p.move, "track": p.track, "link": p.link, "revealed": p.seq not in known.sealed,
               "entered": p.seq in entered} for p in mine]
    return {
        "resources": dict(state.resources.get(actor, {})),
        "actions_left": 0 if actor in state.passed else state.actions_left.get(actor, 0),  # a pass ends its round
        "objectives": [{"text": literal(o.text), "track": o.track, "secret": o.secret, "met": ok} for o, ok in met],
        "sealed": sealed,
    }


def _entered(state: State, since: int) -> set[int]:
    """The events from ``since`` on that the facilitator entered for a team with no screen: each followed at once by
    the host's note about it (:meth:`~tabletop.seats.table.Table._note_entered`), as the save keeps it. Found from
    outside: a move the console entered for a team showed on its panel as the team's own, with no word of who
    entered it (the note is on a sealed entry: the team sees only that there is one)."""
    done = state.recent(state.seq - since + 1)
    return {e.seq for e, note in zip(done, done[1:]) if note.action.kind == "note" and note.action.about == e.seq}


def control_facts(state: State, facts: TableFacts) -> dict[str, Any]:
    """The facilitator's own: every objective, who is connected, the bots, a card held for a bot."""
    met = objectives_met(state)
    return {
        "objectives": {a: [{"text": literal(o.text), "track": o.track, "secret": o.secret, "met": ok}
                           for o, ok in rows] for a, rows in met.items()},
        "resources": {a: dict(r) for a, r in state.resources.items()},
        "connected": list(facts.connected),
        "bots": dict(facts.bots),
        "card_held": facts.card_held,
    }


def actions_since(state: State, start: int) -> list[dict[str, Any]]:
    """The actions played after the first ``start`` (outcomes included): the facilitator's replica plays them."""
    if start >= state.seq:
        return []
    return [e.action.to_dict() for e in state.recent(state.seq - start)]


def seat_entries(state: State, seat: Seat, facts: TableFacts) -> list[Entry]:
    """The decision entries that are ``seat``'s to make now (none for the projector and observers)."""
    if not seat.acts or state.over:
        return []
    acting = _acting(state)
    if seat.role == "team":
        if acting != seat.actor or acting in facts.bots:
            return []
        if waiting_for(state) == "move":
            return _move_entries(state, acting)
    elif (team := acting_for(state, seat, facts)) is not None:  # no screen of that team is connected: the console acts
        if waiting_for(state) == "move":
            return _move_entries(state, team)
    elif acting is not None and not (acting in facts.bots and facts.card_held):
        return []  # a team's (or a bot's) to make
    chosen = decision(state, acting, bots=facts.bots, card_held=facts.card_held)
    out = []
    for choice in chosen.entries:
        pick = choice.pick
        if isinstance(pick, Act):
            out.append(Entry(entry_id(state, pick.action), choice.label.plain, pick.action, choice.refusal))
        elif isinstance(pick, AskRuling):
            action = Action("rule", track=pick.track, success=pick.success, reason="")
            out.append(Entry(entry_id(state, action), choice.label.plain, action, needs="reason"))
        elif isinstance(pick, ReleaseCard):
            out.append(Entry(f"{state.seq}-release", choice.label.plain, None))
        elif isinstance(pick, Counter):
            template = pick.action
            head = state.queue[0]
            # marked in the seat's language as the board marks it (found from outside: «…» with no (ru))
            working = argument_spans(state, head, sealed=head.sealed, marked=True)
            about = "".join(text for text, _ in working).rstrip()
            # ``answers``: the argument's event seq, which a counter's kept draft is keyed by (tui/argument.draft_key)
            form = {**form_data(counter_entry(state, template)), "about": about, "answers": head.seq}
            # its template is the pass's action when the deck has no stock counter (found in review, helper-117: two
            # entries with one id crashed the screen's list, and a pick of the pass found the typed counter's entry)
            out.append(Entry(f"{entry_id(state, template)}-counter", choice.label.plain, template, needs="counter",
                             form=form))
        elif isinstance(pick, MarkStrong):
            # matrix odds: the console marks the strong reasons and counters, the engine works the odds out
            head = state.queue[0]
            template = Action("odds", track=pick.track, strong=())
            reasons = len(head.argument.reasons) if head.argument is not None else 0
            form = {"items": list(strong_items(head, state, marked=True)), "reasons": reasons}
            # its template is "None is strong"'s action: the id says it is the marks' entry
            out.append(Entry(f"{entry_id(state, template)}-marks", choice.label.plain, template, needs="strong",
                             form=form))
    return out


def form_data(entry: ArgueEntry) -> dict[str, Any]:
    """What an argument's (or a counter's) entry asks the seat to type, as it goes on the wire."""
    return {"title": entry.title, "results": list(entry.results), "wanted": [dict(w) for w in entry.wanted],
            "text_limit": entry.text_limit,
            "reason_limit": entry.reason_limit, "reasons": entry.reasons, "examples": list(entry.examples)}


def _move_entries(state: State, actor: str) -> list[Entry]:
    """A team's turn in the moves phase, flat: every own move on every track it sits at (refused ones say why), and pass.

    A matrix argument is one entry per track, whatever results it may ask for: the team types its
    action and reasons and chooses the result (the entry's ``form``), as on the hot seat.
    """
    n = _names(state)
    out = []
    # only the tracks the team sits at: a move at another's table is never the team's this game (found from outside:
    # a seat's list was 60 entries for Ukraine, 86 for Russia, most of them refused NOT_A_MEMBER); a refusal that can
    # change (cost, tension, phase) stays listed with its reason
    options = with_partners(state, [(a, p) for a, p in own_move_options(state, actor)
                                    if a.track is None or actor in state.scenario.index.tracks[a.track].members])
    arguments: dict[tuple[str, str | None], list[tuple[Action, Any]]] = {}
    for action, problem in options:
        if state.scenario.index.moves[action.move or ""].argue is not None and getattr(problem, "code", "") != "NOT_OFFERED":
            arguments.setdefault((action.move or "", action.track), []).append((action, problem))
    for action, problem in options:
        move = state.scenario.index.moves[action.move or ""]
        if move.argue is not None:
            found = arguments.pop((move.id, action.track), None)
            if found:  # one entry for all the results the argument may ask for, where its first one was
                out.append(_argue_entry(state, move.id, action.track, found))
            continue
        where = n.get(action.track or "", action.track or "")
        if action.link:
            label = _("{move} (with {track}) on {where}").format(move=literal(move.name), where=where,
                                                                   track=n.get(action.link, action.link))
        elif action.track:
            label = _("{move} on {where}").format(move=literal(move.name), where=where)
        else:  # a signal to everyone, on no track (the hot seat's confirmation says the same)
            label = _("{move} (global)").format(move=literal(move.name))
        out.append(Entry(entry_id(state, action), label, action, problem.message if problem else None,
                         action.track or "@global",
                         confirm=None if problem else _confirm_words(state, move, n, action)))
    passing = Action("pass", actor=actor)
    said = (pgettext("plural subject", "Pass \u2014 {actor} make no more moves this round")
            if plural_subject(state.scenario, actor)
            else _("Pass \u2014 {actor} makes no more moves this round"))
    out.append(Entry(entry_id(state, passing), said.format(actor=n[actor]),
                     passing))
    return out


def _confirm_words(state: State, move: Any, n: dict[str, str], action: Action) -> str:
    """What a move's question says before the seat commits it, as the hot seat's: its words, and a dice move's
    modifiers, those that hold on the board now marked (the engine's :func:`~tabletop.engine.adjudication.roll_modifiers`,
    the move's own cost paid)."""
    counted = (roll_modifiers(state, move, action.track, action.actor, committing=True)
               if move.resolution == "dice" else ())
    said = move_words(move, n, state.ruleset.ruleset.sealed_moves)
    modifiers = modifiers_words(move, n, counted)
    return f"{said}\n{modifiers}" if modifiers else said


def _argue_entry(state: State, move_id: str, track: str | None, found: list[tuple[Action, Any]]) -> Entry:
    """One argument entry on ``track``: the results it may ask for; refused in the engine's words if none is allowed."""
    n = _names(state)
    move = state.scenario.index.moves[move_id]
    allowed = tuple(a for a, p in found if p is None)
    refused = next((p for _, p in found if p is not None), None)
    label = _("{move} on {where}").format(move=literal(move.name), where=n.get(track or "", track or ""))
    # what it costs, and what failing costs: the dialog it opens asks only for the words
    label = " \u2014 ".join((label, "; ".join(w for w in (cost_words(move, n), failing_words(move, n)) if w)))
    if not allowed:
        first = found[0][0]
        return Entry(entry_id(state, first), label, first, refused.message if refused else None, track)
    # the dialog says what the move's question says (found from outside: it said nothing of cost or judging)
    form = {**form_data(argue_entry(state, allowed)), "about": _confirm_words(state, move, n, allowed[0])}
    return Entry(entry_id(state, allowed[0]), label, allowed[0], None, track, "argument", form, allowed)


def acting_for(state: State, seat: Seat, facts: TableFacts) -> str | None:
    """The team the facilitator's console acts for now: the one the game waits on, a human team with no screen
    connected (its laptop died, or it never joined); None when that team (or a bot) makes its own decision."""
    if seat.role != "facilitator" or state.over:
        return None
    acting = _acting(state)
    if acting is None or acting in facts.bots or f"team:{acting}" in facts.connected:
        return None
    return acting


def seat_prompt(state: State, seat: Seat, facts: TableFacts, has_entries: bool) -> str:
    """What the seat is asked, or whom the game waits on; every seat is told first that the game is paused, and
    before that when the save cannot be written (the facilitator why, and what to do)."""
    prompt = _seat_prompt(state, seat, facts, has_entries)
    if facts.paused and not state.over:  # (found from outside: after an undo the console still said "Waiting for …")
        prompt = (_("The game is paused: press p to resume it.") if seat.role == "facilitator"
                  else _("The game is paused: the facilitator resumes it.")) + " " + prompt
    if facts.saved_again is not None and seat.role == "facilitator" and not state.over:
        prompt = saved_again_words(*facts.saved_again) + " " + prompt
    if facts.save_failed is None or state.over:
        return prompt
    if seat.role != "facilitator":  # a team waiting on a bot's move the disk refused is told why nothing comes
        return _("The host cannot write the save just now: the game waits until it can, and nothing is lost. "
                 "{prompt}").format(prompt=prompt)
    # the folder named, as the hot seat names it (found from outside: "Free space on the disk" on a console that may
    # be on another laptop than the host's disk)
    from ..store.errors import disk_advice

    code, folder = facts.save_where or (None, ".")
    return _("The save could not be written ({why}): the last action was not done, nothing is lost. {advice}, on the "
             "machine that hosts the game: the game goes on as soon as it can write. {prompt}").format(
                 why=facts.save_failed, advice=disk_advice(code, Path(folder)), prompt=prompt)


def saved_again_words(before: str, path: str, command: str) -> str:
    """The host's save lost its name during the game and was written again, whole: where it is now, and how it is
    resumed after a crash (found from outside: a sync client wrote an older copy over it, the host went on in
    ``NAME-2.jsonl`` without a word, and a crash then resumed the stale copy). The hot seat's words, and the command."""
    return _("{before} was deleted, moved or written over during the game. Nothing is lost: every event is written "
             "again at {path}, with the join codes beside it. After a crash or a power cut, go on with: {command}"
             ).format(before=literal(before, lines=False), path=literal(path, lines=False),
                      command=literal(command, lines=False))


def _seat_prompt(state: State, seat: Seat, facts: TableFacts, has_entries: bool) -> str:
    n = _names(state)
    if state.over:
        return _("The game is over.")
    acting = _acting(state)
    if has_entries:
        team = acting_for(state, seat, facts)
        prompt = _entries_prompt(state, seat, facts, acting, team)
        if team is None:
            return prompt
        # the team as the console's lists call it, "Delegation A (Russia)" (found from outside: the actor alone); an
        # unnamed plural actor is "European NATO members / EU have" (found from outside: "… / EU has no screen")
        plural = team not in (facts.teams or {}) and plural_subject(state.scenario, team)
        said = (pgettext("plural subject", "{team} have no screen connected: you act for them. {prompt}") if plural
                else _("{team} has no screen connected: you act for it. {prompt}"))
        return said.format(team=seat_name(f"team:{team}", n, facts.teams), prompt=prompt)
    if acting is None:
        return lapse_said(state) or _("Waiting for the facilitator.")
    who = n.get(acting, acting)
    if acting in facts.bots and facts.card_held:
        # the bot answers once the facilitator lets it (found from outside: every screen but the console's said
        # "Waiting for European NATO members / EU (bot).", and the room took the bot for stuck)
        return _("Waiting for the facilitator to read the card out and let {who} (bot) answer it.").format(who=who)
    return (_("Waiting for {who} (bot).") if acting in facts.bots else _("Waiting for {who}.")).format(who=who)


def _entries_prompt(state: State, seat: Seat, facts: TableFacts, acting: str | None, team: str | None) -> str:
    n = _names(state)
    actor = seat.actor if seat.role == "team" else team
    if actor is not None and waiting_for(state) == "move":
        left = state.actions_left.get(actor, 0)
        # the pass is the list's last entry, under every move of every track (found from outside: ~30 entries, most
        # refused, and the pass below them all): End reaches it
        return ngettext("{actor}: pick a move ({n} action left), or pass (End: the last entry).",
                        "{actor}: pick a move ({n} actions left), or pass (End: the last entry).",
                        left).format(actor=n[actor], n=left)
    # an argument's step marks what the teams typed with its language where the seat reads another, ``“…” (ru)``, as
    # the board and the reports mark it (found from outside: a Ukrainian counter unmarked on a Russian console, a
    # Russian argument on Ukraine's seat)
    chosen = decision(state, acting, bots=facts.bots, card_held=facts.card_held, marked=True)
    prompt = chosen.prompt
    if hasattr(prompt, "plain"):
        return prompt.plain
    # the last round's review: its advance ends the game, and what that lets lapse is said before it, as the hot
    # seat's review says it (found in review: the console's said nothing)
    # each undecided move as the log names it, a sealed one not yet revealed as who committed one (the end question
    # on the shared screen says it so; found in review: the engine's raw English words, every seal broken)
    sealed = {p.seq for p in state.queue if p.sealed and not p.revealed}
    lapse = last_review_warning(state, n, lambda e: _committed(state, e, n) if e.seq in sealed
                                else literal(tell(e, state.scenario, state.older(e.seq))))
    return _("Round review.") + (f"\n{lapse}" if lapse else "")


def entry_data(entry: Entry) -> dict[str, Any]:
    """An entry as it goes on the wire."""
    out: dict[str, Any] = {"id": entry.id, "label": entry.label}
    if entry.action is not None:
        out["action"] = entry.action.to_dict()
    for key in ("refusal", "group", "needs", "form", "confirm"):
        value = getattr(entry, key)
        if value is not None:
            out[key] = dict(value) if key == "form" else value
    return out


__all__ = [
    "LOG_LINES",
    "Entry",
    "Seat",
    "Secrets",
    "TableFacts",
    "actions_since",
    "board",
    "card_facts",
    "control_facts",
    "entry_data",
    "entry_id",
    "entry_id_at",
    "game_facts",
    "log_lines",
    "own_facts",
    "seat_entries",
    "seat_prompt",
    "seat_view",
    "secrets",
]
