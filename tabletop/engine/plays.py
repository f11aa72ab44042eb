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
from ..content.vocabulary import Condition, MeterCondition, ProgressCondition, ResourceCondition, RoundCondition, TensionCondition
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
    if action.link is not None:  # a pair of tracks, built when it was read from the listing's Pairs
        for made in listed:
            if type(made) is Pairs:
                for pair in made.handed:
                    if pair is action:
                        return True
    return False


#: One move and the plays of it an actor could ever make: (track, its action, None for a link move's pairs),
#: with what the listing asks of the move read once: its once-per-game key (or None), its cost, whether it
#: links tracks, its requirements that read no track and those that do (:func:`_split`) — the latter as
#: bounds on fields of the track when each is a bound on its own position or tension (:func:`_bounded`) —
#: and its actions (None for a link move) for when it is listed on every track it has.
_Plays = tuple[MoveType, tuple[tuple[str | None, Action | None], ...], "tuple[str, str] | None",  # untranslated: a type
               tuple[tuple[str, int], ...], bool, tuple[Condition, ...], tuple[Condition, ...],
               "tuple[tuple[int, int | None, int | None], ...]", "tuple[Action, ...] | None"]  # untranslated: a type


def _candidates(scenario: Scenario, actor: str) -> list[_Plays]:
    """Every (move, track) an actor could ever play, in listing order, by move, actions built once.

    The plays never change during a game: the scenario's index lists them, and
    their actions are kept here, by index. A link move's action depends on which
    tracks are open, so it is built when listed. An argument is listed once per
    result it offers, filled with the deck's stock texts (engine/arguments.py).
    """
    index = scenario.index
    last_index, built = _LAST_BUILT
    if last_index() is not index:  # (one game at a time, as a rule: the weak mapping is asked when it changes)
        built = _BUILT.get(index)
        if built is None:
            built = _BUILT[index] = {}
        _LAST_BUILT[:] = [ref(index), built]
    found = built.get(actor)
    if found is None:
        runs: list[tuple[MoveType, list[tuple[str | None, Action | None]]]] = []
        for move, tid in index.plays[actor]:
            if not runs or runs[-1][0] is not move:
                runs.append((move, []))
            runs[-1][1].extend((tid, action) for action in _plays(scenario, actor, move, tid))
        found = built[actor] = [
            (move, tuple(plays), (actor, move.id) if move.once_per_game else None, tuple(move.cost.items()),
             bool(move.link), *_bounded(*_split(move.requires)), _whole(plays))
            for move, plays in runs
        ]
    return found


#: conditions that read no track (a meter, the actor's resources, the round): the same on every track
_TRACK_FREE = (MeterCondition, ResourceCondition, RoundCondition)


def _split(requires: Sequence[Condition]) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """A move's requirements: those asked once per move (they read no track), and those asked per track."""
    return (tuple(c for c in requires if type(c) in _TRACK_FREE),
            tuple(c for c in requires if type(c) not in _TRACK_FREE))


#: the conditions on a track's own position and tension, and which field of a TrackState each reads
_OWN_BOUNDS = {ProgressCondition: ("progress", TrackState._fields.index("position")),
               TensionCondition: ("tension", TrackState._fields.index("tension"))}


def _bounded(anywhere: tuple[Condition, ...], requires: tuple[Condition, ...]) -> tuple[object, ...]:
    """``anywhere`` and ``requires`` (:func:`_split`), the latter given as bounds on fields of the track
    itself when every one of them is such a bound (then asked without a ReadView), else as they are."""
    bounds = []
    for condition in requires:
        own = _OWN_BOUNDS.get(type(condition))  # type: ignore[call-overload]
        if own is None or getattr(condition, "track", None) is not None:
            return anywhere, requires, ()
        field, at = own
        wanted = getattr(condition, field)
        bounds.append((at, wanted.at_least, wanted.at_most))
    return anywhere, (), tuple(bounds)


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
#: the index asked last (weakly) and its entry of ``_BUILT``
_LAST_BUILT: list = [lambda: None, {}]


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
    only = board.only
    for move, plays, once, cost, link, anywhere, requires, bounds, whole in _candidates(state.scenario, actor):
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
            unmet = False
            for condition in anywhere:
                if not condition.holds(view):
                    unmet = True
                    break
            if unmet:
                continue
        if whole is not None and not requires and not bounds:  # listed on every open track it has: no need to look at each
            if closed:
                kept = only.get(id(plays))
                out.extend(kept[1] if kept is not None and kept[0] is plays else board.open_only(plays, whole))
            else:
                out.extend(whole)
            continue
        for tid, action in plays:
            if closed and tid in closed:
                continue
            if bounds:  # (``Range.holds`` of each bound on the track's own fields, asked of the track itself)
                track = tracks[tid]
                unmet = False
                for at, low, high in bounds:
                    value = track[at]
                    if (low is not None and value < low) or (high is not None and value > high):
                        unmet = True
                        break
                if unmet:
                    continue
            if requires:
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

    __slots__ = ("tracks", "closed", "only", "_open", "_order")

    def __init__(self, state: State):
        self.tracks = state.tracks
        self.closed = frozenset(tid for tid, t in state.tracks.items() if t.status != "open")
        #: each move's actions on the tracks still open, by ``id`` of its plays (:meth:`open_only`)
        self.only = _OPEN_ONLY.get(self.closed)
        if self.only is None:
            if len(_OPEN_ONLY) > 64:
                _OPEN_ONLY.clear()
            self.only = _OPEN_ONLY[self.closed] = {}
        self._open: tuple[tuple[str, ...], dict[str, int]] | None = None
        self._order = state.scenario.index.tracks

    def open_only(self, plays: tuple[tuple[str | None, Action | None], ...], whole: tuple[Action, ...]) -> tuple[Action, ...]:
        """A move's actions on the tracks still open (a global move's always), worked out once per
        move and set of closed tracks (tracks close a few times a game): kept in ``only``."""
        if len(self.only) > 4096:
            self.only.clear()
        kept = self.only[id(plays)] = (plays, tuple(a for (tid, _), a in zip(plays, whole) if tid not in self.closed))
        return kept[1]

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

#: by set of closed tracks, each move's actions on the open tracks by ``id`` of its plays (kept with them, so
#: that the id is not reused meanwhile): ``_Board.open_only``
_OPEN_ONLY: dict[frozenset[str], dict[int, tuple[tuple[object, ...], tuple[Action, ...]]]] = {}


def _board(state: State) -> _Board:
    """The open tracks of ``state``: the last answer while the tracks mapping is the same object."""
    if _LAST_BOARD and _LAST_BOARD[0].tracks is state.tracks and _LAST_BOARD[0]._order is state.scenario.index.tracks:
        return _LAST_BOARD[0]
    board = _Board(state)
    _LAST_BOARD[:] = [board]
    return board
