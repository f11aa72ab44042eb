"""A vote that settles a proposal says the proposal and its result first, then the whole tally.

Found from outside (helper-265, a hosted game in Ukrainian): event 57 read «Європейські члени НАТО / ЄС: за;
Держави-посередники: Внести пропозицію … — вдається», as if the EU alone had voted; the tally (three for, Russia
against) was only in ``l``. The vote that settles a proposal is told as the proposal's verdict, then who accepted, who
rejected and who vetoed; a vote that settles nothing still says who voted how.
"""

from __future__ import annotations

import random

import pytest

from tabletop import Action, apply, lang, legal_actions
from tabletop.content.loader import load_scenario
from tabletop.content.overlays import translated
from tabletop.engine import State, new_game
from tabletop.engine.records import Ruling
from tabletop.engine.telling import tell
from tabletop.sim.bots import Bot

#: language -> (accepted, rejected), as the ruling's working says them
TALLY = {"en": ("accepted: ", "rejected: "), "uk": ("за: ", "проти: ")}


def _settled_vote(seed: int = 3) -> tuple[State, Ruling]:
    """A parallel-tracks game played by bots until a vote settles a proposal with someone against it."""
    rng = random.Random(seed)
    bots = {p: Bot(p, rng) for p in ("cooperative", "hardliner")}
    state = new_game(load_scenario("parallel-tracks"), seed)
    for _ in range(2000):
        options = legal_actions(state)
        if not options:
            break
        actor = options[0].actor
        if actor is None:
            choice = next((o for o in options if o.kind != "end"), options[0])
        else:
            choice = bots["hardliner" if actor == "ru" else "cooperative"].choose(state, options)
        state = apply(state, choice)
        ruling = Ruling.from_result(state.last.result) if state.last is not None else None
        if state.last.action.kind == "vote" and ruling is not None and ruling.accepted and ruling.rejected:
            return state, ruling
    raise AssertionError("no vote settled a proposal with someone against it")


@pytest.mark.parametrize("code", ["en", "uk"])
def test_a_settling_vote_says_the_proposal_and_its_result_then_every_voter(code: str) -> None:
    state, ruling = _settled_vote()
    event = state.last
    assert event is not None
    shown = translated(state.scenario, code)
    names = {a.id: a.name for a in shown.ruleset.actors}
    with lang.using(code):
        said = tell(event, shown, state.older(event.seq))
    accepted, rejected = TALLY[code]
    verdict, _, tally = said.partition(" \u2014 " + accepted)
    # the proposal and its verdict first, not the last voter's vote as if it were alone ("EU accepts; …")
    assert verdict.startswith(names[str(ruling.actor)] + ":") and ";" not in verdict, said
    assert tally.startswith(", ".join(names[a] for a in ruling.accepted) + "; "), said
    assert rejected + ", ".join(names[a] for a in ruling.rejected) in tally, said


def test_a_ruling_s_working_shown_with_it_says_the_tally_once() -> None:
    """Where the working goes with the words (the board's log, the report's decision log), the tally is its."""
    state, ruling = _settled_vote()
    event = state.last
    assert event is not None
    with lang.using("en"):
        said = tell(event, state.scenario, state.older(event.seq), worked=True)
    assert said.startswith(f"{ruling.actor and state.scenario.index.actors[ruling.actor].name}:"), said
    assert "accepted:" not in said and ";" not in said, said
