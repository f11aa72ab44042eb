"""Actions, the events they leave in the log, and rule violations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, NamedTuple

from .codes import Code

#: Actions that players and the game step through; ``legal_actions`` lists these.
PLAY_KINDS = (
    "draw",  # chance: reveal the round's card
    "apply_card",  # apply the revealed card (a card without choices)
    "choose",  # the named actor answers the revealed card
    "move",  # an actor plays a move
    "pass",  # an actor ends its moves for the round
    "vote",  # a member accepts or rejects a tabled proposal
    "roll",  # chance: 2d6 for a tabled dice move
    "rule",  # the facilitator rules on a tabled facilitator move
    "counter",  # a team counters the argument being weighed, or passes (no text)
    "odds",  # the odds of an argument: set by the facilitator, or a team's vote on them
    "enact",  # a sealed auto move takes effect after the reveal
    "advance",  # the step to the next phase
)
#: The facilitator's powers: built and applied the same way, never listed.
FACILITATOR_KINDS = ("override", "undo", "note", "inject", "skip", "redraw", "end",
                     "lapse")  # lapse: set aside the head proposal, its track closed since it was tabled
KINDS = PLAY_KINDS + FACILITATOR_KINDS
#: What a team decides for itself, as its own actor (a team's seat sends only these; the rest are the facilitator's).
TEAM_KINDS = frozenset(("choose", "move", "pass", "vote", "counter", "odds"))
#: Actions whose outcome comes from the game's seeded RNG (and is recorded).
CHANCE_KINDS = ("draw", "roll", "redraw")
#: The longest free text an action carries (a note, a reason): some eight pages. A line of the save holds
#: it twice, as typed and in the result, and a save's line is at most 4 MiB (``store.lines.MAX_LINE``).
TEXT_LIMIT = 20_000


class RuleViolation(Exception):
    """An action the rules do not allow. ``code`` is stable (a :class:`Code`); ``message`` is for players."""

    def __init__(self, code: Code, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class IndependenceBreach(AssertionError):
    """The engine itself broke track independence: a bug, never a player's doing."""


