"""Whatever file it is given, the save reader answers with a reason, never a traceback.

A facilitator who points ``tabletop verify`` (or resume) at the wrong file
must read one line that says what is wrong with it.
"""

from __future__ import annotations

import functools
import json
import os
import random
from pathlib import Path

import pytest

from tabletop.content.loader import load_scenario
from tabletop.engine import new_game
from tabletop.store import SaveError, SaveWriter, default_save_path, typed_save_path
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import chain_line, lines_of, rechain, record_bot_game, records_of, tabletop, tabletop_here


def _header_only(path: Path, seed: int = 8) -> Path:
    SaveWriter.create(path, load_scenario("river-basin"), seed).close()
    return path


def _header(tmp_path: Path) -> dict:
    return records_of(_header_only(tmp_path / "model.jsonl"))[0]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# each case: (file maker, SaveError kind, message)
NOT_A_SAVE = "not a tabletop save (the first line is not a save header)"


def _junk(tmp_path: Path, case: str) -> Path:
    p = tmp_path / "junk.jsonl"
    if case == "binary":
        return _write(p, random.Random(1).randbytes(4096))
    if case == "binary-with-newlines":
        return _write(p, b"\n".join(random.Random(2).randbytes(300) for _ in range(10)))
    if case == "empty":
        return _write(p, b"")
    if case == "only-newlines":
        return _write(p, b"\n" * 1000)
    if case == "huge-one-line":
        with open(p, "wb") as handle:  # sparse: 50 MB of zero bytes, no newline
            handle.truncate(50 * 1024 * 1024)
        return p
    if case == "huge-text-line":
        with open(p, "wb") as handle:
            handle.write(b'{"format":"tabletop-save","version":1,"pad":"')
            handle.write(b"x" * (20 * 1024 * 1024))
        return p
    if case == "deeply-nested":
        return _write(p, b"[" * 200_000 + b"\n")
    if case == "deeply-nested-object":
        return _write(p, b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"\n")
    if case == "json-object":
        return _write(p, b'{"name": "my notes", "items": [1, 2, 3]}\n{"more": true}\n')
    if case == "json-array":
        return _write(p, b"[1, 2, 3]\n")
    if case == "json-string":
        return _write(p, b'"tabletop-save"\n')
    if case == "toml-ruleset":
        return _write(p, (Path(__file__).parents[2] / "tabletop/scenarios/rulesets/river-basin.toml").read_bytes())
    if case == "nul-bytes":
        return _write(p, b"\x00" * 1000 + b"\n")
    raise AssertionError(case)


JUNK = {
    "binary": NOT_A_SAVE,
    "binary-with-newlines": NOT_A_SAVE,
    "empty": "the file is empty: not a save",
    "only-newlines": NOT_A_SAVE,
    "huge-one-line": NOT_A_SAVE,
    "huge-text-line": NOT_A_SAVE,
    "deeply-nested": NOT_A_SAVE,
    "deeply-nested-object": NOT_A_SAVE,
    "json-object": NOT_A_SAVE,
    "json-array": NOT_A_SAVE,
    "json-string": NOT_A_SAVE,
    "toml-ruleset": NOT_A_SAVE,
    "nul-bytes": NOT_A_SAVE,
}


def _cli_one_line(path: Path, expected: str, process: bool = False, refused: bool = True) -> None:
    """``tabletop verify`` says ``expected`` alone and exits 1: run in this process, or in a new one (``process``).
    A path ``refused`` (no save read) is said on stderr after the command's name, as every command's refusal; a
    damaged save is verify's verdict, on stdout."""
    done = (tabletop if process else tabletop_here)("verify", str(path))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    if refused:
        assert done.stdout == "" and done.stderr.splitlines() == [f"tabletop verify: {expected}"]
    else:
        assert done.stderr == "" and done.stdout.splitlines() == [expected]


@pytest.mark.parametrize("case", list(JUNK))
def test_junk_is_not_a_save(tmp_path: Path, case: str) -> None:
    path = _junk(tmp_path, case)
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "not a save"
    assert caught.value.message == JUNK[case]
    assert str(caught.value) == f"{path}: {JUNK[case]}"
    report = verify(path)
    assert not report.ok and report.error is not None and report.damage is None
    with pytest.raises(SaveError):
        resume(path)
    assert sorted(os.listdir(tmp_path)) == ["junk.jsonl"]  # resume made nothing
    # a real process where the interpreter itself is tried (a nesting deep enough to overflow its stack)
    # not "damaged: not a save: not a tabletop save" (found from outside: said twice, and no save is damaged)
    _cli_one_line(path, f"{path}: {JUNK[case]}", process=case.startswith("deeply-nested"))


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    with pytest.raises(SaveError, match="is a directory, not a save file") as caught:
        open_save(folder)
    assert caught.value.kind == "not a file"
    _cli_one_line(folder, f"{folder}: is a directory, not a save file", process=True)  # a folder is no damaged save


