"""Checks that need more than one table: ids that must exist, and independence.

Each check yields ``(owner, key path, message)`` where owner is ``"ruleset"``
or ``"deck"`` — the file the problem must be reported against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from .errors import KeyPath, did_you_mean
from .models import Card, Deck, MoveType, Ruleset
from ..lang import Domain
from .vocabulary import (Condition, Effect, MeterCondition, MeterEffect, ProgressCondition, RoundCondition,
                         TensionCondition)

_, ngettext, N_ = Domain("content").words()

Found = tuple[str, KeyPath, str]


class Authoring(str):
    """A finding about a file being written, not about a game's record: a rule that never fires (a condition no
    game meets, a dice target no roll reaches). ``validate`` and every load of a file refuse it; a scenario read
    back from a save is not refused for it (:func:`tabletop.content.parsing.parse_ruleset`'s ``authoring``): the
    save records a game played with that rule, and a check added since must not lose the debrief."""

PRINCIPLE = N_("not everything must be agreed for anything to be agreed")


def _duplicates(owner: str, section: str, ids: Sequence[str]) -> Iterator[Found]:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            yield owner, (section, i, "id"), _("duplicate id '{id}': ids must be unique in {section}").format(
                id=item_id, section=section)
        seen.add(item_id)


#: a name (or short name, or title) another of its kind has too, case and spacing aside, by what is named
SAME_NAME = {
    "actors": N_("actor '{other}' has the name '{name}' too (case and spacing aside): the board would call two teams "
                 "by one name; give each its own"),
    "short": N_("actor '{other}' has the short name '{name}' too (case and spacing aside): a track's panel would list "
                "two teams by one code; give each its own"),
    "tracks": N_("track '{other}' has the name '{name}' too (case and spacing aside): the board would show two tracks "
                 "by one name; give each its own"),
    "meters": N_("meter '{other}' has the name '{name}' too (case and spacing aside): the board would show two meters "
                 "by one name; give each its own"),
    "resources": N_("resource '{other}' has the name '{name}' too (case and spacing aside): a team would hold two "
                    "resources by one name; give each its own"),
    "moves": N_("move '{other}' has the name '{name}' too (case and spacing aside): a team would be offered two moves "
                "by one name; give each its own"),
    "cards": N_("card '{other}' of the same track has the title '{name}' too (case and spacing aside): the log would "
                "tell two cards by one title; give each its own, or make it one card with copies"),
}


#: the names told apart on the board (in a file and in its translations): section, field, the SAME_NAME message
NAMED = (("actors", "name", "actors"), ("actors", "short", "short"), ("meters", "name", "meters"),
         ("resources", "name", "resources"), ("tracks", "name", "tracks"), ("moves", "name", "moves"),
         ("cards", "title", "cards"))


def same_names(named: Sequence[tuple[str, str | None]], scopes: Sequence[object] | None = None
               ) -> Iterator[tuple[int, int]]:
    """Each ``(id, name)`` whose name an earlier one has, case and spacing aside, by index: (this, the earlier);
    ``scopes``: each one's scope, a name told apart within its own (a card's track: the card panel names it).

    A name is what people tell things apart by: found from outside, two actors named "Republic of Aldoria" (ids and
    shorts differing) validated, and the board said "Republic of Aldoria to move" of the other one."""
    seen: dict[tuple[object, str], int] = {}
    for i, (_id, name) in enumerate(named):
        if name is None:
            continue
        key = (scopes[i] if scopes is not None else None, " ".join(name.split()).casefold())
        if key in seen:
            yield i, seen[key]
        else:
            seen[key] = i


def _same_names(owner: str, section: str, field: str, things: Sequence[Any], kind: str | None = None,
                scopes: Sequence[object] | None = None) -> list[Found]:
    """Two of a section with one name: refused when a file is written, not in a save read back (what was played)."""
    named = [(t.id, getattr(t, field)) for t in things]
    return [(owner, (section, i, field), Authoring(_(SAME_NAME[kind or section]).format(
        other=named[j][0], name=named[j][1]))) for i, j in same_names(named, scopes)]


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    known = sorted(set(known))
    listed = ", ".join(known) if known else _("none defined")
    return _(_UNKNOWN[kind]).format(name=name, hint=did_you_mean(name, known), known=listed)


#: an id that names nothing, by what it should name (the kinds of id in a file)
_UNKNOWN = {
    "actor": N_("unknown actor '{name}'{hint} (known: {known})"),
    "track": N_("unknown track '{name}'{hint} (known: {known})"),
    "meter": N_("unknown meter '{name}'{hint} (known: {known})"),
    "resource": N_("unknown resource '{name}'{hint} (known: {known})"),
}


def _unreachable_targets(rs: Ruleset) -> list[Found]:
    """A dice move whose target no roll reaches: above 12 plus what its modifiers may add.

    Found from outside: target = 13 with no modifier validated, and the move failed at every roll."""
    out: list[Found] = []
    for i, move in enumerate(rs.moves):
        if move.resolution != "dice" or move.target is None:
            continue
        most = sum(max(0, mod.add) for mod in move.modifiers)  # type: ignore[attr-defined]
        if move.target > 12 + most:
            out.append(("ruleset", ("moves", i, "target"), Authoring(
                _("target {target} can never be reached: 2d6 gives at most 12, and the move's modifiers add at "
                  "most {most}").format(target=move.target, most=most))))
    return out


def _nobody_votes(rs: Ruleset) -> list[Found]:
    """A consensus move with nobody to vote on it: the other members of its track accept or reject it, so a global
    one (no track) or one on a track of one member waits for a vote nobody can give.

    Found from outside: a track of one member and a consensus move validated, and the game stopped on an internal
    error when the proposal came up for its vote, and again at every resume."""
    out: list[Found] = []
    alone = [t.id for t in rs.tracks if len(t.members) == 1]
    for i, move in enumerate(rs.moves):
        if move.resolution != "consensus":
            continue
        if move.scope == "global":
            out.append(("ruleset", ("moves", i, "resolution"), Authoring(
                _("a consensus move is voted on by the other members of its track, and a global move has no track: "
                  "make it a track move, or resolve it another way (auto, dice or facilitator)"))))
        elif len(alone) == 1:
            out.append(("ruleset", ("moves", i, "resolution"), Authoring(
                _("a consensus move is voted on by the other members of its track, and track {tracks} has one "
                  "member: nobody would vote there; give the track another member, or resolve the move another way "
                  "(auto, dice or facilitator)").format(tracks=f"'{alone[0]}'"))))
        elif alone:  # not ngettext: the count is not said, and a Slavic "one" form would take 21 tracks as one
            out.append(("ruleset", ("moves", i, "resolution"), Authoring(
                _("a consensus move is voted on by the other members of its track, and tracks {tracks} have one "
                  "member each: nobody would vote there; give each another member, or resolve the move another way "
                  "(auto, dice or facilitator)").format(tracks=", ".join(f"'{t}'" for t in alone)))))
    return out


def check_ruleset(rs: Ruleset) -> list[Found]:
    """Ids and references inside one ruleset."""
    out: list[Found] = []
    out += _duplicates("ruleset", "actors", [a.id for a in rs.actors])
    out += _duplicates("ruleset", "meters", [m.id for m in rs.meters])
    out += _duplicates("ruleset", "resources", [r.id for r in rs.resources])
    out += _duplicates("ruleset", "tracks", [t.id for t in rs.tracks])
    out += _duplicates("ruleset", "moves", [m.id for m in rs.moves])
    for section, field, kind in NAMED:
        if section != "cards":
            out += _same_names("ruleset", section, field, getattr(rs, section), kind=kind)
    out += _unreachable_targets(rs)
    out += _nobody_votes(rs)
    actors = [a.id for a in rs.actors]
    tracks = {t.id: t for t in rs.tracks}
    resources = resource_names(rs)
    for ri, info in enumerate(rs.resources):
        if info.id not in resources:
            out.append(("ruleset", ("resources", ri, "id"), _unknown("resource", info.id, resources)))
    for ti, track in enumerate(rs.tracks):
        for mi, member in enumerate(track.members):
            if member not in actors:
                out.append(("ruleset", ("tracks", ti, "members", mi), _unknown("actor", member, actors)))
        for vi, vetoer in enumerate(track.vetoes()):
            if vetoer not in actors:  # a typo first: "not a member" would hide it
                out.append(("ruleset", ("tracks", ti, "ratify", "veto", vi), _unknown("actor", vetoer, actors)))
            elif vetoer not in track.members:
                out.append(
                    (
                        "ruleset",
                        ("tracks", ti, "ratify", "veto", vi),
                        _("'{actor}' holds a veto but is not a member of track '{track}' (members: {members})")
                        .format(actor=vetoer, track=track.id, members=", ".join(track.members)),
                    )
                )
        out += _check_spillover(ti, track.id, track.on_agreed, [m.id for m in rs.meters])
    for ai, actor in enumerate(rs.actors):
        for oi, objective in enumerate(actor.objectives):
            path: KeyPath = ("actors", ai, "objectives", oi)
            if objective.track not in tracks:
                out.append(("ruleset", (*path, "track"), _unknown("track", objective.track, tracks)))
            elif objective.at_least is not None:
                top = len(tracks[objective.track].ladder) - 1
                if objective.at_least > top:
                    out.append(
                        (
                            "ruleset",
                            (*path, "at_least"),
                            _("position {n} is past the top of track '{track}' (positions 0..{top})").format(
                                n=objective.at_least, track=objective.track, top=top),
                        )
                    )
    for mi, move in enumerate(rs.moves):
        for key in move.cost:
            if key not in resources:
                out.append(("ruleset", ("moves", mi, "cost", key), _unknown("resource", key, resources)))
        out += check_scoped(rs, "ruleset", ("moves", mi), move, None)
        if move.argue is not None:
            out += [("ruleset", ("moves", mi, "argue", "tracks", i), _unknown("track", t, tracks))
                    for i, t in enumerate(move.argue.tracks) if t not in tracks]
    phases = rs.ruleset.phases
    waits = [m.id for m in rs.moves if m.resolution != "auto"]
    if "adjudication" not in phases and (waits or rs.ruleset.sealed_moves):
        why = (_("moves {moves} are ruled on in an 'adjudication' phase, which the phases leave out")
               .format(moves=", ".join(waits)) if waits
               else _("sealed moves are revealed in an 'adjudication' phase, which the phases leave out"))
        out.append(("ruleset", ("ruleset", "phases"), why))
    elif "adjudication" in phases and phases.index("adjudication") < phases.index("moves"):
        out.append(("ruleset", ("ruleset", "phases"),
                    _("'adjudication' must come after 'moves': it rules on the moves of the round")))
    return out


def _check_spillover(ti: int, track: str, effects: Sequence[Effect], meters: Sequence[str]) -> Iterator[Found]:
    """``on_agreed``: goodwill spills over, failure does not — an agreement may only raise shared meters.

    In either mode: under strict this is the one write from a track to a meter
    the rules allow, and the engine checks it again (rules._assert_independent).
    """
    for ei, effect in enumerate(effects):
        path: KeyPath = ("tracks", ti, "on_agreed", ei)
        if not isinstance(effect, MeterEffect):
            if effect.writes_track:
                why = _("only goodwill spills over: on_agreed may only raise a shared meter ({example}), not "
                        "'{key}': an agreement on track '{track}' may not change a track — {principle}").format(
                    example=MeterEffect.example, key=effect.key, track=track, principle=_(PRINCIPLE))
            else:
                why = _("only goodwill spills over: on_agreed may only raise a shared meter ({example}), not "
                        "'{key}': '{key}' is not goodwill").format(example=MeterEffect.example, key=effect.key)
            yield "ruleset", (*path, effect.key), why
        elif effect.meter not in meters:
            yield "ruleset", (*path, "meter"), _unknown("meter", effect.meter, meters)
        elif effect.add <= 0:
            yield (
                "ruleset",
                (*path, "add"),
                _("only goodwill spills over: on_agreed may only raise a meter, not add {add} to '{meter}' — "
                  "nothing on one track may lower a shared meter").format(add=effect.add, meter=effect.meter),
            )


def check_deck(deck: Deck) -> list[Found]:
    """Ids inside one deck."""
    return [*_duplicates("deck", "cards", [c.id for c in deck.cards]), *_same_names("deck", "cards", "title", deck.cards,
                                                                           scopes=[c.track for c in deck.cards])]


def check_choosers(deck: Deck, actors: Sequence[str] | None = None) -> list[Found]:
    """One actor answers all the choices of a card. With the ruleset's ``actors``, a card naming an actor not
    among them is left to its unknown actor's problem, at that choice's line: one typo is not two actors."""
    out: list[Found] = []
    for ci, card in enumerate(deck.cards):
        named = {c.actor for c in card.choices}
        if len(named) > 1 and (actors is None or named <= set(actors)):
            message = _("all choices of a card are answered by one actor; found {actors}")
            out.append(("deck", ("cards", ci, "choices"), message.format(actors=", ".join(sorted(named)))))
    return out


def check_scenario(rs: Ruleset, deck: Deck) -> list[Found]:
    """References from a deck into the ruleset it is played with."""
    out: list[Found] = []
    tracks = {t.id: t for t in rs.tracks}
    actors = [a.id for a in rs.actors]
    for ci, card in enumerate(deck.cards):
        path: KeyPath = ("cards", ci)
        if card.track is not None and card.track not in tracks:
            out.append(("deck", (*path, "track"), _unknown("track", card.track, tracks)))
            continue
        for hi, choice in enumerate(card.choices):
            if choice.actor not in actors:
                out.append(("deck", (*path, "choices", hi, "actor"), _unknown("actor", choice.actor, actors)))
            elif card.track is not None and choice.actor not in tracks[card.track].members:
                out.append(
                    (
                        "deck",
                        (*path, "choices", hi, "actor"),
                        _("'{actor}' answers a card on track '{track}' but is not one of its members "
                          "({members}) — rule 2").format(actor=choice.actor, track=card.track,
                                                         members=", ".join(tracks[card.track].members)),
                    )
                )
        out += _check_schedule(rs, path, card)
        if not card.choices:
            for rel, cond in _conditions(card):
                if cond.key == "resource":
                    out.append(
                        (
                            "deck",
                            (*path, *rel, "resource"),
                            _("a resource condition needs an actor, and only a card with choices has one "
                              "(the actor who answers it)"),
                        )
                    )
            for ei, effect in enumerate(card.effects):
                if effect.key == "resource":
                    out.append(
                        (
                            "deck",
                            (*path, "effects", ei, "resource"),
                            _("a resource effect needs an actor: put it in a choice, whose actor it then affects"),
                        )
                    )
        out += check_scoped(rs, "deck", path, card, card.track)
    for pi, prompt in enumerate(deck.prompts):
        if prompt.track not in tracks:
            out.append(("deck", ("prompts", pi, "track"), _unknown("track", prompt.track, tracks)))
    out += _check_stock_arguments(rs, deck)
    out += check_choosers(deck, actors)
    return out


def _check_stock_arguments(rs: Ruleset, deck: Deck) -> Iterator[Found]:
    """A deck's ``[[arguments]]``: a known track where an argue move is offered, texts within its limits."""
    tracks = [t.id for t in rs.tracks]
    argues = [m for m in rs.moves if m.argue is not None]
    for i, stock in enumerate(deck.arguments):
        path: KeyPath = ("arguments", i)
        if stock.track not in tracks:
            yield "deck", (*path, "track"), _unknown("track", stock.track, tracks)
            continue
        offered = [m for m in argues if m.argue is not None and m.argue.offered_on(stock.track)]
        if not offered:
            yield "deck", (*path, "track"), _("no move of ruleset '{ruleset}' offers an argument on track '{track}' "
                                              "(resolution = \"argue\"): these texts would never be used").format(
                ruleset=rs.id, track=stock.track)
            continue
        for key in ("actions", "reasons", "counters"):
            for move in offered:
                assert move.argue is not None
                limit = move.argue.text_length if key == "actions" else move.argue.reason_length
                too_long = [(j, len(t)) for j, t in enumerate(getattr(stock, key)) if len(t) > limit]
                for j, n in too_long:
                    yield "deck", (*path, key, j), _("{n} characters: move '{move}' takes at most {limit} ({key})").format(
                        n=n, move=move.id, limit=limit, key="text_length" if key == "actions" else "reason_length")
                if too_long:
                    break


