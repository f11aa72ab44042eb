"""The round review on the board: each track's net change over the round.

The numbers come from :mod:`tabletop.engine.review` (start of the round to
now, undone actions counting for nothing); this module only words them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.text import Text

from ..engine import State
from ..engine.actions import Event
from ..engine.rulingwords import odds_label
from ..engine.ending import last_review_warning
from ..engine.review import (PROVISIONAL, StatusStep, made_again, net_changes, net_meter_changes, status_steps,
                             undone_this_round)
from ..engine.wording import moved, provisional_words
from ..lang import Domain
from ..store.heads import head_line
from .text import hidden_seqs, names, room_told, status_name

_, ngettext, N_ = Domain("tui").words()

#: a round review names every track up to this many tracks; on a bigger board, those that changed
REVIEW_EVERY_TRACK_UP_TO = 12


def change_what(what: str) -> str:
    """What changed on a track (``position``, ``tension``, ``status``) as the room reads it."""
    words = {"position": _("position"), "tension": _("tension"), "status": _("status")}
    return words.get(what, what)


def _value(what: str, value: object) -> object:
    """A change's figure, or its status in the room's words (found from outside: "статус open→deferred",
    "open→agreed (provisional)" in a Ukrainian review)."""
    if what != "status":
        return value
    if value == PROVISIONAL:  # the words the track's line uses ("Borders: open"), with the engine's "(provisional)"
        return provisional_words(status_name("agreed"))
    return status_name(str(value))


def _status(state: State, track: str) -> str:
    """A track's status in the review, a provisional agreement said as one (found from outside: the last round's
    review read "Humanitarian: agreed" for a deal the end then let lapse)."""
    t = state.tracks[track]
    word = status_name(t.status)
    return provisional_words(word) if t.provisional else word


def _steps(steps: list[StatusStep], changed: bool) -> str:
    """A track's status changes over the round, each with its event, when the net change does not tell them: more
    than one, an override's, or none left at the round's end ("" else). Found from outside (helper-242): "Basin
    fund: open, no change" of a track collapsed and put back on the table by the facilitator's override."""
    if not steps or (len(steps) == 1 and changed and not steps[0].override):
        return ""
    said = [(_("{status} by the facilitator's override (#{seq})") if step.override else _("{status} (#{seq})"))
            .format(status=provisional_words(status_name(step.status)) if step.provisional else status_name(step.status),
                    seq=step.seq) for step in steps]
    return _("during the round: {steps}").format(steps=", ".join(said))


def review_text(state: State, head: tuple[int, str] | None = None) -> Text:
    """"Review of round N": per track its status and net change, then each meter that changed; what was undone,
    apart.

    ``head``: the save's (events, chain hash), shown last, to note in the
    minutes at each round's end (``tabletop verify --head``).
    """
    n = names(state)
    out = Text(_("Review of round {n}").format(n=state.round) + "\n", style="bold")
    # the advance ends the game: what it lets lapse is said first, in view above the tracks (found from outside: at
    # 80x24, under them, it was in the box's scrolled part, away from "End the game")
    lapse = last_review_warning(state, n, lambda e: room_told(state, e))  # each move as the end question says it
    if lapse:
        out.append(lapse + "\n", style="bold")
    net = net_changes(state)
    # a big board names the tracks that changed and counts the rest: read aloud, 250 lines of
    # "no change" would hide the few that matter (the board shows every track's status)
    quiet = [track for track, changes in net.items() if not changes] if len(net) > REVIEW_EVERY_TRACK_UP_TO else []
    steps = status_steps(state)
    for track, changes in net.items():
        during = _steps(steps.get(track, []), any(c.what == "status" for c in changes))
        if changes or during or not quiet:
            what = "; ".join([*(f"{change_what(c.what)} {moved(_value(c.what, c.before), _value(c.what, c.after), compact=True)}"
                                for c in changes), *([during] if during else [])]) or _("no change")
            out.append(f"  {n[track]}: {_status(state, track)}, {what}\n")
    if quiet:
        out.append("  " + ngettext("{n} other track: no change", "{n} other tracks: no change", len(quiet))
                   .format(n=len(quiet)) + "\n")
    # the meters too (found from outside: an override of Escalation 5→6 was in no round's review, only in the debrief)
    meters = [f"{n[meter]} {moved(before, after, compact=True)}" for meter, before, after in net_meter_changes(state)]
    if meters:
        out.append("  " + _("Meters: {meters}").format(meters=", ".join(meters)) + "\n")
    undone = undone_this_round(state)
    if undone:
        hidden = hidden_seqs(state, undone, {e.seq for e in undone})  # a sealed move taken back is never revealed
        # one made again and counted is not "not counted" (found from outside: a walk-out undone and played again)
        again = made_again(state)
        left_out = [e for e in undone if e.seq not in again]
        if left_out:
            out.append(_("Undone this round (not counted above):") + "\n", style="dim")
            for event in left_out:
                out.append(f"  {room_told(state, event, hidden)}\n", style="dim")
        redone = [e for e in undone if e.seq in again]
        if redone:
            out.append(_("Undone this round and made again (counted above):") + "\n", style="dim")
            this_round = {e.seq: e for e in state.this_round()}
            for event in redone:
                made = _made_again(event, this_round[again[event.seq]])
                out.append(f"  {room_told(state, event, hidden)} \u2014 {made}\n", style="dim")
    if head is not None:
        out.append(_("{head} \u2014 note it in the minutes").format(head=head_line(*head)) + "\n", style="italic")
    return out


def _made_again(taken_back: Event, again: Event) -> str:
    """``made again: #49``; a roll made again at other odds, or to another result, says so with its figures.

    Found from outside: "… succeeds — rolled 2+6 = 8 vs 7 (even) — made again: #49", where #49 was rolled vs 6
    (likely): the same action, the same dice after the undo, and another ruling."""
    before, after = _ruling_of(taken_back), _ruling_of(again)
    if before is None or after is None or before == after:
        return _("made again: #{seq}").format(seq=again.seq)
    if after.get("odds") is not None and after.get("odds") != before.get("odds"):
        return _("made again at other odds: #{seq}, {total} vs {target} ({odds})").format(
            seq=again.seq, total=after.get("total"), target=after.get("target"), odds=odds_label(str(after["odds"])))
    if (after.get("total"), after.get("target")) != (before.get("total"), before.get("target")):
        return _("made again, ruled otherwise: #{seq}, {total} vs {target}").format(
            seq=again.seq, total=after.get("total"), target=after.get("target"))
    return _("made again: #{seq}").format(seq=again.seq)


def _ruling_of(event: Event) -> Mapping[str, Any] | None:
    """A roll's ruling as saved (None: the event rolled nothing)."""
    ruling = event.result.get("ruling") if event.action.kind == "roll" and isinstance(event.result, Mapping) else None
    return ruling if isinstance(ruling, Mapping) else None


__all__ = ["review_text"]
