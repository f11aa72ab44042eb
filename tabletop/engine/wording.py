"""What happened, in plain words: one wording for the screens, the replay viewer and every report.

A ruling's working (dice and modifiers, votes, a veto, the facilitator's
reason, a lapse), a change on the board (``Borders: position 1 → 2``), a
status (``✔ agreed (provisional)``, on screen ``✔ AGREED``), an undone mark.
Plain strings, no markup and no styling: a screen styles them, a report
format escapes them. Where a screen and a report word the same thing
differently (a screen is narrow: ``2→4``, the modifier's source as recorded),
the difference is a parameter here, not a second copy.

Text from a scenario, a deck, a save or a facilitator goes through the one
sanitiser (:mod:`tabletop.content.literal`). The program's own words go
through the ``engine`` catalogue: they read in the language of the moment
(:mod:`tabletop.lang`); ids (a status, a phase, the odds) are words only here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..content.literal import literal, one_line
from ..content.models import default_resource_name, resource_infos
from ..content.vocabulary import signed
from ..lang import LANGUAGES, SOURCE, Domain, current
from .partwords import LOG, STOCK, lookup, part_words, signs
from .records import Change

if TYPE_CHECKING:
    from ..content import MoveType
    from ..content.models import Schedule
    from ..content.scenario import Scenario
    from .state import State

#: a resource's key in :func:`scenario_names` (a resource may share its id with a meter or a track)
RESOURCE = "resource:"

_words = Domain("engine")
_, ngettext, N_ = _words.words()

STATUS_MARK = {
    "open": "\u25cb",  # ○
    "agreed": "\u2714",  # ✔
    "collapsed": "\u2716",  # ✖
    "deferred": "\u2016",  # ‖ (a pause sign that every font has; ⏸ is two cells wide in many terminals)
}
#: An objective met or not: the same marks as agreed and collapsed.
MET_MARK = {True: "\u2714", False: "\u2716"}
#: Put before an action that a later undo took back (English; :func:`undone_word` in the language of the moment).
UNDONE = N_("(undone)")
#: Why a move came to nothing: its track closed before it was settled (:func:`lapsed_word` translated).
LAPSED = N_("lapsed: the track had closed")
#: What became of a move still tabled when the game ended (:func:`unsettled_word` translated): the report's outcome
#: of it (the question before an end names such moves without it: nothing has ended yet).
UNSETTLED = N_("never settled: the game ended first")
#: A card whose ``requires`` do not hold now, as the inject list marks it and its panel's condition line says it
#: (:func:`unmet_now_word` translated).
UNMET_NOW = N_("condition not met now")
#: A card of a deferred track, as the inject list marks it: the live session refuses its inject until the facilitator
#: reopens the track (``engine.powers.refuse_new``; :func:`parked_word` translated).
PARKED = N_("track deferred: reopen it first")
#: An inject whose card's condition did not hold, as its line in the log and the report adds it.
INJECTED_UNMET = N_("injected though its condition was not met")
#: A move marked ``once_per_game``, as the help (F1) says it under the move: the engine counts it per team (each team
#: may make it once), which a room reading "once per game" might not expect (:func:`once_word` translated).
ONCE_FOR_EACH_TEAM = N_("Once per game for each team.")
#: A track's status, by its id, as the room reads it.
STATUSES = {
    "open": N_("open"),
    "agreed": N_("agreed"),
    "collapsed": N_("collapsed"),
    "deferred": N_("deferred"),
}
#: The odds of an argument, by their id (``content.arguments.ODDS``).
ODDS_WORDS = {
    "very-likely": N_("very likely"),
    "likely": N_("likely"),
    "even": N_("even"),
    "unlikely": N_("unlikely"),
    "very-unlikely": N_("very unlikely"),
}
#: What an event changed on a track, by the change's ``what``.
FIELDS = {"position": N_("position"), "tension": N_("tension"), "status": N_("status")}
#: What the game waits on (``legal.waiting_for``), as a refusal names it: "not waiting for a vote now; it waits for
#: the roll of the dice" (found from outside: the kinds themselves, 'vote' and roll, stood in en, ru and uk sentences).
WAITING = {
    "draw": N_("the draw of the event card"),
    "card": N_("the card to be applied"),
    "choice": N_("an answer to the card"),
    "move": N_("a team's move"),
    "vote": N_("a vote"),
    "roll": N_("the roll of the dice"),
    "rule": N_("the facilitator's ruling"),
    "counter": N_("a counter-argument"),
    "odds": N_("the odds to be set"),
    "enact": N_("the tabled move to be revealed and applied"),
    "advance": N_("the step to the next phase"),
}


def undone_word() -> str:
    """``(undone)``, in the language of the moment."""
    return _(UNDONE)


def lapsed_word() -> str:
    """``lapsed: the track had closed``, in the language of the moment."""
    return _(LAPSED)


def unsettled_word() -> str:
    """``never settled: the game ended first``, in the language of the moment."""
    return _(UNSETTLED)


def once_word() -> str:
    """``Once per game for each team.``, in the language of the moment."""
    return _(ONCE_FOR_EACH_TEAM)


def unmet_now_word() -> str:
    """``condition not met now``, in the language of the moment."""
    return _(UNMET_NOW)


def parked_word() -> str:
    """``track deferred: reopen it first``, after a card's title and its track's name in the inject list (found in
    review: the track named twice wrapped each such line at 80 columns), in the language of the moment."""
    return _(PARKED)


def injected_unmet_word() -> str:
    """``injected though its condition was not met``, in the language of the moment."""
    return _(INJECTED_UNMET)


def why_aside(state: State, title: str, track_id: str | None, unmet: Sequence[Any],
              called: Mapping[str, str] | None = None) -> str:
    """A card a draw set aside, named with why it could not be played on ``state``'s board (the board the draw read):
    its track's status (``track_id``, closed), or the conditions it needs that do not hold (``unmet``); both as
    :func:`~tabletop.engine.cards.kept_out_by` gives them. Found from outside: "not playable now: Farmers march on
    the capital", its track deferred, said nowhere; then the report said it nowhere (helper-319).

    ``called``: the names of tracks and meters to word it with, where they are not ``state``'s own: a report replays
    a save on its own scenario and speaks in a translation of it (found from outside, helper-358: «статус її треку
    «Humanitarian»» in a Ukrainian debrief)."""
    n = names(state) if called is None else called
    if track_id is None:
        return _("{card} (it needs {conditions})").format(card=title, conditions=", ".join(named(c, n) for c in unmet)) \
            if unmet else title
    track = state.tracks[track_id]
    status = provisional_words(status_name(track.status)) if track.provisional else status_name(track.status)
    return _("{card} (its track {track} is {status})").format(card=title, track=n.get(track_id, track_id), status=status)


def status_name(status: str) -> str:
    """A status id (``agreed``) as a word in the language of the moment; an unknown id as itself."""
    return _(STATUSES[status]) if status in STATUSES else str(status)


def waiting_words(waiting: str) -> str:
    """What the game waits on (``vote``, a :func:`~tabletop.engine.legal.waiting_for` word) as a phrase in the
    language of the moment (``a vote``); an unknown word as itself."""
    return _(WAITING[waiting]) if waiting in WAITING else str(waiting)


def field_name(what: str) -> str:
    """``position``, ``tension`` or ``status`` (what a change moved), in the language of the moment."""
    return _(FIELDS[what]) if what in FIELDS else str(what)


def status_word(status: str, provisional: bool = False, *, loud: bool = False) -> str:
    """``✔ agreed (provisional)``: a symbol and a word, never colour alone.

    ``loud`` (a screen, where the word stands alone): ``✔ AGREED``.
    """
    name = status_name(status)
    word = f"{STATUS_MARK.get(status, '?')} {name.upper() if loud else name}"
    return provisional_words(word) if provisional else word


def near_breakdown(tension: int, breakdown_at: int, is_open: bool) -> bool:
    """Whether a track is flagged near breakdown (a step from it, and still open): the board's ``⚠`` and every seat's,
    from this one rule."""
    return is_open and tension >= breakdown_at - 1


def provisional_words(status: str) -> str:
    """``agreed (provisional)``: a status's words (``status``, as the caller words it) for a deal not yet firm."""
    return _("{status} (provisional)").format(status=status)