def _conditions(card: Card) -> Iterator[tuple[KeyPath, Condition]]:
    """A card's conditions: its ``requires`` and its schedule's ``when``."""
    for i, c in enumerate(card.requires):
        yield ("requires", i), c
    if card.schedule is not None:
        for i, c in enumerate(card.schedule.when):
            yield ("schedule", "when", i), c


def _check_schedule(rs: Ruleset, path: KeyPath, card: Card) -> list[Found]:
    """A scheduled round must be one the game plays."""
    schedule = card.schedule
    turns = rs.ruleset.turns
    if schedule is None:
        return []
    if "event" not in rs.ruleset.phases:
        return [("deck", (*path, "schedule"), _("a scheduled card comes up at the round's draw, in the 'event' "
                 "phase, which the phases of ruleset '{ruleset}' leave out: the card would never come up").format(
                     ruleset=rs.id))]
    if schedule.round is None or schedule.round <= turns:
        return []
    return [
        (
            "deck",
            (*path, "schedule", "round"),
            _("round {round} is past the last round of ruleset '{ruleset}' (turns = {turns}): the card would never "
              "come up").format(round=schedule.round, ruleset=rs.id, turns=turns),
        )
    ]


def resource_names(rs: Ruleset) -> set[str]:
    return {key for actor in rs.actors for key in actor.resources}


