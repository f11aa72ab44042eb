"""Bad input: every illegal action is a RuleViolation with a stable code and a readable message.

The game is the catalogue scenario (see test_catalogue.py): actors a, b, c;
alpha (a, b), beta (a, b, c), gamma (b, c). A refused action leaves the
state exactly as it was: same hash, same log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from tabletop import Action, RuleViolation, apply, new_game
from tabletop.engine import State

from .argue_kit import argue_scenario, argument, counter, odds, to_counters
from .support import ADVANCE, catalogue_scenario, choose, draw, move, opening, pass_, run, vote


def _game(*actions: Action, tweak: dict[str, Any] | None = None) -> State:
    return run(new_game(catalogue_scenario("strict", tweak), seed=1), actions)


def at_start() -> State:
    """Round 1, event phase, nothing drawn yet."""
    return _game()


def in_moves() -> State:
    """Round 1, moves phase, a to move."""
    return _game(*opening())


def in_adjudication() -> State:
    """a's proposal on beta waits for b's vote."""
    return _game(*opening(), move("a", "propose", "beta"), pass_("b"), pass_("c"), ADVANCE)


def with_alpha_collapsed() -> State:
    return _game(*opening(), Action("override", track="alpha", status="collapsed", reason="talks broke off"))


def with_little_capital() -> State:
    return _game(*opening(), tweak={"actors.a.resources": {"capital": 1}})


def with_summit_made() -> State:
    """a has used its once-per-game summit and has a second action this round."""
    return _game(*opening(), move("a", "summit"), pass_("b"), pass_("c"), tweak={"ruleset.actions_per_round": 2})


def choosing() -> State:
    """The Offer on Beta is on the table: c answers it."""
    return _game(draw("offer"))


def ruling() -> State:
    """a's Mediate on alpha waits for the facilitator's ruling."""
    return _game(*opening(), move("a", "mediate", "alpha"), pass_("b"), pass_("c"), ADVANCE)


def rolling() -> State:
    """a's Press on alpha waits for its roll."""
    return _game(*opening(), move("a", "press", "alpha"), pass_("b"), pass_("c"), ADVANCE)


def arguing() -> State:
    """Round 1's moves phase of the argue scenario (tests/engine/argue_kit.py): a to move."""
    return run(new_game(argue_scenario(), seed=1), opening())


def countering() -> State:
    """a's argument on alpha waits for b's counter (matrix odds)."""
    return run(new_game(argue_scenario(odds="matrix"), seed=1), to_counters(reasons=("r1", "r2")))


def weighing() -> State:
    """a's argument on alpha (two reasons, one counter) waits for the facilitator's strong marks (matrix odds)."""
    state = run(new_game(argue_scenario(odds="matrix"), seed=1), to_counters(reasons=("r1", "r2")))
    return apply(state, counter("b", "c1"))


def after_end() -> State:
    return _game(*opening(), Action("end", reason="out of time"))


