"""The question before a dice roll marks the modifiers that apply on the board now, and their sum, as the roll
itself will count them (the engine's own record: ``engine.adjudication.roll_modifiers``, not a rule read again)."""

from __future__ import annotations

from typing import Any

import pytest

from tabletop import lang, load_scenario
from tabletop.content.vocabulary import signed
from tabletop.engine import State
from tabletop.play.decisions import decision
from tabletop.sim.game import play_game


def _rolls(name: str, seed: int) -> list[tuple[State, dict[str, Any]]]:
    """Each dice roll of a bot game: the board it was rolled on and the ruling it recorded."""
    states: list[State] = []
    play_game(load_scenario(name), seed, observe=states.append)
    out = []
    for before, after in zip(states, states[1:]):
        last = after.last
        ruling = last.result.get("ruling") if last is not None and last.action.kind == "roll" else None
        # a roll on a move whose track closed meanwhile lapses whatever it says: its question is the lapse's
        if ruling and ruling["resolution"] == "dice" and not ruling.get("lapsed"):
            out.append((before, ruling))
    return out


def test_the_roll_s_question_marks_what_applies_now_as_the_roll_counts_it() -> None:
    """Found from outside: "Dice for Russia's … 2d6 + modifiers ≥ 9" listed "+1 if Mutual trust ≥ 5", "−1 if tension
    ≥ 3" alike, and the facilitator could not tell the room which counted. Each is marked ✔ or ✖ … (not met now), as
    the roll that follows records it, and their sum and the dice it leaves to throw are said."""
    seen = set()
    moved = 0
    for seed in (1, 2, 3):
        for before, ruling in _rolls("parallel-tracks", seed):
            with lang.using("en"):
                prompt = decision(before, None).prompt.plain
            # their sum under the question (at 80x24 the list scrolls), then a line each: those that apply first, then
            # the others, each in the roll's order (found from outside: at 80x24 three ✖ lines came first and the one
            # ✔ line, the modifier the sum was made of, was below the panel's edge)
            lines = prompt.splitlines()[2:2 + len(ruling["modifiers"])]
            assert len(lines) == len(ruling["modifiers"]), prompt
            listed = sorted(ruling["modifiers"], key=lambda mod: not mod["applies"])
            moved += listed != ruling["modifiers"]
            for mod, line in zip(listed, lines, strict=True):
                seen.add(mod["applies"])
                assert f"{signed(mod['add'])} if " in line, prompt
                if mod["applies"]:
                    assert line.lstrip().startswith("\u2714 ") and "not met" not in line, prompt
                else:
                    assert line.lstrip().startswith("\u2716 ") and line.endswith("(not met now)"), prompt
            if ruling["modifiers"]:
                added = sum(m["add"] for m in ruling["modifiers"] if m["applies"])
                assert ruling["total"] == sum(ruling["dice"]) + added
                need = ruling["target"] - added
                assert prompt.splitlines()[1].strip() == f"applying now: {signed(added)}, so {need}+ on two dice", prompt
    assert seen == {True, False}  # both kinds were asked about
    assert moved, "no roll had a modifier that applies after one that does not: the order is not checked"


@pytest.mark.parametrize("code", ["ru", "uk"])
def test_the_roll_s_question_marks_in_russian_and_ukrainian(code: str) -> None:
    before, ruling = next((b, r) for b, r in _rolls("parallel-tracks", 1) if r["modifiers"])
    with lang.using(code):
        prompt = decision(before, None).prompt.plain
    assert "now" not in prompt and "applying" not in prompt, prompt
    assert ("\u2714 " in prompt) or ("\u2716 " in prompt), prompt
