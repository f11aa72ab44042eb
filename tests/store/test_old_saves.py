"""Saves written before the log was language-neutral (format version 1, a ``summary`` in every result).

They verify (their words are not compared: nothing shows them any more), and
readers get each event as the game replays it, worded by ``tell``: in English
the very summary the line recorded. Resumed, they go on in a copy of the new format beside
them, left whole for the tabletops that read only theirs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.engine import Action
from tabletop.engine.telling import notes, tell
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify
from tests.engine.test_telling import vote_now, words_now

TESTS = Path(__file__).resolve().parent.parent
OLD = [TESTS / "report" / "fixtures" / "tiny-game.jsonl", TESTS / "replay" / "fixtures" / "replay-game.jsonl"]


@pytest.mark.parametrize("path", OLD, ids=lambda p: p.name)
def test_an_old_save_verifies_and_reads_in_the_words_it_recorded(path: Path) -> None:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert lines[0]["version"] == 1 and all("summary" in line["result"] for line in lines[1:])
    assert verify(path).ok
    save = open_save(path)
    assert save.check_records() is None
    assert len(save.events) == len(lines) - 1
    with lang.using("en"):
        for event, line in zip(save.events, lines[1:], strict=True):
            assert "summary" not in event.result  # the replayed result, worded by tell
            # the words as recorded, but for the signs, which read ≥, ≤ and a modifier's − now, the reasons said
            # since (an undo's) or not said any more (tabletop's own), and a settling vote, which reads as the
            # vote, then the proposal's verdict, then the tally
            assert tell(event, save.scenario) == vote_now(words_now(line["result"]["summary"]), event, save.scenario)
            assert notes(event, save.scenario) == line["result"].get("notes", [])


def test_an_old_lines_words_are_not_held_against_the_game(tmp_path: Path) -> None:
    from .savekit import rechain

    records = [json.loads(line) for line in OLD[0].read_text("utf-8").splitlines()]
    for record in records:
        record.pop("chain", None)
    records[3]["result"]["summary"] = "something else entirely"
    edited = tmp_path / "old.jsonl"
    edited.write_bytes(rechain(records))
    assert verify(edited).ok  # the words are never shown: the game's own are
    records[3]["result"]["forged"] = 1
    edited.write_bytes(rechain(records))
    report = verify(edited)
    assert not report.ok and report.damage is not None and report.damage.seq == 3


def test_an_old_save_resumed_goes_on_in_a_copy_in_the_new_format(tmp_path: Path) -> None:
    """Found from outside (helper-321): format 2 lines appended under a header of format 1 made the tabletop that
    wrote it call the save damaged, and its resume then split the game in two. The old file is left byte for byte
    for the tabletops that read only format 1; the game goes on in a copy of the current format, as a damaged
    save's does, and says so."""
    path = tmp_path / "old.jsonl"
    shutil.copy(OLD[0], path)
    before = path.read_bytes()
    kept = len(before.splitlines()) - 1
    copy = tmp_path / "old-recovered.jsonl"
    resumed = resume(path, durable=False)
    try:
        assert resumed.messages == [
            f"The save is in save format 1, which the tabletops that wrote it read; this tabletop writes format 2. "
            f"It was left as it is; the game continues from event {kept} in {copy}."]
        assert resumed.rewound is None and resumed.lost == 0  # nothing dropped
        state = resumed.state
        from tabletop.engine import apply

        state = apply(state, Action("note", text="a note after the resume", about=state.seq, lang="en"))
        resumed.writer.append(state)
    finally:
        resumed.writer.close()
    assert path.read_bytes() == before and verify(path).ok
    lines = [json.loads(line) for line in copy.read_text("utf-8").splitlines()]
    assert lines[0]["version"] == 2
    noted = lines[kept + 1]  # the copy's first own event says where it comes from
    assert noted["action"]["text"].startswith(f"Continued by tabletop resume in save format 2: the save {path} (format 1")
    assert "summary" not in lines[-1]["result"] and lines[-1]["action"]["lang"] == "en"
    assert verify(copy).ok and verify(copy).events == kept + 2
    assert f"  the game went on from these events in {copy}, in save format 2" in "\n".join(verify(path).lines())
    again = resume(path, durable=False)  # one game, one copy: a second resume goes on in it
    try:
        assert again.writer.path == copy and len(again.save) == kept + 2
        assert again.messages[0] == f"The save is in save format 1. It was continued before in {copy}: the game continues there."
    finally:
        again.writer.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old-recovered.jsonl", "old.jsonl"]


def test_an_inject_written_before_its_unmet_condition_was_recorded_still_verifies(tmp_path: Path) -> None:
    """An inject whose card's condition did not hold records ``requires_unmet`` (helper-319, F3); a save written
    before that has no such key on the line, and verifies. A key the game would not write is still damage."""
    from tabletop.engine import Action as Act
    from tests.engine.support import catalogue_scenario

    from .savekit import rechain, record_actions

    path = tmp_path / "inject.jsonl"
    record_actions(path, catalogue_scenario("strict"), 1, [lambda s: Act("inject", card="late")])
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert records[1]["result"] == {"requires_unmet": True} and verify(path).ok
    for record in records:
        record.pop("chain", None)
    del records[1]["result"]["requires_unmet"]
    path.write_bytes(rechain(records))
    assert verify(path).ok
    records[1]["result"]["requires_unmet"] = False
    path.write_bytes(rechain(records))
    assert not verify(path).ok



@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_an_intact_old_save_resumed_is_said_to_go_on_in_a_new_file_not_to_be_recovered(
        tmp_path: Path, lang: str) -> None:
    """Found from outside (helper-332, finding 8): resuming an intact format-1 save put up a notice titled "Save
    recovered", though nothing was damaged. It is titled for what happened, on the hot seat (and the host's console,
    given the same title): the save went on in a new file; a damaged save's is still "Save recovered"."""
    from tabletop import lang as lang_module
    from tabletop.play.session import Session
    from tabletop.tui.app import TabletopApp

    path = tmp_path / "old.jsonl"
    shutil.copy(OLD[1], path)
    session = Session.resume(path)
    assert session.messages
    app = TabletopApp(session, lang=lang)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        titles = {n.title for n in app._notifications}
    session.close()
    with lang_module.using(lang):
        recovered = lang_module.Domain("tui").words()[0]("Save recovered")
    continued = {"en": "Save continued in a new file", "ru": "Сохранение продолжено в новом файле",
                 "uk": "Збереження продовжено в новому файлі"}[lang]
    assert continued in titles and recovered not in titles, titles
    copy = tmp_path / "old-recovered.jsonl"
    with copy.open("ab") as torn:  # a crash while writing its next line: that one is damaged, and says so
        torn.write(b'{"seq": ')
    again = Session.resume(copy)
    assert again.damaged and again.messages
    again.close()
