"""A damaged save names the recovered copy its game went on in; the copy names the damaged save it goes on from.

Found from outside (helper-89): after ``host --resume`` of a damaged save, ``verify`` and the report of the
damaged save said how many lines they left out but not where the game went on, and the recovered copy's
report read as the whole game. Both are found by their bytes (:mod:`tabletop.store.continuation`), never by
their names alone: a file merely named like a copy claims nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop.engine import apply, legal_actions
from tabletop.report import render
from tests.report.kit import unfolded
from tabletop.store.continuation import continued_in, continues
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import lines_of, record_bot_game, scenario


def _damaged_and_continued(tmp_path: Path) -> tuple[Path, Path]:
    """A bot game whose event 20 was edited (the chain breaks there), resumed, and two events played on."""
    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)
    lines[20] = lines[20].replace(b'"round":', b'"round" :', 1)
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))
    resumed = resume(damaged)
    state = resumed.state
    for _ in range(2):
        state = apply(state, legal_actions(state)[0])
        resumed.writer.append(state)
    resumed.writer.close()
    return damaged, resumed.save.path


def test_verify_of_a_damaged_save_names_its_continuation_and_the_copy_names_the_damaged_save(tmp_path: Path) -> None:
    damaged, copy = _damaged_and_continued(tmp_path)
    assert continued_in(damaged, 19) == copy.resolve() and continues(copy) == (damaged.resolve(), 19)
    said = verify(damaged).lines()
    assert said[1] == "  events before it, all intact: 19"
    assert said[2] == f"  the game went on from those events in {copy.resolve()} (made by tabletop resume)", said
    told = verify(copy)
    assert told.ok and f"  a recovered copy: it goes on from the damaged save {damaged.resolve()} after its event 19" \
        in told.lines(), told.lines()


def test_the_reports_of_both_say_where_the_game_is(tmp_path: Path) -> None:
    damaged, copy = _damaged_and_continued(tmp_path)
    before = unfolded(render([damaged], "md"))
    assert f"The game went on from the intact events in {copy.resolve()} (made by tabletop resume)" in before.replace("\\", "")
    after = unfolded(render([copy], "md"))
    assert ("This save is a recovered copy: its first 19 events are those of the damaged save "
            f"{damaged.resolve()}") in after.replace("\\", ""), after[:2000]
    assert "recovered copy" not in render([copy.with_name("game.jsonl")], "md")  # the intact game says nothing


def test_a_file_only_named_like_a_copy_claims_nothing(tmp_path: Path) -> None:
    damaged, copy = _damaged_and_continued(tmp_path)
    other = record_bot_game(tmp_path / "other.jsonl", scenario(), 5)  # another game, named as flip's copy
    stranger = tmp_path / "flip-recovered-2.jsonl"
    stranger.write_bytes(other.path.read_bytes())
    assert continues(stranger) is None
    copy.unlink()  # the real copy gone: the damaged save names none (the stranger is no continuation)
    assert continued_in(damaged, 19) is None
    assert not any("went on" in line for line in verify(damaged).lines())


def test_a_copy_renamed_or_moved_still_says_where_it_comes_from_and_what_is_not_in_it(tmp_path: Path) -> None:
    """Found from outside (helper-90): the copy, renamed, read as the whole game, and nothing told the room that
    what it saw played after the damage was gone. The copy's first line of its own is a note saying so."""
    damaged, copy = _damaged_and_continued(tmp_path)
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    renamed = copy.rename(moved / "the game.jsonl")
    assert continues(renamed) is None  # no name to go by any more: the record itself says it
    lost = len(damaged.read_bytes().splitlines()) - 20  # the header and 19 events kept
    said = (f"Recovered by tabletop resume: the save {damaged.resolve()} is damaged (event 20 (line 21): changed "
            f"line: the line does not match its hash chain (edited or corrupted)); the game goes on here after its "
            f"event 19 (chain head ")
    md = render([renamed], "md").replace("\\", "")
    assert said in md and f"{lost} more lines of that save, what was played after it, are not in this game." in md
    assert verify(renamed).ok


def test_a_copy_past_a_name_gone_is_still_found_and_resumed(tmp_path: Path) -> None:
    """Found from outside (helper-90): with another game named `-recovered` the copy was `-recovered-2`; once that
    stranger was moved away, verify no longer named the copy and resume started a second one: the game forked."""
    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)
    lines[20] = lines[20].replace(b'"round":', b'"round" :', 1)
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))
    stranger = tmp_path / "flip-recovered.jsonl"
    stranger.write_bytes(record_bot_game(tmp_path / "other.jsonl", scenario(), 5).path.read_bytes())
    first = resume(damaged)
    first.writer.close()
    assert first.save.path.name == "flip-recovered-2.jsonl"
    stranger.unlink()
    assert continued_in(damaged, 19) == first.save.path.resolve()
    again = resume(damaged)
    again.writer.close()
    assert again.save.path == first.save.path and "continued before" in again.messages[0]
    assert sorted(p.name for p in tmp_path.glob("flip*")) == ["flip-recovered-2.jsonl", "flip.jsonl"]


def test_a_fifo_named_like_a_copy_is_passed_over_unopened(tmp_path: Path) -> None:
    """A FIFO where a copy would be is never waited on (an open for reading would block until a writer came)."""
    import os

    damaged, copy = _damaged_and_continued(tmp_path)
    moved = copy.rename(tmp_path / "flip-recovered-2.jsonl")
    os.mkfifo(tmp_path / "flip-recovered.jsonl")
    assert continued_in(damaged, 19) == moved.resolve()
    assert continues(tmp_path / "flip-recovered.jsonl") is None


