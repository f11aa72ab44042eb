"""The store's own messages read in Russian and Ukrainian: a refused second writer, a team name
typed wrong, a line of the wrong shape, a file that is not there (issue 19: store in the literal check).

English stays as it was; each test also holds the English wording, so a
translation never changes it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tabletop import lang
from tabletop.store import SaveBusy, SaveError
from tabletop.store.lock import open_to_write
from tabletop.store.players import parse_teams
from tabletop.store.recovery import resume
from tabletop.store.shapes import ShapeError, shapes

from .savekit import record_bot_game, scenario

CYRILLIC = re.compile("[а-яёіїєґ]", re.IGNORECASE)


def test_a_second_writer_is_refused_in_the_seat_language(tmp_path: Path) -> None:
    path = record_bot_game(tmp_path / "room.jsonl", scenario(), 2).path
    first = resume(path)
    try:
        said = {}
        for code in ("en", "ru", "uk"):
            with lang.using(code), pytest.raises(SaveBusy) as refused:
                resume(path)
            said[code] = str(refused.value)
    finally:
        first.writer.close()
    assert said["en"].startswith(f"{path} is open in another tabletop (pid {os.getpid()}, started ")
    assert said["ru"].startswith(f"{path} открыт в другом tabletop (pid {os.getpid()}, запущен ")
    assert said["uk"].startswith(f"{path} відкрито в іншому tabletop (pid {os.getpid()}, запущено ")
    assert said["ru"].endswith("сначала закройте его там") and said["uk"].endswith("спершу закрийте його там")


def test_a_missing_save_is_named_in_ukrainian(tmp_path: Path) -> None:
    with lang.using("uk"), pytest.raises(SaveError) as missing:
        open_to_write(tmp_path / "nowhere.jsonl")
    assert str(missing.value) == f"{tmp_path / 'nowhere.jsonl'}: немає такого файлу"
    assert missing.value.kind == "missing"  # the kind stays an id; shown through the catalogue


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_team_names_typed_wrong_are_refused_in_the_language(code: str) -> None:
    with lang.using(code):
        for spec in (["ru"], ["xx=Team"], ["ru=A", "ru=B"], ["ru=   "], ["ru=" + "x" * 61]):
            with pytest.raises(ValueError) as refused:
                parse_teams(spec, ["ru", "ua"])
            assert CYRILLIC.search(str(refused.value)), str(refused.value)
    with pytest.raises(ValueError, match="at most 60 characters"):
        parse_teams(["ru=" + "x" * 61], ["ru", "ua"])


def test_a_line_of_the_wrong_shape_is_explained_in_russian() -> None:
    event = shapes()[1]
    record = {"seq": "one", "time": "t", "round": 1, "phase": "moves", "action": {}, "result": {}, "state": "0" * 32,
              "chain": "0" * 32}
    with pytest.raises(ShapeError) as english:
        event.check(record)
    with lang.using("ru"), pytest.raises(ShapeError) as russian:
        event.check(record)
    assert str(english.value) == 'seq: expected a whole number ≥ 1, found "one"'
    assert str(russian.value).startswith("seq: ожидалось: целое число")
    with lang.using("uk"), pytest.raises(ShapeError) as ukrainian:
        event.check({})
    assert CYRILLIC.search(str(ukrainian.value))


def test_a_damage_whose_detail_ends_a_sentence_reads_with_one_full_stop() -> None:
    """Found from outside (helper-207): the report's terminal warning read "... no more moves there.. The report
    covers only the intact events before it": the engine's refusal ends its sentence, and every sentence that quotes
    a damage puts its own full stop after it."""
    from tabletop.store.reading import Damage

    damage = Damage(81, 82, "illegal event", "TRACK_CLOSED: 'Basin investment fund' is agreed: no more moves there.")
    assert str(damage) == ("event 81 (line 82): illegal event: TRACK_CLOSED: 'Basin investment fund' is agreed: "
                           "no more moves there")
    assert str(Damage(0, 1, "changed line", "the header has no seed.")).endswith("the header has no seed")
    assert str(Damage(3, 4, "changed line", "cut short...")).endswith("cut short...")  # an ellipsis is kept
