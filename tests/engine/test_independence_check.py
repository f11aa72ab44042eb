"""The independence check after every action (strict) looks only at what the action touched, and still catches every breach.

``rules._assert_independent`` reads the ids of the tracks an action replaced
from the tracks mapping itself (``Tracks.replacing`` records them). A breach
on a track the action did not declare cannot hide from it: a write through
``Tracks.replacing`` is recorded, a mapping made any other way (or from one
that is gone) has every track checked, and a ``Tracks`` cannot be changed in
place. Each way is tried here with a handler that cheats.
"""

from __future__ import annotations

from typing import Any

import pytest

import tabletop.engine.moves as moves
import tabletop.engine.rules as rules
from tabletop import apply, load_scenario, new_game
from tabletop.engine.actions import IndependenceBreach
from tabletop.engine.state import State, Tracks, evolve

from .support import catalogue_scenario, move, opening, random_game, run

RAISE_ALPHA = move("a", "concede", "beta")  # scoped to beta; the cheats below also touch alpha


def _cheat(monkeypatch: pytest.MonkeyPatch, write: Any, made: list[Any]) -> None:
    """Make a move's commit also write track alpha: ``write(tracks before, tracks after, alpha)``."""
    honest = moves._commit_fresh

    def commit(state: State, bench: Any) -> State:
        before = state.tracks  # (the honest commit writes into this action's own state in place)
        done = honest(state, bench)
        alpha = done.tracks["alpha"]._replace(tension=0)
        tracks = write(before, done.tracks, alpha)
        made.append((tracks, before))
        return evolve(done, tracks=tracks)

    monkeypatch.setattr(moves, "_commit_fresh", commit)


def _before() -> State:
    return run(new_game(catalogue_scenario("strict"), seed=1), opening())


@pytest.mark.parametrize(
    ("write", "recorded"),
    [
        # replaced through Tracks.replacing from the tracks before: the ids it replaced are known
        (lambda before, after, alpha: Tracks.replacing(before, {"beta": after["beta"], "alpha": alpha}), True),
        # a plain dict: nothing recorded, every track is looked at
        (lambda before, after, alpha: {**after, "alpha": alpha}, False),
        # from a mapping already gone: not known either
        (lambda before, after, alpha: Tracks.replacing(Tracks.replacing(after, {"alpha": alpha}), {}), False),
    ],
    ids=["recorded", "plain-dict", "base-gone"],
)
def test_a_write_to_a_track_the_action_is_not_scoped_to_is_caught(
    monkeypatch: pytest.MonkeyPatch, write: Any, recorded: bool
) -> None:
    state = _before()
    assert apply(state, RAISE_ALPHA).tracks["alpha"] is state.tracks["alpha"]  # the honest move leaves alpha
    made: list[Any] = []
    _cheat(monkeypatch, write, made)
    with pytest.raises(IndependenceBreach, match="changed track 'alpha'"):
        apply(state, RAISE_ALPHA)
    tracks, before = made[0]
    known = tracks.replaced_since(before) if isinstance(tracks, Tracks) else None
    assert (known == {"alpha", "beta"}) if recorded else known is None


def test_tracks_cannot_be_changed_in_place() -> None:
    tracks = _before().tracks
    alpha = tracks["alpha"]._replace(tension=0)
    for change in (
        lambda: tracks.__setitem__("alpha", alpha),
        lambda: tracks.update(alpha=alpha),
        lambda: tracks.pop("alpha"),
        lambda: tracks.setdefault("delta", alpha),
        lambda: tracks.clear(),
    ):
        with pytest.raises(TypeError):
            change()
    assert tracks["alpha"] is not alpha


def test_a_strict_game_never_needs_the_walk_over_every_track(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every tracks mapping an action makes says what it replaced: one track at most under strict."""
    seen: list[frozenset[str] | None] = []
    real = Tracks.replaced_since

    def recorded(self: Tracks, earlier: Any) -> frozenset[str] | None:
        ids = real(self, earlier)
        seen.append(ids)
        return ids

    monkeypatch.setattr(Tracks, "replaced_since", recorded)
    plain = rules._own_track_alone

    def own(tracks: Tracks, new: State, meters: object, track: str | None) -> bool:
        # the common case, asked of the new tracks directly: the action's own track, replaced alone
        alone = plain(tracks, new, meters, track)
        if alone:
            seen.append(new.tracks.replaced)  # type: ignore[attr-defined]
        return alone

    monkeypatch.setattr(rules, "_own_track_alone", own)
    scenario = load_scenario("parallel-tracks")
    for seed in range(3):
        for _ in random_game(scenario, seed, choices=seed, facilitator=True):
            pass
    assert len(seen) > 50
    assert all(ids is not None and len(ids) <= 1 for ids in seen), [ids for ids in seen if ids is None or len(ids) > 1]