def _parts(thing: MoveType | Card) -> Iterator[tuple[KeyPath, Effect | Condition]]:
    if isinstance(thing, Card):
        yield from _conditions(thing)
    else:
        for i, c in enumerate(thing.requires):
            yield ("requires", i), c
    for i, e in enumerate(thing.effects):
        yield ("effects", i), e
    if isinstance(thing, MoveType):
        for i, m in enumerate(thing.modifiers):
            yield ("modifiers", i), m
        for i, e in enumerate(thing.fail_effects):
            yield ("fail_effects", i), e
        for i, e in enumerate(thing.link_effects):
            yield ("link_effects", i), e
    else:
        for hi, choice in enumerate(thing.choices):
            for i, e in enumerate(choice.effects):
                yield ("choices", hi, "effects", i), e


class _Scope(NamedTuple):
    """What the independence rules ask of the move or card being checked."""

    kind: str  # "move" or "card", as the messages name it
    is_move: bool
    global_scope: bool
    words: str  # how the messages name it: "track move 'x'", "global card 'y'", ...
    strict: bool


def _scope_of(rs: Ruleset, thing: MoveType | Card, card_track: str | None) -> _Scope:
    is_move = isinstance(thing, MoveType)
    kind = _("move") if is_move else _("card")
    global_scope = (thing.scope == "global") if isinstance(thing, MoveType) else card_track is None
    if global_scope and is_move:
        scope_words = _("global move '{id}'").format(id=thing.id)
    elif global_scope:
        scope_words = _("global card '{id}'").format(id=thing.id)
    elif is_move:
        scope_words = _("track move '{id}'").format(id=thing.id)
    else:
        scope_words = _("card '{id}' on track '{track}'").format(id=thing.id, track=card_track)
    return _Scope(kind, is_move, global_scope, scope_words, rs.ruleset.independence == "strict")


