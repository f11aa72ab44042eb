"""A number and its noun agree: found from outside (helper-372), each of these said one form for every number
(«20001 знаков», «3 байт», «22 рабочих процессов», «по 1 игр на точку», "the 1 members of the track").

Each message is made by the code that says it, with 1, 2, 5, 11, 21 and 22 (or the nearest numbers it can meet),
and read for the words a reader of that language expects: 21 takes the form of 1, 22 that of 2, 11 that of 5.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tabletop import apply, lang, new_game
from tabletop.content.fields import content_fields
from tabletop.content.models import Ratify, Track
from tabletop.engine.actions import TEXT_LIMIT, Action, RuleViolation
from tabletop.engine.arguments import check_text
from tests.engine.support import at_the_moves

NUMBERS = (1, 2, 5, 11, 21, 22)


def _form(code: str, number: int) -> int:
    """Which of three forms ``number`` takes, as a grammar book says it: in ru and uk 1 and 21 "one", 2 and 22
    "few", 5, 11 and 111 "many"; in English 1 alone is "one"."""
    if code == "en":
        return 0 if number == 1 else 1
    if number % 10 == 1 and number % 100 != 11:
        return 0
    return 1 if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14) else 2


def _said(code: str, number: int, forms: tuple[str, str, str], what: str) -> tuple[str, str]:
    """The words expected for ``number`` (``{n}`` in ``forms`` filled), and ``what`` the code said."""
    return forms[_form(code, number)].format(n=number), what


def _check(said: list[tuple[str, str]]) -> None:
    wrong = [(want, text) for want, text in said if want not in text]
    assert wrong == []


CHARACTERS = {"ru": ("{n} знак;", "{n} знака;", "{n} знаков;"), "uk": ("{n} знак;", "{n} знаки;", "{n} знаків;"),
              "en": ("{n} character long", "{n} characters long", "{n} characters long")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_a_text_over_the_records_limit_says_its_length_with_the_right_noun(code: str) -> None:
    state, said = at_the_moves(), []
    for n in NUMBERS:
        length = TEXT_LIMIT + n  # 20001 takes the form of 1, 20002 that of 2, 20011 that of 5
        with lang.using(code), pytest.raises(RuleViolation) as refused:
            apply(state, Action(kind="note", text="x" * length))
        assert refused.value.code == "TEXT_TOO_LONG"
        said.append(_said(code, length, CHARACTERS[code], refused.value.message))
    _check(said)


SYMBOLS = {"ru": ("{n} символ,", "{n} символа,", "{n} символов,"), "uk": ("{n} символ,", "{n} символи,", "{n} символів,"),
           "en": ("is {n} character long", "is {n} characters long", "is {n} characters long")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_an_arguments_text_over_its_limit_says_its_length_with_the_right_noun(code: str) -> None:
    said = []
    for n in NUMBERS:
        with lang.using(code), pytest.raises(RuleViolation) as refused:
            check_text("ж" * n, n - 1, "reason 1", required=True)
        said.append(_said(code, n, SYMBOLS[code], refused.value.message))
    _check(said)


BYTES = {"ru": ("({n} байт", "({n} байта", "({n} байт"), "uk": ("({n} байт", "({n} байти", "({n} байтів"),
         "en": ("({n} byte", "({n} bytes", "({n} bytes")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_a_message_too_big_to_send_says_its_size_with_the_right_noun(code: str) -> None:
    from tabletop.seats.client import _too_big

    said = []
    for n in NUMBERS:
        for limit, after in ((None, ")"), (0, ",")):  # "(1 byte)" when the host said no limit, "(1 byte, ..." else
            with lang.using(code):
                text = _too_big(n, limit)
            said.append(_said(code, n, tuple(form + after for form in BYTES[code]), text))
    _check(said)


WORKERS = {"ru": ("{n} рабочий процесс —", "{n} рабочих процесса —", "{n} рабочих процессов —"),
           "uk": ("{n} робочий процес —", "{n} робочі процеси —", "{n} робочих процесів —"),
           "en": ("{n} worker process is", "{n} worker processes is", "{n} worker processes is")}
CORES = {"ru": ("у неё {n} ядро;", "у неё {n} ядра;", "у неё {n} ядер;"),
         "uk": ("в неї {n} ядро;", "в неї {n} ядра;", "в неї {n} ядер;"),
         "en": ("its one core;", "each of its {n} cores;", "each of its {n} cores;")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_too_many_worker_processes_are_counted_with_the_right_noun(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from tabletop.cli.arguments import WORKERS_PER_CORE, too_many_workers
    from tabletop.sim import runner

    said = []
    for cores in NUMBERS:  # the machine's cores are counted too: "each of its 1 cores", «из её 1 ядер»
        monkeypatch.setattr(runner, "default_workers", lambda cores=cores: cores)
        with lang.using(code):
            text = too_many_workers(WORKERS_PER_CORE * cores + 1)
        assert text is not None
        said.append(_said(code, cores, CORES[code], text))
    monkeypatch.setattr(runner, "default_workers", lambda: 1)  # a one-core machine: more than 4 are too many
    for n in (n for n in NUMBERS if n > WORKERS_PER_CORE):
        with lang.using(code):
            text = too_many_workers(n)
        assert text is not None
        said.append(_said(code, n, WORKERS[code], text))
    _check(said)


MEMBERS = {"en": ("the {n} member of", "the {n} members of", "the {n} members of")}


def test_a_ratify_threshold_over_the_members_counts_them_with_the_right_noun() -> None:
    track = at_the_moves().scenario.ruleset.tracks[0]
    fields = {f.name: getattr(track, f.name) for f in content_fields(Track)}
    said = []
    for n in NUMBERS:
        wrong = Track(**{**fields, "members": tuple(f"a{i}" for i in range(n)), "ratify": Ratify(threshold=n + 1)})
        with lang.using("en"), pytest.raises(ValueError) as refused:
            wrong.check()
        said.append(_said("en", n, MEMBERS["en"], str(refused.value)))
    _check(said)


def _summary(games: int, points: int = 1) -> dict[str, object]:
    """A finished sweep of ``points`` points, ``games`` games at each (what :func:`_head` reads)."""
    plan = {"keys": [], "points": [{}] * points, "games": games, "seed": 7, "ruleset": "r", "deck": "d", "actors": []}
    return {"plan": plan, "games": games * points, "expected": games * points, "points": [{"games": games}] * points}


#: ru and uk say the points as a label and its number, as the sentence says the games
WHERE = {"ru": ("; точек: {n} (",) * 3, "uk": ("; точок: {n} (",) * 3,
         "en": ("in {n} point (", "in {n} points (", "in {n} points (")}
PER_POINT = {"ru": ("(по {n} игре на точку)", "(по {n} игры на точку)", "(по {n} игр на точку)"),
             "uk": ("(по {n} грі на точку)", "(по {n} гри на точку)", "(по {n} ігор на точку)"),
             "en": ("({n} per point)", "({n} per point)", "({n} per point)")}
MARGIN = {"ru": ("При {n} игре на точку", "При {n} играх на точку", "При {n} играх на точку"),
          "uk": ("Якщо на точку припадає {n} гра,", "Якщо на точку припадають {n} гри,",
                 "Якщо на точку припадає {n} ігор,"),
          "en": ("With {n} game a point,", "With {n} games a point,", "With {n} games a point,")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_a_sweep_reports_games_a_point_with_the_right_noun(code: str) -> None:
    from tabletop.report.sweeppage import _head

    said = []
    for n in NUMBERS:
        with lang.using(code):
            text = " ".join(_head(_summary(n)))
        said += [_said(code, n, PER_POINT[code], text), _said(code, n, MARGIN[code], text)]
        with lang.using(code):
            text = " ".join(_head(_summary(3, points=n)))
        said.append(_said(code, n, WHERE[code], text))
    _check(said)


DIGITS = {"ru": ("из {n} цифры", "из {n} цифр", "из {n} цифр"), "uk": ("з {n} цифри", "з {n} цифр", "з {n} цифр"),
          "en": ("of {n} digit is", "of {n} digits is", "of {n} digits is")}


@pytest.mark.parametrize("code", ["ru", "uk", "en"])
def test_a_number_too_long_to_read_counts_its_digits_with_the_right_noun(code: str, tmp_path: Path) -> None:
    """On the command line past 40 digits, in a content file past Python's 4300: «из 41 цифры», «з 4321 цифри»."""
    import argparse

    from tabletop.cli.arguments import _whole
    from tabletop.content.errors import ContentError
    from tabletop.content.source import read_toml

    said = []
    for n in (41, 42, 45, 111, 121, 122):
        with lang.using(code), pytest.raises(argparse.ArgumentTypeError) as refused:
            _whole(0, "seed")("9" * n)
        said.append(_said(code, n, DIGITS[code], str(refused.value)))
    for n in (4301, 4302, 4305, 4311, 4321, 4322):
        path = tmp_path / f"long-{n}.toml"
        path.write_text(f"[ruleset]\nturns = {'9' * n}\n", encoding="utf-8")
        with lang.using(code), pytest.raises(ContentError) as refused:
            read_toml(path)
        said.append(_said(code, n, DIGITS[code], str(refused.value)))
    _check(said)


