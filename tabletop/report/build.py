"""The debrief report of one save as plain data (DESIGN 6a).

:func:`build_report` reads a :class:`~tabletop.store.Save` and returns one
JSON-serialisable dict; the Markdown and HTML writers only lay it out. Text
from the scenario, the deck and the facilitator is kept exactly as written
here (the JSON report is the record); the writers make it safe for their
format. Worded working (``working``, ``changes_text``) is built from names
passed through :func:`~tabletop.report.words.literal`.

This module assembles the report; its parts come from
:mod:`~tabletop.report.replayed` (the save replayed and indexed: outcome,
objectives, series), :mod:`~tabletop.report.decisions` (the decision log and
notes) and :mod:`~tabletop.report.timeline` (per round).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .._version import __version__
from ..engine import State
from ..store import SaveError
from ..store.continuation import continues, written_again_in
from ..store.heads import head_line
from ..store.reading import Save, open_save
from .arguments import arguments_part
from .decisions import decision_log, notes
from .players import players_part
from .principle import principle, prompts
from .replayed import ReplayedGame, objectives, outcome, replay_game, series
from .timeline import timeline
from .words import cut_at_damage, left_out, one_line, phase_word
from ..lang import SOURCE, Domain, current

_, ngettext, N_ = Domain("report").words()

REPORT_FORMAT = "tabletop-report"
REPORT_VERSION = 1
#: The warning of a save that stops before the game's end.
NOT_ENDED = N_("The game had not ended when the save stops (round {round}, {phase} phase): "
               "outcomes are as they stood then.")


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
    cards, moves, rulings, facilitator events, notes, status changes, the
    engine's end of the game in the round it came in (``game_over``) and
    the board at the end of the round), ``log`` (every event with the working
    of its ruling, undone and facilitator events marked), ``notes`` (each tied
    to the event it is about), ``series`` (values by round, for charts) and
    ``damage`` (None, or what is wrong and where: the report then covers the
    intact part before it), ``players`` (who played each actor) and
    ``principle`` (the agreements that stood beside collapses, and a package deal's cascade step by
    step: see :mod:`~tabletop.report.principle`), ``prompts`` (the deck's discussion prompts, per track),
    ``arguments`` (every matrix argument per track, with its reasons, counters, odds and roll: see
    :mod:`~tabletop.report.arguments`) and
    ``audience`` (who the report is for, and what it leaves out: see
    :func:`~tabletop.report.audience.for_audience`).
    """
    from .audience import for_audience

    if not isinstance(save, Save):
        save = load(save)
    return for_audience(assemble_report(save), audience)


def assemble_report(save: Save, full: bool = True) -> dict[str, Any]:
    """The report for every audience; without ``full`` only what a comparison needs (scenario, outcome,
    damage). :func:`build_report` and :func:`~tabletop.report.render.render` narrow it to an audience.
    """
    game = replay_game(save)
    final = game.states[-1]
    ended = outcome(game, final)
    report: dict[str, Any] = {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generated_by": f"tabletop {__version__}",  # untranslated: name and number
        "scenario": scenario_part(game),
        "outcome": ended,
        "principle": principle(game, ended),
        "prompts": prompts(game, ended),
        "arguments": arguments_part(game),
        "players": players_part(game.save, game.rs),
        "objectives": objectives(game, final),
        "damage": game.damage,
        "replay": {"checked": len(game.events), "first_mismatch": game.mismatch},
        "chain_head": chain_head(game),
        "warnings": warnings(game, final),
    }
    if full:
        log = decision_log(game)
        report["timeline"] = timeline(game, log)
        report["log"] = log
        report["notes"] = notes(game)
        report["series"] = series(game)
    return report


def chain_head(game: ReplayedGame) -> dict[str, Any]:
    """The chain hash after the last event reported: hold it against one noted at the table."""
    chain = game.events[-1].chain if game.events else game.save.header_chain
    return {"event": len(game.events), "hash": chain, "text": head_line(len(game.events), chain)}


