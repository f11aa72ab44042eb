"""What an actor may play on its turn, listed fast, and the listing remembered.

``legal_moves`` is ``move_options`` (:mod:`.legal`) without the refused moves
and without wording a refusal: every (move, track) an actor could ever play
is made once per scenario (:func:`_candidates`), and a turn keeps those its
resources, the once-per-game moves, the open tracks and the requirements
allow. ``legal_actions`` notes the last turn it listed (:func:`remember`), so
``apply`` need not check one of those very actions twice (:func:`was_listed`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from weakref import WeakKeyDictionary, ref

from ..content import MoveType, Scenario
from ..content.vocabulary import (
    Condition,
    MeterCondition,
    ProgressCondition,
    ResourceCondition,
    RoundCondition,
    StatusCondition,
    TensionCondition,
)
from .actions import Action
from .arguments import argue_actions
from .listing import Pairs
from .scope import ReadView
from .state import State, TrackState


#: the last turn listed: its state (weakly: a state is no reason to keep a game) and the actions
#: listed for it (made once, handed out as they are)
_LISTED: tuple[Callable[[], State | None], list[Action | Pairs]] = (lambda: None, [])


def remember(state: State, listed: list[Action | Pairs]) -> None:
    """Note what ``legal_actions`` listed for a moves turn (see :func:`was_listed`)."""
    global _LISTED
    _LISTED = (ref(state), listed)


def was_listed(state: State, action: Action) -> bool:
    """Whether ``action`` is one of the very actions ``legal_actions`` listed for this very state on
    the last turn it listed: every check its play makes was made by the listing (states never change)."""
    listed_for, listed = _LISTED  # one read: another thread may list meanwhile
    if listed_for() is not state:
        return False
    for made in listed:
        if made is action:
            return True
    return False


#: One move and the plays of it an actor could ever make: (track, its action, None for a link move's pairs),
#: with what the listing asks of the move read once: its once-per-game key (or None), its cost, whether it
#: links tracks, its requirements that read no track and those that do (:func:`_split`), and its actions
#: (None for a link move) for when it is listed on every track it has, and those on the tracks still open,
#: by the set of closed tracks (worked out once per set: tracks close a few times a game), and its
#: per-track requirements answered by track board (:func:`_held`).
_Plays = tuple[MoveType, tuple[tuple[str | None, Action | None], ...], "tuple[str, str] | None",  # untranslated: a type
               tuple[tuple[str, int], ...], bool, tuple[Condition, ...], tuple[Condition, ...],
               "tuple[Action, ...] | None", "dict[frozenset[str], tuple[Action, ...]]",  # untranslated: a type
               "dict[TrackState, bool] | None"]  # untranslated: a type


def _candidates(scenario: Scenario, actor: str) -> list[_Plays]:
    """Every (move, track) an actor could ever play, in listing order, by move, actions built once.

    The plays never change during a game: the scenario's index lists them, and
    their actions are kept here, by index. A link move's action depends on which
    tracks are open, so it is built when listed. An argument is listed once per
    result it offers, filled with the deck's stock texts (engine/arguments.py).
    """
    index = scenario.index
    built = _BUILT.get(index)
    if built is None:
        built = _BUILT[index] = {}
    found = built.get(actor)
    if found is None:
        runs: list[tuple[MoveType, list[tuple[str | None, Action | None]]]] = []
        for move, tid in index.plays[actor]:
            if not runs or runs[-1][0] is not move:
                runs.append((move, []))
            runs[-1][1].extend((tid, action) for action in _plays(scenario, actor, move, tid))
        found = built[actor] = [
            (move, tuple(plays), (actor, move.id) if move.once_per_game else None, tuple(move.cost.items()),
             bool(move.link), *_split(move.requires), _whole(plays), {}, _held(move.requires))
            for move, plays in runs
        ]
    return found


#: conditions that read no track (a meter, the actor's resources, the round): the same on every track
_TRACK_FREE = (MeterCondition, ResourceCondition, RoundCondition)


def _split(requires: Sequence[Condition]) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """A move's requirements: those asked once per move (they read no track), and those asked per track."""
    return (tuple(c for c in requires if type(c) in _TRACK_FREE),
            tuple(c for c in requires if type(c) not in _TRACK_FREE))


#: conditions that read a track's board alone (its tension, position, status)
_ON_TRACK = (TensionCondition, ProgressCondition, StatusCondition)


def _held(requires: Sequence[Condition]) -> dict[TrackState, bool] | None:
    """Where a move's per-track requirements are kept answered, by the board they read: when they all
    read their own track's board only (else None: asked every time)."""
    per_track = _split(requires)[1]
    if per_track and all(type(c) in _ON_TRACK and c.other_track() is None for c in per_track):
        return {}
    return None


