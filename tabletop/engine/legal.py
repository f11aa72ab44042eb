"""What the game waits on, what is legal now, and why an action is not.

``legal_actions`` lists whoever must act now; ``move_options`` lists every
move an actor could try, each with its refusal; ``_expect`` and
``_check_move`` refuse what the game does not wait on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from weakref import WeakKeyDictionary, ref

from ..content import MoveType, Scenario
from ..content.vocabulary import Condition, MeterCondition, ResourceCondition, RoundCondition
from ..content.grammar import possessive
from .actions import Action, RuleViolation
from .arguments import argue_actions, argument_actions, argument_step, check_argument, not_an_argument
from .codes import Code
from .listing import Listing, Pairs
from .lookups import _actor_name, _card, _move, _track_name, _track_spec
from .scope import ReadView
from .state import State


PRINCIPLE = "Not everything must be agreed for anything to be agreed"


def waiting_for(state: State) -> str:
    """A short word for what the game waits on now (for screens)."""
    if state.over:
        return "over"
    if state.card is not None:
        card = _card(state, state.card)
        return "choice" if card.choices else "card"
    if state.phase == "event":
        return "advance" if state.event_done else "draw"
    if state.phase == "moves":
        return "move" if state.turn else "advance"
    if state.phase == "adjudication" and state.queue:
        head = state.queue[0]
        if head.argument is not None:
            return argument_step(head.argument)
        return {"consensus": "vote", "dice": "roll", "facilitator": "rule", "auto": "enact"}[head.resolution]
    return "advance"


def legal_actions(state: State) -> Sequence[Action]:
    """Every legal action of whoever must act now, in a stable order.

    The facilitator's powers (override, undo, note, inject, skip, redraw,
    end) are not listed: a bot choosing from this list plays a normal game.
    A list, except on a turn with link moves under linked independence: then
    a :class:`~.listing.Listing`, the same actions in the same order, whose
    pairs of tracks are built only when read.
    """
    if state.over:
        return []
    if state.card is not None:
        card = _card(state, state.card)
        if card.choices:
            return [_kept("choose", actor=c.actor, track=card.track, card=card.id, choice=i) for i, c in enumerate(card.choices)]
        return [_kept("apply_card", track=card.track, card=card.id)]
    if state.phase == "event" and not state.event_done:
        return [_kept("draw")]
    if state.phase == "moves" and state.turn is not None:
        actor = state.turn
        out, paired = _legal_moves(state, actor)
        out.append(_kept("pass", actor=actor))
        global _LISTED
        _LISTED = (ref(state), out)
        return Listing(out) if paired else out
    if state.phase == "adjudication" and state.queue:
        head = state.queue[0]
        if head.argument is not None:
            return argument_actions(state, head)
        if head.resolution == "consensus":
            voter = head.next_voter()
            assert voter is not None
            return [_kept("vote", actor=voter, track=head.track, accept=True),
                    _kept("vote", actor=voter, track=head.track, accept=False)]
        if head.resolution == "dice":
            return [_kept("roll", track=head.track)]
        if head.resolution == "facilitator":
            return [_kept("rule", track=head.track, success=True, reason=""),
                    _kept("rule", track=head.track, success=False, reason="")]
        return [_kept("enact", track=head.track)]
    return [_kept("advance")]


#: the last turn listed: its state (weakly: a state is no reason to keep a game) and the actions
#: listed for it (made once, handed out as they are)
_LISTED: tuple[Callable[[], State | None], list[Action | Pairs]] = (lambda: None, [])


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


def _kept(
    kind: str,
    actor: str | None = None,
    track: str | None = None,
    card: str | None = None,
    choice: int | None = None,
    accept: bool | None = None,
    success: bool | None = None,
    reason: str | None = None,
) -> Action:
    """``Action(kind, ...)``, made once and handed out again: actions are values, equal by their fields."""
    key = (kind, actor, track, card, choice, accept, success, reason)
    action = _KEPT.get(key)
    if action is None:
        if len(_KEPT) > 4096:  # a few per actor and track of the scenarios in use
            _KEPT.clear()
        action = _KEPT[key] = Action(kind, actor=actor, track=track, card=card, choice=choice, accept=accept,
                                     success=success, reason=reason)
    return action


_KEPT: dict[tuple[object, ...], Action] = {}


#: One move and the plays of it an actor could ever make: (track, its action, None for a link move's pairs),
#: with what the listing asks of the move read once: its once-per-game key (or None), its cost, whether it
#: links tracks, its requirements that read no track and those that do (:func:`_split`), and its actions
#: (None for a link move) for when it is listed on every track it has.
_Plays = tuple[MoveType, tuple[tuple[str | None, Action | None], ...], "tuple[str, str] | None",
               tuple[tuple[str, int], ...], bool, tuple[Condition, ...], tuple[Condition, ...],
               "tuple[Action, ...] | None"]


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
             bool(move.link), *_split(move.requires), _whole(plays))
            for move, plays in runs
        ]
    return found


#: conditions that read no track (a meter, the actor's resources, the round): the same on every track
_TRACK_FREE = (MeterCondition, ResourceCondition, RoundCondition)


def _split(requires: Sequence[Condition]) -> tuple[tuple[Condition, ...], tuple[Condition, ...]]:
    """A move's requirements: those asked once per move (they read no track), and those asked per track."""
    return (tuple(c for c in requires if type(c) in _TRACK_FREE),
            tuple(c for c in requires if type(c) not in _TRACK_FREE))


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