def check_scoped(
    rs: Ruleset, owner: str, base: KeyPath, thing: MoveType | Card, card_track: str | None
) -> list[Found]:
    """References and the independence rules (DESIGN section 4) for one move or card.

    ``card_track`` is the track a card is scoped to; a move's track is chosen
    when it is played, so a track move is checked against "its own track".
    """
    out: list[Found] = []
    meters = [m.id for m in rs.meters]
    resources = resource_names(rs)
    tracks = [t.id for t in rs.tracks]
    scope = _scope_of(rs, thing, card_track)

    for rel, part in _parts(thing):
        path = (*base, *rel)
        meter = getattr(part, "meter", None)
        if meter is not None and meter not in meters:
            out.append((owner, (*path, "meter"), _unknown("meter", meter, meters)))
        resource = getattr(part, "resource", None)
        if resource is not None and resource not in resources:
            out.append((owner, (*path, "resource"), _unknown("resource", resource, resources)))
        never = _never_holds(rs, part, scheduled=rel[0] == "schedule", own=None if scope.is_move else card_track) \
            if isinstance(part, Condition) else None
        if never is not None:
            out.append((owner, (*path, *never[0]), Authoring(never[1])))
        other = part.other_track()
        if other is not None and rel[0] == "link_effects":
            out.append((owner, (*path, "track"), _(_LINK_EFFECT_TRACK)))
            continue
        if other is not None and other not in tracks:
            out.append((owner, (*path, "track"), _unknown("track", other, tracks)))
            continue
        named_other = other is not None and (scope.is_move or other != card_track)
        if isinstance(part, Effect):
            found = _effect_breaks(scope, part, other, named_other, meter)
        else:
            found = _condition_breaks(scope, part, other, named_other)
        if found is not None:
            out.append((owner, (*path, found[0]), found[1]))
    return out


