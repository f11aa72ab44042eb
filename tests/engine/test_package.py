"""The package deal (independence = "linked"): what a collapse does (``linked_collapse``) and
trades across tracks (link moves with ``link_effects``).

Played on the catalogue scenario (see test_catalogue.py): actors a, b, c;
alpha (a, b), beta (a, b, c), gamma (b, c); every track at position 2 of 0..3
(agreement at 3), tension 1 (breakdown at 3). The numbered independence cases
are in the catalogue (cases 47-53); these are the finer points.
"""

from __future__ import annotations

from typing import Any

import pytest

from tabletop import Action, apply, lang, legal_actions, new_game
from tabletop.engine import State
from tabletop.engine.wording import move_words
from tabletop.engine.telling import notes

from .support import ADVANCE, catalogue_scenario, move, opening, pass_, run, vote

TRADE = {
    "id": "trade",
    "name": "Trade",
    "link": True,
    "resolution": "consensus",
    "effects": [{"progress": 1}, {"tension": 1}],
    "link_effects": [{"progress": 1}, {"log": "Package offered"}],
    "fail_effects": [{"tension": 1}],
}


def _game(*actions: Action, mode: str = "linked", tweak: dict[str, Any] | None = None) -> State:
    scenario = catalogue_scenario(mode, tweak, extra_moves=(TRADE,))
    return run(new_game(scenario, seed=1), actions)


def _board(state: State) -> dict[str, tuple[int, int, str, bool]]:
    return {tid: (t.position, t.tension, t.status, t.provisional) for tid, t in state.tracks.items()}


REOPEN = {"ruleset.linked_collapse": "reopen"}
BASE = (2, 1, "open", False)


def test_linked_collapse_defaults_to_all() -> None:
    assert catalogue_scenario("linked").ruleset.ruleset.linked_collapse == "all"


def test_override_to_collapsed_under_reopen_reopens_the_provisional_deals() -> None:
    state = _game(*opening(), move("a", "concede", "beta"), tweak=REOPEN)
    state = apply(state, Action("override", track="gamma", reason="Talks broken off", status="collapsed"))
    assert _board(state) == {
        "alpha": BASE, "beta": (2, 2, "open", False), "gamma": (2, 1, "collapsed", False)
    }
    assert not state.over


