"""The decision log of a report: one entry per intact event, with the working of its ruling, what became
of each move, and the facilitator's notes tied to the events they are about.

Every function reads a :class:`~tabletop.report.replayed.ReplayedGame`; text from the scenario, the deck
and the facilitator is kept as written (the writers make it safe for their format).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..engine import State
from ..engine.actions import FACILITATOR_KINDS
from ..engine.records import RULING_KINDS, Change, Ruling, changes_of
from ..engine.review import lapsed_at_end, roll_readings
from ..engine.telling import earlier_than, notes as told_notes, placed, set_aside_by, settled_notes, tell
from ..engine.rulingwords import ruling_text
from ..engine.cards import why_set_aside
from ..engine.wording import breakdown_points, changes_texts, entered_words, given_reason, team_called
from .replayed import ReplayedGame
from ..content.scenario import log_line
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()

if TYPE_CHECKING:
    from ..store.reading import SavedEvent


def decision_log(game: ReplayedGame) -> list[dict[str, Any]]:
    """Every intact event as a log entry, in order."""
    return [log_entry(game, i) for i in range(1, len(game.events) + 1)]


def _who(game: ReplayedGame, actor: str | None) -> str | None:
    return game.actors[actor].name if actor in game.actors else None


def _note_text(game: ReplayedGame, ev: SavedEvent) -> str | None:
    """A note's text: as typed, or, for tabletop's note on a decision entered for a team, in the report's words (a
    team the room named called so, with its actor, as on the console)."""
    entered = ev.action.entered
    if entered is None:
        return ev.action.text
    return entered_words(team_called(_who(game, entered) or entered, game.teams.get(entered)))


def _track_name(game: ReplayedGame, track: str | None) -> str | None:
    return game.tracks[track].name if track in game.tracks else None


def _card(game: ReplayedGame, card_id: Any) -> dict[str, Any] | None:
    card = game.cards.get(card_id) if isinstance(card_id, str) else None
    if card is None:
        return None
    return {
        "id": card.id,
        "title": card.title,
        "text": card.text,
        "track": card.track,
        "track_name": _track_name(game, card.track),
        "control_note": card.control_note,
    }


def changes_text(game: ReplayedGame, result: Mapping[str, Any]) -> list[str]:
    """An event's changes in words (names made safe)."""
    return changes_texts(changes_of(result), game.names, game.ladders, breakdowns=breakdown_points(game.scenario))


def log_entry(game: ReplayedGame, i: int) -> dict[str, Any]:
    """The log entry of the ``i``-th event (1-based): what every event has, then what its kind adds."""
    ev = game.events[i - 1]
    before, after = game.states[i - 1], game.states[i]
    a = ev.action
    result = ev.result
    aside = _asides(game, ev, before)  # worked out once: the summary's words and set_aside's alike
    entry = _entry_base(game, ev, aside)
    reason = a.reason if a.reason is not None else result.get("reason")
    if given_reason(reason):
        entry["reason"] = reason  # a person's (a simulated facilitator's too): what the save holds
    elif reason:
        # tabletop's own, in the facilitator's place ("ended by the facilitator"): no reason given, and a script can
        # tell (found from outside: "reason": "skipped by the facilitator" read as the facilitator's words)
        entry["recorded_reason"] = reason
    if a.lang is not None:
        entry["lang"] = a.lang  # the language its free text (reason, note, argument) was typed in
    if a.time_up:
        entry["time_up"] = True  # a pass the phase timer made, not the team's choice (absent: every other event)
    if a.kind in RULING_KINDS and ev.seq in game.proposal_of:
        _add_proposal(game, entry, ev)
    if a.kind == "move":
        _add_move(game, entry, ev)
    _add_card(game, entry, ev, before, aside)
    _add_kind_details(game, entry, ev)
    if result.get("revealed"):
        entry["revealed"] = list(result["revealed"])
    if result.get("game_over") or (after.over and not before.over):
        entry["game_over"] = result.get("game_over") or after.end_reason
        _add_end(game, entry, ev, before, after)
    return entry


def _add_end(game: ReplayedGame, entry: dict[str, Any], ev: SavedEvent, before: State, after: State) -> None:
    """What the end itself changed, among the changes of the step that made it: the provisional agreements it let
    lapse (no event records them: the engine's end turns the tracks open), worded as a recorded status change, and
    why they lapsed. Found from outside: a facilitator's end for want of time ("Out of time") listed no change in the
    timeline or the decision log, and the track turned open there with nothing to say why."""
    lapsed = lapsed_at_end(before, after)
    if not lapsed:
        return
    ended = [Change(before.tracks[t].status, after.tracks[t].status, track=t, what="status")  # untranslated: a key
             for t in game.tracks if t in lapsed]
    entry["changes_text"] += changes_texts(ended, game.names, game.ladders)
    entry["effect_notes"] = settled_notes(after, ev, game.scenario)  # why: the package was not complete