def test_a_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "game.jsonl"
    with pytest.raises(SaveError, match="no such file") as caught:
        open_save(path)
    assert caught.value.kind == "missing"
    with pytest.raises(SaveError):
        resume(path)
    assert not path.parent.exists()
    _cli_one_line(path, f"{path}: no such file", process=True)  # a name mistyped: not "damaged"


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_resume_names_what_a_special_file_is(tmp_path: Path, kind: str) -> None:
    """Found from outside: resume said only "is not a regular file" where verify says what it is."""
    path = tmp_path / "game.jsonl"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path = Path("/dev/null")
    with pytest.raises(SaveError) as caught:
        resume(path)
    named = "a named pipe" if kind == "fifo" else "a device"
    assert caught.value.message == f"is not a regular file ({named}); give a file"
    # found from outside: verify called the pipe "damaged: unreadable"; nothing was read, nothing is damaged
    _cli_one_line(path, f"{path}: is not a regular file ({named}); give a file")


#: a save of a format this tabletop does not read yet: not damaged, and the way on is a newer tabletop
NEWER = "written by a newer tabletop (save format {n}; this one reads formats 1\u20132): install a newer tabletop to read it"
#: what a damaged header or event whose problem is a key this tabletop does not know adds
MAY_BE_NEWER = "; it may have been written by a newer tabletop: if so, install a newer tabletop to read it"


@pytest.mark.parametrize("version", [3, 99])
def test_a_newer_format_is_said_so_not_damaged(tmp_path: Path, version: int, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-321): a save of format 3 was "damaged: unknown version", with no next step."""
    from tabletop.cli import main, screens
    from tabletop.report import ReportError, render

    header = _header(tmp_path)
    header["version"] = version
    path = _write(tmp_path / "future.jsonl", rechain([header]))
    message = NEWER.format(n=version)
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert (caught.value.kind, caught.value.message) == ("newer format", message)
    _cli_one_line(path, f"{path}: {message}")  # refused as unreadable here (exit 1), never called damaged
    with pytest.raises(SaveError) as caught:
        resume(path)
    assert caught.value.message == message
    with pytest.raises(ReportError) as refused:
        render([path], "md")
    assert str(refused.value) == f"{path}: {message}"
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    for command in ("replay", "resume", "report"):
        capsys.readouterr()
        assert main([command, str(path)]) == 1
        assert capsys.readouterr().err.splitlines() == [f"tabletop {command}: {path}: {message}"]
    (tmp_path / "model.jsonl").unlink()
    _header_only(tmp_path / "a.jsonl")
    told: list[str] = []
    render([tmp_path], "md", told=told)  # the folder's report says it of the newer save
    assert told == [f"{path} is left out: it is not a readable save ({message})"]


@pytest.mark.parametrize(("version", "shown"), [("1", "'1'"), (None, "None"), (0, "0"), (True, "True")])
def test_unknown_format_version(tmp_path: Path, version: object, shown: str) -> None:
    header = _header(tmp_path)
    header["version"] = version
    path = _write(tmp_path / "future.jsonl", rechain([header]))
    message = f"unknown save format version {shown} (this tabletop reads versions 1 to 2)"
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert (caught.value.kind, caught.value.message) == ("unknown version", message)
    _cli_one_line(path, f"{path}: damaged: unknown version: {message}", refused=False)


@pytest.mark.parametrize(
    "breakage",
    ["no-ruleset", "ruleset-a-string", "deck-missing-cards", "unknown-move-resolution", "track-member-unknown"],
)
def test_header_with_an_invalid_embedded_ruleset(tmp_path: Path, breakage: str) -> None:
    header = _header(tmp_path)
    if breakage == "no-ruleset":
        del header["ruleset"]
    elif breakage == "ruleset-a-string":
        header["ruleset"] = "river-basin"
    elif breakage == "deck-missing-cards":
        del header["deck"]["cards"]
    elif breakage == "unknown-move-resolution":
        header["ruleset"]["moves"][0]["resolution"] = "telepathy"
    elif breakage == "track-member-unknown":
        header["ruleset"]["tracks"][0]["members"] = ["atlantis"]
    path = _write(tmp_path / "bad-header.jsonl", rechain([header]))
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "damaged header"
    assert caught.value.message.startswith("the embedded scenario is not valid: ")
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    out = done.stdout.splitlines()
    assert len(out) == 1 and out[0].startswith(f"{path}: damaged: damaged header: the embedded scenario is not valid: ")


def test_a_key_this_tabletop_does_not_know_may_be_a_newer_tabletops(tmp_path: Path) -> None:
    """Found from outside (helper-321): a newer tabletop's ruleset key (``actors[].short``) in an older one was
    "damaged header" and no more; still damaged (it may be broken), and it may be the newer tabletop's."""
    header = _header(tmp_path)
    header["ruleset"]["actors"][0]["mood"] = "calm"
    path = _write(tmp_path / "newer-key.jsonl", rechain([header]))
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "damaged header"
    assert "unknown key 'mood'" in caught.value.message and caught.value.message.endswith(MAY_BE_NEWER)
    # a value this tabletop reads but finds wrong is damage, and no more
    (tmp_path / "model.jsonl").unlink()
    header = _header(tmp_path)
    header["ruleset"]["moves"][0]["resolution"] = "telepathy"
    path = _write(tmp_path / "bad-header.jsonl", rechain([header]))
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert "newer tabletop" not in caught.value.message


