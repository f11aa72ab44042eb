"""A damaged save is reported with a warning, over its intact part; a non-save is refused by name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tabletop.report import ReportError, build_report, render
from tabletop.store.reading import open_save

from .kit import HtmlDoc, Played, bot_save, edit_line, md_text, rewrite, scenario, tear_last_line


@pytest.fixture
def copy_of(tmp_path: Path, strict_game: Played):
    def make(name: str = "copy.jsonl") -> Path:
        path = tmp_path / name
        shutil.copy(strict_game.path, path)
        return path

    return make


def _check_warned(path: Path, kind: str, intact: int) -> None:
    md = render([path], "md")
    assert "\u26a0 Warning: damaged save." in md
    assert f"only the intact events before it ({intact})" in md_text(md)
    doc = HtmlDoc(render([path], "html"))
    assert not doc.errors
    assert len(doc.all("div", class_="warning damage")) == 1
    assert f"Warning: damaged save. {kind[0].upper()}{kind[1:]} at event" in doc.text
    data = json.loads(render([path], "json"))
    assert data["damage"]["kind"] == kind and data["damage"]["intact_events"] == intact
    assert len(data["log"]) == intact


def test_a_torn_last_line(copy_of, strict_game: Played) -> None:
    path = copy_of()
    tear_last_line(path)
    report = build_report(path)
    total = len(strict_game.final.log)
    assert report["damage"]["kind"] == "torn tail"
    assert report["damage"]["seq"] == total and report["damage"]["line"] == total + 1
    assert [e["seq"] for e in report["log"]] == list(range(1, total))
    # the last event was the game's end: the report now shows the game unfinished
    assert report["outcome"]["over"] is False
    assert report["warnings"][0].startswith("This save is damaged at event")
    _check_warned(path, "torn tail", total - 1)


def test_an_edited_line_in_the_middle(copy_of, strict_game: Played) -> None:
    path = copy_of()
    edit_line(path, 31)  # event 30
    report = build_report(path)
    assert report["damage"]["kind"] == "changed line"
    assert (report["damage"]["seq"], report["damage"]["line"]) == (30, 31)
    assert len(report["log"]) == 29
    state = strict_game.states[29]
    last = report["timeline"][-1]
    assert last["round"] == state.last.round
    # a round is complete once the step into the next one is in the intact part
    assert last["complete"] is (state.round > state.last.round)
    assert report["outcome"]["over"] is False and report["outcome"]["round"] == state.round
    for row in report["outcome"]["tracks"]:
        assert (row["status"], row["position"]) == (
            state.tracks[row["id"]].status,
            state.tracks[row["id"]].position,
        )
    _check_warned(path, "changed line", 29)


def test_a_damaged_save_in_a_comparison_is_flagged(copy_of, strict_game: Played) -> None:
    torn = copy_of("torn.jsonl")
    tear_last_line(torn)
    md = render([strict_game.path, torn], "md")
    assert "torn.jsonl **(damaged)**" in md
    assert "damaged save(s) #2:" in md
    data = json.loads(render([strict_game.path, torn], "json"))
    assert data["comparison"]["damaged"] == [2]
    assert data["reports"][1]["damage"]["kind"] == "torn tail"


def test_an_event_that_no_longer_replays_ends_the_intact_part(copy_of, strict_game: Played) -> None:
    path = copy_of()
    move = next(e for e in strict_game.final.log if e.action.kind == "move" and e.action.track)
    spec = next(t for t in strict_game.scenario.ruleset.tracks if t.id == move.action.track)
    outsider = next(a.id for a in strict_game.scenario.ruleset.actors if a.id not in spec.members)

    def forge(records: list[dict]) -> None:
        records[move.seq]["action"]["actor"] = outsider

    rewrite(path, forge)
    report = build_report(path)
    assert report["damage"]["kind"] == "illegal event" and report["damage"]["seq"] == move.seq
    assert f"event {move.seq} does not replay" in report["damage"]["detail"]
    assert len(report["log"]) == move.seq - 1
    _check_warned(path, "illegal event", move.seq - 1)


def _forged_roll(path: Path, strict_game: Played) -> int:
    """A roll's dice changed and the chain re-hashed, as a careful forger would: the event's seq."""
    roll = next(
        e for e in strict_game.final.log if e.action.kind == "roll" and not e.result["ruling"].get("lapsed")
    )
    other = [1, 1] if roll.result["ruling"]["success"] else [6, 6]

    def forge(records: list[dict]) -> None:
        records[roll.seq]["action"]["outcome"]["dice"] = other

    rewrite(path, forge)
    return roll.seq


def test_an_event_that_replays_otherwise_ends_the_intact_part_where_verify_names_it(
    copy_of, strict_game: Played, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside (helper-207): a save edited and re-hashed (a vote's accept, a roll's dice) was reported
    past the edit, the game replayed from the forged step on, a track agreed that the room saw fail, with exit
    status 0 and nothing said on the terminal; the replay viewer showed the same. verify names the event, and
    resume goes on from the event before it: report and replay now end the intact part there too."""
    from tabletop.cli import main, screens
    from tabletop.store.verifying import verify
    from tabletop.tui.replay import ReplayApp

    path = copy_of()
    seq = _forged_roll(path, strict_game)
    damage = verify(path).damage
    assert damage is not None and damage.seq == seq
    _check_warned(path, damage.kind, seq - 1)
    report = build_report(path)
    assert report["replay"] == {"checked": seq - 1, "first_mismatch": seq}
    assert main(["report", str(path), "-o", str(path.with_suffix(".md"))]) == 1
    err = capsys.readouterr().err
    assert f"tabletop report: warning: {path} is damaged at event {seq} (line {seq + 1}): {damage.kind}" in err, err
    assert f"The report covers only the intact events before it ({seq - 1})." in err
    shown: list[int] = []
    monkeypatch.setattr(ReplayApp, "run", lambda self, *a, **k: shown.append(len(self.save)))
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert main(["replay", str(path)]) == 1
    assert shown == [seq - 1]
    assert f"the save is damaged at event {seq} (line {seq + 1})" in capsys.readouterr().err
    assert build_report(strict_game.path)["replay"] == {
        "checked": len(strict_game.final.log),
        "first_mismatch": None,
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"hello\n", "not a tabletop save"),
        (b'{"format": "tabletop-save", "version": 99, "seed": 1}\n', "written by a newer tabletop (save format 99"),
    ],
)
def test_a_file_that_is_not_a_save_is_refused_by_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    for fmt in ("md", "html", "json"):
        with pytest.raises(ReportError) as info:
            render([path], fmt)
        assert str(path) in str(info.value) and message in str(info.value)
        assert info.value.path == str(path)


