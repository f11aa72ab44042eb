"""``tabletop report --paired SAVE``: the same game replayed under the other independence rule.

The counterpart of a save's ruleset is the same ruleset, deck and seed with
``independence`` switched (strict ↔ linked): exactly what the bundled pair
``parallel-tracks`` / ``parallel-tracks-linked`` differ by, so only the rule
changes. Every recorded choice is played again in order, with the recorded
draws and dice (the same cards in the same order, the same rolls): luck and
rule are not mixed. A choice the other rule refuses (one of the engine's
independence codes) is left out and listed with the rule's refusal (a team whose
move was refused passes when the game waits on it, so the others play on as
recorded). A recorded step the replayed game cannot take for another reason (a
vote on a proposal never tabled there, a pass out of turn) followed from those
refusals: it is left out and kept apart, never given as the rule's reason, and
from the first of them the replay no longer follows the record. Notes are not
replayed (they are about the original events); once the replayed game is over,
the choices still to come are counted, not played, but for an undo of a choice the replayed game made: the
engine takes it on an ended game, as the recorded game did, and the replayed game goes on from there. The
replayed game lives in memory only: nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..engine import Action, RuleViolation, State, apply, new_game
from ..engine.actions import IndependenceBreach
from ..engine.codes import INDEPENDENCE_CODES
from ..engine.telling import tell
from ..store.lines import canonical
from ..store.reading import Save, SavedEvent
from ..store.savefile import event_record
from .words import one_line, phase_word
from ..lang import Domain

_, ngettext, N_ = Domain("report").words()

#: the other rule for each independence mode
OTHER = {"strict": "linked", "linked": "strict"}
#: the refusals that are the rule's own: its catalogue codes, and a breach of independence the engine caught itself
RULE_CODES = frozenset((*INDEPENDENCE_CODES, "independence"))
#: recorded kinds not played again: a note is about an event of the original game
NOT_REPLAYED = ("note",)


def paired_save(save: Save) -> tuple[Save, dict[str, Any]]:
    """The save's game replayed under the other rule, as a :class:`Save` held in memory, and what differed.

    The second value (plain data): ``independence`` (the rule the game was replayed under),
    ``replayed`` (choices played again), ``differed`` (each choice the rule refused: ``seq``, ``round``,
    ``summary``, ``code``, ``refusal``), ``out_of_step`` (each recorded step the replayed game could not take
    for another reason, as it followed from those refusals: the same keys, ``refusal`` the engine's message),
    ``out_of_step_from`` (the first of them, ``seq`` and ``round``: from there the replay no longer follows the
    record; None when it always did), ``never_made`` (choices left once the replayed game was over) and ``stopped``
    (a sentence when the replayed game ended early or had not ended).
    """
    mode = OTHER[save.scenario.ruleset.ruleset.independence]
    scenario = save.scenario.with_options(independence=mode)
    state = new_game(scenario, save.seed)
    events: list[SavedEvent] = []
    differed: list[dict[str, Any]] = []
    out_of_step: list[dict[str, Any]] = []
    never_made = 0
    replayed = 0
    owed: list[str] = []  # teams whose refused move left them a turn to end
    unmade: set[int] = set()  # recorded choices the replayed game did not make: an undo of one is not made either
    for ev in save.events:
        if ev.action.kind in NOT_REPLAYED:
            continue
        if state.over and not (ev.action.kind == "undo" and ev.result.get("undoes") not in unmade):
            never_made += 1
            unmade.add(ev.seq)
            continue
        state, refusal = _play(state, ev, owed, events)
        if refusal is not None:
            unmade.add(ev.seq)
            (differed if refusal["code"] in RULE_CODES else out_of_step).append(refusal)
            if ev.action.kind == "move" and ev.action.actor is not None:
                owed.append(ev.action.actor)
            continue
        replayed += 1
        events.append(_saved(state, ev.time))
    header = dict(save.header)
    header.pop("sealing", None)  # the replayed events carry no commitments: nothing was sealed at a table
    paired = Save(Path(save.path), header, scenario, events, None, save.header_chain, 0, 0)
    return paired, {
        "independence": mode,
        "replayed": replayed,
        "differed": differed,
        "out_of_step": out_of_step,
        "out_of_step_from": {"seq": out_of_step[0]["seq"], "round": out_of_step[0]["round"]} if out_of_step else None,
        "never_made": never_made,
        "stopped": _stopped(state, save, never_made),
    }


def _refused(state: State, ev: SavedEvent, exc: RuleViolation | IndependenceBreach) -> dict[str, Any]:
    """A recorded step the replayed game refuses, with the engine's code and message."""
    if isinstance(exc, RuleViolation):
        code, message = str(exc.code), exc.message
    else:
        code, message = "independence", str(exc)
    return {"seq": ev.seq, "round": ev.round, "summary": tell(ev, state.scenario), "code": code, "refusal": message}


def _play(
    state: State, ev: SavedEvent, owed: list[str], events: list[SavedEvent]
) -> tuple[State, dict[str, Any] | None]:
    """The state after the recorded choice, or the state as it stands and the choice's refusal.

    A team whose move was refused still holds its turn; when the game waits on it before the next recorded
    choice can be made, it passes (the pass is part of the replayed game, and the refusal says so).
    """
    while True:
        try:
            return apply(state, ev.action), None
        except (RuleViolation, IndependenceBreach) as exc:
            refusal = _refused(state, ev, exc)
        for actor in owed:
            try:
                state = apply(state, Action("pass", actor=actor))
            except RuleViolation:
                continue
            owed.remove(actor)
            events.append(_saved(state, ev.time))
            break
        else:
            return state, refusal


def _saved(state: State, time: str) -> SavedEvent:
    """The replayed event as a save would hold it (the original's time: the replay has no clock of its own)."""
    event = state.last
    assert event is not None
    record = event_record(event, state.hash, time)
    return SavedEvent(
        seq=event.seq,
        time=time,
        round=event.round,
        phase=event.phase,
        actor=event.action.actor,
        track=event.action.track,
        action=event.action,
        result=record["result"],
        state=state.hash,
        chain="",
        body=canonical(record),
    )


def _stopped(state: State, save: Save, never_made: int) -> str | None:
    """Why the two games are not the same length, in words; None when both ended together."""
    if state.over and never_made:
        return ngettext(
            "The replayed game ended in round {round} ({reason}); {n} recorded choice was never made.",
            "The replayed game ended in round {round} ({reason}); {n} recorded choices were never made.",
            never_made,
        ).format(round=state.round, reason=one_line(state.end_reason), n=never_made)
    if not state.over:
        return _("The recorded choices run out in round {round} ({phase} phase): under this rule the "
                 "game had not ended then, and the board is shown as it stood.").format(
            round=state.round, phase=phase_word(state.phase))
    return None
