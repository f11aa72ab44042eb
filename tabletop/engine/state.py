"""The game state: immutable values; ``apply`` builds a new one per action."""

from __future__ import annotations

import hashlib
import weakref
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..content import Scenario
from .actions import Event


class TrackState(NamedTuple):
    """One track board: where it stands, how tense it is, and its status.

    ``provisional`` marks an agreement under linked independence that holds
    only once every non-deferred track agrees. ``since`` is the round in
    which the current status was reached.
    """

    id: str
    position: int
    tension: int
    status: str = "open"
    provisional: bool = False
    since: int | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    def as_data(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "tension": self.tension,
            "status": self.status,
            "provisional": self.provisional,
            "since": self.since,
        }


class Argument(NamedTuple):
    """A tabled argument, as it goes through its steps.

    ``wanted`` is the result argued for as sorted ``(key, value)`` pairs (an
    effect table, kept hashable); ``counters`` the ``(actor, text)`` entered
    so far (text None: passed); ``votes`` the ``(actor, odds)`` of a vote;
    ``odds`` and ``odds_by`` ("facilitator", "matrix" or "vote") once set;
    ``strong`` the items the facilitator marked strong (matrix).
    """

    text: str
    wanted: tuple[tuple[str, Any], ...]
    reasons: tuple[str, ...]
    counterers: tuple[str, ...]
    method: str
    counters: tuple[tuple[str, str | None], ...] = ()
    votes: tuple[tuple[str, str], ...] = ()
    odds: str | None = None
    odds_by: str | None = None
    strong: tuple[int, ...] = ()

    @property
    def wanted_table(self) -> dict[str, Any]:
        return dict(self.wanted)

    def next_counterer(self) -> str | None:
        if not self.counters:  # asked at every step of an argument: the first answer is the common one
            return self.counterers[0] if self.counterers else None
        return _first_not_in(self.counterers, self.counters)

    def next_voter(self) -> str | None:
        """Who votes on the odds next (``vote`` method), or None."""
        if self.method != "vote":
            return None
        return _first_not_in(self.counterers, self.votes)

def _first_not_in(order: tuple[str, ...], done: tuple[tuple[Any, ...], ...]) -> str | None:
    """The first of ``order`` who is not the first item of one of ``done`` (a few teams: no set made)."""
    for who in order:
        for entry in done:
            if entry[0] == who:
                break
        else:
            return who
    return None


def _refuse(self: Tracks, *args: Any, **kwargs: Any) -> None:
    # untranslated: a developer's error
    raise TypeError("a state's tracks are never changed: make the next ones with Tracks.replacing")


class Tracks(dict):  # type: ignore[type-arg]
    """A state's tracks by id: a dict never changed once made.

    The next state's tracks are made with :meth:`replacing`, which remembers
    which tracks it replaced and (weakly) the mapping it came from: the
    independence check after an action then looks at those tracks alone, not
    at every track (``rules._assert_independent``).
    """

    __slots__ = ("__weakref__", "base", "replaced")

    base: Callable[[], Tracks | None] | None
    replaced: frozenset[str]

    @classmethod
    def first(cls, tracks: Mapping[str, TrackState]) -> Tracks:
        """The tracks of a new game: replacing nothing."""
        new = cls(tracks)
        new.base, new.replaced = None, frozenset()
        return new

    @classmethod
    def replacing(cls, base: Mapping[str, TrackState], changes: Mapping[str, TrackState]) -> Tracks:
        """``base`` with ``changes`` written over it."""
        new = cls(base)
        dict.update(new, changes)
        new.base = weakref.ref(base) if type(base) is cls else None
        new.replaced = frozenset(changes)
        return new

    def replaced_since(self, earlier: Mapping[str, TrackState]) -> frozenset[str] | None:
        """The ids of the tracks replaced between ``earlier`` and these, or None when not known
        (made another way, or from a mapping since gone): then any track may differ."""
        ids: frozenset[str] = frozenset()
        tracks: Mapping[str, TrackState] | None = self
        while tracks is not earlier:
            if type(tracks) is not Tracks or tracks.base is None:
                return None
            ids |= tracks.replaced
            tracks = tracks.base()
        return ids

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _refuse  # type: ignore[assignment]


def _refuse_counts(self: Counts, *args: Any, **kwargs: Any) -> None:
    # untranslated: a developer's error
    raise TypeError("a state's meters and resources are never changed: dict(...) is a copy to change")