def test_a_bad_file_among_good_ones_is_named(tmp_path: Path, strict_game: Played) -> None:
    shutil.copy(strict_game.path, tmp_path / "a.jsonl")
    (tmp_path / "b.jsonl").write_text("not json\n")
    md = md_text(render([tmp_path], "md"))  # named, and the good one reported (found from outside: nothing was)
    assert f"Left out: {tmp_path / 'b.jsonl'} is not a readable save" in md
    assert "a.jsonl" in md and "Who played" in md


def test_the_terminal_hears_of_a_damaged_save_and_of_a_file_left_out(copy_of, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-88): `tabletop report FOLDER -o FILE` said only "Report written" when it had left
    a file out, or reported a damaged save's intact part: only a reader of the document learnt it."""
    from tabletop.cli import main

    folder = tmp_path / "saves"
    folder.mkdir()
    damaged = copy_of(str(folder / "a.jsonl"))
    edit_line(damaged, 31)  # event 30
    (folder / "b.jsonl").write_text("not json\n")
    # written, and not the whole record: exit status 1, as verify's (found from outside, helper-99: it was 0)
    assert main(["report", str(folder), "-o", str(tmp_path / "debrief.md")]) == 1
    assert (tmp_path / "debrief.md").exists()
    err = capsys.readouterr().err
    assert f"tabletop report: warning: {damaged} is damaged at event 30 (line 31)" in err, err
    assert "The report covers only the intact events before it (29)." in err
    assert f"tabletop report: warning: {folder / 'b.jsonl'} is left out: it is not a readable save" in err, err
    assert main(["--lang", "ru", "report", str(damaged)]) == 1  # on the screen, in the room's language
    err = capsys.readouterr().err
    assert "tabletop report: внимание:" in err and "Отчёт охватывает только целые события до этого места (29)." in err