def test_an_event_key_this_tabletop_does_not_know_may_be_a_newer_tabletops(tmp_path: Path) -> None:
    """Found from outside (helper-321): a newer tabletop's event key was "malformed event" and no more."""
    path = tmp_path / "game.jsonl"
    record_bot_game(path, load_scenario("river-basin"), 5)
    records = records_of(path)
    records[3]["action"]["mood"] = "calm"
    _write(path, rechain(records))
    save = open_save(path)
    assert save.damage is not None and save.damage.kind == "malformed event" and save.damage.seq == 3
    assert save.damage.detail.startswith("action.mood: unknown key") and save.damage.detail.endswith(MAY_BE_NEWER)
    report = verify(path)
    assert report.damage is not None and report.damage.detail.endswith(MAY_BE_NEWER)
    records = records_of(path)[:4]
    del records[3]["action"]["mood"]
    records[3]["action"]["kind"] = 7  # a known key with a wrong value: damage, no more
    _write(path, rechain(records))
    save = open_save(path)
    assert save.damage is not None and "newer tabletop" not in save.damage.detail


def test_header_without_a_seed(tmp_path: Path) -> None:
    header = _header(tmp_path)
    del header["seed"]
    path = _write(tmp_path / "seedless.jsonl", rechain([header]))
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "damaged header"
    assert caught.value.message.startswith("the header is malformed: seed: missing (expected a whole number from 0 to ")


def test_header_with_a_seed_that_is_no_whole_number_says_what_it_found(tmp_path: Path) -> None:
    """Found from outside (helper-209): a seed of "eight" (or 1e308) was "the header has no seed"."""
    header = _header(tmp_path)
    header["seed"] = "eight"
    path = _write(tmp_path / "seedless.jsonl", rechain([header]))
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "damaged header"
    assert caught.value.message.startswith('the header is malformed: seed: expected a whole number from 0 to ')
    assert caught.value.message.endswith(', found "eight"'), caught.value.message