def test_reopened_deal_is_not_agreed_again_by_the_next_change_there() -> None:
    # one step back below agreement: a stall on the reopened track does not re-agree it
    state = _game(*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha"), tweak=REOPEN)
    state = apply(state, move("c", "stall", "beta"))
    assert _board(state)["beta"] == (2, 3, "collapsed", False)


def test_reopen_provisional_deals_lapse_at_the_end_if_the_package_is_incomplete() -> None:
    steps = (*opening(), move("a", "walk_out", "alpha"), move("b", "concede", "gamma"), pass_("c"),
             ADVANCE, ADVANCE, ADVANCE)
    state = _game(*steps, tweak={**REOPEN, "ruleset.turns": 1})
    assert state.over and state.end_reason == "all rounds played"
    assert _board(state) == {
        "alpha": (2, 3, "collapsed", False), "beta": BASE, "gamma": (3, 1, "open", False)
    }


def test_reopen_everything_collapsed_or_deferred_is_no_package() -> None:
    # the last open track deferred after two collapses, nothing agreed: no note that the package holds
    state = _game(*opening(), move("a", "walk_out", "alpha"), move("b", "walk_out", "gamma"),
                  move("c", "defer", "beta"), tweak=REOPEN)
    assert state.over and state.end_reason == "no track is open"
    assert not any("package holds" in note for e in state.log for note in notes(e, state.scenario))


def test_reopen_the_package_holds_without_the_collapsed_track_and_goodwill_follows() -> None:
    tweak = {**REOPEN, "tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]}
    state = _game(*opening(), move("a", "walk_out", "alpha"), move("b", "concede", "gamma"),
                  move("c", "concede", "beta"), tweak=tweak)
    assert state.last is not None
    holds = ("Beta agreed, the last track of the package: the package is complete, and every provisional agreement "
             "in it becomes final")
    assert notes(state.last, state.scenario) == [holds]
    assert state.meters["trust"] == 5


def test_the_agreement_completing_the_package_is_one_statement() -> None:
    """Found from outside (helper-242): the vote that completed the package read "Basin fund agreed (provisionally:
    the package is not complete)", then "linked: every track still in the package is agreed — the package holds". The
    step that completes the package is one sentence, and the save's notes are read, not changed."""
    state = _game(*opening(), move("a", "concede", "beta"), move("b", "concede", "alpha"), move("c", "concede", "gamma"))
    assert state.last is not None and state.over
    said = notes(state.last, state.scenario)
    assert said == ["Gamma agreed, the last track of the package: the package is complete, and every provisional "
                    "agreement in it becomes final"], said
    assert not any("not complete" in line for line in said), said
    with lang.using("uk"):
        said = notes(state.last, state.scenario)
    assert len(said) == 1 and "пакетну угоду укладено" in said[0] and "не завершено" not in said[0], said


def test_a_deferral_completing_the_package_says_so_under_the_package_deal() -> None:
    state = _game(*opening(), move("a", "concede", "beta"), move("b", "concede", "alpha"), move("c", "defer", "gamma"))
    assert state.last is not None and state.over
    assert notes(state.last, state.scenario) == [
        "Under the package deal, every track is agreed or deferred: the package is complete, and every provisional "
        "agreement in it becomes final"]


def test_reopen_a_reopened_deal_raised_no_meter() -> None:
    tweak = {**REOPEN, "tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]}
    state = _game(*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha"), tweak=tweak)
    assert _board(state)["beta"] == (2, 2, "open", False)
    assert state.meters["trust"] == 4


def test_trade_is_offered_under_linked_with_each_open_track_to_link() -> None:
    state = _game(*opening())
    trades = [(a.track, a.link) for a in legal_actions(state) if a.move == "trade"]
    assert trades == [("alpha", "beta"), ("alpha", "gamma"), ("beta", "alpha"), ("beta", "gamma")]


def test_trade_is_never_offered_under_strict() -> None:
    state = _game(*opening(), mode="strict")
    assert not [a for a in legal_actions(state) if a.move == "trade"]


def test_trade_link_effects_that_change_nothing_on_a_track_still_apply() -> None:
    state = _game(*opening(), move("a", "trade", "alpha", link="beta"), pass_("b"), pass_("c"), ADVANCE,
                  vote("b", "alpha", True))
    assert state.last is not None
    assert state.last.result["log"] == ["Package offered"]
    assert state.last.result["changes"] == [
        {"track": "alpha", "what": "position", "from": 2, "to": 3},
        {"track": "alpha", "what": "tension", "from": 1, "to": 2},
        {"track": "beta", "what": "position", "from": 2, "to": 3},
        {"track": "alpha", "what": "status", "from": "open", "to": "agreed"},
        {"track": "beta", "what": "status", "from": "open", "to": "agreed"},
    ]


@pytest.mark.parametrize("mode", ["strict", "linked"])
def test_move_words_name_what_a_trade_does_on_the_linked_track(mode: str) -> None:
    scenario = catalogue_scenario(mode, extra_moves=(TRADE,))
    trade = next(m for m in scenario.ruleset.moves if m.id == "trade")
    assert move_words(trade) == (
        "free; members vote: progress +1, tension +1; on the linked track: progress +1; "
        "if it fails: tension +1"
    )


def test_all_a_collapse_leaves_a_deferred_track_parked_outside_the_package() -> None:
    """Asked from outside (a rules lawyer, stop 63): under ``linked_collapse = "all"`` a deferred track stayed
    deferred when the others fell. It is parked outside the package (the package holds once every *non-deferred*
    track agrees), so the walk-out does not bring it down; docs/authoring.md section 7 now says so."""
    state = _game(*opening(), move("a", "defer", "beta"), move("b", "walk_out", "alpha"))
    assert _board(state) == {
        "alpha": (2, 3, "collapsed", False), "beta": (2, 1, "deferred", False), "gamma": (2, 1, "collapsed", False)
    }


def test_a_trade_moves_the_linked_track_on_the_vote_of_the_track_it_is_played_on_alone() -> None:
    """Asked from outside (a rules lawyer, stop 63): a team not seated at the linked track moves it through a trade,
    and none of that track's members is asked. As docs/authoring.md section 7 now says: the vote is held on the
    track the move is played on (a is not at gamma's table; b alone votes, on alpha)."""
    state = _game(*opening(), move("a", "trade", "alpha", link="gamma"), pass_("b"), pass_("c"), ADVANCE,
                  vote("b", "alpha", True))
    assert "a" not in next(t for t in state.ruleset.tracks if t.id == "gamma").members
    assert _board(state)["gamma"] == (3, 1, "agreed", True)


def test_a_condition_on_an_agreed_status_holds_for_a_provisional_agreement() -> None:
    """Asked from outside (a rules lawyer, stop 63): under linked a condition ``status = "agreed"`` read a
    provisional agreement as agreed, while an objective waits for the package. docs/authoring.md section 7 says so:
    a condition reads the status as it stands."""
    from tabletop.content.vocabulary import StatusCondition
    from tabletop.engine.scope import ReadView

    state = _game(*opening(), move("a", "concede", "beta"))
    assert _board(state)["beta"] == (3, 1, "agreed", True)
    on_beta = ReadView(state, "alpha", "a")  # a condition of a card on alpha, naming beta
    assert StatusCondition(status="agreed", track="beta").holds(on_beta)
    assert not StatusCondition(status="open", track="beta").holds(on_beta)
