"""The rules: ``apply`` — a pure fold over actions, and its handler table.

``apply(state, action)`` checks the action, then builds a new state. It has
no I/O, no clock and no global RNG: chance (draws, dice) comes from
:mod:`tabletop.engine.rng` keyed by the game seed, and the outcome is
written into the event so a replay can feed it back.

Each kind of action has its handler in the module of its part of the game:
:mod:`.cards`, :mod:`.moves`, :mod:`.adjudication` (:mod:`.arguing` for an
argument's steps), :mod:`.flow` and the
facilitator's :mod:`.powers`; :mod:`.legal` says what may be done now.
"""

from __future__ import annotations

from collections.abc import Mapping

from .actions import _FIELD_TYPES, _ITEMS, FACILITATOR_KINDS, READS, TAKES, TEXT_LIMIT, Action, Event, IndependenceBreach, RuleViolation
from .adjudication import _enact, _lapse, _rule, _vote
from .arguing import _counter, _odds, _roll_any
from .cards import _apply_card, _choose, _draw
from .codes import Code
from .lookups import _, N_, ngettext
from ..lang import LANGUAGES
from .flow import _advance, _check_end
from .moves import _pass, _play
from .powers import _end, _inject, _note, _override, _redraw, _skip, _undo
from .scope import goodwill_meters
from .state import KEEP_EVERY, State, Tracks, _Back, _LogNode, evolve, not_a_state


#: Each kind of action and the handler that checks it and builds the next state.
_HANDLERS = {
    "draw": _draw,
    "apply_card": _apply_card,
    "choose": _choose,
    "move": _play,
    "pass": _pass,
    "vote": _vote,
    "roll": _roll_any,
    "counter": _counter,
    "odds": _odds,
    "rule": _rule,
    "enact": _enact,
    "advance": _advance,
    "override": _override,
    "undo": _undo,
    "note": _note,
    "inject": _inject,
    "skip": _skip,
    "redraw": _redraw,
    "end": _end,
    "lapse": _lapse,
}
assert set(_HANDLERS) >= set(FACILITATOR_KINDS)
#: each kind's fields its handler reads (``READS``): the types each takes, and a list's items' type (or None)
_TYPED = {kind: tuple((name, TAKES[name], _ITEMS.get(name)) for name in names) for kind, names in READS.items()}
#: actions whose fields' types were checked, by id: a bot's or a screen's listed actions are the same objects turn
#: after turn (a game of ~180 actions plays ~20 distinct ones), so the check's loop runs once for each
_VOUCHED: dict[int, Action] = {}
VOUCHED_MOST = 4096


def apply(state: State, action: Action) -> State:
    """The state after ``action``. Pure: ``state`` is never changed.

    Raises RuleViolation (with a stable ``code``) for an illegal action; the
    old state is then untouched.
    """
    if type(state) is not State and not isinstance(state, State):
        raise not_a_state("apply", state)
    if type(action) is not Action and not isinstance(action, Action):
        raise RuleViolation(Code.INVALID_ACTION, _("Not an action."))
    kind = action.kind
    handler = _HANDLERS.get(kind)
    if handler is None:
        raise RuleViolation(Code.INVALID_ACTION, _("Unknown action {kind}.").format(kind=repr(kind)))
    if _VOUCHED.get(id(action)) is not action:  # an action checked once (a listing's, played again) is not again
        for name, takes, item in _TYPED[kind]:  # the few fields the kind reads, each of a type the save holds
            value = getattr(action, name)
            if type(value) not in takes or (item is not None and value and not all(type(v) is item for v in value)):
                _wrong_type(action, name, value)
        if len(_VOUCHED) >= VOUCHED_MOST:
            _VOUCHED.clear()
        _VOUCHED[id(action)] = action  # (held: its id is not reused while it is here)
    # most actions carry no text
    if action.text is not None or action.reason is not None or action.reasons is not None or action.lang is not None:
        _check_texts(action)
    # only the phase timer's pass is marked so, a move's or a counter's (save schema)
    if action.time_up is not None and kind != "pass" and (kind != "counter" or action.text is not None):
        raise RuleViolation(Code.INVALID_ACTION, _("A {kind} action takes no {field}.").format(kind=kind, field="time_up"))
    if action.entered is not None and kind != "note":  # only the host's note on a decision it entered (save schema)
        raise RuleViolation(Code.INVALID_ACTION, _("A {kind} action takes no {field}.").format(kind=kind, field="entered"))
    quiet = kind == "note" or kind == "undo"  # the facilitator's notes and undos: no game step
    if state.over and not quiet and kind != "end":
        raise RuleViolation(Code.GAME_OVER, _("The game is over."))
    new, result = handler(state, action)
    # the log's named tuples are made with tuple.__new__: their generated __new__ is Python, a third of the cost
    seq = state.seq + 1
    before = state.history
    history = _tuple(_LogNode, (_tuple(Event, (seq, state.round, state.phase, action, result)), before,
                                before.length + 1 if before is not None else 1))
    if quiet:
        return evolve(new, seq=seq, history=history)
    tracks = state.tracks
    if new.tracks is not tracks:  # with the tracks as they were, one is still open (or the game is over)
        new = _check_end(new, result)
        if state.independence == "strict" and not _own_track_alone(tracks, new, state.meters, action.track):
            _assert_independent(state, new, action)
    elif new.meters is not state.meters and state.independence == "strict":
        _assert_independent(state, new, action)  # (with neither changed, there is nothing it could find)
    # the undo stack's entry for ``state``, as the new state's trail; and the new state's own entry
    made = state.made
    if made is None:  # a new game: the bottom of the undo stack, kept
        trail = _tuple(_Back, (state, None, None, state.seq, before, state.round, 0, None))
    elif made.depth % KEEP_EVERY == 0:
        trail = made._replace(kept=state)
    else:
        trail = made
    changes = {"seq": seq, "history": history, "trail": trail,
               "made": _tuple(_Back, (None, trail, action, state.seq, before, new.round, trail.depth + 1, apply)),
               "_kept": state}
    # the new state holds the one before it whole; that one lets go of its own (rebuilt if asked for):
    # a game holds one whole state in KEEP_EVERY, not every state it went through
    state.__dict__.pop("_kept", None)
    if new is state:  # a handler that changed nothing: the state handed in is someone's, copied
        return evolve(new, **changes)
    # every other handler returns a state it made itself (evolve) and handed to no one: finished in place
    new.__dict__.update(changes)  # (settle_fresh)
    return new