def _legal_moves(state: State, actor: str) -> tuple[list[Action | Pairs], bool]:
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
    for move, plays, once, cost, link, anywhere, requires, whole in _candidates(state.scenario, actor):
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
            out.extend(board.open_only(plays, whole) if closed else whole)
            continue
        for tid, action in plays:
            if closed and tid in closed:
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

    __slots__ = ("tracks", "closed", "_open", "_order")

    def __init__(self, state: State):
        self.tracks = state.tracks
        self.closed = frozenset(tid for tid, t in state.tracks.items() if t.status != "open")
        self._open: tuple[tuple[str, ...], dict[str, int]] | None = None
        self._order = state.scenario.index.tracks

    def open_only(self, plays: tuple[tuple[str | None, Action | None], ...], whole: tuple[Action, ...]) -> tuple[Action, ...]:
        """A move's actions on the tracks still open (a global move's always), worked out once per
        move and set of closed tracks (tracks close a few times a game)."""
        key = (id(plays), self.closed)
        kept = _OPEN_ONLY.get(key)
        if kept is None or kept[0] is not plays:
            if len(_OPEN_ONLY) > 4096:
                _OPEN_ONLY.clear()
            kept = _OPEN_ONLY[key] = (plays, tuple(a for (tid, _), a in zip(plays, whole) if tid not in self.closed))
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

#: a move's actions on the open tracks, by (its plays, the closed tracks): ``_Board.open_only``
_OPEN_ONLY: dict[tuple[int, frozenset[str]], tuple[tuple[object, ...], tuple[Action, ...]]] = {}


def _board(state: State) -> _Board:
    """The open tracks of ``state``: the last answer while the tracks mapping is the same object."""
    if _LAST_BOARD and _LAST_BOARD[0].tracks is state.tracks and _LAST_BOARD[0]._order is state.scenario.index.tracks:
        return _LAST_BOARD[0]
    board = _Board(state)
    _LAST_BOARD[:] = [board]
    return board


def move_options(state: State, actor: str) -> list[tuple[Action, RuleViolation | None]]:
    """Every move ``actor`` could try now, each with the reason it is illegal (or None).

    Screens show the illegal ones greyed with their reason; bots take the rest.
    One entry per move and track (a global move: one entry). A link move under
    linked independence is one entry per track too, its ``link`` left None
    while another track is open: its partner is any of :func:`link_partners`,
    and the refusal (or None) is that of every such pair. Each reason is
    worded once and shared by the entries it refuses (the turn, a track's
    membership or status, a move's cost), so listing costs O(moves x tracks).
    """
    turn = _problem(_check_turn, state, actor)
    strict = state.independence == "strict"
    open_ids = [t.id for t in state.ruleset.tracks if state.tracks[t.id].is_open]
    places: dict[str, RuleViolation | None] = {}
    owns: dict[str, RuleViolation | None] = {}
    made = _option_actions(state.scenario, actor)
    out: list[tuple[Action, RuleViolation | None]] = []
    for move, tid, action in made.plays:
        paired = action  # the action whose check stands for the entry's
        if action is None:  # a link move on a track: its partner depends on which tracks are open
            first = next((other for other in open_ids if other != tid), None)
            paired = made.link_action(move, tid, first)
            # under linked independence the partner is chosen later: the first pair answers for all
            action = paired if strict else made.link_action(move, tid, None)
        problem = turn
        if problem is None and tid is not None:
            problem = places[tid] if tid in places else places.setdefault(tid, _problem(_check_place, state, move, paired))
        if problem is None and move.link:
            problem = _problem(_check_link, state, move, paired)
        if problem is None:
            problem = owns[move.id] if move.id in owns else owns.setdefault(move.id, _problem(_check_own, state, move, actor))
        if problem is None and move.requires:
            problem = _problem(_check_requirements, state, move, tid, actor)
        if problem is None and move.argue is not None:
            problem = _problem(check_argument, state, move, action)
        out.append((action, problem))
    return out


