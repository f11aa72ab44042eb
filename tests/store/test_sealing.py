"""Sealed moves are committed in the save when made and opened at the reveal; verify checks each reveal.

A team's sealed move is written in its line with a commitment (SHA-256 of the
entry and a random nonce); the line of the reveal carries each entry with its
nonce. Changing a revealed entry (chain recomputed) is named by ``verify`` as
a reveal that does not match its commitment; a crash just after a commitment
loses nothing acknowledged, and the reveal after the resume still opens it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, apply
from tabletop.play.session import with_sealed
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.sealing import commitment, matches
from tabletop.store.verifying import verify

from .savekit import Recorded, lines_of, rechain, record_bot_game, record_undone_sealed, records_of, tabletop

SEED = 3


@pytest.fixture(scope="module")
def sealed_game(tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    path = tmp_path_factory.mktemp("sealed") / "game.jsonl"
    return record_bot_game(path, with_sealed(load_scenario("parallel-tracks"), True), SEED)


def _sealed_and_reveals(records: list[dict]) -> tuple[list[dict], list[dict]]:
    sealed = [r for r in records[1:] if r["result"].get("sealed")]
    reveals = [r for r in records[1:] if r.get("reveal")]
    return sealed, reveals


def test_each_sealed_move_is_committed_and_opened_at_its_reveal(sealed_game: Recorded) -> None:
    records = records_of(sealed_game.path)
    assert records[0]["sealing"] == 1
    sealed, reveals = _sealed_and_reveals(records)
    assert sealed and reveals
    by_seq = {r["seq"]: r for r in sealed}
    for record in sealed:
        seal = record["seal"]
        assert seal["commitment"] == commitment(record["action"], seal["nonce"])
    opened = [item for r in reveals for item in r["reveal"]]
    for item in opened:
        committed = by_seq[item["seq"]]["seal"]["commitment"]
        assert matches(item["entry"], item["nonce"], committed)
        assert item["entry"] == by_seq[item["seq"]]["action"]
    assert {item["seq"] for item in opened} <= set(by_seq)
    assert len({r["seal"]["nonce"] for r in sealed}) == len(sealed)  # a fresh nonce for each entry
    report = verify(sealed_game.path)
    assert report.ok, report.lines()
    assert f"  {len(sealed)} sealed moves committed; {len(opened)} opened at a reveal, each matching its " \
           "commitment" in report.lines()


def test_an_unsealed_game_carries_no_commitment(tmp_path: Path) -> None:
    recorded = record_bot_game(tmp_path / "open.jsonl", with_sealed(load_scenario("parallel-tracks"), False), SEED)
    records = records_of(recorded.path)
    assert not any("seal" in r or "reveal" in r for r in records[1:])


def test_a_tampered_reveal_is_caught_by_verify(sealed_game: Recorded, tmp_path: Path) -> None:
    records = records_of(sealed_game.path)
    _, reveals = _sealed_and_reveals(records)
    target = reveals[0]
    item = target["reveal"][0]
    item["entry"] = {**item["entry"], "track": "forged-track"}  # a different entry than the one committed
    path = tmp_path / "tampered.jsonl"
    path.write_bytes(rechain(records))
    report = verify(path)
    assert not report.ok
    assert report.damage is not None
    assert (report.damage.seq, report.damage.kind) == (target["seq"], "reveal differs")
    assert f"for event {item['seq']} does not match the commitment made there" in report.damage.detail
    done = tabletop("verify", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert f"event {target['seq']} (line {target['seq'] + 1}): reveal differs:" in done.stdout


def test_a_changed_commitment_is_caught_by_verify(sealed_game: Recorded, tmp_path: Path) -> None:
    records = records_of(sealed_game.path)
    sealed, _ = _sealed_and_reveals(records)
    target = sealed[0]
    target["seal"]["commitment"] = "0" * 64
    path = tmp_path / "tampered.jsonl"
    path.write_bytes(rechain(records))
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.kind) == (target["seq"], "seal differs")


def test_a_save_from_before_commitments_still_verifies(sealed_game: Recorded, tmp_path: Path) -> None:
    records = records_of(sealed_game.path)
    del records[0]["sealing"]
    for record in records[1:]:
        record.pop("seal", None)
        record.pop("reveal", None)
    path = tmp_path / "old.jsonl"
    path.write_bytes(rechain(records))
    report = verify(path)
    assert report.ok, report.lines()
    assert len(open_save(path)) == len(records) - 1


def test_a_torn_line_after_a_commitment_resumes_and_the_reveal_opens_it(sealed_game: Recorded, tmp_path: Path) -> None:
    records = records_of(sealed_game.path)
    sealed, reveals = _sealed_and_reveals(records)
    reveal_seq = reveals[0]["seq"]
    # cut the save just before its first reveal, and tear the reveal's line half-way (kill -9 mid-write)
    lines = lines_of(sealed_game.path)
    kept = lines[:reveal_seq]
    path = tmp_path / "torn.jsonl"
    path.write_bytes(b"".join(kept) + lines[reveal_seq][: len(lines[reveal_seq]) // 2])
    resumed = resume(path)
    try:
        assert any("incomplete" in m for m in resumed.messages)
        assert len(resumed.save) == reveal_seq - 1
        committed = [r for r in sealed if r["seq"] < reveal_seq]
        assert committed  # every acknowledged sealed entry is still in the save
        state = resumed.state
        original = sealed_game.states[reveal_seq]
        assert original.last is not None
        state = apply(state, original.last.action)
        resumed.writer.append(state)
    finally:
        resumed.writer.close()
    after = json.loads(lines_of(path)[-1])
    assert [i["seq"] for i in after["reveal"]] == [i["seq"] for i in reveals[0]["reveal"]]
    assert after["reveal"] == reveals[0]["reveal"]  # the same entries and nonces as before the crash
    report = verify(path)
    assert report.ok, report.lines()


def test_the_paired_replay_of_a_sealed_game_is_not_taken_for_a_forgery(sealed_game: Recorded) -> None:
    """``report --paired`` replays the choices under the other rule: its events carry no commitments, as none was made."""
    from tabletop.report.paired import paired_save

    paired, _ = paired_save(open_save(sealed_game.path))
    assert paired.check_records() is None
    assert paired.first_mismatch() is None


def test_verify_says_how_many_sealed_moves_were_never_revealed(tmp_path: Path) -> None:
    """Found from outside (helper-98): "44 sealed moves committed; 43 revealed entries opened their commitments"
    read as a lost move; the 44th had been undone before the reveal. And a reveal undone and made again counted
    its entries twice (helper-99: "19 committed; 20 revealed"). verify counts each sealed move opened once, and
    says how many were never revealed, and why that may be."""
    path = tmp_path / "undone.jsonl"
    record_undone_sealed(path, with_sealed(load_scenario("parallel-tracks"), True), 4, to_reveal=True)
    records = records_of(path)
    sealed, reveals = _sealed_and_reveals(records)
    opened = {item["seq"] for r in reveals for item in r["reveal"]}
    assert len(sealed) == len(opened) + 1
    report = verify(path)
    assert report.ok, report.lines()
    assert (f"  {len(sealed)} sealed moves committed; {len(opened)} opened at a reveal, each matching its commitment; "
            "1 never revealed (undone before its reveal, or its round not over)") in report.lines(), report.lines()
    # the reveal taken back by an undo and made again: its entries are opened once
    went_on = resume(path)
    try:
        state = went_on.state
        reveal = state.last
        assert reveal is not None and reveal.result.get("revealed")
        for action in (Action("undo"), reveal.action):
            state = apply(state, action)
            went_on.writer.append(state)
    finally:
        went_on.writer.close()
    assert sum(1 for r in records_of(path) if r.get("reveal")) == 2
    lines = verify(path).lines()
    assert any(f"{len(opened)} opened at a reveal" in line for line in lines), lines