def met_word(ok: bool) -> str:
    """``✔ met`` or ``✖ not met``: an objective, at the end of a game."""
    word = _("met") if ok else _("not met")  # outside the f-string: the catalogue's extractor reads no f-string
    return f"{MET_MARK[bool(ok)]} {word}"


def wants_text(objective: Any, ladder: Sequence[str]) -> str:
    """What an objective asks of its track, in words, by the rule that judges it
    (:mod:`tabletop.engine.objectives`).

    ``position ≥ 1 (Norm reaffirmed) and status agreed or deferred``; a position
    objective that names no status: ``position ≥ 3 (Candidate path) and not collapsed``.
    """
    parts = []
    if objective.at_least is not None:
        if 0 <= objective.at_least < len(ladder):
            parts.append(_("position \u2265 {rung} ({label})").format(rung=objective.at_least,
                                                                     label=one_line(ladder[objective.at_least])))
        else:
            parts.append(_("position \u2265 {rung}").format(rung=objective.at_least))
    named = objective.statuses()
    if named:
        parts.append(_("status {statuses}").format(statuses=_(" or ").join(status_name(s) for s in named)))
    elif parts:
        parts.append(_("not collapsed"))
    return _(" and ").join(parts)


def moved(before: Any, after: Any, *, compact: bool = False) -> str:
    """``2 → 4``; ``compact`` (a log line on a screen): ``2→4``."""
    return f"{before}\u2192{after}" if compact else f"{before} \u2192 {after}"