def _never_holds(rs: Ruleset, condition: Condition, scheduled: bool, own: str | None = None
                 ) -> tuple[KeyPath, str] | None:
    """A meter bound outside the meter's range, a track's tension or position outside the track's, or a schedule
    waiting for a round past the game's last: a condition no game meets. ``own``: a card's track (a move's own
    track is the one it is played on, any of them: its bound must be past every track's to be refused).

    Found from outside: a card scheduled for when round 50 of an eight-round game comes, or needing trust at 500
    on a meter that stops at 10, validated clean and never came up (``schedule.round`` past the last was already
    refused). A card's or a move's ``requires`` on a later round is not refused: a game made shorter than its
    deck (a sweep of ``turns``, a one-round rehearsal) leaves such cards unplayed, as it should."""
    if isinstance(condition, RoundCondition):
        if not scheduled:
            return None
        turns = rs.ruleset.turns
        if condition.round.at_least is not None and condition.round.at_least > turns:
            return ("round", "at_least"), _("round {round} is past the last round of ruleset '{ruleset}' (turns = "
                                            "{turns}): this condition never holds").format(
                round=condition.round.at_least, ruleset=rs.id, turns=turns)
        return None
    if isinstance(condition, (TensionCondition, ProgressCondition)):
        return _track_never(rs, condition, own)
    if isinstance(condition, MeterCondition):
        meter = next((m for m in rs.meters if m.id == condition.meter), None)
        if meter is None:
            return None  # an unknown meter is its own problem
        for key, bound, outside in (("at_least", condition.at_least, lambda n: n > meter.max),
                                    ("at_most", condition.at_most, lambda n: n < meter.min)):
            if bound is not None and outside(bound):
                return (key,), _("meter '{meter}' goes from {min} to {max}: {key} = {n} never holds").format(
                    meter=meter.id, min=meter.min, max=meter.max, key=key, n=bound)
    return None