def link_partners(state: State, track: str) -> list[str]:
    """The tracks a link move on ``track`` may name: every other open track, in the ruleset's order."""
    return [t.id for t in state.ruleset.tracks if t.id != track and state.tracks[t.id].is_open]


class _OptionActions:
    """An actor's every (move, track) in listing order, with its action built once (None for a link
    move on a track, built when listed: its partner depends on the open tracks)."""

    def __init__(self, scenario: Scenario, actor: str):
        self.actor = actor
        self.plays: list[tuple[MoveType, str | None, Action | None]] = []
        for move in scenario.ruleset.moves:
            if move.scope == "global":
                self.plays.append((move, None, Action("move", actor=actor, move=move.id)))
                continue
            for track in scenario.ruleset.tracks:
                if move.argue is not None:
                    # one ready argument per result; where the ruleset does not offer it, it is no option
                    if move.argue.offered_on(track.id):
                        self.plays.extend((move, track.id, a) for a in argue_actions(scenario, actor, move, track.id))
                    continue
                action = None if move.link else Action("move", actor=actor, move=move.id, track=track.id)
                self.plays.append((move, track.id, action))
        self._links: dict[tuple[str, str | None, str | None], Action] = {}

    def link_action(self, move: MoveType, track: str | None, link: str | None) -> Action:
        key = (move.id, track, link)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = Action("move", actor=self.actor, move=move.id, track=track, link=link)
        return found


def _option_actions(scenario: Scenario, actor: str) -> _OptionActions:
    index = scenario.index
    made = _OPTIONS.get(index)
    if made is None:
        made = _OPTIONS[index] = {}
    found = made.get(actor)
    if found is None:
        found = made[actor] = _OptionActions(scenario, actor)
    return found


#: each scenario index's option actions per actor, kept weakly as ``_BUILT`` is
_OPTIONS: WeakKeyDictionary[object, dict[str, _OptionActions]] = WeakKeyDictionary()


def _problem(check: Callable[..., object], *args: object) -> RuleViolation | None:
    """The refusal ``check(*args)`` raises, or None."""
    try:
        check(*args)
    except RuleViolation as exc:
        return exc
    return None


#: what the game waits on (``waiting_for``) when an action of each kind is due
_WAITS_FOR = {
    "draw": "draw",
    "apply_card": "card",
    "choose": "choice",
    "move": "move",
    "pass": "move",
    "vote": "vote",
    "roll": "roll",
    "rule": "rule",
    "counter": "counter",
    "odds": "odds",
    "enact": "enact",
    "advance": "advance",
}


