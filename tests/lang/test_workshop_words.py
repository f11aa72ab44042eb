"""Words that outside testers found wrong in a workshop held in Russian and Ukrainian."""

from __future__ import annotations

import pytest

from tabletop.lang import Domain, using

ENGINE, TUI, REPORT = (Domain(d) for d in ("engine", "tui", "report"))


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_a_move_tabled_for_consensus_is_not_put_to_a_vote(lang: str) -> None:
    """The log said «выносится на голосование» where the report said «(консенсус)» for the same move:
    a consensus is not a vote."""
    with using(lang):
        tabled = ENGINE.gettext("tabled for consensus")
        reported = REPORT.gettext("consensus")
    assert reported in tabled and "голосуван" not in tabled, (tabled, reported)