class Counts(dict):  # type: ignore[type-arg]
    """A state's meters by id, its resources by actor, or one actor's resources: a dict never changed once made
    (found from outside: ``state.meters["trust"] = 9`` changed every state sharing the dict, and the state's hash,
    which renders a part once while it is the same object, went stale).

    The engine makes each one where it made a dict before, and fills it in as it makes it (``put``); a
    state shares it with the states after it until an action replaces it (:meth:`replacing`).
    """

    __slots__ = ()

    @classmethod
    def replacing(cls, base: Mapping[str, Any], changes: Mapping[str, Any]) -> Counts:
        """``base`` with ``changes`` written over it (``{**base, **changes}``, as one copy)."""
        new = cls(base)
        dict.update(new, changes)
        return new

    def __reduce__(self) -> tuple[type[Counts], tuple[dict[str, Any]]]:
        # copy, deepcopy and pickle fill a dict subclass item by item, with the __setitem__ refused below
        return type(self), (dict(self),)

    __setitem__ = __delitem__ = update = pop = popitem = clear = setdefault = __ior__ = _refuse_counts  # type: ignore[assignment]


#: writes a value into a :class:`Counts` still being made, handed to no one yet
put = dict.__setitem__


class Proposal(NamedTuple):
    """A move waiting for adjudication (tabled, or committed in a sealed round)."""

    seq: int
    actor: str
    move: str
    track: str | None
    link: str | None
    resolution: str
    voters: tuple[str, ...] = ()
    votes: tuple[tuple[str, bool], ...] = ()
    sealed: bool = False
    revealed: bool = True
    #: a matrix argument's texts and steps (``resolution == "argue"`` only): engine/arguments.py
    argument: Argument | None = None

    def next_voter(self) -> str | None:
        if not self.votes:
            return self.voters[0] if self.voters else None
        return _first_not_in(self.voters, self.votes)


class _LogNode(NamedTuple):
    event: Event
    prev: _LogNode | None
    length: int


#: One state in this many on the undo stack is kept whole; the others are replayed from it when asked for.
KEEP_EVERY = 16


class _Back(NamedTuple):
    """One entry of the undo stack: a state, kept whole or rebuilt on demand.

    Rebuilt: ``fold`` (the rules' ``apply``) of ``action`` on the state of
    ``base``, given the ``seq`` and ``history`` it had then (a move tabled
    records its seq, a card its round's draws). Every entry but one in
    :data:`KEEP_EVERY` holds only these, which the log holds anyway: a long
    game no longer keeps each of its states.
    """

    kept: State | None
    base: _Back | None
    action: Any
    seq: int
    history: _LogNode | None
    round: int  # the round of the state it stands for
    depth: int  # how many entries are below it
    fold: Callable[[State, Any], State] | None


def rebuild(entry: _Back) -> State:
    """The state an undo-stack entry stands for: the nearest kept one below, with the actions since replayed."""
    steps = []
    while entry.kept is None:
        steps.append(entry)
        assert entry.base is not None  # the first entry is always kept
        entry = entry.base
    state = entry.kept
    for step in reversed(steps):
        assert step.fold is not None
        state = step.fold(evolve(state, seq=step.seq, history=step.history), step.action)
    return state


class _Kept:
    """A value read from the scenario through several hops, kept in the state's own dict on its first
    reading: the states ``evolve`` makes from it carry it along, so the engine's hot path reads it as
    one dict lookup. ``evolve`` drops it when the scenario itself is replaced."""

    def __init__(self, read: Callable[[State], Any]):
        self.read = read
        self.__doc__ = read.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        _KEPT_READINGS.append(name)

    def __get__(self, state: State | None, owner: type | None = None) -> Any:
        if state is None:
            return self
        value = state.__dict__[self.name] = self.read(state)
        return value


#: the names of the readings ``_Kept`` stores in a state's dict
_KEPT_READINGS: list[str] = []