def test_an_argument_with_too_many_reasons_counts_the_most_with_the_right_noun() -> None:
    """English said "at most 1 reasons" of a ruleset that takes one; ru and uk word it without a noun's form."""
    from tests.engine.argue_kit import argue_scenario, argument
    from tests.engine.support import opening, run

    state = run(new_game(argue_scenario(text_length=20, reason_length=20, reasons=1), seed=1), opening())
    with lang.using("en"), pytest.raises(RuleViolation) as refused:
        apply(state, argument(reasons=("a", "b")))
    assert "gives at most 1 reason;" in refused.value.message, refused.value.message


ONE_POINT = """\
[sweep]
ruleset = "parallel-tracks"
games = 1
seed = 11
chunk = 1

[[axes]]
key = "tracks.borders.breakdown_at"
values = [6]
"""


def test_a_sweep_of_one_game_at_one_point_says_game_and_point(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    """Found from outside: a trial sweep said "1 games played in 1 points" and its page "1 games per value"."""
    from tabletop.cli import main
    from tests.sweep.kit import write_spec

    out, page = tmp_path / "o", tmp_path / "page.html"
    with lang.using("en"):
        assert main(["sweep", str(write_spec(tmp_path, text=ONE_POINT)), "--out", str(out), "--workers", "1"]) == 0
        said = capsys.readouterr().out
        assert main(["sweep", "report", str(out), "--format", "html", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "1 game played in 1 point on" in said, said
    assert "1 game per value;" in html and "1 games per value" not in html


def test_a_recovered_copy_of_one_intact_event_says_event(tmp_path: Path) -> None:
    """A save damaged at its second event, resumed: its copy's report said "its first 1 events"."""
    from tabletop.report import render
    from tabletop.store.continuation import continues
    from tabletop.store.recovery import resume
    from tests.report.kit import unfolded
    from tests.store.savekit import lines_of, record_bot_game, scenario

    lines = lines_of(record_bot_game(tmp_path / "game.jsonl", scenario(), 1).path)
    lines[2] = lines[2].replace(b'"round":', b'"round" :', 1)  # event 2 no longer chains: event 1 is kept
    damaged = tmp_path / "flip.jsonl"
    damaged.write_bytes(b"".join(lines))
    copy = resume(damaged)
    copy.writer.close()
    assert continues(copy.save.path) == (damaged.resolve(), 1)
    with lang.using("en"):
        said = unfolded(render([copy.save.path], "md")).replace("\\", "")
    assert f"its first event is that of the damaged save {damaged.resolve()}" in said, said[:1500]