def resource_name(resource_id: str, names: Mapping[str, str] | None = None) -> str:
    """A resource as the room reads it: its ``[[resources]]`` name in ``names`` (:func:`scenario_names`, in the
    seat's language), else its id as words (``mandate-moscow`` is "mandate moscow")."""
    if names is not None:
        known = names.get(RESOURCE + resource_id)
        if known is not None:
            return known
    return literal(default_resource_name(resource_id))


#: a dice modifier's recorded source (``tension >= 3``) in a names table (:func:`modifier_names`)
MODIFIER = "modifier\u2009"


def modifier_names(scenario: Scenario, names: Mapping[str, str]) -> dict[str, str]:
    """Each dice modifier's recorded source (what a roll's ruling keeps: ``tension >= 3``) with its words in
    the language of the moment (``напряжённость >= 3``), keyed for ``names``; made per use, never kept with
    the scenario's names. In the source language (English) none: the record already reads there, and the
    log is told in the very words the version 1 saves recorded (``tests/engine/test_telling.py``)."""
    if current() == SOURCE:
        return {}
    return {MODIFIER + mod.describe(): named(mod, names) for move in scenario.ruleset.moves for mod in move.modifiers}


def named_source(source: Any, names: Mapping[str, str]) -> str:
    """A modifier's recorded source (``trust >= 5``) in the room's words.

    ``Mutual trust ≥ 5``: the whole condition when ``names`` holds its words (:func:`modifier_names`), else
    the first word named when it is an id in ``names``; its signs as a room reads them (:func:`.partwords.signs`).
    """
    text = one_line(source)
    said = names.get(MODIFIER + text)
    if said is not None:
        return said
    first, sep, rest = text.partition(" ")
    return signs(f"{names[first]}{sep}{rest}" if sep and first in names else text)


def change_text(
    change: Change,
    names: Mapping[str, str],
    ladders: Mapping[str, Sequence[str]] | None = None,
    *,
    compact: bool = False,
    breakdown: int | None = None,
) -> str:
    """What one change did, as reports write it.

    ``Borders: position 1 → 2 (Line-of-contact talks)``, ``Mutual trust 2 → 1``,
    ``Mutual trust 2 → 3 (goodwill: Borders agreed)``,
    ``Russia capital 3 → 2``.

    ``compact`` (a line of the event log on a screen): ``Borders position 1→2``,
    a resource by its readable id (``mandate moscow``), no ladder rung, and an
    unknown form not worded at all (``""``).

    ``breakdown``: a track's tension that reached its breakdown point and collapsed it (:func:`changes_texts`
    finds it): ``Borders: tension 6 → 7 (breakdown at 7)``.
    """
    if change.what == "status" and change.track is not None:
        step = moved(status_name(str(change.before)), status_name(str(change.after)), compact=compact)
    else:
        step = moved(change.before, change.after, compact=compact)
    if change.track is not None:
        where = names.get(change.track, change.track)
        what = field_name(str(change.what))
        if breakdown is not None and change.what == "tension":
            said = (_("{track} {what} {step} (breakdown at {breakdown})") if compact
                    else _("{track}: {what} {step} (breakdown at {breakdown})"))
            text = said.format(track=where, what=what, step=step, breakdown=breakdown)
            return literal(text) if compact else text
        if compact:
            return literal(_("{track} {what} {step}").format(track=where, what=what, step=step))
        if change.what == "position":
            ladder = (ladders or {}).get(change.track, ())
            new = change.after
            if isinstance(new, int) and 0 <= new < len(ladder):
                return _("{track}: position {step} ({rung})").format(track=where, step=step, rung=one_line(ladder[new]))
            return _("{track}: position {step}").format(track=where, step=step)
        return _("{track}: {what} {step}").format(track=where, what=what, step=step)
    if change.meter is not None:
        meter = names.get(change.meter, change.meter)
        if change.spillover is not None:
            text = _("{meter} {step} (goodwill: {track} agreed)").format(
                meter=meter, step=step, track=names.get(change.spillover, change.spillover))
        else:
            text = f"{meter} {step}"
        return literal(text) if compact else text
    if change.resource is not None:
        who = names.get(str(change.actor), str(change.actor))
        if compact:
            return literal(f"{who} {resource_name(change.resource, names)} {step}")
        # its name, as the board says it (found from outside: an English report wrote the id, "Hill Valley capital
        # 3 → 2", where the scenario names it "Political capital" and the board and the Russian report said so)
        return f"{who} {resource_name(change.resource, names)} {step}"
    return "" if compact else ", ".join(f"{k} {v}" for k, v in change.other)


