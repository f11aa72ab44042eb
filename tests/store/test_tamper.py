"""A save that was changed after it was written is caught, at the right event.

``open_save`` checks the hash chain (a changed, missing, reordered or
duplicated line); ``verify`` also replays every event and checks its state
hash and every draw and roll against the seed. Both must name the event
number the damage starts at, and ``tabletop verify`` must say so and exit 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, apply, new_game
from tabletop.engine.review import rounds_played
from tabletop.store import SaveError
from tabletop.store.reading import open_save
from tabletop.store.verifying import verify

from .savekit import (Recorded, chain_line, lines_of, rechain, record_actions, record_bot_game, records_of,
                      tabletop, tabletop_here)

SEED = 2


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Recorded:
    path = tmp_path_factory.mktemp("tamper") / "game.jsonl"
    recorded = record_bot_game(path, load_scenario("parallel-tracks"), SEED)
    assert len(recorded.states) > 60
    return recorded


@pytest.fixture
def copy(tmp_path: Path, game: Recorded):
    """Write ``lines`` (or the original's) to a fresh file and return its path."""

    def write(lines: list[bytes] | None = None, name: str = "tampered.jsonl") -> Path:
        path = tmp_path / name
        path.write_bytes(b"".join(lines if lines is not None else lines_of(game.path)))
        return path

    return write


def _events(game: Recorded) -> int:
    return len(game.states) - 1


def _cli_damage(path: Path, seq: int, kind: str, intact: int) -> None:
    """``tabletop verify`` exits 1 and names the event, its line and the kind of damage (run in this process:
    test_intact_save_verifies runs the real command)."""
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    out = done.stdout.splitlines()
    where = f"event {seq} (line {seq + 1})" if seq else "header"
    assert out[0].startswith(f"{path}: damaged at {where}: {kind}: "), out
    assert out[1] == f"  events before it, all intact: {intact}"
    # and what the facilitator can do (found from outside: a verify run first left the room thinking the game lost)
    assert out[2] == (f"  tabletop resume {path} drops what is incomplete and goes on from event {intact}"
                      if kind == "torn tail" else
                      f"  tabletop resume {path} goes on from event {intact} in a recovered copy beside it; this file "
                      "is kept as it is"), out


def _assert_damage(path: Path, seq: int, kind: str, detail: str | None = None) -> None:
    save = open_save(path)
    assert save.damage is not None
    assert (save.damage.seq, save.damage.line, save.damage.kind) == (seq, seq + 1, kind)
    if detail is not None:
        assert save.damage.detail == detail
    # everything before the damage is there, and replays
    assert len(save) == seq - 1
    assert [e.seq for e in save.events] == list(range(1, seq))
    report = verify(path)
    assert not report.ok
    assert report.damage == save.damage
    assert report.events == seq - 1
    _cli_damage(path, seq, kind, seq - 1)


def test_intact_save_verifies(game: Recorded) -> None:
    report = verify(game.path)
    assert report.ok
    assert report.damage is None and report.error is None
    n = _events(game)
    chance = sum(1 for e in game.final.log if e.action.kind in ("draw", "roll"))
    played = rounds_played(game.final)
    assert (report.events, report.rounds, report.chance_checked) == (n, played, chance)
    done = tabletop("verify", str(game.path))
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout.splitlines()
    assert out[0] == (
        f"{game.path}: intact — events: {n}, rounds played: {played}; every line is what the replay gives "
        "(state, round, phase, actor, track, action, result) and the hash chain checks out; draws and rolls "
        f"re-derived from the seed, all matching: {chance}"
    )
    head = records_of(game.path)[-1]["chain"]
    assert out[-1] == f"Chain head after event {n}: {head[:8]}… — full: {head}"
    assert done.stderr == ""


# --------------------------------------------------------------------------
# Lines edited, deleted, swapped, duplicated: the hash chain


def _edit_line(line: bytes) -> bytes:
    """Edit one value inside an event line, keeping valid JSON and the old chain."""
    record = json.loads(line)
    chain = record.pop("chain")
    record["time"] = record["time"] + " (as I remember it)"
    body = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    return body[:-1] + b',"chain":"' + chain.encode() + b'"}\n'


@pytest.mark.parametrize("seq", [1, 2, 17, 40, -1])
def test_changed_line(copy, game: Recorded, seq: int) -> None:
    seq = seq if seq > 0 else _events(game)
    lines = lines_of(game.path)
    lines[seq] = _edit_line(lines[seq])
    _assert_damage(copy(lines), seq, "changed line",
                   "the line does not match its hash chain (edited or corrupted)")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'"round":1', b'"round":2'),  # a number
        (b'"phase":"event"', b'"phase":"moves"'),  # a word
        (b'"kind":"draw"', b'"kind":"pass"'),  # the action itself
    ],
)
def test_changed_value_in_first_event(copy, game: Recorded, old: bytes, new: bytes) -> None:
    lines = lines_of(game.path)
    assert old in lines[1]
    lines[1] = lines[1].replace(old, new, 1)
    _assert_damage(copy(lines), 1, "changed line")


