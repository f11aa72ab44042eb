"""Work-counting guards: reading, walking and checking a save cost what the save holds, never its square.

No timing: each guard counts calls of the engine's per-event ``apply`` (or
events visited, or traced memory), so a quadratic path that comes back fails
here on any machine, loaded or not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import tabletop.store.reading as reading
from tabletop.store.reading import open_save

from .growthkit import build_long_save

EVENTS = 2_000


@pytest.fixture(scope="module")
def long_save(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("growth") / "long.jsonl"
    build_long_save(path, EVENTS)
    return path


@pytest.fixture
def applies(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the save reader's calls of the engine's ``apply``."""
    count = [0]
    real = reading.apply

    def counted(state, action):  # noqa: ANN001, ANN202 - the engine's own signature
        count[0] += 1
        return real(state, action)

    monkeypatch.setattr(reading, "apply", counted)
    return count


def test_walking_every_state_replays_each_event_once(long_save: Path, applies: list[int]) -> None:
    save = open_save(long_save)
    states = [save.state_at(i) for i in range(len(save) + 1)]
    assert len(states) == EVENTS + 1
    assert applies[0] == EVENTS


def test_walking_every_state_keeps_one_state_a_snapshot_interval(long_save: Path) -> None:
    """Not every state: a seek then looks up its snapshot, never scans them all."""
    save = open_save(long_save)
    for i in range(len(save) + 1):
        save.state_at(i)
    assert save.kept_states <= EVENTS // reading.SNAPSHOT_EVERY + 2


def test_first_mismatch_then_the_final_state_replays_each_event_once(long_save: Path, applies: list[int]) -> None:
    """What resume does: check every event, then take the last state."""
    save = open_save(long_save)
    assert save.first_mismatch() is None
    save.final_state()
    assert applies[0] == EVENTS


def test_report_walk_replays_each_event_twice_at_most(long_save: Path, applies: list[int]) -> None:
    """What the report does: check the records, then every state in order."""
    save = open_save(long_save)
    assert save.check_records() is None
    for i in range(len(save) + 1):
        save.state_at(i)
    assert applies[0] <= 2 * EVENTS