def collapse_points(changes: Sequence[Change], breakdowns: Mapping[str, int]) -> dict[int, int]:
    """Which of an event's ``changes`` is a track's tension reaching its breakdown point (``breakdowns``: each track's,
    by id) and collapsing the track in the same event: its index, with that point.

    Found from outside: a linked game's successful link move raised a track's tension 6 → 7 and collapsed it, and
    the ruling said "tension 6 → 7 … status open → collapsed" without a word of 7 being the breakdown point, so the
    room asked why a success broke the track. A collapse for another reason (an effect, a linked package's collapse)
    is not marked."""
    points: dict[int, int] = {}
    for i, change in enumerate(changes):
        if change.what != "tension" or change.track is None or change.track not in breakdowns:
            continue
        point = breakdowns[change.track]
        if not isinstance(change.after, int) or change.after < point:
            continue
        if any(later.track == change.track and later.what == "status" and later.after == "collapsed"
               for later in changes[i + 1:]):
            points[i] = point
    return points


def changes_texts(
    changes: Sequence[Change],
    names: Mapping[str, str],
    ladders: Mapping[str, Sequence[str]] | None = None,
    *,
    breakdowns: Mapping[str, int] | None = None,
    compact: bool = False,
) -> list[str]:
    """Each of an event's ``changes`` in words (:func:`change_text`; ``compact``: an unworded one left out), a track's
    tension that reached its breakdown point (``breakdowns``, by track id) and collapsed it saying so."""
    points = collapse_points(changes, breakdowns or {})
    said = (change_text(c, names, ladders, compact=compact, breakdown=points.get(i)) for i, c in enumerate(changes))
    return [words for words in said if words] if compact else list(said)


def breakdown_points(scenario: Scenario) -> dict[str, int]:
    """Each track's breakdown point (the tension that collapses it), by id: for :func:`changes_texts`."""
    return {t.id: t.breakdown_at for t in scenario.ruleset.tracks}


def goodwill_words(track: str, gains: Sequence[tuple[str, int, int]]) -> str:
    """What an agreement spilled over: ``Borders agreed: Mutual trust +1 (goodwill)``.

    ``gains``: (meter name, what it gained, its value after); a meter already
    at its maximum gains nothing and says so.
    """
    parts = [f"{meter} {signed(gained)}" if gained else _("{meter} stays at its maximum of {value}").format(
        meter=meter, value=after) for meter, gained, after in gains]
    return _("{track} agreed: {gains} (goodwill)").format(track=track, gains=", ".join(parts))


# -- the scenario's own words: names, effects, moves ------------------------


def names(state: State) -> dict[str, str]:
    """Every track, actor and meter id with its name as the room reads it."""
    return scenario_names(state.scenario)


def scenario_names(scenario: Scenario) -> dict[str, str]:
    """Every track, actor and meter id of ``scenario`` with its name as the room reads it (and, under
    :data:`~tabletop.engine.partwords.LOG`, each English log line with its words in a translation, and under
    :data:`~tabletop.engine.partwords.STOCK` each stock argument text).

    Worked out once a scenario (a translation is a scenario of its own): a key press on the board asked
    for them ~45 times. A new dict each call, which the caller may add to."""
    made = _NAMES.get(scenario.index)
    if made is None:
        rs = scenario.ruleset
        made = _NAMES[scenario.index] = {
            **{t.id: literal(t.name) for t in rs.tracks},
            **{a.id: literal(a.name) for a in rs.actors},
            **{m.id: literal(m.name) for m in rs.meters},
            **{RESOURCE + r.id: literal(r.name) for r in resource_infos(rs)},
            **{LOG + english: literal(words) for english, words in scenario.log_words.items()},
            **{STOCK + text: literal(words) for text, words in scenario.stock_words.items()},
        }
    return dict(made)


