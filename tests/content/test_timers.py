"""Phase timers in the ruleset vocabulary: durations, the ``--timer`` words, and the guide's example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tabletop.content import load_scenario
from tabletop.content.fields import build, dump
from tabletop.content.finding import bundled_rulesets
from tabletop.content.timers import (
    NO_TIMERS,
    TIMED_PHASES,
    Timers,
    format_duration,
    parse_duration,
    parse_timer_option,
    timers_from_data,
)

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


@pytest.mark.parametrize(("text", "seconds"), [
    ("90s", 90), ("5m", 300), ("1m30s", 90), ("1h", 3600), ("2h59m59s", 10799), ("3h", 10800),
    (" 5M ", 300), ("1m 30s", 90), ("off", None), ("OFF", None),
])
def test_durations(text: str, seconds: int | None) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(("text", "words"), [
    ("5x", "is not a duration"), ("5", "is not a duration"), ("", "is not a duration"),
    ("m", "is not a duration"), ("1.5m", "is not a duration"), ("5m1h", "is not a duration"),
    ("-5m", "cannot last a negative time"), ("0s", "a timer of no time is up at once"),
    ("3h1s", "longer than 3 hours"), ("300m", "longer than 3 hours"),
])
def test_durations_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=re.escape(words)):
        parse_duration(text)


@pytest.mark.parametrize("seconds", [None, 1, 59, 60, 90, 3599, 3600, 3661, 10800])
def test_a_duration_written_reads_back(seconds: int | None) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_timers_default_to_the_old_fixed_lengths_and_off_means_none() -> None:
    default = Timers()
    assert [default.seconds(p) for p in TIMED_PHASES] == [120, 300, 180, 120]
    assert default.on_time_up == "nothing"
    assert [NO_TIMERS.seconds(p) for p in TIMED_PHASES] == [None] * 4
    assert default.seconds("no-such-phase") is None


def test_the_timer_option_changes_what_it_names_and_keeps_the_rest() -> None:
    base = Timers(moves="7m", on_time_up="pass")
    assert parse_timer_option("", base) is base
    changed = parse_timer_option(" event=1m , review=90s,", base)
    assert (changed.event, changed.moves, changed.review, changed.on_time_up) == ("1m", "7m", "90s", "pass")
    assert parse_timer_option("on_time_up=nothing", base).on_time_up == "nothing"
    off = parse_timer_option("off", base)
    assert [off.seconds(p) for p in TIMED_PHASES] == [None] * 4 and off.on_time_up == "pass"
    assert parse_timer_option("moves=off", base).seconds("moves") is None


@pytest.mark.parametrize(("text", "words"), [
    ("movs=5m", "unknown phase 'movs' (did you mean 'moves'?); expected one of event, moves, adjudication, review"),
    ("moves", "'moves': write phase=length, e.g. moves=5m"),
    ("moves=", "'moves=': write phase=length"),
    ("moves=5x", "'5x' is not a duration"),
    ("on_time_up=passes", "on_time_up=passes (did you mean 'pass'?): expected one of nothing, pass"),
])
def test_the_timer_option_refused(text: str, words: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_timer_option(text, Timers())
    assert words in str(info.value)


def test_timers_read_back_from_a_save_are_checked() -> None:
    assert timers_from_data({"moves": "3m", "on_time_up": "pass"}) == Timers(moves="3m", on_time_up="pass")
    assert timers_from_data({}) == Timers()
    for bad in (None, "5m", [], {"moves": 300}, {"moves": "5x"}, {"lunch": "1h"}, {"on_time_up": "explode"}):
        assert timers_from_data(bad) is None, bad


def test_timers_dump_and_build_as_content_does() -> None:
    timers = Timers(event="off", moves="6m", on_time_up="pass")
    assert dump(timers) == {"event": "off", "moves": "6m", "on_time_up": "pass"}
    assert build(Timers, dump(timers)) == timers
    assert dump(Timers()) == {}


def test_every_bundled_ruleset_has_timers_for_a_two_hour_workshop() -> None:
    for path in bundled_rulesets():
        options = load_scenario(path).ruleset.ruleset
        lengths = [options.timers.seconds(p) for p in options.phases]
        assert all(lengths), f"{path.name}: a phase without a timer"
        assert sum(lengths) * options.turns <= 2 * 3600, f"{path.name}: longer than two hours"


def test_the_guides_ruleset_example_with_its_timers_validates(tmp_path: Path) -> None:
    """The guide's example ruleset (with ``[ruleset.timers]``) and deck load as a scenario."""
    blocks = re.findall(r"```toml\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    ruleset = next(b for b in blocks if b.startswith("# rulesets/harbour.toml"))
    deck = next(b for b in blocks if b.startswith("# decks/harbour-events.toml"))
    assert "[ruleset.timers]" in ruleset
    (tmp_path / "harbour.toml").write_text(ruleset, encoding="utf-8")
    (tmp_path / "harbour-events.toml").write_text(deck, encoding="utf-8")
    scenario = load_scenario(tmp_path / "harbour.toml", tmp_path / "harbour-events.toml")
    timers = scenario.ruleset.ruleset.timers
    assert (timers.moves, timers.review, timers.on_time_up) == ("6m", "90s", "nothing")


def test_a_timer_of_thousands_of_digits_is_too_long_in_words() -> None:
    """Found in review (helper-105): a length of 5,000 digits gave Python's own English message ("Exceeds the
    limit (4300 digits) for integer string conversion"), untranslated, whole."""
    from tabletop.content.timers import parse_duration

    with pytest.raises(ValueError) as caught:
        parse_duration("9" * 5000 + "m")
    assert "is longer than 3 hours" in str(caught.value) and len(str(caught.value)) < 200, str(caught.value)[:200]