@dataclass(frozen=True, slots=True)
class Action:
    """One thing someone does. Build with keywords; unused fields stay None.

    ``track`` is the track the action is scoped to (None: global or no track).
    ``outcome`` carries a chance action's recorded result (a replay feeds it
    back); leave it None to let the game's seeded RNG decide.
    """

    kind: str
    actor: str | None = None
    track: str | None = None
    move: str | None = None
    link: str | None = None
    choice: int | None = None
    accept: bool | None = None
    success: bool | None = None
    card: str | None = None
    reason: str | None = None
    text: str | None = None
    about: int | None = None
    position: int | None = None
    tension: int | None = None
    status: str | None = None
    meter: str | None = None
    value: int | None = None
    # matrix arguments only (engine/arguments.py): None everywhere else, so older saves keep their bytes
    wanted: Mapping[str, Any] | None = None
    reasons: tuple[str, ...] | None = None
    odds: str | None = None
    strong: tuple[int, ...] | None = None
    outcome: Mapping[str, Any] | None = None
    #: the language free text (text, reason, reasons) was typed in: it is shown as typed, marked in other languages
    lang: str | None = None
    #: True on a pass the phase timer made (``on_time_up = "pass"``), not the team: the record and its words say
    #: the time was up. None everywhere else, so older saves keep their bytes
    time_up: bool | None = None
    #: on a note tabletop writes itself, the team whose decision (the event ``about``) the facilitator entered from
    #: the console, the team having no screen connected: a record each reader reads in its own words, no text (found
    #: from outside, helper-318: saved as text in the console's language). None everywhere else: older saves keep
    #: their bytes
    entered: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data for the save file: only the fields that are set."""
        out: dict[str, Any] = {}
        for name in _FIELD_ORDER:  # not dataclasses.fields(): verify calls this for every event
            value = getattr(self, name)
            if value is not None:
                out[name] = _PLAIN[name](value) if name in _PLAIN else value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Action:
        """Rebuild an action from :meth:`to_dict` data; raises ValueError if malformed."""
        if type(data) is dict and type(data.get("kind")) is str and data["kind"] in _KIND_SET:
            # the usual case, as JSON gives it (a save's every line): each value of exactly its field's type
            exact = _EXACT_TYPES
            for key, value in data.items():
                if type(value) not in exact.get(key, ()):
                    break
            else:
                return cls(**data)
        if not isinstance(data, Mapping):
            # untranslated: a malformed saved or wire action, for developers
            raise ValueError("an action must be an object")
        unknown = set(data) - _FIELD_NAMES
        if unknown:
            # untranslated: a malformed saved or wire action, for developers
            raise ValueError(f"unknown action field(s): {', '.join(sorted(unknown))}")
        kind = data.get("kind")
        if kind not in KINDS:
            # untranslated: a malformed saved or wire action, for developers
            raise ValueError(f"unknown action kind {kind!r}")
        for key, value in data.items():
            if value is None or key == "kind":
                continue
            expected = _FIELD_TYPES.get(key, (str,))
            if not isinstance(value, expected) or (expected == (int,) and isinstance(value, bool)):
                # untranslated: a malformed saved or wire action, for developers
                raise ValueError(f"action field {key!r} has the wrong type")
        items = {key: _ITEMS[key] for key in _ITEMS if data.get(key) is not None}
        for key, item in items.items():
            if not all(isinstance(v, item) and not isinstance(v, bool) for v in data[key]):
                # untranslated: a malformed saved or wire action, for developers
                raise ValueError(f"action field {key!r} has the wrong type")
        if items:
            data = {**data, **{key: tuple(data[key]) for key in items}}
        return cls(**data)

    def __hash__(self) -> int:
        # the dataclass's own hash failed on a table (found from outside: ``set(legal_actions(state))`` with an
        # argument listed): ``wanted`` is hashed by its items, ``outcome`` (its values lists) by its keys, a list of
        # reasons or strong marks as a tuple. Equal actions still hash alike; the fields and the save are as they were
        wanted, outcome, reasons, strong = self.wanted, self.outcome, self.reasons, self.strong
        if wanted is not None:
            try:
                wanted = frozenset(wanted.items())  # type: ignore[assignment]
            except TypeError:  # a value that is no number or text: its keys alone
                wanted = frozenset(wanted)  # type: ignore[assignment]
        return hash((_HASHED_AS_THEY_ARE(self), wanted, None if outcome is None else frozenset(outcome),
                     None if reasons is None else tuple(reasons), None if strong is None else tuple(strong)))

    def without_outcome(self) -> Action:
        if self.outcome is None:
            return self
        return Action(**{f.name: getattr(self, f.name) for f in fields(self) if f.name != "outcome"})


_FIELD_ORDER = tuple(f.name for f in fields(Action))
#: the fields ``Action.__hash__`` hashes as they are: all but the tables and lists
_HASHED_AS_THEY_ARE = attrgetter(*(name for name in _FIELD_ORDER if name not in ("wanted", "outcome", "reasons", "strong")))
_FIELD_NAMES = frozenset(_FIELD_ORDER)
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "choice": (int,),
    "about": (int,),
    "position": (int,),
    "tension": (int,),
    "value": (int,),
    "accept": (bool,),
    "success": (bool,),
    "time_up": (bool,),
    "outcome": (dict,),
    "wanted": (dict,),
    "reasons": (list, tuple),
    "strong": (list, tuple),
}
#: what ``from_dict`` takes on its quick path: each field's exact types (None for any field but ``kind``); the list
#: fields are left to the full check of their items
_EXACT_TYPES: dict[str, frozenset[type]] = {
    name: frozenset((*_FIELD_TYPES.get(name, (str,)), type(None))) for name in _FIELD_ORDER
    if name not in ("reasons", "strong")
}
_KIND_SET = frozenset(KINDS)
#: list fields and the type of their items
_ITEMS: dict[str, type] = {"reasons": str, "strong": int}

#: The fields each kind's handler reads, besides the free texts (``text``, ``reason``, ``reasons``, ``lang``:
#: checked wherever they are set). ``apply`` refuses a value of another type than the save holds in one of them
#: (:data:`TAKES`), so that what ``apply`` takes, the save's reader takes back; the others it leaves unread.
READS: dict[str, tuple[str, ...]] = {
    "draw": ("outcome",),
    "apply_card": ("card", "track"),
    "choose": ("card", "actor", "track", "choice"),
    "move": ("actor", "move", "track", "link", "wanted"),
    "pass": ("actor", "time_up"),
    "vote": ("actor", "track", "accept"),
    "roll": ("track", "outcome"),
    "rule": ("track", "success"),
    "counter": ("actor", "track"),
    "odds": ("actor", "track", "odds", "strong", "wanted"),
    "enact": ("track",),
    "advance": (),
    "override": ("track", "meter", "position", "tension", "status", "value"),
    "undo": (),
    "note": ("about", "entered"),
    "inject": ("card",),
    "skip": (),
    "redraw": ("outcome",),
    "end": (),
    "lapse": ("track",),
}
assert set(READS) == set(KINDS)
#: the exact types a field may hold in an applied action (None: unset); a table is a dict (another mapping is taken
#: too: the save writes it as one), a list a list or a tuple
TAKES: dict[str, frozenset[type]] = {
    **_EXACT_TYPES,
    "reasons": frozenset((tuple, list, type(None))),
    "strong": frozenset((tuple, list, type(None))),
}
#: how a field that is not a plain value is written to the save
_PLAIN = {"outcome": dict, "wanted": dict, "reasons": list, "strong": list}


class Event(NamedTuple):
    """What one applied action did: the record a save line is made of."""

    seq: int
    round: int
    phase: str
    action: Action
    result: Mapping[str, Any]

    @property
    def actor(self) -> str | None:
        return self.action.actor

    @property
    def track(self) -> str | None:
        return self.action.track
