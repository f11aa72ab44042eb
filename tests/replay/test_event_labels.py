"""The round and phase an event is labelled with: the same in the replay's timeline and in every report.

Found from outside (a facilitator reading the debrief): the report's decision log read
``| 24 | … | 1 | review | … | Round 2 begins: event phase |`` where the replay read ``24 R2 event Round 2 begins``,
and the replay labelled an undo of a step with the phase before it (``34 R2 moves UNDO Undo: Round 2: moves
phase``) though it labelled the step itself with the phase after it. One rule now (``engine.telling.placed``): an
event is labelled with where the game stands once it is done: a step with the phase it opens, an undo with the phase
it takes the game back to, every other event with the phase it was taken in.
"""

from __future__ import annotations

import json
from pathlib import Path

from tabletop import apply, legal_actions, load_scenario, new_game
from tabletop.engine import Action, State
from tabletop.content.models import PHASES
from tabletop.report import render
from tabletop.report.words import phase_word
from tabletop.store import SaveWriter
from tabletop.store.reading import open_save
from tabletop.tui.text import phase_short
from tabletop.tui.timeline import event_text


def _save(path: Path) -> None:
    """A game of two rounds and a bit: steps to the next phase (one undone into the round before, one undone within
    the round), passes, moves, an undo of a move and a note on a step."""
    state = new_game(load_scenario("parallel-tracks"), 7)
    with SaveWriter.create(path, state.scenario, 7, durable=False) as writer:

        def do(action: Action) -> State:
            nonlocal state
            state = apply(state, action)
            writer.append(state)
            return state

        def first(kind: str | None = None) -> State:
            options = legal_actions(state)
            return do(next((a for a in options if a.kind == kind), options[0]))

        while state.round == 1:  # round 1: every team passes, the steps through its phases
            first("pass")
        do(Action("undo"))  # "Round 2 begins" taken back: into round 1's review again
        do(Action("note", text="We went back to the review."))
        first()  # and round 2 begins again
        while state.phase != "moves":
            first()
        do(Action("undo"))  # "Round 2: moves phase" taken back
        first()
        first("move")
        do(Action("undo"))  # a move taken back
        for _ in range(4):
            first("move")


def test_the_replay_and_the_report_label_each_event_alike(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    _save(path)
    save = open_save(path)
    kinds = [e.action.kind for e in save.events]
    by_seq = {e.seq: e for e in save.events}
    undone = {by_seq[e.result["undoes"]].action.kind for e in save.events if e.action.kind == "undo"}
    assert undone == {"advance", "move"} and "move" in kinds and "note" in kinds  # what the test is about

    # the replay's timeline: "  24 R2 event  Round 2 begins: event phase"
    shorts = {phase_short(p): p for p in PHASES}
    replay = {}
    for i, e in enumerate(save.events, 1):
        seq, round_mark, phase = event_text(save.state_at(i), e, set(), {}, {}, {}).plain.split()[:3]
        replay[int(seq)] = (int(round_mark.removeprefix("R")), shorts[phase])

    # the report's decision log, in Markdown: "| 24 | 09:47:13 | 2 | event | game | – | Round 2 begins … |"
    words = {phase_word(p): p for p in PHASES}
    md = {}
    log = render([path], "md").split("## Decision log", 1)[1]
    for row in log.splitlines():
        cells = [c.strip() for c in row.strip("|").split("|")]
        if row.startswith("| ") and cells[0].isdigit():
            md[int(cells[0])] = (int(cells[2]), words[cells[3]])

    # the rule: where the game stands once the event is done
    after = {e.seq: (save.state_at(i).round, save.state_at(i).phase) for i, e in enumerate(save.events, 1)}
    assert replay == md == after

    # and in JSON: "round" and "phase" keep what the save records (where an event was taken), "label_round" and
    # "label_phase" are its label
    data = json.loads(render([path], "json"))
    assert {e["seq"]: (e["round"], e["phase"]) for e in data["log"]} == {e.seq: (e.round, e.phase) for e in save.events}
    assert {e["seq"]: (e.get("label_round"), e.get("label_phase")) for e in data["log"]} == after

    # the report's timeline holds each event in the round it is labelled with
    in_round = {item["seq"]: rnd["round"] for rnd in data["timeline"] for kind in ("cards", "moves", "rulings",
                "facilitator", "notes", "passes") for item in rnd[kind]}
    assert in_round and all(in_round[seq] == after[seq][0] for seq in in_round)


def test_the_examples_of_the_report() -> None:
    """The labels the facilitator found apart, as they read now."""
    from tabletop.engine import Event
    from tabletop.engine.telling import placed

    sc = load_scenario("parallel-tracks")
    into_round = Event(24, 1, "review", Action("advance"), {"to": "event"})
    into_moves = Event(7, 1, "event", Action("advance"), {"to": "moves"})
    undo = Event(34, 2, "moves", Action("undo"), {"undoes": 33, "told": {"undone": {
        "round": 2, "phase": "event", "action": {"kind": "advance"}, "result": {"to": "moves"}}}})
    assert placed(into_round, sc) == (2, "event")
    assert placed(into_moves, sc) == (1, "moves")
    assert placed(undo, sc) == (2, "event")
    assert placed(Event(35, 2, "moves", Action("pass", actor="ru"), {}), sc) == (2, "moves")
