"""Who a report is for: the facilitator sees everything; the participants' copy keeps the table's secrets.

``participants`` leaves out every card's control note, and shows a secret
objective only once the game is over and only if the ruleset reveals
objectives at the end (``reveal_objectives = "end"``, the default).
"""

from __future__ import annotations

import copy
from typing import Any

AUDIENCES = ("facilitator", "participants")


def for_audience(report: dict[str, Any], audience: str = "facilitator") -> dict[str, Any]:
    """The report as ``audience`` may read it (a copy when anything is left out)."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience '{audience}' (expected one of {', '.join(AUDIENCES)})")
    if audience == "facilitator":
        return {**report, "audience": {"for": "facilitator", "left_out": []}}
    out = copy.deepcopy(report)
    _drop_control_notes(out)
    left_out = ["control notes"]
    if "objectives" in out and not secrets_revealed(out):
        hidden = 0
        for actor in out["objectives"]:
            shown = [o for o in actor["objectives"] if not o["secret"]]
            hidden += len(actor["objectives"]) - len(shown)
            actor["objectives"] = shown
            actor["met"] = sum(1 for o in shown if o["met"])
            actor["total"] = len(shown)
        if hidden:
            left_out.append(
                "secret objectives (never shown to the participants in this scenario)"
                if out["scenario"].get("reveal_objectives") == "never"
                else "secret objectives (shown once the game is over)"
            )
    out["audience"] = {"for": "participants", "left_out": left_out}
    return out


def secrets_revealed(report: dict[str, Any]) -> bool:
    """May the participants read the secret objectives: the game is over and the ruleset reveals them."""
    return bool(report["outcome"]["over"]) and report["scenario"].get("reveal_objectives", "end") == "end"


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
