"""Holding each recorded event against the game's own replay of it.

The hash chain only shows that no line changed since the chain was computed;
anyone can recompute it. What the game computed — an event's round, phase,
actor, track, the action as applied and its whole result (summary, the
working of a ruling, dice, totals, changes) — is recomputed by replaying the
action, so the line the writer would have written is rebuilt and compared
with the line in the file, byte for byte. Only the wall-clock time and the
room's clock reading (phase time left, session time) are taken from the file:
nothing can recompute them.
"""

from __future__ import annotations

import json
from typing import Any, Protocol

from ..content.files import read_json
from ..engine import RuleViolation, State, apply
from ..engine.actions import CHANCE_KINDS, Action, Event, IndependenceBreach
from ..lang import Domain
from .lines import canonical
from .savefile import event_record
from .sealing import SealBook
from .shapes import show


class Recorded(Protocol):
    """An event line as read (:class:`.reading.SavedEvent`): what :func:`recorded_difference` holds against the
    replay."""

    @property
    def action(self) -> Action: ...
    @property
    def body(self) -> bytes: ...
    @property
    def time(self) -> str: ...
    @property
    def state(self) -> str: ...
    @property
    def clock(self) -> dict[str, Any] | None: ...
    @property
    def seal(self) -> Any: ...

_, ngettext, N_ = Domain("store").words()

#: the parts of a line in the order a difference is named (the first one that differs)
_PARTS = ("seq", "state", "round", "phase", "actor", "track", "action", "result", "seal", "reveal")
#: the kind of damage each part's difference is (an id in the data, translated where shown: ``_(kind)``)
DIFFERS = {
    "seq": N_("seq differs"),
    "state": N_("state differs"),
    "round": N_("round differs"),
    "phase": N_("phase differs"),
    "actor": N_("actor differs"),
    "track": N_("track differs"),
    "action": N_("action differs"),
    "result": N_("result differs"),
    "seal": N_("seal differs"),
    "reveal": N_("reveal differs"),
}