def warnings(game: ReplayedGame, final: State) -> list[str]:
    """What a reader must know before trusting the report: damage, a replay that differs, an unended game,
    the scenario's texts not in the report's language."""
    out = []
    if game.damage is not None:
        out.append(
            _("This save is damaged at {where}. The report covers the intact events before it ({n}).").format(
                where=game.damage["text"], n=game.damage["intact_events"]) + left_out(game.damage)
        )
    if game.damage is None or (game.damage["seq"] and not game.damage.get("continued_in")):
        again = written_again_in(game.save.path, len(game.events))
        if again is not None:  # found from outside: an older copy left at the save's name read as the whole game
            out.append(_("This file is an older copy: the game went on from its events in {path}, where tabletop "
                         "wrote the whole game when this file was written over during play; that save's report "
                         "covers the rest.").format(path=one_line(str(again))))
    went_on_from = continues(game.save.path)
    if went_on_from is not None:  # found from outside: a recovered copy's debrief read as the whole game
        original, kept = went_on_from
        out.append(ngettext("This save is a recovered copy: its first event is that of the damaged save {path}, and "
                            "the game went on here after it (tabletop resume).",
                            "This save is a recovered copy: its first {n} events are those of the damaged save "
                            "{path}, and the game went on here after them (tabletop resume).",
                            kept).format(n=kept, path=original))
    if not final.over and cut_at_damage(game.damage):  # the game went on in the lines after the damage
        out.append(_("The report stops at the damage (round {round}, {phase} phase): outcomes are as they stood "
                     "there, not at the game's end.").format(round=final.round, phase=phase_word(final.phase)))
    elif not final.over:
        out.append(_(NOT_ENDED).format(round=final.round, phase=phase_word(final.phase)))
    if current() != SOURCE:  # a Ukrainian report whose cards are in English says why
        from ..content.overlays import untranslated

        why = untranslated(game.save.scenario, current())
        if why is not None:
            out.append(why)
    return out


def scenario_part(game: ReplayedGame) -> dict[str, Any]:
    """The ruleset, the deck and the save the game was played with, as recorded."""
    h = game.save.header
    o = game.rs.ruleset
    times = [e.time for e in game.events if e.time]
    return {
        "file": Path(game.save.path).name,
        "path": str(game.save.path),
        "ruleset_id": o.id,
        "ruleset_name": o.name,
        "description": o.description,
        "deck_id": game.scenario.deck.deck.id,
        "deck_name": game.scenario.deck.deck.name,
        "independence": o.independence,
        "turns": o.turns,
        "actions_per_round": o.actions_per_round,
        "sealed_moves": o.sealed_moves,
        "reveal_objectives": o.reveal_objectives,
        "phases": list(o.phases),
        "seed": game.save.seed,
        "created": h.get("created"),
        "app_version": h.get("app_version"),
        "save_version": h.get("version"),
        "simulated": bool(h.get("simulated", False)),
        "events": len(game.events),
        "first_event_time": times[0] if times else None,
        "last_event_time": times[-1] if times else None,
        "actors": [
            {"id": a.id, "name": a.name, "description": a.description, "color": a.color,
             "resources": dict(a.resources)}
            for a in game.rs.actors
        ],
        # what each move means, in the scenario's words (players read them on the board too)
        "moves": [{"id": m.id, "name": m.name, "description": m.description} for m in game.rs.moves],
        "tracks": [
            {
                "id": t.id,
                "name": t.name,
                "description": t.description,
                "members": list(t.members),
                "ladder": list(t.ladder),
                "agreement_at": t.agreement_at,
                "breakdown_at": t.breakdown_at,
                "start_position": t.start_position,
                "start_tension": t.start_tension,
                "threshold": t.threshold(),
                "vetoes": list(t.vetoes()),
            }
            for t in game.rs.tracks
        ],
        "meters": [
            {"id": m.id, "name": m.name, "description": m.description, "min": m.min, "max": m.max, "start": m.start}
            for m in game.rs.meters
        ],
    }

