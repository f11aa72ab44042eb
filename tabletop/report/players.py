"""Who played each actor, for the report: a human team (and its name) or a bot, as the save header says."""

from __future__ import annotations

from typing import Any

from ..content.models import Ruleset
from ..store.reading import Save
from ..store.players import players_of
from .words import played_by


def players_part(save: Save, ruleset: Ruleset) -> list[dict[str, Any]]:
    """One row per actor: ``actor``, ``name``, ``kind`` (human, bot or unknown), ``bot``, ``team`` and ``text``.

    ``team`` is the name as typed (the JSON report is the record); ``text`` is
    the worded line, e.g. ``played by Delegation A (human team)``.
    """
    names = {a.id: a.name for a in ruleset.actors}
    rows = []
    simulated = bool(save.header.get("simulated"))
    for player in players_of(save.header, names):
        row = {**player.as_data(), "name": names[player.actor]}
        if simulated and row["kind"] == "unknown":
            row["kind"] = "bot"  # every seat of a simulated game is a bot, whichever policy it drew
        row["text"] = played_by(row)
        rows.append(row)
    return rows
