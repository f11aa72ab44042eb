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
_built: OrderedDict[str, Scenario] = OrderedDict()


def embedded_scenario(path: Path, header: dict[str, Any], header_chain: str) -> Scenario:
    """The scenario of ``header`` (raises ContentError as :func:`scenario_from_data` does)."""
    known = _built.get(header_chain)
    if known is None:
        known = scenario_from_data({"ruleset": header.get("ruleset"), "deck": header.get("deck")}, str(path))
        _built[header_chain] = known
        while len(_built) > KEPT:
            _built.popitem(last=False)
    else:
        _built.move_to_end(header_chain)
    scenario = Scenario(known.ruleset, known.deck, f"{path} (embedded ruleset)", f"{path} (embedded deck)",  # untranslated: as content.loader names them
                        known.embedded())
    scenario.__dict__["index"] = known.index  # the lookups depend on the rules alone
    attach(scenario, header.get("translations"))
    return scenario


__all__ = ["KEPT", "embedded_scenario"]