VIOLATIONS: list[tuple[str, Callable[[], State], Action, str, tuple[str, ...]]] = [
    # (id, the game so far, the bad action, code, words the message must contain)
    ("move-by-wrong-actor", in_moves, move("b", "stall", "alpha"), "NOT_YOUR_TURN", ("Arden", "Brask")),
    ("pass-by-wrong-actor", in_moves, pass_("c"), "NOT_YOUR_TURN", ("Arden",)),
    ("vote-by-wrong-actor", in_adjudication, vote("c", "beta", True), "NOT_YOUR_TURN", ("Brask", "Corvin")),
    ("move-before-the-draw", at_start, move("a", "stall", "alpha"), "WRONG_PHASE", ("moves phase", "event")),
    ("draw-in-the-moves-phase", in_moves, Action("draw"), "WRONG_PHASE", ("draw",)),
    ("advance-before-the-draw", at_start, ADVANCE, "WRONG_PHASE", ("draw",)),
    ("vote-in-the-moves-phase", in_moves, vote("b", "alpha", True), "WRONG_PHASE", ("vote",)),
    ("roll-with-no-dice-move", in_adjudication, Action("roll", track="beta"), "WRONG_PHASE", ("roll",)),
    ("move-off-the-table", in_moves, move("a", "stall", "gamma"), "NOT_A_MEMBER", ("Gamma", "Brask", "Corvin")),
    ("move-on-a-closed-track", with_alpha_collapsed, move("a", "stall", "alpha"), "TRACK_CLOSED",
     ("Alpha", "collapsed")),
    ("move-too-dear", with_little_capital, move("a", "concede", "alpha"), "CANNOT_AFFORD", ("2", "capital", "1")),
    ("once-per-game-twice", with_summit_made, move("a", "summit"), "ALREADY_USED", ("Summit",)),
    ("unknown-move", in_moves, move("a", "negotiate", "alpha"), "UNKNOWN_MOVE", ("negotiate",)),
    ("unknown-track", in_moves, move("a", "stall", "delta"), "UNKNOWN_TRACK", ("delta",)),
    ("unknown-card-drawn", at_start, draw("no-such-card"), "UNKNOWN_CARD", ("no-such-card",)),
    ("inject-unknown-card", in_moves, Action("inject", card="no-such-card"), "UNKNOWN_CARD", ("no-such-card",)),
    ("undo-with-nothing-to-undo", at_start, Action("undo"), "NOTHING_TO_UNDO", ("undo",)),
    ("override-without-reason", in_moves, Action("override", track="alpha", tension=2), "REASON_REQUIRED",
     ("reason",)),
    ("override-with-blank-reason", in_moves, Action("override", track="alpha", tension=2, reason="  "),
     "REASON_REQUIRED", ("reason",)),
    ("override-past-the-ladder", in_moves, Action("override", track="alpha", position=4, reason="x"),
     "OUT_OF_RANGE", ("0..3", "Alpha")),
    ("global-move-on-a-track", in_moves, move("a", "signal", "alpha"), "GLOBAL_MOVE", ("Signal",)),
    ("track-move-without-track", in_moves, move("a", "stall"), "NEEDS_TRACK", ("Stall",)),
    ("move-for-unknown-actor", in_moves, move("z", "stall", "alpha"), "UNKNOWN_ACTOR", ("z",)),
    ("note-about-a-future-event", in_moves, Action("note", text="later", about=99), "UNKNOWN_EVENT", ("99",)),
    ("skip-with-no-card", in_moves, Action("skip"), "NO_CARD", ("card",)),
    ("draw-after-the-end", after_end, Action("draw"), "GAME_OVER", ("over",)),
    ("move-after-the-end", after_end, move("a", "stall", "alpha"), "GAME_OVER", ("over",)),
    ("advance-after-the-end", after_end, ADVANCE, "GAME_OVER", ("over",)),
    ("inject-after-the-end", after_end, Action("inject", card="thaw"), "GAME_OVER", ("over",)),
    ("override-after-the-end", after_end, Action("override", track="alpha", tension=2, reason="late"), "GAME_OVER",
     ("over",)),
    ("end-after-the-end", after_end, Action("end", reason="again"), "GAME_OVER", ("over",)),
    # only the phase timer's pass is marked time_up (found from outside: a save's move edited to carry it replayed)
    ("move-marked-time-up", in_moves, replace(move("a", "stall", "alpha"), time_up=True), "INVALID_ACTION",
     ("move", "time_up")),
    ("note-marked-time-up", in_moves, Action("note", text="late", about=1, time_up=True), "INVALID_ACTION",
     ("note", "time_up")),
    ("draw-marked-time-up", at_start, Action("draw", time_up=True), "INVALID_ACTION", ("draw", "time_up")),
    # the clock's pass of a team asked to counter makes no counter: one with a text is the team's own
    ("counter-with-text-marked-time-up", countering, replace(counter("b", "c1"), time_up=True), "INVALID_ACTION",
     ("counter", "time_up")),
    # a field of the wrong type, in a hand-built action: refused, as the save's reader refuses it (found from outside:
    # accept="no" counted as accepted, success="False" as a success and was saved so, choice=True was choice 1)
    ("vote-accept-as-text", in_adjudication, Action("vote", actor="b", track="beta", accept="no"), "INVALID_ACTION",
     ("vote", "accept", "true or false", "'no'")),
    ("vote-accept-as-number", in_adjudication, Action("vote", actor="b", track="beta", accept=1), "INVALID_ACTION",
     ("vote", "accept")),
    ("rule-success-as-text", ruling, Action("rule", track="alpha", success="False"), "INVALID_ACTION",
     ("rule", "success", "true or false")),
    ("choice-as-bool", choosing, choose("c", "beta", "offer", True), "INVALID_ACTION",  # type: ignore[arg-type]
     ("choose", "choice", "whole number")),
    ("choice-as-text", choosing, choose("c", "beta", "offer", "0"), "INVALID_ACTION",  # type: ignore[arg-type]
     ("choice", "whole number")),
    ("choice-as-float", choosing, choose("c", "beta", "offer", 1.0), "INVALID_ACTION",  # type: ignore[arg-type]
     ("choice", "whole number")),
    ("track-as-list", in_moves, move("a", "stall", ["alpha"]), "INVALID_ACTION", ("move", "track", "text")),  # type: ignore[arg-type]
    ("card-track-as-list", choosing, Action("choose", actor="c", track=["beta"], card="offer", choice=0),  # type: ignore[arg-type]
     "INVALID_ACTION", ("track",)),
    ("override-position-as-text", in_moves, Action("override", track="alpha", position="2", reason="x"),  # type: ignore[arg-type]
     "INVALID_ACTION", ("override", "position", "whole number")),
    ("override-value-as-float", in_moves, Action("override", meter="trust", value=4.0, reason="x"),  # type: ignore[arg-type]
     "INVALID_ACTION", ("value",)),
    ("note-text-as-number", in_moves, Action("note", text=5), "INVALID_ACTION", ("note", "text")),  # type: ignore[arg-type]
    ("note-about-as-text", in_moves, Action("note", text="x", about="3"), "INVALID_ACTION", ("about",)),  # type: ignore[arg-type]
    ("pass-time-up-as-number", in_moves, Action("pass", actor="a", time_up=1), "INVALID_ACTION", ("time_up",)),  # type: ignore[arg-type]
    ("roll-outcome-as-text", rolling, Action("roll", track="alpha", outcome="boom"), "INVALID_ACTION",  # type: ignore[arg-type]
     ("roll", "outcome")),
    ("roll-die-as-bool", rolling, Action("roll", track="alpha", outcome={"dice": [True, 6]}), "INVALID_ACTION",
     ("two dice",)),
    # a recorded draw names its card (or none): {} drew nothing and was recorded so
    ("draw-outcome-empty", at_start, Action("draw", outcome={}), "INVALID_ACTION", ("draw",)),
    ("draw-reshuffled-as-text", at_start, Action("draw", outcome={"card": "quiet", "set_aside": [], "reshuffled": "x"}),
     "INVALID_ACTION", ("draw",)),
    ("draw-set-aside-as-text", at_start, Action("draw", outcome={"card": "quiet", "set_aside": "thaw", "reshuffled": 0}),
     "INVALID_ACTION", ("draw",)),
    ("argument-reason-as-number", arguing, argument(reasons=(5,)), "INVALID_ACTION", ("reasons",)),  # type: ignore[arg-type]
    ("argument-reasons-as-text", arguing, argument(reasons="why"), "INVALID_ACTION", ("reasons",)),  # type: ignore[arg-type]
    ("strong-mark-as-text", weighing, odds(strong=("0",)), "INVALID_ACTION", ("odds", "strong")),
    ("strong-marks-as-number", weighing, odds(strong=1), "INVALID_ACTION", ("strong",)),
]