@dataclass(frozen=True, eq=False)
class State:
    """A whole game at one moment. Never mutated: ``apply`` returns a new one."""

    scenario: Scenario
    seed: int
    round: int
    phase: str
    tracks: Mapping[str, TrackState]
    meters: Mapping[str, int]
    resources: Mapping[str, Mapping[str, int]]
    pile: tuple[str, ...]
    discard: tuple[str, ...] = ()
    over: bool = False
    end_reason: str | None = None
    turn: str | None = None
    actions_left: Mapping[str, int] = field(default_factory=dict)
    passed: frozenset[str] = frozenset()
    card: str | None = None
    card_round_event: bool = False
    event_done: bool = False
    queue: tuple[Proposal, ...] = ()
    used_once: frozenset[tuple[str, str]] = frozenset()
    #: tracks whose agreement has spilled over (``on_agreed``): goodwill comes once a game, however
    #: often a facilitator reopens and re-agrees a track. Not in the hash: the events rebuild it on
    #: every replay, and leaving it out keeps the hashes of every save written before it.
    goodwill_spent: frozenset[str] = frozenset()
    chance: int = 0
    seq: int = 0
    history: _LogNode | None = None
    #: the undo stack below this state (None: nothing to undo), and this state's own entry once on it
    trail: _Back | None = field(default=None, repr=False)
    made: _Back | None = field(default=None, repr=False)

    def __repr__(self) -> str:
        """The board at a glance, the scenario by id: the dataclass's own repr held the whole scenario and the
        log (77,522 characters for a new game, found from outside)."""
        tracks = {
            # untranslated: a repr for developers
            tid: f"{t.status}{' (provisional)' if t.provisional else ''}, position {t.position}, tension {t.tension}"
            for tid, t in self.tracks.items()
        }
        waiting = f", card={self.card!r}" if self.card is not None else ""  # untranslated: a repr, as below
        ended = f", end_reason={self.end_reason!r}" if self.over else ""  # untranslated: a repr, as below
        # untranslated: a repr for developers
        return (f"State(scenario={self.scenario.id!r}, seed={self.seed}, seq={self.seq}, round={self.round}, "
                f"phase={self.phase!r}, turn={self.turn!r}{waiting}, tracks={tracks!r}, meters={dict(self.meters)!r}, "
                f"over={self.over}{ended})")

    # -- reading -----------------------------------------------------------

    @property
    def ruleset(self):  # noqa: ANN201 - pydantic model
        return self.scenario.ruleset


    @_Kept
    def independence(self) -> str:
        """The ruleset's independence mode ("strict" or "linked")."""
        return self.scenario.ruleset.ruleset.independence

    @property
    def previous(self) -> State | None:
        """The state an undo goes back to (None: nothing to undo).

        The newest state of a game holds it; an older one rebuilds it from
        its ``trail`` (at most ``KEEP_EVERY - 1`` actions replayed) and keeps it.
        """
        kept = self.__dict__.get("_kept")
        if kept is None and self.trail is not None:
            kept = self.__dict__["_kept"] = rebuild(self.trail)
        return kept

    @property
    def last(self) -> Event | None:
        """The event the last applied action produced."""
        return self.history.event if self.history else None

    @property
    def log(self) -> tuple[Event, ...]:
        """Every event so far, oldest first (undone ones included)."""
        out: list[Event] = []
        node = self.history
        while node is not None:
            out.append(node.event)
            node = node.prev
        return tuple(reversed(out))

    def events(self) -> Iterator[Event]:
        return iter(self.log)

    def recent(self, n: int) -> tuple[Event, ...]:
        """The last ``n`` events, oldest first, without walking the whole log."""
        out: list[Event] = []
        node = self.history
        while node is not None and len(out) < n:
            out.append(node.event)
            node = node.prev
        return tuple(reversed(out))

    def older(self, seq: int) -> Iterator[Event]:
        """The events before event ``seq``, newest first, walked back lazily (as far as the reader reads)."""
        node = self.history
        while node is not None:
            if node.event.seq < seq:
                yield node.event
            node = node.prev

    def this_round(self) -> tuple[Event, ...]:
        """The events of the current round so far, oldest first."""
        out: list[Event] = []
        node = self.history
        while node is not None and node.event.round == self.round:
            out.append(node.event)
            node = node.prev
        return tuple(reversed(out))

    @property
    def hash(self) -> str:
        """A digest of the game state (not the log), equal in any process."""
        return state_hash(self)


def not_a_state(function: str, given: object) -> TypeError:
    """The error of a public function handed something else than a State (found from outside: ``apply(None, a)``
    failed deep inside, on an attribute of None)."""
    # untranslated: a developer's error (a script's call)
    return TypeError(f"{function} takes a State from new_game or apply, got {type(given).__name__}")


