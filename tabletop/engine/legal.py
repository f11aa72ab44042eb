"""What the game waits on, what is legal now, and why an action is not.

``legal_actions`` lists whoever must act now; ``move_options`` lists every
move an actor could try, each with its refusal; ``_expect`` and
``_check_move`` refuse what the game does not wait on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from weakref import WeakKeyDictionary

from ..content import MoveType, Scenario
from .actions import Action, RuleViolation
from .arguments import argue_actions, argument_actions, argument_step, check_argument, not_an_argument
from . import wording
from .codes import Code
from .listing import Listing
from .lookups import _, N_, _actor_name, _card, _move, _track_name, _track_spec, named, pgettext, plural, phase_word, resource_word, status_word, whose
from .plays import legal_moves, remember
from .scope import ReadView
from .state import Proposal, State, not_a_state


PRINCIPLE = N_("Not everything must be agreed for anything to be agreed")


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


def closed_to(state: State, track: str | None) -> bool:
    """Whether a proposal tabled on ``track`` lapses, however it would be settled: the track is closed (agreed,
    collapsed or deferred), unless it is a provisional agreement under linked independence, which may still change.
    A global move (no track) never lapses."""
    t = state.tracks.get(track) if track else None
    return t is not None and not t.is_open and not (t.status == "agreed" and t.provisional)


def lapsing(state: State) -> Proposal | None:
    """The proposal at the head of the adjudication queue if its track has closed since it was tabled (an argument
    in progress on it too): no dice, vote or ruling can change what becomes of it, and the facilitator sets it aside
    (the ``lapse`` action). None otherwise: nothing waits, or the head is settled as usual."""
    if state.over or state.phase != "adjudication" or not state.queue or state.card is not None:
        return None
    head = state.queue[0]
    return head if closed_to(state, head.track) else None


def legal_actions(state: State) -> Sequence[Action]:
    """Every legal action of whoever must act now, in a stable order.

    The facilitator's powers (override, undo, note, inject, skip, redraw,
    end, lapse) are not listed: a bot choosing from this list plays a normal
    game (a head proposal whose track has closed is still listed for its vote,
    roll or ruling, as before ``lapse`` existed: see :func:`lapsing`).
    A list, except on a turn with link moves under linked independence: then
    a :class:`~.listing.Listing`, the same actions in the same order, whose
    pairs of tracks are built only when read.
    """
    if type(state) is not State and not isinstance(state, State):
        raise not_a_state("legal_actions", state)
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
        out, paired = legal_moves(state, actor)
        out.append(_kept("pass", actor=actor))
        remember(state, out)
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


def move_options(state: State, actor: str) -> list[tuple[Action, RuleViolation | None]]:
    """Every move ``actor`` could try now, each with the reason it is illegal (or None).

    Screens show the illegal ones greyed with their reason; bots take the rest.
    One entry per move and track (a global move: one entry). A link move under
    linked independence is one entry per track too, its ``link`` left None
    while another track is open: its partner is any of :func:`link_partners`,
    and the refusal (or None) is that of every such pair. Each reason is
    worded once and shared by the entries it refuses (the turn, a track's
    membership or status, a move's cost, an unmet requirement), so listing
    costs O(moves x tracks) and words O(moves + tracks) refusals.
    """
    turn = _problem(_check_turn, state, actor)
    strict = state.independence == "strict"
    open_ids = [t.id for t in state.ruleset.tracks if state.tracks[t.id].is_open]
    places: dict[str, RuleViolation | None] = {}
    owns: dict[str, RuleViolation | None] = {}
    needs: dict[tuple[str, int], RuleViolation] = {}
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
            unmet = _unmet(state, move, tid, actor)
            if unmet is not None:  # worded once a move and requirement, whichever tracks it fails on
                key = (move.id, unmet)
                problem = needs[key] if key in needs else needs.setdefault(key, _requirement_refusal(state, move, unmet))
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
        raise RuleViolation(Code.GAME_OVER, _("The game is over."))
    waiting = waiting_for(state)
    if waiting == _WAITS_FOR[kind]:
        return
    if state.card is not None and kind not in ("apply_card", "choose"):
        raise RuleViolation(Code.CARD_PENDING, _("First resolve the card '{card}'.").format(card=named(state, "card", _card(state, state.card).id)))
    if kind in ("move", "pass") and state.phase != "moves":
        raise RuleViolation(Code.WRONG_PHASE, _("Moves are played in the moves phase; this is the {phase} phase.").format(phase=phase_word(state.phase)))
    if kind in ("move", "pass") and state.turn is None:
        raise RuleViolation(Code.WRONG_PHASE, _("Every team has finished its moves this round."))
    raise RuleViolation(Code.WRONG_PHASE, _("The game is not waiting for {kind} now; it waits for {waiting}.").format(
        kind=wording.waiting_words(_WAITS_FOR[kind]), waiting=wording.waiting_words(waiting)))


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
        not_an_argument(state, move, action)
    return move


def _check_turn(state: State, actor: str | None) -> None:
    """The checks that hold for every move of ``actor`` now: its turn, with actions left."""
    if actor not in state.resources:
        raise RuleViolation(Code.UNKNOWN_ACTOR, _("There is no actor called {actor}.").format(actor=repr(actor)))
    if state.over:
        raise RuleViolation(Code.GAME_OVER, _("The game is over."))
    if state.phase != "moves" or state.card is not None:
        raise RuleViolation(Code.WRONG_PHASE, _("Moves are played in the moves phase; this is the {phase} phase.").format(phase=phase_word(state.phase)))
    if state.turn != actor:
        if state.turn is None:
            raise RuleViolation(Code.NOT_YOUR_TURN, _("Nobody is to move now: the moves of this round are done."))
        raise RuleViolation(Code.NOT_YOUR_TURN, _("It is {actor} turn, not {other}.").format(
            actor=whose(_actor_name(state, state.turn)), other=whose(_actor_name(state, actor))))
    if state.actions_left.get(actor, 0) <= 0:
        raise RuleViolation(Code.NO_ACTIONS_LEFT, (
            pgettext("plural subject", "{actor} have no actions left this round.") if plural(state, actor)
            else _("{actor} has no actions left this round.")).format(actor=_actor_name(state, actor)))


def _check_place(state: State, move: MoveType, action: Action) -> None:
    """Where the move is played: a global move on no track, a track move at an open table of the actor's
    (for a track move on a track, the same answer for every move: ``move_options`` asks once a track)."""
    actor = action.actor
    if move.scope == "global":
        if action.track is not None:
            raise RuleViolation(Code.GLOBAL_MOVE, _("'{move}' is a global move; it is not played on a track.").format(move=named(state, "move", move.id)))
        return
    if action.track is None:
        raise RuleViolation(Code.NEEDS_TRACK, _("'{move}' is played on a track: choose one.").format(move=named(state, "move", move.id)))
    spec = _track_spec(state, action.track)
    if actor not in spec.members:
        refusal = (pgettext("plural subject", "{actor} are not at the table of '{track}' (members: {members}).")
                   if plural(state, actor)
                   else _("{actor} is not at the table of '{track}' (members: {members})."))
        raise RuleViolation(
            Code.NOT_A_MEMBER,
            refusal.format(
                actor=_actor_name(state, actor), track=_track_name(state, spec.id), members=", ".join(_actor_name(state, m) for m in spec.members)),
        )
    track = state.tracks[action.track]
    if not track.is_open:
        raise RuleViolation(Code.TRACK_CLOSED, _("'{track}' is {status}: no more moves there.").format(track=_track_name(state, spec.id), status=status_word(track.status, track.provisional)))


def _check_link(state: State, move: MoveType, action: Action) -> None:
    if move.link:
        if state.independence == "strict":
            refusal = (
                _("Linking tracks is not allowed here (independence rule 3, strict): '{track}' may not be made conditional "
                  "on '{link}'. \u201c{principle}.\u201d")
                if action.link else
                _("Linking tracks is not allowed here (independence rule 3, strict): an outcome on one track may not be made "
                  "conditional on another. \u201c{principle}.\u201d")
            )
            raise RuleViolation(Code.LINKAGE_FORBIDDEN, refusal.format(
                track=_track_name(state, action.track), link=_track_name(state, action.link) if action.link else "",
                principle=_(PRINCIPLE)))
        if action.link is None or action.link == action.track:
            raise RuleViolation(Code.NEEDS_TRACK, _("'{move}' names a second track to link with.").format(move=named(state, "move", move.id)))
        other = _track_spec(state, action.link)
        if not state.tracks[other.id].is_open:
            raise RuleViolation(Code.TRACK_CLOSED, _("'{track}' is {status}: it cannot be linked.").format(track=_track_name(state, other.id), status=status_word(state.tracks[other.id].status, state.tracks[other.id].provisional)))
    elif action.link is not None:
        raise RuleViolation(Code.INVALID_ACTION, _("'{move}' does not link tracks.").format(move=named(state, "move", move.id)))


def _check_own(state: State, move: MoveType, actor: str | None) -> None:
    """What the move asks of its actor, wherever it is played: once a game, its cost."""
    if move.once_per_game and (actor, move.id) in state.used_once:
        raise RuleViolation(Code.ALREADY_USED, (
            pgettext("plural subject", "{actor} have already made '{move}' this game.") if plural(state, actor)
            else _("{actor} has already made '{move}' this game.")).format(actor=_actor_name(state, actor), move=named(state, "move", move.id)))
    have = state.resources[actor]
    for key, amount in move.cost.items():
        if have.get(key, 0) < amount:
            # found from outside (uk, the EU's move list): «…; Європейські члени НАТО / ЄС має 1»
            refusal = (pgettext("plural subject", "'{move}' costs {amount} {key}; {actor} have {have}.")
                       if plural(state, actor) else _("'{move}' costs {amount} {key}; {actor} has {have}."))
            raise RuleViolation(
                Code.CANNOT_AFFORD,
                refusal.format(
                    move=named(state, "move", move.id), amount=amount, key=resource_word(state, key), actor=_actor_name(state, actor), have=have.get(key, 0)),
            )


def _check_requirements(state: State, move: MoveType, track: str | None, actor: str | None) -> None:
    unmet = _unmet(state, move, track, actor)
    if unmet is not None:
        raise _requirement_refusal(state, move, unmet)


def _unmet(state: State, move: MoveType, track: str | None, actor: str | None) -> int | None:
    """Which of the move's requirements (its index) is the first not met on ``track``; None: all are."""
    view = ReadView(state, track, actor)
    for i, cond in enumerate(move.requires):
        if not cond.holds(view):
            return i
    return None


def _requirement_refusal(state: State, move: MoveType, unmet: int) -> RuleViolation:
    """The refusal of a move whose requirement ``unmet`` does not hold: the same words on every track
    (a condition reads the track it is played on, and says so without naming it)."""
    return RuleViolation(Code.REQUIREMENT_UNMET, _("'{move}' needs {condition}.").format(
        move=named(state, "move", move.id), condition=wording.named(move.requires[unmet], wording.names(state))))
