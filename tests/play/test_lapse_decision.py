"""The decision at hand when the head proposal's track has closed: one entry, the facilitator's, set aside; an
argument in progress too, its words kept under the prompt (found from outside: the room was asked to counter, vote
on odds and roll for an argument that lapsed whatever was decided)."""

from __future__ import annotations

from tabletop.engine import Action, State, apply, legal_actions
from tabletop.play.decisions import decision, lapse_said
from tabletop.play.picks import Act
from tests.engine.lapse_kit import argument_actions, start


def _argued(status: str) -> State:
    """Ukraine argues on Humanitarian; before anyone counters, the facilitator's override closes the track."""
    actions, _argued = argument_actions()
    state = start()
    for action in actions:
        state = apply(state, action)
    assert legal_actions(state)[0].kind == "counter"
    return apply(state, Action("override", track="humanitarian", status=status, reason="the room agreed"))


def test_an_argument_on_a_closed_track_is_set_aside_not_countered() -> None:
    state = _argued("agreed")
    # the counter would be the EU's, a bot here: the facilitator's entry comes first all the same
    at_hand = decision(state, "eu", bots={"eu": "hardliner"})
    assert [c.label.plain for c in at_hand.entries] == [
        "Set aside: Ukraine's \u201cMake an argument\u201d lapses \u2014 Humanitarian has been agreed"]
    assert at_hand.entries[0].pick == Act(Action("lapse", track="humanitarian"))
    prompt = at_hand.prompt.plain  # type: ignore[union-attr]
    assert prompt.startswith("Humanitarian has been agreed: Ukraine's \u201cMake an argument\u201d lapses")
    assert "Ukraine argues on Humanitarian" in prompt  # what was argued, as far as it got
    assert lapse_said(state) == ("The facilitator is setting aside Ukraine's \u201cMake an argument\u201d: "
                                 "Humanitarian has been agreed, so it lapses.")


def test_a_deferred_track_says_so() -> None:
    state = _argued("deferred")
    assert "Humanitarian has been deferred" in decision(state, None).entries[0].label.plain


def test_an_argument_on_a_provisional_agreement_is_not_said_to_lapse() -> None:
    """Found in review: the argument's words said "the track has closed: this argument lapses" of a track agreed
    provisionally under the package deal, which may still change and whose argument is settled as usual (the engine's
    one rule, ``closed_to``)."""
    from tabletop.engine.state import Tracks, evolve
    from tabletop.play.arguing import argument_spans

    actions, _argued = argument_actions()
    state = start()
    for action in actions:
        state = apply(state, action)
    lapses = "the track has closed: this argument lapses"
    for provisional, said in ((True, False), (False, True)):
        agreed = state.tracks["humanitarian"]._replace(status="agreed", provisional=provisional)
        closed = evolve(state, tracks=Tracks.replacing(state.tracks, {"humanitarian": agreed}))
        text = "".join(part for part, _style in argument_spans(closed, closed.queue[0]))
        assert (lapses in text) is said, text


def test_nobody_acts_on_a_move_being_set_aside_on_the_console_s_board_either() -> None:
    """Found in review: the console's board took the actor of the engine's first listed action, and marked Ukraine as
    the team to act while the facilitator set aside Russia's proposal on collapsed Borders; the hot seat said nobody.
    One function says it for both (``acting_in``)."""
    from tabletop.play.session import acting_in
    from tests.engine.lapse_kit import collapse_actions

    state = start()
    for action in collapse_actions("propose"):
        state = apply(state, action)
    assert legal_actions(state)[0].actor == "ua"  # the engine still lists the vote, as before lapse
    assert acting_in(state) is None
