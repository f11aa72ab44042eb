"""Who a report is for: the facilitator sees everything; the participants' copy keeps the table's secrets.

``participants`` leaves out every card's control note, every discussion
prompt not marked ``participants = true``, the game's seed and the save's
folder (and its file name, when that holds the seed), and shows a secret
objective only once the game is over and only if the ruleset reveals
objectives at the end (``reveal_objectives = "end"``, the default). A sealed
move not revealed when the save stops shows as committed, as the room saw it,
and so does a sealed argument, and counters still behind the gate.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .arguments import seal_arguments
from ..engine.review import noted_event
from ..lang import Domain
from .words import (CONTROL_NOTES, FACILITATOR_PROMPTS, GATED_ARGUMENTS, NOTES_KEPT, SEALED_MOVE, SEALED_UNREVEALED,
                    SECRETS_HIDDEN, SEED_AND_FOLDER, NAME_WITH_SEED, sealed_committed, sealed_note, sealed_note_text, undo_sealed)

_, ngettext, N_ = Domain("report").words()

AUDIENCES = ("facilitator", "participants")


def for_audience(report: dict[str, Any], audience: str = "facilitator") -> dict[str, Any]:
    """The report as ``audience`` may read it (a copy when anything is left out)."""
    if audience not in AUDIENCES:
        raise ValueError(_("unknown audience '{audience}' (expected one of {audiences})").format(
            audience=audience, audiences=", ".join(AUDIENCES)))
    if audience == "facilitator":
        return {**report, "audience": {"for": "facilitator", "left_out": []}}
    out = copy.deepcopy(report)
    _drop_control_notes(out)
    left_out = [_(CONTROL_NOTES)]
    sealed, noted = _seal_unrevealed(out)
    if sealed:
        left_out.append(_(SEALED_UNREVEALED))
    gated = seal_arguments(out, {e["seq"] for e in out.get("log", []) if e.get("sealed") and not e.get("revealed_at")})
    if gated:
        left_out.append(_(GATED_ARGUMENTS))
    if noted and not sealed and not gated:  # a note on a counter taken back before the reveal (found in review)
        left_out.append(_(NOTES_KEPT))
    if "objectives" in out and not secrets_revealed(out):
        hidden = 0
        for actor in out["objectives"]:
            shown = [o for o in actor["objectives"] if not o["secret"]]
            hidden += len(actor["objectives"]) - len(shown)
            actor["objectives"] = shown
            actor["met"] = sum(1 for o in shown if o["met"])
            actor["total"] = len(shown)
        if hidden:
            never = out["scenario"].get("reveal_objectives") == "never"
            left_out.append(_(SECRETS_HIDDEN[0] if never else SECRETS_HIDDEN[1]))
    if "prompts" in out:
        shown_prompts = [p for p in out["prompts"] if p["participants"]]
        if len(shown_prompts) < len(out["prompts"]):
            left_out.append(_(FACILITATOR_PROMPTS))
        out["prompts"] = shown_prompts
    # the seed foretells every card and die of a live game; the path names the facilitator's folders (its file name
    # stays) (found by a security auditor)
    seed = out["scenario"].pop("seed", None)
    out["scenario"].pop("path", None)
    left_out.append(_(SEED_AND_FOLDER))
    if _holds_seed(out["scenario"].get("file") or "", seed):  # found from outside: -seed-NNN.jsonl
        out["scenario"]["file"] = None
        left_out.append(_(NAME_WITH_SEED))
    out = _without_folders(out, seed)
    out["audience"] = {"for": "participants", "left_out": left_out}
    return out


def _holds_seed(name: str, seed: int | None) -> bool:
    """Whether a save's file name holds the game's seed (simulate's ``-seed-NNN.jsonl``) as a number of its own: with
    seed 7, "room17" or a timestamp is no hint of it (found from outside: a plain substring test left them out)."""
    return seed is not None and re.search(rf"(?<!\d){seed}(?!\d)", name) is not None


#: a save's whole path in a text: from a slash (or a drive) that opens a word, to the first ``.jsonl``
_SAVE_PATH = re.compile(r"(?<!\S)(?:[A-Za-z]:)?[/\\][^\n]*?\.jsonl\b")


def _without_folders(data: Any, seed: int | None) -> Any:
    """``data`` with every save's path in its texts cut to the file's name, and a name that holds the seed worded
    (found from outside, helper-332: the note of a recovered copy, or of a save continued from the older format, and
    the warning over it printed the facilitator's whole path, and the seed of a simulate-style name, in the
    participants' copy that said it left them out)."""
    if isinstance(data, str):
        if "jsonl" not in data:
            return data

        def named(found: re.Match[str]) -> str:
            name = re.split(r"[/\\]", found.group())[-1]
            return _("(its file name left out: it holds the seed)") if _holds_seed(name, seed) else name

        return _SAVE_PATH.sub(named, data)
    if isinstance(data, dict):
        return {key: _without_folders(value, seed) for key, value in data.items()}
    if isinstance(data, list):
        return [_without_folders(value, seed) for value in data]
    return data


def secrets_revealed(report: dict[str, Any]) -> bool:
    """May the participants read the secret objectives: the game is over and the ruleset reveals them."""
    return bool(report["outcome"]["over"]) and report["scenario"].get("reveal_objectives", "end") == "end"


_SEALED_KEYS = ("move", "move_name", "track", "track_name", "link", "link_name", "resolution")


def _seal_unrevealed(report: dict[str, Any]) -> tuple[bool, bool]:
    """Sealed moves never revealed in the save: only who committed one, as the screen showed it. Whether any was
    hidden, and whether a note was kept from the room (on such a move or on a counter never revealed)."""
    hidden: dict[int, str] = {}
    teams: dict[int, str] = {}  # whose each hidden move was
    noted = False
    for entry in report.get("log", []):
        if entry.get("sealed") and not entry.get("revealed_at"):
            teams[entry["seq"]] = entry.get("actor_name") or _("a team")
            entry["summary"] = hidden[entry["seq"]] = sealed_committed(teams[entry["seq"]])
            for key in _SEALED_KEYS:
                entry[key] = None
            entry["move_name"] = _(SEALED_MOVE)
            entry["changes"], entry["changes_text"] = [], []
            entry.pop("paid", None)
    # a note on a note on such a move (saves made before a second note went on the first one's event) is on it too
    notes_on = {e["seq"]: e["about"] for e in report.get("log", [])
                if e.get("kind") == "note" and isinstance(e.get("about"), int)}

    # a counter still behind the gate says only "a counter or a pass entered (sealed)": a note on it may say more
    # (found from outside: "Note on event 49: Coffee break…" on every screen before the reveal), kept as the seats
    # kept it
    gated = {e["seq"]: e["summary"] for e in report.get("log", []) if e.get("gated")}

    def kept(about: Any) -> int | None:
        """The hidden move (or gated counter) a note's ``about`` comes to, if any."""
        target = noted_event(about, notes_on) if isinstance(about, int) else None
        return target if target in hidden or target in gated else None

    def about_words(about: int, target: int) -> str:
        """What a kept note is on, as the room may read it."""
        if about in hidden:
            return hidden[about]
        return gated[about] if about in gated else sealed_note(target, counter=target in gated)

    # an undo of such a move, by its seq: what a note on the undo is about is told as the undo is (found from
    # outside, helper-108: "Note #10 on #9 (“Undo: Russia: Make an argument on Humanitarian (sealed: committed)”)")
    undos = {e["seq"]: undo_sealed(teams[e["undoes"]]) for e in report.get("log", []) if e.get("undoes") in hidden}

    def on_undo(about: Any) -> str | None:
        """The words of the undo of a hidden move a note's ``about`` comes to, if any."""
        target = noted_event(about, notes_on) if isinstance(about, int) else None
        return undos.get(target) if isinstance(target, int) else None

    for note in [*report.get("notes", []), *(n for rnd in report.get("timeline", []) for n in rnd["notes"]),
                 *report.get("log", [])]:
        if (said := on_undo(note.get("about"))) is not None:
            note["about_summary"] = said

    for rnd in report.get("timeline", []):
        for move in rnd["moves"]:
            if move["seq"] in hidden:
                move["summary"] = hidden[move["seq"]]
                for key in _SEALED_KEYS:
                    move[key] = None
                move["move_name"] = _(SEALED_MOVE)
                move["changes_text"] = []
        for note in rnd["notes"]:
            if (target := kept(note["about"])) is not None:
                noted = True
                note["about_summary"] = about_words(note["about"], target)
                note["text"] = sealed_note_text(counter=target in gated)
    # a note on such a move is kept as the seats kept it (found from outside: "Note #9 on #8 (United States: a
    # sealed move, committed): SECRETNOTE1 US sealed proposal on status" in the room's copy)
    for note in report.get("notes", []):
        if (target := kept(note["about"])) is not None:
            noted = True
            note["about_summary"] = about_words(note["about"], target)
            note["text"] = sealed_note_text(counter=target in gated)
    for entry in report.get("log", []):
        if (target := kept(entry.get("about"))) is not None:
            entry["about_summary"] = about_words(entry["about"], target)
            if entry.get("kind") == "note":
                entry["text"] = sealed_note_text(counter=target in gated)
                entry["summary"] = sealed_note(target, counter=target in gated)
    # an undo tells the event it took back: not a sealed move the room never saw revealed
    for item in [*report.get("log", []), *(f for rnd in report.get("timeline", []) for f in rnd.get("facilitator", []))]:
        if item.get("undoes") in hidden:
            item["summary"] = undo_sealed(teams[item["undoes"]])
    return bool(hidden), noted


def _drop_control_notes(data: Any) -> None:
    """Every card in the report, wherever it sits, without its control note."""
    if isinstance(data, dict):
        if "control_note" in data:
            data["control_note"] = None
        for value in data.values():
            _drop_control_notes(value)
    elif isinstance(data, list):
        for value in data:
            _drop_control_notes(value)