def difference(body: bytes, time: str, replayed: Event, state_hash: str,
               clock: dict[str, Any] | None = None, seals: SealBook | None = None,
               seal: Any = None) -> tuple[str, str] | None:
    """The first difference between a recorded line and the replay, as (kind, detail); None if none.

    ``body`` is the line's canonical JSON without its chain (what the chain
    covers); ``time`` the time it records, and ``clock`` the room's clock it
    records, if any (checked for its shape only: nothing recomputes it). Kind is ``"<part> differs"``
    (``"result differs"``, ``"round differs"``...), or ``"line differs"``
    when the values are the same but the line is not written as tabletop
    writes it. The detail names the key path: ``"ruling.total: the game
    gives 9, the save says 99"``.

    ``seals``: the save's sealed entries so far (walk the events in order
    with one book); ``seal`` the line's own ``seal`` as read, whose nonce
    is taken from the file as the time is (nothing recomputes a random
    nonce) while its commitment and every reveal are recomputed.
    """
    record = event_record(replayed, state_hash, time, clock)
    if seals is not None:
        nonce = seal.get("nonce") if isinstance(seal, dict) else None
        seals.stamp(record, replayed.result, lambda: nonce if isinstance(nonce, str) else "")
    expected = canonical(record)
    if expected == body:  # the usual case: one encode and one comparison
        return None
    game = json.loads(expected)  # plain JSON types, as the file's side
    try:
        saved = read_json(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return N_("line differs"), _("the line is not valid JSON")
    if is_legacy(saved):
        game["result"] = as_legacy(game.get("result"), saved["result"])
        if canonical(game) == body:
            return None
    if _before_added(game, saved, body):
        return None
    for part in _PARTS:
        found = _first_difference(game.get(part, _NONE), saved.get(part, _NONE), "")
        if found is not None:
            path, detail = found
            return DIFFERS[part], f"{path}: {detail}" if path else detail  # untranslated: a key path and its detail
    extra = sorted(set(saved) - set(game))
    if extra:
        return N_("line differs"), _("{key}: the game writes no such key, the save says {value}").format(
            key=extra[0], value=show(saved[extra[0]]))
    return N_("line differs"), _("the values are the game's, but the line is not written as tabletop writes it")


def recorded_difference(before: State, event: Recorded, after: State, seals: SealBook | None = None
                        ) -> tuple[str, str] | None:
    """Where an event whose state the replay does not give differs in what it records, as (kind, detail): its draw
    or roll against the seed's (:func:`chance_difference`), then its line against the replay's, the state aside
    (:func:`difference`). None: only the state differs.

    ``before`` and ``after``: the game before the event and after its action as recorded. Found from outside
    (helper-259): a roll forged to [6, 6] in its outcome and its result was told only as two state hashes."""
    found = chance_difference(before, event.action)
    if found is None and after.last is not None:
        found = difference(event.body, event.time, after.last, event.state, event.clock, seals, event.seal)
    return found


def chance_difference(before: State, action: Action) -> tuple[str, str] | None:
    """(``outcome differs``, how) where ``action``, a draw or roll, records another outcome than the seed gives after
    ``before``; None: the same, or no recorded draw or roll."""
    if action.kind not in CHANCE_KINDS or action.outcome is None:
        return None
    try:
        derived = apply(before, action.without_outcome())
    except (RuleViolation, IndependenceBreach) as exc:
        return N_("outcome differs"), _("cannot re-derive from the seed: {error}").format(error=exc)
    recorded = dict(action.outcome)
    fresh = (derived.last.result.get("outcome") if derived.last else None) or {}
    if fresh == recorded:
        return None
    return N_("outcome differs"), outcome_words(fresh, recorded)


def outcome_words(fresh: dict[str, Any], recorded: dict[str, Any]) -> str:
    """How a recorded draw or roll differs from the seed's, in the room's words: the dice (``the dice differ: the seed
    gives 1 and 6, the save records 6 and 6``), the card, or else both outcomes as JSON (never Python's notation)."""
    dice, forged = fresh.get("dice"), recorded.get("dice")
    if dice != forged and _two_dice(dice) and _two_dice(forged):
        return _("the dice differ: the seed gives {fresh}, the save records {recorded}").format(
            fresh=_("{first} and {second}").format(first=dice[0], second=dice[1]),
            recorded=_("{first} and {second}").format(first=forged[0], second=forged[1]))
    if "card" in fresh and "card" in recorded and fresh["card"] != recorded["card"]:
        return _("the card differs: the seed gives {fresh}, the save records {recorded}").format(
            fresh=show(fresh["card"]), recorded=show(recorded["card"]))
    return _("the seed gives {fresh}, the save records {recorded}").format(fresh=show(fresh, 200),
                                                                          recorded=show(recorded, 200))


def _two_dice(value: Any) -> bool:
    return type(value) is list and len(value) == 2 and all(type(d) is int for d in value)


#: what a line written before the log was language-neutral held in words (``result.summary``, notes, a warning,
#: an argument's result): never shown any more (:func:`tabletop.engine.telling.tell` words the event), so not compared
LEGACY_TEXT = ("summary", "notes", "warning")
#: what the game records now in their place: ids and figures (and a note's text, as typed)
TOLD = ("told", "notes", "warning", "text")


def is_legacy(line: Any) -> bool:
    """Whether a line was written before the log was language-neutral: its result has a ``summary`` in words."""
    result = line.get("result") if isinstance(line, dict) else None
    return isinstance(result, dict) and isinstance(result.get("summary"), str)


def as_legacy(game: Any, saved: dict[str, Any]) -> Any:
    """The game's result as an old line would hold it: the words of ``saved`` in place of the ids and figures.

    Everything the game computed is still held against the line (the changes, the ruling, dice, totals);
    only the words, which nothing shows any more, are taken from the line as the time is.
    """
    if not isinstance(game, dict):
        return game
    out = {k: v for k, v in game.items() if k not in TOLD}
    out.update({k: saved[k] for k in LEGACY_TEXT if k in saved})
    ruling, old = out.get("ruling"), saved.get("ruling")
    if isinstance(ruling, dict) and isinstance(old, dict) and "effect" in old and "effect" not in ruling:
        out["ruling"] = {**ruling, "effect": old["effect"]}  # an argument's result, once recorded in words too
    return out


#: keys a result has gained since saves were first written, by the kind of action that records them: a line written
#: before one has not got it, and is the game's all the same (an inject's ``requires_unmet``: its card's condition
#: did not hold, said since helper-319's F3)
ADDED = {"inject": ("requires_unmet",)}


def _before_added(game: dict[str, Any], saved: Any, body: bytes) -> bool:
    """Whether ``saved`` (read from ``body``) is the game's line, as tabletop writes it, but for a key the game has
    recorded only since it was written."""
    action, result = game.get("action"), game.get("result")
    keys = ADDED.get(action.get("kind", "")) if isinstance(action, dict) else None
    was = saved.get("result") if isinstance(saved, dict) else None
    if not keys or not isinstance(result, dict) or not isinstance(was, dict):
        return False
    missing = [k for k in keys if k in result and k not in was]
    older = {**game, "result": {k: v for k, v in result.items() if k not in missing}}
    return bool(missing) and canonical(older) == body


class _Missing:
    def __repr__(self) -> str:
        return "<none>"


_NONE: Any = _Missing()


def _first_difference(game: Any, saved: Any, path: str) -> tuple[str, str] | None:
    """(key path, what differs) at the first place two JSON values differ, strictly (1 is not true nor 1.0)."""
    if saved is _NONE and game is _NONE:
        return None
    if saved is _NONE:
        return path, _("the game gives {game}, the save has none").format(game=show(game))
    if game is _NONE:
        return path, _("the game gives none, the save says {saved}").format(saved=show(saved))
    if type(game) is not type(saved):
        return path, _("the game gives {game}, the save says {saved}").format(game=show(game), saved=show(saved))
    if isinstance(game, dict):
        for key in sorted(set(game) | set(saved)):
            found = _first_difference(game.get(key, _NONE), saved.get(key, _NONE), f"{path}.{key}" if path else key)
            if found is not None:
                return found
        return None
    if isinstance(game, list):
        for i, (g, s) in enumerate(zip(game, saved, strict=False)):
            found = _first_difference(g, s, f"{path}[{i}]")
            if found is not None:
                return found
        if len(game) != len(saved):
            return path, _("the game gives {game} items, the save has {saved}").format(game=len(game), saved=len(saved))
        return None
    if game != saved:
        return path, _("the game gives {game}, the save says {saved}").format(game=show(game), saved=show(saved))
    return None