def test_missing_inputs_and_formats(tmp_path: Path, strict_game: Played) -> None:
    with pytest.raises(ReportError, match="no such file"):
        render([tmp_path / "nope.jsonl"], "md")
    with pytest.raises(ReportError, match="holds no saves"):
        render([tmp_path], "md")
    with pytest.raises(ReportError, match="unknown report format"):
        render([strict_game.path], "pdf")
    with pytest.raises(ReportError, match="no save given"):
        render([], "md")
    assert render(strict_game.path, "markdown") == render([strict_game.path], "md")


def test_a_folder_that_cannot_be_listed_is_said_to_be_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-259): ``report FOLDER`` on a folder it may not list said "the directory holds no
    saves": false. It says it cannot read the folder, and why, as it says of a file it cannot read. The folder's
    listing fails as ``chmod 000`` makes it fail for anyone but root (the suite runs as root, whom permissions do not
    stop)."""
    import errno
    import os

    from tabletop.cli import main

    folder = tmp_path / "saves"
    folder.mkdir()
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)) == folder:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(path))  # type: ignore[arg-type]
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    assert main(["report", str(folder), "-o", "-"]) == 1
    err = capsys.readouterr().err
    assert f"tabletop report: {folder}: cannot read the folder: Permission denied" in err, err
    assert "holds no saves" not in err, err


@pytest.mark.parametrize(("code", "kind"), [("ru", "изменённая строка"), ("uk", "змінений рядок")])
def test_the_damage_is_named_in_the_report_language(copy_of, code: str, kind: str) -> None:
    """Found from outside (helper-85): a Russian report of a damaged save said "changed line в событии 30": the
    kind of damage was the English id, though ``tabletop --lang ru verify`` words it."""
    path = copy_of()
    edit_line(path, 31)  # event 30
    md = render([path], "md", lang=code)
    html = render([path], "html", lang=code)
    assert "changed line" not in md and "changed line" not in html
    opening = kind[0].upper() + kind[1:]  # it opens the warning's second sentence
    assert f"** {opening} " in md and f"</strong> {opening} " in html
    assert json.loads(render([path], "json", lang=code))["damage"]["kind"] == "changed line"  # the data keeps its id


def test_the_lines_a_damaged_report_leaves_out_are_counted(copy_of, strict_game: Played) -> None:
    """Found from outside (helper-86): one bad byte in a note at event 9 left 137 of 146 events out of the debrief,
    and the report said only that it covers the 8 before it. It says how many lines it leaves out: the damaged one
    and those after it (as resume's note in the copy counts them)."""
    path = copy_of()
    total = len(path.read_bytes().splitlines())
    edit_line(path, 31)  # event 30
    report = build_report(path)
    assert report["damage"]["lines_after"] == total - 31
    assert report["damage"]["lines_left_out"] == total - 30  # lines 31 to the last
    said = f"{total - 30} lines of the save, from the damaged one on, are not in this report."
    intact = report["damage"]["intact_events"]
    # a space before it (found: the page read "before it (29).115 more lines")
    assert f"before it ({intact}). {said}" in md_text(render([path], "md"))
    assert f"before it ({intact}). {said}" in HtmlDoc(render([path], "html")).text
    assert report["warnings"][0].endswith(said)
    torn = copy_of("torn.jsonl")
    tear_last_line(torn)
    assert build_report(torn)["damage"]["lines_after"] == 0
    assert "more line" not in render([torn], "md")


def test_a_damaged_save_and_the_copy_it_went_on_in_are_one_game_in_a_folder_s_shares(
        tmp_path: Path, strict_game: Played) -> None:
    """Found from outside (helper-90): ``report FOLDER`` over a damaged save and the copy ``tabletop resume``
    went on in counted one game twice in the comparison's shares. The copy counts; the damaged save is listed,
    flagged, and said to be counted as its copy: its events begin the copy's."""
    from tabletop.store.recovery import resume

    folder = tmp_path / "saves"
    folder.mkdir()
    damaged = folder / "a.jsonl"
    shutil.copy(strict_game.path, damaged)
    edit_line(damaged, 31)  # event 30
    resume(damaged).writer.close()  # the game goes on in a-recovered.jsonl beside it
    assert sorted(p.name for p in folder.iterdir()) == ["a-recovered.jsonl", "a.jsonl"]
    bot_save(folder / "b.jsonl", scenario("parallel-tracks"), 8436153775932606666)  # another game, same ruleset
    data = json.loads(render(folder, "json"))
    comparison = data["comparison"]
    index = {Path(s["path"]).name: s["index"] for s in comparison["saves"]}
    (group,) = comparison["groups"]
    assert group["games"] == 2 and sorted(group["saves"]) == sorted([index["a-recovered.jsonl"], index["b.jsonl"]])
    copy = open_save(folder / "a-recovered.jsonl")
    assert comparison["same_game"] == [{"save": index["a.jsonl"], "in": index["a-recovered.jsonl"], "events": 29,
                                        "of": len(copy)}]
    assert len(copy) == 30  # the events kept, then the note saying where they come from
    assert len(comparison["saves"]) == 3  # still listed, flagged damaged
    said = (f"Save #{index['a.jsonl']} holds the first 29 events of save #{index['a-recovered.jsonl']}, the same "
            f"game: the shares count it once, as #{index['a-recovered.jsonl']}.")
    assert said in md_text(render(folder, "md"))
    doc = HtmlDoc(render(folder, "html"))
    assert not doc.errors and said in doc.text
    # without its copy beside it, the damaged save is the only record of its game: it counts
    (folder / "a-recovered.jsonl").unlink()
    comparison = json.loads(render(folder, "json"))["comparison"]
    assert comparison["same_game"] == [] and comparison["groups"][0]["games"] == 2


@pytest.mark.parametrize("code", ["en", "ru"])
def test_the_damage_warning_opens_its_sentence_with_a_capital(copy_of, code: str) -> None:
    """Found from outside: "Warning: damaged save. changed line at event 30" began its sentence in lower case."""
    from tabletop.lang import set_language
    from tabletop.store.errors import damage_words

    path = copy_of()
    edit_line(path, 31)  # event 30
    set_language(code)
    kind = damage_words("changed line")
    set_language("en")
    assert kind[0].islower()  # the name as verify says it, mid-sentence
    heading = kind[0].upper() + kind[1:] + " "
    assert f".** {heading}" in render([path], "md", lang=code)
    assert f".</strong> {heading}" in render([path], "html", lang=code)


def test_a_save_and_a_copy_of_it_in_one_folder_are_one_game(tmp_path: Path, strict_game: Played) -> None:
    """Found from outside (helper-92): a folder holding a save, a copy of it and a torn copy reported "5 games" and
    shares over them; each copy of one game counted again. A save whose events begin another's (the same header,
    the same chain there) is the same game: counted once, as the longer."""
    folder = tmp_path / "saves"
    folder.mkdir()
    shutil.copy(strict_game.path, folder / "a.jsonl")
    shutil.copy(strict_game.path, folder / "b-backup.jsonl")  # the same bytes
    shutil.copy(strict_game.path, folder / "c-torn.jsonl")
    tear_last_line(folder / "c-torn.jsonl")
    total = len(strict_game.final.log)
    comparison = json.loads(render(folder, "json"))["comparison"]
    assert [s["file"].rsplit("/", 1)[-1] for s in comparison["saves"]] == ["a.jsonl", "b-backup.jsonl", "c-torn.jsonl"]
    (group,) = comparison["groups"]
    assert group["games"] == 1 and group["saves"] == [1]
    assert comparison["same_game"] == [{"save": 2, "in": 1, "events": total, "of": total},
                                       {"save": 3, "in": 1, "events": total - 1, "of": total}]
    md = md_text(render(folder, "md"))
    assert "Save #2 is the same game as save #1: the shares count it once, as #1." in md
    assert f"Save #3 holds the first {total - 1} events of save #1, the same game: the shares count it once, as #1." in md


def test_a_finished_game_damaged_in_the_middle_is_not_called_unended(copy_of, strict_game: Played,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-99): one letter changed in a finished game's 4th line, and the report said "The
    game had not ended when the save stops (round 1, event phase)" and "Ended: not ended": the game had ended, and
    the save does not stop there. The report says it stops at the damage, and the end is not known; a torn last
    line (the save does stop there) keeps the old words. `report` exits 1 on either, as verify does."""
    from tabletop.cli import main

    assert strict_game.final.over
    path = copy_of()
    edit_line(path, 31)  # event 30
    report = build_report(path)
    round_no, phase = report["outcome"]["round"], report["outcome"]["phase"]
    said = (f"The report stops at the damage (round {round_no}, {phase} phase): outcomes are as they stood there, "
            "not at the game's end.")
    assert said in report["warnings"] and not any("had not ended" in w for w in report["warnings"])
    ended = f"not known: the report stops at the damage (round {round_no}, {phase} phase)"
    assert f"| Ended | {ended} |" in render([path], "md")
    assert ended in HtmlDoc(render([path], "html")).text
    # and where the data and a folder's table say it (found from outside, helper-100: the table said "not ended"
    # of it, its own section "not known"; the JSON said nothing)
    assert report["outcome"]["end_known"] is False and json.loads(render([path], "json"))["outcome"]["end_known"] is False
    folder = path.parent / "folder"
    folder.mkdir()
    shutil.copy(path, folder / "a.jsonl")
    shutil.copy(strict_game.path, folder / "b.jsonl")
    rows = [line for line in render([folder], "md").splitlines() if line.startswith("| 1 | a.jsonl")]
    assert rows and rows[0].split(" | ")[6] == "not known", rows
    torn = copy_of("torn.jsonl")
    tear_last_line(torn)
    assert any(w.startswith("The game had not ended when the save stops") for w in build_report(torn)["warnings"])
    assert build_report(torn)["outcome"]["end_known"] is True
    assert "not known" not in render([torn], "md")
    for damaged in (path, torn):
        assert main(["report", str(damaged)]) == 1
    capsys.readouterr()
    assert main(["report", str(strict_game.path)]) == 0


def test_a_fifo_or_a_device_in_a_folder_is_said_to_be_left_out(copy_of, tmp_path: Path,  # noqa: ANN001 - a fixture
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-104): a FIFO and a link to /dev/zero named *.jsonl in a folder were skipped
    without a word, and the folder's report exited 0 (an empty file beside them was said, and exited 1)."""
    import os

    from tabletop.cli import main

    folder = tmp_path / "saves"
    folder.mkdir()
    copy_of(str(folder / "a.jsonl"))
    os.mkfifo(folder / "p.jsonl")
    (folder / "z.jsonl").symlink_to("/dev/zero")
    assert main(["report", str(folder), "-o", str(tmp_path / "debrief.md")]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'p.jsonl'} is left out: it is not a readable save" in err and "a named pipe" in err, err
    assert f"{folder / 'z.jsonl'} is left out: it is not a readable save" in err and "a device" in err, err


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_symlink_loop_in_a_folder_is_said_to_be_left_out(copy_of, tmp_path: Path, fmt: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside (helper-259): two links named a.jsonl and b.jsonl that name each other, beside a save,
    stopped ``report FOLDER`` with a traceback (RuntimeError: Symlink loop) and no report. The save is reported and
    the loop named, as any file that is not a readable save, and the report exits 1."""
    from tabletop.cli import main

    folder = tmp_path / "loopdir"
    folder.mkdir()
    copy_of(str(folder / "monday.jsonl"))
    (folder / "a.jsonl").symlink_to("b.jsonl")
    (folder / "b.jsonl").symlink_to("a.jsonl")
    out = tmp_path / f"debrief.{fmt}"
    assert main(["report", str(folder), "--format", fmt, "-o", str(out)]) == 1
    err = capsys.readouterr().err
    for name in ("a.jsonl", "b.jsonl"):
        assert (f"tabletop report: warning: {folder / name} is left out: it is not a readable save (a symbolic link "
                "that leads to no file") in err, err
    assert "monday.jsonl" in out.read_text(encoding="utf-8")


def test_where_a_save_in_a_loop_went_on_is_none(tmp_path: Path) -> None:
    """The recovered copy of a save, or the save a copy goes on from, behind links that go round in a loop (made
    between the save being read and these looks): none, not a traceback (found with the loop above)."""
    from tabletop.store.continuation import continued_in, continues

    (tmp_path / "a-recovered.jsonl").symlink_to("b-recovered.jsonl")
    (tmp_path / "b-recovered.jsonl").symlink_to("a-recovered.jsonl")
    assert continues(tmp_path / "a-recovered.jsonl") is None
    assert continued_in(tmp_path / "a-recovered.jsonl", 3) is None
