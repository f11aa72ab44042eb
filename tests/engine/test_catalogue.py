"""A numbered catalogue of track-independence cases (after the DATC for Diplomacy).

Every case plays the tiny scenario in ``scenarios/catalogue.toml``: actors
a, b, c (turn order a, b, c, one action each per round) and three tracks,

    alpha  members a, b      ratify: every member (the default)
    beta   members a, b, c   ratify: 2 accepts, b holds a veto
    gamma  members b, c

each at position 2 of 0..3 (agreement at 3) with tension 1 (breakdown at 3),
and meters trust 4, escalation 5. A case is a list of actions — draws and
dice forced through their recorded ``outcome`` — and what the game must look
like afterwards, under ``strict`` and under ``linked`` independence. Board
entries are ``(position, tension, status)``; the status ``"provisional"``
means agreed, provisionally (linked: the package is not complete yet).

Adding a case is adding a row to ``CASES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from tabletop import Action, ContentError, RuleViolation, apply, new_game
from tabletop.engine import objectives_met
from tabletop.engine.telling import notes, tell, warning

from .support import (
    ADVANCE,
    MODES,
    card,
    catalogue_scenario,
    draw,
    move,
    opening,
    pass_,
    roll,
    vote,
)

PRINCIPLE = "Not everything must be agreed for anything to be agreed"

Board = Mapping[str, tuple[int, int, str]]
BASE: tuple[int, int, str] = (2, 1, "open")
METERS = {"trust": 4, "escalation": 5}


@dataclass(frozen=True)
class Expect:
    """What the game looks like after a case's actions (only the fields given are checked)."""

    board: Board | None = None
    meters: Mapping[str, int] | None = None
    resources: Mapping[str, Mapping[str, int]] | None = None
    over: bool = False
    end_reason: str | None = None
    #: a subset of the last event's ``result`` (nested dicts compared key by key)
    last: Mapping[str, Any] | None = None
    #: the last action is refused with this code; the state must be unchanged
    violation: str | None = None
    message_has: tuple[str, ...] = ()
    #: the scenario does not load under this mode: the error mentions this
    content_error: str | None = None
    #: the final state's hash equals the hash after this many actions
    hash_after_step: int | None = None
    #: the kinds of the last events in the log, oldest first
    log_tail: tuple[str, ...] = ()
    card: str | None = None
    discard: tuple[str, ...] | None = None
    #: per actor, whether each of its objectives is met now (engine ``objectives_met``)
    objectives: Mapping[str, tuple[bool, ...]] | None = None


#: In ``Case.linked``: the same actions give the same result under linked.
SAME = "same"


@dataclass(frozen=True)
class Case:
    name: str
    title: str
    steps: tuple[Action, ...]
    strict: Expect | None  # None: the case is about linked independence only
    linked: Expect | str | None = SAME  # None: the case is about strict only
    tweak: Mapping[str, Any] = field(default_factory=dict)
    extra_moves: tuple[Mapping[str, Any], ...] = ()
    seed: int = 1
    extra_cards: tuple[Mapping[str, Any], ...] = ()


def override(track: str, reason: str, **values: Any) -> Action:
    return Action("override", track=track, reason=reason, **values)


UNDO = Action("undo")
#: A card on the master events list: due in round 1, it raises Alpha's tension.
FLARE = {"id": "flare", "title": "Flare-up on Alpha", "track": "alpha", "schedule": {"round": 1},
         "effects": [{"tension": 1}]}
#: A card on Alpha scheduled for the first round Beta is agreed: linkage, so linked only.
ECHO = {"id": "echo", "title": "Beta's deal echoes on Alpha", "track": "alpha",
        "schedule": {"when": [{"track": "beta", "status": "agreed"}]}, "effects": [{"progress": 1}]}
DRAW = Action("draw")
FOLLOW = {
    "id": "follow",
    "name": "Follow Beta",
    "requires": [{"status": "agreed", "track": "beta"}],
    "effects": [{"progress": 1}],
}

#: A package trade: a concession on the track it is played on (a step forward that costs tension
#: there) for a step forward on the track it is linked to.
TRADE = {
    "id": "trade",
    "name": "Trade",
    "link": True,
    "resolution": "consensus",
    "effects": [{"progress": 1}, {"tension": 1}],
    "link_effects": [{"progress": 1}],
    "fail_effects": [{"tension": 1}],
}

#: A matrix argument on Alpha and Beta: progress +1, tension -1 or deferral; the members counter.
ARGUE = {
    "id": "argue",
    "name": "Argue",
    "cost": {"capital": 1},
    "resolution": "argue",
    "fail_effects": [{"tension": 1}],
    "argue": {"tracks": ["alpha", "beta"], "progress": [1, 1], "tension": [-1, -1], "status": ["deferred"]},
}


def argue(actor: str, track: str, wanted: dict[str, Any]) -> Action:
    return Action("move", actor=actor, move="argue", track=track, text="Open a hotline", wanted=wanted,
                  reasons=("It costs nothing",))


def counter(actor: str, track: str, text: str | None = None) -> Action:
    return Action("counter", actor=actor, track=track, text=text)


def odds(track: str, label: str, **more: Any) -> Action:
    return Action("odds", track=track, odds=label, **more)