def _readings(game: ReplayedGame, ev: SavedEvent, ruling: Ruling) -> tuple[int | str, ...] | None:
    """What a roll's modifiers read when the dice were thrown (the replay's working says it too)."""
    if not ruling.modifiers or not 0 < ev.seq < len(game.states) or game.events[ev.seq - 1] is not ev:
        return None
    return roll_readings(game.states[ev.seq - 1], ev)  # type: ignore[arg-type]


def _asides(game: ReplayedGame, ev: SavedEvent, before: State) -> dict[str, str]:
    """Each card a draw (or a redraw) set aside, by id, named with why it could not be played on ``before``, the
    board the draw read: in the summary's words and the entry's ``set_aside`` (the timeline's) alike; and those of
    the draw an undo took back, taken on the board that draw read (found from outside, helper-367: the undo's
    summary named them alone)."""
    ids = [c for c in set_aside_by(ev) if c in game.cards]
    return why_set_aside(before, ids, game.scenario, called=game.names) if ids else {}


def _entry_base(game: ReplayedGame, ev: SavedEvent, aside: Mapping[str, str]) -> dict[str, Any]:
    """What every entry has: when, who, what, whether undone, the ruling's working and the changes (``aside``: the
    cards a draw set aside, named with why, :func:`_asides`)."""
    a = ev.action
    result = ev.result
    ruling = Ruling.from_result(result)
    at = placed(ev, game.scenario)
    return {
        "seq": ev.seq,
        "time": ev.time,
        "round": ev.round,  # as saved: the round and phase it was taken in
        "phase": ev.phase,
        # the round and phase it is labelled with, as the replay labels it: a step to the next phase is in the phase
        # it opens, an undo in the one it goes back to (engine.telling.placed)
        "label_round": at.round,
        "label_phase": at.phase,
        "kind": a.kind,
        "actor": ev.actor,
        "actor_name": _who(game, ev.actor),
        "track": ev.track,
        "track_name": _track_name(game, ev.track),
        # beside its working (a facilitator's reason is said there once: found from outside, it was said in both)
        "summary": tell(ev, game.scenario, earlier_than(game.events, ev.seq), worked=True, teams=game.teams,
                        aside=aside),
        # the odds the facilitator set (no team's vote) are its judgement, marked as its powers are
        "facilitator": a.kind in FACILITATOR_KINDS or (a.kind == "odds" and a.actor is None),
        "undone": ev.seq in game.undone_by,
        "undone_by": game.undone_by.get(ev.seq),
        "ruling": dict(result["ruling"]) if ruling is not None else None,  # as saved
        # a facilitator's reason typed in another language than the report's marked «…» (ru), as the summary is
        "working": (ruling_text(ruling, game.names, _readings(game, ev, ruling), lang=a.lang)
                    if ruling is not None else None),
        "changes": [dict(c) for c in result.get("changes") or []],
        "changes_text": changes_text(game, result),
        "effect_notes": told_notes(ev, game.scenario),
        "effect_log": [log_line(game.scenario, str(t)) for t in result.get("log") or []],  # in the shown language
        "notes": list(game.notes_on.get(ev.seq, [])),
    }


def _add_proposal(game: ReplayedGame, entry: dict[str, Any], ev: SavedEvent) -> None:
    """A ruling: the proposal it rules on, and whose move that was."""
    entry["proposal"] = game.proposal_of[ev.seq]
    head = game.by_seq.get(game.proposal_of[ev.seq])
    if head is not None:
        entry["proposal_actor"] = head.actor
        entry["proposal_actor_name"] = _who(game, head.actor)
        entry["move"] = head.action.move
        entry["move_name"] = game.moves[head.action.move].name if head.action.move in game.moves else None


def _add_move(game: ReplayedGame, entry: dict[str, Any], ev: SavedEvent) -> None:
    """A move: which, how it resolves, whether sealed, and what became of it."""
    a = ev.action
    result = ev.result
    move = game.moves.get(a.move or "")
    entry["move"] = a.move
    entry["move_name"] = move.name if move else None
    entry["resolution"] = move.resolution if move else None
    entry["link"] = a.link
    entry["link_name"] = _track_name(game, a.link)
    entry["sealed"] = ev.seq in game.sealed
    entry["revealed_at"] = game.revealed_at.get(ev.seq)
    entry["ruled_at"] = game.ruled_at.get(ev.seq)
    entry["outcome"] = move_outcome(game, ev.seq, result)
    if result.get("paid"):
        entry["paid"] = dict(result["paid"])