#: each scenario's names, kept as long as its index (as the listing's actions in ``legal``)
_NAMES: WeakKeyDictionary[object, dict[str, str]] = WeakKeyDictionary()


def named(part: Any, names: Mapping[str, str] | None) -> str:
    """An effect, condition or modifier in a few words, in the language of the moment, with the names
    of the meters, tracks and resources it mentions in place of their ids ("Mutual trust −1", not "trust −1");
    ``names`` None: the ids themselves."""
    words = part_words(part, lookup(names), (lambda key: resource_name(key, names)) if names is not None else str,
                       status_name)
    return literal(words if words is not None else part.describe())


def effects_words(effects: Iterable[Any], names: Mapping[str, str] | None = None) -> str:
    """Effects in a few words each (a log line changes nothing on the board: left out)."""
    return ", ".join(named(e, names) for e in effects if e.key != "log") or _("no effect")


def choice_words(card: Any, choice: Any, names: Mapping[str, str] | None = None) -> str:
    """What a card's choice does, as the card panel, the pick list and a seat's card all say it: its effects, or
    "no further effect" beside the card's own, "no effect" on a card whose choices are its whole effect (found
    from outside: the panel said "no effect" and the list "no further effect" of the same choice)."""
    said = ", ".join(named(e, names) for e in choice.effects if e.key != "log")
    if said:
        return said
    return _("no further effect") if any(e.key != "log" for e in card.effects) else _("no effect")


def amount_words(amount: int, resource_id: str, names: Mapping[str, str] | None = None) -> str:
    """``2 capital``: an amount of a resource, in the order its language puts them (Russian and Ukrainian put the
    name first, «капитал 2», as a seat's screen does: found from outside, «3 капитал» does not agree)."""
    return _("{amount} {resource}").format(amount=amount, resource=resource_name(resource_id, names))


def cost_words(move: MoveType, names: Mapping[str, str] | None = None) -> str:
    """What a move costs: ``2 capital``, or ``free``."""
    return ", ".join(amount_words(v, k, names) for k, v in move.cost.items()) or _("free")


def failing_words(move: MoveType, names: Mapping[str, str] | None = None) -> str | None:
    """What a move does if it fails (``if it fails: tension +1``), or None for a move that cannot cost more."""
    if not move.fail_effects:
        return None
    return _("if it fails: {effects}").format(effects=effects_words(move.fail_effects, names))


def dice_words(target: object) -> str:
    """``2d6 ≥ 9`` in the room's notation (``2к6`` in Russian and Ukrainian): a dice move's, an argument's odds."""
    return _("2d6 \u2265 {target}").format(target=target)


def move_words(move: MoveType, names: Mapping[str, str] | None = None, sealed: bool = False) -> str:
    """What a move costs, how it is resolved and what it does.

    ``sealed``: moves are sealed this game, so an immediate move acts when the moves are revealed (its cost is paid
    at once)."""
    cost = cost_words(move, names)
    how = {
        "auto": _("at the reveal") if sealed else _("at once"),
        "consensus": _("members vote"),
        "dice": dice_words(move.target),
        "facilitator": _("facilitator rules"),
        "argue": _("argued, countered, odds weighed, 2d6"),
    }[move.resolution]
    if move.argue is not None:
        offered = ", ".join(wanted_words(r) for r in move.argue.results())
        out = _("{cost}; {how}: the result argued for, one of {results}").format(cost=cost, how=how, results=offered)
    else:
        out = _("{cost}; {how}: {effects}").format(cost=cost, how=how, effects=effects_words(move.effects, names))
    if move.link_effects:
        out += "; " + _("on the linked track: {effects}").format(effects=effects_words(move.link_effects, names))
    failing = failing_words(move, names)
    return f"{out}; {failing}" if failing else out


def modifier_words(mod: Any, names: Mapping[str, str] | None = None, applies: bool | None = None) -> str:
    """A roll's modifier, ``+1 if Mutual trust >= 5`` (``−1``, as the roll's working writes it), for the question
    that commits a dice move and the prompt that rolls it. ``applies``: whether it holds on the board now (the
    engine's :func:`~.adjudication.roll_modifiers`), marked, never by colour alone: ``✔ +1 if Mutual trust ≥ 5``,
    ``✖ −1 if tension ≥ 3 (not met now)``."""
    said = (_("{add} if {condition} (not met now)") if applies is False else _("{add} if {condition}")).format(
        add=signed(mod.add), condition=named(mod, names))
    return said if applies is None else f"{MET_MARK[applies]} {said}"


