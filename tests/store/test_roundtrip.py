"""A save replays to exactly the game that was played (DESIGN 6, 7a).

The debrief steps through a save event by event; every step must show the
state the room saw at that moment, whether it is reached in order, backwards,
or by a jump.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
from pathlib import Path

import pytest

import tabletop
from tabletop.content.loader import load_scenario
from tabletop.engine import Action, State, apply, legal_actions, new_game
from tabletop.store.reading import open_save
from tabletop.store.recovery import resume
from tabletop.store.verifying import verify

from .savekit import RULESETS, record_actions, record_bot_game

SEEDS = (1, 7, 2026)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda p: p.stem)
def test_bot_game_replays_every_state(tmp_path: Path, ruleset: Path, seed: int) -> None:
    scenario = load_scenario(ruleset)
    game = record_bot_game(tmp_path / "game.jsonl", scenario, seed)
    live = game.hashes

    save = open_save(game.path)
    assert save.damage is None
    assert len(save) == len(live) - 1 == game.final.seq
    # in order, every event including 0 (the state new_game gives)
    assert [save.state_at(i).hash for i in range(len(save) + 1)] == live
    assert save.state_at(0).hash == new_game(scenario, seed).hash
    assert save.final_state().over is True

    # a fresh reader seeking at random (backwards, forwards, repeats) sees the same
    rng = random.Random(seed)
    order = list(range(len(save) + 1)) * 2
    rng.shuffle(order)
    fresh = open_save(game.path)
    for i in order:
        assert fresh.state_at(i).hash == live[i], f"seek to event {i}"
    # and starting with the end, then going back to the very start
    last = open_save(game.path)
    assert last.state_at(len(last)).hash == live[-1]
    assert last.state_at(0).hash == live[0]
    assert last.state_at(1).hash == live[1]


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda p: p.stem)
def test_events_are_the_actions_played(tmp_path: Path, ruleset: Path) -> None:
    scenario = load_scenario(ruleset)
    game = record_bot_game(tmp_path / "game.jsonl", scenario, 11)
    live_events = game.final.log
    save = open_save(game.path)
    assert [e.seq for e in save.events] == list(range(1, len(live_events) + 1))
    for saved, event, after in zip(save.events, live_events, game.states[1:], strict=True):
        assert saved.action.without_outcome() == event.action
        assert (saved.round, saved.phase, saved.actor, saved.track) == (event.round, event.phase, event.actor, event.track)
        assert saved.result == json.loads(json.dumps(dict(event.result)))
        assert saved.state == after.hash
        if event.action.kind in ("draw", "roll"):
            # the resolved outcome is recorded, not just the seed
            assert dict(saved.action.outcome) == json.loads(json.dumps(event.result["outcome"]))
        else:
            assert saved.action.outcome is None


@pytest.mark.parametrize("ruleset", RULESETS, ids=lambda p: p.stem)
def test_header_embeds_everything_a_replay_needs(tmp_path: Path, ruleset: Path) -> None:
    scenario = load_scenario(ruleset)
    before = dt.datetime.now(dt.UTC)
    game = record_bot_game(tmp_path / "game.jsonl", scenario, 42)
    header = open_save(game.path).header
    assert header["format"] == "tabletop-save"
    assert header["version"] == 2  # 2: a language-neutral log
    assert header["app_version"] == tabletop.__version__
    assert header["seed"] == 42
    assert header["ruleset"] == scenario.embedded()["ruleset"]
    assert header["deck"] == scenario.embedded()["deck"]
    assert header["scenario"] == {
        "ruleset_id": scenario.ruleset.ruleset.id,
        "ruleset_name": scenario.ruleset.ruleset.name,
        "deck_id": scenario.deck.deck.id,
        "deck_name": scenario.deck.deck.name,
        "independence": scenario.ruleset.ruleset.independence,
    }
    created = dt.datetime.fromisoformat(header["created"])
    assert before - dt.timedelta(seconds=1) <= created <= dt.datetime.now(dt.UTC)
    # line 1 is the header, and nothing else is on it
    first = game.path.read_bytes().split(b"\n", 1)[0]
    assert json.loads(first)["seed"] == 42


def test_replay_does_not_depend_on_the_content_files(tmp_path: Path) -> None:
    """A ruleset edited or deleted after the game changes nothing in its save."""
    src = Path(tabletop.__file__).parent / "scenarios"
    content = tmp_path / "content"
    shutil.copytree(src, content)
    ruleset = content / "rulesets" / "parallel-tracks.toml"
    scenario = load_scenario(ruleset)
    game = record_bot_game(tmp_path / "game.jsonl", scenario, 3)
    text = ruleset.read_text(encoding="utf-8")
    ruleset.write_text(text.replace("turns = 8", "turns = 2").replace("target = 8", "target = 12"), encoding="utf-8")
    shutil.rmtree(content / "decks")

    save = open_save(game.path)
    assert [save.state_at(i).hash for i in range(len(save) + 1)] == game.hashes
    report = verify(game.path)
    assert report.ok, report.lines()
    assert report.events == len(save)


def test_state_at_outside_the_game_is_an_index_error(tmp_path: Path) -> None:
    game = record_bot_game(tmp_path / "game.jsonl", load_scenario("river-basin"), 5)
    save = open_save(game.path)
    n = len(save)
    with pytest.raises(IndexError, match=rf"event {-n - 2} is outside {-n - 1}..{n}"):
        save.state_at(-n - 2)  # -1 is the last state, as a sequence counts (tests/store/test_api_reading.py)
    with pytest.raises(IndexError, match=rf"event {n + 1} is outside {-n - 1}..{n}"):
        save.state_at(n + 1)


# --------------------------------------------------------------------------
# The facilitator's powers are events like any other


def _facilitated_steps(rng: random.Random) -> list:
    def bot(state: State) -> Action:
        return rng.choice(legal_actions(state))

    def fixed(action: Action):
        return lambda state: action

    return [
        bot,  # draw the round's card
        fixed(Action("redraw")),  # chance: a fresh card, recorded
        fixed(Action("skip", reason="not this one")),
        bot,  # to the moves phase
        fixed(Action("inject", card="park-borders")),
        bot,  # answer the injected card
        *[bot] * 6,
        fixed(Action("override", track="borders", position=2, reason="the room agreed a map")),
        fixed(Action("override", meter="trust", value=5, reason="a good dinner")),
        fixed(Action("override", track="humanitarian", tension=0, status="open", reason="reopened by the umpire")),
        fixed(Action("note", about=3, text="Ü — “quoted”, a \\ backslash\nand a second line")),
        fixed(Action("undo", reason="wrong key")),
        fixed(Action("undo")),
        *[bot] * 25,
        fixed(Action("note", text="before the end")),
        fixed(Action("end", reason="time is up")),
        fixed(Action("note", about=1, text="debrief: after the end")),
    ]


FACILITATOR_KINDS = {"override", "undo", "note", "inject", "skip", "redraw", "end"}


def test_facilitated_game_round_trips(tmp_path: Path) -> None:
    scenario = load_scenario("parallel-tracks")
    game = record_actions(tmp_path / "workshop.jsonl", scenario, 5, _facilitated_steps(random.Random(5)))
    save = open_save(game.path)
    assert save.damage is None
    kinds = [e.action.kind for e in save.events]
    assert FACILITATOR_KINDS <= set(kinds)
    assert len(save) == len(game.states) - 1
    assert [save.state_at(i).hash for i in range(len(save) + 1)] == game.hashes
    order = list(range(len(save) + 1))
    random.Random(1).shuffle(order)
    fresh = open_save(game.path)
    assert [fresh.state_at(i).hash for i in order] == [game.hashes[i] for i in order]

    by_kind = {e.action.kind: e for e in reversed(save.events)}
    assert by_kind["override"].action.reason == "the room agreed a map"
    assert by_kind["redraw"].action.outcome is not None  # the redrawn card is recorded
    note = next(e for e in save.events if e.action.kind == "note" and e.action.about == 3)
    assert note.action.text == "Ü — “quoted”, a \\ backslash\nand a second line"
    undos = [e for e in save.events if e.action.kind == "undo"]
    first = kinds.index("override") + 1  # the event number of the first override
    assert [e.result["undoes"] for e in undos] == [first + 2, first + 1]
    # the two undos take the board back to just after the first override
    assert save.state_at(first + 4).hash == game.hashes[first + 1]
    assert save.state_at(first + 5).hash == game.hashes[first]
    assert save.final_state().over is True
    assert save.final_state().end_reason == "time is up"

    report = verify(game.path)
    assert report.ok, report.lines()
    assert report.events == len(save)
    chance = sum(1 for k in kinds if k in ("draw", "roll", "redraw"))
    assert report.chance_checked == chance


def test_undo_after_resume_matches_the_live_game(tmp_path: Path) -> None:
    """Crash, resume, then the facilitator undoes the last move: the same as without the crash."""
    scenario = load_scenario("parallel-tracks")
    steps = _facilitated_steps(random.Random(9))
    game = record_actions(tmp_path / "full.jsonl", scenario, 9, steps)
    # the save as it stood before the first undo, and what the first undo gave live
    kinds = [e.action.kind for e in game.final.log]
    k = kinds.index("undo")
    prefix = b"".join(game.path.read_bytes().splitlines(keepends=True)[: k + 1])
    cut = tmp_path / "cut.jsonl"
    cut.write_bytes(prefix)

    resumed = resume(cut)
    assert resumed.messages == []
    assert resumed.state.hash == game.hashes[k]
    state = resumed.state
    for _ in range(2):
        state = apply(state, Action("undo", reason="wrong key"))
        resumed.writer.append(state)
    resumed.writer.close()
    assert state.hash == game.hashes[k + 2]
    again = open_save(cut)
    assert [again.state_at(i).hash for i in range(len(again) + 1)] == game.hashes[: k + 3]
    assert verify(cut).ok


def test_reading_and_verifying_leave_the_garbage_collector_as_they_found_it(tmp_path: Path) -> None:
    """Replays run with the cycle collector paused (it was a sixth of a verify); it always comes back."""
    import gc

    from tabletop._collector import collector_paused

    game = record_bot_game(tmp_path / "game.jsonl", load_scenario("parallel-tracks"), 1)
    assert gc.isenabled()
    assert verify(game.path).ok and gc.isenabled()
    save = open_save(game.path)
    assert save.state_at(len(save)).hash == game.final.hash and gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("a replay that fails half-way")
    assert gc.isenabled()
    gc.disable()  # a caller that switched it off keeps it off
    try:
        assert verify(game.path).ok
        assert not gc.isenabled()
    finally:
        gc.enable()
