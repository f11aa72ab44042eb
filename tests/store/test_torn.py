"""A crash while writing leaves a torn last line: resume drops it, atomically.

Power cuts land anywhere, so the last line is cut at every byte offset. A save
damaged in the middle is never rewritten: play continues in a copy.
"""

from __future__ import annotations

import os
import random
import re
from importlib.resources import files
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.store import SaveError, recovery
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import Recorded, lines_of, record_actions, tabletop


def _actions(scenario, seed: int, last: str) -> list[Action]:
    """A short game's actions: bot moves, then the kind of line the tests cut."""
    rng = random.Random(seed)
    state = new_game(scenario, seed)
    actions: list[Action] = []

    def play(action: Action) -> None:
        nonlocal state
        actions.append(action)
        state = apply(state, action)

    for _ in range(14):
        play(rng.choice(legal_actions(state)))
    if last == "unicode-note":
        # a note in several scripts: cuts land inside multi-byte characters
        play(Action("note", about=2, text="Überprüfung — «Waffenruhe» 停火 ✓ \"q\""))
    else:
        # on to the next draw: its recorded outcome is in the last line
        while not actions or actions[-1].kind != "draw":
            play(legal_actions(state)[0])
    return actions


def _game(tmp_path: Path, last: str = "unicode-note") -> Recorded:
    # the bundled files copied without their translations: a header of ~60 KB, not ~220 KB, which each of the
    # hundreds of cuts below reads three times (the translations are not what a torn tail is about)
    bundled = Path(str(files("tabletop"))) / "scenarios"
    plain = tmp_path.parent / f"{tmp_path.name}-plain"  # beside the folder, whose files the tests count
    plain.mkdir(exist_ok=True)
    for kind, name in (("rulesets", "parallel-tracks"), ("decks", "parallel-tracks-events")):
        (plain / f"{name}.toml").write_bytes((bundled / kind / f"{name}.toml").read_bytes())
    scenario = load_scenario(plain / "parallel-tracks.toml", plain / "parallel-tracks-events.toml")
    assert scenario.embedded() == load_scenario("parallel-tracks").embedded()  # the same game, but for its languages
    actions = _actions(scenario, 3, last)
    return record_actions(tmp_path / "full.jsonl", scenario, 3, [lambda s, a=a: a for a in actions])


def _folder(path: Path) -> list[str]:
    """The files beside ``path``, but the note naming the tabletop that has a save open (store.lock)."""
    return sorted(p.name for p in path.parent.iterdir() if not (p.name.startswith(".") and p.name.endswith(".jsonl.lock")))


@pytest.mark.parametrize("last", ["unicode-note", "draw"])
def test_torn_tail_at_every_byte(tmp_path: Path, last: str) -> None:
    game = _game(tmp_path, last)
    n = len(game.states) - 1
    lines = lines_of(game.path)
    assert lines[-1].endswith(b"\n")
    intact = b"".join(lines[:-1])
    last_line = lines[-1]
    if last == "unicode-note":
        assert len(last_line) > len(last_line.decode("utf-8"))  # multi-byte characters in it
    else:
        assert b'"kind":"draw"' in last_line
    # the events a continued game will append: the torn one again, then two more
    tail_actions = [game.final.last.action]
    state = game.final
    for _ in range(2):
        action = legal_actions(state)[0]
        tail_actions.append(action)
        state = apply(state, action)
    hashes = game.hashes  # each state's hash, worked out once (the property works every one out anew)
    expected_hashes = [*hashes, *[s.hash for s in _fold(game.final, tail_actions[1:])]]

    work = tmp_path / "cut"
    work.mkdir()
    for offset in range(len(last_line)):
        path = work / "game.jsonl"
        path.write_bytes(intact + last_line[:offset])

        save = open_save(path)
        assert len(save) == n - 1, offset
        assert [e.seq for e in save.events] == list(range(1, n))
        assert save.state_at(n - 1).hash == hashes[n - 1]
        if offset == 0:
            assert save.damage is None  # a clean cut between lines: nothing to repair
        else:
            assert save.damage is not None, offset
            assert (save.damage.seq, save.damage.line, save.damage.kind) == (n, n + 1, "torn tail"), offset
            assert save.torn_bytes == offset

        resumed = resume(path, durable=False)
        assert path.read_bytes() == intact, offset  # byte for byte the intact prefix
        assert _folder(path) == ["game.jsonl"], offset  # no temp file left
        if offset == 0:
            assert resumed.messages == []
        else:
            assert resumed.messages == [
                (
                    "The save's last line was incomplete (a crash while writing) and was dropped; "
                    f"the game continues after event {n - 1}."
                )
            ]
        assert len(resumed.save) == n - 1 and resumed.save.damage is None
        assert resumed.state.hash == hashes[n - 1]

        # the game goes on: the lost action again, then two more
        state = resumed.state
        for action in tail_actions:
            state = apply(state, action.without_outcome())
            resumed.writer.append(state)
        resumed.writer.close()
        report = verify(path)
        assert report.ok, (offset, report.lines())
        assert report.events == n + 2
        if offset % 50 == 0 or offset == len(last_line) - 1:  # a sample: verify above checked every hash
            again = open_save(path)
            assert [again.state_at(i).hash for i in range(n - 2, n + 3)] == expected_hashes[n - 2 : n + 3]
        path.unlink()