@pytest.mark.parametrize(
    ("game", "action", "code", "words"),
    [pytest.param(game, action, code, words, id=name) for name, game, action, code, words in VIOLATIONS],
)
def test_illegal_action_is_refused(game: Callable[[], State], action: Action, code: str, words: tuple[str, ...]) -> None:
    state = game()
    before_hash, before_log = state.hash, len(state.log)
    with pytest.raises(RuleViolation) as info:
        apply(state, action)
    exc = info.value
    assert exc.code == code, exc.message
    message = exc.message
    # a sentence for the room: starts with a capital (perhaps quoting a name), ends with a stop
    assert message.lstrip("'\u201c")[:1].isupper() and message.rstrip("\u201d").endswith("."), message
    assert "None" not in message and "Traceback" not in message, message
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
    assert str(exc) == f"{code}: {message}"
    assert state.hash == before_hash
    assert len(state.log) == before_log


def test_the_phase_timers_pass_is_marked_time_up() -> None:
    """The actions that carry ``time_up``: a pass the phase timer made, a move's or a counter's (no text)."""
    state = apply(in_moves(), replace(pass_("a"), time_up=True))
    assert state.last is not None and state.last.action.to_dict() == {"kind": "pass", "actor": "a", "time_up": True}
    state = apply(countering(), replace(counter("b"), time_up=True))
    assert state.last is not None and state.last.action.to_dict() == {"kind": "counter", "actor": "b",
                                                                     "track": "alpha", "time_up": True}


def test_refused_action_does_not_advance_the_game() -> None:
    """After a refusal the same game goes on as if nothing had been tried."""
    state = in_moves()
    with pytest.raises(RuleViolation):
        apply(state, move("a", "stall", "gamma"))
    after = apply(state, move("a", "stall", "alpha"))
    assert after.tracks["alpha"].tension == 2
    assert after.turn == "b"
    assert [e.seq for e in after.log] == [1, 2, 3, 4]


def test_not_an_action_is_refused() -> None:
    state = in_moves()
    with pytest.raises(RuleViolation) as info:
        apply(state, {"kind": "pass", "actor": "a"})  # type: ignore[arg-type]
    assert info.value.code == "INVALID_ACTION"