def test_one_flipped_byte_in_the_state_hash(copy, game: Recorded) -> None:
    lines = lines_of(game.path)
    record = json.loads(lines[30])
    state = record["state"].encode()
    flipped = state[:-1] + (b"0" if state[-1:] != b"0" else b"1")
    lines[30] = lines[30].replace(b'"state":"' + state, b'"state":"' + flipped)
    _assert_damage(copy(lines), 30, "changed line")


@pytest.mark.parametrize("seq", [1, 25, -2])
def test_deleted_line(copy, game: Recorded, seq: int) -> None:
    seq = seq if seq > 0 else _events(game) + 1 + seq
    lines = lines_of(game.path)
    del lines[seq]
    _assert_damage(copy(lines), seq, "missing events", f"expected event {seq}, found event {seq + 1}")


def test_several_deleted_lines(copy, game: Recorded) -> None:
    lines = lines_of(game.path)
    del lines[10:14]  # events 10..13
    _assert_damage(copy(lines), 10, "missing events", "expected event 10, found event 14")


@pytest.mark.parametrize("seq", [1, 33, -2])
def test_swapped_lines(copy, game: Recorded, seq: int) -> None:
    """Events seq and seq+1 trade places."""
    seq = seq if seq > 0 else _events(game) + 1 + seq
    lines = lines_of(game.path)
    lines[seq], lines[seq + 1] = lines[seq + 1], lines[seq]
    _assert_damage(copy(lines), seq, "reordered events", f"event {seq + 1} comes before event {seq}")


@pytest.mark.parametrize("seq", [1, 20, -1])
def test_duplicated_line(copy, game: Recorded, seq: int) -> None:
    """Event seq is written twice in a row: the copy stands where event seq+1 belongs."""
    seq = seq if seq > 0 else _events(game)
    lines = lines_of(game.path)
    lines.insert(seq + 1, lines[seq])
    _assert_damage(copy(lines), seq + 1, "duplicated event", f"event {seq} appears again")


def test_line_copied_further_down(copy, game: Recorded) -> None:
    lines = lines_of(game.path)
    lines.insert(50, lines[5])  # event 5 again where event 50 belongs
    _assert_damage(copy(lines), 50, "duplicated event", "event 5 appears again")


def test_line_moved_back(copy, game: Recorded) -> None:
    lines = lines_of(game.path)
    moved = lines.pop(12)  # event 12 taken out and put after event 20
    lines.insert(20, moved)
    save = open_save(copy(lines))
    assert (save.damage.seq, save.damage.line, len(save)) == (12, 13, 11)
    # the look-ahead is one line, so a move further than that reads as missing events
    assert save.damage.kind in ("reordered events", "missing events")
    assert save.damage.detail in ("expected event 12, found event 13", "event 13 comes before event 12")


# --------------------------------------------------------------------------
# The header


#: what the facilitator is told of a changed header: what it holds, why nothing can be read, and what to do
HEADER_CHANGED = ("the header does not match its hash (edited or corrupted); it holds the scenario and the game's "
                  "settings, and every event is chained to it, so none can be read: put back a copy of the file from "
                  "before the change (a backup; an editor that saved it may undo it)")


def test_changed_header(copy, game: Recorded) -> None:
    lines = lines_of(game.path)
    assert f'"seed":{SEED},'.encode() in lines[0]
    lines[0] = lines[0].replace(f'"seed":{SEED},'.encode(), f'"seed":{SEED + 1},'.encode(), 1)
    path = copy(lines)
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert (caught.value.kind, caught.value.message, caught.value.seq) == (
        "changed line", HEADER_CHANGED, 0)
    report = verify(path)
    assert not report.ok and report.error is not None and report.events == 0
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{path}: damaged: changed line: {HEADER_CHANGED}"]
    assert "Traceback" not in done.stderr


def test_a_save_converted_to_windows_line_ends_says_so_and_reads_again_once_converted_back(
        copy, game: Recorded) -> None:
    """Found from outside: a save through git's autocrlf read as 'the header does not match its hash (edited or
    corrupted)', with nothing to say that only its line ends had changed."""
    crlf = copy([line.replace(b"\n", b"\r\n") for line in lines_of(game.path)], name="crlf.jsonl")
    with pytest.raises(SaveError) as caught:
        open_save(crlf)
    assert caught.value.kind == "changed line"
    assert caught.value.message.startswith("the lines end in CR LF, not LF: the file was converted to Windows line ends")
    assert verify(crlf).lines() == [f"{crlf}: damaged: changed line: {caught.value.message}"]
    back = copy([line.replace(b"\r\n", b"\n") for line in lines_of(crlf)], name="back.jsonl")
    assert verify(back).ok


