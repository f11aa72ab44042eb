"""Checks that need more than one table: ids that must exist, and independence.

Each check yields ``(owner, key path, message)`` where owner is ``"ruleset"``
or ``"deck"`` — the file the problem must be reported against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .errors import KeyPath, did_you_mean
from .models import Card, Deck, MoveType, Ruleset
from .vocabulary import Condition, Effect, MeterEffect

Found = tuple[str, KeyPath, str]

PRINCIPLE = "not everything must be agreed for anything to be agreed"


def _duplicates(owner: str, section: str, ids: Sequence[str]) -> Iterator[Found]:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            yield owner, (section, i, "id"), f"duplicate id '{item_id}': ids must be unique in {section}"
        seen.add(item_id)


def _unknown(kind: str, name: str, known: Iterable[str]) -> str:
    known = sorted(set(known))
    listed = ", ".join(known) if known else "none defined"
    return f"unknown {kind} '{name}'{did_you_mean(name, known)} (known: {listed})"


def check_ruleset(rs: Ruleset) -> list[Found]:
    """Ids and references inside one ruleset."""
    out: list[Found] = []
    out += _duplicates("ruleset", "actors", [a.id for a in rs.actors])
    out += _duplicates("ruleset", "meters", [m.id for m in rs.meters])
    out += _duplicates("ruleset", "tracks", [t.id for t in rs.tracks])
    out += _duplicates("ruleset", "moves", [m.id for m in rs.moves])
    actors = [a.id for a in rs.actors]
    tracks = {t.id: t for t in rs.tracks}
    resources = resource_names(rs)
    for ti, track in enumerate(rs.tracks):
        for mi, member in enumerate(track.members):
            if member not in actors:
                out.append(("ruleset", ("tracks", ti, "members", mi), _unknown("actor", member, actors)))
        for vi, vetoer in enumerate(track.vetoes()):
            if vetoer not in track.members:
                out.append(
                    (
                        "ruleset",
                        ("tracks", ti, "ratify", "veto", vi),
                        f"'{vetoer}' holds a veto but is not a member of track '{track.id}' "
                        f"(members: {', '.join(track.members)})",
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
                            f"position {objective.at_least} is past the top of track "
                            f"'{objective.track}' (positions 0..{top})",
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
        why = f"moves {', '.join(waits)} are ruled on" if waits else "sealed moves are revealed"
        out.append(("ruleset", ("ruleset", "phases"), f"{why} in an 'adjudication' phase, which the phases leave out"))
    elif "adjudication" in phases and phases.index("adjudication") < phases.index("moves"):
        out.append(("ruleset", ("ruleset", "phases"), "'adjudication' must come after 'moves': it rules on the moves of the round"))
    return out


def _check_spillover(ti: int, track: str, effects: Sequence[Effect], meters: Sequence[str]) -> Iterator[Found]:
    """``on_agreed``: goodwill spills over, failure does not — an agreement may only raise shared meters.

    In either mode: under strict this is the one write from a track to a meter
    the rules allow, and the engine checks it again (rules._assert_independent).
    """
    for ei, effect in enumerate(effects):
        path: KeyPath = ("tracks", ti, "on_agreed", ei)
        if not isinstance(effect, MeterEffect):
            why = (f"an agreement on track '{track}' may not change a track — {PRINCIPLE}"
                   if effect.writes_track else f"'{effect.key}' is not goodwill")
            yield (
                "ruleset",
                (*path, effect.key),
                f"only goodwill spills over: on_agreed may only raise a shared meter "
                f"({MeterEffect.example}), not '{effect.key}': {why}",
            )
        elif effect.meter not in meters:
            yield "ruleset", (*path, "meter"), _unknown("meter", effect.meter, meters)
        elif effect.add <= 0:
            yield (
                "ruleset",
                (*path, "add"),
                f"only goodwill spills over: on_agreed may only raise a meter, not add {effect.add} to "
                f"'{effect.meter}' — nothing on one track may lower a shared meter",
            )


def check_deck(deck: Deck) -> list[Found]:
    """Ids inside one deck."""
    return list(_duplicates("deck", "cards", [c.id for c in deck.cards]))


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
                        f"'{choice.actor}' answers a card on track '{card.track}' but is not one of "
                        f"its members ({', '.join(tracks[card.track].members)}) — rule 2",
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
                            "a resource condition needs an actor, and only a card with choices has one "
                            "(the actor who answers it)",
                        )
                    )
            for ei, effect in enumerate(card.effects):
                if effect.key == "resource":
                    out.append(
                        (
                            "deck",
                            (*path, "effects", ei, "resource"),
                            "a resource effect needs an actor: put it in a choice, whose actor it then affects",
                        )
                    )
        out += check_scoped(rs, "deck", path, card, card.track)
    for pi, prompt in enumerate(deck.prompts):
        if prompt.track not in tracks:
            out.append(("deck", ("prompts", pi, "track"), _unknown("track", prompt.track, tracks)))
    out += _check_stock_arguments(rs, deck)
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
            yield "deck", (*path, "track"), (f"no move of ruleset '{rs.id}' offers an argument on track "
                                             f"'{stock.track}' (resolution = \"argue\"): these texts would never be used")
            continue
        for key in ("actions", "reasons", "counters"):
            for move in offered:
                assert move.argue is not None
                limit = move.argue.text_length if key == "actions" else move.argue.reason_length
                too_long = [(j, len(t)) for j, t in enumerate(getattr(stock, key)) if len(t) > limit]
                for j, n in too_long:
                    yield "deck", (*path, key, j), (f"{n} characters: move '{move.id}' takes at most {limit} "
                                                    f"({'text_length' if key == 'actions' else 'reason_length'})")
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
        return [("deck", (*path, "schedule"), f"a scheduled card comes up at the round's draw, in the 'event' "
                 f"phase, which the phases of ruleset '{rs.id}' leave out: the card would never come up")]
    if schedule.round is None or schedule.round <= turns:
        return []
    return [
        (
            "deck",
            (*path, "schedule", "round"),
            f"round {schedule.round} is past the last round of ruleset '{rs.id}' (turns = {turns}): "
            "the card would never come up",
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
    kind = "move" if is_move else "card"
    global_scope = (thing.scope == "global") if isinstance(thing, MoveType) else card_track is None
    if global_scope:
        scope_words = f"global {kind} '{thing.id}'"
    elif is_move:
        scope_words = f"track move '{thing.id}'"
    else:
        scope_words = f"card '{thing.id}' on track '{card_track}'"
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
        other = part.other_track()
        if other is not None and rel[0] == "link_effects":
            out.append((owner, (*path, "track"), _LINK_EFFECT_TRACK))
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


_LINK_EFFECT_TRACK = (
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
            f"'{part.key}' changes a track, but {scope_words} has no track; "
            f"give the {kind} a track ({'scope = track' if scope.is_move else 'track = ...'})",
        )
    if part.writes_track and global_scope:
        return (
            "track",
            f"{scope_words} may not change track '{other}': a change to a track happens only "
            f"in an action scoped to that track; give the {kind} track = \"{other}\"",
        )
    if strict and part.writes_track and named_other:
        return (
            "track",
            f"independence rule 1 (strict): {scope_words} may not write track '{other}'; "
            f"a track-scoped {kind} writes only its own track — {PRINCIPLE}",
        )
    if strict and part.writes_meter and not global_scope:
        return (
            "meter",
            f"independence rule 1 (strict): {scope_words} may not write the global meter "
            f"'{meter}'; only global cards and moves write meters (rule 5)",
        )
    return None


def _condition_breaks(scope: _Scope, part: Condition, other: str | None, named_other: bool) -> tuple[str, str] | None:
    """The last key and message of the independence rule a condition breaks, if any."""
    global_scope, scope_words, strict = scope.global_scope, scope.words, scope.strict
    if part.reads_track and global_scope and other is None:
        return part.key, f"'{part.key}' reads a track, but {scope_words} has no track"
    if strict and part.reads_track and global_scope:
        return (
            "track",
            f"independence rule 5 (strict): {scope_words} may not read track '{other}'; "
            "meters are the only channel between tracks",
        )
    if strict and named_other:
        return (
            "track",
            f"independence rule 3 (strict): linkage — {scope_words} makes its outcome "
            f"conditional on track '{other}'; {PRINCIPLE}",
        )
    return None