@pytest.mark.parametrize(
    "junk",
    [
        pytest.param(["kind", "draw"], id="not-a-mapping"),
        pytest.param("draw", id="a-string"),
        pytest.param({}, id="no-kind"),
        pytest.param({"kind": "teleport"}, id="unknown-kind"),
        pytest.param({"kind": "move", "actor": "a", "speed": 3}, id="unknown-field"),
        pytest.param({"kind": "choose", "choice": "1"}, id="choice-as-text"),
        pytest.param({"kind": "choose", "choice": True}, id="choice-as-bool"),
        pytest.param({"kind": "vote", "accept": "yes"}, id="accept-as-text"),
        pytest.param({"kind": "vote", "accept": 1}, id="accept-as-number"),
        pytest.param({"kind": "move", "actor": 7}, id="actor-as-number"),
        pytest.param({"kind": "draw", "outcome": ["quiet"]}, id="outcome-as-list"),
        pytest.param({"kind": "override", "tension": 1.5}, id="tension-as-float"),
    ],
)
def test_action_from_dict_rejects_junk(junk: Any) -> None:
    with pytest.raises(ValueError):
        Action.from_dict(junk)


def test_action_round_trips_through_dict() -> None:
    action = Action("roll", track="alpha", outcome={"dice": [3, 4]})
    data = action.to_dict()
    assert data == {"kind": "roll", "track": "alpha", "outcome": {"dice": [3, 4]}}
    assert Action.from_dict(data) == action
    vote_action = Action("vote", actor="b", track="beta", accept=False)
    assert Action.from_dict(vote_action.to_dict()) == vote_action


def test_a_refusal_names_whose_turn_it_is_in_plain_english() -> None:
    """``the United States'``, never ``States's``; and no possessive of "nobody"."""
    from tabletop import legal_actions, load_scenario

    from tabletop.content.grammar import possessive

    assert possessive("Russia") == "Russia's"
    assert possessive("United States") == "United States'"
    state = new_game(load_scenario("parallel-tracks"), 7)
    while state.phase != "moves" or state.turn is None:
        state = apply(state, legal_actions(state)[0])
    other = next(a.id for a in state.ruleset.actors if a.id != state.turn and a.name.endswith("s"))
    stray = next(a for a in legal_actions(state) if a.kind == "move")
    with pytest.raises(RuleViolation) as refused:
        apply(state, Action.from_dict({**stray.to_dict(), "actor": other}))
    assert "s's" not in refused.value.message and "States'" in refused.value.message


def test_a_refusal_reads_in_the_language_of_the_moment_with_its_code_unchanged() -> None:
    """Under ``lang.using("uk")`` a refused move is told in Ukrainian (issue 19); the code a program reads stays."""
    from tabletop import lang

    state = in_moves()
    with pytest.raises(RuleViolation) as english:
        apply(state, move("b", "stall", "alpha"))
    with lang.using("uk"), pytest.raises(RuleViolation) as ukrainian:
        apply(state, move("b", "stall", "alpha"))
    assert ukrainian.value.code == english.value.code
    assert ukrainian.value.code.name == "NOT_YOUR_TURN"
    assert any("\u0400" <= ch <= "\u04ff" for ch in ukrainian.value.message), ukrainian.value.message
    assert "ходить" in ukrainian.value.message
    assert english.value.message.startswith("It is ")


def test_a_refusal_names_a_resource_in_the_language_of_a_seats_view() -> None:
    """Found from outside: a Ukrainian seat read "«Навести аргумент» коштує 2 capital". The host words a seat's
    entries from the game as that seat reads it (``seen``: the translated scenario on the state), and the
    resource was named in the reader's language only when the state held the base scenario."""
    from tabletop import lang
    from tabletop.content.loader import load_scenario
    from tabletop.engine import legal_actions
    from tabletop.engine.lookups import seen
    from tabletop.engine.state import evolve

    state = new_game(load_scenario("parallel-tracks"), 3)
    while state.phase != "moves":
        state = apply(state, legal_actions(state)[0])
    actor = state.turn
    broke = evolve(state, resources={**state.resources, actor: {k: 0 for k in state.resources[actor]}})
    dear = next(m for m in state.ruleset.moves if m.cost.get("capital"))
    track = next(t.id for t in state.ruleset.tracks if actor in t.members) if dear.scope != "global" else None
    action = Action("move", actor=actor, move=dear.id, track=track)
    for read in (broke, seen(broke, "uk")):
        with lang.using("uk"), pytest.raises(RuleViolation) as refused:
            apply(read, action)
        assert refused.value.code.name == "CANNOT_AFFORD"
        assert "капітал" in refused.value.message and "capital" not in refused.value.message, refused.value.message