def applying_words(counted: Sequence[Any], target: int | None) -> str:
    """What the modifiers that hold now add up to, and what that leaves the two dice to throw: ``applying now: +1,
    so 8+ on two dice`` (``counted``: the engine's :func:`~.adjudication.roll_modifiers`; ``target``: the move's)."""
    added = sum(mod.add for mod in counted if mod.applies)
    return _("applying now: {total}, so {need}+ on two dice").format(
        total=signed(added), need=(target or 0) - added)


def modifiers_words(move: MoveType, names: Mapping[str, str] | None = None,
                    counted: Sequence[Any] | None = None) -> str | None:
    """A dice move's modifiers, for the question that commits it (``modifiers of the roll: +1 if Mutual trust >= 5;
    −1 if tension >= 3``), or None (found from outside: the question said only "2d6 ≥ 9", and the modifiers came
    first at the roll, after the move was made). ``counted``: which hold on the board now (the engine's
    :func:`~.adjudication.roll_modifiers`), each marked, and their sum on a line of its own."""
    if move.resolution != "dice" or not move.modifiers:
        return None
    marks: Sequence[bool | None] = ([mod.applies for mod in counted] if counted is not None
                                    and len(counted) == len(move.modifiers) else [None] * len(move.modifiers))
    listed = "; ".join(modifier_words(mod, names, applies) for mod, applies in zip(move.modifiers, marks, strict=True))
    said = _("modifiers of the roll: {modifiers}").format(modifiers=listed)
    return f"{said}\n{applying_words(counted, move.target)}" if marks[0] is not None and counted else said


#: A status an argument asks for (``content.arguments``: never "open"), as a result: "wants: the track deferred".
#: The status word alone ("wants: deferred", «желаемый результат: отложено») is what a track is, not a result a team
#: asks for (found from outside).
STATUS_RESULTS = {
    "agreed": N_("the track agreed"),
    "collapsed": N_("the track collapsed"),
    "deferred": N_("the track deferred"),
}
#: ... and as what a team argues for: "argues for deferring the track" (ru and uk word it as the result, after
#: «добивается результата:»).
STATUS_ARGUED = {
    "agreed": N_("an agreement on the track"),
    "collapsed": N_("collapsing the track"),
    "deferred": N_("deferring the track"),
}


def wanted_words(wanted: Mapping[str, Any]) -> str:
    """The result an argument asks for, as a result: ``progress +2``, ``tension −1``, ``the track deferred``
    ("wants: …", "succeeds: …", a list of the results offered)."""
    return _wanted(wanted, STATUS_RESULTS)


def argued_words(wanted: Mapping[str, Any]) -> str:
    """The result an argument asks for, as what a team argues for ("argues for …"): ``progress +2``, ``tension −1``,
    ``deferring the track``."""
    return _wanted(wanted, STATUS_ARGUED)


def _wanted(wanted: Mapping[str, Any], statuses: Mapping[str, str]) -> str:
    """An argument's result: a status in the words of ``statuses`` (STATUS_RESULTS or STATUS_ARGUED), or an amount."""
    if "status" in wanted:
        status = one_line(wanted["status"])
        return _(statuses[status]) if status in statuses else status_name(status)
    key, amount = next(iter(wanted.items()))
    if key == "progress":
        return _("progress {amount}").format(amount=signed(amount))
    if key == "tension":
        return _("tension {amount}").format(amount=signed(amount))
    return f"{key} {signed(amount)}"