def _fold(state: State, actions: list[Action]) -> list[State]:
    out = []
    for action in actions:
        state = apply(state, action)
        out.append(state)
    return out


def test_whole_line_without_its_newline_is_torn(tmp_path: Path) -> None:
    """Every byte but the newline: append never returned, so the event was never shown as done."""
    game = _game(tmp_path, "unicode-note")
    data = game.path.read_bytes()
    game.path.write_bytes(data[:-1])
    save = open_save(game.path)
    assert save.damage is not None and save.damage.kind == "torn tail"
    assert len(save) == len(game.states) - 2


def test_torn_tail_cli_says_so(tmp_path: Path) -> None:
    game = _game(tmp_path, "unicode-note")
    n = len(game.states) - 1
    data = game.path.read_bytes()
    game.path.write_bytes(data[: len(data) - 9])
    done = tabletop("verify", str(game.path))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        (
            f"{game.path}: damaged at event {n} (line {n + 1}): torn tail: "
            "the last line is incomplete (a crash while writing); it is dropped"
        ),
        f"  events before it, all intact: {n - 1}",
        f"  tabletop resume {game.path} drops what is incomplete and goes on from event {n - 1}",
    ]
    assert "Traceback" not in done.stderr


def test_resume_of_an_intact_save_changes_nothing(tmp_path: Path) -> None:
    game = _game(tmp_path, "unicode-note")
    before = game.path.read_bytes()
    stat = game.path.stat()
    resumed = resume(game.path)
    resumed.writer.close()
    assert resumed.messages == []
    assert game.path.read_bytes() == before
    assert game.path.stat().st_ino == stat.st_ino  # not rewritten
    assert resumed.state.hash == game.final.hash


