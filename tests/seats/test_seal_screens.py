"""What every screen is shown of the sealed moves: commitments, then the reveal checked against them, then the head.

Headless: :func:`tabletop.play.commitments.table_seals` from a game played
on a session (as the host plays it), and the words a seat's screen makes of
it (:mod:`tabletop.tui.seatwords`), a forged reveal included.
"""

from __future__ import annotations

from pathlib import Path

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, legal_actions
from tabletop.play.commitments import table_seals
from tabletop.play.session import Session
from tabletop.store.sealing import commitment
from tabletop.tui.seatwords import seals_text


def _session(tmp_path: Path) -> Session:
    scenario = load_scenario("parallel-tracks").with_options(sealed_moves=True, turns=1)
    return Session.start(scenario, 5, tmp_path / "game.jsonl")


def _play_until(session: Session, done, limit: int = 500) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        if done(session.state):
            return
        options = legal_actions(session.state)
        moves = [a for a in options if a.kind == "move"]
        session.apply(moves[0] if moves else options[0])  # every team moves: sealed entries to commit
    raise AssertionError("the game did not get there")


def _seals(session: Session) -> dict:  # type: ignore[type-arg]
    return table_seals(session.state, session.writer.seals, session.save_head)


def test_commitments_show_before_the_reveal_and_the_entries_only_after(tmp_path: Path) -> None:
    session = _session(tmp_path)
    try:
        _play_until(session, lambda s: any(e.result.get("sealed") for e in s.this_round()))
        before = _seals(session)
        assert [c["actor"] for c in before["committed"]]
        assert before["reveal"] == [] and "head" not in before
        assert all(set(c) == {"seq", "actor", "commitment"} for c in before["committed"])  # never the move
        seen: dict[int, str] = {}
        assert "committed a sealed move" in seals_text({"seals": before}, seen).plain
        # the facilitator takes the sealed move back: its commitment is no longer shown
        session.apply(Action("undo", reason="taken back"))
        assert len(_seals(session)["committed"]) == len(before["committed"]) - 1
        _play_until(session, lambda s: s.phase != "moves" and s.phase != "event")
        after = _seals(session)
        assert after["reveal"], after
        for item in after["reveal"]:
            assert item["commitment"] == commitment(item["entry"], item["nonce"])
        words = seals_text({"seals": after}, {c["seq"]: c["commitment"] for c in after["committed"]}).plain
        assert "matches its commitment" in words and "DOES NOT MATCH" not in words
        _play_until(session, lambda s: s.over)
        end = _seals(session)
        assert end["head"]["events"] == session.save_head[0]
        assert session.save_head[1].startswith(end["head"]["chain"])
    finally:
        session.close()


def test_a_reveal_that_does_not_open_the_commitment_shown_earlier_is_said_loudly() -> None:
    entry = {"kind": "move", "actor": "ru", "move": "propose", "track": "borders"}
    nonce = "0" * 32
    seen = {4: commitment(entry, nonce)}
    forged = {"seals": {"reveal": [{"seq": 4, "entry": {**entry, "move": "walk_out"}, "nonce": nonce}]}}
    assert "DOES NOT MATCH its commitment" in seals_text(forged, seen).plain
    honest = {"seals": {"reveal": [{"seq": 4, "entry": entry, "nonce": nonce}]}}
    assert "matches its commitment" in seals_text(honest, seen).plain
    unseen = seals_text(honest, {}).plain
    assert "commitment not seen here" in unseen
