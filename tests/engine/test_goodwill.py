"""Goodwill spills over; failure does not (``[[tracks]] on_agreed``).

The catalogue (cases 41-46) plays the rule through; these tests hold the
engine's own defences: content that slipped past the validator, and the
independence assertion that allows exactly the goodwill an agreement brings.
"""

from __future__ import annotations

import pytest

from tabletop import Action, apply, new_game
from tabletop.content import Scenario
from tabletop.content.fields import replace
from tabletop.content.vocabulary import MeterEffect, ResourceEffect, TensionEffect
from tabletop.engine.actions import IndependenceBreach
from tabletop.engine.records import Change
from tabletop.engine.scope import Bench
from tabletop.engine.wording import change_text, goodwill_words
from tabletop.engine.telling import tell

from .support import catalogue_scenario, move, opening, run

AGREE_BETA = (*opening(), move("a", "concede", "beta"))


def _with_on_agreed(scenario: Scenario, track: str, *effects: object) -> Scenario:
    """The scenario with ``on_agreed`` set on ``track`` as given, not validated (as a bad cache or a test might)."""
    rs = scenario.ruleset
    tracks = tuple(replace(t, on_agreed=tuple(effects)) if t.id == track else t for t in rs.tracks)
    return Scenario(ruleset=replace(rs, tracks=tracks), deck=scenario.deck)


@pytest.mark.parametrize(
    "effect",
    [MeterEffect(meter="trust", add=-1), MeterEffect(meter="trust", add=0),
     TensionEffect(tension=-1, track="alpha"), ResourceEffect(resource="capital", add=1)],
    ids=["lowers", "zero", "other-track", "resource"],
)
def test_engine_refuses_a_spillover_that_is_not_goodwill(effect: object) -> None:
    """Past the validator, an on_agreed that is not a meter raised still breaks nothing: the engine refuses it."""
    scenario = _with_on_agreed(catalogue_scenario("strict"), "beta", effect)
    state = run(new_game(scenario, seed=1), AGREE_BETA[:-1])
    with pytest.raises(IndependenceBreach):
        apply(state, AGREE_BETA[-1])


def test_the_assertion_allows_goodwill_and_nothing_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bench that raises the meter by more than the agreement's goodwill is caught after the action."""
    scenario = catalogue_scenario("strict", {"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]})
    state = run(new_game(scenario, seed=1), AGREE_BETA[:-1])
    assert apply(state, AGREE_BETA[-1]).meters["trust"] == 5  # the goodwill itself passes

    honest = Bench.spill_over

    def greedy(self: Bench, track_id: str, effect: MeterEffect) -> tuple[str, int]:
        return honest(self, track_id, MeterEffect(meter=effect.meter, add=effect.add + 1))

    monkeypatch.setattr(Bench, "spill_over", greedy)
    with pytest.raises(IndependenceBreach, match="changed a meter beyond its agreement's goodwill"):
        apply(state, AGREE_BETA[-1])


def test_a_collapse_with_goodwill_declared_is_checked_like_any_action(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bench that spills over on a collapse is caught: only an agreement moves a meter."""
    scenario = catalogue_scenario("strict", {"tracks.alpha.on_agreed": [{"meter": "trust", "add": 1}]})
    state = run(new_game(scenario, seed=1), opening())

    def leaky(self: Bench, *args: object, **kwargs: object) -> None:
        self.spill_over("alpha", MeterEffect(meter="trust", add=1))

    monkeypatch.setattr("tabletop.engine.settle._spill_over", leaky)
    with pytest.raises(IndependenceBreach, match="beyond its agreement's goodwill"):
        apply(state, move("a", "walk_out", "alpha"))


def test_goodwill_in_words() -> None:
    assert goodwill_words("Borders", [("Mutual trust", 1, 3)]) == "Borders agreed: Mutual trust +1 (goodwill)"
    assert (goodwill_words("Borders", [("Mutual trust", 0, 10), ("Calm", 2, 4)])
            == "Borders agreed: Mutual trust stays at its maximum of 10, Calm +2 (goodwill)")
    change = Change.from_data({"meter": "trust", "from": 2, "to": 3, "spillover": "borders"})
    names = {"trust": "Mutual trust", "borders": "Borders"}
    assert change_text(change, names) == "Mutual trust 2 \u2192 3 (goodwill: Borders agreed)"
    assert change_text(change, names, compact=True) == "Mutual trust 2\u21923 (goodwill: Borders agreed)"
    assert change_text(Change.from_data({"meter": "trust", "from": 3, "to": 2}), names) == "Mutual trust 3 \u2192 2"


def _override(track: str, **values: object) -> Action:
    return Action("override", track=track, reason="For the test", **values)  # type: ignore[arg-type]


@pytest.mark.parametrize("trust_start", [4, 10], ids=["room-to-rise", "at-its-maximum"])
def test_goodwill_spills_over_once_however_often_a_track_is_agreed(trust_start: int) -> None:
    """agreed -> open -> agreed by override: the goodwill came with the first agreement, not again.

    At its maximum the meter gains nothing the first time; it still gains nothing
    the second time, once the facilitator has lowered it.
    """
    scenario = catalogue_scenario(
        "strict", {"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}], "meters.trust.start": trust_start}
    )
    state = run(new_game(scenario, seed=1), AGREE_BETA)
    first = state.meters["trust"]
    assert state.tracks["beta"].status == "agreed" and first == min(10, trust_start + 1)
    state = apply(state, Action("override", meter="trust", value=first - 2, reason="A scandal"))
    state = apply(state, _override("beta", status="open"))
    state = apply(state, _override("beta", status="agreed"))
    assert state.tracks["beta"].status == "agreed"
    assert state.meters["trust"] == first - 2
    assert "goodwill" not in tell(state.last, state.scenario)  # type: ignore[union-attr]


def test_an_undone_agreement_leaves_its_goodwill_to_come() -> None:
    """Undo takes the agreement back with its goodwill: the next agreement brings it."""
    scenario = catalogue_scenario("strict", {"tracks.beta.on_agreed": [{"meter": "trust", "add": 1}]})
    state = run(new_game(scenario, seed=1), AGREE_BETA)
    assert state.meters["trust"] == 5
    state = apply(state, Action("undo", reason="Wrong track"))
    assert state.meters["trust"] == 4 and state.tracks["beta"].status == "open"
    state = apply(state, _override("beta", status="agreed"))
    assert state.meters["trust"] == 5
