"""A vote that settles a proposal says that vote first, then the proposal (with its proposer) and its result, then
the whole tally.

Found from outside (helper-265, a hosted game in Ukrainian): event 57 read «Європейські члени НАТО / ЄС: за;
Держави-посередники: Внести пропозицію … — вдається», as if the EU alone had voted; the tally (three for, Russia
against) was only in ``l``. The vote that settles a proposal is told as the proposal's verdict, then who accepted, who
rejected and who vetoed; a vote that settles nothing still says who voted how.

Found from outside since (helper-281, a workshop in Russian): the settling vote then had no words of its own, and the
report's decision log put the proposal's verdict under «Кто» = the last voter («Украина | … | ЕС: Внести предложение
… — не удаётся»), which a mixed room reads as Ukraine's move failing. The settling vote now says who voted how, then
«предложение (ЕС: …) — не удаётся», then the tally: the vote's own row, the outcome named with its proposer.
"""

from __future__ import annotations

import random

import pytest

from tabletop import apply, lang, legal_actions
from tabletop.content.grammar import plural_subject
from tabletop.content.loader import load_scenario
from tabletop.content.overlays import translated
from tabletop.engine import State, new_game
from tabletop.engine.records import Ruling
from tabletop.engine.telling import tell
from tabletop.sim.bots import Bot

#: language -> (accepted, rejected), as the ruling's working says them
TALLY = {"en": ("accepted: ", "rejected: "), "uk": ("за: ", "проти: ")}
#: language -> (a vote for, a vote against), then how the proposal it settles is named
VOTED = {"en": ("{} accepts", "{} rejects"), "uk": ("{}: за", "{}: проти"), "en plural": ("{} accept", "{} reject")}
PROPOSAL = {"en": "the proposal (", "uk": "пропозиція ("}


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
    # the settling vote first (who voted, how), then the proposal it settled, named with its proposer, not the
    # proposal's verdict alone under the last voter's name
    plural = " plural" if code == "en" and plural_subject(shown, event.action.actor) else ""
    vote = VOTED[code + plural][0 if event.action.accept else 1].format(names[str(event.action.actor)])
    assert verdict.startswith(f"{vote} \u2014 {PROPOSAL[code]}{names[str(ruling.actor)]}:") and ";" not in verdict, said
    assert tally.startswith(", ".join(names[a] for a in ruling.accepted) + "; "), said
    assert rejected + ", ".join(names[a] for a in ruling.rejected) in tally, said


def test_a_ruling_s_working_shown_with_it_says_the_tally_once() -> None:
    """Where the working goes with the words (the board's log, the report's decision log), the tally is its."""
    state, ruling = _settled_vote()
    event = state.last
    assert event is not None
    with lang.using("en"):
        said = tell(event, state.scenario, state.older(event.seq), worked=True)
    names = {a.id: a.name for a in state.scenario.ruleset.actors}
    plural = " plural" if plural_subject(state.scenario, event.action.actor) else ""
    vote = VOTED["en" + plural][0 if event.action.accept else 1].format(names[str(event.action.actor)])
    assert said.startswith(f"{vote} \u2014 the proposal ({names[str(ruling.actor)]}:"), said
    assert "accepted:" not in said and ";" not in said, said