def _add_card(game: ReplayedGame, entry: dict[str, Any], ev: SavedEvent, before: State,
              aside: Mapping[str, str]) -> None:
    """The card an event draws, injects, answers or skips, and the choice taken (``aside``: :func:`_asides`)."""
    a = ev.action
    result = ev.result
    if a.kind in ("draw", "redraw"):
        outcome = result.get("outcome") or {}
        entry["card"] = _card(game, outcome.get("card"))
        entry["set_aside"] = [_aside(game, c, aside) for c in outcome.get("set_aside") or [] if c in game.cards]
    if a.kind in ("inject", "apply_card", "choose"):
        entry["card"] = _card(game, a.card)
    if a.kind == "skip":
        entry["card"] = _card(game, before.card)
    if a.kind == "choose":
        card = game.cards.get(a.card or "")
        if card is not None and a.choice is not None and 0 <= a.choice < len(card.choices):
            entry["choice"] = card.choices[a.choice].label


def _aside(game: ReplayedGame, card_id: str, aside: Mapping[str, str]) -> dict[str, Any]:
    """A card a draw set aside, with ``why``: its title and why it could not be played on the board the draw read, as
    the board's line says it (found from outside, helper-319: the report gave the title alone)."""
    card = _card(game, card_id)
    assert card is not None
    return {**card, "why": aside[card_id]}


def _add_kind_details(game: ReplayedGame, entry: dict[str, Any], ev: SavedEvent) -> None:
    """What a note, an undo, a vote, a ruling by hand or an override adds."""
    a = ev.action
    result = ev.result
    if a.kind == "note":
        entry["text"] = _note_text(game, ev)
        if a.entered is not None:
            entry["entered"] = a.entered  # the team the facilitator entered the decision for (the text: words)
        about = result.get("about", a.about)
        entry["about"] = about
        entry["about_summary"] = about_summary(game, about)
    if a.kind == "undo":
        entry["undoes"] = result.get("undoes")
    if a.kind == "counter" and ev.seq in game.gated:
        entry["gated"] = True  # behind the gate when the save stops: a note on it is kept from the room
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


def move_outcome(game: ReplayedGame, seq: int, result: Mapping[str, Any]) -> str:
    """What became of a move: undone, lapsed, applied, succeeds, fails, pending, or unsettled (still tabled when the
    game ended: found from outside, a proposal never voted on read "pending" in the report of a game over)."""
    if seq in game.undone_by:
        return "undone"
    ruled = game.ruled_at.get(seq)
    if ruled is not None:
        return (Ruling.from_result(game.by_seq[ruled].result) or Ruling()).outcome
    if result.get("tabled"):
        return "unsettled" if game.states and game.states[-1].over else "pending"
    return "applied"


def about_summary(game: ReplayedGame, about: Any) -> str | None:
    """The summary of the event a note is about (0: the start of the game); a draw's cards set aside (or those of the
    draw an undo took back) named with why, as that event's own row says it (:func:`_asides`; found from outside,
    helper-373: the note's heading named them alone)."""
    if about == 0:
        return _("the start of the game")
    event = game.by_seq.get(about) if isinstance(about, int) else None
    if event is None:
        return None
    return tell(event, game.scenario, earlier_than(game.events, event.seq), teams=game.teams,
                aside=_asides(game, event, game.states[event.seq - 1]))


def notes(game: ReplayedGame) -> list[dict[str, Any]]:
    """The facilitator's notes, each with the event it is about."""
    out = []
    for ev in game.events:
        if ev.action.kind != "note":
            continue
        about = ev.result.get("about", ev.action.about)
        target = game.by_seq.get(about) if isinstance(about, int) else None
        at = placed(ev, game.scenario)
        out.append(
            {
                "seq": ev.seq,
                "round": ev.round,
                "phase": ev.phase,
                "label_round": at.round,  # as the decision log's "label_round" (a note is placed where it is taken)
                "label_phase": at.phase,
                "time": ev.time,
                "text": _note_text(game, ev),
                **({"entered": ev.action.entered} if ev.action.entered is not None else {}),
                "about": about,
                "about_round": target.round if target else None,
                "about_label_round": placed(target, game.scenario).round if target else None,
                "about_kind": target.action.kind if target else None,
                "about_summary": about_summary(game, about),
                "about_undone": bool(target and target.seq in game.undone_by),
                **({"lang": ev.action.lang} if ev.action.lang is not None else {}),
            }
        )
    return out