def test_header_torn_while_creating(tmp_path: Path) -> None:
    data = _header_only(tmp_path / "h.jsonl").read_bytes()
    path = _write(tmp_path / "h.jsonl", data[:-1])  # all but its newline
    with pytest.raises(SaveError) as caught:
        open_save(path)
    assert caught.value.kind == "torn tail"
    for cut in (1, len(data) // 2, len(data) - 3):
        _write(path, data[:cut])
        with pytest.raises(SaveError):
            open_save(path)


def test_header_only_save_is_intact(tmp_path: Path) -> None:
    path = _header_only(tmp_path / "fresh.jsonl", seed=8)
    save = open_save(path)
    assert save.damage is None and len(save) == 0 and save.events == []
    assert save.state_at(0).hash == new_game(load_scenario("river-basin"), 8).hash
    report = verify(path)
    assert report.ok and report.events == 0
    done = tabletop_here("verify", str(path))
    assert done.returncode == 0
    # nothing happened in round 1 yet: no round played (engine.review.rounds_played)
    assert done.stdout.splitlines()[0].startswith(f"{path}: intact — events: 0, rounds played: 0; ")
    resumed = resume(path)
    assert resumed.messages == [] and resumed.state.seq == 0
    resumed.writer.close()


# --------------------------------------------------------------------------
# Junk after a good header: damage, not an exception


@pytest.mark.parametrize(
    ("tail", "kind"),
    [
        (b"\x00\xff\xfe garbage \x80\n", "changed line"),
        (b"\n", "torn tail"),  # blank lines at the very end (an editor's): dropped on resume
        (b"\n\n{}\n", "changed line"),  # a blank line between events is damage
        (b"[" * 100_000 + b"\n", "changed line"),
        (b'{"seq":1}\n', "changed line"),
        (b'{"seq":"1","chain":"x"}\n', "changed line"),
        (b"\x00\xff\xfe garbage without a newline", "torn tail"),
    ],
    ids=["binary-line", "blank-line", "blank-line-inside", "deeply-nested", "no-chain", "seq-a-string", "binary-torn"],
)
def test_junk_event_line(tmp_path: Path, tail: bytes, kind: str) -> None:
    path = _header_only(tmp_path / "g.jsonl")
    path.write_bytes(path.read_bytes() + tail)
    save = open_save(path)
    assert save.damage is not None
    assert (save.damage.seq, save.damage.line, save.damage.kind) == (1, 2, kind)
    report = verify(path)
    assert report.damage == save.damage
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0].startswith(f"{path}: damaged at event 1 (line 2): {kind}: ")


def test_huge_event_line(tmp_path: Path) -> None:
    path = _header_only(tmp_path / "g.jsonl")
    with open(path, "ab") as handle:
        handle.truncate(path.stat().st_size + 50 * 1024 * 1024)  # 50 MB of zeros after the header
    save = open_save(path)
    assert save.damage is not None
    assert (save.damage.seq, save.damage.kind) == (1, "changed line")
    assert save.damage.detail == "the line is far too long to be an event"


def _forge_event(tmp_path: Path, edit) -> tuple[Path, int]:
    """A real game with one event edited by ``edit(record)`` and the chain made consistent."""
    game = record_bot_game(tmp_path / "real.jsonl", load_scenario("parallel-tracks"), 3)
    records = records_of(game.path)
    seq = edit(records)
    return _write(tmp_path / "forged.jsonl", rechain(records)), seq


def _first_draw(records: list[dict]) -> dict:
    return next(r for r in records[1:] if r["action"]["kind"] == "draw")


@pytest.mark.parametrize(
    "edit",
    [
        lambda a: a["outcome"].__setitem__("reshuffled", [2, 2]),
        lambda a: a["outcome"].__setitem__("reshuffled", "twice"),
        lambda a: a["outcome"].__setitem__("set_aside", {"a": 1}),
        lambda a: a["outcome"].__setitem__("set_aside", [["nested"]]),
        lambda a: a["outcome"].__setitem__("card", ["x"]),
        lambda a: a["outcome"].__setitem__("card", "no-such-card"),
        lambda a: a.__setitem__("outcome", {}),
        lambda a: a.__setitem__("kind", "teleport"),
        lambda a: a.__setitem__("actor", 7),
        lambda a: a.__setitem__("extra", 1),
    ],
    ids=["reshuffled-list", "reshuffled-word", "set-aside-object", "set-aside-nested", "card-list",
         "card-unknown", "outcome-empty", "kind-unknown", "actor-number", "unknown-field"],
)
def test_forged_event_with_a_valid_chain_never_crashes(tmp_path: Path, edit) -> None:
    """A hand-made line whose chain is right but whose action makes no sense: damage at that event."""

    def change(records: list[dict]) -> int:
        record = _first_draw(records)
        edit(record["action"])
        return record["seq"]

    path, seq = _forge_event(tmp_path, change)
    report = verify(path)
    assert not report.ok
    assert report.error is None
    assert report.damage is not None and report.damage.seq == seq
    done = tabletop_here("verify", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"damaged at event {seq} (line {seq + 1})" in done.stdout
    # the reader and resume answer too, without another exception
    try:
        save = open_save(path)
        save.state_at(len(save))
        resume(path).writer.close()
    except SaveError:
        pass


# --------------------------------------------------------------------------
# Save names


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("../../etc/passwd", "etc-passwd.jsonl"),
        ("a/b", "a-b.jsonl"),
        # found from outside (helper-333): "Atelier Genève 7/12" was saved as 12.jsonl
        ("Atelier Genève 7/12", "Atelier-Genève-7-12.jsonl"),
        ("Übung Genf 7\\12", "Übung-Genf-7-12.jsonl"),
        ("", "game.jsonl"),
        ("   ", "game.jsonl"),
        ("..", "game.jsonl"),
        ("/", "game.jsonl"),
        (".hidden", "hidden.jsonl"),
        ("workshop 3.jsonl", "workshop-3.jsonl"),
        # found from outside (helper-150): Cyrillic names became game.jsonl, 2.jsonl, 1.jsonl
        ("Übung: Genf", "Übung-Genf.jsonl"),
        ("переговоры", "переговоры.jsonl"),
        ("Київ", "Київ.jsonl"),
        ("понеділок група 2", "понеділок-група-2.jsonl"),
        ("Сессия-1", "Сессия-1.jsonl"),
        ("Ки\u0438\u0306в", "Кийв.jsonl"),  # й typed as и and a combining breve: one letter
        ("сессия\u200b\u202eтест", "сессия-тест.jsonl"),  # invisible and bidirectional controls are not letters
        ("п" * 300, "п" * 80 + ".jsonl"),
        ("a\\b", "a-b.jsonl"),
        ("nul\x00byte", "nul-byte.jsonl"),
        ("x" * 300, "x" * 80 + ".jsonl"),
    ],
)
def test_typed_save_path_stays_in_the_save_dir(tmp_path: Path, typed: str, name: str) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    path = typed_save_path(saves, typed)
    assert path.parent == saves
    assert path.resolve().parent == saves.resolve()
    assert path.name == name
    assert path.suffix == ".jsonl" and not path.name.startswith(".")
    SaveWriter.create(path, load_scenario("river-basin"), 1).close()  # a name the filesystem accepts


