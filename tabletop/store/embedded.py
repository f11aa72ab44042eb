"""The scenario a save's header embeds, built once per process for one header.

A reader opens the same save many times (``resume`` opens it again after
cutting a torn tail, ``verify`` and the replay after it, a test hundreds of
times): rebuilding the scenario from the header each time is most of opening a
short save. The header's chain hash names its bytes, so the same hash is the
same ruleset, deck and translations; the rules are immutable and shared, each
save gets a scenario of its own named after its own path.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..content import Scenario, scenario_from_data
from ..content.overlays import attach

#: how many headers' scenarios a process keeps (a few saves open at once, each a few hundred KB)
KEPT = 8


class Recent(OrderedDict):  # type: ignore[type-arg]
    """The last ``kept`` values found or kept, by key: the one used longest ago goes first."""

    def __init__(self, kept: int = KEPT) -> None:
        super().__init__()
        self.kept = kept

    def find(self, key: Any) -> Any:
        value = self.get(key)
        if value is not None:
            self.move_to_end(key)
        return value

    def keep(self, key: Any, value: Any) -> Any:
        self[key] = value
        while len(self) > self.kept:
            self.popitem(last=False)
        return value


_built = Recent()  # header chain -> Scenario


def embedded_scenario(path: Path, header: dict[str, Any], header_chain: str) -> Scenario:
    """The scenario of ``header`` (raises ContentError as :func:`scenario_from_data` does)."""
    known = _built.find(header_chain)
    if known is None:
        known = _built.keep(header_chain, scenario_from_data({"ruleset": header.get("ruleset"),
                                                              "deck": header.get("deck")}, str(path)))
    scenario = Scenario(known.ruleset, known.deck, f"{path} (embedded ruleset)", f"{path} (embedded deck)",  # untranslated: as content.loader names them
                        known.embedded())
    scenario.__dict__["index"] = known.index  # the lookups depend on the rules alone
    attach(scenario, header.get("translations"))
    return scenario


__all__ = ["KEPT", "Recent", "embedded_scenario"]
