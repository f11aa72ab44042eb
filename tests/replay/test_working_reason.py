"""The replay's working of a facilitator's ruling says its reason once in the working, not again as a loose line."""

from __future__ import annotations

from tabletop.store.reading import open_save
from tabletop.tui.timeline import working_text

from tests.report.kit import TINY_GAME


def test_a_facilitators_ruling_says_its_reason_in_its_working_and_not_again() -> None:
    """Found from outside (helper-121): a ruling read "... — facilitator: RULING-1 ...", then "facilitator's reason:
    RULING-1 ...", then "reason: RULING-1 ...". The working says it; the loose "reason:" line is for events whose
    reason no ruling words (an override, an undo)."""
    save = open_save(TINY_GAME)
    index = next(i for i, e in enumerate(save.events, 1) if e.action.kind == "rule")
    shown = working_text(save, index, set(), {}, {}).plain
    reason = save.events[index - 1].action.reason
    assert reason and "facilitator's reason: " in shown, shown
    assert "\n  reason: " not in shown, shown
    overrides = [i for i, e in enumerate(save.events, 1) if e.action.kind == "override" and e.action.reason]
    assert overrides
    for i in overrides:  # a reason no ruling words is still said
        assert "  reason: " in working_text(save, i, set(), {}, {}).plain