def schedule_words(schedule: Schedule, names: Mapping[str, str] | None = None, drawn_in: int | None = None,
                   first: Sequence[str] = (), unplayable: bool = False) -> str:
    """When a scheduled card is due, as the card panel and the log say it.

    "scheduled for round 3"; "scheduled for the first round when Mutual trust >= 5";
    "scheduled from round 2, the first round when ...". ``drawn_in``, the round it
    came up, says when a card due in its round came up later, and why, as the
    record shows it: ``first``, the cards that came up before it in a round it
    was due in (their names, in the order they came up); ``unplayable``, that in
    a round it was due in it could not be played (its track closed, its
    ``requires`` failing). Found from outside: "it could not be played before"
    was said of a card with no conditions whose round another scheduled card took.
    """
    when = ", ".join(named(c, names) for c in schedule.when)
    if schedule.round is None:
        return _("scheduled for the first round when {conditions}").format(conditions=when)
    if when:
        return _("scheduled from round {round}, the first round when {conditions}").format(
            round=schedule.round, conditions=when)
    if drawn_in is None or drawn_in <= schedule.round:
        return _("scheduled for round {round}").format(round=schedule.round)
    cards = ", ".join(first[:NAMED_FIRST]) + (", \u2026" if len(first) > NAMED_FIRST else "")
    if first and unplayable:
        return ngettext("scheduled for round {round}, held over to round {drawn}: another card came up first "
                        "({cards}); otherwise it could not be played",
                        "scheduled for round {round}, held over to round {drawn}: other cards came up first "
                        "({cards}); otherwise it could not be played", len(first)).format(
            round=schedule.round, drawn=drawn_in, cards=cards)
    if first:
        return ngettext("scheduled for round {round}, held over to round {drawn}: another card came up first ({cards})",
                        "scheduled for round {round}, held over to round {drawn}: other cards came up first ({cards})",
                        len(first)).format(round=schedule.round, drawn=drawn_in, cards=cards)
    if unplayable:
        return _("scheduled for round {round}, held over to round {drawn}: it could not be played before").format(
            round=schedule.round, drawn=drawn_in)
    # no record of the rounds between (a caller without the log): when, not why
    return _("scheduled for round {round}, held over to round {drawn}").format(round=schedule.round, drawn=drawn_in)


#: how many of the cards that came up before a held-over one its words name (the rest: "…")
NAMED_FIRST = 3


# -- what a person typed, and the reasons tabletop records itself ------------


def other_lang(lang: Any) -> str | None:
    """The language a text was typed in, when it is read in another one (a language tabletop knows: a save is outside
    data); None otherwise. What marks a typed text ``«…» (ru)`` on a screen or in a report."""
    return lang if isinstance(lang, str) and lang in LANGUAGES and lang != current() else None


#: the languages a text is told to be in by its letters: Cyrillic ones
CYRILLIC_LANGS = ("ru", "uk")


#: the letters one of the two writes and the other does not: they tell a text's language by themselves
OWN_LETTERS = {"uk": frozenset("іїєґІЇЄҐ"), "ru": frozenset("ыэъёЫЭЪЁ")}


def text_lang(text: Any, lang: Any) -> Any:
    """The language to mark ``text`` with: the ``lang`` its action records, but Russian or Ukrainian only for a text
    with a Cyrillic letter in it, and the one whose own letters (:data:`OWN_LETTERS`) it has, the other's none. An
    action records one language for its text and reasons together (found from outside: "Propose neutrality with
    guarantees (нейтралітет)", Ukrainian by its one word, made its English reasons "(uk)" on the board, in the
    ruling and in every report; helper-318: a plainly Ukrainian reason of a Russian argument was "(ru)"); the mark
    beside each text is that text's own."""
    if lang in CYRILLIC_LANGS and isinstance(text, str):
        if not any("\u0400" <= c <= "\u04ff" for c in text):
            return None
        letters = set(text)
        told = [own for own, marks in OWN_LETTERS.items() if letters & marks]
        if len(told) == 1:
            return told[0]
    return lang


def typed(text: str, lang: str | None) -> str:
    """Text a person typed, as typed; read in another language than it was typed in, quoted and marked: ``«…» (ru)``."""
    return "".join(typed_apart(text, lang))


def typed_apart(text: str, lang: str | None) -> tuple[str, str]:
    """:func:`typed` in two, the text as shown and its mark: ``("«…»", " (ru)")``, or ``(text, "")`` (a screen
    styles the mark)."""
    lang = text_lang(text, lang)
    if lang and lang != current():
        return f"\u00ab{text}\u00bb", f" ({lang})"
    return text, ""


def in_quotes(text: str) -> str:
    """A typed text in the reader's language's quotation marks, ``“…”`` (``«…»`` in Russian and Ukrainian): the one
    quoting of an argument's action, its reasons and counters and a ruling's working, on every screen (found from
    outside: an English seat read the action in “…” and its reasons, marked (ru), in «…», the ruling view both in
    “…”)."""
    return _("\u201c{text}\u201d").format(text=text)


def quoted(text: str, lang: str | None) -> str:
    """Typed text in quotes (a counter), marked with its language when read in another one: ``“…” (ru)``."""
    lang = text_lang(text, lang)
    out = in_quotes(text)
    return f"{out} ({lang})" if lang and lang != current() else out