def test_changed_header_with_its_own_hash_recomputed(copy, game: Recorded) -> None:
    """The chain runs through the header: re-hashing it alone breaks event 1."""
    lines = lines_of(game.path)
    header = json.loads(lines[0])
    header["seed"] = SEED + 1
    lines[0], _ = chain_line(header, "")
    _assert_damage(copy(lines), 1, "changed line")


def test_changed_embedded_ruleset_rechained(copy, game: Recorded) -> None:
    """A forger who re-chains the whole file is caught by the replay: the start state differs."""
    records = records_of(game.path)
    meter = records[0]["ruleset"]["meters"][0]
    meter["start"] = meter["start"] + 1 if meter["start"] < meter["max"] else meter["start"] - 1
    path = copy([rechain(records)])
    assert open_save(path).damage is None
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line, report.damage.kind) == (1, 2, "state differs")
    _cli_damage(path, 1, "state differs", 0)


# --------------------------------------------------------------------------
# Consistent forgeries: only the replay can tell


@pytest.mark.parametrize("rechain_rest", [True, False], ids=["whole-file-rechained", "one-line-rechained"])
def test_state_hash_altered_with_chain_recomputed(copy, game: Recorded, rechain_rest: bool) -> None:
    seq = 44
    records = records_of(game.path)
    records[seq]["state"] = "0" * 32
    if rechain_rest:
        path = copy([rechain(records)])
        assert open_save(path).damage is None
    else:
        lines = lines_of(game.path)
        prev = records[seq - 1]["chain"]
        lines[seq], _ = chain_line(records[seq], prev)
        path = copy(lines)
        # the chain breaks one line later, but the replay finds the earlier damage
        assert open_save(path).damage.seq == seq + 1
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line, report.damage.kind) == (seq, seq + 1, "state differs")
    assert f"the save says {'0' * 32}" in report.damage.detail
    assert report.events == seq - 1
    _cli_damage(path, seq, "state differs", seq - 1)


def _first(game: Recorded, kind: str, when=lambda outcome: True) -> int:
    for event in game.final.log:
        if event.action.kind == kind and when(event.result["outcome"]):
            return event.seq
    raise AssertionError(f"the game has no {kind} to forge")


def test_dice_swapped_and_rechained_is_outcome_differs(copy, game: Recorded) -> None:
    """The same total keeps every state hash right: only re-deriving the roll from the seed catches it."""
    seq = _first(game, "roll", lambda o: o["dice"][0] != o["dice"][1])
    records = records_of(game.path)
    dice = records[seq]["action"]["outcome"]["dice"]
    records[seq]["action"]["outcome"]["dice"] = [dice[1], dice[0]]
    records[seq]["result"]["outcome"]["dice"] = [dice[1], dice[0]]
    path = copy([rechain(records)])
    assert open_save(path).damage is None
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line, report.damage.kind) == (seq, seq + 1, "outcome differs")
    # in the room's words, not Python's (found from outside, helper-259: "{'dice': [1, 6]}")
    assert report.damage.detail == (
        f"the dice differ: the seed gives {dice[0]} and {dice[1]}, the save records {dice[1]} and {dice[0]}")
    _cli_damage(path, seq, "outcome differs", seq - 1)


def test_dice_forged_in_outcome_and_result_are_named_before_the_state(copy, game: Recorded) -> None:
    """Found from outside (helper-259): event 21's dice forged to [6, 6] in action.outcome and result.outcome, the
    chain rewritten: verify said only "state differs: replaying gives state 185b5fea…, the save says 9cd7c945…". What
    the event records is held against the seed first, and the difference said in the room's words."""
    records = records_of(game.path)
    forged_any = changed_state = 0
    for event in game.final.log:
        if event.action.kind != "roll" or event.result["outcome"]["dice"] == [6, 6]:
            continue
        seq, dice = event.seq, event.result["outcome"]["dice"]
        lines = copy_of_records(records, seq, [6, 6])
        before = game.states[seq - 1]
        assert before.seq == seq - 1
        changed_state += apply(before, Action.from_dict(lines[seq]["action"])).hash != records[seq]["state"]
        path = copy([rechain(lines)])
        report = verify(path)
        assert report.damage is not None and (report.damage.seq, report.damage.kind) == (seq, "outcome differs")
        assert report.damage.detail == f"the dice differ: the seed gives {dice[0]} and {dice[1]}, the save records 6 and 6"
        forged_any += 1
    from tabletop import lang

    with lang.using("uk"):  # in the room's language, as every verdict
        said = verify(path).lines()[0]
    assert f"кубики не ті: зерно дає {dice[0]} і {dice[1]}, а у збереженні записано 6 і 6" in said, said
    assert forged_any and changed_state  # some forgeries leave the state as it was, some change it: both said so