def _whole(plays: list[tuple[str | None, Action | None]]) -> tuple[Action, ...] | None:
    """Every action of a move's plays, for a move listed whole (None: a link move, built when listed)."""
    actions = tuple(action for _, action in plays)
    return None if any(action is None for action in actions) else actions  # type: ignore[return-value]


def _plays(scenario: Scenario, actor: str, move: MoveType, tid: str | None) -> list[Action | None]:
    if move.link and tid is not None:
        return [None]
    if move.argue is not None and tid is not None:
        return list(argue_actions(scenario, actor, move, tid))
    return [Action("move", actor=actor, move=move.id, track=tid)]


#: Each scenario index's candidate plays with their actions, per actor: kept weakly,
#: so a scenario no game uses any more takes its actions with it.
_BUILT: WeakKeyDictionary[object, dict[str, list[_Plays]]] = WeakKeyDictionary()


def legal_moves(state: State, actor: str) -> tuple[list[Action | Pairs], bool]:
    """The moves ``actor`` may play now: ``move_options`` without the refused ones, fast.

    Same actions in the same order, a link move's pairs on one track as one
    :class:`~.listing.Pairs` (then the flag is True); the property tests
    check the two agree.
    """
    out: list[Action | Pairs] = []
    if state.actions_left.get(actor, 0) <= 0 or state.over or state.card is not None:
        return out, False
    have = state.resources[actor]
    strict = state.independence == "strict"
    board = _board(state)
    closed = board.closed
    used = state.used_once
    paired = False
    views: dict[str | None, ReadView] = {}  # what a requirement reads, one per track, shared by the moves
    tracks = state.tracks
    for move, plays, once, cost, link, anywhere, requires, whole, open_only, held in _candidates(state.scenario, actor):
        if (once is not None and once in used) or (link and strict):
            continue
        affordable = True
        for key, amount in cost:
            if have.get(key, 0) < amount:
                affordable = False
                break
        if not affordable:
            continue
        if anywhere:
            view = views.get(None)
            if view is None:
                view = views[None] = ReadView(state, None, actor)
            if not all(condition.holds(view) for condition in anywhere):
                continue
        if whole is not None and not requires:  # listed on every open track it has: no need to look at each
            if not closed:
                out.extend(whole)
                continue
            kept = open_only.get(closed)
            if kept is None:
                if len(open_only) > 64:  # sets of closed tracks are a few a game, but games are many
                    open_only.clear()
                kept = open_only[closed] = tuple(a for (tid, _), a in zip(plays, whole) if tid not in closed)
            out.extend(kept)
            continue
        for tid, action in plays:
            if closed and tid in closed:
                continue
            if held is not None:  # asked once per board of the same values (a board is a value)
                track = tracks[tid]  # type: ignore[index]
                holds = held.get(track)
                if holds is None:
                    if len(held) > 4096:
                        held.clear()
                    view = ReadView(state, tid, actor)
                    holds = held[track] = all(condition.holds(view) for condition in requires)
                if not holds:
                    continue
            elif requires:
                view = views.get(tid)
                if view is None:
                    view = views[tid] = ReadView(state, tid, actor)
                unmet = False
                for condition in requires:
                    if not condition.holds(view):
                        unmet = True
                        break
                if unmet:
                    continue
            if action is not None:
                out.append(action)
                continue
            if len(board.open_ids) > 1:
                out.append(Pairs(actor, move.id, tid, board.open_ids, board.at[tid]))
                paired = True
    return out, paired


class _Board:
    """Which tracks are open, worked out once for one tracks mapping (a state's, and the next
    states' while no track changes)."""

    __slots__ = ("tracks", "closed", "_open", "_order")

    def __init__(self, state: State):
        self.tracks = state.tracks
        self.closed = frozenset(tid for tid, t in state.tracks.items() if t.status != "open")
        self._open: tuple[tuple[str, ...], dict[str, int]] | None = None
        self._order = state.scenario.index.tracks

    @property
    def open_ids(self) -> tuple[str, ...]:
        """The open tracks in ruleset order."""
        return self._opened()[0]

    @property
    def at(self) -> dict[str, int]:
        """Each open track's place in ``open_ids``."""
        return self._opened()[1]

    def _opened(self) -> tuple[tuple[str, ...], dict[str, int]]:
        if self._open is None:
            ids = tuple(tid for tid in self._order if tid not in self.closed)
            self._open = (ids, {tid: i for i, tid in enumerate(ids)})
        return self._open


_LAST_BOARD: list[_Board] = []


def _board(state: State) -> _Board:
    """The open tracks of ``state``: the last answer while the tracks mapping is the same object."""
    if _LAST_BOARD and _LAST_BOARD[0].tracks is state.tracks and _LAST_BOARD[0]._order is state.scenario.index.tracks:
        return _LAST_BOARD[0]
    board = _Board(state)
    _LAST_BOARD[:] = [board]
    return board