CASES: tuple[Case, ...] = (
    Case(
        "case_01_move_changes_only_its_track",
        "a stall on Alpha raises Alpha's tension and nothing else",
        (*opening(), move("a", "stall", "alpha")),
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            resources={"a": {"capital": 3}, "b": {"capital": 3}, "c": {"capital": 3}},
            last={"changes": [{"track": "alpha", "what": "tension", "from": 1, "to": 2}]},
        ),
    ),
    Case(
        "case_02_track_card_changes_only_its_track",
        "an incident card on Alpha changes Alpha alone",
        (draw("incident"), card("alpha")),
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            last={"changes": [{"track": "alpha", "what": "tension", "from": 1, "to": 2}]},
        ),
    ),
    Case(
        "case_03_global_card_writes_meters_only",
        "a global card raises trust and touches no track",
        (draw("thaw"), card()),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            meters={"trust": 5, "escalation": 5},
            last={"changes": [{"meter": "trust", "from": 4, "to": 5}]},
        ),
    ),
    Case(
        "case_04_global_move_writes_meters_only",
        "a global signal raises trust, costs its actor, and touches no track",
        (*opening(), move("a", "signal")),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            meters={"trust": 5, "escalation": 5},
            resources={"a": {"capital": 2}, "b": {"capital": 3}, "c": {"capital": 3}},
            last={"changes": [{"meter": "trust", "from": 4, "to": 5}], "paid": {"capital": 1}},
        ),
    ),
    Case(
        "case_05_collapse_of_one_track",
        "a walk-out collapses Alpha: strict leaves Beta and Gamma open; linked collapses them all",
        (*opening(), move("a", "walk_out", "alpha")),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": BASE, "gamma": BASE}, meters=METERS),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (2, 1, "collapsed"), "gamma": (2, 1, "collapsed")},
            meters=METERS,
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_06_agreed_track_survives_collapse_elsewhere",
        "Beta agreed, then Alpha collapses: strict keeps Beta agreed; linked takes the provisional deal down",
        (*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha")),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "agreed"), "gamma": BASE}),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "collapsed"), "gamma": (2, 1, "collapsed")},
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_07_linked_agreement_provisional_while_a_track_is_open",
        "Alpha and Beta agree while Gamma is open: final under strict, provisional under linked",
        (*opening(), move("a", "concede", "alpha"), move("b", "concede", "beta")),
        Expect(board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": BASE}),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": (3, 1, "provisional"), "gamma": BASE}),
    ),
    Case(
        "case_08_linked_package_holds_when_every_track_agrees",
        "Gamma agrees last: every provisional agreement becomes final and the game ends",
        (*opening(), move("a", "concede", "alpha"), move("b", "concede", "beta"), move("c", "concede", "gamma")),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": (3, 1, "agreed")},
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_09_linked_provisional_agreement_lapses_at_game_end",
        "Alpha agrees in the last round: strict keeps it; linked lapses it back to open",
        (*opening(), move("a", "concede", "alpha"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE),
        Expect(board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE}, over=True,
               end_reason="all rounds played"),
        Expect(board={"alpha": (3, 1, "open"), "beta": BASE, "gamma": BASE}, over=True,
               end_reason="all rounds played"),
        tweak={"ruleset.turns": 1},
    ),
    Case(
        "case_10_deferral_parks_only_its_track",
        "deferring Alpha parks Alpha and leaves the other tracks and meters alone",
        (*opening(), move("a", "defer", "alpha")),
        Expect(board={"alpha": (2, 1, "deferred"), "beta": BASE, "gamma": BASE}, meters=METERS),
    ),
    Case(
        "case_11_deferred_track_does_not_block_the_package",
        "Gamma deferred, then Alpha and Beta agree: the linked package holds without Gamma",
        (*opening(), move("a", "concede", "alpha"), move("b", "defer", "gamma"), move("c", "concede", "beta")),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": (2, 1, "deferred")},
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_12_deferring_the_last_open_track_completes_the_package",
        "Alpha and Beta agree, then Gamma is deferred: the linked package holds (nothing lapses)",
        (*opening(), move("a", "concede", "alpha"), move("b", "concede", "beta"), move("c", "defer", "gamma")),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": (2, 1, "deferred")},
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_13_linked_collapse_spares_a_deferred_track",
        "Alpha deferred, then Gamma collapses: linked collapses Beta too, but not the deferred Alpha",
        (*opening(), move("a", "defer", "alpha"), move("b", "walk_out", "gamma")),
        Expect(board={"alpha": (2, 1, "deferred"), "beta": BASE, "gamma": (2, 3, "collapsed")}),
        Expect(
            board={"alpha": (2, 1, "deferred"), "beta": (2, 1, "collapsed"), "gamma": (2, 3, "collapsed")},
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_14_link_refused_under_strict",
        "linking Alpha to Beta is refused with LINKAGE_FORBIDDEN, naming the rule, the tracks and the principle",
        (*opening(), move("a", "link", "alpha", link="beta")),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            resources={"a": {"capital": 3}},
            violation="LINKAGE_FORBIDDEN",
            message_has=("rule 3", "Alpha", "Beta", PRINCIPLE),
        ),
        linked=None,
    ),
    Case(
        "case_15_link_applies_to_both_tracks_under_linked",
        "a linked proposal on Alpha accepted by b moves Alpha and Beta (both provisional)",
        (*opening(), move("a", "link", "alpha", link="beta"), pass_("b"), pass_("c"), ADVANCE,
         vote("b", "alpha", True)),
        None,
        Expect(
            board={"alpha": (3, 1, "provisional"), "beta": (3, 1, "provisional"), "gamma": BASE},
            last={"ruling": {"resolution": "consensus", "accepted": ["a", "b"], "success": True}},
        ),
    ),
    Case(
        "case_16_move_by_non_member_refused",
        "a is not at Gamma's table: NOT_A_MEMBER, naming the track and its members",
        (*opening(), move("a", "stall", "gamma")),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            violation="NOT_A_MEMBER",
            message_has=("Gamma", "Brask", "Corvin"),
        ),
    ),
    Case(
        "case_17_dice_ruling_shows_its_working",
        "trust 5 (+1) and Alpha's own tension 2 (-1): 6+2 = 8 vs 8 succeeds, every modifier recorded",
        (*opening("incident", "alpha"), move("a", "press", "alpha"), pass_("b"), pass_("c"), ADVANCE,
         roll("alpha", 6, 2)),
        Expect(
            board={"alpha": (3, 2, "agreed"), "beta": BASE, "gamma": BASE},
            meters={"trust": 5, "escalation": 5},
            resources={"a": {"capital": 2}},
            last={
                "outcome": {"dice": [6, 2]},
                "ruling": {
                    "resolution": "dice",
                    "dice": [6, 2],
                    "modifiers": [
                        {"source": "trust >= 5", "add": 1, "applies": True},
                        {"source": "tension >= 2", "add": -1, "applies": True},
                    ],
                    "total": 8,
                    "target": 8,
                    "success": True,
                    "actor": "a",
                    "move": "press",
                },
            },
        ),
        Expect(board={"alpha": (3, 2, "provisional"), "beta": BASE, "gamma": BASE}),
        tweak={"meters.trust.start": 5},
    ),
    Case(
        "case_18_dice_meter_modifier_at_boundary_succeeds",
        "a global card lifts trust to 5, so press on Alpha rolls 3+4 +1 = 8 vs 8: success",
        (*opening("thaw"), move("a", "press", "alpha"), pass_("b"), pass_("c"), ADVANCE, roll("alpha", 3, 4)),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE},
            last={
                "ruling": {
                    "modifiers": [
                        {"source": "trust >= 5", "add": 1, "applies": True},
                        {"source": "tension >= 2", "add": -1, "applies": False},
                    ],
                    "total": 8,
                    "target": 8,
                    "success": True,
                }
            },
        ),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": BASE, "gamma": BASE}),
    ),
    Case(
        "case_19_dice_meter_modifier_at_boundary_fails",
        "trust stays 4, so the same 3+4 = 7 vs 8 fails: Alpha's tension rises, nothing else moves",
        (*opening(), move("a", "press", "alpha"), pass_("b"), pass_("c"), ADVANCE, roll("alpha", 3, 4)),
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            last={
                "ruling": {
                    "modifiers": [
                        {"source": "trust >= 5", "add": 1, "applies": False},
                        {"source": "tension >= 2", "add": -1, "applies": False},
                    ],
                    "total": 7,
                    "target": 8,
                    "success": False,
                }
            },
        ),
    ),
    Case(
        "case_20_consensus_needs_every_member_by_default",
        "Alpha ratifies by default with both members: b rejects, the proposal fails, tension rises",
        (*opening(), move("a", "propose", "alpha"), pass_("b"), pass_("c"), ADVANCE, vote("b", "alpha", False)),
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            last={"ruling": {"resolution": "consensus", "accepted": ["a"], "rejected": ["b"], "threshold": 2,
                             "vetoed_by": [], "success": False}},
        ),
    ),
    Case(
        "case_21_proposer_counts_as_accepting",
        "a proposes on Alpha and b accepts: two accepts of two, the proposal passes",
        (*opening(), move("a", "propose", "alpha"), pass_("b"), pass_("c"), ADVANCE, vote("b", "alpha", True)),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE},
            last={"ruling": {"accepted": ["a", "b"], "rejected": [], "threshold": 2, "success": True}},
        ),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": BASE, "gamma": BASE}),
    ),
    Case(
        "case_22_ratify_threshold_below_unanimity",
        "Beta needs 2 accepts: a proposes, b accepts, c rejects — passes without c",
        (*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE, vote("b", "beta", True),
         vote("c", "beta", False)),
        Expect(
            board={"alpha": BASE, "beta": (3, 1, "agreed"), "gamma": BASE},
            last={"ruling": {"accepted": ["a", "b"], "rejected": ["c"], "threshold": 2, "vetoed_by": [],
                             "success": True}},
        ),
        Expect(board={"alpha": BASE, "beta": (3, 1, "provisional"), "gamma": BASE}),
    ),
    Case(
        "case_23_veto_fails_proposal_despite_threshold",
        "on Beta b, who holds a veto, rejects: the proposal fails at once and c is never asked",
        (*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE, vote("b", "beta", False)),
        Expect(
            board={"alpha": BASE, "beta": (2, 2, "open"), "gamma": BASE},
            last={"summary": "Brask rejects \u2014 the proposal (Arden: Propose on Beta) fails \u2014 accepted: Arden; "
                             "rejected: Brask; vetoed by Brask",
                  "ruling": {"accepted": ["a"], "rejected": ["b"], "threshold": 2, "vetoed_by": ["b"],
                             "success": False}},
        ),
    ),
    Case(
        "case_24_override_changes_only_its_track_and_logs_reason",
        "the facilitator sets Alpha to position 1, tension 2, with a reason; nothing else changes",
        (*opening(), override("alpha", "Ceasefire breach confirmed", position=1, tension=2)),
        Expect(
            board={"alpha": (1, 2, "open"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            log_tail=("override",),
            last={
                "reason": "Ceasefire breach confirmed",
                "summary": "Facilitator override of Alpha: Ceasefire breach confirmed",
                "changes": [
                    {"track": "alpha", "what": "position", "from": 2, "to": 1},
                    {"track": "alpha", "what": "tension", "from": 1, "to": 2},
                ],
            },
        ),
    ),
    Case(
        "case_25_undo_restores_previous_state",
        "a stall on Alpha, then undo: the hash is the one before the stall; both events stay in the log",
        (*opening(), move("a", "stall", "alpha"), UNDO),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            hash_after_step=3,
            log_tail=("advance", "move", "undo"),
            last={"undoes": 4},
        ),
    ),
    Case(
        "case_26_unplayable_card_is_set_aside",
        "the pile starts with a card needing Alpha's tension >= 2 (it is 1): set aside, the next card revealed",
        (Action("draw"),),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            last={"outcome": {"card": "incident", "set_aside": ["late"], "reshuffled": 0}},
            card="incident",
            discard=("late",),
        ),
        seed=2,  # this seed shuffles the pile to: late, incident, thaw, offer, quiet
    ),
    Case(
        "case_27_condition_on_another_track",
        "a move on Alpha needing Beta agreed: refused when loading under strict; played under linked",
        (*opening(), override("beta", "Talks concluded off stage", position=3), move("a", "follow", "alpha")),
        Expect(content_error="independence rule 3 (strict): linkage"),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": (3, 1, "provisional"), "gamma": BASE}),
        extra_moves=(FOLLOW,),
    ),
    Case(
        "case_28_condition_on_another_track_unmet",
        "under linked the same move is refused while Beta is open (REQUIREMENT_UNMET)",
        (*opening(), move("a", "follow", "alpha")),
        None,
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            violation="REQUIREMENT_UNMET",
            message_has=("Beta status is agreed",),  # the track by its name, not its id
        ),
        extra_moves=(FOLLOW,),
    ),
    Case(
        "case_29_proposal_survives_collapse_elsewhere",
        "strict: a proposal tabled on Beta is adjudicated normally after Alpha collapses",
        (*opening(), move("a", "propose", "beta"), move("b", "walk_out", "alpha"), pass_("c"), ADVANCE,
         vote("b", "beta", True), vote("c", "beta", True)),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "agreed"), "gamma": BASE}),
        linked=None,  # under linked the collapse ends the game (case 05)
    ),
    Case(
        "case_30_card_on_an_agreed_track",
        "an incident injected on agreed Alpha: strict leaves it as it was; a provisional deal still feels it",
        (*opening(), move("a", "concede", "alpha"), Action("inject", card="incident"), card("alpha")),
        Expect(board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE}),
        Expect(board={"alpha": (3, 2, "provisional"), "beta": BASE, "gamma": BASE}),
    ),
    Case(
        "case_31_override_to_collapsed_follows_the_rules_of_the_mode",
        "the facilitator collapses Alpha by hand: strict leaves Beta and Gamma open; linked brings them down too",
        (*opening(), override("alpha", "Talks broken off in the room", status="collapsed")),
        Expect(board={"alpha": (2, 1, "collapsed"), "beta": BASE, "gamma": BASE}, meters=METERS),
        Expect(
            board={"alpha": (2, 1, "collapsed"), "beta": (2, 1, "collapsed"), "gamma": (2, 1, "collapsed")},
            meters=METERS,
            over=True,
            end_reason="no track is open",
        ),
    ),
    Case(
        "case_32_no_vote_after_a_veto",
        "after b's veto on Beta the vote is over: a vote by c is refused (the game waits to go on)",
        (*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE, vote("b", "beta", False),
         vote("c", "beta", True)),
        Expect(board={"alpha": BASE, "beta": (2, 2, "open"), "gamma": BASE}, violation="WRONG_PHASE"),
    ),
    Case(
        "case_33_override_warns_when_it_leaves_a_track_at_breakdown",
        "strict: Alpha collapses (walk out); the facilitator reopens it, tension still 3/3: the override warns",
        (*opening(), move("a", "walk_out", "alpha"), override("alpha", "Talks resumed", status="open")),
        Expect(
            board={"alpha": (2, 3, "open"), "beta": BASE, "gamma": BASE},
            last={"warning": "warning: Alpha is open with tension at breakdown (3/3): unless its tension comes "
                             "down first, the next change there collapses it"},
        ),
        linked=None,  # under linked the walk-out ends the game (case 05)
    ),
    Case(
        "case_34_a_success_that_collapses_says_why",
        "strict: reopened at breakdown, Alpha is pressed with success; the ruling says the tension collapses it",
        (*opening(), move("a", "walk_out", "alpha"), override("alpha", "Talks resumed", status="open"),
         move("b", "press", "alpha"), pass_("c"), ADVANCE, roll("alpha", 6, 6)),
        Expect(
            board={"alpha": (3, 3, "collapsed"), "beta": BASE, "gamma": BASE},
            # the override left the tension at breakdown; the press raised none (helper-270: never "reaches")
            last={"summary": "Brask: Press on Alpha succeeds, but tension was already at breakdown (3/3): the track "
                             "collapses \u2014 rolled 6+6 \u2212 1 (tension \u2265 2) = 11 vs 8",
                  "ruling": {"success": True}},
        ),
        linked=None,
    ),
    Case(
        "case_35_a_scheduled_card_comes_up_on_its_round",
        "a card scheduled for round 1 is drawn instead of the top of the pile, and the record says so",
        (DRAW,),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, card="flare",
               last={"outcome": {"card": "flare", "set_aside": [], "reshuffled": 0, "scheduled": True}}),
        extra_cards=(FLARE,),
    ),
    Case(
        "case_36_a_scheduled_track_card_changes_only_its_track",
        "the scheduled flare-up on Alpha raises Alpha's tension and nothing else",
        (DRAW, card("alpha")),
        Expect(board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE}, meters=METERS,
               discard=("flare",)),
        extra_cards=(FLARE,),
    ),
    Case(
        "case_37_a_schedule_on_another_track_is_linkage",
        "a card on Alpha scheduled for when Beta is agreed: strict refuses it; linked draws it once Beta agrees",
        (*opening(), move("a", "concede", "beta"), pass_("b"), pass_("c"), ADVANCE, ADVANCE, ADVANCE, DRAW),
        Expect(content_error="independence rule 3 (strict): linkage"),
        Expect(board={"alpha": BASE, "beta": (3, 1, "provisional"), "gamma": BASE}, card="echo",
               last={"outcome": {"card": "echo", "scheduled": True}}),
        extra_cards=(ECHO,),
    ),
    Case(
        "case_38_a_collapsed_track_meets_no_position_objective",
        "Alpha collapses at position 2: an objective on Alpha's position is not met unless it names collapsed; "
        "Beta's, open at 2, is (linked: the collapse brings Beta down, and its objective with it)",
        (*opening(), move("a", "walk_out", "alpha")),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": BASE, "gamma": BASE},
               objectives={"a": (False, True, False, True)}),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (2, 1, "collapsed"), "gamma": (2, 1, "collapsed")},
            over=True,
            end_reason="no track is open",
            objectives={"a": (False, False, False, True)},
        ),
        tweak={"actors.a.objectives": [
            {"track": "alpha", "at_least": 2, "text": "Alpha at talks"},
            {"track": "beta", "at_least": 2, "text": "Beta at talks"},
            {"track": "alpha", "at_least": 2, "status": ["agreed", "deferred"], "text": "Alpha at talks, standing"},
            {"track": "alpha", "at_least": 2, "status": ["open", "agreed", "deferred", "collapsed"],
             "text": "Alpha reached talks, whatever came of them"},
        ]},
    ),
    Case(
        "case_39_agreed_or_deferred_is_met_by_a_deferral",
        "Alpha is deferred at position 2: 'position 2, agreed or deferred' and 'deferred' are met; "
        "position 3 is not",
        (*opening(), move("a", "defer", "alpha")),
        Expect(board={"alpha": (2, 1, "deferred"), "beta": BASE, "gamma": BASE},
               objectives={"a": (True, False, True)}),
        tweak={"actors.a.objectives": [
            {"track": "alpha", "at_least": 2, "status": ["agreed", "deferred"], "text": "Norm reaffirmed and parked"},
            {"track": "alpha", "at_least": 3, "text": "Alpha settled"},
            {"track": "alpha", "status": "deferred", "text": "Alpha parked"},
        ]},
    ),
    Case(
        "case_40_a_provisional_deal_reaches_the_position_but_is_not_agreed",
        "Alpha agreed at 3: strict meets every objective; linked, the deal is provisional: the position "
        "is reached, but 'agreed' (alone or in a list) is not met until the package holds",
        (*opening(), move("a", "concede", "alpha")),
        Expect(board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE},
               objectives={"a": (True, True, True)}),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": BASE, "gamma": BASE},
               objectives={"a": (False, True, False)}),
        tweak={"actors.a.objectives": [
            {"track": "alpha", "at_least": 3, "status": ["agreed", "deferred"], "text": "Alpha accord standing"},
            {"track": "alpha", "at_least": 3, "text": "Alpha at accord"},
            {"track": "alpha", "status": "agreed", "text": "Alpha agreed"},
        ]},
    ),
    Case(
        "case_41_goodwill_spills_over_from_an_agreement",
        "Beta's on_agreed raises trust: strict, Beta agreed lifts trust 4 \u2192 5 and the summary says so; "
        "linked, a provisional agreement spills nothing over",
        (*opening(), move("a", "concede", "beta")),
        Expect(
            board={"alpha": BASE, "beta": (3, 1, "agreed"), "gamma": BASE},
            meters={"trust": 5, "escalation": 5},
            last={
                "summary": "Arden: Concede on Beta \u2014 Beta agreed: Trust +1 (goodwill)",
                "changes": [
                    {"track": "beta", "what": "position", "from": 2, "to": 3},
                    {"track": "beta", "what": "status", "from": "open", "to": "agreed"},
                    {"meter": "trust", "from": 4, "to": 5, "spillover": "beta"},
                ],
            },
        ),
        Expect(
            board={"alpha": BASE, "beta": (3, 1, "provisional"), "gamma": BASE},
            meters=METERS,
            last={"summary": "Arden: Concede on Beta"},
        ),
        tweak={"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]},
    ),
    Case(
        "case_42_lowering_spillover_refused_by_the_validator",
        "an on_agreed that lowers trust is refused when the scenario loads, in either mode: failure does not spill over",
        (),
        Expect(content_error="tracks[0].on_agreed[0].add: only goodwill spills over: on_agreed may only raise a meter"),
        tweak={"tracks.alpha.on_agreed": [{"meter": "trust", "add": -1}]},
    ),
    Case(
        "case_43_collapse_never_touches_the_meter",
        "Beta agreed (goodwill +1), then Alpha, whose on_agreed also raises trust, collapses: no meter moves; "
        "linked, the collapse takes the provisional Beta down and trust never moved",
        (*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha")),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "agreed"), "gamma": BASE},
            meters={"trust": 5, "escalation": 5},
            last={"changes": [{"track": "alpha", "what": "tension", "from": 1, "to": 3},
                              {"track": "alpha", "what": "status", "from": "open", "to": "collapsed"}]},
        ),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "collapsed"), "gamma": (2, 1, "collapsed")},
            meters=METERS,
            over=True,
            end_reason="no track is open",
        ),
        tweak={"tracks.alpha.on_agreed": [{"meter": "trust", "add": 1}],
               "tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]},
    ),
    Case(
        "case_44_linked_goodwill_when_the_package_holds",
        "every track agrees in turn: strict, each agreement spills over as it comes; linked, all of them at once "
        "when the package holds",
        (*opening(), move("a", "concede", "alpha"), move("b", "concede", "beta"), move("c", "concede", "gamma")),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": (3, 1, "agreed")},
            meters={"trust": 8, "escalation": 5},
            over=True,
            end_reason="no track is open",
            last={"changes": [{"track": "gamma", "what": "position", "from": 2, "to": 3},
                              {"track": "gamma", "what": "status", "from": "open", "to": "agreed"},
                              {"meter": "trust", "from": 6, "to": 8, "spillover": "gamma"}]},
        ),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": (3, 1, "agreed"), "gamma": (3, 1, "agreed")},
            meters={"trust": 8, "escalation": 5},
            over=True,
            end_reason="no track is open",
            last={
                "summary": "Corvin: Concede on Gamma \u2014 Alpha agreed: Trust +1 (goodwill) \u2014 "
                           "Beta agreed: Trust +1 (goodwill) \u2014 Gamma agreed: Trust +2 (goodwill)",
                "changes": [{"track": "gamma", "what": "position", "from": 2, "to": 3},
                            {"track": "gamma", "what": "status", "from": "open", "to": "agreed"},
                            {"meter": "trust", "from": 4, "to": 5, "spillover": "alpha"},
                            {"meter": "trust", "from": 5, "to": 6, "spillover": "beta"},
                            {"meter": "trust", "from": 6, "to": 8, "spillover": "gamma"}],
            },
        ),
        tweak={"tracks.alpha.on_agreed": [{"meter": "trust", "add": 1}],
               "tracks.beta.on_agreed": [{"meter": "trust", "add": 1}],
               "tracks.gamma.on_agreed": [{"meter": "trust", "add": 2}]},
    ),
    Case(
        "case_45_spillover_onto_a_track_refused_by_the_validator",
        "an on_agreed that eases another track's tension is refused in either mode: only a meter may be raised",
        (),
        Expect(content_error="tracks[0].on_agreed[0].tension: only goodwill spills over"),
        tweak={"tracks.alpha.on_agreed": [{"tension": -1, "track": "beta"}]},
    ),
    Case(
        "case_46_facilitator_agreement_spills_over_up_to_the_maximum",
        "the facilitator declares Beta agreed with trust at its maximum: goodwill counts, the meter stays at 10",
        (*opening(), override("beta", "Signed in the corridor", status="agreed")),
        Expect(
            board={"alpha": BASE, "beta": (2, 1, "agreed"), "gamma": BASE},
            meters={"trust": 10, "escalation": 5},
            last={"summary": "Facilitator override of Beta: Signed in the corridor \u2014 "
                             "Beta agreed: Trust stays at its maximum of 10 (goodwill)",
                  "changes": [{"track": "beta", "what": "status", "from": "open", "to": "agreed"}]},
        ),
        tweak={"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}], "meters.trust.start": 10},
    ),
    Case(
        "case_47_reopen_a_collapse_reopens_the_provisional_deals",
        "linked_collapse = reopen: Beta agreed, then Alpha collapses: strict ignores the option and keeps "
        "Beta agreed; linked reopens Beta (one step back, tension +1) and leaves Gamma open",
        (*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha")),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "agreed"), "gamma": BASE}, meters=METERS),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (2, 2, "open"), "gamma": BASE},
            meters=METERS,
            last={"notes": ["Alpha collapsed (tension reached 3)",
                            "Under the package deal, the collapse reopens the provisional agreement on Beta"]},
        ),
        tweak={"ruleset.linked_collapse": "reopen"},
    ),
    Case(
        "case_48_reopen_a_reopened_deal_at_breakdown_collapses_too",
        "linked_collapse = reopen: Beta agreed at tension 2, then Alpha collapses: linked reopens Beta, "
        "whose added tension reaches breakdown, so Beta collapses as well; Gamma stays open",
        (*opening(), move("a", "concede", "beta"), move("b", "walk_out", "alpha")),
        Expect(board={"alpha": (2, 3, "collapsed"), "beta": (3, 2, "agreed"), "gamma": BASE}),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (2, 3, "collapsed"), "gamma": BASE},
            last={"notes": ["Alpha collapsed (tension reached 3)",
                            "Under the package deal, the collapse reopens the provisional agreement on Beta",
                            "Beta reopened, then collapsed on reopening (tension reached 3)"]},
        ),
        tweak={"ruleset.linked_collapse": "reopen", "tracks.beta.start_tension": 2},
    ),
    Case(
        "case_49_reopen_the_package_holds_without_the_collapsed_track",
        "linked_collapse = reopen: Alpha collapses first, then Gamma and Beta agree: the package holds "
        "without Alpha, as under strict",
        (*opening(), move("a", "walk_out", "alpha"), move("b", "concede", "gamma"),
         move("c", "concede", "beta")),
        Expect(
            board={"alpha": (2, 3, "collapsed"), "beta": (3, 1, "agreed"), "gamma": (3, 1, "agreed")},
            over=True,
            end_reason="no track is open",
        ),
        tweak={"ruleset.linked_collapse": "reopen"},
    ),
    Case(
        "case_50_trade_refused_under_strict",
        "a trade (a link move with link_effects) from Alpha to Beta is refused under strict like any link",
        (*opening(), move("a", "trade", "alpha", link="beta")),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            resources={"a": {"capital": 3}},
            violation="LINKAGE_FORBIDDEN",
            message_has=("rule 3", "Alpha", "Beta", PRINCIPLE),
        ),
        linked=None,
        extra_moves=(TRADE,),
    ),
    Case(
        "case_51_trade_concession_on_one_track_buys_progress_on_another",
        "linked: a's trade on Alpha linked to Beta, accepted by b: both tracks move, the tension of the "
        "concession lands on Alpha alone, and c's capital is untouched",
        (*opening(), move("a", "trade", "alpha", link="beta"), pass_("b"), pass_("c"), ADVANCE,
         vote("b", "alpha", True)),
        None,
        Expect(
            board={"alpha": (3, 2, "provisional"), "beta": (3, 1, "provisional"), "gamma": BASE},
            meters=METERS,
            resources={"a": {"capital": 3}, "b": {"capital": 3}, "c": {"capital": 3}},
            last={"ruling": {"resolution": "consensus", "success": True}},
        ),
        extra_moves=(TRADE,),
    ),
    Case(
        "case_52_trade_that_fails_stays_on_the_conceding_track",
        "linked: the trade rejected by b raises Alpha's tension; Beta is left as it was "
        "(a plain link move would raise both)",
        (*opening(), move("a", "trade", "alpha", link="beta"), pass_("b"), pass_("c"), ADVANCE,
         vote("b", "alpha", False)),
        None,
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            last={"changes": [{"track": "alpha", "what": "tension", "from": 1, "to": 2}],
                  "ruling": {"success": False}},
        ),
        extra_moves=(TRADE,),
    ),
    Case(
        "case_53_plain_link_that_fails_raises_both_tracks",
        "linked: a plain link move (no link_effects) rejected by b raises the tension on Alpha and Beta",
        (*opening(), move("a", "link", "alpha", link="beta"), pass_("b"), pass_("c"), ADVANCE,
         vote("b", "alpha", False)),
        None,
        Expect(board={"alpha": (2, 2, "open"), "beta": (2, 2, "open"), "gamma": BASE}),
    ),
    # matrix arguments (issue 17): the result argued for is the track's own, and nothing more
    Case(
        "case_54_argument_changes_only_its_track",
        "a argues for progress +1 on Alpha, b counters, the facilitator sets the odds, 3+4 beats likely (6+): "
        "Alpha moves and nothing else does",
        (*opening(), argue("a", "alpha", {"progress": 1}), pass_("b"), pass_("c"), ADVANCE,
         counter("b", "alpha", "Words are cheap"), odds("alpha", "likely"), roll("alpha", 3, 4)),
        Expect(
            board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            resources={"a": {"capital": 2}, "b": {"capital": 3}, "c": {"capital": 3}},
            last={"ruling": {"resolution": "argue", "success": True, "odds": "likely", "target": 6,
                             "counters": [["b", "Words are cheap"]], "reasons": ["It costs nothing"]}},
        ),
        Expect(board={"alpha": (3, 1, "provisional"), "beta": BASE, "gamma": BASE}, meters=METERS),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_55_argument_for_another_tracks_result_is_refused",
        "a argues on Alpha for progress on Beta: refused in either mode, with the principle under strict",
        (*opening(), argue("a", "alpha", {"progress": 1, "track": "beta"})),
        Expect(
            board={"alpha": BASE, "beta": BASE, "gamma": BASE},
            resources={"a": {"capital": 3}},
            violation="CROSS_TRACK",
            message_has=("rule 1", "Alpha", "Beta", PRINCIPLE),
        ),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, violation="CROSS_TRACK",
               message_has=("Alpha", "Beta", "link move")),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_56_argument_for_a_meter_is_refused",
        "a argues on Alpha for trust +1: an argument never writes a shared meter",
        (*opening(), argue("a", "alpha", {"meter": "trust", "add": 1})),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, meters=METERS, violation="CROSS_TRACK",
               message_has=("a shared meter", PRINCIPLE)),
        Expect(meters=METERS, violation="CROSS_TRACK", message_has=("a shared meter",)),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_57_facilitator_cannot_rule_a_cross_track_result",
        "setting the odds, the facilitator tries to turn a's argument on Alpha into tension -1 on Gamma: refused",
        (*opening(), argue("a", "alpha", {"progress": 1}), pass_("b"), pass_("c"), ADVANCE,
         counter("b", "alpha"), odds("alpha", "likely", wanted={"tension": -1, "track": "gamma"})),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, violation="CROSS_TRACK",
               message_has=("rule 1", "Alpha", "Gamma", PRINCIPLE)),
        Expect(violation="CROSS_TRACK", message_has=("Alpha", "Gamma")),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_58_failed_argument_stays_on_its_track",
        "a's argument on Alpha fails (1+1 against even): its fail_effects raise Alpha's tension alone",
        (*opening(), argue("a", "alpha", {"progress": 1}), pass_("b"), pass_("c"), ADVANCE,
         counter("b", "alpha"), odds("alpha", "even"), roll("alpha", 1, 1)),
        Expect(
            board={"alpha": (2, 2, "open"), "beta": BASE, "gamma": BASE},
            meters=METERS,
            last={"changes": [{"track": "alpha", "what": "tension", "from": 1, "to": 2}],
                  "ruling": {"success": False, "counters": [["b", None]]}},
        ),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_59_argument_that_agrees_a_track_spills_only_goodwill",
        "Alpha's on_agreed raises trust; an argument that agrees Alpha lifts trust 4 → 5 and nothing else",
        (*opening(), argue("a", "alpha", {"progress": 1}), pass_("b"), pass_("c"), ADVANCE,
         counter("b", "alpha"), odds("alpha", "very-likely"), roll("alpha", 2, 2)),
        Expect(board={"alpha": (3, 1, "agreed"), "beta": BASE, "gamma": BASE},
               meters={"trust": 5, "escalation": 5}),
        None,
        tweak={"tracks.alpha.on_agreed": [{"meter": "trust", "add": 1}]},
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_60_argument_outside_the_rulesets_limits_is_refused",
        "a argues for progress +2 where the ruleset offers +1 at most",
        (*opening(), argue("a", "alpha", {"progress": 2})),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, violation="NOT_ARGUABLE",
               message_has=("progress +1", "tension −1", "deferred")),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_61_argument_where_it_is_not_offered_is_refused",
        "the argue move is offered on Alpha and Beta only: an argument on Gamma is refused",
        (draw("quiet"), card(), ADVANCE, pass_("a"), argue("b", "gamma", {"progress": 1})),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, violation="NOT_OFFERED",
               message_has=("Alpha", "Beta")),
        extra_moves=(ARGUE,),
    ),
    Case(
        "case_62_undo_of_a_counter_restores_the_argument",
        "b counters a's argument, then the facilitator undoes it: the game is as before the counter",
        (*opening(), argue("a", "alpha", {"progress": 1}), pass_("b"), pass_("c"), ADVANCE,
         counter("b", "alpha", "No"), UNDO),
        Expect(board={"alpha": BASE, "beta": BASE, "gamma": BASE}, hash_after_step=7,
               log_tail=("counter", "undo")),
        extra_moves=(ARGUE,),
    ),
)


