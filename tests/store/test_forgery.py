"""Forgeries with the hash chain recomputed: every one is named by ``verify``; no reader raises.

A real game is played by the engine and written by the store's writer (bots,
with a facilitator who notes, overrides and undoes). Then, for every kind of
event and every key path in its line — each field of ``result`` (dice,
total, target, modifiers, changes, votes, what its words are made of...), ``round``, ``phase``,
``actor``, ``track``, ``seq`` and the action's payload — a forger changes one
value (the same type, another value), removes or adds an item, or puts a
value of the wrong type there, and recomputes the whole chain the way the
save format documents it (``savekit.rechain``). The header gets the same
treatment. ``verify`` must name each forgery at its event (exit 1), and the
report (md, html, json) and the replay viewer's loading must not raise.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tabletop.content.loader import load_scenario
from tabletop.content.numbers import MOST_SEED
from tabletop.engine import Action, apply, legal_actions, new_game
from tabletop.report import ReportError, build_report
from tabletop.report.render import report_html, report_lines, to_json
from tabletop.store import SaveError, SaveWriter
from tabletop.store.reading import open_save
from tabletop.store.verifying import VerifyReport, _verify, verify
from tabletop.sim.bots import Bot

from .savekit import lines_of, rechain, records_of, tabletop

SEED = 11
#: the facilitator ends the game after this many events: every kind of event, a save that replays in milliseconds
LENGTH = 90


def _play(path: Path) -> None:
    """A game as a room plays it: bots for the teams, a facilitator who rules, notes, overrides and undoes."""
    scenario = load_scenario("parallel-tracks")  # bundled: read from the validated cache, quick to open
    rng = random.Random(SEED)
    state = new_game(scenario, SEED)
    extras = {
        12: Action("note", about=3, text="the room asks why — «ok» ✓"),
        18: Action("override", track=scenario.ruleset.tracks[0].id, tension=0, reason="calm the room"),
        25: Action("undo", reason="the last move was a mistake"),
    }
    pressed = False
    with SaveWriter.create(path, scenario, SEED, durable=False) as writer:
        while not state.over:
            action = extras.get(state.seq)
            if state.seq == LENGTH:
                action = Action("end", reason="the workshop ran out of time")
            if action is None:
                options = legal_actions(state)
                action = options[0]
                if action.actor is not None:
                    action = Bot("random", rng).choose(state, options)
                    passing = [o for o in options if o.kind == "pass"]
                    if passing and rng.random() < 0.15:
                        action = passing[0]
                    # one dice move with modifiers (pressing hard), so its ruling's modifiers are in the corpus:
                    # random teams now often argue instead, and an argument's roll has none
                    press = next((o for o in options if o.kind == "move" and o.move == "press"), None)
                    if press is not None and not pressed and state.seq >= 30:
                        action, pressed = press, True
                elif action.kind == "rule":
                    action = Action("rule", track=action.track, success=rng.random() < 0.5, reason="the room agreed")
            state = apply(state, action)
            writer.append(state)


@cache
def _game_records() -> tuple[bytes, ...]:
    """The played save's lines (played once per test process; the forgery list is built from it)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "game.jsonl"
        _play(path)
        return tuple(lines_of(path))


# --------------------------------------------------------------------------
# The forgeries