def test_typed_save_path_never_overwrites(tmp_path: Path) -> None:
    first = typed_save_path(tmp_path, "final session")
    assert first == tmp_path / "final-session.jsonl"
    first.write_bytes(b"taken")
    second = typed_save_path(tmp_path, "final session")
    assert second == tmp_path / "final-session-2.jsonl"
    second.write_bytes(b"taken")
    assert typed_save_path(tmp_path, "final-session.jsonl") == tmp_path / "final-session-3.jsonl"
    assert first.read_bytes() == second.read_bytes() == b"taken"
    with pytest.raises(FileExistsError):
        SaveWriter.create(first, load_scenario("river-basin"), 1)
    assert first.read_bytes() == b"taken"


def test_default_save_path(tmp_path: Path) -> None:
    first = default_save_path(tmp_path, "../river basin")
    assert first.parent == tmp_path
    assert first.name.endswith("-river-basin.jsonl")
    first.write_bytes(b"taken")
    second = default_save_path(tmp_path, "../river basin")
    assert second != first and second.parent == tmp_path and not second.exists()


# --------------------------------------------------------------------------
# The schema of a save


def _schema() -> dict:
    """What ``tabletop schema save`` prints, parsed anew for each caller (the command is run once)."""
    return json.loads(_schema_text())


@functools.cache
def _schema_text() -> str:
    done = tabletop("schema", "save")
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_schema_describes_the_lines_of_a_real_save(tmp_path: Path) -> None:
    schema = _schema()
    assert {"header", "event"} <= set(schema["$defs"])
    header, event = schema["$defs"]["header"], schema["$defs"]["event"]
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario("parallel-tracks"), 2)
    records = records_of(game.path)
    assert set(header["required"]) <= set(records[0])
    assert set(records[0]) <= set(header["properties"])
    action = event["properties"]["action"]
    for record in records[1:]:
        assert set(event["required"]) <= set(record) <= set(event["properties"])
        assert set(record["action"]) <= set(action["properties"])
        assert record["action"]["kind"] in action["properties"]["kind"]["enum"]


def test_schema_validates_every_line_of_a_real_save(tmp_path: Path) -> None:
    import jsonschema
    schema = _schema()
    validator = jsonschema.Draft202012Validator(schema)
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario("parallel-tracks"), 2)
    for number, line in enumerate(lines_of(game.path), start=1):
        errors = list(validator.iter_errors(json.loads(line)))
        assert errors == [], f"line {number}: {errors[0].message if errors else ''}"


def test_chain_line_matches_the_writer(tmp_path: Path) -> None:
    """The documented line format (used by the forgeries above) is what the writer writes."""
    game = record_bot_game(tmp_path / "g.jsonl", load_scenario("river-basin"), 2)
    lines = lines_of(game.path)
    records = records_of(game.path)
    prev = ""
    for line, record in zip(lines, records, strict=True):
        raw, prev = chain_line(record, prev)
        assert raw == line