def test_repair_that_fails_leaves_the_torn_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the repair cannot complete (an I/O error, ...), the original is untouched and no temp file stays."""
    game = _game(tmp_path, "unicode-note")
    torn = game.path.read_bytes()[:-20]
    game.path.write_bytes(torn)

    def broken_truncate(fd: int, length: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(recovery.os, "ftruncate", broken_truncate)
    with pytest.raises(SaveError, match="cannot drop the incomplete last line: Input/output error"):
        resume(game.path)
    assert game.path.read_bytes() == torn
    assert _folder(game.path) == ["full.jsonl"]
    monkeypatch.undo()
    resumed = resume(game.path)
    resumed.writer.close()
    assert len(resumed.save) == len(game.states) - 2


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o600])
def test_repair_keeps_the_files_mode(tmp_path: Path, mode: int) -> None:
    """A save repaired in place keeps its mode; its recovered copy, a new file, is its owner's alone, as every save
    is: it holds the sealed moves in clear (``test_save_mode``)."""
    game = _game(tmp_path, "unicode-note")
    data = game.path.read_bytes()
    game.path.write_bytes(data[:-5])
    os.chmod(game.path, mode)
    resume(game.path).writer.close()
    assert game.path.stat().st_mode & 0o777 == mode

    lines = lines_of(game.path)
    game.path.write_bytes(lines[0] + b"{}\n" + b"".join(lines[2:]))
    resumed = resume(game.path)
    resumed.writer.close()
    assert resumed.save.path == tmp_path / "full-recovered.jsonl"
    assert resumed.save.path.stat().st_mode & 0o777 == 0o600


# --------------------------------------------------------------------------
# Damage in the middle: the original is evidence, never rewritten


def _changed_middle(game: Recorded, seq: int) -> bytes:
    lines = lines_of(game.path)
    lines[seq] = lines[seq].replace(b'"round":1', b'"round":9', 1)
    assert lines[seq] != lines_of(game.path)[seq]
    return b"".join(lines)


def test_resume_after_a_changed_line_continues_in_a_recovered_copy(tmp_path: Path) -> None:
    game = _game(tmp_path, "unicode-note")
    seq = 5
    damaged = _changed_middle(game, seq)
    game.path.write_bytes(damaged)
    intact = b"".join(lines_of(game.path)[:seq])

    resumed = resume(game.path)
    recovered = tmp_path / "full-recovered.jsonl"
    assert game.path.read_bytes() == damaged  # byte for byte untouched
    assert resumed.save.path == recovered
    # the intact lines, then a note of its own: where it comes from and what is not in it (found from outside: a
    # copy renamed or moved read as the whole game)
    copied = recovered.read_bytes()
    assert copied.startswith(intact) and copied.count(b"\n") == intact.count(b"\n") + 1
    note = resumed.state.last
    assert note is not None and note.seq == seq and note.action.kind == "note"
    lost = len(damaged.splitlines()) - seq
    assert note.action.text == (f"Recovered by tabletop resume: the save {game.path} is damaged (event {seq} (line "
                                f"{seq + 1}): changed line: the line does not match its hash chain (edited or "
                                f"corrupted)); the game goes on here after its event {seq - 1} (chain head "
                                f"{open_save(game.path).events[seq - 2].chain[:12]}). {lost} more lines of that save, "
                                "what was played after it, are not in this game.")
    assert resumed.messages == [
        (
            f"The save is damaged at event {seq} (line {seq + 1}): changed line: the line does not match its hash "
            f"chain (edited or corrupted). It was left as it is; the game continues from event {seq - 1} in {recovered}."
        )
    ]
    assert resumed.state.hash == game.hashes[seq - 1]  # a note is no game step: the game is where it was
    assert _folder(game.path) == ["full-recovered.jsonl", "full.jsonl"]

    # the room replays the lost events and goes on
    state = resumed.state
    for action in [e.action for e in game.final.log[seq - 1 : seq + 2]]:
        state = apply(state, action.without_outcome())
        resumed.writer.append(state)
    resumed.writer.close()
    assert [e.action.kind for e in state.log[seq:]] == [e.action.kind for e in game.final.log[seq - 1: seq + 2]]
    assert verify(recovered).ok
    assert game.path.read_bytes() == damaged

    # resuming the damaged save again goes on in its one continuation, with what was played there
    second = resume(game.path)
    second.writer.close()
    assert second.save.path == recovered and len(second.save) == seq + 3  # the note, and three events played
    assert "It was continued before in" in second.messages[0]
    assert _folder(game.path) == ["full-recovered.jsonl", "full.jsonl"]
    assert verify(recovered).ok and len(open_save(recovered)) == seq + 3


def test_resume_of_a_damaged_header_refuses(tmp_path: Path) -> None:
    game = _game(tmp_path, "unicode-note")
    data = bytearray(game.path.read_bytes())
    data[20] ^= 0x01
    game.path.write_bytes(bytes(data))
    with pytest.raises(SaveError):
        resume(game.path)
    assert game.path.read_bytes() == bytes(data)
    assert _folder(game.path) == ["full.jsonl"]


def test_damage_in_the_first_event_recovers_to_an_empty_game(tmp_path: Path) -> None:
    game = _game(tmp_path, "unicode-note")
    lines = lines_of(game.path)
    game.path.write_bytes(lines[0] + b"{not json}\n" + b"".join(lines[2:]))
    resumed = resume(game.path)
    state = apply(resumed.state, game.final.log[0].action.without_outcome())
    resumed.writer.append(state)
    resumed.writer.close()
    assert state.hash == game.hashes[1]
    assert verify(tmp_path / "full-recovered.jsonl").ok


def test_verify_says_its_verdict_on_a_torn_save_in_russian(tmp_path: Path) -> None:
    from tabletop import lang

    game = _game(tmp_path)
    torn = tmp_path / "torn.jsonl"
    data = game.path.read_bytes()
    torn.write_bytes(data[: len(data) - 7])  # the last line cut short
    english = verify(torn).lines()
    with lang.using("ru"):
        russian = verify(torn).lines()
    assert english[0].startswith(f"{torn}: damaged at event ") and "torn tail" in english[0]
    assert russian[0].startswith(f"{torn}: повреждено: событие ") and "оборванный конец" in russian[0]
    assert "сбой при записи" in russian[0]
    assert len(russian) == len(english)
    for en, ru in zip(english, russian):
        assert re.findall(r"\d+", en.replace(str(torn), "")) == re.findall(r"\d+", ru.replace(str(torn), ""))
        assert re.search("[а-яё]", ru.replace(str(torn), ""))


def test_a_header_cut_off_as_the_game_was_created_is_named_for_what_it_is(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-99): a save whose file ends inside its first line (the program stopped while the
    game was being created) was "not a tabletop save (the first line is not a save header)", as if it were some
    other file. It is now told what a whole header line without its newline is told: the header line is
    incomplete, a crash while creating the save."""
    from tabletop.cli import main

    game = _game(tmp_path, "unicode-note")
    header = lines_of(game.path)[0]
    for cut in (20, 5000, len(header) // 2, len(header) - 1):
        torn = tmp_path / f"torn-{cut}.jsonl"
        torn.write_bytes(header[:cut])
        with pytest.raises(SaveError, match=r"the header line is incomplete \(a crash while creating the save\)"):
            open_save(torn)
        assert not verify(torn).ok
    assert main(["verify", str(tmp_path / "torn-5000.jsonl")]) == 1
    assert main(["report", str(tmp_path / "torn-5000.jsonl")]) == 1
    # and play --save knows it for a save too (one sniff of a header, content.files.save_header_like): not "not a save"
    capsys.readouterr()
    assert main(["play", "--save", str(tmp_path / "torn-5000.jsonl")]) == 1
    err = capsys.readouterr().err
    assert "a save is never overwritten (use tabletop resume" in err and "is not a save" not in err, err
    other = tmp_path / "notes.jsonl"
    other.write_bytes(b'{"app": "something else"')  # not how a save begins: still "not a tabletop save"
    with pytest.raises(SaveError, match="not a tabletop save"):
        open_save(other)


def test_a_save_rewritten_in_place_by_another_program_points_to_where_its_game_went_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Found from outside (helper-192): a cloud-sync tool truncated d.jsonl in place during play; the game went on,
    written again whole, at d-2.jsonl, and d.jsonl was left a fragment whose resume, verify and report said "the header
    line is incomplete (a crash while creating the save)", pointing nowhere. They name the save beside it now."""
    from tabletop.cli import main, screens

    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)  # resume refuses before it would open a screen
    game = _game(tmp_path, "unicode-note")
    fragment = tmp_path / "d.jsonl"
    fragment.write_bytes(game.path.read_bytes()[:1000])
    with pytest.raises(SaveError) as alone:
        open_save(fragment)
    assert "beside it" not in str(alone.value)  # nothing beside it: nothing said of one
    went_on = tmp_path / "d-2.jsonl"
    went_on.write_bytes(game.path.read_bytes())
    with pytest.raises(SaveError) as caught:
        open_save(fragment)
    assert ("the header line is incomplete (a crash while creating the save); if the game went on under another name, "
            f"it is beside it: {went_on}") in str(caught.value), caught.value
    for command in ("verify", "report", "resume"):
        assert main([command, str(fragment)]) == 1
        said = capsys.readouterr()
        assert f"it is beside it: {went_on}" in said.out + said.err, (command, said)