def _paths(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    """Every position in a JSON value (containers too), with the value there."""
    yield path, value
    if isinstance(value, dict):
        for key, sub in value.items():
            yield from _paths(sub, (*path, key))
    elif isinstance(value, list):
        for i, sub in enumerate(value):
            yield from _paths(sub, (*path, i))


def _other(value: Any, path: tuple[Any, ...]) -> Any:
    """Another value of the same type (a die stays a die)."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        if "dice" in path:
            return 6 if value != 6 else 5
        return value + 1 if path[-1:] != ("total",) else 99
    if isinstance(value, str):
        return value + " (forged)"
    if value is None:
        return "ua"
    if isinstance(value, list):
        return value[:-1] if value else [value]
    if isinstance(value, dict):
        return {**value, "forged": 1}
    raise AssertionError(value)


#: a value of each JSON type, for the wrong-type forgeries
WRONG_TYPES = {"list": [], "object": {}, "string": "5", "number": 5, "bool": True, "null": None, "float": 1.5}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "number"
    if isinstance(value, float):
        return "float"
    return {list: "list", dict: "object", str: "string", type(None): "null"}[type(value)]


def _detail_path(path: tuple[Any, ...]) -> str:
    """A key path as verify words it: ``ruling.dice[0]``."""
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out


def _shape(path: tuple[Any, ...]) -> str:
    return ".".join("[]" if isinstance(p, int) else str(p) for p in path)


@cache
def forgeries() -> list[tuple[str, int, tuple[Any, ...], str, Any]]:
    """(id, event, key path, how, forged value): the first event of each kind with each key path, each way."""
    records = [json.loads(line) for line in _game_records()]
    out: dict[str, tuple[str, int, tuple[Any, ...], str, Any]] = {}
    positions: set[str] = set()
    for seq, record in enumerate(records[1:], 1):
        kind = record["action"]["kind"]
        for part in ("result", "action", "round", "phase", "actor", "track", "seq", "time", "state"):
            for path, value in _paths(record[part], (part,)):
                if path == ("action", "kind") or f"{kind}:{_shape(path)}" in positions:
                    continue  # another kind is another action: covered by its payload
                positions.add(f"{kind}:{_shape(path)}")
                ways = [("value", _other(value, path))] if part not in ("time",) else []
                wrong = [(f"type-{name}", v) for name, v in WRONG_TYPES.items() if name != _type_name(value)]
                # a wrong type at each position, taken in turn: every type reaches many positions
                ways.append(wrong[len(positions) % len(wrong)])
                for how, forged in ways:
                    key = f"{kind}:{_shape(path)}:{how}"
                    out.setdefault(key, (key, seq, path, how, forged))
        # a key the writer never writes, and a key taken away
        out.setdefault(f"{kind}:extra-key", (f"{kind}:extra-key", seq, ("forged",), "add", 1))
        out.setdefault(f"{kind}:missing-result", (f"{kind}:missing-result", seq, ("result",), "remove", None))
    return list(out.values())


def _set(record: dict[str, Any], path: tuple[Any, ...], how: str, forged: Any) -> None:
    *parents, last = path
    target: Any = record
    for p in parents:
        target = target[p]
    if how == "remove":
        del target[last]
    else:
        target[last] = copy.deepcopy(forged)


#: the events kept after a forged one in the corpus of forgeries: what a reader does after the forgery
#: (the report replaying on, the log's later entries) is there, the rest of the game is the same lines again
#: (the readers' work per forgery fell to a third; most forgeries are in the first 30 of 90 events)
AFTER = 6


def _forge(tmp_path: Path, seq: int, path: tuple[Any, ...], how: str, forged: Any, after: int | None = None) -> Path:
    """The game with one line forged, the chain recomputed from it on (the lines before it are the game's own);
    ``after``: only so many events after the forged one (None: the whole game)."""
    lines = _game_records()
    records = [json.loads(line) for line in lines[seq:None if after is None else seq + 1 + after]]
    _set(records[0], path, how, forged)
    prev = json.loads(lines[seq - 1])["chain"] if seq else ""
    out = tmp_path / "forged.jsonl"
    out.write_bytes(b"".join(lines[:seq]) + rechain(records, prev))
    return out


def _readers_cope(path: Path, as_json: bool = True) -> None:
    """The report in every format and the replay viewer's loading: a damage notice at most, never a raise."""
    from tabletop.tui.replay import ReplayScreen

    try:
        save = open_save(path)  # what ``render`` and ``tabletop replay`` open first
    except SaveError as exc:
        assert exc.message  # a clean refusal naming the problem
        with pytest.raises(ReportError):
            build_report(path)
        return
    data = build_report(save)  # what ``render`` does for one save, built once for the three formats
    assert report_lines(data) and report_html(data)
    if as_json:  # the indented JSON is the slow one, and only lays out what build_report made
        assert to_json(data)
    ReplayScreen(save)  # builds its indexes of the events: where a malformed result used to raise


def _as_if_checked_whole(path: Path, report: VerifyReport) -> None:
    """verify checks the whole shape only of a line that differs from the replay: its report is the one a
    verify that checks every line whole gives, to the letter (damage, chains, counts, notes)."""
    whole = _verify(path, whole_shapes=True)
    assert report.lines() == whole.lines()
    assert (report.damage, report.chains, report.events, report.rounds, report.chance_checked, report.notes) == (
        whole.damage, whole.chains, whole.events, whole.rounds, whole.chance_checked, whole.notes)


@pytest.mark.parametrize(("seq", "path", "how", "forged"),
                         [pytest.param(*f[1:], id=f[0]) for f in forgeries()])
def test_every_forgery_is_named_at_its_event(tmp_path: Path, seq: int, path: tuple, how: str, forged: Any) -> None:
    forged_path = _forge(tmp_path, seq, path, how, forged, after=AFTER)
    report = verify(forged_path)
    assert not report.ok, f"passes verify: {_shape(path)} = {forged!r} in event {seq}"
    _as_if_checked_whole(forged_path, report)
    assert report.error is None and report.damage is not None
    assert (report.damage.seq, report.damage.line) == (seq, seq + 1), report.lines()
    if how == "value" and path[0] == "result":
        # what the game computed is named by its key path
        assert report.damage.kind == "result differs", report.lines()
        assert report.damage.detail.startswith(_detail_path(path[1:])), report.lines()
    _readers_cope(forged_path, as_json=seq % 5 == 0)


def test_the_corpus_covers_what_the_game_computes() -> None:
    """The generator reaches every kind of event and the result fields a ruling shows."""
    ids = [f[0] for f in forgeries()]
    for kind in ("draw", "apply_card", "move", "pass", "vote", "roll", "rule", "advance", "note", "override", "undo",
                 "end"):
        assert any(i.startswith(f"{kind}:") for i in ids), kind
    for field in ("result.ruling.dice.[]", "result.ruling.total", "result.ruling.target", "result.ruling.modifiers",
                  "result.told.undone.action.kind", "result.changes.[].to", "round", "phase", "actor", "track", "seq",
                  "action.track", "action.actor"):
        assert any(f":{field}:" in i for i in ids), field
    assert len(ids) > 400


# --------------------------------------------------------------------------
# The example of the issue, worded


def _first(kind: str, want=lambda record: True) -> tuple[int, dict[str, Any]]:
    records = [json.loads(line) for line in _game_records()]
    for seq, record in enumerate(records[1:], 1):
        if record["action"]["kind"] == kind and want(record):
            return seq, record
    raise AssertionError(f"the game has no {kind}")


def test_a_forged_dice_total_is_named_with_its_key_path(tmp_path: Path) -> None:
    seq, record = _first("roll", lambda r: not r["result"]["ruling"].get("lapsed"))
    total = record["result"]["ruling"]["total"]
    path = _forge(tmp_path, seq, ("result", "ruling", "total"), "value", 99)
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line, report.damage.kind) == (seq, seq + 1, "result differs")
    assert report.damage.detail == f"ruling.total: the game gives {total}, the save says 99"
    done = tabletop("verify", str(path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout.splitlines()[0] == (
        f"{path}: damaged at event {seq} (line {seq + 1}): result differs: ruling.total: the game gives {total}, "
        "the save says 99")
    # the report ends before the forged event, where verify names it (found from outside, helper-207: it went on
    # past it, showing the game as it replays, with exit status 0)
    data = build_report(path)
    assert data["replay"] == {"checked": seq - 1, "first_mismatch": seq}
    assert data["damage"]["seq"] == seq and data["damage"]["kind"] == "result differs"
    assert any(w.startswith(f"This save is damaged at event {seq} (line {seq + 1}): result differs: ruling.total: "
                            f"the game gives {total}, the save says 99.") for w in data["warnings"]), data["warnings"]
    assert [e["seq"] for e in data["log"]] == list(range(1, seq))


@pytest.mark.parametrize(("code", "differs"), [("ru", "результат отличается"), ("uk", "результат відрізняється")])
def test_what_differs_is_named_in_the_language(tmp_path: Path, code: str, differs: str) -> None:
    """Issue 19: "result differs" was spliced in English into a translated verdict."""
    from tabletop import lang

    seq, record = _first("roll", lambda r: not r["result"]["ruling"].get("lapsed"))
    path = _forge(tmp_path, seq, ("result", "ruling", "total"), "value", 99)
    with lang.using(code):
        said = verify(path).lines()[0]
    assert f": {differs}: ruling.total: " in said and "differs" not in said.replace(str(path), "")
    assert verify(path).damage.kind == "result differs"  # the id in the data stays English


def test_dice_and_total_forged_together(tmp_path: Path) -> None:
    """The issue's case: dice [6, 6] and total 99, chain recomputed."""
    seq, record = _first("roll", lambda r: not r["result"]["ruling"].get("lapsed"))
    records = [json.loads(line) for line in _game_records()]
    records[seq]["result"]["ruling"]["dice"] = [6, 6]
    records[seq]["result"]["ruling"]["total"] = 99
    path = tmp_path / "forged.jsonl"
    path.write_bytes(rechain(records))
    report = verify(path)
    assert report.damage is not None and (report.damage.seq, report.damage.kind) == (seq, "result differs")
    assert report.damage.detail.startswith("ruling.dice[")


# --------------------------------------------------------------------------
# Structure: wrong types everywhere are named damage (file line, key path, expected)


@pytest.mark.parametrize(
    ("key", "value", "where"),
    [
        ("actor", [], "actor: expected a string or null, found []"),
        ("round", "1", 'round: expected a whole number ≥ 1, found "1"'),
        ("round", True, "round: expected a whole number ≥ 1, found true"),
        ("phase", 3, "phase: expected a string, found 3"),
        ("result", [5], "result: expected an object, found [5]"),
        ("time", 17, "time: expected a UTC time as tabletop writes it (2026-01-31T09:05:00.000Z), found 17"),
        # found from outside (helper-259): verify called it intact, and the replay showed "at garbage"
        ("time", "garbage", 'time: expected a UTC time as tabletop writes it (2026-01-31T09:05:00.000Z), found '
                            '"garbage"'),
        ("time", "2026-01-31 09:05:00", 'time: expected a UTC time as tabletop writes it (2026-01-31T09:05:00.000Z), '
                                        'found "2026-01-31 09:05:00"'),
        ("state", "not a hash", 'state: expected a string matching ^[0-9a-f]{32}$, found "not a hash"'),
        ("forged", 1, "forged: unknown key (expected one of seq, time, round, phase, actor, track, action, result, "
                      "state, clock, seal, reveal, chain); it may have been written by a newer tabletop: if so, install "
                      "a newer tabletop to read it"),
        ("clock", {"phase_left": -5, "paused": False, "elapsed": 0}, "clock.phase_left: expected a whole number or null \u2265 0, found -5"),
        ("clock", {"phase_left": 5, "paused": False}, "clock.elapsed: missing (expected a whole number \u2265 0)"),
        ("clock", {"phase_left": 5, "paused": "no", "elapsed": 0}, "clock.paused: expected true or false, found \"no\""),
    ],
)
def test_a_malformed_event_is_named_on_reading(tmp_path: Path, key: str, value: Any, where: str) -> None:
    seq = 5
    path = _forge(tmp_path, seq, (key,), "set", value)
    save = open_save(path)
    assert save.damage is not None
    assert (save.damage.seq, save.damage.line, save.damage.kind) == (seq, seq + 1, "malformed event")
    assert save.damage.detail == where
    assert len(save) == seq - 1
    report = verify(path)
    assert report.damage == save.damage
    _as_if_checked_whole(path, report)
    _readers_cope(path)


@pytest.mark.parametrize("lang", ["<script>x</script>", "fr", "EN", ""])
def test_a_text_s_language_the_product_does_not_know_is_named(tmp_path: Path, lang: str) -> None:
    """Found from outside (helper-259): a note's ``lang`` of ``<script>x</script>``, the chain rewritten, and verify
    called the save intact. A save records a text's language as one of the languages tabletop speaks."""
    seq, _record = _first("note")
    path = _forge(tmp_path, seq, ("action", "lang"), "set", lang)
    report = verify(path)
    assert report.damage is not None
    assert (report.damage.seq, report.damage.line, report.damage.kind) == (seq, seq + 1, "malformed event")
    assert report.damage.detail == f"action.lang: expected one of en, ru, uk, found {json.dumps(lang)}"
    for known in ("en", "ru", "uk"):
        assert verify(_forge(tmp_path, seq, ("action", "lang"), "set", known)).damage is None


def test_a_seat_may_be_any_bot_policy_or_a_team(tmp_path: Path) -> None:
    """What a save's seats may hold, each verifies: a team relabelled as a bot is a save's shape (only the bot's
    name is checked, not who played)."""
    for seat in ("human", "random", "cooperative", "hardliner"):
        assert verify(_forge(tmp_path, 0, ("seats",), "set", {"us": seat, "ua": "human"})).ok


def test_a_malformed_outcome_is_named_with_its_path(tmp_path: Path) -> None:
    seq, _record = _first("roll")
    path = _forge(tmp_path, seq, ("action", "outcome", "dice", 1), "set", 9)
    save = open_save(path)
    assert save.damage is not None and save.damage.kind == "malformed event"
    assert save.damage.detail == "action.outcome.dice[1]: expected a whole number from 1 to 6, found 9"


@pytest.mark.parametrize("kind", ["move", "vote", "note", "end"])
def test_time_up_on_an_action_other_than_a_pass_is_named(tmp_path: Path, kind: str) -> None:
    """Found from outside: a move edited to carry ``"time_up": true`` (only the phase timer's pass carries it) was
    read and replayed without a word. It is a malformed event, named at its line and key by every reader."""
    seq, _record = _first(kind)
    path = _forge(tmp_path, seq, ("action", "time_up"), "set", True)
    where = f'action.time_up: only allowed where action.kind is one of pass, counter, not where it is "{kind}"'
    save = open_save(path)
    assert save.damage is not None
    assert (save.damage.seq, save.damage.line, save.damage.kind, save.damage.detail) == (
        seq, seq + 1, "malformed event", where)
    assert len(save) == seq - 1
    report = verify(path)
    assert report.damage == save.damage
    _as_if_checked_whole(path, report)
    if kind == "move":
        import jsonschema

        from tabletop.store.schema import save_schema

        # the published schema says so too: the shapes are compiled from it
        line = json.loads(path.read_bytes().splitlines()[seq])
        assert not jsonschema.Draft202012Validator(save_schema()).is_valid(line)
        line["action"]["kind"] = "pass"
        assert jsonschema.Draft202012Validator(save_schema()).is_valid(line)
        done = tabletop("verify", str(path))
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stdout.splitlines()[0] == f"{path}: damaged at event {seq} (line {seq + 1}): malformed event: {where}"
        _readers_cope(path)


def test_time_up_on_a_pass_is_the_phase_timers_and_reads(tmp_path: Path) -> None:
    """The save schema's one place for ``time_up``: a pass (the writer's own, checked in tests/tui/test_timers.py)."""
    seq, _record = _first("pass")
    path = _forge(tmp_path, seq, ("action", "time_up"), "set", True, after=0)
    save = open_save(path)
    assert save.damage is None and save.events[-1].action.time_up is True


def test_changes_of_the_wrong_shape_are_named_and_never_shown(tmp_path: Path) -> None:
    """``changes: [5]`` keeps the chain right and the shape of an object: only the replay knows better."""
    seq, _record = _first("move", lambda r: r["result"].get("changes"))
    path = _forge(tmp_path, seq, ("result", "changes"), "set", [5])
    report = verify(path)
    assert report.damage is not None and (report.damage.seq, report.damage.kind) == (seq, "result differs")
    assert report.damage.detail.startswith("changes[0]: the game gives {")
    _readers_cope(path)
    data = build_report(path)
    assert data["damage"]["seq"] == seq  # the report ends before it: neither the forged changes nor any after
    assert max(e["seq"] for e in data["log"]) == seq - 1


HEADER_ODDITIES = [
    (("scenario",), "river-basin", 'scenario: expected an object, found "river-basin"'),
    (("scenario", "ruleset_name"), 5, "scenario.ruleset_name: expected a string, found 5"),
    (("scenario", "independence"), "anarchy", 'scenario.independence: expected one of strict, linked, found "anarchy"'),
    (("created",), 2026, "created: expected a UTC time as tabletop writes it (2026-01-31T09:05:00.000Z), found 2026"),
    # found from outside (helper-259): a save never holds these, and verify called the save intact
    (("created",), "not a date", 'created: expected a UTC time as tabletop writes it (2026-01-31T09:05:00.000Z), '
                                 'found "not a date"'),
    (("seats",), {"us": "<b>bot</b>"}, 'seats.us: expected one of human, random, cooperative, hardliner, found '
                                       '"<b>bot</b>"'),
    (("app_version",), ["1"], 'app_version: expected a string, found ["1"]'),
    (("simulated",), "yes", 'simulated: expected true or false, found "yes"'),
    (("seed",), -1, f"seed: expected a whole number from 0 to {MOST_SEED}, found -1"),
    # found from outside (helper-209): a seed that is there but no whole number was "the header has no seed"; one
    # past any seed tabletop gives was replayed, and told as damage at event 1
    (("seed",), 1e308, f"seed: expected a whole number from 0 to {MOST_SEED}, found 1e+308"),
    (("seed",), 7.0, f"seed: expected a whole number from 0 to {MOST_SEED}, found 7.0"),
    (("seed",), "7", f'seed: expected a whole number from 0 to {MOST_SEED}, found "7"'),
    (("seed",), True, f"seed: expected a whole number from 0 to {MOST_SEED}, found true"),
    (("seed",), None, f"seed: expected a whole number from 0 to {MOST_SEED}, found null"),
    (("seed",), MOST_SEED + 1, f"seed: expected a whole number from 0 to {MOST_SEED}, found {MOST_SEED + 1}"),
    (("seed",), 10**70, f"seed: expected a whole number from 0 to {MOST_SEED}, found {str(10**70)[:59]}\u2026"),
]


@pytest.mark.parametrize(("path", "value", "where"), HEADER_ODDITIES,
                         ids=[f"{_shape(h[0])}-{h[1]!r}"[:40] for h in HEADER_ODDITIES])
def test_a_malformed_header_is_refused_by_name(tmp_path: Path, path: tuple, value: Any, where: str) -> None:
    forged = _forge(tmp_path, 0, path, "set", value)
    with pytest.raises(SaveError) as caught:
        open_save(forged)
    assert caught.value.kind == "damaged header"
    assert caught.value.message == f"the header is malformed: {where}"
    report = verify(forged)
    assert not report.ok and report.error is not None
    done = tabletop("verify", str(forged)) if path == ("scenario",) else None
    if done is not None:
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert done.stdout.strip() == f"{forged}: damaged: damaged header: the header is malformed: {where}"
    _readers_cope(forged)


def test_header_names_must_be_the_embedded_scenarios(tmp_path: Path) -> None:
    forged = _forge(tmp_path, 0, ("scenario", "ruleset_name"), "set", "Another game")
    report = verify(forged)
    assert report.damage is not None and (report.damage.seq, report.damage.kind) == (0, "header differs")
    assert report.damage.detail.startswith('scenario.ruleset_name: the embedded scenario gives "')


# --------------------------------------------------------------------------
# What replay cannot recompute: only a noted chain head holds it


def test_a_forged_card_text_passes_verify_but_not_a_noted_head(tmp_path: Path) -> None:
    records = [json.loads(line) for line in _game_records()]
    noted = records[-1]["chain"]
    original = tmp_path / "original.jsonl"
    original.write_bytes(b"".join(_game_records()))
    assert verify(original, head=noted[:8]).ok
    records[0]["deck"]["cards"][0]["text"] = "A text the room never saw."
    path = tmp_path / "forged.jsonl"
    path.write_bytes(rechain(records))
    assert verify(path).ok  # the replay cannot know a card's text
    report = verify(path, head=noted[:10])
    assert not report.ok and report.head_found is None
    done = tabletop("verify", str(path), "--head", noted[:10])
    assert done.returncode == 1
    assert done.stdout.splitlines()[-1].startswith(f"noted chain head {noted[:10]}: does not match — it is the head "
                                                   "of no event in this save")


def test_a_head_noted_earlier_says_how_many_events_came_after(tmp_path: Path) -> None:
    records = [json.loads(line) for line in _game_records()]
    path = tmp_path / "game.jsonl"
    path.write_bytes(b"".join(_game_records()))
    n = len(records) - 1
    noted = records[n - 4]["chain"]
    report = verify(path, head=noted)
    assert not report.ok and report.damage is None and report.head_found == n - 4
    # found from outside: a head noted at a round's end, as the projector shows it, read "does not match" for
    # a save that was never touched: it is found, and the events after it are counted
    assert report.lines()[-1] == (
        f"noted chain head {noted}: found — it is the head after event {n - 4}, and the {n - 4} events up to it "
        f"are exactly as noted; the save goes on for 4 events after it (played or added since it was noted)")
    head = records[-1]["chain"]
    done = tabletop("verify", str(path), "--head", head[:8].upper())
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-2] == f"Chain head after event {n}: {head[:8]}… — full: {head}"
    assert done.stdout.splitlines()[-1] == (
        f"noted chain head {head[:8].lower()}: matches — the save is exactly as it was when the head was noted")
    # found from outside (helper-150): the head pasted as printed, "…" and all, was refused as not hex
    for pasted in (f"{head[:8]}\u2026", f" {head[:8]}... "):
        done = tabletop("verify", str(path), "--head", pasted)
        assert done.returncode == 0 and done.stdout.splitlines()[-1].startswith(
            f"noted chain head {head[:8]}: matches"), (pasted, done.stdout, done.stderr)
    bad = tabletop("verify", str(path), "--head", "abc")
    assert bad.returncode == 2 and "8 to 32 hex digits" in bad.stderr and "Traceback" not in bad.stderr


def test_resume_carries_no_forged_event_into_the_game(tmp_path: Path) -> None:
    from tabletop.store.recovery import resume

    seq, record = _first("roll", lambda r: not r["result"]["ruling"].get("lapsed"))
    path = _forge(tmp_path, seq, ("result", "ruling", "total"), "value", 99)
    before = path.read_bytes()
    resumed = resume(path, durable=False)
    resumed.writer.close()
    assert path.read_bytes() == before  # left as it is
    assert len(resumed.save) == seq - 1
    assert resumed.save.path.name == "forged-recovered.jsonl"
    assert any(f"Event {seq} of the save does not replay as it was recorded (result differs: ruling.total" in m
               for m in resumed.messages)
    assert verify(resumed.save.path).ok


def test_the_game_itself_verifies(tmp_path: Path) -> None:
    path = tmp_path / "game.jsonl"
    path.write_bytes(b"".join(_game_records()))
    report = verify(path)
    assert report.ok, report.lines()
    assert re.fullmatch(r"Chain head after event \d+: [0-9a-f]{8}… — full: [0-9a-f]{32}", report.lines()[-1])
    assert records_of(path)[-1]["chain"] == report.head
    # a forger's rechaining writes the game's own lines back: _forge keeps those before the forged one
    assert rechain(records_of(path)) == path.read_bytes()
    assert _forge(tmp_path, 40, ("round",), "set", records_of(path)[40]["round"]).read_bytes() == path.read_bytes()
    cut = _forge(tmp_path, 40, ("round",), "set", records_of(path)[40]["round"], after=AFTER)
    assert cut.read_bytes() == b"".join(_game_records()[:41 + AFTER])  # the corpus's forgeries: the game cut short


def test_the_shape_check_agrees_with_the_published_schema() -> None:
    """Reading's quick checker and a JSON Schema validator of ``tabletop schema save`` say the same of every line."""
    import jsonschema

    from tabletop.store.schema import save_schema
    from tabletop.store.shapes import ShapeError, shapes

    schema = save_schema()
    event_schema = {**schema["$defs"]["event"], "$defs": schema["$defs"]}
    validator = jsonschema.Draft202012Validator(event_schema)
    records = [json.loads(line) for line in _game_records()]
    checked = 0
    for _id, seq, path, how, forged in forgeries():
        record = copy.deepcopy(records[seq])
        _set(record, path, how, forged)
        try:
            shapes()[1].check(record)
            ours = True
        except ShapeError:
            ours = False
        assert ours == validator.is_valid(record), (_id, forged)
        checked += 1
    assert checked > 400


def test_a_head_noted_after_the_end_of_an_older_copy_says_it_may_be_one(tmp_path: Path) -> None:
    """Found from outside (helper-86): a save cut short (an older backup) held against a head noted later read
    only "the save was rewritten since the head was noted"; losing events from the end is not a rewrite."""
    lines = _game_records()
    noted = json.loads(lines[-1])["chain"]
    older = tmp_path / "older.jsonl"
    older.write_bytes(b"".join(lines[:40]))
    report = verify(older, head=noted)
    assert report.damage is None and report.head_found is None and not report.ok
    said = report.lines()[-1]
    assert "an older copy that stops before the event it was noted at" in said, said


@pytest.mark.parametrize("brk", ["\r", "\n", "\r\n"])
def test_a_line_break_in_a_forged_key_starts_no_line_of_its_own(tmp_path: Path, brk: str) -> None:
    """Found from outside: a key holding ``\\r`` (or a save named with one) printed, under verify's "damaged" line,
    a line of the file's making that began "FAKE.jsonl: intact". Each of verify's and report's records is one
    line: a break in it is shown, never obeyed."""
    from .savekit import tabletop_here

    path = _forge(tmp_path, 2, (f"x{brk}FAKE.jsonl: intact",), "set", 1)
    for args in (("verify", str(path)), ("report", str(path), "-o", str(tmp_path / "r.md"))):
        done = tabletop_here(*args)
        said = done.stdout + done.stderr
        assert "FAKE.jsonl: intact" in said, said  # the key is named
        assert not any(line.startswith("FAKE") for line in said.splitlines()), said
        assert done.returncode != 0