def test_the_replay_of_a_damaged_save_names_its_continuation_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside (helper-108): ``tabletop replay`` of a damaged save showed its intact events and exited 0
    (verify and report exit 1), and never named the recovered copy the game went on in. It names it, before the
    viewer opens (once: it is there again when the viewer closes), and exits 1; an intact save's replay exits 0."""
    import tabletop.cli as cli
    import tabletop.cli.screens as screens
    import tabletop.tui.replay as replay

    damaged, copy = _damaged_and_continued(tmp_path)
    monkeypatch.setattr(replay.ReplayApp, "run", lambda self, *args, **kwargs: None)  # the viewer, closed with q
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert cli.main(["replay", str(damaged)]) == 1
    err = capsys.readouterr().err
    assert "the save is damaged at" in err and "showing the 19 intact events" in err, err
    assert err.count(f"the game went on from those events in {copy.resolve()}") == 1, err
    assert cli.main(["replay", str(copy)]) == 0



@pytest.mark.parametrize(("line", "intact", "left_out", "lines_are"), [
    (2, 0, 30, "30 lines of the save, from the damaged one on, are"),  # event 1 changed: none intact
    (11, 9, 21, "21 lines of the save, from the damaged one on, are"),
    (31, 29, 1, "1 line of the save, from the damaged one on, is"),  # the last event changed, not torn
])
def test_verify_report_replay_and_resume_count_the_same_lines_and_events(
        tmp_path: Path, line: int, intact: int, left_out: int, lines_are: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Found from outside: after one changed byte mid-file the report said "24 more lines follow it" and resume's
    note in the copy "25 more lines of that save ... are not in this game": the report counted the lines after the
    damaged one, resume those from it on. Both count the lines from the damaged one on, and every command the same
    intact events. In a file of 31 lines (a header, 30 events) damaged at ``line``: the events on lines 2 to
    line - 1 are intact, lines ``line`` to 31 are left out."""
    import json

    import tabletop.cli as cli
    import tabletop.cli.screens as screens
    import tabletop.tui.replay as replay

    recorded = record_bot_game(tmp_path / "game.jsonl", scenario(), 4)
    lines = lines_of(recorded.path)[:31]
    lines[line - 1] = lines[line - 1].replace(b'"round":', b'"round" :', 1)  # one byte: the chain breaks there
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))

    assert verify(damaged).events == intact
    monkeypatch.setattr(replay.ReplayApp, "run", lambda self, *args, **kwargs: None)
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert cli.main(["replay", str(damaged)]) == 1
    assert f"showing the {intact} intact events" in capsys.readouterr().err
    assert f"before it ({intact}). {lines_are} not in this report." in unfolded(render([damaged], "md"))
    damage = json.loads(render([damaged], "json"))["damage"]
    assert (damage["intact_events"], damage["lines_left_out"]) == (intact, left_out)
    resumed = resume(damaged)
    resumed.writer.close()
    assert (len(resumed.save), resumed.lost) == (intact, left_out)
    note = resumed.state.last
    assert note is not None and f"after its event {intact} (chain head" in note.action.text
    assert f"{left_out} more line{'s' if left_out > 1 else ''} of that save" in note.action.text


def test_an_older_copy_at_the_save_s_name_names_where_the_game_went_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found from outside (helper-295): an older copy put over the save during play (``cp old v.jsonl``: a sync
    client, a backup); the game went on in ``v-2.jsonl`` and the quit said so, but ``verify v.jsonl`` said "intact —
    events: 3" and nothing more: a debrief team that knew only the first name took a short game for the whole. The
    copy the writer went on in is found by its bytes: verify, the report and the replay name it; verify still exits
    0 (the older copy is intact). A ``-2`` that is another game, or only as long, claims nothing."""
    import tabletop.cli as cli
    import tabletop.cli.screens as screens
    import tabletop.tui.replay as replay
    from tabletop import load_scenario
    from tabletop.play.session import Session

    session = Session.start(load_scenario("parallel-tracks"), 3, tmp_path / "v.jsonl")
    path = session.save_path
    for _ in range(3):
        session.apply(session.options()[0])
    old = path.read_bytes()
    for _ in range(2):
        session.apply(session.options()[0])
    with open(path, "r+b") as handle:  # as cp does: in place, the file the game has open
        handle.write(old)
        handle.truncate(len(old))
    session.apply(session.options()[0])
    session.close()
    went_on = tmp_path / "v-2.jsonl"
    assert session.save_path == went_on
    said = verify(path)
    assert said.ok and said.events == 3
    line = (f"  the game went on from these events in {went_on}: tabletop wrote the whole game there when this file "
            "was written over during play")
    assert line in said.lines(), said.lines()
    assert verify(went_on).ok and all("went on" not in told for told in verify(went_on).lines())
    assert f"the game went on from its events in {went_on}" in unfolded(render([path], "md")).replace("\\", "")
    monkeypatch.setattr(replay.ReplayApp, "run", lambda self, *args, **kwargs: None)  # the viewer, closed with q
    monkeypatch.setattr(screens, "_need_terminal", lambda *_a: None)
    assert cli.main(["replay", str(path)]) == 0
    assert capsys.readouterr().err.count(line.strip()) == 1
    went_on.write_bytes(old)  # as long as the save, no more: not where the game went on
    assert all("went on" not in told for told in verify(path).lines())