def evolve(state: State, **changes: Any) -> State:
    """``dataclasses.replace`` for State, without re-running ``__init__`` (the engine's hot path)."""
    new = object.__new__(State)
    # one merged dict handed over whole: filling the new instance's own dict key by key costs ~2x
    merged = state.__dict__ | changes
    if "scenario" in changes:  # what was read from the old scenario is read again from the new one
        for name in _KEPT_READINGS:
            merged.pop(name, None)
    _set(new, "__dict__", merged)
    return new


_set = object.__setattr__  # past the frozen dataclass's __setattr__


def settle_fresh(fresh: State, **changes: Any) -> State:
    """``evolve`` without the copy, for a state ``evolve`` made within the same action and handed to
    no one yet: nothing else can see it, so its last fields are set in place (a handler's last step)."""
    fresh.__dict__.update(changes)
    return fresh


_PIECES: dict[int, tuple[object, str]] = {}


def _piece(obj: object, render: Callable[[object], str]) -> str:
    """``render(obj)``, remembered while the same immutable value is passed again.

    Consecutive states share most of their parts (the pile, the tracks...);
    the cache keeps the object itself, so its id cannot be reused meanwhile.
    """
    key = id(obj)
    hit = _PIECES.get(key)
    if hit is not None and hit[0] is obj:
        return hit[1]
    if len(_PIECES) > 512:
        _PIECES.clear()
    text = render(obj)
    _PIECES[key] = (obj, text)
    return text


def _tracks_repr(tracks: object) -> str:
    assert isinstance(tracks, Mapping)
    return repr(tuple((k, t.position, t.tension, t.status, t.provisional, t.since) for k, t in sorted(tracks.items())))


def _sorted_items_repr(mapping: object) -> str:
    assert isinstance(mapping, Mapping)
    return repr(tuple(sorted(mapping.items())))


def _sorted_repr(items: object) -> str:
    assert isinstance(items, frozenset)
    return repr(tuple(sorted(items)))


def _resources_repr(resources: object) -> str:
    """``repr(tuple((actor, tuple(sorted(purse.items()))) for actor, purse in sorted(...))))``, each
    purse rendered once while it is unchanged (a move changes only its actor's)."""
    assert isinstance(resources, Mapping)
    return _tuple_text([f"({a!r}, {_piece(r, _sorted_items_repr)})" for a, r in sorted(resources.items())])


def _queue_repr(queue: object) -> str:
    """``repr`` of the tuple of each proposal's fields, a proposal rendered once while it waits."""
    assert isinstance(queue, tuple)
    return _tuple_text([_piece(p, _proposal_repr) for p in queue])


def _tuple_text(parts: list[str]) -> str:
    """What ``repr`` gives for a tuple whose items' reprs are ``parts``."""
    return f"({parts[0]},)" if len(parts) == 1 else f"({', '.join(parts)})"


def _proposal_repr(p: object) -> str:
    assert isinstance(p, Proposal)
    if p.argument is None:  # the layout of every game without arguments stays as it was
        return repr((p.seq, p.actor, p.move, p.track, p.link, p.resolution, p.votes, p.revealed))
    return repr((p.seq, p.actor, p.move, p.track, p.link, p.resolution, p.votes, p.revealed, tuple(p.argument)))


def state_hash(state: State) -> str:
    """SHA-256 of the game fields as a canonical text of plain values.

    ``repr`` of tuples of str, int, bool and None is the same in every process
    and under any PYTHONHASHSEED; sets and mappings are sorted first. The
    parts a state shares with the one before are rendered once.
    """
    key = "|".join(
        (
            "1",  # the layout of this text; bump it when fields change
            repr((state.round, state.phase, state.over, state.end_reason, state.turn, state.card,
                  state.card_round_event, state.event_done, state.chance)),
            _piece(state.tracks, _tracks_repr),
            _piece(state.meters, _sorted_items_repr),
            _piece(state.resources, _resources_repr),
            _piece(state.pile, repr),
            _piece(state.discard, repr),
            _piece(state.actions_left, _sorted_items_repr),
            _piece(state.passed, _sorted_repr),
            _piece(state.queue, _queue_repr),
            _piece(state.used_once, _sorted_repr),
        )
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