#: the reasons the engine itself ends a game for (the state records them as written here)
ENDS = {
    "all rounds played": N_("all rounds played"),  # untranslated: as the save records it
    "no track is open": N_("no track is open"),  # untranslated: as the save records it
    "ended by the facilitator": N_("ended by the facilitator"),  # untranslated: as the save records it
}


#: the reasons tabletop recorded in the facilitator's place when none was typed, as saves hold them: an end's (the
#: engine's still: a save verifies by replaying it), an undo's, a skip's and a redraw's (the hot seat's, in saves from
#: before it stopped making them up). Nobody gave them: no screen nor report shows one as a reason (found from outside:
#: the decision log's "reason: skipped by the facilitator" read as the facilitator's words)
STAND_INS = frozenset({
    "ended by the facilitator",  # untranslated: as the save records it
    "undone by the facilitator",  # untranslated: as the save records it
    "skipped by the facilitator",  # untranslated: as the save records it
    "redrawn by the facilitator",  # untranslated: as the save records it
})


def given_reason(reason: str | None) -> str | None:
    """``reason`` if a person gave it; None when none was typed or tabletop recorded one in the facilitator's place
    (:data:`STAND_INS`)."""
    said = (reason or "").strip()
    return reason if said and said not in STAND_INS else None


#: the reasons tabletop records itself that are shown: the engine's ends (as how the game ended, not as anyone's
#: reason) and a simulated facilitator's ruling, as the save records them
RECORDED = {
    **ENDS,
    # a simulated facilitator's (tabletop/sim/facilitator.py REASON): the save keeps the English, a report reads it
    "simulated ruling": N_("simulated ruling"),  # untranslated: as the save records it
}


def recorded_reason(reason: str | None) -> str | None:
    """A reason tabletop recorded itself, in the words of the moment; None for a person's (shown as typed)."""
    return _(RECORDED[reason]) if reason in RECORDED else None


def team_called(actor: str, team: str | None) -> str:
    """A team as the room calls it: by the name the room gave it (``team``: the save's header's, as typed), with the
    actor it plays, ``Delegation A (Russia)``; a team with no name, by its actor (``actor``: its name, as shown). The
    host's join lines, the console's lists of seats, its prompts and the note on a decision entered for a team."""
    # Translators: a team the room named: its name as typed on the start screen or with --team, and the actor it plays
    return _("{team} ({actor})").format(team=team, actor=actor) if team else actor


def entered_words(team: str) -> str:
    """The note tabletop keeps on a decision the facilitator entered from the console for ``team`` (its name), the
    team having no screen connected: in the reader's words, never as typed text (the save records the team alone).
    A team the room named is called so, with its actor (:func:`team_called`)."""
    return _("Entered by the facilitator: {team} had no screen connected.").format(team=team)


def end_reason(reason: str | None, lang: str | None = None) -> str:
    """Why a game ended, in words: the engine's own reasons translated, a facilitator's as typed."""
    reason = reason or ""
    return _(ENDS[reason]) if reason in ENDS else typed(reason, lang)


__all__ = [
    "ENDS",
    "FIELDS",
    "LAPSED",
    "MET_MARK",
    "ODDS_WORDS",
    "OWN_LETTERS",
    "RECORDED",
    "STAND_INS",
    "STATUSES",
    "STATUS_ARGUED",
    "STATUS_MARK",
    "STATUS_RESULTS",
    "CYRILLIC_LANGS",
    "UNDONE",
    "UNSETTLED",
    "WAITING",
    "breakdown_points",
    "change_text",
    "changes_texts",
    "collapse_points",
    "amount_words",
    "applying_words",
    "argued_words",
    "cost_words",
    "choice_words",
    "dice_words",
    "effects_words",
    "end_reason",
    "entered_words",
    "team_called",
    "failing_words",
    "field_name",
    "given_reason",
    "in_quotes",
    "goodwill_words",
    "lapsed_word",
    "met_word",
    "modifier_words",
    "modifiers_words",
    "move_words",
    "moved",
    "named",
    "once_word",
    "MODIFIER",
    "modifier_names",
    "named_source",
    "names",
    "provisional_words",
    "quoted",
    "recorded_reason",
    "resource_name",
    "scenario_names",
    "schedule_words",
    "status_name",
    "status_word",
    "typed",
    "typed_apart",
    "text_lang",
    "undone_word",
    "unsettled_word",
    "waiting_words",
    "wanted_words",
]