def _contains(actual: Any, expected: Any, where: str = "result") -> None:
    """``expected`` is a part of ``actual``: dicts key by key, lists item by item."""
    if isinstance(expected, Mapping):
        assert isinstance(actual, Mapping), f"{where}: expected a mapping, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: no {key!r} in {actual!r}"
            _contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list | tuple) and len(actual) == len(expected), f"{where}: {actual!r} != {expected!r}"
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            _contains(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def _board(state: Any) -> dict[str, tuple[int, int, str]]:
    out = {}
    for tid, t in state.tracks.items():
        status = "provisional" if t.status == "agreed" and t.provisional else t.status
        out[tid] = (t.position, t.tension, status)
    return out


def _params() -> list[Any]:
    out = []
    for case in CASES:
        for mode in MODES:
            expect = case.strict if mode == "strict" else case.linked
            if expect == SAME:
                expect = case.strict
            if expect is not None:
                out.append(pytest.param(case, mode, expect, id=f"{case.name}-{mode}"))
    return out


def test_catalogue_is_numbered_in_order() -> None:
    numbers = [int(case.name.split("_")[1]) for case in CASES]
    assert numbers == list(range(1, len(CASES) + 1))
    assert len(CASES) >= 15


def _in_words(event: Any, scenario: Any) -> dict[str, Any]:
    """The last event's result, with its words as ``tell`` gives them in place of the ids they are made from."""
    out = {**event.result, "summary": tell(event, scenario)}
    if "notes" in event.result:
        out["notes"] = notes(event, scenario)
    if "warning" in event.result:
        out["warning"] = warning(event, scenario)
    return out


@pytest.mark.parametrize(("case", "mode", "expect"), _params())
def test_case(case: Case, mode: str, expect: Expect) -> None:
    if expect.content_error is not None:
        with pytest.raises(ContentError) as info:
            catalogue_scenario(mode, case.tweak, case.extra_moves, case.extra_cards)
        assert expect.content_error in str(info.value)
        return
    scenario = catalogue_scenario(mode, case.tweak, case.extra_moves, case.extra_cards)
    state = new_game(scenario, seed=case.seed)
    hashes = [state.hash]
    steps = case.steps[:-1] if expect.violation else case.steps
    for action in steps:
        state = apply(state, action)
        hashes.append(state.hash)

    if expect.violation:
        before_hash, before_log = state.hash, len(state.log)
        with pytest.raises(RuleViolation) as info:
            apply(state, case.steps[-1])
        assert info.value.code == expect.violation
        for text in expect.message_has:
            assert text in info.value.message
        assert state.hash == before_hash and len(state.log) == before_log
    else:
        assert not expect.message_has, "message_has goes with violation"

    if expect.board is not None:
        assert _board(state) == dict(expect.board)
    if expect.meters is not None:
        assert dict(state.meters) == dict(expect.meters)
    for actor, resources in (expect.resources or {}).items():
        assert dict(state.resources[actor]) == dict(resources)
    assert state.over is expect.over
    assert state.end_reason == expect.end_reason
    if expect.last is not None:
        assert state.last is not None
        _contains(_in_words(state.last, state.scenario), dict(expect.last))
    if expect.hash_after_step is not None:
        assert state.hash == hashes[expect.hash_after_step]
    if expect.log_tail:
        kinds = tuple(e.action.kind for e in state.log)
        assert kinds[-len(expect.log_tail):] == expect.log_tail
    assert state.card == expect.card
    if expect.discard is not None:
        assert state.discard == expect.discard
    if expect.objectives is not None:
        met = objectives_met(state)
        assert {a: tuple(ok for _, ok in met[a]) for a in expect.objectives} == dict(expect.objectives)