def _track_never(rs: Ruleset, condition: TensionCondition | ProgressCondition, own: str | None
                 ) -> tuple[KeyPath, str] | None:
    """A tension bound past the track's breakdown (tension stops there), or a position past the top of its ladder.

    Found from outside: ``tension = { at_least = 50 }`` on a track that breaks down at 5, ``progress = { at_least =
    7 }`` on a three-rung ladder, and a dice modifier that could never add validated clean, when the same mistake on
    a meter was refused."""
    named = condition.other_track() or own
    tracks = [t for t in rs.tracks if t.id == named] if named is not None else list(rs.tracks)
    if not tracks:
        return None  # an unknown track is its own problem
    tension = isinstance(condition, TensionCondition)
    top = max(t.breakdown_at if tension else len(t.ladder) - 1 for t in tracks)
    bounds = condition.tension if tension else condition.progress  # type: ignore[union-attr]
    key = condition.key
    if bounds.at_most is not None and bounds.at_most < 0:  # found from outside: refused for a meter, not a track
        said = _("a track's tension is never below 0: {key}.at_most = {n} never holds") if tension else \
            _("a track's position is never below 0: {key}.at_most = {n} never holds")
        return (key, "at_most"), said.format(key=key, n=bounds.at_most)
    if bounds.at_least is None or bounds.at_least <= top:
        return None
    if named is None:
        said = _("no track's tension goes past {top} (it stops at the track's breakdown_at): {key}.at_least = {n} "
                 "never holds") if tension else \
            _("no track's ladder goes past position {top}: {key}.at_least = {n} never holds")
    elif tension:
        said = _("track '{track}' breaks down at tension {top}, where its tension stops: {key}.at_least = {n} never "
                 "holds")
    else:
        said = _("track '{track}' has positions 0 to {top} on its ladder: {key}.at_least = {n} never holds")
    return (key, "at_least"), said.format(track=named, top=top, key=key, n=bounds.at_least)