def _expect(state: State, kind: str, action: Action) -> None:
    """Raise unless the game now waits on an action of this kind."""
    if state.over:
        raise RuleViolation(Code.GAME_OVER, "The game is over.")
    waiting = waiting_for(state)
    if waiting == _WAITS_FOR[kind]:
        return
    if state.card is not None and kind not in ("apply_card", "choose"):
        raise RuleViolation(Code.CARD_PENDING, f"First resolve the card '{_card(state, state.card).title}'.")
    if kind in ("move", "pass") and state.phase != "moves":
        raise RuleViolation(Code.WRONG_PHASE, f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if kind in ("move", "pass") and state.turn is None:
        raise RuleViolation(Code.WRONG_PHASE, "Every team has finished its moves this round.")
    raise RuleViolation(Code.WRONG_PHASE, f"The game is not waiting for '{kind}' now (it waits for: {waiting}).")


def _check_move(state: State, action: Action) -> MoveType:
    move = _move(state, action.move)
    _check_turn(state, action.actor)
    _check_place(state, move, action)
    _check_link(state, move, action)
    _check_own(state, move, action.actor)
    _check_requirements(state, move, action.track, action.actor)
    if move.argue is not None:
        check_argument(state, move, action)
    else:
        not_an_argument(move, action)
    return move


def _check_turn(state: State, actor: str | None) -> None:
    """The checks that hold for every move of ``actor`` now: its turn, with actions left."""
    if actor not in state.resources:
        raise RuleViolation(Code.UNKNOWN_ACTOR, f"There is no actor called {actor!r}.")
    if state.over:
        raise RuleViolation(Code.GAME_OVER, "The game is over.")
    if state.phase != "moves" or state.card is not None:
        raise RuleViolation(Code.WRONG_PHASE, f"Moves are played in the moves phase; this is the {state.phase} phase.")
    if state.turn != actor:
        if state.turn is None:
            raise RuleViolation(Code.NOT_YOUR_TURN, "Nobody is to move now: the moves of this round are done.")
        raise RuleViolation(Code.NOT_YOUR_TURN, f"It is {possessive(_actor_name(state, state.turn))} turn, "
                                             f"not {possessive(_actor_name(state, actor))}.")
    if state.actions_left.get(actor, 0) <= 0:
        raise RuleViolation(Code.NO_ACTIONS_LEFT, f"{_actor_name(state, actor)} has no actions left this round.")


def _check_place(state: State, move: MoveType, action: Action) -> None:
    """Where the move is played: a global move on no track, a track move at an open table of the actor's
    (for a track move on a track, the same answer for every move: ``move_options`` asks once a track)."""
    actor = action.actor
    if move.scope == "global":
        if action.track is not None:
            raise RuleViolation(Code.GLOBAL_MOVE, f"'{move.name}' is a global move; it is not played on a track.")
        return
    if action.track is None:
        raise RuleViolation(Code.NEEDS_TRACK, f"'{move.name}' is played on a track: choose one.")
    spec = _track_spec(state, action.track)
    if actor not in spec.members:
        raise RuleViolation(
            Code.NOT_A_MEMBER,
            f"{_actor_name(state, actor)} is not at the table of '{spec.name}' "
            f"(members: {', '.join(_actor_name(state, m) for m in spec.members)}).",
        )
    track = state.tracks[action.track]
    if not track.is_open:
        raise RuleViolation(Code.TRACK_CLOSED, f"'{spec.name}' is {track.status}: no more moves there.")


def _check_link(state: State, move: MoveType, action: Action) -> None:
    if move.link:
        if state.independence == "strict":
            linked = (
                f"'{_track_name(state, action.track)}' may not be made conditional on '{_track_name(state, action.link)}'"
                if action.link
                else "an outcome on one track may not be made conditional on another"
            )
            raise RuleViolation(
                Code.LINKAGE_FORBIDDEN,
                f"Linking tracks is not allowed here (independence rule 3, strict): {linked}. \u201c{PRINCIPLE}.\u201d",
            )
        if action.link is None or action.link == action.track:
            raise RuleViolation(Code.NEEDS_TRACK, f"'{move.name}' names a second track to link with.")
        other = _track_spec(state, action.link)
        if not state.tracks[other.id].is_open:
            raise RuleViolation(Code.TRACK_CLOSED, f"'{other.name}' is {state.tracks[other.id].status}: it cannot be linked.")
    elif action.link is not None:
        raise RuleViolation(Code.INVALID_ACTION, f"'{move.name}' does not link tracks.")


def _check_own(state: State, move: MoveType, actor: str | None) -> None:
    """What the move asks of its actor, wherever it is played: once a game, its cost."""
    if move.once_per_game and (actor, move.id) in state.used_once:
        raise RuleViolation(Code.ALREADY_USED, f"{_actor_name(state, actor)} has already made '{move.name}' this game.")
    have = state.resources[actor]
    for key, amount in move.cost.items():
        if have.get(key, 0) < amount:
            raise RuleViolation(
                Code.CANNOT_AFFORD,
                f"'{move.name}' costs {amount} {key}; {_actor_name(state, actor)} has {have.get(key, 0)}.",
            )


def _check_requirements(state: State, move: MoveType, track: str | None, actor: str | None) -> None:
    view = ReadView(state, track, actor)
    for cond in move.requires:
        if not cond.holds(view):
            raise RuleViolation(Code.REQUIREMENT_UNMET, f"'{move.name}' needs {cond.describe()}.")