def test_a_seek_after_a_full_replay_replays_less_than_a_snapshot_interval(long_save: Path, applies: list[int]) -> None:
    save = open_save(long_save)
    save.final_state()
    for i in (EVENTS - 1, 7, EVENTS // 2 + 5, 0, EVENTS // 3 + 31, 1):
        before = applies[0]
        save.state_at(i)
        assert applies[0] - before < reading.SNAPSHOT_EVERY, f"seek to {i}"


def test_walking_backwards_costs_a_snapshot_interval_a_step_at_most(long_save: Path, applies: list[int]) -> None:
    save = open_save(long_save)
    save.final_state()
    before = applies[0]
    for i in range(len(save), -1, -1):
        save.state_at(i)
    assert applies[0] - before <= (EVENTS + 1) * reading.SNAPSHOT_EVERY


class _CountedNode:
    """A history node that counts how often its event is looked at."""

    def __init__(self, event, prev, length, seen: list[int]):  # noqa: ANN001 - mirrors the engine's log node
        self._event, self.prev, self.length, self._seen = event, prev, length, seen

    @property
    def event(self):  # noqa: ANN201
        self._seen[0] += 1
        return self._event


def _counted_history(state):  # noqa: ANN001, ANN202
    nodes = []
    node = state.history
    while node is not None:
        nodes.append(node)
        node = node.prev
    seen = [0]
    rebuilt = None
    for node in reversed(nodes):
        rebuilt = _CountedNode(node.event, rebuilt, node.length, seen)
    return rebuilt, seen


def test_the_undo_search_walks_back_only_to_what_it_undoes(long_save: Path) -> None:
    from tabletop.engine import Action, apply
    from tabletop.engine.review import last_undoable
    from tabletop.engine.state import evolve

    state = open_save(long_save).state_at(EVENTS // 2)
    while state.last is None or state.last.action.kind in ("note", "undo"):
        state = apply(state, Action("override", track=next(iter(state.tracks)), tension=1, reason="calmed"))
    target = state.last
    # the newest events: an action taken back by an undo, then notes (8 events back to the target)
    state = apply(state, Action("override", track=next(iter(state.tracks)), tension=2, reason="raised"))
    state = apply(state, Action("undo"))
    for k in range(5):
        state = apply(state, Action("note", text=f"note {k}"))
    history, seen = _counted_history(state)
    found = last_undoable(evolve(state, history=history))
    assert found is target
    assert seen[0] <= 8, f"looked at {seen[0]} events of {state.seq} to find one 8 back"


def _verify_peak(path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """verify's peak traced memory from the start of its replay, in bytes.

    The peak is reset when the replay starts (``new_game``): what reading
    the header and the scenario needed for a moment is not the save's. What
    is still held then (every parsed line, if they are read first) counts.
    """
    import tracemalloc

    import tabletop.store.verifying as verifying
    from tabletop.store.verifying import verify

    real = verifying.new_game

    def starting(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        tracemalloc.reset_peak()
        return real(*args, **kwargs)

    verify(path)  # imports and first-use caches are not the save's
    monkeypatch.setattr(verifying, "new_game", starting)
    tracemalloc.start()
    try:
        report = verify(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        monkeypatch.undo()
    assert report.ok
    return peak


def test_verify_does_not_hold_the_read_lines(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """verify's peak memory per extra event: the replayed game (states and their events), not every parsed line too.

    Measured as the growth between a short and a long save, so a fixed cost does not count.
    """
    folder = tmp_path_factory.mktemp("growth")
    short, long = folder / "short.jsonl", folder / "long.jsonl"
    build_long_save(short, 500)
    build_long_save(long, 5_000)
    per_event = (_verify_peak(long, monkeypatch) - _verify_peak(short, monkeypatch)) / 4_500
    print(f"verify peak: {per_event:.0f} bytes per extra event")
    # ~1.5 KB: the events (~0.75 KB) and an undo-stack entry per event, one whole state in KEEP_EVERY
    # (1.8 KB when every state kept the one before it whole; 3.8 KB when the lines were held too)
    assert per_event < 1_650, f"{per_event:.0f} bytes per extra event"


def _turn_of_a_grown_game(tracks: int, actions: int = 0):  # noqa: ANN202 - a State
    """The first team's turn of a linked game on ``tracks`` tracks, after ``actions`` more random legal actions."""
    import random

    from tabletop.engine import apply, legal_actions, new_game

    from .growthkit import grown_scenario

    state = new_game(grown_scenario(tracks, 5, 55), 1)
    rng = random.Random(tracks)
    for _ in range(actions):
        state = apply(state, rng.choice(legal_actions(state)))
    while state.turn is None and not state.over:
        state = apply(state, legal_actions(state)[0])
    return state


def test_a_grown_board_lists_the_refusals_of_the_full_check() -> None:
    """Each entry's shared refusal is what checking that move (each of a link move's pairs) says."""
    from tabletop.engine import Action, RuleViolation, move_options
    from tabletop.engine.legal import _check_move, link_partners

    def said(state, action):  # noqa: ANN001, ANN202
        try:
            _check_move(state, action)
        except RuleViolation as exc:
            return exc.code, exc.message
        return None

    for actions in (0, 40, 120):
        state = _turn_of_a_grown_game(24, actions)
        for actor in state.scenario.index.actor_ids:
            for action, problem in move_options(state, actor):
                pairs = [action]
                if action.link is None and state.scenario.index.moves[action.move].link:
                    pairs = [Action("move", actor=actor, move=action.move, track=action.track, link=other)
                             for other in link_partners(state, action.track)] or pairs
                for pair in pairs:
                    assert said(state, pair) == (None if problem is None else (problem.code, problem.message))


def _listing_work(tracks: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(entries, refusals made) of one listing at turn on a linked board of ``tracks`` tracks."""
    from tabletop.engine import RuleViolation, move_options

    state = _turn_of_a_grown_game(tracks)
    made = [0]
    real = RuleViolation.__init__

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        made[0] += 1
        real(self, *args, **kwargs)

    monkeypatch.setattr(RuleViolation, "__init__", counted)
    move_options(state, state.turn)  # the actions are built once per scenario: count a listing after it
    made[0] = 0
    options = move_options(state, state.turn)
    return len(options), made[0]


def test_listing_grows_with_the_tracks_not_with_pairs_of_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """At 4x the tracks, 4x the entries and at most 4x the refusals worded (pairs would make 16x)."""
    small_entries, small_refusals = _listing_work(16, monkeypatch)
    big_entries, big_refusals = _listing_work(64, monkeypatch)
    from .growthkit import grown_scenario

    moves = len(grown_scenario(16, 5, 55).ruleset.moves)
    assert small_entries <= moves * 16 and big_entries <= moves * 64
    assert big_entries <= 4 * small_entries
    assert 0 < big_refusals <= 4 * small_refusals + moves


def test_listing_builds_each_action_once_per_scenario() -> None:
    """A screen lists the same team's moves on every key press: the actions are kept, not made again."""
    import tabletop.engine.legal as legal
    from tabletop.engine import move_options

    state = _turn_of_a_grown_game(16)
    first = move_options(state, state.turn)
    again = move_options(state, state.turn)
    assert all(a is b for (a, _), (b, _) in zip(first, again, strict=True))
    assert state.scenario.index in legal._OPTIONS


@pytest.mark.parametrize("tracks", [16, 64])
def test_an_unmet_requirement_is_worded_once_a_listing_whatever_the_tracks(tracks: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A move whose requirement fails on many tracks gets one refusal, shared by its entries: at most one
    worded a move and requirement (each wording names the move and words its condition)."""
    from tabletop.engine import RuleViolation, move_options
    from tabletop.engine.codes import Code

    state = _turn_of_a_grown_game(tracks)
    made: list[str] = []
    real = RuleViolation.__init__

    def counted(self, code, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        made.append(code)
        real(self, code, *args, **kwargs)

    monkeypatch.setattr(RuleViolation, "__init__", counted)
    move_options(state, state.turn)  # the actions are built once per scenario: count a listing after it
    made.clear()
    options = move_options(state, state.turn)
    unmet = sum(1 for _, problem in options if problem is not None and problem.code == Code.REQUIREMENT_UNMET)
    bound = sum(len(move.requires) for move in state.ruleset.moves)
    assert unmet > 2 * bound  # a board where requirements fail on many tracks
    assert 0 < made.count(Code.REQUIREMENT_UNMET) <= bound


def test_the_reports_arguments_walk_the_log_once_whatever_their_number(long_save: Path) -> None:
    """Each argued move's counters take the language they were typed in from one walk of the log (a long
    game's ~150 arguments each walked all its events: quadratic)."""
    from tabletop.report.arguments import arguments_part
    from tabletop.report.replayed import replay_game

    class Walks(list):  # the game's events, counting the walks over them
        walks = 0

        def __iter__(self):  # noqa: ANN204
            Walks.walks += 1
            return super().__iter__()

    game = replay_game(open_save(long_save))
    game.events = Walks(game.events)
    part = arguments_part(game)
    argued = sum(len(track["arguments"]) for track in part)
    ruled = sum(1 for track in part for entry in track["arguments"] if entry["ruled_at"] is not None)
    assert argued > 10 and ruled > 5  # a save with many arguments, ruled ones among them
    assert Walks.walks <= 2


def test_a_report_of_a_long_save_runs_no_full_collection_pass(long_save: Path) -> None:
    """A report makes tens of thousands of objects (the replayed states, the log's entries, the document's lines)
    that live until it is written and form no cycles; the collector's full passes walked them again and again:
    at 20,000 events they took a third of the report's time, 3.6 x verify's of the same save against the 2.5 x
    issue 16 allows (stop 58, benchmarks/README.md). Counted, not timed: the full passes during the report."""
    import gc

    from tabletop.report.render import render

    full: list[int] = []

    def counted(phase: str, info: dict) -> None:
        if phase == "start" and info["generation"] == 2:
            full.append(1)

    gc.callbacks.append(counted)
    try:
        assert render(long_save, "md")
    finally:
        gc.callbacks.remove(counted)
    assert gc.isenabled()  # given back as it was found
    assert not full, f"{len(full)} full collection passes"


def test_the_events_before_one_are_read_back_from_it_not_from_the_log_s_end() -> None:
    """A report tells each event with the events before it at hand (``earlier_than``), read only where the words
    need them; they were found by walking back from the log's end past every later event, and a 20,000-event
    report walked the log once per event it told (found by a benchmark, stop 59: report 2.5 x verify). Counted:
    the log's entries looked at to reach the event before the 5,000th of 10,000, and nothing before it is asked."""
    from collections.abc import Sequence
    from types import SimpleNamespace

    from tabletop.engine.telling import earlier_than

    class Counted(Sequence):  # type: ignore[type-arg]
        looks = 0

        def __init__(self, items: list[object]) -> None:
            self.items = items

        def __len__(self) -> int:
            return len(self.items)

        def __getitem__(self, i):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN204
            Counted.looks += 1
            return self.items[i]

    log = Counted([SimpleNamespace(seq=n) for n in range(1, 10_001)])
    before = earlier_than(log, 5_000)  # type: ignore[arg-type]
    assert Counted.looks == 0  # nothing looked up until read
    assert [e.seq for e in (next(before), next(before))] == [4_999, 4_998]
    assert Counted.looks <= 40  # a bisection and two entries, not the 5,000 after it