_LINK_EFFECT_TRACK = N_(
    "link_effects land on the track the player links to when making the move; "
    "remove track = ... (to change this move's own track, use effects)"
)


def _effect_breaks(
    scope: _Scope, part: Effect, other: str | None, named_other: bool, meter: str | None
) -> tuple[str, str] | None:
    """The last key and message of the independence rule an effect breaks, if any."""
    kind, global_scope, scope_words, strict = scope.kind, scope.global_scope, scope.words, scope.strict
    if part.writes_track and global_scope and other is None:
        return (
            part.key,
            _("'{key}' changes a track, but {scope} has no track; give the {kind} a track ({how})").format(
                # untranslated: TOML, written as in the file
                key=part.key, scope=scope_words, kind=kind, how="scope = track" if scope.is_move else "track = ..."),
        )
    if part.writes_track and global_scope:
        return (
            "track",
            _("{scope} may not change track '{track}': a change to a track happens only in an action scoped to "
              "that track; give the {kind} track = \"{track}\"").format(scope=scope_words, track=other, kind=kind),
        )
    if strict and part.writes_track and named_other:
        return (
            "track",
            _("independence rule 1 (strict): {scope} may not write track '{track}'; a track-scoped {kind} writes "
              "only its own track — {principle}").format(scope=scope_words, track=other, kind=kind,
                                                         principle=_(PRINCIPLE)),
        )
    if strict and part.writes_meter and not global_scope:
        return (
            "meter",
            _("independence rule 1 (strict): {scope} may not write the global meter '{meter}'; only global cards "
              "and moves write meters (rule 5)").format(scope=scope_words, meter=meter),
        )
    return None


def _condition_breaks(scope: _Scope, part: Condition, other: str | None, named_other: bool) -> tuple[str, str] | None:
    """The last key and message of the independence rule a condition breaks, if any."""
    global_scope, scope_words, strict = scope.global_scope, scope.words, scope.strict
    if part.reads_track and global_scope and other is None:
        return part.key, _("'{key}' reads a track, but {scope} has no track").format(key=part.key, scope=scope_words)
    if strict and part.reads_track and global_scope:
        return (
            "track",
            _("independence rule 5 (strict): {scope} may not read track '{track}'; meters are the only channel "
              "between tracks").format(scope=scope_words, track=other),
        )
    if strict and named_other:
        return (
            "track",
            _("independence rule 3 (strict): linkage — {scope} makes its outcome conditional on track '{track}'; "
              "{principle}").format(scope=scope_words, track=other, principle=_(PRINCIPLE)),
        )
    return None