def copy_of_records(records: list[dict], seq: int, dice: list[int]) -> list[dict]:
    """``records`` with the roll at ``seq`` forged to ``dice`` where the save records them: its action's outcome and
    its result's, as a forger rewriting what the room saw would."""
    out = json.loads(json.dumps(records))
    out[seq]["action"]["outcome"]["dice"] = list(dice)
    out[seq]["result"]["outcome"]["dice"] = list(dice)
    return out


def test_dice_changed_and_rechained(copy, game: Recorded) -> None:
    seq = _first(game, "roll")
    records = records_of(game.path)
    dice = records[seq]["action"]["outcome"]["dice"]
    forged = [7 - dice[0], 7 - dice[1]] if dice != [7 - dice[0], 7 - dice[1]] else [6, 6]
    records[seq]["action"]["outcome"]["dice"] = forged
    path = copy([rechain(records)])
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line) == (seq, seq + 1)
    assert report.damage.kind in ("outcome differs", "state differs")


def test_drawn_card_changed_and_rechained(copy, game: Recorded) -> None:
    # a card from the pile (a scheduled draw swapped for another card does not even replay)
    seq = _first(game, "draw", lambda o: o["card"] is not None and not o.get("scheduled"))
    records = records_of(game.path)
    drawn = records[seq]["action"]["outcome"]["card"]
    other = next(c.id for c in game.scenario.deck.cards if c.id != drawn and c.track is None)
    records[seq]["action"]["outcome"]["card"] = other
    path = copy([rechain(records)])
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line) == (seq, seq + 1)
    assert report.damage.kind in ("outcome differs", "state differs")
    _cli_damage(path, seq, report.damage.kind, seq - 1)


def test_fully_forged_draw_is_outcome_differs(tmp_path: Path) -> None:
    """A save made by replaying a different draw, with every hash right, still differs from the seed."""
    scenario = load_scenario("parallel-tracks")
    state = new_game(scenario, 4)
    real = apply(state, Action("draw"))
    real_card = real.last.result["outcome"]["card"]
    other = next(c.id for c in scenario.deck.cards if c.id != real_card and c.track is None and not c.requires)
    forged = apply(state, Action("draw", outcome={"card": other, "set_aside": [], "reshuffled": 0}))
    from tabletop.store import SaveWriter

    path = tmp_path / "forged.jsonl"
    with SaveWriter.create(path, scenario, 4, durable=False) as writer:
        writer.append(forged)
    assert open_save(path).damage is None
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.kind) == (1, "outcome differs")
    assert report.damage.detail == (f"the card differs: the seed gives {json.dumps(real_card)}, the save records "
                                    f"{json.dumps(other)}")


def test_verify_counts_read_right_for_one_event(tmp_path: Path) -> None:
    """A save of one draw: the counts stand after a colon, so no '1 events' or '1 draws ... match' (en);
    damaged after it: 'events before it, all intact: 1', not 'the 1 events before it are intact'."""
    game = record_actions(tmp_path / "one.jsonl", load_scenario("parallel-tracks"), 3, [lambda state: Action("draw")])
    done = tabletop_here("verify", str(game.path))
    assert done.returncode == 0, done.stdout + done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"{game.path}: intact — events: 1, rounds played: 1; ")
    assert first.endswith("; draws and rolls re-derived from the seed, all matching: 1")
    game.path.write_bytes(game.path.read_bytes() + b'{"seq": 2, "torn')
    _cli_damage(game.path, 2, "torn tail", 1)


@pytest.mark.parametrize("byte", [b"Z", b"\xff"])
def test_a_byte_changed_in_the_header_names_where(copy, game: Recorded, byte: bytes) -> None:
    """Found from outside (helper-86): the header holds the embedded scenario, most of a save's bytes, so "one
    byte changed in the middle" usually lands there; a byte that broke its JSON (or its UTF-8) read "damaged: not
    a save: not a tabletop save", naming nothing. It is a damaged header, and the byte is named."""
    lines = lines_of(game.path)
    at = lines[0].index(b',"', len(lines[0]) // 2)  # a comma between two keys, past the middle of the header
    lines[0] = lines[0][:at] + byte + lines[0][at + 1:]
    path = copy(lines)
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "damaged header" and caught.value.seq == 0
    assert caught.value.message.startswith(f"the header (line 1, which holds the embedded scenario) is damaged at "
                                           f"byte {at}: "), caught.value.message
    assert caught.value.message.endswith("not UTF-8 text; no event can be replayed without it" if byte == b"\xff"
                                         else "stops being valid JSON there; no event can be replayed without it")
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines() == [f"{path}: damaged: damaged header: {caught.value.message}"]
