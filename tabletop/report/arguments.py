"""The arguments of a game, per track, for the debrief: the richest record of a workshop (issue 17).

Every matrix argument made in the save, under its track (ruleset order): who
argued, the action and the result wanted, each reason and counter as typed,
the odds and who set them, the roll and what it did, each roll of it undone before the one that stands (and the
odds set again after it), and the facilitator's
overrides of the track that followed the ruling (the room saw them) — or the
step it waits on when the save stops before its ruling, or the undo that
withdrew it. The texts are kept exactly as typed (the JSON report is the
record); ``headline`` and ``lines`` are worded through
:mod:`tabletop.engine.wording`, which sanitises them, and each format escapes
them its own way.

A participants' report (:func:`seal_arguments`) leaves out what the room has
not seen: an argument sealed and not revealed, and counters still behind the gate.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..content.grammar import plural_subject
from ..engine.arguments import argument_step
from ..engine.records import RULING_KINDS, Ruling
from ..engine.rulingwords import argued_parts, argument_parts, odds_label, ruling_text
from ..engine.telling import tell
from ..engine.wording import argued_words, lapsed_word, undone_word, wanted_words
from .decisions import changes_text
from .replayed import ReplayedGame
from .words import one_line, outcome_word
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()
pgettext = Domain("report").pgettext

_WAITS = {"counter": N_("waiting for counters"), "odds": N_("waiting for the odds"), "roll": N_("waiting for the roll")}


def arguments_part(game: ReplayedGame) -> list[dict[str, Any]]:
    """Each track with arguments, in ruleset order, and its arguments in the order they were made."""
    per_track: dict[str, list[dict[str, Any]]] = {t.id: [] for t in game.rs.tracks}
    final = game.states[-1]
    pending = {p.seq: p for p in final.queue if p.argument is not None}
    typed = _counter_languages(game)
    # in the same walk: each track's arguments and rulings (where what follows a ruling stops being its story), and
    # its overrides not undone, for :func:`_overridden` (found by a growth test: a walk of the log for each ruling)
    bounds: dict[str, list[int]] = {}
    overrides: dict[str, list[Any]] = {}
    ruled_entries: list[tuple[str, int, dict[str, Any]]] = []
    rulings_of: dict[int, list[int]] = {}  # each argument's rulings, undone ones too, in order
    for ruling_seq, head_seq in game.proposal_of.items():
        rulings_of.setdefault(head_seq, []).append(ruling_seq)
    for ev in game.events:
        a = ev.action
        if a.kind == "override":
            if ev.seq not in game.undone_by and a.track is not None:
                overrides.setdefault(a.track, []).append(ev)
            continue
        if a.kind in RULING_KINDS:
            head = game.by_seq.get(game.proposal_of.get(ev.seq, -1))
            if head is not None and ev.seq not in game.undone_by and head.action.track is not None:
                bounds.setdefault(head.action.track, []).append(ev.seq)
            continue
        if a.kind != "move" or a.wanted is None or a.track not in per_track:
            continue
        if ev.seq not in game.undone_by:
            bounds.setdefault(a.track, []).append(ev.seq)
        entry = _argument(game, ev)
        ruled = game.ruled_at.get(ev.seq)
        if ruled is not None and ruled in game.by_seq:
            _add_ruling(game, typed, entry, Ruling.from_result(game.by_seq[ruled].result), ruled)
            ruled_entries.append((a.track, ruled, entry))
        elif ev.seq in pending:
            _add_pending(game, typed, entry, pending[ev.seq])
        elif ev.seq in game.undone_by:
            entry["outcome"] = _withdrawn(game, ev.seq)
            # what it argued, as the replay shows it (found from outside: a headline, "withdrawn", and no text)
            entry["lines"] = argued_parts(Ruling(resolution="argue", text=a.text, wanted=tuple(entry["wanted"].items()),
                                                 reasons=tuple(a.reasons or ())), game.names)
        entry["undone_rolls"] = _undone_rolls(game, sorted(rulings_of.get(ev.seq, ())), entry["odds"])
        entry["headline"] = _headline(game, entry)
        per_track[a.track].append(entry)
    seqs = {track: [ev.seq for ev in evs] for track, evs in overrides.items()}
    for track, ruled, entry in ruled_entries:
        if track in overrides:
            entry["overrides"] = _overridden(game, overrides[track], seqs[track], bounds.get(track, []), ruled)
    return [
        {"track": t.id, "track_name": t.name, "arguments": per_track[t.id]}
        for t in game.rs.tracks
        if per_track[t.id]
    ]


def _argument(game: ReplayedGame, ev: Any) -> dict[str, Any]:
    a = ev.action
    wanted = dict(a.wanted or {})
    return {
        "seq": ev.seq,
        "round": ev.round,
        "actor": a.actor,
        "actor_name": game.names.get(a.actor or "", a.actor),
        "move": a.move,
        "text": a.text,
        "wanted": wanted,
        "wanted_text": wanted_words(wanted) if wanted else "",  # in the report's language (the record: ``wanted``)
        "reasons": list(a.reasons or ()),
        "counters": [],
        "counters_sealed": False,
        "sealed": ev.seq in game.sealed,
        "revealed_at": game.revealed_at.get(ev.seq),
        "undone": ev.seq in game.undone_by,
        "undone_by": game.undone_by.get(ev.seq),
        "ruled_at": None,
        "outcome": _("not ruled in this save"),
        "odds": None,
        "odds_by": None,
        "dice": [],
        "lines": [],
        "working": None,
        "undone_rolls": [],  # its rolls undone before the ruling that stands (see _undone_rolls)
        "overrides": [],  # the facilitator's overrides of the track after its ruling (see _overridden)
        **({"lang": a.lang} if a.lang is not None else {}),  # the language its text and reasons were typed in
    }


def _overridden(game: ReplayedGame, overrides: list[Any], seqs: list[int], bounds: list[int],
                ruling: int) -> list[dict[str, Any]]:
    """The facilitator's overrides of a track (``overrides``: its override events not undone, in order; ``seqs``:
    theirs) after its
    ruling ``ruling`` (a seq), up to the track's next argument or ruling (``bounds``: their seqs, in order): what
    became of the result the room saw ruled.

    Found from outside (helper-222): Ukraine's humanitarian argument read "succeeds" under Arguments, and nothing
    more, where the room had seen the facilitator set the track back 1 → 0 with a reason at once (#28); only the
    timeline and the decision log said so. Each is worded as the timeline words it (:func:`tell`, its changes).
    """
    after = bisect_right(bounds, ruling)
    until = bounds[after] if after < len(bounds) else None
    out = []
    for ev in overrides[bisect_right(seqs, ruling):]:
        if until is not None and ev.seq > until:
            break
        a = ev.action
        said = changes_text(game, ev.result)
        changes = "; ".join(said)
        override = tell(ev, game.scenario)
        out.append({
            "seq": ev.seq,
            "round": ev.round,
            "set": {k: v for k in ("position", "tension", "status") if (v := getattr(a, k)) is not None},
            "reason": a.reason,
            **({"lang": a.lang} if a.lang is not None else {}),  # the language its reason was typed in
            "changes_text": said,
            "line": (_("then, at #{seq}: {override}; {changes}").format(seq=ev.seq, override=override, changes=changes)
                     if changes else _("then, at #{seq}: {override}").format(seq=ev.seq, override=override)),
        })
    return out


def _undone_rolls(game: ReplayedGame, rulings: list[int], odds_now: str | None) -> list[dict[str, Any]]:
    """An argument's rolls an undo took back (``rulings``: the seqs of all its rulings, in order; ``odds_now``: the
    odds it stands at), each with what came after it: the odds set again when they changed.

    Found from outside: under Arguments, Russia's argument read "odds: likely …" and its roll of 2 + 6 = 8 against 6,
    and nothing more, where the facilitator had rolled it at even odds (2 + 6 = 8 vs 7, #45), undone the roll and
    the odds, and set likely: the same dice come again after an undo, so the odds were chosen with the dice seen.
    """
    out = []
    for i, seq in enumerate(rulings):
        ruling = Ruling.from_result(game.by_seq[seq].result) if seq in game.by_seq else None
        if seq not in game.undone_by or ruling is None or ruling.resolution != "argue" or len(ruling.dice) != 2:
            continue
        later = next((r for r in rulings[i + 1:] if r in game.by_seq), None)
        next_ruling = Ruling.from_result(game.by_seq[later].result) if later is not None else None
        odds_again = next_ruling.odds if next_ruling is not None else odds_now
        line = _("rolled {first} + {second} = {total} vs {target} ({odds}) at #{seq}, undone at #{undo}").format(
            first=ruling.dice[0], second=ruling.dice[1], total=ruling.total, target=ruling.target,
            odds=odds_label(ruling.odds), seq=seq, undo=game.undone_by[seq])
        changed = odds_again is not None and odds_again != ruling.odds
        if changed:
            line = _("{rolled}; odds set again: {odds}").format(rolled=line, odds=odds_label(odds_again))
        out.append({"seq": seq, "undone_by": game.undone_by[seq], "dice": list(ruling.dice), "total": ruling.total,
                    "target": ruling.target, "odds": ruling.odds, "success": ruling.success,
                    "odds_again": odds_again if changed else None, "line": line})
    return out


def _withdrawn(game: ReplayedGame, seq: int) -> str:
    """What became of an argument an undo took back (the undo is a stack: a ruling of it was taken back first).

    Found from outside (helper-222): an undone argument read "Round 4: … — not ruled in this save", as if it were still waiting."""
    undo = game.undone_by[seq]
    rulings = [r for r, head in game.proposal_of.items() if head == seq and r in game.undone_by]
    if not rulings:
        return _("withdrawn: undone at #{undo} before its ruling").format(undo=undo)
    last = max(rulings)
    return _("withdrawn: undone at #{undo}, after its ruling #{ruling} was undone at #{ruling_undo}").format(
        undo=undo, ruling=last, ruling_undo=game.undone_by[last])


def _counter_languages(game: ReplayedGame) -> dict[tuple[str | None, str | None], str]:
    """The language each counter (its actor and text) was typed in, where the save says (its counter's event):
    read once a report, not once an argument (a long game's arguments each walked the whole log)."""
    return {(e.action.actor, e.action.text): e.action.lang for e in game.events
            if e.action.kind == "counter" and e.action.lang is not None}


def _counters(game: ReplayedGame, typed: dict[tuple[str | None, str | None], str], pairs: Any) -> list[dict[str, Any]]:
    """Each counter as typed, with the language it was typed in where the save says."""
    return [{"actor": a, "actor_name": game.names.get(a, a), "text": t,
             **({"lang": typed[a, t]} if (a, t) in typed else {})} for a, t in pairs]


def _add_ruling(game: ReplayedGame, typed: dict[tuple[str | None, str | None], str], entry: dict[str, Any],
                ruling: Ruling | None, seq: int) -> None:
    if ruling is None or ruling.resolution != "argue":
        return
    entry.update(
        ruled_at=seq,
        counters=_counters(game, typed, ruling.counters),
        odds=ruling.odds,
        odds_by=ruling.odds_by,
        votes=[list(v) for v in ruling.votes],
        strong=list(ruling.strong),
        dice=list(ruling.dice),
        total=ruling.total,
        target=ruling.target,
        success=ruling.success,
        lapsed=ruling.lapsed,
        outcome=ruling.outcome,
        # the result as ruled: the facilitator may have scaled back what was asked
        ruled_result=ruling.effect,
        lines=argument_parts(ruling, game.names),
        working=ruling_text(ruling, game.names),
    )


def _add_pending(game: ReplayedGame, typed: dict[tuple[str | None, str | None], str], entry: dict[str, Any],
                 proposal: Any) -> None:
    """An argument the save stops before ruling: the counters entered so far (held back while sealed)."""
    argument = proposal.argument
    step = argument_step(argument)
    sealed = proposal.sealed and step == "counter"
    entry.update(counters=_counters(game, typed, argument.counters), counters_sealed=sealed, outcome=_(_WAITS[step]),
                 odds=argument.odds, odds_by=argument.odds_by)
    def lines(counters: Any) -> list[str]:
        ruling = Ruling(resolution="argue", text=argument.text, reasons=argument.reasons, counters=counters,
                        odds=argument.odds, odds_by=argument.odds_by, strong=argument.strong, votes=argument.votes,
                        effect=wanted_words(dict(argument.wanted)))
        return argument_parts(ruling, game.names)

    entry["lines"] = lines(argument.counters)
    if sealed:
        # what the room saw: the counters stay behind the gate until the last is in
        entry["room_lines"] = [*lines(()), ngettext("{n} counter(s) entered behind the gate", "{n} counter(s) entered behind the gate",
                                               len(argument.counters)).format(n=len(argument.counters))]


def _headline(game: ReplayedGame, entry: dict[str, Any]) -> str:
    """``Round 2: Mediating states argue for progress +1 — succeeds``, ``… argue for deferring the track — …`` (a plural
    verb for a plural name)."""
    wanted = argued_words(entry["wanted"]) if entry.get("wanted") else entry["wanted_text"]
    text = (pgettext("plural subject", "Round {round}: {actor} argue for {wanted} \u2014 {outcome}")
            if plural_subject(game.scenario, entry["actor"])
            else _("Round {round}: {actor} argues for {wanted} \u2014 {outcome}")).format(
        round=entry["round"], actor=one_line(entry["actor_name"]), wanted=wanted,
        # a lapse says why, as the timeline does (found from outside: "— lapsed", then the whole roll, no reason)
        outcome=lapsed_word() if entry["outcome"] == "lapsed" else outcome_word(entry["outcome"]))
    return f"{undone_word()} {text}" if entry["undone"] else text


def seal_arguments(report: dict[str, Any], hidden: set[int]) -> bool:
    """Leave out of a participants' report what the room has not seen; True if counters were held back.

    An argument sealed and not revealed goes whole: the room saw "a sealed move, committed", and a headline
    naming it an argument under its track would say which kind of move it is and where (the log's entry, which
    says only that, stays). Counters still behind the gate go; the argument they answer stays.
    """
    left_out = False
    kept_tracks = []
    for track in report.get("arguments", []):
        track["arguments"] = [entry for entry in track["arguments"] if entry["seq"] not in hidden]
        for entry in track["arguments"]:
            if entry["counters_sealed"]:
                entry["counters"] = []
                entry["lines"] = entry.pop("room_lines", [])
                left_out = True
        if track["arguments"]:
            kept_tracks.append(track)
    if "arguments" in report:
        report["arguments"] = kept_tracks
    return left_out


__all__ = ["arguments_part", "seal_arguments"]
