"""An inject on a deferred track: refused when the facilitator makes it now, and a save that recorded one before the
rule existed still reads, verifies, resumes and reports (DESIGN section 6: a save stays replayable after the engine
changes)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import Action, load_scenario, open_save
from tabletop.engine import RuleViolation, apply
from tabletop.play.session import Session
from tabletop.store.verifying import verify


def _parked(tmp_path: Path) -> tuple[Session, str, str]:
    """Set-up: the bundled game with its first track deferred by the facilitator, and a card of that track that asks
    for nothing."""
    scenario = load_scenario("parallel-tracks")
    session = Session.start(scenario, 1, tmp_path / "g.jsonl")
    track = scenario.ruleset.tracks[0].id
    card = next(c for c in scenario.deck.cards if c.track == track and not c.requires)
    session.apply(Action("override", track=track, status="deferred", reason="parked"))
    return session, track, card.id


def test_the_facilitator_s_inject_on_a_deferred_track_is_refused_and_nothing_is_saved(tmp_path: Path) -> None:
    session, track, card = _parked(tmp_path)
    seq = session.state.seq
    with pytest.raises(RuleViolation) as info:
        session.apply(Action("inject", card=card))
    assert info.value.code == "TRACK_CLOSED" and "deferred" in info.value.message and "reopen" in info.value.message
    assert session.state.seq == seq and session.state.card is None
    session.close()
    assert verify(tmp_path / "g.jsonl").ok and len(open_save(tmp_path / "g.jsonl").events) == seq


def test_a_save_that_recorded_an_inject_on_a_deferred_track_still_verifies_resumes_and_reports(tmp_path: Path) -> None:
    """Found in review (stop 65): refused inside the engine's ``apply``, the rule made every save recorded before it
    with such an inject read as damaged at that event ("illegal event: does not replay"), and resume went on in a
    recovered copy without it. The engine takes the recorded event; only a new one is refused."""
    from tabletop.cli import main

    session, track, card = _parked(tmp_path)
    # the event as a tabletop before the rule recorded it: applied by the engine and written, past the session's check
    injected = apply(session.state, Action("inject", card=card))
    session.writer.append(injected, None)
    session.state = injected
    session.apply(Action("apply_card", track=track))
    moved = session.state.tracks[track]
    session.close()
    checked = verify(tmp_path / "g.jsonl")
    assert checked.ok, checked
    resumed = Session.resume(tmp_path / "g.jsonl")
    assert not resumed.damaged and resumed.state.tracks[track] == moved and resumed.state.seq == 3
    resumed.close()
    assert main(["report", str(tmp_path / "g.jsonl"), "-o", str(tmp_path / "r.md")]) == 0