_tuple = tuple.__new__


#: what a field of each type holds, for the refusal of another (``_wrong_type``)
_TYPE_WORDS = {bool: N_("true or false"), int: N_("a whole number"), str: N_("a text"), dict: N_("a table")}
_LIST_WORDS = {str: N_("a list of texts"), int: N_("a list of whole numbers")}


def _wrong_type(action: Action, name: str, value: object) -> None:
    """Refuse a value the save would not hold in the field ``name`` (found from outside: a hand-built vote's
    ``accept="no"`` counted as accepted, a ruling's ``success="False"`` was a success and saved so). Another mapping
    than a dict is taken for a table: the save writes it as one."""
    if name in ("outcome", "wanted") and isinstance(value, Mapping):
        return
    item = _ITEMS.get(name)
    expected = _LIST_WORDS[item] if item is not None else _TYPE_WORDS[_FIELD_TYPES.get(name, (str,))[0]]
    shown = repr(value)
    raise RuleViolation(Code.INVALID_ACTION, _("The {field} of a {kind} action is {expected}, not {value}.").format(
        field=name, kind=action.kind, expected=_(expected), value=shown if len(shown) <= 40 else shown[:40] + "\u2026"))


def _check_texts(action: Action) -> None:
    """Refuse a text the save could not hold (not a text at all, a lone surrogate from a terminal, a paste of a book)."""
    for name in ("text", "reason", "lang"):
        value = getattr(action, name)
        if value is not None and type(value) is not str:
            _wrong_type(action, name, value)
    if action.lang is not None and action.lang not in LANGUAGES:
        # a save records a text's language as one tabletop speaks, and verify holds it to that: a seat's wire action
        # may name any (found from outside, helper-259: a note's lang of <script>x</script>)
        shown = repr(action.lang)
        raise RuleViolation(Code.INVALID_ACTION, _("The language of a {kind} action's text is one of {languages}, not "
                                                   "{value}.").format(kind=action.kind, languages=", ".join(LANGUAGES),
                                                                      value=shown if len(shown) <= 40 else shown[:40] + "\u2026"))
    reasons = action.reasons
    if reasons is not None and (type(reasons) not in (tuple, list) or not all(type(r) is str for r in reasons)):
        _wrong_type(action, "reasons", reasons)
    for text in (action.text, action.reason, *(reasons or ())):
        if text is not None:
            if len(text) > TEXT_LIMIT:
                raise RuleViolation(Code.TEXT_TOO_LONG, ngettext(
                    "The text is {length} character long; at most {limit} fit in the record.",
                    "The text is {length} characters long; at most {limit} fit in the record.",
                    len(text)).format(length=len(text), limit=TEXT_LIMIT))
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                raise RuleViolation(Code.INVALID_TEXT, _("The text has characters that cannot be saved; please type it again.")) from None


def _own_track_alone(tracks: Tracks, new: State, meters: object, track: str | None) -> bool:
    """Whether ``new`` plainly replaced the action's own track alone, straight from ``tracks``, and no
    meter: all that ``_assert_independent`` would find (it is asked whenever this cannot say so)."""
    after = new.tracks
    if type(after) is not Tracks or new.meters is not meters or after.base is None or after.base() is not tracks:
        return False
    replaced = after.replaced
    return len(replaced) == 1 and track in replaced


def _assert_independent(old: State, new: State, action: Action) -> None:
    """Independence checked again after every action (strict): raise if ever broken.

    A track-scoped action changes its own track only, and a meter only by the
    goodwill of an agreement it completed (``on_agreed``): exactly that, no more.
    Only the tracks the action replaced are looked at (``Tracks.replacing``
    records them; a dict made any other way has every track looked at), so
    the check costs what the action did, not the number of tracks.
    """
    if new.tracks is old.tracks:
        replaced: frozenset[str] | None = frozenset()
    else:
        replaced = new.tracks.replaced_since(old.tracks) if type(new.tracks) is Tracks else None
        if action.kind != "override":
            for tid in old.tracks if replaced is None else replaced:
                if tid != action.track and new.tracks.get(tid) is not old.tracks.get(tid):
                    # untranslated: a developer assertion
                    raise IndependenceBreach(f"{action.kind} scoped to {action.track!r} changed track {tid!r}")
    # the one channel from a track to the meters: an agreement's goodwill, raised and never lowered
    if action.track is not None and new.meters is not old.meters and dict(new.meters) != goodwill_meters(old, new, replaced):
        raise IndependenceBreach(
            # untranslated: a developer assertion
            f"{action.kind} scoped to {action.track!r} changed a meter beyond its agreement's goodwill"
        )
